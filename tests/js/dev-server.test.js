// The `npm start` preview server (web/dev-server.mjs), on a free loopback port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { basename, join } from 'node:path';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DIST, exampleFiles, loadBroadsheet, readText } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const { startDevServer } = await import('../../web/dev-server.mjs');

let server;
let base;

before(async () => {
  ({ server, url: base } = await startDevServer({ port: 0 }));
});
after(() => new Promise((ok) => server.close(ok)));

/** A raw GET, so paths like /dist/../x reach the server unnormalised; `host` overrides the Host header. */
function get(path, { host, server: at = base } = {}) {
  return new Promise((resolve, reject) => {
    const { port } = new URL(at);
    const headers = host === undefined ? {} : { Host: host };
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 only', () => {
  assert.equal(server.address().address, '127.0.0.1');
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('serves the draft preview page and its assets at /', async () => {
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.match(res.type, /^text\/html/);
  const html = res.body.toString();
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.some((a) => a.endsWith('.js')), 'the page loads a script from assets/');
  for (const asset of assets) assert.equal((await get(`/${asset}`)).status, 200, asset);
});

test('the examples index links every example', async () => {
  const res = await get('/examples/');
  assert.equal(res.status, 200);
  for (const file of exampleFiles()) {
    for (const suffix of ['.html', '.email.html', '.txt', '.json', '.md']) {
      assert.ok(res.body.toString().includes(`href="/examples/${basename(file, '.md')}${suffix}"`), basename(file) + suffix);
    }
  }
});

test('each example is rendered as a standalone page, fresh on each request', async () => {
  const renderer = await createRenderer();
  for (const file of exampleFiles()) {
    const res = await get(`/examples/${basename(file, '.md')}.html`);
    assert.equal(res.status, 200);
    assert.match(res.type, /^text\/html/);
    assert.equal(res.body.toString(), renderer.render(readText(file), { standalone: true }).output);
  }
});

test('serves each example as Markdown, as written', async () => {
  for (const file of exampleFiles()) {
    const res = await get(`/examples/${basename(file)}`);
    assert.equal(res.status, 200);
    assert.match(res.type, /^text\/markdown/);
    assert.equal(res.body.toString(), readText(file));
  }
});

test('serves each example as email, text and JSON for the preview views', async () => {
  const renderer = await createRenderer();
  const views = [['.email.html', 'email', /^text\/html/], ['.txt', 'text', /^text\/plain/], ['.json', 'json', /^application\/json/]];
  for (const file of exampleFiles()) {
    for (const [suffix, format, type] of views) {
      const res = await get(`/examples/${basename(file, '.md')}${suffix}`);
      assert.equal(res.status, 200, suffix);
      assert.match(res.type, type);
      assert.equal(res.body.toString(), renderer.render(readText(file), { format }).output);
    }
  }
});

test('serves dist/ with the right MIME types', async () => {
  const wasm = await get('/dist/broadsheet.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
  const js = await get('/dist/index.js');
  assert.equal(js.status, 200);
  assert.match(js.type, /^text\/javascript/);
});

test('refuses path traversal and unknown pages', async () => {
  for (const path of ['/dist/../package.json', '/dist/%2e%2e/package.json', '/dist/..%2fpackage.json', '/..%2fpackage.json', '/nope.html', '/package.json',
    '/examples/nope.md', '/examples/..%2fpackage.json', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
    assert.equal((await get(path)).status, 404, path);
  }
});

// Issue 15, item 8: DNS rebinding (any Host accepted), symlinks out of the served folders, no nosniff.
test('answers only Host 127.0.0.1:PORT or localhost:PORT (DNS rebinding)', async () => {
  const { port } = new URL(base);
  assert.equal((await get('/dist/index.js', { host: `127.0.0.1:${port}` })).status, 200);
  assert.equal((await get('/dist/index.js', { host: `localhost:${port}` })).status, 200);
  assert.equal((await get('/dist/index.js', { host: `LOCALHOST:${port}` })).status, 200);
  for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `localhost.evil.example:${port}`, `127.0.0.1:${port}.evil.example`]) {
    const res = await get('/dist/index.js', { host });
    assert.equal(res.status, 421, `Host: ${host}`);
    assert.ok(!res.body.toString().includes('createRenderer'), `Host: ${host}`);
    assert.equal((await get('/examples/', { host })).status, 421, `Host: ${host}`);
  }
});

test('every response carries nosniff and a content type', async () => {
  const paths = ['/', '/dist/index.js', '/dist/broadsheet.wasm', '/dist/index.d.ts', '/examples/', '/nope', '/dist/nope.js'];
  for (const file of exampleFiles()) paths.push(`/examples/${basename(file)}`, `/examples/${basename(file, '.md')}.html`);
  for (const path of paths) {
    const res = await get(path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    assert.ok(res.type, `${path} has a Content-Type`);
  }
});

test('serves only real files inside its folders: no symlink leads out', async () => {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-dev-server-'));
  const outside = mkdtempSync(join(tmpdir(), 'broadsheet-outside-'));
  let other;
  try {
    cpSync(DIST, join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'build', 'preview'), { recursive: true });
    mkdirSync(join(root, 'examples'));
    writeFileSync(join(root, 'build', 'preview', 'index.html'), '<!doctype html><title>preview</title>\n');
    writeFileSync(join(outside, 'secret.txt'), 'SECRET\n');
    writeFileSync(join(root, 'dist', 'inside.txt'), 'inside\n');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'dist', 'secret.txt'));
    symlinkSync(outside, join(root, 'dist', 'linked'));
    symlinkSync('/etc/passwd', join(root, 'build', 'preview', 'passwd.js'));
    mkdirSync(join(root, 'build', 'preview', 'assets'));
    symlinkSync(outside, join(root, 'build', 'preview', 'assets', 'out'));
    symlinkSync(join(root, 'dist', 'inside.txt'), join(root, 'dist', 'alias.txt'));  // a link that stays inside
    other = await startDevServer({ port: 0, root });
    const at = other.url;
    for (const path of ['/dist/secret.txt', '/dist/linked/secret.txt', '/assets/out/secret.txt', '/dist/linked/']) {
      const res = await get(path, { server: at });
      assert.equal(res.status, 404, path);
      assert.ok(!res.body.toString().includes('SECRET'), path);
    }
    assert.equal((await get('/dist/inside.txt', { server: at })).status, 200);
    assert.equal((await get('/dist/alias.txt', { server: at })).body.toString(), 'inside\n');
    assert.equal((await get('/dist/index.js', { server: at })).status, 200);
  } finally {
    if (other) await new Promise((ok) => other.server.close(ok));
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

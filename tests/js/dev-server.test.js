// The `npm start` preview server (web/dev-server.mjs), on a free loopback port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { basename } from 'node:path';
import { exampleFiles, loadBroadsheet, readText } from './helpers.js';

const { createRenderer } = await loadBroadsheet();
const { startDevServer } = await import('../../web/dev-server.mjs');

let server;
let base;

before(async () => {
  ({ server, url: base } = await startDevServer({ port: 0 }));
});
after(() => new Promise((ok) => server.close(ok)));

/** A raw GET, so paths like /dist/../x reach the server unnormalised. */
function get(path) {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
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

// The packed tarball, installed into a temporary project, used by every kind of consumer: Node ESM
// and CommonJS, TypeScript (tsc --noEmit; an unknown format must not compile), a Vite build with no
// config run in Chromium, a plain page with no bundler, a module Web Worker, and a page under a
// strict Content-Security-Policy. Each asserts the real output, equal to the built package's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, ROOT, loadBroadsheet, readText, run } from '../helpers/repo.js';
import { makeConsumerProject } from '../helpers/package-project.js';
import { launchChromium, offSiteExceptContentImages, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

const MARKDOWN = readText(join(EXAMPLES, 'minimal.md'));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const ESBUILD = join(ROOT, 'node_modules', '.bin', 'esbuild'); // a native binary
// 'wasm-unsafe-eval' is what compiling WebAssembly needs; no 'unsafe-eval', no inline script or style.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

let project;
let expected; // the built package's own output for MARKDOWN
let expectedSections;
let browser;
let appServer;
let viteServer;

before(async () => {
  const broadsheet = await loadBroadsheet(); // fails clearly when dist/ is not built
  const result = (await broadsheet.createRenderer()).render(MARKDOWN);
  expected = result.output;
  expectedSections = result.outline.filter((e) => e.level === 2).map((e) => e.title);
  project = makeConsumerProject(MARKDOWN);
  const csp = { 'Content-Security-Policy': STRICT_CSP };
  const noWasmCsp = { 'Content-Security-Policy': STRICT_CSP.replace(" 'wasm-unsafe-eval'", '') };
  const plain = readText(join(project.app, 'plain.html'));
  ({ server: appServer } = await startStaticServer(project.app, {
    '/csp.html': { body: plain, headers: csp },
    '/csp-no-wasm.html': { body: plain, headers: noWasmCsp },
  }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(appServer);
  await stopServer(viteServer);
  if (project) rmSync(project.dir, { recursive: true, force: true });
});

const originOf = (server) => `http://127.0.0.1:${server.address().port}`;

/** Opens a page, waits for window.__state to hold `keys`, and returns it with what was watched. */
async function visit(url, keys) {
  const context = await browser.newContext();
  const watch = await watchContext(context);
  const tab = await context.newPage();
  try {
    await tab.goto(url);
    await tab.waitForFunction((ks) => ks.every((k) => window.__state?.[k]), keys, { timeout: 30_000 });
    return { state: await tab.evaluate(() => window.__state), watch };
  } finally {
    await context.close();
  }
}

/** What every page consumer must show: the API's exact output and the widget's sections. */
function assertRendered({ state, watch }) {
  assert.equal(state.api.error, undefined, state.api.error);
  assert.equal(state.api.output, expected);
  assert.equal(state.widget.error, undefined, state.widget.error);
  assert.equal(state.widget.h1, 'Benches are infrastructure');
  assert.deepEqual(state.widget.sections, expectedSections);
  assert.equal(state.widget.lightDom, 0);
  assert.equal(state.widget.background, 'rgb(21, 23, 27)', 'the dark theme is applied');
  assert.deepEqual(state.violations ?? [], [], 'CSP violations');
  assert.deepEqual(watch.pageErrors, [], 'page errors');
  assert.deepEqual(watch.consoleErrors, [], 'console errors');
  assert.deepEqual(offSiteExceptContentImages(watch), [], 'off-site requests');
}

const node = (file) => {
  const r = run(process.execPath, [file], { cwd: project.app });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.toString('utf8') || 'null');
};

test('the tarball holds the package files and nothing else', (t) => {
  const r = run('tar', ['-tzf', project.tarball]);
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.toString('utf8').trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  for (const f of ['package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/broadsheet.wasm',
    'dist/broadsheet-core.mjs', 'dist/element.js', 'dist/element.d.ts', 'dist/theme.css']) {
    assert.ok(files.includes(f), `${f} is missing from the tarball`);
  }
  assert.deepEqual(files.filter((f) => !/^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/[\w.-]+)$/.test(f)), []);
  for (const f of ['dist/web.js', 'dist/web.d.ts', 'dist/element-worker.js', 'dist/element-prerender.css', 'custom-elements.json']) {
    assert.ok(files.includes(f), `${f} is missing from the tarball`);
  }
  const installed = JSON.parse(readText(join(project.app, 'node_modules', 'broadsheet', 'package.json')));
  const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => installed.scripts?.[s]);
  assert.deepEqual(lifecycle, [], 'no install scripts');
  assert.deepEqual(installed.dependencies ?? {}, {});
  t.diagnostic(`packed ${project.packed} bytes, unpacked ${project.unpacked} bytes`);
});

test('every relative import in the packed modules names a packed file', () => {
  const dist = join(project.app, 'node_modules', 'broadsheet', 'dist');
  const missing = [];
  for (const file of readdirSync(dist).filter((f) => /\.(m?js|cjs)$/.test(f))) {
    const text = readText(join(dist, file));
    for (const [, target] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|new URL\(\s*)["'](\.\/[\w.-]+)["']/g)) {
      if (!existsSync(join(dist, target))) missing.push(`${file} -> ${target}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('Node ESM: import from the installed package', () => {
  assert.equal(node('esm.mjs').output, expected);
});

test('Node CommonJS: require() the installed package', () => {
  const out = node('cjs.cjs');
  assert.equal(out.output, expected);
  assert.ok(out.frontMatterError > 0, 'a front-matter error is a BroadsheetError with its line');
  assert.ok(existsSync(out.theme), 'broadsheet/theme.css resolves to a file');
  assert.equal(out.version, JSON.parse(readText(join(ROOT, 'package.json'))).version);
});

test('Node: importing broadsheet/element without a DOM defines nothing and does not throw', () => {
  const r = run(process.execPath, ['ssr.mjs'], { cwd: project.app });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.toString('utf8'), 'broadsheet-issue');
});

test('TypeScript: the types compile, and an unknown format is a type error', () => {
  const r = run(process.execPath, [TSC, '-p', project.app]);
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});

test('Vite: a build with no config, run in Chromium', async () => {
  const vite = join(project.app, 'vite');
  assert.ok(!readdirSync(vite).some((f) => f.startsWith('vite.config')), 'no Vite config');
  const r = run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: vite });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'the build printed no warnings');
  const assets = readdirSync(join(vite, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm was emitted: ${assets}`);
  ({ server: viteServer } = await startStaticServer(join(vite, 'dist')));
  assertRendered(await visit(`${originOf(viteServer)}/index.html`, ['api', 'widget']));
});

/** Starts `vite` (the dev server, no config) in `dir`; resolves to { child, url }. */
function startViteDev(dir) {
  const child = spawn(process.execPath, [VITE, '--host', '127.0.0.1', '--port', '0', '--clearScreen', 'false'], { cwd: dir });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${out}`)), 30_000);
    const read = (chunk) => {
      out += chunk;
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => out });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`vite exited with ${code}:\n${out}`)));
  });
}

test('Vite: the dev server with no config, in Chromium', async () => {
  const { child, url } = await startViteDev(join(project.app, 'vite'));
  try {
    assertRendered(await visit(`${url}index.html`, ['api', 'widget']));
  } finally {
    child.kill();
  }
});

test('webpack 5: a build with defaults (src/index.js), run in Chromium', async () => {
  const dir = join(project.app, 'webpack');
  const r = run(process.execPath, ['build.mjs'], { cwd: dir });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  // Only webpack's advisory size hints may remain (the wasm is over its 244 KiB default).
  const reported = JSON.parse(r.stdout.toString('utf8')).filter((m) => !/^(asset|entrypoint) size limit:|^webpack performance recommendations:/.test(m));
  assert.deepEqual(reported, [], 'webpack reported no errors or warnings');
  const emitted = readdirSync(join(dir, 'dist'));
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the wasm was emitted: ${emitted}`);
  assertRendered(await visit(`${originOf(appServer)}/webpack/index.html`, ['api', 'widget']));
});

test('esbuild: one bundle, the cores named with createRenderer({ wasm }) and configure({ wasm })', async () => {
  const dir = join(project.app, 'esbuild');
  const r = run(ESBUILD, ['main.js', '--bundle', '--format=esm', '--outdir=out', '--log-level=warning'], { cwd: dir });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'esbuild printed no warnings');
  const seen = await visit(`${originOf(appServer)}/esbuild/index.html`, ['api', 'widget']);
  assertRendered(seen);
  assert.ok(seen.watch.requests.every((url) => !new URL(url).pathname.startsWith('/esbuild/out/') || url.endsWith('/main.js')),
    'nothing is looked for next to the bundle');
});

test('a plain page with <script type="module"> and no bundler', async () => {
  assertRendered(await visit(`${originOf(appServer)}/plain.html`, ['api', 'widget']));
});

test('a module Web Worker', async () => {
  const { state, watch } = await visit(`${originOf(appServer)}/worker.html`, ['worker']);
  assert.equal(state.worker.error, undefined, state.worker.error);
  assert.equal(state.worker.output, expected);
  assert.deepEqual(watch.consoleErrors, []);
});

test(`a strict Content-Security-Policy (${STRICT_CSP})`, async () => {
  assertRendered(await visit(`${originOf(appServer)}/csp.html`, ['api', 'widget']));
});

test('without wasm-unsafe-eval the CSP blocks the core, and both API and widget say so', async () => {
  const { state } = await visit(`${originOf(appServer)}/csp-no-wasm.html`, ['api', 'widget']);
  assert.match(state.api.error, /could not load the WebAssembly core from .*broadsheet\.wasm/);
  assert.match(state.widget.error, /could not load the WebAssembly core/);
});

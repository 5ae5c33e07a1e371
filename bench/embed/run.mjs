#!/usr/bin/env node
// npm run bench:embed: how fast <broadsheet-issue> shows an issue in Chromium, against markdown-wasm.
// Every load is a fresh browser context (cold cache) on a gzip -9 server on 127.0.0.1, unthrottled
// and under slow-4G emulation (DevTools protocol: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up);
// the pages (pages.mjs) alternate within each round. Prints medians, ratios to the markdown-wasm
// reference, bytes transferred, the element's whole download (gzip -9, the issue not counted), a
// repeat visit (the same page loaded again in the same context: HTTP cache and the wasm code cache warm),
// and Lighthouse 12.2.3's mobile performance score and CLS for the pre-rendered and client-rendered page.
//   node bench/embed/run.mjs [LOADS=9] [--no-lighthouse] [--no-repeat] [--pages widget,published,reference]
//   (needs dist/: npm run build; --pages: only these pages, the reference always among them)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, stopServer } from '../../tests/helpers/browser-harness.js';
import { startGzipServer } from './server.mjs';
import { benchPages } from './pages.mjs';
import { FULL_ISSUE } from './issues.mjs';
import { lighthouseRuns } from './lighthouse.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const loads = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const withLighthouse = !args.includes('--no-lighthouse');
const withRepeat = !args.includes('--no-repeat');
const ALL_PAGES = ['widget', 'preload', 'reference', 'prerendered', 'published', 'published-preload'];
const only = args.includes('--pages') ? new Set([...args[args.indexOf('--pages') + 1].split(','), 'reference']) : null;
const PAGES = ALL_PAGES.filter((p) => !only || only.has(p));
const REPEATED = ['widget', 'reference'].filter((p) => PAGES.includes(p));
// Chrome writes a module's compiled code to its cache once enough of it is optimised, or after a delay;
// the repeat visit waits this long after the first load (a reader coming back is slower still).
const CODE_CACHE_WAIT_MS = 4000;
const CONDITIONS = {
  unthrottled: null,
  'slow 4G': { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); if (!s.length) return NaN; return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const gzip9 = (file) => gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const { createRenderer } = await import('../../dist/index.js');
const fragment = (await createRenderer()).render(FULL_ISSUE).output; // what `broadsheet render --fragment` writes
const { fragmentJson } = await import('../../dist/fragment-format.js');
const published = fragmentJson((await createRenderer()).render(FULL_ISSUE, { lint: false })); // what `broadsheet build` writes
const webJs = readFileSync(join(ROOT, 'dist/web.js'), 'utf8');
const wasmFile = /'\.\/(broadsheet[\w-]*\.wasm)'/.exec(webJs)[1]; // the core the element loads
const routes = await benchPages({ fragment, published, issue: FULL_ISSUE, wasm: `/dist/${wasmFile}` });
const { server, origin } = await startGzipServer(ROOT, routes);
const browser = await launchChromium();
const chromiumVersion = browser.version();

/**
 * One cold load of `page`: ms to the issue shown, first contentful paint, bytes by resource. With
 * `repeat`, the page is loaded once, then, after CODE_CACHE_WAIT_MS, again in the same context with the
 * cache on, and the second load is what is measured.
 */
async function load(page, conditions, { repeat = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  // The issue's remote images, blocked by CDP below: Playwright's own routing would turn the HTTP cache off,
  // which the repeat visit needs. The pages are served over http from 127.0.0.1; the issue's images are https.
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const urls = new Map();
  const bytes = {};
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, new URL(request.url).pathname));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const path = urls.get(requestId);
    if (path) bytes[path] = (bytes[path] ?? 0) + encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: ['https://*'] });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !repeat });
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  try {
    if (repeat) {
      await tab.goto(`${origin}/${page}.html`);
      await tab.waitForFunction(() => window.__shownAt || window.__failed, null, { timeout: 60_000 });
      await new Promise((ok) => setTimeout(ok, CODE_CACHE_WAIT_MS));
      for (const path of Object.keys(bytes)) delete bytes[path]; // count the second visit's bytes only
    }
    await tab.goto(`${origin}/${page}.html`);
    await tab.waitForFunction(() => window.__shownAt || window.__failed, null, { timeout: 60_000 });
    const r = await tab.evaluate(() => ({
      shown: window.__shownAt, failed: window.__failed,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    if (r.failed) throw new Error(`${page}: ${r.failed}`);
    await new Promise((ok) => setTimeout(ok, 50)); // let loadingFinished events arrive
    return { ...r, bytes };
  } finally {
    await context.close();
  }
}

const results = {};
try {
  for (const [condition, settings] of Object.entries(CONDITIONS)) {
    const runs = Object.fromEntries(PAGES.map((p) => [p, []]));
    for (let i = 0; i < loads; i++) {
      const order = i % 2 ? [...PAGES].reverse() : PAGES; // alternate, so neither side always goes first
      for (const page of order) runs[page].push(await load(page, settings));
    }
    results[condition] = runs;
    if (withRepeat) {
      const repeats = Object.fromEntries(REPEATED.map((p) => [p, []]));
      for (let i = 0; i < loads; i++) {
        for (const page of i % 2 ? [...REPEATED].reverse() : REPEATED) repeats[page].push(await load(page, settings, { repeat: true }));
      }
      results[`${condition}, repeat visit`] = repeats;
    }
  }
} finally {
  await browser.close();
  await stopServer(server);
}

const elementFiles = ['dist/element.js', 'dist/element-render.js', `dist/${wasmFile}`];
const elementDownload = elementFiles.reduce((sum, f) => sum + gzip9(f), 0);
console.log(`Broadsheet embed benchmark: examples/full.md (${kb(Buffer.byteLength(FULL_ISSUE))}), Chromium ${chromiumVersion}, `
  + `${loads} cold loads per page and condition, fresh context each, gzip -9 from 127.0.0.1\n`);
for (const [condition, runs] of Object.entries(results)) {
  const ref = median(runs.reference.map((r) => r.shown));
  console.log(`${condition}`);
  console.log('  page               shown (median)  vs markdown-wasm  first paint  bytes transferred (all / without the issue)');
  // "shown": the issue in place by script (for prerendered: the element took over an issue visible since first paint).
  for (const page of PAGES.filter((p) => runs[p])) {
    const shown = median(runs[page].map((r) => r.shown));
    const fcp = median(runs[page].map((r) => r.fcp).filter(Number.isFinite));
    const all = median(runs[page].map((r) => Object.values(r.bytes).reduce((a, b) => a + b, 0)));
    const noIssue = median(runs[page].map((r) => Object.entries(r.bytes).filter(([p]) => !/^\/(issue\.md|letter\/)/.test(p)).reduce((a, [, b]) => a + b, 0)));
    const paint = Number.isFinite(fcp) ? `${fcp.toFixed(0)} ms` : 'n/a'; // no paint before the script's own
    console.log(`  ${page.padEnd(18)} ${`${shown.toFixed(0)} ms`.padStart(14)}  ${`${(shown / ref).toFixed(2)}x`.padStart(16)}  ${paint.padStart(11)}  ${kb(all)} / ${kb(noIssue)}`);
  }
  console.log(`  (loads, ms: ${Object.keys(runs).map((p) => `${p} ${runs[p].map((r) => r.shown.toFixed(0)).join(' ')}`).join('; ')})\n`);
}
console.log(`The element's whole download, gzip -9 (the issue not counted): ${elementFiles.map((f) => `${f} ${kb(gzip9(f))}`).join(' + ')} `
  + `= ${kb(elementDownload)} (styles are inside element.js; the pre-rendered page adds dist/element-prerender.css ${kb(gzip9('dist/element-prerender.css'))}; `
  + `issues from 32 KiB add dist/element-worker.js ${kb(gzip9('dist/element-worker.js'))})`);
console.log(`A published issue's whole download, gzip -9: dist/element.js ${kb(gzip9('dist/element.js'))} (the theme is inside) + `
  + `fragment.json ${kb(gzipSync(published, { level: 9 }).length)} = ${kb(gzip9('dist/element.js') + gzipSync(published, { level: 9 }).length)}`);
console.log(`markdown-wasm reference: reference.js ${kb(gzipSync(routes['/reference.js'].body, { level: 9 }).length)} + markdown.wasm ${kb(gzip9('node_modules/markdown-wasm/dist/markdown.wasm'))}\n`);

if (withLighthouse) {
  const { server: lhServer, origin: lhOrigin } = await startGzipServer(ROOT, routes);
  try {
    for (const page of ['prerendered', 'widget', 'reference']) {
      const runs = await lighthouseRuns(`${lhOrigin}/${page}.html`, 3);
      const pick = (key) => median(runs.map((r) => r[key]));
      console.log(`Lighthouse 12.2.3 (mobile, simulated slow 4G), ${page}: performance ${pick('score')} (runs: ${runs.map((r) => r.score).join(' ')}), `
        + `CLS ${pick('cls').toFixed(3)}, LCP ${(pick('lcp') / 1000).toFixed(2)} s, FCP ${(pick('fcp') / 1000).toFixed(2)} s, TBT ${pick('tbt').toFixed(0)} ms`);
    }
  } finally {
    await stopServer(lhServer);
  }
}

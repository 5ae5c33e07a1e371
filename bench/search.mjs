// `npm run bench:search`: full-text search over 1,000 generated issues (the build bench's issues, each
// with one more paragraph of 80 words drawn from a 20,000-word made-up vocabulary and one word of its own,
// `needleNNNN`, so the index has a long archive's variety). Measures Pagefind's index time and size on disk
// (from buildSite's report and the bundle), then in Chromium on loopback, a fresh context per run: the bytes
// a reader downloads for a first search (from focusing the archive's box) and for a second one (the files
// requested, as sent, and as a host gzipping JS and JSON would send them), and the time from typing to the
// first result shown. Prints a table and writes build/bench/search.json.
//   node bench/search.mjs [--issues N] [--keep DIR]
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { archiveOptions, writeArchive } from './generate-issue.mjs';
import { launchChromium, startStaticServer, stopServer } from '../tests/helpers/browser-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { count: COUNT, keep } = archiveOptions(process.argv.slice(2));
const RUNS = 5;

// A made-up vocabulary, the same on every run (a small linear congruential generator).
let seed = 26;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'to', 'vel', 'dun', 'pri', 'ost', 'an', 'er', 'qui', 'zo', 'bel', 'tam'];
const vocabulary = Array.from({ length: 20000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
const paragraph = (n) => `${Array.from({ length: 80 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')} needle${String(n).padStart(4, '0')}.\n`;

const { dir, input, out } = writeArchive({
  count: COUNT, keep, name: 'search', change: (n, text) => text.replace(/^## /m, `${paragraph(n)}\n## `),
});

const files = (folder) => readdirSync(folder, { recursive: true }).map(String).filter((f) => statSync(join(folder, f)).isFile());
const { server, origin } = await startStaticServer(dir);
const { buildSite } = await import(pathToFileURL(join(ROOT, 'dist', 'build.js')).href);
const report = await buildSite({ input, out, baseUrl: `${origin}/site/` });
if (report.errors.length) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
const bundle = join(out, 'pagefind');
const bundleFiles = files(bundle);
const bytesOf = (list) => list.reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0);
const disk = {
  files: bundleFiles.length,
  bytes: bytesOf(bundleFiles),
  index: bytesOf(bundleFiles.filter((f) => /^(index|fragment)\/|\.pf_meta$/.test(f))),
  code: bytesOf(bundleFiles.filter((f) => /\.(js|pagefind)$/.test(f))),
  codeGzipped: bundleFiles.filter((f) => /\.(js|pagefind)$/.test(f)).reduce((sum, f) => sum + gzipSync(readFileSync(join(bundle, f)), { level: 9 }).length, 0),
};

// A response's body as the loopback server sent it (the file, uncompressed), and as a host that gzips
// text would (Pagefind's index files and wasm are gzipped already, and sent as they are).
const served = (url) => {
  const file = readFileSync(join(dir, decodeURIComponent(new URL(url).pathname)));
  return { url, size: file.length, gzipped: /\.(js|json)$/.test(new URL(url).pathname) ? gzipSync(file, { level: 9 }).length : file.length };
};

const browser = await launchChromium();
const runs = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext(); // a fresh cache each run
    const requested = [];
    context.on('requestfinished', (request) => requested.push(request.url()));
    const tab = await context.newPage();
    await tab.goto(`${origin}/site/index.html`);
    await tab.waitForLoadState('networkidle');
    const pageBytes = requested.length;
    // `pause`: ms between focusing the box and typing (0: the query comes with the focus, cold).
    const answer = (tab, query, pause = 0) => tab.evaluate(([q, wait]) => new Promise((ok) => {
      const box = document.querySelector('.bs-search input');
      box.focus(); // the first focus loads the search module and Pagefind
      let started;
      document.addEventListener('broadsheet-search', function seen(event) {
        if (event.detail.query !== q) return;
        document.removeEventListener('broadsheet-search', seen);
        const timeline = performance.getEntriesByType('resource').filter((r) => r.startTime >= started)
          .map((r) => `${r.name.replace(/^.*\//, '')} ${Math.round(r.startTime - started)}-${Math.round(r.responseEnd - started)}`);
        ok({ ms: performance.now() - started, count: event.detail.count, first: document.querySelector('.bs-search-results a')?.href, timeline });
      });
      setTimeout(() => {
        started = performance.now();
        box.value = q;
        box.dispatchEvent(new Event('input'));
      }, wait);
    }), [query, pause]);
    const first = await answer(tab, `needle${String(1 + run * 97).padStart(4, '0')}`);
    await tab.waitForLoadState('networkidle');
    const afterFirst = requested.length;
    const second = await answer(tab, vocabulary[1000 + run * 997]); // another word, in a few issues
    await tab.waitForLoadState('networkidle');
    const firstBytes = requested.slice(pageBytes, afterFirst).map(served);
    const secondBytes = requested.slice(afterFirst).map(served);
    await context.close();
    // A reader who clicks into the box and types a moment later: the first search once Pagefind is loaded.
    const fresh = await browser.newContext();
    const tab2 = await fresh.newPage();
    await tab2.goto(`${origin}/site/index.html`);
    await tab2.waitForLoadState('networkidle');
    const typed = await answer(tab2, `needle${String(250 + run * 13).padStart(4, '0')}`, 1000);
    await fresh.close();
    runs.push({
      firstMs: first.ms, secondMs: second.ms, typedMs: typed.ms, timeline: first.timeline, found: [first.count, second.count], firstUrl: first.first,
      firstBytes: firstBytes.reduce((s, r) => s + r.size, 0), firstGzipped: firstBytes.reduce((s, r) => s + r.gzipped, 0), firstRequests: firstBytes.length,
      secondBytes: secondBytes.reduce((s, r) => s + r.size, 0), secondGzipped: secondBytes.reduce((s, r) => s + r.gzipped, 0), secondRequests: secondBytes.length,
      requests: firstBytes.concat(secondBytes).map((r) => `${r.url.replace(origin, '')} ${r.size}`),
    });
  }
} finally {
  await browser.close();
  await stopServer(server);
}

const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const results = {
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg()[0], issues: COUNT,
  index: { milliseconds: report.search.milliseconds, pages: report.search.indexed, buildMilliseconds: report.milliseconds, disk },
  runs,
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`search over ${COUNT} generated issues, ${results.cpus} cores, Node ${process.version}, load ${results.loadavg.toFixed(2)}`);
console.log(`\n| measure | value |\n|:--|--:|`);
console.log(`| index time (Pagefind, in a ${(report.milliseconds / 1000).toFixed(1)} s build from scratch) | ${(report.search.milliseconds / 1000).toFixed(2)} s |`);
console.log(`| index on disk (${disk.files} files) | ${kb(disk.bytes)} |`);
console.log(`| of which the index itself (pf_meta, index/, fragment/) | ${kb(disk.index)} |`);
console.log(`| of which Pagefind's code (js + wasm; gzipped ${kb(disk.codeGzipped)}) | ${kb(disk.code)} |`);
console.log(`| first search: bytes downloaded (median of ${RUNS}; with gzip on JS and JSON) | ${kb(median('firstBytes'))} (${kb(median('firstGzipped'))}) in ${median('firstRequests')} requests |`);
console.log(`| second search (another word, results listed up to 10) | ${kb(median('secondBytes'))} (${kb(median('secondGzipped'))}) in ${median('secondRequests')} requests |`);
console.log(`| first result, from focusing and typing (cold) | ${median('firstMs').toFixed(0)} ms |`);
console.log(`| first result, typed 1 s after focusing (Pagefind loaded, its index not yet) | ${median('typedMs').toFixed(0)} ms |`);
console.log(`| second result | ${median('secondMs').toFixed(0)} ms |`);
console.log(`\nfirst runs: ${runs.map((r) => r.firstMs.toFixed(0)).join(', ')} ms cold, ${runs.map((r) => r.typedMs.toFixed(0)).join(', ')} ms typed; found ${runs.map((r) => r.found.join('+')).join(', ')}`);
const typical = runs.find((r) => r.firstMs === median('firstMs'));
console.log(`the median first search, ms from focus (fetch start-end): ${typical.timeline.join(', ')}, result at ${typical.firstMs.toFixed(0)}`);
mkdirSync(join(ROOT, 'build', 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'build', 'bench', 'search.json'), JSON.stringify(results, null, 1));
if (!keep) rmSync(dir, { recursive: true, force: true });

// Keystroke-to-preview latency of the draft preview page in headless Chromium, for drafts of about
// 10 KB and 100 KB built from examples/full.md. A benchmark, not a test: it reports, it does not judge.
//
//   node bench/preview-latency.mjs [--keys 60] [--rounds 1] [--baseline DIR] [--json build/bench/preview-latency.json]
//
// --baseline DIR measures another build of the preview page (say, one made before a change, into DIR)
// side by side: the two builds take turns, `--rounds` times per size, so a busy moment hits both.
//
// Latency = from the keydown event to the first animation frame after the preview was patched with the
// render that includes that key (renders are coalesced, so a key pressed during a render is measured to
// the next one).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/helpers/chromium.js';
import { startDevServer } from '../web/dev-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const KEYS = Number(argument('keys', 60));
const ROUNDS = Number(argument('rounds', 1));
const BASELINE = argument('baseline', null) && resolve(argument('baseline', null));
const JSON_OUT = argument('json', join(ROOT, 'build/bench/preview-latency.json'));
const SIZES = [10 * 1024, 100 * 1024];

/** A draft of about `bytes`: the example's front matter, then its body repeated with numbered sections. */
function draftOf(bytes) {
  const example = readFileSync(join(ROOT, 'examples/full.md'), 'utf8');
  const end = example.indexOf('\n---\n', 4) + 5;
  const front = example.slice(0, end);
  const body = example.slice(end);
  let draft = front;
  for (let round = 1; Buffer.byteLength(draft) < bytes; round += 1) {
    draft += body.replace(/^## (.*)$/gm, `## $1 (${round})`);
  }
  // Trim at a paragraph boundary near the target size.
  const cut = draft.lastIndexOf('\n\n', bytes);
  return draft.slice(0, cut > bytes / 2 ? cut : draft.length) + '\n';
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const builds = [{ name: 'this build', ...(await startDevServer({ port: 0 })) }];
if (BASELINE) builds.push({ name: 'baseline', ...(await startDevServer({ port: 0, previewDir: BASELINE })) });
const browser = await launchChromium();

/** Types KEYS keys into the middle of a draft of `size` bytes in a fresh page of `url`; the samples. */
async function typeInto(url, size) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.fulfill({ status: 204, body: '' })));
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]');
  const draft = draftOf(size);
  await page.evaluate((text) => new Promise((resolve) => {
    document.addEventListener('broadsheet-preview-updated', resolve, { once: true });
    window.__broadsheetPreview.editor.setText(text);
  }), draft);
  await page.evaluate(() => {
    const samples = (window.__latency = { keys: [], latencies: [], renders: [], parts: [] });
    document.addEventListener('keydown', (e) => samples.keys.push(e.timeStamp), true);
    document.addEventListener('broadsheet-preview-updated', (e) => {
      const key = samples.keys.at(-1);
      samples.renders.push(e.detail.renderMs);
      samples.parts.push([e.detail.roundTripMs, e.detail.patchMs, e.detail.panelsMs]);
      requestAnimationFrame(() => { if (key !== undefined) samples.latencies.push(performance.now() - key); samples.keys.length = 0; });
    });
  });
  // Type in the middle of the draft, like an editor revising a story.
  await page.click('[data-broadsheet-editor] .cm-content');
  await page.evaluate(() => window.__broadsheetPreview.editor.goTo(Math.round(window.__broadsheetPreview.editor.view.state.doc.lines / 2), 1));
  await page.keyboard.type('Quick brown foxes jump over lazy dogs while the night bus waits. '.repeat(4).slice(0, KEYS), { delay: 35 });
  await page.waitForTimeout(500);
  const samples = await page.evaluate(() => window.__latency);
  await context.close();
  return { draftBytes: Buffer.byteLength(draft), ...samples };
}

const results = [];
try {
  for (const size of SIZES) {
    const runs = builds.map(() => ({ latencies: [], renders: [], parts: [], draftBytes: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
      for (const i of order) {
        const s = await typeInto(builds[i].url, size);
        runs[i].draftBytes = s.draftBytes;
        runs[i].latencies.push(...s.latencies);
        runs[i].renders.push(...s.renders);
        runs[i].parts.push(...s.parts);
      }
    }
    builds.forEach((build, i) => {
      const { latencies, renders, parts, draftBytes } = runs[i];
      console.log(`${build.name}, ${(draftBytes / 1024).toFixed(0)} KiB: median roundtrip/patch/panels ms`,
        [0, 1, 2].map((k) => percentile(parts.map((p) => p[k]), 50).toFixed(2)).join(' / '));
      results.push({
        build: build.name,
        draftBytes,
        keys: KEYS * ROUNDS,
        updates: latencies.length,
        latencyMs: { median: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) },
        renderMs: { median: percentile(renders, 50), p95: percentile(renders, 95) },
      });
    });
  }
} finally {
  await browser.close();
  for (const build of builds) build.server.close();
}

console.log('Keystroke-to-preview latency in Chromium (headless), typing at ~28 keys/s:');
console.log('build       draft      keys  updates  latency median  p95      render median  p95');
for (const r of results) {
  console.log(`${r.build.padEnd(10)}  ${(r.draftBytes / 1024).toFixed(0).padStart(4)} KiB   ${String(r.keys).padStart(4)}  ${String(r.updates).padStart(7)}  ` +
    `${r.latencyMs.median.toFixed(1).padStart(11)} ms  ${r.latencyMs.p95.toFixed(1).padStart(5)} ms  ` +
    `${r.renderMs.median.toFixed(2).padStart(10)} ms  ${r.renderMs.p95.toFixed(2).padStart(5)} ms`);
}
mkdirSync(dirname(JSON_OUT), { recursive: true });
writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
console.log(`JSON: ${JSON_OUT}`);

#!/usr/bin/env node
// Email size and render time of the same issue in Broadsheet (format 'email' and 'text', wasm) and
// emailmd (markdown → MJML → HTML, which also returns a text part), side by side in one process.
//   node bench/email-vs-emailmd.mjs [FILE.md] [--seconds S]
// Each renderer is warmed up, then run for about S seconds (default 2); the median of per-batch
// times is reported, with the ratio. Sizes are UTF-8 bytes of the HTML (and gzip -9 for reference).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { render as emailmd } from 'emailmd';
import { createRenderer } from '../dist/index.js';

const args = process.argv.slice(2);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args.splice(secondsAt, 2)[1]) : 2;
const file = args[0] ?? fileURLToPath(new URL('../examples/full.md', import.meta.url));
const markdown = readFileSync(file, 'utf8');
const broadsheet = await createRenderer();

/** Median milliseconds per call of `fn`, measured in batches for about `seconds`. */
async function time(fn) {
  for (let i = 0; i < 5; i++) await fn(); // warm-up (JIT, wasm tiers, caches)
  const samples = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const start = performance.now();
    for (let i = 0; i < 5; i++) await fn();
    samples.push((performance.now() - start) / 5);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const gz = (s) => gzipSync(Buffer.from(s, 'utf8'), { level: 9 }).length;

const bsEmail = broadsheet.render(markdown, { format: 'email' }).output;
const bsText = broadsheet.render(markdown, { format: 'text' }).output;
const em = await emailmd(markdown);
const emMin = await emailmd(markdown, { minify: true });

const rows = [
  ['broadsheet email', bytes(bsEmail), gz(bsEmail), await time(() => broadsheet.render(markdown, { format: 'email' }))],
  ['broadsheet email+text', bytes(bsEmail) + bytes(bsText), gz(bsEmail) + gz(bsText),
    await time(() => { broadsheet.render(markdown, { format: 'email' }); broadsheet.render(markdown, { format: 'text' }); })],
  ['emailmd (html+text)', bytes(em.html), gz(em.html), await time(() => emailmd(markdown))],
  ['emailmd minify', bytes(emMin.html), gz(emMin.html), await time(() => emailmd(markdown, { minify: true }))],
];

console.log(`input: ${file} (${bytes(markdown)} bytes), node ${process.version}, ~${seconds}s per renderer`);
console.log('renderer                 html bytes   gzip bytes   median ms/render');
for (const [name, size, zipped, ms] of rows) {
  console.log(`${name.padEnd(24)} ${String(size).padStart(10)}   ${String(zipped).padStart(10)}   ${ms.toFixed(3).padStart(16)}`);
}
const [bs, bsBoth, emFull] = [rows[0][3], rows[1][3], rows[2][3]];
console.log(`speed: broadsheet email is ${(emFull / bs).toFixed(1)}x faster than emailmd; ` +
  `email+text ${(emFull / bsBoth).toFixed(1)}x (emailmd returns both parts in one call)`);
console.log(`size: broadsheet email is ${(rows[0][1] / rows[2][1] * 100).toFixed(0)}% of emailmd's, ` +
  `${(rows[0][1] / rows[3][1] * 100).toFixed(0)}% of emailmd minified`);

// Linear time for what this branch changed in md4c: the CJK-friendly flanking rules (each delimiter run
// now decodes up to two characters on each side) and the md4c 0.5.3 fixes for #238 (link reference
// definitions instantiated over and over) and #236 (an inline link on each line of a long paragraph).
// As in pathological.test.js: the time per byte at 10N over the time per byte at N, medians of several
// runs, retried before failing. A quadratic pattern gives about 10 (md4c 0.5.2 gave 9.1 for #238 and
// 5.1 for #236 measured natively), a linear one about 1. Seconds are never asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const MAX_RATIO = 3.5;
const ATTEMPTS = 3;

const repeat = (s, n) => s.repeat(Math.max(1, Math.round(n)));

const PATTERNS = {
  'CJK strong emphasis': (n) => `${repeat('这是**重要。**的内容，', n / 30)}\n`,
  'CJK openers without closers': (n) => `${repeat('中**「', n / 8)}\n`,
  'CJK closers without openers': (n) => `${repeat('」**文', n / 8)}\n`,
  'CJK underscores': (n) => `${repeat('「__重要__」', n / 22)}\n`,
  'CJK strikethrough': (n) => `${repeat('这是~~删除~~的', n / 24)}\n`,
  'variation selectors before runs': (n) => `${repeat('大塚\uFE00**(x)**', n / 16)}\n`,
  'md4c #238: one long definition, many references': (n) =>
    `[a]: /${'x'.repeat(Math.round(n / 2))}\n\n${repeat('[a] ', n / 8)}\n`,
  'md4c #236: an inline link on each line of one paragraph': (n) => repeat('words [a](b)\n', n / 13),
};

function medianTime(markdown, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    renderer.render(markdown, {});
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function measure(make, small) {
  const a = make(small);
  const b = make(small * 10);
  renderer.render(a, {});
  const perByteSmall = medianTime(a, 5) / a.length;
  const perByteLarge = medianTime(b, 3) / b.length;
  return { ratio: perByteLarge / perByteSmall, msPerMB: perByteLarge * 1024 * 1024 };
}

for (const [name, make] of Object.entries(PATTERNS)) {
  test(`linear time: ${name}`, (t) => {
    let result;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      result = measure(make, 20000);
      if (result.ratio <= MAX_RATIO) break;
    }
    t.diagnostic(`ratio ${result.ratio.toFixed(2)}, ${result.msPerMB.toFixed(0)} ms/MB`);
    assert.ok(result.ratio <= MAX_RATIO, `${name}: time per byte grew ${result.ratio.toFixed(1)}x from N to 10N`);
  });
}

test('md4c #238: output stays proportional to the input', () => {
  const markdown = PATTERNS['md4c #238: one long definition, many references'](200000);
  const html = renderer.render(markdown, {}).output;
  // md4c 0.5.2 wrote every reference's 100 KB destination: 25000 times the input.
  assert.ok(html.length < markdown.length * 40, `output ${html.length} bytes for ${markdown.length} of input`);
});

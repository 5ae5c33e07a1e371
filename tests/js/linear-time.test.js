// Issue 15: the red team's input families, each at 128 KB, 256 KB, 512 KB and 1 MB, through the wasm
// module. Time per byte may grow at most 2× from the smallest to the largest size, and the largest runs
// within 1 s per MB. Each time is the best of several runs (noise only ever adds time), and a ratio over
// the limit is measured again before the test fails: no single timing decides. A render refused over a
// budget (a clear BroadsheetError) is timed like any other: refusing must be linear too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadBroadsheet } from '../helpers/repo.js';
import { FAMILIES, SIZES } from '../helpers/families.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();
const MAX_RATIO = 2;
const MAX_MS_PER_MB = 1000;
const ROUNDS = 7;    // best of, at each size
const ATTEMPTS = 3;  // a ratio over the limit is measured again before the test fails

function renderOnce(markdown, options) {
  const start = performance.now();
  try {
    renderer.render(markdown, options);
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error; // an abort or a trap is a failure
  }
  return performance.now() - start;
}

/**
 * The best time per byte at each size. The sizes take turns, ROUNDS times, so each gets the same number
 * of samples under the same conditions (garbage collection of the big output strings included): the best
 * of many more runs of the smallest size alone made its time the lowest, and the ratio noise.
 */
function measure(family) {
  const inputs = SIZES.map((size) => family.make(size));
  renderOnce(inputs[0], family.options); // warm up
  const best = inputs.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    inputs.forEach((markdown, i) => { best[i] = Math.min(best[i], renderOnce(markdown, family.options)); });
  }
  const perByte = best.map((time, i) => time / Buffer.byteLength(inputs[i]));
  const ratio = perByte.at(-1) / perByte[0];
  return { ratio, msPerMB: perByte.at(-1) * (1 << 20), perByte };
}

const report = [];
for (const family of FAMILIES) {
  test(`linear time: ${family.name}`, (t) => {
    let result;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      result = measure(family);
      if (result.ratio <= MAX_RATIO && result.msPerMB <= MAX_MS_PER_MB) break;
    }
    report.push({ name: family.name, ...result });
    t.diagnostic(`time per byte ×${result.ratio.toFixed(2)} from 128 KB to 1 MB; ${result.msPerMB.toFixed(1)} ms/MB at 1 MB ` +
      `(ms/MB at each size: ${result.perByte.map((x) => (x * (1 << 20)).toFixed(1)).join(', ')})`);
    assert.ok(result.ratio <= MAX_RATIO, `time per byte grew ${result.ratio.toFixed(2)}× from 128 KB to 1 MB`);
    assert.ok(result.msPerMB <= MAX_MS_PER_MB, `${result.msPerMB.toFixed(0)} ms per MB at 1 MB`);
  });
}

test('the issue\'s 350-byte alias bomb is refused at once, with its position', () => {
  const bomb = FAMILIES.aliasBomb;
  assert.ok(Buffer.byteLength(bomb) < 400);
  const start = performance.now();
  assert.throws(() => renderer.render(bomb, { format: 'json' }), (error) => {
    assert.ok(error instanceof BroadsheetError, String(error));
    assert.equal(error.line, 6);
    assert.match(error.message, /aliases count every value they repeat/);
    return true;
  });
  assert.ok(performance.now() - start < 1000);
});

test('largest time per MB (report)', (t) => {
  const slowest = [...report].sort((x, y) => y.msPerMB - x.msPerMB)[0];
  const steepest = [...report].sort((x, y) => y.ratio - x.ratio)[0];
  if (slowest) t.diagnostic(`slowest: ${slowest.name}, ${slowest.msPerMB.toFixed(1)} ms/MB; steepest: ${steepest.name}, ×${steepest.ratio.toFixed(2)}`);
});

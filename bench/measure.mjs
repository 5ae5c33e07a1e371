// Timing helpers: every peer renders the same file in turn (the order rotates each round), several
// rounds after a warm-up, and the median of a peer's rounds is its time for that file. Small files are
// rendered several times per round so each timed batch is long enough to measure.
const BATCH_BYTES = 64 * 1024;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function geomean(values) {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/**
 * Times `renderers` ({name: fn(md) -> string}) over `files` ([{name, text, bytes}]).
 * Returns {name: [{file, bytes, ms}]} with ms per render.
 */
export function timeFiles(renderers, files, { rounds = 5, warmup = 1, warmupMs = 1500 } = {}) {
  const names = Object.keys(renderers);
  const results = Object.fromEntries(names.map((n) => [n, []]));
  const batch = (file) => Math.max(1, Math.ceil(BATCH_BYTES / file.bytes));
  let sink = 0;
  // Warm-up: whole batches of every file, for at least `warmupMs` as well as `warmup` passes. V8 runs
  // new wasm code in its baseline tier and optimises it in the background, function by function, once
  // it has run enough; code that runs once per render (the front matter's libyaml) needs many renders
  // to get there, and on a busy machine the background compiles take a while. Every peer gets the same.
  const warmupStart = performance.now();
  for (let pass = 0; pass < warmup || performance.now() - warmupStart < warmupMs; pass++)
    for (const file of files) for (const n of names) for (let i = 0; i < batch(file); i++) sink += renderers[n](file.text).length;
  for (const file of files) {
    const repeat = batch(file);
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(k + round) % names.length];
        const render = renderers[n];
        const start = performance.now();
        for (let i = 0; i < repeat; i++) sink += render(file.text).length;
        samples[n].push((performance.now() - start) / repeat);
      }
    }
    for (const n of names) results[n].push({ file: file.name, bytes: file.bytes, ms: median(samples[n]) });
  }
  if (sink === 0) throw new Error('every renderer returned empty output');
  return results;
}

/** Total MB/s, ops/s and per-file geometric mean MB/s of one peer's timings. */
export function summarise(timings) {
  const bytes = timings.reduce((s, t) => s + t.bytes, 0);
  const ms = timings.reduce((s, t) => s + t.ms, 0);
  return {
    files: timings.length,
    bytes,
    mbPerSec: bytes / 1e6 / (ms / 1e3),
    opsPerSec: timings.length / (ms / 1e3),
    geomeanMbPerSec: geomean(timings.map((t) => t.bytes / 1e6 / (t.ms / 1e3))),
  };
}

/** Per-file geometric mean of the speed ratio of `timings` over `baseline` (same files, same order). */
export function geomeanRatio(timings, baseline) {
  return geomean(timings.map((t, i) => baseline[i].ms / t.ms));
}

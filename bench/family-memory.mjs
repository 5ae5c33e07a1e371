// Peak WebAssembly memory of every input family of issue 15 (tests/helpers/families.js) at sizes beyond the
// ones `npm test` checks, each in a fresh renderer, as a share of the budget (8 × the input + 16 MiB),
// with the time per MB and whether the render was refused. Largest share first.
//   node bench/family-memory.mjs [MiB ...]        (default: 2 4)
const { memories } = await import('../tests/helpers/wasm-memory.js');
const { createRenderer } = await import('../dist/index.js');
const { FAMILIES } = await import('../tests/helpers/families.js');

const MiB = 1 << 20;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const rows = [];
for (const family of FAMILIES) {
  for (const mib of sizes.length ? sizes : [2, 4]) {
    const renderer = await createRenderer();
    const markdown = family.make(mib * MiB);
    const bytes = Buffer.byteLength(markdown);
    let outcome = 'rendered';
    const start = performance.now();
    try {
      renderer.render(markdown, family.options);
    } catch (error) {
      outcome = `refused: ${String(error.message).slice(0, 60)}`;
    }
    const msPerMiB = (performance.now() - start) / (bytes / MiB);
    const memory = memories.at(-1); // the core the render started
    rows.push({ share: memory.buffer.byteLength / (8 * bytes + 16 * MiB), family: family.name, mib, msPerMiB, outcome });
  }
}
rows.sort((a, b) => b.share - a.share);
for (const r of rows) {
  console.log(`${(100 * r.share).toFixed(0).padStart(4)}%  ${String(r.mib).padStart(2)} MiB  ${r.msPerMiB.toFixed(0).padStart(5)} ms/MiB  ${r.family}  (${r.outcome})`);
}

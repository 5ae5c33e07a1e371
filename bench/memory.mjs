// Peak WebAssembly memory of Broadsheet around a 5 MB render, in a fresh process. Wasm memory never
// shrinks, so its size after the render is the peak; a second render of the same issue must not grow it
// further (the first render's memory was released to the allocator and reused). Prints JSON.
import { generateIssue } from './generate-issue.mjs';
import { memories } from '../tests/helpers/wasm-memory.js'; // observes the instance the package creates

const { createRenderer } = await import('../dist/index.js');
const renderer = await createRenderer();
const memory = () => memories.at(-1).buffer.byteLength;
const bytes = Number(process.argv[2] ?? 5 * 1024 * 1024);
const issue = generateIssue(bytes);
const inputBytes = new TextEncoder().encode(issue).length;

renderer.render('# warm-up\n');
const before = memory();
renderer.render(issue);
const afterFirst = memory();
renderer.render(issue);
const afterSecond = memory();
renderer.render('# small\n');
process.stdout.write(JSON.stringify({
  inputBytes,
  memoryBeforeBytes: before,
  peakMemoryBytes: afterFirst,
  peakOverInput: afterFirst / inputBytes,
  grewOnSecondRender: afterSecond > afterFirst,
}));

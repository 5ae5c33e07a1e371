// One sample of `npm run bench:startup`, in a fresh process: import + create + first render of FILE by one
// variant, timed from before the import to after the output is in a JS string. Prints JSON { ms, bytes }.
//   node bench/startup-child.mjs VARIANT FILE [DIST]
// VARIANT: markdown-wasm | html | email | html-full | email-full (the last two start the full core alone,
// as createRenderer did before issue 28, by naming its wasm). DIST: the package's dist/ (default ../dist).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [variant, file, distArg] = process.argv.slice(2);
const dist = pathToFileURL(`${distArg ?? new URL('../dist', import.meta.url).pathname}/`);
const markdown = readFileSync(file, 'utf8');

const start = performance.now();
let output;
if (variant === 'markdown-wasm') {
  const mdw = createRequire(import.meta.url)('markdown-wasm/dist/markdown.node.js'); // its wasm is embedded
  await mdw.ready;
  output = mdw.parse(markdown);
} else {
  const { createRenderer } = await import(new URL('index.js', dist).href);
  const full = variant.endsWith('-full');
  const renderer = await createRenderer(full ? { wasm: new URL('broadsheet.wasm', dist) } : {});
  output = renderer.render(markdown, { format: variant.startsWith('email') ? 'email' : 'html' }).output;
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, bytes: output.length }));

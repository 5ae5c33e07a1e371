#!/usr/bin/env node
// Removes the Emscripten glue's own `new URL("<name>.wasm", import.meta.url)`: index.js always
// hands the glue a compiled module (instantiateWasm), so that URL is never fetched, but bundlers
// (Vite, webpack) see it and warn about, or fail on, a file that does not exist.
//   node tools/strip-glue-wasm-url.mjs GLUE.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const glue = readFileSync(file, 'utf8');
const pattern = /new URL\(("[\w.-]+\.wasm"),\s*import\.meta\.url\)\.toString\(\)/g;
const found = glue.match(pattern) ?? [];
if (found.length !== 1) {
  console.error(`${file}: expected one new URL("*.wasm", import.meta.url) in the glue, found ${found.length}`);
  process.exit(1);
}
writeFileSync(file, glue.replace(pattern, '$1'));

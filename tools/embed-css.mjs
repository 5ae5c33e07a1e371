#!/usr/bin/env node
// Writes an ES module whose default export is the given CSS files joined, for the widget's
// shadow root: a module loads in every consumer (bundlers, plain pages, strict CSPs) where a
// CSS import or an extra stylesheet request would not.
//   node tools/embed-css.mjs OUT.js A.css [B.css ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: node tools/embed-css.mjs OUT.js A.css [B.css ...]');
  process.exit(2);
}
const css = inputs.map((file) => readFileSync(file, 'utf8')).join('\n');
writeFileSync(out, `// Generated from ${inputs.map((f) => basename(f)).join(' and ')} by tools/embed-css.mjs; do not edit.\n`
  + `export default ${JSON.stringify(css)};\n`);

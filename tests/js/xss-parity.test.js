// The XSS corpus through both cores: for every vector and every format variant (tests/helpers/formats.js),
// the native CLI and the wasm build give byte-identical output, or fail the same way, and the output
// is well-formed UTF-8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, loadBroadsheet, readText, requireNativeCli, runNative } from '../helpers/repo.js';
import { formatVariants } from '../helpers/formats.js';

const { vectors } = JSON.parse(readText(join(FIXTURES, 'xss', 'vectors.json')));
const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

for (const variant of formatVariants()) {
  test(`native and wasm agree on the XSS corpus: ${variant.name}`, () => {
    requireNativeCli();
    const mismatches = [];
    for (const vector of vectors) {
      const name = `${vector.category}/${vector.name}`;
      const native = runNative(['render', '-', ...variant.cli], { input: vector.markdown });
      let wasm;
      try {
        wasm = renderer.render(vector.markdown, variant.options).output;
      } catch (error) {
        if (error.name !== 'BroadsheetError') throw error;
        if (native.status !== 1) mismatches.push(`${name}: wasm failed (${error.message}), native did not`);
        continue;
      }
      if (native.status !== 0) mismatches.push(`${name}: native failed: ${native.stderr}`);
      else if (!native.stdout.equals(Buffer.from(wasm, 'utf8'))) mismatches.push(`${name}: outputs differ`);
      else strictUtf8.decode(native.stdout); // throws on invalid UTF-8
    }
    assert.deepEqual(mismatches, []);
  });
}

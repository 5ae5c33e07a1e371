// BroadsheetError is written once (web/src/broadsheet-error.js): the CommonJS entry's class is the build's
// copy of it, and `instanceof` holds across the two entries, for the errors render() throws (made by the ES
// module's class) and for errors made with either constructor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT, loadBroadsheet, readText } from '../helpers/repo.js';

const esm = await loadBroadsheet();
const cjs = createRequire(import.meta.url)(join(DIST, 'index.cjs'));
const fields = (e) => ({ name: e.name, message: e.message, reason: e.reason, line: e.line, column: e.column });

test('one class in the sources', () => {
  const sources = join(ROOT, 'web', 'src');
  const defining = readdirSync(sources).filter((f) => /\.c?js$/.test(f) && /\bclass BroadsheetError\b/.test(readText(join(sources, f))));
  assert.deepEqual(defining, ['broadsheet-error.js']);
});

test('the two entries make the same errors', () => {
  for (const args of [['title: bad', 3, 4], ['the output is over the limit', 0, 0], ['no position']]) {
    const made = new cjs.BroadsheetError(...args);
    assert.deepEqual(fields(made), fields(new esm.BroadsheetError(...args)));
    assert.ok(made instanceof Error);
  }
  assert.equal(new cjs.BroadsheetError('bad', 3, 4).message, '3:4: bad');
});

test("instanceof accepts both entries' errors, and no others", async () => {
  const renderer = await cjs.createRenderer();
  let thrown = null;
  try {
    renderer.render('---\ntitle: [\n---\n');
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof esm.BroadsheetError, 'render() throws the ES module\'s class');
  assert.ok(thrown instanceof cjs.BroadsheetError, 'which require()\'s class accepts');
  assert.ok(thrown.line > 0);
  assert.ok(new cjs.BroadsheetError('x') instanceof cjs.BroadsheetError);
  for (const other of [new Error('x'), new TypeError('x'), { name: 'BroadsheetError' }, null]) {
    assert.equal(other instanceof cjs.BroadsheetError, false);
  }
  renderer.dispose();
});

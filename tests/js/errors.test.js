// Error fixtures: for every tests/fixtures/errors/NAME.md with a sibling
// NAME.error holding "LINE:COL", render() throws a BroadsheetError at that
// place, and both CLIs (npm and native) exit 1 with "FILE:LINE:COL: " on
// stderr.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, filesUnder, loadBroadsheet, readText, rel, runCli, runNative } from '../helpers/repo.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();

const ERRORS = join(FIXTURES, 'errors');
const cases = filesUnder(ERRORS, '.md')
  .map((md) => ({ md, expected: md.slice(0, -'.md'.length) + '.error' }))
  .filter(({ expected }) => existsSync(expected));

/** Reads NAME.error: one line "LINE:COL". */
function expectedPosition(file) {
  const text = readText(file).trim();
  const m = /^(\d+):(\d+)$/.exec(text);
  assert.ok(m, `${rel(file)} should hold one line LINE:COL, not ${JSON.stringify(text)}`);
  return { line: Number(m[1]), column: Number(m[2]) };
}

test('error fixtures exist', () => {
  assert.ok(cases.length > 0, `no NAME.md + NAME.error pairs under ${rel(ERRORS)}`);
});

for (const { md, expected } of cases) {
  describe(rel(md), () => {
    const { line, column } = expectedPosition(expected);

    test(`render() throws BroadsheetError at ${line}:${column}`, () => {
      assert.throws(
        () => renderer.render(readText(md)),
        (error) => {
          assert.ok(error instanceof BroadsheetError, `expected a BroadsheetError, got ${error}`);
          assert.equal(error.line, line, `line (message: ${error.message})`);
          assert.equal(error.column, column, `column (message: ${error.message})`);
          assert.ok(error.message.startsWith(`${line}:${column}: `), `message: ${error.message}`);
          return true;
        },
      );
    });

    test('npm CLI exits 1 with FILE:LINE:COL', () => {
      const r = runCli(['render', rel(md)]);
      assert.equal(r.status, 1, `stderr: ${r.stderr}`);
      assert.ok(r.stderr.startsWith(`${rel(md)}:${line}:${column}: `), `stderr: ${r.stderr}`);
      assert.equal(r.stdout.length, 0, 'no output on stdout');
    });

    test('native CLI exits 1 with FILE:LINE:COL', () => {
      const r = runNative(['render', rel(md)]);
      assert.equal(r.status, 1, `stderr: ${r.stderr}`);
      assert.ok(r.stderr.startsWith(`${rel(md)}:${line}:${column}: `), `stderr: ${r.stderr}`);
    });
  });
}

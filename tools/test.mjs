#!/usr/bin/env node
// Runs every test suite in order (what `npm test` runs after set-up):
//   1. the Catch2 unit tests of the native core (build/native/broadsheet_tests);
//   2. the hardening runs: the unit tests under ASan+UBSan (tools/sanitize-tests.sh) and a short,
//      bounded fuzzing round (tools/fuzz.sh FUZZ_SECONDS, default 24);
//   3. the node:test suites in tests/js and tests/browser (spec reporter).
// Ends with one plain "N passed, N failed, N skipped" line totalling both
// (the Catch2 binary counts as one test) and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CATCH2 = join(ROOT, 'build', 'native', 'broadsheet_tests');
const TEST_DIRS = ['tests/js', 'tests/browser'];

const heading = (title) => console.log(`\n==== ${title} ====\n`);

/** Runs the Catch2 binary with inherited output; true when it passed. */
function runCatch2() {
  heading('Catch2 unit tests (build/native/broadsheet_tests)');
  if (!existsSync(CATCH2)) {
    console.log(`FAILED: ${relative(ROOT, CATCH2)} is missing: run npm run build`);
    return false;
  }
  const r = spawnSync(CATCH2, [], { cwd: ROOT, stdio: 'inherit' });
  if (r.error) console.log(`FAILED: could not run ${relative(ROOT, CATCH2)}: ${r.error.message}`);
  else if (r.status !== 0) console.log(`FAILED: ${relative(ROOT, CATCH2)} exited with ${r.status ?? r.signal}`);
  return r.status === 0;
}

/** Runs a bash script with inherited output; true when it passed. */
function runScript(title, script, args = []) {
  heading(title);
  const r = spawnSync('bash', [join(ROOT, script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) console.log(`FAILED: ${script} exited with ${r.status ?? r.signal}`);
  return r.status === 0;
}

/** The *.test.js / *.test.mjs files under the test directories, sorted. */
function testFiles() {
  return TEST_DIRS.flatMap((dir) => {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs, { recursive: true })
      .map(String)
      .filter((f) => /\.test\.m?js$/.test(f))
      .map((f) => join(dir, f));
  }).sort();
}

/** Reads the totals ("# pass N" ...) at the end of a TAP report. */
function tapTotals(tap) {
  const total = (name) => {
    const all = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return all.length ? Number(all.at(-1)[1]) : 0;
  };
  return {
    pass: total('pass'),
    fail: total('fail') + total('cancelled'),
    skipped: total('skipped') + total('todo'),
  };
}

/** Runs node --test: spec reporter on the terminal, TAP into a file for the totals. */
function runNodeTests() {
  heading(`JavaScript and browser tests (node --test ${TEST_DIRS.join(' ')})`);
  const files = testFiles();
  if (files.length === 0) {
    console.log('FAILED: no test files found');
    return { ok: false, pass: 0, fail: 1, skipped: 0 };
  }
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-test-'));
  const tapFile = join(dir, 'report.tap');
  try {
    const r = spawnSync(
      process.execPath,
      ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const totals = existsSync(tapFile) ? tapTotals(readFileSync(tapFile, 'utf8')) : { pass: 0, fail: 0, skipped: 0 };
    const ok = r.status === 0 && totals.fail === 0;
    if (!ok && totals.fail === 0) totals.fail = 1; // the runner itself failed
    return { ok, ...totals };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const catch2Ok = [
  runCatch2(),
  runScript('Unit tests under ASan+UBSan (tools/sanitize-tests.sh)', 'tools/sanitize-tests.sh'),
  runScript('Fuzzing, bounded (tools/fuzz.sh)', 'tools/fuzz.sh', [process.env.FUZZ_SECONDS ?? '24']),
].every(Boolean);
const node = runNodeTests();

heading('Summary');
console.log(`Catch2 unit tests, sanitizer build and fuzzing: ${catch2Ok ? 'passed' : 'FAILED'}`);
console.log(`node --test: ${node.pass} passed, ${node.fail} failed, ${node.skipped} skipped`);
const passed = node.pass + (catch2Ok ? 1 : 0);
const failed = node.fail + (catch2Ok ? 0 : 1);
console.log(`${passed} passed, ${failed} failed, ${node.skipped} skipped`);
process.exitCode = catch2Ok && node.ok ? 0 : 1;

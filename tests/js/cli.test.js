// The npm CLI, dist/cli.js, run as a child process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBroadsheet, runCli, runNative } from '../helpers/repo.js';
import { spawn } from 'node:child_process';
import { DIST_CLI, requireNativeCli } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

const ISSUE = '---\ntitle: CLI test\n---\n\n# Issue\n\n## Story\n\nSome text, é.\n';
let dir;
let file;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
  file = join(dir, 'issue.md');
  writeFileSync(file, ISSUE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every stderr line of a successful run must be a warning in the documented form. */
function assertOnlyWarnings(stderr, name) {
  for (const line of stderr.split('\n').filter(Boolean)) {
    assert.match(line, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: (warning|hint): `));
  }
}

describe('broadsheet render', () => {
  test('writes a standalone page by default', () => {
    const r = runCli(['render', file]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.toString();
    assert.ok(out.startsWith('<!doctype html>'), out.slice(0, 60));
    assert.equal(out, renderer.render(ISSUE, { standalone: true }).output);
    assertOnlyWarnings(r.stderr, file);
  });

  test('--fragment writes the HTML fragment', () => {
    const r = runCli(['render', file, '--fragment']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.toString(), renderer.render(ISSUE).output);
  });

  test('--format json writes JSON', () => {
    for (const args of [['--format', 'json'], ['--format=json']]) {
      const r = runCli(['render', file, ...args]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout.toString()).meta.title, 'CLI test');
    }
  });

  test('options map onto the API', () => {
    const r = runCli(['render', '--fragment', '--commonmark', '--allow-html', '--id-prefix', 'p-', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.toString(), renderer.render(ISSUE, { commonmark: true, allowHtml: true, idPrefix: 'p-' }).output);
  });

  test('- reads standard input', () => {
    const r = runCli(['render', '-', '--fragment'], { input: ISSUE });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.toString(), renderer.render(ISSUE).output);
    assertOnlyWarnings(r.stderr, '<stdin>');
  });

  test('a front-matter error on stdin is reported against <stdin>', () => {
    const r = runCli(['render', '-'], { input: '---\ntitle: [unclosed\n---\n' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^<stdin>:\d+:\d+: /);
  });

  test('a missing file exits 1 with a clear message', () => {
    const missing = join(dir, 'nope.md');
    const r = runCli(['render', missing]);
    assert.equal(r.status, 1);
    assert.ok(r.stderr.includes(`cannot read ${missing}`), r.stderr);
    assert.equal(r.stdout.length, 0);
  });
});

// Issue 15, item 7: a directory and input over the cap (a file, /dev/zero, an endless pipe) get the same
// clear error from both CLIs, never an abort or unbounded reading.
describe('input the CLIs refuse (native and wasm)', () => {
  const clis = { wasm: runCli, native: runNative };
  for (const [kind, runOne] of Object.entries(clis)) {
    test(`${kind}: a directory is refused with a clear error`, () => {
      const r = runOne(['render', dir]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, `broadsheet: cannot read ${dir}: it is a directory, not a file\n`);
      assert.equal(r.stdout.length, 0);
    });

    test(`${kind}: /dev/zero stops at the cap + 1 byte with the same error`, () => {
      const r = runOne(['render', '/dev/zero']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, 'broadsheet: cannot read /dev/zero: the input is over the limit of 33554432 bytes\n');
    });

    test(`${kind}: a file one byte over the cap is refused, one at the cap is read`, () => {
      const big = join(dir, 'big.md');
      writeFileSync(big, Buffer.alloc(32 * 1024 * 1024 + 1, 'a'));
      const r = runOne(['render', big, '--format', 'text']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, `broadsheet: cannot read ${big}: the input is over the limit of 33554432 bytes\n`);
      rmSync(big);
    });
  }

  const endless = { wasm: [process.execPath, [DIST_CLI]], native: [null, []] };
  for (const [kind, [command, prefix]] of Object.entries(endless)) {
    test(`${kind}: an endless standard input stops at the cap + 1 byte`, async () => {
      const child = spawn(command ?? requireNativeCli(), [...prefix, 'render', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.stdin.on('error', () => {}); // the CLI closes its end when it stops reading
      const block = Buffer.alloc(1 << 20, 'a\n');
      let written = 0;
      let closed = false;
      const feed = () => {
        while (!closed && written < (256 << 20) && child.stdin.write(block)) written += block.length;
        if (!closed && written < (256 << 20)) child.stdin.once('drain', () => { written += block.length; feed(); });
      };
      const done = new Promise((resolveDone) => child.on('close', (code) => { closed = true; resolveDone(code); }));
      feed();
      const code = await done;
      assert.equal(code, 1, stderr);
      assert.equal(stderr, 'broadsheet: cannot read <stdin>: the input is over the limit of 33554432 bytes\n');
      assert.ok(written < (256 << 20), `the CLI read ${written} bytes before stopping`);
    });
  }
});

describe('usage', () => {
  const usageErrors = {
    'no arguments': [],
    'unknown command': ['publish', 'x.md'],
    'unknown flag': ['render', 'x.md', '--bogus'],
    'missing file': ['render'],
    'missing flag value': ['render', 'x.md', '--id-prefix'],
    'unknown format': ['render', 'x.md', '--format', 'pdf'],
    'two files': ['render', 'a.md', 'b.md'],
  };
  for (const [name, args] of Object.entries(usageErrors)) {
    test(`${name} exits 2 with a usage line`, () => {
      const r = runCli(args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^usage: broadsheet render /m);
      assert.equal(r.stdout.length, 0);
    });
  }

  test('--help prints usage and exits 0', () => {
    for (const args of [['--help'], ['render', '--help'], ['-h']]) {
      const r = runCli(args);
      assert.equal(r.status, 0);
      assert.match(r.stdout.toString(), /^usage: broadsheet render /);
    }
  });
});

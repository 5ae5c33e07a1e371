// The npm CLI, dist/cli.js, run as a child process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBroadsheet, runCli } from './helpers.js';

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

// `broadsheet check ISSUE.md` from dist/ (the packaged CLI and its bundled client data): per mail client,
// what the email loses and whether anything breaks, and Gmail's clipping; the report's rule on an email
// that drops something no triage entry covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, runCli } from '../helpers/repo.js';

const { checkReport } = await import(pathToFileURL(join(DIST, 'email-check-report.js')).href);
const { CLIENTS } = await import(pathToFileURL(join(DIST, 'email-clients.js')).href);

test('check on an example: every client listed, nothing breaks, the size against Gmail\'s clipping', () => {
  const r = runCli(['check', 'examples/full.md']);
  const out = r.stdout.toString('utf8');
  assert.equal(r.status, 0, out + r.stderr);
  for (const client of CLIENTS) assert.match(out, new RegExp(`^  ${client.name.replace(/[()]/g, '\\$&')} +ok `, 'm'));
  assert.match(out, /^examples\/full\.md: email of [\d.]+ KB; Gmail clips past 102\.0 KB: [\d.]+ KB to spare$/m);
  assert.match(out, /^Fine to lose \(web\/src\/email-triage\.js\):$/m);
  assert.match(out, /^ {2}border-radius: rounded corners only/m);
});

test('check on an issue past 102 KB: clipped, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bs-check-'));
  const file = join(dir, 'long.md');
  writeFileSync(file, `---\ntitle: Long\n---\n\n${'A paragraph of words that goes on for a while. '.repeat(40).concat('\n\n').repeat(70)}`);
  const r = runCli(['check', file]);
  assert.equal(r.status, 1);
  assert.match(r.stdout.toString('utf8'), /clipped, [\d.]+ KB over/);
  assert.match(r.stdout.toString('utf8'), /View entire message/);
});

test('check: usage errors exit 2', () => {
  assert.equal(runCli(['check']).status, 2);
  assert.equal(runCli(['check', 'a.md', 'b.md']).status, 2);
});

test('the report marks a drop no triage entry covers as breaking (white-space in Samsung Email)', () => {
  const email = '<!doctype html><html><head></head><body><pre style="white-space:pre">code</pre></body></html>';
  const { text, breaks } = checkReport('x.md', email);
  assert.equal(breaks, true);
  assert.match(text, /^ {2}Samsung Email +BREAKS +drops white-space \(<pre style> white-space\)/m);
});

// The output cap (issue 15) through the JS API: `maxOutputBytes` (0 or absent: 16 × the input's bytes +
// 1 MiB). Output over the cap is a BroadsheetError naming the limit, in every format, never an abort; the
// renderer keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();
const MiB = 1 << 20;
const FORMATS = ['html', 'json', 'email', 'text'];
const ISSUE = '---\ntitle: Weekly\n---\n\nIntro with a [link](https://example.com).\n\n## News\n\nSome *news* here.\n';
const bytes = (s) => Buffer.byteLength(s);

function refused(fn, limit, suffix) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof BroadsheetError, `not a BroadsheetError: ${error}`);
    assert.equal(error.message, `the output is over the limit of ${limit} bytes (${suffix})`);
    return true;
  });
}

test('maxOutputBytes: an output of exactly the cap passes, one byte more is refused, in every format', () => {
  for (const format of FORMATS) {
    const full = renderer.render(ISSUE, { format }).output;
    const size = bytes(full);
    assert.equal(renderer.render(ISSUE, { format, maxOutputBytes: size }).output, full, format);
    refused(() => renderer.render(ISSUE, { format, maxOutputBytes: size - 1 }), size - 1, 'option maxOutputBytes');
    assert.equal(renderer.render(ISSUE, { format }).output, full, `${format}: the renderer works after a refusal`);
  }
});

test('maxOutputBytes holds for HTML handed over in pieces (an output of several pieces)', () => {
  const markdown = `${'Some words in a paragraph of its own.\n\n'.repeat(30_000)}`; // over 1 MiB: output in pieces
  const full = renderer.render(markdown).output;
  assert.ok(bytes(full) > 4 * 64 * 1024, 'several pieces');
  refused(() => renderer.render(markdown, { maxOutputBytes: bytes(full) - 1 }), bytes(full) - 1, 'option maxOutputBytes');
  refused(() => renderer.render(markdown, { maxOutputBytes: 100_000 }), 100_000, 'option maxOutputBytes');
  assert.equal(renderer.render(markdown, { maxOutputBytes: bytes(full) }).output, full);
});

test('the default output cap is 16 × the input + 1 MiB, and maxOutputBytes lifts it', () => {
  // Each closed directive becomes a styled table in email: about 25 times its Markdown.
  const markdown = '::: note\nx\n:::\n'.repeat(8_000);
  const limit = 16 * bytes(markdown) + MiB;
  refused(() => renderer.render(markdown, { format: 'email' }), limit, '16 × the input + 1 MiB; option maxOutputBytes');
  refused(() => renderer.render(markdown, { format: 'email', maxOutputBytes: 0 }), limit, '16 × the input + 1 MiB; option maxOutputBytes');
  const { output } = renderer.render(markdown, { format: 'email', maxOutputBytes: 64 * MiB });
  assert.ok(bytes(output) > limit, `the email is ${bytes(output)} bytes`);
  assert.equal(output.split('x</p>').length - 1, 8_000);
});

test('maxOutputBytes must be a whole number of bytes', () => {
  for (const value of [-1, 1.5, '100', Number.NaN, 2 ** 32]) {
    assert.throws(() => renderer.render('x', { maxOutputBytes: value }), RangeError, String(value));
  }
  assert.match(renderer.render('x', { maxOutputBytes: 2 ** 32 - 1 }).output, /x/);
});

// md4c holds the inline marks of one block at once (about 20 bytes each, half again while the array grows):
// past 250,000 in one paragraph (tools/patches/md4c/0003-max-marks.patch; a '[' makes three) the render is refused with a clear
// error at the paragraph's line and column, in the body and in a footnote, natively and in wasm, and memory
// stays within the budget of issue 15 (8 × the input + 16 MiB). Just under the limit still renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBroadsheet, runNative } from '../helpers/repo.js';
import { memories } from '../helpers/wasm-memory.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const MiB = 1 << 20;
const LIMIT = 250000;

test('a paragraph of a million brackets is refused at its line, within the memory budget', async () => {
  const markdown = `# Title\n\nIntro.\n\n  ${'a ['.repeat(400000)}\nstill the same paragraph\n\nAfter.\n`;
  const renderer = await createRenderer();
  assert.throws(() => renderer.render(markdown), (error) => {
    assert.ok(error instanceof BroadsheetError);
    assert.equal(error.line, 5);
    assert.equal(error.column, 3);
    assert.match(error.message, /this paragraph needs more than the parser's limit of 250000 inline marks/);
    return true;
  });
  const memory = memories.at(-1); // the core this render started (wasm memory never shrinks: its peak)
  assert.ok(memory.buffer.byteLength <= 8 * markdown.length + 16 * MiB, `peak ${memory.buffer.byteLength}`);
});

test('in a footnote the error points into the note', async () => {
  const renderer = await createRenderer();
  const markdown = `Text[^1].\n\n[^1]: A note ${'['.repeat(LIMIT + 10)}\n`;
  assert.throws(() => renderer.render(markdown), (error) => error.line === 3 && error.column === 7);
});

test('just under the limit the paragraph renders, every bracket kept', async () => {
  const renderer = await createRenderer();
  const count = Math.floor((LIMIT - 10) / 3); // a '[' is three marks (an opener and two dummies)
  const { output } = renderer.render(`${'['.repeat(count)}\n`);
  assert.equal(output.split('[').length - 1, count);
});

test('the native CLI gives the same error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-marks-'));
  const file = join(dir, 'issue.md');
  writeFileSync(file, `Intro.\n\n${'![](a)'.repeat(70000)}\n`);
  const result = runNative(['render', file]);
  assert.equal(result.status, 1);
  assert.match(result.stderr.toString('utf8'), /issue\.md:3:1: this paragraph needs more than the parser's limit of 250000 inline marks/);
});

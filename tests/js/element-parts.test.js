// The DOM-free helpers of <broadsheet-issue>: inline-Markdown dedent and the error's source excerpt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dedent, sourceExcerpt } from '../../web/src/element-parts.js';

test('dedent removes the indentation common to all lines and the blank edges', () => {
  const inline = '\n    ---\n    title: T\n    ---\n\n    Text.\n\n        code\n  ';
  assert.equal(dedent(inline), '---\ntitle: T\n---\n\nText.\n\n    code\n');
});

test('dedent keeps unindented Markdown as it is, with CRLF normalised', () => {
  assert.equal(dedent('# Title\r\n\r\nText.\r\n'), '# Title\n\nText.\n');
  assert.equal(dedent('  a\n b'), ' a\nb\n');
  assert.equal(dedent('   \n  '), '\n');
});

test('sourceExcerpt shows the line with a caret under the column', () => {
  const md = '---\ntitle: x\ntags: [a, b\n---\n';
  assert.equal(sourceExcerpt(md, 3, 7), '3 | tags: [a, b\n          ^');
  assert.equal(sourceExcerpt(md, 2, 0), '2 | title: x');
  assert.equal(sourceExcerpt(md, 99, 1), '');
  assert.equal(sourceExcerpt('ab\n', 1, 50), '1 | ab\n      ^', 'a column past the end stops at the end');
});

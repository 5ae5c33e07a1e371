// Footnotes (issue 16 point 2) through the npm API: numbered in order of first reference, linked both
// ways in web and email HTML, "[1]" and a Notes list in text, the notes in the JSON document; undefined
// and unused labels are warnings at their line:column; ids take the id prefix; CommonMark mode has none.
// (tests/fixtures/footnotes/ holds the goldens of every format.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, loadBroadsheet, readText } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const basic = readText(join(FIXTURES, 'footnotes', 'footnotes-basic.md'));

const find = (node, type, out = []) => {
  if (node.type === type) out.push(node);
  for (const child of node.children ?? []) find(child, type, out);
  return out;
};

test('web: superscript links, a notes list at the end, back-links to the first reference', () => {
  const html = renderer.render(basic).output;
  assert.ok(html.includes('<sup class="bs-fnref"><a href="#fn-1" id="fnref-1" aria-label="Footnote 1">1</a></sup>'));
  assert.ok(html.includes('id="fnref-1-2"'), 'a second reference gets its own id');
  assert.match(html, /<section class="bs-footnotes" aria-label="Notes">\n<ol>\n<li id="fn-1">/);
  assert.ok(html.trimEnd().endsWith('</ol>\n</section>\n</article>'), 'the notes close the issue');
  assert.ok(html.includes('<a href="#fnref-1" class="bs-fnback" aria-label="Back to reference 1">'));
  assert.ok(html.includes('<code>[^lines]</code>') && html.includes('[^lines] stays in a fence'), 'code keeps its text');
  assert.ok(!/<a [^>]*>[^<]*<sup class="bs-fnref"><a/.test(html), 'no link inside a link');
  assert.ok(!html.includes('Never referenced'), 'an unused note is not shown');
});

test('warnings point at the source', () => {
  const { warnings } = renderer.render(basic);
  const lines = basic.split('\n');
  const unused = warnings.find((w) => /\[\^unused\]/.test(w.message));
  const undefinedRef = warnings.find((w) => /\[\^nowhere\]/.test(w.message));
  assert.ok(unused && undefinedRef, JSON.stringify(warnings));
  assert.ok(lines[unused.line - 1].startsWith('[^unused]:'));
  assert.equal([...lines[undefinedRef.line - 1]].slice(undefinedRef.column - 1).join('').slice(0, 10), '[^nowhere]');
});

test('ids take the id prefix and never collide with a heading\'s', () => {
  const md = '## fn 1\n\nText.[^a]\n\n[^a]: Note.\n';
  const html = renderer.render(md, { idPrefix: 'x-' }).output;
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, ids.join(' '));
  assert.ok(ids.every((id) => id.startsWith('x-')), ids.join(' '));
  assert.ok(html.includes('href="#x-fn-1'), html);
});

test('email: named anchors, an inline-styled marker and the notes at the end', () => {
  const email = renderer.render(basic, { format: 'email' }).output;
  assert.match(email, /<sup style="vertical-align:super;font-size:0\.75em;line-height:0;"><a href="#fn-1" name="fnref-1" id="fnref-1"/);
  assert.ok(email.includes('<a name="fn-1" id="fn-1"></a>'));
  assert.ok(email.includes('href="#fnref-1"'));
  assert.ok(email.indexOf('Notes</p>') < email.indexOf('<a name="fn-3"'));
});

test('text: [n] markers and a Notes list before the links', () => {
  const text = renderer.render(basic, { format: 'text' }).output;
  assert.ok(text.includes('Ten lines run again.[1] The city paid for it.[2]'));
  assert.match(text, /Notes\n-----\n\n\[1\] The lines are N1 to N10\.\n\n {4}A second paragraph/);
  assert.ok(text.indexOf('Notes\n') < text.indexOf('Links\n'));
});

test('JSON: references inline and the notes in the document', () => {
  const json = JSON.parse(renderer.render(basic, { format: 'json' }).output);
  const refs = find(json.document, 'footnote_reference');
  assert.deepEqual(refs.map((r) => r.number), [1, 2, 1, 3, 2, 3]);
  assert.equal(refs[0].label, 'lines');
  assert.equal(refs[0].href, '#fn-1');
  const notes = find(json.document, 'footnote');
  assert.deepEqual(notes.map((n) => [n.number, n.label, n.id, n.back]), [[1, 'lines', 'fn-1', '#fnref-1'], [2, 'cost', 'fn-2', '#fnref-2'], [3, 'list', 'fn-3', '#fnref-3']]);
  assert.equal(json.document.children.at(-1).type, 'footnotes');
  assert.ok(!json.outline.some((entry) => /fn/.test(entry.id)), 'the outline is unaffected');
});

test('a note in Japanese is labelled in Japanese', () => {
  const html = renderer.render(readText(join(FIXTURES, 'footnotes', 'footnotes-ja.md'))).output;
  assert.ok(!html.includes('aria-label="Notes"') && !html.includes('Footnote 1'), html);
});

test('CommonMark mode has no footnotes', () => {
  const html = renderer.render('Text[^a].\n\n[^a]: Note.\n', { commonmark: true }).output;
  // (CommonMark reads `[^a]: Note.` as a link reference definition, label "^a".)
  assert.ok(!html.includes('fnref') && !html.includes('footnotes'), html);
  assert.equal(renderer.render('Text[^b].\n', { commonmark: true }).output, '<p>Text[^b].</p>\n');
});

test('the in-place render (the wasm boundary) equals a copied render', () => {
  // The same input twice: the first render overwrote nothing the second needs.
  assert.equal(renderer.render(basic).output, renderer.render(basic).output);
});

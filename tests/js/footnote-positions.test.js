// Warnings about what is written inside a footnote's body carry the line and column where it was written
// (the note is parsed apart from the issue, from a copy without its `[^label]:` and indentation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

const ISSUE = [
  '---',                                                        // 1
  'title: Notes',                                               // 2
  'preheader: A short preview of the issue for the inbox list', // 3
  '---',                                                        // 4
  '',                                                           // 5
  'Buses run again.[^lines] Trams too.[^trams]',                // 6
  '',                                                           // 7
  '[^lines]: See [click here](https://example.com/a) for more.', // 8
  '    A second line with ![](https://example.com/b.png) in it.', // 9
  '',                                                           // 10
  '[^trams]:',                                                  // 11
  '    Timetable: [here](http://example.com/t).',               // 12
  '',
].join('\n');

const at = (warnings, rule) => warnings.filter((w) => w.rule === rule).map((w) => `${w.line}:${w.column}`);

// As in the issue's own text, a link's or image's warning points at its URL.
test('lint warnings inside footnote bodies are at their line and column', () => {
  for (const format of ['html', 'email', 'json']) {
    const { warnings } = renderer.render(ISSUE, { format });
    assert.deepEqual(at(warnings, 'link-text'), ['8:28', '12:23'], `${format}: ${JSON.stringify(warnings)}`);
    assert.deepEqual(at(warnings, 'image-alt'), ['9:28'], format);
    assert.deepEqual(at(warnings, 'http-link'), ['12:23'], format);
    assert.ok(!warnings.some((w) => w.line === 1 && w.column === 1 && !['preheader', 'lang'].includes(w.rule)), JSON.stringify(warnings));
  }
});

test('an unsafe URL inside a footnote is reported where it was written', () => {
  const { warnings } = renderer.render('Text.[^a]\n\n[^a]: A [bad](javascript:alert(1)) link.\n');
  const unsafe = warnings.filter((w) => /unsafe/.test(w.message));
  assert.deepEqual(unsafe.map((w) => `${w.line}:${w.column}`), ['3:15']);
});

test('JSON gives the nodes inside a note their source lines', () => {
  const json = JSON.parse(renderer.render(ISSUE, { format: 'json' }).output);
  const notes = json.document.children.find((n) => n.type === 'footnotes');
  assert.deepEqual(notes.children.map((n) => n.line), [8, 11]);
  assert.equal(notes.children[0].children[0].line, 8);  // the note's paragraph
  assert.equal(notes.children[1].children[0].line, 12);
});

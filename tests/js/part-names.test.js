// The element's CSS parts (web/src/part-names.js, class → part) against the classes the core's web HTML
// really carries: every class the table names is one the core writes, and every class the core writes is
// either a part or listed here as deliberately not one (so a class added to the renderer is a decision,
// not an oversight). The element built into dist/ exposes this same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, FIXTURES, exampleFiles, filesUnder, readText } from '../helpers/repo.js';
import { PARTS } from '../../web/src/part-names.js';

const web = await import(pathToFileURL(join(DIST, 'web.js')).href);
const core = await web.createRenderer();

// Pieces inside a part, styled through it or through the theme (a callout's or a block's variant is its
// own class: bs-callout-note, bs-block-spoiler).
const NOT_PARTS = new Set([
  'bs-issue-number', 'bs-date', 'bs-authors', 'bs-tag', 'bs-hero-image', 'bs-hero-caption', 'bs-credit',
  'bs-block', 'bs-block-title', 'bs-sponsor-label', 'bs-task', 'bs-footnotes', 'bs-fnref', 'bs-fnback',
]);
const VARIANT = /^bs-(callout|block)-/;

/** Every bs-* class on an element of the web HTML of the examples and fixtures, with a file that has it. */
function classesWritten() {
  const found = new Map();
  for (const file of [...exampleFiles(), ...filesUnder(FIXTURES, '.md')]) {
    let html;
    try {
      html = core.render(readText(file), { lint: false }).output;
    } catch {
      continue; // fixtures of input errors
    }
    for (const [, list] of html.matchAll(/<[a-z][a-z0-9]*\s[^>]*?\bclass="([^"]*)"/g)) {
      for (const name of list.split(/\s+/)) if (name.startsWith('bs-') && !found.has(name)) found.set(name, file);
    }
  }
  return found;
}

const written = classesWritten();

test('every class the part table names is one the core writes', () => {
  for (const name of Object.keys(PARTS)) assert.ok(written.has(name), `${name} is in part-names.js but the core writes no element with it`);
});

test('every class the core writes is a part or deliberately not one', () => {
  for (const [name, file] of written) {
    assert.ok(name in PARTS || NOT_PARTS.has(name) || VARIANT.test(name), `${name} (${file}): add it to part-names.js or to NOT_PARTS here`);
  }
  for (const name of NOT_PARTS) assert.ok(written.has(name), `${name} is listed as not a part but the core no longer writes it`);
});

test('the element in dist/ exposes this table', async () => {
  const element = await import(pathToFileURL(join(DIST, 'element.js')).href);
  assert.deepEqual(element.PARTS, PARTS);
});

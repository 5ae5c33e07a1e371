// The CommonMark spec (the commonmark-spec package, 0.31.2): every example
// rendered with { commonmark: true } must match the expected HTML once both
// go through the spec's own normalisation (a port of test/normalize.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadBroadsheet } from '../helpers/repo.js';
import { normalizeHtml } from '../helpers/normalize-html.js';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec');
const SPEC_VERSION = require('commonmark-spec/package.json').version;
const EXPECTED_COUNT = 652;

// spec_tests.py writes tabs as "→" in spec.txt and swaps them back; the
// package's extractor does not, so do it here.
const examples = spec.tests.map((t) => ({
  number: t.number,
  section: t.section,
  markdown: t.markdown.replaceAll('→', '\t'),
  html: t.html.replaceAll('→', '\t'),
}));

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

/** Renders one example; a throw is recorded as the actual output. */
function check(example) {
  let actual;
  try {
    actual = renderer.render(example.markdown, { commonmark: true }).output;
  } catch (error) {
    return { passed: false, actual: `(render threw: ${error.message})` };
  }
  return { passed: normalizeHtml(actual) === normalizeHtml(example.html), actual };
}

const results = examples.map((example) => ({ example, ...check(example) }));

for (const { example, passed, actual } of results) {
  test(`example ${example.number} (${example.section})`, () => {
    if (passed) return;
    // Show both sides normalised, then raw, so the failure is readable.
    assert.equal(
      actual.startsWith('(render threw') ? actual : normalizeHtml(actual),
      normalizeHtml(example.html),
      `Markdown:\n${example.markdown}\nExpected HTML:\n${example.html}\nActual HTML:\n${actual}`,
    );
  });
}

test('CommonMark spec score', (t) => {
  const passed = results.filter((r) => r.passed).length;
  const failed = results.filter((r) => !r.passed).map((r) => r.example.number);
  const score = `CommonMark ${SPEC_VERSION} spec: ${passed}/${results.length} examples pass`;
  t.diagnostic(score);
  console.log(score + (failed.length ? `; failing: ${failed.join(', ')}` : ''));
  assert.equal(results.length, EXPECTED_COUNT, 'the spec package should have 652 examples');
  assert.equal(passed, EXPECTED_COUNT, `failing examples: ${failed.join(', ')}`);
});

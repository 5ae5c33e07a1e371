// `createRenderer()` from `broadsheet` in Node (web/src/lazy-core.js): html from the web core, the full
// core started only when another format, CommonMark mode or lint warnings are first asked for. Every
// format must write the same bytes, with the same meta, outline and warnings, as the full core alone
// (named by its wasm, as createRenderer worked before), for every fixture and example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_WASM, FIXTURES, exampleFiles, filesUnder, loadBroadsheet, readText, rel } from '../helpers/repo.js';
import { formatVariants } from '../helpers/formats.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const full = await createRenderer({ wasm: DIST_WASM });
const lazy = await createRenderer();
const inputs = [...filesUnder(FIXTURES, '.md'), ...exampleFiles()];
const EXAMPLE = readText(exampleFiles().find((f) => f.endsWith('full.md')));

/** A render's whole result, or its error's message. */
function outcome(renderer, markdown, options) {
  try {
    const r = renderer.render(markdown, options);
    return { output: r.output, meta: r.meta, outline: r.outline, warnings: r.warnings, labels: r.labels, json: JSON.stringify(r) };
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error;
    return { error: error.message, line: error.line, column: error.column };
  }
}

test('a new renderer starts no core until it renders, and html starts the web core alone', async () => {
  const renderer = await createRenderer();
  assert.deepEqual(renderer.memoryUsage(), { heapBytes: 0, memoryBytes: 0 });
  renderer.render(EXAMPLE, { lint: false });
  const web = renderer.memoryUsage().memoryBytes;
  assert.ok(web > 0);
  // html with lint: the web core renders it; the full core starts when the warnings are read.
  const result = renderer.render(EXAMPLE);
  assert.equal(renderer.memoryUsage().memoryBytes, web, 'no second core for the output alone');
  assert.deepEqual(result.warnings, full.render(EXAMPLE).warnings);
  assert.ok(renderer.memoryUsage().memoryBytes > web, 'reading the warnings started the full core');
  renderer.dispose();
});

test('email, text, json and CommonMark mode start the full core; html then comes from it too', async () => {
  for (const options of [{ format: 'email' }, { format: 'text' }, { format: 'json' }, { commonmark: true }]) {
    const renderer = await createRenderer();
    assert.deepEqual(outcome(renderer, EXAMPLE, options), outcome(full, EXAMPLE, options), JSON.stringify(options));
    const both = renderer.memoryUsage().memoryBytes;
    assert.deepEqual(outcome(renderer, EXAMPLE, {}), outcome(full, EXAMPLE, {}));
    assert.equal(renderer.memoryUsage().memoryBytes, both, `after ${JSON.stringify(options)}, html needs no web core`);
    renderer.dispose();
  }
});

test('the formats are the full core\'s; an unknown format is refused with them', () => {
  assert.deepEqual(lazy.formats, full.formats);
  assert.throws(() => lazy.render('# Hi', { format: 'pdf' }), { name: 'TypeError', message: /expected one of html, json, email, text/ });
});

test('a disposed renderer refuses to render, in either core', async () => {
  const renderer = await createRenderer();
  renderer.render('# Hi');
  renderer.dispose();
  assert.throws(() => renderer.render('# Hi'), /disposed/);
  assert.throws(() => renderer.render('# Hi', { format: 'email' }), /disposed/);
});

for (const file of inputs) {
  test(`lazy = full core alone, every format: ${rel(file)}`, async () => {
    const markdown = readText(file);
    const fresh = await createRenderer();
    const html = formatVariants().filter((v) => v.options.format === 'html' && !v.options.commonmark);
    // The web core: html without lint, then with lint (its output still from the web core, its warnings
    // from the full core, which that starts).
    for (const { name, options } of html) assert.deepEqual(outcome(fresh, markdown, { ...options, lint: false }), outcome(full, markdown, { ...options, lint: false }), name);
    assert.deepEqual(outcome(fresh, markdown, {}), outcome(full, markdown, {}), 'html with lint');
    // The full core from then on, for every format.
    for (const { name, options } of formatVariants()) {
      for (const lint of [undefined, false]) {
        const o = lint === undefined ? options : { ...options, lint };
        assert.deepEqual(outcome(fresh, markdown, o), outcome(full, markdown, o), `${name}${lint === false ? ', lint off' : ''}`);
      }
    }
    fresh.dispose();
  });
}

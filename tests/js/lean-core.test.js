// The lean web core (dist/broadsheet-web.wasm + dist/broadsheet-web-core.mjs, `broadsheet/web` and the
// element): built from the same sources as the full core with BROADSHEET_WEB_ONLY=1, it must carry web HTML
// only, and write the same bytes as the full core for every fixture and example, fragment and page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST, DIST_WASM, FIXTURES, exampleFiles, filesUnder, loadBroadsheet, readText, rel } from '../helpers/repo.js';

const WEB_WASM = join(DIST, 'broadsheet-web.wasm');
const WEB_GLUE = join(DIST, 'broadsheet-web-core.mjs');
for (const file of [WEB_WASM, WEB_GLUE]) {
  if (!existsSync(file)) throw new Error(`${rel(file)} is missing: run npm run build`);
}

const { createRenderer, createRendererWith, BroadsheetError } = await loadBroadsheet();
const web = await import(pathToFileURL(join(DIST, 'web.js')).href);
// The full core alone (naming its wasm): createRenderer() itself renders html with the web core (lazy-core.js).
const full = await createRenderer({ wasm: DIST_WASM });
const lean = await web.createRenderer();

test('broadsheet/web loads the web core, not the full one', () => {
  const source = readText(join(DIST, 'web.js'));
  assert.match(source, /'\.\/broadsheet-web-core\.mjs'/);
  assert.match(source, /'\.\/broadsheet-web\.wasm'/);
  assert.doesNotMatch(source, /broadsheet-core\.mjs|'\.\/broadsheet\.wasm'/);
});

test('the web core lists html as its only format and refuses the others', async () => {
  const core = await createRendererWith({
    glue: () => import(pathToFileURL(WEB_GLUE).href),
    wasmUrl: () => pathToFileURL(WEB_WASM),
  });
  assert.deepEqual([...core.formats], ['html']);
  for (const format of ['email', 'text', 'json']) {
    assert.throws(() => core.render('# Hi', { format }), (e) => e instanceof BroadsheetError || e instanceof TypeError, format);
  }
  // Lint is not in it: an issue that lints with warnings in the full core renders clean here.
  const issue = '---\ntitle: T\n---\n\n[click here](https://example.com)\n';
  assert.ok(full.render(issue).warnings.length > 0, 'the full core lints this issue');
  assert.deepEqual(core.render(issue, { lint: false }).warnings, []);
  core.dispose();
});

test('the web core is smaller than the full core', () => {
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const leanBytes = gz(WEB_WASM);
  const fullBytes = gz(join(DIST, 'broadsheet.wasm'));
  assert.ok(statSync(WEB_WASM).size < statSync(join(DIST, 'broadsheet.wasm')).size);
  assert.ok(leanBytes < fullBytes * 0.8, `web core ${leanBytes} B gzipped, full core ${fullBytes} B`);
});

// A budget, not the goal (issue 14 asks for 100 KiB; docs/performance.md has the ceiling): the element's
// whole download was 160.1 KiB, 144.4 KiB after one sort and one hash map per module, a front-coded
// entity table and emmalloc, and 140.9 KiB with the bindings as plain functions; 142.5 KiB since the
// WebAssembly path is a file of its own (element-render.js, issue 28); 144.8 KiB once the element read the
// core's HTML as a DOM and its bundles lost index.js's Node-only loader (issue 27). A new instantiation of a standard
// container or algorithm costs 1 to 4 KB; this catches it. Raise the budget only with the reason measured
// in docs/performance.md.
test('the element downloads at most 144.9 KiB to render (element.js, element-render.js and the web core, gzip -9)', () => {
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const bytes = gz(join(DIST, 'element.js')) + gz(join(DIST, 'element-render.js')) + gz(WEB_WASM);
  assert.ok(bytes <= 144.9 * 1024, `element.js + element-render.js + broadsheet-web.wasm: ${bytes} B (${(bytes / 1024).toFixed(1)} KiB) gzipped`);
});

// A published issue (a fragment from `broadsheet build`) needs element.js alone: the core's glue must
// not creep back into it (issue 28: the whole download with the fragment at most 60 KiB).
test('element.js carries no core glue and stays under 12 KiB gzipped', () => {
  const source = readText(join(DIST, 'element.js'));
  assert.doesNotMatch(source, /broadsheet-web-core|instantiateWasm|HEAPU8/);
  const bytes = gzipSync(source, { level: 9 }).length;
  assert.ok(bytes <= 12 * 1024, `element.js: ${bytes} B gzipped`);
});

const inputs = [...filesUnder(FIXTURES, '.md'), ...exampleFiles()];

test('every fixture and example is rendered', () => {
  assert.ok(inputs.length > 50, `${inputs.length} inputs`);
});

for (const file of inputs) {
  test(`web core = full core: ${rel(file)}`, () => {
    const markdown = readText(file);
    for (const options of [{ standalone: false }, { standalone: true }, { standalone: false, allowHtml: true }]) {
      let expected;
      try {
        expected = full.render(markdown, { ...options, lint: false });
      } catch (error) {
        if (!(error instanceof BroadsheetError)) throw error;
        assert.throws(() => lean.render(markdown, options), (e) => e instanceof BroadsheetError && e.message === error.message
          && e.line === error.line && e.column === error.column);
        continue;
      }
      const actual = lean.render(markdown, options);
      assert.ok(Buffer.from(actual.output).equals(Buffer.from(expected.output)), `HTML differs (${JSON.stringify(options)})`);
      assert.deepEqual(actual.meta, expected.meta);
      assert.deepEqual(actual.outline, expected.outline);
      assert.deepEqual(actual.warnings, expected.warnings, 'the same warnings without lint');
    }
  });
}

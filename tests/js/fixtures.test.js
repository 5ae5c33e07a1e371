// Golden fixtures and native/wasm parity: the one reader of tests/fixtures/.
//
// For every tests/fixtures/**/NAME.md:
//   NAME.html    == wasm render { format: 'html' } (a fragment), exactly
//   NAME.json    == wasm render { format: 'json' }, compared as parsed JSON
//   NAME.cm.html == wasm render { commonmark: true }, exactly
//   NAME.email.html == wasm render { format: 'email' }, exactly
//   NAME.txt   == wasm render { format: 'text' }, exactly
// and the wasm output equals the native CLI's output byte for byte
// (`render FILE --fragment`, `--format json`, `--format email` and
// `--format text`). Every examples/*.md is checked the same way in html,
// json, email, text and standalone html.
// Fixtures under allow-html/ are rendered with { allowHtml: true } (the CLIs' --allow-html).
// Fixtures under errors/ must fail the same way in both cores.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import {
  FIXTURES, exampleFiles, filesUnder, loadBroadsheet, readText, rel, requireNativeCli, runNative,
} from '../helpers/repo.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();

const fixtures = filesUnder(FIXTURES, '.md');
const sibling = (md, ext) => md.slice(0, -'.md'.length) + ext;

/** Whether a fixture is rendered with raw HTML allowed: it lives under allow-html/. */
const allowsHtml = (md) => rel(md).split(sep).includes('allow-html');

/** How the npm CLI renders: the same options the CLI passes for these flags. */
function wasmRender(file, { format = 'html', fragment = false, commonmark = false }) {
  return renderer.render(readText(file), { format, commonmark, standalone: !fragment, allowHtml: allowsHtml(file) });
}

/** What the npm CLI would print on stderr for warnings. */
const warningLines = (file, warnings) =>
  warnings.map((w) => `${file}:${w.line}:${w.column}: ${w.hint ? 'hint' : 'warning'}: ${w.message}\n`).join('');

/** Asserts the native CLI gives the wasm output, byte for byte, for these flags. */
function assertParity(file, flags, options) {
  const name = rel(file);
  const native = runNative(['render', name, ...flags, ...(allowsHtml(file) ? ['--allow-html'] : [])]);
  let result;
  try {
    result = wasmRender(file, options);
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error;
    // Both cores must reject the input, at the same place.
    assert.equal(native.status, 1, `native CLI should fail like the wasm core (${error.message})`);
    assert.equal(native.stderr.split('\n')[0], `${name}:${error.line > 0 ? '' : ' '}${error.message}`);
    return;
  }
  assert.equal(native.status, 0, `native CLI failed: ${native.stderr}`);
  const nativeOut = native.stdout.toString('utf8');
  assert.equal(nativeOut, result.output, `native and wasm output differ for ${name} ${flags.join(' ')}`);
  assert.ok(native.stdout.equals(Buffer.from(result.output, 'utf8')), 'outputs must be byte-identical');
  assert.equal(native.stderr, warningLines(name, result.warnings), 'native warnings differ from the wasm warnings');
}

test('fixtures exist', () => {
  assert.ok(fixtures.length > 0, `no fixtures found under ${rel(FIXTURES)}`);
});

describe('golden fixtures', () => {
  for (const md of fixtures) {
    const render = (options) => renderer.render(readText(md), { ...options, allowHtml: allowsHtml(md) }).output;
    const html = sibling(md, '.html');
    const json = sibling(md, '.json');
    const cm = sibling(md, '.cm.html');
    for (const [ext, format] of [['.email.html', 'email'], ['.txt', 'text']]) {
      const golden = sibling(md, ext);
      if (existsSync(golden)) {
        test(`${rel(md)} -> ${format}`, () => {
          assert.equal(render({ format }), readText(golden));
        });
      }
    }
    if (existsSync(html)) {
      test(`${rel(md)} -> html`, () => {
        assert.equal(render({ format: 'html' }), readText(html));
      });
    }
    if (existsSync(json)) {
      test(`${rel(md)} -> json`, () => {
        assert.deepEqual(JSON.parse(render({ format: 'json' })), JSON.parse(readText(json)));
      });
    }
    if (existsSync(cm)) {
      test(`${rel(md)} -> commonmark html`, () => {
        assert.equal(render({ commonmark: true }), readText(cm));
      });
    }
  }
});

describe('native/wasm parity: fixtures', () => {
  test('native CLI is built', () => requireNativeCli());
  for (const md of fixtures) {
    test(`${rel(md)} html fragment`, () => assertParity(md, ['--fragment'], { fragment: true }));
    test(`${rel(md)} json`, () => assertParity(md, ['--format', 'json'], { format: 'json' }));
    test(`${rel(md)} email`, () => assertParity(md, ['--format', 'email'], { format: 'email' }));
    test(`${rel(md)} text`, () => assertParity(md, ['--format', 'text'], { format: 'text' }));
    if (existsSync(sibling(md, '.cm.html'))) {
      test(`${rel(md)} commonmark`, () =>
        assertParity(md, ['--commonmark', '--fragment'], { commonmark: true, fragment: true }));
    }
  }
});

describe('native/wasm parity: examples', () => {
  const examples = exampleFiles();
  test('examples exist', () => assert.ok(examples.length > 0, 'no examples/*.md found'));
  for (const md of examples) {
    test(`${rel(md)} html fragment`, () => assertParity(md, ['--fragment'], { fragment: true }));
    test(`${rel(md)} json`, () => assertParity(md, ['--format', 'json'], { format: 'json' }));
    test(`${rel(md)} email`, () => assertParity(md, ['--format', 'email'], { format: 'email' }));
    test(`${rel(md)} text`, () => assertParity(md, ['--format', 'text'], { format: 'text' }));
    test(`${rel(md)} standalone html`, () => assertParity(md, [], {}));
  }
});

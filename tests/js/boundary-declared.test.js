// The wasm boundary is declared on both sides with the same names (issue 27): the render flags and the
// result words in src/bindings/embind.cpp (kCommonMark = 1, kOutputLength = 2…) and in web/src/index.js
// (COMMON_MARK = 1, OUTPUT_LENGTH = 2…). A number changed on one side only fails here, before any render
// reads the wrong word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/repo.js';

const BINDINGS = readFileSync(join(ROOT, 'src', 'bindings', 'embind.cpp'), 'utf8');
const INDEX = readFileSync(join(ROOT, 'web', 'src', 'index.js'), 'utf8');

/** kOutputLength → OUTPUT_LENGTH */
const capitals = (name) => name.slice(1).replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase();

const cppConstants = () => {
  const declarations = [...BINDINGS.matchAll(/^(?:constexpr std::uint32_t|enum ResultWord : std::uint32_t \{)([^;]*?)(?:;|\};)/gms)];
  assert.equal(declarations.length, 2, 'the flags and the result words are declared in embind.cpp');
  return Object.fromEntries(declarations.flatMap((d) => [...d[1].matchAll(/\b(k[A-Z]\w*) = (\d+)/g)]).map((m) => [capitals(m[1]), Number(m[2])]));
};
const jsConstants = () => Object.fromEntries([...INDEX.matchAll(/^const ([A-Z][A-Z_]*) = (\d+);/gm)].map((m) => [m[1], Number(m[2])]));

test('every flag and result word has the same number in the bindings and in index.js', () => {
  const cpp = cppConstants();
  const js = jsConstants();
  assert.ok(Object.keys(cpp).length >= 11, JSON.stringify(cpp));
  for (const [name, value] of Object.entries(cpp)) assert.equal(js[name], value, `${name}: embind.cpp says ${value}, index.js ${js[name]}`);
  for (const name of ['COMMON_MARK', 'STANDALONE', 'ALLOW_HTML', 'NO_LINT', 'SUMMARY_ONLY', 'FORMAT_SHIFT', 'OK', 'OUTPUT_POINTER', 'OUTPUT_LENGTH', 'SIDECAR_POINTER', 'SIDECAR_LENGTH']) {
    assert.ok(name in cpp, `${name} is declared in embind.cpp`);
  }
});

// dist/ is made from one list, tools/dist-files.mjs: `npm pack` packs exactly its files (with the package's
// own), dist/ holds nothing else, and the element's browser bundles import no Node built-in (whose import a
// consumer's bundler would try to resolve).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_FILES } from '../../tools/dist-files.mjs';
import { DIST, ROOT, readText, run } from '../helpers/repo.js';

const PACKAGE_OWN = ['package.json', 'README.md', 'LICENSE', 'custom-elements.json'];
const listed = DIST_FILES.map((entry) => entry.file);

test('each file of dist/ is listed once', () => {
  assert.deepEqual(listed.filter((file, i) => listed.indexOf(file) !== i), []);
});

test('dist/ holds exactly the listed files', () => {
  assert.deepEqual(readdirSync(DIST).sort(), [...listed].sort());
});

test('npm pack packs exactly the listed files, the CLI executable', () => {
  const r = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  const [{ files }] = JSON.parse(r.stdout.toString('utf8'));
  assert.deepEqual(files.map((f) => f.path).sort(), [...PACKAGE_OWN, ...listed.map((file) => `dist/${file}`)].sort());
  for (const entry of DIST_FILES.filter((e) => e.executable)) {
    assert.ok(files.find((f) => f.path === `dist/${entry.file}`).mode & 0o111, `dist/${entry.file} is not executable`);
  }
});

test("the element's bundles import only the package's own files", () => {
  for (const entry of DIST_FILES.filter((e) => e.element)) {
    const text = readText(join(DIST, entry.file));
    assert.doesNotMatch(text, /\bnode:/, `${entry.file} names a Node built-in`);
    // A bundler follows an import() of a literal path; anything else it cannot resolve, and warns about.
    const imports = [...text.matchAll(/\bimport\(\s*([^)]{0,60})/g)].map((m) => m[1]);
    assert.deepEqual(imports.filter((arg) => !/^"\.\/[\w.-]+"$/.test(arg)), [], `${entry.file}: an import() of a computed name`);
  }
});

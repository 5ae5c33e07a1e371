// custom-elements.json (the Custom Elements Manifest editors and design tools read) against the element
// itself: its observed attributes, its parts, the custom properties its styles use, its exports, and the
// package.json fields that point tools at it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, readText } from '../helpers/repo.js';

const manifest = JSON.parse(readText(join(ROOT, 'custom-elements.json')));
const pkg = JSON.parse(readText(join(ROOT, 'package.json')));
const element = await import(pathToFileURL(join(ROOT, 'dist', 'element.js')).href);
const styles = ['theme.css', 'element.css'].map((f) => readText(join(ROOT, 'web', 'src', f))).join('\n');
const elementModule = manifest.modules.find((m) => m.path === 'dist/element.js');
const declaration = elementModule.declarations.find((d) => d.customElement);
const sorted = (xs) => [...new Set(xs)].sort();

test('the manifest follows the schema\'s shape and package.json points at it', () => {
  assert.match(manifest.schemaVersion, /^2\.\d+\.\d+$/);
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  assert.deepEqual(manifest.modules.map((m) => m.path).sort(), ['dist/archive.js', 'dist/element.js']);
  const module = elementModule;
  assert.equal(module.kind, 'javascript-module');
  assert.equal(`./${module.path}`, pkg.exports['./element'].default);
  assert.equal(declaration.tagName, element.TAG_NAME);
  assert.equal(declaration.name, element.BroadsheetIssueElement.name);
  const definition = module.exports.find((e) => e.kind === 'custom-element-definition');
  assert.deepEqual(definition, { kind: 'custom-element-definition', name: element.TAG_NAME, declaration: { name: declaration.name, module: module.path } });
  for (const e of module.exports.filter((x) => x.kind === 'js')) {
    assert.ok(e.name in element, `${e.name} is listed as an export but dist/element.js has none`);
    assert.ok(module.declarations.some((d) => d.name === e.declaration.name), `${e.name} has no declaration`);
  }
  for (const list of ['attributes', 'members', 'events', 'cssParts', 'cssProperties']) {
    for (const item of declaration[list]) {
      assert.equal(typeof item.name, 'string', `${list}: a name`);
      if (list !== 'members') assert.ok(item.description?.trim().length > 3, `${list} ${item.name}: a description`);
    }
  }
});

test('the manifest\'s attributes are the observed attributes plus those only the stylesheet reads', () => {
  const observed = element.BroadsheetIssueElement.observedAttributes;
  assert.deepEqual(observed, element.OBSERVED_ATTRIBUTES);
  const styled = [...styles.matchAll(/:host\(\[([\w-]+)=/g)].map((m) => m[1]).filter((a) => !a.startsWith('data-'));
  assert.deepEqual(sorted(declaration.attributes.map((a) => a.name)), sorted([...observed, ...styled]));
  // Every property the element defines is a member, and members that mirror an attribute say so.
  const own = Object.getOwnPropertyNames(element.BroadsheetIssueElement.prototype).filter((n) => n !== 'constructor'
    && !/Callback$/.test(n));
  assert.deepEqual(sorted(declaration.members.filter((m) => !m.static).map((m) => m.name)), sorted(own));
  for (const a of declaration.attributes.filter((x) => x.fieldName)) {
    assert.equal(declaration.members.find((m) => m.name === a.fieldName)?.attribute, a.name);
  }
});

test('the manifest\'s CSS parts are the parts the element sets', () => {
  const source = ['element.js', 'element-parts.js'].map((f) => readText(join(ROOT, 'web', 'src', f))).join('\n');
  const assigned = [...source.matchAll(/\.part = '([\w-]+)'/g)].map((m) => m[1]);
  assert.ok(assigned.includes('frame') && assigned.includes('toc'));
  assert.deepEqual(sorted(declaration.cssParts.map((p) => p.name)), sorted([...Object.values(element.PARTS), ...assigned]));
});

test('the manifest\'s custom properties are the --bs-* properties the styles read', () => {
  const used = [...styles.matchAll(/var\((--bs-[\w-]+)/g)].map((m) => m[1]);
  assert.deepEqual(sorted(declaration.cssProperties.map((p) => p.name)), sorted(used));
  const declared = new Map([...styles.matchAll(/(--bs-[\w-]+):([^;}]+)/g)].map((m) => [m[1], m[2].trim()]));
  for (const p of declaration.cssProperties) {
    if (p.default !== undefined) assert.ok(declared.has(p.name), `${p.name} has a default but the theme does not set it`);
  }
});

test('the manifest\'s events are the events the element fires', () => {
  const source = readText(join(ROOT, 'web', 'src', 'element.js'));
  const fired = [...source.matchAll(/#emit\('([\w-]+)'/g)].map((m) => m[1]);
  assert.deepEqual(sorted(declaration.events.map((e) => e.name)), sorted(fired));
});

test('the manifest describes <broadsheet-archive>: its tag, observed attributes and export', async () => {
  const archive = await import(pathToFileURL(join(ROOT, 'dist', 'archive.js')).href);
  const module = manifest.modules.find((m) => m.path === 'dist/archive.js');
  assert.equal(`./${module.path}`, pkg.exports['./archive'].default ?? pkg.exports['./archive']);
  const [described] = module.declarations;
  assert.equal(described.tagName, archive.TAG_NAME);
  assert.equal(described.name, archive.BroadsheetArchiveElement.name);
  const names = described.attributes.map((a) => a.name);
  for (const observed of archive.BroadsheetArchiveElement.observedAttributes) assert.ok(names.includes(observed), observed);
  const source = readText(join(ROOT, 'web', 'src', 'archive.js'));
  const read = [...source.matchAll(/getAttribute\('([\w-]+)'\)/g)].map((m) => m[1]);
  for (const attribute of read) assert.ok(names.includes(attribute), `${attribute} is read but not described`);
  const parts = [...source.matchAll(/part(?: = |=")'?([\w-]+)/g)].map((m) => m[1]);
  assert.deepEqual(sorted(described.cssParts.map((p) => p.name)), sorted(parts));
  assert.deepEqual(module.exports, [{ kind: 'custom-element-definition', name: archive.TAG_NAME, declaration: { name: described.name, module: module.path } }]);
});

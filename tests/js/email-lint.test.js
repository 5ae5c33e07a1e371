// Email lint: a relative link or image URL with no canonical_url to resolve it against breaks in every
// mail client, so rendering an email warns about it (rule relative-url); the web page does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const rules = (md, format) => renderer.render(md, { format }).warnings.filter((w) => w.rule === 'relative-url');

test('relative URLs in an email without canonical_url are reported, with their position', () => {
  const md = 'See [the archive](/issues/12) and ![A map](img/map.png), [top](#top), [mail](mailto:a@b.c), ' +
    '[site](https://example.com/a) and [host](//cdn.example.com/x).\n';
  const found = rules(md, 'email');
  assert.deepEqual(found.map((w) => w.message.match(/"([^"]*)"/)[1]), ['/issues/12', 'img/map.png', '//cdn.example.com/x']);
  assert.ok(found.every((w) => w.line === 1 && w.column > 1));
  assert.deepEqual(rules(md, 'html'), []);
});

test('with canonical_url the email resolves them and nothing is reported', () => {
  const md = '---\ncanonical_url: https://example.com/issues/12\n---\n\n[the archive](/issues/12) ![A map](img/map.png)\n';
  assert.deepEqual(rules(md, 'email'), []);
  assert.ok(renderer.render(md, { format: 'email' }).output.includes('href="https://example.com/issues/12"'));
});

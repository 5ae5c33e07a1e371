// Raw HTML under allowHtml in email goes through the same path as on the web (src/render/raw_html.hpp):
// an inline element keeps its text inside it, a raw block keeps its contents. The email's golden,
// tests/fixtures/allow-html/email-allow-html.email.html, is compared by fixtures.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, loadBroadsheet, readText, rel, runNative } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const source = join(FIXTURES, 'allow-html', 'email-allow-html.md');
const markdown = readText(source);

test('email with allowHtml keeps the raw HTML the web output keeps', () => {
  const web = renderer.render(markdown, { format: 'html', allowHtml: true }).output;
  const email = renderer.render(markdown, { format: 'email', allowHtml: true }).output;
  for (const piece of ['Some <b>bold</b> text', 'an <i>inline <b>nested</b></i> pair', '<div class="box">Boxed <em>words</em></div>',
    '<td>A raw table cell</td>', '<mark>marked</mark>', '&lt;script&gt;alert(1)&lt;/script&gt;']) {
    assert.ok(web.includes(piece), `web: ${piece}`);
    assert.ok(email.includes(piece), `email: ${piece}`);
  }
  assert.ok(!email.includes('<b></b>'));
  assert.ok(!email.includes('<div class="box"></div>'));
});

test('the native CLI writes the same email with --allow-html', () => {
  const native = runNative(['render', rel(source), '--format', 'email', '--allow-html']);
  assert.equal(native.status, 0, native.stderr);
  assert.equal(native.stdout.toString('utf8'), renderer.render(markdown, { format: 'email', allowHtml: true }).output);
});

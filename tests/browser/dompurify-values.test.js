// What DOMPurify 3.5 does to Broadsheet's output when text the writer gave contains `</style>`, `-->` or
// `]>` (issue 15, point 9), as docs/format.md says: DOMPurify's SAFE_FOR_XML tests the parsed attribute
// value, so it removes exactly the attributes that carry such text (an image's alt, a sponsor's
// aria-label, a directive's data-*), and nothing else of the output; with ordinary values it removes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT, loadBroadsheet } from '../helpers/repo.js';

const DOMPURIFY = join(ROOT, 'node_modules', 'dompurify', 'dist', 'purify.min.js');
let browser;
let page;
let renderer;

before(async () => {
  renderer = await (await loadBroadsheet()).createRenderer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>DOMPurify</title></head><body></body></html>');
  await page.addScriptTag({ path: DOMPURIFY });
});

after(async () => {
  await browser?.close();
});

const issue = (value) => `## Section\n\n![A map ${value.replace("]", "\\]")} here](https://example.com/map.png)\n\n` +
  `::: sponsor Lockers {label="Paid ${value}"}\nText.\n:::\n\n::: note Title {data-kind="k ${value}"}\nNote.\n:::\n`;

/** The attributes DOMPurify removes from the rendered fragment, as "tag attr". */
async function removedBy(markdown) {
  const html = renderer.render(markdown, { format: 'html' }).output;
  return page.evaluate((html) => {
    window.DOMPurify.sanitize(html);
    return window.DOMPurify.removed.map((r) => (r.attribute ? `${r.from?.localName} ${r.attribute.name}` : `element ${r.element?.localName}`));
  }, html);
}

test('ordinary alt, aria-label and data-* values pass DOMPurify unchanged', async () => {
  assert.deepEqual(await removedBy(issue('& <b> "quoted"')), []);
});

for (const value of ['</style>', '-->', ']>', '</title>']) {
  test(`values holding ${value}: DOMPurify removes those attributes and nothing else, as documented`, async () => {
    const removed = await removedBy(issue(value));
    assert.deepEqual(removed.sort(), ['aside aria-label', 'div data-kind', 'img alt'].sort());
  });
}

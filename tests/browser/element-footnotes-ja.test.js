// The element in a browser: an issue in Japanese with footnotes inside <broadsheet-issue>: the table of
// contents is titled in the issue's language, the footnote link scrolls to its note inside the shadow root
// (the browser's own fragment scrolling cannot see there), and the note's back-link returns to the
// reference. (The words and dates of every language in every format: tests/js/i18n.test.js.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, loadBroadsheet, readText } from '../helpers/repo.js';
import { launchChromium, startStaticServer, stopServer } from '../helpers/browser-harness.js';

const { createRenderer } = await loadBroadsheet();
const labels = (await createRenderer()).render(readText(join(ROOT, 'tests/fixtures/footnotes/footnotes-ja.md'))).labels;

// Long enough that the notes are well below the fold.
const filler = Array.from({ length: 40 }, (_, i) => `段落${i + 1}。深夜バスの話が続きます。`).join('\n\n');
const ISSUE = readText(join(ROOT, 'tests/fixtures/footnotes/footnotes-ja.md')).replace('駅の一覧です。', `駅の一覧です。\n\n${filler}`);

const PAGES = {
  '/ja.md': { body: ISSUE, type: 'text/markdown; charset=utf-8' },
  '/ja.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ja</title></head><body>
<broadsheet-issue src="/ja.md" toc></broadsheet-issue>
<script type="module">
  window.__rendered = new Promise((ok) => document.addEventListener('broadsheet-render', ok));
  await import('/dist/element.js');
</script></body></html>`,
  },
};

let server;
let origin;
let browser;
before(async () => {
  ({ server, origin } = await startStaticServer(ROOT, PAGES));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await stopServer(server);
});

test('a ja issue with footnotes: TOC label in Japanese, the footnote link scrolls to its note and back', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/ja.html`);
    await tab.waitForFunction(() => window.__rendered && document.querySelector('broadsheet-issue')?.shadowRoot?.querySelector('.bs-footnotes'), null, { timeout: 30_000 });
    const toc = await tab.evaluate(() => document.querySelector('broadsheet-issue').shadowRoot.querySelector('.toc-label')?.textContent);
    assert.equal(toc, labels.in_this_issue);
    assert.notEqual(toc, 'In this issue');

    const before = await tab.evaluate(() => {
      const root = document.querySelector('broadsheet-issue').shadowRoot;
      return { note: root.getElementById('fn-1').getBoundingClientRect().top, lang: root.querySelector('.bs-issue').lang };
    });
    assert.equal(before.lang, 'ja');
    assert.ok(before.note > 600, `the note starts below the fold (${before.note})`);

    await tab.locator('broadsheet-issue sup.bs-fnref a[href="#fn-1"]').first().click();
    await tab.waitForFunction(() => {
      // In view (the notes end the page, so the note may stop short of the top).
      const box = document.querySelector('broadsheet-issue').shadowRoot.getElementById('fn-1').getBoundingClientRect();
      return box.top >= -1 && box.bottom <= innerHeight + 1;
    }, null, { timeout: 5_000 });
    const focused = await tab.evaluate(() => document.querySelector('broadsheet-issue').shadowRoot.activeElement?.id);
    assert.equal(focused, 'fn-1');

    await tab.locator('broadsheet-issue #fn-1 a.bs-fnback').click();
    await tab.waitForFunction(() => {
      const box = document.querySelector('broadsheet-issue').shadowRoot.getElementById('fnref-1').getBoundingClientRect();
      return box.top >= -1 && box.bottom <= innerHeight + 1;
    }, null, { timeout: 5_000 });
  } finally {
    await context.close();
  }
});

// How <broadsheet-issue> shows a big issue (web/src/element-show.js): parsed by the browser a piece at a
// time and put in place over many tasks, it ends up exactly as the same issue parsed whole (the path taken
// where a document cannot be written to piece by piece), with its parts, link targets and table of contents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT } from '../helpers/repo.js';
import { bigIssue } from '../../bench/embed/issues.mjs';
import { launchChromium, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

const PAGES = {
  '/big.md': { body: bigIssue(), type: 'text/markdown; charset=utf-8' },
  '/show.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Showing a big issue</title></head><body>
<broadsheet-issue toc link-target="_blank"></broadsheet-issue>
<script type="module" src="/dist/element.js"></script></body></html>`,
  },
};

let origin;
let browser;
let server;
before(async () => {
  [{ server, origin }, browser] = await Promise.all([startStaticServer(ROOT, PAGES), launchChromium()]);
});
after(() => Promise.all([browser?.close(), stopServer(server)]));

/**
 * Shows /big.md; returns the shadow root's HTML once rendered and the number of tasks in which the issue
 * grew. `wholeOnly`: document.write throws, as where a parser cannot be written to piece by piece.
 */
async function show({ wholeOnly }) {
  const context = await browser.newContext();
  const watch = await watchContext(context);
  if (wholeOnly) await context.addInitScript(() => { Document.prototype.write = () => { throw new Error('not here'); }; });
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/show.html`);
    await tab.waitForFunction(() => customElements.get('broadsheet-issue'));
    const shown = await tab.evaluate(() => new Promise((resolve, reject) => {
      const element = document.querySelector('broadsheet-issue');
      let batches = 0; // MutationObserver callbacks: one per task that changed the shadow root
      new MutationObserver(() => { batches += 1; }).observe(element.shadowRoot, { childList: true, subtree: true });
      element.addEventListener('broadsheet-render', () => resolve({ html: element.shadowRoot.querySelector('.frame').innerHTML, batches }));
      element.addEventListener('broadsheet-error', (event) => reject(new Error(event.detail.message)));
      element.src = '/big.md';
    }));
    return { ...shown, pageErrors: watch.pageErrors };
  } finally {
    await context.close();
  }
}

test('a big issue shown piece by piece is the same as the issue parsed whole', async () => {
  const pieces = await show({ wholeOnly: false });
  const whole = await show({ wholeOnly: true });
  assert.deepEqual(pieces.pageErrors, []);
  assert.deepEqual(whole.pageErrors, []);
  assert.ok(pieces.batches > 10, `shown over ${pieces.batches} tasks`);
  assert.ok(whole.batches <= 3, `parsed whole, shown over ${whole.batches} tasks`);
  assert.match(pieces.html, /<nav class="toc" part="toc"/);
  assert.match(pieces.html, /<section class="bs-section" id="[^"]+" part="section">/);
  assert.match(pieces.html, /target="_blank" rel="noopener noreferrer"/);
  assert.ok(pieces.html.length > 100_000);
  assert.equal(pieces.html, whole.html);
});

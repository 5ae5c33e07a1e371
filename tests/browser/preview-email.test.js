// The preview's email view (`npm start`) in headless Chromium: the mail-client table (the same analysis as
// `broadsheet check`), Gmail's clipping margin, the "Show as" picker rendering a client's view (Gmail's
// mobile web drops the <style>), and the Dark toggle switching the email frame to its dark palette.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../helpers/chromium.js';

const { startDevServer } = await import('../../web/dev-server.mjs');

let server;
let base;
let browser;

before(async () => {
  ({ server, url: base } = await startDevServer({ port: 0 }));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
});

/**
 * Waits until the email frame (sandboxed: read through Playwright's frames) shows a card and `want(facts)`
 * holds for its facts: { styles: <style> elements, card: the card's background }.
 */
async function frameShows(page, want) {
  const deadline = Date.now() + 15000;
  let last;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      last = await frame.evaluate(() => {
        const card = document.querySelector('td.bs-card');
        return card ? { styles: document.querySelectorAll('style').length, card: getComputedStyle(card).backgroundColor } : null;
      }).catch(() => null);
      if (last && want(last)) return last;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the email frame never showed what was expected; last: ${JSON.stringify(last)}`);
}

test('email view: a row per mail client, the clipping margin, a client picker and the dark palette', async () => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.fulfill({ status: 204, body: '' })));
  await page.goto(base);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  assert.equal(await page.isVisible('[data-email-panel]'), false, 'the panel belongs to the email view');

  await page.click('[data-view=email]');
  await page.waitForFunction(() => document.querySelectorAll('[data-email-clients] tbody tr').length >= 19, null, { timeout: 30000 });
  const rows = await page.$$eval('[data-email-clients] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.ok(rows.some(([name]) => name === 'Samsung Email'), rows.map((r) => r[0]).join(', '));
  assert.deepEqual(rows.filter(([, state]) => state !== 'ok'), [], 'the example holds in every client');
  assert.match(await page.textContent('[data-email-size]'), /^[\d.]+ KB of Gmail's 102\.0 KB: [\d.]+ KB to spare$/);

  await frameShows(page, (f) => f.styles === 1 && f.card === 'rgb(255, 255, 255)');

  await page.selectOption('[data-email-client]', 'gmail.mobile-webmail');  // drops <style>
  await frameShows(page, (f) => f.styles === 0);

  await page.selectOption('[data-email-client]', '');
  await page.click('[data-toggle=dark]');
  await frameShows(page, (f) => f.styles === 1 && f.card === 'rgb(21, 23, 27)');
  assert.deepEqual(errors, []);
  await context.close();
});

// The draft preview page (`npm start`) in headless Chromium: it loads with the example, typing shows in
// the preview, a reload keeps the draft, a YAML mistake shows a positioned error while the last preview
// stays, the outline scrolls the preview, saving produces the Markdown typed, and axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT } from '../helpers/repo.js';

const require = createRequire(import.meta.url);
const { startDevServer } = await import('../../web/dev-server.mjs');
const EXAMPLE = await readFile(join(ROOT, 'examples', 'full.md'), 'utf8');

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

/** A fresh page (its own storage) on the preview, ready, with console errors and off-site requests kept. */
async function openPreview(context) {
  const page = await context.newPage();
  const problems = [];
  // Failed loads are judged by the request watchers below (issue images may fail: they are off-site).
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => r.resourceType() !== 'image' && problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    // Images of the issue itself live wherever the writer put them (the example's are on example.org);
    // anything else leaving the machine is a fault of the page.
    if (request.resourceType() !== 'image') problems.push(`off-site request: ${url}`);
    return route.fulfill({ status: 204, body: '' });
  });
  await page.goto(base);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  return { page, problems };
}

const previewSections = (page) =>
  page.$$eval('[data-broadsheet-preview]', ([host]) => [...host.shadowRoot.querySelectorAll('section[id]')].map((s) => s.id));

/**
 * Runs `action` and resolves with the preview update (or error) it causes. The listener is installed in
 * the page before the action starts (an evaluate and an input event are not ordered otherwise), and a
 * missing update fails the test instead of hanging it.
 */
async function expectUpdate(page, action) {
  await page.evaluate(() => {
    window.__nextUpdate = new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, timedOut: true }), 10000);
      const done = (value) => { clearTimeout(timer); resolve(value); };
      document.addEventListener('broadsheet-preview-updated', (e) => done({ ok: true, ...e.detail }), { once: true });
      document.addEventListener('broadsheet-preview-error', (e) => done({ ok: false, ...e.detail }), { once: true });
    });
  });
  await action();
  const answer = await page.evaluate(() => window.__nextUpdate);
  assert.ok(!answer.timedOut, 'the preview did not update within 10 s');
  return answer;
}

async function typeAtEnd(page, text) {
  await page.click('[data-broadsheet-editor] .cm-content');
  await page.keyboard.press('Control+End');
  return expectUpdate(page, () => page.keyboard.insertText(text));
}

test('loads with the full example in the editor and the preview', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPreview(context);
  const text = await page.evaluate(() => document.querySelector('[data-broadsheet-editor] .cm-content').innerText);
  assert.ok(text.includes(EXAMPLE.split('\n')[1]), 'the editor holds the example');
  assert.equal((await previewSections(page)).length, 9);
  const outline = await page.$$eval('[data-broadsheet-outline] button', (b) => b.length);
  assert.ok(outline >= 9, `outline entries: ${outline}`);
  // Words are counted just after the render settles.
  await page.waitForFunction(() => /^[1-9][\d,]* words$/.test(document.querySelector('[data-status=words]').textContent));
  assert.match(await page.textContent('[data-status=reading]'), /^[1-9]\d* min read$/);
  assert.match(await page.textContent('[data-status=render]'), /^rendered in [\d.]+ ms$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing a new section shows it in the preview, and a reload keeps the draft', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPreview(context);
  const before = await previewSections(page);
  const update = await typeAtEnd(page, '\n\n## Brand new section\n\nWritten in the test.\n');
  assert.equal(update.ok, true);
  const after = await previewSections(page);
  assert.deepEqual(after.slice(0, before.length), before);
  assert.equal(after.at(-1), 'brand-new-section');
  await page.waitForFunction(() => /saved/i.test(document.querySelector('[data-status=saved]').textContent));
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  assert.equal((await previewSections(page)).at(-1), 'brand-new-section');
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing inside one section leaves the other sections untouched', async () => {
  const context = await browser.newContext();
  const { page } = await openPreview(context);
  await page.evaluate(() => {
    const root = document.querySelector('[data-broadsheet-preview]').shadowRoot;
    for (const s of root.querySelectorAll('section[id]')) s.dataset.marked = 'yes';
  });
  await typeAtEnd(page, ' More words at the end.');
  const marks = await page.$$eval('[data-broadsheet-preview]', ([host]) =>
    [...host.shadowRoot.querySelectorAll('section[id]')].map((s) => s.dataset.marked ?? 'replaced'));
  assert.deepEqual(marks.slice(0, -1), marks.slice(0, -1).map(() => 'yes'), 'only the last section was replaced');
  assert.equal(marks.at(-1), 'replaced');
  await context.close();
});

test('a YAML mistake shows a positioned error while the last preview stays', async () => {
  const context = await browser.newContext();
  const { page } = await openPreview(context);
  await page.click('[data-broadsheet-editor] .cm-content');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown'); // line 2: the first front-matter key
  await page.keyboard.press('Home');
  const answer = await expectUpdate(page, () => page.keyboard.insertText('title: [unclosed\n'));
  assert.equal(answer.ok, false);
  const error = await page.textContent('[data-broadsheet-errors]');
  assert.match(error, /Error\s+\d+:\d+/);
  assert.equal((await previewSections(page)).length, 9, 'the last good preview stays');
  // Clicking the error puts the cursor on its line.
  await page.click('[data-broadsheet-errors] button');
  const line = await page.evaluate(() => {
    const active = document.querySelector('[data-broadsheet-editor] .cm-activeLine');
    return active?.textContent ?? '';
  });
  assert.ok(line.length > 0, 'the cursor moved to a line');
  await context.close();
});

test('clicking an outline entry scrolls the preview to its section', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  const { page } = await openPreview(context);
  const ids = await page.$$eval('[data-broadsheet-outline] .outline-section button', (b) => b.map((x) => x.dataset.id));
  const target = ids[Math.floor(ids.length / 2)];
  await page.click(`[data-broadsheet-outline] button[data-id="${target}"]`);
  // The section comes to the top of the preview (or as near as the end of the issue allows).
  await page.waitForFunction((id) => {
    const scroller = document.querySelector('.preview-scroll');
    const section = document.querySelector('[data-broadsheet-preview]').shadowRoot.getElementById(id);
    const top = section.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    return scroller.scrollTop > 0 && (Math.abs(top) < 40 || (atEnd && top >= 0 && top < scroller.clientHeight));
  }, target, { timeout: 5000 });
  // The editor followed: its top line is the section's heading or near it.
  const heading = await page.evaluate((id) => {
    const entry = window.__broadsheetPreview.state.lastOutline.find((e) => e.id === id);
    return { line: entry.line, top: window.__broadsheetPreview.editor.topLine() };
  }, target);
  assert.ok(Math.abs(heading.top - heading.line) <= 3, `editor top line ${heading.top}, section line ${heading.line}`);
  await context.close();
});

test('the email, text and JSON views show the issue in those formats', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPreview(context);
  const shown = async (view) => {
    await expectUpdate(page, () => page.click(`[data-view=${view}]`));
    return page.$eval('[data-broadsheet-preview]', (host) => {
      const frame = host.shadowRoot.querySelector('iframe');
      const pre = host.shadowRoot.querySelector('pre.bs-raw');
      return { sandbox: frame?.getAttribute('sandbox') ?? null, srcdoc: frame?.srcdoc ?? '', text: pre?.textContent ?? '' };
    });
  };
  const email = await shown('email');
  assert.equal(email.sandbox, 'allow-popups allow-popups-to-escape-sandbox', 'the email runs in a sandbox without scripts');
  assert.match(email.srcdoc, /^<!DOCTYPE html>/i);
  assert.match(email.srcdoc, /role="presentation"/);
  const text = await shown('text');
  assert.ok(text.text.split('\n').every((line) => [...line].length <= 78 || !/\s/.test(line.trim())), 'text is wrapped');
  assert.match(text.text, /^The quiet return of the night bus/m);
  const json = JSON.parse((await shown('json')).text);
  assert.equal(json.outline.filter((e) => e.kind === 'section').length, 9);
  await expectUpdate(page, () => page.click('[data-view=web]'));
  assert.equal((await previewSections(page)).length, 9);
  assert.deepEqual(problems, []);
  await context.close();
});

test('saving produces the Markdown typed', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  // Headless Chromium has no file dialog: take the download path that browsers without the File System
  // Access API use.
  await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
  const { page } = await openPreview(context);
  await typeAtEnd(page, '\n\nA closing line typed in the test.\n');
  const typed = await page.evaluate(() => window.__broadsheetPreview.editor.text());
  const downloading = page.waitForEvent('download');
  await page.click('[data-action=save]');
  const download = await downloading;
  const saved = await readFile(await download.path(), 'utf8');
  assert.equal(saved, typed);
  assert.ok(saved.endsWith('A closing line typed in the test.\n'));
  assert.match(download.suggestedFilename(), /\.md$/);
  await context.close();
});

test('axe finds no serious or critical violations, light and dark', async () => {
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    const { page } = await openPreview(context);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], colorScheme);
    await context.close();
  }
});

// The email's dark palettes, audited by axe-core's color-contrast rule in Debian's Chromium over every
// example: the `prefers-color-scheme: dark` palette (Apple Mail, the Outlook apps, Samsung Email…) and
// Outlook.com's dark mode, which does not match the media query but marks the message with data-ogsc and
// data-ogsb (emulated here by those attributes on <body>, where Outlook.com's wrapper puts them). Images
// are blocked, so their alt text is checked against the dark card too, and buttons must keep their shape.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, exampleFiles, loadBroadsheet, readText } from '../helpers/repo.js';
import { launchChromium } from '../helpers/chromium.js';
import { blockImages, pageFacts } from '../email-clients/page-facts.js';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let browser;
let emails;

before(async () => {
  const { createRenderer } = await loadBroadsheet();
  const renderer = await createRenderer();
  emails = exampleFiles().map((file) => ({ name: basename(file), html: renderer.render(readText(file), { format: 'email' }).output }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** The email at 600 px in `scheme`, images blocked; `outlookCom` adds Outlook.com's dark-mode markers. */
async function audit(html, { scheme, outlookCom = false }) {
  const context = await browser.newContext({ viewport: { width: 600, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  const shown = blockImages(html);  // so the alt text is audited too
  await page.setContent(outlookCom ? shown.replace('<body ', '<body data-ogsc="" data-ogsb="" ') : shown, { waitUntil: 'domcontentloaded' });
  const facts = await page.evaluate(pageFacts);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
    return {
      violations: violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' > ')}: ${n.any[0]?.message ?? ''}`)),
      card: getComputedStyle(document.querySelector('td.bs-card')).backgroundColor,
    };
  });
  await context.close();
  return { ...result, facts };
}

for (const [label, options] of [
  ['prefers-color-scheme: dark', { scheme: 'dark' }],
  ["Outlook.com's dark mode ([data-ogsc]/[data-ogsb])", { scheme: 'light', outlookCom: true }],
  ['light', { scheme: 'light' }],
]) {
  test(`every example, ${label}: axe color-contrast finds nothing`, async () => {
    for (const { name, html } of emails) {
      const { violations, card, facts } = await audit(html, options);
      assert.deepEqual(violations, [], `${name}`);
      // What axe does not audit: a blocked image's alt text, and a button's shape and label.
      assert.deepEqual(facts.images.filter((i) => !i.readable), [], `${name}: alt text`);
      assert.deepEqual(facts.buttons.filter((b) => !b.looks || !b.readable), [], `${name}: buttons`);
      const dark = options.scheme === 'dark' || options.outlookCom;
      assert.equal(card, dark ? 'rgb(21, 23, 27)' : 'rgb(255, 255, 255)', `${name}: the card's background`);
    }
  });
}

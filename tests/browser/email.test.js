// The email's look in headless Chromium: examples/full.md rendered with format 'email' (by the wasm
// package in Node), shown at 600 and 375 px wide in the light and dark colour schemes. The screenshots
// are saved under build/screenshots/ for a person to look at; the assertions check what a reader
// would notice: no sideways scrolling on a phone, a column no wider than 600 px, the dark palette.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBroadsheet, readText } from '../js/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const SHOTS = join(ROOT, 'build', 'screenshots');

let browser;
let email;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (tools/setup.sh does this)`);
  const { createRenderer } = await loadBroadsheet();
  email = (await createRenderer()).render(readText(join(ROOT, 'examples', 'full.md')), { format: 'email' }).output;
  mkdirSync(SHOTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
});

after(async () => {
  await browser?.close();
});

/** Opens the email at `width` px in `scheme`; images are blocked (no network), as many inboxes do. */
async function show(width, scheme) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent(email, { waitUntil: 'domcontentloaded' });
  await page.screenshot({ path: join(SHOTS, `email-${width}-${scheme}.png`), fullPage: true });
  const facts = await page.evaluate(() => {
    const container = document.querySelector('table.bs-container');
    const body = getComputedStyle(document.body);
    const card = getComputedStyle(document.querySelector('td.bs-card'));
    const rects = [...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect());
    return {
      scrollWidth: document.documentElement.scrollWidth,
      containerWidth: container.getBoundingClientRect().width,
      widestRight: Math.max(...rects.map((r) => r.right)),
      bodyBackground: body.backgroundColor,
      cardBackground: card.backgroundColor,
      cardColor: card.color,
    };
  });
  await context.close();
  return facts;
}

for (const scheme of ['light', 'dark']) {
  test(`email at 375 px (${scheme}): no sideways scrolling`, async () => {
    const f = await show(375, scheme);
    assert.ok(f.scrollWidth <= 375, `the page scrolls sideways: ${f.scrollWidth}px wide`);
    assert.ok(f.widestRight <= 375.5, `an element reaches ${f.widestRight}px`);
    assert.ok(f.containerWidth <= 375, `container ${f.containerWidth}px`);
  });

  test(`email at 600 px (${scheme}): the column fits and is at most 600 px`, async () => {
    const f = await show(600, scheme);
    assert.ok(f.scrollWidth <= 600, `the page scrolls sideways: ${f.scrollWidth}px wide`);
    assert.ok(f.containerWidth <= 600, `container ${f.containerWidth}px`);
    const dark = scheme === 'dark';
    assert.equal(f.bodyBackground, dark ? 'rgb(13, 15, 18)' : 'rgb(243, 244, 246)');
    assert.equal(f.cardBackground, dark ? 'rgb(21, 23, 27)' : 'rgb(255, 255, 255)');
    assert.equal(f.cardColor, dark ? 'rgb(231, 233, 236)' : 'rgb(28, 30, 34)');
  });
}

test('email on a desktop screen: a centred column of exactly 600 px', async () => {
  const f = await show(1024, 'light');
  assert.equal(f.containerWidth, 600);
  assert.ok(f.scrollWidth <= 1024);
});

// The email's look in headless Chromium: examples/full.md and a stress issue (long URLs, long words,
// CJK text, wide tables, a long image alt) rendered with format 'email' (by the wasm package in Node),
// shown at 320, 375 and 600 px wide with images blocked (no network, as many inboxes do), as sent and
// with its <style> removed (as Gmail's apps do for non-Google accounts), in the light and dark colour
// schemes. Screenshots go to build/screenshots/ for a person to look at; the assertions check what a
// reader would notice: no sideways scrolling on a phone, a column no wider than 600 px, the dark palette.
// Only the fonts a fresh Debian machine has (DejaVu) are needed: widths are checked, not glyphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT, loadBroadsheet, readText } from '../helpers/repo.js';

const SHOTS = join(ROOT, 'build', 'screenshots');

let browser;
let email;
let stress;

const LONG_URL = `https://example.com/${'a-very-long-path-segment/'.repeat(8)}?utm_source=newsletter&utm_medium=email`;
const STRESS = `---
title: Stress test for narrow screens
preheader: Long words, long URLs and CJK text on a phone.
canonical_url: https://example.com/issues/9
---

A bare link: ${LONG_URL} and a linked one: [${LONG_URL}](${LONG_URL}).

Pneumonoultramicroscopicsilicovolcanoconiosis${'x'.repeat(120)} is a long word.

日本語の文章は単語の間に空白がありません。${'東京都特許許可局長今日急遽休暇許可拒否'.repeat(6)}

![${'A very long alternative text for a picture that is blocked '.repeat(3)}](https://example.com/${'wide'.repeat(30)}.png)

| Column with a long heading | ${'Another'.repeat(10)} | Third |
| - | - | - |
| ${'cell'.repeat(25)} | ${LONG_URL} | 東京都特許許可局長今日急遽休暇許可拒否東京都特許許可局長 |

## Section with a box

::: sponsor Lockers
Visit ${LONG_URL} today.
:::

[A call to action with a long label that goes on and on](https://example.com/${'x'.repeat(80)}){.button}

\`\`\`
${'const aVeryLongIdentifierName = anotherVeryLongFunctionName(argumentNumberOne, argumentNumberTwo);'}
\`\`\`
`;

before(async () => {
  const { createRenderer } = await loadBroadsheet();
  const renderer = await createRenderer();
  email = renderer.render(readText(join(ROOT, 'examples', 'full.md')), { format: 'email' }).output;
  stress = renderer.render(STRESS, { format: 'email' }).output;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Opens the email at `width` px in `scheme`; images are blocked (no network), as many inboxes do. */
async function show(width, scheme, { html = email, stripStyle = false, name = 'email' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent(stripStyle ? html.replace(/<style>[\s\S]*?<\/style>/g, '') : html, { waitUntil: 'domcontentloaded' });
  await page.screenshot({ path: join(SHOTS, `${name}-${width}-${scheme}${stripStyle ? '-nostyle' : ''}.png`), fullPage: true });
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

for (const name of ['email', 'stress']) {
  for (const stripStyle of [false, true]) {
    for (const width of [320, 375]) {
      const setting = stripStyle ? '<style> removed' : 'as sent';
      test(`${name} at ${width} px, images blocked, ${setting}: no sideways scrolling`, async () => {
        const f = await show(width, 'light', { html: name === 'email' ? email : stress, stripStyle, name });
        assert.ok(f.scrollWidth <= width, `the page scrolls sideways: ${f.scrollWidth}px wide`);
        assert.ok(f.widestRight <= width + 0.5, `an element reaches ${f.widestRight}px`);
        assert.ok(f.containerWidth <= width, `container ${f.containerWidth}px`);
      });
    }
    test(`${name} at 600 px, images blocked, ${stripStyle ? '<style> removed' : 'as sent'}: fits, at most 600 px`, async () => {
      const f = await show(600, 'light', { html: name === 'email' ? email : stress, stripStyle, name });
      assert.ok(f.scrollWidth <= 600, `the page scrolls sideways: ${f.scrollWidth}px wide`);
      assert.ok(f.containerWidth <= 600, `container ${f.containerWidth}px`);
    });
  }
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

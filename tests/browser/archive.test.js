// The site of `broadsheet build` in headless Chromium: <broadsheet-archive> (from dist/archive.js alone,
// and defined by dist/element.js) listing examples/site's issues newest first, its filter box and
// "Show more"; <broadsheet-issue index="…/issues.json"> filling `::: recent`; axe-core over both
// elements, the archive page and an issue page, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, EXAMPLES, loadBroadsheet } from '../helpers/repo.js';
import { axeViolations, launchChromium, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

await loadBroadsheet();
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);

const PAGES = {};
let dir;
let server;
let origin;
let browser;

const page = (body, ...modules) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Archive test</title></head>
<body><main><h1>Archive test</h1>${body}</main>
<script type="module">
  window.__events = [];
  for (const type of ['broadsheet-archive-load', 'broadsheet-render', 'broadsheet-error']) {
    document.addEventListener(type, (event) => window.__events.push({ type, id: event.target.id }));
  }
  ${modules.map((module) => `await import('${module}');`).join(' ')}
</script></body></html>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-archive-'));
  symlinkSync(DIST, join(dir, 'dist'));
  ({ server, origin } = await startStaticServer(dir, PAGES));
  const report = await buildSite({ input: join(EXAMPLES, 'site'), out: join(dir, 'site'), baseUrl: `${origin}/site/` });
  assert.deepEqual(report.errors, []);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `html` (or a path) and waits for `count` events when html is given. */
async function open(html, { colorScheme = 'light', count = 1, path } = {}) {
  const context = await browser.newContext({ colorScheme });
  const watch = await watchContext(context);
  const tab = await context.newPage();
  if (html !== undefined) {
    path = `/page-${Math.random().toString(36).slice(2)}.html`;
    PAGES[path] = { body: html };
  }
  await tab.goto(origin + path);
  if (html !== undefined) await tab.waitForFunction((n) => window.__events?.length >= n, count, { timeout: 30_000 });
  return { context, tab, watch };
}

const archiveState = (tab) => tab.evaluate(() => {
  const root = document.querySelector('broadsheet-archive').shadowRoot;
  return {
    items: [...root.querySelectorAll('.bs-archive-list > li')].map((li) => ({ href: li.querySelector('a').href, title: li.querySelector('a').textContent })),
    status: root.querySelector('.bs-archive-count').textContent,
    moreHidden: root.querySelector('.bs-archive-more').hidden,
    focused: root.activeElement?.textContent ?? null,
  };
});

for (const theme of ['light', 'dark']) {
  test(`<broadsheet-archive> lists the issues newest first, filters and shows more (${theme})`, async () => {
    const { context, tab, watch } = await open(page(`<broadsheet-archive src="/site/issues.json" theme="${theme}" page-size="2"></broadsheet-archive>`, '/dist/archive.js'));
    try {
      let state = await archiveState(tab);
      assert.deepEqual(state.items, [
        { href: `${origin}/site/03-winter-timetable/`, title: 'What the winter timetable keeps' },
        { href: `${origin}/site/02-night-crossing/`, title: 'The night crossing returns' },
      ]);
      assert.equal(state.status, '3 issues');
      assert.equal(state.moreHidden, false);
      assert.deepEqual(await axeViolations(tab), [], 'axe, first page');
      const dark = await tab.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.querySelector('broadsheet-archive').shadowRoot.querySelector('.frame')).backgroundColor.match(/\d+/g).map(Number);
        return (r + g + b) / 3 < 128;
      });
      assert.equal(dark, theme === 'dark');

      await tab.evaluate(() => document.querySelector('broadsheet-archive').shadowRoot.querySelector('.bs-archive-more').click());
      state = await archiveState(tab);
      assert.equal(state.items.length, 3);
      assert.equal(state.moreHidden, true);
      assert.equal(state.focused, 'Reading the tide tables', 'focus moves to the first issue shown');

      await tab.locator('broadsheet-archive input[type=search]').fill('TIDE');
      state = await archiveState(tab);
      assert.deepEqual(state.items.map((i) => i.title), ['Reading the tide tables']);
      assert.equal(state.status, '1 matching');
      await tab.locator('broadsheet-archive input[type=search]').fill('ferries 2026 hospital');
      assert.deepEqual((await archiveState(tab)).items.map((i) => i.title), ['The night crossing returns']);
      assert.deepEqual(await axeViolations(tab), [], 'axe, filtered');
    } finally {
      await context.close();
    }
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  });

  test(`<broadsheet-issue index> fills ::: recent from issues.json; element.js with archive.js (${theme})`, async () => {
    const html = page(`<broadsheet-issue id="issue" src="/site/03-winter-timetable/issue.md" index="/site/issues.json" theme="${theme}"></broadsheet-issue>
      <broadsheet-archive id="archive" src="/site/issues.json" theme="${theme}"></broadsheet-archive>`, '/dist/element.js', '/dist/archive.js');
    const { context, tab, watch } = await open(html, { count: 2 });
    try {
      const shown = await tab.evaluate(() => ({
        recent: [...document.getElementById('issue').shadowRoot.querySelectorAll('.bs-block-recent li a')].map((a) => [a.href, a.textContent]),
        archive: document.getElementById('archive').shadowRoot.querySelectorAll('.bs-archive-list > li').length,
      }));
      assert.deepEqual(shown.recent, [
        [`${origin}/site/02-night-crossing/`, 'Issue 2: The night crossing returns'],
        [`${origin}/site/01-tide-tables/`, 'Issue 1: Reading the tide tables'],
      ]);
      assert.equal(shown.archive, 3);
      const violations = await axeViolations(tab);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    } finally {
      await context.close();
    }
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  });

  test(`the archive page and an issue page are axe-clean (${theme})`, async () => {
    for (const path of ['/site/index.html', '/site/02-night-crossing/index.html']) {
      const { context, tab } = await open(undefined, { path, colorScheme: theme });
      try {
        const violations = await axeViolations(tab);
        assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 1)}`);
      } finally {
        await context.close();
      }
    }
  });
}

test('a draft shown with index lists the issues older than its date', async () => {
  const html = page(`<broadsheet-issue id="draft" index="/site/issues.json"><script type="text/markdown">
    ---
    title: A draft not in the index
    date: 2026-10-20
    ---

    ::: recent {count=5}
    :::
  </script></broadsheet-issue>`, '/dist/element.js');
  const { context, tab } = await open(html);
  try {
    const links = await tab.evaluate(() => [...document.getElementById('draft').shadowRoot.querySelectorAll('.bs-block-recent li a')].map((a) => a.textContent));
    assert.deepEqual(links, ['Issue 2: The night crossing returns', 'Issue 1: Reading the tide tables']);
  } finally {
    await context.close();
  }
});

test('a missing index is reported by the archive, and the issue still renders', async () => {
  const html = page(`<broadsheet-archive id="a" src="/site/missing.json"></broadsheet-archive>
    <broadsheet-issue id="i" src="/site/02-night-crossing/issue.md" index="/site/missing.json"></broadsheet-issue>`, '/dist/element.js', '/dist/archive.js');
  const { context, tab } = await open(html, { count: 2 });
  try {
    const events = await tab.evaluate(() => window.__events.map((e) => `${e.type}:${e.id}`).sort());
    assert.deepEqual(events, ['broadsheet-error:a', 'broadsheet-render:i']);
    const alert = await tab.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[role=alert]').textContent);
    assert.match(alert, /HTTP 404/);
  } finally {
    await context.close();
  }
});

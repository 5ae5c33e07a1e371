// Full-text search (issue 26) in headless Chromium over a site built here: English, Chinese and Japanese
// issues and a draft. A word found only in one issue's body leads to that issue's section; Chinese and
// Japanese words find their issues; the draft is never found; Pagefind is not fetched before the box is
// focused; the keys work; axe-core is clean in light and dark; <broadsheet-archive search> searches too,
// in issues.json's words; an excerpt keeps only <mark>; deleting an issue removes it from search, and
// `search: false` removes the index and the box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, loadBroadsheet } from '../helpers/repo.js';
import { axeViolations, launchChromium, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

await loadBroadsheet();
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);

// Each issue's unique words are in its body only (never its title, preheader or tags).
const ISSUES = {
  '01-ferries.md': `---
title: The ferry timetable
date: 2026-10-01
issue: 1
lang: en
tags: [ferries]
---

Good morning from the harbour.

## The big story

The harbour master counted every quokkaburrow on the breakwater this week.

## Briefs

A new bench on the quay.
`,
  '02-bikes.md': `---
title: Cycling to work
date: 2026-10-08
issue: 2
lang: en
---

## Commuting

More riders cross the bridge each morning, and the bench by the quay is full again.
`,
  '03-zh.md': `---
title: 本期新闻
date: 2026-10-15
issue: 3
lang: zh-Hans
---

## 头条

网约车司机的工资问题越来越受到关注。
`,
  '04-ja.md': `---
title: 今週の話題
date: 2026-10-22
issue: 4
lang: ja
---

## 特集

東京の自転車通勤について考える。
`,
  '05-draft.md': `---
title: Not ready
date: 2026-10-29
issue: 5
lang: en
draft: true
---

## Secret

The draft mentions the quokkaburrow and a lighthousewhisper nobody else does.
`,
};

let dir;
let server;
let origin;
let browser;
const PAGES = {};

// An English archive (without `lang`, the site would take the newest issue's, Japanese).
const build = (options = {}) => buildSite({ input: join(dir, 'issues'), out: join(dir, 'site'), baseUrl: `${origin}/site/`, jobs: 1, lang: 'en', ...options });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-search-'));
  mkdirSync(join(dir, 'issues'));
  for (const [name, text] of Object.entries(ISSUES)) writeFileSync(join(dir, 'issues', name), text);
  symlinkSync(DIST, join(dir, 'dist'));
  ({ server, origin } = await startStaticServer(dir, PAGES));
  Object.assign(PAGES, {
    '/element.html': { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title></head><body><main><h1>Element</h1>
<broadsheet-archive src="/site/issues.json" search></broadsheet-archive></main>
<script type="module">document.addEventListener('broadsheet-archive-load', () => { window.__loaded = true; }); await import('/dist/archive.js');</script></body></html>` },
  });
  const report = await build();
  // The loopback server serves files only: the page a result leads to, by its folder's URL.
  PAGES['/site/01-ferries/'] = { body: readFileSync(join(dir, 'site', '01-ferries', 'index.html'), 'utf8') };
  assert.deepEqual(report.errors, []);
  assert.equal(report.drafts, 1);
  assert.equal(report.search.indexed, 4, 'every issue but the draft');
  assert.deepEqual(report.search.languages.sort(), ['en', 'ja', 'zh-hans'], 'one index per language');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `check(tab, watch)` on `path` in a fresh context of `colorScheme`, then closes it; the page must
 * have thrown nothing and logged no error.
 */
async function withPage(path, check, colorScheme = 'light') {
  const context = await browser.newContext({ colorScheme });
  const watch = await watchContext(context);
  try {
    const tab = await context.newPage();
    await tab.goto(origin + path);
    await check(tab, watch);
  } finally {
    await context.close();
  }
  assert.deepEqual(watch.pageErrors, []);
  assert.deepEqual(watch.consoleErrors, []);
}

const assertAxeClean = async (tab) => {
  const violations = await axeViolations(tab);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
};

/** The search box: the archive page's, or the one inside <broadsheet-archive>'s shadow root. */
const inBox = (tab) => tab.locator('.bs-search');

/** Types `query` and waits for the box to answer it (its `broadsheet-search` event); returns what it shows. */
async function search(tab, query) {
  const box = inBox(tab);
  await tab.evaluate((q) => {
    window.__answered = new Promise((ok) => document.addEventListener('broadsheet-search', function seen(event) {
      if (event.detail.query !== q) return;
      document.removeEventListener('broadsheet-search', seen);
      ok();
    }));
  }, query);
  await box.locator('input').fill(query);
  await tab.evaluate(() => window.__answered);
  return box.evaluate((b) => ({
    status: b.querySelector('[role=status]').textContent,
    results: [...b.querySelectorAll('ol > li')].map((li) => ({
      href: li.querySelector('a').href,
      title: li.querySelector('a').textContent,
      date: li.querySelector('time')?.getAttribute('datetime') ?? '',
      section: li.querySelector('.bs-search-section')?.textContent ?? '',
      marked: [...li.querySelectorAll('.bs-search-excerpt mark')].map((m) => m.textContent),
      excerptHtml: li.querySelector('.bs-search-excerpt').innerHTML,
    })),
  }));
}

const pagefindRequests = (watch) => watch.requests.filter((url) => url.includes('/pagefind/'));

for (const theme of ['light', 'dark']) {
  test(`the archive page finds an issue by a word of its body, in its section, never the draft (${theme})`, () => withPage('/site/index.html', async (tab, watch) => {
    assert.equal(await inBox(tab).getAttribute('hidden'), null, 'the script shows the box');
    assert.equal(await tab.getByLabel('Search issues').count(), 1);
    assert.deepEqual(pagefindRequests(watch), [], 'nothing of search is fetched before the box is focused');

    await tab.getByLabel('Search issues').focus();
    const found = await search(tab, 'quokkaburrow');
    assert.ok(pagefindRequests(watch).some((url) => url.endsWith('/pagefind/pagefind.js')));
    assert.equal(found.results.length, 1, JSON.stringify(found));
    const [hit] = found.results;
    assert.equal(hit.href, `${origin}/site/01-ferries/#the-big-story`, 'the link goes to the section');
    assert.equal(hit.title, 'The ferry timetable');
    assert.equal(hit.date, '2026-10-01');
    assert.equal(hit.section, 'The big story');
    assert.deepEqual(hit.marked.map((w) => w.replace(/\W+$/, '')), ['quokkaburrow']);
    assert.doesNotMatch(hit.excerptHtml, /<(?!\/?mark>)/, 'only <mark> comes from the excerpt');
    assert.equal(found.status, '1 results');
    await assertAxeClean(tab);

    // Keys: down to the result, up to the box, Escape back and then clearing.
    await tab.keyboard.press('ArrowDown');
    assert.equal(await tab.evaluate(() => document.activeElement.href), hit.href);
    await tab.keyboard.press('ArrowUp');
    assert.equal(await tab.evaluate(() => document.activeElement.type), 'search');
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('Escape');
    assert.equal(await tab.evaluate(() => document.activeElement.type), 'search');
    await tab.keyboard.press('Escape');
    assert.equal(await tab.getByLabel('Search issues').inputValue(), '');
    assert.equal(await tab.locator('.bs-search-results > li').count(), 0);

    const none = await search(tab, 'lighthousewhisper');
    assert.equal(none.status, 'No results');
    assert.deepEqual(none.results, []);
    for (const word of ['quokkaburrow', 'bench', 'Secret', 'Not ready']) {
      const { results } = await search(tab, word);
      assert.ok(results.every((r) => !r.href.includes('05-draft')), `${word}: the draft is never found`);
    }
    const both = await search(tab, 'bench');
    assert.deepEqual(both.results.map((r) => r.title).sort(), ['Cycling to work', 'The ferry timetable']);

    // Enter in the box follows the first result.
    await search(tab, 'quokkaburrow');
    await tab.getByLabel('Search issues').focus();
    await Promise.all([tab.waitForURL(`${origin}/site/01-ferries/#the-big-story`), tab.keyboard.press('Enter')]);
  }, theme));
}

test('Chinese and Japanese issues are found by their words from the English archive', () => withPage('/site/index.html', async (tab) => {
  await tab.getByLabel('Search issues').focus();
  for (const [word, slug, title] of [['工资', '03-zh', '本期新闻'], ['网约车', '03-zh', '本期新闻'], ['自転車', '04-ja', '今週の話題'], ['東京', '04-ja', '今週の話題']]) {
    const { results } = await search(tab, word);
    assert.equal(results.length, 1, `${word}: ${JSON.stringify(results)}`);
    assert.equal(results[0].title, title);
    assert.ok(results[0].href.startsWith(`${origin}/site/${slug}/#`), `${word}: ${results[0].href} links into a section`);
    assert.ok(results[0].marked.join('').length > 0, `${word}: marked in the excerpt`);
  }
}));

for (const theme of ['light', 'dark']) {
  test(`<broadsheet-archive search> searches the bundle beside issues.json (${theme})`, () => withPage('/element.html', async (tab, watch) => {
    await tab.waitForFunction(() => window.__loaded === true, null, { timeout: 30_000 });
    assert.deepEqual(pagefindRequests(watch), []);
    assert.ok(!watch.requests.some((url) => url.endsWith('/archive-search.js')), 'the search module waits for focus');
    await tab.getByLabel('Search issues').focus();
    const found = await search(tab, 'quokkaburrow');
    assert.deepEqual(found.results.map((r) => r.href), [`${origin}/site/01-ferries/#the-big-story`]);
    await assertAxeClean(tab);
  }, theme));
}

test('the excerpt keeps only <mark> and the rest is text', () => withPage('/site/index.html', async (tab) => {
  const nodes = await tab.evaluate(async () => {
    const { excerptNodes } = await import('/dist/archive-search.js');
    const box = document.createElement('p');
    box.append(...excerptNodes(document, 'a <mark>word</mark> &lt;b&gt; &amp; <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> end'));
    document.body.append(box);
    return { html: box.innerHTML, marks: [...box.querySelectorAll('mark')].map((m) => m.textContent), elements: box.querySelectorAll('*').length, xss: window.__xss ?? null };
  });
  assert.deepEqual(nodes.marks, ['word']);
  assert.equal(nodes.elements, 1, nodes.html);
  assert.equal(nodes.xss, null);
  assert.match(nodes.html, /^a <mark>word<\/mark> &lt;b&gt; &amp; window.__xss=2 end$/);
}));

test('<broadsheet-archive search="…"> takes its words from issues.json\'s labels', async () => {
  const index = JSON.parse(readFileSync(join(dir, 'site', 'issues.json'), 'utf8'));
  PAGES['/labelled/issues.json'] = {
    type: 'application/json',
    body: JSON.stringify({ ...index, labels: { search_issues: 'Buscar en los números', search_results: '{n} resultados', search_no_results: 'Sin resultados' } }),
  };
  PAGES['/labelled.html'] = { body: PAGES['/element.html'].body.replace('src="/site/issues.json" search', 'src="/labelled/issues.json" search="/site/pagefind/"') };
  await withPage('/labelled.html', async (tab) => {
    await tab.waitForFunction(() => window.__loaded === true, null, { timeout: 30_000 });
    await tab.getByLabel('Buscar en los números').focus();
    assert.equal((await search(tab, 'bench')).status, '2 resultados');
    assert.equal((await search(tab, 'lighthousewhisper')).status, 'Sin resultados');
  });
});

test('a deleted issue leaves the index; an unchanged site keeps it; search: false removes it', async () => {
  const unchanged = await build();
  assert.equal(unchanged.search.indexed, 0, 'nothing changed: the index is kept');

  rmSync(join(dir, 'issues', '01-ferries.md'));
  const after = await build();
  assert.equal(after.removed, 1);
  assert.equal(after.search.indexed, 3);
  await withPage('/site/index.html', async (tab) => {
    await tab.getByLabel('Search issues').focus();
    assert.equal((await search(tab, 'quokkaburrow')).status, 'No results');
    assert.deepEqual((await search(tab, 'bench')).results.map((r) => r.title), ['Cycling to work']);
  });

  const off = await build({ search: false });
  assert.equal(off.search, null);
  assert.equal(existsSync(join(dir, 'site', 'pagefind')), false);
  assert.doesNotMatch(readFileSync(join(dir, 'site', 'index.html'), 'utf8'), /bs-search/);
});

// <broadsheet-issue src="SLUG/"> naming a page `broadsheet build` made (issue 28): shown from the fragment
// the build wrote beside it, themed and decorated as a render of its own, with no wasm, no renderer script
// and no Markdown request; `src="latest"` with `index`; a cross-origin page rendered from its Markdown
// unless the host trusts that origin; a missing fragment falling back to the Markdown; and the element's
// fallback content without JavaScript. Two servers on 127.0.0.1 (two ports: two origins) serve the repo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST, EXAMPLES, ROOT, loadBroadsheet } from '../helpers/repo.js';
import { launchChromium, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

const SITE_PATH = '/build/test-published/site/';
const SITE = join(ROOT, SITE_PATH);
const CORS = { 'Access-Control-Allow-Origin': '*' };
const listen = `<script>
  window.__events = [];
  for (const type of ['broadsheet-render', 'broadsheet-error']) {
    document.addEventListener(type, (event) => window.__events.push(type === 'broadsheet-render'
      ? { type, prerendered: event.detail.prerendered, title: event.detail.meta.title, sections: event.detail.outline.filter((e) => e.kind === 'section').length }
      : { type, message: event.detail.message }));
  }
</script>`;
const page = (body) => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Published</title></head><body>${listen}<main>${body}</main>
<script type="module" src="/dist/element.js"></script></body></html>` });

let a; // the page's origin
let b; // another origin serving the same site
let browser;
const PAGES = {};

before(async () => {
  await loadBroadsheet();
  a = await startStaticServer(ROOT, PAGES, { headers: CORS });
  b = await startStaticServer(ROOT, {}, { headers: CORS });
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);
  const report = await buildSite({ input: join(EXAMPLES, 'site'), out: SITE, baseUrl: `${a.origin}${SITE_PATH}`, jobs: 1 });
  assert.deepEqual(report.errors, []);
  const issue = (slug, extra = '') => `<broadsheet-issue src="${slug}" toc ${extra}><a href="${slug}">Read the issue</a></broadsheet-issue>`;
  Object.assign(PAGES, {
    '/same.html': page(issue(`${SITE_PATH}02-night-crossing/`)),
    '/client.html': page(`<broadsheet-issue src="${SITE_PATH}02-night-crossing/issue.md" index="${SITE_PATH}issues.json" toc></broadsheet-issue>`),
    '/cross.html': page(issue(`${b.origin}${SITE_PATH}02-night-crossing/`)),
    '/trusted.html': page(issue(`${b.origin}${SITE_PATH}02-night-crossing/index.html`, `trusted-origins="${b.origin}"`)),
    '/latest.html': page(`<broadsheet-issue src="latest" index="${SITE_PATH}issues.json"></broadsheet-issue>`),
    '/missing.html': page(issue(`${SITE_PATH}01-tide-tables/`)),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(a?.server);
  await stopServer(b?.server);
  rmSync(join(ROOT, 'build', 'test-published'), { recursive: true, force: true });
});

/** Opens `path` on the page's origin; resolves once the element has fired an event. */
async function open(path, { javaScript = true, route } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const watch = await watchContext(context);
  if (route) await context.route(route.match, route.handler);
  const tab = await context.newPage();
  await tab.goto(a.origin + path);
  if (javaScript) await tab.waitForFunction(() => window.__events?.length >= 1, null, { timeout: 60_000 });
  return { context, tab, watch, requested: () => watch.requests.map((u) => new URL(u)) };
}

/** What the element shows: the article's HTML, its parts, the theme's background, the table of contents. */
const shown = (tab) => tab.evaluate(() => {
  const root = document.querySelector('broadsheet-issue').shadowRoot;
  const article = root.querySelector('article.bs-issue');
  return {
    html: article?.outerHTML,
    h1: article?.querySelector('h1')?.textContent,
    titlePart: article?.querySelector('h1')?.part.value,
    toc: [...root.querySelectorAll('nav.toc a')].map((link) => link.getAttribute('href')),
    background: getComputedStyle(root.querySelector('.frame')).backgroundColor,
  };
});

const wasmPath = (urls) => urls.filter((u) => /\.wasm$|element-render\.js$|broadsheet-web-core/.test(u.pathname));

test('a same-origin built page shows its fragment: no wasm, no renderer, no Markdown', async () => {
  const { context, tab, watch, requested } = await open('/same.html');
  try {
    assert.deepEqual(await tab.evaluate(() => window.__events), [{ type: 'broadsheet-render', prerendered: true, title: 'The night crossing returns', sections: 2 }]);
    const view = await shown(tab);
    assert.equal(view.h1, 'The night crossing returns');
    assert.equal(view.titlePart, 'title');
    assert.ok(view.toc.length >= 2, 'the table of contents from the fragment\'s outline');
    await tab.waitForTimeout(300); // nothing more may follow
    const urls = requested();
    assert.deepEqual(wasmPath(urls), []);
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('.md')), []);
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('/fragment.json')).map((u) => u.pathname), [`${SITE_PATH}02-night-crossing/fragment.json`]);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('the fragment shows exactly what a client render of the same issue shows', async () => {
  const published = await open('/same.html');
  const client = await open('/client.html');
  try {
    const [fromFragment, fromMarkdown] = [await shown(published.tab), await shown(client.tab)];
    assert.equal((await client.tab.evaluate(() => window.__events))[0].prerendered, false);
    // The build gives an issue without `lang` the site's (docs/publishing.md), as its page has it; the
    // Markdown file itself has none. Everything else is the same, byte for byte.
    assert.match(fromFragment.html, /^<article class="bs-issue" lang="en" part="issue">/);
    assert.deepEqual({ ...fromFragment, html: fromFragment.html.replace(' lang="en"', '') }, fromMarkdown);
  } finally {
    await published.context.close();
    await client.context.close();
  }
});

test('a built page on another origin is rendered from its Markdown, its fragment not even fetched', async () => {
  const { context, tab, watch, requested } = await open('/cross.html');
  try {
    assert.deepEqual(await tab.evaluate(() => window.__events), [{ type: 'broadsheet-render', prerendered: false, title: 'The night crossing returns', sections: 2 }]);
    const urls = requested();
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('/fragment.json')), []);
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('.md')).map((u) => u.href), [`${b.origin}${SITE_PATH}02-night-crossing/issue.md`]);
    assert.equal(wasmPath(urls).filter((u) => u.pathname.endsWith('.wasm')).length, 1);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a built page on an origin the host trusts shows its fragment', async () => {
  const { context, tab, requested } = await open('/trusted.html');
  try {
    assert.deepEqual(await tab.evaluate(() => window.__events), [{ type: 'broadsheet-render', prerendered: true, title: 'The night crossing returns', sections: 2 }]);
    const urls = requested();
    assert.deepEqual(wasmPath(urls), []);
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('/fragment.json')).map((u) => u.origin), [b.origin]);
  } finally {
    await context.close();
  }
});

test('src="latest" shows the newest issue of the index from its fragment', async () => {
  const { context, tab, requested } = await open('/latest.html');
  try {
    const newest = JSON.parse(readFileSync(join(SITE, 'issues.json'), 'utf8')).issues[0];
    assert.equal(newest.title, 'What the winter timetable keeps');
    assert.deepEqual(await tab.evaluate(() => window.__events), [{ type: 'broadsheet-render', prerendered: true, title: newest.title, sections: 2 }]);
    assert.equal((await shown(tab)).h1, newest.title);
    assert.deepEqual(wasmPath(requested()), []);
  } finally {
    await context.close();
  }
});

test('a built page without its fragment is rendered from its Markdown', async () => {
  const route = { match: '**/01-tide-tables/fragment.json', handler: (r) => r.fulfill({ status: 404, body: 'not found', headers: CORS }) };
  const { context, tab, requested } = await open('/missing.html', { route });
  try {
    const [event] = await tab.evaluate(() => window.__events);
    assert.equal(event.prerendered, false);
    assert.equal(event.title, 'Reading the tide tables');
    const urls = requested();
    assert.deepEqual(urls.filter((u) => u.pathname.endsWith('.md')).map((u) => u.pathname), [`${SITE_PATH}01-tide-tables/issue.md`]);
    assert.equal(urls.filter((u) => u.pathname.endsWith('.wasm')).length, 1);
  } finally {
    await context.close();
  }
});

test('without JavaScript the element shows its fallback link and fetches nothing', async () => {
  const { context, tab, requested } = await open('/same.html', { javaScript: false });
  try {
    const link = await tab.evaluate(() => {
      const a = document.querySelector('broadsheet-issue > a');
      return { href: a.getAttribute('href'), visible: a.getBoundingClientRect().height > 0 };
    });
    assert.deepEqual(link, { href: `${SITE_PATH}02-night-crossing/`, visible: true });
    await tab.waitForTimeout(200);
    assert.deepEqual(requested().map((u) => u.pathname).filter((p) => p !== '/same.html' && p !== '/favicon.ico'), []);
  } finally {
    await context.close();
  }
});

test('a published issue\'s whole download (element.js with the theme, and the fragment) is at most 60 KiB gzipped', async () => {
  const { createRenderer } = await loadBroadsheet();
  const { fragmentJson } = await import(pathToFileURL(join(DIST, 'fragment-format.js')).href);
  const full = (await createRenderer()).render(readFileSync(join(EXAMPLES, 'full.md'), 'utf8'), { lint: false });
  const bytes = gzipSync(readFileSync(join(DIST, 'element.js')), { level: 9 }).length + gzipSync(fragmentJson(full), { level: 9 }).length;
  assert.ok(bytes <= 60 * 1024, `${bytes} B`);
});

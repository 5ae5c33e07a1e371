// <broadsheet-issue> in headless Chromium: every example rendered from /dist/element.js into the
// shadow root in light and dark, axe-core's audit of both themes, inline Markdown, `src` changes,
// the table of contents, link targets, errors shown in the widget, and one shared renderer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { ROOT, exampleFiles, readText } from '../helpers/repo.js';
import { h2Headings, launchChromium, offSiteExceptContentImages, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** A test page: `body` inside <main>, the element module loaded, events collected in window.__events. */
const page = (body, { lang = 'en' } = {}) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Broadsheet widget test</title></head>
<body><main>${body}</main>
<script type="module">
  window.__events = [];
  for (const type of ['broadsheet-render', 'broadsheet-error']) {
    document.addEventListener(type, (event) => {
      const { error, ...detail } = event.detail;
      window.__events.push({ type, id: event.target.id, detail: JSON.parse(JSON.stringify(detail)) });
    });
  }
  await import('/dist/element.js');
</script>
</body></html>`;

const BAD_FRONT_MATTER = '---\ntitle: Broken\ntags: [one, two\n---\n\n# Body\n';
const RTL = '---\ntitle: نشرة الأسبوع\nlang: ar\ndir: rtl\n---\n\nمرحبا.\n\n## الأخبار\n\nنص.\n';

const PAGES = {
  '/bad.md': { body: BAD_FRONT_MATTER, type: 'text/markdown; charset=utf-8' },
  '/rtl.md': { body: RTL, type: 'text/markdown; charset=utf-8' },
  '/two.html': { body: page('<broadsheet-issue id="a" src="/examples/full.md"></broadsheet-issue><broadsheet-issue id="b" src="/examples/minimal.md"></broadsheet-issue>') },
  '/inline.html': {
    body: page(`<broadsheet-issue id="w" theme="light">
      <script type="text/markdown">
        ---
        title: Inline issue
        ---

        Hello from the page.

        ## Only section

            indented code stays code
      </script>
    </broadsheet-issue>`),
  },
};

let server;
let origin;
let browser;

before(async () => {
  for (const f of ['dist/element.js', 'dist/element-styles.js', 'dist/index.js', 'dist/broadsheet.wasm']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build`);
  }
  ({ server, origin } = await startStaticServer(ROOT, PAGES));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

/** Opens `html` (served at a fresh path) and waits until `count` widget events have fired. */
async function open(html, { count = 1, colorScheme = 'light', path } = {}) {
  const context = await browser.newContext({ colorScheme });
  const watch = await watchContext(context);
  const tab = await context.newPage();
  if (html !== undefined) {
    path = `/page-${Math.random().toString(36).slice(2)}.html`;
    PAGES[path] = { body: html };
  }
  await tab.goto(origin + path);
  await tab.waitForFunction((n) => window.__events?.length >= n, count, { timeout: 30_000 });
  return { context, tab, watch, events: await tab.evaluate(() => window.__events) };
}

/** Which theme the widget's frame shows, judged by its background's lightness. */
const frameIsDark = (tab, selector = 'broadsheet-issue') => tab.evaluate((sel) => {
  const frame = document.querySelector(sel).shadowRoot.querySelector('.frame');
  const [r, g, b] = getComputedStyle(frame).backgroundColor.match(/\d+/g).map(Number);
  return (r + g + b) / 3 < 128;
}, selector);

for (const file of exampleFiles()) {
  const name = basename(file);
  const markdown = readText(file);
  for (const theme of ['light', 'dark']) {
    test(`${name}: the widget renders every section inside its shadow root (${theme})`, async () => {
      const { context, tab, watch, events } = await open(page(`<broadsheet-issue src="/examples/${name}" theme="${theme}" toc></broadsheet-issue>`));
      try {
        assert.equal(events[0].type, 'broadsheet-render', JSON.stringify(events[0]));
        const shown = await tab.evaluate(() => {
          const root = document.querySelector('broadsheet-issue').shadowRoot;
          return {
            lightDomArticles: document.querySelectorAll('article, section').length,
            h1: root.querySelectorAll('article.bs-issue h1').length,
            sections: [...root.querySelectorAll('article.bs-issue section[id] > h2')].map((h) => h.textContent.trim()),
            tocLinks: [...root.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')),
            parts: root.querySelector('.bs-issue').part.value,
          };
        });
        assert.equal(shown.lightDomArticles, 0, 'nothing rendered outside the shadow root');
        assert.equal(shown.h1, 1);
        assert.deepEqual(shown.sections, h2Headings(markdown));
        const sectionIds = events[0].detail.outline.filter((e) => e.level === 2).map((e) => `#${e.id}`);
        assert.deepEqual(shown.tocLinks.filter((href) => sectionIds.includes(href)), sectionIds);
        assert.equal(shown.parts, 'issue');
        assert.equal(await frameIsDark(tab), theme === 'dark');
        // The examples are clean: only hints (full.md keeps one unknown front-matter key on purpose).
        assert.deepEqual(events[0].detail.warnings.filter((w) => !w.hint), []);
      } finally {
        await context.close();
      }
      assert.deepEqual(watch.pageErrors, [], 'page errors');
      assert.deepEqual(watch.consoleErrors, [], 'console errors');
      assert.deepEqual(offSiteExceptContentImages(watch, markdown), [], 'off-site requests');
    });

    test(`${name}: axe-core finds no serious or critical violations (${theme})`, async () => {
      const { context, tab } = await open(page(`<broadsheet-issue src="/examples/${name}" theme="${theme}" toc></broadsheet-issue>`));
      try {
        await tab.addScriptTag({ content: readFileSync(AXE, 'utf8') });
        const violations = await tab.evaluate(async () => {
          const results = await window.axe.run(document, { resultTypes: ['violations'] });
          return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' > ')).slice(0, 5) }));
        });
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(serious, [], JSON.stringify(violations, null, 1));
      } finally {
        await context.close();
      }
    });
  }
}

test('theme="auto" (and no theme) follow prefers-color-scheme', async () => {
  const html = page('<broadsheet-issue id="auto" src="/examples/minimal.md" theme="auto"></broadsheet-issue><broadsheet-issue id="none" src="/examples/minimal.md"></broadsheet-issue>');
  for (const colorScheme of ['light', 'dark']) {
    const { context, tab } = await open(html, { count: 2, colorScheme });
    try {
      assert.equal(await frameIsDark(tab, '#auto'), colorScheme === 'dark');
      assert.equal(await frameIsDark(tab, '#none'), colorScheme === 'dark');
    } finally {
      await context.close();
    }
  }
});

test('inline Markdown renders, dedented, and changing src renders the new issue', async () => {
  const { context, tab, watch } = await open(undefined, { path: '/inline.html' });
  try {
    const first = await tab.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return { title: root.querySelector('h1').textContent, code: root.querySelector('pre code')?.textContent };
    });
    assert.deepEqual(first, { title: 'Inline issue', code: 'indented code stays code\n' });
    await tab.evaluate(() => { document.getElementById('w').src = '/examples/minimal.md'; });
    await tab.waitForFunction(() => window.__events.length >= 2);
    const title = await tab.evaluate(() => document.getElementById('w').shadowRoot.querySelector('h1').textContent);
    assert.equal(title, 'Benches are infrastructure');
  } finally {
    await context.close();
  }
  assert.deepEqual(watch.consoleErrors, []);
});

test('two widgets share one renderer: the wasm is fetched once', async () => {
  const { context, watch, events } = await open(undefined, { path: '/two.html', count: 2 });
  await context.close();
  assert.deepEqual(events.map((e) => e.type), ['broadsheet-render', 'broadsheet-render']);
  // The element loads the web core (broadsheet-web.wasm), once, and never the full core.
  assert.deepEqual(watch.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.split('/').pop()),
    ['broadsheet-web.wasm']);
});

test('lang and dir come from the front matter', async () => {
  const { context, tab } = await open(page('<broadsheet-issue src="/rtl.md" toc></broadsheet-issue>'));
  try {
    const article = await tab.evaluate(() => {
      const a = document.querySelector('broadsheet-issue').shadowRoot.querySelector('article');
      const label = a.querySelector('.toc-label');
      return { lang: a.lang, dir: a.dir, tocLabelLang: label.lang, english: label.textContent === 'In this issue' };
    });
    // The TOC's title is in the language (the locale table), so it takes the article's lang.
    assert.deepEqual(article, { lang: 'ar', dir: 'rtl', tocLabelLang: '', english: false });
  } finally {
    await context.close();
  }
});

test('the table of contents moves focus to the section, and toc="off" hides it', async () => {
  const { context, tab } = await open(page('<broadsheet-issue src="/examples/full.md" toc></broadsheet-issue>'));
  try {
    const focused = await tab.evaluate(() => {
      const root = document.querySelector('broadsheet-issue').shadowRoot;
      const link = root.querySelectorAll('nav.toc > ol > li > a')[2];
      link.click();
      return { wanted: link.getAttribute('href').slice(1), got: root.activeElement?.id };
    });
    assert.equal(focused.got, focused.wanted);
    await tab.evaluate(() => document.querySelector('broadsheet-issue').setAttribute('toc', 'off'));
    await tab.waitForFunction(() => window.__events.length >= 2);
    assert.equal(await tab.evaluate(() => document.querySelector('broadsheet-issue').shadowRoot.querySelector('nav.toc')), null);
  } finally {
    await context.close();
  }
});

test('link-target="_blank" opens outside links in a new tab, safely; in-page links stay', async () => {
  const { context, tab } = await open(page('<broadsheet-issue src="/examples/full.md" link-target="_blank" toc></broadsheet-issue>'));
  try {
    const links = await tab.evaluate(() => [...document.querySelector('broadsheet-issue').shadowRoot.querySelectorAll('a[href]')]
      .map((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel })));
    const outside = links.filter((l) => !l.href.startsWith('#'));
    assert.ok(outside.length > 5);
    for (const l of outside) {
      assert.equal(l.target, '_blank', l.href);
      assert.match(l.rel, /\bnoopener\b/);
      assert.match(l.rel, /\bnoreferrer\b/);
    }
    for (const l of links.filter((x) => x.href.startsWith('#'))) assert.equal(l.target, '', l.href);
  } finally {
    await context.close();
  }
});

test('any link-target but _self, _parent and _top adds rel="noopener noreferrer"', async () => {
  const targets = ['reader', '_BLANK', '_self', '_parent', '_top'];
  const { context, tab } = await open(page(targets.map((t, i) => `<broadsheet-issue id="t${i}" src="/examples/full.md" link-target="${t}"></broadsheet-issue>`).join('')), { count: targets.length });
  try {
    const rels = await tab.evaluate((n) => Array.from({ length: n }, (_, i) => [...document.getElementById(`t${i}`).shadowRoot.querySelectorAll('a[href]')]
      .filter((a) => !a.getAttribute('href').startsWith('#')).map((a) => ({ target: a.target, rel: a.rel }))), targets.length);
    targets.forEach((target, i) => {
      assert.ok(rels[i].length > 0, `${target}: links`);
      for (const link of rels[i]) {
        assert.equal(link.target, target);
        const separate = !/^_(self|parent|top)$/.test(target);
        assert.equal(/\bnoopener\b/.test(link.rel) && /\bnoreferrer\b/.test(link.rel), separate, `${target}: rel="${link.rel}"`);
      }
    });
    // Changing the target re-decorates the issue shown; a new browsing context still gets the rel.
    await tab.evaluate(() => document.getElementById('t2').setAttribute('link-target', 'other'));
    await tab.waitForFunction((n) => window.__events.length > n, targets.length);
    const after = await tab.evaluate(() => [...document.getElementById('t2').shadowRoot.querySelectorAll('a[href^="http"]')].map((a) => `${a.target} ${a.rel}`));
    for (const value of after) assert.match(value, /^other .*noopener.*noreferrer|^other .*noreferrer.*noopener/);
  } finally {
    await context.close();
  }
});

test('a missing src and a front-matter error fire broadsheet-error and show inside the widget', async () => {
  const { context, tab, events } = await open(page(
    '<broadsheet-issue id="missing" src="/nope.md"></broadsheet-issue><broadsheet-issue id="bad" src="/bad.md"></broadsheet-issue>',
  ), { count: 2 });
  try {
    const byId = Object.fromEntries(events.map((e) => [e.id, e]));
    assert.equal(byId.missing.type, 'broadsheet-error');
    assert.equal(byId.missing.detail.kind, 'fetch');
    assert.match(byId.missing.detail.message, /\/nope\.md.*404/);
    assert.equal(byId.bad.type, 'broadsheet-error');
    assert.equal(byId.bad.detail.kind, 'front-matter');
    assert.ok(byId.bad.detail.line >= 3, `line ${byId.bad.detail.line}`);
    assert.ok(byId.bad.detail.column >= 1);
    const shown = await tab.evaluate(() => ['missing', 'bad'].map((id) => {
      const box = document.getElementById(id).shadowRoot.querySelector('[role="alert"]');
      return box && { text: box.textContent, height: box.getBoundingClientRect().height };
    }));
    assert.match(shown[0].text, /could not be shown.*nope\.md/s);
    assert.match(shown[1].text, new RegExp(`Line ${byId.bad.detail.line}, column ${byId.bad.detail.column}`));
    for (const box of shown) assert.ok(box.height > 20, 'the error box is visible');
  } finally {
    await context.close();
  }
});

test('a host page brands the widget through custom properties and ::part(), and axe sees inside', async () => {
  // Grey on white fails AA: axe must find it inside the shadow root, which proves the audits above look there.
  const { context, tab } = await open(`${page('<broadsheet-issue src="/examples/minimal.md" theme="light"></broadsheet-issue>')
    .replace('</head>', '<style>broadsheet-issue{--bs-fg:#b8b8b8}broadsheet-issue::part(title){text-transform:uppercase}</style></head>')}`);
  try {
    const title = await tab.evaluate(() => {
      const h1 = document.querySelector('broadsheet-issue').shadowRoot.querySelector('h1');
      return { color: getComputedStyle(h1).color, transform: getComputedStyle(h1).textTransform };
    });
    assert.deepEqual(title, { color: 'rgb(184, 184, 184)', transform: 'uppercase' });
    await tab.addScriptTag({ content: readFileSync(AXE, 'utf8') });
    const contrast = await tab.evaluate(async () => {
      const results = await window.axe.run(document, { runOnly: ['color-contrast'] });
      return results.violations.flatMap((v) => v.nodes.map((n) => n.target));
    });
    assert.ok(contrast.some((target) => target.flat()[0] === 'broadsheet-issue'), JSON.stringify(contrast));
  } finally {
    await context.close();
  }
});

test('configure({ wasm }) loads the core from elsewhere, and the markdown property renders directly', async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>configure</title></head>
<body><main><broadsheet-issue id="w"></broadsheet-issue></main>
<script type="module">
  import { configure } from '/dist/element.js';
  configure({ wasm: '/build/wasm/broadsheet-web-core.wasm' }); // the web core, as docs/widget.md says
  window.__events = [];
  const widget = document.getElementById('w');
  widget.addEventListener('broadsheet-render', (e) => window.__events.push(e.detail.meta));
  widget.markdown = '---\\ntitle: Given directly\\n---\\n\\nHello.\\n';
</script></body></html>`;
  const { context, tab, watch, events } = await open(html);
  try {
    assert.equal(events[0].title, 'Given directly');
    assert.equal(await tab.evaluate(() => document.getElementById('w').shadowRoot.querySelector('h1').textContent), 'Given directly');
  } finally {
    await context.close();
  }
  const wasm = watch.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname);
  assert.deepEqual(wasm, ['/build/wasm/broadsheet-web-core.wasm']);
});

test('a markdown property set before the element is defined is not lost', async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>early property</title></head>
<body><main><broadsheet-issue id="w"></broadsheet-issue></main>
<script type="module">
  window.__events = [];
  const widget = document.getElementById('w');
  widget.markdown = '# Set early\\n';
  widget.addEventListener('broadsheet-render', (e) => window.__events.push(e.detail.outline));
  await import('/dist/element.js');
</script></body></html>`;
  const { context, events } = await open(html);
  await context.close();
  assert.equal(events[0][0].title, 'Set early');
});

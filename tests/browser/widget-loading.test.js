// How <broadsheet-issue> loads, in headless Chromium: the requests it makes (at most three levels from
// the page, the core and the issue fetched in parallel, the wasm compiled as it streams), an issue
// pre-rendered in its light DOM (shown themed with no core loaded, visible without JavaScript, rendered
// anew when its source changes), and a big issue rendered in a worker without a long task.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, loadBroadsheet, readText } from '../helpers/repo.js';
import { bigIssue } from '../../bench/embed/issues.mjs';
import { launchChromium, startStaticServer, stopServer, watchContext } from '../helpers/browser-harness.js';

const FULL = readText(join(ROOT, 'examples', 'full.md'));
const BIG = bigIssue();
let server;
let origin;
let browser;
let fragment; // examples/full.md rendered ahead of time, as `broadsheet render --fragment` writes it
let fullTitle;

const head = (extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget loading</title>${extra}</head>`;
const listen = `<script>
  window.__events = [];
  for (const type of ['broadsheet-render', 'broadsheet-error']) {
    document.addEventListener(type, (event) => window.__events.push(type === 'broadsheet-render' ? { type, prerendered: event.detail.prerendered } : { type, message: event.detail.message }));
  }
</script>`;
const PAGES = {
  '/big.md': { body: BIG, type: 'text/markdown; charset=utf-8' },
};

before(async () => {
  const { createRenderer } = await loadBroadsheet();
  const result = (await createRenderer()).render(FULL);
  fragment = result.output;
  fullTitle = result.meta.title;
  PAGES['/plain.html'] = { body: `${head()}<body>${listen}<main><broadsheet-issue src="/examples/full.md"></broadsheet-issue></main>
<script type="module" src="/dist/element.js"></script></body></html>` };
  PAGES['/prerendered.html'] = {
    body: `${head('<link rel="stylesheet" href="/dist/element-prerender.css">')}<body>${listen}<main>
<broadsheet-issue src="/examples/full.md" theme="dark">${fragment}</broadsheet-issue></main>
<script type="module" src="/dist/element.js"></script></body></html>`,
  };
  PAGES['/small-then-big.html'] = { body: `${head()}<body>${listen}<main><broadsheet-issue src="/examples/full.md" toc></broadsheet-issue></main>
<script type="module" src="/dist/element.js"></script></body></html>` };
  ({ server, origin } = await startStaticServer(ROOT, PAGES));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

/**
 * Opens `path` in a fresh context and records every request with its level: the page is level 1,
 * and a request made by a document or script of level n is level n + 1 (from CDP's initiators).
 */
async function openRecording(path, { javaScript = true, until = 1 } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const watch = await watchContext(context);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const requests = [];
  const levels = new Map();
  const initiatorUrl = (initiator) => {
    if (initiator.url) return initiator.url;
    for (let stack = initiator.stack; stack; stack = stack.parent) {
      const frame = stack.callFrames.find((f) => f.url);
      if (frame) return frame.url;
    }
    return null;
  };
  cdp.on('Network.requestWillBeSent', ({ request, initiator, type }) => {
    const from = initiatorUrl(initiator);
    const level = type === 'Document' ? 1 : (levels.get(from) ?? 1) + 1;
    if (!levels.has(request.url)) levels.set(request.url, level);
    requests.push({ url: new URL(request.url).pathname, level, from: from && new URL(from).pathname });
  });
  await cdp.send('Network.enable');
  await tab.goto(origin + path);
  if (javaScript) await tab.waitForFunction((n) => window.__events?.length >= n, until, { timeout: 60_000 });
  return { context, tab, watch, requests };
}

test('the element\'s requests are at most three levels deep: page, element script, then renderer, core and issue', async () => {
  const { context, tab, requests, watch } = await openRecording('/plain.html');
  try {
    assert.deepEqual(await tab.evaluate(() => window.__events.map((e) => e.type)), ['broadsheet-render']);
    const byPath = Object.fromEntries(requests.map((r) => [r.url, r]));
    assert.equal(byPath['/dist/element.js']?.level, 2, JSON.stringify(requests));
    assert.equal(byPath['/examples/full.md']?.level, 3, JSON.stringify(requests));
    assert.equal(byPath['/dist/element-render.js']?.level, 3, JSON.stringify(requests));
    const wasm = requests.filter((r) => r.url.endsWith('.wasm'));
    assert.equal(wasm.length, 1, JSON.stringify(requests));
    assert.equal(wasm[0].level, 3);
    assert.ok(Math.max(...requests.map((r) => r.level)) <= 3, JSON.stringify(requests, null, 1));
    // Nothing but the page, the element script, its renderer, the core and the issue (the issue's own images aside).
    const own = requests.filter((r) => !/\.(png|jpe?g|gif|webp|svg|avif)$/.test(r.url) && !r.url.startsWith('/favicon'));
    assert.deepEqual(own.map((r) => r.url).sort(), ['/dist/broadsheet.wasm', '/dist/element.js', '/dist/element-render.js', '/examples/full.md', '/plain.html'].sort()
      .map((u) => (u.endsWith('.wasm') ? wasm[0].url : u)));
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the core and the issue are fetched in parallel, and the wasm compiles as it streams', async () => {
  const context = await browser.newContext();
  await watchContext(context);
  const tab = await context.newPage();
  try {
    // Slow both responses down: they must overlap, not follow each other.
    await context.route(/\/(examples\/full\.md|dist\/broadsheet[\w-]*\.wasm)$/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 400));
      await route.continue();
    });
    await tab.addInitScript(() => {
      window.__streamed = 0;
      const compileStreaming = WebAssembly.compileStreaming;
      WebAssembly.compileStreaming = (...args) => { window.__streamed++; return compileStreaming.apply(WebAssembly, args); };
    });
    await tab.goto(`${origin}/plain.html`);
    await tab.waitForFunction(() => window.__events?.length >= 1, null, { timeout: 60_000 });
    const timing = await tab.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\.(md|wasm)$/.test(e.name)).map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })));
    assert.equal(timing.length, 2, JSON.stringify(timing));
    const [a, b] = timing;
    assert.ok(a.start < b.end && b.start < a.end, `the two downloads overlap: ${JSON.stringify(timing)}`);
    assert.equal(await tab.evaluate(() => window.__streamed), 1, 'WebAssembly.compileStreaming compiled the core');
  } finally {
    await context.close();
  }
});

test('a pre-rendered issue shows at once, themed, with no wasm; a src change then renders', async () => {
  const { context, tab, requests, watch } = await openRecording('/prerendered.html');
  try {
    assert.deepEqual(await tab.evaluate(() => window.__events), [{ type: 'broadsheet-render', prerendered: true }]);
    const shown = await tab.evaluate(() => {
      const widget = document.querySelector('broadsheet-issue');
      const root = widget.shadowRoot;
      const frame = root.querySelector('.frame');
      const [r, g, b] = getComputedStyle(frame).backgroundColor.match(/\d+/g).map(Number);
      return {
        h1: root.querySelector('article.bs-issue h1')?.textContent,
        sections: root.querySelectorAll('article.bs-issue section[id] > h2').length,
        titlePart: root.querySelector('h1').part.value,
        dark: (r + g + b) / 3 < 128,
        lightDom: widget.querySelectorAll('article').length,
        height: widget.getBoundingClientRect().height,
      };
    });
    assert.equal(shown.h1, fullTitle);
    assert.ok(shown.sections >= 3);
    assert.equal(shown.titlePart, 'title');
    assert.equal(shown.dark, true, 'theme="dark" applies');
    assert.equal(shown.lightDom, 0);
    assert.ok(shown.height > 500);
    // Give the element a moment: it must still not load the core.
    await tab.waitForTimeout(300);
    assert.deepEqual(requests.filter((r) => /\.(wasm|md)$/.test(r.url) || r.url.includes('broadsheet-core')), [], 'no core, no Markdown');
    // toc re-decorates the pre-rendered issue from its own headings, still without the core.
    await tab.evaluate(() => document.querySelector('broadsheet-issue').setAttribute('toc', ''));
    await tab.waitForFunction(() => window.__events.length >= 2);
    const toc = await tab.evaluate(() => [...document.querySelector('broadsheet-issue').shadowRoot.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')));
    assert.ok(toc.length >= 3 && toc.every((href) => href.length > 1), JSON.stringify(toc));
    assert.equal(requests.filter((r) => r.url.endsWith('.wasm')).length, 0);
    await tab.evaluate(() => { document.querySelector('broadsheet-issue').src = '/examples/minimal.md'; });
    await tab.waitForFunction(() => window.__events.length >= 3, null, { timeout: 60_000 });
    assert.deepEqual((await tab.evaluate(() => window.__events)).slice(1), [
      { type: 'broadsheet-render', prerendered: true }, // the table of contents added
      { type: 'broadsheet-render', prerendered: false }, // the new src rendered
    ]);
    assert.equal(await tab.evaluate(() => document.querySelector('broadsheet-issue').shadowRoot.querySelector('h1').textContent), 'Benches are infrastructure');
    assert.equal(requests.filter((r) => r.url.endsWith('.wasm')).length, 1, 'the core loads once a render is needed');
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a pre-rendered issue is readable without JavaScript, styled by element-prerender.css', async () => {
  const { context, tab } = await openRecording('/prerendered.html', { javaScript: false });
  try {
    const shown = await tab.evaluate(() => {
      const h1 = document.querySelector('broadsheet-issue article.bs-issue h1');
      return { h1: h1?.textContent, visible: h1?.getBoundingClientRect().height > 0, font: getComputedStyle(h1).fontFamily, sections: document.querySelectorAll('broadsheet-issue section[id] > h2').length };
    });
    assert.equal(shown.h1, fullTitle);
    assert.equal(shown.visible, true);
    assert.match(shown.font, /system-ui/, 'the theme applies in the light DOM');
    assert.ok(shown.sections >= 3);
  } finally {
    await context.close();
  }
});

test('the pre-rendered issue does not move when the element takes it over', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const tab = await context.newPage();
  try {
    // Hold the element script back, measure the light DOM's layout, then let it run and measure again.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await context.route('**/dist/element.js', async (route) => { await held; await route.continue(); });
    await tab.goto(`${origin}/prerendered.html`, { waitUntil: 'commit' }); // the held module script holds DOMContentLoaded back
    await tab.waitForFunction(() => document.querySelector('broadsheet-issue article.bs-issue section[id] > h2') && document.fonts.status === 'loaded');
    const box = () => tab.evaluate(() => {
      const widget = document.querySelector('broadsheet-issue');
      const root = widget.shadowRoot ?? document;
      const pick = (sel) => { const r = root.querySelector(sel).getBoundingClientRect(); return [Math.round(r.top), Math.round(r.left), Math.round(r.width)]; };
      const all = [...root.querySelectorAll('article.bs-issue > *')].map((e) => `${e.localName}.${e.className}:${Math.round(e.getBoundingClientRect().top)}/${Math.round(e.getBoundingClientRect().height)}`);
      return { widget: widget.getBoundingClientRect().height, h1: pick('h1'), firstSection: pick('section[id] > h2'), all };
    });
    const before = await box();
    release();
    await tab.waitForFunction(() => window.__events?.length >= 1, null, { timeout: 60_000 });
    const after = await box();
    assert.deepEqual(after, before);
  } finally {
    await context.close();
  }
});

/**
 * Shows the page's small issue, then sets src to the 100 KB one and records the main thread's long
 * tasks from then until it is shown and painted. The page has shown a small issue first (as an archive
 * page does before the reader picks another): the browser's own first text layout (loading the fonts,
 * 150-400 ms on this machine whatever renders the text) is behind it, so what is measured is the
 * element's work for the big issue.
 */
async function bigIssueLongTasks() {
  const context = await browser.newContext();
  const watch = await watchContext(context);
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/small-then-big.html`);
    await tab.waitForFunction(() => window.__events?.length >= 1, null, { timeout: 60_000 });
    await tab.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    await tab.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__long.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
      document.querySelector('broadsheet-issue').src = '/big.md';
    });
    await tab.waitForFunction(() => window.__events.length >= 2, null, { timeout: 60_000 });
    // Let the browser lay out and paint what was inserted before reading the observer.
    await tab.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    const state = await tab.evaluate(() => {
      const root = document.querySelector('broadsheet-issue').shadowRoot;
      const wide = [...root.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'Region');
      return {
        events: window.__events.map((e) => e.type),
        long: window.__long,
        columns: wide?.querySelectorAll('thead th').length,
        rows: wide?.querySelectorAll('tbody tr').length,
        firstRow: wide?.querySelector('tbody td')?.textContent,
        sections: root.querySelectorAll('.bs-issue > section').length,
        last: root.querySelector('.bs-issue > section:last-of-type h2')?.textContent,
        html: root.querySelector('.bs-issue').outerHTML.length,
        // The same HTML parsed in one go, as a yardstick taken under the machine's load of this moment.
        wholeParseMs: (() => {
          const html = root.querySelector('.bs-issue').outerHTML;
          const start = performance.now();
          const template = document.createElement('template');
          template.innerHTML = html;
          document.createElement('div').append(template.content);
          return performance.now() - start;
        })(),
      };
    });
    return { ...state, worker: watch.requests.some((url) => url.endsWith('/dist/element-worker.js')), pageErrors: watch.pageErrors };
  } finally {
    await context.close();
  }
}

test('a 100 KB issue with a 120-column table renders in a worker, with no main-thread task over 50 ms', async () => {
  // Other processes share this machine's cores and can stretch any task: a load counts when it has no
  // long task, or when its longest is under half of parsing the same HTML in one go in the same page
  // right after (the element's own long work, 150-250 ms here without the worker and the piecewise
  // insertion, is the whole parse and more). One of three loads must count.
  const counts = (state) => state.long.length === 0 || Math.max(...state.long) < state.wholeParseMs / 2;
  const attempts = [];
  for (let i = 0; i < 3; i++) {
    const state = await bigIssueLongTasks();
    assert.deepEqual(state.events, ['broadsheet-render', 'broadsheet-render']);
    assert.equal(state.columns, 120);
    assert.equal(state.rows, 40);
    assert.equal(state.firstRow, 'Row 1');
    assert.equal(state.last, 'The numbers', 'every section is in, the last one too');
    assert.ok(state.sections > 20);
    assert.ok(state.worker, 'the worker rendered it');
    assert.deepEqual(state.pageErrors, []);
    attempts.push({ long: state.long, wholeParseMs: Math.round(state.wholeParseMs) });
    if (counts(state)) break;
  }
  assert.ok(attempts.some(counts), `main-thread tasks over 50 ms, and over half a whole parse, in every load: ${JSON.stringify(attempts)}`);
});

test('a big issue is shown whole: the pieces add up to the renderer\'s HTML', async () => {
  const { createRenderer } = await loadBroadsheet();
  const expected = (await createRenderer()).render(BIG, { lint: false }).output;
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/small-then-big.html`);
    await tab.waitForFunction(() => window.__events?.length >= 1, null, { timeout: 60_000 });
    await tab.evaluate(() => { document.querySelector('broadsheet-issue').src = '/big.md'; });
    await tab.waitForFunction(() => window.__events.length >= 2, null, { timeout: 60_000 });
    // The same HTML parsed in one go, the parts and the table of contents left out of both.
    const same = await tab.evaluate((html) => {
      const strip = (root) => {
        root.querySelector('nav.toc')?.remove();
        for (const el of root.querySelectorAll('[part]')) el.removeAttribute('part');
        for (const el of root.querySelectorAll('input[aria-label]')) el.removeAttribute('aria-label');
        return root.innerHTML;
      };
      const shown = document.createElement('div');
      shown.append(document.querySelector('broadsheet-issue').shadowRoot.querySelector('.bs-issue').cloneNode(true));
      const parsed = document.createElement('div');
      parsed.innerHTML = html;
      const whole = document.createElement('div');
      whole.append(parsed.querySelector('.bs-issue'));
      const a = strip(shown); const b = strip(whole); let i = 0; while (i < a.length && a[i] === b[i]) i++;
      return a === b || `${a.length} vs ${b.length} at ${i}: ${a.slice(i - 80, i + 80)} /// ${b.slice(i - 80, i + 80)}`;
    }, expected);
    assert.equal(same, true);
  } finally {
    await context.close();
  }
});

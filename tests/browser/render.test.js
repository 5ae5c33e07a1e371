// The package in a real browser: headless Chromium (Debian's, driven by
// playwright-core) loads /dist/index.js as an ES module from a loopback
// static server, renders examples/full.md and shows it in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h2Headings, launchChromium, startStaticServer, stopServer } from '../helpers/browser-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'full.md');
const TEST_PAGE = '/__broadsheet_test__.html';

// The page under test: imports the package like a user would and renders
// the example fetched from the same server.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broadsheet browser test</title></head>
<body>
<main id="out"></main>
<script type="module">
  import { createRenderer } from '/dist/index.js';
  try {
    const markdown = await (await fetch('/examples/full.md')).text();
    const renderer = await createRenderer();
    const result = renderer.render(markdown);
    document.getElementById('out').innerHTML = result.output;
    window.__broadsheet = { done: true, outline: result.outline };
  } catch (error) {
    window.__broadsheet = { done: true, error: String(error && error.stack || error) };
  }
</script>
</body></html>
`;

let server;
let browser;

before(async () => {
  for (const f of ['dist/index.js', 'dist/broadsheet.wasm', 'dist/broadsheet-core.mjs']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build`);
  }
  if (!existsSync(EXAMPLE)) throw new Error('examples/full.md is missing');
  ({ server } = await startStaticServer(ROOT, { [TEST_PAGE]: { body: PAGE } }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

test('renders examples/full.md in Chromium from /dist/index.js', async () => {
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext();
  const page = await context.newPage();

  // The example's own images (remote ones, and relative ones this server
  // does not have) cannot load here; their requests are blocked or 404 and
  // are judged apart from what the package and page load.
  const imageUrls = new Set();
  const consoleErrors = [];
  const pageErrors = [];
  const foreignRequests = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const failedImage = /^Failed to load resource/.test(msg.text()) && imageUrls.has(msg.location().url);
    if (!failedImage) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Record, and block, every request that would leave the loopback server:
  // nothing may leave the machine.
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.resourceType() === 'image') imageUrls.add(url.href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') {
      foreignRequests.push({ url: url.href, type: request.resourceType() });
      return route.abort();
    }
    return route.continue();
  });

  await page.goto(origin + TEST_PAGE);
  await page.waitForFunction(() => window.__broadsheet?.done, null, { timeout: 30_000 });
  const state = await page.evaluate(() => window.__broadsheet);
  assert.equal(state.error, undefined, `the page failed: ${state.error}`);

  const expected = h2Headings(await readFile(EXAMPLE, 'utf8'));
  assert.ok(expected.length > 0, 'examples/full.md should have ## headings');
  const shown = await page.evaluate(() => ({
    articles: document.querySelectorAll('#out article').length,
    h1: document.querySelectorAll('#out h1').length,
    sections: [...document.querySelectorAll('#out article section[id] > h2')].map((h) => ({
      id: h.parentElement.id,
      title: h.textContent.trim(),
    })),
  }));
  assert.ok(shown.articles >= 1, 'the page should have an article');
  assert.ok(shown.h1 >= 1, 'the page should have an h1');
  assert.equal(shown.sections.length, expected.length, `sections: ${JSON.stringify(shown.sections)}`);
  assert.deepEqual(shown.sections.map((s) => s.title), expected);
  for (const { id } of shown.sections) assert.ok(id.length > 0);

  await context.close();
  assert.deepEqual(pageErrors, [], 'page errors');
  assert.deepEqual(consoleErrors, [], 'console errors');
  // Only images written in the example itself may point elsewhere; the
  // package and the page (scripts, wasm, styles, fonts, fetches) stay local.
  const markdown = await readFile(EXAMPLE, 'utf8');
  const notContent = foreignRequests.filter((r) => !(r.type === 'image' && markdown.includes(r.url)));
  assert.deepEqual(notContent, [], 'requests to hosts other than 127.0.0.1');
});

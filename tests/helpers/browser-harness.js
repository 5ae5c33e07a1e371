// Shared by the browser tests (not a test file): a loopback static server, Debian's Chromium (launched by
// chromium.js), a page watcher that records console errors and blocks every off-site request, and axe-core.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, resolve, sep } from 'node:path';

export { launchChromium } from './chromium.js';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Serves the files under `root` on 127.0.0.1 (a random port). `pages` maps paths to
 * { body, type?, headers? } served from memory first; `headers` go on every response (CORS, say).
 * Resolves to { server, origin }.
 */
export function startStaticServer(root, pages = {}, { headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'Content-Type': page.type ?? MIME_TYPES['.html'], ...headers, ...page.headers });
      res.end(page.body);
      return;
    }
    const file = resolve(base, '.' + sep + path);
    const inside = (file === base || file.startsWith(base + sep)) && !path.includes('\0');
    if (inside && existsSync(file) && (await stat(file)).isFile()) {
      res.writeHead(200, { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(await readFile(file));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

export const stopServer = (server) => new Promise((ok) => (server ? server.close(ok) : ok()));

/**
 * Watches a browser context: console errors and page errors, and every request leaving
 * 127.0.0.1, which is aborted. Images are recorded apart: an issue's own pictures may point
 * elsewhere (and fail here), the package and page may not.
 */
export async function watchContext(context) {
  const watch = { consoleErrors: [], pageErrors: [], offSite: [], requests: [] };
  const imageUrls = new Set();
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const failedImage = /^Failed to load resource/.test(msg.text()) && imageUrls.has(msg.location().url);
    if (!failedImage) watch.consoleErrors.push(msg.text());
  });
  context.on('weberror', (error) => watch.pageErrors.push(String(error.error()?.message ?? error)));
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    watch.requests.push(url.href);
    if (request.resourceType() === 'image') imageUrls.add(url.href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') {
      watch.offSite.push({ url: url.href, type: request.resourceType() });
      return route.abort();
    }
    return route.continue();
  });
  return watch;
}

/** Off-site requests other than images written into `markdown` itself. */
export const offSiteExceptContentImages = (watch, markdown = '') =>
  watch.offSite.filter((r) => !(r.type === 'image' && markdown.includes(r.url)));

/** The "## " headings of a Markdown file, outside fenced code blocks. */
export function h2Headings(markdown) {
  const titles = [];
  let fence = null;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (fence === null) fence = m[1];
      else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = null;
      continue;
    }
    if (fence === null && /^## /.test(line)) titles.push(line.slice(3).trim());
  }
  return titles;
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** axe-core's violations on the page, every impact: [{ id, impact, nodes (the first five) }]. */
export async function axeViolations(tab) {
  await tab.addScriptTag({ content: await readFile(AXE, 'utf8') });
  return tab.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' > ')).slice(0, 5) }));
  });
}

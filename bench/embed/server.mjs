// A static server on 127.0.0.1 for the embed benchmark that compresses like a production host: every
// text and wasm response gzip -9 (when the browser accepts it), with the right types. Pages and issues
// are `no-cache`; the package's files (/dist/) and the reference's script and wasm are cached as
// docs/widget.md advises for versioned files (`immutable`), which only repeat visits see (cold loads run
// in a fresh context with the cache disabled). `routes` maps paths to { body, type } or to a file to
// serve under another path; `immutable: true` on a route caches it too.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MIME_TYPES } from '../../tests/helpers/browser-harness.js';

export function startGzipServer(root, routes = {}) {
  const base = resolve(root);
  const cache = new Map(); // path → { type, raw, gzip }
  const entryFor = (path) => {
    if (cache.has(path)) return cache.get(path);
    const route = routes[path];
    let entry = null;
    if (route?.body !== undefined) {
      entry = { type: route.type ?? MIME_TYPES['.html'], raw: Buffer.from(route.body) };
    } else {
      const file = route?.file ?? resolve(base, `.${sep}${path}`);
      const inside = route?.file || file === base || file.startsWith(base + sep);
      if (inside && existsSync(file) && statSync(file).isFile()) {
        entry = { type: MIME_TYPES[extname(file)] ?? 'application/octet-stream', raw: readFileSync(file) };
      }
    }
    if (entry) entry.gzip = gzipSync(entry.raw, { level: 9 });
    cache.set(path, entry);
    return entry;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const entry = path.includes('\0') ? null : entryFor(path);
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gzip : entry.raw;
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': path.startsWith('/dist/') || routes[path]?.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}`, gzipSize: (path) => entryFor(path)?.gzip.length })));
}

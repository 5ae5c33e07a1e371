// Server for `npm start`: the draft preview page (built into build/preview by
// tools/build-preview.mjs) at /, the examples as Markdown at /examples/<name>.md
// and rendered as standalone pages at /examples/<name>.html (listed at
// /examples/), and the built package under /dist/. Example pages are rendered
// again on every request, so an edited example shows on reload. Loopback only:
// it answers only Host 127.0.0.1:PORT or localhost:PORT, serves only regular
// files whose real path is inside its folders, and sends nosniff with a type.
//
//   node web/dev-server.mjs          (PORT=N to choose the port)
import { createServer } from 'node:http';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The example names (file names without .md), sorted. */
async function exampleNames(examplesDir) {
  try {
    return (await readdir(examplesDir)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  } catch {
    return [];
  }
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function page(title, body) {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

async function indexPage(examplesDir) {
  const names = await exampleNames(examplesDir);
  const items = names.map((n) => {
    const e = `/examples/${encodeURIComponent(n)}`;
    return `<li><a href="${e}.html">${escapeHtml(n)}</a> (<a href="${e}.email.html">email</a>, <a href="${e}.txt">text</a>, <a href="${e}.json">json</a>, <a href="${e}.md">Markdown</a>)</li>`;
  }).join('\n');
  return page('Broadsheet examples', `<h1>Broadsheet examples</h1>\n<ul>\n${items || '<li>No examples/*.md yet.</li>'}\n</ul>`);
}

// The preview's views of an example besides the web page: URL suffix → format and content type.
const VIEWS = {
  '.email.html': { format: 'email', type: 'text/html; charset=utf-8' },
  '.txt': { format: 'text', type: 'text/plain; charset=utf-8' },
  '.json': { format: 'json', type: 'application/json; charset=utf-8' },
};

/** Renders one example, or returns null when there is no such example. */
async function renderExample(renderer, examplesDir, name, format = 'html') {
  if (!(await exampleNames(examplesDir)).includes(name)) return null;
  const file = join(examplesDir, `${name}.md`);
  const markdown = await readFile(file, 'utf8');
  try {
    const result = renderer.render(markdown, { standalone: true, format });
    for (const w of result.warnings) console.warn(`examples/${name}.md:${w.line}:${w.column}: warning: ${w.message}`);
    return { status: 200, body: result.output };
  } catch (error) {
    const where = error.line > 0 ? `examples/${name}.md:${error.message}` : `examples/${name}.md: ${error.message}`;
    console.error(where);
    return { status: 500, body: page('Render error', `<h1>Render error</h1>\n<pre>${escapeHtml(where)}</pre>`) };
  }
}

/** Maps a path below a served folder to a file inside it, or null (no traversal). */
function fileInside(dir, rest) {
  if (rest.includes('\0')) return null;
  const file = resolve(dir, '.' + sep + rest);
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * The real path of a regular file inside `dir`, or null. Symbolic links are resolved first, so a link
 * (or a linked folder) that leads out of the served folder serves nothing.
 */
async function realFileInside(dir, rest) {
  const file = fileInside(dir, rest);
  if (!file) return null;
  try {
    const [realDir, realFile] = await Promise.all([realpath(dir), realpath(file)]);
    if (!realFile.startsWith(realDir + sep)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null; // missing, or a dangling link
  }
}

/**
 * Whether the request names this server: `127.0.0.1:PORT` or `localhost:PORT`. Any other Host (a DNS
 * rebinding attack's own domain resolving to 127.0.0.1) is refused, so no other site can read the preview.
 */
function isOwnHost(req) {
  const host = String(req.headers.host ?? '').toLowerCase();
  const port = req.socket.localPort;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

async function serveFile(res, dir, rest, head) {
  const file = await realFileInside(dir, rest);
  if (file) {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(head ? undefined : body);
    return;
  }
  send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

function handler(renderer, { examplesDir, distDir, previewDir }) {
  return async (req, res) => {
    try {
      if (!isOwnHost(req)) {
        send(res, 421, 'text/plain; charset=utf-8', 'Misdirected request: use http://127.0.0.1:PORT/ or http://localhost:PORT/\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
        return;
      }
      let path;
      try {
        path = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
      } catch {
        send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
        return;
      }
      const head = req.method === 'HEAD';
      const example = /^\/examples\/([A-Za-z0-9_-]+)\.(email\.html|html|md|txt|json)$/.exec(path);
      if (path === '/' || path === '/index.html') {
        await serveFile(res, previewDir, 'index.html', head);
      } else if (path.startsWith('/assets/')) {
        await serveFile(res, previewDir, path.slice(1), head);
      } else if (path === '/examples/' || path === '/examples') {
        send(res, 200, 'text/html; charset=utf-8', await indexPage(examplesDir));
      } else if (path.startsWith('/dist/')) {
        await serveFile(res, distDir, path.slice('/dist/'.length), head);
      } else if (example && example[2] === 'md') {
        if ((await exampleNames(examplesDir)).includes(example[1])) await serveFile(res, examplesDir, `${example[1]}.md`, head);
        else send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      } else if (example && VIEWS[`.${example[2]}`]) {
        const view = VIEWS[`.${example[2]}`];
        const page = await renderExample(renderer, examplesDir, example[1], view.format);
        if (page) send(res, page.status, page.status === 200 ? view.type : 'text/html; charset=utf-8', page.body);
        else send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      } else if (example) {
        const page = await renderExample(renderer, examplesDir, example[1]);
        if (page) send(res, page.status, 'text/html; charset=utf-8', page.body);
        else send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      } else {
        send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      }
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${error.message}\n`);
      else res.destroy();
    }
  };
}

/** Listens on HOST:port; with `fallback`, a busy port falls back to a free one. */
function listen(server, port, fallback) {
  return new Promise((resolveListen, reject) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE' && fallback) {
        server.listen(0, HOST);
      } else {
        server.off('listening', onListening);
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolveListen(server.address().port);
    };
    server.on('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Starts the preview server. Resolves to { server, port, url }.
 * `port` undefined: PORT from the environment, else 8080 or any free port. `previewDir`: another build
 * of the preview page (bench/preview-latency.mjs --baseline compares two).
 */
export async function startDevServer({ port, root = ROOT, previewDir = resolve(root, 'build', 'preview') } = {}) {
  const distDir = resolve(root, 'dist');
  const examplesDir = resolve(root, 'examples');
  for (const needed of [join(distDir, 'index.js'), join(previewDir, 'index.html')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm run build`);
  }
  const { createRenderer } = await import(pathToFileURL(join(distDir, 'index.js')).href);
  const renderer = await createRenderer();
  const server = createServer(handler(renderer, { examplesDir, distDir, previewDir }));
  const envPort = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort >= 0 && envPort < 65536)) {
    throw new Error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  }
  const wanted = port ?? envPort;
  const actual = await listen(server, wanted ?? DEFAULT_PORT, wanted === undefined);
  server.on('close', () => renderer.dispose());
  return { server, port: actual, url: `http://${HOST}:${actual}/` };
}

/** Opens the URL in the desktop's browser when there is a desktop (never in CI or over SSH). */
async function openInBrowser(url) {
  const { spawn } = await import('node:child_process');
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer'
    : (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) ? 'xdg-open' : null;
  if (!command || process.env.CI || process.argv.includes('--no-open')) return;
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener installed: the printed URL is enough
  child.unref();
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  startDevServer().then(
    ({ url }) => {
      console.log(`Broadsheet draft preview: ${url}`);
      console.log(`Rendered examples:        ${url}examples/`);
      openInBrowser(url);
    },
    (error) => {
      console.error(`broadsheet dev server: ${error.message}`);
      process.exitCode = 1;
    },
  );
}

// For package.test.js (not a test file): packs the built package with `npm pack`, installs the
// tarball into a temporary consumer project (offline: the package has no dependencies), and
// writes that project's consumers: Node ESM and CJS scripts, TypeScript files, a Vite app, a webpack 5
// app, an esbuild app, a plain page, a Web Worker and a page for a strict Content-Security-Policy.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, run } from './repo.js';

const npm = (args, cwd) => {
  const r = run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${r.stderr}${r.stdout}`);
  return r.stdout.toString('utf8');
};

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** The script every browser consumer runs: the API and the widget, results in window.__state. */
const appScript = ({ api, element, markdownUrl, setup = '', rendererOptions = '' }) => `import { createRenderer } from '${api}';
${setup ? `import { configure } from '${element}';\n${setup}` : `import '${element}';`}

const state = (window.__state = {});
const widget = document.querySelector('broadsheet-issue');
widget.addEventListener('broadsheet-render', () => {
  const root = widget.shadowRoot;
  state.widget = {
    h1: root.querySelector('article.bs-issue h1')?.textContent,
    sections: [...root.querySelectorAll('article.bs-issue section > h2')].map((h) => h.textContent),
    lightDom: document.querySelectorAll('article, section').length,
    // theme="dark": the shadow root's styles applied (a CSP could block them)
    background: getComputedStyle(root.querySelector('.frame')).backgroundColor,
  };
});
widget.addEventListener('broadsheet-error', (event) => { state.widget = { error: event.detail.message }; });
document.addEventListener('securitypolicyviolation', (event) => {
  (state.violations ??= []).push(event.violatedDirective + ' ' + event.blockedURI);
});
(async () => {
  try {
    const markdown = await (await fetch('${markdownUrl}')).text();
    const renderer = await createRenderer(${rendererOptions});
    state.api = { output: renderer.render(markdown).output };
  } catch (error) {
    state.api = { error: String(error?.message ?? error) };
  }
})();
`;

const page = (script, title) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><broadsheet-issue src="./minimal.md" theme="dark" toc></broadsheet-issue></main>
<script type="module" src="${script}"></script>
</body></html>
`;

const WORKER = `import { createRenderer } from './node_modules/broadsheet/dist/index.js';
const ready = createRenderer();
self.onmessage = async (event) => {
  try {
    self.postMessage({ output: (await ready).render(event.data).output });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
`;

const WORKER_PAGE = `const worker = new Worker('./worker.js', { type: 'module' });
const state = (window.__state = {});
worker.onmessage = (event) => { state.worker = event.data; };
worker.onerror = (event) => { state.worker = { error: event.message ?? 'worker failed' }; };
fetch('./minimal.md').then((r) => r.text()).then((markdown) => worker.postMessage(markdown));
`;

const TS_GOOD = `import { createRenderer, BroadsheetError, type RenderOptions, type RenderResult, type Format } from 'broadsheet';

const formats: Format[] = ['html', 'json', 'email', 'text'];
const options: RenderOptions = { format: formats[0], standalone: false, idPrefix: 'x-', maxInputBytes: 1 << 20 };
const renderer = await createRenderer({ wasm: new URL('https://example.com/broadsheet.wasm') });
const result: RenderResult = renderer.render('# Hi', options);
const firstTitle: string | undefined = result.outline[0]?.title;
const line: number = result.warnings[0]?.line ?? 0;
try { renderer.render('---\\n[\\n---\\n'); } catch (error) { if (error instanceof BroadsheetError) console.log(error.line, error.column, error.reason); }
console.log(result.output.length, firstTitle, line, result.meta['title']);
renderer.dispose();
`;

const TS_BAD_FORMAT = `import { createRenderer } from 'broadsheet';

const renderer = await createRenderer();
// @ts-expect-error 'pdf' is not a Format: an unknown format must not compile
renderer.render('# Hi', { format: 'pdf' });
// @ts-expect-error options are checked: there is no 'sanitize' option
renderer.render('# Hi', { sanitize: true });
`;

const TS_ELEMENT = `import { configure, BroadsheetIssueElement } from 'broadsheet/element';
import type { BroadsheetRenderDetail } from 'broadsheet/element';

configure({ wasm: '/static/broadsheet.wasm' });
const widget = document.querySelector('broadsheet-issue');
const isElement: BroadsheetIssueElement | null = widget;
widget?.addEventListener('broadsheet-render', (event) => {
  const detail: BroadsheetRenderDetail = event.detail;
  console.log(detail.outline.map((entry) => entry.id), isElement?.src);
});
widget?.addEventListener('broadsheet-error', (event) => console.log(event.detail.line, event.detail.kind));
`;

const TS_CJS = `import broadsheet = require('broadsheet');

async function main(): Promise<string> {
  const renderer = await broadsheet.createRenderer();
  return renderer.render('# Hi', { format: 'text' }).output;
}
main().then(console.log);
`;

/** Runs webpack 5 (the repository's, through its Node API: no CLI needed) on src/index.js with defaults. */
const WEBPACK_BUILD = (webpackPath) => `import webpack from ${JSON.stringify(webpackPath)};
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
webpack({ mode: 'production', context: here, entry: './src/index.js', output: { path: here + 'dist' } }, (error, stats) => {
  if (error) { console.error(error); process.exit(1); }
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  process.stdout.write(JSON.stringify([...info.errors, ...info.warnings].map((e) => e.message)));
  process.exit(stats.hasErrors() ? 1 : 0);
});
`;

/**
 * The esbuild app: esbuild bundles the JavaScript but does not emit the wasm that
 * \`new URL('./x.wasm', import.meta.url)\` names, so the app says where the core is, as docs/widget.md shows.
 */
const esbuildSetup = (wasm) => `configure({ wasm: '${wasm}', worker: '/node_modules/broadsheet/dist/element-worker.js' });`;

/**
 * Packs and installs the package; returns { dir, tarball, packed, unpacked }. `markdown` is
 * the issue the consumers render (written as minimal.md, also into Vite's public/).
 */
export function makeConsumerProject(markdown) {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-consumer-'));
  const packDir = join(dir, 'pack');
  mkdirSync(packDir);
  const [info] = JSON.parse(npm(['pack', ROOT, '--json', '--pack-destination', packDir], dir));
  const tarball = join(packDir, info.filename);
  const app = join(dir, 'app');
  write(app, { 'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2) });
  npm(['install', '--offline', '--no-package-lock', tarball], app);
  write(app, {
    'minimal.md': markdown,
    'esm.mjs': `import { createRenderer } from 'broadsheet';
import { readFileSync } from 'node:fs';
const renderer = await createRenderer();
process.stdout.write(JSON.stringify({ output: renderer.render(readFileSync('minimal.md', 'utf8')).output }));
`,
    'cjs.cjs': `const { createRenderer, BroadsheetError } = require('broadsheet');
const { readFileSync } = require('node:fs');
createRenderer().then((renderer) => {
  let frontMatterError = null;
  try { renderer.render('---\\ntitle: [\\n---\\n'); } catch (error) { frontMatterError = error instanceof BroadsheetError && error.line; }
  process.stdout.write(JSON.stringify({
    output: renderer.render(readFileSync('minimal.md', 'utf8')).output,
    frontMatterError,
    theme: require.resolve('broadsheet/theme.css'),
    version: require('broadsheet/package.json').version,
  }));
});
`,
    'ssr.mjs': `import { TAG_NAME } from 'broadsheet/element';
process.stdout.write(TAG_NAME);
`,
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'],
        strict: true, noEmit: true, skipLibCheck: false, types: [],
      },
      files: ['good.ts', 'bad-format.ts', 'element.ts', 'cjs-consumer.cts'],
    }, null, 2),
    'good.ts': TS_GOOD,
    'bad-format.ts': TS_BAD_FORMAT,
    'element.ts': TS_ELEMENT,
    'cjs-consumer.cts': TS_CJS,
    // Vite: index.html + main.js + public/minimal.md, no vite.config.*
    'vite/index.html': page('./main.js', 'Vite consumer'),
    'vite/main.js': appScript({ api: 'broadsheet', element: 'broadsheet/element', markdownUrl: './minimal.md' }),
    'vite/public/minimal.md': markdown,
    // webpack 5: src/index.js, defaults only, built through its Node API.
    'webpack/index.html': page('./dist/main.js', 'webpack consumer'),
    'webpack/minimal.md': markdown,
    'webpack/src/index.js': appScript({ api: 'broadsheet', element: 'broadsheet/element', markdownUrl: '/minimal.md' }),
    'webpack/build.mjs': WEBPACK_BUILD(join(ROOT, 'node_modules', 'webpack', 'lib', 'index.js')),
    // No bundler: the package's files straight from node_modules.
    'plain.html': page('./plain.js', 'Plain page'),
    'plain.js': appScript({ api: './node_modules/broadsheet/dist/index.js', element: './node_modules/broadsheet/dist/element.js', markdownUrl: './minimal.md' }),
    'worker.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Worker</title></head><body><script type="module" src="./worker-page.js"></script></body></html>\n`,
    'worker-page.js': WORKER_PAGE,
    'worker.js': WORKER,
  });
  // esbuild: one bundle; the cores are served from the installed package (see esbuildSetup).
  const dist = join(app, 'node_modules', 'broadsheet', 'dist');
  const webWasm = existsSync(join(dist, 'broadsheet-web.wasm')) ? 'broadsheet-web.wasm' : 'broadsheet.wasm';
  write(app, {
    'esbuild/index.html': page('./out/main.js', 'esbuild consumer'),
    'esbuild/minimal.md': markdown,
    'esbuild/main.js': appScript({
      api: 'broadsheet', element: 'broadsheet/element', markdownUrl: '/minimal.md',
      setup: esbuildSetup(`/node_modules/broadsheet/dist/${webWasm}`),
      rendererOptions: "{ wasm: '/node_modules/broadsheet/dist/broadsheet.wasm' }",
    }),
  });
  return { dir, app, tarball, packed: info.size, unpacked: info.unpackedSize };
}

// The pages the embed benchmark loads, all showing the same issue (examples/full.md, served as /issue.md):
//   widget      the README's embed: <script type="module" src=".../element.js"> and <broadsheet-issue src>;
//   preload     the same with the <link rel="modulepreload">/preload lines of docs/widget.md;
//   reference   the issue fetched and rendered by markdown-wasm into a shadow root with Broadsheet's
//               theme, its script bundled into one file like the element's;
//   prerendered the issue rendered at build time (--fragment) inside <broadsheet-issue>, with
//               element-prerender.css;
//   published   the issue as `broadsheet build` publishes it, embedded by its page's URL
//               (<broadsheet-issue src="/letter/full/">): the element shows the fragment the build wrote
//               beside the page (fragment.json), with no wasm and no Markdown;
//   published-preload  the same with the preload line docs/widget.md gives for a published issue.
// Each page sets window.__shownAt (performance.now()) once the issue is shown by script.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const shell = (head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Broadsheet embed benchmark</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#eef0f3}main{max-width:48rem;margin:0 auto;padding:1rem}</style>
${head}</head>
<body><main>${body}</main>
<script>
  document.addEventListener('broadsheet-render', () => { window.__shownAt = performance.now(); });
  document.addEventListener('broadsheet-error', (event) => { window.__failed = event.detail.message; });
</script>
</body></html>
`;

const ELEMENT = '<script type="module" src="/dist/element.js"></script>';

/** The reference page's script: markdown-wasm, the theme, the render, in one module. */
async function referenceScript() {
  const entry = `import { ready, parse } from ${JSON.stringify(`${ROOT}node_modules/markdown-wasm/dist/markdown.es.js`)};
import styles from ${JSON.stringify(`${ROOT}dist/element-styles.js`)};
const markdown = fetch('/issue.md').then((response) => response.text());
const root = document.getElementById('issue').attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
root.adoptedStyleSheets = [sheet];
const [, text] = await Promise.all([ready, markdown]);
// markdown-wasm knows no front matter: it is left out, as a site would.
const html = parse(text.replace(/^---\\n[\\s\\S]*?\\n---\\n/, ''));
root.innerHTML = '<div class="frame"><article class="bs-issue">' + html + '</article></div>';
window.__shownAt = performance.now();
`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true, format: 'esm', minify: true, target: 'es2022', write: false, logLevel: 'error',
    external: ['fs', 'path'], // markdown-wasm's Node branch, never taken in a page
  });
  return result.outputFiles[0].text;
}

/**
 * { path: { body, type } } for the server; `wasm` is the core the element loads (for preload), `fragment`
 * the issue's HTML (`--fragment`), `published` its fragment.json as `broadsheet build` writes it.
 */
export async function benchPages({ fragment, published, issue, wasm }) {
  const preload = `<link rel="modulepreload" href="/dist/element.js">
<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="/issue.md" as="fetch" crossorigin>`;
  return {
    '/issue.md': { body: issue, type: 'text/markdown; charset=utf-8' },
    '/widget.html': { body: shell(ELEMENT, '<broadsheet-issue src="/issue.md"></broadsheet-issue>') },
    '/preload.html': { body: shell(`${preload}\n${ELEMENT}`, '<broadsheet-issue src="/issue.md"></broadsheet-issue>') },
    '/reference.html': { body: shell('<script type="module" src="/reference.js"></script>', '<div id="issue"></div>') },
    '/reference.js': { body: await referenceScript(), type: 'text/javascript; charset=utf-8', immutable: true },
    '/published.html': { body: shell(ELEMENT, '<broadsheet-issue src="/letter/full/"><a href="/letter/full/">Read the issue</a></broadsheet-issue>') },
    // The same with docs/widget.md's preload line for a published issue: its fragment downloads beside the element.
    '/published-preload.html': {
      body: shell(`<link rel="preload" href="/letter/full/fragment.json" as="fetch" crossorigin>\n${ELEMENT}`,
        '<broadsheet-issue src="/letter/full/"><a href="/letter/full/">Read the issue</a></broadsheet-issue>'),
    },
    '/letter/full/fragment.json': { body: published, type: 'application/json' },
    '/letter/full/issue.md': { body: issue, type: 'text/markdown; charset=utf-8' },
    '/prerendered.html': {
      body: shell(`<link rel="stylesheet" href="/dist/element-prerender.css">\n${ELEMENT}`, `<broadsheet-issue src="/issue.md">${fragment}</broadsheet-issue>`),
    },
    // markdown-wasm's ES build fetches its wasm relative to the page.
    '/markdown.wasm': { file: `${ROOT}node_modules/markdown-wasm/dist/markdown.wasm`, immutable: true },
  };
}

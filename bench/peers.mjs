// The renderers compared by the benchmark. Each peer loads itself and returns two string-in,
// string-out functions: `newsletter` (its default HTML, what a site would call) and `commonmark`
// (its strict CommonMark setting). `files` are what a browser would download, for the gzipped size.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));

export const BASELINE = 'markdown-wasm';

export const PEERS = [
  {
    name: 'broadsheet',
    files: ['dist/index.js', 'dist/broadsheet-core.mjs', 'dist/broadsheet.wasm'],
    async load() {
      const { createRenderer } = await import('../dist/index.js');
      const renderer = await createRenderer();
      const commonmark = { commonmark: true };
      return {
        newsletter: (md) => renderer.render(md).output,
        commonmark: (md) => renderer.render(md, commonmark).output,
      };
    },
  },
  {
    name: 'markdown-wasm',
    files: ['node_modules/markdown-wasm/dist/markdown.es.js', 'node_modules/markdown-wasm/dist/markdown.wasm'],
    async load() {
      // The Node build embeds its wasm (the ES build would fetch it).
      const markdown = require('markdown-wasm/dist/markdown.node.js');
      await markdown.ready;
      return {
        newsletter: (md) => markdown.parse(md),
        commonmark: (md) => markdown.parse(md, { parseFlags: 0 }),
      };
    },
  },
  {
    name: 'md4w',
    files: ['node_modules/md4w/js/index.js', 'node_modules/md4w/js/md4w.js', 'node_modules/md4w/js/md4w-fast.wasm'],
    async load() {
      const md4w = await import('md4w');
      await md4w.init('fast');
      return {
        newsletter: (md) => md4w.mdToHtml(md),
        commonmark: (md) => md4w.mdToHtml(md, { parseFlags: 0 }),
      };
    },
  },
  {
    name: 'markdown-it',
    files: ['node_modules/markdown-it/dist/markdown-it.mjs'],
    async load() {
      const { default: MarkdownIt } = await import('markdown-it');
      const gfm = new MarkdownIt();
      const strict = new MarkdownIt('commonmark');
      return { newsletter: (md) => gfm.render(md), commonmark: (md) => strict.render(md) };
    },
  },
  {
    name: 'marked',
    files: ['node_modules/marked/lib/marked.esm.js'],
    async load() {
      const { Marked } = await import('marked');
      const gfm = new Marked();
      const strict = new Marked({ gfm: false });
      return { newsletter: (md) => gfm.parse(md), commonmark: (md) => strict.parse(md) };
    },
  },
  {
    name: 'commonmark',
    files: ['node_modules/commonmark/dist/commonmark.js'],
    async load() {
      const { Parser, HtmlRenderer } = await import('commonmark');
      const parser = new Parser();
      const renderer = new HtmlRenderer();
      const render = (md) => renderer.render(parser.parse(md));
      return { newsletter: render, commonmark: render };
    },
  },
];

export function peerNamed(name) {
  const peer = PEERS.find((p) => p.name === name);
  if (!peer) throw new Error(`no peer named ${name}`);
  return peer;
}

export { root };

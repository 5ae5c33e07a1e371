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
    // The web core (`broadsheet/web`, what the element loads): web HTML only, no lint.
    name: 'broadsheet/web',
    files: ['dist/web.js', 'dist/index.js', 'dist/broadsheet-web-core.mjs', 'dist/broadsheet-web.wasm'],
    async load() {
      const { createRenderer } = await import('../dist/web.js');
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

// The ceiling: md4c built like Broadsheet's core (bench/ceiling/md4c-ceiling.c, built into build/wasm by
// bench/run.mjs), driven through the same kind of boundary. `md4c-html (same build)` is md4c's own
// renderer with no model; `md4c parse only` runs the parser with callbacks that do nothing and returns no
// output: no renderer built on md4c, Broadsheet included, can be faster than that row.
async function loadCeiling() {
  const { readFileSync } = await import('node:fs');
  const { default: create } = await import('../build/wasm/md4c-ceiling.mjs');
  const wasm = new WebAssembly.Module(readFileSync(new URL('../build/wasm/md4c-ceiling.wasm', import.meta.url)));
  const core = await create({
    instantiateWasm(imports, receive) {
      receive(new WebAssembly.Instance(wasm, imports), wasm);
      return {};
    },
  });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const encode = (md) => {
    const capacity = md.length * 3 + 1;
    const at = core._input(capacity);
    return encoder.encodeInto(md, core.HEAPU8.subarray(at, at + capacity)).written;
  };
  const html = (flags) => (md) => {
    const length = core._html(encode(md), flags);
    const at = core._output();
    return decoder.decode(core.HEAPU8.subarray(at, at + length));
  };
  const parse = (flags) => (md) => {
    core._parse(encode(md), flags);
    return '';
  };
  return { html, parse, newsletter: core._newsletter_flags(), commonmark: core._commonmark_flags() };
}

const CEILING_FILES = ['build/wasm/md4c-ceiling.mjs', 'build/wasm/md4c-ceiling.wasm'];

export const CEILING = [
  {
    name: 'md4c-html (same build)',
    ceiling: true,
    files: CEILING_FILES,
    async load() {
      const c = await loadCeiling();
      return { newsletter: c.html(c.newsletter), commonmark: c.html(c.commonmark) };
    },
  },
  {
    name: 'md4c parse only',
    ceiling: true,
    files: CEILING_FILES,
    async load() {
      const c = await loadCeiling();
      return { newsletter: c.parse(c.newsletter), commonmark: c.parse(c.commonmark) };
    },
  },
];

export function peerNamed(name) {
  const peer = [...PEERS, ...CEILING].find((p) => p.name === name);
  if (!peer) throw new Error(`no peer named ${name}`);
  return peer;
}

export { root };

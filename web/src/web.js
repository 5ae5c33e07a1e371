// `broadsheet/web`: the renderer for pages that only need web HTML, the one <broadsheet-issue> uses.
// It runs the web core (broadsheet-web.wasm with its glue broadsheet-web-core.mjs: the web renderer,
// front matter, directives, meta and outline, nothing else), so a page downloads and compiles less.
// Email, plain text, JSON and lint come from the full core: `import { createRenderer } from 'broadsheet'`.
// Until the web core is built, tools/build.sh points the two names below at the full core's files.
import { BroadsheetError, compileCore, createRendererWith } from './index.js';

export { BroadsheetError };

export const WEB_CORE = {
  // Both written out in full so bundlers can see and emit (or inline) them.
  glue: () => import('./broadsheet-web-core.mjs'),
  wasmUrl: () => new URL('./broadsheet-web.wasm', import.meta.url),
};

/** Checks what the web core cannot do, so a page learns it here rather than from a missing export. */
function webOptions(options) {
  const format = options?.format ?? 'html';
  if (format !== 'html') {
    throw new TypeError(`broadsheet/web renders web HTML only (format ${JSON.stringify(format)} asked): `
      + "import { createRenderer } from 'broadsheet' for email, text and json");
  }
  if (options?.lint) {
    throw new TypeError("broadsheet/web does not lint: import { createRenderer } from 'broadsheet' for lint warnings");
  }
  return { ...options, lint: false };
}

/**
 * Loads the web core and resolves to a renderer of web HTML: `render(markdown, options)` as in
 * `broadsheet` (format 'html' only, no lint), `memoryUsage()` and `dispose()`.
 */
export async function createRenderer(options = {}) {
  const renderer = await createRendererWith(WEB_CORE, options);
  return {
    render: (markdown, renderOptions) => renderer.render(markdown, webOptions(renderOptions)),
    memoryUsage: () => renderer.memoryUsage(),
    dispose: () => renderer.dispose(),
  };
}

/**
 * Starts fetching and compiling the web core (streaming, while it downloads) and resolves to the
 * compiled WebAssembly.Module, shared with createRenderer: a page or a worker can be handed it.
 */
export function compileWebCore(source) {
  return compileCore(WEB_CORE, source);
}

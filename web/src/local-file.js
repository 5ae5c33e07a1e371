// The wasm as a local file (a path, or a file: URL), which only Node reads. Its own module, with no imports:
// the element's browser bundles are built with no `process` (tools/dist-files.mjs), and esbuild then settles
// isNode here at build time (it does so only in a module without imports) and leaves out the Node-only code,
// whose import of node:fs a consumer's bundler would try to resolve.

/** Whether this runs in Node: a string may be a file path, and `broadsheet` splits its core (lazy-core.js). */
export const isNode = typeof process === 'object' && !!process.versions?.node;

/**
 * Compiles the wasm at `source` when it is a local file (`url`: index.js's reading of `source`, null for a
 * path); null when it is not, or this is not Node.
 */
export async function compileLocalFile(source, url) {
  if (!isNode || (url !== null && url.protocol !== 'file:')) return null;
  // A computed name: bundlers for the browser (esbuild) must not try to resolve a Node built-in.
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ ['node:fs', 'promises'].join('/'));
  return WebAssembly.compile(await readFile(url ?? source));
}

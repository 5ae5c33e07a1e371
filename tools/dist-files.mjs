// The files of dist/, each named once, with how it is made. tools/assemble-dist.mjs makes them and deletes
// anything else from dist/; package.json packs dist/ whole, and tests/js/dist-files.test.js checks that
// `npm pack` packs exactly these (besides package.json, the README, the licence and custom-elements.json).
// How a file is made, one key each:
//   copy: a file as it is                  glue: Emscripten's glue, its own wasm URL removed (strip-glue-wasm-url.mjs)
//   commonjs: an ES module as CommonJS     tool: written by a script (its flags, the file's path, its inputs)
//   element: a browser bundle of the element (see ELEMENT_BUNDLES)
//   node: a Node bundle of a dependency, so the package needs none installed
// `executable`: made executable (the CLI).

const src = (name, file = name) => ({ file, copy: `web/src/${name}` });

export const DIST_FILES = [
  // `broadsheet`: the API on the full core (every format); in Node, lazy-core.js starts the web core first.
  src('index.js'), src('lazy-core.js'), src('local-file.js'), src('broadsheet-error.js'), src('index.d.ts'),
  src('index.cjs'), src('index.d.ts', 'index.d.cts'), // require(): the same declarations, typed as CommonJS
  { file: 'broadsheet-error.cjs', commonjs: 'web/src/broadsheet-error.js' }, // the class index.cjs needs synchronously
  { file: 'broadsheet-core.mjs', glue: 'build/wasm/broadsheet-core.mjs' },
  { file: 'broadsheet.wasm', copy: 'build/wasm/broadsheet-core.wasm' },
  // `broadsheet/web`: the web core (web HTML only: CMake's broadsheet_web_wasm, BROADSHEET_WEB_ONLY=1).
  src('web.js'), src('web.d.ts'),
  { file: 'broadsheet-web-core.mjs', glue: 'build/wasm/broadsheet-web-core.mjs' },
  { file: 'broadsheet-web.wasm', copy: 'build/wasm/broadsheet-web-core.wasm' },
  // `broadsheet/element`: the element, its WebAssembly path and its worker, each one file. element.js (the
  // element, its styles, the fragment reader) imports element-render.js (web.js, index.js and the glue bundled
  // in) only when it renders Markdown itself, and starts the wasm's download at the same moment, so a page's
  // requests are the element script, then the renderer, the wasm and the issue in parallel, and a published
  // issue's only the element script and its fragment (docs/widget.md).
  { file: 'element.js', element: 'web/src/element.js' },
  { file: 'element-render.js', element: 'web/src/element-render.js' },
  { file: 'element-worker.js', element: 'web/src/element-worker.js' },
  src('element.d.ts'),
  { file: 'element-styles.js', tool: 'tools/embed-css.mjs', args: ['web/src/theme.css', 'web/src/element.css'] }, // also the preview's
  { file: 'element-prerender.css', tool: 'tools/embed-css.mjs', args: ['--light-dom', 'web/src/theme.css', 'web/src/element.css'] },
  // recent.js stays its own file, imported by the element only for its `index` attribute.
  src('recent.js'), src('issue-index.js'), src('element-parts.js'), src('fragment-format.js'),
  // `broadsheet/archive`; it imports archive-search.js (the search box's behaviour) only when its box is first focused.
  src('archive.js'), src('archive-search.js'), src('archive.d.ts'),
  // `broadsheet/build`: a publication's site.
  src('build.js'), src('build.d.ts'), src('build-issue.js'), src('build-fragment.js'), src('build-page.js'),
  src('build-site.js'), src('build-search.js'), src('build-worker.js'), src('build-options.js'),
  src('build-sources.js'), src('build-output.js'), src('build-render.js'),
  { file: 'feed.js', node: 'node_modules/feed/lib/feed.js' }, // the feed formats' library
  // The CLI, and `broadsheet check` and the preview's email view: what each mail client keeps (caniemail's data).
  { file: 'cli.js', copy: 'web/cli.js', executable: true },
  src('check.js'), src('email-check-report.js'),
  { file: 'email-clients.js', tool: 'tools/bundle-email-clients.mjs' },
  src('theme.css'),
  { file: 'broadsheet.schema.json', copy: 'docs/schema/broadsheet.schema.json' },
];

/** How the `element` files are bundled: together, one file each, with these of the package's files left out. */
export const ELEMENT_BUNDLES = {
  // element.js loads these itself, when needed (see above).
  external: ['./recent.js', './element-render.js'],
  // The bundles run only in browsers, which have no `process`: the Node-only code (local-file.js) is dead
  // there and left out, so the bundles import no Node built-in for a consumer's bundler to trip on.
  define: { process: 'undefined' },
};

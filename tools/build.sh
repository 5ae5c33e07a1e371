#!/usr/bin/env bash
# Builds everything from source: the native library, CLI and unit tests (build/native), the WebAssembly
# module (build/wasm), and the npm package contents (dist/). Incremental: re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }
jobs=$(nproc 2>/dev/null || echo 2)

bash tools/fetch-sources.sh

say "native build (library, CLI, unit tests) in build/native"
[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

# Debian's Emscripten runs its JS optimizer with node, which finds acorn only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
say "WebAssembly build (Emscripten $(emcc -dumpversion 2>/dev/null || echo '?')) in build/wasm"
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_TESTS=OFF >/dev/null
cmake --build build/wasm -j"$jobs"

say "assembling dist/"
mkdir -p dist
cp build/wasm/broadsheet-core.mjs dist/broadsheet-core.mjs
node tools/strip-glue-wasm-url.mjs dist/broadsheet-core.mjs
cp build/wasm/broadsheet-core.wasm dist/broadsheet.wasm
cp web/src/index.js web/src/lazy-core.js web/src/index.cjs web/src/index.d.ts web/src/web.js web/src/web.d.ts web/src/theme.css dist/
cp web/src/index.d.ts dist/index.d.cts   # the same declarations, typed as CommonJS for require()
# The web core (web HTML only: CMake's broadsheet_web_wasm, BROADSHEET_WEB_ONLY=1) for broadsheet/web and
# the element.
cp build/wasm/broadsheet-web-core.mjs dist/broadsheet-web-core.mjs
node tools/strip-glue-wasm-url.mjs dist/broadsheet-web-core.mjs
cp build/wasm/broadsheet-web-core.wasm dist/broadsheet-web.wasm
cp web/src/element.d.ts dist/
node tools/embed-css.mjs dist/element-styles.js web/src/theme.css web/src/element.css   # also used by the preview
node tools/embed-css.mjs --light-dom dist/element-prerender.css web/src/theme.css web/src/element.css
# The element, its WebAssembly path and its worker, each one file. element.js (the element, its styles, the
# fragment reader) imports element-render.js (web.js, index.js and the glue bundled in) only when it renders
# Markdown itself, and starts the wasm's download at the same moment, so a page's requests are the element
# script, then the renderer, the wasm and the issue in parallel, and a published issue's only the element
# script and its fragment (docs/widget.md).
stage=build/element-src
rm -rf "$stage" && mkdir -p "$stage"
# The staged modules define elements when imported: without this, esbuild would read the package's own
# "sideEffects" list (written for consumers' bundlers, naming dist/ files) and drop `import './archive.js'`.
echo '{ "sideEffects": true }' > "$stage/package.json"
cp web/src/element.js web/src/element-parts.js web/src/element-fragment.js web/src/fragment-format.js web/src/element-render.js \
  web/src/element-show.js web/src/element-source.js web/src/part-names.js \
  web/src/element-worker.js web/src/recent.js web/src/archive.js web/src/issue-index.js dist/element-styles.js \
  dist/web.js dist/index.js dist/lazy-core.js dist/broadsheet-*.mjs "$stage"/
# recent.js stays its own file (dist/recent.js), imported by the element only for its `index` attribute.
node_modules/.bin/esbuild "$stage/element.js" "$stage/element-render.js" "$stage/element-worker.js" --bundle --format=esm \
  --target=es2022 --minify --keep-names --legal-comments=none --external:'node:*' --external:./recent.js \
  --external:./element-render.js --outdir=dist --log-level=warning --log-override:package.json=silent
if grep -qF 'broadsheet-web-core' dist/element.js; then echo "dist/element.js: the core's glue got into the element script" >&2; exit 1; fi
# Minifying drops the comments that keep bundlers off index.js's Node-only import: put them back.
for f in dist/element-render.js dist/element-worker.js; do
  grep -qF 'import(["node:fs","promises"].join("/"))' "$f" || { echo "$f: index.js's node:fs import not found" >&2; exit 1; }
  sed -i 's|import(\["node:fs","promises"\]\.join("/"))|import(/* webpackIgnore: true */ /* @vite-ignore */ ["node:fs","promises"].join("/"))|' "$f"
done
# archive.js imports archive-search.js (the search box's behaviour) only when its box is first focused.
cp web/src/recent.js web/src/archive.js web/src/archive-search.js web/src/issue-index.js web/src/element-parts.js web/src/archive.d.ts \
  web/src/build*.js web/src/build.d.ts web/src/fragment-format.js dist/
# The feed formats' library, bundled so `broadsheet build` works without runtime dependencies.
node_modules/.bin/esbuild node_modules/feed/lib/feed.js --bundle --format=esm --platform=node --log-level=error --outfile=dist/feed.js
cp web/cli.js dist/cli.js
# `broadsheet check` and the preview's email view: what each mail client keeps (caniemail's data, bundled).
cp web/src/check.js web/src/email-check-report.js dist/
node tools/bundle-email-clients.mjs
cp docs/schema/broadsheet.schema.json dist/broadsheet.schema.json
chmod +x dist/cli.js
gz() { gzip -9c "$1" | wc -c; }
say "dist/ ready: full core $(du -k dist/broadsheet.wasm | cut -f1) KiB wasm, $(gz dist/broadsheet.wasm) bytes gzipped;" \
  "web core $(du -k dist/broadsheet-web.wasm | cut -f1) KiB, $(gz dist/broadsheet-web.wasm) bytes gzipped;" \
  "element.js $(gz dist/element.js) bytes gzipped, element-render.js $(gz dist/element-render.js)"

# The draft preview page served by `npm start` (skipped when up to date).
node tools/build-preview.mjs

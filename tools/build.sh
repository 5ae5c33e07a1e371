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

say "assembling dist/ (tools/dist-files.mjs)"
node tools/assemble-dist.mjs
gz() { gzip -9c "$1" | wc -c; }
say "dist/ ready: full core $(du -k dist/broadsheet.wasm | cut -f1) KiB wasm, $(gz dist/broadsheet.wasm) bytes gzipped;" \
  "web core $(du -k dist/broadsheet-web.wasm | cut -f1) KiB, $(gz dist/broadsheet-web.wasm) bytes gzipped;" \
  "element.js $(gz dist/element.js) bytes gzipped, element-render.js $(gz dist/element-render.js)"

# The draft preview page served by `npm start` (skipped when up to date).
node tools/build-preview.mjs

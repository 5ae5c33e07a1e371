#!/usr/bin/env bash
# Native benchmark: builds the corpus files (bench/corpus.mjs) and runs broadsheet_bench over them,
# once for the real-world files and once for the generated issues.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native --target broadsheet_bench -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
corpus=build/bench/corpus
rm -rf "$corpus"
node bench/corpus.mjs "$corpus"
echo "## real-world corpus"
build/native/broadsheet_bench "$corpus"/real-world/*
echo
echo "## generated issues"
build/native/broadsheet_bench "$corpus"/issues/*

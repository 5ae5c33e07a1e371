#!/usr/bin/env bash
# Builds the Catch2 unit tests with AddressSanitizer and UndefinedBehaviorSanitizer (build/sanitize) and
# runs them: any memory error, leak or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[sanitize]\033[0m %s\n' "$*"; }
bash tools/fetch-sources.sh
[ -f build/sanitize/CMakeCache.txt ] || cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBROADSHEET_SANITIZE=ON >/dev/null
say "building the unit tests with ASan+UBSan in build/sanitize"
cmake --build build/sanitize -j"$(nproc 2>/dev/null || echo 2)" --target broadsheet_tests >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build/sanitize/broadsheet_tests

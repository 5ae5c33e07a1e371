#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-14 with ASan+UBSan, in build/fuzz) and runs each for a share
# of the given time (default 60 seconds in all): `npm run fuzz -- 3600` fuzzes for an hour.
# Inputs that crash are saved in build/fuzz/crashes/ and the script fails; copy them into
# fuzz/regressions/<target>/ once fixed (they are replayed by every later run).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }
seconds=${1:-60}
targets=(render_fuzzer front_matter_fuzzer sanitize_fuzzer)
build=build/fuzz

for tool in clang-14 clang++-14; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool is missing (bash tools/setup.sh installs it)"; exit 1; }
done
bash tools/fetch-sources.sh
# md4c's mark limit is lowered (250,000 in the package) so that inputs of 16 KB reach the path where md4c
# gives up on a block mid-parse and Broadsheet reports it.
[ -f $build/CMakeCache.txt ] || CC=clang-14 CXX=clang++-14 cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBROADSHEET_FUZZ=ON -DBROADSHEET_TESTS=OFF -DBROADSHEET_MD4C_MAX_MARKS=1000 >/dev/null
say "building the fuzz targets in $build"
cmake --build $build -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}" >/dev/null

rm -rf $build/seeds
node fuzz/make-seeds.mjs $build/seeds
mkdir -p $build/crashes
per_target=$(( seconds / ${#targets[@]} )); [ "$per_target" -ge 1 ] || per_target=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  mkdir -p "$corpus" fuzz/regressions/$target
  # Known crashers first: each must now run clean.
  if compgen -G "fuzz/regressions/$target/*" >/dev/null; then
    $build/fuzz/$target fuzz/regressions/$target/* >/dev/null 2>&1 || { say "$target: a regression input fails again"; status=1; }
  fi
  say "$target: ${per_target}s"
  if ! $build/fuzz/$target "$corpus" "$build/seeds/$target" -dict=fuzz/markdown.dict -max_total_time="$per_target" \
      -max_len=16384 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 \
      > "$build/$target.log" 2>&1; then
    say "$target FOUND A CRASH: see $build/$target.log and $build/crashes/"
    tail -40 "$build/$target.log"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/$target.log" | tr '\n' ' '; echo
  fi
done
exit $status

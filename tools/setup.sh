#!/usr/bin/env bash
# Installs what is missing on a Debian machine (apt packages, npm packages), then builds what is stale.
# Safe to run again: each step checks first and says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Debian packages: compilers, Emscripten, header-only libraries, the browser for the browser tests,
# the archive keyring used to verify the md4c/libyaml source packages, and clang with its sanitizer and
# libFuzzer runtimes for tools/fuzz.sh, libxml2's xmllint (the strict XML check of the feeds), and a Java
# runtime for the Nu HTML Checker (vnu-jar) in the tests.
packages=(cmake make g++ emscripten binaryen nlohmann-json3-dev catch2 chromium debian-archive-keyring
  ca-certificates xz-utils gzip patch libmd4c-html0-dev clang-14 libclang-rt-14-dev libxml2-utils)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: reinstall when package-lock.json is newer than the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

bash tools/build.sh

#!/usr/bin/env bash
# Fetch the md4c and libyaml sources from Debian's source packages into third_party/ (git-ignored).
# apt verifies every file against the signed Release/Sources indexes, so the checksums are Debian's.
# A private apt configuration is used so the machine's own apt setup is left untouched; the mirror is
# taken from the system's existing apt sources (no host name is written into the repo).
set -euo pipefail
cd "$(dirname "$0")/.."

MD4C_VERSION=0.5.3-1        # sid: 652/652 CommonMark 0.31, linear link reference definitions (#238) and
                            # block-line walk (#236), Unicode 16 tables (trixie's 0.5.2 is quadratic there)
LIBYAML_VERSION=0.2.5-1     # bookworm
dest=third_party
patches=tools/patches/md4c  # Broadsheet's own patches to md4c, applied in name order (each names its origin)

# The stamp records what third_party/ was made from: the versions and the content of every patch. When it
# matches, nothing is fetched; when a version or a patch changes, the sources are fetched and patched afresh.
stamp_file=$dest/.sources-stamp
wanted_stamp() {
  echo "md4c $MD4C_VERSION"
  echo "libyaml $LIBYAML_VERSION"
  local p
  for p in "$patches"/*.patch; do
    [ -f "$p" ] && echo "patch $(basename "$p") $(sha256sum < "$p" | cut -d' ' -f1)"
  done
  return 0
}
stamp=$(wanted_stamp)
if [ -f "$dest/md4c/src/md4c.h" ] && [ -f "$dest/libyaml/include/yaml.h" ] && [ -f "$stamp_file" ] &&
   [ "$(cat "$stamp_file")" = "$stamp" ]; then
  exit 0
fi

say() { printf '\033[1m[fetch-sources]\033[0m %s\n' "$*"; }

mirror_of() {  # first Debian mirror URI found in the system's apt sources
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '/^URIs:/ {print $2; exit}' "$f")
    case "$uri" in */debian|*/debian/) echo "${uri%/}"; return;; esac
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk '$1=="deb" && $2 ~ /\/debian\/?$/ {print $2; exit} $1=="deb" && $3 ~ /\/debian\/?$/ {print $3; exit}' "$f")
    [ -n "$uri" ] && { echo "${uri%/}"; return; }
  done
}

command -v patch >/dev/null || { echo "fetch-sources: 'patch' is missing (apt-get install patch)" >&2; exit 1; }
mirror=$(mirror_of)
[ -n "$mirror" ] || { echo "fetch-sources: no Debian mirror found in /etc/apt sources" >&2; exit 1; }
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || { echo "fetch-sources: $keyring missing (apt-get install debian-archive-keyring)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/pkg"
cat > "$work/sources.list" <<LIST
deb-src [signed-by=$keyring] $mirror bookworm main
deb-src [signed-by=$keyring] $mirror trixie main
deb-src [signed-by=$keyring] $mirror sid main
LIST
apt_private=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$work/parts"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")

say "reading Debian's source indexes (bookworm, trixie, sid) from $mirror"
apt-get "${apt_private[@]}" -qq update

fetch() {  # package version glob-of-orig-tarball target-dir
  local pkg=$1 version=$2 target=$3 orig
  say "downloading $pkg=$version source (checksums verified by apt)"
  ( cd "$work/pkg" && apt-get "${apt_private[@]}" -qq source --download-only "$pkg=$version" ) || true
  orig=$(ls "$work/pkg/${pkg}_${version%-*}".orig.tar.* 2>/dev/null | head -n 1)
  [ -n "$orig" ] || { echo "fetch-sources: could not download the $pkg $version source package" >&2; exit 1; }
  rm -rf "$target" && mkdir -p "$target"
  tar -xf "$orig" -C "$target" --strip-components=1
}
mkdir -p "$dest"
rm -f "$stamp_file"
fetch md4c "$MD4C_VERSION" "$dest/md4c"
fetch libyaml "$LIBYAML_VERSION" "$dest/libyaml"
for p in "$patches"/*.patch; do
  [ -f "$p" ] || continue
  say "patching md4c: $(basename "$p")"
  patch -s -p1 -d "$dest/md4c" --no-backup-if-mismatch < "$p" ||
    { echo "fetch-sources: $p does not apply to md4c $MD4C_VERSION" >&2; exit 1; }
done
printf '%s\n' "$stamp" > "$stamp_file"
say "sources ready in $dest/"

#!/usr/bin/env bash
# check_deb.sh BUILD - the Debian package of BUILD (cpack -G DEB into a
# temporary folder), inspected without installing it: its Depends are the
# runtime libraries dpkg-shlibdeps found, and it holds the binary, the man
# pages, the completions and the sample corpus under /usr. Exits 77
# (skipped) without cpack, dpkg-deb or dpkg-shlibdeps.
set -euo pipefail
build=$(cd "$1" && pwd -P)
for t in cpack dpkg-deb dpkg-shlibdeps; do
    command -v "$t" >/dev/null 2>&1 || { echo "check_deb: no $t"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check_deb: $*" >&2; exit 1; }

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" \
    >cpack.log 2>&1) || fail "cpack failed: $(cat "$tmp/cpack.log")"
deb=$(ls "$tmp"/out/factnet_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libigraph libcjson libgvc libcgraph libxml2 libsqlite3 libc6 \
           fonts-dejavu-core fonts-liberation; do
    case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/files"
for f in ./usr/bin/factnet ./usr/share/man/man1/factnet.1 \
         ./usr/share/man/man1/factnet-metrics.1 \
         ./usr/share/bash-completion/completions/factnet \
         ./usr/share/zsh/vendor-completions/_factnet \
         ./usr/share/fish/vendor_completions.d/factnet.fish \
         ./usr/share/factnet/data/japan_cyber.json \
         ./usr/share/doc/factnet/CLI.md; do
    grep -qx -e "$f" -e "$f.gz" "$tmp/files" || fail "the package lacks $f"
done
if grep -v '^\./usr/' "$tmp/files" | grep -qv '^\./$'; then
    fail "files outside /usr: $(grep -v '^\./usr/' "$tmp/files")"
fi
echo "check_deb: ok: Depends: $depends"

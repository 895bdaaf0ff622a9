#!/usr/bin/env bash
# check_install.sh BUILD SOURCE [sanitize] - `cmake --install BUILD --strip` into a
# temporary prefix, then, from an empty folder and with PATH holding only
# the prefix and the system: the installed factnet's --version, `check` and
# `build` on the installed sample corpus, `render` to PDF; the man pages,
# completions, docs and corpus are where GNUInstallDirs puts them; and no
# installed file names BUILD or SOURCE (relocatable). With "sanitize" (an
# AddressSanitizer build, which is never installed for use: ASan's metadata
# names each instrumented source file, and --strip keeps it) the binary is
# left out of that last check, and the script says so; every other check
# runs as in a normal build.
set -euo pipefail
build=$(cd "$1" && pwd -P)
src=$(cd "$2" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "check_install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" --strip >"$tmp/install.log" ||
    fail "cmake --install failed: $(cat "$tmp/install.log")"
for f in bin/factnet share/man/man1/factnet.1 \
         share/man/man1/factnet-metrics.1 \
         share/bash-completion/completions/factnet \
         share/zsh/vendor-completions/_factnet \
         share/fish/vendor_completions.d/factnet.fish \
         share/doc/factnet/README.md share/doc/factnet/CLI.md \
         share/factnet/data/japan_cyber.json share/factnet/data/README.md; do
    # man pages: gzipped when the build found gzip
    [ -e "$prefix/$f" ] || [ -e "$prefix/$f.gz" ] || fail "not installed: $f"
done
# One man page per command, and factnet(1).
n_cmds=$("$prefix/bin/factnet" --help | sed -n '/^commands:/,/^$/p' | grep -c '^  ')
n_pages=$(ls "$prefix/share/man/man1" | grep -c '^factnet-')
[ "$n_cmds" = "$n_pages" ] || fail "$n_cmds commands but $n_pages man pages"

# Nothing installed names the build or the source folder.
skip=()
if [ "${3:-}" = sanitize ]; then
    skip=(--exclude=factnet)
    echo "check_install: sanitizer build: bin/factnet not checked for source paths" >&2
fi
if grep -rlaF "${skip[@]}" -e "$build" -e "$src" "$prefix"; then
    fail "the files above name $build or $src"
fi
for f in "$prefix"/share/man/man1/*.gz; do
    [ -e "$f" ] || continue
    if gzip -dc "$f" | grep -qaF -e "$build" -e "$src"; then
        fail "$f names $build or $src"
    fi
done

# Run from an empty folder, with no way back to the trees.
mkdir "$tmp/work"
cd "$tmp/work"
export PATH="$prefix/bin:/usr/bin:/bin"
data=$prefix/share/factnet/data/japan_cyber.json
factnet --version | grep -q '^factnet ' || fail "--version"
factnet check "$data" >check.out 2>check.err || fail "check: $(cat check.err)"
factnet render "$data" -o japan.pdf 2>render.err || fail "render: $(cat render.err)"
head -c 5 japan.pdf | grep -q '%PDF-' || fail "render wrote no PDF"
factnet build "$data" >build.out 2>build.err || fail "build: $(cat build.err)"
[ -s graphs/japan_cyber.svg ] && [ -s graphs/japan_cyber.metrics.csv ] ||
    fail "build wrote no graphs/japan_cyber.svg or .metrics.csv"
echo "check_install: ok ($n_pages command pages)"

# bootstrap.sh - sourced by scripts/run and scripts/test: installs the Debian
# packages factnet needs when they are missing, then configures Graphviz's
# plugins. Only missing packages are installed; nothing is downloaded from
# anywhere but the system's apt sources.

# Build and run time (fonts-liberation: Liberation Sans, Arial's metrics,
# the font of figures laid out with --width).
FNET_PKGS="cmake make gcc pkg-config libigraph-dev libcjson-dev
libgraphviz-dev graphviz fonts-dejavu-core fonts-liberation libxml2-dev
libsqlite3-dev zlib1g-dev"
# Tests: independent reference implementations and format readers (cmark:
# the CommonMark reference implementation reads build's summary.md back,
# tests/hardening/test_md_path.py); Chromium and Node for the HTML report's
# browser test (tests/browser/, which also needs npm: fnet_npm); clang-format
# for scripts/format --check; groff, zsh and fish read the generated man
# pages and completions, and dpkg-dev's dpkg-shlibdeps gives the .deb its
# Depends (tests/install/; cpack's DEB generator also needs file);
# libbsd-dev's funopen tests the BSD/macOS output path on Linux
# (tests/CMakeLists.txt); poppler-utils' pdffonts and python3-pdfminer read
# the print figures back (tests/print/).
FNET_TEST_PKGS="python3 python3-networkx python3-igraph python3-numpy
python3-scipy clang libclang-rt-dev texlive-latex-base
texlive-latex-recommended chromium nodejs valgrind cmark clang-format
groff-base zsh fish dpkg-dev file libbsd-dev poppler-utils python3-pdfminer"
# Benchmarks (scripts/bench): GNU time measures wall time and peak RSS; the
# peers are python-igraph and NetworkX scripts.
FNET_BENCH_PKGS="time python3 python3-networkx python3-igraph python3-numpy
python3-scipy"

fnet_missing() {
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
            grep -q '^install ok installed$' || printf '%s ' "$p"
    done
}

fnet_bootstrap() { # fnet_bootstrap PACKAGES...
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "factnet: not a Debian system; install these packages by hand: $*" >&2
        return 0
    fi
    missing=$(fnet_missing "$@")
    if [ -n "$missing" ]; then
        echo "factnet: installing missing packages: $missing" >&2
        if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
            echo "factnet: cannot install packages (not root, no sudo); please install: $missing" >&2
            return 1
        fi
        # shellcheck disable=SC2086
        if ! { $sudo apt-get update -qq &&
               DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing; } >&2; then
            echo "factnet: apt-get could not install: $missing" >&2
            return 1
        fi
    fi
    # Graphviz finds its renderers (SVG, PDF, PNG) through a plugin registry
    # that `dot -c` writes; a fresh install may not have it yet.
    if command -v dot >/dev/null 2>&1 &&
       ! echo 'digraph{a}' | dot -Tpdf >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then dot -c; else sudo dot -c 2>/dev/null || true; fi
    fi
    return 0
}

# npm comes with some builds of the nodejs package and is a package of its
# own in Debian's: install it only when the command is missing.
fnet_npm() {
    command -v npm >/dev/null 2>&1 || fnet_bootstrap npm
}

fnet_build() { # fnet_build DIR [CMAKE ARGS...]
    dir=$1; shift
    cmake -S "$FNET_ROOT" -B "$dir" "$@" >/dev/null &&
        cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)"
}

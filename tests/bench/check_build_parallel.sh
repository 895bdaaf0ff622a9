#!/bin/sh
# check_build_parallel.sh FACTNET DATA_DIR - `factnet build` gives the
# same files, stdout, stderr and exit status whether its print figure is
# laid out in a child process (the default) or one after the other in one
# process (FACTNET_PARALLEL=serial): a figure that fits, a --width at which
# it does not (the warning before the notes), --preflight (the child's
# report on stdout), and two corpora in one run. (The bundled corpus:
# Graphviz routes a few edges of some other figures differently from run
# to run, tests/print/quad_aukus.json's at 183mm among them.)
set -u
factnet=$1
data=$2
tmp=${TMPDIR:-/tmp}/check_build_parallel.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp "$data/japan_cyber.json" "$tmp/second.json" || exit 1

# Runs build with FACTNET_PARALLEL=$1 into $tmp/$2/ and the other arguments.
run() {
    mode=$1 name=$2
    shift 2
    mkdir -p "$tmp/$name/out"
    (cd "$tmp/$name" && FACTNET_PARALLEL=$mode "$factnet" build "$@" -o out \
        >stdout 2>stderr; echo $? >status)
}

n=0
for args in "$data/japan_cyber.json" \
            "$data/japan_cyber.json --width 3.5in" \
            "$data/japan_cyber.json --preflight --width 183mm" \
            "$data/japan_cyber.json $tmp/second.json"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the arguments are split on purpose
    run serial "s$n" $args
    # shellcheck disable=SC2086
    run auto "a$n" $args
    diff -r "$tmp/s$n" "$tmp/a$n" >"$tmp/diff" ||
        fail "build $args: the child changes the output: $(head -20 "$tmp/diff")"
    [ -s "$tmp/a$n/out/japan_cyber.svg" ] || fail "build $args wrote no SVG"
done
grep -q "warning: out/japan_cyber.print.pdf not written" "$tmp/a2/stderr" ||
    fail "--width 3.5in: no warning: $(cat "$tmp/a2/stderr")"
[ "$(sed -n 1p "$tmp/a2/stderr" | cut -c1-17)" = "factnet: warning:" ] ||
    fail "--width 3.5in: the warning is not the first message"
grep -q "^preflight: out/japan_cyber.print.pdf" "$tmp/a3/stdout" ||
    fail "--preflight: no report: $(cat "$tmp/a3/stdout")"
[ "$(sed -n 1p "$tmp/a3/stdout" | cut -c1-10)" = "preflight:" ] ||
    fail "--preflight: the report is not first on stdout"
[ -s "$tmp/a4/out/second.print.pdf" ] || fail "two corpora: no second print figure"
# A mistyped value is a usage error before anything is written, as for
# metrics (it used to be ignored: build forked anyway).
run bogus b0 "$data/japan_cyber.json"
[ "$(cat "$tmp/b0/status")" = 2 ] || fail "FACTNET_PARALLEL=bogus: status not 2"
grep -q "FACTNET_PARALLEL: expected auto, always or serial, got 'bogus'" \
    "$tmp/b0/stderr" || fail "FACTNET_PARALLEL=bogus: $(cat "$tmp/b0/stderr")"
[ -z "$(ls "$tmp/b0/out")" ] || fail "FACTNET_PARALLEL=bogus: files written"
echo "ok: $n builds identical with and without the child"

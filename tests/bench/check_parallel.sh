#!/bin/sh
# check_parallel.sh GEN_FACTS FACTNET DATA_DIR - `factnet metrics` gives the
# same bytes whether the second core is used or not. FACTNET_PARALLEL
# (docs/PERFORMANCE.md) lowers the size thresholds to zero: "always" runs
# communities in a child process and splits exact betweenness, closeness
# and harmonic over two processes on every graph, "serial" computes exactly
# that in one process and one thread. The default ("auto") does neither on
# these small graphs; only betweenness, summed over the two halves, may
# differ from its one-pass value, in the last bits.
set -u
gen=$1
factnet=$2
data=$3
tmp=${TMPDIR:-/tmp}/check_parallel.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$gen" 3000 > "$tmp/gen.jsonl" || fail "gen_facts exited $?"
cat > "$tmp/two.jsonl" <<'EOF'
{"kind":"entity","id":"A","type":"actor"}
{"kind":"entity","id":"B","type":"actor"}
{"kind":"entity","id":"C","type":"actor"}
{"kind":"entity","id":"D","type":"actor"}
{"kind":"fact","subject":"A","relation":"cooperates_with","object":"B","source":"S","evidence":"e"}
{"kind":"fact","subject":"C","relation":"cooperates_with","object":"D","source":"S","evidence":"e"}
{"kind":"source","id":"S"}
EOF

# Runs metrics with FACTNET_PARALLEL=$1 and the other arguments; NAME.out,
# NAME.err and NAME.rc in $tmp, NAME being the mode.
run() {
    mode=$1
    shift
    FACTNET_PARALLEL=$mode "$factnet" metrics "$@" > "$tmp/$mode.out" \
        2> "$tmp/$mode.err"
    echo $? > "$tmp/$mode.rc"
}

same() {
    for x in out err rc; do
        cmp -s "$tmp/$1.$x" "$tmp/$2.$x" ||
            { diff "$tmp/$1.$x" "$tmp/$2.$x" | head -5; return 1; }
    done
}

nobtw=id,degree,strength,closeness,harmonic,eigenvector,pagerank,coreness,clustering,community
n=0
for f in "$tmp/gen.jsonl" "$data/japan_cyber.json"; do
    for args in "--exact" "--exact --weighted" "--exact --directed" \
                "--level graph" "--runs 3 --columns id,community,stability" \
                "--exact --format json"; do
        # shellcheck disable=SC2086
        run always $args "$f"
        # shellcheck disable=SC2086
        run serial $args "$f"
        same always serial || fail "$f $args: always and serial differ"
        [ "$(cat "$tmp/always.rc")" = 0 ] || fail "$f $args: status"
        n=$((n + 1))
    done
    # Without betweenness the default gives the same bytes too.
    for args in "--exact --columns $nobtw" "--exact --directed --columns $nobtw" \
                "--level graph"; do
        # shellcheck disable=SC2086
        run always $args "$f"
        # shellcheck disable=SC2086
        run auto $args "$f"
        same always auto || fail "$f $args: always and auto differ"
        n=$((n + 1))
    done
    # Betweenness: the two halves' sums agree with the one-pass sum.
    run always --exact --columns id,betweenness "$f"
    run auto --exact --columns id,betweenness "$f"
    paste -d, "$tmp/always.out" "$tmp/auto.out" | awk -F, '
        NR > 1 { d = $2 - $4; if (d < 0) d = -d
                 if ($1 != $3 || d > 1e-12) { print "row " NR ": " $0; bad = 1 } }
        END { exit bad }' || fail "$f: betweenness halves disagree"
done

# Errors of the child process come back as they are: spinglass on a graph
# of two components is a usage error.
run always --algorithm spinglass "$tmp/two.jsonl"
run serial --algorithm spinglass "$tmp/two.jsonl"
same always serial || fail "spinglass error: always and serial differ"
[ "$(cat "$tmp/always.rc")" = 2 ] || fail "spinglass error: status not 2"

run bogus "$tmp/two.jsonl"
[ "$(cat "$tmp/bogus.rc")" = 2 ] || fail "FACTNET_PARALLEL=bogus: status not 2"
grep -q "FACTNET_PARALLEL: expected auto, always or serial" "$tmp/bogus.err" ||
    fail "FACTNET_PARALLEL=bogus: no message"
echo "parallel: $n cases identical with and without the second core"

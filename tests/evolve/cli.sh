#!/bin/sh
# `factnet evolve` and `factnet balance`: options, errors and exit codes.
# usage: cli.sh FACTNET   (run from the repository root)
set -u
bin=$1
f=tests/evolve/fourperiods.json
t=tests/evolve/triangles.json
[ -f "$f" ] && [ -f "$t" ] || { echo "skip: fixtures missing"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

# expect STATUS PATTERN ARGS...: exit status STATUS and PATTERN (grep -E) in
# stdout+stderr.
expect() {
    want=$1 pat=$2; shift 2
    "$bin" "$@" >"$tmp/out" 2>&1
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: factnet $*: exit $got, want $want"; cat "$tmp/out"; fail=1
    elif ! grep -Eq -- "$pat" "$tmp/out"; then
        echo "FAIL: factnet $*: no /$pat/ in:"; cat "$tmp/out"; fail=1
    fi
}

expect 0 'usage: factnet evolve' evolve --help
expect 0 'persistent' evolve --help
expect 0 'usage: factnet balance' balance --help
expect 0 'Unbalanced: \+\+- and ---' balance --help
expect 2 'no input files' evolve
expect 2 'no input files' balance
expect 2 '--by: expected year or month' evolve "$f" --by decade
expect 2 '--every: expected N-years or N-months' evolve "$f" --every 5-decades
expect 2 '--every: expected N-years or N-months' evolve "$f" --every 0-years
expect 2 '--by and --every contradict' evolve "$f" --by year --every 2-years
expect 2 '--cumulative and --window contradict' evolve "$f" --cumulative --window 2
expect 2 '--rank-by: expected a node metric other than community' evolve "$f" --rank-by community
expect 2 '--table: expected nodes, graph, ranks, communities or pivot' evolve "$f" --table edges
expect 2 "--columns: unknown metric 'pagrank'" evolve "$f" --columns degree,pagrank
expect 2 '--metric applies to --table pivot only' evolve "$f" --metric degree
expect 2 '--pivot-by applies to --table pivot only' evolve "$f" --table nodes --pivot-by last
expect 2 "--pivot-by: expected last or overall, got 'lst' \\(did you mean 'last'\\?\\)" evolve "$f" --table pivot --pivot-by lst
expect 2 '--metric: expected a node metric other than community' evolve "$f" --table pivot --metric community
expect 2 '--undated: expected drop or keep' evolve "$f" --undated maybe
expect 2 '--dated-only and --undated keep contradict' evolve "$f" --dated-only --undated keep
expect 2 '--output and --output-dir contradict' evolve "$f" -o "$tmp/x" --output-dir "$tmp/d"
expect 2 '--table and --output-dir contradict' evolve "$f" --table graph --output-dir "$tmp/d"
expect 2 '--match-threshold' evolve "$f" --match-threshold 1.5
expect 2 '--layout: expected long or wide' evolve "$f" --layout tall
expect 2 'has no resolution' evolve "$f" --algorithm walktrap --resolution 2
expect 2 "unknown relation 'frobnicates'" evolve "$f" --relations frobnicates
expect 2 'periods \(more than 2000\)' evolve "$f" --by month --from 1800 --to 2004
expect 3 'nonexistent' evolve tests/nonexistent.json
expect 3 'nonexistent' balance tests/nonexistent.json
expect 2 '--unweighted does not apply to balance' balance "$t" --unweighted
expect 2 '--table applies to csv, tsv and latex' balance "$t" --table summary
expect 2 '--table: expected summary or triangles' balance "$t" -f csv --table all
expect 2 'expected md, csv, tsv, latex or json' balance "$t" --format xls

# Every snapshot of this corpus has two components: spinglass refuses,
# naming the period.
expect 2 'period 2001: spinglass needs a connected graph' evolve "$f" --algorithm spinglass

# A corpus without dates has no periods.
cat >"$tmp/undated.json" <<'JSON'
{"factnet": 1, "sources": [{"id": "s"}],
 "entities": [{"id": "A", "type": "actor"}, {"id": "B", "type": "actor"}],
 "facts": [{"subject": "A", "relation": "cooperates_with", "object": "B", "source": "s", "evidence": "e"}]}
JSON
expect 2 'no fact is dated: give the range with --from and --to' evolve "$tmp/undated.json"
# ... unless given a range and --undated keep: one period, A and B in it.
expect 0 '^2020,A,A,actor,degree,1$' evolve "$tmp/undated.json" --from 2020 --to 2020 --undated keep -f csv
# Balance of a graph without triangles: ratio undefined (empty), none listed.
expect 0 '^\| Balance ratio \|  \|$' balance "$tmp/undated.json"
expect 0 '^None\.$' balance "$tmp/undated.json"

exit $fail

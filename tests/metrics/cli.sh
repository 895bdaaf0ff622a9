#!/bin/sh
# `factnet metrics` options and errors: exit codes, messages, column
# selection, sorting, --top, -o.
# usage: cli.sh FACTNET   (run from the repository root)
set -u
bin=$1
k=tests/reference/networks/karate.json
d=tests/reference/networks/davis.json
[ -f "$k" ] && [ -f "$d" ] || { echo "skip: reference networks missing"; exit 77; }
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

expect 0 'usage: factnet metrics' metrics --help
expect 0 'undirected weighted graph' metrics --help
expect 2 'no input files' metrics
expect 2 "unknown relation 'frobnicates'" metrics "$k" --relations frobnicates
expect 2 "unknown entity type 'evnt'" metrics "$d" --types actor,evnt
expect 2 "--view: expected full or actors" metrics "$k" --view bogus
expect 2 "--via applies only to --view actors" metrics "$d" --via event
expect 2 "--weight applies only to --view actors" metrics "$d" --weight newman
expect 2 "--weight: expected count, newman or jaccard" metrics "$d" --view actors --weight cosine
expect 2 "contradict" metrics "$k" --weighted --unweighted
expect 2 "contradict" metrics "$k" --exact --samples 3
expect 2 "unknown column 'pagrank'" metrics "$k" --columns id,pagrank
expect 2 "unknown column 'foo'" metrics "$k" --sort foo
expect 2 "given twice" metrics "$k" --columns id,id
expect 2 "has no resolution" metrics "$k" --algorithm walktrap --resolution 2
expect 2 "unknown algorithm" metrics "$k" --algorithm kmeans
expect 2 "--from: '2013-13'" metrics "$k" --from 2013-13
expect 2 "--from is after --to" metrics "$k" --from 2015 --to 2014
expect 2 "expected csv, tsv, md, latex or json" metrics "$k" --format xls
expect 2 "stability needs --runs" metrics "$k" --columns id,stability
expect 2 "applies to --level node only" metrics "$k" --level graph --top 3
expect 3 'nonexistent' metrics tests/nonexistent.json

# Two components of two or more nodes: spinglass refuses with a clear error.
cat >"$tmp/two.json" <<'JSON'
{"factnet": 1, "sources": [{"id": "s"}],
 "entities": [{"id": "A", "type": "actor"}, {"id": "B", "type": "actor"},
              {"id": "C", "type": "actor"}, {"id": "D", "type": "actor"}],
 "facts": [{"subject": "A", "relation": "cooperates_with", "object": "B", "source": "s", "evidence": "e"},
           {"subject": "C", "relation": "cooperates_with", "object": "D", "source": "s", "evidence": "e"}]}
JSON
expect 2 "spinglass needs a connected graph" metrics "$tmp/two.json" --algorithm spinglass
expect 0 '^A,1$' metrics "$tmp/two.json" --columns id,community --sort id

# Columns, order, sort, top.
"$bin" metrics "$k" --columns pagerank,id --top 3 >"$tmp/out" 2>/dev/null
printf 'pagerank,id\n' >"$tmp/want"
head -1 "$tmp/out" | cmp -s - "$tmp/want" || { echo "FAIL: --columns header: $(head -1 "$tmp/out")"; fail=1; }
[ "$(wc -l <"$tmp/out")" = 4 ] || { echo "FAIL: --top 3 gave $(wc -l <"$tmp/out") lines"; fail=1; }
# karate's highest PageRank is K34 (member 34), then K01
[ "$(sed -n 2p "$tmp/out" | cut -d, -f2)" = K34 ] || { echo "FAIL: top pagerank row: $(sed -n 2p "$tmp/out")"; fail=1; }
[ "$(sed -n 3p "$tmp/out" | cut -d, -f2)" = K01 ] || { echo "FAIL: second pagerank row"; fail=1; }
"$bin" metrics "$k" --columns id --sort id --top 2 >"$tmp/out" 2>/dev/null
printf 'id\nK01\nK02\n' | cmp -s - "$tmp/out" || { echo "FAIL: --sort id"; cat "$tmp/out"; fail=1; }
# degree descending, ties by id: K34 (17), K01 (16), K33 (12)
"$bin" metrics "$k" --columns id,degree --sort degree --top 3 >"$tmp/out" 2>/dev/null
printf 'id,degree\nK34,17\nK01,16\nK33,12\n' | cmp -s - "$tmp/out" || { echo "FAIL: --sort degree"; cat "$tmp/out"; fail=1; }

# -o writes the file (and only the file).
"$bin" metrics "$k" --level graph -o "$tmp/g.csv" >"$tmp/stdout" 2>/dev/null || { echo "FAIL: -o"; fail=1; }
[ -s "$tmp/stdout" ] && { echo "FAIL: -o also wrote stdout"; fail=1; }
grep -q '^nodes,34$' "$tmp/g.csv" || { echo "FAIL: -o content"; fail=1; }

# Sampling is announced on stderr, never inside the CSV.
"$bin" metrics "$k" --samples 5 >"$tmp/out" 2>"$tmp/err"
grep -q 'estimated from 5 sampled sources' "$tmp/err" || { echo "FAIL: sampling not announced"; fail=1; }
grep -q 'sampled' "$tmp/out" && { echo "FAIL: sampling note inside csv"; fail=1; }
"$bin" metrics "$k" --samples 5 --format md 2>/dev/null | grep -q 'estimated from 5 sampled sources' || { echo "FAIL: md note"; fail=1; }
"$bin" metrics "$k" --samples 5 --format json 2>/dev/null | grep -q '"sampled_sources":5' || { echo "FAIL: json field"; fail=1; }
"$bin" metrics "$k" --format json 2>/dev/null | grep -q 'sampled' && { echo "FAIL: json sampled field without sampling"; fail=1; }

# --runs: graph level reports the spread.
"$bin" metrics "$k" --level graph --runs 4 --algorithm louvain >"$tmp/out" 2>/dev/null
for m in modularity_mean modularity_sd modularity_min modularity_max; do
    grep -q "^$m," "$tmp/out" || { echo "FAIL: no $m"; fail=1; }
done

[ $fail = 0 ] && echo "ok"
exit $fail

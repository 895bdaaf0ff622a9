#!/bin/sh
# `factnet export`: options and their errors, format from the file name,
# standard output, byte-identical reruns, sets of files replaced together
# or not at all, --no-metrics / --columns, and characters XML cannot carry.
# usage: cli.sh FACTNET PYTHON   (run from the repository root)
set -u
bin=$1 py=$2
j=data/japan_cyber.json
h=tests/export/hostile.json
[ -f "$j" ] && [ -f "$h" ] || { echo "skip: test corpora missing"; exit 77; }
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
        echo "FAIL: factnet $*: exit $got, want $want"; head -c 2000 "$tmp/out"; fail=1
    elif ! grep -Eq -- "$pat" "$tmp/out"; then
        echo "FAIL: factnet $*: no /$pat/ in:"; head -c 2000 "$tmp/out"; fail=1
    fi
}

check() { # check DESCRIPTION COMMAND...: the command must succeed
    d=$1; shift
    "$@" || { echo "FAIL: $d"; fail=1; }
}

# ---- usage errors and exit statuses -----------------------------------------
expect 0 'usage: factnet export' export --help
expect 0 'neo4j-admin database import' export --help
expect 0 'input options' export -h
expect 2 'no input files' export -f graphml
expect 2 '--format is required' export "$j"
expect 2 "cannot tell the format from '$tmp/x.txt'" export -o "$tmp/x.txt" "$j"
expect 2 "expected graphml, gexf, gml, pajek, csv, json or neo4j, got 'xls'" export -f xls "$j"
expect 2 'give -o PREFIX' export -f csv "$j"
expect 2 'give -o DIR' export -f neo4j -o - "$j"
expect 2 '--dynamic applies to --format gexf only' export -f graphml --dynamic "$j"
expect 2 'contradict' export -f gml --no-metrics --columns degree "$j"
expect 2 'contradict' export -f gml --exact --samples 3 "$j"
expect 2 "unknown column 'pagrank'" export -f gml --columns id,pagrank "$j"
expect 2 "'degree' given twice" export -f gml --columns degree,degree "$j"
expect 2 'stability needs --runs' export -f gml --columns stability "$j"
expect 2 'has no resolution' export -f gml --algorithm walktrap --resolution 2 "$j"
expect 2 "unknown relation 'frobnicates'" export -f gml --relations frobnicates "$j"
expect 2 'unknown input format "xml"' export -f gml --input-format xml "$j"
expect 3 'nonexistent' export -f gml tests/nonexistent.json
expect 1 'error' export -f gml tests/golden/bad/unknown_entity/unknown_entity.json
mkdir "$tmp/adir"
expect 3 'Is a directory' export -f graphml -o "$tmp/adir" "$j"
: >"$tmp/afile"
expect 3 'not a directory' export -f neo4j -o "$tmp/afile" "$j"

# ---- format from the name, standard output ----------------------------------
check "-o x.gexf writes GEXF" "$bin" export -o "$tmp/x.gexf" "$j"
grep -q 'xmlns="http://www.gexf.net/1.2draft"' "$tmp/x.gexf" || { echo "FAIL: x.gexf is not GEXF 1.2"; fail=1; }
"$bin" export -f graphml "$j" >"$tmp/stdout.graphml" 2>/dev/null || { echo "FAIL: graphml to stdout"; fail=1; }
"$bin" export -f graphml -o "$tmp/file.graphml" "$j" >"$tmp/empty" 2>/dev/null
cmp -s "$tmp/stdout.graphml" "$tmp/file.graphml" || { echo "FAIL: stdout and -o differ"; fail=1; }
[ -s "$tmp/empty" ] && { echo "FAIL: -o also wrote stdout"; fail=1; }
"$bin" export -f gml -o - "$j" | head -1 | grep -qx 'graph \[' || { echo "FAIL: -o - writes stdout"; fail=1; }
"$bin" export -f pajek "$j" >"$tmp/stdout.net" 2>/dev/null
ls "$tmp"/*.clu >/dev/null 2>&1 && { echo "FAIL: pajek to stdout wrote a .clu"; fail=1; }
"$bin" export -f pajek -o "$tmp/nonet" "$j" 2>/dev/null
[ -f "$tmp/nonet.clu" ] || { echo "FAIL: -o NAME without .net: no NAME.clu"; fail=1; }

# ---- the same input gives the same bytes ------------------------------------
for run in 1 2; do
    mkdir "$tmp/r$run"
    for f in graphml gexf gml json; do
        "$bin" export -f $f -o "$tmp/r$run/x.$f" "$j" 2>/dev/null
    done
    "$bin" export -f gexf --dynamic -o "$tmp/r$run/d.gexf" "$j" 2>/dev/null
    "$bin" export -f pajek -o "$tmp/r$run/x.net" "$j" 2>/dev/null
    "$bin" export -f csv -o "$tmp/r$run/x" "$j" 2>/dev/null
    "$bin" export -f neo4j -o "$tmp/r$run/neo" "$j" 2>/dev/null
done
[ "$(ls "$tmp/r1" | wc -l)" = 10 ] || { echo "FAIL: expected 10 outputs, got: $(ls "$tmp/r1")"; fail=1; }
diff -r "$tmp/r1" "$tmp/r2" >/dev/null || { echo "FAIL: two runs differ"; fail=1; }

# ---- sets of files: all replaced or none --------------------------------------
# The second file of each set is a link to /dev/full, which fails on write:
# the first file must keep its old content and no temporary file may stay.
echo old >"$tmp/set.nodes.csv"
ln -s /dev/full "$tmp/set.edges.csv"
expect 3 'set.edges.csv: write error' export -f csv -o "$tmp/set" "$j"
[ "$(cat "$tmp/set.nodes.csv")" = old ] || { echo "FAIL: csv: nodes replaced although edges failed"; fail=1; }
echo old >"$tmp/set.net"
ln -s /dev/full "$tmp/set.clu"
expect 3 'set.clu: write error' export -f pajek -o "$tmp/set.net" "$j"
[ "$(cat "$tmp/set.net")" = old ] || { echo "FAIL: pajek: .net replaced although .clu failed"; fail=1; }
mkdir "$tmp/neo"
echo old >"$tmp/neo/nodes.csv"
ln -s /dev/full "$tmp/neo/relationships.csv"
expect 3 'relationships.csv: write error' export -f neo4j -o "$tmp/neo" "$j"
[ "$(cat "$tmp/neo/nodes.csv")" = old ] || { echo "FAIL: neo4j: nodes replaced although relationships failed"; fail=1; }
leftover=$(find "$tmp" -name '.*.??????' | head -3)
[ -z "$leftover" ] || { echo "FAIL: temporary files left: $leftover"; fail=1; }
# And a set that succeeds replaces both.
rm "$tmp/set.edges.csv"
check "csv set" "$bin" export -f csv -o "$tmp/set" "$j"
head -1 "$tmp/set.nodes.csv" | grep -q '^id,label,type,' || { echo "FAIL: csv set not written"; fail=1; }
head -1 "$tmp/set.edges.csv" | grep -q '^source,target,weight,' || { echo "FAIL: csv edges not written"; fail=1; }

# ---- which metrics ----------------------------------------------------------
"$bin" export -f graphml --no-metrics -o "$tmp/nm.graphml" "$j" 2>/dev/null
grep -q 'attr.name="pagerank"' "$tmp/nm.graphml" && { echo "FAIL: --no-metrics wrote pagerank"; fail=1; }
grep -q 'attr.name="weight"' "$tmp/nm.graphml" || { echo "FAIL: --no-metrics lost the edge weight"; fail=1; }
"$bin" export -f pajek --no-metrics -o "$tmp/nm.net" "$j" 2>/dev/null
[ -e "$tmp/nm.clu" ] && { echo "FAIL: --no-metrics wrote a .clu"; fail=1; }
"$bin" export -f csv --columns id,pagerank,community -o "$tmp/cols" "$j" 2>/dev/null
head -1 "$tmp/cols.nodes.csv" | grep -Eq ',pagerank,community$' || { echo "FAIL: --columns: $(head -1 "$tmp/cols.nodes.csv")"; fail=1; }
head -1 "$tmp/cols.nodes.csv" | grep -q 'degree' && { echo "FAIL: --columns kept degree"; fail=1; }
"$bin" export -f csv --runs 3 -o "$tmp/runs" "$j" 2>"$tmp/err"
head -1 "$tmp/runs.nodes.csv" | grep -q ',community,stability$' || { echo "FAIL: --runs 3: no stability column"; fail=1; }
grep -q 'communities: 3 runs' "$tmp/err" || { echo "FAIL: --runs 3: no note"; fail=1; }

# ---- characters XML cannot carry ----------------------------------------------
c=tests/export/control.json
"$bin" export -f graphml -o "$tmp/c.graphml" "$c" 2>"$tmp/err" || { echo "FAIL: control.json graphml"; fail=1; }
grep -q 'warning: 5 characters that XML cannot carry' "$tmp/err" || { echo "FAIL: no U+FFFD warning: $(cat "$tmp/err")"; fail=1; }
"$bin" export -f gexf -o "$tmp/c.gexf" "$c" 2>/dev/null
"$bin" export -f json -o "$tmp/c.json" "$c" 2>/dev/null
"$bin" export -f gml -o "$tmp/c.gml" "$c" 2>/dev/null
"$py" - "$tmp" <<'PY' || fail=1
import json, sys
import networkx as nx
t = sys.argv[1]
bad = 0
label = 'bell \x07 and esc \x1b'
for name, G in (('graphml', nx.read_graphml(t + '/c.graphml')),
                ('gexf', nx.read_gexf(t + '/c.gexf'))):
    want = {'c\ufffd': 'bell \ufffd and esc \ufffd', 'd': 'fine'}
    got = {n: d['label'] for n, d in G.nodes(data=True)}
    if got != want:
        print('FAIL: %s: %r' % (name, got)); bad = 1
    ev = [d['evidence'] for _, _, d in G.edges(data=True)]
    if ev != ['a \ufffd quote']:
        print('FAIL: %s evidence %r' % (name, ev)); bad = 1
# JSON and GML carry every character.
G = nx.node_link_graph(json.load(open(t + '/c.json')))
if G.nodes['c\x01']['label'] != label:
    print('FAIL: json lost a control character'); bad = 1
G = nx.read_gml(t + '/c.gml', label='name')
if G.nodes['c\x01']['label'] != label:
    print('FAIL: gml lost a control character'); bad = 1
sys.exit(bad)
PY

exit $fail

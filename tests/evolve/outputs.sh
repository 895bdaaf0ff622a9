#!/bin/sh
# `factnet evolve` and `factnet balance` outputs on hand-made fixtures. The
# expected lines are worked out by hand (see tests/unit/test_evolve.c and
# test_balance.c for the reasoning):
#   fourperiods.json  2001: triangles ABC, DEF; 2002: K4 ABCG, triangle DEF,
#                     edge HI; 2003: K7 A..G; 2004: triangle ABC, K4 DEFG,
#                     edge JK; X-Y undated.
#   triangles.json    ABC +++, DEF ++- (D-F opposes, 2013), GHI +--,
#                     JKL ---.
# usage: outputs.sh FACTNET   (run from the repository root)
set -u
bin=$1
f=tests/evolve/fourperiods.json
t=tests/evolve/triangles.json
j=data/japan_cyber.json
[ -f "$f" ] && [ -f "$t" ] && [ -f "$j" ] || { echo "skip: fixtures missing"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

# has FILE LINE: FILE holds LINE exactly.
has() {
    if ! grep -Fqx -- "$2" "$1"; then
        echo "FAIL: no line '$2' in $1:"; cat "$1"; fail=1
    fi
}
run() {
    out=$1; shift
    "$bin" "$@" >"$out" 2>"$out.err" || { echo "FAIL: factnet $*: exit $?"; cat "$out.err"; fail=1; }
}

# ---- evolve: node table (long), degree and persistent community --------
run "$tmp/nodes.csv" evolve "$f" -f csv
has "$tmp/nodes.csv" 'period,id,label,type,metric,value'
has "$tmp/nodes.csv" '2001,A,Actor A,actor,degree,2'
has "$tmp/nodes.csv" '2002,G,Actor G,actor,degree,3'
has "$tmp/nodes.csv" '2002,D,Actor D,actor,degree,2'
has "$tmp/nodes.csv" '2002,H,Actor H,actor,community,3'
has "$tmp/nodes.csv" '2003,D,Actor D,actor,degree,6'
has "$tmp/nodes.csv" '2003,D,Actor D,actor,community,1'
has "$tmp/nodes.csv" '2003,B,Actor B,actor,betweenness,0'
has "$tmp/nodes.csv" '2004,A,Actor A,actor,community,4'
has "$tmp/nodes.csv" '2004,G,Actor G,actor,community,1'
has "$tmp/nodes.csv" '2004,K,Actor K,actor,community,5'
grep -q '^[0-9]*,X,' "$tmp/nodes.csv" && { echo "FAIL: undated X in a snapshot"; fail=1; }
grep -q '1 undated fact left out of every snapshot' "$tmp/nodes.csv.err" ||
    { echo "FAIL: no note about the undated fact"; cat "$tmp/nodes.csv.err"; fail=1; }
# 4 metrics x (6 + 9 + 7 + 9) nodes + header
[ "$(wc -l <"$tmp/nodes.csv")" -eq 125 ] || { echo "FAIL: nodes.csv has $(wc -l <"$tmp/nodes.csv") lines, want 125"; fail=1; }

# wide layout
run "$tmp/wide.csv" evolve "$f" -f csv --layout wide --columns degree,community
has "$tmp/wide.csv" 'period,id,label,type,degree,community'
has "$tmp/wide.csv" '2004,D,Actor D,actor,3,1'

# --undated keep: X-Y in every period
run "$tmp/keep.csv" evolve "$f" -f csv --undated keep --columns degree
has "$tmp/keep.csv" '2001,X,Actor X,actor,degree,1'
has "$tmp/keep.csv" '2004,Y,Actor Y,actor,degree,1'

# ---- communities over time ------------------------------------------------
run "$tmp/comm.csv" evolve "$f" -f csv --table communities
has "$tmp/comm.csv" 'period,community,event,compared_with,links,size,members'
has "$tmp/comm.csv" '2001,1,born,,,3,Actor A; Actor B; Actor C'
has "$tmp/comm.csv" '2001,2,born,,,3,Actor D; Actor E; Actor F'
has "$tmp/comm.csv" '2002,1,continued,2001,1 (J=0.750),4,Actor A; Actor B; Actor C; Actor G'
has "$tmp/comm.csv" '2002,2,continued,2001,2 (J=1.000),3,Actor D; Actor E; Actor F'
has "$tmp/comm.csv" '2002,3,born,2001,,2,Actor H; Actor I'
has "$tmp/comm.csv" '2003,1,merged,2002,1 (J=0.571); 2 (J=0.429),7,Actor A; Actor B; Actor C; Actor D; Actor E; Actor F; Actor G'
has "$tmp/comm.csv" '2003,3,died,2002,,2,Actor H; Actor I'
has "$tmp/comm.csv" '2004,1,split,2003,1 (J=0.571),4,Actor D; Actor E; Actor F; Actor G'
has "$tmp/comm.csv" '2004,4,split,2003,1 (J=0.429),3,Actor A; Actor B; Actor C'
has "$tmp/comm.csv" '2004,5,born,2003,,2,Actor J; Actor K'
[ "$(wc -l <"$tmp/comm.csv")" -eq 11 ] || { echo "FAIL: comm.csv: $(wc -l <"$tmp/comm.csv") lines, want 11"; fail=1; }

# ---- rank changes by degree ------------------------------------------------
run "$tmp/ranks.csv" evolve "$f" -f csv --table ranks --rank-by degree
has "$tmp/ranks.csv" 'from,to,id,label,type,metric,rank_from,rank_to,change,value_from,value_to,status'
has "$tmp/ranks.csv" '2001,2002,D,Actor D,actor,degree,1,5,-4,2,2,fell'
has "$tmp/ranks.csv" '2001,2002,A,Actor A,actor,degree,1,1,0,2,3,same'
has "$tmp/ranks.csv" '2001,2002,G,Actor G,actor,degree,,1,,,3,entered'
has "$tmp/ranks.csv" '2002,2003,D,Actor D,actor,degree,5,1,4,2,6,rose'
has "$tmp/ranks.csv" '2002,2003,H,Actor H,actor,degree,8,,,1,,left'
has "$tmp/ranks.csv" '2003,2004,A,Actor A,actor,degree,1,5,-4,6,2,fell'
has "$tmp/ranks.csv" '2003,2004,J,Actor J,actor,degree,,8,,,1,entered'

# ---- graph metrics per period ----------------------------------------------
run "$tmp/graph.csv" evolve "$f" -f csv --table graph
grep -q '^2001,2001,2001,6,6,6,0.4,2,3,1,1,1,1,' "$tmp/graph.csv" || { echo "FAIL: graph 2001"; cat "$tmp/graph.csv"; fail=1; }
grep -q '^2003,2003,2003,21,7,21,1,1,7,1,1,1,1,' "$tmp/graph.csv" || { echo "FAIL: graph 2003"; cat "$tmp/graph.csv"; fail=1; }
grep -q '^2003,.*,1,0$' "$tmp/graph.csv" || { echo "FAIL: 2003: 1 community, modularity 0"; fail=1; }
run "$tmp/cum.csv" evolve "$f" -f csv --table graph --cumulative
grep -q '^2004,2001,2004,47,11,23,' "$tmp/cum.csv" || { echo "FAIL: cumulative 2004"; cat "$tmp/cum.csv"; fail=1; }
run "$tmp/win.csv" evolve "$f" -f csv --table graph --window 2
grep -q '^2004,2003,2004,31,9,22,' "$tmp/win.csv" || { echo "FAIL: window 2004"; cat "$tmp/win.csv"; fail=1; }
run "$tmp/every.csv" evolve "$f" -f csv --table graph --every 2-years
grep -q '^2001-2002,2001,2002,16,9,10,' "$tmp/every.csv" || { echo "FAIL: every 2-years"; cat "$tmp/every.csv"; fail=1; }

# ---- formats: md sections, json object, latex floats, --output-dir ------
run "$tmp/all.md" evolve "$f"
for s in '## Node metrics' '## Graph metrics per period' '## Rank changes (by pagerank)' '## Communities over time'; do
    has "$tmp/all.md" "$s"
done
run "$tmp/all.json" evolve "$f" -f json
/usr/bin/python3 - "$tmp/all.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(d) == ["communities", "graph", "nodes", "ranks"], sorted(d)
assert {"period": "2003", "id": "A", "label": "Actor A", "type": "actor",
        "metric": "degree", "value": 6} in d["nodes"]
assert [r["communities"] for r in d["graph"]] == [2, 3, 1, 3]
PY
run "$tmp/all.tex" evolve "$f" -f latex
[ "$(grep -c 'begin{table}' "$tmp/all.tex")" -eq 4 ] || { echo "FAIL: latex: want 4 tables"; fail=1; }
"$bin" evolve "$f" -f tsv --output-dir "$tmp/dir" 2>/dev/null || { echo "FAIL: --output-dir"; fail=1; }
for n in nodes graph ranks communities; do
    [ -s "$tmp/dir/$n.tsv" ] || { echo "FAIL: no $tmp/dir/$n.tsv"; fail=1; }
done
has "$tmp/dir/communities.tsv" "2003	3	died	2002		2	Actor H; Actor I"

# ---- determinism -------------------------------------------------------------
run "$tmp/j1.md" evolve "$j"
run "$tmp/j2.md" evolve "$j"
cmp -s "$tmp/j1.md" "$tmp/j2.md" || { echo "FAIL: evolve output differs between runs"; fail=1; }
for s in '## Node metrics' '## Communities over time'; do has "$tmp/j1.md" "$s"; done
run "$tmp/b1.json" balance "$j" -f json
run "$tmp/b2.json" balance "$j" -f json
cmp -s "$tmp/b1.json" "$tmp/b2.json" || { echo "FAIL: balance output differs between runs"; fail=1; }

# ---- balance -----------------------------------------------------------------
run "$tmp/sum.csv" balance "$t" -f csv --table summary
for l in 'triangles,4' 'triangles_ppp,1' 'triangles_ppn,1' 'triangles_pnn,1' \
         'triangles_nnn,1' 'balanced,2' 'unbalanced,2' 'balance_ratio,0.5' \
         'positive_pairs,6' 'negative_pairs,6' 'excluded_triangles,0'; do
    has "$tmp/sum.csv" "$l"
done
run "$tmp/tri.csv" balance "$t" -f csv
has "$tmp/tri.csv" 'triangle,pattern,balanced,a,b,c,pair,pair_sign,fact_sign,subject,relation,object,date,weight,confidence,quote,source,location'
has "$tmp/tri.csv" "1,++-,no,D,E,F,D – F,-,-,Actor D,opposes,Actor F,2013,1,,D opposes F in 2013,s,$t: facts[5]"
has "$tmp/tri.csv" "2,---,no,J,K,L,J – L,-,-,Actor J,competes_with,Actor L,,1,,J competes_with L,s,$t: facts[11]"
[ "$(wc -l <"$tmp/tri.csv")" -eq 7 ] || { echo "FAIL: tri.csv: want 2 triangles x 3 facts + header"; fail=1; }
run "$tmp/all.csv" balance "$t" -f csv --all
[ "$(cut -d, -f1 "$tmp/all.csv" | sort -u | wc -l)" -eq 5 ] || { echo "FAIL: --all: want 4 triangles"; fail=1; }
run "$tmp/bal.md" balance "$t"
has "$tmp/bal.md" '### 1. Actor D, Actor E, Actor F (++-, unbalanced)'
has "$tmp/bal.md" '### 2. Actor J, Actor K, Actor L (---, unbalanced)'
run "$tmp/bal.json" balance "$t" -f json
/usr/bin/python3 - "$tmp/bal.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["balance_ratio"] == 0.5
assert d["summary"]["unbalanced"] == 2
t = d["triangles"]
assert [x["pattern"] for x in t] == ["++-", "---"]
assert t[0]["nodes"] == ["D", "E", "F"]
df = t[0]["pairs"][1]
assert (df["a"], df["b"], df["sign"]) == ("D", "F", -1)
assert df["facts"][0]["quote"] == "D opposes F in 2013"
assert df["facts"][0]["date"] == "2013"
PY
# the corpus: Japan, RCEP and CPTPP are an unbalanced triangle
run "$tmp/jb.md" balance "$j"
has "$tmp/jb.md" '### 2. Japan, RCEP, CPTPP (++-, unbalanced)'

exit $fail

#!/bin/sh
# check_aggregate.sh GEN_FACTS FACTNET - `factnet metrics` streams JSON
# Lines facts into per-pair sums when no fact filter is given
# (input/aggregate.h). Its output, messages and exit status must equal the
# full loader's (forced here with --dated-only, which changes nothing since
# every generated fact is dated), and its messages those of `factnet
# check` (same errors and warnings, same exit status).
set -u
gen=$1
factnet=$2
tmp=${TMPDIR:-/tmp}/check_aggregate.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$gen" 3000 > "$tmp/clean.jsonl" || fail "gen_facts exited $?"
grep -q '"relation":"competes_with"' "$tmp/clean.jsonl" ||
    fail "the corpus has no negative facts"
# Warnings: no source, no evidence, unknown field, self-loop, unused entity.
sed -e '400,410s/,"source":"SRC[0-9]*"//' \
    -e '900,905s/"evidence":"[^"]*"/"evidence":""/' \
    -e '1200,1204s/"weight":/"wieght":0,"weight":/' \
    -e '1600s/"object":"ACT[0-9]*"/"object":"ACT001"/' \
    -e '1600s/"subject":"ACT[0-9]*"/"subject":"ACT001"/' \
    "$tmp/clean.jsonl" > "$tmp/warn.jsonl"
echo '{"kind":"entity","id":"LONELY","type":"actor"}' >> "$tmp/warn.jsonl"
# Errors: a bad date (loading) and an unknown entity (resolution).
sed -e '700s/"date":"[0-9-]*"/"date":"2013-02-30"/' \
    -e '800s/"object":"[A-Z]*[0-9]*"/"object":"NOBODY"/' \
    "$tmp/clean.jsonl" > "$tmp/bad.jsonl"
# Only a resolution error: the streaming loader gives up on it.
sed -e '800s/"object":"[A-Z]*[0-9]*"/"object":"NOBODY"/' \
    "$tmp/clean.jsonl" > "$tmp/unknown.jsonl"
# Facts before the entities they name: the streaming loader declines.
{ grep '"kind":"fact"' "$tmp/clean.jsonl" | head -5
  cat "$tmp/clean.jsonl"; } > "$tmp/forward.jsonl"
# A fact naming its subject by label: declines too.
sed -e '500s/"subject":"ACT[0-9]*"/"subject":"boravia trade council 1"/' \
    "$tmp/clean.jsonl" > "$tmp/label.jsonl"
# A declared relation, negative, used by some facts.
{ head -1 "$tmp/clean.jsonl"
  echo '{"kind":"relation","name":"sanctions","from":"actor","to":"actor","sign":-1}'
  tail -n +2 "$tmp/clean.jsonl" |
      sed -e '2000,2600s/"relation":"cooperates_with"/"relation":"sanctions"/'
} > "$tmp/declared.jsonl"
grep -q '"relation":"sanctions"' "$tmp/declared.jsonl" ||
    fail "no fact uses the declared relation"
# Two files: the records, then the facts (and the same source again).
grep -v '"kind":"fact"' "$tmp/clean.jsonl" > "$tmp/part1.jsonl"
{ grep '"kind":"source"' "$tmp/clean.jsonl" | head -1
  grep '"kind":"fact"' "$tmp/clean.jsonl"; } > "$tmp/part2.jsonl"

# Runs metrics with ARGS; NAME.out, NAME.err, NAME.rc in $tmp.
run() {
    name=$1
    shift
    "$factnet" metrics "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
    echo $? > "$tmp/$name.rc"
}

same() {
    for x in out err rc; do
        cmp -s "$tmp/$1.$x" "$tmp/$2.$x" ||
            { diff "$tmp/$1.$x" "$tmp/$2.$x" | head -5; return 1; }
    done
}

n=0
for f in clean warn bad unknown forward label declared parts; do
    files="$tmp/$f.jsonl"
    [ "$f" = parts ] && files="$tmp/part1.jsonl $tmp/part2.jsonl"
    for cols in "" "--columns id,degree,strength,pos_degree,neg_degree,net_strength,pagerank,community" \
                "--level graph" "--min-weight 2 -v" \
                "--algorithm louvain --runs 3 --columns id,community,stability"; do
        # shellcheck disable=SC2086
        run a $cols $files
        # shellcheck disable=SC2086
        run b --dated-only $cols $files
        same a b || fail "$f $cols: streaming and full loader differ"
        n=$((n + 1))
    done
    # The messages and status of `factnet check`.
    # shellcheck disable=SC2086
    run v -v $files
    # shellcheck disable=SC2086
    "$factnet" check $files > /dev/null 2> "$tmp/c.err"
    rc=$?
    grep -v '^factnet: ' "$tmp/v.err" > "$tmp/v.msgs"
    grep -v '^factnet: ' "$tmp/c.err" > "$tmp/c.msgs"
    cmp -s "$tmp/v.msgs" "$tmp/c.msgs" ||
        { diff "$tmp/v.msgs" "$tmp/c.msgs" | head; fail "$f: messages differ from check's"; }
    [ "$(cat "$tmp/v.rc")" = "$rc" ] ||
        fail "$f: metrics exited $(cat "$tmp/v.rc"), check $rc"
done

# What the cases must show, so that none of them is vacuous.
run v -v "$tmp/warn.jsonl"
grep -q "warning: fact has no source" "$tmp/v.err" || fail "warn: no warnings"
grep -q 'entity "LONELY" is not used' "$tmp/v.err" || fail "warn: no unused"
grep -q "self-loop" "$tmp/v.err" || fail "warn: no self-loop"
for f in bad unknown; do
    run v "$tmp/$f.jsonl"
    [ "$(cat "$tmp/v.rc")" = 1 ] || fail "$f.jsonl should be invalid (status 1)"
done
grep -q 'unknown entity "NOBODY"' "$tmp/v.err" || fail "unknown: no error"
run v "$tmp/declared.jsonl" --columns id,neg_degree
grep -q ',[1-9]' "$tmp/v.out" || fail "declared: no negative degree"
# Signed communities (spinglass on the signed weights of the pairs).
run a --algorithm spinglass --level graph "$tmp/declared.jsonl"
run b --algorithm spinglass --level graph --dated-only "$tmp/declared.jsonl"
same a b || fail "spinglass: streaming and full loader differ"
grep -q '^negative_edges,[1-9]' "$tmp/a.out" ||
    fail "spinglass: no negative edges"

# An unreadable second file: the first file's loading messages (no
# resolution), then the error.
run a -v "$tmp/warn.jsonl" "$tmp/missing.jsonl"
run b -v --dated-only "$tmp/warn.jsonl" "$tmp/missing.jsonl"
[ "$(cat "$tmp/a.rc")" = 3 ] || fail "missing file: status $(cat "$tmp/a.rc"), not 3"
same a b || fail "missing file: streaming and full loader differ"
grep -q 'warning: unknown field "wieght"' "$tmp/a.err" ||
    fail "missing file: the first file's warnings are not reported"
echo "aggregate: $n cases identical to the full loader, messages as check's"

#!/bin/sh
# The same command twice gives byte-identical output (fixed seeds, stable
# orders), in every format and with the random parts switched on: community
# runs, sampled path metrics.
# usage: determinism.sh FACTNET   (run from the repository root)
set -u
bin=$1
data=data/japan_cyber.json
[ -f "$data" ] || { echo "skip: $data missing"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
i=0
while read -r args; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    "$bin" metrics "$data" $args >"$tmp/a" 2>/dev/null || { echo "FAIL ($?): metrics $args"; fail=1; continue; }
    # shellcheck disable=SC2086
    "$bin" metrics "$data" $args >"$tmp/b" 2>/dev/null || { echo "FAIL: metrics $args (second run)"; fail=1; continue; }
    [ -s "$tmp/a" ] || { echo "FAIL: metrics $args: empty output"; fail=1; }
    if ! cmp -s "$tmp/a" "$tmp/b"; then
        echo "FAIL: metrics $args: outputs differ"; diff "$tmp/a" "$tmp/b" | head; fail=1
    fi
done <<'CASES'
--format csv
--format tsv
--format md
--format latex --top 10
--format json
--level graph
--runs 20 --algorithm louvain
--runs 5 --algorithm leiden --level graph
--algorithm label-propagation --runs 3
--algorithm infomap
--algorithm spinglass --view actors
--samples 5
--view actors --weight newman --directed
CASES
[ $fail = 0 ] && echo "ok: $i commands reproducible"
exit $fail

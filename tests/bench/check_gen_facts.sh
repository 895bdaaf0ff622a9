#!/bin/sh
# check_gen_facts.sh GEN_FACTS FACTNET - the generator's contract: valid
# factnet JSON Lines (no errors, no warnings: every entity and source used,
# no self-loops), the requested counts, determinism, and a seed that matters.
set -u
gen=$1
factnet=$2
tmp=${TMPDIR:-/tmp}/check_gen_facts.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$gen" 3000 > "$tmp/a.jsonl" || fail "gen_facts 3000 exited $?"
"$gen" 3k 150 1 > "$tmp/b.jsonl" || fail "gen_facts 3k 150 1 exited $?"
"$gen" 3000 150 2 > "$tmp/c.jsonl" || fail "gen_facts 3000 150 2 exited $?"
cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" ||
    fail "same N, ENTITIES, SEED gave different output"
cmp -s "$tmp/a.jsonl" "$tmp/c.jsonl" && fail "seed 2 gave seed 1's output"

"$factnet" check --strict "$tmp/a.jsonl" > "$tmp/check.txt" 2>&1 ||
    { cat "$tmp/check.txt"; fail "factnet check --strict rejected the corpus"; }
grep -q "150 entities, 3000 facts, 15 sources" "$tmp/check.txt" ||
    { cat "$tmp/check.txt"; fail "unexpected counts"; }
facts=$(grep -c '"kind":"fact"' "$tmp/a.jsonl")
[ "$facts" = 3000 ] || fail "$facts fact lines, expected 3000"

"$gen" 0 > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "gen_facts 0 exited $rc, expected 2"
"$gen" 12x > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "gen_facts 12x exited $rc, expected 2"
echo "gen_facts: valid, deterministic, seeded"

#!/usr/bin/env bash
# compare_figures.sh BASE_BIN NEW_BIN REPO WORK - runs 80 figure commands
# (build, render at 3.5in/89mm/7in/183mm in PDF/SVG/PNG/EPS, every
# --legend, --grayscale, --edge-labels, refusals, dot, evolve --dot) with
# two factnet binaries, each in its own directory under WORK, and compares
# everything byte for byte: the files written, stdout, stderr, exit status.
# For performance work on the figures (docs/PERFORMANCE.md, "Small
# corpora"): BASE_BIN is a Release build of the base commit. Prints one
# line per command; exit 1 when any differs.
set -u
BASE=$1 NEW=$2 REPO=$3 WORK=$4
rm -rf "$WORK"; mkdir -p "$WORK"
J=$REPO/data/japan_cyber.json Q=$REPO/tests/print/quad_aukus.json
N=$REPO/tests/print/nato_vilnius.json
cmds=()
add() { cmds+=("$*"); }
add build $J -o out
add build $J -o out --grayscale
for l in right below none separate; do add build $J -o out --legend $l; done
add build $J $Q -o out
add build $J -o out --preflight
add build $J -o out --width 3.5in
add build $Q -o out --width 89mm
add build $J $Q -o out --preflight --width 183mm
for x in $J $Q; do for w in 3.5in 89mm 7in 183mm; do for e in pdf svg png eps; do
  add render $x --width $w -o f.$e; done; done; done
for e in pdf png; do add render $J --width 7in --grayscale -o f.$e; done
for l in right below none separate; do add render $J --width 7in --legend $l -o f.pdf; add render $Q --width 3.5in --legend $l -o f.svg; done
add render $J --width 7in --edge-labels relation -o f.pdf
add render $Q --width 7in --edge-labels relation -o f.svg
add render $J --width 7in --height 4in -o f.pdf
add render $J --width 7in --min-font 7 -o f.pdf
add render $J --width 183mm --min-font 5 -o f.pdf
add render $Q --width 3.5in --top 16 -o f.pdf
add render $J --width 7in --preflight -o f.pdf
add render $J -o f.svg
add render $J --width 7in --dpi 150 -o f.png
add render $J --ego JPN --radius 1 -o f.svg
add render $J --view actors -o f.svg
add render $J --width 3.5in --types actor,agreement -o f.pdf
add dot $J --width 7in -o f.dot
for w in 3.5in 7in; do for e in pdf png; do add render $N --width $w -o f.$e; add render $N --width $w --grayscale -o f.$e; done; done
add render $N --width 3.5in --top 18 -o f.pdf
add build $N -o out
add dot $Q --width 3.5in -o f.dot
add evolve $Q --by month --dot d --width 7in
add evolve $J --every 5-years --dot d2 --width 3.5in
add evolve $J --every 5-years --dot d3
bad=0
i=0
for c in "${cmds[@]}"; do
  i=$((i+1))
  for side in base new; do
    bin=$BASE; [ $side = new ] && bin=$NEW
    d=$WORK/$side/$i; mkdir -p "$d"
    (cd "$d" && $bin $c >stdout 2>stderr; echo $? >status)
  done
  if ! diff -r -q "$WORK/base/$i" "$WORK/new/$i" >/dev/null; then
    # Graphviz's routing of some edges differs from run to run of the same
    # binary (base too): rerun both and accept when an output of the new
    # binary is one of the base's.
    sums() { (cd "$1" && find . -type f | sort | xargs md5sum | md5sum | cut -c1-32); }
    bs=$(sums "$WORK/base/$i") ns=$(sums "$WORK/new/$i")
    for k in 1 2 3 4; do
      for side in base new; do
        bin=$BASE; [ $side = new ] && bin=$NEW
        d=$WORK/$side-r$k/$i; mkdir -p "$d"
        (cd "$d" && $bin $c >stdout 2>stderr; echo $? >status)
      done
      bs="$bs $(sums "$WORK/base-r$k/$i")"; ns="$ns $(sums "$WORK/new-r$k/$i")"
    done
    common=$(comm -12 <(tr ' ' '\n' <<<"$bs" | sort -u) <(tr ' ' '\n' <<<"$ns" | sort -u) | wc -l)
    if [ "$common" -gt 0 ]; then
      echo "same $i (unstable: base $(tr ' ' '\n' <<<"$bs" | sort -u | wc -l) outputs, new $(tr ' ' '\n' <<<"$ns" | sort -u | wc -l), $common in common): $c"
    else
      echo "DIFF $i: $c"; diff -r -q "$WORK/base/$i" "$WORK/new/$i" | head -5; bad=1
    fi
  else
    echo "same $i: $c ($(ls -R "$WORK/new/$i" | wc -l) entries, status $(cat "$WORK/new/$i/status"))"
  fi
done
exit $bad

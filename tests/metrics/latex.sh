#!/bin/sh
# `--format latex --top 10` compiles with pdflatex inside a minimal
# two-column document with booktabs and tabularx, and fits its column (no
# overfull box). Skips (77) when pdflatex is not installed.
# usage: latex.sh FACTNET   (run from the repository root)
set -u
bin=$1
command -v pdflatex >/dev/null 2>&1 || { echo "skip: pdflatex not installed"; exit 77; }
data=data/japan_cyber.json
[ -f "$data" ] || { echo "skip: $data missing"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$bin" metrics "$data" --format latex --top 10 --caption 'Top 10 & more: 100% of $x_1$ {~^\}' --label tab:metrics >"$tmp/table.tex" || exit 1
"$bin" metrics "$data" --format latex --level graph >"$tmp/graph.tex" || exit 1
cat >"$tmp/doc.tex" <<'TEX'
\documentclass[twocolumn]{article}
\usepackage[T1]{fontenc}
\usepackage{booktabs,tabularx}
\begin{document}
\input{table.tex}
\input{graph.tex}
\end{document}
TEX
(cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >log.txt 2>&1) || {
    echo "FAIL: pdflatex"; tail -30 "$tmp/log.txt"; exit 1; }
if grep -q 'Overfull \\hbox' "$tmp/doc.log"; then
    echo "FAIL: a table is wider than the column"; grep -A2 Overfull "$tmp/doc.log"; exit 1
fi
# The whole float, caption and label included, must compile too.
cat >"$tmp/doc2.tex" <<'TEX'
\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{booktabs,tabularx}
\begin{document}
\input{table.tex}
\end{document}
TEX
(cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc2.tex >log2.txt 2>&1) || {
    echo "FAIL: pdflatex (float)"; tail -30 "$tmp/log2.txt"; exit 1; }
echo "ok: latex output compiles"

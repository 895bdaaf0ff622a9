#!/usr/bin/env python3
"""factnet methods --bib: the LaTeX paragraph goes into a two-column
article that pdflatex compiles, bibtex processes the .bib without an error
or a warning, and every key of the .bib (each source and each paper) is
cited by the paragraph. Skipped (exit 77) without pdflatex or bibtex.

usage: bibtex.py FACTNET SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(*args, cwd=None):
    p = subprocess.run(args, capture_output=True, text=True, cwd=cwd,
                       errors="replace")
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}\n{p.stdout}\n"
                 f"{p.stderr}")
    return p.stdout


DOC = r"""\documentclass[twocolumn]{article}
\usepackage[T1]{fontenc}
\begin{document}
\input{methods}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""


def main():
    factnet, src = sys.argv[1], os.path.abspath(sys.argv[2])
    if not shutil.which("pdflatex") or not shutil.which("bibtex"):
        print("pdflatex or bibtex missing: skipped")
        sys.exit(77)
    one(factnet, os.path.join(src, "data/japan_cyber.json"), "segal2013")
    # Source ids that are no BibTeX keys (space, comma, none left), a key
    # clash after cleaning, TeX specials and unbalanced braces in fields,
    # sources without an author.
    one(factnet, os.path.join(src, "tests/methods/hostile_sources.json"),
        "a_b_c-2")


def one(factnet, corpus, want_key):
    with tempfile.TemporaryDirectory() as tmp:
        run(factnet, "methods", "-f", "latex", "--runs", "3", "--bib",
            os.path.join(tmp, "refs.bib"), "-o",
            os.path.join(tmp, "methods.tex"), corpus)
        with open(os.path.join(tmp, "doc.tex"), "w") as f:
            f.write(DOC)
        latex = ("pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                 "doc.tex")
        run(*latex, cwd=tmp)
        out = run("bibtex", "doc", cwd=tmp)
        if re.search(r"error|Warning", out):
            sys.exit(f"bibtex:\n{out}")
        run(*latex, cwd=tmp)
        run(*latex, cwd=tmp)
        with open(os.path.join(tmp, "refs.bib"), encoding="utf-8") as f:
            keys = re.findall(r"^@\w+\{([^,]+),", f.read(), re.M)
        with open(os.path.join(tmp, "doc.aux"), encoding="utf-8") as f:
            aux = f.read()
        cited = set()
        for group in re.findall(r"\\citation\{([^}]*)\}", aux):
            cited.update(group.split(","))
        missing = [k for k in keys if k not in cited]
        if missing:
            sys.exit(f"keys in the .bib not cited: {missing}")
        if len(keys) != len(set(keys)):
            sys.exit(f"duplicate keys: {keys}")
        with open(os.path.join(tmp, "doc.log"), encoding="latin-1") as f:
            log = f.read()
        for bad in ("Citation `", "undefined", "Overfull \\hbox"):
            if bad in log:
                sys.exit(f"pdflatex log has {bad!r}")
        if want_key not in keys:
            sys.exit(f"no source key: {keys}")


main()

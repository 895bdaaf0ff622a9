#!/usr/bin/env python3
"""check_build.py FACTNET SRCDIR WORKDIR - tests `factnet build`.

- With no arguments it reads data/*.json and writes graphs/: nine files
  per input, one "wrote" line each.
- Twice gives byte-identical DOT, SVG, PDF, CSV, LaTeX, Markdown and HTML
  (cairo's PDF /CreationDate is pinned by factnet: SOURCE_DATE_EPOCH or
  the Unix epoch).
- NAME.metrics.csv is exactly `factnet metrics NAME.json`, whether NAME
  is built alone, first or after another corpus (metrics reseeds igraph's
  RNG before the ARPACK solvers, so earlier work cannot change them);
  NAME.communities.csv is id,label,type,community sorted by community then
  id and agrees with `factnet metrics --columns id,community`; the summary
  has its three sections and the top 10 of the metrics table;
  NAME.methods.md and NAME.bib are what `factnet methods --bib` writes.
- The diagram is laid out once and rendered to every format: NAME.dot,
  NAME.svg, NAME.pdf and NAME.html are each what `factnet dot`, `factnet
  render` and `factnet report` write on their own.
- A failure (an output path that is a directory) stops with exit 3 and
  leaves the files written before intact and no temporary file behind.
"""
import csv
import io
import zlib
import os
import re
import shutil
import subprocess
import sys

FACTNET, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
NAMES = ["japan_cyber", "small"]
EXTS = [".print.pdf", ".dot", ".svg", ".pdf", ".metrics.csv", ".metrics.tex",
        ".communities.csv", ".summary.md", ".methods.md", ".bib", ".html"]


def pdf_text(data):
    """The PDF's bytes plus its inflated streams: cairo 1.18 (Debian 13)
    writes the /Info dictionary into a compressed object stream."""
    parts = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        try:
            parts.append(zlib.decompressobj().decompress(data[m.end():end]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args, cwd, status=0):
    p = subprocess.run([FACTNET] + args, cwd=cwd, capture_output=True)
    if p.returncode != status:
        fail("factnet %s: exit %d, expected %d\n%s" %
             (" ".join(args), p.returncode, status, p.stderr.decode()))
    return p.stdout.decode(), p.stderr.decode()


def setup(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "data"))
    shutil.copy(os.path.join(SRC, "data", "japan_cyber.json"),
                os.path.join(d, "data"))
    shutil.copy(os.path.join(SRC, "tests", "dot", "small.json"),
                os.path.join(d, "data"))
    return d


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    runs = []
    for name in ("run1", "run2"):
        d = setup(name)
        out, _ = run(["build"], d)
        want = ["wrote graphs/%s%s" % (n, e) for n in NAMES for e in EXTS]
        if out.splitlines() != want:
            fail("build printed %r, expected %r" % (out.splitlines(), want))
        runs.append(d)
    for n in NAMES:
        for e in EXTS:
            a = read(os.path.join(runs[0], "graphs", n + e))
            b = read(os.path.join(runs[1], "graphs", n + e))
            if e.endswith(".pdf"):
                if not a.startswith(b"%PDF-"):
                    fail(n + e + " is not a PDF")
                if b"/CreationDate (D:19700101000000Z)" not in pdf_text(a):
                    fail(n + e + ": /CreationDate is not pinned")
            if a != b:
                fail("%s%s differs between two builds" % (n, e))
    d = runs[0]
    g = os.path.join(d, "graphs")
    for i, n in enumerate(NAMES):
        metrics, _ = run(["metrics", "data/%s.json" % n], d)
        built = read(os.path.join(g, n + ".metrics.csv")).decode()
        if built != metrics:
            fail(n + ".metrics.csv differs from `factnet metrics`")
        if i > 0:
            run(["build", "data/%s.json" % n, "-o", "alone"], d)
            if read(os.path.join(d, "alone", n + ".metrics.csv")).decode() \
                    != metrics:
                fail(n + ".metrics.csv (built alone) differs from "
                     "`factnet metrics`")
        comm, _ = run(["metrics", "--columns", "id,community",
                       "data/%s.json" % n], d)
        want = {r["id"]: r["community"] for r in csv.DictReader(
            io.StringIO(comm))}
        rows = list(csv.reader(open(os.path.join(g, n + ".communities.csv"),
                                    encoding="utf-8")))
        if rows[0] != ["id", "label", "type", "community"]:
            fail("communities.csv header %r" % rows[0])
        body = rows[1:]
        if sorted(body, key=lambda r: (int(r[3]), r[0].encode())) != body:
            fail(n + ".communities.csv is not sorted by community, id")
        if {r[0]: r[3] for r in body} != want:
            fail(n + ".communities.csv disagrees with factnet metrics")
        md = read(os.path.join(g, n + ".summary.md")).decode()
        for h in ("## Graph metrics", "## Top 10 by PageRank",
                  "## Communities"):
            if h not in md:
                fail("%s.summary.md has no %r" % (n, h))
        top = [r["id"] for r in csv.DictReader(io.StringIO(metrics))][:10]
        section = md.split("## Top 10 by PageRank")[1].split("##")[0]
        ids = re.findall(r"^\| [^|]* \| ([^|]*?) \|", section, re.M)[2:]
        if ids != top:
            fail("%s.summary.md top 10 %r, metrics says %r" % (n, ids, top))
        bib = os.path.join(WORK, n + ".methods.bib")
        para, _ = run(["methods", "data/%s.json" % n, "--bib", bib], d)
        if read(os.path.join(g, n + ".methods.md")).decode() != para:
            fail(n + ".methods.md differs from `factnet methods --bib`")
        if read(os.path.join(g, n + ".bib")) != read(bib):
            fail(n + ".bib differs from `factnet methods --bib`")
        page, _ = run(["report", "data/%s.json" % n, "-o", "-"], d)
        if read(os.path.join(g, n + ".html")).decode() != page:
            fail(n + ".html differs from `factnet report`")
        # build lays the diagram out once for SVG, PDF and the report: each
        # must be what `factnet dot` / `factnet render` make on their own.
        dot, _ = run(["dot", "data/%s.json" % n], d)
        if read(os.path.join(g, n + ".dot")).decode() != dot:
            fail(n + ".dot differs from `factnet dot`")
        for e in (".svg", ".pdf") if n == "small" else (".svg",):
            alone = os.path.join(d, "render-" + n + e)
            run(["render", "data/%s.json" % n, "-o", alone], d)
            if read(os.path.join(g, n + e)) != read(alone):
                fail(n + e + " differs from `factnet render`")
        # NAME.print.pdf is `render --width 7in` (issue 16): 504 pt wide.
        alone = os.path.join(d, "print-" + n + ".pdf")
        run(["render", "data/%s.json" % n, "--width", "7in", "-o", alone], d)
        if read(os.path.join(g, n + ".print.pdf")) != read(alone):
            fail(n + ".print.pdf differs from `factnet render --width 7in`")
        box = re.search(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)",
                        pdf_text(read(alone)))
        if not box or abs(float(box.group(3)) - float(box.group(1)) - 504) > 1:
            fail(n + ".print.pdf is not 504 pt (7 in) wide: %r" % box)
        tex = read(os.path.join(g, n + ".metrics.tex")).decode()
        if "\\toprule" not in tex or "\\label{tab:%s-metrics}" % n not in tex:
            fail(n + ".metrics.tex is not a labelled booktabs table")
    # Failure: small.pdf cannot be written (it is a directory).
    d3 = setup("run3")
    os.makedirs(os.path.join(d3, "graphs", "small.pdf"))
    out, err = run(["build", "data/small.json"], d3, status=3)
    if "small.pdf" not in err:
        fail("the error does not name small.pdf: %r" % err)
    left = sorted(os.listdir(os.path.join(d3, "graphs")))
    if left != ["small.dot", "small.pdf", "small.print.pdf", "small.svg"]:
        fail("after the failure graphs/ holds %r" % left)
    for e in (".dot", ".svg"):
        if read(os.path.join(d3, "graphs", "small" + e)) != \
                read(os.path.join(g, "small" + e)):
            fail("small%s written before the failure is not complete" % e)
    # Usage errors and unreadable input.
    run(["build", "data/small.json", "data/../data/small.json"], d3, 2)
    run(["build", "data/missing.json"], d3, 3)
    empty = os.path.join(WORK, "empty")
    shutil.rmtree(empty, ignore_errors=True)
    os.makedirs(empty)
    run(["build"], empty, 2)
    print("ok")


main()

"""`factnet evolve --dot DIR` on tests/evolve/fourperiods.json: one DOT and
one SVG per period, every node at the same position in every period, the
graphs pinned for neato -n2, fill colours that follow persistent community
ids, byte-identical output on a second run.

usage: dot.py FACTNET REPO WORKDIR
"""
import filecmp
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

factnet, repo, work = sys.argv[1:4]
fixture = os.path.join(repo, "tests/evolve/fourperiods.json")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(out):
    p = subprocess.run([factnet, "evolve", fixture, "--dot", out, "-o",
                        os.path.join(work, "tables.md")],
                       capture_output=True, text=True)
    check(p.returncode == 0, "exit %d: %s" % (p.returncode, p.stderr))


def nodes(path):
    """node name -> attribute text, from a DOT file written by agwrite."""
    text = open(path, encoding="utf-8").read()
    return {m.group(1): m.group(2) for m in
            re.finditer(r'\n\t(n_[A-Za-z0-9-]+)\s+\[(.*?)\];', text, re.S)}


def attr(body, name):
    m = re.search(r'\b%s=(?:"([^"]*)"|([^,\]\s]*))' % name, body)
    return (m.group(1) if m.group(1) is not None else m.group(2)) if m else None


a, b = os.path.join(work, "a"), os.path.join(work, "b")
run(a)
periods = ["2001", "2002", "2003", "2004"]
for p in periods:
    for ext in ("dot", "svg"):
        check(os.path.isfile(os.path.join(a, p + "." + ext)),
              "missing %s.%s" % (p, ext))
check(sorted(os.listdir(a)) == sorted(p + e for p in periods
                                      for e in (".dot", ".svg")),
      "unexpected files: %s" % sorted(os.listdir(a)))

dots = {p: nodes(os.path.join(a, p + ".dot")) for p in periods}
# presence, as worked out by hand (tests/unit/test_evolve.c)
want = {"2001": "ABCDEF", "2002": "ABCDEFGHI", "2003": "ABCDEFG",
        "2004": "ABCDEFGJK"}
for p, ids in want.items():
    got = sorted(n[2:] for n in dots[p] if not n.startswith("n_legend"))
    check(got == sorted(ids), "%s: nodes %s, want %s" % (p, got, list(ids)))
# the same position everywhere, pinned
pos = {}
for p in periods:
    for n, body in dots[p].items():
        if n.startswith("n_legend"):
            continue
        x = attr(body, "pos")
        check(x is not None and x.endswith("!"), "%s %s: pos %s" % (p, n, x))
        pos.setdefault(n, set()).add(x)
for n, xs in pos.items():
    check(len(xs) == 1, "%s has positions %s" % (n, sorted(xs)))
check(len(set(next(iter(x)) for x in pos.values())) == len(pos),
      "two nodes share a position")
for p in periods:
    text = open(os.path.join(a, p + ".dot"), encoding="utf-8").read()
    check("layout=nop2" in text, "%s: not laid out with nop2" % p)

# fills follow persistent ids: A is in community 1 from 2001 to 2003, D in
# 2 until 2002, then in 1 (merged) and keeps 1 in 2004 (split); A gets the
# new id 4 in 2004
fill = {p: {n[2:]: attr(b_, "fillcolor") for n, b_ in dots[p].items()}
        for p in periods}
check(fill["2001"]["A"] == fill["2002"]["A"] == fill["2003"]["A"],
      "A changes colour within community 1")
check(fill["2001"]["D"] == fill["2002"]["D"], "D changes colour within 2")
check(fill["2001"]["A"] != fill["2001"]["D"], "communities 1 and 2 share a fill")
check(fill["2003"]["D"] == fill["2004"]["D"] == fill["2001"]["A"],
      "community 1 changes colour")
check(fill["2004"]["A"] != fill["2004"]["D"], "2004: ids 1 and 4 share a fill")
svg = open(os.path.join(a, "2003.svg"), encoding="utf-8").read()
check("1: " in svg, "2003 legend does not name community 1")

# every SVG parses; its title names the period
for p in periods:
    root = ET.parse(os.path.join(a, p + ".svg")).getroot()
    text = "".join(root.itertext())
    check(p in text, "%s.svg does not name its period" % p)

run(b)
for p in periods:
    for ext in ("dot", "svg"):
        f = p + "." + ext
        check(filecmp.cmp(os.path.join(a, f), os.path.join(b, f),
                          shallow=False), "%s differs between runs" % f)

for f in failures:
    print("FAIL:", f)
print("%d failed" % len(failures))
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""check_views.py FACTNET SRCDIR WORKDIR CASE - runs one diagram case.

Each case runs factnet (from SRCDIR, on the bundled corpus or the test
fixtures) and checks the result independently: SVG structure through
check_svg.py, counts and ids computed here from the JSON or from
`factnet metrics` (a different command), exit statuses and messages.
"""
import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

FACTNET, SRC, WORK, CASE = sys.argv[1:5]
HERE = os.path.dirname(os.path.abspath(__file__))
JAPAN = "data/japan_cyber.json"
SMALL = "tests/dot/small.json"
SVGNS = "{http://www.w3.org/2000/svg}"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args, status=0, env=None):
    p = subprocess.run([FACTNET] + args, cwd=SRC, capture_output=True,
                       env=env)
    if p.returncode != status:
        fail("factnet %s: exit %d, expected %d\n%s" %
             (" ".join(args), p.returncode, status, p.stderr.decode()))
    return p.stdout, p.stderr.decode()


def out(name):
    os.makedirs(WORK, exist_ok=True)
    return os.path.join(WORK, name)


def check_svg(svg, corpus, *opts):
    p = subprocess.run([sys.executable, os.path.join(HERE, "check_svg.py"),
                        svg, os.path.join(SRC, corpus)] + list(opts),
                       capture_output=True)
    if p.returncode != 0:
        fail("check_svg %s: %s" % (" ".join(opts), p.stdout.decode()))


def corpus(path):
    return json.load(open(os.path.join(SRC, path), encoding="utf-8"))


def neighbours(path, ego):
    """Entities one step from ego, from the facts (refs are ids here)."""
    n = set()
    for f in corpus(path)["facts"]:
        if f["subject"] == ego and f["object"] != ego:
            n.add(f["object"])
        if f["object"] == ego and f["subject"] != ego:
            n.add(f["subject"])
    return n


def metrics_column(path, column):
    text, _ = run(["metrics", "--columns", "id," + column, path])
    return [(r["id"], r[column]) for r in csv.DictReader(io.StringIO(
        text.decode()))]


def groups(svg, kind):
    root = ET.parse(svg).getroot()
    res = []
    for g in root.iter(SVGNS + "g"):
        cls = (g.get("class") or "").split()
        if cls and cls[0] == kind and "legend" not in cls:
            res.append(g)
    return res


def case_small():
    svg = out("small.svg")
    run(["render", SMALL, "-o", svg])
    check_svg(svg, SMALL)


def case_japan():
    svg = out("japan.svg")
    run(["render", JAPAN, "-o", svg])
    check_svg(svg, JAPAN)


def case_hostile():
    # Labels exactly as written (no wrapping), and wrapped.
    svg = out("hostile.svg")
    run(["render", "tests/dot/hostile.json", "--wrap", "0", "-o", svg])
    check_svg(svg, "tests/dot/hostile.json", "--wrap", "0")
    svg = out("hostile-wrapped.svg")
    run(["render", "tests/dot/hostile.json", "--edge-labels", "relation",
         "-o", svg])
    check_svg(svg, "tests/dot/hostile.json", "--wrap", "16")


def case_ego():
    # "Japan" is a label: resolved like a fact's subject.
    svg = out("ego.svg")
    run(["render", JAPAN, "--ego", "Japan", "--radius", "1", "-o", svg])
    keep = {"JPN"} | neighbours(JAPAN, "JPN")
    check_svg(svg, JAPAN, "--nodes", ",".join(sorted(keep)))
    png = out("ego.png")
    run(["render", JAPAN, "--ego", "JPN", "--radius", "1", "-o", png])
    svg0 = out("ego0.svg")
    run(["render", JAPAN, "--ego", "Tokyo", "--radius", "0", "-o", svg0])
    check_svg(svg0, JAPAN, "--nodes", "JPN")


def case_actors():
    svg = out("actors.svg")
    run(["render", JAPAN, "--view", "actors", "-o", svg])
    check_svg(svg, JAPAN, "--actors", "--no-edge-check")
    run(["render", JAPAN, "--view", "actors", "-o", out("actors.png")])


def case_top():
    svg = out("top.svg")
    run(["render", JAPAN, "--top", "10", "-o", svg])
    ranked = metrics_column(JAPAN, "pagerank")  # sorted by pagerank
    top = [i for i, _ in ranked[:10]]
    check_svg(svg, JAPAN, "--nodes", ",".join(top))


def case_collapse():
    svg = out("collapse.svg")
    run(["render", JAPAN, "--collapse", "communities", "-o", svg])
    comm = metrics_column(JAPAN, "community")
    sizes = {}
    for _, c in comm:
        sizes[c] = sizes.get(c, 0) + 1
    nodes = groups(svg, "node")
    if len(nodes) != len(sizes):
        fail("%d community nodes, metrics has %d communities" %
             (len(nodes), len(sizes)))
    for c, n in sizes.items():
        g = [x for x in nodes if x.get("id") == "n_community-" + c]
        if len(g) != 1:
            fail("no node for community %s" % c)
        text = " ".join(t.text or "" for t in g[0].iter(SVGNS + "text"))
        if not text.endswith("(%d)" % n):
            fail("community %s label %r does not end with its size %d" %
                 (c, text, n))


def case_multi():
    svg = out("multi.svg")
    run(["render", SMALL, "--multi", "--edge-labels", "relation", "-o", svg])
    facts = corpus(SMALL)["facts"]
    edges = groups(svg, "edge")
    if len(edges) != len(facts):
        fail("%d edges with --multi, the corpus has %d facts" %
             (len(edges), len(facts)))
    labels = sorted(" ".join(t.text for t in e.iter(SVGNS + "text"))
                    for e in edges)
    # Display labels: a declared relation's "label", else its name with
    # spaces for underscores ("works_with" -> "works with"), as the
    # built-in relations' labels are (docs/FORMAT.md: "party to").
    declared = corpus(SMALL).get("relations", {})

    def shown(rel):
        return declared.get(rel, {}).get("label", rel.replace("_", " "))

    if labels != sorted(shown(f["relation"]) for f in facts):
        fail("edge labels %r are not the facts' relations" % labels)
    ids = sorted(e.get("id") for e in edges)
    if len(set(ids)) != len(ids):
        fail("edge ids repeat: %r" % ids)
    # The bundled corpus has pairs with several facts (parallel edges).
    svg = out("multi-japan.svg")
    run(["render", JAPAN, "--multi", "--edge-labels", "date", "-o", svg])
    facts = [f for f in corpus(JAPAN)["facts"]
             if f["subject"] != f["object"]]
    if len(groups(svg, "edge")) != len(facts):
        fail("%d edges with --multi, the corpus has %d facts" %
             (len(groups(svg, "edge")), len(facts)))


def case_edge_labels():
    svg = out("dates.svg")
    run(["render", SMALL, "--edge-labels", "date", "-o", svg])
    got = {e.get("id"): " ".join(t.text for t in e.iter(SVGNS + "text"))
           for e in groups(svg, "edge")}
    # JPN-USA: facts of 2013 and 2014; CHN-RCEP: 2020.
    if got.get("e_JPN_USA") != "2013\u20132014":
        fail("date label of JPN-USA: %r" % got.get("e_JPN_USA"))
    if got.get("e_CHN_RCEP") != "2020":
        fail("date label of CHN-RCEP: %r" % got.get("e_CHN_RCEP"))
    svg = out("counts.svg")
    run(["render", SMALL, "--edge-labels", "count", "-o", svg])
    got = {e.get("id"): " ".join(t.text for t in e.iter(SVGNS + "text"))
           for e in groups(svg, "edge")}
    if got.get("e_JPN_USA") != "2" or got.get("e_JPN_RCEP") != "1":
        fail("count labels: %r" % got)


def case_cluster():
    svg = out("cluster.svg")
    run(["render", SMALL, "--cluster-by", "type", "--color-by", "type",
         "-o", svg])
    clusters = {g.get("id") for g in groups(svg, "cluster")}
    types = sorted({e["type"] for e in corpus(SMALL)["entities"]})
    want = {"cluster_%d" % (i + 1) for i in range(len(types))}
    if not want <= clusters:
        fail("clusters %r, expected %r" % (clusters, want))
    check_svg(svg, SMALL)


def case_formats():
    for fmt in ("svg", "pdf", "png"):
        path = out("small." + fmt)
        run(["render", SMALL, "-o", path])
        p = subprocess.run([sys.executable,
                            os.path.join(HERE, "check_image.py"), path, fmt],
                           capture_output=True)
        if p.returncode != 0:
            fail(p.stdout.decode())
    # --format wins over the name; '-' writes to standard output.
    data, _ = run(["render", SMALL, "--format", "png", "-o", "-"])
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("render -o - --format png did not write a PNG")
    for layout in ("dot", "neato", "fdp", "sfdp", "circo", "twopi"):
        path = out("small-%s.svg" % layout)
        run(["render", SMALL, "--layout", layout, "-o", path])
        check_svg(path, SMALL)


def case_deterministic():
    a, _ = run(["dot", JAPAN])
    b, _ = run(["dot", JAPAN])
    if a != b:
        fail("two runs of factnet dot differ")
    s1, s2 = out("d1.svg"), out("d2.svg")
    run(["render", JAPAN, "-o", s1])
    run(["render", JAPAN, "-o", s2])
    if open(s1, "rb").read() != open(s2, "rb").read():
        fail("two renders to SVG differ")
    p1, p2 = out("d1.png"), out("d2.png")
    run(["render", SMALL, "-o", p1])
    run(["render", SMALL, "-o", p2])
    if open(p1, "rb").read() != open(p2, "rb").read():
        fail("two renders to PNG differ")
    check_svg(s1, JAPAN)


def case_golden():
    got, _ = run(["dot", "--no-legend", SMALL])
    want = open(os.path.join(SRC, "tests/dot/small.dot"), "rb").read()
    if got != want:
        fail("factnet dot --no-legend %s differs from tests/dot/small.dot"
             % SMALL)


def case_errors():
    _, err = run(["dot", JAPAN, "--ego", "Atlantis"], status=2)
    if "Atlantis" not in err:
        fail("--ego error does not name the entity: %r" % err)
    run(["dot", JAPAN, "--layout", "spring"], status=2)
    run(["dot", JAPAN, "--color-by", "colour"], status=2)
    run(["dot", JAPAN, "--size-by", "fame"], status=2)
    run(["dot", JAPAN, "--top", "5", "--size-by", "none"], status=2)
    run(["dot", JAPAN, "--multi", "--view", "actors"], status=2)
    run(["dot", JAPAN, "--collapse", "types"], status=2)
    run(["render", JAPAN], status=2)
    run(["render", JAPAN, "-o", out("x.gif")], status=2)
    run(["render", JAPAN, "-o", "-"], status=2)
    run(["dot"], status=2)
    run(["dot", "no/such/file.json"], status=3)
    help_text, _ = run(["dot", "--help"])
    for opt in (b"--color-by", b"--size-by", b"--ego", b"--collapse",
                b"--layout", b"--view", b"--min-weight"):
        if opt not in help_text:
            fail("dot --help does not mention %s" % opt.decode())


def case_missing_plugin():
    empty = out("no-plugins")
    os.makedirs(empty, exist_ok=True)
    env = dict(os.environ, GVBINDIR=empty)
    path = out("missing.svg")
    if os.path.exists(path):
        os.remove(path)
    _, err = run(["render", SMALL, "-o", path], status=4, env=env)
    if "no renderer for svg" not in err:
        fail("missing plugin message: %r" % err)
    if os.path.exists(path):
        fail("a file was written although rendering failed")


CASES = {name[5:]: f for name, f in globals().items()
         if name.startswith("case_")}
if CASE not in CASES:
    fail("unknown case " + CASE)
CASES[CASE]()
print("ok: " + CASE)

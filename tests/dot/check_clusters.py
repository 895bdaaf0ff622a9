#!/usr/bin/env python3
"""check_clusters.py FACTNET SRCDIR WORKDIR CASE - diagrams with clusters.

geometry, type: the DOT of a clustered diagram is read back by Graphviz's
own `dot` program (-Tjson0; the file says layout=nop2, so the positions in
it are kept) and checked: each cluster holds exactly the nodes of its
community (from `factnet metrics`) or type (from the JSON), every node's
box lies inside its cluster's frame, below the cluster's label, and no two
frames (legend included) overlap.

repeat_dot, repeat_render: the same command run several times, each in its
own process, gives the same bytes (Graphviz's fdp, used for clusters
before, gave a different drawing on most runs).
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

FACTNET, SRC, WORK, CASE = sys.argv[1:5]
JAPAN = "data/japan_cyber.json"
TOL = 0.5  # points: DOT positions are printed with 2 decimals


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args):
    p = subprocess.run([FACTNET] + args, cwd=SRC, capture_output=True)
    if p.returncode != 0:
        fail("factnet %s: exit %d\n%s" % (" ".join(args), p.returncode,
                                          p.stderr.decode()))
    return p.stdout


def out(name):
    os.makedirs(WORK, exist_ok=True)
    return os.path.join(WORK, name)


def node_name(entity_id):
    """docs/DIAGRAMS.md: n_ + the id, bytes other than letters, digits
    and '-' written _XX."""
    res = "n_"
    for b in entity_id.encode("utf-8"):
        c = chr(b)
        if b < 128 and (c.isalnum() or c == "-"):
            res += c
        else:
            res += "_%02X" % b
    return res


def graphviz_json(dot_text):
    exe = shutil.which("dot")
    if not exe:
        print("SKIP: Graphviz's dot program is not installed")
        sys.exit(77)
    p = subprocess.run([exe, "-Tjson0"], input=dot_text, capture_output=True)
    if p.returncode != 0:
        fail("dot -Tjson0 could not draw factnet's DOT:\n" +
             p.stderr.decode())
    return json.loads(p.stdout)


def floats(text):
    return [float(x) for x in text.split(",")]


def layout_of(dot_text):
    """Clusters {name: (bb, lp, members)} and nodes {name: box}."""
    g = graphviz_json(dot_text)
    if g.get("layout") != "nop2":
        fail("layout is %r, expected the fixed drawing (nop2)"
             % g.get("layout"))
    if "cluster by cluster" not in g.get("comment", ""):
        fail("comment does not say how it was laid out: %r"
             % g.get("comment"))
    objs = g["objects"]
    nodes, clusters = {}, {}
    for o in objs:
        if "pos" in o and "width" in o:
            x, y = floats(o["pos"])
            w, h = 36 * float(o["width"]), 36 * float(o["height"])
            nodes[o["name"]] = (x - w, y - h, x + w, y + h)
    for o in objs:
        if o["name"].startswith("cluster"):
            members = {objs[i]["name"] for i in o.get("nodes", [])}
            clusters[o["name"]] = (floats(o["bb"]), floats(o["lp"]), members)
    return clusters, nodes


def check_geometry(clusters, nodes, want):
    """want: {cluster name: set of node names}."""
    got = {k: v[2] for k, v in clusters.items() if k != "cluster_legend"}
    if got != want:
        fail("cluster members differ:\n got %r\nwant %r" % (got, want))
    for name, (bb, lp, members) in clusters.items():
        if name == "cluster_legend":
            continue
        x0, y0, x1, y1 = bb
        for m in members:
            a, b, c, d = nodes[m]
            if a < x0 - TOL or b < y0 - TOL or c > x1 + TOL or d > y1 + TOL:
                fail("%s (%r) sticks out of %s (%r)" % (m, nodes[m], name,
                                                       bb))
        top = max(nodes[m][3] for m in members)
        if not (x0 <= lp[0] <= x1 and top < lp[1] <= y1):
            fail("%s: label at %r, not above its nodes (top %.2f) inside "
                 "%r" % (name, lp, top, bb))
    names = sorted(clusters)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            p, q = clusters[a][0], clusters[b][0]
            if p[0] < q[2] - TOL and q[0] < p[2] - TOL and \
               p[1] < q[3] - TOL and q[1] < p[3] - TOL:
                fail("frames of %s %r and %s %r overlap" % (a, p, b, q))


def geometry(layout):
    text = run(["dot", JAPAN, "--cluster-by", "community"] + layout)
    clusters, nodes = layout_of(text)
    table = run(["metrics", "--columns", "id,community", JAPAN]).decode()
    want = {}
    for r in csv.DictReader(io.StringIO(table)):
        want.setdefault("cluster_" + r["community"], set()).add(
            node_name(r["id"]))
    if len(want) < 3:
        fail("the fixture should have several communities, got %d"
             % len(want))
    if "cluster_legend" not in clusters:
        fail("no legend")
    check_geometry(clusters, nodes, want)


def case_geometry():
    geometry([])


def case_geometry_circo():
    # circo and twopi ignore clusters: factnet lays each cluster out with
    # them and places the clusters (output/diagram/clustered.h).
    geometry(["--layout", "circo"])


def case_geometry_twopi():
    geometry(["--layout", "twopi"])


def case_type():
    text = run(["dot", JAPAN, "--cluster-by", "type", "--color-by", "type",
                "--no-legend"])
    clusters, nodes = layout_of(text)
    corpus = json.load(open(os.path.join(SRC, JAPAN), encoding="utf-8"))
    types = sorted({e["type"] for e in corpus["entities"]})
    want = {}
    drawn = set(nodes)
    for e in corpus["entities"]:
        name = node_name(e["id"])
        if name in drawn:
            k = types.index(e["type"]) + 1
            want.setdefault("cluster_%d" % k, set()).add(name)
    if "cluster_legend" in clusters:
        fail("--no-legend drew a legend")
    check_geometry(clusters, nodes, want)


def same_bytes(label, args, times, path=None):
    first = None
    for i in range(times):
        if path:
            if os.path.exists(path):
                os.remove(path)
            run(args + ["-o", path])
            data = open(path, "rb").read()
        else:
            data = run(args)
        if not data:
            fail("%s: empty output" % label)
        if first is None:
            first = data
        elif data != first:
            fail("%s: run %d differs from run 1" % (label, i + 1))


def case_repeat_dot():
    base = ["dot", JAPAN]
    same_bytes("dot --cluster-by community", base + ["--cluster-by",
                                                     "community"], 5)
    for extra in (["--cluster-by", "type", "--no-legend"],
                  ["--cluster-by", "community", "--layout", "sfdp"],
                  ["--cluster-by", "community", "--layout", "dot"],
                  ["--cluster-by", "community", "--layout", "circo"],
                  ["--cluster-by", "community", "--layout", "twopi"],
                  ["--cluster-by", "community", "--view", "actors"]):
        same_bytes("dot " + " ".join(extra), base + extra, 3)


def case_repeat_render():
    base = ["render", JAPAN, "--cluster-by", "community"]
    same_bytes("render --cluster-by community (svg)", base, 5, out("c.svg"))
    same_bytes("render --cluster-by community (png)", base, 3, out("c.png"))
    same_bytes("render --cluster-by community (pdf)", base, 3, out("c.pdf"))


CASES = {name[5:]: f for name, f in globals().items()
         if name.startswith("case_")}
if CASE not in CASES:
    fail("unknown case " + CASE)
CASES[CASE]()
print("ok: " + CASE)

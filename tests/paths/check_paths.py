#!/usr/bin/python3
"""Exact path metrics through the CLI against NetworkX and python-igraph.

factnet computes exact unweighted betweenness, closeness and harmonic
centrality in one search per source (src/analysis/paths.c), split over
two processes on large graphs. This test runs `factnet metrics` on small
hand-made corpora (a path, a star, a 4-cycle and a 6x5 grid with many tied
paths, components with an isolated node, one node, two nodes, a directed
graph with reciprocal arcs and a sink, and a weighted corpus) in the three
FACTNET_PARALLEL modes (auto, always = split even on small graphs, serial)
and compares every value with NetworkX, computed here from the edges
written into the corpus (docs/METRICS.md's definitions: NetworkX
normalisation, Wasserman-Faust closeness, harmonic / (n - 1), outgoing
distances in directed mode). Then it runs a corpus of gen_facts (the bench
generator) and compares with python-igraph on the graph rebuilt here from
the JSON Lines. Tolerance: 1e-12 relative (1e-15 absolute near 0).

Usage: check_paths.py FACTNET GEN_FACTS
"""

import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

COLUMNS = ["betweenness", "closeness", "harmonic"]
failures = []
checked = [0]  # values compared


def corpus(nodes, edges, directed=False, weights=None):
    """A factnet JSON document with entities `nodes` and one fact per edge."""
    facts = []
    for k, (a, b) in enumerate(edges):
        f = {"subject": a, "relation": "tie", "object": b, "source": "t",
             "evidence": "test edge %d" % k}
        if weights:
            f["weight"] = weights[k]
        facts.append(f)
    return {
        "factnet": 1,
        "title": "check_paths test graph",
        "sources": [{"id": "t", "title": "test", "author": "test",
                     "date": "2024"}],
        "entities": [{"id": v, "type": "actor", "label": v} for v in nodes],
        "relations": {"tie": {"from": "any", "to": "any",
                              "directed": directed, "sign": 1,
                              "description": "test tie"}},
        "facts": facts,
    }


def run_factnet(factnet, path, args, mode):
    env = dict(os.environ, FACTNET_PARALLEL=mode)
    cmd = [factnet, "metrics", path, "--format", "csv", "--exact",
           "--columns", "id," + ",".join(COLUMNS)] + args
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, check=False)
    if p.returncode != 0:
        failures.append("%s (%s): exit %d: %s" % (" ".join(cmd), mode,
                                                  p.returncode,
                                                  p.stderr.decode()))
        return {}
    rows = csv.DictReader(io.StringIO(p.stdout.decode()))
    return {r["id"]: {c: float(r[c]) if r[c] else float("nan")
                      for c in COLUMNS} for r in rows}


def close(got, want):
    if math.isnan(want):
        return math.isnan(got)
    return abs(got - want) <= max(1e-15, 1e-12 * abs(want))


def compare(name, got, want):
    if set(got) != set(want):
        failures.append("%s: nodes %s, want %s" % (name, sorted(got),
                                                   sorted(want)))
        return
    for v in sorted(want):
        for c in COLUMNS:
            checked[0] += 1
            if not close(got[v][c], want[v][c]):
                failures.append("%s: %s %s = %.17g, want %.17g"
                                % (name, v, c, got[v][c], want[v][c]))


def networkx_values(nodes, edges, directed, weights=None):
    """docs/METRICS.md's definitions with NetworkX; lengths 1/weight when
    weights are given (--weighted)."""
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(nodes)
    for k, (a, b) in enumerate(edges):
        g.add_edge(a, b, length=1.0 / weights[k] if weights else 1.0)
    n = len(nodes)
    length = "length" if weights else None
    bt = nx.betweenness_centrality(g, normalized=True, weight=length)
    # NetworkX's closeness and harmonic use distances *to* a node; factnet
    # uses distances from it (the same when undirected).
    rev = g.reverse() if directed else g
    cl = nx.closeness_centrality(rev, wf_improved=True, distance=length)
    hm = nx.harmonic_centrality(rev, distance=length)
    return {v: {"betweenness": bt[v], "closeness": cl[v],
                "harmonic": hm[v] / (n - 1) if n > 1 else 0.0}
            for v in nodes}


def hand_cases():
    grid = nx.grid_2d_graph(6, 5)
    gname = {v: "G%d_%d" % v for v in grid}
    cases = [
        ("path", list("ABCDE"), [("A", "B"), ("B", "C"), ("C", "D"),
                                 ("D", "E")], False),
        ("star", list("HABCD"), [("H", x) for x in "ABCD"], False),
        ("cycle4", list("ABCD"), [("A", "B"), ("B", "C"), ("C", "D"),
                                  ("D", "A")], False),
        ("grid6x5", sorted(gname.values()),
         [(gname[a], gname[b]) for a, b in grid.edges()], False),
        ("components", list("ABCDEFGHI"),
         [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("E", "F"),
          ("F", "G"), ("H", "G")], False),
        ("two", ["A", "B"], [("A", "B")], False),
        ("directed", list("ABCDEF"),
         [("A", "B"), ("B", "A"), ("B", "C"), ("C", "D"), ("D", "B"),
          ("E", "C"), ("A", "C")], True),
    ]
    return cases


def check_hand(factnet, tmp):
    for name, nodes, edges, directed in hand_cases():
        path = os.path.join(tmp, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(corpus(nodes, edges, directed), f)
        want = networkx_values(nodes, edges, directed)
        args = ["--directed"] if directed else []
        for mode in ("auto", "always", "serial"):
            compare("%s (%s)" % (name, mode),
                    run_factnet(factnet, path, args, mode), want)
    # one node: factnet's values are 0 (NetworkX's closeness is 0 too;
    # its harmonic has no n - 1 to divide by)
    path = os.path.join(tmp, "one.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(corpus(["A", "B"], [("A", "B")]), f)
    doc = corpus(["A"], [])
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    for mode in ("auto", "always"):
        compare("one node (%s)" % mode, run_factnet(factnet, path, [], mode),
                {"A": {c: 0.0 for c in COLUMNS}})
    # weighted paths (igraph's Dijkstra, kept): ties of equal float sums
    # avoided, weights 1, 2 and 4 give exact lengths
    nodes = list("ABCDEF")
    edges = [("A", "B"), ("B", "C"), ("A", "C"), ("C", "D"), ("D", "E"),
             ("E", "F"), ("C", "F")]
    weights = [1, 2, 4, 1, 2, 4, 1]
    path = os.path.join(tmp, "weighted.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(corpus(nodes, edges, False, weights), f)
    want = networkx_values(nodes, edges, False, weights)
    for mode in ("auto", "always"):
        compare("weighted (%s)" % mode,
                run_factnet(factnet, path, ["--weighted"], mode), want)


def check_generated(factnet, gen, tmp):
    path = os.path.join(tmp, "gen.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        subprocess.run([gen, "4000", "300"], stdout=f, check=True)
    ids, pairs = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("kind") == "entity":
                ids.append(r["id"])
            elif r.get("kind") == "fact" and r["subject"] != r["object"]:
                pairs.add(tuple(sorted((r["subject"], r["object"]))))
    index = {v: i for i, v in enumerate(ids)}
    g = igraph.Graph(n=len(ids), edges=[(index[a], index[b])
                                        for a, b in sorted(pairs)])
    n = g.vcount()
    bt = g.betweenness(directed=False)
    cl = g.closeness(normalized=True)
    hm = g.harmonic_centrality(normalized=True)
    comp = g.connected_components()
    size = {v: len(comp[comp.membership[v]]) for v in range(n)}
    want = {}
    for v, vid in enumerate(ids):
        r = size[v] - 1
        want[vid] = {
            "betweenness": bt[v] / ((n - 1) * (n - 2) / 2),
            "closeness": 0.0 if r == 0 else cl[v] * r / (n - 1),
            "harmonic": hm[v],
        }
    for mode in ("auto", "always"):
        compare("gen_facts 4000 (%s)" % mode,
                run_factnet(factnet, path, [], mode), want)


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        check_hand(argv[1], tmp)
        check_generated(argv[1], argv[2], tmp)
    for f in failures:
        print("FAIL:", f)
    print("%d values compared, %d failures" % (checked[0], len(failures)))
    if checked[0] == 0:
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

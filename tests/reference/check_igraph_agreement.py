#!/usr/bin/python3
"""Cross-check factnet's reference values (NetworkX) with python-igraph.

Not run by ctest.  A tool for the people writing factnet in C: it rebuilds
every reference case from tests/reference/networks/*.json *without* NetworkX
(plain Python + python-igraph 0.10, whose methods are thin wrappers of the C
functions factnet calls), computes every column the way the C code would,
and prints the maximum absolute difference against expected/CASE.*.csv.

For each column it shows the plain igraph call ("direct") and, where that
does not agree, the transformation that makes it agree.  Usage:

    /usr/bin/python3 tests/reference/check_igraph_agreement.py [CASE ...]

Exit status 0 when every column agrees within 1e-9 with *some* listed
variant marked as the one to use (the "use" column), 1 otherwise.
"""

import csv
import json
import math
import os
import sys

import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
NETDIR = os.path.join(HERE, "networks")
EXPDIR = os.path.join(HERE, "expected")
TOL = 1e-9

# CASE -> (network, options), the same mapping as compare.py
CASES = {
    "karate": ("karate", {}),
    "karate-unweighted": ("karate", {"unweighted": True}),
    "karate-weighted": ("karate", {"weighted": True}),
    "florentine": ("florentine", {}),
    "directed": ("directed", {"directed": True}),
    "davis": ("davis", {}),
    "davis-actors-count": ("davis", {"view": "actors", "weight": "count"}),
    "davis-actors-newman": ("davis", {"view": "actors", "weight": "newman"}),
    "davis-actors-jaccard": ("davis", {"view": "actors", "weight": "jaccard"}),
}


# --------------------------------------------------------------------------
# building the graph the way factnet does (no NetworkX involved)
# --------------------------------------------------------------------------

def build(netname, opts):
    with open(os.path.join(NETDIR, netname + ".json"), encoding="utf-8") as f:
        net = json.load(f)
    ents = sorted(net["entities"], key=lambda e: e["id"])
    directed = bool(opts.get("directed"))
    if opts.get("view") == "actors":
        return project_actors(net, ents, opts["weight"])
    ids = [e["id"] for e in ents]
    idx = {v: i for i, v in enumerate(ids)}
    agg = {}                                   # aggregated simple graph
    for fct in net["facts"]:
        u, v = idx[fct["subject"]], idx[fct["object"]]
        key = (u, v) if directed else (min(u, v), max(u, v))
        agg[key] = agg.get(key, 0) + fct.get("weight", 1)
    edges = sorted(agg)
    g = ig.Graph(n=len(ids), edges=edges, directed=directed)
    g.vs["name"] = ids
    g.vs["type"] = [e["type"] for e in ents]
    g.es["weight"] = [float(agg[e]) for e in edges]
    return g


def project_actors(net, ents, scheme):
    """--view actors: actors linked when they share an object; weight
    count = |shared|, newman = sum over shared objects of 1/(k-1) with k the
    object's degree, jaccard = |shared| / |union|."""
    actors = [e["id"] for e in ents if e["type"] == "actor"]
    idx = {v: i for i, v in enumerate(actors)}
    nbrs = {a: set() for a in actors}
    members = {}
    for fct in net["facts"]:
        s, o = fct["subject"], fct["object"]
        if s in idx and o not in idx:
            nbrs[s].add(o)
            members.setdefault(o, set()).add(s)
    edges, weights = [], []
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            shared = nbrs[a] & nbrs[b]
            if not shared:
                continue
            if scheme == "count":
                w = float(len(shared))
            elif scheme == "newman":
                w = sum(1.0 / (len(members[o]) - 1) for o in sorted(shared))
            elif scheme == "jaccard":
                w = len(shared) / len(nbrs[a] | nbrs[b])
            else:
                raise ValueError(scheme)
            edges.append((idx[a], idx[b]))
            weights.append(w)
    g = ig.Graph(n=len(actors), edges=edges, directed=False)
    g.vs["name"] = actors
    g.vs["type"] = ["actor"] * len(actors)
    g.es["weight"] = weights
    return g


def collapsed(g):
    """Undirected version of a digraph: one edge per pair, weight summed."""
    if not g.is_directed():
        return g
    u = g.copy()
    u.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
    return u


def reachable_counts(g, mode):
    """r(v) = number of vertices other than v reachable from v (mode out) —
    the C function igraph_closeness() returns this as reachable_count."""
    return [len(g.subcomponent(v, mode=mode)) - 1 for v in range(g.vcount())]


# --------------------------------------------------------------------------
# the variants: name, function(g, w, wp) -> list, is-the-one-to-use
# --------------------------------------------------------------------------

def node_variants(g, opts):
    n = g.vcount()
    directed = g.is_directed()
    weighted = not opts.get("unweighted")
    w = g.es["weight"] if weighted else None
    wp = [1.0 / x for x in g.es["weight"]] if opts.get("weighted") else None
    mode = "out" if directed else "all"
    U = collapsed(g)
    wU = U.es["weight"] if weighted else None
    norm = (n - 1) * (n - 2) / (1.0 if directed else 2.0)

    def wf(values, reach):
        return [0.0 if r == 0 else (r / (n - 1)) * c
                for c, r in zip(values, reach)]

    V = {}
    V["degree"] = [
        ("degree(mode=ALL)", lambda: g.degree(mode="all"), not directed),
    ]
    if directed:
        V["degree"].append(("degree of the collapsed undirected graph "
                            "(distinct neighbours)", lambda: U.degree(), True))
    V["in_degree"] = [("degree(mode=IN)", lambda: g.degree(mode="in"), True)]
    V["out_degree"] = [("degree(mode=OUT)", lambda: g.degree(mode="out"),
                        True)]
    V["strength"] = [("strength(mode=ALL, weights)",
                      lambda: g.strength(mode="all", weights=w), True)]
    V["betweenness"] = [
        ("betweenness(directed, weights=1/w if --weighted) [raw]",
         lambda: g.betweenness(directed=directed, weights=wp), False),
        ("betweenness(...) / ((n-1)(n-2)%s)" % ("" if directed else "/2"),
         lambda: [b / norm for b in g.betweenness(directed=directed,
                                                  weights=wp)], True),
    ]
    V["closeness"] = [
        ("closeness(mode=%s, normalized=True) [igraph: reachable only]"
         % mode.upper(),
         lambda: g.closeness(mode=mode, weights=wp, normalized=True), False),
        ("closeness(mode=%s, normalized=True) * r/(n-1), 0 if r=0"
         % mode.upper(),
         lambda: wf(g.closeness(mode=mode, weights=wp, normalized=True),
                    reachable_counts(g, mode)), True),
    ]
    if directed:
        V["closeness"].append(
            ("closeness(mode=IN, ...) * r_in/(n-1) [NetworkX's direction]",
             lambda: wf(g.closeness(mode="in", weights=wp, normalized=True),
                        reachable_counts(g, "in")), False))
    V["harmonic"] = [
        ("harmonic_centrality(mode=%s, normalized=True)" % mode.upper(),
         lambda: g.harmonic_centrality(mode=mode, weights=wp,
                                       normalized=True), True),
    ]
    if directed:
        V["harmonic"].append(
            ("harmonic_centrality(mode=IN, normalized=True)",
             lambda: g.harmonic_centrality(mode="in", weights=wp,
                                           normalized=True), False))
    V["eigenvector"] = [
        ("eigenvector_centrality(directed=False, scale=True, weights)",
         lambda: g.eigenvector_centrality(directed=False, scale=True,
                                          weights=w), True),
    ]
    if directed:
        V["eigenvector"][0] = V["eigenvector"][0][:2] + (False,)
        V["eigenvector"].append(
            ("same on the collapsed undirected graph (weights summed)",
             lambda: U.eigenvector_centrality(directed=False, scale=True,
                                              weights=wU), True))
    V["pagerank"] = [
        ("pagerank(directed, damping=0.85, weights) [PRPACK]",
         lambda: g.pagerank(directed=directed, damping=0.85, weights=w), True),
    ]
    V["hub"] = [("hub_score(weights, scale=True)",
                 lambda: g.hub_score(weights=w, scale=True), True)]
    V["authority"] = [("authority_score(weights, scale=True)",
                       lambda: g.authority_score(weights=w, scale=True),
                       True)]
    V["coreness"] = [("coreness(mode=ALL)", lambda: g.coreness(mode="all"),
                      not directed)]
    if directed:
        V["coreness"].append(("coreness(mode=ALL) on the collapsed graph",
                              lambda: U.coreness(mode="all"), True))
    V["clustering"] = [("transitivity_local_undirected(mode=ZERO)",
                        lambda: g.transitivity_local_undirected(mode="zero"),
                        not directed)]
    if directed:
        V["clustering"].append(
            ("transitivity_local_undirected(mode=ZERO) on the collapsed graph",
             lambda: U.transitivity_local_undirected(mode="zero"), True))
    V["constraint"] = [("constraint(weights)",
                        lambda: g.constraint(weights=w), not directed)]
    if directed:
        V["constraint"].append(("constraint(weights) on the collapsed graph",
                                lambda: U.constraint(weights=wU), True))
    return V


def graph_variants(g):
    directed = g.is_directed()
    U = collapsed(g)
    types = g.vs["type"]
    tmap = {t: i for i, t in enumerate(sorted(set(types)))}
    tint = [tmap[t] for t in types]
    comps = g.connected_components(mode="weak")
    V = {
        "nodes": [("vcount()", lambda: g.vcount(), True)],
        "edges": [("ecount()", lambda: g.ecount(), True)],
        "density": [("density(loops=False)", lambda: g.density(loops=False),
                     True)],
        "components": [("connected_components(WEAK)", lambda: len(comps),
                        True)],
        "largest_component": [("max component size",
                               lambda: max(comps.sizes()), True)],
        "diameter": [("diameter(directed, unconn=True, no weights)",
                      lambda: g.diameter(directed=directed, unconn=True),
                      True)],
        "average_path_length": [
            ("average_path_length(directed, unconn=True)",
             lambda: g.average_path_length(directed=directed, unconn=True),
             True)],
        "transitivity": [("transitivity_undirected()",
                          lambda: g.transitivity_undirected(), True)],
        "average_clustering": [
            ("transitivity_avglocal_undirected(mode=ZERO)",
             lambda: g.transitivity_avglocal_undirected(mode="zero"), True)],
        "degree_assortativity": [
            ("assortativity_degree(directed)",
             lambda: g.assortativity_degree(directed=directed), True)],
        "type_assortativity": [
            ("assortativity_nominal(type, directed)",
             lambda: g.assortativity_nominal(tint, directed=directed), True)],
    }
    if directed:
        V["transitivity"].append(("transitivity_undirected() on collapsed",
                                  lambda: U.transitivity_undirected(), False))
    return V


# --------------------------------------------------------------------------

def fnum(s):
    return float("nan") if s == "" else float(s)


def diff(got, exp):
    """max abs difference; NaN must match NaN (a NaN mismatch = inf)."""
    worst = 0.0
    for a, b in zip(got, exp):
        a = float("nan") if a is None else float(a)
        if math.isnan(a) or math.isnan(b):
            if not (math.isnan(a) and math.isnan(b)):
                return float("inf")
            continue
        worst = max(worst, abs(a - b))
    return worst


def run_case(case, report):
    netname, opts = CASES[case]
    g = build(netname, opts)
    ok = True
    # ---- nodes
    with open(os.path.join(EXPDIR, case + ".nodes.csv")) as f:
        rows = list(csv.DictReader(f))
    order = {v: i for i, v in enumerate(g.vs["name"])}
    assert sorted(order) == [r["id"] for r in rows], case
    perm = [order[r["id"]] for r in rows]
    variants = node_variants(g, opts)
    print("== %s (%d nodes, %d edges%s)" % (
        case, g.vcount(), g.ecount(), ", directed" if g.is_directed() else ""))
    for col in rows[0]:
        if col == "id":
            continue
        exp = [fnum(r[col]) for r in rows]
        chosen_ok = False
        for name, fn, use in variants[col]:
            try:
                vals = fn()
                got = [vals[i] for i in perm]
                d = diff(got, exp)
                msg = "%.3g" % d
            except Exception as e:          # pragma: no cover
                d, msg = float("inf"), "error: %s" % e
            agree = d <= TOL
            if use:
                chosen_ok = chosen_ok or agree
            print("  %-11s %-4s %-5s %-10s %s" % (
                col, "use" if use else "", "OK" if agree else "DIFF", msg,
                name))
            report.append((case, col, name, use, agree, d))
        ok = ok and chosen_ok
    # ---- graph
    gpath = os.path.join(EXPDIR, case + ".graph.csv")
    if os.path.exists(gpath):
        with open(gpath) as f:
            grows = {r["metric"]: fnum(r["value"]) for r in csv.DictReader(f)}
        gv = graph_variants(g)
        for metric, exp in grows.items():
            chosen_ok = False
            for name, fn, use in gv[metric]:
                d = diff([fn()], [exp])
                agree = d <= TOL
                if use:
                    chosen_ok = chosen_ok or agree
                print("  %-20s %-4s %-5s %-10s %s" % (
                    metric, "use" if use else "", "OK" if agree else "DIFF",
                    "%.3g" % d, name))
                report.append((case, "graph:" + metric, name, use, agree, d))
            ok = ok and chosen_ok
    return ok


def main(argv):
    cases = argv[1:] or list(CASES)
    report = []
    ok = True
    for case in cases:
        ok = run_case(case, report) and ok
    print()
    print("SUMMARY (variants marked 'use' must agree within %g):" % TOL)
    bad = [r for r in report if r[3] and not r[4]]
    if bad:
        for case, col, name, _, _, d in bad:
            print("  DISAGREE %s %s: %s (max abs diff %.3g)" % (case, col,
                                                               name, d))
    else:
        print("  all 'use' variants agree in all cases")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

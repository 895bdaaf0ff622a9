#!/usr/bin/python3
"""The benchmark job done with python-igraph (Debian's python3-igraph 0.10.2,
the same C core as factnet).

    /usr/bin/python3 bench/peers/igraph_peer.py [--full] FILE.jsonl > metrics.csv

Parses every JSON Lines record with the json module, keeps the entity
records (id, label, type, in file order), sums the weight of the facts of
each unordered pair of entities (self-loops left out), builds the simple
weighted graph with edges sorted by (from, to), computes the metrics and
writes the CSV in entity order (columns: see bench/peers/floor.c; they are
those of `factnet metrics --format csv`). Facts naming an undeclared entity
are skipped and counted on stderr; nothing else is checked.

The calls and normalisations are those of tests/reference/README.md.
Leiden: modularity objective (node weights = strength, resolution
normalised by the total weight), beta 0.01, iterated until stable (as
factnet does), Python's random
module (python-igraph's RNG) seeded with 42.
"""

import json
import random
import sys

import igraph as ig

LEIDEN_ITERATIONS = -1  # until stable, as factnet
SEED = 42

FAST = ["degree", "strength", "eigenvector", "pagerank", "coreness",
        "clustering", "community"]
FULL = ["degree", "in_degree", "out_degree", "strength", "betweenness",
        "closeness", "harmonic", "eigenvector", "pagerank", "hub",
        "authority", "coreness", "clustering", "constraint", "community"]
INTEGER = {"degree", "in_degree", "out_degree", "coreness", "community"}


def read(path):
    index, ids, labels, types = {}, [], [], []
    pairs = {}
    skipped = 0
    with open(path, "rb") as fp:
        for line in fp:
            if not line.strip():
                continue
            r = json.loads(line)
            kind = r.get("kind")
            if kind == "fact":
                a = index.get(r.get("subject"))
                b = index.get(r.get("object"))
                if a is None or b is None:
                    skipped += 1
                elif a != b:
                    key = (a, b) if a < b else (b, a)
                    pairs[key] = pairs.get(key, 0.0) + r.get("weight", 1.0)
            elif kind == "entity":
                eid = r.get("id")
                if eid is not None and eid not in index:
                    index[eid] = len(ids)
                    ids.append(eid)
                    labels.append(r.get("label") or eid)
                    types.append(r.get("type", ""))
    if skipped:
        sys.stderr.write("igraph_peer: %d facts name undeclared entities\n"
                         % skipped)
    return ids, labels, types, pairs


def compute(g, full):
    w = "weight"
    m = {}
    m["degree"] = g.degree()
    m["strength"] = g.strength(weights=w)
    m["eigenvector"] = g.eigenvector_centrality(directed=False, scale=True,
                                                weights=w)
    m["pagerank"] = g.pagerank(directed=False, damping=0.85, weights=w,
                               implementation="prpack")
    m["coreness"] = g.coreness()
    m["clustering"] = g.transitivity_local_undirected(mode="zero")
    random.seed(SEED)
    m["community"] = g.community_leiden(
        objective_function="modularity", weights=w, beta=0.01,
        n_iterations=LEIDEN_ITERATIONS).membership
    if full:
        n = g.vcount()
        norm = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
        m["in_degree"] = m["out_degree"] = m["degree"]
        m["betweenness"] = [b / norm for b in g.betweenness(directed=False)]
        # Wasserman-Faust: igraph averages over reachable nodes only.
        sizes = g.connected_components().sizes()
        comp = g.connected_components().membership
        close = g.closeness(mode="all", normalized=True)
        m["closeness"] = [
            0.0 if c != c or n < 2 else c * (sizes[k] - 1) / (n - 1)
            for c, k in zip(close, comp)]
        m["harmonic"] = g.harmonic_centrality(mode="all", normalized=True)
        m["hub"] = g.hub_score(weights=w, scale=True)
        m["authority"] = g.authority_score(weights=w, scale=True)
        m["constraint"] = g.constraint(weights=w)
    return m


def field(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def number(v, integer):
    if v != v:
        return ""
    return str(int(v)) if integer else repr(float(v))


def write(out, ids, labels, types, m, full):
    cols = FULL if full else FAST
    head = ["id", "label", "type"] if full else ["id"]
    out.write(",".join(head + cols) + "\n")
    vals = [m[c] for c in cols]
    ints = [c in INTEGER for c in cols]
    for i, eid in enumerate(ids):
        row = [field(eid)]
        if full:
            row += [field(labels[i]), field(types[i])]
        row += [number(v[i], k) for v, k in zip(vals, ints)]
        out.write(",".join(row) + "\n")


def main():
    args = sys.argv[1:]
    full = bool(args) and args[0] == "--full"
    if full:
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write("usage: igraph_peer.py [--full] FILE.jsonl\n")
        return 2
    ids, labels, types, pairs = read(args[0])
    keys = sorted(pairs)
    g = ig.Graph(n=len(ids), edges=keys, directed=False)
    g.es["weight"] = [pairs[k] for k in keys]
    del pairs, keys
    m = compute(g, full)
    write(sys.stdout, ids, labels, types, m, full)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

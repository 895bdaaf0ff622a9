#!/usr/bin/python3
"""The benchmark job done with NetworkX (Debian's python3-networkx 2.8.8).

    /usr/bin/python3 bench/peers/networkx_peer.py [--full] FILE.jsonl > metrics.csv

Reads and aggregates exactly as bench/peers/igraph_peer.py (every record
parsed with the json module; one edge per unordered pair, weight = sum of
the facts' weights, self-loops left out, edges added sorted by (from, to))
and writes the same CSV in entity order.

NetworkX has no Leiden: the community column comes from
louvain_communities(weight, resolution 1, seed 42), numbered in the order
NetworkX returns the communities. The other columns use NetworkX's own
algorithms with their default tolerances, so they agree with igraph's to
about 1e-6, not to the last bit (tests/reference/README.md explains the
gaps): eigenvector_centrality_numpy scaled to max 1, pagerank (0.85),
core_number, clustering (unweighted); with --full also exact
betweenness_centrality, closeness_centrality (Wasserman-Faust),
harmonic_centrality / (n-1), hits scaled to max 1, and constraint.
"""

import json
import os
import sys

# NetworkX iterates over sets in places; pin string hashing so that runs
# are reproducible (as scripts/gen-reference does).
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import warnings

import networkx as nx

# hits() warns about a NetworkX 3.0 change on every call.
warnings.filterwarnings("ignore", category=FutureWarning)

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
        sys.stderr.write("networkx_peer: %d facts name undeclared entities\n"
                         % skipped)
    return ids, labels, types, pairs


def scaled(d, n):
    top = max((abs(v) for v in d.values()), default=0.0)
    return [abs(d[i]) / top if top else 0.0 for i in range(n)]


def compute(G, full):
    n = G.number_of_nodes()
    m = {}
    m["degree"] = [d for _, d in sorted(G.degree())]
    m["strength"] = [d for _, d in sorted(G.degree(weight="weight"))]
    m["eigenvector"] = scaled(nx.eigenvector_centrality_numpy(
        G, weight="weight"), n)
    pr = nx.pagerank(G, alpha=0.85, weight="weight")
    m["pagerank"] = [pr[i] for i in range(n)]
    core = nx.core_number(G)
    m["coreness"] = [core[i] for i in range(n)]
    cl = nx.clustering(G)
    m["clustering"] = [cl[i] for i in range(n)]
    comm = [0] * n
    for k, c in enumerate(nx.community.louvain_communities(
            G, weight="weight", seed=SEED)):
        for v in c:
            comm[v] = k
    m["community"] = comm
    if full:
        m["in_degree"] = m["out_degree"] = m["degree"]
        b = nx.betweenness_centrality(G, normalized=True)
        m["betweenness"] = [b[i] for i in range(n)]
        c = nx.closeness_centrality(G, wf_improved=True)
        m["closeness"] = [c[i] for i in range(n)]
        h = nx.harmonic_centrality(G)
        m["harmonic"] = [h[i] / (n - 1) if n > 1 else 0.0 for i in range(n)]
        hub, auth = nx.hits(G)
        m["hub"] = scaled(hub, n)
        m["authority"] = scaled(auth, n)
        con = nx.constraint(G, weight="weight")
        m["constraint"] = [con[i] for i in range(n)]
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
        sys.stderr.write("usage: networkx_peer.py [--full] FILE.jsonl\n")
        return 2
    ids, labels, types, pairs = read(args[0])
    G = nx.Graph()
    G.add_nodes_from(range(len(ids)))
    G.add_weighted_edges_from((a, b, pairs[(a, b)]) for a, b in sorted(pairs))
    del pairs
    m = compute(G, full)
    write(sys.stdout, ids, labels, types, m, full)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""DNA's one-mode ties computed here from the raw facts, independently of
factnet, and compared cell by cell with `factnet export --view actors
--tie T --normalize N` on a random fixture (integer stances, yes/no signs,
repeated statements, one actor with no shared item).

The formulas are those of DNA's Exporter.computeOneModeMatrix (leifeld/dna)
as docs/METRICS.md states them; R = max - min of the levels, the yes/no
levels 0 and 1 counting whenever a fact has no stance; a zero denominator
gives 0."""
import csv
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile

TIES = ["signed", "congruence", "conflict", "subtract", "ignore"]
NORMS = ["none", "average", "jaccard", "cosine"]


def fixture(rng):
    actors = ["A%d" % i for i in range(7)]
    concepts = ["C%d" % i for i in range(5)]
    facts = []
    for _ in range(60):
        f = {"subject": rng.choice(actors[:-1]), "relation": "states",
             "object": rng.choice(concepts)}
        r = rng.random()
        if r < 0.7:
            f["stance"] = rng.randint(-2, 2)
        elif r < 0.85:
            f["sign"] = -1
        facts.append(f)
    # an actor whose only item nobody else states
    facts.append({"subject": actors[-1], "relation": "states",
                  "object": "LONE", "stance": 1})
    ents = [{"id": a, "type": "actor"} for a in actors]
    ents += [{"id": c, "type": "concept"} for c in concepts + ["LONE"]]
    return {"factnet": 1,
            "relations": {"states": {"from": "actor", "to": "concept",
                                     "directed": True, "sign": 1}},
            "entities": ents, "facts": facts}


def level(f):
    if "stance" in f:
        return f["stance"]
    return 0 if f.get("sign", 1) < 0 else 1


def expected(doc, tie, norm):
    x = {}
    levels = set()
    for f in doc["facts"]:
        k = level(f)
        levels.add(k)
        if "stance" not in f:
            levels.update({0, 1})
        key = (f["subject"], f["object"], k)
        x[key] = x.get(key, 0) + 1
    r = max(levels) - min(levels) or 1
    actors = sorted({f["subject"] for f in doc["facts"]})
    items = sorted({f["object"] for f in doc["facts"]})
    ks = sorted(levels)
    X = lambda a, j, k: x.get((a, j, k), 0)
    out = {}
    for a, b in itertools.combinations(actors, 2):
        shared = [j for j in items
                  if sum(X(a, j, k) for k in ks) and sum(X(b, j, k) for k in ks)]
        if not shared:
            continue
        cong = sum(X(a, j, k) * X(b, j, l) * (1 - abs(k - l) / r)
                   for j in items for k in ks for l in ks)
        conf = sum(X(a, j, k) * X(b, j, l) * abs(k - l) / r
                   for j in items for k in ks for l in ks)
        ign = sum(sum(X(a, j, k) for k in ks) * sum(X(b, j, k) for k in ks)
                  for j in items)
        ta = sum(X(a, j, k) for j in items for k in ks)
        tb = sum(X(b, j, k) for j in items for k in ks)
        if norm == "average":
            d = (ta + tb) / 2
        elif norm == "jaccard":
            m10 = sum(X(a, j, k) for j in items for k in ks if X(b, j, k) == 0)
            m01 = sum(X(b, j, k) for j in items for k in ks if X(a, j, k) == 0)
            m11 = sum(X(a, j, k) * X(b, j, k) for j in items for k in ks
                      if X(a, j, k) > 0 and X(b, j, k) > 0)
            d = m10 + m01 + m11
        elif norm == "cosine":
            d = ta * tb
        else:
            d = 1
        cong, conf, ign = ((v / d if d else 0) for v in (cong, conf, ign))
        pos, neg = {"signed": (cong, conf), "congruence": (cong, 0),
                    "conflict": (0, conf), "ignore": (ign, 0),
                    "subtract": (max(cong - conf, 0), max(conf - cong, 0))
                    }[tie]
        if pos == 0 and neg == 0:
            continue
        w = pos - neg if tie == "subtract" else pos + neg
        out[tuple(sorted((a, b)))] = (w, pos, neg)
    return out


def main():
    exe = sys.argv[1]
    rng = random.Random(20261207)
    doc = fixture(rng)
    failures = cells = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "facts.json")
        with open(path, "w") as fp:
            json.dump(doc, fp)
        for tie, norm in itertools.product(TIES, NORMS):
            prefix = os.path.join(tmp, "%s-%s" % (tie, norm))
            subprocess.run([exe, "export", path, "--view", "actors",
                            "--tie", tie, "--normalize", norm, "--format",
                            "csv", "-o", prefix], check=True,
                           stderr=subprocess.DEVNULL)
            got = {}
            with open(prefix + ".edges.csv", newline="") as fp:
                for row in csv.DictReader(fp):
                    got[tuple(sorted((row["source"], row["target"])))] = (
                        float(row["weight"]), float(row["pos_weight"]),
                        float(row["neg_weight"]))
            want = expected(doc, tie, norm)
            for pair in sorted(set(got) | set(want)):
                cells += 1
                g, w = got.get(pair), want.get(pair)
                if g is None or w is None or any(
                        abs(p - q) > 1e-9 * max(1, abs(q))
                        for p, q in zip(g, w)):
                    failures += 1
                    print("%s/%s %s: factnet %s, expected %s"
                          % (tie, norm, pair, g, w))
    print("%d pairs compared over %d tie x normalisation cells, %d differ"
          % (cells, len(TIES) * len(NORMS), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""`factnet agree A B --by pair|entity` against figures computed here from
the raw fact files, without factnet's code. Entities are matched as in
check_agree.py (folded id, label and alias; a B entity takes the first A
entity one of its names folds to). In each source both files cite:

  --by pair:   a unit per unordered entity pair some file's facts join;
               a file's value is the sorted set of relation names of its
               facts between the two, joined by "+".
  --by entity: a unit per entity some file's facts name; a file's value
               is the type of its own record of that entity.

A file codes a unit when it has a value. Agreed: both coded it with
equal values. F1 = 2 agreed / (A coded + B coded); Cohen's kappa over the
units both coded and Krippendorff's alpha (nominal) over every unit come
from alpha_ref.py; per source, the same with coded = A + B.

usage: check_units.py FACTNET A.json B.json [A2.json B2.json ...]"""
import json
import subprocess
import sys
from collections import defaultdict

import alpha_ref
from check_agree import canon, load, resolve


def sources_of(f):
    return [f["source"]] if isinstance(f["source"], str) else f["source"]


def values(pa, pb, by):
    """{(source, unit key): [value A or None, value B or None]}"""
    (da, _), (db, _) = load(pa), load(pb)
    cmap = canon(da, db)
    cited = [{s for f in d["facts"] for s in sources_of(f)} for d in (da, db)]
    shared = cited[0] & cited[1]
    sets = defaultdict(lambda: [set(), set()])
    types = defaultdict(lambda: [None, None])
    for side, d in enumerate((da, db)):
        tag = "AB"[side]
        kind = {e["id"]: e.get("type", "") for e in d["entities"]}
        for f in d["facts"]:
            ids = [resolve(d, f["subject"]), resolve(d, f["object"])]
            ends = [cmap[(tag, i)] for i in ids]
            for src in sources_of(f):
                if src not in shared:
                    continue
                sets[(src, frozenset(ends))][side].add(f["relation"])
                for i, e in zip(ids, ends):
                    types[(src, e)][side] = kind[i]
    if by == "entity":
        return types
    return {k: ["+".join(sorted(s)) if s else None for s in v]
            for k, v in sets.items()}


def figures(units):
    a = sum(v[0] is not None for v in units)
    b = sum(v[1] is not None for v in units)
    both = [v for v in units if None not in v]
    agreed = sum(v[0] == v[1] for v in both)
    codes = {c: i for i, c in enumerate(sorted(
        {x for v in units for x in v if x is not None}))}
    data = [[None if v[s] is None else codes[v[s]] for v in units]
            for s in (0, 1)]
    return {
        "units_a": a, "units_b": b, "both": len(both), "agreed": agreed,
        "f1": 2 * agreed / (a + b) if a + b else None,
        "kappa": alpha_ref.kappa([codes[v[0]] for v in both],
                                 [codes[v[1]] for v in both]) if both
        else None,
        "alpha": alpha_ref.alpha(data, "nominal") if units else None,
    }


def close(g, w):
    if g is None or w is None:
        return g is None and w is None
    return abs(g - w) < 1e-9


def main():
    factnet, files = sys.argv[1], sys.argv[2:]
    bad = 0

    def check(what, g, w):
        nonlocal bad
        ok = close(g, w)
        print("%s %s: %r (expected %r)" % ("ok  " if ok else "FAIL", what, g,
                                            w))
        bad += not ok

    for pa, pb in zip(files[::2], files[1::2]):
        for by in ("pair", "entity"):
            units = values(pa, pb, by)
            out = subprocess.run([factnet, "agree", "--by", by, pa, pb, "-f",
                                  "json"], capture_output=True, text=True,
                                 check=True)
            got = json.loads(out.stdout)
            tag = "%s vs %s --by %s" % (pa, pb, by)
            check(tag + ": by", got["by"] == by, True)
            want = figures(list(units.values()))
            for k, w in want.items():
                check("%s: %s" % (tag, k), got["pairs"][0][k], w)
            check(tag + ": alpha row", got["alpha"][0]["alpha"], want["alpha"])
            check(tag + ": alpha units", got["alpha"][0]["units"],
                  want["both"])
            check(tag + ": units", sum(s["units"] for s in got["sources"]),
                  len(units))
            for s in got["sources"]:
                per = figures([v for (src, _), v in units.items()
                               if src == s["source"]])
                check("%s: %s units" % (tag, s["source"]), s["units"],
                      per["units_a"] + per["units_b"] - per["both"])
                check("%s: %s by all" % (tag, s["source"]), s["by_all"],
                      per["both"])
                check("%s: %s coded" % (tag, s["source"]), s["coded"],
                      per["units_a"] + per["units_b"])
                check("%s: %s agreed" % (tag, s["source"]), s["agreed"],
                      per["agreed"])
                check("%s: %s f1" % (tag, s["source"]), s["f1"], per["f1"])
                check("%s: %s alpha" % (tag, s["source"]), s["alpha"],
                      per["alpha"])
            listed = {d["unit"] for d in got["disagreements"]}
            check(tag + ": disagreements", len(listed),
                  sum(v[0] != v[1] for v in units.values()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

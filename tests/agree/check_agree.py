"""`factnet agree A B` against figures computed here from the raw fact
files, without factnet's code: entities matched by folded id, label and
alias across the two files; in each shared source and unordered entity
pair, the facts agreed under exact matching are the multiset intersection
of (relation, direction, sign); units are max(n_A, n_B) per pair and
source; the entities named per source are the subjects and objects of
each side's facts; alpha and kappa of the relation (its name) come from alpha_ref.py over units
built by pairing the equal facts, then the others in file order.

usage: check_agree.py FACTNET A.json B.json [A2.json B2.json ...]"""
import json
import subprocess
import sys
from collections import Counter, defaultdict

import alpha_ref

BUILTIN = {  # relation: (directed, sign), docs/FORMAT.md "Built-in relations"
    "party_to": (True, 1), "member_of": (True, 1), "part_of": (True, 1),
    "issued": (True, 1), "supersedes": (True, 1), "references": (True, 1),
    "negotiates": (True, 1), "supports": (True, 1),
    "cooperates_with": (False, 1), "opposes": (False, -1),
    "competes_with": (False, -1),
}


def fold(s):
    return " ".join(s.split()).lower()


def load(path):
    d = json.load(open(path, encoding="utf-8"))
    rel = dict(BUILTIN)
    for name, r in d.get("relations", {}).items():
        rel[name] = (r.get("directed", True), r.get("sign", 1))
    return d, rel


def names(e):
    al = e.get("aliases", [])
    al = [al] if isinstance(al, str) else al
    return [e["id"], e.get("label", e["id"])] + al


def resolve(d, ref):
    for e in d["entities"]:
        if e["id"] == ref:
            return e["id"]
    for e in d["entities"]:
        if fold(ref) in (fold(n) for n in names(e)):
            return e["id"]
    raise KeyError(ref)


def canon(da, db):
    """(file, id) -> canonical name: the A entity, else the B entity."""
    key_a = {}
    for e in da["entities"]:
        for n in names(e):
            key_a.setdefault(fold(n), e["id"])
    out = {}
    for e in da["entities"]:
        out[("A", e["id"])] = "A:" + e["id"]
    for e in db["entities"]:
        hit = [key_a[fold(n)] for n in names(e) if fold(n) in key_a]
        out[("B", e["id"])] = "A:" + hit[0] if hit else "B:" + e["id"]
    return out


def expected(pa, pb):
    (da, ra), (db, rb) = load(pa), load(pb)
    cmap = canon(da, db)
    srcs = lambda d: {s for f in d["facts"] for s in
                      ([f["source"]] if isinstance(f["source"], str)
                       else f["source"])}
    shared = srcs(da) & srcs(db)
    groups = defaultdict(lambda: ([], []))
    named = defaultdict(lambda: (set(), set()))  # source -> entities A, B
    for side, (d, rel) in enumerate(((da, ra), (db, rb))):
        tag = "AB"[side]
        for f in d["facts"]:
            fs = [f["source"]] if isinstance(f["source"], str) else f["source"]
            s = cmap[(tag, resolve(d, f["subject"]))]
            o = cmap[(tag, resolve(d, f["object"]))]
            directed, sign = rel[f["relation"]]
            key = (f["relation"], (s, o) if directed and s != o else None,
                   f.get("sign", sign))
            for src in fs:
                if src in shared:
                    groups[(src, frozenset((s, o)))][side].append(key)
                    named[src][side].update((s, o))
    units = both = matched = n_a = n_b = 0
    rows = ([], [])  # relation values per unit, None = missing
    for ga, gb in groups.values():
        n_a += len(ga)
        n_b += len(gb)
        units += max(len(ga), len(gb))
        both += min(len(ga), len(gb))
        common = Counter(ga) & Counter(gb)
        matched += sum(common.values())
        left_a, left_b = list(ga), list(gb)
        for k, c in common.items():
            for _ in range(c):
                left_a.remove(k)
                left_b.remove(k)
                rows[0].append(k[0])
                rows[1].append(k[0])
        for i in range(max(len(left_a), len(left_b))):
            rows[0].append(left_a[i][0] if i < len(left_a) else None)
            rows[1].append(left_b[i][0] if i < len(left_b) else None)
    codes = {v: i for i, v in enumerate(sorted(
        {v for r in rows for v in r if v is not None}, key=repr))}
    data = [[None if v is None else codes[v] for v in r] for r in rows]
    pairs = [(x, y) for x, y in zip(*data) if x is not None and y is not None]
    ent_a = sum(len(a) for a, _ in named.values())
    ent_b = sum(len(b) for _, b in named.values())
    ent_both = sum(len(a & b) for a, b in named.values())
    return {
        "entities": (ent_a, ent_b, ent_both,
                     2 * ent_both / (ent_a + ent_b)),
        "units": units, "both": both, "agreed": matched,
        "units_a": n_a, "units_b": n_b,
        "f1": 2 * matched / (n_a + n_b),
        "alpha": alpha_ref.alpha(data, "nominal"),
        "kappa": alpha_ref.kappa([p[0] for p in pairs], [p[1] for p in pairs]),
    }


def main():
    factnet, files = sys.argv[1], sys.argv[2:]
    bad = 0
    for pa, pb in zip(files[::2], files[1::2]):
        want = expected(pa, pb)
        out = subprocess.run([factnet, "agree", pa, pb, "-f", "json"],
                             capture_output=True, text=True, check=True)
        got = json.loads(out.stdout)
        row = got["pairs"][0]
        n_units = sum(s["units"] for s in got["sources"])
        checks = [("units", n_units, want["units"])]
        for k in ("units_a", "units_b", "both", "agreed", "f1", "alpha",
                  "kappa"):
            checks.append((k, row[k], want[k]))
        e = got["entities"][0]
        checks.append(("entities", (e["entities_a"], e["entities_b"],
                                    e["agreed"], e["f1"]),
                       want["entities"]))
        for k, g, w in checks:
            if k == "entities":
                ok = g[:3] == w[:3] and abs(g[3] - w[3]) < 1e-9
                print("%s %s vs %s: %s = %r (expected %r)" %
                      ("ok  " if ok else "FAIL", pa, pb, k, g, w))
                bad += not ok
                continue
            ok = (g is None and w is None) or (
                g is not None and w is not None and abs(g - w) < 1e-9)
            print("%s %s vs %s: %s = %r (expected %r)" %
                  ("ok  " if ok else "FAIL", pa, pb, k, g, w))
            bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

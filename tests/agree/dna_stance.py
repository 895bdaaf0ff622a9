"""Stance end to end through a DNA database: two coders (DNA coder ids 2
and 3) code the same documents with an integer qualifier `level` (-2..2),
some statements coded by one coder only; `factnet agree DB --coder 2
--coder 3 --dna-qualifier level` gives the stance alpha (interval) that
alpha_ref.py computes from the codings as written into the database, and
the units and stance disagreements counted here.

The database is written with tests/import/dna/dnafix.py (Python's sqlite3).

usage: dna_stance.py FACTNET"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "import", "dna"))
import alpha_ref  # noqa: E402
import dnafix  # noqa: E402

ORGS = ["Greenpeace", "EDF", "Sierra Club", "RWE"]
CONCEPTS = ["nuclear power", "coal exit", "carbon tax"]


def main():
    factnet = sys.argv[1]
    rng = random.Random(19)
    codes = {2: [], 3: []}  # per coder: level per unit (None: not coded)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "two.dna")
        db = dnafix.Db(path)
        db.coder(2, "Ana")
        db.coder(3, "Bo")
        v = db.stype(1, "Stance", [("organization", "short text"),
                                   ("concept", "short text"),
                                   ("level", "integer")])
        sid = 0
        for doc in range(1, 7):
            parts = []
            for org in ORGS:
                for concept in CONCEPTS:
                    parts.append("%s on %s." % (org, concept))
            text = " ".join(parts)
            db.document(doc, "Doc %d" % doc, text, dnafix.epoch(2020, 1, doc))
            for org in ORGS:
                for concept in CONCEPTS:
                    if rng.random() < 0.5:
                        continue  # nobody codes this one
                    level = rng.randint(-2, 2)
                    both = {2: level,
                            3: level if rng.random() < 0.7
                            else rng.randint(-2, 2)}
                    if rng.random() < 0.15:
                        both[rng.choice((2, 3))] = None
                    frag = "%s on %s." % (org, concept)
                    for coder in (2, 3):
                        codes[coder].append(both[coder])
                        if both[coder] is None:
                            continue
                        sid += 1
                        db.statement(sid, 1, doc,
                                     dnafix.utf16_span(text, frag), coder,
                                     {v["organization"]: ("short text", org),
                                      v["concept"]: ("short text", concept),
                                      v["level"]: ("integer", both[coder])})
        db.close()
        out = subprocess.run(
            [factnet, "agree", "--dna-statement-type", "Stance",
             "--dna-qualifier", "level", path, "--coder", "2", "--coder",
             "3", "-f", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr)
            return 1
        got = json.loads(out.stdout)
    data = [codes[2], codes[3]]
    want_alpha = alpha_ref.alpha(data, "interval")
    rows = {r["variable"]: r for r in got["alpha"]}
    units = sum(s["units"] for s in got["sources"])
    differ = sum(1 for a, b in zip(*data)
                 if a is not None and b is not None and a != b)
    stance_rows = sum(1 for r in got["disagreements"]
                      if r["issue"] == "stance")
    checks = [
        ("stance alpha", rows.get("stance", {}).get("alpha"), want_alpha),
        ("units", units, len(codes[2])),
        ("stance disagreements", stance_rows, 2 * differ),
    ]
    bad = 0
    for name, g, w in checks:
        ok = g is not None and abs(g - w) < 1e-9
        print("%s %s = %r (expected %r)" % ("ok  " if ok else "FAIL", name,
                                            g, w))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Stance end to end: two coders' JSON files whose facts carry `stance`
(docs/FORMAT.md, "Stance"); `factnet agree -f json` gives the stance row
of alpha (interval) that alpha_ref.py computes from the same codings, and
a stance disagreement in the list.

A stance of the other sign also changes the fact's sign (docs/FORMAT.md,
"Stance"), so such a disagreement is listed as a sign issue: every unit
the coders code differently gives two rows, of issue sign or stance.

usage: stance_e2e.py FACTNET"""
import json
import os
import random
import subprocess
import sys
import tempfile

import alpha_ref


def main():
    factnet = sys.argv[1]
    rng = random.Random(17)
    units = 25
    codes = [[rng.randint(-2, 2) for _ in range(units)] for _ in range(2)]
    for u in range(units):  # mostly agreeing coders, as in practice
        if rng.random() < 0.6:
            codes[1][u] = codes[0][u]
    ents = [{"id": "E%d" % i, "type": "actor"} for i in range(units + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in range(2):
            facts = [{"subject": "E0", "relation": "supports",
                      "object": "E%d" % (u + 1), "source": "s",
                      "evidence": "quote %d" % u, "stance": codes[k][u]}
                     for u in range(units)]
            doc = {"factnet": 1, "sources": [{"id": "s"}], "entities": ents,
                   "facts": facts}
            paths.append(os.path.join(tmp, "coder%d.json" % k))
            json.dump(doc, open(paths[-1], "w"))
        out = subprocess.run([factnet, "agree", paths[0], paths[1], "-f",
                              "json"], capture_output=True, text=True,
                             check=True)
        got = json.loads(out.stdout)
    rows = {r["variable"]: r for r in got["alpha"]}
    want = alpha_ref.alpha(codes, "interval")
    stance = rows.get("stance")
    ok = stance is not None and abs(stance["alpha"] - want) < 1e-9
    n_issue = sum(1 for r in got["disagreements"]
                  if r["issue"] in ("sign", "stance"))
    differ = sum(1 for u in range(units) if codes[0][u] != codes[1][u])
    ok = ok and n_issue == 2 * differ
    print("stance alpha %r, expected %r; %d sign/stance rows, expected %d" %
          (stance and stance["alpha"], want, n_issue, 2 * differ))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""factnet evidence on the bundled corpus: every fact is listed once, in the
documented order, and two runs give identical bytes.

usage: japan_check.py FACTNET CORPUS.json
"""
import json
import subprocess
import sys


def run(*args):
    p = subprocess.run(args, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p.stdout


def date_key(d):
    # ISO dates of year/month/day precision: order by first day, then
    # coarser first; undated last.
    if not d:
        return (1, "", 0)
    return (0, (d + "-01-01")[:10], len(d))


def main():
    factnet, corpus = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf-8") as f:
        facts = json.load(f)["facts"]
    rows = json.loads(run(factnet, "evidence", "-f", "json", corpus))
    problems = []
    locs = [r["location"] for r in rows]
    want = [f"{corpus}: facts[{i}]" for i in range(len(facts))]
    if sorted(locs) != sorted(want):
        problems.append(f"{len(rows)} rows for {len(facts)} facts, or a "
                        "fact listed twice / missing")
    for r in rows:
        i = int(r["location"].rsplit("[", 1)[1].rstrip("]"))
        f = facts[i]
        if r["quote"] != f.get("evidence"):
            problems.append(f"facts[{i}]: quote differs from the file")
        if r["relation"] != f["relation"] or r["date"] != f.get("date", ""):
            problems.append(f"facts[{i}]: relation or date differs")
    keys = [(r["from"], r["to"], r["from_id"], r["to_id"]) for r in rows]
    edges = [r["edge"] for r in rows]
    if edges != sorted(edges) or keys != sorted(keys):
        problems.append("edges not in label order")
    for a, b in zip(rows, rows[1:]):
        if a["edge"] == b["edge"] and date_key(a["date"]) > date_key(b["date"]):
            problems.append(f"edge {a['edge']}: facts not in date order")
        if a["edge"] == b["edge"] and a["from"] > a["to"]:
            problems.append(f"edge {a['edge']}: ends not in label order")
    for fmt in ("md", "csv", "latex"):
        if run(factnet, "evidence", "-f", fmt, corpus) != \
           run(factnet, "evidence", "-f", fmt, corpus):
            problems.append(f"{fmt}: two runs differ")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"ok: {len(rows)} rows, {edges[-1] if edges else 0} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The Quad/AUKUS situation of issue 17: China and Russia criticise the
agreements that the United States, the United Kingdom, Australia, Japan
and India are party to. In the default actors view (--tie signed) a critic
must not be positively tied to the parties, and must not share their
community; the expectations are read from the fixture's facts here."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "quad_aukus.json")


def run(exe, *args):
    p = subprocess.run([exe, *args], capture_output=True, text=True)
    if p.returncode:
        sys.exit("factnet %s failed: %s" % (" ".join(args), p.stderr))
    return p


def main():
    exe = sys.argv[1]
    doc = json.load(open(FIXTURE))
    critics = {f["subject"] for f in doc["facts"]
               if f["relation"] == "criticises"}
    parties = {f["subject"] for f in doc["facts"]
               if f["relation"] == "party_to"}
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "q")
        run(exe, "export", FIXTURE, "--view", "actors", "--format", "csv",
            "-o", prefix)
        with open(prefix + ".edges.csv", newline="") as fp:
            for row in csv.DictReader(fp):
                pair = {row["source"], row["target"]}
                if len(pair & critics) == 1 and len(pair & parties) == 1:
                    if float(row["pos_weight"]) != 0 or int(row["sign"]) != -1:
                        print("critic-party pair %s is not purely negative: "
                              "%s" % (sorted(pair), row))
                        bad += 1
    out = run(exe, "metrics", FIXTURE, "--view", "actors",
              "--columns", "id,community").stdout
    comm = {r["id"]: r["community"] for r in csv.DictReader(io.StringIO(out))}
    for c in critics:
        for p in parties:
            if comm[c] == comm[p]:
                print("critic %s shares community %s with party %s"
                      % (c, comm[c], p))
                bad += 1
    graph = run(exe, "metrics", FIXTURE, "--view", "actors", "--level",
                "graph").stdout
    rows = dict(r.split(",", 1) for r in graph.split())
    if rows.get("negative_within") != "0":
        print("negative ties inside communities: %s" % rows)
        bad += 1
    # The stance-free projection (--weight count) still reads shared items
    # as positive ties: the reason the default changed.
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "q")
        run(exe, "export", FIXTURE, "--view", "actors", "--weight", "count",
            "--format", "csv", "-o", prefix)
        with open(prefix + ".edges.csv", newline="") as fp:
            legacy = [r for r in csv.DictReader(fp)
                      if {r["source"], r["target"]} == {"CHN", "GBR"}]
    if not legacy or float(legacy[0]["weight"]) != 1:
        print("--weight count no longer links CHN and GBR: %s" % legacy)
        bad += 1
    print("critics %s, parties %s: %d problems"
          % (sorted(critics), sorted(parties), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""DNA's sample database (rDNA/rDNA/inst/extdata/sample.dna, a copy in
../shared/formats/dna/) through factnet's DNA importer, against an
independent reading of its SQLite tables with Python's sqlite3:

- 7 documents, 41 statements, 40 of type "DNA Statement" (the issue; the
  Python reading must find the same, and factnet must import 40 facts from
  7 sources);
- the two-mode network organisations x concepts, cell by cell (every pair
  of the 7 x 6, zeros included) against factnet's export of the full view,
  summing to 40 as rDNA's tests state (test-network.R);
- the one-mode "ignore" network of the Python reading sums to 276 (rDNA's
  figure; factnet's own is compared by test_tiemodes.py once --tie lands);
- every fact's evidence is its statement's text span [Start, Stop) taken
  in Java UTF-16 units, date the document's (UTC), coder and coder_name
  the statement's, entity attributes the non-empty ATTRIBUTEVALUES;
- --dna-texts writes the documents' texts, and check --sources-dir then
  verifies all 40 quotes;
- the folder holding the database is unchanged by every command, also
  while another connection holds a lock on it (DNA open on it): no
  journal, -wal, -shm or lock file.

usage: test_sample.py FACTNET [SAMPLE]   (exit 77 when SAMPLE is missing)"""
import csv
import datetime
import hashlib
import itertools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT = os.path.join(os.path.dirname(ROOT), "shared", "formats", "dna",
                       "sample.dna")
FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def connect(path):
    return sqlite3.connect("file:%s?immutable=1&mode=ro" % path, uri=True)


def reading(path):
    """What the tables say, read independently of factnet."""
    con = connect(path)
    q = lambda sql, *a: con.execute(sql, a).fetchall()
    r = {"documents": q("SELECT COUNT(*) FROM DOCUMENTS")[0][0],
         "statements": q("SELECT COUNT(*) FROM STATEMENTS")[0][0]}
    (tid,), = q("SELECT ID FROM STATEMENTTYPES WHERE Label = 'DNA Statement'")
    r["typed"] = q("SELECT COUNT(*) FROM STATEMENTS WHERE StatementTypeId = ?",
                   tid)[0][0]
    var = dict(q("SELECT Variable, ID FROM VARIABLES WHERE StatementTypeId = ?",
                 tid))

    def value(sid, name):
        row = q("SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON "
                "e.ID = d.Entity WHERE d.StatementId = ? AND d.VariableId = ?",
                sid, var[name])
        return row[0][0] if row else ""

    stmts = {}
    for sid, doc, start, stop, coder in q(
            "SELECT ID, DocumentId, Start, Stop, Coder FROM STATEMENTS "
            "WHERE StatementTypeId = ?", tid):
        agree = q("SELECT Value FROM DATABOOLEAN WHERE StatementId = ? AND "
                  "VariableId = ?", sid, var["agreement"])[0][0]
        text, date = q("SELECT Text, Date FROM DOCUMENTS WHERE ID = ?", doc)[0]
        u16 = text.encode("utf-16-le")[2 * start:2 * stop].decode("utf-16-le")
        stmts[sid] = {
            "org": value(sid, "organization"), "concept": value(sid, "concept"),
            "agree": agree, "doc": doc,
            "quote": " ".join(u16.split()),
            "date": datetime.datetime.fromtimestamp(
                date, datetime.timezone.utc).strftime("%Y-%m-%d"),
            "coder": str(coder),
            "coder_name": q("SELECT Name FROM CODERS WHERE ID = ?", coder)[0][0]}
    r["stmts"] = stmts
    r["attrs"] = {(v, n): a for v, n, a in q(
        "SELECT e.Value, a.AttributeVariable, av.AttributeValue FROM "
        "ATTRIBUTEVALUES av JOIN ATTRIBUTEVARIABLES a ON a.ID = "
        "av.AttributeVariableId JOIN ENTITIES e ON e.ID = av.EntityId WHERE "
        "av.AttributeValue != '' AND e.VariableId IN (?, ?)",
        var["organization"], var["concept"])}
    r["texts"] = dict(q("SELECT ID, Text FROM DOCUMENTS"))
    con.close()
    return r


def run(factnet, *args, cwd=None):
    p = subprocess.run([factnet] + list(args), cwd=cwd, capture_output=True,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def two_mode(r):
    """x[org][concept]: statements of the organisation on the concept."""
    x = {}
    for s in r["stmts"].values():
        if s["org"] and s["concept"]:
            x.setdefault(s["org"], {}).setdefault(s["concept"], 0)
            x[s["org"]][s["concept"]] += 1
    return x


def ignore_sum(x):
    """rDNA's one-mode network, qualifierAggregation "ignore": the sum over
    ordered pairs i != i' of sum_j x_ij * x_i'j."""
    return sum(x[a].get(j, 0) * x[b].get(j, 0)
               for a, b in itertools.permutations(x, 2) for j in x[a])


# docs/LIMITS.md: a quote is at most 2048 bytes; a longer span is quoted
# as its start and end joined by " … " (the fragments check --sources-dir
# reads).
QUOTE_BYTES = 2048
ELLIPSIS = " \u2026 "


def quoted(evidence, span):
    """The evidence of a span: the span, or when longer than the limit its
    head and tail (whole characters) joined by the ellipsis."""
    if len(span.encode()) <= QUOTE_BYTES:
        return evidence == span
    head, sep, tail = evidence.partition(ELLIPSIS)
    return (sep and span.startswith(head) and span.endswith(tail) and
            len(evidence.encode()) <= QUOTE_BYTES and
            len(head.encode()) >= QUOTE_BYTES // 2 - 8)


def snapshot(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        st = os.stat(p)
        with open(p, "rb") as f:
            out[name] = (st.st_size, st.st_mtime_ns,
                         hashlib.sha256(f.read()).hexdigest())
    return out


def main():
    factnet = os.path.abspath(sys.argv[1])
    sample = sys.argv[2] if len(sys.argv) > 2 else DEFAULT
    if not os.path.exists(sample):
        print("skipped: no", sample)
        return 77
    r = reading(sample)
    check((r["documents"], r["statements"], r["typed"]) == (7, 41, 40),
          "the tables hold 7 documents, 41 statements, 40 of type "
          "DNA Statement: %r" % ((r["documents"], r["statements"],
                                  r["typed"]),))
    x = two_mode(r)
    concepts = sorted({j for row in x.values() for j in row})
    check((len(x), len(concepts)) == (7, 6),
          "7 organisations x 6 concepts: %d x %d" % (len(x), len(concepts)))
    check(sum(map(sum, (row.values() for row in x.values()))) == 40,
          "two-mode sum 40 (rDNA)")
    check(ignore_sum(x) == 276, "one-mode ignore sum 276 (rDNA): %d"
          % ignore_sum(x))

    with tempfile.TemporaryDirectory() as tmp:
        db_dir = os.path.join(tmp, "db")
        os.mkdir(db_dir)
        db = os.path.join(db_dir, "sample.dna")
        shutil.copyfile(sample, db)
        before = snapshot(db_dir)
        out = os.path.join(tmp, "out")
        os.mkdir(out)

        rc, so, se = run(factnet, "check", db)
        check(rc == 0 and so.startswith(
            "%s: 13 entities, 40 facts, 7 sources" % db),
            "check: 40 facts from 7 sources: %r %r" % (so[:80], se))

        rc, so, se = run(factnet, "export", db, "--no-metrics", "-f", "csv",
                         "-o", os.path.join(out, "full"))
        check(rc == 0, "export csv: %r" % se)
        got = {}
        with open(os.path.join(out, "full.edges.csv"), newline="") as f:
            for row in csv.DictReader(f):
                ends = {row["source"], row["target"]}
                org = [e[len("organization:"):] for e in ends
                       if e.startswith("organization:")]
                con = [e[len("concept:"):] for e in ends
                       if e.startswith("concept:")]
                check(len(org) == 1 and len(con) == 1, "edge ends %r" % ends)
                got[(org[0], con[0])] = float(row["weight"])
        cells = 0
        for org in x:
            for j in concepts:
                want = x[org].get(j, 0)
                check(got.get((org, j), 0) == want,
                      "cell %s x %s: %r, expected %d"
                      % (org, j, got.get((org, j)), want))
                cells += 1
        check(cells == 42 and sum(got.values()) == 40,
              "42 cells compared, factnet's sum 40: %r" % sum(got.values()))

        rc, so, se = run(factnet, "export", db, "--no-metrics", "-f", "neo4j",
                         "-o", os.path.join(out, "neo"))
        check(rc == 0, "export neo4j: %r" % se)
        seen = set()
        with open(os.path.join(out, "neo", "relationships.csv"),
                  newline="") as f:
            for row in csv.DictReader(f):
                sid = int(row["location"].rsplit(":", 1)[1])
                seen.add(sid)
                s = r["stmts"][sid]
                check(row[":START_ID"] == "organization:" + s["org"] and
                      row[":END_ID"] == "concept:" + s["concept"],
                      "statement %d: ends" % sid)
                check(row["sign:long"] == ("1" if s["agree"] else "-1"),
                      "statement %d: sign from agreement" % sid)
                check(quoted(row["evidence"], s["quote"]),
                      "statement %d: evidence is the span:\n%r\n%r"
                      % (sid, row["evidence"], s["quote"]))
                check(row["date"] == s["date"], "statement %d: date" % sid)
                check(row["sources"] == "sample#%d" % s["doc"],
                      "statement %d: source" % sid)
                check(row["coder"] == s["coder"] and
                      row["coder_name"] == s["coder_name"],
                      "statement %d: coder" % sid)
        check(seen == set(r["stmts"]), "one fact per statement")
        with open(os.path.join(out, "neo", "nodes.csv"), newline="") as f:
            for row in csv.DictReader(f):
                label = row["label"]
                want = r["attrs"].get((label, "Type"), "")
                check(row.get("Type", "") == want,
                      "%s: Type %r, expected %r" % (label, row.get("Type"),
                                                    want))

        texts = os.path.join(tmp, "texts")
        rc, so, se = run(factnet, "check", db, "--dna-texts", texts)
        check(rc == 0 and sorted(os.listdir(texts)) ==
              ["sample-%d.txt" % i for i in range(1, 8)],
              "--dna-texts writes sample-1.txt .. sample-7.txt: %r" % se)
        for i, text in r["texts"].items():
            with open(os.path.join(texts, "sample-%d.txt" % i),
                      encoding="utf-8") as f:
                check(f.read() == text, "sample-%d.txt is document %d's text"
                      % (i, i))
        rc, so, se = run(factnet, "check", db, "--sources-dir", texts)
        check(rc == 0 and "evidence checked: 40 of 40 quotes (7 source texts "
              "read)" in so, "check --sources-dir: %r" % so[-200:])

        for args in (["evidence", db], ["metrics", db, "--view", "actors"],
                     ["check", "--input-format", "dna", db]):
            rc, so, se = run(factnet, *args, cwd=out)
            check(rc == 0, "%r: %r" % (args, se))
        # DNA open on the database: another connection holds a lock.
        other = sqlite3.connect(db)
        other.execute("BEGIN EXCLUSIVE")
        held = snapshot(db_dir)
        rc, so, se = run(factnet, "check", db)
        check(rc == 0 and "40 facts" in so,
              "reads a database another connection holds locked: %r" % se)
        check(snapshot(db_dir) == held, "nothing created while locked")
        other.rollback()
        other.close()
        after = snapshot(db_dir)
        check(after == before, "the database's folder is unchanged: %r"
              % sorted(set(after) ^ set(before)))
    if FAILS:
        print("%d failures" % len(FAILS))
        return 1
    print("ok: 42 cells of the two-mode network, 40 statements' evidence, "
          "dates, coders; rDNA's sums 40 and 276")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The DNA importer on a database this test builds (dnafix.make_built): an
integer qualifier, documents dated 2010-01-15, 2010-02-03 and 2011-01-20, a
character outside the BMP before the spans (two UTF-16 units in DNA's
offsets), statements with an empty or missing actor/item (left out and
counted), DNA attribute values, document metadata. Expected values come
from the fixture's own rows (the fragments the spans were made from),
never from factnet.

usage: test_built.py FACTNET"""
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dnafix  # noqa: E402

FAILS = []
OPTS = ["--dna-statement-type", "Stance", "--dna-qualifier", "level"]
DATES = {1: "2010-01-15", 2: "2010-02-03", 3: "2011-01-20"}


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def run(factnet, *args):
    p = subprocess.run([factnet] + list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    factnet = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "built.dna")
        rows = dnafix.make_built(db)
        rc, so, se = run(factnet, "check", db, *OPTS)
        check(rc == 0 and so.startswith(
            "%s: 5 entities, 7 facts, 3 sources" % db),
            "check: 7 facts, 3 sources: %r %r" % (so, se))
        check("skipped: 2 statements of %s (empty organization or concept)"
              % db in so, "two statements skipped and counted: %r" % so)
        check("2 statements skipped: empty organization or concept (the "
              "first is statement 8)" in se, "the warning names statement 8")

        out = os.path.join(tmp, "neo")
        rc, so, se = run(factnet, "export", db, *OPTS, "--no-metrics", "-f",
                         "neo4j", "-o", out)
        check(rc == 0, "export: %r" % se)
        by_id = {r[0]: r for r in rows}
        seen = set()
        with open(os.path.join(out, "relationships.csv"), newline="") as f:
            for row in csv.DictReader(f):
                sid = int(row["location"].rsplit(":", 1)[1])
                seen.add(sid)
                _, doc, org, concept, level, frag = by_id[sid]
                check(row[":START_ID"] == "organization:" + org and
                      row[":END_ID"] == "concept:" + concept,
                      "statement %d: ends %r" % (sid, row[":START_ID"]))
                check(row["evidence"] == frag,
                      "statement %d: evidence %r, expected %r (UTF-16 span)"
                      % (sid, row["evidence"], frag))
                check(row["date"] == DATES[doc], "statement %d: date" % sid)
                check(row["sources"] == "built#%d" % doc,
                      "statement %d: source" % sid)
                check(row["coder"] == ("2" if sid % 2 else "3") and
                      row["coder_name"] == ("Ana" if sid % 2 else "Bo"),
                      "statement %d: coder" % sid)
                meta = (("Record", "A1", "hearing") if doc == 1 else
                        ("", "", ""))
                check((row["document_source"], row["document_section"],
                       row["document_type"]) == meta,
                      "statement %d: document metadata" % sid)
                check(row["sign:long"] == "1",
                      "statement %d: an integer qualifier leaves the sign "
                      "to the relation" % sid)
        check(seen == set(by_id), "facts are statements 1..7: %r" % seen)
        types = {}
        with open(os.path.join(out, "nodes.csv"), newline="") as f:
            for row in csv.DictReader(f):
                types[row["label"]] = (row[":LABEL"], row.get("Type", ""))
        check(types == {"Greenpeace": ("actor", "NGO"),
                        "EDF": ("actor", "Business"),
                        "Sierra Club": ("actor", ""),
                        "nuclear power": ("concept", ""),
                        "CO\u2082 limits": ("concept", "")},
              "entities, types and DNA attributes: %r" % types)

        rc, so, se = run(factnet, "evidence", db, *OPTS)
        check(rc == 0 and "Hearing" in so and "Clerk" in so and
              "built\\#1" in so, "evidence lists the documents: %r" % so[-400:])

        texts = os.path.join(tmp, "texts")
        rc, so, se = run(factnet, "check", db, *OPTS, "--dna-texts", texts)
        for doc, text in dnafix.TEXTS.items():
            path = os.path.join(texts, "built-%d.txt" % doc)
            with open(path, encoding="utf-8", newline="") as f:
                check(f.read() == text, "built-%d.txt holds its text" % doc)
        rc, so, se = run(factnet, "check", db, *OPTS, "--sources-dir", texts)
        check(rc == 0 and "evidence checked: 7 of 7 quotes (3 source texts "
              "read)" in so, "check --sources-dir: %r" % so)

        # The errors name what the database has.
        for args, want in [
            (["--dna-qualifier", "organization"],
             'built.dna: --dna-qualifier: the qualifier variable '
             '"organization" of statement type "Stance" is short text; '
             'expected boolean or integer'),
            (["--dna-item", "levle"],
             'built.dna: --dna-item: statement type "Stance" has no variable '
             '"levle" (its variables are "organization", "concept", '
             '"level", "agree"); did you mean "level"?'),
        ]:
            rc, so, se = run(factnet, "check", db,
                             "--dna-statement-type", "Stance", *args)
            check(rc == 1 and se.startswith(os.path.join(tmp, want)),
                  "%r: %r" % (args, se))
        rc, so, se = run(factnet, "check", db, "--dna-statement-type", "stance")
        check(rc == 1 and 'no statement type "stance" (the types are '
              '"Stance", "DNA Statement"); did you mean "Stance"?' in se,
              "a statement type in the wrong case: %r" % se)
        # Nothing written on an error.
        graph = os.path.join(tmp, "g.graphml")
        rc, so, se = run(factnet, "export", db, "--dna-statement-type",
                         "Stanse", "-o", graph)
        check(rc == 1 and not os.path.exists(graph),
              "export with a wrong statement type writes nothing: %r" % se)
        # The default type exists but has no statements: an empty corpus.
        rc, so, se = run(factnet, "check", db)
        check(rc == 1 and "built.dna: nothing imported (no entity and no "
              "fact) from a file read as dna; it holds an SQLite database"
              in se, "DNA Statement: no statements: %r %r" % (so, se))
    if FAILS:
        print("%d failures" % len(FAILS))
        return 1
    print("ok: 7 statements, 2 skipped, UTF-16 spans, dates, attributes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

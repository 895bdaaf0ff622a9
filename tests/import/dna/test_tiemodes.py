#!/usr/bin/env python3
"""DNA's one-mode networks (issue 17, part 2) and duplicates (part 3)
against an independent computation from the SQLite tables, for the options
of part A (--tie, --normalize, --duplicates). Not registered in ctest
until part A is on main (tests/import/tests.cmake has the line to enable).

1. DNA's sample database: for every pair of the 7 organisations (21 cells,
   zeros included) the "ignore", "congruence", "conflict" and "subtract"
   ties, each with --normalize none, average, jaccard and cosine, computed
   with DNA's formulas (dna/src/main/java/dna/export/Exporter.java,
   computeOneModeMatrix; issue 17):
     x_ijk  statements of actor i on concept j at qualifier level k
     R      max - min of the observed levels (1 for yes/no)
     congruence  sum_j sum_k sum_k' x_ijk x_i'jk' (1 - |k - k'| / R)
     conflict    sum_j sum_k sum_k' x_ijk x_i'jk' |k - k'| / R
     subtract    congruence - conflict
     ignore      sum_j (sum_k x_ijk)(sum_k x_i'jk)
     average     / ((a_i + a_i') / 2), a_i = sum_jk x_ijk
     jaccard     / (sum x_ijk [x_i'jk = 0] + sum x_i'jk [x_ijk = 0]
                    + sum over cells both non-zero of x_ijk x_i'jk)
     cosine      / (a_i a_i')   (DNA's own definition)
   0 when a denominator is 0. rDNA's figure: "ignore" sums to 276 over the
   ordered pairs, so 138 over factnet's undirected edges. For --tie signed
   (the default), pos_weight and neg_weight are congruence and conflict.
2. The same on the database dnafix.make_built writes (integer levels -2 ..
   2, R = 4), statement type Stance, qualifier level.
3. --duplicates on that database, in the two-mode (full) view: Greenpeace
   states -2 on nuclear power in 2010-01 and in 2011-01 (same month
   number, another year: never merged but by "all"); EDF states 2 on it in
   2010-01 and 2010-02 (merged by "year" and "all", not by "month").

usage: test_tiemodes.py FACTNET [SAMPLE]"""
import csv
import itertools
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dnafix  # noqa: E402
import sqlite3  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT = os.path.join(os.path.dirname(ROOT), "shared", "formats", "dna",
                       "sample.dna")
FAILS = []
TIES = ("ignore", "congruence", "conflict", "subtract")
NORMS = ("none", "average", "jaccard", "cosine")


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def statements(path, stype, actor, item, qualifier):
    """[(actor, item, level)] of the kept statements (both values set)."""
    con = sqlite3.connect("file:%s?immutable=1&mode=ro" % path, uri=True)
    (tid,), = con.execute("SELECT ID FROM STATEMENTTYPES WHERE Label = ?",
                          (stype,)).fetchall()
    var = dict(con.execute("SELECT Variable, ID FROM VARIABLES WHERE "
                           "StatementTypeId = ?", (tid,)).fetchall())
    dtype = con.execute("SELECT DataType FROM VARIABLES WHERE ID = ?",
                        (var[qualifier],)).fetchone()[0]
    table = "DATABOOLEAN" if dtype == "boolean" else "DATAINTEGER"
    out = []
    for (sid,) in con.execute("SELECT ID FROM STATEMENTS WHERE "
                              "StatementTypeId = ?", (tid,)).fetchall():
        def value(name):
            row = con.execute(
                "SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON "
                "e.ID = d.Entity WHERE d.StatementId = ? AND d.VariableId = ?",
                (sid, var[name])).fetchone()
            return row[0] if row else ""
        a, j = value(actor), value(item)
        q = con.execute("SELECT Value FROM %s WHERE StatementId = ? AND "
                        "VariableId = ?" % table,
                        (sid, var[qualifier])).fetchone()
        if a and j:
            out.append((a, j, q[0]))
    con.close()
    return out


def matrices(stmts):
    """{tie: {norm: {(i, i'): value}}} over unordered pairs i < i'."""
    x = {}
    for a, j, k in stmts:
        x.setdefault(a, {}).setdefault(j, {}).setdefault(k, 0)
        x[a][j][k] += 1
    levels = {k for _, _, k in stmts}
    r = (max(levels) - min(levels)) or 1
    act = {i: sum(sum(c.values()) for c in x[i].values()) for i in x}
    out = {t: {n: {} for n in NORMS} for t in TIES}
    for i, i2 in itertools.combinations(sorted(x), 2):
        con = con_ = ign = 0.0
        for j in set(x[i]) & set(x[i2]):
            for k, n in x[i][j].items():
                for k2, n2 in x[i2][j].items():
                    con += n * n2 * (1 - abs(k - k2) / r)
                    con_ += n * n2 * abs(k - k2) / r
            ign += sum(x[i][j].values()) * sum(x[i2][j].values())
        # Jaccard over cells (j, k).
        cells = {(j, k) for a in (i, i2) for j in x[a] for k in x[a][j]}
        jac = 0.0
        for j, k in cells:
            u = x[i].get(j, {}).get(k, 0)
            v = x[i2].get(j, {}).get(k, 0)
            jac += u * v if u and v else u + v
        den = {"none": 1.0, "average": (act[i] + act[i2]) / 2,
               "jaccard": jac, "cosine": float(act[i] * act[i2])}
        for t, val in (("ignore", ign), ("congruence", con),
                       ("conflict", con_), ("subtract", con - con_)):
            for n in NORMS:
                out[t][n][(i, i2)] = val / den[n] if den[n] else 0.0
    return out, sorted(x)


def edges(path, key="weight"):
    got = {}
    if not os.path.exists(path):  # the export failed (reported)
        return got
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            a, b = sorted((row["source"], row["target"]))
            got[(a, b)] = float(row.get(key) or 0)
    return got


def export(factnet, db, prefix, *args):
    p = subprocess.run([factnet, "export", db, "--no-metrics", "-f", "csv",
                        "-o", prefix] + list(args), capture_output=True,
                       text=True)
    check(p.returncode == 0, "export %r: %s" % (args, p.stderr))
    return prefix + ".edges.csv"


def compare(factnet, db, tmp, opts, actor_var, stmts, tag):
    want, actors = matrices(stmts)
    ident = lambda a: "%s:%s" % (actor_var, a)
    cells = 0
    for t in TIES:
        for n in NORMS:
            got = edges(export(factnet, db, os.path.join(tmp, "%s-%s-%s"
                                                         % (tag, t, n)),
                               *opts, "--view", "actors", "--tie", t,
                               "--normalize", n))
            for (i, i2), w in want[t][n].items():
                g = got.get(tuple(sorted((ident(i), ident(i2)))), 0.0)
                check(abs(g - w) < 1e-9, "%s --tie %s --normalize %s: %s - %s:"
                      " %r, expected %r" % (tag, t, n, i, i2, g, w))
                cells += 1
    sig = os.path.join(tmp, tag + "-signed")
    pos = edges(export(factnet, db, sig, *opts, "--view", "actors"),
                "pos_weight")
    neg = edges(sig + ".edges.csv", "neg_weight")
    for (i, i2) in want["congruence"]["none"]:
        k = tuple(sorted((ident(i), ident(i2))))
        check(abs(pos.get(k, 0.0) - want["congruence"]["none"][(i, i2)])
              < 1e-9 and abs(neg.get(k, 0.0) -
                             want["conflict"]["none"][(i, i2)]) < 1e-9,
              "%s signed: %s - %s" % (tag, i, i2))
    return want, cells


def main():
    factnet = os.path.abspath(sys.argv[1])
    sample = sys.argv[2] if len(sys.argv) > 2 else DEFAULT
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.exists(sample):
            st = statements(sample, "DNA Statement", "organization",
                            "concept", "agreement")
            want, cells = compare(factnet, sample, tmp, [], "organization",
                                  st, "sample")
            total += cells
            ign = sum(want["ignore"]["none"].values())
            check(ign == 138, "ignore sums to 276 over ordered pairs: %r"
                  % (2 * ign))
            got = edges(os.path.join(tmp, "sample-ignore-none.edges.csv"))
            check(sum(got.values()) == 138, "factnet's ignore sum 276: %r"
                  % (2 * sum(got.values())))
        else:
            print("no sample database: the built one only")
        db = os.path.join(tmp, "built.dna")
        dnafix.make_built(db)
        opts = ["--dna-statement-type", "Stance", "--dna-qualifier", "level"]
        st = statements(db, "Stance", "organization", "concept", "level")
        _, cells = compare(factnet, db, tmp, opts, "organization", st,
                           "built")
        total += cells
        gp = ("concept:nuclear power", "organization:Greenpeace")
        edf = ("concept:nuclear power", "organization:EDF")
        for mode, g, e in (("include", 2, 2), ("document", 2, 2),
                           ("month", 2, 2), ("year", 2, 1), ("all", 1, 1)):
            got = edges(export(factnet, db, os.path.join(tmp, "dup-" + mode),
                               *opts, "--duplicates", mode))
            check((got.get(gp), got.get(edf)) == (g, e),
                  "--duplicates %s: Greenpeace %r (want %d), EDF %r (want %d)"
                  % (mode, got.get(gp), g, got.get(edf), e))
    if FAILS:
        print("%d failures" % len(FAILS))
        return 1
    print("ok: %d cells of the one-mode networks, signed parts, duplicates"
          % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())

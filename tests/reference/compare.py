#!/usr/bin/python3
"""Run factnet on a reference network and compare with the expected values.

    /usr/bin/python3 tests/reference/compare.py FACTNET_BIN CASE

CASE is one of the names in CASES below, "published", or "all".
Node metrics (expected/CASE.nodes.csv) and graph metrics
(expected/CASE.graph.csv) are compared within 1e-9 absolute; integer
columns exactly; an empty expected field (undefined, NaN) requires an empty
field.  Only the columns present in the expected file are compared.

Every mismatch is printed as "CASE: NODE.column: got X expected Y".
Exit status: 0 all match, 1 any mismatch (or factnet failed), 77 a needed
input (factnet binary, network, expected file) is missing.
"""

import csv
import io
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NETDIR = os.path.join(HERE, "networks")
EXPDIR = os.path.join(HERE, "expected")

TOL = 1e-9
TIMEOUT = 600                    # seconds per factnet run

# CASE -> (network file, extra flags)
CASES = {
    "karate": ("karate.json", []),
    "karate-unweighted": ("karate.json", ["--unweighted"]),
    "karate-weighted": ("karate.json", ["--weighted"]),
    "florentine": ("florentine.json", []),
    "directed": ("directed.json", ["--directed"]),
    "davis": ("davis.json", []),
    "davis-actors-count": ("davis.json",
                           ["--view", "actors", "--weight", "count"]),
    "davis-actors-newman": ("davis.json",
                            ["--view", "actors", "--weight", "newman"]),
    "davis-actors-jaccard": ("davis.json",
                             ["--view", "actors", "--weight", "jaccard"]),
}

INT_COLUMNS = {"degree", "in_degree", "out_degree", "coreness"}
INT_GRAPH = {"nodes", "edges", "components", "largest_component", "diameter",
             "communities"}
IGNORED_GRAPH = {"modularity", "communities"}   # communities: only >= 1

SKIP = 77


class Missing(Exception):
    """A needed input is missing: exit 77."""


class FactnetFailed(Exception):
    pass


# --------------------------------------------------------------------------

def run_factnet(binary, netfile, flags, level_graph=False):
    netpath = os.path.join(NETDIR, netfile)
    if not os.path.isfile(netpath):
        raise Missing("network file %s is missing" % netpath)
    cmd = [binary, "metrics", netpath]
    if level_graph:
        cmd += ["--level", "graph"]
    cmd += ["--format", "csv"] + list(flags)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except FileNotFoundError:
        raise Missing("cannot run %s" % binary)
    except subprocess.TimeoutExpired:
        raise FactnetFailed("%s: timed out after %d s" % (" ".join(cmd),
                                                          TIMEOUT))
    if p.returncode != 0:
        raise FactnetFailed("%s: exit status %d\n%s" % (
            " ".join(cmd), p.returncode,
            p.stderr.decode("utf-8", "replace").rstrip()))
    return p.stdout.decode("utf-8")


def read_expected(path):
    if not os.path.isfile(path):
        raise Missing("expected file %s is missing" % path)
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def parse_number(text):
    """float or None (not a number); inf/nan are not numbers here."""
    try:
        x = float(text)
    except ValueError:
        return None
    if math.isnan(x) or math.isinf(x):
        return None
    return x


def same(got, expected, integer):
    """got/expected are the CSV field strings."""
    if expected == "":
        return got.strip() == ""
    e = float(expected)
    g = parse_number(got.strip())
    if g is None:
        return False
    if integer:
        return g == e
    return abs(g - e) <= TOL


def show(text):
    return "<empty>" if text == "" else text


# --------------------------------------------------------------------------

def compare_nodes(case, binary, netfile, flags, out):
    exp = read_expected(os.path.join(EXPDIR, case + ".nodes.csv"))
    header, rows = exp[0], exp[1:]
    text = run_factnet(binary, netfile, flags)
    got_rows = list(csv.reader(io.StringIO(text)))
    if not got_rows:
        out.append("%s: *.*: got no output expected a CSV header" % case)
        return
    ghead = got_rows[0]
    if "id" not in ghead:
        out.append("%s: *.id: got header %s expected an id column"
                   % (case, ",".join(ghead)))
        return
    gcol = {c: i for i, c in enumerate(ghead)}
    got = {}
    for r in got_rows[1:]:
        if not r:
            continue
        if len(r) != len(ghead):
            out.append("%s: %s.*: got %d fields expected %d" % (
                case, r[0] if r else "?", len(r), len(ghead)))
            continue
        nid = r[gcol["id"]]
        if nid in got:
            out.append("%s: %s.id: got duplicate row expected one" % (case,
                                                                      nid))
        got[nid] = r
    cols = header[1:]
    for c in cols:
        if c not in gcol:
            out.append("%s: *.%s: got <missing column> expected column %s"
                       % (case, c, c))
    for r in rows:
        nid = r[0]
        if nid not in got:
            out.append("%s: %s.id: got <missing row> expected %s" % (case, nid,
                                                                      nid))
            continue
        g = got[nid]
        for c, e in zip(cols, r[1:]):
            if c not in gcol:
                continue
            v = g[gcol[c]]
            if not same(v, e, c in INT_COLUMNS):
                out.append("%s: %s.%s: got %s expected %s" % (
                    case, nid, c, show(v), show(e)))
    expected_ids = {r[0] for r in rows}
    for nid in sorted(set(got) - expected_ids):
        out.append("%s: %s.id: got extra row expected <none>" % (case, nid))


def read_graph_output(text):
    rows = list(csv.reader(io.StringIO(text)))
    vals = {}
    for r in rows[1:] if rows and rows[0][:1] == ["metric"] else rows:
        if len(r) >= 2:
            vals[r[0]] = r[1]
    return rows, vals


def check_communities(case, vals, out):
    c = vals.get("communities")
    x = parse_number(c) if c is not None else None
    if x is None or x != int(x) or x < 1:
        out.append("%s: graph.communities: got %s expected an integer >= 1"
                   % (case, "<missing>" if c is None else show(c)))


def compare_graph(case, binary, netfile, flags, out):
    path = os.path.join(EXPDIR, case + ".graph.csv")
    if not os.path.isfile(path):
        return                      # node metrics only for this case
    exp = read_expected(path)[1:]
    rows, vals = read_graph_output(run_factnet(binary, netfile, flags,
                                               level_graph=True))
    if not rows or rows[0][:2] != ["metric", "value"]:
        out.append("%s: graph.header: got %s expected metric,value" % (
            case, ",".join(rows[0]) if rows else "<no output>"))
    for metric, e in exp:
        if metric in IGNORED_GRAPH:
            continue
        if metric not in vals:
            out.append("%s: graph.%s: got <missing> expected %s" % (
                case, metric, show(e)))
            continue
        if not same(vals[metric], e, metric in INT_GRAPH):
            out.append("%s: graph.%s: got %s expected %s" % (
                case, metric, show(vals[metric]), show(e)))
    check_communities(case, vals, out)


def compare_published(binary, out):
    rows = read_expected(os.path.join(EXPDIR, "published.csv"))
    head = rows[0]
    for r in rows[1:]:
        d = dict(zip(head, r))
        case = "published"
        netfile = CASES[d["case"]][0]
        flags = d["flags"].split()
        want = float(d["published"])
        tol = float(d["tolerance"])
        what = d["node"] or "graph"
        if d["node"] == "":
            _, vals = read_graph_output(run_factnet(binary, netfile, flags,
                                                    level_graph=True))
            got = vals.get(d["metric"])
            check_communities(case, vals, out)
            x = parse_number(got) if got is not None else None
            if x is None or abs(x - want) > tol:
                out.append("%s: %s.%s: got %s expected %s (within %s)" % (
                    case, what, d["metric"],
                    "<missing>" if got is None else show(got), d["published"],
                    d["tolerance"]))
            continue
        table = list(csv.DictReader(io.StringIO(run_factnet(binary, netfile,
                                                            flags))))
        byid = {t.get("id"): t for t in table}
        if d["node"] not in byid or d["metric"] not in byid[d["node"]]:
            out.append("%s: %s.%s: got <missing> expected %s" % (
                case, what, d["metric"], d["published"]))
            continue
        got = byid[d["node"]][d["metric"]]
        x = parse_number(got)
        if x is None or abs(x - want) > tol:
            out.append("%s: %s.%s: got %s expected %s (within %s)" % (
                case, what, d["metric"], show(got), d["published"],
                d["tolerance"]))
        if "max" in d["check"].split("+") and x is not None:
            for t in table:
                y = parse_number(t.get(d["metric"]) or "")
                if t["id"] != d["node"] and y is not None and y > x:
                    out.append("%s: %s.%s: got %s > %s's %s expected %s to "
                               "be the maximum" % (case, t["id"], d["metric"],
                                                   t[d["metric"]], d["node"],
                                                   got, d["node"]))


def run(binary, case):
    out = []
    if case == "published":
        compare_published(binary, out)
    else:
        netfile, flags = CASES[case]
        compare_nodes(case, binary, netfile, flags, out)
        compare_graph(case, binary, netfile, flags, out)
    return out


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s FACTNET_BIN CASE\ncases: %s published "
                         "all\n" % (argv[0], " ".join(CASES)))
        return 2
    binary, case = argv[1], argv[2]
    if case != "all" and case != "published" and case not in CASES:
        sys.stderr.write("compare.py: unknown case %r\n" % case)
        return 2
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print("compare.py: SKIP: factnet binary %s not found or not "
              "executable" % binary)
        return SKIP
    cases = list(CASES) + ["published"] if case == "all" else [case]
    failed = False
    for c in cases:
        try:
            out = run(binary, c)
        except Missing as e:
            print("compare.py: SKIP: %s: %s" % (c, e))
            return SKIP
        except FactnetFailed as e:
            print("%s: factnet failed: %s" % (c, e))
            failed = True
            continue
        for line in out:
            print(line)
        if out:
            failed = True
            print("%s: FAIL (%d mismatches)" % (c, len(out)))
        else:
            print("%s: ok" % c)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

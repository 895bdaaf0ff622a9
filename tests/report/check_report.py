#!/usr/bin/python3
"""Checks `factnet report` pages without a browser (tests/browser/ drives a
real one): the page's structure and safety rules, its data against
`factnet metrics` and the corpus itself, centrality over time against
`factnet metrics --dated-only --to YEAR`, determinism and errors.

    check_report.py FACTNET SRC WORK CASE

CASE is one of: page, metrics, trend, trend_each, deterministic, errors.
Expected values come from the fact files and from other factnet commands
whose own tests check them against NetworkX; never from the page itself.
Exit status 0 = passed, 1 = failed.
"""
import base64
import csv
import hashlib
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

FACTNET, SRC, WORK, CASE = sys.argv[1:5]
CORPUS = "data/japan_cyber.json"
DATA_OPEN = '<script type="application/json" id="factnet-data">'


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args, status=0):
    p = subprocess.run([FACTNET] + args, cwd=SRC, capture_output=True)
    if p.returncode != status:
        fail("factnet %s: exit %d, expected %d\n%s" %
             (" ".join(args), p.returncode, status, p.stderr.decode()))
    return p.stdout.decode(), p.stderr.decode()


def report(name, *opts, corpus=CORPUS):
    out = os.path.join(WORK, name)
    run(["report", corpus, "-o", out] + list(opts))
    with open(out, encoding="utf-8") as f:
        return f.read()


def corpus():
    with open(os.path.join(SRC, CORPUS), encoding="utf-8") as f:
        return json.load(f)


def svg_id(id_):
    """The SVG id dot.c gives an entity: [A-Za-z0-9-] kept, other bytes
    as _xx."""
    out = "n_"
    for b in id_.encode():
        c = chr(b)
        out += c if re.match(r"[A-Za-z0-9-]", c) else "_%02x" % b
    return out


def data_block(page):
    start = page.index(DATA_OPEN) + len(DATA_OPEN)
    end = page.index("</script>", start)
    return page[start:end]


class Scan(html.parser.HTMLParser):
    """Collects scripts, meta tags, attributes and table cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.metas, self.attrs = [], [], []
        self.in_script = None
        self.rows = {}      # table id -> list of rows of (attrs, text)
        self.table = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs.append((tag, attrs))
        if tag == "script":
            self.in_script = [a, ""]
        if tag == "meta":
            self.metas.append(a)
        if tag == "table":
            self.table = a.get("id")
            self.rows.setdefault(self.table, [])
        if tag == "tr" and self.table:
            self.rows[self.table].append([])
        if tag in ("td", "th") and self.table and self.rows[self.table]:
            self.cell = [a, ""]

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script:
            self.scripts.append(self.in_script)
            self.in_script = None
        if tag in ("td", "th") and self.cell is not None:
            self.rows[self.table][-1].append(tuple(self.cell))
            self.cell = None
        if tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.in_script[1] += data
        if self.cell is not None:
            self.cell[1] += data


def scan(page):
    s = Scan()
    s.feed(page)
    return s


def metrics_csv(*opts):
    out, _ = run(["metrics", CORPUS] + list(opts))
    return list(csv.DictReader(io.StringIO(out)))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def num(s):
    return None if s in ("", None) else float(s)


# ---- cases -----------------------------------------------------------


def case_page():
    c = corpus()
    page = report("page.html")
    s = scan(page)
    # Exactly two scripts: the data block and the code, which the policy
    # allows by its SHA-256 (computed here with hashlib).
    if len(s.scripts) != 2:
        fail("%d script elements" % len(s.scripts))
    data_attrs, code = s.scripts[1]
    if data_attrs:
        fail("the code script has attributes %r" % data_attrs)
    csp = [m["content"] for m in s.metas
           if m.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    if len(csp) != 1 or "default-src 'none'" not in csp[0] or \
            "script-src 'sha256-%s'" % digest not in csp[0]:
        fail("policy %r does not allow exactly the script (%s)" %
             (csp, digest))
    # Nothing that loads: no src, no <link>, no CSS url() or @import, no
    # web link (the corpus has no source URL).
    for tag, attrs in s.attrs:
        names = [k for k, _ in attrs]
        if tag in ("link", "img", "iframe", "image", "use", "object") or \
                "src" in names:
            fail("element <%s %r> could load something" % (tag, attrs))
        for k, v in attrs:
            if k.endswith("href") and v and not v.startswith("#"):
                fail("<%s %s=%r> leaves the page" % (tag, k, v))
            if k.startswith("on"):
                fail("event handler attribute <%s %s>" % (tag, k))
    if re.search(r"url\(|@import", page):
        fail("the style loads something")
    # The data block: valid JSON with no <, >, & or line separators raw.
    raw = data_block(page)
    bad = [ch for ch in "<>&\u2028\u2029" if ch in raw]
    if bad:
        fail("data block holds raw %r" % bad)
    data = json.loads(raw)
    # One node per entity, keyed by its SVG id, each drawn in the SVG.
    want = sorted(svg_id(e["id"]) for e in c["entities"])
    if sorted(data["nodes"]) != want:
        fail("data nodes %r" % sorted(data["nodes"]))
    for nid in want:
        if 'id="%s" class="node' % nid not in page:
            fail(nid + " is not an SVG node")
    # Japan-RCEP: the edge's facts carry the article's quote and source.
    fact = next(f for f in c["facts"]
                if f["subject"] == "JPN" and f["object"] == "RCEP")
    eid = next((k for k, e in data["edges"].items()
                if {e["from"], e["to"]} == {"n_JPN", "n_RCEP"}), None)
    if eid is None or 'id="%s" class="edge' % eid not in page:
        fail("no drawn Japan-RCEP edge in the data")
    quotes = [data["facts"][k]["quote"] for k in data["edges"][eid]["facts"]]
    if quotes != [fact["evidence"]]:
        fail("Japan-RCEP quotes %r" % quotes)
    src = data["sources"][data["facts"][data["edges"][eid]["facts"][0]]
                          ["sources"][0]]
    if src["id"] != fact["source"]:
        fail("Japan-RCEP source %r" % src)
    # The SVG hooks: URL into the tables (xlink:href) on nodes and edges.
    if 'xlink:href="#ev-%s"' % eid not in page or \
            'xlink:href="#m-n_JPN"' not in page:
        fail("the SVG lacks the URL hooks")
    # Every quote of the corpus is in the evidence table and in the data.
    ev = [cell[1] for row in s.rows["evidence-table"] for cell in row
          if cell[0].get("class") == "quote"]
    facts = [f["quote"] for f in data["facts"]]
    for f in c["facts"]:
        q = f.get("evidence")
        if q and (q not in ev or q not in facts):
            fail("quote missing: %r" % q[:60])
    # Both SVGs are well-formed XML.
    for m in re.finditer(r"<svg.*?</svg>", page, re.S):
        try:
            ET.fromstring(m.group(0))
        except ET.ParseError as e:
            fail("an SVG is not well-formed: %s" % e)
    if page.count("<svg") != 2:
        fail("%d SVG elements, expected the diagram and the chart" %
             page.count("<svg"))
    # Every source is in the bibliography.
    for src in c["sources"]:
        if 'id="src-%s"' % src["id"] not in page:
            fail("source %s not listed" % src["id"])


def case_metrics():
    page = report("metrics.html")
    data = json.loads(data_block(page))
    rows = {svg_id(r["id"]): r for r in metrics_csv()}
    cols = [col["key"] for col in data["columns"]]
    for k in ("degree", "strength", "betweenness", "closeness",
              "eigenvector", "pagerank", "coreness", "clustering",
              "constraint"):
        if k not in cols:
            fail("column %s missing" % k)
    for nid, node in data["nodes"].items():
        r = rows[nid]
        for k, v in zip(cols, node["values"]):
            if not close(v, num(r[k])):
                fail("%s %s: page %r, factnet metrics %r" % (nid, k, v, r[k]))
        if node["community"] != int(r["community"]):
            fail("%s community %r, metrics %r" % (nid, node["community"],
                                                  r["community"]))
    # The table: rows by PageRank as `factnet metrics` sorts them, each
    # number's data-v the same value.
    s = scan(page)
    table = s.rows["metrics-table"]
    head = [cell[0].get("data-col") for cell in table[0]]
    body = table[1:]
    order = [svg_id(r["id"]) for r in metrics_csv()]
    ids = [row[0] for row in body]
    got = [svg_id(next(e["id"] for e in corpus()["entities"]
                       if e["label"] == row[1][1])) for row in body]
    if got != order:
        fail("table order %r, metrics order %r" % (got[:5], order[:5]))
    pr = head.index("pagerank")
    for nid, row in zip(order, body):
        if not close(num(row[pr][0]["data-v"]), num(rows[nid]["pagerank"])):
            fail("table pagerank of %s" % nid)
    if len(ids) != len(corpus()["entities"]):
        fail("%d table rows" % len(ids))
    # Graph metrics against --level graph.
    out, _ = run(["metrics", "--level", "graph", CORPUS])
    want = {r["metric"]: num(r["value"])
            for r in csv.DictReader(io.StringIO(out))}
    graph = {row[0][1]: num(row[1][0]["data-v"])
             for row in s.rows["graph-table"]}
    for name, key in (("Density", "density"), ("Diameter", "diameter"),
                      ("Transitivity", "transitivity"),
                      ("Modularity", "modularity"),
                      ("Communities", "communities")):
        if not close(graph[name], want[key]):
            fail("graph %s: page %r, metrics %r" % (name, graph[name],
                                                    want[key]))


def trend_table(page):
    s = scan(page)
    rows = s.rows["trend-table"]
    names = [cell[1] for cell in rows[0][1:]]
    years = {}
    for row in rows[1:]:
        years[row[0][1]] = [num(cell[0]["data-v"]) for cell in row[1:]]
    return names, years


def check_trend(page, window):
    c = corpus()
    by_label = {e["label"]: e["id"] for e in c["entities"]}
    names, years = trend_table(page)
    # The series: the top 5 actors by PageRank on the whole graph.
    overall = metrics_csv()
    top = [r["label"] for r in overall if r["type"] == "actor"][:5]
    if names != top:
        fail("series %r, top actors %r" % (names, top))
    dated = [f for f in c["facts"] if f.get("date")]
    first = min(int(f["date"][:4]) for f in dated)
    last = max(int((f.get("until") or f["date"])[:4]) for f in dated)
    if list(years) != [str(y) for y in range(first, last + 1)]:
        fail("years %r" % list(years))
    seen = {True: 0, False: 0}
    for y, values in years.items():
        rows = {r["label"]: r for r in metrics_csv("--dated-only",
                                                   *window(y))}
        for name, v in zip(names, values):
            r = rows[name]
            tied = int(r["degree"]) > 0
            seen[tied] += 1
            if not tied and v is not None:
                fail("%s %s has no tie but a value %r" % (name, y, v))
            if tied and not close(v, num(r["pagerank"])):
                fail("%s %s: chart %r, factnet metrics %r" %
                     (name, y, v, r["pagerank"]))
    if not seen[True] or not seen[False]:
        fail("expected both points and gaps, got %r" % seen)
    if by_label[names[0]] != "JPN":
        fail("first series %r" % names[0])


def case_trend():
    check_trend(report("trend.html"), lambda y: ["--to", y])


def case_trend_each():
    check_trend(report("each.html", "--trend", "each"),
                lambda y: ["--from", y, "--to", y])
    page = report("none.html", "--trend", "none")
    if 'id="trend"' in page or "<svg class=\"chart\"" in page:
        fail("--trend none still has the chart")


def case_deterministic():
    a = report("a.html")
    b = report("b.html")
    if a != b:
        fail("two runs differ")
    out, _ = run(["report", CORPUS, "-o", "-"])
    if out != a:
        fail("standard output differs from the file")


def case_errors():
    # Usage errors: exit 2, nothing written.
    target = os.path.join(WORK, "never.html")
    for args, msg in (
            (["--multi"], "--multi is not available"),
            (["--collapse", "communities"], "--collapse is not available"),
            (["--trend", "weekly"], "--trend: expected cumulative, each or "
             "none, got 'weekly'"),
            (["--trend-metric", "community"], "--trend-metric: expected"),
            (["--trend-top", "0"], "--trend-top"),
            (["--ego", "Atlantis"], "--ego: no entity")):
        _, err = run(["report", CORPUS, "-o", target] + args, status=2)
        if msg not in err or "try 'factnet report --help'" not in err:
            fail("%r: stderr %r" % (args, err))
        if os.path.exists(target):
            fail("%r left %s behind" % (args, target))
    _, err = run(["report", CORPUS], status=2)
    if "no output file" not in err:
        fail("missing -o: %r" % err)
    # I/O error: a folder that does not exist; nothing half-written.
    _, err = run(["report", CORPUS, "-o",
                  os.path.join(WORK, "missing", "x.html")], status=3)
    if "missing" not in err:
        fail("I/O error message %r" % err)
    # Invalid data: exit 1.
    bad = os.path.join(WORK, "bad.json")
    with open(bad, "w") as f:
        f.write('{"factnet": 1, "entities": [], "facts": [{"subject": "x"}]}')
    run(["report", bad, "-o", target], status=1)
    if os.path.exists(target):
        fail("invalid data left %s behind" % target)


CASES = {"page": case_page, "metrics": case_metrics, "trend": case_trend,
         "trend_each": case_trend_each, "deterministic": case_deterministic,
         "errors": case_errors}


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    CASES[CASE]()
    print("ok")


main()

#!/usr/bin/env python3
"""Figures sized in final units (issue 16, part A), read back independently.

usage: check_print.py FACTNET SRC WORK CASE

The PDFs are read with pdfminer (Debian python3-pdfminer) and pdffonts
(poppler-utils), PNGs and EPS files byte by byte here; expected values are
hand computations written below (3.5 in = 252 pt, 89 mm = 252.28 pt,
183 mm = 518.74 pt, 7 in = 504 pt; 3.5 in at 300 dpi = 1050 pixels;
300 dpi = 11811 pixels per metre), never factnet's own numbers.

Cases:
  widths    every fixture at 3.5in, 89mm, 7in and 183mm: page width within
            1 pt, every character at least --min-font, every drawn label's
            words present, fonts embedded; or, when factnet refuses (exit
            5), no file and a message naming what would fit
  png       --dpi 300 --width 3.5in: 1050 px wide, pHYs 300 dpi
  eps       --width 3.5in -o fig.eps: %%BoundingBox width 252, fonts inside
  refuse    the dense corpus at 3.5in: exit 5, nothing written, suggestions
  legend    --legend separate: NAME.legend.pdf beside the figure, the legend
            text there and not in the figure; --legend below fits
  title     --title "": no title drawn (not the graph name "factnet")
  preflight --preflight reports the page read back from the file
  latex     the 3.5in and 7in figures of the Quad/AUKUS corpus and of
            the NATO trial in a two-column article on letter paper
            (tests/print/article/article.tex: 3.5 in columns, a 9.5 in
            text block), each with its caption: pdflatex reports no
            overfull box and no float too large for the page (skips
            without pdflatex; FNET_ARTICLE_KEEP=DIR keeps article.pdf
            there, to look at)
  evolve    evolve --dot DIR --width 7in: every period's SVG 504 pt wide;
            a corpus that does not fit: exit 5 and no file
  under     no edge drawn beneath a node other than its ends (2 pt or
            more into its outline), in the 7 in figures of the bundled
            corpus and the two Quad/AUKUS fixtures, in colour and grey
            (tests/print/edges_under.py; the screen figures' counts and
            the grazes are printed; skips without `dot`)
  trial     the NATO Vilnius corpus (tests/print/nato_vilnius.json) as the
            issue's trial: 3.5 in (--top 18) and 7 in, colour and grey:
            page, smallest text, fonts, every relation drawn named in the
            legend in words ("sits on", never "sits_on"), preflight ok
  height    the height budget (8.5 in = 612 pt when --height is not
            given): the NATO trial (3.5in --top 18, 7in), the two
            Quad/AUKUS fixtures (3.5in --top 16 or 12, 7in) and the
            bundled corpus (7in) are
            at most 612 pt tall, read back with pdfminer; a chain of 11
            steps laid out top-down (--layout dot) is too tall for it at
            3.5 in: exit 5, nothing written, the refusal names --height
            (and --top, --legend separate); --height 10in and the height
            it suggests then fit, at exactly that height
  compact   the legend below the NATO trial's drawing at 3.5in (--top
            18) is set in two columns or more, and its height at final
            size (its cluster's box in the laid-out DOT times the page
            scale) is at most that of half its text lines plus two, at
            1.6 x its font size each, plus 3 font sizes for the title: a
            one-column legend of those lines would be about twice that
  columns   the legend below the drawing, read from the laid-out DOT (its
            legend_text* tables, column by column) for the Quad/AUKUS and
            NATO trials at 3.5in and 7in: no heading is the last row of a
            column, nor the second-to-last unless its section has one row;
            no line of a legend text is a lone "+N"; the texts are at least
            6 pt at final size
  grey      the bundled corpus at 7 in: its colour figure's preflight says
            its 8 communities survive greyscale (fills of one outline 10+
            apart in L*, by the hand computation in the case), and the
            --grayscale figure fits 7 in with the colour figure's layout
Skips (77) when pdfminer or pdffonts is missing.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys

FACTNET, SRC, WORK, CASE = sys.argv[1:5]
QUAD = os.path.join(SRC, "tests", "print", "quad_aukus.json")
JAPAN = os.path.join(SRC, "data", "japan_cyber.json")
# The second trial corpus (issue 16): NATO's Vilnius Summit Communiqué.
NATO = os.path.join(SRC, "tests", "print", "nato_vilnius.json")
SMALL = os.path.join(SRC, "tests", "dot", "small.json")
# The denser Quad/AUKUS fixture (more facts and relations).
DENSE = os.path.join(SRC, "tests", "dot", "quad_aukus.json")
# Hand computations: 72 pt per inch, 25.4 mm per inch.
WIDTHS = {"3.5in": 252.0, "89mm": 89 / 25.4 * 72, "7in": 504.0,
          "183mm": 183 / 25.4 * 72}
# The default height budget: 8.5 in.
BUDGET = 8.5 * 72

try:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer
    from pdfminer.pdfpage import PDFPage
except ImportError:
    print("SKIP: pdfminer (Debian python3-pdfminer) is not installed")
    sys.exit(77)
if not shutil.which("pdffonts"):
    print("SKIP: pdffonts (Debian poppler-utils) is not installed")
    sys.exit(77)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args, status=0):
    p = subprocess.run([FACTNET] + args, cwd=WORK, capture_output=True)
    if p.returncode != status:
        fail("factnet %s: exit %d, expected %d\n%s" %
             (" ".join(args), p.returncode, status, p.stderr.decode()))
    return p.stdout.decode(), p.stderr.decode()


def long_labels():
    """A corpus of long labels, many relations, signed and mixed ties."""
    ents = [{"id": "E%d" % i, "type": "actor",
             "label": "The Very Long Named Organisation Number %d of the "
                      "Regional Cooperation Framework" % i}
            for i in range(10)]
    rels = {"r%02d_relation_with_a_long_name" % k:
            {"from": ["actor"], "to": ["actor"], "directed": k % 2 == 0,
             "sign": -1 if k % 5 == 4 else 1} for k in range(12)}
    names = sorted(rels)
    facts = []
    for i in range(10):
        for j in (1, 3):
            r = names[(i + j) % len(names)]
            facts.append({"subject": "E%d" % i, "relation": r,
                          "object": "E%d" % ((i + j) % 10), "source": "s"})
    # a mixed pair: a negative and a positive relation between E0 and E1
    facts.append({"subject": "E0", "relation": names[4], "object": "E1",
                  "source": "s"})
    doc = {"factnet": 1, "title": "Long labels", "sources": [{"id": "s"}],
           "entities": ents, "relations": rels, "facts": facts}
    path = os.path.join(WORK, "long_labels.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def pdf_page(path):
    with open(path, "rb") as f:
        page = next(PDFPage.get_pages(f))
        x0, y0, x1, y1 = page.mediabox
    return x1 - x0, y1 - y0


def pdf_chars(path):
    """(text, smallest character size) of page 1."""
    sizes, text = [], []
    for page in extract_pages(path):
        stack = [page]
        while stack:
            o = stack.pop()
            if isinstance(o, LTChar):
                if o.get_text().strip():
                    sizes.append(o.size)
            elif hasattr(o, "__iter__"):
                stack.extend(o)
            if isinstance(o, LTTextContainer):
                text.append(o.get_text())
        break
    return " ".join(text), min(sizes) if sizes else None


def fonts_embedded(path):
    out = subprocess.run(["pdffonts", path], capture_output=True,
                         text=True).stdout.splitlines()[2:]
    if not out:
        fail(path + ": pdffonts lists no font")
    for line in out:
        # name type encoding emb sub uni object ID
        cols = line.split()
        if len(cols) < 7 or cols[-5] != "yes":
            fail(path + ": font not embedded: " + line)


def words(s):
    return set(re.findall(r"[A-Za-z0-9]+", s))


def check_pdf(path, width, min_font, labels):
    w, _ = pdf_page(path)
    if abs(w - width) > 1:
        fail("%s: page %.2f pt wide, expected %.2f" % (path, w, width))
    text, smallest = pdf_chars(path)
    # pdfminer's size is the glyph box height: at least the font size
    # times the font's ascent+descent (> 0.9 em for Liberation Sans).
    if smallest is None or smallest < 0.9 * min_font:
        fail("%s: a character of %.2f pt (--min-font %g)" %
             (path, smallest or 0, min_font))
    got = words(text)
    for label in labels:
        missing = words(label) - got
        if missing:
            fail("%s: label %r: words %r not drawn" % (path, label, missing))
    fonts_embedded(path)


def labels_of(corpus):
    with open(corpus, encoding="utf-8") as f:
        return [e.get("label", e["id"]) for e in json.load(f)["entities"]]


def case_widths():
    fixtures = [(QUAD, []), (JAPAN, []), (long_labels(), []),
                (QUAD, ["--top", "16"]), (NATO, []), (NATO, ["--top", "18"])]
    fitted = refused = 0
    for corpus, extra in fixtures:
        for name, width in WIDTHS.items():
            out = os.path.join(WORK, "fig.pdf")
            if os.path.exists(out):
                os.remove(out)
            p = subprocess.run([FACTNET, "render", corpus, "--width", name,
                                "-o", out] + extra, cwd=WORK,
                               capture_output=True, text=True)
            if p.returncode == 5:
                refused += 1
                if os.path.exists(out):
                    fail("refused, yet %s was written" % out)
                if "To make it fit: " not in p.stderr or \
                        "--width " not in p.stderr:
                    fail("refusal names nothing to do: " + p.stderr)
                continue
            if p.returncode != 0:
                fail("render %s --width %s: exit %d\n%s" %
                     (corpus, name, p.returncode, p.stderr))
            fitted += 1
            # Without --top every entity is drawn: all labels must show.
            check_pdf(out, width, 6, [] if extra else labels_of(corpus))
    # The 7 in and 183 mm figures of every fixture fit; 3.5 in of the
    # dense ones is refused (checked in 'refuse').
    if fitted < 8:
        fail("only %d of %d figures fit" % (fitted, fitted + refused))
    print("widths: %d figures checked, %d refused" % (fitted, refused))


def case_png():
    out = os.path.join(WORK, "fig.png")
    run(["render", SMALL, "--width", "3.5in", "--dpi", "300", "-o", out])
    data = open(out, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    w, h = struct.unpack(">II", data[16:24])
    if abs(w - 1050) > 1:
        fail("PNG %d px wide, expected 1050 (3.5 in x 300 dpi)" % w)
    i = data.find(b"pHYs")
    if i < 0:
        fail("no pHYs chunk: resolution not recorded")
    x, y, unit = struct.unpack(">IIB", data[i + 4:i + 13])
    if unit != 1 or abs(x - 11811) > 1 or abs(y - 11811) > 1:
        fail("pHYs %d x %d unit %d, expected 11811 px/m (300 dpi)" %
             (x, y, unit))
    # the chunk's CRC (zlib's crc32 is the PNG CRC)
    import zlib
    crc = struct.unpack(">I", data[i + 13:i + 17])[0]
    if crc != zlib.crc32(data[i:i + 13]) & 0xFFFFFFFF:
        fail("pHYs CRC is wrong")
    print("png: %d x %d px, 300 dpi recorded" % (w, h))


def case_eps():
    out = os.path.join(WORK, "fig.eps")
    run(["render", SMALL, "--width", "3.5in", "-o", out])
    text = open(out, "rb").read().decode("latin-1")
    m = re.search(r"%%BoundingBox: (-?\d+) (-?\d+) (-?\d+) (-?\d+)", text)
    if not m:
        fail("no %%BoundingBox")
    w = int(m.group(3)) - int(m.group(1))
    if abs(w - 252) > 1:
        fail("EPS BoundingBox %d pt wide, expected 252" % w)
    if "%%BeginResource: font" not in text and "/FontName" not in text:
        fail("EPS embeds no font")
    print("eps: BoundingBox width %d" % w)


def case_refuse():
    out = os.path.join(WORK, "dense.pdf")
    _, err = run(["render", QUAD, "--width", "3.5in", "-o", out], status=5)
    if os.path.exists(out) or os.path.exists(
            os.path.join(WORK, "dense.legend.pdf")):
        fail("a refused figure left a file")
    for want in ("does not fit 3.50in", "--min-font 6", "--top ",
                 "--legend separate", "--width "):
        if want not in err:
            fail("refusal lacks %r: %s" % (want, err))
    m = re.search(r"--top (\d+)", err)
    if not m or not 2 <= int(m.group(1)) < len(labels_of(QUAD)):
        fail("--top suggestion out of range: " + err)
    # Each suggestion is a way out: the figure then fits.
    w = re.search(r"--width (\d+(?:\.\d+)?in)", err)
    for extra in (["--top", m.group(1)], ["--width", w.group(1)]):
        args = ["render", QUAD, "--width", "3.5in"] + extra + ["-o", out]
        if extra[0] == "--width":
            args = ["render", QUAD] + extra + ["-o", out]
        run(args)
        if not os.path.exists(out):
            fail("the suggested %s did not fit" % " ".join(extra))
        os.remove(out)
    print("refuse: " + err.strip().splitlines()[-1][:100])


def case_legend():
    out = os.path.join(WORK, "sep.pdf")
    run(["render", JAPAN, "--width", "7in", "--legend", "separate",
         "-o", out])
    leg = os.path.join(WORK, "sep.legend.pdf")
    if not os.path.exists(leg):
        fail("--legend separate wrote no sep.legend.pdf")
    fig_text, _ = pdf_chars(out)
    leg_text, smallest = pdf_chars(leg)
    if "Legend" in fig_text:
        fail("the figure still holds the legend")
    for want in ("Legend", "Entity types", "Relations"):
        if want not in leg_text:
            fail("the legend file lacks %r" % want)
    if smallest < 0.9 * 6:
        fail("legend text of %.2f pt" % smallest)
    fonts_embedded(leg)
    below = os.path.join(WORK, "below.pdf")
    run(["render", JAPAN, "--width", "7in", "--legend", "below", "-o", below])
    check_pdf(below, 504.0, 6, labels_of(JAPAN))
    run(["render", JAPAN, "--width", "7in", "--legend", "separate", "-o", "-",
         "-f", "pdf"], status=2)
    run(["dot", JAPAN, "--legend", "separate"], status=2)
    print("legend: separate and below checked")


def case_title():
    out = os.path.join(WORK, "t.svg")
    run(["render", SMALL, "--title", "", "-o", out])
    svg = open(out, encoding="utf-8").read()
    with open(SMALL, encoding="utf-8") as f:
        title = json.load(f).get("title")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    if "factnet" in texts or (title and title in texts):
        fail("--title '' still draws a title: %r" % texts[:3])
    run(["render", SMALL, "-o", out])
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", open(out).read())
    if title and title not in texts:
        fail("the default title %r is not drawn" % title)
    print("title: none with --title ''")


def case_preflight():
    out = os.path.join(WORK, "pf.pdf")
    rep, _ = run(["render", SMALL, "--width", "89mm", "--preflight",
                  "-o", out])
    w, h = pdf_page(out)
    m = re.search(r"page: ([\d.]+) x ([\d.]+) pt", rep)
    if not m or abs(float(m.group(1)) - w) > 0.05 or \
            abs(float(m.group(2)) - h) > 0.05:
        fail("preflight page %r, pdfminer reads %.1f x %.1f" % (rep, w, h))
    _, smallest = pdf_chars(out)
    m = re.search(r"smallest text: ([\d.]+) pt .*: ok", rep)
    if not m or float(m.group(1)) < 6 or smallest < 0.9 * float(m.group(1)):
        fail("preflight smallest text %r, pdfminer %.2f" % (rep, smallest))
    if "(embedded)" not in rep or "thinnest line" not in rep:
        fail("preflight report incomplete: " + rep)
    print("preflight:\n" + rep)


def case_evolve():
    d = os.path.join(WORK, "ev")
    run(["evolve", QUAD, "--by", "month", "--dot", d, "--width", "7in"])
    svgs = sorted(f for f in os.listdir(d) if f.endswith(".svg"))
    if len(svgs) != 2:  # facts dated 2021-03 and 2021-09 only
        fail("evolve --dot wrote %r" % svgs)
    for f in svgs:
        head = open(os.path.join(d, f), encoding="utf-8").read(2000)
        m = re.search(r'<svg width="([\d.]+)pt"', head)
        if not m or abs(float(m.group(1)) - 504) > 1:
            fail("%s: width %r, expected 504pt" % (f, m and m.group(1)))
    d2 = os.path.join(WORK, "ev2")
    _, err = run(["evolve", JAPAN, "--every", "5-years", "--dot", d2,
                  "--width", "3.5in"], status=5)
    if os.path.isdir(d2) and os.listdir(d2):
        fail("a refused evolve --dot wrote %r" % os.listdir(d2))
    if "does not fit 3.50in" not in err:
        fail("evolve refusal: " + err)
    print("evolve: %s at 504 pt; 3.5in refused" % svgs)


def case_latex():
    if not shutil.which("pdflatex"):
        print("SKIP: pdflatex is not installed")
        sys.exit(77)
    art = os.path.join(WORK, "article")
    shutil.copytree(os.path.join(SRC, "tests", "print", "article"), art)
    run(["render", QUAD, "--width", "3.5in", "--top", "16",
         "-o", os.path.join(art, "quad35.pdf")])
    run(["render", QUAD, "--width", "7in", "-o", os.path.join(art, "quad7.pdf")])
    run(["render", NATO, "--width", "3.5in", "--top", "18",
         "-o", os.path.join(art, "nato35.pdf")])
    run(["render", NATO, "--width", "7in", "-o", os.path.join(art, "nato7.pdf")])
    for _ in range(2):
        p = subprocess.run(["pdflatex", "-interaction=nonstopmode",
                            "article.tex"], cwd=art, capture_output=True,
                           text=True, errors="replace")
    if p.returncode != 0:
        fail("pdflatex failed:\n" + p.stdout[-2000:])
    log = open(os.path.join(art, "article.log"), errors="replace").read()
    bad = re.findall(r"Overfull \\[hv]box[^\n]*", log)
    bad += re.findall(r"Float too large[^\n]*", log)
    if bad:
        fail("the figures do not fit the page: %r" % bad)
    if art_keep := os.environ.get("FNET_ARTICLE_KEEP"):
        shutil.copy(os.path.join(art, "article.pdf"), art_keep)
    # 3.5 in (252 bp) is exactly the column width of this geometry.
    print("latex: two-column article compiled, no overfull box, no float "
          "too large")


def case_under():
    if not shutil.which("dot"):
        print("SKIP: Graphviz's dot program is not installed")
        sys.exit(77)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from edges_under import edges_under
    for corpus in (JAPAN, QUAD, DENSE, NATO):
        screen, _ = run(["dot", corpus])
        print("%s: %d edges beneath a node on screen (reported)" %
              (os.path.basename(corpus), len(edges_under(screen))))
        for extra in ([], ["--grayscale"]):
            dot, _ = run(["dot", "--width", "7in"] + extra + [corpus])
            print("  7in %s: %d grazes (1 to 2 pt into an outline)" %
                  (" ".join(extra), len(edges_under(dot, 1.0))))
            bad = edges_under(dot)
            if bad:
                fail("%s at 7in %s: edges beneath nodes %r" %
                     (corpus, " ".join(extra), bad))
    print("under: no edge beneath another node at 7 in")


def chain(n):
    """n steps, each leading to the next: laid out top-down (--layout
    dot), one rank per step, a tall and narrow drawing."""
    ents = [{"id": "S%d" % i, "type": "actor", "label": "Step %d" % i}
            for i in range(n)]
    facts = [{"subject": "S%d" % i, "relation": "leads_to",
              "object": "S%d" % (i + 1), "source": "s"} for i in range(n - 1)]
    doc = {"factnet": 1, "title": "Chain", "sources": [{"id": "s"}],
           "entities": ents, "facts": facts,
           "relations": {"leads_to": {"from": ["actor"], "to": ["actor"],
                                      "directed": True}}}
    path = os.path.join(WORK, "chain.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def case_height():
    for corpus, width, extra in ((NATO, "3.5in", ["--top", "18"]),
                                 (NATO, "7in", []),
                                 (QUAD, "3.5in", ["--top", "16"]),
                                 (QUAD, "7in", []), (DENSE, "7in", []),
                                 (DENSE, "3.5in", ["--top", "12"]),
                                 (JAPAN, "7in", [])):
        out = os.path.join(WORK, "h.pdf")
        run(["render", corpus, "--width", width, "-o", out] + extra)
        w, h = pdf_page(out)
        if abs(w - WIDTHS[width]) > 1 or h > BUDGET + 1:
            fail("%s at %s: page %.1f x %.1f pt, budget %g pt tall" %
                 (os.path.basename(corpus), width, w, h, BUDGET))
        print("%s %s %s: %.1f x %.1f pt" % (os.path.basename(corpus), width,
                                           " ".join(extra), w, h))
    tall = chain(11)
    out = os.path.join(WORK, "tall.pdf")
    _, err = run(["render", tall, "--width", "3.5in", "--layout", "dot",
                  "-o", out], status=5)
    if os.path.exists(out):
        fail("a refused figure was written")
    for want in ("does not fit 3.50in (252 pt) x 8.50in (612 pt",
                 "--top ", "--legend separate", "--height "):
        if want not in err:
            fail("refusal lacks %r: %s" % (want, err))
    suggested = re.search(r"--height (\d+(?:\.\d+)?)in", err).group(1)
    for height in (suggested, "10"):
        run(["render", tall, "--width", "3.5in", "--layout", "dot",
             "--height", height + "in", "-o", out])
        w, h = pdf_page(out)
        if abs(w - 252) > 1 or abs(h - float(height) * 72) > 1:
            fail("--height %sin: page %.1f x %.1f pt" % (height, w, h))
        check_pdf(out, 252, 6, labels_of(tall))
    print("height: refused at the budget (%s), fits with --height %sin "
          "and 10in" % (err.strip().splitlines()[-1][-60:], suggested))


def case_compact():
    dot, _ = run(["dot", "--width", "3.5in", "--top", "18", NATO])
    graph_bb = [float(x) for x in
                re.search(r'graph \[bb="([^"]*)"', dot).group(1).split()]
    pad = float(re.search(r'pad="([\d.]+),', dot).group(1)) * 72
    # Graphviz scales the drawing and its pad to the page's width.
    scale = 252 / (graph_bb[2] - graph_bb[0] + 2 * pad)
    m = re.search(r'subgraph cluster_legend \{\s*graph \[bb="([^"]*)"', dot)
    x0, y0, x1, y1 = (float(x) for x in m.group(1).split(","))
    height = (y1 - y0) * scale
    columns = re.findall(r"legend_text(?:_\d+)?\s*\[", dot)
    tables = re.findall(r"<TABLE.*?</TABLE>", dot, re.S)
    rows = sum(t.count("<TR>") for t in tables)
    lines = rows + sum(t.count("<BR/>") for t in tables)
    # the legend texts' size: their node's own, else the nodes' default
    node = re.search(r"\blegend_text\s*\[(.*?)\];", dot, re.S).group(1)
    own = re.search(r"fontsize=([\d.]+)", re.sub(r"<.*>", "", node, flags=re.S))
    default = re.search(r"\bnode \[[^\]]*?fontsize=([\d.]+)", dot, re.S)
    font = float((own or default).group(1)) * scale
    if len(columns) < 2:
        fail("the legend below a 3.5 in figure is one column")
    if font < 6 - 0.05:
        fail("legend text of %.2f pt at final size" % font)
    bound = ((lines + 1) // 2 + 2) * 1.6 * font + 3 * font
    if height > bound:
        fail("legend %.1f pt tall at 3.5 in: more than %.1f pt (%d rows, "
             "%d lines, %d columns, %.2f pt text)" %
             (height, bound, rows, lines, len(columns), font))
    print("compact: legend %.1f pt tall (bound %.1f: %d rows, %d lines at "
          "%.2f pt), %d columns" % (height, bound, rows, lines, font,
                                     len(columns)))


def legend_columns(dot):
    """The rows of each legend column in the DOT, in order: (bold, lines)."""
    cols = []
    for m in re.finditer(r"legend_text(?:_\d+)?\s*\[.*?<TABLE.*?</TABLE>",
                         dot, re.S):
        rows = []
        for td in re.findall(r"<TD[^>]*>(.*?)</TD>", m.group(0), re.S):
            lines = [re.sub(r"<[^>]*>", "", x).strip()
                     for x in re.split(r"<BR\s*/?>", td)]
            rows.append(("<B>" in td, lines))
        cols.append(rows)
    return cols


def case_columns():
    runs = [(QUAD, "3.5in", ["--top", "16"]), (NATO, "3.5in", ["--top", "18"]),
            (QUAD, "7in", []), (NATO, "7in", []), (DENSE, "3.5in",
                                                    ["--top", "12"])]
    for path, width, extra in runs:
        name = "%s %s %s" % (os.path.basename(path), width, " ".join(extra))
        dot, _ = run(["dot", "--width", width, path] + extra)
        cols = legend_columns(dot)
        flat = [r for c in cols for r in c]
        if not flat:
            fail("%s: no legend rows in the DOT" % name)
        # a section: a heading's rows up to the next heading (all columns)
        size, at = {}, 0
        for i, (bold, _) in enumerate(flat):
            if bold:
                at = i
                size[i] = 0
            elif size:
                size[at] += 1
        i = 0
        for c, rows in enumerate(cols):
            for j, (bold, lines) in enumerate(rows):
                under = len(rows) - j - 1
                if bold and under < min(2, size[i + j]) and c + 1 < len(cols):
                    fail("%s: heading %r ends column %d with %d of its %d "
                         "rows under it" % (name, " ".join(lines), c + 1,
                                            under, size[i + j]))
                for line in lines:
                    if re.fullmatch(r"\+\d+", line):
                        fail("%s: a legend line is just %r (row %r)" %
                             (name, line, lines))
            i += len(rows)
        graph_bb = [float(x) for x in
                    re.split(r"[ ,]", re.search(r'graph \[bb="([^"]*)"',
                                               dot).group(1))]
        pad = float(re.search(r'pad="([\d.]+),', dot).group(1)) * 72
        scale = WIDTHS[width] / (graph_bb[2] - graph_bb[0] + 2 * pad)
        node = re.search(r"\blegend_text\s*\[(.*?)\];", dot, re.S).group(1)
        own = re.search(r"fontsize=([\d.]+)",
                        re.sub(r"<.*>", "", node, flags=re.S))
        default = re.search(r"\bnode \[[^\]]*?fontsize=([\d.]+)", dot, re.S)
        font = float((own or default).group(1)) * scale
        if font < 6 - 0.05:
            fail("%s: legend text of %.2f pt at final size" % (name, font))
        print("columns %s: %d columns of %s rows, text %.2f pt" %
              (name, len(cols), "+".join(str(len(c)) for c in cols), font))


def case_grey():
    out = os.path.join(WORK, "c.pdf")
    rep, _ = run(["render", JAPAN, "--width", "7in", "--preflight",
                  "-o", out])
    if not re.search(r"greyscale: 8 node looks \(4 fills with a solid "
                     r"outline, 4 dashed\).*: ok", rep):
        fail("colour figure's greyscale line: " + rep)
    # L* of the default fills (sRGB -> Y -> L*, computed here): groups
    # 1-4 solid, 5-8 dashed; within an outline at least 10 apart.
    def lstar(c):
        v = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        v = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4
             for x in v]
        y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
        return 116 * y ** (1 / 3) - 16
    dot, _ = run(["dot", "--width", "7in", JAPAN])
    looks = set()
    for m in re.finditer(r'\[([^\]]*fillcolor="(#[0-9A-Fa-f]{6})"[^\]]*)\]',
                         dot):
        if 'class=legend' in m.group(1) or "class=" not in m.group(1):
            continue
        looks.add((m.group(2), "dashed" in m.group(1)))
    if len(looks) != 8:
        fail("expected 8 (fill, outline) looks, got %r" % sorted(looks))
    for dash in (False, True):
        ls = sorted(lstar(c) for c, d in looks if d == dash)
        if len(ls) != 4 or min(b - a for a, b in zip(ls, ls[1:])) < 10:
            fail("fills with dashed=%s: L* %r" % (dash, ls))
    gout = os.path.join(WORK, "g.pdf")
    rep, _ = run(["render", JAPAN, "--width", "7in", "--grayscale",
                  "--preflight", "-o", gout])
    if abs(pdf_page(gout)[0] - 504) > 1 or not re.search(
            r"greyscale: 8 node looks .*: ok", rep):
        fail("--grayscale at 7in: " + rep)
    gdot, _ = run(["dot", "--width", "7in", "--grayscale", JAPAN])
    if re.search(r"cluster_[0-9]", gdot):
        fail("--grayscale boxes the 8 communities; they fit 4 greys x 2 "
             "outlines")
    print("grey: 8 communities in colour and grey at 7 in\n" + rep)


def case_trial():
    with open(NATO, encoding="utf-8") as f:
        rels = {x["relation"] for x in json.load(f)["facts"]}
    for width, extra in (("3.5in", ["--top", "18"]), ("7in", [])):
        for grey in ([], ["--grayscale"]):
            out = os.path.join(WORK, "nato.pdf")
            rep, _ = run(["render", NATO, "--width", width, "--preflight",
                          "-o", out] + extra + grey)
            check_pdf(out, WIDTHS[width], 6, [])
            if not re.search(r"greyscale: .*: ok", rep) or "too" in rep:
                fail("%s %s: preflight %s" % (width, grey, rep))
            text, _ = pdf_chars(out)
            flat = " ".join(text.split())
            if "_" in flat:
                fail("%s: an id with '_' is drawn: %r" % (width, flat))
            # At 3.5 in --top 18 keeps 18 entities: some relations go.
            if width == "7in":
                # A relation's words, as the legend shows them: declared
                # label ("offers" is "provides") or the name with spaces.
                shown = {"offers": "provides"}
                for r in sorted(rels):
                    w = shown.get(r, r.replace("_", " "))
                    if w not in flat:
                        fail("7in %s: legend lacks %r" % (grey, w))
            print("trial %s %s:\n%s" % (width, " ".join(grey), rep))
    # The Quad fixture declares an entity type with '_' ("working_group"):
    # the legend names types in words too, as it does relations.
    out = os.path.join(WORK, "quad.pdf")
    run(["render", QUAD, "--width", "7in", "-o", out])
    flat = " ".join(pdf_chars(out)[0].split())
    if "_" in flat or "working group" not in flat:
        fail("quad 7in: types not in words: %r" % flat)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    {"widths": case_widths, "png": case_png, "eps": case_eps,
     "refuse": case_refuse, "legend": case_legend, "title": case_title,
     "preflight": case_preflight, "evolve": case_evolve,
     "latex": case_latex, "under": case_under, "grey": case_grey,
     "height": case_height, "compact": case_compact,
     "columns": case_columns,
     "trial": case_trial}[CASE]()


if __name__ == "__main__":
    main()

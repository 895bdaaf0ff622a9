#!/usr/bin/env python3
"""Figures readable in grey, relations told apart (issue 16): checks on
factnet's DOT and PNG, with expected values computed here from the raw
fixture and from CIE L* written out below, never by factnet.

usage: check_style.py FACTNET SRCDIR WORKDIR CASE
cases: grey_png, grey_dot, colour_dot, legend, stable, palette, labels"""
import json
import math
import os
import re
import struct
import subprocess
import sys
import zlib

FACTNET, SRC, WORK, CASE = sys.argv[1:5]
DENSE = os.path.join(SRC, "tests", "dot", "quad_aukus.json")
JAPAN = os.path.join(SRC, "data", "japan_cyber.json")
errors = []


def fail(msg):
    errors.append(msg)
    print("FAIL: " + msg)


def run(args):
    r = subprocess.run([FACTNET] + args, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr)
        raise SystemExit("factnet %s exited %d" % (" ".join(args),
                                                    r.returncode))
    return r.stdout


# ---- CIE L* by the textbook formula (sRGB, D65) ------------------------

def lightness(hexcolor):
    h = hexcolor.lstrip("#")
    lin = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        lin.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


# ---- DOT parsing (factnet writes one attribute per line) -----------------

def statements(dot):
    """(kind, name, attrs) for nodes and edges, attrs as a dict."""
    out = []
    for m in re.finditer(r'^\t+("?[\w.]+"?)(\s*->\s*"?[\w.]+"?)?\s*\[(.*?)\];',
                         dot, re.S | re.M):
        attrs = dict((k, v.strip('"')) for k, v in re.findall(
            r'(\w+)=("(?:[^"\\]|\\.)*"|<.*?>\s*(?=,|\]|$)|[^,\s\]]+)',
            m.group(3), re.S))
        kind = "edge" if m.group(2) else "node"
        out.append((kind, m.group(1).strip('"'), attrs))
    return out


def drawn_edges(dot):
    return [a for k, n, a in statements(dot)
            if k == "edge" and not a.get("id", "").startswith("legend")]


def drawn_nodes(dot):
    return {n: a for k, n, a in statements(dot)
            if k == "node" and n.startswith("n_")}


def look(e):
    """(colour, line, style, head, tail) of an edge as drawn."""
    color = e.get("color", "black")
    double = ":invis:" in color
    first = color.split(":")[0]
    direction = e.get("dir", "forward")
    head = e.get("arrowhead", "normal") if direction in ("forward", "both") \
        else "none"
    tail = e.get("arrowtail", "normal") if direction == "both" else "none"
    return (first, "double" if double else "single",
            e.get("style", "solid"), head, tail)


def item(e):
    """The relation an edge draws and its sign class, from its class."""
    cls = e.get("class", "").split()
    return (cls[0], "negative" if "negative" in cls else
            "mixed" if "mixed" in cls else "positive")


def relation_looks(dot):
    """{(relation, sign class): look}; fails when one relation is drawn in
    two looks (the arrowhead may sit at either end with 'both')."""
    looks = {}
    for e in drawn_edges(dot):
        key = item(e)
        if key[0] == "several":
            continue
        c, line, style, head, tail = look(e)
        lk = (c, line, style, head if head != "none" else tail)
        if key in looks and looks[key] != lk:
            # a directed relation drawn both ways keeps its arrowhead
            if looks[key][:3] != lk[:3] or (
                    looks[key][3] != lk[3] and "none" not in
                    (looks[key][3], lk[3])):
                fail("relation %s drawn in two looks: %s and %s"
                     % (key, looks[key], lk))
        looks.setdefault(key, lk)
    return looks


# ---- PNG reading with zlib (8-bit greyscale, RGB, RGBA) ------------------

def png_pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    assert depth == 8, "bit depth %d" % depth
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    i = 0
    for _ in range(h):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


# ---- cases --------------------------------------------------------------

def case_grey_png():
    for src in (JAPAN, DENSE):
        png = os.path.join(WORK, os.path.basename(src) + ".png")
        run(["render", "--grayscale", src, "-o", png])
        w, h, bpp, rows = png_pixels(png)
        if bpp < 3:
            continue  # a greyscale PNG cannot hold chroma
        worst = 0
        for r in rows:
            for x in range(0, w * bpp, bpp):
                worst = max(worst, max(r[x:x + 3]) - min(r[x:x + 3]))
        print("%s: %dx%d, largest channel spread %d" % (png, w, h, worst))
        if worst > 0:
            fail("%s: a pixel has chroma (channels differ by %d)"
                 % (png, worst))


def grey_of(color):
    h = color.lstrip("#")
    return h[0:2] == h[2:4] == h[4:6]


def case_grey_dot():
    for src in (JAPAN, DENSE):
        dot = run(["dot", "--grayscale", src])
        colors = re.findall(r'(?:fill)?color="?(#[0-9A-Fa-f]{6})', dot)
        colors += re.findall(r'(#[0-9A-Fa-f]{6}):invis', dot)
        bad = sorted({c for c in colors if not grey_of(c)})
        if bad:
            fail("%s --grayscale: colours that are not grey: %s" % (src, bad))
        fills = sorted({a["fillcolor"] for a in drawn_nodes(dot).values()
                        if a.get("fillcolor", "#FFFFFF") != "#FFFFFF"},
                       key=lightness)
        ls = [lightness(f) for f in fills]
        print("%s: fills %s at L* %s" % (src, fills,
                                         [round(x, 1) for x in ls]))
        for a, b in zip(ls, ls[1:]):
            if b - a < 14 - 0.5:
                fail("%s --grayscale: fills %.1f and %.1f closer than 14 "
                     "in L*" % (src, a, b))
        looks = relation_looks(dot)
        # In grey, a look is its line, style and arrowhead/marker, and
        # its grey only when 20 or more apart in L*.
        seen = {}
        for key, (c, line, style, mark) in sorted(looks.items()):
            k = (round(lightness(c) / 20), line, style, mark)
            if k in seen:
                fail("%s --grayscale: %s and %s look alike: %s"
                     % (src, seen[k], key, k))
            seen[k] = key
        print("%s: %d relation looks, all distinct in grey"
              % (src, len(looks)))


def case_colour_dot():
    dot = run(["dot", DENSE])
    looks = relation_looks(dot)
    rels = {r for r, s in looks}
    if len(rels) < 16:
        fail("the dense fixture draws %d relations, expected 16 or more"
             % len(rels))
    seen = {}
    for key, lk in sorted(looks.items()):
        if lk in seen:
            fail("relations %s and %s share %s" % (seen[lk], key, lk))
        seen[lk] = key
    # Negative relations do not use the relation colours.
    for (rel, sign), (c, *_rest) in looks.items():
        if sign == "negative" and c.upper() != "#CC3311":
            fail("negative %s drawn in %s, not red" % (rel, c))
    positive = [lk[0] for (r, s), lk in looks.items() if s == "positive"]
    distinct = len(set(positive))
    if distinct < min(8, len(positive)):
        fail("%d positive relations in only %d colours" % (len(positive),
                                                           distinct))
    print("%d relation looks on the dense fixture, all distinct, %d colours"
          % (len(looks), distinct))


def labels_of(path):
    """Display label of each relation (docs/FORMAT.md: the declared label,
    else the name with spaces for underscores, as the built-ins' are)."""
    js = json.load(open(path, encoding="utf-8"))
    decl = js.get("relations", {})
    return lambda r: decl.get(r, {}).get("label", r.replace("_", " "))


def case_legend():
    for src in (JAPAN, DENSE):
        js = json.load(open(src, encoding="utf-8"))
        label = labels_of(src)
        dot = run(["dot", src])
        legend = re.search(r'legend_text.*?label=<(.*?)>\s*,?\s*\n\s*pos',
                           dot, re.S)
        text = re.sub(r"<[^>]*>", " ", legend.group(1)) if legend else ""
        text = re.sub(r"\s+", " ", text.replace("&amp;", "&"))
        # Every relation of every drawn edge's facts: the pairs drawn,
        # from the raw facts (full view, no filters: every fact's pair).
        drawn = set()
        for f in js["facts"]:
            drawn.add(f["relation"])
        missing = [r for r in sorted(drawn) if label(r) not in text]
        if missing:
            fail("%s: legend lacks %s" % (src, [label(r) for r in missing]))
        markers = ("dot", "odot", "tee")  # undirected relations' markers
        both = [e for e in drawn_edges(dot) if e.get("dir") == "both" and
                e.get("arrowhead", "normal") not in markers]
        if both and "both ways" not in text:
            fail("%s: edges with heads at both ends, legend does not say "
                 "what they mean" % src)
        for word in ("node area", "line width"):
            if word not in text:
                fail("%s: legend lacks %r" % (src, word))
        print("%s: legend names all %d relations drawn" % (src, len(drawn)))


def case_stable():
    full = drawn_nodes(run(["dot", JAPAN]))
    cut = drawn_nodes(run(["dot", "--types", "actor,agreement", JAPAN]))
    if not cut or len(cut) >= len(full):
        fail("--types actor,agreement kept %d of %d nodes" % (len(cut),
                                                              len(full)))
    diff = [n for n in cut if cut[n]["fillcolor"] != full[n]["fillcolor"]]
    if diff:
        fail("community colour changed in --types actor,agreement for %s"
             % diff)
    for opts in (["--from", "2015"], ["--top", "10"],
                 ["--ego", "Japan"], ["--relations", "party_to,issued"]):
        part = drawn_nodes(run(["dot"] + opts + [JAPAN]))
        diff = [n for n in part if part[n]["fillcolor"] !=
                full[n]["fillcolor"]]
        if diff:
            fail("colour changed with %s for %s" % (" ".join(opts), diff))
    print("%d nodes keep their colour in the filtered views" % len(cut))


def case_palette():
    dot = run(["dot", DENSE])
    # The fills documented in docs/DIAGRAMS.md and their L* targets.
    palette = ["#77AADD", "#FAE993", "#0E9878", "#BFD038", "#DE7B59",
               "#A2E0FF", "#7B7B00", "#F29FB0"]
    target = [68, 92, 56, 80, 62, 86, 50, 74]
    for p, t in zip(palette, target):
        if abs(lightness(p) - t) > 0.6:
            fail("fill %s has L* %.1f, documented %d" % (p, lightness(p), t))
    ls = sorted(lightness(p) for p in palette)
    for a, b in zip(ls, ls[1:]):
        if b - a < 5.5:
            fail("fills %.1f and %.1f too close in L*" % (a, b))
    for a, b in zip(target, target[1:]):
        if abs(a - b) < 18:
            fail("consecutive fills differ by %d in L*" % abs(a - b))
    first = sorted(lightness(p) for p in palette[:4])
    for a, b in zip(first, first[1:]):
        if b - a < 10:  # the preflight's grey gap (FNET_STYLE_GREY_GAP)
            fail("the first four fills are %.1f apart in L*" % (b - a))
    used = {a["fillcolor"] for a in drawn_nodes(dot).values()}
    if not used <= set(palette) | {"#F9F9F9"}:
        fail("fills outside the palette: %s" % (used - set(palette)))


def case_labels():
    here = os.path.dirname(os.path.abspath(__file__))
    for src in (JAPAN, DENSE):
        r = subprocess.run([sys.executable,
                            os.path.join(here, "check_edge_labels.py"),
                            FACTNET, src], capture_output=True, text=True)
        print(r.stdout, end="")
        if r.returncode == 77:
            sys.exit(77)
        if r.returncode != 0:
            fail("%s: edge labels overlap or stray" % src)


CASES = {"grey_png": case_grey_png, "grey_dot": case_grey_dot,
         "colour_dot": case_colour_dot, "legend": case_legend,
         "stable": case_stable, "palette": case_palette,
         "labels": case_labels}

if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    CASES[CASE]()
    sys.exit(1 if errors else 0)

#!/usr/bin/env python3
"""check_svg.py - checks an SVG rendered by `factnet render` against its
corpus, with Python's xml.etree (an independent reader).

usage: check_svg.py SVG CORPUS.json [--wrap N] [--no-legend]
                    [--nodes ID,ID,...] [--actors] [--no-edge-check]

Checks:
- exactly one <g class="node TYPE"> with id n_<id> per entity drawn (all
  entities, or --nodes, or the actors with --actors), and no other data
  node;
- its <text> lines are the label: exactly (joined by newlines) with
  --wrap 0, else the same words with breaks only at spaces and no line
  longer than N characters unless it is a single word;
- its tooltip is "label / id: ID / type: TYPE [/ also: aliases]";
- one edge group per connected pair of drawn entities, with the
  e_<from>_<to> id of a drawn pair (unless --no-edge-check: the actors
  view links actors that share items);
- the legend (unless --no-legend) names every type drawn, and no other.

The expected strings are computed here from the JSON, not by factnet:
display form = CR LF and CR as line breaks, C0 controls and DEL as Unicode
control pictures; the SVG writer keeps runs of spaces visible by writing
every space that follows a space as U+00A0; XML turns a tab inside an
attribute into a space.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def display(s):
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for c in s:
        o = ord(c)
        if (o < 32 and c not in "\t\n") or o == 127:
            out.append(chr(0x2421) if o == 127 else chr(0x2400 + o))
        else:
            out.append(c)
    return "".join(out)


def svg_text(s):
    return re.sub(r"(?<= ) ", "\u00a0", s)


def dot_id(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c == "-"):
            out.append(c)
        else:
            out.append("_%02x" % b)
    return "".join(out)


def css_class(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c in "-_"):
            out.append(c)
        else:
            out.append("_%02x" % b)
    return "".join(out)


def node_tooltip(e):
    t = "%s\nid: %s\ntype: %s" % (e.get("label", e["id"]), e["id"], e["type"])
    if e.get("aliases"):
        t += "\nalso: " + "; ".join(e["aliases"])
    return t


def texts(g):
    return [t.text or "" for t in g.iter(SVG + "text")]


def check_wrapped(lines, label, width, where):
    want = svg_text(display(label))
    got = "\n".join(lines)
    if got.replace("\n", " ") != want.replace("\n", " "):
        fail("%s: text %r is not the label %r" % (where, got, want))
    # Breaks only where the label has a space or a line break.
    for i, (a, b) in enumerate(zip(got, want)):
        if a == "\n" and b not in " \n":
            fail("%s: line break inside a word at %d" % (where, i))
    for line in lines:
        if len(line) > width and " " in line.strip():
            fail("%s: line %r longer than %d" % (where, line, width))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        fail("usage: check_svg.py SVG CORPUS.json [options]")
    svg_path, corpus_path = args[0], args[1]
    wrap, legend, only, actors, edge_check = 16, True, None, False, True
    i = 2
    while i < len(args):
        if args[i] == "--wrap":
            wrap = int(args[i + 1])
            i += 1
        elif args[i] == "--no-legend":
            legend = False
        elif args[i] == "--nodes":
            only = set(args[i + 1].split(","))
            i += 1
        elif args[i] == "--actors":
            actors = True
        elif args[i] == "--no-edge-check":
            edge_check = False
        else:
            fail("unknown option " + args[i])
        i += 1
    corpus = json.load(open(corpus_path, encoding="utf-8"))
    ents = corpus["entities"]
    if only is not None:
        ents = [e for e in ents if e["id"] in only]
        if len(ents) != len(only):
            fail("--nodes names entities the corpus does not have")
    if actors:
        ents = [e for e in ents if e["type"] == "actor"]
    root = ET.parse(svg_path).getroot()
    groups = {}
    for g in root.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        if cls and cls[0] in ("node", "edge", "cluster"):
            if g.get("id") in groups:
                fail("duplicate id " + g.get("id"))
            groups[g.get("id")] = (cls, g)
    data_nodes = {k: v for k, v in groups.items()
                  if v[0][0] == "node" and "legend" not in v[0]}
    if len(data_nodes) != len(ents):
        fail("%d data nodes in the SVG, expected %d" %
             (len(data_nodes), len(ents)))
    drawn = {}
    for e in ents:
        gid = "n_" + dot_id(e["id"])
        if gid not in data_nodes:
            fail("no node group with id %r (entity %r)" % (gid, e["id"]))
        cls, g = data_nodes[gid]
        if cls != ["node", css_class(e["type"])]:
            fail("%s: class %r, expected node %s" %
                 (gid, " ".join(cls), css_class(e["type"])))
        label = e.get("label", e["id"])
        lines = texts(g)
        if wrap == 0:
            want = svg_text(display(label))
            if "\n".join(lines) != want:
                fail("%s: text %r, expected %r" %
                     (gid, "\n".join(lines), want))
        else:
            check_wrapped(lines, label, wrap, gid)
        a = g.find(".//" + SVG + "a")
        tip = a.get(XLINK + "title") if a is not None else None
        want = display(node_tooltip(e)).replace("\t", " ")
        if tip != want:
            fail("%s: tooltip %r, expected %r" % (gid, tip, want))
        drawn[e["id"]] = gid
    # Edges: one per connected pair of drawn entities.
    def fold(x):
        return " ".join(x.split()).lower()

    by_ref = {}
    for e in corpus["entities"]:  # facts may name entities by label/alias
        for name in [e.get("label", e["id"])] + e.get("aliases", []):
            by_ref[fold(name)] = e["id"]
    ids = {e["id"] for e in corpus["entities"]}

    def resolve(ref):
        return ref if ref in ids else by_ref.get(fold(ref))

    pairs = set()
    for f in corpus["facts"]:
        s, o = resolve(f["subject"]), resolve(f["object"])
        if s in drawn and o in drawn and s != o:
            pairs.add(frozenset((s, o)))
    edges = {k: v for k, v in groups.items()
             if v[0][0] == "edge" and "legend" not in v[0]}
    if not edge_check:
        pairs = set()
        edges = {}
    if len(edges) != len(pairs):
        fail("%d edges in the SVG, expected %d pairs" %
             (len(edges), len(pairs)))
    for p in pairs:
        a, b = sorted(p)
        ids = {"e_%s_%s" % (dot_id(a), dot_id(b)),
               "e_%s_%s" % (dot_id(b), dot_id(a))}
        if not ids & set(edges):
            fail("no edge for the pair %r" % (sorted(p),))
    # Legend: every type drawn, no other.
    if legend:
        leg = groups.get("legend_text")
        if leg is None:
            fail("no legend")
        rows = texts(leg[1])
        # As drawn: an HTML label, so control pictures, and tabs as spaces.
        shown = lambda t: svg_text(display(t).replace("\t", " "))
        types = {shown(e["type"]) for e in ents}
        all_types = {shown(e["type"]) for e in corpus["entities"]}
        for t in types:
            if t not in rows:
                fail("legend does not list type %r: %r" % (t, rows))
        for t in all_types - types:
            if t in rows:
                fail("legend lists type %r, which is not drawn" % t)
    elif "legend_text" in groups:
        fail("legend present with --no-legend")
    print("ok: %d nodes, %d edges" % (len(data_nodes), len(edges)))


main()

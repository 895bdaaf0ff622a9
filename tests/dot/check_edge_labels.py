#!/usr/bin/env python3
"""--edge-labels on the laid-out graph: no edge label's box overlaps a
node's box or another label's box, and every label lies next to its own
edge (issue 16). Reads the layout as Graphviz itself reports it
(`dot -Tjson` of factnet's DOT, which keeps factnet's positions: the graph
is pinned, layout nop2), so the boxes are Graphviz's own text widths.

usage: check_edge_labels.py FACTNET INPUT [factnet dot options...]"""
import json
import math
import shutil
import subprocess
import sys

NEAR = 10.0  # points: the most a label may lie from its own edge
PAD = 0.5    # points of slack for rounding in the JSON


def text_boxes(ops):
    """Boxes (x0, y0, x1, y1) of the text ops of an xdot list."""
    size, out = 14.0, []
    for op in ops or []:
        if op["op"] == "F":
            size = op["size"]
        elif op["op"] == "T":
            x, y = op["pt"]
            w = op["width"]
            x0 = {"l": x, "c": x - w / 2, "r": x - w}[op["align"]]
            # baseline y: ascent above, descent below (DejaVu: ~0.93, 0.24)
            out.append((x0, y - 0.24 * size, x0 + w, y + 0.93 * size))
    return out


def union(boxes):
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def overlap(a, b):
    return (a[0] < b[2] - PAD and b[0] < a[2] - PAD and a[1] < b[3] - PAD
            and b[1] < a[3] - PAD)


def node_box(o):
    x, y = map(float, o["pos"].split(","))
    w, h = float(o["width"]) * 72 / 2, float(o["height"]) * 72 / 2
    return (x - w, y - h, x + w, y + h)


def edge_points(e):
    pts = []
    for op in e.get("_draw_", []):
        if op["op"] == "b":
            p = op["points"]
            # sample each cubic piece
            for i in range(0, len(p) - 3, 3):
                for k in range(201):
                    t = k / 200
                    pts.append(tuple(
                        (1 - t) ** 3 * p[i][d] + 3 * (1 - t) ** 2 * t *
                        p[i + 1][d] + 3 * (1 - t) * t * t * p[i + 2][d] +
                        t ** 3 * p[i + 3][d] for d in (0, 1)))
    return pts


def box_distance(b, p):
    dx = max(b[0] - p[0], 0, p[0] - b[2])
    dy = max(b[1] - p[1], 0, p[1] - b[3])
    return math.hypot(dx, dy)


def main():
    factnet, path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not shutil.which("dot"):
        print("skipped: Graphviz's dot program is not installed")
        return 77
    dot = subprocess.run([factnet, "dot", "--edge-labels", "relation"] +
                         extra + [path], check=True, capture_output=True,
                         text=True).stdout
    js = json.loads(subprocess.run(["dot", "-Tjson"], input=dot, check=True,
                                   capture_output=True, text=True).stdout)
    nodes = [o for o in js["objects"]
             if "pos" in o and not o["name"].startswith("legend")]
    boxes = {o["name"]: node_box(o) for o in nodes}
    labels = []
    for e in js.get("edges", []):
        if str(e.get("id", "")).startswith("legend"):
            continue
        b = union(text_boxes(e.get("_ldraw_")) +
                  text_boxes(e.get("_xldraw_")) +
                  text_boxes(e.get("_tldraw_")))
        if b:
            labels.append((e["id"], b, edge_points(e)))
    bad = []
    for eid, b, pts in labels:
        for name, nb in boxes.items():
            if overlap(b, nb):
                bad.append(f"label of {eid} overlaps node {name}")
        d = min((box_distance(b, p) for p in pts), default=math.inf)
        if d > NEAR:
            bad.append(f"label of {eid} is {d:.1f} pt from its edge")
    for i in range(len(labels)):
        for k in range(i + 1, len(labels)):
            if overlap(labels[i][1], labels[k][1]):
                bad.append(f"labels of {labels[i][0]} and {labels[k][0]} "
                           "overlap")
    # Edges running beneath a node other than their ends (reported, not
    # failed: Graphviz routes splines around nodes up to factnet's size
    # limits, and curved parallel edges may still cross).
    under = 0
    names = {o["_gvid"]: o["name"] for o in js["objects"]}
    for e in js.get("edges", []):
        if str(e.get("id", "")).startswith("legend"):
            continue
        ends = {names.get(e["tail"]), names.get(e["head"])}
        pts = edge_points(e)
        if any(n not in ends and any(nb[0] < x < nb[2] and nb[1] < y < nb[3]
                                     for x, y in pts)
               for n, nb in boxes.items()):
            under += 1
    print(f"{path}: {len(labels)} edge labels, {len(nodes)} nodes, "
          f"{len(bad)} problems; {under} edges pass beneath another node")
    for line in bad[:40]:
        print("  " + line)
    if not labels:
        print("no edge labels drawn")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

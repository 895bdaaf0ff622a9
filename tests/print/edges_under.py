"""Edges drawn beneath a node that is not one of their ends (issue 16),
measured on the laid-out graph as Graphviz reports it (`dot -Tjson` of
factnet's DOT, which keeps factnet's pinned positions): every Bezier piece
an edge draws (both strokes of a double line) is sampled and tested
against the outline each node draws (its ellipse or polygon), shrunk by
`inset` points: with the default INSET, a line that only grazes an
outline (enters it by less than 2 pt: Graphviz routes splines around
polygons that approximate ellipses) does not count; inset=1 counts those
too."""
import json
import math
import subprocess

INSET = 2.0  # points


def bezier_points(p, steps=100):
    out = []
    for i in range(0, len(p) - 3, 3):
        for k in range(steps + 1):
            t = k / steps
            out.append(tuple(
                (1 - t) ** 3 * p[i][d] + 3 * (1 - t) ** 2 * t * p[i + 1][d] +
                3 * (1 - t) * t * t * p[i + 2][d] + t ** 3 * p[i + 3][d]
                for d in (0, 1)))
    return out


def outline(o):
    """The first ellipse or polygon a node draws: ("e", [cx, cy, rx, ry])
    or ("p", points); None when it draws neither."""
    for op in o.get("_draw_", []):
        if op["op"] in "eE":
            return ("e", op["rect"])
        if op["op"] in "pP":
            return ("p", op["points"])
    return None


def inside(shape, x, y, inset):
    """True when (x, y) lies inset points or more inside shape."""
    if shape[0] == "e":
        cx, cy, rx, ry = shape[1]
        rx, ry = rx - inset, ry - inset
        return rx > 0 and ry > 0 and ((x - cx) / rx) ** 2 + \
            ((y - cy) / ry) ** 2 < 1
    pts, c = shape[1], False
    for i in range(len(pts)):
        (x1, y1), (x2, y2) = pts[i], pts[(i + 1) % len(pts)]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    if not c:
        return False
    for i in range(len(pts)):  # far enough from every side
        (x1, y1), (x2, y2) = pts[i], pts[(i + 1) % len(pts)]
        dx, dy = x2 - x1, y2 - y1
        n = dx * dx + dy * dy
        t = 0 if n == 0 else max(0, min(1, ((x - x1) * dx + (y - y1) * dy)
                                        / n))
        if math.hypot(x - x1 - t * dx, y - y1 - t * dy) < inset:
            return False
    return True


def edges_under(dot_text, inset=INSET):
    """[(edge id, node name)] for each edge drawn beneath another node."""
    js = json.loads(subprocess.run(["dot", "-Tjson"], input=dot_text,
                                   check=True, capture_output=True,
                                   text=True).stdout)
    nodes = {o["_gvid"]: o for o in js.get("objects", [])
             if "pos" in o and "nodes" not in o and
             not o["name"].startswith("legend")}
    shapes = {g: outline(o) for g, o in nodes.items()}
    found = []
    for e in js.get("edges", []):
        if str(e.get("id", "")).startswith("legend"):
            continue
        pts = []
        for op in e.get("_draw_", []):
            if op["op"] == "b":
                pts += bezier_points(op["points"])
        for g, s in shapes.items():
            if g in (e["tail"], e["head"]) or not s:
                continue
            if any(inside(s, x, y, inset) for x, y in pts):
                found.append((e.get("id"), nodes[g]["name"]))
    return found

#!/usr/bin/python3
"""Keeps the includes under src/ pointing down the layers, without cycles.

    test_layers.py [REPO_ROOT]     (default: two folders above this file)

The layers, lowest first (docs/ARCHITECTURE.md, "The pipeline"):

    core < model < input = graph < analysis < job < output < cli

A file's layer is the first folder under src/ (src/input/json/x.c is in
input); src/main.c is cli. A file may include its own layer and any lower
one; input and graph share a rank and include neither each other.

A module is a .c with the .h of the same name beside it. A header without a
.c of its own belongs to the module whose .c defines what it declares
(a header that only declares what some other .c defines); a header that
declares nothing defined in a .c (model/limits.h) is a module by itself.
Module A depends on module B when a file of A includes a file of B; a cycle
is a set of two or more modules that depend on each other (a strongly
connected component), e.g. a.c including b.h while b.c includes a.h.

Fails (exit 1, one line per problem) on
  - an include from a lower layer to a higher one (or between input and
    graph), naming the file, its line and the header,
  - an include cycle between modules, naming the modules and the includes
    that close it,
  - a file under src/ in a folder that is not a layer,
  - an entry of ALLOWED_UPWARD or ALLOWED_CYCLES that no longer occurs (it
    was fixed: remove the entry),
  - a command (src/cli/cmd_*.c) longer than CMD_MAX_LINES or calling
    igraph: commands stay thin over the analysis layer (issue 15).
Exit status: 0 clean, 1 problems, 2 usage.
"""
import os
import re
import sys

RANK = {
    "core": 0,
    "model": 1,
    "input": 2,
    "graph": 2,
    "analysis": 3,
    "job": 4,
    "output": 5,
    "cli": 6,
}

# Known violations that pieces of issue 15 are removing. Each entry must
# still occur: remove it in the commit that fixes it.
#
# Upward includes, as (including file, included file), paths under src/.
ALLOWED_UPWARD = set()
# Include cycles, as the set of modules (path under src/ without .c/.h).
ALLOWED_CYCLES = set()

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DECLARED = re.compile(r"\b(fnet_\w+)\s*\(")


def layer(rel):
    """The layer of a path under src/, or None for a folder that is not one."""
    parts = rel.split("/")
    if len(parts) == 1:
        return "cli" if parts[0] == "main.c" else None
    return parts[0] if parts[0] in RANK else None


def sources(src):
    """Paths under src/ of every .c and .h, sorted."""
    out = []
    for d, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                out.append(os.path.relpath(os.path.join(d, f), src))
    return sorted(out)


def read(src, rel):
    with open(os.path.join(src, rel), encoding="utf-8") as f:
        return f.read()


def includes(src, rel, text):
    """(line, path under src/) of each #include "..." that names a file of
    src/, resolved from src/ (as the build's include path) or beside rel."""
    out = []
    for m in INCLUDE.finditer(text):
        name = m.group(1)
        line = text.count("\n", 0, m.start()) + 1
        for cand in (name, os.path.join(os.path.dirname(rel), name)):
            cand = os.path.normpath(cand)
            if os.path.isfile(os.path.join(src, cand)):
                out.append((line, cand))
                break
    return out


def modules(src, files, texts):
    """Maps each file to its module (path without extension)."""
    mod = {}
    for rel in files:
        mod[rel] = os.path.splitext(rel)[0]
    for rel in files:
        stem = os.path.splitext(rel)[0]
        if not rel.endswith(".h") or stem + ".c" in mod:
            continue
        names = set(DECLARED.findall(COMMENT.sub(" ", texts[rel])))
        owners = set()
        for c in files:
            if not c.endswith(".c"):
                continue
            body = COMMENT.sub(" ", texts[c])
            for n in names:
                if re.search(r"^[A-Za-z_][\w \*]*\b" + n +
                             r"\s*\([^;{]*\)\s*\{", body, re.M):
                    owners.add(os.path.splitext(c)[0])
        if len(owners) == 1:
            mod[rel] = owners.pop()
    return mod


def cycles(edges):
    """Strongly connected components of two or more nodes (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    nodes = sorted(set(edges) | {b for bs in edges.values() for b in bs})

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(frozenset(comp))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return out


def loop(edges, comp):
    """A shortest path from the first module of comp back to itself."""
    start = min(comp)
    back = {}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(edges.get(v, ())):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(back[path[-1]])
                return [start] + path[::-1][1:] + [start]
            if w in comp and w not in back and w != start:
                back[w] = v
                todo.append(w)
    return [start]


def check(root):
    """The problems found under root/src, one line each."""
    src = os.path.join(root, "src")
    files = sources(src)
    texts = {rel: read(src, rel) for rel in files}
    mod = modules(src, files, texts)
    problems = []
    upward = set()
    edges = {}
    why = {}  # (module, module) -> the first include behind that edge
    for rel in files:
        a = layer(rel)
        if a is None:
            problems.append("src/%s: folder is not a layer (add it to RANK "
                            "in tests/docs/test_layers.py)" % rel)
            continue
        for line, inc in includes(src, rel, texts[rel]):
            b = layer(inc)
            if b is not None and a != b and RANK[b] >= RANK[a]:
                upward.add((rel, inc))
                if (rel, inc) not in ALLOWED_UPWARD:
                    problems.append(
                        "src/%s:%d: %s layer includes %s from the %s layer"
                        % (rel, line, a, inc, b))
            ma, mb = mod[rel], mod[inc]
            if ma != mb:
                edges.setdefault(ma, set()).add(mb)
                why.setdefault((ma, mb), "src/%s:%d includes %s"
                               % (rel, line, inc))
    found = set(cycles(edges))
    for comp in sorted(found, key=sorted):
        if comp in ALLOWED_CYCLES:
            continue
        path = loop(edges, comp)
        steps = [why[(path[i], path[i + 1])] for i in range(len(path) - 1)]
        problems.append("include cycle between modules %s: %s"
                        % (", ".join(sorted(comp)), "; ".join(steps)))
    for pair in sorted(ALLOWED_UPWARD - upward):
        problems.append("ALLOWED_UPWARD: %s -> %s no longer occurs; remove "
                        "the entry" % pair)
    for comp in sorted(ALLOWED_CYCLES - found, key=sorted):
        problems.append("ALLOWED_CYCLES: the cycle %s no longer occurs; "
                        "remove the entry" % ", ".join(sorted(comp)))
    return problems


CMD_MAX_LINES = 250


def thin_commands(root):
    """Commands over CMD_MAX_LINES lines, or naming igraph_."""
    problems = []
    cli = os.path.join(root, "src", "cli")
    for name in sorted(os.listdir(cli)):
        if not (name.startswith("cmd_") and name.endswith(".c")):
            continue
        with open(os.path.join(cli, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        n = len(lines) - (1 if lines and lines[-1] == "" else 0)
        if n > CMD_MAX_LINES:
            problems.append("src/cli/%s: %d lines (at most %d: move the "
                            "work to its layer)" % (name, n, CMD_MAX_LINES))
        for i, line in enumerate(lines, 1):
            if "igraph_" in line:
                problems.append("src/cli/%s:%d: igraph_ in a command" %
                                (name, i))
    return problems


def main(argv):
    if len(argv) > 2:
        sys.stderr.write("usage: test_layers.py [REPO_ROOT]\n")
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..")
    if not os.path.isdir(os.path.join(root, "src")):
        sys.stderr.write("test_layers.py: %s has no src/\n" % root)
        return 2
    problems = check(root) + thin_commands(root)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Keeps docs/ARCHITECTURE.md true to the source tree.

    test_architecture.py [REPO_ROOT]     (default: two folders above this file)

Fails (exit 1, one line per problem, naming the file) when
  - a header under src/ (src/**/*.h) is not named in ARCHITECTURE.md as
    DIR/NAME.h (e.g. `input/import/quote.h`; `src/input/import/quote.h` counts too), or
  - ARCHITECTURE.md names a path that does not exist: anything starting
    with src/, tests/, docs/, scripts/, bench/, cmake/ or data/, and
    DIR/NAME.EXT for a folder of src/ (core, model, input, graph, analysis,
    job, output, cli) and EXT one of h, c, js, css. A `*` in a path must match at
    least one file; for a path with a placeholder (`cmd_<verb>.c`,
    `tests/golden/cli/<case>/`) the folder before the placeholder must exist.
Exit status: 0 true, 1 not true, 2 usage.
"""
import glob
import os
import re
import sys

DOC = "docs/ARCHITECTURE.md"
TOP = ("src", "tests", "docs", "scripts", "bench", "cmake", "data")
SRC_DIRS = ("core", "model", "input", "graph", "analysis", "job", "output",
            "cli")
SRC_EXTS = (".h", ".c", ".js", ".css")
# A run of path characters holding a slash, not glued to a word before it
# (so the tail of a URL or of /usr/include/... is not read as a path).
TOKEN = re.compile(r"(?<![\w./*<>{}:-])[\w.*<>{}-]+(?:/[\w.*<>{}-]*)+")


def paths_named(text):
    """Yields (line number, repository-relative path) for each path named."""
    for lineno, line in enumerate(text.split("\n"), 1):
        for m in TOKEN.finditer(line):
            tok = m.group(0).rstrip(".,;:")
            first = tok.split("/", 1)[0]
            if first in TOP:
                yield lineno, tok
            elif first in SRC_DIRS and tok.endswith(SRC_EXTS):
                yield lineno, "src/" + tok


def exists(root, path):
    """True when path (repository-relative) names something in the tree."""
    cut = min([i for i in (path.find("<"), path.find("{")) if i >= 0],
              default=-1)
    if cut >= 0:  # a placeholder: the folder before it must exist
        return os.path.isdir(os.path.join(root, path[:path.rfind("/", 0, cut)]))
    if "*" in path:
        return bool(glob.glob(os.path.join(root, path)))
    return os.path.exists(os.path.join(root, path))


def headers(root):
    """The headers under src/, as DIR/NAME.h relative to src/, sorted."""
    src = os.path.join(root, "src")
    out = []
    for d, _, files in os.walk(src):
        for f in files:
            if f.endswith(".h"):
                out.append(os.path.relpath(os.path.join(d, f), src))
    return sorted(p.replace(os.sep, "/") for p in out)


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print("usage: test_architecture.py [REPO_ROOT]", file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[1] if len(argv) == 2 else os.path.dirname(os.path.dirname(here))
    doc = os.path.join(root, DOC)
    if not os.path.isfile(doc):
        print(f"{DOC}: missing")
        return 1
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    problems = []
    named = list(paths_named(text))
    listed = {p[len("src/"):] for _, p in named if p.startswith("src/")}
    hs = headers(root)
    if not hs:
        problems.append(f"{root}/src: no headers found (wrong REPO_ROOT?)")
    for h in hs:
        if h not in listed:
            problems.append(f"src/{h}: not listed in {DOC} "
                            f"(add a line for `{h}` to its folder's table)")
    for lineno, p in named:
        if not exists(root, p):
            problems.append(f"{DOC}:{lineno}: {p}: no such file or folder")
    for p in problems:
        print(p)
    if problems:
        print(f"{DOC}: {len(problems)} problem(s)")
        return 1
    print(f"{DOC}: all {len(hs)} headers of src/ listed; "
          f"{len(named)} path mentions checked, all exist")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

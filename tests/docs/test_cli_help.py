#!/usr/bin/python3
"""Keeps docs/CLI.md true to `factnet COMMAND --help`.

    test_cli_help.py FACTNET [REPO_ROOT] [--update]

Every option group that `factnet COMMAND --help` prints ("options:",
"diagram options:", "graph options:", "input options ...:") is a fenced
block in docs/CLI.md, right after a marker line:

    <!-- factnet COMMAND --help: options -->      the command's own options,
                                                  in its "## factnet COMMAND"
                                                  section
    <!-- factnet --help: graph options -->        a shared group, once, in
                                                  "## Shared options"

The block must hold exactly the group's lines as --help prints them (the
title line(s) included). Fails (exit 1, one line per problem) when a block
is missing or differs, or when two commands print a shared group
differently. --update rewrites the blocks from --help (read the diff
before committing it). The commands are those `factnet --help` lists.
Exit status: 0 true, 1 not true, 2 usage.
"""
import os
import re
import subprocess
import sys

DOC = "docs/CLI.md"
SHARED = "factnet --help"


def run(factnet, *args):
    p = subprocess.run([factnet, *args], capture_output=True, text=True,
                       check=False)
    if p.returncode != 0:
        sys.exit(f"test_cli_help: factnet {' '.join(args)}: exit "
                 f"{p.returncode}")
    return p.stdout


def commands(factnet):
    """The command names of `factnet --help`: indented lines after
    'commands:'."""
    names, on = [], False
    for line in run(factnet, "--help").splitlines():
        if line.startswith("commands:"):
            on = True
        elif on and line.startswith("  ") and line.strip():
            names.append(line.split()[0])
        elif on and line.strip():
            break
    return names


def groups(text):
    """{title: block} for each option group of a --help text: the
    paragraphs from "options:" on whose first lines are not indented (the
    title, ending with ':') and the rest are, starting with an option."""
    out = {}
    started = False
    for para in text.split("\n\n"):
        lines = para.strip("\n").split("\n")
        if lines[0] == "options:":
            started = True
        if not started:
            continue
        k = 0
        while k < len(lines) and not lines[k].startswith("  "):
            k += 1
        if k == 0 or k == len(lines) or not lines[k - 1].endswith(":"):
            break
        if not all(x.startswith("  ") for x in lines[k:]) or \
                not lines[k].lstrip().startswith("-"):
            break
        title = " ".join(lines[:k])[:-1]
        out[title] = "\n".join(lines)
    return out


def key(title):
    """'input options (FMT: ...)' -> 'input options'."""
    return title.split(" (")[0]


def expected(factnet):
    """{marker: block} from --help, and the problems between commands."""
    want, problems = {}, []
    for cmd in commands(factnet):
        for title, block in groups(run(factnet, cmd, "--help")).items():
            if key(title) == "options":
                want[f"factnet {cmd} --help: options"] = block
                continue
            marker = f"{SHARED}: {key(title)}"
            if marker in want and want[marker] != block:
                problems.append(f"factnet {cmd} --help: '{key(title)}' "
                                "differs from another command's")
            want.setdefault(marker, block)
    return want, problems


BLOCK = re.compile(r"<!-- ([^\n]+?) -->\n```\n((?s:.*?))\n```")


def main(argv):
    update = "--update" in argv
    args = [a for a in argv[1:] if a != "--update"]
    if not 1 <= len(args) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = args[1] if len(args) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..")
    path = os.path.join(root, DOC)
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    want, problems = expected(args[0])
    have = {m.group(1): m.group(2) for m in BLOCK.finditer(doc)}
    if update:
        doc = BLOCK.sub(lambda m: (f"<!-- {m.group(1)} -->\n```\n"
                                   f"{want.get(m.group(1), m.group(2))}\n```"),
                        doc)
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)
        have = {m.group(1): m.group(2) for m in BLOCK.finditer(doc)}
    for marker, block in want.items():
        if marker not in have:
            problems.append(f"{DOC}: no block for '{marker}' (add "
                            f"'<!-- {marker} -->' and a fenced block)")
        elif have[marker] != block:
            old, new = have[marker].split("\n"), block.split("\n")
            first = next((i for i in range(max(len(old), len(new)))
                          if i >= len(old) or i >= len(new)
                          or old[i] != new[i]), 0)
            problems.append(
                f"{DOC}: '{marker}' differs from --help at line "
                f"{first + 1}:\n  doc:  "
                f"{old[first] if first < len(old) else '(end)'}\n  help: "
                f"{new[first] if first < len(new) else '(end)'}\n  "
                "(run tests/docs/test_cli_help.py FACTNET --update)")
    for marker in have:
        if marker.startswith("factnet ") and "--help:" in marker and \
                marker not in want:
            problems.append(f"{DOC}: block '{marker}': no such option group")
    for p in problems:
        print(p)
    if problems:
        print(f"{DOC}: {len(problems)} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

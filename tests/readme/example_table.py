#!/usr/bin/env python3
"""The README's example metrics table is exactly what the command shown
above it prints: the first fenced block after "## Network metrics" is run
(build/factnet replaced by FACTNET, from the source directory) and its
output must be the first Markdown table after it. With --update the table
is rewritten in place.

usage: example_table.py FACTNET SOURCE_DIR [--update]
"""
import os
import re
import shlex
import subprocess
import sys


def main():
    factnet, src = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    path = os.path.join(src, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index("## Network metrics")
    m = re.compile(r"```\n(.*?)\n```\n", re.S).search(text, start)
    if not m:
        sys.exit("README.md: no command block after '## Network metrics'")
    cmd = shlex.split(m.group(1).replace("\\\n", " "))
    if cmd[0] != "build/factnet":
        sys.exit(f"README.md: the command is {cmd[0]}, not build/factnet")
    p = subprocess.run([factnet] + cmd[1:], cwd=src, capture_output=True,
                       text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    t = re.compile(r"^\|.*\n(?:\|.*\n)*", re.M).search(text, m.end())
    if not t:
        sys.exit("README.md: no table after the command")
    if t.group(0) == p.stdout:
        return
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:t.start()] + p.stdout + text[t.end():])
        print("README.md: example table rewritten")
        return
    sys.exit("README.md: the example table is not what the command above "
             f"it prints:\n--- README\n{t.group(0)}--- {' '.join(cmd)}\n"
             f"{p.stdout}(tests/readme/example_table.py FACTNET . --update "
             "rewrites it)")


main()

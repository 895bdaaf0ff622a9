#!/usr/bin/env python3
"""Runs one factnet command and checks its exit status and output.

usage: run_case.py [--cwd DIR] [--needs PATH] --status N [--stderr FILE]
                   [--stdout FILE] [--stdout-match REGEX]... -- COMMAND ARG...

--stderr FILE, --stdout FILE: the stream must equal the file's content
exactly.
--stdout-match REGEX: some line of standard output must match (re.fullmatch).
--needs PATH: when PATH does not exist, print why and exit 77 (ctest SKIP).
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cwd", default=".")
    ap.add_argument("--needs")
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--stderr")
    ap.add_argument("--stdout")
    ap.add_argument("--stdout-match", action="append", default=[])
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if a.needs and not os.path.exists(os.path.join(a.cwd, a.needs)):
        print(f"SKIP: {a.needs} not found (from {os.path.abspath(a.cwd)})")
        return 77
    p = subprocess.run(cmd, cwd=a.cwd, capture_output=True)
    out = p.stdout.decode("utf-8")
    err = p.stderr.decode("utf-8")
    failed = []
    if p.returncode != a.status:
        failed.append(f"exit status {p.returncode}, want {a.status}")
    for name, path, got in (("stderr", a.stderr, err),
                            ("stdout", a.stdout, out)):
        if path is None:
            continue
        with open(path, encoding="utf-8") as f:
            want = f.read()
        if got != want:
            failed.append(f"{name} differs:\n--- got\n{got}--- want\n{want}")
    lines = out.splitlines()
    for rx in a.stdout_match:
        if not any(re.fullmatch(rx, line) for line in lines):
            failed.append(f"no stdout line matches {rx!r}")
    if failed:
        print("command:", " ".join(cmd))
        print("\n".join(failed))
        print("--- stdout\n" + out + "--- stderr\n" + err)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

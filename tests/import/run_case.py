#!/usr/bin/env python3
"""Runs one importer case: cases/NAME/ holds `args` (one argument per line),
`exit` (the expected status), and optionally `stdout` and `stderr` (the
expected output, compared exactly) and `needs` (paths, relative to this
folder, that must exist; when one is missing the case is skipped with exit
status 77). factnet runs in this folder, so messages name the fixtures as
fixtures/..."""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    factnet, name = sys.argv[1], sys.argv[2]
    case = os.path.join(HERE, "cases", name)
    needs = os.path.join(case, "needs")
    if os.path.exists(needs):
        for p in read(needs).split("\n"):
            if p and not os.path.exists(os.path.join(HERE, p)):
                print(f"SKIP {name}: {p} is not present")
                return 77
    args = [a for a in read(os.path.join(case, "args")).split("\n") if a]
    env = dict(os.environ, NO_COLOR="1")
    r = subprocess.run([factnet] + args, cwd=HERE, capture_output=True,
                       env=env)
    failed = False
    want = int(read(os.path.join(case, "exit")).strip())
    if r.returncode != want:
        print(f"{name}: exit status {r.returncode}, want {want}")
        failed = True
    for stream, got in (("stdout", r.stdout), ("stderr", r.stderr)):
        path = os.path.join(case, stream)
        if not os.path.exists(path):
            continue
        expected = read(path)
        text = got.decode("utf-8", "replace")
        if text != expected:
            failed = True
            print(f"{name}: {stream} differs:")
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True),
                "expected", "got"))
    print(f"{name}: {'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

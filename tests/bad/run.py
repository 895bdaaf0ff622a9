#!/usr/bin/python3
"""Runs the bad-input corpus through `factnet check` and compares stderr and
the exit status with NAME.expected.

    run.py FACTNET [--update] [CASE...]     (no CASE: every case)

A case is NAME.expected plus its input NAME.json or NAME.jsonl (or a
generator below, for inputs too big to commit). NAME.expected holds the exact
stderr, after optional directive lines at the top:

    #! args: --strict          options placed before the input files
    #! files: A.json B.jsonl   the inputs, in order (default: the NAME input)
    #! status: 0               expected exit status (default: 1)

Every case runs in a fresh temporary directory holding copies of its inputs
and is given them by relative name, so messages read "NAME.json: ...".
--update rewrites the stderr part of NAME.expected from what factnet printed
(directives are kept); read every change before committing it.
Exit status: 0 all passed, 1 a case failed, 2 usage.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024


def valid_corpus(title):
    """A small valid document whose title is `title` (raw JSON text)."""
    return (
        '{"factnet": 1, "title": "%s",\n'
        ' "sources": [{"id": "s1"}],\n'
        ' "entities": [{"id": "JPN", "type": "actor", "label": "Japan"},\n'
        '  {"id": "RCEP", "type": "agreement"}],\n'
        ' "facts": [{"subject": "JPN", "relation": "party_to",'
        ' "object": "RCEP", "source": "s1", "evidence": "e"}]}\n' % title)


# Inputs generated at test time (name -> (file name, bytes)).
GENERATORS = {
    # One byte over the 1 MiB string limit.
    "string_over_limit": lambda: ("string_over_limit.json",
                                  valid_corpus("a" * (MIB + 1)).encode()),
    # Exactly at the limit: valid.
    "string_at_limit": lambda: ("string_at_limit.json",
                                valid_corpus("a" * MIB).encode()),
    # A 100 MB string: rejected at its opening quote, no crash, no 100 MB
    # copy in the repository.
    "string_100mb": lambda: ("string_100mb.json",
                             valid_corpus("x" * (100 * MIB)).encode()),
    # A JSON Lines record longer than the 16 MiB line limit.
    "jsonl_line_over_limit": lambda: (
        "jsonl_line_over_limit.jsonl",
        b'{"kind":"source","id":"s1"}\n{"kind":"entity","id":"A",'
        b'"type":"actor","label":"' + b"a" * (16 * MIB) + b'"}\n'),
}


def parse_expected(path):
    directives, body = {}, []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#! "):
        key, _, value = lines[i][3:].partition(":")
        directives[key.strip()] = value.strip()
        i += 1
    body = "\n".join(lines[i:])
    return directives, body


def case_names():
    return sorted(f[:-len(".expected")] for f in os.listdir(HERE)
                  if f.endswith(".expected"))


def default_input(name):
    if name in GENERATORS:
        return None
    for ext in (".json", ".jsonl"):
        if os.path.exists(os.path.join(HERE, name + ext)):
            return name + ext
    raise SystemExit("run.py: case %s has no input %s.json or %s.jsonl"
                     % (name, name, name))


def run_case(factnet, name, update):
    exp_path = os.path.join(HERE, name + ".expected")
    directives, want = parse_expected(exp_path)
    want_status = int(directives.get("status", "1"))
    args = directives.get("args", "").split()
    with tempfile.TemporaryDirectory(prefix="fnet-bad-") as tmp:
        if name in GENERATORS:
            fname, data = GENERATORS[name]()
            with open(os.path.join(tmp, fname), "wb") as f:
                f.write(data)
            files = [fname]
        else:
            files = directives.get("files", "").split() or \
                [default_input(name)]
            for f in files:
                shutil.copyfile(os.path.join(HERE, f), os.path.join(tmp, f))
        proc = subprocess.run([factnet, "check"] + args + ["--"] + files,
                              cwd=tmp, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    got = proc.stderr.decode("utf-8", errors="backslashreplace")
    if update:
        head = "".join("#! %s: %s\n" % kv for kv in directives.items())
        with open(exp_path, "w", encoding="utf-8", newline="") as f:
            f.write(head + got)
        return True
    ok = True
    if proc.returncode != want_status:
        print("%s: exit status %d, want %d" % (name, proc.returncode,
                                               want_status))
        ok = False
    if got != want:
        print("%s: stderr differs\n--- want\n%s--- got\n%s---"
              % (name, want, got))
        ok = False
    # A crash under the sanitizers also shows in stderr, but check the
    # status class too: a negative status is a signal.
    if proc.returncode < 0:
        print("%s: killed by signal %d" % (name, -proc.returncode))
        ok = False
    return ok


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    factnet = os.path.abspath(argv[1])
    rest = argv[2:]
    update = "--update" in rest
    names = [a for a in rest if a != "--update"] or case_names()
    failed = [n for n in names if not run_case(factnet, n, update)]
    if failed:
        print("FAILED: %s" % " ".join(failed))
        return 1
    print("%d case%s passed" % (len(names), "" if len(names) == 1 else "s"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Standard output errors: a full disk and a reader that stops early.

usage: test_stdout.py FACTNET

- `factnet ... > /dev/full` exits 3 with "factnet: standard output: write
  error: No space left on device": --help of every command, check's
  summary, build's progress lines (every output kind written to standard
  output is in test_atomic.py).
- `factnet ... | head -c1` on a large output (check, metrics, export): factnet
  ignores SIGPIPE, so it is not killed by the signal; it exits 3, quietly
  (docs/CLI.md), whether the output goes through printf or an output file. The child
  is started with SIGPIPE at its default action (Python's subprocess
  restores it), so without the SIG_IGN in main the process would die of the
  signal and this test would fail.
"""
import os
import subprocess
import sys
import tempfile

factnet = sys.argv[1]
failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)
    else:
        print("ok:", what)


def run_full(args, what):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([factnet] + args, stdout=full,
                           stderr=subprocess.PIPE)
    err = p.stderr.decode()
    check(p.returncode == 3, f"{what}: exit 3 (got {p.returncode})")
    last = err.strip().split("\n")[-1]
    check(last ==
          "factnet: standard output: write error: No space left on device",
          f"{what}: message (got {last!r})")
    check(err.count("write error") == 1, f"{what}: reported once ({err!r})")


with tempfile.TemporaryDirectory() as tmp:
    # 5000 entity types with long names: the summary lists each, ~400 KB of
    # output, far more than a pipe holds (64 KiB), so the writes after the
    # reader is gone must fail.
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "w") as fp:
        for i in range(5000):
            fp.write('{"kind":"entity","id":"e%d","type":"type%05d%s"}\n'
                     % (i, i, "x" * 60))
    small = os.path.join(tmp, "small.json")
    with open(small, "w") as fp:
        fp.write('{"entities":[{"id":"a","type":"actor"}],"facts":[]}')

    run_full(["--help"], "--help > /dev/full")
    for cmd in ("balance", "build", "check", "dot", "evidence", "evolve",
                "export", "metrics", "render", "report"):
        run_full([cmd, "--help"], f"{cmd} --help > /dev/full")
    run_full(["check", small], "check summary > /dev/full")
    # build writes its files, then a "wrote FILE" line each to stdout.
    run_full(["build", "-o", os.path.join(tmp, "b"), small],
             "build's progress > /dev/full")

    # check writes its summary with printf; the others through an output
    # file "-" (src/core/outfile.c), which must be as quiet.
    for args in (["check"], ["metrics"], ["export", "-f", "graphml"],
                 ["export", "-f", "gml"]):
        what = " ".join(args) + " | head -c1"
        p = subprocess.Popen([factnet] + args + [big], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        first = p.stdout.read(1)
        p.stdout.close()  # the reader stops, like head -c1
        err = p.stderr.read().decode()
        p.wait()
        check(first != b"", f"{what}: got the first byte")
        check(p.returncode == 3, f"{what}: exit 3, not killed by SIGPIPE "
              f"(got {p.returncode})")
        check(all(m not in err for m in
                  ("write error", "Broken pipe", "I/O error")),
              f"{what}: no message about it (stderr tail {err[-200:]!r})")

    # The whole output does arrive when the reader reads it all.
    p = subprocess.run([factnet, "check", big], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    check(p.returncode == 0 and p.stdout.count(b"\n") > 5000,
          "full read: exit 0 and every line")

sys.exit(1 if failures else 0)

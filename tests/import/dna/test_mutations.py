#!/usr/bin/env python3
"""Mutation fuzzing of the DNA importer through the CLI, bounded and
seeded: a database built by dnafix.make_built, damaged N ways (bytes
flipped, runs overwritten, truncated, pages zeroed or swapped, the schema
text bent), each read by `factnet check`. Every run must end as factnet
documents it (exit 0, or 1 with messages naming the file; never a signal,
a hang, exit 2+, or "out of memory"), and must leave the folder as it was.
The libFuzzer harness tests/fuzz/fuzz_dna.c covers the same entry point
in-process (FNET_FUZZ builds).

usage: test_mutations.py FACTNET [N] [SEED]"""
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dnafix  # noqa: E402

OPTS = ["--dna-statement-type", "Stance", "--dna-qualifier", "level"]
PAGE = 512  # dnafix's page size


def mutate(rng, data):
    b = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0:  # flip a few bytes
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    elif kind == 1:  # overwrite a run with random bytes
        i = rng.randrange(len(b))
        n = rng.randint(1, 64)
        b[i:i + n] = bytes(rng.randrange(256) for _ in range(n))
    elif kind == 2:  # truncate
        del b[rng.randrange(len(b)):]
    elif kind == 3:  # zero a page
        p = rng.randrange(len(b) // PAGE)
        b[p * PAGE:(p + 1) * PAGE] = bytes(PAGE)
    elif kind == 4:  # swap two pages
        n = len(b) // PAGE
        p, q = rng.randrange(n), rng.randrange(n)
        a, c = b[p * PAGE:(p + 1) * PAGE], b[q * PAGE:(q + 1) * PAGE]
        b[p * PAGE:(p + 1) * PAGE], b[q * PAGE:(q + 1) * PAGE] = c, a
    else:  # bend a word of the schema or the data
        for old, new in ((b"STATEMENTS", b"STATEMENTZ"), (b"Stance", b"Stanc\xff"),
                         (b"INTEGER", b"TEXT\0\0\0"), (b"Value", b"Vxlue"),
                         (b"integer", b"boolean")):
            i = b.find(old, rng.randrange(len(b)))
            if i >= 0:
                b[i:i + len(old)] = new
                break
    return bytes(b)


def main():
    factnet = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 17)
    fails = 0
    outcomes = {0: 0, 1: 0}
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "base.dna")
        dnafix.make_built(base)
        with open(base, "rb") as f:
            data = f.read()
        work = os.path.join(tmp, "w")
        os.mkdir(work)
        path = os.path.join(work, "m.dna")
        for k in range(n):
            m = mutate(rng, data)
            with open(path, "wb") as f:
                f.write(m)
            try:
                p = subprocess.run([factnet, "check", path] + OPTS,
                                   capture_output=True, text=True,
                                   errors="replace", timeout=20)
            except subprocess.TimeoutExpired:
                print("FAIL: mutation %d hangs" % k)
                fails += 1
                continue
            bad = None
            if p.returncode not in (0, 1):
                bad = "exit %d" % p.returncode
            elif "out of memory" in p.stderr:
                bad = "out of memory"
            elif p.returncode == 1 and not p.stderr.startswith(path):
                bad = "an error not naming the file"
            elif p.returncode == 0 and not p.stdout.startswith(path):
                bad = "a summary not naming the file"
            elif os.listdir(work) != ["m.dna"]:
                bad = "files created: %r" % os.listdir(work)
            if bad:
                fails += 1
                keep = os.path.join(tmp, "..", "dna-mutation-%d.dna" % k)
                print("FAIL: mutation %d: %s\n%s" % (k, bad, p.stderr[:600]))
                with open(keep, "wb") as f:
                    f.write(m)
            else:
                outcomes[p.returncode] += 1
    print("%d mutations: %d read, %d refused with a message, %d failures"
          % (n, outcomes[0], outcomes[1], fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

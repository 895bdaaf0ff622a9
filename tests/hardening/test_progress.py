"""The progress line on a terminal (docs/CLI.md, "Progress").

usage: test_progress.py FACTNET

factnet shows the stage of a long job on standard error only when it is a
terminal. Here standard error is a pseudo-terminal (Python's pty) and
FACTNET_PROGRESS_AFTER=0 shows the line from the first tick (0.2 s), so a
corpus of 30,000 facts is long enough; without the variable the line waits
a second, so a tiny corpus shows nothing. Checked:
- the line appears ("factnet: loading ..." or another stage), drawn with
  carriage returns only (no escape sequences), and is erased at the end:
  what a terminal shows after the run is empty;
- the output file is byte-identical to the same run with standard error a
  pipe, where nothing at all is written to standard error;
- a tiny corpus on the terminal without the variable writes nothing.
If the machine ran the job before the first tick, the corpus is made 4
times larger (at most twice) rather than failing.
"""
import os
import pty
import random
import select
import subprocess
import sys
import tempfile

factnet = sys.argv[1]
failures = 0


def check(cond, what):
    global failures
    print(("ok: " if cond else "FAIL: ") + what)
    failures += not cond


def corpus(path, n_facts, n_entities):
    """A valid corpus without warnings: the first facts chain every entity,
    the rest join random pairs."""
    rnd = random.Random(7)
    with open(path, "w") as f:
        f.write('{"kind":"header","title":"progress"}\n')
        f.write('{"kind":"source","id":"s","title":"S"}\n')
        for i in range(n_entities):
            f.write('{"kind":"entity","id":"e%d","type":"actor"}\n' % i)
        for i in range(n_facts):
            a = i % n_entities
            b = (a + 1) % n_entities if i < n_entities else \
                rnd.randrange(n_entities)
            if a == b:
                b = (b + 1) % n_entities
            f.write('{"kind":"fact","subject":"e%d",'
                    '"relation":"cooperates_with",'
                    '"object":"e%d","source":"s","evidence":"x"}\n'
                    % (a, b))


def on_tty(args, env):
    """Runs factnet with standard error on a pseudo-terminal; returns the
    exit status and what the terminal received."""
    master, slave = pty.openpty()
    p = subprocess.Popen([factnet] + args, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    got = b""
    while True:
        r, _, _ = select.select([master], [], [], 1.0)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            got += chunk
        elif p.poll() is not None:
            break
    os.close(master)
    return p.wait(timeout=600), got.decode(errors="replace")


def shown_after(text):
    """What a terminal line shows once text is drawn: carriage returns go
    back to the start of the line and overwrite."""
    line = []
    col = 0
    for ch in text:
        if ch == "\r":
            col = 0
        elif ch == "\n":
            line, col = [], 0
        else:
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
    return "".join(line).strip()


with tempfile.TemporaryDirectory() as d:
    env = dict(os.environ, FACTNET_PROGRESS_AFTER="0")
    data = os.path.join(d, "facts.jsonl")
    n, tty = 30000, ""
    for attempt in range(3):
        corpus(data, n, 2000)
        out_tty = os.path.join(d, "tty.csv")
        rc, tty = on_tty(["metrics", data, "-o", out_tty], env)
        if "factnet: " in tty or rc != 0:
            break
        print(f"note: {n} facts ran before the first tick; trying {4 * n}")
        n *= 4
    check(rc == 0, f"metrics on a terminal: exit 0 (got {rc})")
    check("factnet: " in tty, "the progress line appears: %r" % tty[:80])
    check("\x1b" not in tty, "no escape sequences")
    check(shown_after(tty) == "", "the line is erased at the end (shows %r)"
          % shown_after(tty)[:60])
    out_pipe = os.path.join(d, "pipe.csv")
    p = subprocess.run([factnet, "metrics", data, "-o", out_pipe], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    check(p.returncode == 0 and p.stderr == b"",
          "with standard error a pipe: exit 0, nothing on it (%r)"
          % p.stderr[:80])
    with open(out_tty, "rb") as a, open(out_pipe, "rb") as b:
        check(a.read() == b.read(), "the table is the same either way")

    small = os.path.join(d, "small.jsonl")
    corpus(small, 10, 9)  # an odd cycle: not bipartite, no warning
    quiet = dict(os.environ)
    quiet.pop("FACTNET_PROGRESS_AFTER", None)
    rc, tty = on_tty(["metrics", small, "-o", os.path.join(d, "s.csv")],
                     quiet)
    check(rc == 0 and tty == "",
          "a tiny corpus on a terminal: nothing shown (%r)" % tty[:80])

print("%d failed" % failures)
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""Golden tests: runs factnet on each case folder tests/golden/AREA/CASE/ and
compares the exit status, stdout and stderr with the case's expected.* files.

    run.py FACTNET [--update] [CASE...]

CASE is AREA/NAME (or the ctest name AREA.NAME), or an AREA for all of its
cases; no CASE runs every case. The case format is described in
tests/golden/README.md. --update writes expected.status, expected.stdout and
expected.stderr from what factnet did (never expected.stdout.re or
expected.stdout.grep); read every change before committing it.
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (one case only).
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77
NOBODY = 65534
MIB = 1024 * 1024
STREAMS = ("expected.stdout", "expected.stderr")
META = {"cmd", "expected.status", "expected.stdout", "expected.stdout.re",
        "expected.stdout.grep", "expected.stderr", "stdin", "copy", "cwd",
        "needs", "generate", "unreadable", "stdout_full"}


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def lines(case_dir, name):
    """The non-empty lines of a case file, stripped (none when it is
    absent)."""
    text = read(os.path.join(case_dir, name), b"").decode()
    return [line.strip() for line in text.split("\n") if line.strip()]


def valid_corpus(title):
    """A small valid document whose title is `title` (raw JSON text); for
    `generate` scripts."""
    return (
        '{"factnet": 1, "title": "%s",\n'
        ' "sources": [{"id": "s1"}],\n'
        ' "entities": [{"id": "JPN", "type": "actor", "label": "Japan"},\n'
        '  {"id": "RCEP", "type": "agreement"}],\n'
        ' "facts": [{"subject": "JPN", "relation": "party_to",'
        ' "object": "RCEP", "source": "s1", "evidence": "e"}]}\n' % title)


def drop_to_nobody():
    """In the child, before exec: become nobody, for whom chmod 0 holds."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def prepare(case_dir, tmp):
    """Fills the temporary folder: the case's inputs, `copy`, `generate`,
    `unreadable`."""
    for name in os.listdir(case_dir):
        if name in META:
            continue
        src = os.path.join(case_dir, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(tmp, name))
        else:
            shutil.copyfile(src, os.path.join(tmp, name))
    for line in lines(case_dir, "copy"):
        src, _, dest = line.partition(" ")
        dest = os.path.join(tmp, dest.strip() or os.path.basename(src))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if os.path.isdir(os.path.join(ROOT, src)):
            shutil.copytree(os.path.join(ROOT, src), dest)
        else:
            shutil.copyfile(os.path.join(ROOT, src), dest)
    script = read(os.path.join(case_dir, "generate"))
    if script is not None:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            exec(compile(script, os.path.join(case_dir, "generate"), "exec"),
                 {"MIB": MIB, "valid_corpus": valid_corpus})
        finally:
            os.chdir(cwd)
    for name in lines(case_dir, "unreadable"):
        os.chmod(os.path.join(tmp, name), 0)


def execute(factnet, case_dir, run_dir, as_nobody):
    """Runs factnet in run_dir; returns the CompletedProcess (stdout None
    when it went to /dev/full)."""
    args = shlex.split(read(os.path.join(case_dir, "cmd"), b"").decode())
    stdin_data = read(os.path.join(case_dir, "stdin"), b"")
    to_full = os.path.exists(os.path.join(case_dir, "stdout_full"))
    out = open("/dev/full", "wb") if to_full else subprocess.PIPE
    try:
        return subprocess.run(
            [factnet] + args, cwd=run_dir, input=stdin_data,
            stdout=out, stderr=subprocess.PIPE,
            env=dict(os.environ, NO_COLOR="1"),
            preexec_fn=drop_to_nobody if as_nobody else None)
    finally:
        if to_full:
            out.close()


def run(factnet, name, case_dir):
    """Runs the case; returns the process, or a string saying why the case
    is skipped."""
    for path in lines(case_dir, "needs"):
        if not os.path.exists(os.path.join(ROOT, path)):
            return "%s is not present" % path
    cwd = lines(case_dir, "cwd")
    if cwd:
        inputs = set(os.listdir(case_dir)) - META
        if inputs:
            raise SystemExit("run.py: %s: a case with cwd takes no input "
                             "files (%s)" % (name, " ".join(sorted(inputs))))
        return execute(factnet, case_dir, os.path.join(ROOT, cwd[0]), False)
    unreadable = os.path.exists(os.path.join(case_dir, "unreadable"))
    as_nobody = unreadable and os.geteuid() == 0
    with tempfile.TemporaryDirectory(prefix="fnet-golden-") as tmp:
        prepare(case_dir, tmp)
        if as_nobody:
            os.chmod(tmp, 0o755)
        try:
            return execute(factnet, case_dir, tmp, as_nobody)
        except (PermissionError, subprocess.SubprocessError) as e:
            return "the user nobody cannot run %s (%s)" % (factnet, e)
        finally:
            if unreadable:  # let the temporary directory be removed
                for f in os.listdir(tmp):
                    os.chmod(os.path.join(tmp, f), 0o600)


def update(case_dir, proc):
    with open(os.path.join(case_dir, "expected.status"), "w") as f:
        f.write("%d\n" % proc.returncode)
    patterns = ("expected.stdout.re", "expected.stdout.grep")
    keep_stdout = any(os.path.exists(os.path.join(case_dir, p))
                      for p in patterns)
    for file, got in zip(STREAMS, (proc.stdout or b"", proc.stderr)):
        path = os.path.join(case_dir, file)
        if file == "expected.stdout" and keep_stdout:
            continue
        if got:
            with open(path, "wb") as f:
                f.write(got)
        elif os.path.exists(path):
            os.remove(path)


def differs(name, what, want, got):
    print("%s: %s differs" % (name, what))
    sys.stdout.writelines(difflib.unified_diff(
        want.decode(errors="replace").splitlines(True),
        got.decode(errors="replace").splitlines(True), "expected", "got"))
    if not got.endswith(b"\n") or not want.endswith(b"\n"):
        print("\n(want %d bytes, got %d)" % (len(want), len(got)))


def compare(name, case_dir, proc):
    """Prints every difference; returns True when there is none."""
    ok = True
    want_status = int(read(os.path.join(case_dir, "expected.status")))
    if proc.returncode < 0:
        print("%s: killed by signal %d" % (name, -proc.returncode))
        ok = False
    elif proc.returncode != want_status:
        print("%s: exit status %d, want %d" % (name, proc.returncode,
                                               want_status))
        ok = False
    stdout = proc.stdout or b""
    whole = read(os.path.join(case_dir, "expected.stdout.re"))
    grep = lines(case_dir, "expected.stdout.grep")
    if whole is not None:
        if not re.fullmatch(whole.rstrip(b"\n"), stdout.rstrip(b"\n")):
            print("%s: stdout does not match expected.stdout.re\n%s"
                  % (name, stdout.decode(errors="replace")))
            ok = False
    elif grep:
        got_lines = stdout.decode(errors="replace").splitlines()
        for rx in grep:
            if not any(re.fullmatch(rx, line) for line in got_lines):
                print("%s: no stdout line matches %r" % (name, rx))
                ok = False
        if not ok:
            print(stdout.decode(errors="replace"))
    else:
        want = read(os.path.join(case_dir, "expected.stdout"), b"")
        if stdout != want:
            differs(name, "stdout", want, stdout)
            ok = False
    want = read(os.path.join(case_dir, "expected.stderr"), b"")
    if proc.stderr != want:
        differs(name, "stderr", want, proc.stderr)
        ok = False
    return ok


def run_case(factnet, name, updating):
    """0 passed (or updated), 1 failed, SKIP skipped."""
    case_dir = os.path.join(HERE, name)
    proc = run(factnet, name, case_dir)
    if isinstance(proc, str):
        print("%s: SKIP: %s" % (name, proc))
        return SKIP
    if updating:
        update(case_dir, proc)
        return 0
    return 0 if compare(name, case_dir, proc) else 1


def is_case(path):
    return os.path.isfile(os.path.join(path, "cmd"))


def expand(arg):
    """AREA/NAME, AREA.NAME or AREA -> case names (AREA/NAME)."""
    if "/" not in arg and not os.path.isdir(os.path.join(HERE, arg)):
        arg = arg.replace(".", "/", 1)
    arg = arg.strip("/")
    path = os.path.join(HERE, arg)
    if is_case(path):
        return [arg]
    if "/" not in arg and os.path.isdir(path):
        return sorted(arg + "/" + d for d in os.listdir(path)
                      if is_case(os.path.join(path, d)))
    raise SystemExit("run.py: no case %s in %s" % (arg, HERE))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    factnet = os.path.abspath(argv[1])
    rest = argv[2:]
    updating = "--update" in rest
    args = [a for a in rest if a != "--update"] or sorted(
        d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)))
    names = [n for a in args for n in expand(a)]
    results = {n: run_case(factnet, n, updating) for n in names}
    failed = [n for n, r in results.items() if r == 1]
    skipped = [n for n, r in results.items() if r == SKIP]
    if failed:
        print("FAILED: %s" % " ".join(failed))
        return 1
    if skipped and len(names) == 1:
        return SKIP
    print("%d passed, %d skipped" % (len(names) - len(skipped),
                                     len(skipped)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

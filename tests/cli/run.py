#!/usr/bin/python3
"""Golden tests of factnet's command line: runs each case folder and diffs
stdout, stderr and the exit status.

    run.py FACTNET [--update] [CASE...]     (no CASE: every case)

A case is a folder tests/cli/CASE/ holding:

    cmd               the argument line after `factnet` (shell quoting; may
                      be empty)
    expected.status   the exit status
    expected.stdout   exact stdout, or expected.stdout.re: a regular
                      expression the whole of stdout must match
    expected.stderr   exact stderr (absent: must be empty)
    stdin             optional: fed to standard input (else /dev/null)
    copy              optional: repository files to copy in, one path per
                      line (copied under their base name)
    unreadable        optional: names of files to make unreadable (chmod 0).
                      Root reads them anyway, so as root factnet runs as
                      the user nobody; the case is skipped (exit 77) only
                      when nobody cannot run factnet
    stdout_full       optional, empty: standard output is /dev/full
    anything else     input files, copied with the case

Each case runs in a temporary copy of its folder, so inputs are named by
relative path and nothing is written into the source tree. --update writes
the expected.* files from what factnet did (never expected.stdout.re); read
every change before committing it.
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (one case only).
"""
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
META = {"cmd", "expected.status", "expected.stdout", "expected.stdout.re",
        "expected.stderr", "stdin", "copy", "unreadable", "stdout_full"}


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def drop_to_nobody():
    """In the child, before exec: become nobody, for whom chmod 0 holds."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def prepare(case_dir, tmp):
    for name in os.listdir(case_dir):
        if name in META:
            continue
        src = os.path.join(case_dir, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(tmp, name))
        else:
            shutil.copyfile(src, os.path.join(tmp, name))
    for rel in (read(os.path.join(case_dir, "copy"), b"").decode().split()):
        shutil.copyfile(os.path.join(ROOT, rel),
                        os.path.join(tmp, os.path.basename(rel)))
    for name in (read(os.path.join(case_dir, "unreadable"), b"")
                 .decode().split()):
        os.chmod(os.path.join(tmp, name), 0)


def run_case(factnet, name, update):
    case_dir = os.path.join(HERE, name)
    unreadable = os.path.exists(os.path.join(case_dir, "unreadable"))
    as_nobody = unreadable and os.geteuid() == 0
    args = shlex.split(read(os.path.join(case_dir, "cmd"), b"").decode())
    stdin_data = read(os.path.join(case_dir, "stdin"))
    to_full = os.path.exists(os.path.join(case_dir, "stdout_full"))
    with tempfile.TemporaryDirectory(prefix="fnet-cli-") as tmp:
        prepare(case_dir, tmp)
        if as_nobody:
            os.chmod(tmp, 0o755)
        out = open("/dev/full", "wb") if to_full else subprocess.PIPE
        try:
            proc = subprocess.run(
                [factnet] + args, cwd=tmp,
                input=stdin_data if stdin_data is not None else b"",
                stdout=out, stderr=subprocess.PIPE,
                env=dict(os.environ, NO_COLOR="1"),
                preexec_fn=drop_to_nobody if as_nobody else None)
        except (PermissionError, subprocess.SubprocessError) as e:
            print("%s: SKIP: the user nobody cannot run %s (%s)"
                  % (name, factnet, e))
            return SKIP
        finally:
            if to_full:
                out.close()
        if unreadable:  # let the temporary directory be removed
            for f in os.listdir(tmp):
                os.chmod(os.path.join(tmp, f), 0o600)
    stdout = proc.stdout or b""
    if update:
        with open(os.path.join(case_dir, "expected.status"), "w") as f:
            f.write("%d\n" % proc.returncode)
        if not os.path.exists(os.path.join(case_dir, "expected.stdout.re")):
            with open(os.path.join(case_dir, "expected.stdout"), "wb") as f:
                f.write(stdout)
        err_path = os.path.join(case_dir, "expected.stderr")
        if proc.stderr:
            with open(err_path, "wb") as f:
                f.write(proc.stderr)
        elif os.path.exists(err_path):
            os.remove(err_path)
        return 0
    ok = True
    want_status = int(read(os.path.join(case_dir, "expected.status")))
    if proc.returncode != want_status:
        print("%s: exit status %d, want %d" % (name, proc.returncode,
                                               want_status))
        ok = False
    pattern = read(os.path.join(case_dir, "expected.stdout.re"))
    if pattern is not None:
        if not re.fullmatch(pattern.rstrip(b"\n"), stdout.rstrip(b"\n")):
            print("%s: stdout does not match expected.stdout.re\n%s"
                  % (name, stdout.decode(errors="replace")))
            ok = False
    elif stdout != read(os.path.join(case_dir, "expected.stdout"), b""):
        print("%s: stdout differs\n--- want\n%s--- got\n%s---" % (
            name, read(os.path.join(case_dir, "expected.stdout"),
                       b"").decode(errors="replace"),
            stdout.decode(errors="replace")))
        ok = False
    want_err = read(os.path.join(case_dir, "expected.stderr"), b"")
    if proc.stderr != want_err:
        print("%s: stderr differs\n--- want\n%s--- got\n%s---" % (
            name, want_err.decode(errors="replace"),
            proc.stderr.decode(errors="replace")))
        ok = False
    return 0 if ok else 1


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    factnet = os.path.abspath(argv[1])
    rest = argv[2:]
    update = "--update" in rest
    names = [a for a in rest if a != "--update"] or sorted(
        d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)))
    results = {n: run_case(factnet, n, update) for n in names}
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

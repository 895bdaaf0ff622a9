"""Every kind of output factnet writes is replaced whole or not at all.

usage: test_atomic.py FACTNET INPUT write|readonly

For each output (dot, render svg/png/pdf, build, export in every format,
metrics, evidence, evolve and its --output-dir, balance, report), against
a folder that already holds an earlier ("old") version of every file:

- A write that fails part-way: the file size limit (RLIMIT_FSIZE, with
  SIGXFSZ ignored, as `ulimit -f` does) is set below the size of the
  output, so the write fails with EFBIG in the middle. factnet exits 3;
  every file is either its old content or the complete new one (an output
  of several files written as one set, such as export csv, keeps all its
  old files); no temporary file is left.
- A read-only folder: nothing can be created. factnet exits 3, every old
  file is intact, nothing is added. (Root ignores folder modes, so as root
  factnet runs as the user nobody.)
- /dev/full as the output of every single-file kind: the device is
  written in place (not renamed over) and factnet exits 3.
- Standard output on /dev/full (`> /dev/full`) for every kind that can
  write to standard output.

Every write failure must be reported exactly once, as the last message, in
the shape of every factnet message: "factnet: PATH: write error: REASON"
(PATH "standard output" for standard output; REASON the system's, "File
too large", "No space left on device"), and nothing else may print to
standard error (libxml2 prints its own "I/O error" lines unless silenced).
A read-only folder gives "factnet: PATH: cannot create file: Permission
denied".

The new content of each file comes from a run into an empty folder first,
so "complete" means byte-identical to that run. "write" runs the first and
the last check, "readonly" the second; it exits 77 (skipped) when the user
nobody cannot run factnet (a build in a private folder).
"""
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

factnet, source, mode = sys.argv[1], sys.argv[2], sys.argv[3]
failures = 0
NOBODY = 65534


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)
    else:
        print("ok:", what)


# name, arguments (OUT is the output folder), files written (relative to
# OUT), whether the files are committed as one set, arguments for
# -o /dev/full (None: the kind writes into a folder), arguments that write
# the output to standard output (None: the kind cannot).
KINDS = [
    ("dot", ["dot", "-o", "OUT/a.dot"], ["a.dot"], False, ["dot"], ["dot"]),
    ("render svg", ["render", "-o", "OUT/a.svg"], ["a.svg"], False,
     ["render", "-f", "svg"], ["render", "-f", "svg", "-o", "-"]),
    ("render png", ["render", "-o", "OUT/a.png"], ["a.png"], False,
     ["render", "-f", "png"], ["render", "-f", "png", "-o", "-"]),
    ("render pdf", ["render", "-o", "OUT/a.pdf"], ["a.pdf"], False,
     ["render", "-f", "pdf"], ["render", "-f", "pdf", "-o", "-"]),
    ("build", ["build", "-o", "OUT/b"],
     ["b/in.print.pdf", "b/in.dot", "b/in.svg", "b/in.pdf",
      "b/in.metrics.csv",
      "b/in.metrics.tex", "b/in.communities.csv", "b/in.summary.md",
      "b/in.html"], False, None, None),
    ("export graphml", ["export", "-o", "OUT/a.graphml"], ["a.graphml"],
     False, ["export", "-f", "graphml"], ["export", "-f", "graphml"]),
    ("export gexf", ["export", "-o", "OUT/a.gexf"], ["a.gexf"], False,
     ["export", "-f", "gexf"], ["export", "-f", "gexf"]),
    ("export gml", ["export", "-o", "OUT/a.gml"], ["a.gml"], False,
     ["export", "-f", "gml"], ["export", "-f", "gml"]),
    ("export pajek", ["export", "-o", "OUT/a.net"], ["a.net"], False,
     ["export", "-f", "pajek"], ["export", "-f", "pajek"]),
    ("export json", ["export", "-f", "json", "-o", "OUT/a.json"],
     ["a.json"], False, ["export", "-f", "json"], ["export", "-f", "json"]),
    ("export csv", ["export", "-f", "csv", "-o", "OUT/pre"],
     ["pre.nodes.csv", "pre.edges.csv"], True, None, None),
    ("export neo4j", ["export", "-f", "neo4j", "-o", "OUT/neo"],
     ["neo/nodes.csv", "neo/relationships.csv"], True, None, None),
    ("metrics", ["metrics", "-o", "OUT/m.csv"], ["m.csv"], False,
     ["metrics"], ["metrics"]),
    ("evidence", ["evidence", "-o", "OUT/e.md"], ["e.md"], False,
     ["evidence"], ["evidence"]),
    ("evolve", ["evolve", "-o", "OUT/ev.md"], ["ev.md"], False, ["evolve"],
     ["evolve"]),
    ("evolve --output-dir", ["evolve", "--output-dir", "OUT/evd"],
     ["evd/nodes.md", "evd/graph.md", "evd/ranks.md", "evd/communities.md"],
     False, None, None),
    ("balance", ["balance", "-o", "OUT/bal.md"], ["bal.md"], False,
     ["balance"], ["balance"]),
    ("report", ["report", "-o", "OUT/r.html"], ["r.html"], False,
     ["report"], ["report", "-o", "-"]),
]


def run(args, out, inp, preexec=None, stdout=subprocess.PIPE):
    args = [a.replace("OUT", out) for a in args]
    return subprocess.run([factnet] + args + [inp], stdout=stdout,
                          stderr=subprocess.PIPE, preexec_fn=preexec)


def run_full_stdout(args, out, inp):
    with open("/dev/full", "wb") as full:
        return run(args, out, inp, stdout=full)


def write_error(what, p, paths, reason):
    """factnet exits 3 and says once, last, "factnet: PATH: write error:
    REASON" with PATH one of paths; every line on standard error is a
    factnet message (no library printing its own)."""
    lines = p.stderr.decode().rstrip("\n").split("\n")
    want = [f"factnet: {path}: write error: {reason}" for path in paths]
    check(p.returncode == 3,
          f"{what}: exit 3 (got {p.returncode}: {p.stderr.decode()[-200:]!r})")
    check(lines[-1] in want,
          f"{what}: last message is one of {want[:2]}{'...' if len(want) > 2 else ''} "
          f"(got {lines[-1]!r})")
    check(sum("write error" in ln for ln in lines) == 1,
          f"{what}: the write error is reported once ({lines!r})")
    check(all(ln.startswith("factnet: ") for ln in lines),
          f"{what}: every line is a factnet message ({lines!r})")


def read(path):
    with open(path, "rb") as fp:
        return fp.read()


def listing(top):
    """Every file and folder under top, relative, sorted."""
    names = []
    for root, dirs, files in os.walk(top):
        for n in dirs + files:
            names.append(os.path.relpath(os.path.join(root, n), top))
    return sorted(names)


def old_content(name):
    return ("OLD " + name + "\n").encode()


def prepare(out, files):
    """A folder holding an old version of every file."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for f in files:
        os.makedirs(os.path.dirname(os.path.join(out, f)), exist_ok=True)
        with open(os.path.join(out, f), "wb") as fp:
            fp.write(old_content(f))
    return listing(out)


def chmod_dirs(top, mode):
    for root, dirs, _ in os.walk(top):
        for d in dirs:
            os.chmod(os.path.join(root, d), mode)
    os.chmod(top, mode)


def fsize_limit(limit):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def as_nobody():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def readonly(name, args, files, out, inp):
    """A read-only folder: nothing created, old files intact."""
    before = prepare(out, files)
    chmod_dirs(out, 0o555)
    p = run(args, out, inp, as_nobody if os.geteuid() == 0 else None)
    chmod_dirs(out, 0o755)
    got = {f: read(os.path.join(out, f)) for f in files}
    check(p.returncode == 3,
          f"{name}, read-only folder: exit 3 (got {p.returncode}: "
          f"{p.stderr.decode()[-200:]!r})")
    last = p.stderr.decode().rstrip("\n").split("\n")[-1]
    where = [f"factnet: {os.path.join(out, f)}: cannot create file: "
             "Permission denied" for f in files]
    where += [f"factnet: {os.path.join(out, os.path.dirname(f))}: cannot "
              "create file: Permission denied" for f in files]
    check(last in where, f"{name}, read-only folder: names the path and "
          f"says why (got {last!r})")
    check(all(got[f] == old_content(f) for f in files),
          f"{name}, read-only folder: old files intact")
    check(listing(out) == before,
          f"{name}, read-only folder: nothing added ({listing(out)})")


if mode == "readonly" and os.geteuid() == 0:
    p = subprocess.run([factnet, "--version"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, preexec_fn=as_nobody)
    if p.returncode != 0:
        print("SKIP: the user nobody cannot run", factnet)
        sys.exit(77)

with tempfile.TemporaryDirectory() as tmp:
    os.chmod(tmp, 0o755)  # nobody must reach the input and the outputs
    inp = os.path.join(tmp, "in.json")
    shutil.copyfile(source, inp)
    os.chmod(inp, 0o644)
    for name, args, files, is_set, full_args, stdout_args in KINDS:
        # The new content, from a run into an empty folder.
        ref = os.path.join(tmp, "ref")
        shutil.rmtree(ref, ignore_errors=True)
        os.makedirs(ref)
        p = run(args, ref, inp)
        check(p.returncode == 0, f"{name}: reference run exits 0 "
              f"({p.stderr.decode()[-300:]!r})")
        new = {f: read(os.path.join(ref, f)) for f in files
               if os.path.exists(os.path.join(ref, f))}
        check(sorted(new) == sorted(files),
              f"{name}: writes {files} (got {sorted(listing(ref))})")
        if sorted(new) != sorted(files):
            continue

        out = os.path.join(tmp, "out")
        if mode == "readonly":
            readonly(name, args, files, out, inp)
            continue

        # A write that fails part-way.
        before = prepare(out, files)
        limit = max(1, min(len(v) for v in new.values()) // 2)
        p = run(args, out, inp, fsize_limit(limit))
        got = {f: read(os.path.join(out, f)) for f in files}
        whole = all(got[f] in (old_content(f), new[f]) for f in files)
        kept = [f for f in files if got[f] == old_content(f)]
        check(p.returncode == 3,
              f"{name}, file size limit {limit}: exit 3 (got "
              f"{p.returncode}: {p.stderr.decode()[-200:]!r})")
        check(whole, f"{name}, file size limit: every file old or complete")
        check(kept, f"{name}, file size limit: the failed file keeps its "
              f"old content")
        if is_set:
            check(len(kept) == len(files),
                  f"{name}, file size limit: a set keeps all its old files")
        check(listing(out) == before,
              f"{name}, file size limit: no temporary file left "
              f"({listing(out)})")
        write_error(f"{name}, file size limit", p,
                    [os.path.join(out, f) for f in files], "File too large")

        # /dev/full: written in place, the error reported.
        if full_args is not None:
            p = run(full_args + ["-o", "/dev/full"], out, inp)
            write_error(f"{name} -o /dev/full", p, ["/dev/full"],
                        "No space left on device")
            check(stat.S_ISCHR(os.stat("/dev/full").st_mode),
                  f"{name} -o /dev/full: still a device")

        # Standard output on /dev/full: the same message, once, for
        # "standard output".
        if stdout_args is not None:
            p = run_full_stdout(stdout_args, out, inp)
            write_error(f"{name} > /dev/full", p, ["standard output"],
                        "No space left on device")

sys.exit(1 if failures else 0)

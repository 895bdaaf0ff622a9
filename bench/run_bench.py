#!/usr/bin/python3
"""Runs the benchmark job with factnet and its peers; see docs/PERFORMANCE.md.

Started by scripts/bench (which installs `time`, builds everything in
build-bench/ and passes the paths); run it directly only with those paths:

    /usr/bin/python3 bench/run_bench.py --build DIR [--sizes 100k,1M]
        [--reps 3] [--full-sizes 100k] [--tools factnet,igraph,networkx,floor]
        [--nx-full] [--timeout SEC] [--data DIR] [--markdown FILE]

For every size it generates the corpus once (bench/gen_facts, seed 1,
cached in the data directory), then runs each tool REPS times, rotating the
order of the tools from one repetition to the next so that a slow patch of a
shared machine does not land on one tool. Each run is measured by
/usr/bin/time -f '%e %M %U %S' (wall seconds, peak RSS in KB of the largest
process, user + system CPU seconds). The table shows the median of the
repetitions and the ratios factnet/peer; after the runs the
CSV written by each peer is compared with the floor's so that a peer that
skipped work would show.

Jobs:
  fast  factnet metrics FILE --format csv --columns id,degree,strength,
        eigenvector,pagerank,coreness,clustering,community
  full  every column, exact betweenness/closeness/harmonic (--full-sizes)
NetworkX's full job (exact betweenness and constraint in pure Python) takes
hours at 100k facts; it runs only with --nx-full.
"""

import argparse
import csv
import datetime
import math
import os
import platform
import signal
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"
TIME = "/usr/bin/time"

FAST_COLUMNS = ("id,degree,strength,eigenvector,pagerank,coreness,"
                "clustering,community")
TOOLS = ["factnet", "igraph", "networkx", "floor"]
TITLE = {"factnet": "factnet", "igraph": "python-igraph",
         "networkx": "NetworkX", "floor": "C floor"}
INTEGER = {"degree", "in_degree", "out_degree", "coreness", "community"}


def parse_count(s):
    s = s.strip()
    mult = {"k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6,
            "g": 10**9, "G": 10**9}.get(s[-1:], 1)
    return int(s[:-1] if mult > 1 else s) * mult


def label(n):
    for unit, div in (("M", 10**6), ("k", 10**3)):
        if n >= div and n % div == 0:
            return "%d%s" % (n // div, unit)
    return str(n)


def command(tool, job, path, build):
    factnet = os.path.join(build, "factnet")
    if tool == "factnet":
        if job == "fast":
            return [factnet, "metrics", path, "--format", "csv",
                    "--columns", FAST_COLUMNS]
        return [factnet, "metrics", path, "--format", "csv", "--exact"]
    full = ["--full"] if job == "full" else []
    if tool == "floor":
        return [os.path.join(build, "bench", "floor")] + full + [path]
    script = os.path.join(ROOT, "bench", "peers", "%s_peer.py" % tool)
    return [PY, script] + full + [path]


def factnet_has_metrics(build):
    try:
        r = subprocess.run([os.path.join(build, "factnet"), "metrics",
                            "--help"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=30)
        return r.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def ensure_data(build, data_dir, n):
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, "facts-%s.jsonl" % label(n))
    if os.path.exists(path):
        return path
    sys.stderr.write("bench: generating %s\n" % path)
    tmp = path + ".tmp"
    with open(tmp, "wb") as out:
        subprocess.run([os.path.join(build, "bench", "gen_facts"), str(n)],
                       stdout=out, check=True)
    os.replace(tmp, path)
    return path


def run_once(cmd, out_csv, timeout):
    """Returns (wall seconds, peak RSS KB, CPU seconds) or (None, reason,
    None)."""
    tfile = out_csv + ".time"
    efile = out_csv + ".err"
    with open(out_csv, "wb") as out, open(efile, "wb") as err:
        p = subprocess.Popen([TIME, "-f", "%e %M %U %S", "-o", tfile] + cmd,
                             stdout=out, stderr=err, start_new_session=True)
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return None, "timeout (> %d s)" % timeout, None
    with open(tfile) as fp:
        last = fp.read().split("\n")
    fields = [l for l in last if l.strip()][-1].split()
    if rc != 0:
        with open(efile, errors="replace") as fp:
            msg = fp.read().strip().splitlines()
        return None, "exit %d%s" % (rc, (": " + msg[-1][:120]) if msg
                                    else ""), None
    return float(fields[0]), int(fields[1]), float(fields[2]) + float(fields[3])


def machine():
    model = "unknown"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = 0
    with open("/proc/meminfo") as fp:
        for line in fp:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024
    with open("/proc/loadavg") as fp:
        load = fp.read().split()[0]
    return {"cpu": model, "cores": os.cpu_count(), "ram": "%.0f GiB" % mem,
            "date": datetime.date.today().isoformat(),
            "kernel": platform.release(), "load": load}


def read_csv(path):
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    return rows[0], rows[1:]


def agreement(ref_path, path):
    """Largest difference per column against the reference CSV."""
    try:
        h0, r0 = read_csv(ref_path)
        h1, r1 = read_csv(path)
    except (OSError, IndexError) as e:
        return "unreadable (%s)" % e
    # Rows are matched by id: factnet sorts them (by PageRank), the peers
    # write entity order.
    by_id = {r[0]: r for r in r1}
    if len(by_id) != len(r1) or sorted(by_id) != sorted(r[0] for r in r0):
        return "different rows (%d vs %d)" % (len(r0), len(r1))
    r1 = [by_id[r[0]] for r in r0]
    cols = [c for c in h0 if c in h1 and c not in ("id", "label", "type")]
    missing = [c for c in h0 if c not in h1]
    parts = []
    for c in cols:
        i0, i1 = h0.index(c), h1.index(c)
        if c == "community":
            k0 = len({r[i0] for r in r0})
            k1 = len({r[i1] for r in r1})
            parts.append("communities %d vs %d" % (k1, k0))
            continue
        worst = 0.0
        for a, b in zip(r0, r1):
            x = float(a[i0]) if a[i0] else math.nan
            y = float(b[i1]) if b[i1] else math.nan
            if math.isnan(x) and math.isnan(y):
                continue
            d = abs(x - y) if not (math.isnan(x) or math.isnan(y)) else math.inf
            worst = max(worst, d)
        parts.append("%s %s" % (c, "exact" if worst == 0 else "%.1e" % worst))
    if missing:
        parts.append("MISSING " + ",".join(missing))
    return "; ".join(parts)


def floor_stages(err_path):
    """The floor's "floor: STAGE S s" lines (last run) as "stage S, ..."."""
    parts = []
    with open(err_path, errors="replace") as fp:
        for line in fp:
            f = line.split()
            if len(f) == 4 and f[0] == "floor:" and f[3] == "s":
                parts.append("%s %s" % (f[1], f[2]))
            elif len(f) == 5 and f[0] == "floor:" and f[4] == "edges":
                parts.insert(0, "(%s nodes, %s edges)" % (f[1], f[3]))
    return ", ".join(parts)


def fmt_time(v):
    return "%.2f" % v if v < 100 else "%.0f" % v


def table(results, tools, jobs):
    lines = ["| facts | job | tool | wall s | CPU s | peak RSS MB "
             "| factnet/tool time | factnet/tool RSS |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for (n, job) in jobs:
        fn = results.get((n, job, "factnet"))
        for tool in tools:
            r = results.get((n, job, tool))
            if r is None:
                continue
            if r["wall"] is None:
                lines.append("| %s | %s | %s | %s | | | | |"
                             % (label(n), job, TITLE[tool], r["why"]))
                continue
            ratio_t = ratio_m = ""
            if tool != "factnet" and fn and fn["wall"]:
                ratio_t = "%.2f×" % (fn["wall"] / r["wall"])
                ratio_m = "%.2f×" % (fn["rss"] / r["rss"])
            elif tool != "factnet":
                ratio_t = ratio_m = "n/a"
            lines.append("| %s | %s | %s | %s | %s | %.0f | %s | %s |" % (
                label(n), job, TITLE[tool], fmt_time(r["wall"]),
                fmt_time(r["cpu"]), r["rss"] / 1024, ratio_t, ratio_m))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--sizes", default="100k,1M")
    ap.add_argument("--full-sizes", default="100k",
                    help="sizes for the full job ('none' for no full job)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--nx-full", action="store_true")
    ap.add_argument("--timeout", type=int, default=3600)
    ap.add_argument("--data", default=None)
    ap.add_argument("--markdown", default=None,
                    help="also write the report (machine + table) here")
    a = ap.parse_args()

    build = os.path.abspath(a.build)
    data_dir = a.data or os.path.join(build, "data")
    out_dir = os.path.join(build, "bench-out")
    os.makedirs(out_dir, exist_ok=True)
    tools = [t for t in a.tools.split(",") if t]
    for t in tools:
        if t not in TOOLS:
            ap.error("unknown tool %r (expected %s)" % (t, ", ".join(TOOLS)))
    sizes = [parse_count(s) for s in a.sizes.split(",") if s]
    full_sizes = ([] if a.full_sizes == "none" else
                  [parse_count(s) for s in a.full_sizes.split(",") if s])
    jobs = [(n, "fast") for n in sizes] + [(n, "full") for n in full_sizes]
    have_factnet = factnet_has_metrics(build)
    info = machine()

    results = {}
    for (n, job) in jobs:
        path = ensure_data(build, data_dir, n)
        active = [t for t in tools
                  if not (t == "networkx" and job == "full" and not a.nx_full)]
        if "factnet" in active and not have_factnet:
            active.remove("factnet")
            results[(n, job, "factnet")] = {
                "wall": None, "why": "n/a (no `factnet metrics` yet)"}
        runs = {t: [] for t in active}
        for rep in range(a.reps):
            k = rep % len(active) if active else 0
            order = active[k:] + active[:k]
            for tool in order:
                out = os.path.join(out_dir, "%s-%s-%s.csv" % (label(n), job,
                                                               tool))
                w, m, cpu = run_once(command(tool, job, path, build), out,
                                     a.timeout)
                sys.stderr.write("bench: %s %s %-8s rep %d: %s\n" % (
                    label(n), job, tool, rep + 1,
                    "%.2f s, %.0f MB, CPU %.2f s" % (w, m / 1024, cpu)
                    if w is not None else m))
                runs[tool].append((w, m, cpu))
        for tool in active:
            ok = [r for r in runs[tool] if r[0] is not None]
            if len(ok) < len(runs[tool]) or not ok:
                bad = [r[1] for r in runs[tool] if r[0] is None]
                results[(n, job, tool)] = {"wall": None, "why": bad[0]}
                continue
            results[(n, job, tool)] = {
                "wall": statistics.median(r[0] for r in ok),
                "rss": statistics.median(r[1] for r in ok),
                "cpu": statistics.median(r[2] for r in ok),
                "all": [r[0] for r in ok]}
        if "floor" in active and results[(n, job, "floor")]["wall"]:
            results[(n, job, "floor")]["stages"] = floor_stages(
                os.path.join(out_dir, "%s-%s-floor.csv.err" % (label(n),
                                                               job)))
        ref = os.path.join(out_dir, "%s-%s-floor.csv" % (label(n), job))
        if "floor" in active and results[(n, job, "floor")]["wall"]:
            for tool in active:
                if tool == "floor" or results[(n, job, tool)]["wall"] is None:
                    continue
                out = os.path.join(out_dir, "%s-%s-%s.csv" % (label(n), job,
                                                               tool))
                results[(n, job, tool)]["agree"] = agreement(ref, out)

    ordered = [t for t in TOOLS if any(k[2] == t for k in results)]
    report = ["Machine: %s, %s cores, %s RAM, Linux %s; %s; load average "
              "%s at the start; %d repetitions (median)." % (
                  info["cpu"], info["cores"], info["ram"], info["kernel"],
                  info["date"], info["load"], a.reps),
              "", table(results, ordered, jobs), ""]
    notes = []
    for (n, job, tool), r in sorted(results.items(),
                                    key=lambda kv: (kv[0][1], kv[0][0])):
        if r.get("all"):
            notes.append("- %s %s %s: runs %s s" % (
                label(n), job, TITLE[tool],
                ", ".join("%.2f" % x for x in r["all"])))
        if r.get("stages"):
            notes.append("  stages of the last run (s): " + r["stages"])
        if r.get("agree"):
            notes.append("  agreement with the floor: " + r["agree"])
    report += notes
    text = "\n".join(report) + "\n"
    sys.stdout.write(text)
    if a.markdown:
        with open(a.markdown, "w") as fp:
            fp.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""factnet methods: every number of the paragraph equals that of `factnet
check` (corpus counts, dates, quotes) and `factnet metrics --level graph
--format md` (graph metrics, communities, signed rows) on the same run,
parsed back from the Markdown text; and `factnet build --sources-dir`'s
NAME.methods.md states the quotes as check counts them.

usage: numbers.py FACTNET SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile


def run(*args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def grab(text, pattern, what):
    m = re.search(pattern, text)
    if not m:
        sys.exit(f"{what}: /{pattern}/ not in:\n{text}")
    return m.groups()


def graph_rows(factnet, files, opts):
    """The rows of metrics --level graph: the values as md rounds them (as
    the paragraph does), by the ids csv names them (md shows headers such
    as "Avg. path length"; the rows come in the same order)."""
    out = run(factnet, "metrics", "--level", "graph", "--format", "md",
              *opts, *files)
    ids = run(factnet, "metrics", "--level", "graph", "--format", "csv",
              *opts, *files).splitlines()[1:]
    rows = {}
    for line, csv_line in zip(out.splitlines()[2:], ids):
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[csv_line.split(",")[0]] = cells[1]
    return rows


def same(what, got, want, errors):
    if got != want:
        errors.append(f"{what}: paragraph {got!r}, expected {want!r}")


def check_quotes(tag, para, check, sources_dir, errors):
    """The quotes sentence against check's "evidence checked" line."""
    if sources_dir:
        checked, quotes = grab(check, r"evidence checked: (\d+) of (\d+)",
                               "check")
        nf = re.search(r"; (\d+) not found", check)
        texts = grab(check, r"\((\d+) source texts? read\)", "check")[0]
        same(f"{tag}: quotes",
             grab(para, r"against (\d+) source texts?: (\d+) of (\d+) quotes? "
                  r"checked, (\d+) not found", "methods"),
             (texts, checked, quotes, nf.group(1) if nf else "0"), errors)
    elif "quotes were not verified" not in para:
        errors.append(f"{tag}: no 'not verified' sentence")


def check_build(factnet, path, sources_dir, errors):
    """build --sources-dir: NAME.methods.md states the quotes check counts,
    and is the paragraph methods writes with --bib (citing by key)."""
    with tempfile.TemporaryDirectory() as d:
        run(factnet, "build", "-o", d, "--sources-dir", sources_dir, path)
        name = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(d, name + ".methods.md"), encoding="utf-8") as fp:
            para = fp.read()
        same_text = run(factnet, "methods", "--sources-dir", sources_dir,
                        "--bib", os.path.join(d, "m.bib"), path)
    check = run(factnet, "check", "--sources-dir", sources_dir, path)
    check_quotes("build", para, check, sources_dir, errors)
    same("build: methods.md is methods' paragraph", para, same_text, errors)


def check_case(factnet, files, opts, sources_dir, errors):
    args = list(opts)
    if sources_dir:
        args += ["--sources-dir", sources_dir]
    para = run(factnet, "methods", *args, *files)
    check = run(factnet, "check",
                *(["--sources-dir", sources_dir] if sources_dir else []),
                *files)
    rows = graph_rows(factnet, files, opts)
    tag = " ".join(opts) or "defaults"
    # Corpus counts.
    ents, facts, srcs = grab(check, r"(\d+) entit\w+, (\d+) facts?, (\d+) sources?",
                             "check")
    same(f"{tag}: counts",
         grab(para, r"holds (\d+) entit\w+, (\d+) facts? and (\d+) sources?",
              "methods"), (ents, facts, srcs), errors)
    m = re.search(r"dates: (\S+) to (\S+) \((\d+) of (\d+)", check)
    if m:
        lo, hi, dated, total = m.groups()
        same(f"{tag}: dates",
             grab(para, r"(\d+) of the (\d+) facts are dated, from (\S+) to "
                  r"([^;]+);", "methods"), (dated, total, lo, hi), errors)
    neg = grab(check, r"negative facts: (\d+)", "check")[0]
    same(f"{tag}: negative facts",
         grab(para, r"(\d+) facts? (?:is|are) negative", "methods")[0], neg,
         errors)
    check_quotes(tag, para, check, sources_dir, errors)
    # Graph metrics, as metrics --level graph --format md writes them.
    pat = {
        "nodes": r"It has (\S+) nodes?",
        "edges": r"It has \S+ nodes? and (\S+) edges?",
        "density": r"\(density (\S+)\)",
        "components": r"\), (\S+) components?",
        "largest_component": r"the largest with (\S+) nodes?",
        "diameter": r"diameter (\S+),",
        "average_path_length": r"average path length (\S+),",
        "transitivity": r"transitivity (\S+),",
        "average_clustering": r"average clustering (\S+) ",
        "degree_assortativity": r"degree assortativity (\S+) ",
        "type_assortativity": r"type assortativity (\S+) ",
        "communities": r"it found (\S+) communit",
        "modularity": r"\(Newman and Girvan 2004\) (\S+?)\.( |$)",
        "modularity_mean": r"modularity had mean (\S+),",
        "modularity_sd": r"standard deviation (\S+) ",
        "modularity_min": r"range (\S+) to",
        "modularity_max": r"range \S+ to (\S+?)\.( |$)",
        "negative_edges": r"signed: (\S+) edges? (?:is|are) negative",
        "mixed_edges": r"negative and (\S+) mixed",
        "negative_within": r"within communities is (\S+),",
        "positive_between": r"between communities (\S+),",
        "frustration": r"\(Doreian and Mrvar 1996\) (\S+?)\.( |$)",
    }
    for name, want in rows.items():
        if name == "communities_positive_part":
            # a flag: the paragraph names the positive part iff it is 1
            said = "on the positive part of the net tie weights" in para
            if said != (want == "1"):
                errors.append(f"{tag}: {name} is {want}, paragraph "
                              f"{'names' if said else 'omits'} it")
            continue
        if name not in pat:
            errors.append(f"{tag}: row {name} has no pattern")
            continue
        got = grab(para, pat[name], f"{tag}: {name}")[0]
        if want == "":
            want = "undefined"
        same(f"{tag}: {name}", got, want, errors)
    for name in ("modularity_mean", "frustration"):
        if name not in rows and re.search(pat[name], para):
            errors.append(f"{tag}: {name} in the paragraph, not in metrics")


def main():
    factnet, src = sys.argv[1], sys.argv[2]
    os.chdir(src)
    errors = []
    japan = ["data/japan_cyber.json"]
    check_case(factnet, japan, [], None, errors)
    check_case(factnet, japan, ["--runs", "4", "--seed", "7"], None, errors)
    check_case(factnet, japan, ["--view", "actors", "--unweighted",
                                "--algorithm", "louvain",
                                "--resolution", "0.5"], None, errors)
    check_case(factnet, japan, ["--from", "2010", "--dated-only"], None,
               errors)
    check_case(factnet, ["tests/provenance/quotes.json"], ["--runs", "3"],
               "tests/provenance", errors)
    check_build(factnet, "tests/provenance/quotes.json", "tests/provenance",
                errors)
    if errors:
        sys.exit("\n".join(errors))


main()

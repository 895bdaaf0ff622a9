#!/usr/bin/env python3
"""Counts of Label Studio, doccano and ACLED exports read independently of
factnet (plain json and csv, no factnet code), compared with the summary of
`factnet check`.

usage: counts.py FACTNET FILE...   (a FILE that does not exist is skipped,
with a message; all absent: exit 77)

An entity is a (label, text) pair, the text folded as factnet folds names
(white space runs to one space, trimmed, case kept); a fact is a relation
(Label Studio "bi": two); a source is a task or a line. ACLED: an entity is
an actor1 or actor2, a fact an event naming both, a source a distinct
`source` cell of those events. An export with entities but no fact must
be refused (exit 1) with "no fact imported: N entities". POLECAT (tab-separated, header): names are
the ';'-separated items of "Actor Name" and "Recipient Name" ("None"
blank); an event gives a fact per actor-recipient pair of different names,
an entity is a name in such a pair, a source a distinct story ("Story ID",
else the "Event ID" before its first '_') of an event with a fact."""
import csv
import json
import os
import re
import subprocess
import sys


def fold(s):
    return " ".join(s.split())


def records(path):
    """The file's JSON value(s): a document, else one per line."""
    text = open(path, encoding="utf-8-sig").read()
    try:
        return "doc", json.loads(text)
    except json.JSONDecodeError:
        return "lines", [json.loads(l) for l in text.splitlines() if l.strip()]


def labelstudio(tasks):
    if isinstance(tasks, dict):
        tasks = [tasks]
    ents, facts = set(), 0
    for t in tasks:
        data = t["data"]
        text = data.get("text")
        if text is None:
            text = [v for v in data.values() if isinstance(v, str)][0]
        for key in ("annotations", "completions"):
            for a in t.get(key, []):
                for r in a["result"]:
                    if r.get("type") == "labels":
                        v = r["value"]
                        ents.add((v["labels"][0],
                                  fold(text[v["start"]:v["end"]])))
                    elif r.get("type") == "relation":
                        n = max(1, len(r.get("labels", [])))
                        facts += n * (2 if r.get("direction") == "bi" else 1)
    return len(ents), facts, len(tasks)


def doccano(lines):
    ents, facts = set(), 0
    for rec in lines:
        text = rec["text"]
        for e in rec.get("entities", []):
            ents.add((e["label"],
                      fold(text[e["start_offset"]:e["end_offset"]])))
        if "entities" not in rec:
            for s, e, lab in rec.get("label", []):
                ents.add((lab, fold(text[s:e])))
        facts += len(rec.get("relations", []))
    return len(ents), facts, len(lines)


def acled(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f)
                if r["actor1"].strip() and r["actor2"].strip()]
    actors = {r["actor1"] for r in rows} | {r["actor2"] for r in rows}
    sources = {r["source"] for r in rows if r["source"].strip()}
    return len(actors), len(rows), len(sources)


def polecat(path):
    def names(cell):
        items = [n.strip() for n in cell.split(";")]
        return [n for n in items if n and n not in ("None", "NA")]

    actors, facts, stories = set(), 0, set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            pairs = [(a, b) for a in names(r["Actor Name"])
                     for b in names(r["Recipient Name"]) if a != b]
            if not pairs:
                continue
            facts += len(pairs)
            for a, b in pairs:
                actors |= {a, b}
            story = r.get("Story ID") or r["Event ID"].split("_")[0]
            stories.add(story)
    return len(actors), facts, len(stories)


def expected(path):
    if path.endswith(".csv"):
        return acled(path)
    if path.endswith((".txt", ".tsv")):
        return polecat(path)
    kind, value = records(path)
    if kind == "doc" and isinstance(value, dict) and "text" in value:
        return doccano([value])
    if kind == "doc":
        return labelstudio(value)
    return doccano(value)


def main():
    factnet, files = sys.argv[1], sys.argv[2:]
    failed, ran = 0, 0
    for path in files:
        if not os.path.exists(path):
            print(f"skipped (absent): {path}")
            continue
        ran += 1
        want = expected(path)
        run = subprocess.run([factnet, "check", path], capture_output=True,
                             text=True)
        m = re.search(r"(\d+) entit(?:y|ies), (\d+) facts?, (\d+) sources?",
                      run.stdout)
        got = tuple(int(x) for x in m.groups()) if m else None
        if want[1] == 0:
            # Entities without a fact are refused, naming how many.
            m = re.search(r"no fact imported: (\d+) entit", run.stderr)
            got = (int(m.group(1)), 0, want[2]) \
                if m and run.returncode == 1 else None
        ok = got == want
        failed += not ok
        print(f"{'ok' if ok else 'FAILED'}: {path}: factnet {got}, "
              f"read here {want} (entities, facts, sources)")
    if ran == 0:
        return 77
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

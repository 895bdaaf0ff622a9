#!/usr/bin/env python3
"""Seed inputs for the importer fuzz harnesses (tests/fuzz/README.md).

usage: seeds.py HARNESS OUTDIR
       seeds.py --replay REPLAY_BINARY HARNESS

The first form writes the seeds of HARNESS (fuzz_csv, fuzz_brat, ...) into
OUTDIR: the importer fixtures of tests/import/fixtures/ (and, for brat, the
documents of ../shared/formats/brat-news when present), joined into the
harness's input layout with the separator of fuzz_import.h, with the option
and label-map variants the import cases use. The second form writes them to
a temporary folder and runs the harness's replay driver on them (ctest:
fuzz.HARNESS.seeds), which must not crash; the importer harnesses report
each input's errors and facts (FNET_FUZZ_SUMMARY, fuzz_import.h), and the
seeds of the fixtures that the import cases load cleanly must import with
no error (and, together, give facts), so the seeds cannot drift from the
layout. Exits 1 when a harness has no seeds or a check fails."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIX = os.path.join(ROOT, "tests", "import", "fixtures")
SHARED_BRAT = os.path.join(os.path.dirname(ROOT), "shared", "formats",
                           "brat-news")
SEP = b"\n=====\n"  # FUZZ_SEP in fuzz_import.h


def read(*parts):
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def files(folder, *suffixes):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, n) for n in os.listdir(folder)
                  if n.lower().endswith(suffixes))


def join(*parts):
    """The parts in the harness layout; None stops the list there."""
    out = []
    for p in parts:
        if p is None:
            break
        out.append(p)
    return SEP.join(out)


def csv_seeds():
    d = os.path.join(FIX, "csv")
    for path in files(d, ".csv", ".tsv"):
        name = os.path.basename(path)
        if path.endswith(".tsv"):
            yield name, join(read(path), b"delim=tab\n"), name == "ties.tsv"
        else:
            yield name, read(path), True if name == "gephi.csv" else None
    yield "alliances+entities", join(read(d, "alliances.csv"), b"",
                                     read(d, "entities.csv")), True
    yield "nocols+map", join(read(d, "nocols.csv"), b"map=subject=a,"
                             b"object=3\nrelation=cooperates_with\n"), True


def brat_seeds():
    maps = os.path.join(FIX, "maps")
    for folder in (os.path.join(FIX, "brat"), os.path.join(FIX, "brat-bad"),
                   SHARED_BRAT):
        conf_path = os.path.join(folder, "annotation.conf")
        conf = read(conf_path) if os.path.exists(conf_path) else None
        tag = os.path.basename(folder)
        good = tag != "brat-bad"  # the import cases load the others cleanly
        for ann in files(folder, ".ann"):
            txt = ann[:-4] + ".txt"
            if not os.path.exists(txt):
                continue
            name = tag + "-" + os.path.basename(ann)[:-4]
            a, t = read(ann), read(txt)
            yield name, join(a, t, b"", conf), good
            yield name + "+map", join(a, t, b"", conf or b"",
                                      read(maps, "brat.ini")), \
                good and tag == "brat"
            yield name + "+pairs", join(a, t, b"brat_events=pairs\n",
                                        conf), None
            yield name + "+none", join(a, t, b"brat_events=none\n", conf), \
                good and tag == "brat"


def labelstudio_seeds():
    d = os.path.join(FIX, "labelstudio")
    labels = read(FIX, "maps", "labels.json")
    for path in files(d, ".json"):
        name = os.path.basename(path)[:-5]
        good = name == "export"
        yield name, read(path), None
        yield name + "+map", join(read(path), b"", labels), good or None
        yield name + "+text_key", join(read(path), b"text_key=body\n"), None


def doccano_seeds():
    d = os.path.join(FIX, "doccano")
    for path in files(d, ".jsonl"):
        name = os.path.basename(path)[:-6]
        good = name == "relations" or None
        yield name, read(path), None
        yield name + "+map", join(read(path), read(FIX, "maps",
                                                   "labels.json")), good
        yield name + "+ini", join(read(path), read(FIX, "maps",
                                                   "brat.ini")), None


def gdelt_seeds():
    for path in files(os.path.join(FIX, "events"), ".export.csv"):
        name = os.path.basename(path).split(".")[0]
        good = name == "sample" or None
        yield name, read(path), good
        yield name + "+mentions", join(read(path),
                                       b"event_weight=mentions\n"), good


def icews_seeds():
    for path in files(os.path.join(FIX, "events"), ".tab"):
        yield os.path.basename(path)[:-4], read(path), \
            path.endswith("icews.tab") and "bad" not in path or None


def acled_seeds():
    for path in files(os.path.join(FIX, "acled"), ".csv"):
        name = os.path.basename(path)[:-4]
        good = name != "bad" or None
        yield name, read(path), good
        yield name + "+fatalities", join(read(path),
                                         b"event_weight=fatalities\n"), good


def polecat_seeds():
    for path in files(os.path.join(FIX, "polecat"), ".txt", ".tsv"):
        name = os.path.basename(path).rsplit(".", 1)[0]
        yield name, read(path), name != "bad" or None


def labelmap_seeds():
    for path in files(os.path.join(FIX, "maps"), ".ini", ".json"):
        yield os.path.basename(path), read(path), None


def dna_seeds():
    """Databases built by tests/import/dna/dnafix.py (the harness reads
    statement type Stance, qualifier level), and DNA's sample database when
    ../shared holds it (its statement type is another: an error)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "import", "dna"))
    import dnafix
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "built.dna")
        dnafix.make_built(path)
        built = read(path)
        dnafix.dna2(os.path.join(tmp, "v2.dna"))
        v2 = read(tmp, "v2.dna")
    yield "built", built, True
    yield "built-half", built[:len(built) // 2], None
    yield "dna2", v2, None
    sample = os.path.join(os.path.dirname(ROOT), "shared", "formats", "dna",
                          "sample.dna")
    if os.path.exists(sample):
        yield "sample", read(sample), None


SEEDS = {
    "fuzz_csv": csv_seeds,
    "fuzz_brat": brat_seeds,
    "fuzz_labelstudio": labelstudio_seeds,
    "fuzz_doccano": doccano_seeds,
    "fuzz_gdelt": gdelt_seeds,
    "fuzz_icews": icews_seeds,
    "fuzz_acled": acled_seeds,
    "fuzz_polecat": polecat_seeds,
    "fuzz_labelmap": labelmap_seeds,
    "fuzz_dna": dna_seeds,
}


def write(harness, out):
    """Writes the seeds; returns {file name: clean} (clean: True when the
    seed must import without errors, None when it is not checked)."""
    os.makedirs(out, exist_ok=True)
    seeds = {}
    for name, data, clean in SEEDS[harness]():
        fname = "seed-" + name
        assert fname not in seeds, fname
        with open(os.path.join(out, fname), "wb") as f:
            f.write(data)
        seeds[fname] = clean
    return seeds


def replay(binary, harness):
    with tempfile.TemporaryDirectory() as tmp:
        seeds = write(harness, os.path.join(tmp, "seeds"))
        if not seeds:
            print(f"{harness}: no seeds", file=sys.stderr)
            return 1
        summary = os.path.join(tmp, "summary")
        env = dict(os.environ, FNET_FUZZ_SUMMARY=summary)
        rc = subprocess.run([binary, os.path.join(tmp, "seeds")],
                            env=env).returncode
        if rc != 0 or harness == "fuzz_labelmap":  # no summary there
            return rc
        with open(summary, encoding="utf-8") as f:
            lines = f.read().splitlines()
        names = sorted(seeds)  # the replay driver's order
        if len(lines) != len(names):
            print(f"{harness}: {len(lines)} summaries for {len(names)} "
                  "seeds", file=sys.stderr)
            return 1
        bad = facts = 0
        for name, line in zip(names, lines):
            got = dict(kv.split("=") for kv in line.split())
            if seeds[name]:
                facts += int(got["facts"])
                if got["errors"] != "0":
                    print(f"{name}: {line}, want no errors", file=sys.stderr)
                    bad += 1
        if facts == 0:
            print(f"{harness}: the clean seeds gave no facts",
                  file=sys.stderr)
            bad += 1
        print(f"{harness}: {len(names)} seeds, "
              f"{sum(1 for v in seeds.values() if v)} checked clean")
        return 1 if bad else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--replay":
        return replay(argv[2], argv[3])
    if len(argv) == 3 and argv[1] in SEEDS:
        if not write(argv[1], argv[2]):
            print(f"{argv[1]}: no seeds", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

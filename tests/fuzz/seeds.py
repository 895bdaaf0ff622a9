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
fuzz.HARNESS.seeds), so the seeds cannot drift from the layout. Exits 1 when
a harness has no seeds."""
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
        if path.endswith(".tsv"):
            yield os.path.basename(path), join(read(path), b"delim=tab\n")
        else:
            yield os.path.basename(path), read(path)
    yield "alliances+entities", join(read(d, "alliances.csv"), b"",
                                     read(d, "entities.csv"))
    yield "nocols+map", join(read(d, "nocols.csv"), b"map=subject=a,"
                             b"object=3\nrelation=cooperates_with\n")


def brat_seeds():
    maps = os.path.join(FIX, "maps")
    for folder in (os.path.join(FIX, "brat"), os.path.join(FIX, "brat-bad"),
                   SHARED_BRAT):
        conf_path = os.path.join(folder, "annotation.conf")
        conf = read(conf_path) if os.path.exists(conf_path) else None
        tag = os.path.basename(folder)
        for ann in files(folder, ".ann"):
            txt = ann[:-4] + ".txt"
            if not os.path.exists(txt):
                continue
            name = tag + "-" + os.path.basename(ann)[:-4]
            a, t = read(ann), read(txt)
            yield name, join(a, t, b"", conf)
            yield name + "+map", join(a, t, b"", conf or b"",
                                      read(maps, "brat.ini"))
            yield name + "+pairs", join(a, t, b"brat_events=pairs\n", conf)
            yield name + "+none", join(a, t, b"brat_events=none\n", conf)


def labelstudio_seeds():
    d = os.path.join(FIX, "labelstudio")
    labels = read(FIX, "maps", "labels.json")
    for path in files(d, ".json"):
        name = os.path.basename(path)[:-5]
        yield name, read(path)
        yield name + "+map", join(read(path), b"", labels)
        yield name + "+text_key", join(read(path), b"text_key=body\n")


def doccano_seeds():
    d = os.path.join(FIX, "doccano")
    for path in files(d, ".jsonl"):
        name = os.path.basename(path)[:-6]
        yield name, read(path)
        yield name + "+map", join(read(path), read(FIX, "maps",
                                                   "labels.json"))
        yield name + "+ini", join(read(path), read(FIX, "maps", "brat.ini"))


def gdelt_seeds():
    for path in files(os.path.join(FIX, "events"), ".export.csv"):
        name = os.path.basename(path).split(".")[0]
        yield name, read(path)
        yield name + "+mentions", join(read(path), b"event_weight=mentions\n")


def icews_seeds():
    for path in files(os.path.join(FIX, "events"), ".tab"):
        yield os.path.basename(path)[:-4], read(path)


def labelmap_seeds():
    for path in files(os.path.join(FIX, "maps"), ".ini", ".json"):
        yield os.path.basename(path), read(path)


SEEDS = {
    "fuzz_csv": csv_seeds,
    "fuzz_brat": brat_seeds,
    "fuzz_labelstudio": labelstudio_seeds,
    "fuzz_doccano": doccano_seeds,
    "fuzz_gdelt": gdelt_seeds,
    "fuzz_icews": icews_seeds,
    "fuzz_labelmap": labelmap_seeds,
}


def write(harness, out):
    os.makedirs(out, exist_ok=True)
    n = 0
    for name, data in SEEDS[harness]():
        with open(os.path.join(out, "seed-" + name), "wb") as f:
            f.write(data)
        n += 1
    return n


def main(argv):
    if len(argv) == 4 and argv[1] == "--replay":
        binary, harness = argv[2], argv[3]
        with tempfile.TemporaryDirectory() as tmp:
            if write(harness, tmp) == 0:
                print(f"{harness}: no seeds", file=sys.stderr)
                return 1
            return subprocess.run([binary, tmp]).returncode
    if len(argv) == 3 and argv[1] in SEEDS:
        if write(argv[1], argv[2]) == 0:
            print(f"{argv[1]}: no seeds", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""`factnet agree --write-consensus` and `--coder`, end to end:
- the consensus of data/japan_cyber.json and its second coding holds the
  facts both coders coded alike (29: check_agree.py's count), each citing
  both coders; with --min-coders 1, one fact per unit (32); factnet check
  reads both back without warnings, and `metrics` runs on them;
- one file holding two coders (fixtures/two_coders.json, attribute coder)
  compared with --coder 1 --coder 2 gives alice.json vs bob.json's
  figures (the same facts, split into two files);
- a consensus into a missing folder fails with exit 3 and leaves nothing.

usage: consensus_check.py FACTNET (run from the repository root)"""
import json
import os
import subprocess
import sys
import tempfile

FIX = "tests/agree/fixtures/"


def run(factnet, *args, status=0):
    p = subprocess.run([factnet] + list(args), capture_output=True,
                       text=True)
    if p.returncode != status:
        sys.exit("factnet %s: status %d, expected %d\n%s" %
                 (" ".join(args), p.returncode, status, p.stderr))
    return p


def main():
    factnet = sys.argv[1]
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        for min_coders, want in ((None, 29), ("1", 32)):
            out = os.path.join(tmp, "consensus.json")
            args = ["agree", "data/japan_cyber.json", FIX + "japan_coder2.json",
                    "--write-consensus", out, "-o", os.devnull]
            if min_coders:
                args += ["--min-coders", min_coders]
            run(factnet, *args)
            doc = json.load(open(out, encoding="utf-8"))
            facts = doc["facts"]
            if len(facts) != want:
                bad.append("min-coders %s: %d facts, expected %d" %
                           (min_coders, len(facts), want))
            coders = {f["attrs"]["coders"] for f in facts}
            if min_coders is None and coders != {"japan_cyber, japan_coder2"}:
                bad.append("coders cited: %r" % coders)
            if any(f["source"] != "segal2013" for f in facts):
                bad.append("a fact outside the shared source")
            chk = run(factnet, "check", "--strict", out)
            if "%d facts" % want not in chk.stdout:
                bad.append("check: %s" % chk.stdout.splitlines()[0])
            run(factnet, "metrics", out)
        split = json.loads(run(factnet, "agree", FIX + "two_coders.json",
                               "--coder", "1", "--coder", "2",
                               "-f", "json").stdout)
        files = json.loads(run(factnet, "agree", FIX + "alice.json",
                               FIX + "bob.json", "-f", "json").stdout)
        for table in ("pairs", "alpha", "relations", "sources"):
            a = [{k: v for k, v in r.items() if k not in ("coder_a",
                                                          "coder_b")}
                 for r in split[table]]
            b = [{k: v for k, v in r.items() if k not in ("coder_a",
                                                          "coder_b")}
                 for r in files[table]]
            if a != b:
                bad.append("--coder: %s differs: %r vs %r" % (table, a, b))
        if split["coders"] != ["1", "2"]:
            bad.append("coder names: %r" % split["coders"])
        missing = os.path.join(tmp, "no", "such", "dir", "c.json")
        p = run(factnet, "agree", FIX + "alice.json", FIX + "bob.json",
                "--write-consensus", missing, "-o", os.devnull, status=3)
        if os.path.exists(os.path.dirname(missing)):
            bad.append("a folder was created")
        if not p.stderr.startswith("factnet: "):
            bad.append("message: %r" % p.stderr)
    for b in bad:
        print("FAIL", b)
    print("%d problems" % len(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

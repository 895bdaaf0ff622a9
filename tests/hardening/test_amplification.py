"""Inputs whose derived data would grow much faster than the input.

usage: test_amplification.py FACTNET [--no-rlimit]

Importers of annotated text (brat, Label Studio, doccano) derive facts and
evidence quotes: one short annotation line can ask for a sentence of a
megabyte, an event for n(n-1)/2 facts, thousands of lines for the same long
name. docs/LIMITS.md ("Quoted evidence", "brat events") bounds that; each
case below needed gigabytes before those bounds (measured when they were
added: 1.7 MB of brat -> > 5.6 GB, a 2.2 MB doccano line -> > 7.5 GB, an
82 KB brat event file -> > 3 GB). Each runs `factnet check` with its
address space limited to LIMIT_MB (RLIMIT_AS) and checks the exit status
and messages; two also check the quotes through `factnet evidence` and
against the text with `check --sources-dir`.

--no-rlimit (the AddressSanitizer build, whose shadow memory does not fit
in RLIMIT_AS): the same runs without the limit; the memory bound is then
checked only by the plain build, and the test says so.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile

factnet = sys.argv[1]
rlimit = "--no-rlimit" not in sys.argv[2:]
LIMIT_MB = 1024
failures = 0


def check(cond, what):
    global failures
    print(("ok: " if cond else "FAIL: ") + what)
    failures += not cond


def limited():
    if rlimit:
        lim = LIMIT_MB << 20
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))


def run(args):
    # The timeout is a guard against a hang, not a measurement.
    p = subprocess.run([factnet] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, preexec_fn=limited,
                       timeout=300)
    return p.returncode, p.stdout.decode(errors="replace"), \
        p.stderr.decode(errors="replace")


def brat(d, name, txt, ann):
    path = os.path.join(d, name)
    os.makedirs(path)
    with open(os.path.join(path, "doc.txt"), "w") as f:
        f.write(txt)
    with open(os.path.join(path, "doc.ann"), "w") as f:
        f.write("\n".join(ann) + "\n")
    return path


def mentions(txt, words, typ="Organization", first=1):
    ann, pos = [], 0
    for i, w in enumerate(words):
        s = txt.index(w, pos)
        pos = s + len(w)
        ann.append(f"T{first + i}\t{typ} {s} {s + len(w)}\t{w}")
    return ann


def event_file(d, name, events, nargs):
    """events events of nargs arguments in one long sentence."""
    words = [f"W{i:03d}" for i in range(nargs)]
    txt = (" and then some more words here " * 3).join(words) + " met.\n"
    ann = mentions(txt, words)
    s = txt.index(" met.") + 1
    ann.append(f"T{nargs + 1}\tMeet {s} {s + 3}\tmet")
    args = " ".join(f"Arg{k + 1}:T{k + 1}" for k in range(nargs))
    ann += [f"E{e + 1}\tMeet:T{nargs + 1} {args}" for e in range(events)]
    return brat(d, name, txt, ann)


def quotes(path, *opts):
    rc, out, err = run(["evidence", "--format", "json", *opts, path])
    return rc, [row["quote"] for row in json.loads(out)] if rc == 0 else []


with tempfile.TemporaryDirectory() as d:
    # 1. --brat-events pairs: 20 events of 255 arguments (32,385 facts each)
    #    is over the limit of 64 arguments: an error at each event's line.
    p = event_file(d, "pairs255", 20, 255)
    rc, _, err = run(["check", "-q", "--brat-events", "pairs", p])
    check(rc == 1, f"pairs, 255 arguments: exit 1 (got {rc})")
    check("doc.ann:257: E1: 255 entity arguments would make 32385 facts "
          "with --brat-events pairs; the limit is 64 arguments (2016 facts) "
          "an event" in err, "pairs, 255 arguments: located error")
    rc, _, err = run(["check", "-q", p])
    check(rc == 0, f"first, 255 arguments: exit 0 (got {rc}) {err[:200]}")

    # 2. pairs at the limit: 300 events of 64 arguments, 604,800 facts,
    #    sharing one quote an event (cut: the sentence is long).
    p = event_file(d, "pairs64", 300, 64)
    rc, _, err = run(["check", "-q", "--brat-events", "pairs", p])
    check(rc == 0, f"pairs, 300 events of 64 arguments: exit 0 (got {rc}) "
          f"{err[:200]}")

    # 3. One sentence of 1 MiB and 20,000 relations in it: each would copy
    #    the sentence; the quote is the span, cut in the middle.
    words = [f"X{i:03d}" for i in range(200)]
    txt = (" " + "x" * 5000 + " ").join(words) + ".\n"
    ann = mentions(txt, words)
    ann += [f"R{r + 1}\tPartner Arg1:T{r % 200 + 1} Arg2:T{(r * 7 + 1) % 200 + 1}"
            for r in range(20000) if r % 200 != (r * 7 + 1) % 200]
    p = brat(d, "longsentence", txt, ann)
    rc, _, err = run(["check", "-q", p])
    n = len(ann) - 200
    check(rc == 0 and f"doc.ann: warning: {n} evidence quotes shortened" in err,
          f"1 MiB sentence, {n} relations: exit 0 and one warning "
          f"(got {rc}) {err[:300]}")
    rc, qs = quotes(p)
    check(rc == 0 and len(qs) == n and
          all(len(q.encode()) <= 2048 and " \u2026 " in q for q in qs),
          "1 MiB sentence: every quote within 2048 bytes, cut with ' … '")
    # Shortened quotes still check against the text ('…': a gap).
    rc, out, _ = run(["check", "--sources-dir", d, p])
    check(rc == 0 and f"evidence checked: {n} of {n} quotes" in out,
          f"1 MiB sentence: check --sources-dir finds every quote (got {rc})")

    # 4. 4,000 sentences, relation i from sentence i to sentence n-1-i: the
    #    quotes would cover nested ranges of the text.
    sents = [f"Y{i:04d} did things in a long sentence of filler text number "
             f"{i}." for i in range(4000)]
    txt = " ".join(sents) + "\n"
    ann = mentions(txt, [f"Y{i:04d}" for i in range(4000)])
    ann += [f"R{i + 1}\tPartner Arg1:T{i + 1} Arg2:T{4000 - i}"
            for i in range(2000)]
    p = brat(d, "nested", txt, ann)
    rc, _, err = run(["check", "-q", p])
    check(rc == 0, f"nested sentences: exit 0 (got {rc}) {err[:200]}")
    rc, qs = quotes(p)
    whole = [q for q in qs if " \u2026 " not in q and q.endswith(".")]
    check(rc == 0 and len(qs) == 2000 and
          all(len(q.encode()) <= 2048 for q in qs) and len(whole) > 0,
          "nested sentences: quotes within 2048 bytes, near ones whole "
          "sentences")
    rc, out, _ = run(["check", "--sources-dir", d, p])
    check(rc == 0 and "evidence checked: 2000 of 2000 quotes" in out,
          f"nested sentences: check --sources-dir finds every quote "
          f"(got {rc})")

    # 5. A mention of 512 KiB in 20,000 relations: the facts share the
    #    entity's id rather than copy it.
    name = "N" * (1 << 19)
    txt = f"{name} and Bob met.\n"
    ann = [f"T1\tOrganization 0 {len(name)}\t{name}",
           f"T2\tOrganization {len(name) + 5} {len(name) + 8}\tBob"]
    ann += [f"R{r + 1}\tPartner Arg1:T1 Arg2:T2" for r in range(20000)]
    p = brat(d, "longname", txt, ann)
    rc, _, err = run(["check", "-q", p])
    check(rc == 0, f"512 KiB name in 20,000 relations: exit 0 (got {rc}) "
          f"{err[:200]}")

    # 6. A note of 1 MB on an event of 32 arguments (496 pairs): the
    #    facts share the event's attributes.
    words = [f"Z{i:02d}" for i in range(32)]
    txt = " ".join(words) + " met.\n"
    ann = mentions(txt, words)
    s = txt.index(" met.") + 1
    ann.append(f"T33\tMeet {s} {s + 3}\tmet")
    ann.append("E1\tMeet:T33 " + " ".join(f"A{k}:T{k + 1}" for k in range(32)))
    ann.append("#1\tAnnotatorNotes E1\t" + "n" * 1000000)
    p = brat(d, "note", txt, ann)
    rc, _, err = run(["check", "-q", "--brat-events", "pairs", p])
    check(rc == 0, f"1 MB note on a 32-argument event: exit 0 (got {rc}) "
          f"{err[:200]}")

    # 7. doccano and 8. Label Studio: a text of almost 1 MiB, 20,000
    #    relations between its first and last word.
    text = "Ann " + "x" * ((1 << 20) - 100) + " Bob met."
    a, b = (0, 3), (len(text) - 8, len(text) - 5)
    p = os.path.join(d, "big.jsonl")
    with open(p, "w") as f:
        json.dump({"id": 1, "text": text,
                   "entities": [{"id": 1, "label": "ORG", "start_offset": a[0],
                                 "end_offset": a[1]},
                                {"id": 2, "label": "ORG", "start_offset": b[0],
                                 "end_offset": b[1]}],
                   "relations": [{"id": i, "from_id": 1, "to_id": 2,
                                  "type": "meets"} for i in range(20000)]}, f)
        f.write("\n")
    rc, _, err = run(["check", "-q", "--input-format", "doccano", p])
    check(rc == 0 and "big.jsonl: warning: 20000 evidence quotes shortened"
          in err, f"doccano, 1 MiB text, 20,000 relations: exit 0 and the "
          f"warning (got {rc}) {err[:200]}")
    region = [{"id": r, "type": "labels",
               "value": {"start": s, "end": e, "text": text[s:e],
                         "labels": ["ORG"]}}
              for r, (s, e) in (("a", a), ("b", b))]
    rel = [{"type": "relation", "from_id": "a", "to_id": "b",
            "labels": ["meets"]}] * 20000
    p = os.path.join(d, "ls.json")
    with open(p, "w") as f:
        json.dump([{"id": 1, "data": {"text": text},
                    "annotations": [{"result": region + rel}]}], f)
    rc, _, err = run(["check", "-q", "--input-format", "labelstudio", p])
    check(rc in (0, 1) and "ls.json: warning: 20000 evidence quotes "
          "shortened" in err and "out of memory" not in err,
          f"Label Studio, 1 MiB text, 20,000 relations: imported, the "
          f"warning (got {rc}) {err[:300]}")

if not rlimit:
    print("note: memory bound (RLIMIT_AS %d MiB) not checked in this build "
          "(AddressSanitizer); the plain build checks it" % LIMIT_MB)
print("%d failed" % failures)
sys.exit(1 if failures else 0)

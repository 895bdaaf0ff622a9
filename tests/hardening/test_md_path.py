"""build's NAME.summary.md names its input in a Markdown code span that
reads back as the path, whatever backticks the path holds.

usage: test_md_path.py FACTNET INPUT

The inputs are copies of INPUT under names with a backtick inside, at the
start, at the end, runs of two and three, and spaces; `factnet build`
writes a summary for each, and cmark (the CommonMark reference
implementation, Debian's cmark) renders it: the paragraph "Input: ..."
must hold one <code> element whose text is the path exactly as given.
A single backtick fence (`PATH`) fails for all of them. Exits 77 (skipped,
with a message) when cmark is not installed.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

factnet, source = sys.argv[1], sys.argv[2]
if not shutil.which("cmark"):
    print("SKIP: cmark is not installed (Debian package cmark)")
    sys.exit(77)

NAMES = ["a`b.json", "`lead.json", "trail`.json", "two``three```.json",
         "dir ``x``/ `both` .json"]
failures = 0


def check(cond, what):
    global failures
    print(("ok: " if cond else "FAIL: ") + what)
    failures += 0 if cond else 1


with tempfile.TemporaryDirectory() as tmp:
    for n in NAMES:
        os.makedirs(os.path.join(tmp, os.path.dirname(n)), exist_ok=True)
        shutil.copyfile(source, os.path.join(tmp, n))
    p = subprocess.run([factnet, "build", "-o", "out"] + NAMES, cwd=tmp,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    check(p.returncode == 0, f"build exits 0 ({p.stderr.decode()[-300:]!r})")
    for n in NAMES:
        stem = os.path.splitext(os.path.basename(n))[0]
        md = os.path.join(tmp, "out", stem + ".summary.md")
        if not os.path.exists(md):
            check(False, f"{n}: {md} written")
            continue
        out = subprocess.run(["cmark"], stdin=open(md, "rb"),
                             stdout=subprocess.PIPE, check=True).stdout
        para = re.search(r"<p>Input: (.*?)</p>", out.decode(), re.S)
        check(para is not None, f"{n}: an 'Input:' paragraph")
        if not para:
            continue
        codes = re.findall(r"<code>(.*?)</code>", para.group(1), re.S)
        check(len(codes) == 1 and html.unescape(codes[0]) == n,
              f"{n}: one code span holding the path (got {codes!r} in "
              f"{para.group(1)[:120]!r})")
sys.exit(1 if failures else 0)

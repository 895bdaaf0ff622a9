#!/usr/bin/env python3
"""test_docs.py FACTNET GEN - the generated man pages and completions
(GEN: the build's gen/docs, cmake/gen-docs.cmake) against --help: every
option that `factnet COMMAND --help` prints is in the command's man page
and in its bash, zsh and fish completions; every page renders with
`groff -ww -z -man` without a warning; the bash completion completes
commands, option names, enum values and fact files (compgen, as bash
does); zsh and fish read their scripts (zsh -n, fish -n), and fish
completes `factnet metrics --view ` with the views."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

factnet, gen = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
errors = []


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def commands():
    out = run([factnet, "--help"]).stdout
    block = out.split("\ncommands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines()]


OPT = re.compile(r"^  (?:-(\w), )?\s*--([a-z][a-z-]*)", re.M)


def help_options(cmd):
    return OPT.findall(run([factnet, cmd, "--help"]).stdout)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


bash = read(os.path.join(gen, "completion", "factnet.bash"))
zsh = read(os.path.join(gen, "completion", "_factnet"))
fish = read(os.path.join(gen, "completion", "factnet.fish"))


def section(script, cmd):
    """The case arm of cmd in a bash or zsh script."""
    m = re.search(r"\n    %s\)\n(.*?)\n        ;;\n" % re.escape(cmd), script,
                  re.S)
    return m.group(1) if m else ""


cmds = commands()
if len(cmds) < 5:
    errors.append("factnet --help lists %d commands" % len(cmds))
for cmd in cmds:
    page = read(os.path.join(gen, "man", "factnet-%s.1" % cmd))
    b, z = section(bash, cmd), section(zsh, cmd)
    opts_line = re.search(r'opts="([^"]*)"', b)
    bash_words = opts_line.group(1).split() if opts_line else []
    for short, name in help_options(cmd):
        if "\\fB\\-\\-%s\\fR" % name.replace("-", "\\-") not in page:
            errors.append("factnet-%s.1 lacks --%s" % (cmd, name))
        if "--" + name not in bash_words:
            errors.append("bash: %s lacks --%s" % (cmd, name))
        if short and "-" + short not in bash_words:
            errors.append("bash: %s lacks -%s" % (cmd, short))
        if not re.search(r"(?:'--%s\[|,--%s\}')" % (name, name), z):
            errors.append("zsh: %s lacks --%s" % (cmd, name))
        if not re.search(r"__fish_seen_subcommand_from %s'.* -l %s " %
                         (cmd, re.escape(name)), fish):
            errors.append("fish: %s lacks --%s" % (cmd, name))

# Every page renders without a warning.
if shutil.which("groff"):
    for name in sorted(os.listdir(os.path.join(gen, "man"))):
        r = run(["groff", "-ww", "-z", "-man", "-K", "utf8",
                 os.path.join(gen, "man", name)])
        if r.returncode or r.stderr:
            errors.append("groff %s: %s" % (name, r.stderr.strip()))
    page = read(os.path.join(gen, "man", "factnet.1"))
    for sec in ("EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"):
        if ".SH %s\n" % sec not in page:
            errors.append("factnet.1 has no %s section" % sec)
else:
    print("test_docs: groff not installed, pages not rendered")

# bash: what the completion offers, as bash computes it.
with tempfile.TemporaryDirectory() as tmp:
    for f in ("a.json", "b.JSONL", "c.csv", "notes.md"):
        open(os.path.join(tmp, f), "w").close()
    os.mkdir(os.path.join(tmp, "sub"))
    probe = r'''
source "$1"
complete -p factnet >/dev/null || exit 1
try() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
        _factnet; printf '%s\n' "${COMPREPLY[*]}"; }
try factnet metr
try factnet metrics --view ''
try factnet metrics --algorithm le
try factnet render --layout ''
try factnet metrics --sor
try factnet metrics ''
'''
    r = run(["bash", "-c", probe, "probe", os.path.join(gen, "completion",
                                                         "factnet.bash")],
            cwd=tmp)
    want = ["metrics", "full actors", "leiden",
            "dot neato fdp sfdp circo twopi", "--sort",
            "a.json b.JSONL c.csv sub"]
    got = r.stdout.splitlines()
    if r.returncode:
        errors.append("bash: complete -p factnet failed: " + r.stderr)
    for w, g in zip(want, got + [""] * len(want)):
        if sorted(w.split()) != sorted(g.split()):
            errors.append("bash completion: want %r, got %r" % (w, g))

if shutil.which("zsh"):
    r = run(["zsh", "-n", os.path.join(gen, "completion", "_factnet")])
    if r.returncode:
        errors.append("zsh -n: " + r.stderr)
else:
    print("test_docs: zsh not installed, _factnet not read")
if shutil.which("fish"):
    path = os.path.join(gen, "completion", "factnet.fish")
    r = run(["fish", "-n", path])
    if r.returncode:
        errors.append("fish -n: " + r.stderr)
    r = run(["fish", "--no-config", "-c",
             "source %s; complete -C 'factnet metrics --view '" % path])
    views = sorted(line.split("\t")[0] for line in r.stdout.splitlines())
    if views != ["actors", "full"]:
        errors.append("fish: --view offers %r" % views)
else:
    print("test_docs: fish not installed, factnet.fish not read")

for e in errors:
    print("test_docs: " + e)
sys.exit(1 if errors else 0)

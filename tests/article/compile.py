#!/usr/bin/python3
"""The bundled corpus's LaTeX outputs in a two-column article
(tests/article/article.tex): `metrics --top 10 --format latex`, `evolve
--table pivot --top 10 --format latex`, `evidence --format latex --layout
list` and `methods --format latex --bib`. pdflatex, bibtex and pdflatex
twice must succeed with no warning: no "Overfull"/"Underfull" box, no
"LaTeX Warning" (undefined references or citations, a float too large)
and no "Package ... Warning" in the log, no "Warning--" or error from
bibtex; and every .bib key is cited.

usage: compile.py FACTNET [OUT_DIR]  (from the repository root; OUT_DIR:
keep the sources, logs and article.pdf there to look at, e.g. with
`pdftoppm -png OUT_DIR/article.pdf page`). Exit 77 (skipped) only when
pdflatex or bibtex is missing; they come with texlive-latex-base and
texlive-binaries, in FNET_TEST_PKGS, so CI runs this.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CORPUS = 'data/japan_cyber.json'
HERE = os.path.dirname(os.path.abspath(__file__))


def run(args, cwd=None):
    p = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    out = p.stdout.decode('utf-8', 'replace')
    if p.returncode != 0:
        sys.exit('FAIL: %s: exit %d\n%s\n%s' % (
            ' '.join(args), p.returncode, out[-3000:],
            p.stderr.decode('utf-8', 'replace')[-1000:]))
    return out


def write_inputs(factnet, d):
    """The \\input files of article.tex, from the corpus."""
    corpus = os.path.abspath(CORPUS)
    run([factnet, 'metrics', corpus, '-f', 'latex', '--top', '10',
         '--caption', 'The ten most central entities by PageRank',
         '--label', 'tab:top', '-o', os.path.join(d, 'metrics.tex')])
    # The pivot's caption is its own ("PageRank by period"); a label is
    # added here as a user would.
    pivot = run([factnet, 'evolve', corpus, '-f', 'latex', '--table',
                 'pivot', '--top', '10'])
    pivot = pivot.replace('\\caption{PageRank by period}\n',
                          '\\caption{PageRank by period}\n'
                          '\\label{tab:pivot}\n', 1)
    with open(os.path.join(d, 'pivot.tex'), 'w', encoding='utf-8') as fp:
        fp.write(pivot)
    run([factnet, 'evidence', corpus, '-f', 'latex', '--layout', 'list',
         '-o', os.path.join(d, 'evidence.tex')])
    run([factnet, 'methods', corpus, '-f', 'latex', '--bib',
         os.path.join(d, 'refs.bib'), '-o', os.path.join(d, 'methods.tex')])
    # Characters pdflatex has no glyph for (the Japanese ones) print as ?.
    text = ''
    for name in ('metrics', 'pivot', 'evidence', 'methods', 'refs'):
        ext = '.bib' if name == 'refs' else '.tex'
        with open(os.path.join(d, name + ext), encoding='utf-8') as fp:
            text += fp.read()
    cjk = sorted({c for c in text if 0x2e80 <= ord(c) <= 0x9fff or
                  0xf900 <= ord(c) <= 0xfaff or 0xff00 <= ord(c) <= 0xffef})
    with open(os.path.join(d, 'unicode.tex'), 'w', encoding='utf-8') as fp:
        fp.write(''.join('\\DeclareUnicodeCharacter{%04X}{?}\n' % ord(c)
                         for c in cjk))
    shutil.copy(os.path.join(HERE, 'article.tex'), d)


def warnings(log):
    """The warning lines of a pdflatex log."""
    bad = []
    lines = log.split('\n')
    for i, line in enumerate(lines):
        if (line.startswith(('Overfull', 'Underfull')) or
                'LaTeX Warning' in line or
                re.match(r'Package \S+ Warning', line)):
            bad.append(' '.join(lines[i:i + 2]))
    return bad


def main():
    factnet = os.path.abspath(sys.argv[1])
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    for tool in ('pdflatex', 'bibtex'):
        if not shutil.which(tool):
            print('SKIP: %s is not installed (texlive-latex-base, '
                  'texlive-binaries)' % tool)
            return 77
    d = tempfile.mkdtemp()
    try:
        write_inputs(factnet, d)
        latex = ['pdflatex', '-interaction=nonstopmode', '-halt-on-error',
                 'article.tex']
        run(latex, cwd=d)
        blg = run(['bibtex', 'article'], cwd=d)
        bad = ['bibtex: ' + l for l in blg.split('\n')
               if 'Warning' in l or 'error' in l.lower()]
        run(latex, cwd=d)
        run(latex, cwd=d)
        with open(os.path.join(d, 'article.log'), encoding='latin-1') as fp:
            bad += warnings(fp.read())
        with open(os.path.join(d, 'refs.bib'), encoding='utf-8') as fp:
            keys = re.findall(r'^@\w+\{([^,]+),', fp.read(), re.M)
        with open(os.path.join(d, 'article.aux'), encoding='utf-8') as fp:
            cited = {k for g in re.findall(r'\\citation\{([^}]*)\}',
                                           fp.read())
                     for k in g.split(',')}
        bad += ['not cited: ' + k for k in keys if k not in cited]
        pages = re.search(r'Output written on article.pdf \((\d+) pages?',
                          open(os.path.join(d, 'article.log'),
                               encoding='latin-1').read())
        if keep:
            os.makedirs(keep, exist_ok=True)
            for f in os.listdir(d):
                shutil.copy(os.path.join(d, f), keep)
        for b in bad:
            print('FAIL: ' + b)
        if bad:
            return 1
        print('ok: the article compiles without a warning (%s pages, %d '
              'keys cited)' % (pages.group(1) if pages else '?', len(keys)))
        return 0
    finally:
        shutil.rmtree(d)


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
"""The LaTeX tables a paper prints fit a two-column page: pdflatex compiles the
metrics tables (top 10, the default table, with --runs, the graph level,
a wide table with --latex-width \\textwidth), balance's summary and
triangles, evolve's tables (the pivot by the last period and overall,
nodes wide and long, graph, ranks, communities), the methods paragraph,
agree's pairs, alpha, relations, sources and entities tables (the corpus
against its second coding, tests/agree/fixtures/) and the evidence listing
(--layout list) inside
\\documentclass[twocolumn]{article}, with every label made 60 characters
long and full of TeX's special characters, and the log has no "Overfull
\\hbox" (docs/TABLES.md, "LaTeX").

The evidence longtable (the default layout), which LaTeX sets only in
one-column mode, goes after \\onecolumn, as in a paper's appendix.

usage: test_latex_fit.py FACTNET [PDF]  (from the repository root; PDF:
also keep the compiled document there, to look at). Exit 77 (skipped)
when pdflatex is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# 60 characters of words and TeX specials; each entity gets its own.
WORDS = 'Ministry & {Agency} for 100% $ecure_Net #1 ~ ^ <x> | \\ of '


def hostile(i, n=60):
    s = ('%d ' % i + WORDS * 3)[:n]
    assert len(s) == n
    return s


def run(binary, args):
    p = subprocess.run([binary] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit('FAIL: factnet %s: exit %d: %s' % (
            ' '.join(args), p.returncode, p.stderr.decode()[-500:]))
    return p.stdout.decode('utf-8')


def main():
    binary = sys.argv[1]
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    if not shutil.which('pdflatex'):
        print('skip: pdflatex is not installed')
        return 77
    with open('data/japan_cyber.json', encoding='utf-8') as fp:
        corpus = json.load(fp)
    for i, e in enumerate(corpus['entities']):
        e['label'] = hostile(i)
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, 'corpus.json')
        with open(path, 'w', encoding='utf-8') as fp:
            json.dump(corpus, fp)
        tables = [
            ['metrics', path, '-f', 'latex', '--top', '10', '--caption',
             'Top 10 by PageRank'],
            ['metrics', path, '-f', 'latex'],
            ['metrics', path, '-f', 'latex', '--runs', '5', '--top', '5'],
            ['metrics', path, '-f', 'latex', '--level', 'graph'],
            ['metrics', path, '-f', 'latex', '--top', '10', '--latex-width',
             '\\textwidth', '--columns', 'label,type,degree,strength,'
             'betweenness,closeness,eigenvector,pagerank,community'],
            ['balance', path, '-f', 'latex', '--table', 'summary'],
            ['evolve', path, '-f', 'latex', '--table', 'pivot', '--top',
             '10'],
            ['evolve', path, '-f', 'latex', '--table', 'pivot',
             '--metric', 'degree', '--pivot-by', 'overall'],
            ['evolve', path, '-f', 'latex', '--table', 'nodes', '--top',
             '3'],
            ['evolve', path, '-f', 'latex', '--table', 'nodes', '--top',
             '2', '--layout', 'long'],
            ['evolve', path, '-f', 'latex', '--table', 'graph'],
            ['evolve', path, '-f', 'latex', '--table', 'ranks', '--top',
             '3'],
            ['evolve', path, '-f', 'latex', '--table', 'communities'],
            ['balance', path, '-f', 'latex', '--table', 'triangles'],
            ['methods', path, '-f', 'latex'],
            ['evidence', path, '-f', 'latex', '--layout', 'list'],
        ]
        second = 'tests/agree/fixtures/japan_coder2.json'
        tables += [['agree', path, second, '-f', 'latex', '--table', t]
                   for t in ('pairs', 'alpha', 'relations', 'sources',
                             'entities')]
        body = [run(binary, a) for a in tables]
        body.append('\\onecolumn\n' + run(binary, ['evidence', path, '-f',
                                                    'latex']))
        # pdflatex has no CJK glyphs (the corpus quotes Japanese sources):
        # those characters are declared as ?, what is tested is the width.
        chars = sorted({c for t in body for c in t if ord(c) > 0xff})
        decl = ''.join('\\DeclareUnicodeCharacter{%04X}{?}\n' % ord(c)
                       for c in chars)
        doc = ('\\documentclass[twocolumn]{article}\n'
               '\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n'
               '\\usepackage{booktabs,tabularx,longtable}\n' + decl +
               '\\begin{document}\n' + '\n\\clearpage\n'.join(body)
               + '\n\\end{document}\n')
        with open(os.path.join(d, 'doc.tex'), 'w', encoding='utf-8') as fp:
            fp.write(doc)
        for _ in range(2):  # longtable settles its widths on a second run
            p = subprocess.run(['pdflatex', '-interaction=nonstopmode',
                                '-halt-on-error', 'doc.tex'], cwd=d,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
        with open(os.path.join(d, 'doc.log'), encoding='latin-1') as fp:
            log = fp.read()
        if keep and os.path.exists(os.path.join(d, 'doc.pdf')):
            shutil.copy(os.path.join(d, 'doc.pdf'), keep)
            shutil.copy(os.path.join(d, 'doc.tex'), keep + '.tex')
            shutil.copy(os.path.join(d, 'doc.log'), keep + '.log')
        if p.returncode != 0:
            print('FAIL: pdflatex:\n' + log[-2000:])
            return 1
        lines = log.split('\n')
        bad = [' '.join(lines[i:i + 3]) for i, l in enumerate(lines)
               if l.startswith('Overfull \\hbox')]
        for b in bad:
            print('FAIL: ' + b)
        if bad:
            return 1
        print('ok: %d LaTeX outputs fit a two-column page' % len(body))
        return 0
    finally:
        shutil.rmtree(d)


if __name__ == '__main__':
    sys.exit(main())

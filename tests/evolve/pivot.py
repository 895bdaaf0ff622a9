#!/usr/bin/python3
"""`factnet evolve --table pivot` (docs/EVOLUTION.md, "Pivot"): nodes x
periods of one metric, against values worked out independently.

On tests/evolve/fourperiods.json (two triangles in 2001; K4 A,B,C,G, the
triangle D-E-F and H-I in 2002; K7 on A..G in 2003; the triangle A-B-C, K4
on D,E,F,G and J-K in 2004):
- degree by hand: the rows and their order for --pivot-by last (2004's
  degree, then the mean over the four periods, then id) and overall (the
  mean, absent counting 0, then id), --top;
- PageRank from NetworkX on each year's graph built here from the raw
  facts (one edge per pair, weight = number of facts, since every fact
  weighs 1), the default metric;
- on data/japan_cyber.json, the columns: the years in which a listed
  entity has a dated fact (read from the raw facts);
- the formats: csv and json keep the ids and the period labels as column
  names; md and latex have the human header "Entity", the label only, and
  a note; latex is a tabularx with the label as its X column;
- evolve's other LaTeX tables (the columns a page's column holds): the
  transposed graph table's nodes and edges per year by hand, the
  headers, and 2003's merge with its links (docs/EVOLUTION.md's worked
  example).

usage: pivot.py FACTNET  (from the repository root). Exit 77 without
networkx.
"""
import csv
import io
import json
import subprocess
import sys

FIX = 'tests/evolve/fourperiods.json'


def run(binary, *args):
    p = subprocess.run([binary, 'evolve', FIX, '--table', 'pivot'] +
                       list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit('FAIL: evolve %s: exit %d: %s' %
                 (' '.join(args), p.returncode, p.stderr.decode()))
    return p.stdout.decode()


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def check(what, got, want):
    if got != want:
        sys.exit('FAIL: %s:\n got  %r\n want %r' % (what, got, want))
    print('ok: ' + what)


def main():
    binary = sys.argv[1]
    try:
        import networkx as nx
    except ImportError:
        print('skip: networkx is not installed')
        return 77
    years = ['2001', '2002', '2003', '2004']
    # Degree by hand, per year ('' = absent).
    deg = {
        'A': ['2', '3', '6', '2'], 'B': ['2', '3', '6', '2'],
        'C': ['2', '3', '6', '2'], 'D': ['2', '2', '6', '3'],
        'E': ['2', '2', '6', '3'], 'F': ['2', '2', '6', '3'],
        'G': ['', '3', '6', '3'], 'H': ['', '1', '', ''],
        'I': ['', '1', '', ''], 'J': ['', '', '', '1'],
        'K': ['', '', '', '1'],
    }
    # last: 2004's degree (D E F G 3; A B C 2; J K 1), ties by the mean
    # (D E F 13/4 before G 12/4), then id; H and I are absent in 2004.
    last = ['D', 'E', 'F', 'G', 'A', 'B', 'C', 'J', 'K', 'H', 'I']
    # overall: the mean (A..F 13/4, G 12/4, H..K 1/4), ties by id.
    overall = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']
    for mode, order in (('last', last), ('overall', overall)):
        got = rows(run(binary, '--metric', 'degree', '--pivot-by', mode,
                       '-f', 'csv'))
        check('degree pivot, %s: row order' % mode,
              [r['id'] for r in got], order)
        check('degree pivot, %s: cells' % mode,
              {r['id']: [r[y] for y in years] for r in got}, deg)
    got = rows(run(binary, '--metric', 'degree', '--top', '5', '-f', 'csv'))
    check('--top 5 keeps the first five rows', [r['id'] for r in got],
          last[:5])
    check('csv header', list(got[0].keys()),
          ['id', 'label', 'type'] + years)

    # PageRank (the default metric) from NetworkX, on graphs built here.
    with open(FIX, encoding='utf-8') as fp:
        facts = json.load(fp)['facts']
    want = {}
    for y in years:
        g = nx.Graph()
        for f in facts:
            if f.get('date', '')[:4] != y:
                continue
            a, b = f['subject'], f['object']
            w = g[a][b]['weight'] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
        for n, v in nx.pagerank(g, alpha=0.85, weight='weight',
                                tol=1e-12).items():
            want.setdefault(n, {})[y] = v
    got = rows(run(binary, '-f', 'csv'))
    bad = [(r['id'], y, r[y], want[r['id']].get(y)) for r in got
           for y in years
           if (r[y] == '') != (y not in want[r['id']]) or
           (r[y] and abs(float(r[y]) - want[r['id']][y]) > 1e-9)]
    check('pagerank pivot equals NetworkX per year', bad, [])
    check('pagerank pivot has every node', sorted(r['id'] for r in got),
          sorted(want))

    js = json.loads(run(binary, '--metric', 'degree', '-f', 'json'))
    check('json: keys and integers', (list(js[0].keys()), js[0]['2004']),
          (['id', 'label', 'type'] + years, 3))
    md = run(binary, '--metric', 'degree', '-f', 'md', '--top', '2')
    check('md: human header, labels, note', md.split('\n')[:4] + [
        md.split('\n')[5].startswith("Degree in each period's network")],
          ['| Entity | 2001 | 2002 | 2003 | 2004 |',
           '| --- | ---: | ---: | ---: | ---: |',
           '| Actor D | 2 | 2 | 6 | 3 |', '| Actor E | 2 | 2 | 6 | 3 |',
           True])
    # Columns: the periods where some listed entity has a fact (Japan
    # corpus, top 10 of 2021: 2006 and 2009 have facts, but none of theirs).
    with open('data/japan_cyber.json', encoding='utf-8') as fp:
        jfacts = json.load(fp)['facts']
    p = subprocess.run([binary, 'evolve', 'data/japan_cyber.json', '--table',
                        'pivot', '--top', '10', '-f', 'csv'],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    jrows = rows(p.stdout.decode())
    ids = {r['id'] for r in jrows}
    years = set()
    for f in jfacts:
        if f.get('date') and (f['subject'] in ids or f['object'] in ids):
            until = f.get('until', f['date'])
            years.update(str(y) for y in range(int(f['date'][:4]),
                                               int(until[:4]) + 1))
    check('japan top 10: a column per year where a listed entity has a '
          'fact', list(jrows[0].keys())[3:], sorted(years))
    tex = run(binary, '-f', 'latex')
    check('latex: caption and tabularx with the label wrapping',
          [l for l in tex.split('\n') if l.startswith(('\\caption',
                                                        '\\begin{tabularx}'))],
          ['\\caption{PageRank by period}',
           '\\begin{tabularx}{\\columnwidth}'
           '{@{}>{\\raggedright\\arraybackslash}Xrrrr@{}}'])
    # The other LaTeX tables, in the columns a page's column holds. The
    # graph table is transposed: nodes and edges per year by hand (2001:
    # two triangles; 2002: K4 + triangle + H-I; 2003: K7; 2004: triangle
    # + K4 + J-K).
    def tex_rows(table):
        p = subprocess.run([binary, 'evolve', FIX, '-f', 'latex', '--table',
                            table], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
        return [l for l in p.stdout.decode().split('\n')
                if l.endswith(' \\\\')]
    g = tex_rows('graph')
    check('latex graph table: transposed, by hand',
          [g[0], g[2], g[3]],
          ['Metric & 2001 & 2002 & 2003 & 2004 \\\\',
           'Nodes & 6 & 9 & 7 & 9 \\\\', 'Edges & 6 & 10 & 21 & 10 \\\\'])
    check('latex nodes, ranks, communities: headers',
          [tex_rows(t)[0] for t in ('nodes', 'ranks', 'communities')],
          ['Period & Entity & Degree & Betweenness & PageRank \\\\',
           'Periods & Entity & Before & After & Status \\\\',
           'Period & Id & Event & Size & Members \\\\'])
    check('latex communities: 2003 merged with its links',
          [r for r in tex_rows('communities') if r.startswith('2003 & 1 ')],
          ['2003 & 1 & merged: 1 (J=0.571); 2 (J=0.429) & 7 & Actor A; '
           'Actor B; Actor C; Actor D; Actor E; Actor F; Actor G \\\\'])
    return 0


if __name__ == '__main__':
    sys.exit(main())

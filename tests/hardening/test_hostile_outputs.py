#!/usr/bin/python3
"""Hostile labels through every output factnet writes (issue 9).

usage: test_hostile_outputs.py FACTNET FORMAT   (run from the repository root)

Runs factnet on tests/hardening/hostile.json (see make_hostile.py: ids,
labels, aliases, types, attrs, relation names, sources and quotes full of
" \\ {} <> & % $ # _ ~ ^ |, line breaks, tabs, control characters, RTL text,
emoji with ZWJ sequences, a 10,000-character string and = + - @ first) and
reads each output back with a reader factnet does not share code with.
Every expected string is computed here from the fixture (read with
Python's json) and the rules the docs state, never taken from factnet:

  dot, build-dot, evolve-dot   Graphviz's own parser (`dot -Tjson`): every
                node's id, label, tooltip and drawn text (xdot), every
                edge's facts, the title and the legend (docs/DIAGRAMS.md)
  svg, build-svg, evolve-svg   xml.etree, through tests/dot/check_svg.py
                plus the title, legend and edge tooltips
  graphml, gexf xml.etree (docs/EXPORT.md: control characters -> U+FFFD)
  gml, json     NetworkX (read_gml, node_link_graph)
  pajek         python-igraph's Read_Pajek and a line reader (" -> ',
                line breaks -> space, docs/EXPORT.md)
  export-csv, neo4j   Python's csv module, with and without the guard
  table-csv, table-tsv, table-md, table-latex, table-json
                metrics, evolve, balance and evidence (and build's tables)
                in that format: csv/tsv read back exactly (the formula
                guard on by default, off with --no-formula-guard); md: no
                table broken, cells exact after unescaping; latex: the
                escaped forms of docs/TABLES.md, and pdflatex compiles it
  evidence-md   the evidence listing: one line per quote, exact after
                CommonMark unescaping (docs/EVIDENCE.md)
  html          report and build's report parse (html.parser) and hold no
                <script from a label
  check         check's summary: names on one line, no control character
  formula-guard the guard itself: exact bytes, numbers and factnet's own
                signs untouched, the option on the six commands

Exit 0: every check passed; 1: a check failed; 77: a tool the format
needs is missing (dot, pdflatex), after every check that could run.
"""
import csv
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, 'hostile.json')
CHECK_SVG = os.path.join(HERE, '..', 'dot', 'check_svg.py')
SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}'
GML_NS = '{http://graphml.graphdrawing.org/xmlns}'
GEXF_NS = '{http://www.gexf.net/1.2draft}'

failures = []
skipped = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 60:
        print('FAIL: ' + msg[:700])


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


def eq(got, want, what):
    if got != want:
        fail('%s: got %r, want %r' % (what, short(got), short(want)))
        return False
    return True


def short(x):
    s = x if isinstance(x, str) else repr(x)
    return s if len(s) < 300 else s[:140] + ' [...] ' + s[-140:]


# ---- the fixture: what must come out ---------------------------------------

FX = json.load(open(FIXTURE, encoding='utf-8'))
ENTS = {e['id']: e for e in FX['entities']}
SOURCES = {s['id']: s for s in FX['sources']}
RELATIONS = set(FX['relations'])


def rel_label(name):
    """What a diagram shows for a relation: its declared "label", else its
    name with spaces for underscores, as the built-in relations' labels
    (docs/FORMAT.md) are ("party to")."""
    return FX['relations'].get(name, {}).get('label', name.replace('_', ' '))


def label(eid):
    return ENTS[eid].get('label', eid)


def aliases(eid):
    a = ENTS[eid].get('aliases', [])
    return [a] if isinstance(a, str) else a


def srcs(f):
    s = f.get('source', [])
    return [s] if isinstance(s, str) else s


def fact_at(location):
    """The fact behind 'FILE: facts[N]' (a fixture fact names its ends by
    id, so no name resolution is needed)."""
    m = re.fullmatch(r'.*: facts\[(\d+)\]', location)
    if not check(m, 'location %r' % location):
        return None
    return FX['facts'][int(m.group(1))]


FACT_PAIRS = {}
for _f in FX['facts']:
    FACT_PAIRS.setdefault(frozenset((_f['subject'], _f['object'])),
                          []).append(_f)

NUMBER = re.compile(r'[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?')


def joined(cell, names, sep='; '):
    """True when cell is some of names joined by sep (a name may hold sep
    itself, as a label may hold "; ")."""
    if cell in names:
        return True
    return any(cell.startswith(n + sep) and joined(cell[len(n + sep):],
                                                    names, sep)
               for n in names)


def guard(s):
    """docs/TABLES.md, "Spreadsheet formulas": a text cell starting with
    = + - @, a tab or a CR that is not a plain number gets a ' in front."""
    if s and s[0] in '=+-@\t\r' and not NUMBER.fullmatch(s):
        return "'" + s
    return s


def breaks(s):
    """CR LF and CR as LF."""
    return s.replace('\r\n', '\n').replace('\r', '\n')


def display(s):
    """DIAGRAMS.md: line breaks as LF, C0 controls and DEL as Unicode
    control pictures (tab kept)."""
    out = []
    for c in breaks(s):
        o = ord(c)
        if (o < 32 and c not in '\t\n') or o == 127:
            out.append(chr(0x2421) if o == 127 else chr(0x2400 + o))
        else:
            out.append(c)
    return ''.join(out)


def xml_safe(s):
    """EXPORT.md: characters XML 1.0 cannot carry become U+FFFD."""
    return re.sub('[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]', '\ufffd', s)


# ---- running factnet ---------------------------------------------------------

FACTNET = None


def run(args, ok=True, **kw):
    p = subprocess.run([FACTNET] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, **kw)
    if ok and p.returncode != 0:
        fail('factnet %s: exit %d: %s' % (' '.join(args)[:200], p.returncode,
                                          p.stderr.decode()[:1500]))
    return p


def out(args):
    return run(args + ['--', FIXTURE]).stdout.decode('utf-8')


def build(tmp):
    d = os.path.join(tmp, 'build')
    if not os.path.isdir(d):
        run(['build', '-o', d, FIXTURE])
    return d


def read(path):
    with open(path, encoding='utf-8', newline='') as fp:
        return fp.read()


# ---- csv and tsv -------------------------------------------------------------

def rows_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline='')))


TSV_ESC = {'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}


def tsv_cell(s, what):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\':
            if not check(i + 1 < len(s) and s[i + 1] in TSV_ESC,
                         '%s: bad TSV escape in %r' % (what, short(s))):
                return s
            out.append(TSV_ESC[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def rows_tsv(text, what='tsv'):
    lines = text.split('\n')
    check(lines[-1] == '', what + ': no final line feed')
    head = lines[0].split('\t')
    rows = []
    for n, line in enumerate(lines[1:-1], 2):
        cells = line.split('\t')
        if not check(len(cells) == len(head), '%s line %d: %d cells, want %d'
                     % (what, n, len(cells), len(head))):
            continue
        rows.append({h: tsv_cell(c, what) for h, c in zip(head, cells)})
    return rows


class Cells:
    """Compares text cells with the fixture, guarded or not."""

    def __init__(self, guarded, what):
        self.guarded, self.what = guarded, what

    def eq(self, got, want, col):
        return eq(got, guard(want) if self.guarded else want,
                  '%s: %s' % (self.what, col))

    def plain(self, got):
        """The text behind a guarded cell."""
        if self.guarded and got.startswith("'") and guard(got[1:]) == got:
            return got[1:]
        return got

    def number(self, got, col):
        """A number cell: never guarded, always a number or empty."""
        check(got == '' or NUMBER.fullmatch(got) or got in ('inf', '-inf'),
              '%s: %s = %r is not a number' % (self.what, col, got))

    def entity(self, row, idc='id', labc='label', typec='type'):
        eid = self.plain(row[idc])
        if not check(eid in ENTS, '%s: unknown id %r' % (self.what,
                                                         short(eid))):
            return None
        self.eq(row[idc], eid, idc)
        if labc:
            self.eq(row[labc], label(eid), labc + ' of ' + short(eid))
        if typec:
            self.eq(row[typec], ENTS[eid]['type'], typec)
        return eid

    def fact(self, row, subj='subject', obj='object', quote='quote',
             source='source', by_label=True):
        f = fact_at(row['location'])
        if f is None:
            return None
        name = label if by_label else (lambda x: x)
        self.eq(row[subj], name(f['subject']), subj)
        self.eq(row[obj], name(f['object']), obj)
        self.eq(row['relation'], f['relation'], 'relation')
        self.eq(row[quote], f.get('evidence', ''), quote)
        self.eq(row[source], '; '.join(srcs(f)), source)
        return f


def tables_delimited(fmt, tmp):
    """metrics, evolve, balance, evidence (and build's csv) in csv or tsv,
    with the guard (default) and without (--no-formula-guard)."""
    parse = rows_csv if fmt == 'csv' else rows_tsv
    for guarded in (True, False):
        opt = [] if guarded else ['--no-formula-guard']
        mode = fmt + (' (guarded)' if guarded else ' (--no-formula-guard)')
        C = lambda cmd: Cells(guarded, '%s %s' % (cmd, mode))
        # metrics: every entity once
        c, seen = C('metrics'), set()
        for r in parse(out(['metrics', '-f', fmt] + opt)):
            seen.add(c.entity(r))
            for k in ('degree', 'pagerank', 'net_strength', 'betweenness'):
                c.number(r[k], k)
        eq(seen, set(ENTS), 'metrics %s: entities' % mode)
        # evolve: the four tables
        d = os.path.join(tmp, 'evolve-%s-%d' % (fmt, guarded))
        run(['evolve', '-f', fmt, '--output-dir', d] + opt + ['--', FIXTURE])
        c = C('evolve nodes')
        for r in parse(read(os.path.join(d, 'nodes.' + fmt))):
            c.entity(r)
            c.number(r['value'], 'value')
        c = C('evolve ranks')
        for r in parse(read(os.path.join(d, 'ranks.' + fmt))):
            c.entity(r)
        c = C('evolve communities')
        labels = {label(e) for e in ENTS}
        for r in parse(read(os.path.join(d, 'communities.' + fmt))):
            members = c.plain(r['members'])
            c.eq(r['members'], members, 'members')
            check(joined(members, labels), 'evolve communities: members %r'
                  % short(members))
        # balance: triangles, their pairs and facts
        c = C('balance')
        rows = parse(out(['balance', '-f', fmt, '--all'] + opt))
        check(rows, 'balance %s: no triangle rows' % mode)
        for r in rows:
            check(r['pattern'] in ('+++', '++-', '+--', '---'),
                  'balance: pattern %r changed' % r['pattern'])
            check(r['pair_sign'] in '+-' and r['fact_sign'] in '+-',
                  'balance: signs %r %r changed' % (r['pair_sign'],
                                                    r['fact_sign']))
            ids = [c.plain(r[k]) for k in 'abc']
            for k, i in zip('abc', ids):
                check(i in ENTS, 'balance: %s = %r' % (k, short(i)))
                c.eq(r[k], i, k)
            f = c.fact(r)
            if f:
                pair = [c.plain(r['pair'])]
                check(pair[0] in (f['subject'] + ' – ' + f['object'],
                                  f['object'] + ' – ' + f['subject']),
                      'balance: pair %r' % short(pair[0]))
                c.eq(r['pair'], pair[0], 'pair')
            c.number(r['weight'], 'weight')
        # evidence: one row per fact
        c, seen = C('evidence'), set()
        for r in parse(out(['evidence', '-f', fmt] + opt)):
            f = c.fact(r)
            if not f:
                continue
            seen.add(r['location'])
            for end in ('from', 'to'):
                eid = c.entity(r, end + '_id', end, None)
                check(eid in (f['subject'], f['object']),
                      'evidence: %s_id is not an end of the fact' % end)
            ss = [SOURCES[s] for s in srcs(f)]
            c.eq(r['source_title'], '; '.join(s.get('title', '') for s in ss),
                 'source_title')
            c.eq(r['source_author'],
                 '; '.join(s.get('author', '') for s in ss), 'source_author')
            for k in ('edge_weight', 'edge_sign', 'sign', 'confidence'):
                c.number(r[k], k)
        eq(len(seen), len(FX['facts']), 'evidence %s: facts' % mode)
        if fmt != 'csv':
            continue
        # build's tables (csv only)
        d = os.path.join(tmp, 'build-%d' % guarded)
        run(['build', '-o', d] + opt + ['--', FIXTURE])
        c, seen = C('build metrics.csv'), set()
        for r in parse(read(os.path.join(d, 'hostile.metrics.csv'))):
            seen.add(c.entity(r))
        eq(seen, set(ENTS), 'build metrics.csv: entities')
        c, seen = C('build communities.csv'), set()
        for r in parse(read(os.path.join(d, 'hostile.communities.csv'))):
            seen.add(c.entity(r))
            c.number(r['community'], 'community')
        eq(seen, set(ENTS), 'build communities.csv: entities')


# ---- export: csv and neo4j -------------------------------------------------

def export_csv(tmp):
    for guarded in (True, False):
        opt = [] if guarded else ['--no-formula-guard']
        p = os.path.join(tmp, 'x%d' % guarded)
        run(['export', '-f', 'csv', '-o', p] + opt + ['--', FIXTURE])
        c = Cells(guarded, 'export csv nodes')
        rows = rows_csv(read(p + '.nodes.csv'))
        head = list(rows[0])
        # attribute keys are column names: the guard covers them too
        check((("'+key" if guarded else '+key') in head),
              'export csv: header of attr +key: %r' % head)
        key = "'+key" if guarded else '+key'
        seen = set()
        for r in rows:
            eid = c.entity(r)
            seen.add(eid)
            if eid is None:
                continue
            c.eq(r['aliases'], '; '.join(aliases(eid)), 'aliases')
            attrs = ENTS[eid].get('attrs', {})
            if 'note' in attrs:
                c.eq(r['note'], attrs['note'], 'attr note')
            if '+key' in attrs:
                c.eq(r[key], attrs['+key'], 'attr +key')
            if 'score' in attrs:
                eq(float(r['score']), float(attrs['score']), 'attr score')
            for k in ('degree', 'pagerank', 'net_strength', 'score'):
                c.number(r[k], k)
        eq(seen, set(ENTS), 'export csv: nodes')
        c = Cells(guarded, 'export csv edges')
        rows = rows_csv(read(p + '.edges.csv'))
        eq(len(rows), len(FACT_PAIRS), 'export csv: edges')
        for r in rows:
            a, b = c.plain(r['source']), c.plain(r['target'])
            c.eq(r['source'], a, 'source')
            c.eq(r['target'], b, 'target')
            facts = FACT_PAIRS.get(frozenset((a, b)))
            if not check(facts, 'export csv: edge %r %r' % (short(a),
                                                           short(b))):
                continue
            f = facts[0]
            c.eq(r['relation'], f['relation'], 'relation')
            c.eq(r['evidence'], f['evidence'], 'evidence')
            c.eq(r['sources'], '; '.join(srcs(f)), 'sources')
            for k in ('weight', 'count', 'sign'):
                c.number(r[k], k)


def export_neo4j(tmp):
    for guarded in (True, False):
        opt = [] if guarded else ['--no-formula-guard']
        d = os.path.join(tmp, 'neo%d' % guarded)
        run(['export', '-f', 'neo4j', '-o', d] + opt + ['--', FIXTURE])
        c, seen = Cells(guarded, 'neo4j nodes'), set()
        for r in rows_csv(read(os.path.join(d, 'nodes.csv'))):
            seen.add(c.entity(r, 'id:ID', 'label', ':LABEL'))
            c.number(r['degree:long'], 'degree')
        eq(seen, set(ENTS), 'neo4j: nodes')
        c, seen = Cells(guarded, 'neo4j relationships'), set()
        for r in rows_csv(read(os.path.join(d, 'relationships.csv'))):
            f = c.fact(r, ':START_ID', ':END_ID', 'evidence', 'sources',
                       by_label=False)
            if not f:
                continue
            seen.add(r['location'])
            upper = re.sub('[a-z]+', lambda m: m.group(0).upper(),
                           f['relation'])
            c.eq(r[':TYPE'], upper, ':TYPE')
            c.number(r['weight:double'], 'weight')
            c.number(r['sign:long'], 'sign')
            c.eq(r['fact'], f.get('id', ''), 'fact')
        eq(len(seen), len(FX['facts']), 'neo4j: relationships')


# ---- json tables -------------------------------------------------------------

def table_json(tmp):
    c = Cells(False, 'metrics json')  # json is never guarded
    rows = json.loads(out(['metrics', '-f', 'json']))
    eq({c.entity(r) for r in rows}, set(ENTS), 'metrics json: entities')
    ev = json.loads(out(['evolve', '-f', 'json']))
    for t in ('nodes', 'ranks'):
        c = Cells(False, 'evolve json ' + t)
        for r in ev[t]:
            c.entity(r)
    labels = {label(e) for e in ENTS}
    for r in ev['communities']:
        check(joined(r['members'], labels), 'evolve json: members %r'
              % short(r['members']))
    c = Cells(False, 'evidence json')
    rows = json.loads(out(['evidence', '-f', 'json']))
    eq(len(rows), len(FX['facts']), 'evidence json: facts')
    for r in rows:
        c.fact(r)
        c.entity(r, 'from_id', 'from', None)
    b = json.loads(out(['balance', '-f', 'json', '--all']))
    check(b['triangles'], 'balance json: no triangle')
    for t in b['triangles']:
        for n in t['nodes']:
            check(n in ENTS, 'balance json: node %r' % short(n))
        for p in t['pairs']:
            for f in p['facts']:
                want = fact_at(f['location'])
                if want:
                    eq(f['subject'], want['subject'], 'balance json subject')
                    eq(f['object'], want['object'], 'balance json object')
                    eq(f['relation'], want['relation'], 'balance json rel')
                    eq(f['quote'], want['evidence'], 'balance json quote')
                    eq(f['source'], srcs(want), 'balance json source')


# ---- markdown ----------------------------------------------------------------

def md_escape(s):
    """TABLES.md: | and \\ get a backslash, line breaks are <br>."""
    s = s.replace('\\', '\\\\').replace('|', '\\|')
    return breaks(s).replace('\n', '<br>')


def md_split(line):
    """Cells of a table row, with two readers: GitHub's (a pipe after a
    backslash is escaped) and pandoc's / CommonMark's (backslash pairs
    first). Both must agree, else the row means different things to
    them."""
    gfm = re.split(r'(?<!\\)\|', line)
    cm, cur, i = [], [], 0
    while i < len(line):
        if line[i] == '\\' and i + 1 < len(line):
            cur.append(line[i:i + 2])
            i += 2
        elif line[i] == '|':
            cm.append(''.join(cur))
            cur = []
            i += 1
        else:
            cur.append(line[i])
            i += 1
    cm.append(''.join(cur))
    return gfm, cm


def md_unescape(cell):
    cell = re.sub(r'\\([\\|])', r'\1', cell.strip(' \t'))
    return cell.replace('<br>', '\n')


def md_tables(text, what):
    """Every table of a Markdown text as a list of dicts; checks that no
    row is broken."""
    check('\r' not in text, what + ': a raw CR')
    tables, cur = [], None
    for n, line in enumerate(text.split('\n'), 1):
        if not line.startswith('|'):
            cur = None
            continue
        gfm, cm = md_split(line)
        check(len(gfm) == len(cm),
              '%s:%d: GitHub sees %d cells, pandoc %d' % (what, n, len(gfm),
                                                          len(cm)))
        check(line.endswith('|') and gfm[0] == '' and gfm[-1] == '',
              '%s:%d: the row does not end with |' % (what, n))
        cells = [md_unescape(c) for c in cm[1:-1]]
        if cur is None:
            cur = {'head': cells, 'rows': [], 'line': n}
            tables.append(cur)
        elif n == cur['line'] + 1:  # the delimiter row
            check(all(re.fullmatch('-+:?', c) for c in cells),
                  '%s:%d: delimiter row %r' % (what, n, short(line)))
        else:
            if check(len(cells) == len(cur['head']),
                     '%s:%d: %d cells, the header has %d'
                     % (what, n, len(cells), len(cur['head']))):
                cur['rows'].append(dict(zip(cur['head'], cells)))
    return tables


def md_cell(s):
    """What a cell must read after unescaping: GitHub trims white space."""
    return breaks(s).strip(' \t')


def md_entity(r, what, idc='id', labc='label'):
    eid = next((e for e in ENTS if md_cell(e) == r[idc]), None)
    if check(eid, '%s: unknown id %r' % (what, short(r[idc]))):
        eq(r[labc], md_cell(label(eid)), '%s: label' % what)
    return eid


def table_md(tmp):
    title = md_escape(FX['title'])
    t = md_tables(out(['metrics', '-f', 'md']), 'metrics md')
    # md shows human headers (Id, Entity; docs/TABLES.md), csv the ids.
    eq({md_entity(r, 'metrics md', 'Id', 'Entity') for r in t[0]['rows']},
       set(ENTS),
       'metrics md: entities')
    text = out(['evolve'])
    eq(text.split('\n')[0], '# Evolution: ' + title, 'evolve md: title')
    for tab in md_tables(text, 'evolve md'):
        for r in tab['rows']:
            if 'label' in r:
                md_entity(r, 'evolve md')
            if 'members' in r:
                labels = {breaks(label(e)) for e in ENTS}
                check(joined(r['members'], labels) or
                      joined(r['members'], {md_cell(x) for x in labels}),
                      'evolve md: members %r' % short(r['members']))
    text = out(['balance', '--all'])
    lines = text.split('\n')
    eq(lines[0], '# Structural balance: ' + title, 'balance md: title')
    heads = [l for l in lines if l.startswith('### ')]
    check(heads, 'balance md: no triangle heading')
    for h in heads:
        m = re.fullmatch(r'### \d+\. (.*) \((...), (un)?balanced\)', h)
        if check(m, 'balance md: heading %r' % short(h)):
            names = [md_escape(label(e)) for e in ENTS]
            rest, found = m.group(1), 0
            # three labels joined by ", " (labels may hold ", " too)
            for a in names:
                for b in names:
                    for c in names:
                        found += rest == ', '.join((a, b, c))
            eq(found, 1, 'balance md: heading labels %r' % short(rest))
    for tab in md_tables(text, 'balance md'):
        for r in tab['rows']:
            if 'quote' not in r:
                continue
            f = next((f for f in FX['facts']
                      if md_cell(f['evidence']) == r['quote']), None)
            if check(f, 'balance md: quote %r' % short(r['quote'])):
                eq(r['subject'], md_cell(label(f['subject'])),
                   'balance md: subject')
                eq(r['relation'], md_cell(f['relation']),
                   'balance md: relation')
                eq(r['object'], md_cell(label(f['object'])),
                   'balance md: object')
    d = build(tmp)
    text = read(os.path.join(d, 'hostile.summary.md'))
    eq(text.split('\n')[0], '# ' + title, 'build summary.md: title')
    for tab in md_tables(text, 'build summary.md'):
        for r in tab['rows']:
            if 'label' in r and 'id' in r:
                md_entity(r, 'build summary.md')


def evidence_md(tmp):
    """EVIDENCE.md: every Markdown character escaped with a backslash, line
    breaks and tabs as spaces, a quote on one line."""
    text = out(['evidence'])
    check('\r' not in text, 'evidence md: a raw CR')
    lines = text.split('\n')
    punct = re.compile(r'\\([!-/:-@\[-`{-~])')
    quotes = []
    end = lines.index('## Sources')
    for i, line in enumerate(lines[:end]):
        if line.startswith('- **'):
            nxt = lines[i + 1] if i + 1 < len(lines) else ''
            if check(nxt.startswith('  > '), 'evidence md: fact line %d has '
                     'no quote under it' % (i + 1)):
                q = nxt[4:]
                # No unescaped Markdown character is left.
                bare = punct.sub('', q)
                check(not re.search(r'[\\`*_\[\]<>|#&~$^@]', bare),
                      'evidence md: unescaped character in %r' % short(q))
                check(not re.match(r'\s*([-+=]|\d+[.)])', q),
                      'evidence md: quote %r starts a block' % short(q))
                quotes.append(punct.sub(r'\1', q))
    want = sorted(re.sub(r'[\r\n\t]', ' ', f['evidence']).lstrip(' ')
                  for f in FX['facts'])
    eq(sorted(quotes), want, 'evidence md: quotes')
    headings = [l for l in lines if re.match(r'## \d+\. ', l)]
    eq(len(headings), len(FACT_PAIRS), 'evidence md: one heading per edge')
    src = [l for l in lines[end:] if l.startswith('- **')]
    eq(len(src), len(SOURCES), 'evidence md: sources listed')
    for line in src:
        check(not re.search(r'<(?!https?://)', line.replace('\\<', '')),
              'evidence md: source line %r holds a raw < or a non-http '
              'autolink' % short(line))
    check(any('javascript:alert' in punct.sub(r'\1', l) for l in src),
          'evidence md: the javascript: URL is not listed as text')


# ---- latex -------------------------------------------------------------------

TEX = {'&': r'\&', '%': r'\%', '$': r'\$', '#': r'\#', '_': r'\_',
       '{': r'\{', '}': r'\}', '~': r'\textasciitilde{}',
       '^': r'\textasciicircum{}', '\\': r'\textbackslash{}',
       '<': r'\textless{}', '>': r'\textgreater{}', '|': r'\textbar{}'}


def tex_escape(s):
    """TABLES.md: & % $ # _ { } get a backslash, ~ ^ \\ < > | their \\text
    commands, line breaks, tabs and other control characters a space, and
    a leading [ or * a {} in front."""
    out = ['{}'] if s[:1] in ('[', '*') else []
    for c in s:
        if c in TEX:
            out.append(TEX[c])
        elif ord(c) < 32 or ord(c) == 127:
            out.append(' ')
        else:
            out.append(c)
    return ''.join(out)


def triangle_facts():
    """The facts on the pairs of the fixture's triangles."""
    ids = sorted(ENTS)
    tri = set()
    for i, a in enumerate(ids):
        for j, b in enumerate(ids[i + 1:], i + 1):
            for c in ids[j + 1:]:
                ps = [frozenset(x) for x in ((a, b), (b, c), (a, c))]
                if all(p in FACT_PAIRS for p in ps):
                    tri.update(ps)
    check(tri, 'the fixture has no triangle')
    return [f for p in tri for f in FACT_PAIRS[p]]


def tex_rows(text, what):
    """Checks every tabular row has as many unescaped & as its columns."""
    ncols = None
    for n, line in enumerate(text.split('\n'), 1):
        m = re.match(r'\\begin\{(tabular|longtable)\}(\{@\{\})?\{?([lrcp]*)',
                     line)
        if m:
            ncols = len(m.group(3)) if m.group(1) == 'tabular' else 4
            continue
        if ncols and line.endswith(' \\\\') and not line.startswith(
                ('\\multicolumn', '\\caption')):
            amps = len(re.findall(r'(?<!\\)&', line))
            check(amps == ncols - 1, '%s:%d: %d column separators, want %d'
                  % (what, n, amps, ncols - 1))


def pdflatex(texts, tmp, what):
    """Compiles the fragments in one document; every character beyond
    Latin-1 is declared (pdflatex has no glyphs for RTL scripts or emoji:
    TABLES.md says to use xelatex for them), so what is tested is the
    escaping."""
    if not shutil.which('pdflatex'):
        skipped.append('pdflatex is not installed: %s not compiled' % what)
        return
    chars = sorted({c for t in texts for c in t if ord(c) > 0xff})
    decl = ''.join('\\DeclareUnicodeCharacter{%04X}{?}\n' % ord(c)
                   for c in chars)
    doc = ('\\documentclass{article}\n\\usepackage[T1]{fontenc}\n'
           '\\usepackage[utf8]{inputenc}\n'
           '\\usepackage{booktabs,longtable,tabularx}\n'
           + decl + '\\begin{document}\n' + '\n\\clearpage\n'.join(texts)
           + '\n\\end{document}\n')
    d = tempfile.mkdtemp(dir=tmp)
    with open(os.path.join(d, 'doc.tex'), 'w', encoding='utf-8') as fp:
        fp.write(doc)
    for _ in range(2):  # longtable needs two runs to settle
        p = subprocess.run(['pdflatex', '-interaction=nonstopmode',
                            '-halt-on-error', 'doc.tex'], cwd=d,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = p.stdout.decode('utf-8', 'replace')
    errors = [l for l in log.split('\n') if l.startswith('! ')]
    check(p.returncode == 0 and not errors, '%s: pdflatex failed: %s\n%s'
          % (what, errors, log[-1500:]))


def table_latex(tmp):
    texts = []
    t = out(['metrics', '-f', 'latex'])
    for e in ENTS:  # latex: the label and three centralities by default
        check('\n' + tex_escape(label(e)) + ' & ' in t,
              'metrics latex: row of %r' % short(e))
    check('\\caption{' not in t, 'metrics latex: caption without --caption')
    texts.append(t)
    t = out(['metrics', '-f', 'latex', '--caption', FX['title']])
    check('\\caption{' + tex_escape(FX['title']) + '}' in t,
          'metrics latex: --caption escaped')
    texts.append(t)
    t = out(['evolve', '-f', 'latex'])
    for e in ENTS:  # latex: period and label (no id), then the metrics
        check(' & ' + tex_escape(label(e)) + ' & ' in t or
              not any(e in (f['subject'], f['object']) and 'date' in f
                      for f in FX['facts']),
              'evolve latex: row of %r' % short(e))
    texts.append(t)
    for table in ('triangles', 'summary'):
        texts.append(out(['balance', '-f', 'latex', '--all', '--table',
                          table]))
    for f in triangle_facts():
        check(tex_escape(f['evidence']) in texts[-2],
              'balance latex: quote %r' % short(f['evidence']))
        check(tex_escape(f['relation']) in texts[-2],
              'balance latex: relation %r' % short(f['relation']))
    t = out(['evidence', '-f', 'latex'])
    for f in FX['facts']:
        # evidence lets a line break after a / in a quote (\slash{})
        check("``" + tex_escape(f['evidence']).replace('/', '\\slash{}')
              + "''" in t,
              'evidence latex: quote %r' % short(f['evidence']))
        check(tex_escape(label(f['subject'])) + ' \\emph{'
              + tex_escape(f['relation']) + '} '
              + tex_escape(label(f['object'])) in t,
              'evidence latex: fact %r' % short(f.get('id', f['evidence'])))
    for s in SOURCES:
        check('\\item[{' + tex_escape(s) + '}]' in t,
              'evidence latex: source %r' % s)
    texts.append(t)
    d = build(tmp)
    t = read(os.path.join(d, 'hostile.metrics.tex'))
    check('\\caption{Network metrics: ' + tex_escape(FX['title']) + '}' in t,
          'build metrics.tex: caption (the whole title, escaped)')
    texts.append(t)
    for i, t in enumerate(texts):
        tex_rows(t, 'latex output %d' % i)
        check(not re.search('[\x00-\x08\x0b-\x1f\x7f]', t),
              'latex output %d: a control character' % i)
    pdflatex(texts, tmp, 'the LaTeX tables')


# ---- graphviz: dot and svg ---------------------------------------------------

def undot_id(s):
    """n_<id> back to the entity id (DIAGRAMS.md: _XX is a byte)."""
    raw, i = bytearray(), 0
    while i < len(s):
        if s[i] == '_':
            raw.append(int(s[i + 1:i + 3], 16))
            i += 3
        else:
            raw.append(ord(s[i]))
            i += 1
    return raw.decode('utf-8')


def dot_unescape(s, times, what):
    """A DOT string as Graphviz shows it: \\\\ is \\ (twice for a tooltip,
    DIAGRAMS.md), \\n a line break, &amp; an &; any other backslash escape
    or a raw & would be a bug (Graphviz would expand it)."""
    for _ in range(times):
        out, i = [], 0
        while i < len(s):
            if s[i] == '\\' and i + 1 < len(s) and s[i + 1] in '\\n':
                out.append('\\' if s[i + 1] == '\\' else '\n')
                i += 2
            elif s[i] == '\\':
                fail('%s: unexpected escape %r' % (what, s[i:i + 2]))
                i += 1
            else:
                out.append(s[i])
                i += 1
        s = ''.join(out)
    check(not re.search(r'&(?!amp;)', s), '%s: a raw & in %r'
          % (what, short(s)))
    return s.replace('&amp;', '&')


def node_tooltip(eid):
    t = '%s\nid: %s\ntype: %s' % (label(eid), eid, ENTS[eid]['type'])
    if aliases(eid):
        t += '\nalso: ' + '; '.join(aliases(eid))
    return t


def xdot_text(obj, key='_ldraw_'):
    return [op['text'] for op in obj.get(key, []) if op['op'] == 'T']


def title_lines(suffix=''):
    """The title as drawn (an HTML label: tab as space), and evolve's
    ": PERIOD" after it."""
    return (display(FX['title']).replace('\t', ' ') + suffix).split('\n')


def check_dot(path, what, entities=None, pairs=None, suffix='',
              legend_shown=True):
    """Reads a DOT file with Graphviz (dot -Tjson: cgraph's parser, and the
    text Graphviz draws) and checks it against the fixture; entities: the
    nodes drawn (default all), with only their dated facts."""
    p = subprocess.run(['dot', '-Tjson', path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if not check(p.returncode == 0, '%s: dot -Tjson failed: %s'
                 % (what, p.stderr.decode()[:500])):
        return
    g = json.loads(p.stdout.decode('utf-8'))
    # the title: the first drawn lines of the graph label (tab as space)
    title = title_lines(suffix)
    eq(xdot_text(g)[:len(title)], title, what + ': title as drawn')
    nodes = {}
    legend = []
    for o in g.get('objects', []):
        if 'nodes' in o and 'edges' in o:  # a subgraph
            continue
        cls = o.get('class', '')
        if 'legend' in cls.split():
            legend += xdot_text(o)
            continue
        eid = undot_id(o.get('id', 'n_')[2:])
        if not check(eid in ENTS, '%s: node id %r is no entity'
                     % (what, o.get('id'))):
            continue
        nodes[eid] = o
        want = display(label(eid))
        lab = dot_unescape(o.get('label', ''), 1, what + ' label')
        # --wrap turns spaces into line breaks and nothing else
        eq(lab.replace('\n', ' '), want.replace('\n', ' '),
           '%s: label of %r' % (what, short(eid)))
        eq(' '.join(xdot_text(o)), want.replace('\n', ' '),
           '%s: drawn text of %r' % (what, short(eid)))
        eq(dot_unescape(o.get('tooltip', ''), 2, what + ' tooltip'),
           display(node_tooltip(eid)), '%s: tooltip of %r'
           % (what, short(eid)))
    eq(set(nodes), set(entities if entities is not None else ENTS),
       what + ': nodes')
    # the legend draws each type and relation shown, one drawn line each
    drawn = '\n'.join(legend)
    for eid in nodes:
        t = display(ENTS[eid]['type']).replace('\t', ' ')
        check(t in legend or not legend_shown,
              '%s: type %r not in the legend' % (what, t))
    gv = {o['_gvid']: o for o in g.get('objects', [])}
    tips = {}  # pair -> its edges' tooltips (--multi: one edge per fact)
    for e in g.get('edges', []):
        if 'legend' in e.get('class', '').split():
            continue
        pair = frozenset((undot_id(gv[e['tail']]['id'][2:]),
                          undot_id(gv[e['head']]['id'][2:])))
        tips[pair] = tips.get(pair, '') + '\n' + dot_unescape(
            e.get('tooltip', ''), 2, what + ' edge tooltip')
        if 'xlabel' in e:  # --edge-labels relation with --multi: the fact's
            lab = dot_unescape(e['xlabel'], 1, what + ' edge label')
            rels = [display(rel_label(f['relation']))
                    for f in FACT_PAIRS.get(pair, [])]
            check(lab.replace('\n', ' ') in [r.replace('\n', ' ')
                                              for r in rels],
                  '%s: edge label %r' % (what, short(lab)))
            check(' '.join(xdot_text(e)) == lab.replace('\n', ' '),
                  '%s: edge label drawn as %r' % (what, xdot_text(e)))
    for pair, tip in tips.items():
        for f in FACT_PAIRS.get(pair, []):
            if entities is not None and 'date' not in f:
                continue
            line = '%s %s %s' % (display(label(f['subject'])),
                                 display(f['relation']),
                                 display(label(f['object'])))
            check(line in tip, '%s: edge tooltip lacks %r' % (what,
                                                             short(line)))
            for s in srcs(f):
                check(display(s) in tip, '%s: edge tooltip lacks source %r'
                      % (what, s))
            rel = display(rel_label(f['relation'])).replace('\t', ' ')
            check(all(x in drawn for x in rel.split('\n')) or
                  not legend_shown,
                  '%s: relation %r not in the legend' % (what, rel))
    check(bool(legend) == legend_shown, what + ': legend drawn or not')
    eq(set(tips), set(FACT_PAIRS) if pairs is None else pairs,
       what + ': edges')


def dot_formats(fmt, tmp):
    if not shutil.which('dot'):
        skipped.append('Graphviz dot is not installed')
        return
    if fmt == 'dot':
        p = os.path.join(tmp, 'h.dot')
        run(['dot', '-o', p, '--', FIXTURE])
        check_dot(p, 'factnet dot')
        p = os.path.join(tmp, 'nolegend.dot')
        run(['dot', '--no-legend', '--wrap', '0', '-o', p, '--', FIXTURE])
        check_dot(p, 'factnet dot --no-legend --wrap 0', legend_shown=False)
        p = os.path.join(tmp, 'multi.dot')
        run(['dot', '--multi', '--edge-labels', 'relation', '-o', p, '--',
             FIXTURE])
        check_dot(p, 'factnet dot --multi --edge-labels relation')
        # --collapse: community nodes named by a (cut) member label
        p = os.path.join(tmp, 'collapse.dot')
        run(['dot', '--collapse', 'communities', '-o', p, '--', FIXTURE])
        r = subprocess.run(['dot', '-Tjson', p], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if check(r.returncode == 0, 'dot --collapse: Graphviz cannot read '
                 'it: %s' % r.stderr.decode()[:300]):
            g = json.loads(r.stdout.decode('utf-8'))
            check(any(o.get('class') == 'community' for o in g['objects']),
                  'dot --collapse: no community node')
    elif fmt == 'build-dot':
        check_dot(os.path.join(build(tmp), 'hostile.dot'), 'build dot')
    else:
        for period, ents, pairs in evolve_diagrams(tmp):
            check_dot(os.path.join(tmp, 'evolve', period + '.dot'),
                      'evolve --dot ' + period, ents, pairs, ': ' + period)


def evolve_diagrams(tmp):
    """(period, entities with a dated fact in it) for each evolve diagram."""
    d = os.path.join(tmp, 'evolve')
    run(['evolve', '--dot', d, '-o', os.path.join(tmp, 'ev.md'), '--',
         FIXTURE])
    periods = {}
    for f in FX['facts']:
        if 'date' in f:  # no fixture fact spans two years
            periods.setdefault(f['date'][:4], []).append(f)
    eq(sorted(x[:-4] for x in os.listdir(d) if x.endswith('.dot')),
       sorted(periods), 'evolve --dot: one diagram per period')
    return [(p, {e for f in fs for e in (f['subject'], f['object'])},
             {frozenset((f['subject'], f['object'])) for f in fs})
            for p, fs in sorted(periods.items())]


def check_svg(path, what, entities=None, pairs=None, suffix=''):
    """tests/dot/check_svg.py (nodes: text, tooltips, ids, classes; edges;
    legend types), then the title, the relation names in the legend and
    each fact in its edge's tooltip."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail('%s: not XML: %s' % (what, e))
        return
    if entities is None:
        p = subprocess.run([sys.executable, CHECK_SVG, path, FIXTURE],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        check(p.returncode == 0, '%s: check_svg.py: %s' % (what,
                                                          p.stdout.decode()))
    spaces = lambda s: re.sub(r'(?<= ) ', '\u00a0', s)
    groups = {g.get('id'): g for g in root.iter(SVG + 'g') if g.get('id')}
    top = [t.text or '' for t in root.find(SVG + 'g').findall(SVG + 'text')]
    title = [spaces(x) for x in title_lines(suffix)]
    eq(top[:len(title)], title, what + ': title')
    legend = '\n'.join(t.text or '' for g in groups.values()
                       if 'legend' in (g.get('class') or '').split()
                       for t in g.iter(SVG + 'text'))
    seen, drawn_pairs = set(), set()
    for gid, g in groups.items():
        cls = (g.get('class') or '').split()
        if cls[:1] == ['node'] and 'legend' not in cls and gid[:2] == 'n_':
            eid = undot_id(gid[2:])
            seen.add(eid)
            if entities is not None:
                text = ' '.join(t.text or '' for t in g.iter(SVG + 'text'))
                eq(text, spaces(display(label(eid))).replace('\n', ' '),
                   '%s: text of %r' % (what, short(eid)))
        if cls[:1] != ['edge'] or 'legend' in cls:
            continue
        a = g.find('.//' + SVG + 'a')
        tip = a.get(XLINK + 'title') if a is not None else ''
        ends = [undot_id(x[2:]) for x in
                (g.findtext(SVG + 'title') or '').split('->')]
        drawn_pairs.add(frozenset(ends))
        for f in FX['facts']:
            if {f['subject'], f['object']} != set(ends[:2]):
                continue
            if entities is not None and 'date' not in f:
                continue
            rel = display(f['relation']).replace('\t', ' ')
            check(rel in tip, '%s: edge tooltip lacks relation %r'
                  % (what, rel))
            for s in srcs(f):
                check(display(s) in tip, '%s: edge tooltip lacks source %r'
                      % (what, s))
            shown = display(rel_label(f['relation'])).replace('\t', ' ')
            check(all(spaces(x) in legend for x in shown.split('\n')),
                  '%s: relation %r not in the legend' % (what, shown))
    if entities is not None:
        eq(seen, set(entities), what + ': nodes')
    eq(drawn_pairs, set(FACT_PAIRS) if pairs is None else pairs,
       what + ': edges')


def svg_formats(fmt, tmp):
    if fmt == 'svg':
        p = os.path.join(tmp, 'h.svg')
        run(['render', '-o', p, '--', FIXTURE])
        check_svg(p, 'factnet render')
    elif fmt == 'build-svg':
        check_svg(os.path.join(build(tmp), 'hostile.svg'), 'build svg')
    else:
        for period, ents, pairs in evolve_diagrams(tmp):
            check_svg(os.path.join(tmp, 'evolve', period + '.svg'),
                      'evolve --dot ' + period + '.svg', ents, pairs,
                      ': ' + period)


# ---- graph exports -----------------------------------------------------------

def export(fmt, tmp, ext):
    p = os.path.join(tmp, 'h.' + ext)
    run(['export', '-f', fmt, '-o', p, '--', FIXTURE])
    return p


def single_fact_edges():
    return {k: v[0] for k, v in FACT_PAIRS.items() if len(v) == 1}


def graphml(tmp):
    root = ET.parse(export('graphml', tmp, 'graphml')).getroot()
    keys = {k.get('id'): k.get('attr.name')
            for k in root.iter(GML_NS + 'key')}
    graph = root.find(GML_NS + 'graph')
    data = lambda el: {keys[d.get('key')]: d.text or ''
                       for d in el.findall(GML_NS + 'data')}
    eq(data(graph).get('title'), xml_safe(FX['title']), 'graphml: title')
    seen, ids = set(), {xml_safe(e): e for e in ENTS}
    for n in graph.iter(GML_NS + 'node'):
        eid = ids.get(n.get('id'))
        if not check(eid, 'graphml: node id %r' % short(n.get('id'))):
            continue
        seen.add(eid)
        d = data(n)
        eq(d.get('label'), xml_safe(label(eid)), 'graphml: label')
        eq(d.get('type'), xml_safe(ENTS[eid]['type']), 'graphml: type')
        eq(d.get('aliases'), xml_safe('; '.join(aliases(eid))) or None,
           'graphml: aliases of %r' % short(eid))
        for k, v in ENTS[eid].get('attrs', {}).items():
            if isinstance(v, str) and k in ('note', '+key'):
                eq(d.get(k), xml_safe(v), 'graphml: attr ' + k)
    eq(seen, set(ENTS), 'graphml: nodes')
    one, pairs = single_fact_edges(), set()
    for e in graph.iter(GML_NS + 'edge'):
        pair = frozenset((ids.get(e.get('source')), ids.get(e.get('target'))))
        pairs.add(pair)
        f = one.get(pair)
        if f:
            d = data(e)
            eq(d.get('relation'), xml_safe(f['relation']), 'graphml: rel')
            eq(d.get('evidence'), xml_safe(f['evidence']), 'graphml: quote')
            eq(d.get('sources'), xml_safe('; '.join(srcs(f))),
               'graphml: sources')
    eq(pairs, set(FACT_PAIRS), 'graphml: edges')


def gexf(tmp):
    root = ET.parse(export('gexf', tmp, 'gexf')).getroot()
    graph = root.find(GEXF_NS + 'graph')
    attrs = {}
    for block in graph.findall(GEXF_NS + 'attributes'):
        for a in block.findall(GEXF_NS + 'attribute'):
            attrs[(block.get('class'), a.get('id'))] = a.get('title')

    def values(el, cls):
        return {attrs[(cls, v.get('for'))]: v.get('value')
                for v in el.iter(GEXF_NS + 'attvalue')}

    seen, ids = set(), {xml_safe(e): e for e in ENTS}
    for n in graph.iter(GEXF_NS + 'node'):
        eid = ids.get(n.get('id'))
        if not check(eid, 'gexf: node id %r' % short(n.get('id'))):
            continue
        seen.add(eid)
        eq(n.get('label'), xml_safe(label(eid)), 'gexf: label')
        v = values(n, 'node')
        eq(v.get('type'), xml_safe(ENTS[eid]['type']), 'gexf: type')
        eq(v.get('aliases'), xml_safe('; '.join(aliases(eid))) or None,
           'gexf: aliases of %r' % short(eid))
        note = ENTS[eid].get('attrs', {}).get('note')
        if note:
            eq(v.get('note'), xml_safe(note), 'gexf: attr note')
    eq(seen, set(ENTS), 'gexf: nodes')
    one, pairs = single_fact_edges(), set()
    for e in graph.iter(GEXF_NS + 'edge'):
        pair = frozenset((ids.get(e.get('source')), ids.get(e.get('target'))))
        pairs.add(pair)
        f = one.get(pair)
        if f:
            eq(e.get('label'), xml_safe(f['relation']), 'gexf: edge label')
            eq(values(e, 'edge').get('evidence'), xml_safe(f['evidence']),
               'gexf: quote')
    eq(pairs, set(FACT_PAIRS), 'gexf: edges')


def gml_key(k):
    """EXPORT.md: other characters become _, a name not starting with a
    letter gets an a in front."""
    k = re.sub('[^A-Za-z0-9_]', '_', k)
    return k if k[:1].isalpha() else 'a' + k


def gml(tmp):
    import networkx as nx
    G = nx.read_gml(export('gml', tmp, 'gml'), label='name')
    eq(G.graph.get('title'), FX['title'], 'gml: title')
    eq(set(G.nodes), set(ENTS), 'gml: nodes')
    for eid, d in G.nodes(data=True):
        if eid not in ENTS:
            continue
        eq(d.get('label'), label(eid), 'gml: label')
        eq(d.get('type'), ENTS[eid]['type'], 'gml: type')
        eq(d.get('aliases'), '; '.join(aliases(eid)) or None,
           'gml: aliases of %r' % short(eid))
        for k, v in ENTS[eid].get('attrs', {}).items():
            if k in ('note', '+key'):
                eq(d.get(gml_key(k)), v, 'gml: attr %r' % k)
    one = single_fact_edges()
    for a, b, d in G.edges(data=True):
        f = one.get(frozenset((a, b)))
        if f:
            eq(d.get('relation'), f['relation'], 'gml: relation')
            eq(d.get('evidence'), f['evidence'], 'gml: quote')
    eq({frozenset(e) for e in G.edges}, set(FACT_PAIRS), 'gml: edges')


def node_link(tmp):
    import networkx as nx
    data = json.load(open(export('json', tmp, 'json'), encoding='utf-8'))
    G = nx.node_link_graph(data)
    eq(G.graph.get('title'), FX['title'], 'json: title')
    eq(set(G.nodes), set(ENTS), 'json: nodes')
    for eid, d in G.nodes(data=True):
        if eid not in ENTS:
            continue
        eq(d.get('label'), label(eid), 'json: label')
        eq(d.get('aliases'), aliases(eid) or None, 'json: aliases')
        for k, v in ENTS[eid].get('attrs', {}).items():
            if k in ('note', '+key'):
                eq(d.get(k), v, 'json: attr %r' % k)
    one = single_fact_edges()
    for a, b, d in G.edges(data=True):
        f = one.get(frozenset((a, b)))
        if f:
            eq(d.get('relation'), f['relation'], 'json: relation')
            eq(d.get('evidence'), f['evidence'], 'json: quote')
    eq({frozenset(e) for e in G.edges}, set(FACT_PAIRS), 'json: edges')


def pajek_label(s):
    """EXPORT.md: " is written ', a line break (CR or LF) a space."""
    return s.replace('"', "'").replace('\r', ' ').replace('\n', ' ')


def pajek(tmp):
    p = export('pajek', tmp, 'net')
    order = [e['id'] for e in FX['entities']]  # input order
    want = [pajek_label(label(e)) for e in order]
    with open(p, encoding='utf-8', newline='') as fp:
        lines = fp.read().split('\n')
    check(lines[0].startswith('*Network '), 'pajek: first line')
    eq(lines[0], '*Network ' + pajek_label(FX['title']), 'pajek: title')
    i = lines.index('*Vertices %d' % len(order))
    got = []
    for n, line in enumerate(lines[i + 1:i + 1 + len(order)], 1):
        m = re.fullmatch(r'(\d+) "([^"]*)"', line)
        if check(m and int(m.group(1)) == n, 'pajek: vertex line %r'
                 % short(line)):
            got.append(m.group(2))
    eq(got, want, 'pajek: labels (line reader)')
    import igraph
    g = igraph.Graph.Read_Pajek(p)
    eq(g.vs['id'], want, 'pajek: labels (igraph)')
    eq(g.ecount(), len(FACT_PAIRS), 'pajek: edges (igraph)')


# ---- html --------------------------------------------------------------------

class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.starts, self.ends = [], []

    def handle_starttag(self, tag, attrs):
        self.starts.append(tag)

    def handle_endtag(self, tag):
        self.ends.append(tag)


def html_check(path, control, what):
    text = read(path)
    p = Tags()
    p.feed(text)
    p.close()
    c = Tags()
    c.feed(read(control))
    c.close()
    for tag in ('script', 'img', 'svg', 'iframe', 'object'):
        eq(p.starts.count(tag), c.starts.count(tag),
           '%s: <%s> elements (a benign corpus has the same)' % (what, tag))
    eq(text.lower().count('<script'), read(control).lower().count('<script'),
       what + ': "<script" in the text')
    check('<script>alert' not in text, what + ': a raw <script> from a quote')


def html_formats(tmp):
    ctl = os.path.join(tmp, 'control.html')
    run(['report', '-o', ctl, '--', 'docs/examples/rcep.json'])
    p = os.path.join(tmp, 'h.html')
    run(['report', '-o', p, '--', FIXTURE])
    html_check(p, ctl, 'factnet report')
    html_check(os.path.join(build(tmp), 'hostile.html'), ctl, 'build html')


# ---- the formula guard itself ------------------------------------------------

def formula_guard(tmp):
    """Exact bytes: guarded cells are quoted with a ' inside; numbers,
    plain-number labels and balance's signs are untouched either way; the
    option exists on exactly the commands that write CSV."""
    eq_id = '=HYPERLINK("http://x.example/?q=1","click") & <b>'
    for guarded in (True, False):
        opt = [] if guarded else ['--no-formula-guard']
        text = out(['metrics', '-f', 'csv'] + opt)
        lines = text.split('\n')
        row = next((l for l in lines if l.startswith('"\'=HYPERLINK' if
                                                     guarded else
                                                     '"=HYPERLINK')), None)
        if check(row, 'metrics csv: the =HYPERLINK row, guarded=%s'
                 % guarded):
            cells = next(csv.reader([row]))
            eq(cells[0], guard(eq_id) if guarded else eq_id, 'id cell')
            # its net_strength is 3.75 - its signed numbers stay numbers
        num = next(l for l in lines if l.startswith('-0.25,-0.25,'))
        check(num, 'metrics csv: the label -0.25 is a number, unguarded')
        rows = rows_csv(text)
        negs = [r['net_strength'] for r in rows if
                r['net_strength'].startswith('-')]
        check(negs and all(NUMBER.fullmatch(x) for x in negs),
              'metrics csv: negative net_strength %r' % negs)
        text = out(['balance', '-f', 'csv', '--all'] + opt)
        check(re.search(r'\n1,\+\+-,no,', text),
              'balance csv: pattern ++- written as it is (%s)' % guarded)
        check(',-,-,' in text and ',+,+,' in text,
              'balance csv: signs written as they are')
        tsv = out(['evidence', '-f', 'tsv'] + opt)
        check(("\t'\\t=tab then equals\t" in tsv) == guarded and
              ("\t\\t=tab then equals\t" in tsv) == (not guarded),
              'evidence tsv: the tab-led label, guarded=%s' % guarded)
    for cmd in ('balance', 'build', 'evidence', 'evolve', 'export',
                'metrics'):
        h = run([cmd, '--help']).stdout.decode()
        check('--no-formula-guard' in h, cmd + ' --help: the option')
    for cmd in ('dot', 'render', 'report', 'check'):
        p = run([cmd, '--no-formula-guard', FIXTURE], ok=False)
        eq(p.returncode, 2, cmd + ' --no-formula-guard: a usage error')


# ---- check's summary ---------------------------------------------------------

def one_line(s):
    """CLI.md: control characters (C0, DEL, C1) as JSON escapes, the
    bidirectional controls as \\uXXXX, a backslash as \\\\."""
    names = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\'}
    return re.sub('[\x00-\x1f\x7f-\x9f\\\\\u061c\u200e\u200f\u202a-\u202e'
                  '\u2066-\u2069]',
                  lambda m: names.get(m.group(0),
                                      '\\u%04X' % ord(m.group(0))), s)


def check_summary(tmp):
    """`factnet check` prints the title, types and relation names one per
    line, with no raw control character (a terminal would obey ESC [)."""
    text = out(['check'])
    check(not re.search('[\x00-\x09\x0b-\x1f\x7f-\x9f]', text),
          'check: a raw control character in the summary')
    lines = text.split('\n')
    eq(lines[1], 'title: ' + one_line(FX['title']), 'check: title')
    types = {e['type'] for e in ENTS.values()}
    rels = {f['relation'] for f in FX['facts']}
    for name in types | rels:
        check(any(re.fullmatch('  %s +\\d+' % re.escape(one_line(name)), l)
                  for l in lines), 'check: no line for %r' % short(name))


# ---- main --------------------------------------------------------------------

def main():
    global FACTNET
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    FACTNET, fmt = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            status = dispatch(fmt, tmp)
        except Exception:  # an output so broken that a reader gave up
            traceback.print_exc()
            fail('%s: the check stopped on an exception' % fmt)
            status = 0
    if status:
        return status
    if failures:
        print('%d check(s) failed (%s)' % (len(failures), fmt))
        return 1
    for s in skipped:
        print('SKIP: ' + s)
    if skipped:
        return 77
    print('ok: %s' % fmt)
    return 0


CHECKS = {
    'dot': dot_formats, 'build-dot': dot_formats, 'evolve-dot': dot_formats,
    'svg': svg_formats, 'build-svg': svg_formats, 'evolve-svg': svg_formats,
    'graphml': lambda f, t: graphml(t), 'gexf': lambda f, t: gexf(t),
    'gml': lambda f, t: gml(t), 'json': lambda f, t: node_link(t),
    'pajek': lambda f, t: pajek(t),
    'export-csv': lambda f, t: export_csv(t),
    'neo4j': lambda f, t: export_neo4j(t),
    'table-csv': lambda f, t: tables_delimited('csv', t),
    'table-tsv': lambda f, t: tables_delimited('tsv', t),
    'table-md': lambda f, t: table_md(t),
    'table-latex': lambda f, t: table_latex(t),
    'table-json': lambda f, t: table_json(t),
    'evidence-md': lambda f, t: evidence_md(t),
    'html': lambda f, t: html_formats(t),
    'formula-guard': lambda f, t: formula_guard(t),
    'check': lambda f, t: check_summary(t),
}


def dispatch(fmt, tmp):
    """Runs the checks of one format; 2 for an unknown format."""
    if fmt not in CHECKS:
        print('unknown format %s (one of: %s)' % (fmt, ' '.join(CHECKS)))
        return 2
    CHECKS[fmt](fmt, tmp)
    return 0


if __name__ == '__main__':
    sys.exit(main())

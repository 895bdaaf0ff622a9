#!/usr/bin/python3
"""Exports a corpus in every format and reads each file back with an
independent reader, checking counts, ids, labels, attributes and metrics.

usage: readback.py FACTNET INPUT [--fixture JSON] [--skip-missing]
                   [-- GRAPH OPTIONS...]

Readers: NetworkX 2.8.8 (read_graphml, read_gexf also in dynamic mode,
read_gml with label='id', 'name' and the default, read_pajek,
node_link_graph), python-igraph (Read_GraphML, Read_Pajek), xml.etree
(well-formedness, GEXF namespace and version) and Python's csv module
(node/edge CSV, Neo4j).

Expected values never come from `factnet export` itself:
- metrics: `factnet metrics --format csv` (every value within 1e-12);
- edges (ends, weight, count, sign) and the facts behind them, with their
  dates: `factnet evidence --format csv`;
- ids, labels, types: the metrics table; with --fixture, also the fixture
  file (labels, aliases, attributes, relation names and evidence exactly as
  written there, read with Python's json).
Exit 0: all checks pass; 1: a check failed; 77: --skip-missing and INPUT
is absent.
"""
import collections
import csv
import io
import json
import math
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

GEXF_NS = 'http://www.gexf.net/1.2draft'
INT_METRICS = {'degree', 'in_degree', 'out_degree', 'coreness', 'community'}
EDGE_FIELDS = ['weight', 'count', 'sign', 'relation', 'relations', 'first',
               'last', 'facts', 'sources', 'evidence']

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 40:
        print('FAIL: ' + msg[:600])


def run(args, **kw):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       **kw)
    if p.returncode != 0:
        print('command failed (%d): %s\n%s' % (
            p.returncode, ' '.join(args)[:300],
            p.stderr.decode('utf-8', 'replace')[:2000]))
        sys.exit(1)
    return p.stdout.decode('utf-8')


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline='')))


# ---- what the graph must be ------------------------------------------------

# Options of metrics and export that evidence does not take (with a value
# or not).
METRIC_ONLY = {'--runs': 1, '--algorithm': 1, '--seed': 1, '--resolution': 1,
               '--samples': 1, '--exact': 0}


def graph_options(opts):
    out, i = [], 0
    while i < len(opts):
        if opts[i] in METRIC_ONLY:
            i += 1 + METRIC_ONLY[opts[i]]
            continue
        out.append(opts[i])
        i += 1
    return out


class Expected:
    def __init__(self, factnet, inp, opts, fixture):
        self.directed = '--directed' in opts
        self.actors = 'actors' in opts
        # the stance ties (--tie, the actors view's default) add w+ and w-
        self.edge_fields = EDGE_FIELDS
        if self.actors and '--weight' not in opts:
            self.edge_fields = EDGE_FIELDS + ['pos_weight', 'neg_weight']
        self.formula_guard = '--no-formula-guard' not in opts
        self.node_order = None  # document order of the GraphML export
        rows = read_csv(run([factnet, 'metrics', '-f', 'csv', '--sort', 'id']
                            + opts + ['--', inp]))
        self.metric_names = [c for c in rows[0].keys()
                             if c not in ('id', 'label', 'type')] if rows else []
        self.nodes = {r['id']: r for r in rows}
        self.edges = {}
        self.edge_facts = {}
        for r in read_csv(run([factnet, 'evidence', '-f', 'csv'] +
                              graph_options(opts) + ['--', inp])):
            key = self.key(r['from_id'], r['to_id'])
            self.edges[key] = (float(r['edge_weight']), int(r['edge_facts']),
                               int(r['edge_sign']))
            self.edge_facts.setdefault(key, []).append(r)
        self.fixture = None
        if fixture:
            with open(fixture, encoding='utf-8') as f:
                self.fixture = json.load(f)
            self.entities = {e['id']: e for e in self.fixture['entities']}

    def key(self, a, b):
        return (a, b) if self.directed else frozenset((a, b))

    def label(self, node_id):
        return self.nodes[node_id]['label']


def close(a, b):
    return abs(a - b) <= 1e-12 * max(1.0, abs(b))


def check_metrics(fmt, exp, node_id, attrs):
    """attrs: the node's attributes as read back."""
    want = exp.nodes[node_id]
    for m in exp.metric_names:
        w, got = want[m], attrs.get(m)
        if w == '':
            if got is not None:
                fail('%s: node %r: %s = %r, want no value' % (fmt, node_id,
                                                             m, got))
            continue
        if got is None:
            fail('%s: node %r: no %s (want %s)' % (fmt, node_id, m, w))
            continue
        if m in INT_METRICS and (not isinstance(got, int) or
                                 isinstance(got, bool)):
            fail('%s: node %r: %s = %r is not an integer' % (fmt, node_id, m,
                                                            got))
        if not close(float(got), float(w)):
            fail('%s: node %r: %s = %r, want %s' % (fmt, node_id, m, got, w))


def check_node_attrs(fmt, exp, node_id, attrs, joined_aliases=True):
    """Labels, types and, with a fixture, aliases and entity attributes."""
    if attrs.get('type') != exp.nodes[node_id]['type']:
        fail('%s: node %r: type %r, want %r' % (fmt, node_id, attrs.get('type'),
                                                exp.nodes[node_id]['type']))
    if exp.fixture is None:
        return
    ent = exp.entities[node_id]
    if ent.get('label', node_id) != exp.label(node_id):
        fail('metrics table label of %r differs from the fixture' % node_id)
    aliases = ent.get('aliases', [])
    want = '; '.join(aliases) if joined_aliases else aliases
    if aliases and attrs.get('aliases') != want:
        fail('%s: node %r: aliases %r, want %r' % (fmt, node_id,
                                                  attrs.get('aliases'), want))
    if not aliases and 'aliases' in attrs:
        fail('%s: node %r: aliases present without aliases' % (fmt, node_id))
    if 'date' in ent and attrs.get('date') != ent['date']:
        fail('%s: node %r: date %r, want %r' % (fmt, node_id,
                                               attrs.get('date'), ent['date']))
    for k, v in ent.get('attrs', {}).items():
        name = fixture_attr_name(k, fmt, exp)
        got = attrs.get(name)
        if isinstance(v, bool):
            ok = got is True if v else got is False
            if fmt in ('gml',):
                ok = got == (1 if v else 0)
            if fmt in ('csv', 'neo4j'):
                ok = got == ('true' if v else 'false')
        elif isinstance(v, (int, float)) and k != 'mixed':
            ok = got is not None and float(got) == float(v)
        else:
            ok = got == str(v)
        if not ok:
            fail('%s: node %r: attribute %r (as %r) = %r, want %r' % (
                fmt, node_id, k, name, got, v))


# The fixture's attribute keys and the names they are exported under
# (docs/EXPORT.md): label and name clash with fields; Neo4j turns ':' into
# '_'; GML keys are [A-Za-z][A-Za-z0-9_]* (gml_keys).
RENAMED = {'label': 'attr_label', 'name': 'attr_name'}
# The node fields before the attributes, and the GML keys taken by id and
# label (the id is written as `name`).
GML_TAKEN = ['id', 'label', 'name', 'type', 'aliases', 'date']


def gml_key(name, taken):
    """docs/EXPORT.md, GML: characters other than ASCII letters, digits and
    _ become _; a name that does not start with a letter gets an a in
    front; a name already taken gets _2, _3, ... appended."""
    key = re.sub('[^A-Za-z0-9_]', '_', name)
    if not re.match('[A-Za-z]', name):
        key = 'a' + key
    base, n = key, 2
    while key in taken:
        key, n = '%s_%d' % (base, n), n + 1
    return key


def gml_keys(exp):
    """{attribute key: GML key} for every key of the fixture's entities:
    the attributes come after the fixed fields, sorted by key, so each
    takes the first free key in that order."""
    keys = sorted({k for e in exp.fixture['entities']
                   for k in e.get('attrs', {})})
    taken, out = list(GML_TAKEN), {}
    for k in keys:
        out[k] = gml_key(RENAMED.get(k, k), taken)
        taken.append(out[k])
    return out


# docs/TABLES.md, "Spreadsheet formulas": a CSV text cell, column names
# from attribute keys included, that starts with = + - @, a tab or a
# carriage return gets a ' in front, unless it is a plain decimal number.
PLAIN_NUMBER = re.compile(r'[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?')


def formula_guarded(name, exp):
    if exp.formula_guard and name[:1] in ('=', '+', '-', '@', '\t', '\r') and \
            not PLAIN_NUMBER.fullmatch(name):
        return "'" + name
    return name


def fixture_attr_name(k, fmt, exp):
    if fmt == 'gml':
        return gml_keys(exp)[k]
    if fmt == 'neo4j':
        return formula_guarded(RENAMED.get(k, k).replace(':', '_'), exp)
    if fmt == 'csv':
        return formula_guarded(RENAMED.get(k, k), exp)
    return RENAMED.get(k, k)


def check_edges(fmt, exp, edges):
    """edges: {key: attrs}, attrs with at least weight."""
    if set(edges) != set(exp.edges):
        fail('%s: edge set differs: extra %r, missing %r' % (
            fmt, list(set(edges) - set(exp.edges))[:3],
            list(set(exp.edges) - set(edges))[:3]))
        return
    for key, a in edges.items():
        w, count, sign = exp.edges[key]
        if not close(float(a.get('weight')), w):
            fail('%s: edge %r: weight %r, want %r' % (fmt, key,
                                                     a.get('weight'), w))
        # count: facts, plus shared items in the actors view, where the
        # listing also holds the facts that link each actor to an item.
        bad_count = 'count' in a and (
            not 1 <= int(a['count']) <= count if exp.actors
            else int(a['count']) != count)
        if bad_count or ('sign' in a and int(a['sign']) != sign):
            fail('%s: edge %r: count/sign %r/%r, want %r/%r' % (
                fmt, key, a['count'], a['sign'], count, sign))
        if 'count' in a:
            check_edge_text(fmt, exp, key, a)


def check_edge_text(fmt, exp, key, a):
    facts = exp.edge_facts[key]  # in listing order, as exported
    rels = sorted({f['relation'] for f in facts})
    want_rel = rels[0] if len(rels) == 1 else None
    if a.get('relation') != want_rel:
        fail('%s: edge %r: relation %r, want %r' % (fmt, key,
                                                   a.get('relation'), want_rel))
    if a.get('relations') != '; '.join(rels):
        fail('%s: edge %r: relations %r' % (fmt, key, a.get('relations')))
    quotes = [f['quote'] for f in facts if f['quote']]
    want = ' | '.join(quotes) if quotes else None
    if a.get('evidence') != want:
        fail('%s: edge %r: evidence %r, want %r' % (fmt, key,
                                                   a.get('evidence'), want))
    if exp.fixture is not None:
        check_fixture_evidence(fmt, exp, key, a)


def check_fixture_evidence(fmt, exp, key, a):
    """A single-fact edge carries its fact's quote and relation exactly as
    the fixture has them."""
    mine = [f for f in exp.fixture['facts']
            if exp.key(f['subject'], f['object']) == key or
            (exp.directed and not relation_directed(exp, f['relation']) and
             exp.key(f['object'], f['subject']) == key)]
    if len(mine) == 1:
        f = mine[0]
        if a.get('evidence') != f['evidence']:
            fail('%s: edge %r: evidence differs from the fixture' % (fmt, key))
        if a.get('relation') != f['relation']:
            fail('%s: edge %r: relation %r, want %r' % (
                fmt, key, a.get('relation'), f['relation']))


# Built-in relations without direction (docs/FORMAT.md).
UNDIRECTED_BUILTINS = {'cooperates_with', 'opposes', 'competes_with'}


def relation_directed(exp, name):
    decl = exp.fixture.get('relations', {}).get(name)
    if decl is not None:
        return decl.get('directed', True)
    return name not in UNDIRECTED_BUILTINS


def edge_dict(exp, G, node_key=lambda n: n):
    out = {}
    for u, v, d in G.edges(data=True):
        out[exp.key(node_key(u), node_key(v))] = d
    return out


# ---- the formats -------------------------------------------------------------

def check_xml(fmt, path):
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        fail('%s: not well-formed XML: %s' % (fmt, e))
        return None


def graphml(exp, factnet, inp, opts, tmp):
    path = os.path.join(tmp, 'g.graphml')
    run([factnet, 'export', '-f', 'graphml', '-o', path] + opts + ['--', inp])
    root = check_xml('graphml', path)
    if root is None:
        return
    exp.node_order = [n.get('id') for n in root.iter(
        '{http://graphml.graphdrawing.org/xmlns}node')]
    G = nx.read_graphml(path)
    if G.is_directed() != exp.directed:
        fail('graphml: directed = %r' % G.is_directed())
    if set(G.nodes) != set(exp.nodes):
        fail('graphml: node ids differ: %r' % (set(G.nodes) ^ set(exp.nodes)))
        return
    for n, d in G.nodes(data=True):
        if d.get('label') != exp.label(n):
            fail('graphml: node %r: label %r' % (n, d.get('label')[:80]))
        check_node_attrs('graphml', exp, n, d)
        check_metrics('graphml', exp, n, d)
    check_edges('graphml', exp, edge_dict(exp, G))
    # igraph (the C core behind R's read_graph) reads the same ids and
    # labels, except that igraph 0.10 returns an & in an XML attribute (the
    # node id) as &#38; (docs/EXPORT.md); element text (labels) is exact.
    g = igraph.Graph.Read_GraphML(path)
    if g.vs['id'] != [i.replace('&', '&#38;') for i in exp.node_order] or \
            g.vs['label'] != [exp.label(i) for i in exp.node_order]:
        fail('graphml (igraph): ids or labels differ')
    if g.ecount() != len(exp.edges):
        fail('graphml (igraph): %d edges' % g.ecount())


def gexf(exp, factnet, inp, opts, tmp, dynamic):
    fmt = 'gexf-dynamic' if dynamic else 'gexf'
    path = os.path.join(tmp, 'g.gexf')
    run([factnet, 'export', '-f', 'gexf', '-o', path] +
        (['--dynamic'] if dynamic else []) + opts + ['--', inp])
    root = check_xml(fmt, path)
    if root is None:
        return
    if root.tag != '{%s}gexf' % GEXF_NS or root.get('version') != '1.2':
        fail('%s: root %r version %r' % (fmt, root.tag, root.get('version')))
    g = root.find('{%s}graph' % GEXF_NS)
    want_mode = ('dynamic', 'date') if dynamic else ('static', None)
    if g is None or (g.get('mode'), g.get('timeformat')) != want_mode:
        fail('%s: graph mode/timeformat %r' % (fmt, None if g is None else
                                               g.attrib))
    G = nx.read_gexf(path)
    if G.is_directed() != exp.directed:
        fail('%s: directed = %r' % (fmt, G.is_directed()))
    if set(G.nodes) != set(exp.nodes):
        fail('%s: node ids differ' % fmt)
        return
    for n, d in G.nodes(data=True):
        if d.get('label') != exp.label(n):
            fail('%s: node %r: label differs' % (fmt, n))
        check_node_attrs(fmt, exp, n, d)
        check_metrics(fmt, exp, n, d)
    edges = edge_dict(exp, G)
    check_edges(fmt, exp, edges)
    if dynamic:
        check_spans(fmt, exp, G, edges)
    elif any('start' in d or 'end' in d for _, d in G.nodes(data=True)):
        fail('gexf: static file has start/end')


def day_span(date, last):
    """First or last day a date of year, month or day precision covers."""
    parts = [int(p) for p in date.split('-')]
    y, m, d = (parts + [0, 0])[:3]
    if not last:
        return '%04d-%02d-%02d' % (y, m or 1, d or 1)
    m = m or 12
    if not d:
        d = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return '%04d-%02d-%02d' % (y, m, d)


def check_spans(fmt, exp, G, edges):
    node_span = {}
    for key, facts in exp.edge_facts.items():
        starts, ends = [], []
        for f in facts:
            if not f['date']:
                continue
            a, _, b = f['date'].partition('/')
            starts.append(day_span(a, False))
            ends.append(day_span(b or a, True))
        got = (edges[key].get('start'), edges[key].get('end'))
        want = (min(starts), max(ends)) if starts else (None, None)
        if got != want:
            fail('%s: edge %r: span %r, want %r' % (fmt, key, got, want))
        if starts:
            for n in key:
                s = node_span.setdefault(n, [want[0], want[1]])
                s[0], s[1] = min(s[0], want[0]), max(s[1], want[1])
    for n, d in G.nodes(data=True):
        want = tuple(node_span.get(n, (None, None)))
        if (d.get('start'), d.get('end')) != want:
            fail('%s: node %r: span %r, want %r' % (
                fmt, n, (d.get('start'), d.get('end')), want))


def gml(exp, factnet, inp, opts, tmp):
    path = os.path.join(tmp, 'g.gml')
    run([factnet, 'export', '-f', 'gml', '-o', path] + opts + ['--', inp])
    with open(path, 'rb') as f:
        try:
            f.read().decode('ascii')
        except UnicodeDecodeError:
            fail('gml: file is not ASCII')
    G = nx.read_gml(path, label='name')  # keyed by entity id
    if set(G.nodes) != set(exp.nodes):
        fail('gml: node ids differ')
        return
    for n, d in G.nodes(data=True):
        if d.get('label') != exp.label(n):
            fail('gml: node %r: label differs: %r' % (n, d.get('label')[:80]))
        check_node_attrs('gml', exp, n, d)
        check_metrics('gml', exp, n, d)
    check_edges('gml', exp, edge_dict(exp, G))
    # label='id': integer ids 0..n-1 with label and name as attributes.
    Gi = nx.read_gml(path, label='id')
    if sorted(Gi.nodes) != list(range(len(exp.nodes))):
        fail('gml label=id: ids %r' % sorted(Gi.nodes)[:5])
    names = {d['name']: d['label'] for _, d in Gi.nodes(data=True)}
    if names != {i: exp.label(i) for i in exp.nodes}:
        fail('gml label=id: names/labels differ')
    # The default (label='label') keys nodes by label when labels are unique.
    labels = [exp.label(i) for i in exp.nodes]
    if len(set(labels)) == len(labels):
        Gl = nx.read_gml(path)
        if set(Gl.nodes) != set(labels):
            fail('gml default: node labels differ')


def pajek_label(s):
    """The documented substitution: " -> ', CR and LF -> space."""
    return s.replace('"', "'").replace('\r', ' ').replace('\n', ' ')


def pajek(exp, factnet, inp, opts, tmp):
    path = os.path.join(tmp, 'g.net')
    run([factnet, 'export', '-f', 'pajek', '-o', path] + opts + ['--', inp])
    # Vertices are numbered in node order, the order of the GraphML nodes.
    order = exp.node_order
    # igraph reads labels literally (no escapes), as Pajek does.
    g = igraph.Graph.Read_Pajek(path)
    got = g.vs['id'] if 'id' in g.vs.attributes() else []
    if got != [pajek_label(exp.label(i)) for i in order]:
        fail('pajek (igraph): labels differ')
        return
    if g.is_directed() != exp.directed:
        fail('pajek: directed = %r' % g.is_directed())
    edges = {}
    for e in g.es:
        edges[exp.key(order[e.source], order[e.target])] = {
            'weight': e['weight']}
    check_edges('pajek (igraph)', exp, edges)
    # NetworkX splits lines with shlex: \\ and \" are escapes there, so
    # compare only when no label holds a backslash before \ or " or at its
    # end (docs/EXPORT.md).
    want = {pajek_label(exp.label(i)): i for i in exp.nodes}
    tricky = any('\\\\' in l or '\\"' in l or l.endswith('\\')
                 for l in want)
    if not tricky and len(want) == len(exp.nodes):
        G = nx.read_pajek(path)
        if set(G.nodes) != set(want):
            fail('pajek (networkx): labels differ')
        edges = {}
        for u, v, d in G.edges(data=True):
            edges[exp.key(want[u], want[v])] = d
        check_edges('pajek (networkx)', exp, edges)
    clu = path[:-4] + '.clu'
    if 'community' in exp.metric_names:
        with open(clu) as f:
            parts = f.read().split()
        if parts[:2] != ['*Vertices', str(len(exp.nodes))]:
            fail('pajek .clu header %r' % parts[:2])
        for i, c in enumerate(parts[2:]):
            if exp.nodes[order[i]]['community'] != c:
                fail('pajek .clu: vertex %d community %s' % (i + 1, c))
        if len(parts) - 2 != len(exp.nodes):
            fail('pajek .clu: %d values' % (len(parts) - 2))
    elif os.path.exists(clu):
        fail('pajek: .clu written without communities')


def node_link(exp, factnet, inp, opts, tmp):
    path = os.path.join(tmp, 'g.json')
    run([factnet, 'export', '-f', 'json', '-o', path] + opts + ['--', inp])
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    if data.get('directed') != exp.directed or data.get('multigraph'):
        fail('json: directed/multigraph %r/%r' % (data.get('directed'),
                                                  data.get('multigraph')))
    G = nx.node_link_graph(data)
    if set(G.nodes) != set(exp.nodes):
        fail('json: node ids differ')
        return
    for n, d in G.nodes(data=True):
        if d.get('label') != exp.label(n):
            fail('json: node %r: label differs' % n)
        check_node_attrs('json', exp, n, d, joined_aliases=False)
        check_metrics('json', exp, n, d)
    check_edges('json', exp, edge_dict(exp, G))


def typed(row, names):
    """A CSV row with the metric cells as numbers (None when empty)."""
    out = dict(row)
    for m in names:
        if m in out:
            v = out[m]
            out[m] = None if v == '' else (int(v) if m in INT_METRICS
                                           else float(v))
    return out


def tables(exp, factnet, inp, opts, tmp):
    prefix = os.path.join(tmp, 'tab')
    run([factnet, 'export', '-f', 'csv', '-o', prefix] + opts + ['--', inp])
    with open(prefix + '.nodes.csv', encoding='utf-8', newline='') as f:
        nodes = list(csv.DictReader(f))
    with open(prefix + '.edges.csv', encoding='utf-8', newline='') as f:
        edges = list(csv.DictReader(f))
    if sorted(r['id'] for r in nodes) != sorted(exp.nodes):
        fail('csv: node ids differ')
        return
    for r in nodes:
        d = {k: v for k, v in typed(r, exp.metric_names).items()
             if v not in ('', None)}
        if d.get('label') != exp.label(r['id']):
            fail('csv: node %r: label differs' % r['id'])
        check_node_attrs('csv', exp, r['id'], d)
        check_metrics('csv', exp, r['id'], d)
    got = {}
    for r in edges:
        got[exp.key(r['source'], r['target'])] = {
            k: v for k, v in r.items() if v != ''}
    if edges and list(edges[0].keys()) != ['source', 'target'] + exp.edge_fields:
        fail('csv: edge header %r' % list(edges[0].keys()))
    check_edges('csv', exp, got)


def neo4j(exp, factnet, inp, opts, tmp):
    out = os.path.join(tmp, 'neo')
    run([factnet, 'export', '-f', 'neo4j', '-o', out] + opts + ['--', inp])
    with open(os.path.join(out, 'nodes.csv'), encoding='utf-8',
              newline='') as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    if header[:3] != ['id:ID', 'label', ':LABEL']:
        fail('neo4j: nodes header %r' % header[:3])
    ids = [r['id:ID'] for r in rows]
    if len(ids) != len(set(ids)) or not set(exp.nodes) <= set(ids):
        fail('neo4j: node ids: %d rows, graph has %d nodes' % (len(ids),
                                                              len(exp.nodes)))
    for r in rows:
        if r['id:ID'] not in exp.nodes:
            continue
        d = {}
        for h, v in r.items():
            name = h.split(':')[0] if h not in (':LABEL', 'id:ID') else h
            if v != '':
                d[name] = v
        d['type'] = r[':LABEL']
        if r['label'] != exp.label(r['id:ID']):
            fail('neo4j: node %r: label differs' % r['id:ID'])
        check_node_attrs('neo4j', exp, r['id:ID'], d)
        check_metrics('neo4j', exp, r['id:ID'],
                      typed(d, exp.metric_names))
    with open(os.path.join(out, 'relationships.csv'), encoding='utf-8',
              newline='') as f:
        reader = csv.reader(f)
        header = next(reader)
        rels = [dict(zip(header, r)) for r in reader]
    want_header = [':START_ID', ':END_ID', ':TYPE', 'relation',
                   'directed:boolean', 'weight:double', 'sign:long',
                   'confidence:double', 'date', 'until', 'fact', 'location',
                   'sources', 'evidence']
    if header[:len(want_header)] != want_header:
        fail('neo4j: relationships header %r' % header)
    # One relationship per fact behind the graph's edges (a fact is listed
    # once per edge it supports; in the full view that is one edge).
    # Facts are told apart by location, relation and quote (an importer
    # may make several facts of one line).
    facts = collections.Counter()
    for key, fs in exp.edge_facts.items():
        for f in fs:
            facts[(f['location'], f['relation'], f['quote'])] += 1
    got = collections.Counter((r['location'], r['relation'], r['evidence'])
                              for r in rels)
    if exp.actors or exp.directed:
        # A fact may support several edges (both arcs of an undirected
        # relation; several actor pairs): compare as sets, and check that
        # no fact is written twice.
        # (Facts that share location, relation and quote would count once
        # here; no test corpus run in these views has such facts.)
        facts = collections.Counter(set(facts))
        if len(rels) != len(facts):
            fail('neo4j: %d relationships for %d facts' % (len(rels),
                                                          len(facts)))
        got = collections.Counter(set(got))
    if got != facts:
        fail('neo4j: relationships differ from the facts: extra %r, '
             'missing %r' % (list(got - facts)[:2], list(facts - got)[:2]))
    for r in rels:
        upper = ''.join(c.upper() if 'a' <= c <= 'z' else c
                        for c in r['relation'])
        if r[':TYPE'] != upper:
            fail('neo4j: :TYPE %r, want %r' % (r[':TYPE'], upper))
        if r[':START_ID'] not in ids or r[':END_ID'] not in ids:
            fail('neo4j: fact %r: an end is not a node row' % r['location'])
    if exp.fixture is not None:
        byev = {r['evidence']: r for r in rels}
        listed = {f['quote'] for fs in exp.edge_facts.values() for f in fs}
        for f in exp.fixture['facts']:
            if f['evidence'] not in listed:
                continue  # filtered out
            r = byev.get(f['evidence'])
            if r is None:
                fail('neo4j: no relationship for fixture fact %r' %
                     f['evidence'][:40])
            elif (r[':START_ID'], r[':END_ID']) != (f['subject'], f['object']):
                fail('neo4j: fixture fact %r: ends %r' % (
                    f['evidence'][:40], (r[':START_ID'], r[':END_ID'])))


def main():
    argv = sys.argv[1:]
    opts = []
    if '--' in argv:
        i = argv.index('--')
        argv, opts = argv[:i], argv[i + 1:]
    skip_missing = '--skip-missing' in argv
    argv = [a for a in argv if a != '--skip-missing']
    fixture = None
    if '--fixture' in argv:
        i = argv.index('--fixture')
        fixture = argv[i + 1]
        del argv[i:i + 2]
    factnet, inp = argv
    if not os.path.exists(inp):
        if skip_missing:
            print('skip: %s is absent' % inp)
            sys.exit(77)
        print('missing input %s' % inp)
        sys.exit(1)
    exp = Expected(factnet, inp, opts, fixture)
    with tempfile.TemporaryDirectory() as tmp:
        graphml(exp, factnet, inp, opts, tmp)
        gexf(exp, factnet, inp, opts, tmp, False)
        gexf(exp, factnet, inp, opts, tmp, True)
        gml(exp, factnet, inp, opts, tmp)
        pajek(exp, factnet, inp, opts, tmp)
        node_link(exp, factnet, inp, opts, tmp)
        tables(exp, factnet, inp, opts, tmp)
        neo4j(exp, factnet, inp, opts, tmp)
    if failures:
        print('%d check(s) failed for %s %s' % (len(failures), inp,
                                                ' '.join(opts)))
        sys.exit(1)
    print('ok: %s %s: %d nodes, %d edges, every format read back' % (
        inp, ' '.join(shlex.quote(o) for o in opts), len(exp.nodes),
        len(exp.edges)))


if __name__ == '__main__':
    main()

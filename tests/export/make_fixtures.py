#!/usr/bin/python3
"""Writes hostile.json and control.json, the export read-back fixtures.

Run once by hand when the fixtures change (the files are committed):
    /usr/bin/python3 tests/export/make_fixtures.py   (from anywhere)
hostile.json: ids, labels, types, relation names, sources, attributes and
evidence with XML/GML/LaTeX/CSV-special characters, line breaks, tabs,
right-to-left text, emoji and a 10,000-character string.
control.json: control characters that XML 1.0 cannot carry.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

LONG = 'ab<&"\\{}%$#_~^\u00e9 ' * 625  # 16 characters * 625
assert len(LONG) == 10000

H = {
    'quotes': 'Quote "double" and \'single\' and `back`',
    'backslash': 'Back\\slash C:\\path\\to and \\"escaped\\" end',
    'latex': '{braces} <angle> & amp &amp; &#34; %percent $dollar #hash '
             '_under ~tilde ^caret',
    'lines': 'line one\nline two\r\nline three\ttabbed',
    'rtl': '\u05e2\u05d1\u05e8\u05d9\u05ea \u200f\u0627\u0644\u0639\u0631'
           '\u0628\u064a\u0629 (RTL)',
    'emoji': 'Emoji \U0001F600 family \U0001F469\u200D\U0001F469\u200D'
             '\U0001F467 flag \U0001F1EF\U0001F1F5',
    'long': LONG,
}
REL = 'tied "by" <&> {x} %$#'
RIVAL = 'rivals\t& <no> "friends"'
S1 = 'src "1" <&>'
A, B, C, D = 'A&B <co>', 'back\\slash', '{tex}%$#_~^', 'multi\nline'
E, F = 'rtl-\u05e2', 'emoji-\U0001F600'

ENTITIES = [
    {"id": A, "type": "actor", "label": H['quotes'],
     "aliases": ["A; B", "alias \"q\""], "date": "2001-02",
     "attrs": {"label": "shadowed label attr", "name": "attr called name",
               "founded": 1999, "state": True, "mixed": 1}},
    {"id": B, "type": "actor", "label": H['backslash'],
     "attrs": {"mixed": "text", "weird key:with colon": "w",
               "1st": "first", "+key": "plus"}},
    {"id": C, "type": "actor", "label": H['latex'],
     "attrs": {"founded": 2004.5, "state": False}},
    {"id": D, "type": "actor", "label": H['lines']},
    {"id": E, "type": "org <&> \"quoted\"", "label": H['rtl']},
    {"id": F, "type": "org <&> \"quoted\"", "label": H['emoji']},
    {"id": "long", "type": "actor", "label": H['long']},
    {"id": "plain", "type": "agreement", "label": "Plain agreement"},
    {"id": "lonely", "type": "actor", "label": "Isolated node"},
]

FACTS = [
    {"subject": A, "relation": "cooperates_with", "object": B, "source": S1,
     "evidence": H['quotes'], "date": "2013-06", "weight": 2.5},
    {"subject": A, "relation": REL, "object": C, "source": S1,
     "evidence": H['latex'], "date": "2014", "until": "2016-03",
     "id": "fact \"3\" & <x>"},
    {"subject": B, "relation": "cooperates_with", "object": D, "source": "s2",
     "evidence": H['lines'], "confidence": 0.75},
    {"subject": D, "relation": REL, "object": E, "source": "s2",
     "evidence": H['rtl'], "date": "2010-01-31",
     "attrs": {"page": 12, "note": "n <&>", "checked": True}},
    {"subject": E, "relation": RIVAL, "object": F, "source": "s2",
     "evidence": H['emoji'], "date": "2019-12-31"},
    {"subject": F, "relation": REL, "object": "long",
     "source": ["s2", S1], "evidence": H['long'], "weight": 0.1},
    {"subject": "long", "relation": "party_to", "object": "plain",
     "source": "s2", "evidence": H['backslash'], "date": "2020"},
    {"subject": A, "relation": "party_to", "object": "plain", "source": "s2",
     "evidence": "second fact of the A&B -- plain edge", "date": "2008-04"},
    {"subject": A, "relation": "cooperates_with", "object": B, "source": "s2",
     "evidence": "a second quote on the same edge", "date": "2011-02-03",
     "weight": 0.25},
    {"subject": C, "relation": "opposes", "object": A, "source": "s2",
     "evidence": "mixed sign with the tied fact"},
]

HOSTILE = {
    "factnet": 1,
    "title": "Hostile <fixture> & \"labels\" \u2013 export read-back",
    "sources": [{"id": S1, "title": "A source & its <title>"}, {"id": "s2"}],
    "entities": ENTITIES,
    "relations": {REL: {"from": "any", "to": "any", "directed": True,
                        "description": "a hostile relation name"},
                  RIVAL: {"directed": False, "sign": -1}},
    "facts": FACTS,
}

CONTROL = {
    "factnet": 1,
    "sources": [{"id": "s"}],
    "entities": [{"id": "c\u0001", "type": "actor",
                  "label": "bell \u0007 and esc \u001b"},
                 {"id": "d", "type": "actor", "label": "fine"}],
    "facts": [{"subject": "c\u0001", "relation": "cooperates_with",
               "object": "d", "evidence": "a \u0002 quote", "source": "s"}],
}


def write(name, doc, ascii_only):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=ascii_only, indent=1)
        f.write('\n')


write('hostile.json', HOSTILE, False)
write('control.json', CONTROL, True)

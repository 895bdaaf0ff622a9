#!/usr/bin/python3
"""Writes tests/hardening/hostile.json, the fixture of test_hostile_outputs.py
(run it from the repository root after changing it; the JSON is committed).

Every kind of string factnet carries into an output -- entity ids, labels,
aliases, types, attrs, relation names, source ids, titles and authors, the
title, fact evidence and fact attrs -- holds characters that break some
format: " \\ { } < > & % $ # _ ~ ^ | ; , ', line breaks, tabs, right-to-left
text (with the bidi controls U+200F and U+202E), emoji (with ZWJ sequences,
skin tones, flags), a 10,000-character string and spreadsheet formula
triggers at the start (= + - @, a tab, a carriage return). docs/FORMAT.md
puts no limit on ids but non-empty and 1 MiB, so the ids are as hostile as
the labels.

The graph: the signed triangle EQ-PLUS-MINUS (two positive ties, one
negative: unbalanced), every other entity tied to EQ or to its neighbours,
facts dated 2019-2021 (for evolve) plus undated ones.
"""
import json
import os

# 10,000 code points (not bytes): every hostile ASCII character, an accent,
# RTL letters and an emoji in each period of 40.
UNIT = 'ab<&"\\{}%$#_~^|é עב😀 =+-@\'`*[]().,;:!?x\t'
assert len(UNIT) == 40, len(UNIT)
LONG = (UNIT * 250)[:10000]
assert len(LONG) == 10000

E_EQ = '=HYPERLINK("http://x.example/?q=1","click") & <b>'
E_PLUS = '+cmd|\' /C calc\'!A0'
E_MINUS = '-2+3 "minus" \\back\\slash'
E_AT = '@SUM(A1:A9) {brace} %percent'
E_LINES = 'multi\nline\r\nid\twith tab'
E_RTL = 'rtl-עברית-العربية'
E_EMOJI = 'emoji-👩‍👩‍👧-🏳️‍🌈'
E_TEX = '{tex}%$#_~^&<>|\\'
E_LONG = 'long-' + '😀' * 3
E_NUM = '-0.25'
E_TAB = '\t=tab-led'
E_BS = 'ends with backslash \\'
E_CTRL = 'ctrl-\x1b[31m-\x7f'

fixture = {
    'factnet': 1,
    'title': ('=Hostile "title" \\ <b>&amp;</b> {x}%$#_~^\ttab\nline 👩‍👩‍👧 '
              'עברית, long: ' + 'é😀' * 300),
    'sources': [
        {'id': 'src "1" <&>', 'title': '-A source & its <title>\n2nd line',
         'author': '@author "q" \\ {x}', 'date': '2020-01-02',
         'url': 'https://example.org/?a=1&b=<2>'},
        {'id': '=src2 %$#_~^ [x]', 'title': '+Title with emoji 🇯🇵 and RTL ‏עברית',
         'author': 'Author; with, separators | pipe'},
        {'id': 'plain', 'url': 'javascript:alert("url")'},
    ],
    'entities': [
        {'id': E_EQ, 'type': 'actor',
         'label': '=1+2 "quoted" \\back\\slash & <i>x</i>',
         'aliases': ['=alias one', '@alias "two"', 'alias; three, four'],
         'date': '2001-02',
         'attrs': {'note': '=cmd|\' /C calc\'!A0', 'score': -0.25,
                   'flag': True, 'mixed': 'text', '+key': '-value'}},
        {'id': E_PLUS, 'type': 'actor',
         'label': '+plus {braces} <angle> & &amp; &#34; %percent',
         'attrs': {'score': 1.5, 'flag': False, 'mixed': -3}},
        {'id': E_MINUS, 'type': 'actor',
         'label': '-minus $dollar #hash _under ~tilde ^caret |pipe|',
         'aliases': ['-alias'],
         'attrs': {'score': 2, 'mixed': '-3'}},
        {'id': E_AT, 'type': 'actor',
         'label': '@at "double" \'single\' `back` a\\|b'},
        {'id': E_LINES, 'type': 'org <&> "quoted" \x1b[1m',
         'label': 'line one\nline two\r\nline three\rline four\ttabbed'},
        {'id': E_RTL, 'type': 'org <&> "quoted" \x1b[1m',
         'label': 'עברית العربية \u200f(RTL) \u202eevil\u202c end'},
        {'id': E_EMOJI, 'type': 'actor',
         'label': '*Family 👩‍👩‍👧 flag 🇯🇵 skin 👍🏽 rainbow 🏳️‍🌈 é ü 漢字'},
        {'id': E_TEX, 'type': 'agreement',
         'label': '{tex} %$#_~^ \\textbf{bold} \\\\ & \\end{document}'},
        {'id': E_LONG, 'type': 'actor', 'label': LONG},
        {'id': E_NUM, 'type': 'actor', 'label': '-0.25'},
        {'id': E_TAB, 'type': 'actor', 'label': '\t=tab then equals',
         'aliases': ['\r=carriage return']},
        {'id': E_BS, 'type': 'actor', 'label': '[1] ends with backslash \\'},
        {'id': E_CTRL, 'type': 'actor',
         'label': 'bell\x07 esc\x1b[31mred\x1b[0m del\x7f soh\x01 '
                  'ls\u2028ps\u2029 nbsp\xa0 bom\ufeff'},
    ],
    'relations': {
        '=rel "q" <x> & {y}': {
            'directed': False, 'sign': -1,
            'description': '-a negative relation with a hostile name'},
        '@rel\ttab\nline 😀 %$#_~^': {
            'directed': True, 'sign': 1, 'description': '<b>desc</b>'},
    },
    'facts': [],
}


def fact(s, r, o, src, ev, date=None, **kw):
    f = {'subject': s, 'relation': r, 'object': o, 'source': src,
         'evidence': ev}
    if date:
        f['date'] = date
    f.update(kw)
    fixture['facts'].append(f)


fact(E_EQ, 'cooperates_with', E_PLUS, 'src "1" <&>',
     '=1+1 "quoted" evidence \\ <script>alert(1)</script> & more', '2019',
     id='=fact-1', attrs={'page': '=12', 'note': '@x', 'n': -1})
fact(E_PLUS, 'cooperates_with', E_MINUS, '=src2 %$#_~^ [x]',
     '+plus evidence {x} %$#_~^ |pipe|', '2020')
fact(E_EQ, '=rel "q" <x> & {y}', E_MINUS, ['src "1" <&>', '=src2 %$#_~^ [x]'],
     '-minus evidence\nwith a line break\tand a tab', '2020-06',
     weight=0.25)
fact(E_EQ, 'cooperates_with', E_AT, 'plain',
     '@at evidence "double" \'single\' `code` **bold** _em_ [link](x)',
     '2021', until='2021-03')
fact(E_AT, '@rel\ttab\nline 😀 %$#_~^', E_LINES, 'plain',
     'RTL ‏עברית العربية and emoji 👩‍👩‍👧 in a quote', '2021')
fact(E_LINES, 'references', E_RTL, 'plain', LONG, '2021')
fact(E_RTL, 'references', E_EMOJI, 'plain',
     '\t=tab-led evidence', '2019')
fact(E_EMOJI, 'party_to', E_TEX, 'plain',
     '\\textbf{x} \\\\ \\end{document} %$#_~^&{}', '2020')
fact(E_EQ, 'cooperates_with', E_LONG, 'plain', '\r=cr-led evidence')
fact(E_LONG, 'opposes', E_NUM, 'plain', '-0.25', '2020')
fact(E_NUM, 'cooperates_with', E_TAB, 'plain', 'ends with backslash \\',
     '2021')
fact(E_TAB, 'cooperates_with', E_BS, '=src2 %$#_~^ [x]', '<b>&amp;</b>')
fact(E_BS, 'cooperates_with', E_EQ, 'plain', 'plain words', '2019')
fact(E_LONG, 'opposes', E_BS, 'plain', '@opposes: a second negative tie',
     '2021', weight=1.5)
fact(E_CTRL, 'cooperates_with', E_EMOJI, 'plain',
     '*[bracketed] quote \x1b[2J with controls\x07 and a line\u2028separator',
     '2021')

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'hostile.json'), 'w', encoding='utf-8') as fp:
    json.dump(fixture, fp, ensure_ascii=False, indent=1)
    fp.write('\n')

/* report.js - the behaviour of factnet's HTML report (output/html.h),
 * inlined into every page and allowed by the page's Content-Security-Policy
 * through its SHA-256.
 *
 * It reads what the page already holds: the hooks Graphviz wrote into the
 * SVG (id, class, xlink:title, xlink:href) and the JSON block
 * #factnet-data (facts per edge id, metrics per node id). Data strings are
 * only ever put into the page with textContent or setAttribute, never
 * parsed as HTML. Nothing is fetched. */
(function () {
  'use strict';

  var dataNode = document.getElementById('factnet-data');
  var data = JSON.parse(dataNode.textContent);
  var box = document.getElementById('diagram');
  var svg = box ? box.querySelector('svg') : null;
  var panel = document.getElementById('panel-body');
  var XLINK = 'http://www.w3.org/1999/xlink';
  var pinned = null;        /* {kind: 'node'|'edge', id} kept in the panel */
  var shown = null;         /* what the panel shows now */
  var incident = {};        /* node id -> edge ids */
  var defaultPanel = panel ? panel.cloneNode(true) : null;

  /* ---- small helpers ------------------------------------------------- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /* Numbers as in the tables: whole columns as integers, others with 3
   * decimals; an undefined value (null) as a dash. */
  function fmt(v, integer) {
    if (v === null || v === undefined) return '\u2013';
    return integer ? String(v) : v.toFixed(3);
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function svgElement(id) {
    if (!svg) return null;
    var e = document.getElementById(id);
    return e && svg.contains(e) ? e : null;
  }

  /* ---- the panel ------------------------------------------------------ */

  function header(title, sub) {
    var frag = document.createDocumentFragment();
    if (pinned) frag.appendChild(el('span', 'pinned', 'kept \u00b7 Esc'));
    frag.appendChild(el('h3', null, title));
    if (sub) frag.appendChild(el('p', 'sub', sub));
    return frag;
  }

  function link(text, href, onclick) {
    var a = el('a', null, text);
    a.setAttribute('href', href);
    if (onclick) a.addEventListener('click', onclick);
    return a;
  }

  function nodePanel(id) {
    var n = data.nodes[id];
    var body = el('div');
    body.appendChild(header(n.label, n.type + ' \u00b7 id ' + n.id));
    if (n.aliases.length)
      body.appendChild(el('p', 'sub', 'Also: ' + n.aliases.join('; ')));
    var dl = el('dl');
    data.columns.forEach(function (c, i) {
      dl.appendChild(el('dt', null, c.name));
      dl.appendChild(el('dd', null, fmt(n.values[i], c.integer)));
    });
    if (n.community !== null) {
      dl.appendChild(el('dt', null, 'Community'));
      dl.appendChild(el('dd', null, String(n.community)));
    }
    body.appendChild(dl);
    var edges = incident[id] || [];
    if (edges.length) {
      body.appendChild(el('p', 'sub', plural(edges.length, 'tie') + ':'));
      var ul = el('ul');
      edges.forEach(function (eid) {
        var e = data.edges[eid];
        var other = data.nodes[e.from === id ? e.to : e.from];
        var li = el('li');
        li.appendChild(link(other ? other.label : eid, '#ev-' + eid,
          function (ev) { ev.preventDefault(); select('edge', eid, true); }));
        li.appendChild(document.createTextNode(
          ' (' + plural(e.facts.length, 'fact') + ')'));
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    body.appendChild(link('Row in the metrics table', '#m-' + id));
    return body;
  }

  function sourceLine(f) {
    var div = el('div', 'fact-src');
    if (!f.sources.length) {
      div.textContent = 'No source given.';
      return div;
    }
    div.appendChild(document.createTextNode('Source: '));
    f.sources.forEach(function (k, i) {
      var s = data.sources[k];
      if (i) div.appendChild(document.createTextNode('; '));
      var text = s.title ? s.title : s.id;
      var who = [s.author, s.date].filter(Boolean).join(', ');
      div.appendChild(link(text, '#' + s.anchor));
      if (who) div.appendChild(document.createTextNode(' (' + who + ')'));
    });
    return div;
  }

  function factItem(f) {
    var li = el('li');
    var head = el('div', 'fact-head');
    head.appendChild(el('span', 'date', f.date || 'undated'));
    head.appendChild(document.createTextNode(f.subject + ' '));
    head.appendChild(el('em', null, f.relation));
    head.appendChild(document.createTextNode(' ' + f.object));
    if (f.negative) head.appendChild(el('span', 'neg', ' (negative)'));
    if (f.confidence !== null)
      head.appendChild(el('span', 'muted', ' (confidence ' + f.confidence + ')'));
    li.appendChild(head);
    if (f.quote !== null) li.appendChild(el('blockquote', 'quote', f.quote));
    else li.appendChild(el('p', 'muted', 'No quote.'));
    li.appendChild(sourceLine(f));
    li.appendChild(el('div', 'fact-where', f.where));
    return li;
  }

  function edgePanel(id) {
    var e = data.edges[id];
    var body = el('div');
    var sign = e.sign < 0 ? ' \u00b7 negative' : e.sign === 0 ? ' \u00b7 mixed signs' : '';
    body.appendChild(header(e.a + (data.directed ? ' \u2192 ' : ' \u2014 ') + e.b,
      plural(e.facts.length, 'fact') + ' \u00b7 weight ' +
      fmt(e.weight, Number.isInteger(e.weight)) + sign));
    var ol = el('ol', 'facts');
    e.facts.forEach(function (k) { ol.appendChild(factItem(data.facts[k])); });
    body.appendChild(ol);
    body.appendChild(link('Tie ' + e.number + ' in the evidence table', '#ev-' + id));
    return body;
  }

  function render(item) {
    if (!panel) return;
    shown = item;
    panel.textContent = '';
    if (!item) {
      Array.prototype.forEach.call(defaultPanel.childNodes, function (c) {
        panel.appendChild(c.cloneNode(true));
      });
      return;
    }
    panel.appendChild(item.kind === 'node' ? nodePanel(item.id) : edgePanel(item.id));
  }

  /* ---- focus in the diagram ------------------------------------------- */

  function clearMarks(cls) {
    if (!svg) return;
    Array.prototype.forEach.call(svg.querySelectorAll('.' + cls), function (e) {
      e.classList.remove(cls);
    });
  }

  function mark(id, cls) {
    var e = svgElement(id);
    if (e) e.classList.add(cls);
  }

  function focus(item) {
    if (!svg) return;
    clearMarks('near');
    clearMarks('current');
    svg.classList.toggle('focus', !!item);
    Array.prototype.forEach.call(document.querySelectorAll('tr.current'), function (r) {
      r.classList.remove('current');
    });
    if (!item) return;
    mark(item.id, 'current');
    mark(item.id, 'near');
    if (item.kind === 'node') {
      (incident[item.id] || []).forEach(function (eid) {
        var e = data.edges[eid];
        mark(eid, 'near');
        mark(e.from, 'near');
        mark(e.to, 'near');
      });
      var row = document.getElementById('m-' + item.id);
      if (row) row.classList.add('current');
    } else {
      var e = data.edges[item.id];
      mark(e.from, 'near');
      mark(e.to, 'near');
      var tr = document.getElementById('ev-' + item.id);
      if (tr) tr.classList.add('current');
    }
  }

  function known(kind, id) {
    return kind === 'node' ? !!data.nodes[id] : !!data.edges[id];
  }

  /* Shows an item; pin keeps it when the pointer leaves. */
  function select(kind, id, pin) {
    if (!known(kind, id)) return;
    var item = { kind: kind, id: id };
    if (pin) pinned = item;
    focus(item);
    render(item);
  }

  function restore() {
    focus(pinned);
    render(pinned);
  }

  function unpin() {
    pinned = null;
    restore();
  }

  function itemAt(target) {
    var g = target && target.closest ? target.closest('g.node, g.edge') : null;
    if (!g || !svg.contains(g)) return null;
    var kind = g.classList.contains('node') ? 'node' : 'edge';
    return known(kind, g.id) ? { kind: kind, id: g.id } : null;
  }

  /* ---- pan and zoom (the SVG viewBox) --------------------------------- */

  var base = null, view = null, drag = null, suppressClick = false;

  function applyView() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
  }

  function toSvg(clientX, clientY) {
    var m = svg.getScreenCTM();
    var p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(m.inverse());
  }

  function zoomAt(p, factor) {
    var w = Math.min(Math.max(view.w * factor, base.w / 40), base.w * 4);
    var k = w / view.w;
    view = { x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k,
             w: view.w * k, h: view.h * k };
    applyView();
  }

  function centre() {
    var r = svg.getBoundingClientRect();
    return toSvg(r.left + r.width / 2, r.top + r.height / 2);
  }

  /* Centres the view on an element, zooming in if it is small. */
  function reveal(id) {
    var e = svgElement(id);
    if (!e) return;
    var r = e.getBoundingClientRect();
    var p = toSvg(r.left + r.width / 2, r.top + r.height / 2);
    var c = centre();
    view.x += p.x - c.x;
    view.y += p.y - c.y;
    applyView();
    if (view.w > base.w / 2) zoomAt(p, 0.5);
  }

  /* The legend: Graphviz's cluster "legend" and the nodes and edges of
   * class "legend". Hiding it fits the view to the drawing alone. */
  function legendParts() {
    return svg.querySelectorAll('#legend, .legend');
  }

  function showLegend(on) {
    var full = base;
    Array.prototype.forEach.call(legendParts(), function (e) {
      e.style.display = on ? '' : 'none';
    });
    if (!on) {
      /* The drawing's extent: its nodes, edges, clusters and title (the
       * graph's background polygon spans the legend too). */
      var r = null;
      Array.prototype.forEach.call(svg.querySelectorAll(
        'g.node:not(.legend), g.edge:not(.legend), g.cluster:not(#legend), g.graph > text'),
        function (e) {
          var q = e.getBoundingClientRect();
          if (!q.width && !q.height) return;
          r = r ? { left: Math.min(r.left, q.left), top: Math.min(r.top, q.top),
                    right: Math.max(r.right, q.right), bottom: Math.max(r.bottom, q.bottom) }
                : { left: q.left, top: q.top, right: q.right, bottom: q.bottom };
        });
      if (!r) return;
      var a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);
      var pad = 12 * (full.w / svg.clientWidth || 1);
      base = { x: a.x - pad, y: a.y - pad, w: b.x - a.x + 2 * pad, h: b.y - a.y + 2 * pad };
    } else {
      base = whole;
    }
    view = { x: base.x, y: base.y, w: base.w, h: base.h };
    applyView();
  }

  var whole = null;

  function setupView() {
    var vb = svg.viewBox.baseVal;
    base = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    whole = base;
    view = { x: base.x, y: base.y, w: base.w, h: base.h };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    box.classList.add('js');
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var d = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
      zoomAt(toSvg(e.clientX, e.clientY), Math.exp(d * 0.0015));
    }, { passive: false });
    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, view: view, scale: svg.getScreenCTM().a,
               moved: false, pointer: e.pointerId };
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        box.classList.add('dragging');
        svg.setPointerCapture(drag.pointer);
      }
      if (!drag.moved) return;
      view = { x: drag.view.x - dx / drag.scale, y: drag.view.y - dy / drag.scale,
               w: drag.view.w, h: drag.view.h };
      applyView();
    });
    function endDrag() {
      if (drag && drag.moved) suppressClick = true;
      drag = null;
      box.classList.remove('dragging');
    }
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);
    document.getElementById('zoom-in').addEventListener('click', function () {
      zoomAt(centre(), 1 / 1.4);
    });
    document.getElementById('zoom-out').addEventListener('click', function () {
      zoomAt(centre(), 1.4);
    });
    document.getElementById('zoom-reset').addEventListener('click', function () {
      view = { x: base.x, y: base.y, w: base.w, h: base.h };
      applyView();
    });
    var toggle = document.getElementById('legend-toggle');
    if (!legendParts().length) {
      toggle.hidden = true;
    } else {
      toggle.hidden = false;
      toggle.addEventListener('click', function () {
        var on = toggle.getAttribute('aria-pressed') !== 'true';
        toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
        showLegend(on);
      });
    }
  }

  /* ---- the diagram's hooks -------------------------------------------- */

  /* Moves Graphviz's tooltips out of the way (the panel shows more) and
   * widens each edge's pointer target with an invisible copy of its line. */
  function prepareSvg() {
    Array.prototype.forEach.call(svg.querySelectorAll('g.node, g.edge'), function (g) {
      var t = g.querySelector('title');
      if (t) t.remove();
      Array.prototype.forEach.call(g.querySelectorAll('a'), function (a) {
        var tip = a.getAttributeNS(XLINK, 'title');
        if (tip !== null && !g.hasAttribute('data-tip')) g.setAttribute('data-tip', tip);
        a.removeAttributeNS(XLINK, 'title');
      });
      if (!g.classList.contains('edge')) return;
      Array.prototype.forEach.call(g.querySelectorAll('path'), function (p) {
        var hit = p.cloneNode(false);
        hit.setAttribute('class', 'hit');
        hit.removeAttribute('stroke-dasharray');
        p.parentNode.insertBefore(hit, p);
      });
    });
    Object.keys(data.edges).forEach(function (eid) {
      var e = data.edges[eid];
      (incident[e.from] = incident[e.from] || []).push(eid);
      if (e.to !== e.from) (incident[e.to] = incident[e.to] || []).push(eid);
    });
    svg.addEventListener('pointerover', function (e) {
      if (drag && drag.moved) return;
      var item = itemAt(e.target);
      if (item && (!shown || shown.id !== item.id)) select(item.kind, item.id, false);
    });
    svg.addEventListener('pointerout', function (e) {
      var from = itemAt(e.target), to = itemAt(e.relatedTarget);
      if (from && !to) restore();
    });
    svg.addEventListener('click', function (e) {
      e.preventDefault();
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      var item = itemAt(e.target);
      if (item) select(item.kind, item.id, true);
      else unpin();
    });
    setupView();
  }

  /* ---- search ------------------------------------------------------------ */

  function fold(s) {
    return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  function setupSearch() {
    var input = document.getElementById('search');
    var status = document.getElementById('search-status');
    var list = document.getElementById('names');
    if (!input) return;
    var keys = Object.keys(data.nodes).map(function (id) {
      var n = data.nodes[id];
      return { id: id, names: [n.label, n.id].concat(n.aliases).map(fold) };
    });
    Object.keys(data.nodes).forEach(function (id) {
      var o = document.createElement('option');
      o.value = data.nodes[id].label;
      list.appendChild(o);
    });
    var matches = [];
    function find() {
      var q = fold(input.value);
      clearMarks('found');
      matches = [];
      if (!q) {
        status.textContent = '';
        return;
      }
      matches = keys.filter(function (k) { return k.names.indexOf(q) >= 0; });
      if (!matches.length)
        matches = keys.filter(function (k) {
          return k.names.some(function (s) { return s.indexOf(q) >= 0; });
        });
      matches.forEach(function (k) { mark(k.id, 'found'); });
      status.textContent = !matches.length ? 'no match'
        : matches.length === 1 ? '1 match' : matches.length + ' matches';
    }
    input.addEventListener('input', function () {
      find();
      if (matches.length === 1) select('node', matches[0].id, true);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      find();
      if (!matches.length) return;
      select('node', matches[0].id, true);
      reveal(matches[0].id);
    });
  }

  /* ---- sortable tables --------------------------------------------------- */

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function cellKey(cell, numeric) {
    if (!numeric) return cell.textContent;
    var v = cell.getAttribute('data-v');
    return v === null || v === '' ? null : parseFloat(v);
  }

  function sortBy(table, col) {
    var ths = table.tHead.rows[0].cells, th = ths[col];
    var numeric = th.getAttribute('data-kind') === 'num';
    var now = th.getAttribute('aria-sort');
    var dir = now ? (now === 'descending' ? 'ascending' : 'descending')
                  : (numeric ? 'descending' : 'ascending');
    Array.prototype.forEach.call(ths, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (r) {
      return { r: r, i: +r.getAttribute('data-i'), v: cellKey(r.cells[col], numeric) };
    });
    rows.sort(function (a, b) {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1; /* undefined last */
        return a.i - b.i;
      }
      var c = numeric ? a.v - b.v : collator.compare(a.v, b.v);
      if (dir === 'descending') c = -c;
      return c || a.i - b.i;
    });
    rows.forEach(function (x) { body.appendChild(x.r); });
  }

  function setupTables() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (t) {
      Array.prototype.forEach.call(t.tBodies[0].rows, function (r, i) {
        r.setAttribute('data-i', i);
      });
      Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, col) {
        var b = th.querySelector('button');
        if (b) b.addEventListener('click', function () { sortBy(t, col); });
      });
    });
    /* An entity named in a table: show it in the diagram. */
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a.entity') : null;
      if (!a || !svg) return;
      var holder = a.closest('[data-node]');
      var id = a.getAttribute('data-node') || (holder && holder.getAttribute('data-node'));
      if (!id || !data.nodes[id]) return;
      e.preventDefault();
      select('node', id, true);
      document.getElementById('diagram-section').scrollIntoView();
      reveal(id);
    });
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') unpin();
  });

  if (svg) prepareSvg();
  setupSearch();
  setupTables();
})();

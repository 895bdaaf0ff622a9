#!/usr/bin/env node
/* report.test.js - factnet's HTML report in a real browser: Debian's
 * headless Chromium driven through playwright-core.
 *
 *   node tests/browser/report.test.js FACTNET BUILD_DIR
 *
 * Run from the repository root (ctest does). Writes the pages into
 * BUILD_DIR/report-test/ and a screenshot to BUILD_DIR/report-screenshot.png
 * for a person to look at. Expected values come from the fact files
 * themselves (data/japan_cyber.json, tests/browser/hostile.json), never from
 * factnet's output.
 *
 * Exit status: 0 every check passed, 1 a check failed, 77 skipped (no
 * Chromium, Node older than 20, or playwright-core not installed: run
 * `npm ci` in tests/browser, as scripts/test does). */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const SKIP = 77;
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic'];

function skip(why) {
  console.log('browser.report: SKIP: ' + why);
  process.exit(SKIP);
}

const [factnet, buildDir] = process.argv.slice(2);
if (!factnet || !buildDir) {
  console.error('usage: report.test.js FACTNET BUILD_DIR');
  process.exit(2);
}
if (+process.versions.node.split('.')[0] < 20)
  skip('Node ' + process.versions.node + ' is too old (playwright-core needs 20)');
if (!fs.existsSync(CHROMIUM))
  skip(CHROMIUM + ' is missing (apt-get install chromium; scripts/test does)');
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  skip('playwright-core is not installed: run `npm ci` in tests/browser');
}

/* ---- checks ---------------------------------------------------------- */

let passed = 0, failed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log('ok   ' + name);
  } else {
    failed++;
    console.log('FAIL ' + name + (detail !== undefined ? ': ' + detail : ''));
  }
}

function equal(name, got, want) {
  check(name, got === want, 'got ' + JSON.stringify(got) + ', want ' +
        JSON.stringify(want));
}

/* The SVG id dot.c gives an entity (docs/DIAGRAMS.md): "n_" + the id's
 * bytes, [A-Za-z0-9-] kept, every other byte as "_xx" (lower-case hex). */
function svgId(prefix, id) {
  let out = prefix;
  for (const b of Buffer.from(id, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9-]/.test(c) ? c : '_' + b.toString(16).padStart(2, '0');
  }
  return out;
}

/* ---- the pages ------------------------------------------------------- */

const outDir = path.join(buildDir, 'report-test');
fs.mkdirSync(outDir, { recursive: true });

function report(input, name) {
  const out = path.join(outDir, name);
  const r = spawnSync(factnet, ['report', input, '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log('FAIL factnet report ' + input + ': exit ' + r.status + '\n' + r.stderr);
    process.exit(1);
  }
  return out;
}

/* Opens a page, recording requests, console errors, page errors and
 * dialogs. */
async function open(ctx, file) {
  const page = await ctx.newPage();
  const log = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const url = 'file://' + path.resolve(file);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return { page, log, url };
}

function common(label, log, url) {
  equal(label + ': the only request is the file itself',
        JSON.stringify(log.requests), JSON.stringify([url]));
  check(label + ': no console or page error', log.errors.length === 0,
        log.errors.join(' | '));
  check(label + ': no dialog opened (no script ran)', log.dialogs.length === 0,
        log.dialogs.join(' | '));
}

/* Moves the pointer onto the middle of an edge's line. */
async function pointAtEdge(page, id) {
  const p = await page.evaluate((eid) => {
    const path = document.getElementById(eid).querySelector('path:not(.hit)');
    const mid = () => {
      const pt = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM();
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    };
    let q = mid();
    if (q.y < 0 || q.y > window.innerHeight) {
      document.getElementById('diagram').scrollIntoView({ block: 'center', behavior: 'instant' });
      q = mid();
    }
    return q;
  }, id);
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(100);
}

async function edgeIdBetween(page, a, b) {
  return page.evaluate(([x, y]) => {
    const e = document.getElementById('e_' + x + '_' + y) ||
              document.getElementById('e_' + y + '_' + x);
    return e ? e.id : null;
  }, [a, b]);
}

async function columnValues(page, key) {
  return page.evaluate((k) => {
    const ths = Array.from(document.querySelectorAll('#metrics-table thead th'));
    const col = ths.findIndex((th) => th.getAttribute('data-col') === k);
    return Array.from(document.querySelectorAll('#metrics-table tbody tr'))
      .map((r) => r.cells[col].getAttribute('data-v'));
  }, key);
}

async function firstEntity(page) {
  return page.$eval('#metrics-table tbody tr td:nth-child(2)', (td) => td.textContent);
}

async function japan(ctx) {
  const corpus = JSON.parse(fs.readFileSync('data/japan_cyber.json', 'utf8'));
  const file = report('data/japan_cyber.json', 'japan_cyber.html');
  const { page, log, url } = await open(ctx, file);
  common('japan', log, url);

  /* One node element per entity, each with its id. */
  const ids = await page.$$eval('#diagram svg g.node:not(.legend)', (gs) => gs.map((g) => g.id));
  equal('japan: one SVG node per entity', ids.length, corpus.entities.length);
  const want = corpus.entities.map((e) => svgId('n_', e.id)).sort();
  equal('japan: node ids are the entities', JSON.stringify(ids.slice().sort()),
        JSON.stringify(want));

  /* Pointing at Japan-RCEP shows the article's quote. */
  const fact = corpus.facts.find((f) => f.subject === 'JPN' && f.object === 'RCEP');
  const source = corpus.sources.find((s) => s.id === fact.source);
  const edge = await edgeIdBetween(page, 'JPN', 'RCEP');
  check('japan: the Japan-RCEP tie is drawn', edge !== null);
  if (edge) {
    await pointAtEdge(page, edge);
    const quotes = await page.$$eval('#panel blockquote', (q) => q.map((x) => x.textContent));
    check('japan: pointing at Japan-RCEP shows its quote', quotes.includes(fact.evidence),
          JSON.stringify(quotes));
    const text = await page.$eval('#panel', (p) => p.textContent);
    check('japan: ... with its relation and source title',
          text.includes(fact.relation) && text.includes(source.title), text.slice(0, 300));
    /* The screenshot for a person: the panel showing the quote. */
    await page.screenshot({ path: path.join(buildDir, 'report-screenshot.png') });
    /* A click keeps it when the pointer leaves; Escape lets it go. */
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    const kept = await page.$$eval('#panel blockquote', (q) => q.map((x) => x.textContent));
    check('japan: a click keeps the tie in the panel', kept.includes(fact.evidence));
    await page.keyboard.press('Escape');
    equal('japan: Escape clears the panel',
          await page.$$eval('#panel blockquote', (q) => q.length), 0);
  }

  /* Hovering a node shows its label, type and metrics. */
  const jpn = await page.evaluate(() => {
    const r = document.getElementById('n_JPN').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(jpn.x, jpn.y);
  await page.waitForTimeout(100);
  const nodePanel = await page.$eval('#panel', (p) => p.innerText);
  check('japan: pointing at Japan shows label, type and PageRank',
        /Japan/.test(nodePanel) && /actor/.test(nodePanel) && /PageRank/.test(nodePanel),
        nodePanel.slice(0, 200));

  /* Sorting the metrics table. */
  await page.click('#metrics-table thead th:nth-child(2) button');
  const byName = await firstEntity(page);
  check('japan: sorted by entity, Japan is not first', byName !== 'Japan', byName);
  await page.click('#metrics-table thead th[data-col="pagerank"] button');
  equal('japan: sorted by PageRank, Japan is first', await firstEntity(page), 'Japan');
  const pr = (await columnValues(page, 'pagerank')).map(Number);
  check('japan: PageRank is descending, compared as numbers',
        pr.every((v, i) => i === 0 || pr[i - 1] >= v), pr.slice(0, 5).join(' '));
  equal('japan: PageRank heading says descending',
        await page.$eval('#metrics-table th[data-col="pagerank"]', (t) => t.getAttribute('aria-sort')),
        'descending');
  await page.click('#metrics-table thead th[data-col="pagerank"] button');
  const last = await page.$eval('#metrics-table tbody tr:last-child td:nth-child(2)', (td) => td.textContent);
  equal('japan: clicked again, ascending: Japan is last', last, 'Japan');
  const cells = await page.$$eval('#metrics-table td.num', (tds) =>
    tds.every((td) => getComputedStyle(td).textAlign === 'right'));
  check('japan: numbers are right-aligned', cells);

  /* Search by alias. */
  await page.fill('#search', 'Tokyo');
  await page.waitForTimeout(100);
  const found = await page.$$eval('#diagram svg g.node.found', (gs) => gs.map((g) => g.id));
  equal('japan: searching the alias Tokyo highlights Japan', JSON.stringify(found), '["n_JPN"]');
  await page.fill('#search', '');

  /* Zoom with the wheel, back with Fit. */
  const vb0 = await page.$eval('#diagram svg', (s) => s.getAttribute('viewBox'));
  const mid = await page.$eval('#diagram', (d) => {
    d.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = d.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((v) =>
    document.querySelector('#diagram svg').getAttribute('viewBox') !== v, vb0,
    { timeout: 3000 }).catch(() => {});
  const vb1 = await page.$eval('#diagram svg', (s) => s.getAttribute('viewBox'));
  const w0 = +vb0.split(/[ ,]+/)[2], w1 = +vb1.split(/[ ,]+/)[2];
  check('japan: the wheel zooms in (smaller viewBox)', w1 < w0, vb0 + ' -> ' + vb1);
  await page.click('#zoom-reset');
  const vb2 = (await page.$eval('#diagram svg', (s) => s.getAttribute('viewBox'))).split(/[ ,]+/).map(Number);
  check('japan: Fit shows the whole diagram again',
        Math.abs(vb2[2] - w0) < 0.01, vb2.join(' '));

  /* The legend toggle hides Graphviz's legend and fits the drawing. */
  await page.click('#legend-toggle');
  const hidden = await page.evaluate(() => ({
    legend: getComputedStyle(document.getElementById('legend')).display,
    width: +document.querySelector('#diagram svg').getAttribute('viewBox').split(/[ ,]+/)[2],
  }));
  check('japan: Legend hides the legend and fits the drawing',
        hidden.legend === 'none' && hidden.width < w0, JSON.stringify(hidden));
  await page.click('#legend-toggle');
  const shownAgain = await page.evaluate(() => ({
    legend: getComputedStyle(document.getElementById('legend')).display,
    width: +document.querySelector('#diagram svg').getAttribute('viewBox').split(/[ ,]+/)[2],
  }));
  check('japan: Legend again shows it and the whole diagram',
        shownAgain.legend !== 'none' && Math.abs(shownAgain.width - w0) < 0.01,
        JSON.stringify(shownAgain));

  /* The evidence table holds every fact's quote. */
  const quotes = await page.$$eval('#evidence-table td.quote', (t) => t.map((x) => x.textContent));
  const missing = corpus.facts.filter((f) => f.evidence && !quotes.includes(f.evidence));
  equal('japan: every quote is in the evidence table', missing.length, 0);
  common('japan after interaction', log, url);
  await page.close();
}

async function hostile(ctx) {
  const fixture = 'tests/browser/hostile.json';
  const corpus = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  const file = report(fixture, 'hostile.html');
  const { page, log, url } = await open(ctx, file);
  common('hostile', log, url);
  equal('hostile: the title is text', await page.title(), corpus.title);
  equal('hostile: the heading is text', await page.$eval('h1', (h) => h.textContent), corpus.title);
  const dom = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img, image, iframe, object, embed').length,
    handlers: Array.from(document.querySelectorAll('*')).filter((e) =>
      Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
    jsLinks: Array.from(document.querySelectorAll('a')).filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') || '') ||
      /^\s*javascript:/i.test(a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '')).length,
  }));
  equal('hostile: only the page\'s two script elements', dom.scripts, 2);
  equal('hostile: no image or frame element', dom.images, 0);
  equal('hostile: no event handler attribute', dom.handlers, 0);
  equal('hostile: no javascript: link', dom.jsLinks, 0);

  for (const e of corpus.entities) {
    const id = svgId('n_', e.id);
    const row = await page.$eval('#m-' + id + ' td:nth-child(2)', (td) => td.textContent)
      .catch(() => null);
    equal('hostile: table shows ' + JSON.stringify(e.label) + ' as text', row, e.label);
    const drawn = await page.evaluate((nid) => {
      const g = document.getElementById(nid);
      return g ? Array.from(g.querySelectorAll('text')).map((t) => t.textContent).join(' ') : null;
    }, id);
    equal('hostile: diagram shows ' + JSON.stringify(e.label) + ' as text', drawn,
          e.label.replace(/\n/g, ' '));
  }
  const ids = new Set(corpus.entities.map((e) => e.id));
  for (const f of corpus.facts) {
    if (!f.evidence || !ids.has(f.subject) || !ids.has(f.object)) continue;
    const edge = await edgeIdBetween(page, svgId('', f.subject), svgId('', f.object));
    check('hostile: tie ' + f.subject + ' - ' + f.object + ' is drawn', edge !== null);
    if (!edge) continue;
    await pointAtEdge(page, edge);
    const q = await page.$$eval('#panel blockquote', (b) => b.map((x) => x.textContent));
    check('hostile: the panel shows the quote ' + JSON.stringify(f.evidence).slice(0, 40) +
          ' as text', q.includes(f.evidence), JSON.stringify(q));
    const panelHead = await page.$eval('#panel h3', (h) => h.textContent);
    const labels = corpus.entities.filter((e) => e.id === f.subject || e.id === f.object)
      .map((e) => e.label);
    check('hostile: the panel heading names both ends as text',
          labels.every((l) => panelHead.includes(l)), panelHead);
  }
  await page.fill('#search', '<!--');
  await page.waitForTimeout(100);
  const found = await page.$$eval('#diagram svg g.node.found', (gs) => gs.map((g) => g.id));
  equal('hostile: searching the alias "<!--" finds its entity', JSON.stringify(found),
        JSON.stringify([svgId('n_', 'SCRIPT')]));
  common('hostile after interaction', log, url);
  await page.screenshot({ path: path.join(buildDir, 'report-hostile-screenshot.png'), fullPage: true });
  await page.close();
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'factnet-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1440, height: 900 },
    });
    await japan(ctx);
    await hostile(ctx);
  } catch (e) {
    failed++;
    console.log('FAIL unexpected error: ' + (e && e.stack ? e.stack : e));
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log('screenshot: ' + path.join(buildDir, 'report-screenshot.png'));
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
})();

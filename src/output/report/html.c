/* html.c - the interactive HTML report (html.h). */
#include "output/report/html.h"

#include "core/sha256.h"
#include "core/strmap.h"
#include "output/report/chart.h"
#include "output/diagram/dotesc.h"
#include "output/report/htmlesc.h"
#include "output/diagram/style.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- linking the diagram ---------------------------------------------- */

void fnet_html_links_free(fnet_html_links *l)
{
    if (!l->edge)
        return;
    for (uint32_t i = 0; i < l->n_edges; i++)
        free(l->edge[i].id);
    free(l->edge);
    memset(l, 0, sizeof *l);
}

/* "n_" + the escaped entity id: the name and SVG id dot.c gives a node. */
static void node_name(fnet_buf *b, const fnet_entity *e)
{
    fnet_buf_puts(b, "n_");
    fnet_dotesc_id(b, e->id);
}

static void set_url(void *obj, fnet_buf *b, const char *prefix, const char *id)
{
    fnet_buf_reset(b);
    fnet_buf_puts(b, prefix);
    fnet_buf_puts(b, id);
    if (fnet_buf_ok(b))
        agsafeset(obj, "URL", b->data, "");
}

/* Looks up the graph node of diagram node n; -1 when it is not one. */
static int64_t node_of(const fnet_strmap *names, Agnode_t *n)
{
    const char *name = agnameof(n);
    size_t v;
    return fnet_strmap_get(names, name, strlen(name), &v) ? (int64_t)v : -1;
}

static int link_edges(fnet_html_links *out, Agraph_t *d, const fnet_graph *draw,
                      const fnet_strmap *names, fnet_buf *b)
{
    for (Agnode_t *n = agfstnode(d); n; n = agnxtnode(d, n)) {
        int64_t u = node_of(names, n);
        if (u < 0)
            continue;
        set_url(n, b, "#m-", agnameof(n));
        for (Agedge_t *e = agfstout(d, n); e; e = agnxtout(d, e)) {
            int64_t v = node_of(names, aghead(e));
            igraph_integer_t eid = -1;
            const char *id = agget(e, "id");
            if (v < 0 || !id || !*id ||
                igraph_get_eid(&draw->g, &eid, u, v, false, false) || eid < 0 ||
                out->edge[eid].id)
                continue;
            if (!(out->edge[eid].id = strdup(id)))
                return FNET_ENOMEM;
            out->edge[eid].tail = (uint32_t)u;
            out->edge[eid].head = (uint32_t)v;
            set_url(e, b, "#ev-", id);
        }
    }
    return fnet_buf_ok(b) ? 0 : FNET_ENOMEM;
}

int fnet_html_link_diagram(fnet_html_links *out, Agraph_t *diagram,
                           const fnet_graph *draw, fnet_err *err)
{
    fnet_strmap names = {0};
    fnet_buf b = {0};
    char **keys = calloc(draw->n_nodes + 1, sizeof *keys);
    int rc = 0;
    out->n_edges = fnet_graph_edge_count(draw);
    out->edge = calloc(out->n_edges + 1, sizeof *out->edge);
    if (!keys || !out->edge)
        rc = FNET_ENOMEM;
    for (uint32_t v = 0; !rc && v < draw->n_nodes; v++) {
        fnet_buf_reset(&b);
        node_name(&b, fnet_graph_node_entity(draw, v));
        if (!fnet_buf_ok(&b) || !(keys[v] = strdup(b.data)))
            rc = FNET_ENOMEM;
        else
            rc = fnet_strmap_put(&names, keys[v], strlen(keys[v]), v);
    }
    if (!rc)
        rc = link_edges(out, diagram, draw, &names, &b);
    fnet_strmap_free(&names);
    for (uint32_t v = 0; keys && v < draw->n_nodes; v++)
        free(keys[v]);
    free(keys);
    fnet_buf_free(&b);
    return rc ? fnet_err_set(err, rc, "out of memory") : 0;
}

/* ---- page helpers ------------------------------------------------------ */

typedef struct page {
    const fnet_html_page *p;
    const fnet_graph *g;
    const fnet_corpus *c;
    fnet_buf *o;
    fnet_buf tmp;
    uint32_t *rows; /* nodes of g in table order */
    bool whole[16]; /* per column: shown as integers */
} page;

static void esc(fnet_buf *o, const char *s)
{
    fnet_htmlesc_text(o, s ? s : "");
}

/* A node's SVG id, escaped for an attribute (it is [A-Za-z0-9_-] only). */
static void put_node_id(fnet_buf *o, const fnet_entity *e)
{
    node_name(o, e);
}

static const char *page_title(const page *pg)
{
    if (pg->p->title)
        return pg->p->title;
    return pg->c->title ? pg->c->title : "factnet report";
}

/* A number for people: integers as such, else `digits` decimals. */
static void human(fnet_buf *o, double v, bool integer, int digits)
{
    if (!isfinite(v))
        fnet_buf_puts(o, "\xE2\x80\x93"); /* en dash: undefined */
    else if (integer)
        fnet_buf_printf(o, "%.0f", v);
    else
        fnet_buf_printf(o, "%.*f", digits, v);
}

/* A sortable number cell: exact value in data-v and title. */
static void num_cell(fnet_buf *o, double v, bool integer)
{
    fnet_buf_puts(o, "<td class=\"num\" data-v=\"");
    if (isfinite(v))
        fnet_htmlesc_json_number(o, v);
    fnet_buf_puts(o, "\"");
    if (isfinite(v) && !integer && v != floor(v)) {
        fnet_buf_puts(o, " title=\"");
        fnet_htmlesc_json_number(o, v);
        fnet_buf_puts(o, "\"");
    }
    fnet_buf_puts(o, ">");
    human(o, v, integer, 3);
    fnet_buf_puts(o, "</td>");
}

/* ---- metric columns ----------------------------------------------------- */

typedef struct column {
    int metric;
    const char *head;
    const char *help;
    bool integer;
    bool directed_only;
} column;

static const column columns[] = {
    {FNET_M_DEGREE, "Degree", "number of neighbours", true, false},
    {FNET_M_IN_DEGREE, "In", "in-degree", true, true},
    {FNET_M_OUT_DEGREE, "Out", "out-degree", true, true},
    {FNET_M_STRENGTH, "Strength", "sum of the weights of its ties", false,
     false},
    {FNET_M_BETWEENNESS, "Betweenness",
     "share of shortest paths through it (normalised)", false, false},
    {FNET_M_CLOSENESS, "Closeness",
     "closeness, Wasserman-Faust (corrected for reach)", false, false},
    {FNET_M_EIGENVECTOR, "Eigenvector", "eigenvector centrality (max 1)", false,
     false},
    {FNET_M_PAGERANK, "PageRank", "PageRank (damping 0.85, sums to 1)", false,
     false},
    {FNET_M_HUB, "Hub", "HITS hub score", false, true},
    {FNET_M_AUTHORITY, "Authority", "HITS authority score", false, true},
    {FNET_M_CORENESS, "Coreness", "k-core number", true, false},
    {FNET_M_CLUSTERING, "Clustering", "local clustering coefficient", false,
     false},
    {FNET_M_CONSTRAINT, "Constraint", "Burt's constraint", false, false},
};
#define N_COLUMNS (sizeof columns / sizeof columns[0])
_Static_assert(N_COLUMNS <= 16, "page.whole holds 16 columns");

static bool shown(const page *pg, const column *col)
{
    return pg->p->m->value[col->metric] &&
           (!col->directed_only || pg->g->opts.directed);
}

/* A column is written as integers when its metric counts something, or
 * when every value happens to be whole (strength with unit weights), so
 * that numbers line up. */
static void whole_columns(page *pg)
{
    for (size_t i = 0; i < N_COLUMNS; i++) {
        const double *v = pg->p->m->value[columns[i].metric];
        bool whole = true;
        for (uint32_t k = 0; v && whole && k < pg->g->n_nodes; k++)
            whole =
                !isfinite(v[k]) || (v[k] == floor(v[k]) && fabs(v[k]) < 1e15);
        pg->whole[i] = columns[i].integer || whole;
    }
}

static double community_of(const page *pg, uint32_t v)
{
    return pg->p->cm ? (double)pg->p->cm->community[v] : NAN;
}

/* Table order: PageRank descending (undefined last), then id. qsort has no
 * context argument: the keys carry what they compare. */
typedef struct row_key {
    double v;
    const char *id;
    uint32_t node;
} row_key;

static int cmp_rows(const void *x, const void *y)
{
    const row_key *a = x, *b = y;
    if (isnan(a->v) != isnan(b->v))
        return isnan(a->v) ? 1 : -1;
    if (!isnan(a->v) && a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int order_rows(page *pg)
{
    const fnet_graph *g = pg->g;
    const double *pr = pg->p->m->value[FNET_M_PAGERANK];
    row_key *k = malloc((g->n_nodes + 1) * sizeof *k);
    pg->rows = malloc((g->n_nodes + 1) * sizeof *pg->rows);
    if (!k || !pg->rows) {
        free(k);
        return FNET_ENOMEM;
    }
    for (uint32_t v = 0; v < g->n_nodes; v++)
        k[v] = (row_key){pr ? pr[v] : NAN, fnet_graph_node_entity(g, v)->id, v};
    qsort(k, g->n_nodes, sizeof *k, cmp_rows);
    for (uint32_t i = 0; i < g->n_nodes; i++)
        pg->rows[i] = k[i].node;
    free(k);
    return 0;
}

/* ---- head, header ------------------------------------------------------- */

static void head(page *pg)
{
    fnet_buf *o = pg->o;
    char hash[FNET_SHA256_B64_LEN];
    fnet_sha256_base64(fnet_html_script, strlen(fnet_html_script), hash);
    fnet_buf_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, "
                     "initial-scale=1\">\n");
    /* Nothing may be fetched; only this page's own script may run. */
    fnet_buf_printf(o,
                    "<meta http-equiv=\"Content-Security-Policy\" "
                    "content=\"default-src 'none'; script-src 'sha256-%s'; "
                    "style-src 'unsafe-inline'; base-uri 'none'; "
                    "form-action 'none'\">\n",
                    hash);
    fnet_buf_printf(o, "<meta name=\"generator\" content=\"");
    esc(o, pg->p->generator);
    fnet_buf_puts(o, "\">\n<title>");
    esc(o, page_title(pg));
    fnet_buf_puts(o, "</title>\n<style>\n");
    fnet_buf_puts(o, fnet_html_style);
    fnet_buf_puts(o, "</style>\n</head>\n<body>\n");
}

static void header(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_graph *g = pg->g;
    fnet_buf_puts(o, "<header>\n<h1>");
    esc(o, page_title(pg));
    fnet_buf_printf(o,
                    "</h1>\n<p class=\"meta\">%u entities \xC2\xB7 %u "
                    "ties \xC2\xB7 %llu facts \xC2\xB7 %u source%s \xC2\xB7 "
                    "%s view, %s%s</p>\n",
                    g->n_nodes, fnet_graph_edge_count(g),
                    (unsigned long long)g->n_facts_used, pg->c->n_sources,
                    pg->c->n_sources == 1 ? "" : "s",
                    g->opts.view == FNET_VIEW_ACTORS ? "actors" : "full",
                    g->opts.directed ? "directed" : "undirected",
                    g->opts.dated_only ? ", dated facts only" : "");
    fnet_buf_puts(o, "<nav><a href=\"#diagram-section\">Diagram</a> "
                     "<a href=\"#metrics\">Metrics</a> "
                     "<a href=\"#graph-metrics\">Graph</a> "
                     "<a href=\"#communities\">Communities</a> ");
    if (pg->p->trend)
        fnet_buf_puts(o, "<a href=\"#trend\">Over time</a> ");
    fnet_buf_puts(o, "<a href=\"#evidence\">Evidence</a> "
                     "<a href=\"#sources\">Sources</a></nav>\n</header>\n");
}

/* ---- diagram ------------------------------------------------------------ */

/* Case-insensitive search for a tag opening in s[0..n). */
static bool has_tag(const char *s, size_t n, const char *tag)
{
    size_t k = strlen(tag);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && tolower((unsigned char)s[i + j]) == tag[j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

/* The <svg> element of gvc's output (without the XML prolog), checked. */
static int svg_element(const page *pg, const char **start, size_t *len,
                       fnet_err *err)
{
    static const char *const banned[] = {"<script", "<foreignobject", "<image",
                                         "<iframe", "<use",           "<style"};
    const char *s = pg->p->svg;
    size_t n = pg->p->svg_len;
    const char *at = NULL;
    for (size_t i = 0; i + 4 <= n && !at; i++)
        if (memcmp(s + i, "<svg", 4) == 0)
            at = s + i;
    if (!at)
        return fnet_err_set(err, FNET_EINTERNAL,
                            "the rendered diagram has "
                            "no <svg> element");
    *start = at;
    *len = n - (size_t)(at - s);
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
        if (has_tag(*start, *len, banned[i]))
            return fnet_err_set(err, FNET_EINTERNAL,
                                "the rendered diagram "
                                "holds a %s> element; refusing to embed it",
                                banned[i]);
    return 0;
}

static int diagram(page *pg, fnet_err *err)
{
    fnet_buf *o = pg->o;
    const char *svg = NULL;
    size_t len = 0;
    fnet_buf_puts(o, "<section id=\"diagram-section\">\n<h2>Diagram</h2>\n");
    if (!pg->p->svg) {
        fnet_buf_puts(o, "<p>No diagram.</p>\n</section>\n");
        return 0;
    }
    int rc = svg_element(pg, &svg, &len, err);
    if (rc)
        return rc;
    fnet_buf_puts(
        o, "<div class=\"viewer\">\n<div class=\"stage\">\n"
           "<div class=\"toolbar\" role=\"toolbar\">"
           "<input id=\"search\" type=\"search\" autocomplete=\"off\" "
           "placeholder=\"Find an entity by label or alias\" "
           "aria-label=\"Find an entity by label or alias\" list=\"names\">"
           "<datalist id=\"names\"></datalist>"
           "<span id=\"search-status\" aria-live=\"polite\"></span>"
           "<span class=\"spacer\"></span>"
           "<button type=\"button\" id=\"zoom-in\" title=\"Zoom in\">+</button>"
           "<button type=\"button\" id=\"zoom-out\" title=\"Zoom out\">"
           "\xE2\x88\x92</button>"
           "<button type=\"button\" id=\"zoom-reset\" title=\"Show the whole "
           "diagram\">Fit</button>"
           "<button type=\"button\" id=\"legend-toggle\" aria-pressed=\"true\" "
           "title=\"Show or hide the legend\" hidden>Legend</button></div>\n"
           "<div id=\"diagram\">\n");
    fnet_buf_append(o, svg, len);
    fnet_buf_puts(
        o, "</div>\n<p class=\"hint\">Point at a node or a tie to see it "
           "here; click to keep it. Wheel or buttons zoom, drag pans. "
           "Without scripts, a click jumps to the tables.</p>\n</div>\n"
           "<aside id=\"panel\" aria-live=\"polite\">\n"
           "<div id=\"panel-body\"><p class=\"muted\">Point at a node for "
           "its metrics, or at a tie for the facts behind it: date, source "
           "and the quoted evidence.</p></div>\n</aside>\n</div>\n"
           "</section>\n");
    return 0;
}

/* ---- metrics table ------------------------------------------------------ */

static void metrics_head(page *pg)
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(
        o, "<thead><tr>"
           "<th class=\"num\" data-kind=\"num\"><button type=\"button\" "
           "title=\"rank by PageRank\">#</button></th>"
           "<th data-kind=\"text\"><button type=\"button\">Entity</button></th>"
           "<th data-kind=\"text\"><button type=\"button\">Type</button></th>");
    for (size_t i = 0; i < N_COLUMNS; i++) {
        if (!shown(pg, &columns[i]))
            continue;
        fnet_buf_printf(o,
                        "<th class=\"num\" data-kind=\"num\" data-col=\"%s\""
                        "%s><button type=\"button\" title=\"%s\">%s</button>"
                        "</th>",
                        fnet_metric_name(columns[i].metric),
                        columns[i].metric == FNET_M_PAGERANK
                            ? " aria-sort=\"descending\""
                            : "",
                        columns[i].help, columns[i].head);
    }
    if (pg->p->cm)
        fnet_buf_puts(o, "<th class=\"num\" data-kind=\"num\" "
                         "data-col=\"community\"><button type=\"button\" "
                         "title=\"community number (1 = largest)\">"
                         "Community</button></th>");
    fnet_buf_puts(o, "</tr></thead>\n");
}

static void metrics_row(page *pg, uint32_t rank, uint32_t v)
{
    fnet_buf *o = pg->o;
    const fnet_entity *e = fnet_graph_node_entity(pg->g, v);
    fnet_buf_puts(o, "<tr id=\"m-");
    put_node_id(o, e);
    fnet_buf_puts(o, "\" data-node=\"");
    put_node_id(o, e);
    fnet_buf_printf(o, "\"><td class=\"num\" data-v=\"%u\">%u</td><td>", rank,
                    rank);
    fnet_buf_puts(o, "<a class=\"entity\" href=\"#diagram-section\">");
    esc(o, e->label);
    fnet_buf_puts(o, "</a></td><td>");
    esc(o, e->type);
    fnet_buf_puts(o, "</td>");
    for (size_t i = 0; i < N_COLUMNS; i++)
        if (shown(pg, &columns[i]))
            num_cell(o, pg->p->m->value[columns[i].metric][v], pg->whole[i]);
    if (pg->p->cm)
        num_cell(o, community_of(pg, v), true);
    fnet_buf_puts(o, "</tr>\n");
}

static void metrics_table(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_graph *g = pg->g;
    fnet_buf_puts(o, "<section id=\"metrics\">\n<h2>Node metrics</h2>\n"
                     "<p>One row per entity, by PageRank. Click a column "
                     "heading to sort by it (again to reverse); click an "
                     "entity to find it in the diagram. Definitions: "
                     "docs/METRICS.md.");
    if (pg->p->sampling_note)
        fnet_buf_printf(o, " %s", pg->p->sampling_note);
    fnet_buf_puts(o, "</p>\n<div class=\"scroll\"><table id=\"metrics-table\" "
                     "class=\"sortable\">\n");
    metrics_head(pg);
    fnet_buf_puts(o, "<tbody>\n");
    for (uint32_t i = 0; i < g->n_nodes; i++)
        metrics_row(pg, i + 1, pg->rows[i]);
    fnet_buf_puts(o, "</tbody>\n</table></div>\n</section>\n");
}

/* ---- graph metrics ------------------------------------------------------ */

static void graph_metrics(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_graph_metrics *gm = pg->p->gm;
    const fnet_communities *cm = pg->p->cm;
    const struct {
        const char *name;
        double v;
        bool integer;
    } rows[] = {
        {"Nodes", gm->nodes, true},
        {"Edges (ties)", gm->edges, true},
        {"Density", gm->density, false},
        {"Components", gm->components, true},
        {"Largest component (nodes)", gm->largest_component, true},
        {"Diameter", gm->diameter, true},
        {"Average path length", gm->average_path_length, false},
        {"Transitivity", gm->transitivity, false},
        {"Average clustering", gm->average_clustering, false},
        {"Degree assortativity", gm->degree_assortativity, false},
        {"Type assortativity", gm->type_assortativity, false},
        {"Communities", cm ? cm->n_communities : NAN, true},
        {"Modularity", cm ? cm->modularity : NAN, false},
    };
    fnet_buf_puts(o, "<section id=\"graph-metrics\">\n<h2>Graph metrics</h2>"
                     "\n<table id=\"graph-table\">\n<tbody>\n");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fnet_buf_printf(o, "<tr><th scope=\"row\">%s</th>", rows[i].name);
        num_cell(o, rows[i].v, rows[i].integer);
        fnet_buf_puts(o, "</tr>\n");
    }
    fnet_buf_puts(o, "</tbody>\n</table>\n</section>\n");
}

/* ---- communities -------------------------------------------------------- */

static void member(page *pg, uint32_t v, bool first)
{
    fnet_buf *o = pg->o;
    const fnet_entity *e = fnet_graph_node_entity(pg->g, v);
    fnet_buf_puts(o, first ? "" : ", ");
    fnet_buf_puts(o, "<a class=\"entity\" href=\"#m-");
    put_node_id(o, e);
    fnet_buf_puts(o, "\" data-node=\"");
    put_node_id(o, e);
    fnet_buf_puts(o, "\">");
    esc(o, e->label);
    fnet_buf_puts(o, "</a>");
}

static void communities(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_communities *cm = pg->p->cm;
    fnet_buf_puts(o, "<section id=\"communities\">\n<h2>Communities</h2>\n");
    if (!cm) {
        fnet_buf_puts(o, "<p>Not computed.</p>\n</section>\n");
        return;
    }
    fnet_buf_printf(o, "<p>%u communities", cm->n_communities);
    if (pg->p->method) {
        fnet_buf_puts(o, " (");
        esc(o, pg->p->method);
        fnet_buf_puts(o, ")");
    }
    if (isfinite(cm->modularity))
        fnet_buf_printf(o, ", modularity %.3f", cm->modularity);
    fnet_buf_puts(o, ". Numbered by size, 1 the largest; members by "
                     "PageRank.</p>\n<ol id=\"community-list\">\n");
    for (uint32_t k = 1; k <= cm->n_communities; k++) {
        uint32_t n = 0;
        for (uint32_t i = 0; i < pg->g->n_nodes; i++)
            n += cm->community[pg->rows[i]] == k;
        fnet_buf_printf(o, "<li value=\"%u\">", k);
        if (pg->p->community_fills)
            fnet_buf_printf(o,
                            "<span class=\"swatch\" style=\"background:"
                            "%s\"></span>",
                            fnet_style_fill((int32_t)k - 1, false));
        fnet_buf_printf(o, "<b>Community %u</b> (%u member%s): ", k, n,
                        n == 1 ? "" : "s");
        bool first = true;
        for (uint32_t i = 0; i < pg->g->n_nodes; i++)
            if (cm->community[pg->rows[i]] == k) {
                member(pg, pg->rows[i], first);
                first = false;
            }
        fnet_buf_puts(o, "</li>\n");
    }
    fnet_buf_puts(o, "</ol>\n</section>\n");
}

/* ---- centrality over time ------------------------------------------------ */

static const char *metric_title(int metric)
{
    for (size_t i = 0; i < N_COLUMNS; i++)
        if (columns[i].metric == metric)
            return columns[i].head;
    return fnet_metric_name(metric);
}

static void trend_table(page *pg, const fnet_trend *t, char (*years)[8])
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(o,
                  "<details><summary>Values</summary>\n<div class=\"scroll\">"
                  "<table id=\"trend-table\">\n<thead><tr><th>Year</th>");
    for (uint32_t s = 0; s < t->n_series; s++) {
        fnet_buf_puts(o, "<th class=\"num\">");
        esc(o, pg->c->entities[t->entity[s]].label);
        fnet_buf_puts(o, "</th>");
    }
    fnet_buf_puts(o, "</tr></thead>\n<tbody>\n");
    for (uint32_t y = 0; y < t->n_years; y++) {
        fnet_buf_printf(o, "<tr><th scope=\"row\">%s</th>", years[y]);
        for (uint32_t s = 0; s < t->n_series; s++)
            num_cell(o, t->value[s * t->n_years + y], false);
        fnet_buf_puts(o, "</tr>\n");
    }
    fnet_buf_puts(o, "</tbody>\n</table></div>\n</details>\n");
}

static int trend_chart(page *pg, const fnet_trend *t)
{
    char(*years)[8] = malloc((t->n_years + 1) * sizeof *years);
    const char **x = malloc((t->n_years + 1) * sizeof *x);
    fnet_chart_series *s = malloc((t->n_series + 1) * sizeof *s);
    if (!years || !x || !s) {
        free(years);
        free(x);
        free(s);
        return FNET_ENOMEM;
    }
    for (uint32_t y = 0; y < t->n_years; y++) {
        snprintf(years[y], sizeof years[y], "%d", t->first_year + (int)y);
        x[y] = years[y];
    }
    for (uint32_t k = 0; k < t->n_series; k++)
        s[k] = (fnet_chart_series){pg->c->entities[t->entity[k]].label,
                                   t->value + (size_t)k * t->n_years};
    fnet_chart c = {.x = x,
                    .n_x = t->n_years,
                    .series = s,
                    .n_series = t->n_series,
                    .x_title = "Year",
                    .y_title = metric_title(t->metric),
                    .label = "centrality over time"};
    fnet_buf_puts(pg->o, "<div class=\"chart-box\">\n");
    fnet_chart_svg(pg->o, &c);
    fnet_buf_puts(pg->o, "</div>\n");
    trend_table(pg, t, years);
    free(years);
    free(x);
    free(s);
    return 0;
}

static int trend(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_trend *t = pg->p->trend;
    if (!t)
        return 0;
    fnet_buf_puts(o, "<section id=\"trend\">\n<h2>Centrality over time</h2>\n");
    if (t->n_years == 0 || t->n_series == 0) {
        if (t->span > FNET_TREND_MAX_YEARS)
            fnet_buf_printf(o,
                            "<p>The dated facts span %ld years; the chart "
                            "is drawn for at most %d.</p>\n",
                            t->span, FNET_TREND_MAX_YEARS);
        else
            fnet_buf_puts(o, "<p>No fact is dated (or no entity qualifies): "
                             "there is nothing to draw over time.</p>\n");
        fnet_buf_puts(o, "</section>\n");
        return 0;
    }
    bool actors = true;
    for (uint32_t k = 0; k < t->n_series; k++)
        actors =
            actors && strcmp(pg->c->entities[t->entity[k]].type, "actor") == 0;
    fnet_buf_printf(o, "<p>%s of the %u %s with the highest %s overall, ",
                    metric_title(t->metric), t->n_series,
                    actors ? (t->n_series == 1 ? "actor" : "actors")
                           : (t->n_series == 1 ? "entity" : "entities"),
                    metric_title(t->metric));
    if (t->cumulative)
        fnet_buf_puts(o, "in the network of the facts dated up to the end "
                         "of each year");
    else
        fnet_buf_puts(o, "in the network of the facts dated within each "
                         "year");
    fnet_buf_puts(o, " (undated facts are left out). A missing point: the "
                     "entity has no tie in that year's network. Each point "
                     "is what <code>factnet metrics --dated-only");
    fnet_buf_puts(o, t->cumulative ? " --to YEAR" : " --from YEAR --to YEAR");
    fnet_buf_puts(o, "</code> reports.</p>\n");
    int rc = trend_chart(pg, t);
    fnet_buf_puts(o, "</section>\n");
    return rc;
}

/* ---- evidence ------------------------------------------------------------ */

/* "2013-06", "2013/2015" (a span), or "" when undated. */
static void fact_date(const fnet_fact *f, fnet_buf *o)
{
    char a[11], b[11];
    fnet_date_format(f->date, a);
    fnet_buf_puts(o, a);
    if (fnet_date_is_set(f->until)) {
        fnet_date_format(f->until, b);
        fnet_buf_printf(o, "/%s", b);
    }
}

/* "FILE: facts[12]" or "FILE:7" (JSON Lines). */
static void fact_location(const fnet_corpus *c, const fnet_fact *f, fnet_buf *b)
{
    fnet_buf_reset(b);
    fnet_corpus_cite(c, f->loc, "facts", b);
    while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == ':'))
        b->data[--b->len] = '\0';
}

static void source_anchor(fnet_buf *o, const fnet_source *s)
{
    fnet_buf_puts(o, "src-");
    fnet_dotesc_id(o, s->id);
}

static void evidence_fact(page *pg, uint64_t fi)
{
    fnet_buf *o = pg->o;
    const fnet_corpus *c = pg->c;
    const fnet_fact *f = &c->facts[fi];
    fnet_buf_puts(o, "<td class=\"date\">");
    fact_date(f, o);
    fnet_buf_puts(o, "</td><td>");
    esc(o, c->entities[f->subject].label);
    fnet_buf_puts(o, " <em>");
    esc(o, c->relations[f->relation].name);
    fnet_buf_puts(o, "</em> ");
    esc(o, c->entities[f->object].label);
    if (fnet_fact_sign(c, f) < 0)
        fnet_buf_puts(o, " <span class=\"neg\">(negative)</span>");
    if (f->confidence != FNET_NO_CONFIDENCE)
        fnet_buf_printf(o, " <span class=\"muted\">(confidence %g)</span>",
                        f->confidence);
    fnet_buf_puts(o, "</td><td>");
    for (uint32_t k = 0; k < f->n_sources; k++) {
        const fnet_source *s = &c->sources[f->sources[k]];
        fnet_buf_puts(o, k ? ", <a href=\"#" : "<a href=\"#");
        source_anchor(o, s);
        fnet_buf_puts(o, "\">");
        esc(o, s->id);
        fnet_buf_puts(o, "</a>");
    }
    fnet_buf_puts(o, "</td><td class=\"quote\">");
    if (f->evidence)
        esc(o, f->evidence);
    else
        fnet_buf_puts(o, "<span class=\"muted\">no quote</span>");
    fact_location(c, f, &pg->tmp);
    fnet_buf_puts(o, "</td><td class=\"loc\">");
    esc(o, fnet_buf_str(&pg->tmp));
    fnet_buf_puts(o, "</td></tr>\n");
}

static void evidence_edge(page *pg, uint32_t i)
{
    fnet_buf *o = pg->o;
    const fnet_evidence *ev = pg->p->ev;
    const fnet_evidence_edge *x = &ev->edges[i];
    const fnet_graph *g = ev->graph;
    const fnet_html_link *l = pg->p->links && x->edge < pg->p->links->n_edges
                                  ? &pg->p->links->edge[x->edge]
                                  : NULL;
    for (uint32_t k = 0; k < x->n_facts; k++) {
        fnet_buf_puts(o, "<tr");
        if (k == 0 && l && l->id) {
            fnet_buf_puts(o, " id=\"ev-");
            esc(o, l->id);
            fnet_buf_puts(o, "\" data-edge=\"");
            esc(o, l->id);
            fnet_buf_puts(o, "\"");
        }
        fnet_buf_puts(o, k == 0 ? " class=\"first\">" : ">");
        if (k == 0) {
            fnet_buf_printf(o,
                            "<td class=\"num\" rowspan=\"%u\">%u</td>"
                            "<td rowspan=\"%u\" class=\"tie\">",
                            x->n_facts, i + 1, x->n_facts);
            esc(o, fnet_graph_node_entity(g, x->a)->label);
            fnet_buf_puts(o, g->opts.directed ? " \xE2\x86\x92 "
                                              : " \xE2\x80\x93 ");
            esc(o, fnet_graph_node_entity(g, x->b)->label);
            fnet_buf_puts(o, "</td>");
        }
        evidence_fact(pg, x->facts[k]);
    }
}

static void evidence(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_evidence *ev = pg->p->ev;
    fnet_buf_printf(o,
                    "<section id=\"evidence\">\n<h2>Evidence</h2>\n<p>"
                    "Every tie of the diagram with the facts behind it: %u "
                    "tie%s, %llu fact row%s. Ties by the labels of their ends; "
                    "facts by date, undated last. Quotes are verbatim.</p>\n",
                    ev->n_edges, ev->n_edges == 1 ? "" : "s",
                    (unsigned long long)ev->n_rows, ev->n_rows == 1 ? "" : "s");
    fnet_buf_puts(o, "<div class=\"scroll\"><table id=\"evidence-table\">\n"
                     "<thead><tr><th class=\"num\">#</th><th>Tie</th>"
                     "<th>Date</th><th>Fact</th><th>Source</th>"
                     "<th>Quote</th><th>Where</th></tr></thead>\n<tbody>\n");
    for (uint32_t i = 0; i < ev->n_edges; i++)
        evidence_edge(pg, i);
    fnet_buf_puts(o, "</tbody>\n</table></div>\n</section>\n");
}

/* ---- sources ------------------------------------------------------------- */

/* Only web addresses become links; anything else (javascript:, data:,
 * relative paths) stays text. */
static bool web_url(const char *u)
{
    return strncasecmp(u, "https://", 8) == 0 ||
           strncasecmp(u, "http://", 7) == 0;
}

static void source_item(page *pg, const fnet_source *s, uint64_t facts)
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(o, "<li id=\"");
    source_anchor(o, s);
    fnet_buf_puts(o, "\"><b>");
    esc(o, s->id);
    fnet_buf_puts(o, "</b>: ");
    esc(o, s->author ? s->author : "author not given");
    fnet_buf_puts(o, " (");
    esc(o, s->date ? s->date : "n.d.");
    fnet_buf_puts(o, ").");
    if (s->title) {
        fnet_buf_puts(o, " <cite>");
        esc(o, s->title);
        fnet_buf_puts(o, "</cite>.");
    }
    if (s->url && web_url(s->url)) {
        fnet_buf_puts(o, " <a rel=\"noreferrer noopener\" href=\"");
        esc(o, s->url);
        fnet_buf_puts(o, "\">");
        esc(o, s->url);
        fnet_buf_puts(o, "</a>");
    } else if (s->url) {
        fnet_buf_puts(o, " <span class=\"url\">");
        esc(o, s->url);
        fnet_buf_puts(o, "</span>");
    }
    if (s->file) {
        fnet_buf_puts(o, " Text: <code>");
        esc(o, s->file);
        fnet_buf_puts(o, "</code>.");
    }
    fnet_buf_printf(o,
                    " <span class=\"muted\">%llu fact%s in the graph"
                    "</span></li>\n",
                    (unsigned long long)facts, facts == 1 ? "" : "s");
}

static int sources(page *pg)
{
    const fnet_corpus *c = pg->c;
    const fnet_graph *g = pg->p->ev->graph;
    uint64_t *n = calloc(c->n_sources + 1, sizeof *n);
    bool *seen = calloc(c->n_facts + 1, sizeof *seen);
    if (!n || !seen) {
        free(n);
        free(seen);
        return FNET_ENOMEM;
    }
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++)
        for (uint32_t k = 0; k < g->edges[i].n_facts; k++) {
            uint64_t f = g->edges[i].facts[k];
            if (seen[f])
                continue;
            seen[f] = true;
            for (uint32_t s = 0; s < c->facts[f].n_sources; s++)
                n[c->facts[f].sources[s]]++;
        }
    fnet_buf_puts(pg->o, "<section id=\"sources\">\n<h2>Sources</h2>\n"
                         "<ol id=\"source-list\">\n");
    for (uint32_t i = 0; i < c->n_sources; i++)
        source_item(pg, &c->sources[i], n[i]);
    fnet_buf_puts(pg->o, "</ol>\n</section>\n");
    free(n);
    free(seen);
    return 0;
}

/* ---- the data block -------------------------------------------------------- */

static void json_key(fnet_buf *o, const char *k, bool first)
{
    fnet_buf_puts(o, first ? "" : ",");
    fnet_htmlesc_json(o, k);
    fnet_buf_putc(o, ':');
}

static void json_node(page *pg, uint32_t v, bool first)
{
    fnet_buf *o = pg->o;
    const fnet_entity *e = fnet_graph_node_entity(pg->g, v);
    fnet_buf_puts(o, first ? "\n\"" : ",\n\"");
    put_node_id(o, e);
    fnet_buf_puts(o, "\":{");
    json_key(o, "id", true);
    fnet_htmlesc_json(o, e->id);
    json_key(o, "label", false);
    fnet_htmlesc_json(o, e->label);
    json_key(o, "type", false);
    fnet_htmlesc_json(o, e->type);
    json_key(o, "aliases", false);
    fnet_buf_putc(o, '[');
    for (uint32_t a = 0; a < e->n_aliases; a++) {
        fnet_buf_puts(o, a ? "," : "");
        fnet_htmlesc_json(o, e->aliases[a]);
    }
    fnet_buf_puts(o, "],");
    json_key(o, "community", true);
    fnet_htmlesc_json_number(o, community_of(pg, v));
    json_key(o, "values", false);
    fnet_buf_putc(o, '[');
    bool any = false;
    for (size_t i = 0; i < N_COLUMNS; i++)
        if (shown(pg, &columns[i])) {
            fnet_buf_puts(o, any ? "," : "");
            fnet_htmlesc_json_number(o, pg->p->m->value[columns[i].metric][v]);
            any = true;
        }
    fnet_buf_puts(o, "]}");
}

static void json_columns(page *pg)
{
    fnet_buf *o = pg->o;
    bool any = false;
    fnet_buf_puts(o, "\"columns\":[");
    for (size_t i = 0; i < N_COLUMNS; i++)
        if (shown(pg, &columns[i])) {
            fnet_buf_printf(o,
                            "%s{\"key\":\"%s\",\"name\":\"%s\","
                            "\"integer\":%s}",
                            any ? "," : "", fnet_metric_name(columns[i].metric),
                            columns[i].head, pg->whole[i] ? "true" : "false");
            any = true;
        }
    fnet_buf_puts(o, "],\n");
}

static void json_fact(page *pg, uint64_t fi, bool first)
{
    fnet_buf *o = pg->o;
    const fnet_corpus *c = pg->c;
    const fnet_fact *f = &c->facts[fi];
    fnet_buf_puts(o, first ? "\n{" : ",\n{");
    fnet_buf_reset(&pg->tmp);
    fact_date(f, &pg->tmp);
    json_key(o, "date", true);
    fnet_htmlesc_json(o, fnet_buf_str(&pg->tmp));
    json_key(o, "subject", false);
    fnet_htmlesc_json(o, c->entities[f->subject].label);
    json_key(o, "relation", false);
    fnet_htmlesc_json(o, c->relations[f->relation].name);
    json_key(o, "object", false);
    fnet_htmlesc_json(o, c->entities[f->object].label);
    json_key(o, "negative", false);
    fnet_buf_puts(o, fnet_fact_sign(c, f) < 0 ? "true" : "false");
    json_key(o, "confidence", false);
    fnet_htmlesc_json_number(
        o, f->confidence == FNET_NO_CONFIDENCE ? NAN : f->confidence);
    json_key(o, "sources", false);
    fnet_buf_putc(o, '[');
    for (uint32_t k = 0; k < f->n_sources; k++)
        fnet_buf_printf(o, "%s%u", k ? "," : "", f->sources[k]);
    fnet_buf_puts(o, "],");
    json_key(o, "quote", true);
    fnet_htmlesc_json(o, f->evidence);
    fact_location(c, f, &pg->tmp);
    json_key(o, "where", false);
    fnet_htmlesc_json(o, fnet_buf_str(&pg->tmp));
    fnet_buf_putc(o, '}');
}

static void json_edges(page *pg)
{
    fnet_buf *o = pg->o;
    const fnet_evidence *ev = pg->p->ev;
    const fnet_graph *g = ev->graph;
    uint64_t row = 0;
    bool first = true;
    fnet_buf_puts(o, "\"edges\":{");
    for (uint32_t i = 0; i < ev->n_edges; i++) {
        const fnet_evidence_edge *x = &ev->edges[i];
        const fnet_edge *e = &g->edges[x->edge];
        const fnet_html_link *l =
            pg->p->links ? &pg->p->links->edge[x->edge] : NULL;
        if (!l || !l->id) {
            row += x->n_facts;
            continue;
        }
        fnet_buf_puts(o, first ? "\n" : ",\n");
        first = false;
        fnet_htmlesc_json(o, l->id);
        fnet_buf_puts(o, ":{\"from\":\"");
        put_node_id(o, fnet_graph_node_entity(g, l->tail));
        fnet_buf_puts(o, "\",\"to\":\"");
        put_node_id(o, fnet_graph_node_entity(g, l->head));
        fnet_buf_printf(o, "\",\"number\":%u,", i + 1);
        json_key(o, "a", true);
        fnet_htmlesc_json(o, fnet_graph_node_entity(g, x->a)->label);
        json_key(o, "b", false);
        fnet_htmlesc_json(o, fnet_graph_node_entity(g, x->b)->label);
        json_key(o, "weight", false);
        fnet_htmlesc_json_number(o, e->weight);
        fnet_buf_printf(o, ",\"sign\":%d,\"facts\":[", e->sign);
        for (uint32_t k = 0; k < x->n_facts; k++)
            fnet_buf_printf(o, "%s%llu", k ? "," : "",
                            (unsigned long long)(row + k));
        fnet_buf_puts(o, "]}");
        row += x->n_facts;
    }
    fnet_buf_puts(o, "},\n\"facts\":[");
    first = true;
    for (uint32_t i = 0; i < ev->n_edges; i++)
        for (uint32_t k = 0; k < ev->edges[i].n_facts; k++) {
            json_fact(pg, ev->edges[i].facts[k], first);
            first = false;
        }
    fnet_buf_puts(o, "],\n");
}

static void json_sources(page *pg)
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(o, "\"sources\":[");
    for (uint32_t i = 0; i < pg->c->n_sources; i++) {
        const fnet_source *s = &pg->c->sources[i];
        fnet_buf_puts(o, i ? ",\n{" : "\n{");
        json_key(o, "id", true);
        fnet_htmlesc_json(o, s->id);
        json_key(o, "title", false);
        fnet_htmlesc_json(o, s->title);
        json_key(o, "author", false);
        fnet_htmlesc_json(o, s->author);
        json_key(o, "date", false);
        fnet_htmlesc_json(o, s->date);
        json_key(o, "anchor", false);
        fnet_buf_putc(o, '"');
        source_anchor(o, s);
        fnet_buf_puts(o, "\"}");
    }
    fnet_buf_puts(o, "]");
}

static void data_block(page *pg)
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(o, "<script type=\"application/json\" id=\"factnet-data\">"
                     "{\n\"directed\":");
    fnet_buf_puts(o, pg->p->ev->graph->opts.directed ? "true" : "false");
    fnet_buf_puts(o, ",\n");
    json_columns(pg);
    fnet_buf_puts(o, "\"nodes\":{");
    for (uint32_t i = 0; i < pg->g->n_nodes; i++)
        json_node(pg, pg->rows[i], i == 0);
    fnet_buf_puts(o, "},\n");
    json_edges(pg);
    json_sources(pg);
    fnet_buf_puts(o, "}</script>\n");
}

/* ---- the page ---------------------------------------------------------------- */

static void footer(page *pg)
{
    fnet_buf *o = pg->o;
    fnet_buf_puts(o, "<footer>Made by ");
    esc(o, pg->p->generator);
    fnet_buf_puts(o, " from ");
    for (uint32_t i = 0; i < pg->c->n_files; i++) {
        fnet_buf_puts(o, i ? ", <code>" : "<code>");
        esc(o, pg->c->files[i]);
        fnet_buf_puts(o, "</code>");
    }
    fnet_buf_puts(o, ". This page loads nothing from the network.</footer>\n");
}

static int body(page *pg, fnet_err *err)
{
    int rc = order_rows(pg);
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    whole_columns(pg);
    head(pg);
    header(pg);
    fnet_buf_puts(pg->o, "<main>\n");
    if ((rc = diagram(pg, err)))
        return rc;
    metrics_table(pg);
    graph_metrics(pg);
    communities(pg);
    if (!rc)
        rc = trend(pg);
    evidence(pg);
    if (!rc)
        rc = sources(pg);
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    fnet_buf_puts(pg->o, "</main>\n");
    footer(pg);
    data_block(pg);
    fnet_buf_puts(pg->o, "<script>");
    fnet_buf_puts(pg->o, fnet_html_script);
    fnet_buf_puts(pg->o, "</script>\n</body>\n</html>\n");
    return 0;
}

int fnet_html_write(const fnet_html_page *p, FILE *fp, fnet_err *err)
{
    fnet_buf out = {0};
    page pg = {.p = p, .g = p->g, .c = p->g->corpus, .o = &out};
    int rc = body(&pg, err);
    if (!rc && (!fnet_buf_ok(&out) || !fnet_buf_ok(&pg.tmp)))
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (!rc && (fwrite(out.data, 1, out.len, fp) != out.len || ferror(fp)))
        rc = fnet_err_set(err, FNET_EIO, "write error: %s",
                          strerror(errno ? errno : EIO));
    free(pg.rows);
    fnet_buf_free(&pg.tmp);
    fnet_buf_free(&out);
    return rc;
}

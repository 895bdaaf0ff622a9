/* evolve_dot.c - one diagram per period with shared node positions
 * (evolve_dot.h). */
#include "output/diagram/evolve_dot.h"

#include "core/buf.h"
#include "output/diagram/diagram.h"
#include "output/diagram/dot.h"
#include "output/diagram/pinned.h"
#include "output/diagram/render.h"
#include "output/diagram/style.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Fill colours follow communities: a persistent id keeps its palette slot
 * (1 .. FNET_STYLE_FILLS) from period to period unless another community of
 * the same period holds it; a community without a free slot is drawn in the
 * "other" grey (slot above FNET_STYLE_FILLS). */
typedef struct colours {
    uint32_t *slot_of; /* per persistent id: its slot, 0: none yet */
    size_t *last_used; /* per slot: 1 + the period that last used it */
} colours;

typedef struct job {
    const fnet_evolution *e;
    colours col;
    const fnet_evolve_opts *o;
    const char *dir;
    fnet_renderer *r;
    fnet_dot_opts dot;
    const fnet_print_opts *print; /* print->width 0: screen sizes */
    double base;                  /* node label size for print */
    fnet_pinned pins;
    fnet_buf path, title;
    fnet_err *err;
} job;

/* The graph to draw for window [from, to]: undirected, without isolated
 * nodes, with the snapshots' filters. */
static int draw_graph(fnet_graph **out, const job *j, fnet_date from,
                      fnet_date to)
{
    fnet_graph_opts go = j->o->graph;
    go.from = from;
    go.to = to;
    go.dated_only = !j->o->keep_undated;
    go.drop_isolated = true;
    go.directed = false;
    return fnet_graph_build(out, j->e->corpus, &go, j->err);
}

/* value / the snapshot's largest value, for the union's node sizes. */
static double scaled(const fnet_snapshot *s, int metric, int32_t v)
{
    double max = 0, x = v >= 0 ? s->m.value[metric][v] : NAN;
    for (uint32_t k = 0; k < s->g->n_nodes; k++)
        if (s->m.value[metric][k] > max)
            max = s->m.value[metric][k];
    return max > 0 && x > 0 ? x / max : 0;
}

/* Lays out the union of the snapshots once; each node is as large as it
 * gets in any period, so that no period's node outgrows its place. */
static int union_layout(job *j)
{
    const fnet_evolution *e = j->e;
    fnet_graph *u = NULL;
    fnet_diagram_set *ds = NULL;
    Agraph_t *g = NULL;
    double *size = NULL;
    int rc =
        draw_graph(&u, j, e->snap[0].period.from, e->snap[e->n - 1].period.to);
    if (!rc && !(size = calloc(u->n_nodes + 1, sizeof *size)))
        rc = fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    for (size_t p = 0; !rc && p < e->n; p++) {
        const fnet_snapshot *s = &e->snap[p];
        for (uint32_t v = 0; !s->empty && v < u->n_nodes; v++) {
            double x =
                scaled(s, j->o->rank_metric, s->g->node_of[u->entity[v]]);
            size[v] = x > size[v] ? x : size[v];
        }
    }
    if (!rc) {
        fnet_diagram_opts v;
        fnet_diagram_opts_init(&v);
        v.color_by = FNET_COLOR_NONE;
        v.size_by = fnet_metric_name(j->o->rank_metric);
        rc = fnet_diagram_make(&ds, u, size, NULL, &v, j->err);
    }
    if (!rc)
        rc = fnet_dot_build(&g, &ds->d, &j->dot, j->err);
    if (!rc)
        rc = fnet_pinned_record(&j->pins, j->r, g, j->err);
    if (g)
        agclose(g);
    fnet_diagram_free(ds);
    free(size);
    fnet_graph_free(u);
    return rc;
}

static const char *file(job *j, const fnet_snapshot *s, const char *ext)
{
    fnet_buf_reset(&j->path);
    fnet_buf_printf(&j->path, "%s/%s.%s", j->dir, s->period.label, ext);
    return fnet_buf_str(&j->path);
}

/* Slots for the communities of snapshot p (persistent ids in canonical
 * order, largest first): slot[c - 1] for its community number c. */
static void assign_slots(job *j, size_t p, uint32_t *slot)
{
    const fnet_snapshot *s = &j->e->snap[p];
    const uint32_t *id = j->e->tracking.id[p];
    uint32_t slots = (uint32_t)fnet_style_fill_count(j->dot.grey);
    uint32_t k = s->cm.n_communities, over = slots;
    bool taken[FNET_STYLE_FILLS + 1] = {false};
    for (uint32_t c = 0; c < k; c++) {
        uint32_t old = j->col.slot_of[id[c]];
        slot[c] = old && !taken[old] ? old : 0;
        taken[slot[c]] = slot[c] != 0;
    }
    for (uint32_t c = 0; c < k; c++) {
        if (slot[c])
            continue;
        uint32_t best = 0; /* the free slot unused for longest */
        for (uint32_t q = 1; q <= slots; q++)
            if (!taken[q] &&
                (!best || j->col.last_used[q] < j->col.last_used[best]))
                best = q;
        slot[c] = best ? best : ++over;
        if (best) {
            taken[best] = true;
            j->col.slot_of[id[c]] = best;
        }
    }
    for (uint32_t c = 0; c < k; c++)
        if (slot[c] <= slots)
            j->col.last_used[slot[c]] = p + 1;
}

/* The legend names the persistent id, not the slot: "12: Japan +4". */
static int rename_fills(fnet_diagram_set *ds, const uint32_t *slot,
                        const uint32_t *id, uint32_t k, char **names)
{
    for (uint32_t c = 0; c < k; c++) {
        uint32_t f = slot[c] - 1;
        if (f >= ds->d.n_fills || !ds->fills[f])
            continue;
        const char *rest = strchr(ds->fills[f], ':');
        fnet_buf b = {0};
        fnet_buf_printf(&b, "%u%s", id[c], rest ? rest : "");
        if (!fnet_buf_ok(&b))
            return FNET_ENOMEM;
        names[c] = b.data;
        ds->fills[f] = names[c];
    }
    return 0;
}

/* The styled, pinned graph of snapshot s, with its legend. */
static int period_graph(job *j, size_t p, Agraph_t **g)
{
    const fnet_snapshot *s = &j->e->snap[p];
    uint32_t k = s->cm.n_communities;
    fnet_graph *d = NULL;
    fnet_diagram_set *ds = NULL;
    double *size = NULL;
    uint32_t *comm = NULL, *slot = calloc(k + 1, sizeof *slot);
    char **names = calloc(k + 1, sizeof *names);
    int metric = j->o->rank_metric;
    int rc = slot && names ? draw_graph(&d, j, s->period.from, s->period.to)
                           : fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    if (!rc) {
        size = calloc(d->n_nodes + 1, sizeof *size);
        comm = calloc(d->n_nodes + 1, sizeof *comm);
        if (!size || !comm)
            rc = fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    }
    if (!rc)
        assign_slots(j, p, slot);
    /* The drawing graph has the snapshot's nodes (same filters, same
     * window; only direction differs); values come by entity. */
    for (uint32_t v = 0; !rc && v < d->n_nodes; v++) {
        int32_t w = s->g->node_of[d->entity[v]];
        size[v] = w >= 0 ? s->m.value[metric][w] : NAN;
        comm[v] = w >= 0 ? slot[s->cm.community[w] - 1] : 0;
        if (!comm[v])
            rc = fnet_err_set(j->err, FNET_EINTERNAL,
                              "period %s: a drawn "
                              "node is not in the snapshot",
                              s->period.label);
    }
    if (!rc) {
        fnet_diagram_opts v;
        fnet_diagram_opts_init(&v);
        fnet_buf_reset(&j->title);
        const char *t = j->e->corpus->title;
        fnet_buf_printf(&j->title, "%s%s%s", t ? t : "", t ? ": " : "",
                        s->period.label);
        v.title = fnet_buf_str(&j->title);
        v.size_by = fnet_metric_name(metric);
        rc = fnet_diagram_make(&ds, d, size, comm, &v, j->err);
    }
    if (!rc && rename_fills(ds, slot, j->e->tracking.id[p], k, names))
        rc = fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    if (!rc)
        rc = fnet_dot_build(g, &ds->d, &j->dot, j->err);
    if (!rc && fnet_pinned_apply(&j->pins, *g) != 0)
        rc = fnet_err_set(j->err, FNET_EINTERNAL,
                          "period %s: a node has no "
                          "place in the shared layout",
                          s->period.label);
    if (!rc && j->dot.legend)
        rc = j->base
                 ? fnet_dot_add_legend(*g, &ds->d, &j->dot, j->pins.left,
                                       j->pins.bottom - j->base, j->err)
                 : fnet_dot_add_legend(*g, &ds->d, &j->dot, j->pins.right + 24,
                                       j->pins.top, j->err);
    fnet_diagram_free(ds);
    for (uint32_t c = 0; names && c < k; c++)
        free(names[c]);
    free(names);
    free(slot);
    free(size);
    free(comm);
    fnet_graph_free(d);
    return rc;
}

/* The graph of period p, sized for print when asked: the caller frees
 * *g with agclose(). */
static int make_period(job *j, size_t p, Agraph_t **g)
{
    fnet_print_fit fit;
    int rc = period_graph(j, p, g);
    if (!rc && j->base > 0)
        rc = fnet_print_size(&fit, *g, j->print, j->base,
                             j->e->snap[p].period.label, j->r, j->err);
    return rc;
}

static int write_period(job *j, size_t p, Agraph_t *g)
{
    const fnet_snapshot *s = &j->e->snap[p];
    int rc = fnet_dot_write_file(g, file(j, s, "dot"), j->err);
    if (!rc && !(rc = fnet_render_layout(j->r, g, j->err))) {
        rc = fnet_render_write(j->r, g, "svg", file(j, s, "svg"), j->err);
        fnet_render_unlayout(j->r, g);
    }
    return rc;
}

/* Every period made (and measured) first, then written: a period that
 * does not fit the page leaves no file. */
static int all_periods(job *j)
{
    const fnet_evolution *e = j->e;
    Agraph_t **g = calloc(e->n + 1, sizeof *g);
    int rc = g ? 0 : fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    for (size_t p = 0; !rc && p < e->n; p++)
        if (!e->snap[p].empty)
            rc = make_period(j, p, &g[p]);
    for (size_t p = 0; !rc && p < e->n; p++)
        if (g[p])
            rc = write_period(j, p, g[p]);
    for (size_t p = 0; g && p < e->n; p++)
        if (g[p])
            agclose(g[p]);
    free(g);
    return rc;
}

/* The shared layout and every period; for print, with node labels at 9,
 * 8, 7 pt then --min-font until every period fits the page (the colour
 * slots start afresh each time). */
static int draw_all(job *j)
{
    static const double tries[] = {9, 8, 7};
    const fnet_print_opts *p = j->print;
    bool print = p && p->width > 0;
    int rc = FNET_EFIT;
    for (size_t i = 0; rc == FNET_EFIT && i <= 3; i++) {
        if (print && i < 3 && tries[i] <= p->min_font)
            continue;
        if (print) {
            j->base = i < 3 ? tries[i] : p->min_font;
            fnet_print_dot_opts(&j->dot, p, j->base);
            j->dot.legend_width = p->width - 8; /* below, in columns */
        }
        fnet_pinned_free(&j->pins);
        memset(&j->pins, 0, sizeof j->pins);
        memset(j->col.slot_of, 0,
               ((size_t)j->e->tracking.n_ids + 1) * sizeof *j->col.slot_of);
        memset(j->col.last_used, 0,
               (FNET_STYLE_FILLS + 1) * sizeof *j->col.last_used);
        rc = union_layout(j);
        if (!rc)
            rc = all_periods(j);
        if (!print)
            break;
    }
    return rc;
}

int fnet_evolve_dot(const fnet_evolution *e, const fnet_evolve_opts *o,
                    const fnet_print_opts *print, const char *font,
                    const char *dir, bool grey, fnet_err *err)
{
    job j = {.e = e, .o = o, .dir = dir, .err = err, .print = print};
    int rc = fnet_renderer_new(&j.r, err);
    fnet_dot_opts_init(&j.dot);
    j.dot.font = font;
    j.dot.grey = grey;
    if (print && print->width > 0) {
        j.dot.font = font ? font : FNET_PRINT_FONT;
        j.dot.legend = print->legend != FNET_LEGEND_NONE;
    }
    if (!rc)
        rc = fnet_render_check_format(j.r, "svg", err);
    if (!rc && mkdir(dir, 0777) != 0 && errno != EEXIST)
        rc = fnet_err_set(err, FNET_EIO, "%s: %s", dir, strerror(errno));
    bool any = false;
    for (size_t p = 0; p < e->n; p++)
        any = any || !e->snap[p].empty;
    j.col.slot_of =
        calloc((size_t)e->tracking.n_ids + 1, sizeof *j.col.slot_of);
    j.col.last_used = calloc(FNET_STYLE_FILLS + 1, sizeof *j.col.last_used);
    if (!rc && (!j.col.slot_of || !j.col.last_used))
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (!rc && any)
        rc = draw_all(&j);
    if (!rc && (!fnet_buf_ok(&j.path) || !fnet_buf_ok(&j.title)))
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    free(j.col.slot_of);
    free(j.col.last_used);
    fnet_pinned_free(&j.pins);
    fnet_buf_free(&j.path);
    fnet_buf_free(&j.title);
    fnet_renderer_free(j.r);
    return rc;
}

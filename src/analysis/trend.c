/* trend.c - a node metric in yearly snapshots (trend.h). */
#include "analysis/trend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void fnet_trend_opts_init(fnet_trend_opts *o)
{
    o->metric = FNET_M_PAGERANK;
    o->top = 5;
    o->cumulative = true;
}

void fnet_trend_free(fnet_trend *t)
{
    free(t->entity);
    free(t->value);
    memset(t, 0, sizeof *t);
}

/* The years of the corpus's dated facts, clipped to the window of opts.
 * Returns false when no fact is dated (or the window leaves no year). */
static bool year_range(const fnet_corpus *c, const fnet_graph_opts *opts,
                       int *lo, int *hi)
{
    bool any = false;
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        if (!fnet_date_is_set(f->date))
            continue;
        int a = f->date.year;
        int b = fnet_date_is_set(f->until) ? f->until.year : a;
        *lo = any && *lo < a ? *lo : a;
        *hi = any && *hi > b ? *hi : b;
        any = true;
    }
    if (any && fnet_date_is_set(opts->from) && opts->from.year > *lo)
        *lo = opts->from.year;
    if (any && fnet_date_is_set(opts->to) && opts->to.year < *hi)
        *hi = opts->to.year;
    return any && *lo <= *hi;
}

typedef struct pick {
    double v;
    const char *id;
    uint32_t node;
} pick;

static int cmp_pick(const void *x, const void *y)
{
    const pick *a = x, *b = y;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Chooses the series: the top nodes by rank, actors only if any. */
static int choose(fnet_trend *t, const fnet_graph *g, const double *rank,
                  uint32_t top)
{
    bool actors = false;
    for (uint32_t v = 0; v < g->n_nodes; v++)
        if (strcmp(fnet_graph_node_entity(g, v)->type, "actor") == 0)
            actors = true;
    pick *p = malloc((g->n_nodes + 1) * sizeof *p);
    if (!p)
        return FNET_ENOMEM;
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n_nodes; v++) {
        const fnet_entity *e = fnet_graph_node_entity(g, v);
        if (isnan(rank[v]) || (actors && strcmp(e->type, "actor") != 0))
            continue;
        p[n++] = (pick){rank[v], e->id, v};
    }
    qsort(p, n, sizeof *p, cmp_pick);
    t->n_series = n < top ? n : top;
    t->entity = malloc((t->n_series + 1) * sizeof *t->entity);
    if (t->entity)
        for (uint32_t s = 0; s < t->n_series; s++)
            t->entity[s] = g->entity[p[s].node];
    free(p);
    return t->entity ? 0 : FNET_ENOMEM;
}

/* The snapshot window of year y. */
static void window(const fnet_graph_opts *base, bool cumulative, int y,
                   fnet_graph_opts *w)
{
    *w = *base;
    w->dated_only = true;
    fnet_date year = {(int16_t)y, 0, 0};
    bool first = fnet_date_is_set(base->from) && base->from.year == y;
    bool last = fnet_date_is_set(base->to) && base->to.year == y;
    if (!cumulative)
        w->from = first ? base->from : year;
    w->to = last ? base->to : year;
}

/* Fills column y of the series from one snapshot. */
static int snapshot(fnet_trend *t, const fnet_graph *g, uint32_t y,
                    const fnet_metrics_opts *mo, fnet_err *err)
{
    fnet_graph_opts w;
    fnet_graph *s = NULL;
    fnet_metrics m = {0};
    bool *tied = NULL;
    window(&g->opts, t->cumulative, t->first_year + (int)y, &w);
    int rc = fnet_graph_build(&s, g->corpus, &w, err);
    if (!rc && !(tied = calloc(s->n_nodes + 1, sizeof *tied)))
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (!rc)
        rc = fnet_metrics_compute(&m, s, mo, err);
    if (!rc) {
        for (uint32_t i = 0; i < fnet_graph_edge_count(s); i++)
            tied[s->edges[i].from] = tied[s->edges[i].to] = true;
        for (uint32_t k = 0; k < t->n_series; k++) {
            int32_t v = s->node_of[t->entity[k]];
            const double *val = m.value[t->metric];
            t->value[k * t->n_years + y] =
                val && v >= 0 && tied[v] ? val[v] : NAN;
        }
    }
    fnet_metrics_free(&m);
    free(tied);
    fnet_graph_free(s);
    return rc;
}

int fnet_trend_compute(fnet_trend *out, const fnet_graph *g, const double *rank,
                       const fnet_metrics_opts *mo, const fnet_trend_opts *o,
                       fnet_err *err)
{
    int lo = 0, hi = 0;
    memset(out, 0, sizeof *out);
    out->metric = o->metric;
    out->cumulative = o->cumulative;
    if (!rank || !year_range(g->corpus, &g->opts, &lo, &hi))
        return 0;
    out->span = (long)hi - lo + 1;
    if (out->span > FNET_TREND_MAX_YEARS)
        return 0;
    if (choose(out, g, rank, o->top))
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    out->first_year = lo;
    out->n_years = (uint32_t)out->span;
    out->value =
        malloc(((size_t)out->n_series * out->n_years + 1) * sizeof *out->value);
    if (!out->value)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_metrics_opts one = *mo;
    one.want = FNET_METRIC_BIT(o->metric);
    for (uint32_t y = 0; y < out->n_years; y++) {
        int rc = snapshot(out, g, y, &one, err);
        if (rc)
            return rc;
    }
    return 0;
}

/* evolve.c - snapshots per period, tracked communities and rank changes
 * (evolve.h, docs/EVOLUTION.md). */
#include "job/evolve.h"

#include "job/job.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[] = {"rose", "fell", "entered", "left",
                                           "same"};

const char *fnet_rank_status_name(int status)
{
    return status >= 0 && status <= FNET_RANK_SAME ? status_names[status]
                                                   : NULL;
}

void fnet_evolve_opts_init(fnet_evolve_opts *o)
{
    memset(o, 0, sizeof *o);
    fnet_graph_opts_init(&o->graph);
    o->periods.unit = FNET_UNIT_YEAR;
    o->periods.step = 1;
    o->periods.mode = FNET_PERIODS_EACH;
    o->periods.window = 1;
    fnet_metrics_opts_init(&o->metrics);
    o->metrics.want = FNET_METRIC_BIT(FNET_M_DEGREE) |
                      FNET_METRIC_BIT(FNET_M_BETWEENNESS) |
                      FNET_METRIC_BIT(FNET_M_PAGERANK);
    fnet_community_opts_init(&o->community);
    o->threshold = FNET_EVOLVE_DEFAULT_THRESHOLD;
    o->rank_metric = FNET_M_PAGERANK;
}

void fnet_evolve_opts_graph(fnet_evolve_opts *o, const fnet_graph_opts *g,
                            bool unweighted, bool weighted_paths)
{
    o->graph = *g;
    o->periods.from = g->from;
    o->periods.to = g->to;
    o->community.unweighted = unweighted;
    o->metrics.unweighted = unweighted;
    o->metrics.weighted_paths = weighted_paths;
}

static void snapshot_free(fnet_snapshot *s)
{
    fnet_metrics_free(&s->m);
    fnet_communities_free(&s->cm);
    fnet_graph_free(s->g);
    free(s->rank);
}

void fnet_evolution_free(fnet_evolution *e)
{
    if (!e)
        return;
    for (size_t i = 0; e->snap && i < e->n; i++)
        snapshot_free(&e->snap[i]);
    free(e->snap);
    fnet_tracking_free(&e->tracking);
    free(e->ranks);
    memset(e, 0, sizeof *e);
}

/* ---- ranks ------------------------------------------------------------- */

static int cmp_desc(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a > b ? -1 : a < b;
}

void fnet_evolve_rank(uint32_t *rank, const double *v, uint32_t n)
{
    double *s = malloc((n ? n : 1) * sizeof *s);
    uint32_t m = 0;
    if (!s) { /* O(n^2) fallback, same result */
        for (uint32_t i = 0; i < n; i++) {
            rank[i] = 1;
            for (uint32_t j = 0; j < n; j++)
                if (isnan(v[i]) ? !isnan(v[j])
                                : !isnan(v[j]) &&
                                      v[j] > v[i] + 1e-12 * fmax(1, fabs(v[i])))
                    rank[i]++;
        }
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            s[m++] = v[i];
    if (m)
        qsort(s, m, sizeof *s, cmp_desc);
    for (uint32_t i = 0; i < n; i++) {
        if (isnan(v[i])) {
            rank[i] = m + 1;
            continue;
        }
        /* count of s[] greater than v + tol: s is descending */
        double t = v[i] + 1e-12 * fmax(1, fabs(v[i]));
        uint32_t lo = 0, hi = m;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (s[mid] > t)
                lo = mid + 1;
            else
                hi = mid;
        }
        rank[i] = lo + 1;
    }
    free(s);
}

/* ---- one snapshot ------------------------------------------------------ */

/* The snapshot's metrics, communities, graph metrics and frustration, as
 * every command computes them (job/job.h); the snapshot takes them over
 * from the job, which borrows its graph. */
static int measure(fnet_snapshot *s, const fnet_evolve_opts *o, fnet_err *err)
{
    fnet_job j = {0};
    fnet_job_opts jo;
    uint32_t n = s->g->n_nodes;
    fnet_job_opts_init(&jo);
    jo.want = o->metrics.want | FNET_METRIC_BIT(o->rank_metric);
    jo.want &= ~FNET_METRIC_BIT(FNET_M_COMMUNITY);
    jo.communities = true; /* value[FNET_M_COMMUNITY]: tracked ids later */
    jo.graph_metrics = true;
    jo.frustration = true;
    jo.unweighted = o->metrics.unweighted;
    jo.weighted_paths = o->metrics.weighted_paths;
    jo.exact = o->metrics.exact;
    jo.samples = o->metrics.samples;
    jo.co = o->community;
    int rc = fnet_job_analyse(&j, s->g, &jo, err);
    s->m = j.m;
    s->cm = j.cm;
    s->gm = j.gm;
    s->fr = j.fr;
    if (rc)
        return rc;
    s->rank = malloc(n * sizeof *s->rank);
    if (!s->rank)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_evolve_rank(s->rank, s->m.value[o->rank_metric], n);
    return 0;
}

static void empty_metrics(fnet_snapshot *s)
{
    fnet_graph_metrics *g = &s->gm;
    g->nodes = g->edges = 0;
    g->density = g->components = g->largest_component = g->diameter = NAN;
    g->average_path_length = g->transitivity = g->average_clustering = NAN;
    g->degree_assortativity = g->type_assortativity = NAN;
    g->communities = g->modularity = NAN;
    memset(&s->fr, 0, sizeof s->fr);
    s->fr.frustration = s->fr.negative_within_share = NAN;
    s->fr.positive_between_share = NAN;
}

static int snapshot(fnet_snapshot *s, const fnet_corpus *c,
                    const fnet_evolve_opts *o, fnet_err *err)
{
    fnet_graph_opts go = o->graph;
    go.from = s->period.from;
    go.to = s->period.to;
    go.dated_only = !o->keep_undated;
    go.drop_isolated = true;
    int rc = fnet_graph_build(&s->g, c, &go, err);
    if (rc)
        return rc;
    s->empty = s->g->n_nodes == 0;
    if (s->empty) {
        empty_metrics(s);
        return 0;
    }
    if ((rc = measure(s, o, err)) && err && rc != FNET_ENOMEM) {
        char msg[FNET_ERR_MSG_MAX];
        snprintf(msg, sizeof msg, "%s", err->msg);
        fnet_err_set(err, rc, "period %s: %s", s->period.label, msg);
    }
    return rc;
}

/* ---- tracking ---------------------------------------------------------- */

static int track(fnet_evolution *e, const fnet_evolve_opts *o, fnet_err *err)
{
    fnet_partition *parts = calloc(e->n ? e->n : 1, sizeof *parts);
    int rc;
    if (!parts)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (size_t p = 0; p < e->n; p++) {
        const fnet_snapshot *s = &e->snap[p];
        if (s->empty)
            continue;
        parts[p] = (fnet_partition){s->g->n_nodes, s->cm.n_communities,
                                    s->g->entity, s->cm.community};
    }
    rc = fnet_tracking_run(&e->tracking, parts, e->n, o->threshold, err);
    free(parts);
    for (size_t p = 0; !rc && p < e->n; p++) {
        fnet_snapshot *s = &e->snap[p];
        for (uint32_t v = 0; !s->empty && v < s->g->n_nodes; v++)
            s->m.value[FNET_M_COMMUNITY][v] =
                e->tracking.id[p][s->cm.community[v] - 1];
    }
    return rc;
}

/* ---- rank changes ------------------------------------------------------ */

static int status_of(const fnet_rank_change *r)
{
    if (!r->rank_from)
        return FNET_RANK_ENTERED;
    if (!r->rank_to)
        return FNET_RANK_LEFT;
    return r->rank_to < r->rank_from   ? FNET_RANK_ROSE
           : r->rank_to > r->rank_from ? FNET_RANK_FELL
                                       : FNET_RANK_SAME;
}

/* Sort context: qsort has none in C17, so rows carry the corpus. */
typedef struct rank_row {
    fnet_rank_change r;
    const fnet_corpus *c;
} rank_row;

static int cmp_rank(const void *x, const void *y)
{
    const fnet_rank_change *a = &((const rank_row *)x)->r,
                           *b = &((const rank_row *)y)->r;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    if (a->status != b->status)
        return a->status < b->status ? -1 : 1;
    long ka = 0, kb = 0;
    switch (a->status) {
    case FNET_RANK_ROSE: /* largest rise first */
    case FNET_RANK_FELL: /* largest fall first */
        ka = labs((long)a->rank_from - (long)a->rank_to);
        kb = labs((long)b->rank_from - (long)b->rank_to);
        ka = -ka;
        kb = -kb;
        break;
    case FNET_RANK_ENTERED:
    case FNET_RANK_SAME:
        ka = a->rank_to;
        kb = b->rank_to;
        break;
    default: ka = a->rank_from; kb = b->rank_from;
    }
    if (ka != kb)
        return ka < kb ? -1 : 1;
    const fnet_corpus *c = ((const rank_row *)x)->c;
    return strcmp(c->entities[a->entity].id, c->entities[b->entity].id);
}

/* The rank changes between snapshots p and q over the union of their
 * entities, appended to rows. */
static int compare(rank_row **rows, size_t *n, size_t *cap,
                   const fnet_evolution *e, size_t p, size_t q, int metric)
{
    const fnet_snapshot *a = &e->snap[p], *b = &e->snap[q];
    size_t need = *n + a->g->n_nodes + b->g->n_nodes;
    if (need > *cap) {
        rank_row *r = realloc(*rows, need * sizeof *r);
        if (!r)
            return FNET_ENOMEM;
        *rows = r;
        *cap = need;
    }
    for (uint32_t v = 0; v < a->g->n_nodes; v++) {
        uint32_t ent = a->g->entity[v];
        int32_t w = b->g->node_of[ent];
        fnet_rank_change r = {p,   q, ent, a->rank[v], 0, a->m.value[metric][v],
                              NAN, 0};
        if (w >= 0) {
            r.rank_to = b->rank[w];
            r.value_to = b->m.value[metric][w];
        }
        r.status = status_of(&r);
        (*rows)[(*n)++] = (rank_row){r, e->corpus};
    }
    for (uint32_t w = 0; w < b->g->n_nodes; w++) {
        uint32_t ent = b->g->entity[w];
        if (a->g->node_of[ent] >= 0)
            continue;
        fnet_rank_change r = {p,
                              q,
                              ent,
                              0,
                              b->rank[w],
                              NAN,
                              b->m.value[metric][w],
                              FNET_RANK_ENTERED};
        (*rows)[(*n)++] = (rank_row){r, e->corpus};
    }
    return 0;
}

static int rank_changes(fnet_evolution *e, int metric, fnet_err *err)
{
    rank_row *rows = NULL;
    size_t n = 0, cap = 0, prev = SIZE_MAX;
    int rc = 0;
    for (size_t p = 0; !rc && p < e->n; p++) {
        if (e->snap[p].empty)
            continue;
        if (prev != SIZE_MAX)
            rc = compare(&rows, &n, &cap, e, prev, p, metric);
        prev = p;
    }
    if (!rc && n)
        qsort(rows, n, sizeof *rows, cmp_rank);
    if (!rc) {
        e->ranks = malloc((n ? n : 1) * sizeof *e->ranks);
        rc = e->ranks ? 0 : FNET_ENOMEM;
    }
    for (size_t i = 0; !rc && i < n; i++)
        e->ranks[i] = rows[i].r;
    e->n_ranks = rc ? 0 : n;
    free(rows);
    return rc ? fnet_err_set(err, rc, "out of memory") : 0;
}

/* ---- the run ----------------------------------------------------------- */

int fnet_evolve_run(fnet_evolution *out, const fnet_corpus *c,
                    const fnet_evolve_opts *o, fnet_err *err)
{
    fnet_period *periods = NULL;
    size_t n = 0;
    int rc;
    memset(out, 0, sizeof *out);
    out->corpus = c;
    for (uint64_t i = 0; i < c->n_facts; i++)
        out->undated += !fnet_date_is_set(c->facts[i].date);
    if ((rc = fnet_periods_make(&periods, &n, c, &o->periods, err)))
        return rc;
    out->snap = calloc(n, sizeof *out->snap);
    if (!out->snap) {
        free(periods);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    out->n = n;
    for (size_t p = 0; p < n; p++)
        out->snap[p].period = periods[p];
    free(periods);
    for (size_t p = 0; !rc && p < n; p++) {
        rc = snapshot(&out->snap[p], c, o, err);
        if (!rc && !out->snap[p].empty &&
            fnet_graph_has_negative(out->snap[p].g))
            out->negative = true;
    }
    if (!rc)
        rc = track(out, o, err);
    if (!rc)
        rc = rank_changes(out, o->rank_metric, err);
    return rc;
}

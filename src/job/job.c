/* job.c - graph, metrics and communities in one call (job.h). */
#include "job/job.h"

#include "analysis/community_async.h"
#include "analysis/split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fnet_job_opts_init(fnet_job_opts *o)
{
    fnet_metrics_opts mo;
    memset(o, 0, sizeof *o);
    fnet_metrics_opts_init(&mo);
    o->want = mo.want;
    fnet_community_opts_init(&o->co);
    o->parallel = FNET_JOB_AUTO;
}

int fnet_job_parallel_from_name(const char *v)
{
    if (!v || !*v || strcmp(v, "auto") == 0)
        return FNET_JOB_AUTO;
    if (strcmp(v, "always") == 0)
        return FNET_JOB_ALWAYS;
    if (strcmp(v, "serial") == 0)
        return FNET_JOB_SERIAL;
    return -1;
}

/* The metric options that follow from o: sampling seeded by the community
 * seed, exact path metrics split over two processes by o->parallel. */
static void metrics_opts(fnet_metrics_opts *mo, const fnet_job_opts *o)
{
    fnet_metrics_opts_init(mo);
    mo->want = o->want & ~FNET_METRIC_BIT(FNET_M_COMMUNITY);
    mo->unweighted = o->unweighted;
    mo->weighted_paths = o->weighted_paths;
    mo->exact = o->exact;
    mo->samples = o->samples;
    mo->seed = o->co.seed;
    if (o->parallel != FNET_JOB_AUTO) /* both halves, here or not */
        mo->split_min_work = 0;
    mo->in_process = o->parallel == FNET_JOB_SERIAL;
}

/* Hub and authority are not unique on a two-mode graph (docs/METRICS.md,
 * HITS). */
static bool hits_ambiguous(const fnet_graph *g, unsigned want)
{
    igraph_bool_t bip = false;
    unsigned hits =
        FNET_METRIC_BIT(FNET_M_HUB) | FNET_METRIC_BIT(FNET_M_AUTHORITY);
    if (!(want & hits) || fnet_graph_edge_count(g) == 0 || g->opts.directed)
        return false;
    return igraph_is_bipartite(&g->g, &bip, NULL) == IGRAPH_SUCCESS && bip;
}

/* m.value[FNET_M_COMMUNITY] from the communities. */
static int community_column(fnet_job *j, fnet_err *err)
{
    uint32_t n = j->g->n_nodes;
    double *col = malloc((n ? n : 1) * sizeof *col);
    if (!col)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (uint32_t v = 0; v < n; v++)
        col[v] = j->cm.community[v];
    j->m.value[FNET_M_COMMUNITY] = col;
    return 0;
}

int fnet_job_analyse(fnet_job *j, fnet_graph *g, const fnet_job_opts *o,
                     fnet_err *err)
{
    bool want_cm = o->communities || o->graph_metrics ||
                   (o->want & FNET_METRIC_BIT(FNET_M_COMMUNITY));
    fnet_communities_job cj;
    fnet_err cerr = {0};
    int rc = 0;
    j->g = g;
    metrics_opts(&j->mo, o);
    j->hits_ambiguous = hits_ambiguous(g, j->mo.want);
    /* igraph's default generator: results never depend on what ran before
     * in the process (an earlier corpus of `factnet build`). */
    igraph_rng_seed(igraph_rng_default(), o->co.seed);
    /* Communities in a second process while the metrics run here. */
    if (want_cm)
        fnet_communities_start(&cj, g, &o->co,
                               o->parallel == FNET_JOB_ALWAYS ||
                                   (o->parallel == FNET_JOB_AUTO &&
                                    fnet_communities_worth_fork(g)));
    if (o->want) {
        j->has_m = true;
        rc = fnet_metrics_compute(&j->m, g, &j->mo, err);
    }
    if (!rc && o->graph_metrics) {
        j->has_gm = true;
        rc = fnet_graph_metrics_compute(&j->gm, g, err);
    }
    if (want_cm) {
        int crc = fnet_communities_finish(&cj, &j->cm, &cerr);
        j->has_cm = true;
        if (!rc && crc) {
            rc = crc;
            *err = cerr;
        }
    }
    if (!rc && want_cm && j->has_m)
        rc = community_column(j, err);
    if (!rc && j->has_gm) {
        j->gm.communities = j->cm.n_communities;
        j->gm.modularity = j->cm.modularity;
        if (o->frustration || fnet_graph_has_negative(g)) {
            j->has_fr = true;
            rc = fnet_frustration_compute(&j->fr, g, j->cm.community, err);
        }
    }
    if (!rc && o->balance) {
        j->has_bal = true;
        rc = fnet_balance_compute(&j->bal, g, o->balance_all, err);
    }
    return rc;
}

int fnet_job_run(fnet_job *j, const fnet_corpus *c, const fnet_graph_opts *go,
                 const fnet_job_opts *o, fnet_err *err)
{
    fnet_graph *g = NULL;
    memset(j, 0, sizeof *j);
    int rc = fnet_graph_build(&g, c, go, err);
    if (rc)
        return rc;
    if (o->draw_undirected && g->opts.directed) {
        fnet_graph_opts u = *go;
        u.directed = false;
        if ((rc = fnet_graph_build(&j->draw, c, &u, err))) {
            fnet_graph_free(g);
            return rc;
        }
    }
    rc = fnet_job_analyse(j, g, o, err);
    j->own_g = true;
    return rc;
}

bool fnet_job_filtered(const fnet_graph_opts *go)
{
    return go->types || go->relations || fnet_date_is_set(go->from) ||
           fnet_date_is_set(go->to) || go->dated_only || go->min_weight > 0;
}

int fnet_job_corpus_communities(uint32_t **out, uint32_t *n_out,
                                const fnet_job *j, const fnet_corpus *c,
                                const fnet_graph_opts *go,
                                const fnet_job_opts *o, fnet_err *err)
{
    const fnet_graph *g = j->g;
    fnet_graph_opts all = *go;
    fnet_job_opts co = {.co = o->co,
                        .communities = true,
                        .unweighted = o->unweighted,
                        .parallel = o->parallel};
    fnet_job whole = {0};
    int rc = 0;
    *out = malloc(((size_t)g->n_nodes + 1) * sizeof **out);
    *n_out = 0;
    if (!*out)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    all.types = all.relations = NULL;
    all.from = all.to = FNET_DATE_NONE;
    all.dated_only = false;
    all.min_weight = 0;
    if (fnet_job_filtered(go))
        rc = fnet_job_run(&whole, c, &all, &co, err);
    const fnet_job *src = fnet_job_filtered(go) ? &whole : j;
    if (!rc && !src->has_cm)
        rc = fnet_err_set(err, FNET_EINTERNAL, "communities not computed");
    uint32_t extra = src->cm.n_communities;
    for (uint32_t v = 0; !rc && v < g->n_nodes; v++) {
        int32_t w = src->g->node_of[g->entity[v]];
        /* A node the whole graph lacks (none should) gets its own. */
        (*out)[v] = w >= 0 ? src->cm.community[w] : ++extra;
        if ((*out)[v] > *n_out)
            *n_out = (*out)[v];
    }
    fnet_job_free(&whole);
    if (rc) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

const fnet_graph *fnet_job_draw(const fnet_job *j)
{
    return j->draw ? j->draw : j->g;
}

void fnet_job_free(fnet_job *j)
{
    if (!j)
        return;
    if (j->has_bal)
        fnet_balance_free(&j->bal);
    if (j->has_cm)
        fnet_communities_free(&j->cm);
    if (j->has_m)
        fnet_metrics_free(&j->m);
    fnet_graph_free(j->draw);
    if (j->own_g)
        fnet_graph_free(j->g);
    memset(j, 0, sizeof *j);
}

void fnet_job_sampling_note(const fnet_job *j, char *buf, size_t size)
{
    buf[0] = 0;
    if (j->has_m && j->m.sampled)
        snprintf(buf, size,
                 "Betweenness, closeness and harmonic centrality "
                 "estimated from %ld sampled sources.",
                 j->m.samples_used);
}

void fnet_job_sampling_message(const fnet_job *j, bool with_exact, char *buf,
                               size_t size)
{
    char note[160];
    fnet_job_sampling_note(j, note, sizeof note);
    buf[0] = 0;
    if (note[0])
        snprintf(buf, size, "n*m = %.3g: %s%s",
                 (double)j->g->n_nodes * fnet_graph_edge_count(j->g), note,
                 with_exact ? " Use --exact for exact values." : "");
}

void fnet_job_runs_message(const fnet_job *j, char *buf, size_t size)
{
    buf[0] = 0;
    if (j->has_cm && j->cm.runs > 1)
        snprintf(buf, size,
                 "communities: %d runs, modularity mean %.6f, sd "
                 "%.6f, min %.6f, max %.6f (reported: the best run)",
                 j->cm.runs, j->cm.mod_mean, j->cm.mod_sd, j->cm.mod_min,
                 j->cm.mod_max);
}

void fnet_job_signs_message(const fnet_job *j, char *buf, size_t size)
{
    buf[0] = 0;
    if (j->g && j->has_m)
        fnet_job_signs_note(fnet_graph_has_negative(j->g), &j->mo, buf, size);
}

void fnet_job_signs_note(bool negative, const fnet_metrics_opts *mo, char *buf,
                         size_t size)
{
    const unsigned strength =
        FNET_METRIC_BIT(FNET_M_STRENGTH) | FNET_METRIC_BIT(FNET_M_EIGENVECTOR) |
        FNET_METRIC_BIT(FNET_M_PAGERANK) | FNET_METRIC_BIT(FNET_M_HUB) |
        FNET_METRIC_BIT(FNET_M_AUTHORITY) | FNET_METRIC_BIT(FNET_M_CONSTRAINT);
    buf[0] = 0;
    if (negative && !mo->unweighted && (mo->want & strength))
        snprintf(buf, size,
                 "the graph has negative ties: strength, eigenvector, "
                 "PageRank, hub/authority and constraint take w+ + w- as "
                 "the tie strength, opposition included; net_strength and "
                 "communities keep the signs apart (docs/METRICS.md, "
                 "\"Signed networks\")");
}

void fnet_job_duplicates_message(const fnet_job *j, char *buf, size_t size)
{
    buf[0] = 0;
    if (j->g && j->g->opts.duplicates != FNET_DUP_INCLUDE)
        snprintf(buf, size, "--duplicates %s left out %llu repeated fact%s",
                 fnet_duplicates_name(j->g->opts.duplicates),
                 (unsigned long long)j->g->n_duplicates,
                 j->g->n_duplicates == 1 ? "" : "s");
}

void fnet_job_hits_message(const fnet_job *j, char *buf, size_t size)
{
    buf[0] = 0;
    if (j->hits_ambiguous)
        snprintf(buf, size,
                 "warning: the graph is bipartite (e.g. two-mode): "
                 "its hub and authority scores are not unique "
                 "(docs/METRICS.md, HITS)");
}

int fnet_job_run_defaults(fnet_job *j, const fnet_corpus *c,
                          fnet_community_opts *co, fnet_err *err)
{
    fnet_graph_opts go;
    fnet_job_opts jo;
    fnet_graph_opts_init(&go);
    fnet_job_opts_init(&jo);
    jo.communities = true;
    jo.graph_metrics = true;
    *co = jo.co;
    return fnet_job_run(j, c, &go, &jo, err);
}

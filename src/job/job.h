/* job.h - the analysis layer: one call from a loaded corpus (or a built
 * graph) to the graph, its node metrics, its communities and its graph
 * metrics, with every decision the commands share made here once: which
 * metrics follow from what is asked, the seeds (sampling uses the
 * community seed; igraph's default generator is reseeded first), the
 * second process for communities (analysis/community_async.h) and for
 * exact path metrics (analysis/split.h), the community column, the
 * frustration and structural balance of a signed graph, and the notes and warnings about the
 * result (sampling, runs, hub/authority on a two-mode graph), worded once.
 *
 * Layer: above analysis and graph, below output and cli; it prints
 * nothing (the command prints the notes it formats here).
 *
 * Ownership: a fnet_job owns what it computed (metrics, communities,
 * balance) and the graphs fnet_job_run() built; it borrows the corpus and
 * a graph given to fnet_job_analyse(), which must outlive it. Free it with
 * fnet_job_free() in every case, also after a failure. */
#ifndef FNET_JOB_H
#define FNET_JOB_H

#include "analysis/balance.h"
#include "analysis/community.h"
#include "analysis/metrics.h"
#include "analysis/signed.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stddef.h>

/* Where the second core is used (FACTNET_PARALLEL, docs/PERFORMANCE.md):
 * auto (by size), always (every graph: tests), serial (never). */
enum fnet_job_parallel { FNET_JOB_AUTO, FNET_JOB_ALWAYS, FNET_JOB_SERIAL };

typedef struct fnet_job_opts {
    /* Node metrics, a FNET_METRIC_BIT mask (0: none); FNET_M_COMMUNITY
     * implies communities. */
    unsigned want;
    /* Detect communities; with node metrics, m.value[FNET_M_COMMUNITY] is
     * then the community column. */
    bool communities;
    /* fnet_graph_metrics with the communities' count and modularity
     * (implies communities), and the frustration when the graph has a
     * negative edge. */
    bool graph_metrics;
    /* With graph_metrics: the frustration also on a graph without a
     * negative edge (evolve compares periods). */
    bool frustration;
    /* Structural balance: the triangles by sign pattern (bal), listing
     * every signed triangle when balance_all, else the unbalanced ones. */
    bool balance, balance_all;
    /* Also build `draw`: the undirected version of a directed graph, for
     * diagrams and evidence. */
    bool draw_undirected;
    bool unweighted;        /* --unweighted: metrics and communities */
    bool weighted_paths;    /* --weighted: path metrics use 1/weight */
    bool exact;             /* never sample path metrics */
    long samples;           /* sampled sources; 0: the default rule */
    fnet_community_opts co; /* its seed also seeds sampling */
    int parallel;           /* enum fnet_job_parallel */
} fnet_job_opts;

typedef struct fnet_job {
    fnet_graph *g;    /* owned when fnet_job_run() built it */
    fnet_graph *draw; /* owned: draw_undirected of a directed graph, else
                         NULL (fnet_job_draw() gives the one to draw) */
    /* The options the metrics were computed with (analysis/trend.h reuses
     * them). */
    fnet_metrics_opts mo;
    fnet_metrics m;        /* valid when has_m */
    fnet_communities cm;   /* valid when has_cm */
    fnet_graph_metrics gm; /* valid when has_gm */
    fnet_frustration fr;   /* valid when has_fr (a negative edge) */
    fnet_balance bal;      /* valid when has_bal */
    bool has_m, has_cm, has_gm, has_fr, has_bal;
    /* Hub/authority wanted on an undirected bipartite graph, where they
     * are not unique (docs/METRICS.md, HITS). */
    bool hits_ambiguous;
    bool own_g; /* fnet_job_free() frees g */
} fnet_job;

/* Every metric but community, communities off, factnet's community
 * defaults, FNET_JOB_AUTO. */
void fnet_job_opts_init(fnet_job_opts *o);

/* Reads FACTNET_PARALLEL's value v (NULL or "" mean auto). Returns the
 * mode, or -1 for any other value than auto, always and serial. */
int fnet_job_parallel_from_name(const char *v);

/* Builds the graph of c with go and analyses it (fnet_job_analyse()).
 * Returns 0, FNET_EUSAGE (a graph option names something c does not
 * have, or spinglass on a disconnected graph), FNET_ENOMEM or
 * FNET_EINTERNAL, with err set. */
int fnet_job_run(fnet_job *j, const fnet_corpus *c, const fnet_graph_opts *go,
                 const fnet_job_opts *o, fnet_err *err);

/* fnet_job_run() with factnet's defaults (full view, every metric,
 * communities by Leiden with seed 42, graph metrics), as `factnet
 * metrics` computes them (`factnet build`); *co receives the community
 * options used. Returns as fnet_job_run(). */
int fnet_job_run_defaults(fnet_job *j, const fnet_corpus *c,
                          fnet_community_opts *co, fnet_err *err);

/* Analyses graph g, which j borrows: the node metrics here while
 * communities run in a child process on a large graph, then the graph
 * metrics, the frustration and the balance. *j must be zeroed first.
 * Returns as fnet_job_run(); on failure the parts computed stay for
 * fnet_job_free(). A caller that keeps the results longer than the job
 * (evolve's snapshots) may move the structs out and then drop the job
 * without fnet_job_free(). */
int fnet_job_analyse(fnet_job *j, fnet_graph *g, const fnet_job_opts *o,
                     fnet_err *err);

/* True when go cuts the corpus (types, relations, dates, minimum
 * weight): the graph of go without them is then the whole corpus's. */
bool fnet_job_filtered(const fnet_graph_opts *go);

/* The whole corpus's communities for the nodes of j->g (fnet_job_run()
 * with go and o): the partition of the graph of go without its filters
 * (same view, direction and weights; o's community options), read at the
 * entities of j->g, so that a filtered view keeps the numbers (and
 * colours) of the whole corpus (docs/DIAGRAMS.md, "Stable colours").
 * Without filters, a copy of j's own communities. *out has one entry per
 * node of j->g, 1-based; *n_out is the largest. The caller frees *out
 * with free(). Returns as fnet_job_run(). */
int fnet_job_corpus_communities(uint32_t **out, uint32_t *n_out,
                                const fnet_job *j, const fnet_corpus *c,
                                const fnet_graph_opts *go,
                                const fnet_job_opts *o, fnet_err *err);

/* The graph to draw: draw when there is one, else g. */
const fnet_graph *fnet_job_draw(const fnet_job *j);

/* NULL is allowed; j is zeroed. */
void fnet_job_free(fnet_job *j);

/* The sentence about sampled path metrics ("Betweenness, closeness and
 * harmonic centrality estimated from K sampled sources."), or "" when
 * nothing was sampled, into buf. */
void fnet_job_sampling_note(const fnet_job *j, char *buf, size_t size);

/* The standard error note about sampling, after "note: ": "n*m = X:
 * SENTENCE" then " Use --exact for exact values." when with_exact (the
 * command has --exact); "" when nothing was sampled. */
void fnet_job_sampling_message(const fnet_job *j, bool with_exact, char *buf,
                               size_t size);

/* The line about several community runs ("communities: N runs,
 * modularity mean ..."), or "" with one run or no communities. */
void fnet_job_runs_message(const fnet_job *j, char *buf, size_t size);

/* The note when a tie-strength metric (strength, eigenvector, PageRank,
 * hub/authority, constraint) was computed with weights on a graph with
 * negative ties, which it reads as w+ + w- (docs/METRICS.md, "Signed
 * networks"), else "". */
void fnet_job_signs_message(const fnet_job *j, char *buf, size_t size);

/* The same note for metrics mo computed on graphs of which some has a
 * negative edge (negative), else "" (evolve's snapshots). */
void fnet_job_signs_note(bool negative, const fnet_metrics_opts *mo, char *buf,
                         size_t size);

/* The note about the facts --duplicates left out of the graph, else "". */
void fnet_job_duplicates_message(const fnet_job *j, char *buf, size_t size);

/* The warning when hits_ambiguous, else "". */
void fnet_job_hits_message(const fnet_job *j, char *buf, size_t size);

#endif

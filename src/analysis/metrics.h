/* metrics.h - node and graph metrics computed with igraph.
 *
 * Definitions and formulas: docs/METRICS.md. Defaults follow NetworkX and
 * Gephi so that readers can compare: tie-strength metrics (strength,
 * eigenvector, PageRank, hub/authority, constraint) use edge weights unless
 * `unweighted`; path metrics (betweenness, closeness, harmonic) are
 * unweighted unless `weighted_paths` (distance = 1/weight). Only the metrics
 * asked for in `want` are computed.
 *
 * Ownership: fnet_metrics owns its arrays; free with fnet_metrics_free(). */
#ifndef FNET_METRICS_H
#define FNET_METRICS_H

#include "core/error.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdint.h>

/* Node metric columns, in table order after id,label,type. */
enum fnet_metric {
    FNET_M_DEGREE,
    FNET_M_IN_DEGREE,
    FNET_M_OUT_DEGREE,
    FNET_M_STRENGTH,
    FNET_M_POS_DEGREE,   /* signed: neighbours with a positive fact */
    FNET_M_NEG_DEGREE,   /* signed: neighbours with a negative fact */
    FNET_M_NET_STRENGTH, /* signed: sum of (positive - negative) weights */
    FNET_M_BETWEENNESS,
    FNET_M_CLOSENESS,
    FNET_M_HARMONIC,
    FNET_M_EIGENVECTOR,
    FNET_M_PAGERANK,
    FNET_M_HUB,
    FNET_M_AUTHORITY,
    FNET_M_CORENESS,
    FNET_M_CLUSTERING,
    FNET_M_CONSTRAINT,
    FNET_M_COMMUNITY, /* filled from fnet_communities by the caller */
    FNET_M_COUNT
};

#define FNET_METRIC_BIT(m) (1u << (m))
#define FNET_METRICS_ALL ((1u << FNET_M_COUNT) - 1)
/* The signed columns, which tables add when the graph has a negative edge
 * (fnet_graph_has_negative(); docs/METRICS.md, "Signed networks"). */
#define FNET_METRICS_SIGNED                                                    \
    (FNET_METRIC_BIT(FNET_M_POS_DEGREE) | FNET_METRIC_BIT(FNET_M_NEG_DEGREE) | \
     FNET_METRIC_BIT(FNET_M_NET_STRENGTH))
/* True for the columns written as integers. */
bool fnet_metric_is_integer(int metric);

/* "degree" -> FNET_M_DEGREE ...; -1 for an unknown name. */
int fnet_metric_from_name(const char *name);
const char *fnet_metric_name(int metric);

typedef struct fnet_metrics_opts {
    unsigned want;       /* FNET_METRIC_BIT mask */
    bool unweighted;     /* ignore weights everywhere */
    bool weighted_paths; /* path metrics use distance 1/weight */
    bool exact;          /* never sample betweenness/closeness */
    long samples;        /* sources to sample when sampling; 0: default */
    unsigned long seed;  /* for sampling */
    /* Exact betweenness, closeness and harmonic are split over two halves
     * of the nodes from n*m >= split_min_work (analysis/split.h; default
     * FNET_SPLIT_MIN_WORK): the second half in a child process unless
     * in_process. Closeness and harmonic are the same either way;
     * betweenness is then the sum of the two halves' sums, which may
     * differ from the one-pass sum in the last bits, but never depends on
     * in_process. */
    double split_min_work;
    bool in_process;
} fnet_metrics_opts;

typedef struct fnet_metrics {
    uint32_t n;                  /* nodes */
    double *value[FNET_M_COUNT]; /* NULL when not computed; NaN marks an
                                        undefined value (e.g. constraint of
                                        an isolated node). The caller may
                                        put a malloc'd community column in
                                        value[FNET_M_COMMUNITY]; free()
                                        releases it with the rest. */
    bool sampled;                /* betweenness/closeness from samples */
    long samples_used;
} fnet_metrics;

/* Exact betweenness, closeness and harmonic cost O(V E) (one BFS or
 * Dijkstra per node). Above FNET_METRICS_EXACT_LIMIT = n * m they are
 * estimated from `samples` sources (default FNET_METRICS_DEFAULT_SAMPLES)
 * unless `exact`; a positive `samples` smaller than n asks for sampling on
 * any graph. The sources are drawn with a fixed PRNG seeded by `seed`.
 * docs/METRICS.md, "Sampling". */
#define FNET_METRICS_EXACT_LIMIT 5e9
#define FNET_METRICS_DEFAULT_SAMPLES 1000

/* Defaults: every metric but community, weighted, exact below the limit,
 * seed 1, split from FNET_SPLIT_MIN_WORK with a child process. */
void fnet_metrics_opts_init(fnet_metrics_opts *o);

/* Computes the wanted node metrics. Returns 0 or an FNET_E* code with err
 * set. The caller frees out with fnet_metrics_free() in every case. */
int fnet_metrics_compute(fnet_metrics *out, const fnet_graph *g,
                         const fnet_metrics_opts *o, fnet_err *err);

void fnet_metrics_free(fnet_metrics *m);

/* Graph-level metrics (`--level graph`), in table order. */
typedef struct fnet_graph_metrics {
    double nodes, edges, density, components, largest_component, diameter,
        average_path_length, transitivity, average_clustering,
        degree_assortativity, type_assortativity, communities, modularity;
} fnet_graph_metrics;

/* Computes every graph metric but communities and modularity, which are
 * set to NaN for the caller to fill from fnet_communities (they depend on
 * the community options). All unweighted; undefined values are NaN. */
int fnet_graph_metrics_compute(fnet_graph_metrics *out, const fnet_graph *g,
                               fnet_err *err);

#endif

/* evolve.h - the network over time: one snapshot per period, its node and
 * graph metrics, communities tracked across periods and rank changes
 * between consecutive periods (`factnet evolve`, docs/EVOLUTION.md).
 *
 * Each snapshot is fnet_graph_build() with the period's date window (and
 * the other graph options as given), without isolated nodes: a node is
 * present in a period when it has an edge there. Undated facts are left
 * out of every snapshot, or with keep_undated put in every one.
 *
 * Ownership: fnet_evolution owns everything in it (graphs included); free
 * it with fnet_evolution_free(). It borrows the corpus. */
#ifndef FNET_EVOLVE_H
#define FNET_EVOLVE_H

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "analysis/periods.h"
#include "analysis/signed.h"
#include "analysis/tracking.h"
#include "core/error.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdint.h>

#define FNET_EVOLVE_DEFAULT_THRESHOLD 0.3

typedef struct fnet_evolve_opts {
    fnet_graph_opts graph; /* filters and view; from, to, dated_only and
                                drop_isolated are set per period */
    fnet_period_spec periods;
    bool keep_undated;         /* undated facts in every snapshot */
    fnet_metrics_opts metrics; /* want: node metrics to compute */
    fnet_community_opts community;
    double threshold; /* Jaccard threshold of the tracking */
    int rank_metric;  /* enum fnet_metric (not community) */
} fnet_evolve_opts;

/* Defaults: yearly periods, each on its own, undated facts left out,
 * degree, betweenness and pagerank, leiden, threshold 0.3, ranks by
 * pagerank. */
void fnet_evolve_opts_init(fnet_evolve_opts *o);

/* Takes the graph every snapshot is built with: its filters and view
 * (g), whose from and to bound the periods; unweighted turns weights off
 * for communities and metrics, weighted_paths makes path metrics use
 * 1/weight. Can't fail. */
void fnet_evolve_opts_graph(fnet_evolve_opts *o, const fnet_graph_opts *g,
                            bool unweighted, bool weighted_paths);

typedef struct fnet_snapshot {
    fnet_period period;
    fnet_graph *g;         /* its nodes: the entities present */
    fnet_metrics m;        /* the wanted metrics; value[FNET_M_COMMUNITY]
                               holds the persistent community ids */
    fnet_communities cm;   /* canonical numbers of this period */
    fnet_graph_metrics gm; /* with communities and modularity; all NaN
                               but nodes and edges (0) when empty */
    fnet_frustration fr;   /* signs and frustration of cm */
    uint32_t *rank;        /* per node: 1 + number of nodes with a higher
                               value of the rank metric */
    bool empty;            /* no edge in the window */
} fnet_snapshot;

enum fnet_rank_status {
    FNET_RANK_ROSE,
    FNET_RANK_FELL,
    FNET_RANK_ENTERED,
    FNET_RANK_LEFT,
    FNET_RANK_SAME
};

/* "rose", "fell", "entered", "left", "same". */
const char *fnet_rank_status_name(int status);

/* One entity between two consecutive non-empty snapshots. */
typedef struct fnet_rank_change {
    size_t from, to; /* snapshot indices */
    uint32_t entity;
    uint32_t rank_from, rank_to; /* 0: absent from that snapshot */
    double value_from, value_to; /* NaN: absent */
    int status;                  /* enum fnet_rank_status */
} fnet_rank_change;

typedef struct fnet_evolution {
    const fnet_corpus *corpus;
    fnet_snapshot *snap;
    size_t n;
    fnet_tracking tracking;  /* over the snapshots' communities */
    fnet_rank_change *ranks; /* by snapshot pair; then rose (largest
                                     rise first), fell (largest fall
                                     first), entered, left, same; then
                                     entity id */
    size_t n_ranks;
    uint64_t undated; /* undated facts in the corpus */
    bool negative;    /* some snapshot has a negative edge */
} fnet_evolution;

/* Builds and measures every snapshot, tracks communities, ranks nodes.
 * Returns 0, FNET_EUSAGE (bad filter, no dated range, too many periods,
 * spinglass on a disconnected snapshot: err names the period), or
 * FNET_ENOMEM / FNET_EINTERNAL. The caller frees out with
 * fnet_evolution_free() in every case. Cost: the metrics of every
 * snapshot. */
int fnet_evolve_run(fnet_evolution *out, const fnet_corpus *c,
                    const fnet_evolve_opts *o, fnet_err *err);

void fnet_evolution_free(fnet_evolution *e);

/* Competition ranks of values v[0..n) (larger first; values within 1e-12
 * relative share a rank; NaN after every number): rank[i] = 1 + number of
 * values greater than v[i]. Can't fail. */
void fnet_evolve_rank(uint32_t *rank, const double *v, uint32_t n);

#endif

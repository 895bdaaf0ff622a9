/* trend.h - one node metric over time: its value for the leading entities
 * in yearly snapshots of the graph, for the report's chart
 * (docs/REPORT.md, "Centrality over time").
 *
 * A snapshot is the graph built with the report's own options (view,
 * filters, weights) plus a date window and --dated-only:
 * - cumulative: the facts dated up to the end of the year (from the
 *   report's --from, if any), i.e. the network as it stood then;
 * - each: the facts whose dates overlap the year.
 * So the point of year Y is exactly what `factnet metrics --dated-only
 * --to Y` (cumulative) or `--from Y --to Y` (each) reports for that
 * entity, with the same other options. An entity with no tie in a
 * snapshot has no value there (NaN): it is not yet, or not then, part of
 * the network, and a metric of an isolated node (PageRank's teleport
 * share, say) would suggest otherwise.
 *
 * The years run from the earliest fact date to the latest fact date or
 * `until` in the corpus, clipped to the report's --from/--to. The series
 * are the `top` nodes of the whole graph by the caller's ranking values
 * (its metric table), actors only when the graph has actors, ties broken
 * by entity id.
 *
 * Ownership: fnet_trend owns its arrays; free it with fnet_trend_free(). */
#ifndef FNET_TREND_H
#define FNET_TREND_H

#include "analysis/metrics.h"
#include "core/error.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdint.h>

/* More years than this and no chart is drawn (each is a graph build). */
#define FNET_TREND_MAX_YEARS 400

typedef struct fnet_trend_opts {
    int metric;      /* enum fnet_metric, not FNET_M_COMMUNITY */
    uint32_t top;    /* number of series, >= 1 */
    bool cumulative; /* else each year on its own */
} fnet_trend_opts;

/* PageRank, top 5, cumulative. */
void fnet_trend_opts_init(fnet_trend_opts *o);

typedef struct fnet_trend {
    int metric;
    bool cumulative;
    uint32_t n_years; /* 0: no chart (no dated fact, or too long) */
    int first_year;   /* years first_year .. first_year + n_years - 1 */
    long span;        /* years the dated facts span (0: none dated) */
    uint32_t n_series;
    uint32_t *entity; /* per series: entity index */
    double *value;    /* value[s * n_years + y]; NaN: no tie that year */
} fnet_trend;

/* Computes the series for graph g (the report's graph: its options and
 * corpus are used for every snapshot). rank[v] ranks node v of g (NaN:
 * never chosen; rank NULL: no series). mo gives the metric options
 * (weights, paths, seed); its `want` is ignored. Returns 0, or FNET_ENOMEM / FNET_EINTERNAL with err
 * set. The caller frees out with fnet_trend_free() in every case. */
int fnet_trend_compute(fnet_trend *out, const fnet_graph *g, const double *rank,
                       const fnet_metrics_opts *mo, const fnet_trend_opts *o,
                       fnet_err *err);

void fnet_trend_free(fnet_trend *t);

#endif

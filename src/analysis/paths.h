/* paths.h - exact betweenness, closeness and harmonic centrality from one
 * breadth-first search per source (Brandes 2001), unweighted paths.
 *
 * igraph walks all shortest paths once for each of the three metrics;
 * this module walks them once for all three. Each search from a source s
 * gives the distances from s (closeness and harmonic of s) and, walked
 * back in reverse order of discovery, the dependencies of s on every node
 * (its share of betweenness). The results are those of igraph 0.10's
 * igraph_betweenness_subset (sources [lo, hi), all targets),
 * igraph_closeness (normalised, with reachable counts) and
 * igraph_harmonic_centrality (normalised) bit for bit: the search visits
 * the nodes in igraph's order (neighbours in igraph's adjacency-list
 * order) and every floating-point sum is taken in igraph's order.
 *
 * Weighted paths (Dijkstra) are not here: metrics.c keeps igraph's calls
 * for them. Owns nothing after fnet_paths_destroy(). */
#ifndef FNET_PATHS_H
#define FNET_PATHS_H

#include "core/error.h"

#include <igraph.h>
#include <stdbool.h>
#include <stdint.h>

/* The graph as compact adjacency arrays (read-only after init; a forked
 * child shares them): out-arcs when directed, all edges when not. */
typedef struct fnet_paths {
    int32_t n;
    bool directed;
    bool betweenness; /* compute dependencies too (else distances only) */
    int64_t *out_off; /* n + 1 offsets into out */
    int32_t *out;
    int64_t *par_off; /* directed: n + 1 offsets of parent slots (one per
                         in-arc); NULL when undirected (out_off serves) */
    int32_t *reach;   /* undirected: component sizes; NULL when directed */
} fnet_paths;

/* Builds the adjacency of ig (out-arcs when directed, all edges when
 * not; self-loops dropped, parallel edges kept, as igraph's betweenness
 * does). Returns 0 or FNET_ENOMEM / an igraph error with err set. */
int fnet_paths_init(fnet_paths *p, const igraph_t *ig, bool betweenness,
                    fnet_err *err);

void fnet_paths_destroy(fnet_paths *p);

/* Searches from the sources [lo, hi). res receives, when p->betweenness,
 * n values: the betweenness of every node counting only paths from those
 * sources (halved when undirected), as igraph_betweenness_subset; then
 * hi - lo closeness values (reachable / sum of distances; NaN when
 * nothing is reachable), then hi - lo harmonic values (sum of 1/d, times
 * 1/(n-1) when n > 1). reach receives the hi - lo reachable counts. An
 * fnet_split_fn (analysis/split.h) with ctx = p. */
int fnet_paths_part(void *p, igraph_integer_t lo, igraph_integer_t hi,
                    igraph_vector_t *res, igraph_vector_int_t *reach,
                    fnet_err *err);

#endif

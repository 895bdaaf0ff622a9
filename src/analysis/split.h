/* split.h - an O(n m) igraph computation spread over two processes.
 *
 * Exact betweenness, closeness and harmonic centrality run one shortest-
 * path search per node: O(n m) in all. igraph is not thread-safe, so the
 * second core is used by a forked child: the caller's process handles the
 * first half of the nodes and the child the second half, concurrently; the
 * child's result comes back through a pipe. Where fork fails, or the
 * caller asks for no child, both halves run in the caller's process, one
 * after the other, with the same results.
 *
 * The split is fixed (at n / 2), so results never depend on timing, on the
 * number of cores or on whether a child ran. */
#ifndef FNET_SPLIT_H
#define FNET_SPLIT_H

#include "core/error.h"

#include <igraph.h>
#include <stdbool.h>

/* Graphs below this n*m are not worth a fork (fnet_metrics_opts). */
#define FNET_SPLIT_MIN_WORK 1e8

/* Computes the part of the result that comes from nodes [lo, hi) into res
 * and, when the computation has one, ires (both initialised by the
 * caller; fn resizes them). Returns 0 or an FNET_E* code with err set. */
typedef int (*fnet_split_fn)(void *ctx, igraph_integer_t lo,
                             igraph_integer_t hi, igraph_vector_t *res,
                             igraph_vector_int_t *ires, fnet_err *err);

/* Runs fn on [0, n/2) here and [n/2, n) in a child (when in_child), at
 * the same time. lo_res/lo_ires receive the first half's result,
 * hi_res/hi_ires the second's (all initialised by the caller). Returns 0
 * or an FNET_E* code with err set (FNET_EINTERNAL when the child died). */
int fnet_split_run(fnet_split_fn fn, void *ctx, igraph_integer_t n,
                   bool in_child, igraph_vector_t *lo_res,
                   igraph_vector_int_t *lo_ires, igraph_vector_t *hi_res,
                   igraph_vector_int_t *hi_ires, fnet_err *err);

#endif

/* graph_pairs.h - the graph of per-pair sums (input/aggregate.h).
 *
 * Gives the graph fnet_graph_build() would build from the full corpus with
 * the default view and filters (full view, undirected, every relation,
 * type and date): nodes in entity order, one edge per pair ordered by
 * (from, to), with the pair's weight, signed weights, count, sign and
 * relation. Only min_weight may differ from the defaults. Edges have no
 * fact lists or dates (the facts were not kept): facts is NULL, n_facts 0,
 * first and last unset.
 *
 * Ownership: the graph borrows the corpus and frees nothing of the pairs;
 * free it with fnet_graph_free(). */
#ifndef FNET_GRAPH_PAIRS_H
#define FNET_GRAPH_PAIRS_H

#include "graph/graph.h"
#include "model/pairs.h"

#include <stdbool.h>
#include <stddef.h>

/* True when opts asks for nothing but what the pair sums hold. */
bool fnet_graph_pairs_supported(const fnet_graph_opts *opts);

/* Builds the graph from the n_pairs sums (left unchanged; the caller may
 * free them afterwards). Returns 0, FNET_EUSAGE when opts is not
 * supported, or FNET_ENOMEM / FNET_EINTERNAL with err set. O(P + N) for P
 * pairs and N entities (counting sort of the pair indices). */
int fnet_graph_build_pairs(fnet_graph **out, const fnet_corpus *c,
                           const fnet_pair_sum *pairs, size_t n_pairs,
                           const fnet_graph_opts *opts, fnet_err *err);

#endif

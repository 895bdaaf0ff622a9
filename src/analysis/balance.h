/* balance.h - structural balance of a signed graph (Heider 1946; Cartwright
 * & Harary 1956): its triangles by sign pattern.
 *
 * The graph is taken undirected (the arcs of a pair combine). Each pair
 * gets the sign of its net weight, sum of pos_weight - neg_weight over its
 * arcs (graph.h): a pair with both positive and negative facts ("mixed")
 * takes the sign of the heavier side, and a pair whose two sides weigh the
 * same has no sign: triangles through it are excluded and counted. A
 * triangle is balanced when it has an even number of negative pairs (+++
 * and +--), unbalanced otherwise (++- and ---). docs/METRICS.md,
 * "Structural balance".
 *
 * Ownership: fnet_balance owns its list; free it with fnet_balance_free(). */
#ifndef FNET_BALANCE_H
#define FNET_BALANCE_H

#include "core/error.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdint.h>

/* One triangle: its nodes in increasing node order, and its three pairs
 * in the order 01, 02, 12 (FNET_TRIANGLE_A/B give the ends of pair k). */
typedef struct fnet_triangle {
    uint32_t node[3]; /* node[0] < node[1] < node[2] */
    int sign[3];      /* net sign (+1/-1) of the pairs 01, 02, 12 */
    int negatives;    /* number of negative pairs, 0..3 */
    bool balanced;    /* negatives is even */
} fnet_triangle;

/* The nodes of pair k (0: 01, 1: 02, 2: 12) of triangle t. */
#define FNET_TRIANGLE_A(t, k) ((t)->node[(k) == 2 ? 1 : 0])
#define FNET_TRIANGLE_B(t, k) ((t)->node[(k) == 0 ? 1 : 2])

typedef struct fnet_balance {
    uint64_t positive, negative, zero, mixed; /* undirected pairs: by net
                                                 sign; mixed = with facts
                                                 of both signs */
    uint64_t triangles;       /* all triangles of the undirected graph */
    uint64_t excluded;        /* triangles through a pair without sign */
    uint64_t by_negatives[4]; /* signed triangles with 0..3 negative pairs
                                 (+++, ++-, +--, ---) */
    uint64_t balanced, unbalanced;
    double ratio;        /* balanced / (balanced + unbalanced); NaN when
                             there is no signed triangle */
    fnet_triangle *list; /* the unbalanced triangles (all signed triangles
                             with list_all), unbalanced first, then by
                             number of negative pairs, then by nodes */
    size_t n_list;
} fnet_balance;

/* Enumerates the triangles of g (igraph_list_triangles on the undirected
 * version) and classifies them. Returns 0, FNET_ENOMEM or FNET_EINTERNAL.
 * The caller frees out with fnet_balance_free() in every case. O(E^1.5)
 * for the enumeration. */
int fnet_balance_compute(fnet_balance *out, const fnet_graph *g, bool list_all,
                         fnet_err *err);

void fnet_balance_free(fnet_balance *b);

/* The arcs of g between nodes a and b (one when undirected; up to two,
 * a -> b first, in directed mode): their edge indices in out, how many in
 * the return value. These hold the evidence of a triangle's pair. */
int fnet_balance_pair_edges(const fnet_graph *g, uint32_t a, uint32_t b,
                            int64_t out[2]);

#endif

/* signed.h - how well a partition respects the signs of a signed graph.
 *
 * An undirected pair of nodes is positive when its net weight (the sum of
 * pos_weight - neg_weight over its arcs, graph.h) is > 0, negative when
 * < 0, and zero otherwise (its positive and negative facts weigh the
 * same). A partition frustrates a negative pair inside a community and a
 * positive pair between communities (Doreian & Mrvar 1996): frustration is
 * the share of signed pairs it frustrates. docs/METRICS.md, "Signed
 * networks". */
#ifndef FNET_SIGNED_H
#define FNET_SIGNED_H

#include "core/error.h"
#include "graph/graph.h"

#include <stdint.h>

typedef struct fnet_frustration {
    uint64_t positive, negative, zero; /* undirected pairs by net sign */
    uint64_t mixed;                    /* pairs with both positive and negative
                                  facts (whatever their net sign) */
    uint64_t negative_within;          /* negative pairs inside a community */
    uint64_t positive_between;         /* positive pairs between communities */
    double negative_within_share;      /* negative_within / negative; NaN if
                                      there is no negative pair */
    double positive_between_share;     /* positive_between / positive; NaN if
                                      there is no positive pair */
    double frustration;                /* (negative_within + positive_between) /
                           (positive + negative); NaN when both are 0 */
} fnet_frustration;

/* Counts the pairs of g by sign and, given community[node] (any labels;
 * NULL: counts only, shares NaN), those the partition frustrates. Returns
 * 0 or FNET_ENOMEM. O(E log E). */
int fnet_frustration_compute(fnet_frustration *out, const fnet_graph *g,
                             const uint32_t *community, fnet_err *err);

#endif

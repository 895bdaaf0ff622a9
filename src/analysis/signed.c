/* signed.c - sign counts and frustration of a partition (signed.h). */
#include "analysis/signed.h"

#include <math.h>
#include <string.h>

int fnet_frustration_compute(fnet_frustration *out, const fnet_graph *g,
                             const uint32_t *community, fnet_err *err)
{
    igraph_t u;
    igraph_vector_t w, pos, neg;
    int rc;
    memset(out, 0, sizeof *out);
    if ((rc = fnet_graph_undirected(g, &u, &w, err)))
        return rc;
    if ((rc = fnet_graph_undirected_signs(g, &pos, &neg, err))) {
        igraph_destroy(&u);
        igraph_vector_destroy(&w);
        return rc;
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&u); e++) {
        double p = VECTOR(pos)[e], n = VECTOR(neg)[e];
        bool within = community && community[IGRAPH_FROM(&u, e)] ==
                                       community[IGRAPH_TO(&u, e)];
        if (p > 0 && n > 0)
            out->mixed++;
        if (p > n) {
            out->positive++;
            out->positive_between += community && !within;
        } else if (p < n) {
            out->negative++;
            out->negative_within += within;
        } else {
            out->zero++;
        }
    }
    out->negative_within_share = NAN;
    out->positive_between_share = NAN;
    out->frustration = NAN;
    if (community && out->negative)
        out->negative_within_share =
            (double)out->negative_within / (double)out->negative;
    if (community && out->positive)
        out->positive_between_share =
            (double)out->positive_between / (double)out->positive;
    if (community && out->positive + out->negative)
        out->frustration =
            (double)(out->negative_within + out->positive_between) /
            (double)(out->positive + out->negative);
    igraph_destroy(&u);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&pos);
    igraph_vector_destroy(&neg);
    return 0;
}

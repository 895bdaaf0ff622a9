/* pairs.h - facts summed per unordered pair of entities.
 *
 * What the metrics job needs of a large corpus: for each pair of distinct
 * entities named together by at least one fact, what fnet_graph_build()
 * would put on their edge in the default view (undirected, no filters):
 * the sum of the facts' weights, its split by sign, the number of facts,
 * the sign and the relation, all folded in file order exactly as
 * graph/graph.c folds them. Produced by input/aggregate.h, turned into a
 * graph by graph/graph_pairs.h. */
#ifndef FNET_PAIRS_H
#define FNET_PAIRS_H

#include <stdint.h>

typedef struct fnet_pair_sum {
    uint64_t key;      /* entity index a << 32 | b, a < b */
    double weight;     /* sum of the facts' weights */
    double pos_weight; /* ... of the facts of sign +1 */
    double neg_weight; /* ... of the facts of sign -1 */
    uint32_t count;    /* number of facts */
    int32_t relation;  /* the relation of all its facts, or -1 */
    int8_t sign;       /* +1, -1, or 0 when the facts disagree */
} fnet_pair_sum;

static inline uint32_t fnet_pair_first(const fnet_pair_sum *p)
{
    return (uint32_t)(p->key >> 32);
}

static inline uint32_t fnet_pair_second(const fnet_pair_sum *p)
{
    return (uint32_t)(p->key & 0xffffffffu);
}

#endif

/* pairs.h - facts summed per unordered pair of entities.
 *
 * What the metrics job needs of a large corpus: for each pair of distinct
 * entities named together by at least one fact, what fnet_graph_build()
 * would put on their edge in the default view (undirected, no filters):
 * the sum of the facts' weights, its split by sign, the number of facts
 * and the relation, all folded in file order exactly as graph/graph.c
 * folds them, and the sign, which follows from the split since weights
 * are positive. Produced by input/aggregate.h, turned into a graph by
 * graph/graph_pairs.h. 40 bytes a pair. */
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
} fnet_pair_sum;

static inline uint32_t fnet_pair_first(const fnet_pair_sum *p)
{
    return (uint32_t)(p->key >> 32);
}

static inline uint32_t fnet_pair_second(const fnet_pair_sum *p)
{
    return (uint32_t)(p->key & 0xffffffffu);
}

/* +1 when every fact is positive, -1 when every fact is negative, else 0
 * (fact weights are > 0, so a sign's sum is 0 only without its facts). */
static inline int fnet_pair_sign(const fnet_pair_sum *p)
{
    return p->neg_weight == 0 ? 1 : p->pos_weight == 0 ? -1 : 0;
}

#endif

/* aggregate.h - loading for jobs that need only the weight per pair.
 *
 * fnet_load_corpus() keeps every fact (with its evidence), about 250 bytes
 * each: 2.5 GB for 10M facts. A job that needs only one weighted edge per
 * pair of entities (`factnet metrics` without fact filters) can instead
 * stream the facts: each valid fact is checked and added to its pair's sum
 * as it is read, and then forgotten. Memory is then proportional to
 * entities and pairs, not facts.
 *
 * The result is exactly what fnet_load_corpus() + fnet_graph_build()
 * would give: same messages in the same order, same sums, signs and
 * counts (model/pairs.h). Every record is still checked. This holds when
 * each fact names its entities by id and its relation and sources are
 * declared before it (as exports and event datasets write them);
 * otherwise, and for other formats, standard input or a label map, the
 * function declines and the caller loads the corpus in full.
 *
 * Ownership: the caller frees *out with fnet_aggregate_free(). */
#ifndef FNET_AGGREGATE_H
#define FNET_AGGREGATE_H

#include "core/diag.h"
#include "core/error.h"
#include "input/load.h"
#include "model/corpus.h"
#include "model/pairs.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_aggregate {
    fnet_corpus *corpus;  /* sources, entities, relations; resolved, with
                             entity n_facts set; facts are not kept */
    uint64_t n_facts;     /* valid facts read */
    fnet_pair_sum *pairs; /* n_pairs, in order of first appearance */
    size_t n_pairs;
} fnet_aggregate;

/* Loads and validates the files of p, summing facts per pair, as
 * fnet_load_planned() with strict false. Returns:
 * - 0 with *out set: d holds the warnings fnet_load_corpus() would give;
 * - 0 with *out NULL: the files cannot be aggregated exactly (see above;
 *   at once when !fnet_load_plan_streams(p)); nothing was added to d: load
 *   them with fnet_load_planned(p);
 * - FNET_EDATA: d holds the errors fnet_load_corpus() would give;
 * - FNET_EIO / FNET_ENOMEM with err set.
 * Costs one pass over the files (two when it declines half-way). */
int fnet_load_aggregated(fnet_aggregate **out, const fnet_load_plan *p,
                         fnet_diag *d, fnet_err *err);

/* Frees the pair sums alone (once the graph is built, to lower the peak
 * memory of the rest of the job). */
void fnet_aggregate_free_pairs(fnet_aggregate *a);

/* NULL is allowed. */
void fnet_aggregate_free(fnet_aggregate *a);

#endif

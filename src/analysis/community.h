/* community.h - community detection on the undirected weighted graph.
 *
 * Every algorithm runs on the undirected version of the graph (one edge per
 * connected pair, weight w(u->v) + w(v->u); fnet_graph_undirected()), with
 * the edge weights as tie strengths unless `unweighted`. Runs are
 * reproducible: igraph's default RNG is seeded with `seed` (run r: seed + r)
 * right before each run. Communities are numbered canonically: 1 is the
 * largest, ties broken by the smallest member id (entity id, byte order),
 * so the numbers do not depend on igraph's internal labels.
 *
 * With runs > 1 the reported partition is the run of highest modularity
 * (the earliest on ties), and each node gets a stability: the fraction of
 * runs in which its community agrees with its reported community, where
 * "agrees" means |C(u) n C_r(u)| > max(|C(u)|, |C_r(u)|) / 2 (more than half
 * of both communities coincide). docs/METRICS.md, "Communities".
 *
 * Ownership: fnet_communities owns its arrays; free with
 * fnet_communities_free(). */
#ifndef FNET_COMMUNITY_H
#define FNET_COMMUNITY_H

#include "core/error.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdint.h>

enum fnet_community_algorithm {
    FNET_COMM_LEIDEN,
    FNET_COMM_LOUVAIN,
    FNET_COMM_WALKTRAP,
    FNET_COMM_INFOMAP,
    FNET_COMM_LABEL_PROPAGATION,
    FNET_COMM_EDGE_BETWEENNESS,
    FNET_COMM_FASTGREEDY,
    FNET_COMM_OPTIMAL,
    FNET_COMM_SPINGLASS,
    FNET_COMM_COUNT
};

/* "leiden" -> FNET_COMM_LEIDEN ...; -1 for an unknown name. */
int fnet_community_algorithm_from_name(const char *name);
const char *fnet_community_algorithm_name(int algorithm);
/* True for the algorithms that take a resolution (leiden, louvain,
 * spinglass). */
bool fnet_community_has_resolution(int algorithm);

#define FNET_COMMUNITY_DEFAULT_SEED 42

typedef struct fnet_community_opts {
    int algorithm;     /* enum fnet_community_algorithm */
    double resolution; /* > 0; 1 = classic modularity */
    unsigned long seed;
    int runs; /* >= 1 */
    bool unweighted;
} fnet_community_opts;

/* Leiden, resolution 1, seed FNET_COMMUNITY_DEFAULT_SEED, 1 run,
 * weighted. */
void fnet_community_opts_init(fnet_community_opts *o);

typedef struct fnet_communities {
    uint32_t n;          /* nodes */
    uint32_t *community; /* per node, 1 .. n_communities */
    uint32_t n_communities;
    double modularity;   /* igraph_modularity of the reported partition
                               (weights and resolution as used); NaN for a
                               graph without edges. With signed_quality:
                               the signed modularity of Gomez et al. */
    bool signed_quality; /* spinglass on a graph with a negative edge:
                               run on the signed weights (pos - neg per
                               pair) with igraph's implementation for
                               negative links */
    bool positive_part;  /* any other algorithm on a graph with a negative
                               edge: run on the positive part of the net
                               weights, max(w+ - w-, 0); modularity is that
                               graph's */
    int runs;
    double mod_mean, mod_sd, mod_min, mod_max; /* over the runs (sd: sample
                                                  standard deviation, 0 for
                                                  one run) */
    double *stability; /* per node; NULL when runs == 1 */
} fnet_communities;

/* Detects communities. On a graph without a negative edge every algorithm
 * uses the tie strengths; with one, spinglass separates the signs
 * (signed_quality) and every other algorithm sees the positive part of
 * the net weights (positive_part), so that opponents are never pulled
 * together (docs/METRICS.md, "Communities"). Returns 0, FNET_EUSAGE (spinglass on a graph with
 * more than one component of two or more nodes), or FNET_EINTERNAL /
 * FNET_ENOMEM. The caller frees out with fnet_communities_free() in every
 * case. */
int fnet_communities_detect(fnet_communities *out, const fnet_graph *g,
                            const fnet_community_opts *o, fnet_err *err);

/* fnet_communities_detect() on a graph the caller will not use again but
 * to free it: the edge list, and the graph itself once the positive part
 * replaces it, are released (fnet_graph_release()) as soon as detection
 * no longer reads them, so that the peak memory is not both graphs at
 * once. The result is fnet_communities_detect()'s. For the child process
 * of community_async, whose copy of the graph is its own. */
int fnet_communities_detect_consume(fnet_communities *out, fnet_graph *g,
                                    const fnet_community_opts *o,
                                    fnet_err *err);

void fnet_communities_free(fnet_communities *c);

/* Canonical numbering: raw[i] is any label of node i (labels need not be
 * contiguous); out[i] becomes 1 for the largest community, ties broken by
 * the smallest ids[] of their members (strcmp). Returns the number of
 * communities, or -1 when out of memory. */
long fnet_communities_canonical(uint32_t *out, const igraph_integer_t *raw,
                                uint32_t n, const char *const *ids);

/* The stability rule for one run: adds 1 to agree[u] for every node u
 * whose run community agrees with its reported community, i.e.
 * |C(u) n C_r(u)| > max(|C(u)|, |C_r(u)|) / 2. ref and run hold canonical
 * numbers (1 .. n). Returns 0 or FNET_ENOMEM. O(n log n). */
int fnet_communities_agreement(const uint32_t *ref, const uint32_t *run,
                               uint32_t n, double *agree);

#endif

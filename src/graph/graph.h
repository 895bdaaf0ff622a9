/* graph.h - the igraph graph built from a corpus, and its views.
 *
 * Facts between the same pair of entities aggregate into one edge (igraph
 * would count parallel edges as extra shortest paths): weight = sum of the
 * facts' weights, count = number of facts, sign = +1, -1 or 0 (mixed).
 * Self-loops are left out. Each edge keeps the indices of its facts so that
 * every line of every output can be traced to its evidence.
 *
 * Views (docs/METRICS.md, "Views"):
 * - FNET_VIEW_FULL: every entity that passes the filters is a node (entities
 *   with no fact stay as isolated nodes), every fact an edge contribution.
 * - FNET_VIEW_ACTORS: the one-mode projection on actors: two actors are
 *   linked when they share an entity of a "via" type (default: every
 *   non-actor type), weighted by count | newman | jaccard, plus their direct
 *   actor-actor facts (each adds its weight).
 *
 * Direction: undirected by default. With directed, edges follow each fact's
 * subject -> object for directed relations; facts of undirected relations
 * add both arcs.
 *
 * Ownership: a fnet_graph borrows its corpus (which must outlive it) and
 * owns everything else; free it with fnet_graph_free(). */
#ifndef FNET_GRAPH_H
#define FNET_GRAPH_H

#include "core/error.h"
#include "model/corpus.h"

#include <igraph.h>

enum fnet_view { FNET_VIEW_FULL, FNET_VIEW_ACTORS };
enum fnet_projection { FNET_PROJ_COUNT, FNET_PROJ_NEWMAN, FNET_PROJ_JACCARD };

typedef struct fnet_graph_opts {
    int view;              /* enum fnet_view */
    int projection;        /* enum fnet_projection, for FNET_VIEW_ACTORS */
    const char *via;       /* comma list of types linking actors; NULL: all
                              non-actor types */
    const char *relations; /* comma list: keep only these; NULL: all */
    const char *types;     /* comma list of entity types to keep; NULL: all */
    fnet_date from, to;    /* window; FNET_DATE_NONE: open */
    bool dated_only;       /* drop undated facts */
    double min_weight;     /* drop aggregated edges lighter than this */
    bool directed;
} fnet_graph_opts;

/* One aggregated edge, in igraph edge-id order. */
typedef struct fnet_edge {
    uint32_t from, to;  /* node indices (from < to when undirected) */
    double weight;      /* sum of fact weights (projection weight for
                           shared-membership ties in the actors view) */
    uint32_t count;     /* number of facts (direct facts + shared items) */
    int sign;           /* +1, -1, or 0 when the facts disagree */
    int32_t relation;   /* the relation if all facts share one, else -1 */
    uint64_t *facts;    /* n_facts indices into corpus->facts: the direct
                           facts, then (actors view) the facts linking each
                           actor to the shared items */
    uint32_t n_facts;
    fnet_date first, last; /* earliest / latest fact date (unset if none) */
} fnet_edge;

typedef struct fnet_graph {
    const fnet_corpus *corpus;
    fnet_graph_opts opts;
    igraph_t g;               /* simple graph, directed iff opts.directed */
    uint32_t n_nodes;
    uint32_t *entity;         /* node -> entity index */
    int32_t *node_of;         /* entity -> node, or -1 when filtered out */
    fnet_edge *edges;         /* igraph_ecount(&g) edges */
    igraph_vector_t weights;  /* edge weights, by edge id */
    uint64_t n_facts_used;    /* facts that passed the filters */
} fnet_graph;

/* Fills opts with the defaults (full view, undirected, no filters). */
void fnet_graph_opts_init(fnet_graph_opts *opts);

/* Builds the graph. The corpus must be resolved. Nodes are in entity order,
 * edges ordered by (from, to). Returns 0, FNET_EUSAGE (an option names an
 * unknown relation or type; err says which) or FNET_ENOMEM/FNET_EINTERNAL.
 * The caller frees *out with fnet_graph_free(). O(F + E log E) for F facts;
 * the actors view costs O(sum over shared items of deg^2). */
int fnet_graph_build(fnet_graph **out, const fnet_corpus *c,
                     const fnet_graph_opts *opts, fnet_err *err);

/* NULL is allowed. */
void fnet_graph_free(fnet_graph *g);

/* Convenience accessors. */
static inline const fnet_entity *fnet_graph_node_entity(const fnet_graph *g,
                                                        uint32_t node)
{
    return &g->corpus->entities[g->entity[node]];
}

static inline uint32_t fnet_graph_edge_count(const fnet_graph *g)
{
    return (uint32_t)igraph_ecount(&g->g);
}

#endif

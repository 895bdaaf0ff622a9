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
 *   non-actor type), by DNA's stance ties (signed, congruence, conflict,
 *   subtract, ignore) or the stance-free count | newman | jaccard, plus
 *   their direct actor-actor facts (each adds its weight).
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
#include "graph/stance.h"
#include "model/corpus.h"

#include <igraph.h>

enum fnet_view { FNET_VIEW_FULL, FNET_VIEW_ACTORS };
enum fnet_projection { FNET_PROJ_COUNT, FNET_PROJ_NEWMAN, FNET_PROJ_JACCARD };

typedef struct fnet_graph_opts {
    int view;              /* enum fnet_view */
    int projection;        /* enum fnet_projection, for FNET_TIE_MEMBERSHIP */
    int tie;               /* enum fnet_tie (graph/stance.h), actors view;
                              default FNET_TIE_SIGNED */
    int normalize;         /* enum fnet_normalize, for the stance ties */
    int duplicates;        /* enum fnet_duplicates, every view */
    const char *via;       /* comma list of types linking actors; NULL: all
                              non-actor types */
    const char *relations; /* comma list: keep only these; NULL: all */
    const char *types;     /* comma list of entity types to keep; NULL: all */
    fnet_date from, to;    /* window; FNET_DATE_NONE: open */
    bool dated_only;       /* drop undated facts */
    double min_weight;     /* drop aggregated edges lighter than this */
    bool directed;
    bool drop_isolated; /* leave out nodes without any edge (after
                              min_weight); `evolve` uses it so that a
                              snapshot holds the entities active in it */
} fnet_graph_opts;

/* One aggregated edge, in igraph edge-id order. weight is the tie value:
 * w+ + w- (the tie strength), except for FNET_TIE_SUBTRACT, where it is
 * the net value w+ - w- and may be negative (fnet_graph_edge_strength()
 * is then w+ + w-). */
typedef struct fnet_edge {
    uint32_t from, to; /* node indices (from < to when undirected) */
    double weight;     /* sum of fact weights (projection weight for
                           shared-membership ties in the actors view) */
    double pos_weight; /* weight split by sign: the positive facts plus */
    double neg_weight; /* the projection weight (co-membership counts as
                           positive), and the negative facts; pos_weight +
                           neg_weight == weight. net = pos - neg
                           (docs/METRICS.md, "Signed networks") */
    uint32_t count;    /* number of facts (direct facts + shared items) */
    int32_t sign;      /* +1, -1, or 0 when the facts disagree */
    int32_t relation;  /* the relation if all facts share one, else -1 */
    uint32_t n_facts;
    uint64_t *facts;       /* n_facts indices into corpus->facts: the direct
                           facts, then (actors view) the facts linking each
                           actor to the shared items */
    fnet_date first, last; /* earliest / latest fact date (unset if none) */
} fnet_edge;

typedef struct fnet_graph {
    const fnet_corpus *corpus;
    fnet_graph_opts opts;
    igraph_t g; /* simple graph, directed iff opts.directed */
    uint32_t n_nodes;
    uint32_t *entity;        /* node -> entity index */
    int32_t *node_of;        /* entity -> node, or -1 when filtered out */
    fnet_edge *edges;        /* igraph_ecount(&g) edges */
    igraph_vector_t weights; /* edge weights, by edge id */
    uint64_t n_facts_used;   /* facts cited by at least one edge (they
                                 passed the filters and were not dropped
                                 with an edge by min_weight) */
    uint64_t *fact_pool;     /* storage behind every edges[i].facts */
    uint64_t n_duplicates;   /* facts dropped by opts.duplicates */
    double stance_range;     /* R of the stance ties (actors view), or 0 */
    bool has_g, has_weights; /* what fnet_graph_free() must destroy */
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

/* Filters and views in detail (docs/METRICS.md, "Views"):
 * - relations: names of the vocabulary; an unknown name -> FNET_EUSAGE.
 * - types / via: entity types; a type no entity has -> FNET_EUSAGE.
 * - from / to: a fact is kept when the days it covers (date .. until, each
 *   at its own precision: "2013" covers the whole year) overlap the window
 *   [first day of from, last day of to]. Undated facts are kept unless
 *   dated_only.
 * - Facts whose subject or object is not a node are dropped, except in the
 *   actors view, where a fact between an actor node and an item (an entity
 *   of a via type that passes `types`) makes the actor a member of the item.
 * - Actors view ties (tie != FNET_TIE_MEMBERSHIP, the default signed):
 *   DNA's congruence / conflict of the actors' statements on shared items
 *   (graph/stance.h), normalised by `normalize`; pos_weight and
 *   neg_weight get the tie's signed parts; a pair whose tie is 0 and
 *   that has no direct fact gets no edge.
 * - duplicates: facts marked by fnet_duplicates_mark() after the filters
 *   are left out of every view (n_duplicates counts them).
 * - Actors view weights with FNET_TIE_MEMBERSHIP (--weight), for actors a
 *   and b with item sets A and B (k(i) = number of actors linked to item
 *   i):
 *     count:   |A n B|
 *     newman:  sum over i in A n B of 1/(k(i) - 1)
 *     jaccard: |A n B| / |A u B|
 *   The edge weight is this projection weight PLUS the sum of the weights
 *   of the direct actor-actor facts between a and b; count = direct facts +
 *   shared items. The sign is that of the direct facts, a shared item
 *   counting as +1 (so a negative direct fact plus a shared item is mixed,
 *   0); relation is computed over all cited facts. By sign, the
 *   projection weight and the positive direct facts go to pos_weight, the
 *   negative direct facts to neg_weight: shared membership is positive,
 *   direct negative facts subtract from the net weight. In directed mode a
 *   shared item adds both arcs.
 * - min_weight is applied to the final (aggregated / combined) weight.
 * - drop_isolated then removes the nodes left without an edge (node order
 *   is kept; node_of gives -1 for them). */

/* NULL is allowed. */
void fnet_graph_free(fnet_graph *g);

/* Frees the edge list (edges, fact_pool) and, with also_igraph, the igraph
 * graph and its weights, leaving nodes and the corpus link; then returns
 * the freed pages to the system where the C library can (malloc_trim).
 * Afterwards only n_nodes, entity, node_of and fnet_graph_free() may be
 * used. For a process about to exit that needs little of a big graph (the
 * community child: community_async.h). */
void fnet_graph_release(fnet_graph *g, bool also_igraph);

/* The undirected version of the graph: one edge per connected pair of
 * nodes, ordered by (min, max), with weight w(u->v) + w(v->u) (the matrix
 * A + A^T; for an undirected graph, a copy). Used where a metric is defined
 * on undirected graphs only (coreness, distinct-neighbour degree,
 * communities). The caller initialises nothing and destroys both *out and
 * *weights (igraph_destroy, igraph_vector_destroy) after a 0 return; on
 * error nothing is left to free. O(E log E). */
int fnet_graph_undirected(const fnet_graph *g, igraph_t *out,
                          igraph_vector_t *weights, fnet_err *err);

/* The signed weights of the undirected version (same edge order as
 * fnet_graph_undirected()): pos[e] and neg[e] sum pos_weight and neg_weight
 * over both arcs of the pair. The caller initialises nothing and destroys
 * both vectors after a 0 return; on error nothing is left to free.
 * O(E log E). */
int fnet_graph_undirected_signs(const fnet_graph *g, igraph_vector_t *pos,
                                igraph_vector_t *neg, fnet_err *err);

/* True when some edge has a negative fact (neg_weight > 0). O(E). */
bool fnet_graph_has_negative(const fnet_graph *g);

/* The index of the edge (arc) from -> to, or -1. Undirected graphs store
 * from < to; the order of the arguments does not matter there. O(log E). */
int64_t fnet_graph_find_edge(const fnet_graph *g, uint32_t from, uint32_t to);

/* The node of the entity with this id, or -1 (unknown id or filtered out). */
int32_t fnet_graph_find_node(const fnet_graph *g, const char *id);

/* Convenience accessors. */
static inline const fnet_entity *fnet_graph_node_entity(const fnet_graph *g,
                                                        uint32_t node)
{
    return &g->corpus->entities[g->entity[node]];
}

/* The tie strength every weighted metric uses: the weight, or w+ + w-
 * when the weight is a net value (--tie subtract). */
static inline double fnet_graph_edge_strength(const fnet_graph *g,
                                              const fnet_edge *e)
{
    return g->opts.view == FNET_VIEW_ACTORS && g->opts.tie == FNET_TIE_SUBTRACT
               ? e->pos_weight + e->neg_weight
               : e->weight;
}

static inline uint32_t fnet_graph_edge_count(const fnet_graph *g)
{
    return (uint32_t)igraph_ecount(&g->g);
}

#endif

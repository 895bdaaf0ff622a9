/* diagram.h - what a relationship diagram shows: the nodes and edges of a
 * graph cut to a readable view (ego network, top-N, communities collapsed,
 * one edge per fact), with labels, tooltips, sizes, groups and caption,
 * as the model of output/diagram/diagram_model.h, ready for output/diagram/dot.h.
 *
 * The metric values and communities are computed by the caller on the
 * whole (filtered) graph and passed in per node, so a node's size means
 * the same in every view; the view is cut afterwards (docs/DIAGRAMS.md,
 * "Views").
 *
 * Edges are drawn per pair of entities: `draw` must be an undirected
 * graph (build it without `directed`; the metrics may come from a directed
 * one with the same filters, hence the same nodes). A drawn edge points
 * from subject to object when all its directed facts agree, both ways when
 * they disagree, and has no arrow when it has no directed fact.
 *
 * Ownership: fnet_diagram_set owns every array and string of its diagram
 * (the corpus must outlive it); free it with fnet_diagram_free(). */
#ifndef FNET_DIAGRAM_H
#define FNET_DIAGRAM_H

#include "core/arena.h"
#include "core/error.h"
#include "graph/graph.h"
#include "output/diagram/diagram_model.h"

enum fnet_edge_labels {
    FNET_ELABEL_NONE,
    FNET_ELABEL_RELATION,
    FNET_ELABEL_DATE,
    FNET_ELABEL_COUNT
};
enum fnet_cluster_by {
    FNET_CLUSTER_NONE,
    FNET_CLUSTER_COMMUNITY,
    FNET_CLUSTER_TYPE
};

typedef struct fnet_diagram_opts {
    int color_by;        /* enum fnet_color_by */
    int cluster_by;      /* enum fnet_cluster_by */
    int edge_labels;     /* enum fnet_edge_labels */
    bool multi;          /* one edge per fact (full view only) */
    long top;            /* keep the top N nodes by size; < 0: all */
    int32_t ego;         /* entity index, resolved by the caller (cli:
                            fnet_corpus_lookup); -1: no ego view */
    int radius;          /* ego radius (>= 0) */
    bool collapse;       /* one node per community */
    const char *title;   /* NULL: the corpus title */
    const char *size_by; /* metric name, for the legend */
} fnet_diagram_opts;

/* Defaults: colour by community, no clusters, no edge labels, all nodes,
 * no ego view (radius 1). */
void fnet_diagram_opts_init(fnet_diagram_opts *o);

typedef struct fnet_diagram_set {
    fnet_diagram d;
    fnet_arena arena; /* strings */
    fnet_dnode *nodes;
    fnet_dedge *edges;
    const char **types;
    fnet_drelation *relations;
    const char **fills, **clusters;
    uint32_t *node_of; /* graph node -> diagram node, UINT32_MAX if cut */
} fnet_diagram_set;

/* Builds the diagram of `draw`. size[v] is the size metric of graph node
 * v (NULL: all nodes the same size); community[v] its community, 1 = the
 * largest (NULL: none; needed by --color-by/--cluster-by community and
 * --collapse). Returns 0, FNET_EUSAGE (an --ego entity that is filtered
 * out, --multi outside the full view, a community option without
 * communities), or FNET_ENOMEM. The caller frees *out with
 * fnet_diagram_free(). */
int fnet_diagram_make(fnet_diagram_set **out, const fnet_graph *draw,
                      const double *size, const uint32_t *community,
                      const fnet_diagram_opts *o, fnet_err *err);

void fnet_diagram_free(fnet_diagram_set *s); /* NULL is allowed */

#endif

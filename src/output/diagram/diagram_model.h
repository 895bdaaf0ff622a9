/* diagram_model.h - the diagram model: plain arrays of nodes and edges
 * with their meaning (type, community, relation, sign, weight, direction),
 * the vocabularies of the whole corpus and the legend's wording.
 *
 * output/diagram/diagram.h builds it from a graph cut to a view; output/diagram/dot.h turns
 * it into a styled Graphviz graph. The model says what things are, never
 * how they look: shapes, colours and pen widths are decided by the writer
 * (output/diagram/style.h, docs/DIAGRAMS.md). Plain C, no Graphviz.
 *
 * Ownership: the structs borrow every string and array they point to; the
 * diagrams of output/diagram/diagram.h are owned by their fnet_diagram_set. */
#ifndef FNET_DIAGRAM_MODEL_H
#define FNET_DIAGRAM_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum fnet_color_by { FNET_COLOR_COMMUNITY, FNET_COLOR_TYPE, FNET_COLOR_NONE };
enum fnet_dir { FNET_DIR_NONE, FNET_DIR_FORWARD, FNET_DIR_BOTH };

typedef struct fnet_dnode {
    const char *id;      /* unique; the DOT name and SVG id are
                            "n_" + fnet_dotesc_id(id) */
    const char *label;   /* displayed (wrapped at the options' width) */
    const char *tooltip; /* full text; NULL: the label */
    int32_t type;        /* index into diagram.types; -1: a community
                            node of a collapsed diagram */
    double size;         /* value of the size metric (NaN: smallest) */
    int32_t fill;        /* fill group (community or type rank); -1: none */
    int32_t cluster;     /* index into diagram.clusters; -1: none */
} fnet_dnode;

/* The order of --top: larger size first, NaN (no size) last, ties by id
 * (byte order). diagram.c cuts a view with it; print.c cuts the model the
 * same way to find a --top that fits. */
static inline int fnet_dnode_rank_cmp(double va, const char *ida, double vb,
                                      const char *idb)
{
    if (isnan(va) != isnan(vb))
        return isnan(va) ? 1 : -1;
    if (!isnan(va) && va != vb)
        return va > vb ? -1 : 1;
    return strcmp(ida, idb);
}

typedef struct fnet_dedge {
    uint32_t from, to;   /* node indices; the arrow points to `to` */
    int32_t relation;    /* index into diagram.relations; -1: several */
    int dir;             /* enum fnet_dir */
    int sign;            /* +1, -1, or 0 (facts of both signs) */
    double weight;       /* pen width */
    const char *label;   /* NULL: no label */
    const char *tooltip; /* NULL: none */
    uint32_t serial;     /* 0: the pair's only edge; k >= 1: its k-th (the
                            id gets "_k") */
} fnet_dedge;

typedef struct fnet_drelation {
    const char *name;
    const char *label; /* display label (legend, edge labels); never NULL */
    bool directed;     /* arrowheads, or markers at both ends when not */
    bool combined;     /* a fact of it lies under a "several relations"
                          edge drawn */
} fnet_drelation;

typedef struct fnet_diagram {
    const char *title;   /* NULL: none */
    const char *caption; /* line under the title; NULL: none */
    const fnet_dnode *nodes;
    uint32_t n_nodes;
    const fnet_dedge *edges;
    uint32_t n_edges;
    /* The vocabularies, sorted, for the whole corpus (not just what is
     * shown) so that figures of one corpus share shapes and colours. */
    const char *const *types;
    uint32_t n_types;
    const fnet_drelation *relations;
    uint32_t n_relations;
    int color_by;                  /* enum fnet_color_by: legend wording */
    const char *const *fill_names; /* legend text per fill group */
    uint32_t n_fills;
    const char *const *cluster_names;
    uint32_t n_clusters;
    const char *size_by;      /* metric behind node size, for the legend;
                              NULL: sizes are all equal */
    const char *weight_by;    /* what pen width shows, e.g. "weight" */
    const char *several_name; /* legend text for edges of relation -1;
                                 NULL: "several relations" */
} fnet_diagram;

#endif

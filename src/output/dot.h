/* dot.h - a diagram (plain arrays of nodes and edges with their meaning)
 * turned into a styled Graphviz graph through cgraph.
 *
 * The diagram says what things are (type, community, relation, sign,
 * weight, direction); this module decides how they look (docs/DIAGRAMS.md
 * and output/style.h): shape by type, fill by group, node area by a metric,
 * edge colour/arrowhead by relation, pen width by weight, dashed red for
 * negative, dotted for mixed sign, a legend listing only what appears, a
 * title and caption, clusters. Every string taken from the data goes
 * through output/dotesc.h, so labels display exactly and cannot change the
 * graph's structure; each node and edge gets a stable `id` and a `class`
 * and keeps its full text in `tooltip`. The same diagram and options give
 * a byte-identical DOT file (input order is kept; the layout seed is
 * fixed).
 *
 * Ownership: the diagram's strings and arrays belong to the caller; the
 * graph returned by fnet_dot_build() copies what it needs and is freed with
 * agclose(). */
#ifndef FNET_DOT_H
#define FNET_DOT_H

#include "core/error.h"

#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

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
    bool directed; /* legend sample gets an arrowhead */
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

typedef struct fnet_dot_opts {
    const char *layout; /* Graphviz engine; NULL: fnet_dot_default_layout */
    bool legend;        /* used by callers: fnet_dot_add_legend */
    unsigned wrap;      /* label width in characters; 0: no wrapping */
    const char *font;   /* NULL: FNET_DOT_FONT */
} fnet_dot_opts;

#define FNET_DOT_FONT "DejaVu Sans"
#define FNET_DOT_WRAP 16
#define FNET_DOT_SMALL 150 /* up to this many nodes: neato, else sfdp */
#define FNET_DOT_SPLINES                                                       \
    500 /* above this many edges (or FNET_DOT_SMALL
                                nodes): straight edges, not splines */

/* Defaults: automatic layout, legend on, wrap at FNET_DOT_WRAP. */
void fnet_dot_opts_init(fnet_dot_opts *o);

/* "neato" for up to FNET_DOT_SMALL nodes, "sfdp" above, with clusters or
 * not: a graph with clusters and either engine is laid out cluster by
 * cluster (output/clustered.h). Graphviz's fdp, made for clusters, is not
 * reproducible with them in Graphviz 2.42/2.43. */
const char *fnet_dot_default_layout(uint32_t n_nodes, bool clusters);

/* True for the engines factnet accepts (dot neato fdp sfdp circo twopi). */
bool fnet_dot_layout_known(const char *name);

/* Builds the styled graph, without the legend. Returns 0, FNET_EUSAGE
 * (unknown layout) or FNET_ENOMEM / FNET_EINTERNAL (cgraph failed). The
 * caller frees *out with agclose(). */
int fnet_dot_build(Agraph_t **out, const fnet_diagram *d,
                   const fnet_dot_opts *o, fnet_err *err);

/* Adds the legend of d to g as subgraph cluster_legend: one row per shape,
 * fill, relation and line style that appears in the diagram, a sample
 * (node or edge) and its text, pinned with the legend's top left corner at
 * (x, y) in points, its sample edges given their own pos. g must be laid
 * out already (fnet_render_fix), so that the final "nop2" pass keeps
 * every position. Adds nothing when the diagram
 * is empty. Returns 0 or FNET_ENOMEM / FNET_EINTERNAL. */
int fnet_dot_add_legend(Agraph_t *g, const fnet_diagram *d,
                        const fnet_dot_opts *o, double x, double y,
                        fnet_err *err);

/* Writes g as DOT to fp (agwrite). Returns 0 or FNET_EIO. */
int fnet_dot_write(Agraph_t *g, FILE *fp, fnet_err *err);

#endif

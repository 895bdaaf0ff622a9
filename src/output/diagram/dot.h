/* dot.h - a diagram (output/diagram/diagram_model.h) turned into a styled
 * Graphviz graph through cgraph.
 *
 * The diagram says what things are (type, community, relation, sign,
 * weight, direction); this module decides how they look (docs/DIAGRAMS.md
 * and output/diagram/style.h): shape by type, fill by group, node area by a metric,
 * edge colour/arrowhead by relation, pen width by weight, dashed red for
 * negative, dotted for mixed sign, a legend listing only what appears, a
 * title and caption, clusters. Every string taken from the data goes
 * through output/diagram/dotesc.h, so labels display exactly and cannot change the
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
#include "output/diagram/diagram_model.h"

#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct fnet_dot_opts {
    const char *layout; /* Graphviz engine; NULL: fnet_dot_default_layout */
    bool legend;        /* used by callers: fnet_dot_add_legend */
    unsigned wrap;      /* label width in characters; 0: no wrapping */
    const char *font;   /* NULL: FNET_DOT_FONT */
    /* Sizes for print (output/diagram/print.h): every font size, node
     * size, gap and pen width multiplied by scale (0 or 1: the screen
     * sizes), no font below font_min points and no pen below pen_min
     * (0: no floor). */
    double scale, font_min, pen_min;
    /* The legend's widest extent in points: wider, its rows go into
     * several columns (0: one column). */
    double legend_width;
    /* The page width in points: title and caption wrap to it (0: none). */
    double page_width;
    bool grey; /* --grayscale: greys, patterns and arrowheads */
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
 * cluster (output/diagram/clustered.h). Graphviz's fdp, made for clusters, is not
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

/* A graph holding only the legend of d (fnet_dot_add_legend at 0,0),
 * laid out by "nop2", for a legend written beside the figure. *out is
 * NULL when d has nothing to explain. Returns 0 or FNET_ENOMEM /
 * FNET_EINTERNAL; the caller frees *out with agclose(). */
int fnet_dot_legend_graph(Agraph_t **out, const fnet_diagram *d,
                          const fnet_dot_opts *o, fnet_err *err);

/* Writes g as DOT to fp (agwrite). Returns 0 or FNET_EIO. */
int fnet_dot_write(Agraph_t *g, FILE *fp, fnet_err *err);

/* Writes g as DOT to the file path ("-": standard output) through
 * core/outfile.h, so a failure leaves no partial file. Returns 0 or
 * FNET_EIO / FNET_ENOMEM with err set. */
int fnet_dot_write_file(Agraph_t *g, const char *path, fnet_err *err);

#endif

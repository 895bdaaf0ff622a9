/* diagopts.h - the styling and view options shared by `dot` and `render`,
 * and the pipeline they share: corpus -> graph (cli/graphopts.h options)
 * -> size metric and communities -> diagram view -> styled cgraph graph.
 *
 * Use as graphopts: append FNET_DIAGOPTS_OPTIONS and
 * FNET_GRAPHOPTS_OPTIONS to the command's table; pass every id to
 * fnet_diagopts_handle() (which hands graph options on to graphopts); call
 * fnet_diagopts_finish() after the loop. A command's own ids must stay
 * below FNET_DOPT_BASE.
 *
 * Ownership: string fields point into argv. */
#ifndef FNET_DIAGOPTS_H
#define FNET_DIAGOPTS_H

#include "analysis/community.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"
#include "input/load.h"
#include "output/diagram.h"
#include "output/dot.h"
#include "output/render.h"

enum {
    FNET_DOPT_BASE = 0x800,
    FNET_DOPT_ALGORITHM = FNET_DOPT_BASE,
    FNET_DOPT_CLUSTER_BY,
    FNET_DOPT_COLLAPSE,
    FNET_DOPT_COLOR_BY,
    FNET_DOPT_EDGE_LABELS,
    FNET_DOPT_EGO,
    FNET_DOPT_LAYOUT,
    FNET_DOPT_MULTI,
    FNET_DOPT_NO_LEGEND,
    FNET_DOPT_RADIUS,
    FNET_DOPT_RESOLUTION,
    FNET_DOPT_SEED,
    FNET_DOPT_SIZE_BY,
    FNET_DOPT_TITLE,
    FNET_DOPT_TOP,
    FNET_DOPT_WRAP,
    FNET_DOPT_END
};

/* The diagram options then the input options (cli/input_opts.h). */
#define FNET_DIAGOPTS_OPTIONS FNET_DIAGRAM_OPTIONS, FNET_INPUT_OPTIONS

#define FNET_DIAGRAM_OPTIONS                                                   \
    {"algorithm", 0, true, FNET_DOPT_ALGORITHM, "A",                           \
     "community algorithm, as for metrics (default leiden)"},                  \
    {"cluster-by", 0, true, FNET_DOPT_CLUSTER_BY, "BY",                        \
     "draw a box around each community | type | none (default)"},              \
    {"collapse", 0, true, FNET_DOPT_COLLAPSE, "communities",                   \
     "one node per community, sized by members"},                              \
    {"color-by", 0, true, FNET_DOPT_COLOR_BY, "BY",                            \
     "node fill: community (default) | type | none"},                          \
    {"edge-labels", 0, true, FNET_DOPT_EDGE_LABELS, "WHAT",                    \
     "relation | date | count | none (default)"},                              \
    {"ego", 0, true, FNET_DOPT_EGO, "ID",                                      \
     "only the network around this entity (id, label or alias)"},              \
    {"layout", 0, true, FNET_DOPT_LAYOUT, "ENGINE",                            \
     "dot|neato|fdp|sfdp|circo|twopi (default: see below)"},                  \
    {"multi", 0, false, FNET_DOPT_MULTI, NULL,                                 \
     "one edge per fact instead of one per pair"},                             \
    {"no-legend", 0, false, FNET_DOPT_NO_LEGEND, NULL, "leave out the legend"},\
    {"radius", 0, true, FNET_DOPT_RADIUS, "R",                                 \
     "--ego: keep entities within R steps (default 1)"},                       \
    {"resolution", 0, true, FNET_DOPT_RESOLUTION, "R",                         \
     "community resolution (leiden, louvain, spinglass; default 1)"},          \
    {"seed", 0, true, FNET_DOPT_SEED, "S",                                     \
     "community random seed (default 42)"},                                    \
    {"size-by", 0, true, FNET_DOPT_SIZE_BY, "METRIC",                          \
     "node area: pagerank (default), degree, ... or none"},                    \
    {"title", 0, true, FNET_DOPT_TITLE, "TEXT",                                \
     "title (default: the corpus title)"},                                     \
    {"top", 0, true, FNET_DOPT_TOP, "N",                                       \
     "keep the N nodes with the largest --size-by value"},                     \
    {"wrap", 0, true, FNET_DOPT_WRAP, "N",                                     \
     "wrap labels at N characters (default 16; 0: never)"}

typedef struct fnet_diagopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    fnet_diagram_opts view;
    fnet_dot_opts dot;
    int size_metric;        /* enum fnet_metric, -1: none */
    bool resolution_given;
} fnet_diagopts;

void fnet_diagopts_init(fnet_diagopts *o);

static inline bool fnet_diagopts_owns(int id)
{
    return (id >= FNET_DOPT_BASE && id < FNET_DOPT_END) ||
           fnet_graphopts_owns(id) || fnet_cli_input_owns(id);
}

/* Applies a shared option (diagram or graph). Returns 1 when handled, 0
 * when the id is the command's own, -1 after a usage error. */
int fnet_diagopts_handle(fnet_diagopts *o, int id, const char *value,
                         const char *cmd);

/* Cross-option checks after parsing. 0, or -1 after a usage error. */
int fnet_diagopts_finish(fnet_diagopts *o, const char *cmd);

/* Prints the options: the command's own, "diagram options:", "graph
 * options:", "input options". */
void fnet_diagopts_print_options(FILE *fp, const fnet_opt *opts);

/* Prints the rules behind the diagram options (docs/DIAGRAMS.md). */
void fnet_diagopts_help(FILE *fp);

/* The pipeline. On success *out is the styled graph (free with agclose).
 * With a legend, r lays the drawing out once to place the legend beside
 * it (fnet_render_fix): the graph then holds every position and its
 * layout is "nop2". Returns 0, FNET_EUSAGE (err: an option names something the
 * corpus does not have), or FNET_ENOMEM / FNET_EINTERNAL. */
int fnet_diagopts_graph(Agraph_t **out, const fnet_corpus *c,
                        const fnet_diagopts *o, fnet_renderer *r,
                        fnet_err *err);

#endif

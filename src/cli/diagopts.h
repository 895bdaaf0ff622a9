/* diagopts.h - the styling and view options shared by `dot`, `render`,
 * `report` and `build`, and the pipeline they share: corpus -> graph
 * (cli/graphopts.h options) -> size metric and communities -> diagram view
 * -> styled cgraph graph; and the command code of `dot` and `render`
 * (fnet_diagopts_command()).
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

/* clang-format off */
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
/* clang-format on */

typedef struct fnet_diagopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    fnet_diagram_opts view; /* view.ego is set by fnet_diagopts_graph() */
    const char *ego;        /* --ego: id, label or alias; NULL: none */
    fnet_dot_opts dot;
    int size_metric; /* enum fnet_metric, -1: none */
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

/* The argument loop of a command that draws (dot, render, report), as
 * fnet_graphopts_parse_args(): diagram, graph and input options go to o,
 * positionals (the input files) to paths (room for argc entries), the
 * option help_id calls help() and sets *done, every other option goes to
 * own(ctx, id, value), which prints its own usage error and returns false
 * when the value is wrong. No input file is a usage error. Returns
 * FNET_EXIT_OK or FNET_EXIT_USAGE; fnet_diagopts_finish() comes after the
 * command's own checks. */
int fnet_diagopts_parse_args(const char *cmd, int argc, char **argv,
                             const fnet_opt *options, fnet_diagopts *o,
                             int help_id, void (*help)(void),
                             bool (*own)(void *ctx, int id, const char *v),
                             void *ctx, char **paths, size_t *n_paths,
                             bool *done);

/* A command that writes the diagram (dot, render): its table and
 * callbacks. ctx is passed to each callback. */
typedef struct fnet_diagcmd {
    const char *name;        /* "dot" */
    const fnet_opt *options; /* own options, FNET_DIAGOPTS_OPTIONS,
                                FNET_GRAPHOPTS_OPTIONS, {0} */
    int help_id;
    void (*help)(void);
    /* The command's own options, as for fnet_diagopts_parse_args(). */
    bool (*own)(void *ctx, int id, const char *v);
    /* NULL, or the command's checks once every option is read: 0, or -1
     * after a usage error. */
    int (*check)(void *ctx);
    /* NULL, or called with the renderer before any work (a missing
     * Graphviz plugin fails fast). Returns 0 or an FNET_E* code. */
    int (*prepare)(void *ctx, fnet_renderer *r, fnet_err *err);
    /* Writes the styled diagram g (fnet_diagopts_graph()). Returns 0 or
     * an FNET_E* code with err set. */
    int (*write)(void *ctx, fnet_renderer *r, Agraph_t *g, fnet_err *err);
    void *ctx;
} fnet_diagcmd;

/* The whole command: parses argv, checks, loads the input files, makes the
 * diagram and writes it; reports every failure as cmd's (FNET_EUSAGE from
 * the pipeline, e.g. --ego naming no entity, as a usage error). Returns
 * the exit status. */
int fnet_diagopts_command(const fnet_diagcmd *cmd, int argc, char **argv);

#endif

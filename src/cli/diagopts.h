/* diagopts.h - the styling and view options shared by `dot`, `render`,
 * `report` and `build`, and the pipeline they share: corpus -> graph
 * (cli/graphopts.h options) -> size metric and communities -> diagram view
 * -> styled cgraph graph; and the command code of `dot` and `render`
 * (fnet_diagopts_command()).
 *
 * Use: fnet_diagopts_parse_args() parses the command's own option specs
 * (cli/opt.h) with the diagram, graph and input groups; call
 * fnet_diagopts_finish() after the command's own checks.
 *
 * Ownership: string fields point into argv. */
#ifndef FNET_DIAGOPTS_H
#define FNET_DIAGOPTS_H

#include "analysis/community.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"
#include "input/load.h"
#include "output/diagram/diagram.h"
#include "output/diagram/dot.h"
#include "output/diagram/print.h"
#include "output/diagram/render.h"

typedef struct fnet_diagopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    fnet_diagram_opts view; /* view.ego is set by fnet_diagopts_graph() */
    const char *ego;        /* --ego: id, label or alias; NULL: none */
    fnet_dot_opts dot;
    fnet_print_opts print; /* --width, --legend, ... (print options) */
    int size_metric;       /* enum fnet_metric, -1: none */
    bool resolution_given;
    bool quiet;      /* the caller prints the job's notes (build) */
    fnet_buf *notes; /* not NULL: the job's notes go here, one a line,
                        instead of to stderr */
    int parallel;    /* FACTNET_PARALLEL (enum fnet_job_parallel), read by
                        fnet_diagopts_parse_print(): build's print figure
                        in a child unless serial */
} fnet_diagopts;

void fnet_diagopts_init(fnet_diagopts *o);

/* The diagram option specs (fields of fnet_diagopts), ending with {0}. */
extern const fnet_opt fnet_diagopts_spec[];

/* The print option specs (--width, --height, --dpi, --font, --legend,
 * --min-font, --preflight: fields of fnet_diagopts), ending with {0}: dot,
 * render and build have them, report does not. */
extern const fnet_opt fnet_printopts_spec[];

/* The rules behind the print options, for --help. */
extern const char fnet_printopts_rules[];

/* Cross-option checks after parsing. 0, or -1 after a usage error. */
int fnet_diagopts_finish(fnet_diagopts *o, const char *cmd);

/* The rules behind the diagram options (docs/DIAGRAMS.md), for --help. */
extern const char fnet_diagopts_rules[];

/* The pipeline. On success *out is the styled graph (free with agclose).
 * With a legend, r lays the drawing out once to place the legend beside
 * it (fnet_render_fix): the graph then holds every position and its
 * layout is "nop2". Returns 0, FNET_EUSAGE (err: an option names something the
 * corpus does not have), or FNET_ENOMEM / FNET_EINTERNAL. */
int fnet_diagopts_graph(Agraph_t **out, const fnet_corpus *c,
                        const fnet_diagopts *o, fnet_renderer *r,
                        fnet_err *err);

/* The same pipeline made into a figure placed and sized by o->print
 * (output/diagram/print.h): FNET_EFIT when it cannot be drawn at
 * --width. The caller frees out with fnet_figure_free() in every case. */
int fnet_diagopts_figure(fnet_figure *out, const fnet_corpus *c,
                         const fnet_diagopts *o, fnet_renderer *r,
                         fnet_err *err);

/* Makes the figure of o (fnet_diagopts_figure) and writes it to path as
 * format (fnet_print_write: its legend beside it with --legend separate,
 * the preflight report to report with --preflight). Returns 0 or an
 * FNET_E* code (FNET_EFIT: nothing written). */
int fnet_diagopts_write_figure(const fnet_corpus *c, const fnet_diagopts *o,
                               fnet_renderer *r, const char *format,
                               const char *path, FILE *report, fnet_err *err);

/* build's figures: the print figure of print written to print_path as PDF
 * (*printed set; one that does not fit is a warning naming what would,
 * and build goes on), then the screen diagram of factnet's defaults into
 * *screen (fnet_diagopts_graph), made after the print figure because gvc
 * renders nothing else while the caller keeps it laid out. Returns 0 or
 * an FNET_E* code. */
int fnet_diagopts_build_figures(Agraph_t **screen, const fnet_corpus *c,
                                const fnet_diagopts *print, fnet_renderer *r,
                                const char *print_path, bool *printed,
                                fnet_err *err);

/* Parses argv for a command that builds a graph and may draw it (evolve
 * --dot): its own options, the print options into pd (after
 * fnet_diagopts_init(pd)), the graph options into g and the input options
 * into in (fnet_graphopts_parse_args_with), then the print options' own
 * checks. Returns FNET_EXIT_OK (r->done set after --help) or
 * FNET_EXIT_USAGE; the command's own checks come after. */
int fnet_diagopts_parse_graph(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_diagopts *pd,
                              fnet_graphopts *g, fnet_cli_input *in, int argc,
                              char **argv, fnet_opt_result *r);

/* Parses argv for a command that draws (dot, render, report): its own
 * options (own, writing into own_base), then the diagram (with print: and
 * print), graph and input options into o (fnet_opt_parse(), input files
 * required). Returns
 * FNET_EXIT_OK (r->done set when --help was printed) or FNET_EXIT_USAGE;
 * fnet_diagopts_finish() comes after the command's own checks. */
int fnet_diagopts_parse_args(const char *cmd, const fnet_opt *own,
                             void *own_base, fnet_diagopts *o, bool print,
                             int argc, char **argv, fnet_opt_result *r);

/* Parses argv for a command that writes a figure with factnet's diagram
 * defaults (build): its own options, then the print options into o (after
 * fnet_diagopts_init(), --width defaulting to width points) and the input
 * options into o->in; input files optional; then fnet_diagopts_finish()
 * and FACTNET_PARALLEL into o->parallel (fnet_graphopts_parallel()).
 * Returns FNET_EXIT_OK (r->done set after --help) or FNET_EXIT_USAGE. */
int fnet_diagopts_parse_print(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_diagopts *o, double width,
                              int argc, char **argv, fnet_opt_result *r);

/* A command that writes the diagram (dot, render): its table and
 * callbacks. ctx is passed to each callback. */
typedef struct fnet_diagcmd {
    const char *name;          /* "dot" */
    const fnet_opt *options;   /* own option specs, writing into ctx */
    const fnet_opt_help *help; /* its --help */
    /* NULL, or the command's checks once every option is read: 0, or -1
     * after a usage error. */
    int (*check)(void *ctx);
    /* NULL, or called with the renderer before any work (a missing
     * Graphviz plugin fails fast). Returns 0 or an FNET_E* code. */
    int (*prepare)(void *ctx, fnet_renderer *r, fnet_err *err);
    /* Writes the figure f (fnet_diagopts_figure()), sized by p. Returns 0
     * or an FNET_E* code with err set. */
    int (*write)(void *ctx, fnet_renderer *r, const fnet_figure *f,
                 const fnet_print_opts *p, fnet_err *err);
    void *ctx;
} fnet_diagcmd;

/* The whole command: parses argv, checks, loads the input files, makes the
 * diagram and writes it; reports every failure as cmd's (FNET_EUSAGE from
 * the pipeline, e.g. --ego naming no entity, as a usage error). Returns
 * the exit status. */
int fnet_diagopts_command(const fnet_diagcmd *cmd, int argc, char **argv);

#endif

/* graphopts.h - the view, filter and weighting options shared by every
 * command that builds a graph (metrics, dot, render, build, export,
 * evolve, balance, evidence), specified once so that they mean the same
 * everywhere.
 *
 * Use: fnet_graphopts_parse_args() parses the command's own option specs
 * (cli/opt.h) with the graph and input groups (FNET_GRAPHOPTS_GROUP,
 * whose rules --help prints); after parsing call fnet_graphopts_finish().
 *
 * Ownership: string fields point into argv (no copies). */
#ifndef FNET_GRAPHOPTS_H
#define FNET_GRAPHOPTS_H

#include "cli/input_opts.h"
#include "cli/opt.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct fnet_graphopts {
    fnet_graph_opts graph;
    bool unweighted;     /* --unweighted: no weights anywhere */
    bool weighted_paths; /* --weighted: path metrics use 1/weight */
    bool via_given, weight_given;
} fnet_graphopts;

/* The graph option specs (fields of fnet_graphopts), ending with {0}. */
extern const fnet_opt fnet_graphopts_spec[];

/* Defaults: full view, undirected, no filters, weights as tie strengths. */
void fnet_graphopts_init(fnet_graphopts *o);

/* Checks combinations once every option is read (--via or --weight without
 * --view actors, --weighted with --unweighted, --from after --to). Returns
 * 0, or -1 after printing a usage error. */
int fnet_graphopts_finish(fnet_graphopts *o, const char *cmd);

/* Parses argv for a command that builds a graph (metrics, evolve,
 * balance, evidence, export): its own options (own, writing into
 * own_base), the graph options into g and the input options into in
 * (fnet_opt_parse(), input files required). Returns FNET_EXIT_OK (r->done
 * set when --help was printed) or FNET_EXIT_USAGE; the command's own checks
 * come after. */
int fnet_graphopts_parse_args(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_graphopts *g,
                              fnet_cli_input *in, int argc, char **argv,
                              fnet_opt_result *r);

/* The rules behind the graph options (views, weights, dates), for
 * --help. */
extern const char fnet_graphopts_rules[];

/* The graph options as a group writing into g (cli/opt.h). */
#define FNET_GRAPHOPTS_GROUP(g)                                                \
    {                                                                          \
        .title = "graph options", .opts = fnet_graphopts_spec, .base = (g),    \
        .rules = fnet_graphopts_rules                                          \
    }

#endif

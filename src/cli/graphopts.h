/* graphopts.h - the view, filter and weighting options shared by every
 * command that builds a graph (metrics, dot, render, build, export,
 * evolve, balance, evidence), specified once so that they mean the same
 * everywhere.
 *
 * Use: put {"graph options", fnet_graphopts_spec, &o.g} among the
 * command's option groups (cli/opt.h); after parsing call
 * fnet_graphopts_finish(); in --help, print the rules with
 * fnet_graphopts_help().
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

/* Prints the command's own options (own) under "options:", then the graph
 * and input options. */
void fnet_graphopts_print_options(FILE *fp, const fnet_opt *own);

/* Prints the rules behind the shared options (views, weights, dates). */
void fnet_graphopts_help(FILE *fp);

#endif

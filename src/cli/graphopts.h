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
#include "core/buf.h"
#include "graph/graph.h"
#include "job/job.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct fnet_graphopts {
    fnet_graph_opts graph;
    bool unweighted;     /* --unweighted: no weights anywhere */
    bool weighted_paths; /* --weighted: path metrics use 1/weight */
    bool via_given, weight_given, tie_given, normalize_given;
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

/* The same with one more group (NULL: none) after the command's own:
 * evolve's print options. */
int fnet_graphopts_parse_args_with(const char *cmd, const fnet_opt *own,
                                   void *own_base, const fnet_opt_group *extra,
                                   fnet_graphopts *g, fnet_cli_input *in,
                                   int argc, char **argv, fnet_opt_result *r);

/* Job options (job/job.h) from the defaults with g's weighting
 * (--unweighted, --weighted) and the community options co. */
void fnet_graphopts_job(fnet_job_opts *jo, const fnet_graphopts *g,
                        const fnet_community_opts *co);

/* Prints the job's notes about the graph on standard error (p may be
 * NULL): the facts --duplicates left out, and tie strengths that include
 * negative ties (job/job.h). */
void fnet_graphopts_notes(fnet_progress *p, const fnet_job *j);

/* The same notes appended to out, one a line (no prefix). */
void fnet_graphopts_notes_to(fnet_buf *out, const fnet_job *j);

/* Reads the environment variable FACTNET_PARALLEL (auto | always |
 * serial; unset: auto) into *parallel (enum fnet_job_parallel of
 * job/job.h); serial also parses JSON Lines on one thread (in). Returns
 * FNET_EXIT_OK, or FNET_EXIT_USAGE after a usage error as cmd's. */
int fnet_graphopts_parallel(const char *cmd, int *parallel, fnet_cli_input *in);

/* Loads the input files (fnet_cli_load(), or fnet_cli_load_pairs() when
 * agg is not NULL and the graph of o needs nothing but per-pair sums,
 * graph/graph_pairs.h) and builds the graph of o into *g, showing the
 * stage on in->progress. Every problem is reported as cmd's (a graph
 * option the data cannot take, FNET_EUSAGE, as a usage error). Returns
 * the exit status. The caller frees *g (fnet_graph_free()) before *c
 * (fnet_corpus_free()) and *agg (fnet_aggregate_free()), whichever are
 * set; the pairs of *agg already belong to *g. Commands that need the
 * whole corpus pass agg NULL. */
int fnet_graphopts_load(fnet_graph **g, fnet_corpus **c, fnet_aggregate **agg,
                        const char *cmd, char **paths, size_t n,
                        const fnet_graphopts *o, const fnet_cli_input *in);

/* The rules behind the graph options (views, weights, dates), for
 * --help. */
extern const char fnet_graphopts_rules[];

/* The graph options as a group writing into g (cli/opt.h). */
#define FNET_GRAPHOPTS_GROUP(g)                                                \
    {                                                                          \
        .title = "graph options", .opts = fnet_graphopts_spec, .base = (g),    \
        .rules = fnet_graphopts_rules                                          \
    }

/* Prints the usage error of a --columns/--sort choice of
 * output/tables/metrics_table.h (problem: an FNET_MCHOICE_* code, bad: the
 * value at fault) for command cmd, with the nearest column as a
 * suggestion; metrics_only: the command takes metric columns only
 * ("unknown metric"). Returns true when problem is FNET_MCHOICE_OK (and
 * prints nothing). */
bool fnet_graphopts_columns_ok(const char *cmd, int problem, const char *bad,
                               bool metrics_only);

#endif

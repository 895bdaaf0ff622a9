/* graphopts.h - the view, filter and weighting options shared by every
 * command that builds a graph (metrics, dot, render, build, export,
 * evolve), parsed in one place so that they mean the same everywhere.
 *
 * Use: append FNET_GRAPHOPTS_OPTIONS to the command's option table (before
 * the {0} terminator); in the parse loop, pass every id to
 * fnet_graphopts_handle() first; after the loop call fnet_graphopts_finish();
 * in --help, print the table with fnet_graphopts_print_options() and the
 * rules with fnet_graphopts_help(). The ids of the shared options are
 * >= FNET_GOPT_BASE, so a command's own ids must stay below it.
 *
 * Ownership: string fields point into argv (no copies). */
#ifndef FNET_GRAPHOPTS_H
#define FNET_GRAPHOPTS_H

#include "cli/cli.h"
#include "graph/graph.h"

#include <stdbool.h>
#include <stdio.h>

enum {
    FNET_GOPT_BASE = 0x1000,
    FNET_GOPT_VIEW = FNET_GOPT_BASE,
    FNET_GOPT_VIA,
    FNET_GOPT_WEIGHT,
    FNET_GOPT_RELATIONS,
    FNET_GOPT_TYPES,
    FNET_GOPT_FROM,
    FNET_GOPT_TO,
    FNET_GOPT_DATED_ONLY,
    FNET_GOPT_MIN_WEIGHT,
    FNET_GOPT_DIRECTED,
    FNET_GOPT_UNWEIGHTED,
    FNET_GOPT_WEIGHTED,
    FNET_GOPT_END
};

/* The option table entries, without a terminator. */
/* clang-format off */
#define FNET_GRAPHOPTS_OPTIONS                                                 \
    {"dated-only", 0, false, FNET_GOPT_DATED_ONLY, NULL,                       \
     "leave out undated facts"},                                               \
    {"directed", 0, false, FNET_GOPT_DIRECTED, NULL,                           \
     "directed graph: subject -> object for directed relations"},              \
    {"from", 0, true, FNET_GOPT_FROM, "DATE",                                  \
     "keep facts that overlap DATE or later (YYYY[-MM[-DD]])"},                \
    {"min-weight", 0, true, FNET_GOPT_MIN_WEIGHT, "W",                         \
     "drop edges whose aggregated weight is below W"},                         \
    {"relations", 0, true, FNET_GOPT_RELATIONS, "LIST",                        \
     "keep only facts of these relations (comma list)"},                       \
    {"to", 0, true, FNET_GOPT_TO, "DATE",                                      \
     "keep facts that overlap DATE or earlier"},                               \
    {"types", 0, true, FNET_GOPT_TYPES, "LIST",                                \
     "keep only entities of these types (comma list)"},                        \
    {"unweighted", 0, false, FNET_GOPT_UNWEIGHTED, NULL,                       \
     "ignore edge weights in every metric"},                                   \
    {"via", 0, true, FNET_GOPT_VIA, "TYPES",                                   \
     "actors view: item types linking actors (default: all non-actor)"},       \
    {"view", 0, true, FNET_GOPT_VIEW, "VIEW",                                  \
     "full (default) or actors (one-mode projection on actors)"},              \
    {"weight", 0, true, FNET_GOPT_WEIGHT, "W",                                 \
     "actors view tie weight: count (default), newman or jaccard"},            \
    {"weighted", 0, false, FNET_GOPT_WEIGHTED, NULL,                           \
     "path metrics use distance 1/weight (default: unweighted paths)"}
/* clang-format on */

/* The same entries, terminated by {0}. */
extern const fnet_opt fnet_graphopts_options[];

typedef struct fnet_graphopts {
    fnet_graph_opts graph;
    bool unweighted;     /* --unweighted: no weights anywhere */
    bool weighted_paths; /* --weighted: path metrics use 1/weight */
    bool via_given, weight_given;
} fnet_graphopts;

/* Defaults: full view, undirected, no filters, weights as tie strengths. */
void fnet_graphopts_init(fnet_graphopts *o);

/* True when id belongs to the shared options. */
static inline bool fnet_graphopts_owns(int id)
{
    return id >= FNET_GOPT_BASE && id < FNET_GOPT_END;
}

/* Applies option id with its value. Returns 1 when handled, 0 when id is
 * not a shared option (the command handles it), -1 after printing a usage
 * error for a bad value ("factnet: --view: ..."; exit status 2). */
int fnet_graphopts_handle(fnet_graphopts *o, int id, const char *value,
                          const char *cmd);

/* Checks combinations once every option is read (--via or --weight without
 * --view actors, --weighted with --unweighted, --from after --to). Returns
 * 0, or -1 after printing a usage error. */
int fnet_graphopts_finish(fnet_graphopts *o, const char *cmd);

/* Prints the command's own options (ids below FNET_GOPT_BASE) under
 * "options:", then the shared ones under "graph options:". */
void fnet_graphopts_print_options(FILE *fp, const fnet_opt *opts);

/* Prints the rules behind the shared options (views, weights, dates). */
void fnet_graphopts_help(FILE *fp);

/* The argument loop of a command that takes graph options (metrics,
 * evolve, balance, evidence, export; fnet_args_loop()): graph options go
 * to g, positionals (the input files) to paths (room for argc entries),
 * the option help_id calls help() and sets *done, and every other option
 * goes to own(ctx, id, value), which prints its own usage error and
 * returns false when the value is wrong. No input file is a usage error.
 * Returns FNET_EXIT_OK or FNET_EXIT_USAGE; the command's own checks come
 * after. */
int fnet_graphopts_parse_args(const char *cmd, int argc, char **argv,
                              const fnet_opt *options, fnet_graphopts *g,
                              int help_id, void (*help)(void),
                              bool (*own)(void *ctx, int id, const char *v),
                              void *ctx, char **paths, size_t *n_paths,
                              bool *done);

#endif

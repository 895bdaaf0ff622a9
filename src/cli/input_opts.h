/* input_opts.h - the input options every command that reads facts accepts
 * (every command): --input-format and the importers' options
 * (docs/IMPORT.md). A command puts the group fnet_cli_input_group(&in)
 * among its option groups (cli/opt.h) and checks the result with
 * fnet_cli_input_check() before loading. */
#ifndef FNET_INPUT_OPTS_H
#define FNET_INPUT_OPTS_H

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/progress.h"
#include "input/aggregate.h"
#include "input/load.h"

#include <stdbool.h>
#include <stdio.h>

/* What the input options set. */
typedef struct fnet_cli_input {
    fnet_load_opts lo;
    bool verbose; /* --verbose: print every warning (fnet_cli_load) */
    /* NULL: fnet_cli_load shows the loading stage on a terminal by itself
     * (cli/progress.h). A command that shows its later stages too starts
     * one and sets it here; loading then reports to it. */
    fnet_progress *progress;
} fnet_cli_input;

/* The input option specs (fields of fnet_cli_input), sorted by name,
 * ending with {0}. */
extern const fnet_opt fnet_cli_input_spec[];

/* Prints the heading of the input options in --help: "input options
 * (FMT: ...; see docs/IMPORT.md):", naming the formats of the table
 * (input/formats.h), wrapped at 72 columns. */
void fnet_cli_input_heading(FILE *fp);

/* The input options as a group writing into in (cli/opt.h). */
/* clang-format off */
#define FNET_CLI_INPUT_GROUP(in)                                               \
    {.title = "input options", .opts = fnet_cli_input_spec, .base = (in),      \
     .heading = fnet_cli_input_heading}
/* clang-format on */

/* Parses argv for a command whose only shared options are the input
 * options (check, build): its own options (own, writing into own_base)
 * and the input options into in (fnet_opt_parse()). Returns FNET_EXIT_OK
 * (r->done set when --help was printed) or FNET_EXIT_USAGE. */
int fnet_cli_input_parse_args(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_cli_input *in,
                              bool need_files, int argc, char **argv,
                              fnet_opt_result *r);

/* Checks the input options of cmd; prints a usage error and returns
 * FNET_EXIT_USAGE when one is wrong, else marks them checked (loading does
 * not check them again) and returns FNET_EXIT_OK. */
int fnet_cli_input_check(const char *cmd, fnet_cli_input *o);

/* Loads and validates the n paths into *out (fnet_load_corpus) for every
 * command but check, and reports on stderr: every error; every warning
 * with --verbose, else one line "factnet: N warnings (run 'factnet check
 * FILE' to see them)". On failure prints why ("N errors in the input", or
 * the error; a usage error as cmd's) and returns the exit status, with
 * *out NULL; else returns FNET_EXIT_OK. The caller frees *out. */
int fnet_cli_load(fnet_corpus **out, const char *cmd, char **paths, size_t n,
                  const fnet_cli_input *in);

/* fnet_cli_load() for a job that needs only the weight per pair (the graph
 * of graph/graph_pairs.h): streams the facts into per-pair sums when the
 * files allow it (input/aggregate.h; *agg set, *out NULL), else loads the
 * corpus in full (*out set, *agg NULL). Messages and exit statuses are
 * fnet_cli_load()'s either way. The caller frees both. */
int fnet_cli_load_pairs(fnet_aggregate **agg, fnet_corpus **out,
                        const char *cmd, char **paths, size_t n,
                        const fnet_cli_input *in);

/* The size in bytes of the files (for a percentage), 0 when one is "-" or
 * cannot be read. */
uint64_t fnet_cli_input_bytes(char *const *paths, size_t n);

#endif

/* input_opts.h - the input options every command that reads facts accepts
 * (every command): --input-format and the
 * importers' options (docs/IMPORT.md). A command either joins its table to
 * fnet_input_options with fnet_cli_opts_join() or appends
 * FNET_INPUT_OPTIONS to its table; it hands the input ids to
 * fnet_cli_input_option() and checks the result with fnet_cli_input_check()
 * before loading. fnet_graphopts_print_options() and
 * fnet_diagopts_print_options() print the input options in their own
 * section when the table holds them. */
#ifndef FNET_INPUT_OPTS_H
#define FNET_INPUT_OPTS_H

#include "cli/cli.h"
#include "cli/progress.h"
#include "input/aggregate.h"
#include "input/load.h"

#include <stdbool.h>
#include <stdio.h>

/* Option ids of the input options; commands keep their own ids below. */
enum {
    FNET_OPT_INPUT_FIRST = 1000,
    FNET_OPT_BRAT_EVENTS = FNET_OPT_INPUT_FIRST,
    FNET_OPT_BRAT_MAP,
    FNET_OPT_ENTITIES,
    FNET_OPT_EVENT_WEIGHT,
    FNET_OPT_INPUT_FORMAT,
    FNET_OPT_LABEL_MAP,
    FNET_OPT_MAP,
    FNET_OPT_RELATION,
    FNET_OPT_TEXT_KEY,
    FNET_OPT_VERBOSE,
    FNET_OPT_INPUT_LAST = FNET_OPT_VERBOSE
};

/* What the input options set. */
typedef struct fnet_cli_input {
    fnet_load_opts lo;
    bool verbose; /* --verbose: print every warning (fnet_cli_load) */
    /* NULL: fnet_cli_load shows the loading stage on a terminal by itself
     * (cli/progress.h). A command that shows its later stages too starts
     * one and sets it here; loading then reports to it. */
    fnet_progress *progress;
} fnet_cli_input;

/* The option table entries, sorted by name, without a terminator. */
/* clang-format off */
#define FNET_INPUT_OPTIONS                                                     \
    {"brat-events", 0, true, FNET_OPT_BRAT_EVENTS, "MODE",                     \
     "brat events: first (default), pairs or none"},                           \
    {"brat-map", 0, true, FNET_OPT_BRAT_MAP, "FILE",                           \
     "the same as --label-map"},                                               \
    {"entities", 0, true, FNET_OPT_ENTITIES, "FILE",                           \
     "entity table for CSV/TSV edge lists"},                                   \
    {"event-weight", 0, true, FNET_OPT_EVENT_WEIGHT, "W",                      \
     "GDELT fact weight: events (default) or mentions"},                       \
    {"input-format", 0, true, FNET_OPT_INPUT_FORMAT, "FMT",                    \
     "the format (default: from the file name)"},                              \
    {"label-map", 0, true, FNET_OPT_LABEL_MAP, "FILE",                         \
     "annotation labels -> entity types, relations"},                          \
    {"map", 0, true, FNET_OPT_MAP, "KEY=COL,...",                              \
     "CSV/TSV columns by header name or number"},                              \
    {"relation", 0, true, FNET_OPT_RELATION, "NAME",                           \
     "relation of edge-list rows naming none (tie)"},                          \
    {"text-key", 0, true, FNET_OPT_TEXT_KEY, "KEY",                            \
     "Label Studio data field with the text (text)"},                          \
    {"verbose", 'v', false, FNET_OPT_VERBOSE, NULL,                            \
     "print every input warning, not just how many (check: always)"}
/* clang-format on */

/* True when id is one of the input options. */
static inline bool fnet_cli_input_owns(int id)
{
    return id >= FNET_OPT_INPUT_FIRST && id <= FNET_OPT_INPUT_LAST;
}

/* The same entries, ending with {0}. */
extern const fnet_opt fnet_input_options[];

/* Returns a new table holding cmd's options then the input options (ending
 * with {0}), or NULL when out of memory. The caller frees it with free(). */
fnet_opt *fnet_cli_opts_join(const fnet_opt *cmd);

/* Stores an input option's value in o. Returns true when id is an input
 * option. */
bool fnet_cli_input_option(int id, const char *value, fnet_cli_input *o);

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

/* Prints "input options:" and the table for --help. */
void fnet_cli_input_help(FILE *fp);

#endif

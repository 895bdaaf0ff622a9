/* input_opts.h - the input options every command that reads facts accepts
 * (check, metrics, dot, build): --input-format and the importers' options
 * (docs/IMPORT.md). A command parses with its own table joined to
 * fnet_input_options, hands the input ids to fnet_cli_input_option(), and
 * checks the result with fnet_cli_input_check() before loading. */
#ifndef FNET_INPUT_OPTS_H
#define FNET_INPUT_OPTS_H

#include "cli/cli.h"
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
    FNET_OPT_INPUT_LAST = FNET_OPT_TEXT_KEY
};

/* The input options, sorted by name, ending with {0}. */
extern const fnet_opt fnet_input_options[];

/* Returns a new table holding cmd's options then the input options (ending
 * with {0}), or NULL when out of memory. The caller frees it with free(). */
fnet_opt *fnet_cli_opts_join(const fnet_opt *cmd);

/* Stores an input option's value in o. Returns true when id is an input
 * option. */
bool fnet_cli_input_option(int id, const char *value, fnet_load_opts *o);

/* Checks the input options of cmd; prints a usage error and returns
 * FNET_EXIT_USAGE when one is wrong, else FNET_EXIT_OK. */
int fnet_cli_input_check(const char *cmd, const fnet_load_opts *o);

/* Prints "input options:" and the table for --help. */
void fnet_cli_input_help(FILE *fp);

#endif

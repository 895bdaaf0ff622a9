/* cli.h - what every command shares: option parsing, messages, the command
 * table. Each command is one cmd_<verb>.c with one entry point
 * `int fnet_cmd_<verb>(int argc, char **argv)` (argv[0] is the verb) that
 * returns the process exit status (core/error.h, docs/CLI.md). */
#ifndef FNET_CLI_H
#define FNET_CLI_H

#include "core/diag.h"
#include "core/error.h"

#include <stdbool.h>
#include <stdio.h>

/* ---- option parsing ----------------------------------------------------
 * Accepts --name, --name=value, --name value, -x, -x value, -xVALUE, "--"
 * (ends options) and "-" (a positional meaning stdin/stdout). Options and
 * positionals may be mixed. */
typedef struct fnet_opt {
    const char *name; /* long name without dashes */
    char short_name;  /* 0 if none */
    bool has_arg;
    int id;               /* > 0, returned by fnet_args_next */
    const char *arg_name; /* for --help, e.g. "FILE" */
    const char *help;     /* one line for --help; NULL hides the option */
} fnet_opt;

typedef struct fnet_args {
    int argc;
    char **argv;
    int i;
    bool only_positional;
    const char *cmd; /* for messages */
} fnet_args;

enum { FNET_ARG_END = -1, FNET_ARG_ERROR = -2, FNET_ARG_POSITIONAL = 0 };

/* Starts parsing argv[1..] of command cmd. */
void fnet_args_init(fnet_args *a, const char *cmd, int argc, char **argv);

/* Returns the next option's id (its value in *value, NULL if none),
 * FNET_ARG_POSITIONAL with the word in *value, FNET_ARG_END, or
 * FNET_ARG_ERROR after printing a usage error. opts ends with {0}. */
int fnet_args_next(fnet_args *a, const fnet_opt *opts, const char **value);

/* Prints the options table (two columns) to fp. */
void fnet_opts_print(FILE *fp, const fnet_opt *opts);

/* The argument loop of a command that reads fact files: what goes where. */
typedef struct fnet_arg_loop {
    const char *cmd;
    const fnet_opt *options; /* ends with {0} */
    /* The shared options (graph, diagram, input): returns 1 when id is
     * one of them and applied, 0 when it is not, -1 after a usage error. */
    int (*shared)(void *sctx, int id, const char *value, const char *cmd);
    void *sctx;
    int help_id; /* this option calls help() and ends the loop */
    void (*help)(void);
    /* Every other option; false after printing a usage error. */
    bool (*own)(void *ctx, int id, const char *value);
    void *ctx;
} fnet_arg_loop;

/* Runs the loop over argv: options as above, positionals (the input files)
 * into paths (room for argc entries; *n_paths counts them). No input file
 * is a usage error. Returns FNET_EXIT_OK (with *done set when help was
 * printed) or FNET_EXIT_USAGE; the command's own checks come after. */
int fnet_args_loop(const fnet_arg_loop *l, int argc, char **argv, char **paths,
                   size_t *n_paths, bool *done);

/* ---- --no-formula-guard ------------------------------------------------
 * Every command that writes CSV or TSV (balance, build, evidence, evolve,
 * export, metrics) puts FNET_FORMULA_GUARD_OPTION in its option table and
 * passes each option id to fnet_cli_formula_guard_option(), so that the
 * option has one name, one help line and one meaning (docs/TABLES.md,
 * "Spreadsheet formulas"). Its id is above every command's own ids and
 * below the shared input, diagram and graph option ids. */
enum { FNET_OPT_NO_FORMULA_GUARD = 0x700 };

/* clang-format off */
#define FNET_FORMULA_GUARD_OPTION                                              \
    {"no-formula-guard", 0, false, FNET_OPT_NO_FORMULA_GUARD, NULL,            \
     "csv/tsv: no ' before text cells starting with = + - @"}
/* clang-format on */

/* Returns true when id is --no-formula-guard, after setting *off; false
 * (and *off untouched) for any other id. */
bool fnet_cli_formula_guard_option(int id, bool *off);

/* ---- messages ---------------------------------------------------------- */

/* "factnet: MESSAGE" + "try 'factnet CMD --help'" on stderr; returns
 * FNET_EXIT_USAGE. */
int fnet_cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "factnet: MESSAGE" on stderr. */
void fnet_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints err's message as "factnet: ..." (unless it is already located) and
 * returns the exit status for its code. */
int fnet_cli_fail(const fnet_err *err);

/* Prints the diagnostics to stderr. */
void fnet_cli_print_diag(const fnet_diag *d);

/* Parses a number option; prints a usage error and returns false when s is
 * not a number in [min, max]. */
bool fnet_cli_number(const char *cmd, const char *opt, const char *s,
                     double min, double max, double *out);

/* Closes stdout and reports a write error (full disk, closed pipe); returns
 * status unchanged or FNET_EXIT_IO. Called once at the end of main. */
int fnet_cli_finish_stdout(int status);

/* ---- commands ---------------------------------------------------------- */

typedef struct fnet_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} fnet_command;

/* The command table, sorted by name, ending with {0}. */
extern const fnet_command fnet_commands[];

int fnet_cmd_balance(int argc, char **argv);
int fnet_cmd_build(int argc, char **argv);
int fnet_cmd_check(int argc, char **argv);
int fnet_cmd_dot(int argc, char **argv);
int fnet_cmd_evidence(int argc, char **argv);
int fnet_cmd_evolve(int argc, char **argv);
int fnet_cmd_export(int argc, char **argv);
int fnet_cmd_metrics(int argc, char **argv);
int fnet_cmd_render(int argc, char **argv);
int fnet_cmd_report(int argc, char **argv);

#endif

/* cli.h - what every command shares: messages, the command table (the
 * option parser is cli/opt.h). Each command is one cmd_<verb>.c with one entry point
 * `int fnet_cmd_<verb>(int argc, char **argv)` (argv[0] is the verb) that
 * returns the process exit status (core/error.h, docs/CLI.md). */
#ifndef FNET_CLI_H
#define FNET_CLI_H

#include "core/diag.h"
#include "core/error.h"
#include "input/provenance.h"

#include <stdbool.h>
#include <stdio.h>

/* ---- messages ---------------------------------------------------------- */

/* "factnet: MESSAGE" + "try 'factnet CMD --help'" on stderr; returns
 * FNET_EXIT_USAGE. */
int fnet_cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* fnet_cli_usage() with a suggestion: near, when not NULL, is appended to
 * the message as " (did you mean 'NEAR'?)" (core/text.h's
 * fnet_text_nearest finds it). Returns FNET_EXIT_USAGE. */
int fnet_cli_usage_near(const char *cmd, const char *near, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "factnet: MESSAGE" on stderr. */
void fnet_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints err's message as "factnet: ..." (unless it is already located) and
 * returns the exit status for its code. */
int fnet_cli_fail(const fnet_err *err);

/* The exit status of a command's result rc: FNET_EXIT_OK for 0; for
 * FNET_EUSAGE, err's message as cmd's usage error (fnet_cli_usage()), or
 * nothing when err is empty (the usage error was reported already); for
 * any other code, fnet_cli_fail(err). */
int fnet_cli_status(const char *cmd, int rc, const fnet_err *err);

/* Prints the diagnostics to stderr. */
void fnet_cli_print_diag(const fnet_diag *d);

/* True when path, the value of --sources-dir (check, methods, build), is
 * a directory; otherwise says why on stderr. */
bool fnet_cli_sources_dir_ok(const char *path);

/* --sources-dir DIR of methods and build: checks c's evidence quotes
 * against the source texts in dir (input/provenance.h) into ps, prints
 * the problems found to stderr and, when some are errors, a count of
 * them. Returns 0, FNET_EDATA when there were errors (reported: exit 1),
 * or FNET_ENOMEM with err set. */
int fnet_cli_sources_check(const fnet_corpus *c, const char *dir,
                           fnet_prov_stats *ps, fnet_err *err);

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

/* What factnet does, for `factnet --help` and factnet(1) (two lines, no
 * final newline). */
extern const char fnet_cli_about[];

int fnet_cmd_agree(int argc, char **argv);
int fnet_cmd_balance(int argc, char **argv);
int fnet_cmd_build(int argc, char **argv);
int fnet_cmd_check(int argc, char **argv);
int fnet_cmd_dot(int argc, char **argv);
int fnet_cmd_evidence(int argc, char **argv);
int fnet_cmd_evolve(int argc, char **argv);
int fnet_cmd_export(int argc, char **argv);
int fnet_cmd_metrics(int argc, char **argv);
int fnet_cmd_methods(int argc, char **argv);
int fnet_cmd_render(int argc, char **argv);
int fnet_cmd_report(int argc, char **argv);

#endif

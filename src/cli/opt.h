/* opt.h - typed option specs and the one parser of every command: each
 * option names its type (flag, whole number or real in a range, choice
 * among names, date, string, or a callback) and the field its value goes
 * to, as an offset into a struct; the parser checks the value, writes the
 * field and prints usage errors (with a "did you mean" suggestion) in one
 * place, and --help prints the same specs (libgit2's cli/opt.h, git's
 * parse-options.h).
 *
 * A command's options come in groups, each a table of specs with the
 * struct they write into: the command's own options, then the shared
 * groups (cli/diagopts.h, cli/graphopts.h, cli/input_opts.h). There are no
 * option ids.
 *
 * Ownership: string values point into argv (no copies). */
#ifndef FNET_OPT_H
#define FNET_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum fnet_opt_type {
    FNET_OPT_END,    /* terminates a table */
    FNET_OPT_HELP,   /* -h/--help: the parser prints the help and stops */
    FNET_OPT_FLAG,   /* sets a bool to true */
    FNET_OPT_UNSET,  /* sets a bool to false (--no-legend) */
    FNET_OPT_STRING, /* const char * into argv */
    FNET_OPT_WHOLE,  /* whole number in [min, max]: int, long, unsigned... */
    FNET_OPT_REAL,   /* double in [min, max] */
    FNET_OPT_CHOICE, /* one of values: codes[i] (or i) into an int or bool */
    FNET_OPT_DATE,   /* fnet_date (YYYY[-MM[-DD]]) */
    FNET_OPT_METRIC, /* a node metric other than community into an int,
                        or one of values (codes[i] stored) */
    FNET_OPT_CALL,   /* call(field, value, cmd) does the rest */
} fnet_opt_type;

typedef struct fnet_opt {
    const char *name; /* long name without dashes; NULL ends a table */
    char short_name;  /* 0 if none */
    fnet_opt_type type;
    size_t off;                /* the field: offset into the group's struct */
    size_t size;               /* its size (WHOLE, CHOICE: 8, 4 or 1) */
    size_t given;              /* 0, or 1 + offset of a bool set when given */
    const char *arg;           /* the value's name in --help, e.g. "FILE" */
    const char *help;          /* one line for --help */
    double min, max;           /* WHOLE, REAL */
    const char *const *values; /* CHOICE: accepted names, NULL-terminated;
                                  CALL: the names it accepts, or NULL */
    const int *codes;          /* CHOICE: stored per name; NULL: the index */
    const char *expected;      /* CHOICE: the list in the message; NULL:
                                  values joined ("a, b or c"). METRIC:
                                  what the message says is expected */
    /* CALL: stores the value; returns 0, or -1 after a usage error. Its
     * values (NULL: free text) are offered by the completions. */
    int (*call)(void *field, const char *value, const char *cmd);
} fnet_opt;

/* The field f of struct T, and "also set T's bool g when given". */
#define FNET_FIELD(T, f) .off = offsetof(T, f), .size = sizeof(((T *)0)->f)
#define FNET_GIVEN(T, g) .given = offsetof(T, g) + 1

/* clang-format off */
#define FNET_OPT_HELP_SPEC                                                     \
    {.name = "help", .short_name = 'h', .type = FNET_OPT_HELP,                 \
     .help = "show this help and exit"}
#define FNET_FLAG(n, s, T, f, h)                                               \
    {.name = n, .short_name = s, .type = FNET_OPT_FLAG, FNET_FIELD(T, f),      \
     .help = h}
#define FNET_STRING(n, s, T, f, a, h)                                          \
    {.name = n, .short_name = s, .type = FNET_OPT_STRING, FNET_FIELD(T, f),    \
     .arg = a, .help = h}
/* A STRING that a lower layer checks against vals (NULL-terminated), its
 * one list of names: the completions and the man page offer them. */
#define FNET_STRING_OF(n, T, f, vals, a, h)                                    \
    {.name = n, .type = FNET_OPT_STRING, FNET_FIELD(T, f), .values = vals,     \
     .arg = a, .help = h}
#define FNET_WHOLE(n, T, f, lo, hi, a, h)                                      \
    {.name = n, .type = FNET_OPT_WHOLE, FNET_FIELD(T, f), .min = lo,           \
     .max = hi, .arg = a, .help = h}
#define FNET_REAL(n, T, f, lo, hi, a, h)                                       \
    {.name = n, .type = FNET_OPT_REAL, FNET_FIELD(T, f), .min = lo,            \
     .max = hi, .arg = a, .help = h}
#define FNET_CHOICE(n, s, T, f, vals, cds, a, h)                               \
    {.name = n, .short_name = s, .type = FNET_OPT_CHOICE, FNET_FIELD(T, f),    \
     .values = vals, .codes = cds, .arg = a, .help = h}
#define FNET_CALL(n, T, f, fn, a, h)                                           \
    {.name = n, .type = FNET_OPT_CALL, FNET_FIELD(T, f), .call = fn,           \
     .arg = a, .help = h}
/* A CALL that accepts only the names vals (NULL-terminated). */
#define FNET_CALL_OF(n, T, f, fn, vals, a, h)                                  \
    {.name = n, .type = FNET_OPT_CALL, FNET_FIELD(T, f), .call = fn,           \
     .values = vals, .arg = a, .help = h}

#define FNET_METRIC(n, T, f, vals, cds, exp, a, h)                             \
    {.name = n, .type = FNET_OPT_METRIC, FNET_FIELD(T, f), .values = vals,     \
     .codes = cds, .expected = exp, .arg = a, .help = h}
/* --resolution R of community detection, setting bool g when given. */
#define FNET_RESOLUTION_OPTION(T, f, g, h)                                     \
    {.name = "resolution", .type = FNET_OPT_REAL, FNET_FIELD(T, f),            \
     FNET_GIVEN(T, g), .min = 1e-12, .max = 1e12, .arg = "R", .help = h}
/* --runs N of community detection (1..100000) and --seed S of communities
 * and sampling (an unsigned 32-bit value): one range each for every
 * command; h is the command's help line. */
#define FNET_RUNS_OPTION(T, f, h)                                              \
    FNET_WHOLE("runs", T, f, 1, 100000, "N", h)
#define FNET_SEED_OPTION(T, f, h)                                              \
    FNET_WHOLE("seed", T, f, 0, 4294967295.0, "S", h)
/* --samples K: path metrics estimated from K sampled sources. */
#define FNET_SAMPLES_OPTION(T, f)                                              \
    FNET_WHOLE("samples", T, f, 1, 1e12, "K",                                  \
               "estimate path metrics from K sampled sources")

/* --digits N: decimals for reals, one range and help line for every
 * command that writes tables into a fnet_table_style (agree, balance,
 * evolve, metrics). */
#define FNET_DIGITS_OPTION(T, f)                                               \
    FNET_WHOLE("digits", T, f, 0, 17, "N",                                     \
               "decimals for reals (default: 3 for md/latex, full "          \
               "otherwise)")

/* --no-formula-guard: every command that writes CSV or TSV (balance,
 * build, evidence, evolve, export, metrics) has it, with one name, one
 * help line and one meaning (docs/TABLES.md, "Spreadsheet formulas"). */
#define FNET_FORMULA_GUARD_OPTION(T, f)                                        \
    FNET_FLAG("no-formula-guard", 0, T, f,                                     \
              "csv/tsv: no ' before text cells starting with = + - @")
/* clang-format on */

/* One table of specs and the struct its offsets point into. */
typedef struct fnet_opt_group {
    const char *title;         /* "options", "graph options", ... (--help) */
    const fnet_opt *opts;      /* ends with {0} */
    void *base;                /* NULL when only printing */
    const char *rules;         /* NULL, or the rules behind the group's options,
                             printed after the command's notes */
    void (*heading)(FILE *fp); /* NULL, or prints the title line(s) in
                                  place of "TITLE:" */
} fnet_opt_group;

/* A command's --help as data, printed by fnet_opt_help_print():
 *
 *   usage: USAGE
 *
 *   ABOUT
 *
 *   options: ... (each group of the command, from the specs)
 *
 *   NOTES
 *
 *   RULES (of each group that has them)
 *
 *   exit status: EXIT
 *
 * docs/CLI.md holds the option lines of each command
 * (tests/docs/test_cli_help.py compares them). */
typedef struct fnet_opt_help {
    const char *usage; /* "factnet metrics [OPTIONS] FILE..." */
    const char *about; /* what the command does (no final newline) */
    const char *notes; /* NULL, or more prose after the options */
    const char *exit;  /* NULL: FNET_OPT_EXIT_STATUS */
} fnet_opt_help;

#define FNET_OPT_EXIT_STATUS                                                   \
    "0 ok, 1 invalid data, 2 usage error, 3 I/O error,\n4 internal error."

/* Prints h with the option groups (ending with {0}) to fp. Can't fail. */
void fnet_opt_help_print(FILE *fp, const fnet_opt_help *h,
                         const fnet_opt_group *groups);

/* What the parser found besides the options. */
typedef struct fnet_opt_result {
    char **paths;   /* the positionals, room for argc entries (caller's) */
    size_t n_paths; /* how many */
    const fnet_opt_help *help; /* the command's --help */
    bool done; /* -h/--help was met and printed: nothing more to do */
} fnet_opt_result;

/* Parses argv[1..] of command cmd against groups (ending with {0}):
 * --name, --name=value, --name value, -x, -x value, -xVALUE; "--" ends
 * options; "-" is a positional (stdin/stdout). Options and positionals
 * may be mixed. Stops at -h/--help, after printing r->help with the
 * groups to standard output (r->done set). With need_files, no
 * positional is a usage error ("no input files"). Returns FNET_EXIT_OK, or
 * FNET_EXIT_USAGE after printing the error. */
int fnet_opt_parse(const char *cmd, const fnet_opt_group *groups,
                   bool need_files, int argc, char **argv, fnet_opt_result *r);

/* The hidden argument "--fnet-describe=KIND" (KIND: man, bash, zsh or
 * fish), alone after the command's name, makes fnet_opt_parse() hand the
 * command's help and groups to fnet_opt_describe() instead of parsing
 * (r->done set): how `factnet --man` and `factnet --completion` reach
 * every command's specs (cli/describe.h). */
#define FNET_OPT_DESCRIBE "--fnet-describe="

/* Writes the command's man page (KIND man) or its part of a completion
 * script to standard output; another KIND writes nothing. Defined in
 * cli/describe.c. Can't fail. */
void fnet_opt_describe(const char *kind, const char *cmd,
                       const fnet_opt_help *h, const fnet_opt_group *groups);

/* Reads a whole number in [min, max] the way FNET_OPT_WHOLE does (usage
 * error "--opt: ..." otherwise). */
bool fnet_opt_whole(const char *cmd, const char *opt, const char *s, double min,
                    double max, long *out);

/* CALL: a community algorithm name (analysis/community.h) into an int. */
int fnet_opt_algorithm(void *field, const char *value, const char *cmd);

/* CALL: a TeX length for --latex-width into a const char * field: a
 * number with a unit (8.5cm, 0.9\linewidth) or a length command
 * (\columnwidth, \textwidth); anything else is a usage error. */
int fnet_opt_latex_width(void *field, const char *value, const char *cmd);

/* After parsing: false, after a usage error, when --resolution was given
 * (given) for an algorithm without one (leiden, louvain and spinglass
 * have it). */
bool fnet_opt_resolution_ok(const char *cmd, bool given, int algorithm);

/* The name of names (NULL-terminated) closest to a mistyped value, or
 * NULL (core/text.h's fnet_text_nearest). */
const char *fnet_opt_near(const char *value, const char *const *names);

/* The column closest to a mistyped name: a metric (community included),
 * or with table_columns also id, label, type or stability; NULL when none
 * is close. */
const char *fnet_opt_near_column(const char *value, bool table_columns);

/* clang-format off */
/* -f/--format F of a command that writes tables into T's int field f;
 * list: the formats as the message lists them, h: the help line. */
#define FNET_TABLE_FORMAT_OPTION(T, f, list, h)                                \
    {.name = "format", .short_name = 'f', .type = FNET_OPT_CHOICE,             \
     FNET_FIELD(T, f), .values = fnet_table_format_names,                      \
     .codes = fnet_table_format_codes, .expected = list, .arg = "F", .help = h}
/* --latex-width LEN into T's const char * field f (fnet_table_style's
 * latex_width). */
#define FNET_LATEX_WIDTH_OPTION(T, f)                                          \
    FNET_CALL("latex-width", T, f, fnet_opt_latex_width, "LEN",                \
              "latex: table width, a length, \\columnwidth (default) or "    \
              "\\textwidth (table*)")
/* clang-format on */

#endif

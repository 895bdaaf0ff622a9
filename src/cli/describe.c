/* describe.c - man pages and shell completions from the option specs
 * (see describe.h). */
#include "cli/describe.h"

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "input/formats.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef enum kind { MAN, BASH, ZSH, FISH, N_KINDS } kind;

static const char *const kinds[] = {"man", "bash", "zsh", "fish", NULL};

/* Enough for the longest list of values (the metrics). */
#define MAX_VALUES 64

/* ---- what the specs say ------------------------------------------------ */

static bool takes_value(const fnet_opt *o)
{
    return o->type != FNET_OPT_HELP && o->type != FNET_OPT_FLAG &&
           o->type != FNET_OPT_UNSET;
}

static void add_value(const char **out, size_t *n, const char *v)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(out[i], v) == 0)
            return;
    if (*n < MAX_VALUES)
        out[(*n)++] = v;
}

/* The names o accepts, when it accepts a closed list: choices, metrics,
 * community algorithms, input formats, and a CALL's values. Returns how
 * many were put in out (0: free text). */
static size_t values_of(const fnet_opt *o, const char **out)
{
    size_t n = 0;
    if (o->type == FNET_OPT_METRIC)
        for (int i = 0; i < FNET_M_COUNT; i++)
            if (i != FNET_M_COMMUNITY)
                add_value(out, &n, fnet_metric_name(i));
    if (o->type == FNET_OPT_CALL && o->call == fnet_opt_algorithm)
        for (int i = 0; fnet_community_algorithm_name(i); i++)
            add_value(out, &n, fnet_community_algorithm_name(i));
    if (o->type == FNET_OPT_STRING && strcmp(o->name, "input-format") == 0) {
        const fnet_input_format *f;
        for (size_t i = 0; (f = fnet_input_format_at(i)); i++)
            add_value(out, &n, f->name);
    }
    for (size_t i = 0; o->values && o->values[i]; i++)
        add_value(out, &n, o->values[i]);
    return n;
}

typedef enum arg_kind { ARG_TEXT, ARG_FILE, ARG_DIR } arg_kind;

/* What kind of value a free-text option takes, by its name in --help. */
static arg_kind arg_of(const fnet_opt *o)
{
    if (!o->arg)
        return ARG_TEXT;
    if (strcmp(o->arg, "FILE") == 0 || strcmp(o->arg, "PATH") == 0)
        return ARG_FILE;
    return strcmp(o->arg, "DIR") == 0 ? ARG_DIR : ARG_TEXT;
}

/* The endings of the input formats without their dot, each once. */
static size_t input_suffixes(const char **out)
{
    size_t n = 0;
    const fnet_input_format *f;
    for (size_t i = 0; (f = fnet_input_format_at(i)); i++)
        for (const char *const *s = f->suffixes; s && *s; s++)
            add_value(out, &n, strrchr(*s, '.') ? strrchr(*s, '.') + 1 : *s);
    return n;
}

/* ---- man pages ---------------------------------------------------------- */

/* Writes s as roff text: backslashes and hyphens escaped, a control
 * character at a line's start neutralised, other than ASCII as \[uXXXX].
 * Stops after len bytes or at the end of s. */
static void roff_n(FILE *fp, const char *s, size_t len)
{
    bool line_start = true;
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    while (p < end && *p) {
        unsigned c = *p, cp = c;
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        if (line_start && (c == '.' || c == '\''))
            fputs("\\&", fp);
        if (more) {
            cp = c & (0x3f >> more);
            for (int i = 0; i < more && p + 1 < end && p[1]; i++)
                cp = (cp << 6) | (*++p & 0x3f);
            fprintf(fp, "\\[u%04X]", cp);
        } else if (c == '\\')
            fputs("\\e", fp);
        else if (c == '-')
            fputs("\\-", fp);
        else
            fputc((int)c, fp);
        line_start = c == '\n';
        p++;
    }
}

static void roff(FILE *fp, const char *s)
{
    roff_n(fp, s, strlen(s));
}

/* Prose with the layout of --help: paragraphs (blank-line separated)
 * whose lines are indented keep their lines (.nf), the others are
 * filled. */
static void roff_prose(FILE *fp, const char *s)
{
    bool first = true;
    while (*s) {
        const char *end = strstr(s, "\n\n");
        size_t len = end ? (size_t)(end - s) : strlen(s);
        bool keep = false;
        for (const char *l = s; l && l < s + len; l = strchr(l, '\n')) {
            l += *l == '\n';
            keep = keep || *l == ' ';
        }
        fputs(first ? "" : ".PP\n", fp);
        fputs(keep ? ".nf\n" : "", fp);
        roff_n(fp, s, len);
        fputs(keep ? "\n.fi\n" : "\n", fp);
        first = false;
        s += len;
        s += strspn(s, "\n");
    }
}

static void man_option(FILE *fp, const fnet_opt *o)
{
    const char *vals[MAX_VALUES];
    size_t n = values_of(o, vals);
    fputs(".TP\n", fp);
    if (o->short_name)
        fprintf(fp, "\\fB\\-%c\\fR, ", o->short_name);
    fputs("\\fB\\-\\-", fp);
    roff(fp, o->name);
    fputs("\\fR", fp);
    if (takes_value(o)) {
        fputs(" \\fI", fp);
        roff(fp, o->arg ? o->arg : "VALUE");
        fputs("\\fR", fp);
    }
    fputc('\n', fp);
    roff(fp, o->help);
    fputc('\n', fp);
    if (n > 1 && o->type != FNET_OPT_METRIC) {
        fputs(".br\nOne of: ", fp);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ", " : "", fp);
            roff(fp, vals[i]);
        }
        fputs(".\n", fp);
    }
}

/* A group's heading line, when it prints one, as prose (without its
 * final colon). */
static void man_heading(FILE *fp, const fnet_opt_group *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *ms = open_memstream(&text, &len);
    if (!ms)
        return;
    g->heading(ms);
    if (fclose(ms) == 0 && text) {
        while (len && (text[len - 1] == '\n' || text[len - 1] == ':'))
            text[--len] = '\0';
        for (char *c = text; *c; c++)
            *c = *c == '\n' ? ' ' : *c;
        roff(fp, text);
        fputc('\n', fp);
    }
    free(text);
}

static void man_head(FILE *fp, const char *page, const char *summary)
{
    fputs(".TH ", fp);
    for (const char *c = page; *c; c++)
        fprintf(fp, *c == '-' ? "\\-" : "%c",
                *c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
    fprintf(fp, " 1 \"\" \"factnet %s\" \"User Commands\"\n.SH NAME\n",
            FNET_VERSION);
    roff(fp, page);
    fputs(" \\- ", fp);
    roff(fp, summary);
    fputc('\n', fp);
}

/* NOTES: the command's notes, then the rules of its groups, as --help
 * prints them after the options; nothing when there are none. */
static void man_notes(FILE *fp, const fnet_opt_help *h,
                      const fnet_opt_group *groups)
{
    bool first = true;
    if (h->notes) {
        fputs(".SH NOTES\n", fp);
        roff_prose(fp, h->notes);
        first = false;
    }
    for (const fnet_opt_group *g = groups; g->opts; g++)
        if (g->rules) {
            fputs(first ? ".SH NOTES\n" : ".PP\n", fp);
            roff_prose(fp, g->rules);
            first = false;
        }
}

static void man_command(FILE *fp, const char *cmd, const fnet_opt_help *h,
                        const fnet_opt_group *groups)
{
    const char *summary = "";
    char page[64];
    for (const fnet_command *c = fnet_commands; c->name; c++)
        if (strcmp(c->name, cmd) == 0)
            summary = c->summary;
    snprintf(page, sizeof page, "factnet-%s", cmd);
    man_head(fp, page, summary);
    fputs(".SH SYNOPSIS\n", fp);
    roff(fp, h->usage);
    fputs("\n.SH DESCRIPTION\n", fp);
    roff_prose(fp, h->about);
    fputs(".SH OPTIONS\n", fp);
    for (const fnet_opt_group *g = groups; g->opts; g++) {
        fputs(".SS \"", fp);
        roff(fp, g->title);
        fputs("\"\n", fp);
        if (g->heading)
            man_heading(fp, g);
        for (const fnet_opt *o = g->opts; o->name; o++)
            if (o->help)
                man_option(fp, o);
    }
    man_notes(fp, h, groups);
    fputs(".SH EXIT STATUS\n", fp);
    roff(fp, h->exit ? h->exit : FNET_OPT_EXIT_STATUS);
    fputs("\n.SH SEE ALSO\n.BR factnet (1)\n", fp);
}

/* ---- factnet(1) ---------------------------------------------------------- */

/* What factnet reads from the environment (docs/CLI.md, docs/PERFORMANCE.md,
 * docs/DIAGRAMS.md). */
static const char *const environment[][2] = {
    {"FACTNET_PARALLEL",
     "auto (the default), always or serial: where metrics and build use "
     "the second core (for tests; docs/PERFORMANCE.md). Any other value is "
     "a usage error of either."},
    {"FACTNET_PROGRESS_AFTER",
     "seconds (0 to 3600, default 1) a job runs before its stage shows on "
     "standard error, when standard error is a terminal."},
    {"SOURCE_DATE_EPOCH",
     "seconds since 1970: the creation date written into rendered PDF "
     "files (default 0), so that the same graph gives the same bytes."},
    {"NO_COLOR",
     "honoured trivially: factnet prints no colour and no terminal escape "
     "sequences."},
};

static const char *const examples[][2] = {
    {"factnet check data/japan_cyber.json",
     "validate a fact file and print a summary"},
    {"factnet metrics \\-\\-view actors \\-f md data/japan_cyber.json",
     "node metrics of the actors' graph as a Markdown table"},
    {"factnet render \\-\\-ego JPN \\-o japan.svg data/japan_cyber.json",
     "the network around one entity, drawn to SVG"},
    {"factnet build /usr/share/factnet/data/japan_cyber.json",
     "diagrams, tables and a report of the installed sample corpus, written "
     "into graphs/ in the current folder"},
};

static void man_main(FILE *fp)
{
    man_head(fp, "factnet",
             "annotated facts to relationship graphs, "
             "network metrics and diagrams");
    fputs(".SH SYNOPSIS\n.B factnet\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
          "\\fIFILE\\fR...\n.br\n.B factnet\n\\-\\-version | \\-\\-help\n"
          ".SH DESCRIPTION\n",
          fp);
    roff_prose(fp, fnet_cli_about);
    fputs(".PP\n\\fBfactnet \\fICOMMAND\\fB \\-\\-help\\fR describes a "
          "command; each has its page, factnet\\-\\fICOMMAND\\fR(1).\n"
          ".SH COMMANDS\n",
          fp);
    for (const fnet_command *c = fnet_commands; c->name; c++) {
        fprintf(fp, ".TP\n.BR factnet\\-%s (1)\n", c->name);
        roff(fp, c->summary);
        fputc('\n', fp);
    }
    fputs(".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nshow the "
          "commands and exit\n.TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\n"
          "print the version of factnet and of its libraries and exit\n"
          ".SH EXIT STATUS\n",
          fp);
    roff(fp, FNET_OPT_EXIT_STATUS);
    fputs("\nThese numbers are never renumbered.\n.SH ENVIRONMENT\n", fp);
    for (size_t i = 0; i < sizeof environment / sizeof *environment; i++)
        fprintf(fp, ".TP\n.B %s\n%s\n", environment[i][0], environment[i][1]);
    fputs(".SH FILES\n.TP\n.I share/factnet/data/\nunder the installation "
          "prefix (/usr or /usr/local): the bundled sample corpus, "
          "japan_cyber.json, and its README.md.\n.TP\n"
          ".I share/doc/factnet/\nthe documentation: CLI.md, FORMAT.md, "
          "METRICS.md and the others.\n.SH EXAMPLES\n",
          fp);
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++)
        fprintf(fp, ".TP\n.B %s\n%s\n", examples[i][0], examples[i][1]);
    fputs(".SH SEE ALSO\n", fp);
    for (const fnet_command *c = fnet_commands; c->name; c++)
        fprintf(fp, ".BR factnet\\-%s (1),\n", c->name);
    fputs(".BR dot (1)\n", fp);
}

/* ---- bash ---------------------------------------------------------------- */

static void words(FILE *fp, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s%s", i ? " " : "", v[i]);
}

/* One command's arm of the case on the command: what follows an option
 * that takes a value, then the command's option words in opts. */
static void bash_command(FILE *fp, const char *cmd,
                         const fnet_opt_group *groups)
{
    fprintf(fp, "    %s)\n        case $prev in\n", cmd);
    for (const fnet_opt_group *g = groups; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++) {
            const char *vals[MAX_VALUES];
            size_t n = values_of(o, vals);
            if (!takes_value(o))
                continue;
            fputs("        ", fp);
            if (o->short_name)
                fprintf(fp, "-%c|", o->short_name);
            fprintf(fp, "--%s)", o->name);
            if (n) {
                fputs(" COMPREPLY=($(compgen -W \"", fp);
                words(fp, vals, n);
                fputs("\" -- \"$cur\"));", fp);
            } else if (arg_of(o) != ARG_TEXT)
                fprintf(fp, " COMPREPLY=($(compgen -%c -- \"$cur\"));",
                        arg_of(o) == ARG_DIR ? 'd' : 'f');
            fputs(" return ;;\n", fp);
        }
    fputs("        esac\n        opts=\"", fp);
    for (const fnet_opt_group *g = groups; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++) {
            if (o->short_name)
                fprintf(fp, "-%c ", o->short_name);
            fprintf(fp, "--%s%s", o->name, o[1].name || g[1].opts ? " " : "");
        }
    fputs("\"\n        ;;\n", fp);
}

/* ---- zsh ----------------------------------------------------------------- */

/* Text inside a single-quoted _arguments spec's [description]. */
static void zsh_text(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", fp);
        else if (*s == '[' || *s == ']' || *s == '\\' || *s == ':')
            fprintf(fp, "\\%c", *s);
        else
            fputc(*s, fp);
    }
}

static void zsh_command(FILE *fp, const char *cmd, const fnet_opt_group *groups)
{
    const char *suf[MAX_VALUES];
    size_t n_suf = input_suffixes(suf);
    fprintf(fp, "    %s)\n        _arguments -S", cmd);
    for (const fnet_opt_group *g = groups; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++) {
            const char *vals[MAX_VALUES];
            size_t n = values_of(o, vals);
            fputs(" \\\n            ", fp);
            if (o->short_name)
                fprintf(fp, "'(-%c --%s)'{-%c,--%s}'", o->short_name, o->name,
                        o->short_name, o->name);
            else
                fprintf(fp, "'--%s", o->name);
            fputc('[', fp);
            zsh_text(fp, o->help ? o->help : "");
            fputc(']', fp);
            if (takes_value(o)) {
                fputc(':', fp);
                zsh_text(fp, o->arg ? o->arg : "VALUE");
                if (n) {
                    fputs(":(", fp);
                    words(fp, vals, n);
                    fputc(')', fp);
                } else if (arg_of(o) == ARG_FILE)
                    fputs(":_files", fp);
                else if (arg_of(o) == ARG_DIR)
                    fputs(":_files -/", fp);
                else
                    fputs(": ", fp);
            }
            fputc('\'', fp);
        }
    fputs(" \\\n            '*:fact file:_files -g \"*.(#i)(", fp);
    for (size_t i = 0; i < n_suf; i++)
        fprintf(fp, "%s%s", i ? "|" : "", suf[i]);
    fputs(")\"'\n        ;;\n", fp);
}

/* ---- fish ---------------------------------------------------------------- */

static void fish_text(FILE *fp, const char *s)
{
    fputc('\'', fp);
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            fputc('\\', fp);
        fputc(*s, fp);
    }
    fputc('\'', fp);
}

static void fish_command(FILE *fp, const char *cmd,
                         const fnet_opt_group *groups)
{
    const char *suf[MAX_VALUES];
    size_t n_suf = input_suffixes(suf);
    for (const fnet_opt_group *g = groups; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++) {
            const char *vals[MAX_VALUES];
            size_t n = values_of(o, vals);
            fprintf(fp,
                    "complete -c factnet -n '__fish_seen_subcommand_from "
                    "%s'",
                    cmd);
            if (o->short_name)
                fprintf(fp, " -s %c", o->short_name);
            fprintf(fp, " -l %s", o->name);
            if (n) {
                fputs(" -x -a '", fp);
                words(fp, vals, n);
                fputc('\'', fp);
            } else if (takes_value(o))
                fputs(arg_of(o) == ARG_TEXT ? " -x" : " -r -F", fp);
            fputs(" -d ", fp);
            fish_text(fp, o->help ? o->help : "");
            fputc('\n', fp);
        }
    fprintf(fp, "complete -c factnet -n '__fish_seen_subcommand_from %s' -a '(",
            cmd);
    for (size_t i = 0; i < n_suf; i++)
        fprintf(fp, "%s__fish_complete_suffix .%s", i ? "; " : "", suf[i]);
    fputs(")'\n", fp);
}

/* ---- the scripts around the commands' parts ------------------------------ */

static void command_names(FILE *fp)
{
    for (const fnet_command *c = fnet_commands; c->name; c++)
        fprintf(fp, "%s%s", c == fnet_commands ? "" : " ", c->name);
}

/* The start of the bash script, up to the case on the command. */
static void bash_head(FILE *fp)
{
    const char *suf[MAX_VALUES];
    size_t n = input_suffixes(suf);
    fputs("# bash completion for factnet (written by `factnet --completion "
          "bash`)\n\n"
          "# Fact files by ending (any case), and folders.\n"
          "_factnet_files()\n{\n    local f IFS=$'\\n'\n"
          "    for f in $(compgen -f -- \"$1\"); do\n"
          "        if [[ -d $f ]]; then\n            COMPREPLY+=(\"$f\")\n"
          "            continue\n        fi\n        case ${f,,} in\n"
          "        ",
          fp);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s*.%s", i ? "|" : "", suf[i]);
    fputs(") COMPREPLY+=(\"$f\") ;;\n        esac\n    done\n}\n\n"
          "_factnet()\n{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]}\n"
          "    local prev=${COMP_WORDS[COMP_CWORD-1]} opts\n"
          "    COMPREPLY=()\n    if [[ $COMP_CWORD -eq 1 ]]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          fp);
    command_names(fp);
    fputs(" help -h --help -V --version\" -- \"$cur\"))\n        return\n"
          "    fi\n    case ${COMP_WORDS[1]} in\n    help)\n"
          "        [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W \"",
          fp);
    command_names(fp);
    fputs("\" -- \"$cur\"))\n        return\n        ;;\n", fp);
}

/* The start of the zsh script, up to the case on the command. */
static void zsh_head(FILE *fp)
{
    fputs("#compdef factnet\n# zsh completion for factnet (written by "
          "`factnet --completion zsh`)\n\n_factnet()\n{\n"
          "    local -a commands\n    commands=(\n",
          fp);
    for (const fnet_command *c = fnet_commands; c->name; c++) {
        fprintf(fp, "        '%s:", c->name);
        zsh_text(fp, c->summary);
        fputs("'\n", fp);
    }
    fputs("    )\n    if (( CURRENT == 2 )); then\n"
          "        _describe -t commands 'factnet command' commands\n"
          "        compadd -- -h --help -V --version help\n"
          "        return\n    fi\n    local cmd=$words[2]\n"
          "    shift words\n    (( CURRENT-- ))\n    case $cmd in\n"
          "    help)\n        _describe -t commands 'factnet command' "
          "commands\n        ;;\n",
          fp);
}

/* The fish script's lines for the words before a command. */
static void fish_head(FILE *fp)
{
    fputs("# fish completion for factnet (written by `factnet "
          "--completion fish`)\n\ncomplete -c factnet -f\n"
          "complete -c factnet -n __fish_use_subcommand -s h -l help "
          "-d 'show the commands and exit'\n"
          "complete -c factnet -n __fish_use_subcommand -s V -l version "
          "-d 'print the version and exit'\n",
          fp);
    for (const fnet_command *c = fnet_commands; c->name; c++) {
        fprintf(fp, "complete -c factnet -n __fish_use_subcommand -a %s -d ",
                c->name);
        fish_text(fp, c->summary);
        fputc('\n', fp);
    }
    fputs("complete -c factnet -n __fish_use_subcommand -a help -d "
          "'describe a command'\ncomplete -c factnet -n "
          "'__fish_seen_subcommand_from help' -a '",
          fp);
    command_names(fp);
    fputs("'\n", fp);
}

/* Each script's start, and its end after the commands' parts. */
static void (*const heads[N_KINDS])(FILE *) = {NULL, bash_head, zsh_head,
                                               fish_head};
static const char *const tails[N_KINDS] = {
    NULL,
    "    *) return ;;\n    esac\n"
    "    if [[ $cur == -* ]]; then\n"
    "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
    "    else\n        _factnet_files \"$cur\"\n    fi\n}\n\n"
    "complete -o filenames -F _factnet factnet\n",
    "    esac\n}\n\n_factnet \"$@\"\n",
    "",
};

/* Runs command c with the hidden argument for kind k: it writes its part
 * to standard output. Returns its exit status. */
static int describe_command(const fnet_command *c, kind k)
{
    char arg[32];
    char *argv[] = {(char *)c->name, arg, NULL};
    snprintf(arg, sizeof arg, "%s%s", FNET_OPT_DESCRIBE, kinds[k]);
    fflush(stdout);
    return c->run(2, argv);
}

int fnet_describe_completion(const char *shell)
{
    int k = -1;
    for (int i = BASH; i < N_KINDS; i++)
        if (strcmp(shell, kinds[i]) == 0)
            k = i;
    if (k < 0)
        return fnet_cli_usage(NULL,
                              "--completion: expected bash, zsh or fish, "
                              "got '%s'",
                              shell);
    heads[k](stdout);
    for (const fnet_command *c = fnet_commands; c->name; c++) {
        int rc = describe_command(c, (kind)k);
        if (rc != FNET_EXIT_OK)
            return rc;
    }
    fputs(tails[k], stdout);
    return FNET_EXIT_OK;
}

/* ---- entry points ---------------------------------------------------------- */

int fnet_describe_man(const char *name)
{
    FILE *fp = stdout;
    if (!name) {
        man_main(fp);
        return FNET_EXIT_OK;
    }
    for (const fnet_command *c = fnet_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return describe_command(c, MAN);
    return fnet_cli_usage(NULL, "--man: unknown command '%s'", name);
}

void fnet_opt_describe(const char *kind_name, const char *cmd,
                       const fnet_opt_help *h, const fnet_opt_group *groups)
{
    FILE *fp = stdout;
    if (strcmp(kind_name, "man") == 0)
        man_command(fp, cmd, h, groups);
    else if (strcmp(kind_name, "bash") == 0)
        bash_command(fp, cmd, groups);
    else if (strcmp(kind_name, "zsh") == 0)
        zsh_command(fp, cmd, groups);
    else if (strcmp(kind_name, "fish") == 0)
        fish_command(fp, cmd, groups);
}

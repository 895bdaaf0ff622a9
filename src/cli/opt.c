/* opt.c - the one option parser and the --help option table (opt.h). */
#include "cli/opt.h"

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "cli/cli.h"
#include "core/text.h"
#include "model/date.h"
#include "output/tables/table.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* The spec of --NAME (len bytes) or -C, with the struct it writes into. */
typedef struct found {
    const fnet_opt *o;
    void *base;
} found;

static found find_long(const fnet_opt_group *g, const char *name, size_t len)
{
    for (; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++)
            if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
                return (found){o, g->base};
    return (found){NULL, NULL};
}

static found find_short(const fnet_opt_group *g, char c)
{
    for (; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++)
            if (o->short_name && o->short_name == c)
                return (found){o, g->base};
    return (found){NULL, NULL};
}

static bool has_arg(const fnet_opt *o)
{
    return o->type != FNET_OPT_HELP && o->type != FNET_OPT_FLAG &&
           o->type != FNET_OPT_UNSET;
}

/* "unknown option '--NAME'", with the closest option name. */
static int unknown_long(const char *cmd, const fnet_opt_group *g,
                        const char *name, size_t len)
{
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, name, len);
    for (; g->opts; g++)
        for (const fnet_opt *o = g->opts; o->name; o++)
            fnet_text_nearest_offer(&n, o->name);
    if (n.best)
        return fnet_cli_usage(cmd,
                              "unknown option '--%.*s' (did you mean "
                              "'--%s'?)",
                              (int)len, name, n.best);
    return fnet_cli_usage(cmd, "unknown option '--%.*s'", (int)len, name);
}

bool fnet_opt_whole(const char *cmd, const char *opt, const char *s, double min,
                    double max, long *out)
{
    double x;
    if (!fnet_cli_number(cmd, opt, s, min, max, &x))
        return false;
    if (x != floor(x)) {
        fnet_cli_usage(cmd, "--%s: expected a whole number, got '%s'", opt, s);
        return false;
    }
    *out = (long)x;
    return true;
}

/* Stores v in an integer (or bool) field of size bytes. */
static void store_int(void *field, size_t size, long v)
{
    assert(size == sizeof(int64_t) || size == sizeof(int32_t) ||
           size == sizeof(bool));
    if (size == sizeof(int64_t)) {
        int64_t x = v;
        memcpy(field, &x, size);
    } else if (size == sizeof(int32_t)) {
        int32_t x = (int32_t)v;
        memcpy(field, &x, size);
    } else {
        bool x = v != 0;
        memcpy(field, &x, sizeof x);
    }
}

/* "a, b or c" from a NULL-terminated list. */
static void join(char *buf, size_t size, const char *const *names)
{
    size_t n = 0, len = 0;
    while (names[n])
        n++;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        int w = snprintf(buf + len, size - len, "%s%s",
                         i == 0 ? "" : (i == n - 1 ? " or " : ", "), names[i]);
        len += w > 0 ? (size_t)w : 0;
    }
}

const char *fnet_opt_near(const char *value, const char *const *names)
{
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, value, strlen(value));
    for (size_t i = 0; names[i]; i++)
        fnet_text_nearest_offer(&n, names[i]);
    return n.best;
}

static int choice(const fnet_opt *o, void *field, const char *v,
                  const char *cmd)
{
    char list[200];
    for (size_t i = 0; o->values[i]; i++)
        if (strcmp(v, o->values[i]) == 0) {
            store_int(field, o->size, o->codes ? o->codes[i] : (long)i);
            return 0;
        }
    if (o->expected)
        snprintf(list, sizeof list, "%s", o->expected);
    else
        join(list, sizeof list, o->values);
    fnet_cli_usage_near(cmd, fnet_opt_near(v, o->values),
                        "--%s: expected %s, got '%s'", o->name, list, v);
    return -1;
}

/* The nearest metric name, community only when asked, then the extra
 * names (NULL-terminated, may be NULL). */
static const char *near_metric(const char *value, bool community,
                               const char *const *extra)
{
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, value, strlen(value));
    for (int i = 0; i < FNET_M_COUNT; i++)
        if (community || i != FNET_M_COMMUNITY)
            fnet_text_nearest_offer(&n, fnet_metric_name(i));
    for (size_t i = 0; extra && extra[i]; i++)
        fnet_text_nearest_offer(&n, extra[i]);
    return n.best;
}

/* A node metric other than community, or one of o->values. */
static int metric(const fnet_opt *o, void *field, const char *v,
                  const char *cmd)
{
    int m = fnet_metric_from_name(v);
    for (size_t i = 0; o->values && o->values[i]; i++)
        if (strcmp(v, o->values[i]) == 0) {
            *(int *)field = o->codes[i];
            return 0;
        }
    if (m < 0 || m == FNET_M_COMMUNITY) {
        fnet_cli_usage_near(cmd, near_metric(v, false, o->values),
                            "--%s: expected %s, got '%s'", o->name, o->expected,
                            v);
        return -1;
    }
    *(int *)field = m;
    return 0;
}

/* Checks v and writes it into base's field. 0, or -1 after a usage
 * error. */
static int apply(const fnet_opt *o, void *base, const char *v, const char *cmd)
{
    char *field = (char *)base + o->off;
    double x;
    long k;
    char why[160];
    if (o->given)
        *(bool *)((char *)base + o->given - 1) = true;
    switch (o->type) {
    case FNET_OPT_FLAG: *(bool *)field = true; return 0;
    case FNET_OPT_UNSET: *(bool *)field = false; return 0;
    case FNET_OPT_STRING: *(const char **)field = v; return 0;
    case FNET_OPT_WHOLE:
        if (!fnet_opt_whole(cmd, o->name, v, o->min, o->max, &k))
            return -1;
        store_int(field, o->size, k);
        return 0;
    case FNET_OPT_REAL:
        if (!fnet_cli_number(cmd, o->name, v, o->min, o->max, &x))
            return -1;
        *(double *)field = x;
        return 0;
    case FNET_OPT_CHOICE: return choice(o, field, v, cmd);
    case FNET_OPT_DATE:
        if (fnet_date_parse(v, (fnet_date *)field, why, sizeof why) != 0) {
            fnet_cli_usage(cmd, "--%s: '%s': %s", o->name, v, why);
            return -1;
        }
        return 0;
    case FNET_OPT_METRIC: return metric(o, field, v, cmd);
    case FNET_OPT_CALL: return o->call(field, v, cmd);
    default: return 0;
    }
}

/* One option word w (argv[*i - 1]); its value may be the next word.
 * Returns 1 for help, 0 when applied, -1 after a usage error. */
static int option(const char *cmd, const fnet_opt_group *groups, const char *w,
                  int argc, char **argv, int *i)
{
    found f;
    const char *inline_val = NULL;
    if (w[1] == '-') {
        const char *name = w + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        f = find_long(groups, name, len);
        if (!f.o)
            return unknown_long(cmd, groups, name, len), -1;
        if (eq && !has_arg(f.o))
            return fnet_cli_usage(cmd, "option '--%s' takes no value",
                                  f.o->name),
                   -1;
        inline_val = eq ? eq + 1 : NULL;
    } else {
        f = find_short(groups, w[1]);
        if (!f.o)
            return fnet_cli_usage(cmd, "unknown option '-%c'", w[1]), -1;
        if (w[2] && !has_arg(f.o))
            return fnet_cli_usage(cmd,
                                  "option '-%c' takes no value "
                                  "(write short options separately)",
                                  w[1]),
                   -1;
        inline_val = w[2] ? w + 2 : NULL;
    }
    if (f.o->type == FNET_OPT_HELP)
        return 1;
    if (has_arg(f.o) && !inline_val) {
        if (*i >= argc)
            return fnet_cli_usage(cmd, "option '--%s' needs a value",
                                  f.o->name),
                   -1;
        inline_val = argv[(*i)++];
    }
    return apply(f.o, f.base, inline_val, cmd);
}

int fnet_opt_parse(const char *cmd, const fnet_opt_group *groups,
                   bool need_files, int argc, char **argv, fnet_opt_result *r)
{
    bool only_positional = false;
    r->n_paths = 0;
    r->done = false;
    if (argc == 2 &&
        strncmp(argv[1], FNET_OPT_DESCRIBE, strlen(FNET_OPT_DESCRIBE)) == 0) {
        fnet_opt_describe(argv[1] + strlen(FNET_OPT_DESCRIBE), cmd, r->help,
                          groups);
        r->done = true;
        return FNET_EXIT_OK;
    }
    for (int i = 1; i < argc;) {
        char *w = argv[i++];
        if (only_positional || w[0] != '-' || strcmp(w, "-") == 0) {
            r->paths[r->n_paths++] = w;
            continue;
        }
        if (strcmp(w, "--") == 0) {
            only_positional = true;
            continue;
        }
        int rc = option(cmd, groups, w, argc, argv, &i);
        if (rc < 0)
            return FNET_EXIT_USAGE;
        if (rc > 0) {
            fnet_opt_help_print(stdout, r->help, groups);
            r->done = true;
            return FNET_EXIT_OK;
        }
    }
    if (need_files && r->n_paths == 0)
        return fnet_cli_usage(cmd, "no input files");
    return FNET_EXIT_OK;
}

static void print_table(FILE *fp, const fnet_opt *opts)
{
    for (const fnet_opt *o = opts; o->name; o++) {
        if (!o->help)
            continue;
        char left[64];
        const char *arg = !has_arg(o) ? "" : o->arg ? o->arg : "VALUE";
        if (o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name,
                     *arg ? " " : "", arg);
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name,
                     *arg ? " " : "", arg);
        if (strlen(left) > 26)
            fprintf(fp, "  %s\n  %-26s %s\n", left, "", o->help);
        else
            fprintf(fp, "  %-26s %s\n", left, o->help);
    }
}

/* Each group's title and its options; groups after the first start with
 * a blank line. */
static void print_groups(FILE *fp, const fnet_opt_group *groups)
{
    for (const fnet_opt_group *g = groups; g->opts; g++) {
        fputs(g == groups ? "" : "\n", fp);
        if (g->heading)
            g->heading(fp);
        else
            fprintf(fp, "%s:\n", g->title);
        print_table(fp, g->opts);
    }
}

void fnet_opt_help_print(FILE *fp, const fnet_opt_help *h,
                         const fnet_opt_group *groups)
{
    fprintf(fp, "usage: %s\n\n%s\n\n", h->usage, h->about);
    print_groups(fp, groups);
    if (h->notes)
        fprintf(fp, "\n%s\n", h->notes);
    for (const fnet_opt_group *g = groups; g->opts; g++)
        if (g->rules)
            fprintf(fp, "\n%s\n", g->rules);
    fprintf(fp, "\nexit status: %s\n",
            h->exit ? h->exit : FNET_OPT_EXIT_STATUS);
}

bool fnet_opt_resolution_ok(const char *cmd, bool given, int algorithm)
{
    if (!given || fnet_community_has_resolution(algorithm))
        return true;
    fnet_cli_usage(cmd,
                   "--resolution: algorithm %s has no resolution "
                   "parameter (leiden, louvain and spinglass do)",
                   fnet_community_algorithm_name(algorithm));
    return false;
}

int fnet_opt_latex_width(void *field, const char *value, const char *cmd)
{
    /* [digits.] then a unit or a \command: letters only after the digits,
     * so nothing can end the \begin{tabularx}{...} argument early. */
    const char *p = value;
    p += strspn(p, "0123456789.");
    if (*p == '\\')
        p++;
    size_t letters = strspn(p, "abcdefghijklmnopqrstuvwxyz"
                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (letters < 2 || p[letters] || (p == value && value[0] != '\\')) {
        fnet_cli_usage(cmd,
                       "--latex-width: '%s' is not a TeX length (8cm, "
                       "\\columnwidth, \\textwidth)",
                       value);
        return -1;
    }
    *(const char **)field = value;
    return 0;
}

int fnet_opt_algorithm(void *field, const char *value, const char *cmd)
{
    int a = fnet_community_algorithm_from_name(value);
    if (a < 0) {
        fnet_text_nearest n;
        fnet_text_nearest_init(&n, value, strlen(value));
        for (int i = 0; fnet_community_algorithm_name(i); i++)
            fnet_text_nearest_offer(&n, fnet_community_algorithm_name(i));
        fnet_cli_usage_near(cmd, n.best, "--algorithm: unknown algorithm '%s'",
                            value);
        return -1;
    }
    *(int *)field = a;
    return 0;
}

const char *fnet_opt_near_column(const char *value, bool table_columns)
{
    static const char *const fixed[] = {"id", "label", "type", "stability",
                                        NULL};
    return near_metric(value, true, table_columns ? fixed : NULL);
}

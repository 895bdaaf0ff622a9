/* cmd_check.c - `factnet check`: validate fact files, print a summary. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/input_opts.h"

#include "core/strmap.h"
#include "input/load.h"
#include "input/provenance.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the options set. */
typedef struct copts {
    fnet_cli_input in;
    bool strict, quiet;
    const char *sources_dir;
} copts;

static const fnet_opt options[] = {
    FNET_OPT_HELP_SPEC,
    FNET_FLAG("quiet", 'q', copts, quiet, "print only problems, no summary"),
    FNET_STRING("sources-dir", 0, copts, sources_dir, "DIR",
                "check evidence quotes against the source texts in DIR"),
    FNET_FLAG("strict", 0, copts, strict, "treat warnings as errors"),
    {0},
};

/* Counts of a string key, kept in first-seen order then sorted. */
typedef struct tally {
    const char *key;
    unsigned long n;
} tally;

static int by_count(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

/* Counts key in t (n entries so far); index maps keys to entries so that
 * counting stays O(1) even when every entity has its own type. */
static int count(tally *t, size_t *n, fnet_strmap *index, const char *key)
{
    size_t i, len = strlen(key);
    if (fnet_strmap_get(index, key, len, &i)) {
        t[i].n++;
        return FNET_OK;
    }
    t[*n].key = key;
    t[*n].n = 1;
    return fnet_strmap_put(index, key, len, (*n)++);
}

/* s as shown on one line of the summary (in b, which the caller frees):
 * types, relation names, titles and file names come from the data and may
 * hold line breaks, terminal control sequences or bidirectional controls;
 * each is all data, so a backslash is shown as \\ too. */
static const char *shown(fnet_buf *b, const char *s)
{
    fnet_buf_reset(b);
    fnet_diag_escape_value(b, s);
    return fnet_buf_ok(b) ? fnet_buf_str(b) : "?";
}

static void print_tally(const char *title, tally *t, size_t n)
{
    fnet_buf b = {0};
    qsort(t, n, sizeof *t, by_count);
    printf("%s\n", title);
    for (size_t i = 0; i < n; i++)
        printf("  %-24s %8lu\n", shown(&b, t[i].key), t[i].n);
    fnet_buf_free(&b);
}

/* True when path is a directory; otherwise says why on stderr. */
static bool is_dir(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fnet_cli_error("--sources-dir: %s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        fnet_cli_error("--sources-dir: %s: not a directory", path);
        return false;
    }
    return true;
}

/* "evidence checked: 79 of 81 quotes; 2 without source text". */
static void print_provenance(const fnet_prov_stats *ps)
{
    printf("evidence checked: %llu of %llu quote%s",
           (unsigned long long)ps->checked, (unsigned long long)ps->quotes,
           ps->quotes == 1 ? "" : "s");
    if (ps->quotes > ps->checked)
        printf("; %llu without source text",
               (unsigned long long)(ps->quotes - ps->checked));
    if (ps->not_found)
        printf("; %llu not found", (unsigned long long)ps->not_found);
    printf(" (%u source text%s read)\n", ps->texts, ps->texts == 1 ? "" : "s");
}

static int summary(const fnet_corpus *c, const fnet_diag *d,
                   const fnet_prov_stats *ps)
{
    size_t cap =
        c->n_entities > c->n_relations ? c->n_entities : c->n_relations;
    tally *t = malloc((cap + 1) * sizeof *t);
    if (!t)
        return FNET_EXIT_INTERNAL;
    fnet_buf esc = {0};
    if (c->n_files == 1)
        printf("%s: ", shown(&esc, c->files[0]));
    else
        printf("%u files: ", c->n_files);
    printf("%u entit%s, %llu fact%s, %u source%s\n", c->n_entities,
           c->n_entities == 1 ? "y" : "ies", (unsigned long long)c->n_facts,
           c->n_facts == 1 ? "" : "s", c->n_sources,
           c->n_sources == 1 ? "" : "s");
    if (c->title)
        printf("title: %s\n", shown(&esc, c->title));
    fnet_buf_free(&esc);
    size_t n = 0;
    fnet_strmap types = {0};
    int rc = FNET_OK;
    for (uint32_t i = 0; i < c->n_entities && rc == FNET_OK; i++)
        rc = count(t, &n, &types, c->entities[i].type);
    fnet_strmap_free(&types);
    if (rc != FNET_OK) {
        free(t);
        return FNET_EXIT_INTERNAL;
    }
    print_tally("entities by type:", t, n);
    /* Facts per relation: count by resolved index, then name. */
    unsigned long *per = calloc(c->n_relations, sizeof *per);
    if (!per) {
        free(t);
        return FNET_EXIT_INTERNAL;
    }
    fnet_date lo = FNET_DATE_NONE, hi = FNET_DATE_NONE;
    unsigned long dated = 0, negative = 0;
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        if (f->relation >= 0)
            per[f->relation]++;
        if (fnet_fact_sign(c, f) < 0)
            negative++;
        if (!fnet_date_is_set(f->date))
            continue;
        dated++;
        fnet_date end = fnet_date_is_set(f->until) ? f->until : f->date;
        if (!fnet_date_is_set(lo) || fnet_date_compare(f->date, lo) < 0)
            lo = f->date;
        if (!fnet_date_is_set(hi) ||
            fnet_date_last_day(end) > fnet_date_last_day(hi))
            hi = end;
    }
    n = 0;
    for (uint32_t i = 0; i < c->n_relations; i++)
        if (per[i])
            t[n++] = (tally){c->relations[i].name, per[i]};
    print_tally("facts by relation:", t, n);
    char a[11], b[11];
    fnet_date_format(lo, a);
    fnet_date_format(hi, b);
    if (dated)
        printf("dates: %s to %s (%lu of %llu fact%s dated)\n", a, b, dated,
               (unsigned long long)c->n_facts, c->n_facts == 1 ? "" : "s");
    else
        printf("dates: none\n");
    printf("negative facts: %lu\n", negative);
    if (ps)
        print_provenance(ps);
    printf("warnings: %zu\n", d->n_warnings);
    free(per);
    free(t);
    return FNET_EXIT_OK;
}

int fnet_cmd_check(int argc, char **argv)
{
    copts o = {0};
    fnet_prov_stats ps = {0};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_check};
    int status = FNET_EXIT_OK;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_progress *progress = NULL;
    fnet_cli_input *in = &o.in;

    if (!r.paths) {
        status = FNET_EXIT_INTERNAL;
        goto done;
    }
    status = fnet_cli_input_parse_args("check", options, &o, &o.in, true, argc,
                                       argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto done;
    if (o.sources_dir && !is_dir(o.sources_dir)) {
        status = FNET_EXIT_IO;
        goto done;
    }
    status = fnet_cli_input_check("check", in);
    if (status != FNET_EXIT_OK)
        goto done;
    /* On a terminal, long stages show on standard error (cli/progress.h). */
    progress = fnet_progress_start("loading",
                                   fnet_cli_input_bytes(r.paths, r.n_paths));
    if (progress) {
        in->lo.progress = fnet_progress_load;
        in->lo.progress_ctx = progress;
    }
    int rc =
        fnet_load_corpus(&c, r.paths, r.n_paths, &in->lo, o.strict, &d, &err);
    /* Quotes are checked once the references resolve, also when --strict
     * already failed on a warning, so that one run reports everything. */
    bool failed = rc != FNET_OK && rc != FNET_EDATA; /* err says why */
    fnet_progress_stage(progress, "checking evidence quotes", 0);
    if (!failed && o.sources_dir && c->resolved)
        failed = fnet_prov_check(c, o.sources_dir, &d, &ps, &err) != FNET_OK;
    fnet_progress_end(progress);
    progress = NULL;
    fnet_cli_print_diag(&d);
    if (failed) {
        status = fnet_cli_fail(&err);
        goto done;
    }
    if (d.n_errors || (o.strict && d.n_warnings)) {
        fnet_cli_error("%zu error%s, %zu warning%s%s", d.n_errors,
                       d.n_errors == 1 ? "" : "s", d.n_warnings,
                       d.n_warnings == 1 ? "" : "s",
                       o.strict && !d.n_errors ? " (--strict)" : "");
        status = FNET_EXIT_DATA;
        goto done;
    }
    if (!o.quiet)
        status = summary(c, &d, o.sources_dir ? &ps : NULL);
done:
    fnet_progress_end(progress);
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    free(r.paths);
    return status;
}

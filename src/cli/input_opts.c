/* input_opts.c - input options shared by the commands (see input_opts.h). */
#include "cli/input_opts.h"

#include "core/diag.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const fnet_opt fnet_input_options[] = {FNET_INPUT_OPTIONS, {0}};

fnet_opt *fnet_cli_opts_join(const fnet_opt *cmd)
{
    size_t a = 0, b = 0;
    while (cmd[a].name)
        a++;
    while (fnet_input_options[b].name)
        b++;
    fnet_opt *t = calloc(a + b + 1, sizeof *t);
    if (!t)
        return NULL;
    memcpy(t, cmd, a * sizeof *t);
    memcpy(t + a, fnet_input_options, b * sizeof *t);
    return t;
}

bool fnet_cli_input_option(int id, const char *value, fnet_cli_input *in)
{
    fnet_load_opts *o = &in->lo;
    fnet_import_opts *io = &o->import;
    switch (id) {
    case FNET_OPT_BRAT_EVENTS: io->brat_events = value; return true;
    case FNET_OPT_BRAT_MAP:
    case FNET_OPT_LABEL_MAP: io->label_map = value; return true;
    case FNET_OPT_ENTITIES: io->entities = value; return true;
    case FNET_OPT_EVENT_WEIGHT: io->event_weight = value; return true;
    case FNET_OPT_INPUT_FORMAT: o->format = value; return true;
    case FNET_OPT_MAP: io->map = value; return true;
    case FNET_OPT_RELATION: io->relation = value; return true;
    case FNET_OPT_TEXT_KEY: io->text_key = value; return true;
    case FNET_OPT_VERBOSE: in->verbose = true; return true;
    default: return false;
    }
}

int fnet_cli_input_check(const char *cmd, const fnet_cli_input *o)
{
    fnet_err err = {0};
    if (fnet_load_opts_check(&o->lo, &err) != FNET_OK)
        return fnet_cli_usage(cmd, "%s", err.msg);
    return FNET_EXIT_OK;
}

void fnet_cli_input_help(FILE *fp)
{
    fputs("\ninput options (FMT: json, jsonl, csv, tsv, brat, labelstudio, "
          "doccano,\ngdelt or icews; see docs/IMPORT.md):\n",
          fp);
    fnet_opts_print(fp, fnet_input_options);
}

/* Errors in full; warnings in full only when verbose, else counted. */
static void print_diag(const fnet_diag *d, const char *first, bool verbose)
{
    if (verbose || d->n_warnings == 0) {
        fnet_cli_print_diag(d);
        return;
    }
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    for (size_t i = 0; i < d->n_items; i++)
        if (d->items[i].severity == FNET_SEV_ERROR)
            fprintf(stderr, "%s\n", d->items[i].msg);
    if (d->n_errors > cap)
        fnet_cli_error("%zu more errors not shown", d->n_errors - cap);
    fnet_cli_error("%zu warning%s (run 'factnet check %s' to see %s)",
                   d->n_warnings, d->n_warnings == 1 ? "" : "s", first,
                   d->n_warnings == 1 ? "it" : "them");
}

uint64_t fnet_cli_input_bytes(char *const *paths, size_t n)
{
    uint64_t total = 0;
    struct stat st;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 ||
            !S_ISREG(st.st_mode))
            return 0;
        total += (uint64_t)st.st_size;
    }
    return total;
}

/* The loading stage on the command's progress line, or on one of its own
 * (*own, ended by the caller). */
static fnet_load_opts with_progress(const fnet_cli_input *in,
                                    fnet_progress **own, char **paths, size_t n)
{
    fnet_load_opts lo = in->lo;
    uint64_t total = fnet_cli_input_bytes(paths, n);
    fnet_progress *p = in->progress;
    *own = NULL;
    if (p)
        fnet_progress_stage(p, "loading", total);
    else
        p = *own = fnet_progress_start("loading", total);
    if (p) {
        lo.progress = fnet_progress_load;
        lo.progress_ctx = p;
    }
    return lo;
}

/* Reports the result of a load as fnet_cli_load() does; returns the exit
 * status. */
static int report(int rc, const fnet_diag *d, const fnet_err *err,
                  const char *cmd, char **paths, size_t n, bool verbose)
{
    print_diag(d, n == 1 ? paths[0] : "FILE...", verbose);
    if (rc == FNET_EDATA) {
        fnet_cli_error("%zu error%s in the input", d->n_errors,
                       d->n_errors == 1 ? "" : "s");
        return FNET_EXIT_DATA;
    }
    if (rc == FNET_EUSAGE)
        return fnet_cli_usage(cmd, "%s", err->msg);
    return rc ? fnet_cli_fail(err) : FNET_EXIT_OK;
}

int fnet_cli_load(fnet_corpus **out, const char *cmd, char **paths, size_t n,
                  const fnet_cli_input *in)
{
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_progress *own;
    fnet_load_opts lo = with_progress(in, &own, paths, n);
    *out = NULL;
    int rc = fnet_load_corpus(out, paths, n, &lo, false, &d, &err);
    fnet_progress_end(own);
    fnet_progress_pause(in->progress);
    int status = report(rc, &d, &err, cmd, paths, n, in->verbose);
    if (status != FNET_EXIT_OK) {
        fnet_corpus_free(*out);
        *out = NULL;
    }
    fnet_diag_free(&d);
    return status;
}

int fnet_cli_load_pairs(fnet_aggregate **agg, fnet_corpus **out,
                        const char *cmd, char **paths, size_t n,
                        const fnet_cli_input *in)
{
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_progress *own;
    fnet_load_opts lo = with_progress(in, &own, paths, n);
    *agg = NULL;
    *out = NULL;
    int rc = fnet_load_aggregated(agg, paths, n, &lo, &d, &err);
    if (rc == FNET_OK && !*agg) { /* declined: the full loader */
        fnet_progress_end(own);
        return fnet_cli_load(out, cmd, paths, n, in);
    }
    fnet_progress_end(own);
    fnet_progress_pause(in->progress);
    int status = report(rc, &d, &err, cmd, paths, n, in->verbose);
    if (status != FNET_EXIT_OK) {
        fnet_aggregate_free(*agg);
        *agg = NULL;
    }
    fnet_diag_free(&d);
    return status;
}

/* input_opts.c - input options shared by the commands (see input_opts.h). */
#include "cli/input_opts.h"

#include "core/buf.h"
#include "core/diag.h"
#include "input/formats.h"
#include "input/import/import_brat.h"
#include "input/import/import_events.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef fnet_cli_input I;

/* clang-format off */
const fnet_opt fnet_cli_input_spec[] = {
    FNET_STRING_OF("brat-events", I, lo.import.brat_events,
                   fnet_import_brat_events_names, "MODE",
                   "brat events: first (default), pairs or none"),
    FNET_STRING("brat-map", 0, I, lo.import.label_map, "FILE",
                "the same as --label-map"),
    FNET_STRING("dna-actor", 0, I, lo.import.dna_actor, "VAR",
                "DNA: the actor variable (organization)"),
    FNET_STRING("dna-item", 0, I, lo.import.dna_item, "VAR",
                "DNA: the item variable (concept)"),
    FNET_STRING("dna-qualifier", 0, I, lo.import.dna_qualifier, "VAR",
                "DNA: boolean or integer qualifier (agreement)"),
    FNET_STRING("dna-statement-type", 0, I, lo.import.dna_statement_type,
                "TYPE", "DNA: the statement type (DNA Statement)"),
    FNET_STRING("dna-texts", 0, I, lo.import.dna_texts, "DIR",
                "DNA: write the documents' texts to DIR"),
    FNET_STRING("entities", 0, I, lo.import.entities, "FILE",
                "entity table for CSV/TSV edge lists"),
    FNET_STRING_OF("event-weight", I, lo.import.event_weight,
                   fnet_import_event_weight_names, "W",
                   "events (default), GDELT mentions, ACLED fatalities"),
    FNET_STRING("input-format", 0, I, lo.format, "FMT",
                "the format (default: from the content and the name)"),
    FNET_STRING("label-map", 0, I, lo.import.label_map, "FILE",
                "annotation labels -> entity types, relations"),
    FNET_STRING("map", 0, I, lo.import.map, "KEY=COL,...",
                "CSV/TSV columns by header name or number"),
    FNET_STRING("relation", 0, I, lo.import.relation, "NAME",
                "relation of edge-list rows naming none (tie)"),
    FNET_STRING("text-key", 0, I, lo.import.text_key, "KEY",
                "Label Studio data field with the text (text)"),
    FNET_FLAG("verbose", 'v', I, verbose,
              "print every input warning, not just how many (check: "
              "always)"),
    {0},
};
/* clang-format on */

int fnet_cli_input_parse_args(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_cli_input *in,
                              bool need_files, int argc, char **argv,
                              fnet_opt_result *r)
{
    const fnet_opt_group g[] = {
        {.title = "options", .opts = own, .base = own_base},
        FNET_CLI_INPUT_GROUP(in),
        {0},
    };
    return fnet_opt_parse(cmd, g, need_files, argc, argv, r);
}

/* The heading is wrapped at this many columns. */
#define HELP_WIDTH 72

void fnet_cli_input_heading(FILE *fp)
{
    fnet_buf text = {0};
    fnet_buf_puts(&text, "input options (FMT: ");
    fnet_input_formats_list(&text);
    fnet_buf_puts(&text, "; see docs/IMPORT.md):");
    const char *s = fnet_buf_str(&text);
    size_t col = 0;
    while (*s) {
        size_t word = strcspn(s, " ");
        if (col && col + 1 + word > HELP_WIDTH) {
            fputc('\n', fp);
            col = 0;
        } else if (col) {
            fputc(' ', fp);
            col++;
        }
        fwrite(s, 1, word, fp);
        col += word;
        s += word;
        s += strspn(s, " ");
    }
    fputc('\n', fp);
    fnet_buf_free(&text);
}

int fnet_cli_input_check(const char *cmd, fnet_cli_input *o)
{
    fnet_err err = {0};
    if (fnet_load_opts_check(&o->lo, &err) != FNET_OK)
        return fnet_cli_usage(cmd, "%s", err.msg);
    o->lo.checked = true; /* loading does not check them again */
    return FNET_EXIT_OK;
}

/* Appends s to b as one shell word: as it is, or between double quotes
 * with \ before " $ ` and \ (the message around it uses single quotes). */
static void shell_word(fnet_buf *b, const char *s)
{
    if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        "0123456789-_./=,:+@%") == strlen(s)) {
        fnet_buf_puts(b, s);
        return;
    }
    fnet_buf_putc(b, '"');
    for (; *s; s++) {
        if (strchr("\"$`\\", *s))
            fnet_buf_putc(b, '\\');
        fnet_buf_putc(b, *s);
    }
    fnet_buf_putc(b, '"');
}

/* "factnet check" with the input options that were given (read from the
 * input option specs, so every new input option is repeated too) and
 * first, the file or "FILE...": the command that shows the warnings. */
static void check_command(fnet_buf *b, const fnet_cli_input *in,
                          const char *first)
{
    fnet_buf_puts(b, "factnet check");
    for (const fnet_opt *o = fnet_cli_input_spec; o->name; o++) {
        if (o->type != FNET_OPT_STRING)
            continue;
        bool again = false; /* an alias of a field already written */
        for (const fnet_opt *e = fnet_cli_input_spec; e < o; e++)
            again |= e->type == FNET_OPT_STRING && e->off == o->off;
        const char *v = *(const char *const *)((const char *)in + o->off);
        if (!v || again)
            continue;
        fnet_buf_printf(b, " --%s ", o->name);
        shell_word(b, v);
    }
    fnet_buf_putc(b, ' ');
    if (strcmp(first, "FILE...") == 0)
        fnet_buf_puts(b, first);
    else
        shell_word(b, first);
}

/* Errors in full; warnings in full only when verbose, else counted. */
static void print_diag(const fnet_diag *d, const char *first,
                       const fnet_cli_input *in)
{
    if (in->verbose || d->n_warnings == 0) {
        fnet_cli_print_diag(d);
        return;
    }
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    for (size_t i = 0; i < d->n_items; i++)
        if (d->items[i].severity == FNET_SEV_ERROR)
            fprintf(stderr, "%s\n", d->items[i].msg);
    if (d->n_errors > cap)
        fnet_cli_error("%zu more errors not shown", d->n_errors - cap);
    fnet_buf cmd = {0};
    check_command(&cmd, in, first);
    fnet_cli_error("%zu warning%s (run '%s' to see %s)", d->n_warnings,
                   d->n_warnings == 1 ? "" : "s",
                   fnet_buf_ok(&cmd) ? fnet_buf_str(&cmd) : "factnet check",
                   d->n_warnings == 1 ? "it" : "them");
    fnet_buf_free(&cmd);
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
                  const char *cmd, char *const *paths, size_t n,
                  const fnet_cli_input *in)
{
    print_diag(d, n == 1 ? paths[0] : "FILE...", in);
    if (rc == FNET_EDATA) {
        fnet_cli_error("%zu error%s in the input", d->n_errors,
                       d->n_errors == 1 ? "" : "s");
        return FNET_EXIT_DATA;
    }
    return fnet_cli_status(cmd, rc, err);
}

/* Ends the loading stage before messages are printed: ends *own (NULL
 * afterwards) and pauses the command's progress line. */
static void stage_end(fnet_progress **own, const fnet_cli_input *in)
{
    fnet_progress_end(*own);
    *own = NULL;
    fnet_progress_pause(in->progress);
}

/* Loads the plan in full (fnet_load_planned) and reports as fnet_cli_load()
 * does; returns the exit status. */
static int load_planned(fnet_corpus **out, const char *cmd,
                        const fnet_load_plan *p, fnet_progress **own,
                        const fnet_cli_input *in)
{
    fnet_diag d = {0};
    fnet_err err = {0};
    int rc = fnet_load_planned(out, p, false, &d, &err);
    stage_end(own, in);
    int status = report(rc, &d, &err, cmd, p->paths, p->n_paths, in);
    if (status != FNET_EXIT_OK) {
        fnet_corpus_free(*out);
        *out = NULL;
    }
    fnet_diag_free(&d);
    return status;
}

/* The plan of a run, with the loading stage on the command's progress line
 * or on one of its own (*own). Returns the exit status (a failure
 * reported, *own ended). */
static int plan(fnet_load_plan *p, fnet_progress **own, const char *cmd,
                char **paths, size_t n, const fnet_cli_input *in)
{
    fnet_err err = {0};
    fnet_load_opts lo = with_progress(in, own, paths, n);
    int rc = fnet_load_plan_make(p, paths, n, &lo, &err);
    if (rc == FNET_OK)
        return FNET_EXIT_OK;
    fnet_diag d = {0};
    stage_end(own, in);
    return report(rc, &d, &err, cmd, paths, n, in);
}

int fnet_cli_load(fnet_corpus **out, const char *cmd, char **paths, size_t n,
                  const fnet_cli_input *in)
{
    fnet_load_plan p;
    fnet_progress *own = NULL;
    *out = NULL;
    int status = plan(&p, &own, cmd, paths, n, in);
    if (status == FNET_EXIT_OK)
        status = load_planned(out, cmd, &p, &own, in);
    fnet_load_plan_free(&p);
    return status;
}

int fnet_cli_load_pairs(fnet_aggregate **agg, fnet_corpus **out,
                        const char *cmd, char **paths, size_t n,
                        const fnet_cli_input *in)
{
    fnet_load_plan p;
    fnet_progress *own = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    *agg = NULL;
    *out = NULL;
    int status = plan(&p, &own, cmd, paths, n, in);
    if (status != FNET_EXIT_OK)
        goto done;
    int rc = fnet_load_aggregated(agg, &p, &d, &err);
    if (rc == FNET_OK && !*agg) { /* declined: the full loader, afresh */
        fnet_progress_end(own);
        fnet_load_opts lo = with_progress(in, &own, paths, n);
        p.o.progress = lo.progress;
        p.o.progress_ctx = lo.progress_ctx;
        status = load_planned(out, cmd, &p, &own, in);
        goto done;
    }
    stage_end(&own, in);
    status = report(rc, &d, &err, cmd, paths, n, in);
    if (status != FNET_EXIT_OK) {
        fnet_aggregate_free(*agg);
        *agg = NULL;
    }
done:
    fnet_load_plan_free(&p);
    fnet_diag_free(&d);
    return status;
}

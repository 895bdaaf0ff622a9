/* cmd_check.c - `factnet check`: validate fact files, print a summary. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/input_opts.h"

#include "input/load.h"
#include "input/provenance.h"
#include "output/tables/check_summary.h"

#include <stdlib.h>
#include <string.h>

/* What the options set. */
typedef struct copts {
    fnet_cli_input in;
    bool strict, quiet;
    const char *sources_dir;
} copts;

static const fnet_opt options[] = {
    FNET_OPT_HELP_SPEC,
    FNET_FLAG("quiet", 'q', copts, quiet,
              "print only problems and their totals, no summary"),
    FNET_STRING("sources-dir", 0, copts, sources_dir, "DIR",
                "check evidence quotes against the source texts in DIR"),
    FNET_FLAG("strict", 0, copts, strict, "treat warnings as errors"),
    {0},
};

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
    if (o.sources_dir && !fnet_cli_sources_dir_ok(o.sources_dir)) {
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
    bool invalid = d.n_errors || (o.strict && d.n_warnings);
    /* The totals close the problems: also with -q, which leaves out the
     * summary (and its "warnings:" line) but not the count. */
    if (invalid || (o.quiet && d.n_warnings))
        fnet_cli_error("%zu error%s, %zu warning%s%s", d.n_errors,
                       d.n_errors == 1 ? "" : "s", d.n_warnings,
                       d.n_warnings == 1 ? "" : "s",
                       o.strict && !d.n_errors ? " (--strict)" : "");
    if (invalid) {
        status = FNET_EXIT_DATA;
        goto done;
    }
    if (!o.quiet)
        status =
            fnet_check_summary_write(stdout, c, &d, o.sources_dir ? &ps : NULL)
                ? FNET_EXIT_INTERNAL
                : FNET_EXIT_OK;
done:
    fnet_progress_end(progress);
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    free(r.paths);
    return status;
}

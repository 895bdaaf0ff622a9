/* cmd_report.c - `factnet report`: one self-contained, interactive HTML page
 * with the diagram, metrics, communities, centrality over time, evidence
 * and sources (docs/REPORT.md). */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/input_opts.h"
#include "cli/reportgen.h"

#include "analysis/metrics.h"

#include <stdlib.h>
#include <string.h>

typedef struct job {
    fnet_reportopts o;
    const char *out;
} job;

/* --trend: cumulative, each or none. */
static const char *const modes[] = {"cumulative", "each", "none", NULL};

static int trend(void *field, const char *v, const char *cmd)
{
    fnet_reportopts *o = field;
    if (strcmp(v, "none") == 0) {
        o->no_trend = true;
        return 0;
    }
    if (strcmp(v, "cumulative") == 0 || strcmp(v, "each") == 0) {
        o->trend.cumulative = v[0] == 'c';
        return 0;
    }
    fnet_cli_usage_near(cmd, fnet_opt_near(v, modes),
                        "--trend: expected cumulative, each or none, got "
                        "'%s'",
                        v);
    return -1;
}

static const fnet_opt options[] = {
    FNET_OPT_HELP_SPEC,
    FNET_STRING("output", 'o', job, out, "FILE",
                "the page, e.g. NAME.html (required; '-': stdout)"),
    FNET_CALL_OF("trend", job, o, trend, modes, "MODE",
                 "over time: cumulative (default), each or none"),
    FNET_METRIC("trend-metric", job, o.trend.metric, NULL, NULL,
                "a node metric such as pagerank, degree or betweenness",
                "METRIC", "metric drawn over time (default pagerank)"),
    FNET_WHOLE("trend-top", job, o.trend.top, 1, 100, "N",
               "entities drawn over time (default 5)"),
    {0},
};

/* Options the report cannot honour. 0, or -1 after a usage error. */
static int check(fnet_reportopts *o)
{
    if (o->d.view.multi) {
        fnet_cli_usage("report", "--multi is not available: the report "
                                 "draws one tie per pair of entities");
        return -1;
    }
    if (o->d.view.collapse) {
        fnet_cli_usage("report", "--collapse is not available: the report "
                                 "draws entities, not communities");
        return -1;
    }
    return fnet_diagopts_finish(&o->d, "report");
}

static int run(char **paths, size_t n, const char *out,
               const fnet_reportopts *o)
{
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_renderer *r = NULL;
    int status = FNET_EXIT_OK;
    int rc = FNET_OK;
    status = fnet_cli_load(&c, "report", paths, n, &o->d.in);
    if (status != FNET_EXIT_OK)
        goto done;
    if (rc == 0)
        rc = fnet_renderer_new(&r, &err);
    if (rc == 0) /* before the work: a missing plugin fails fast */
        rc = fnet_render_check_format(r, "svg", &err);
    if (rc == 0)
        rc = fnet_report_write(c, o, r, NULL, out, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage("report", "%s", err.msg);
    else if (rc)
        status = fnet_cli_fail(&err);
done:
    fnet_renderer_free(r);
    fnet_corpus_free(c);
    return status;
}

int fnet_cmd_report(int argc, char **argv)
{
    job j = {0};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_report};

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_reportopts_init(&j.o);
    int status = fnet_diagopts_parse_args("report", options, &j, &j.o.d, false,
                                          argc, argv, &r);
    if (status == FNET_EXIT_OK && !r.done) {
        if (!j.out)
            status = fnet_cli_usage("report", "no output file (-o "
                                              "NAME.html)");
        else if (check(&j.o) != 0)
            status = FNET_EXIT_USAGE;
        else
            status = run(r.paths, r.n_paths, j.out, &j.o);
    }
    free(r.paths);
    return status;
}

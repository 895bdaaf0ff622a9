/* cmd_report.c - `factnet report`: one self-contained, interactive HTML page
 * with the diagram, metrics, communities, centrality over time, evidence
 * and sources (docs/REPORT.md). */
#include "cli/cli.h"
#include "cli/input_opts.h"
#include "cli/reportgen.h"

#include "analysis/metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_HELP = 1, OPT_OUTPUT, OPT_TREND, OPT_TREND_METRIC, OPT_TREND_TOP };

static const fnet_opt options[] = {
    {"help", 'h', false, OPT_HELP, NULL, "show this help and exit"},
    {"output", 'o', true, OPT_OUTPUT, "FILE",
     "the page, e.g. NAME.html (required; '-': stdout)"},
    {"trend", 0, true, OPT_TREND, "MODE",
     "over time: cumulative (default), each or none"},
    {"trend-metric", 0, true, OPT_TREND_METRIC, "METRIC",
     "metric drawn over time (default pagerank)"},
    {"trend-top", 0, true, OPT_TREND_TOP, "N",
     "entities drawn over time (default 5)"},
    FNET_DIAGOPTS_OPTIONS,
    FNET_GRAPHOPTS_OPTIONS,
    {0},
};

static void help(void)
{
    puts("usage: factnet report [OPTIONS] FILE... -o NAME.html\n\n"
         "Writes one self-contained HTML page about the fact files: the "
         "diagram\n(rendered in-process by Graphviz, as `factnet render` "
         "does), where pointing\nat a node shows its metrics and pointing "
         "at a tie shows the facts behind it\n(date, relation, source, the "
         "quoted evidence); a search box; pan and zoom;\nthe node metrics "
         "table, sortable by any column; the graph metrics; the\n"
         "communities; a chart of the leading actors' centrality per year "
         "(when facts\nare dated); every fact with its quote; the sources. "
         "The page works offline\nfrom a file: it loads nothing from the "
         "network. docs/REPORT.md describes it.\n");
    fnet_diagopts_print_options(stdout, options);
    puts("\nThe tables describe the whole graph built with the graph "
         "options (as\n`factnet metrics` does); --ego, --top and the other "
         "view options cut only the\ndiagram. --multi and --collapse are not "
         "available: every drawn tie must be\none pair of entities with its "
         "facts.\n\nCentrality over time: for each year from the first to "
         "the last fact date,\nthe metric in the network of the facts dated "
         "up to the end of that year\n(cumulative) or within it (each); "
         "undated facts are left out. The entities\ndrawn are the top N by "
         "the metric on the whole graph, actors only when\nthere are "
         "actors. A year where an entity has no tie has no point.");
    fnet_diagopts_help(stdout);
    fnet_graphopts_help(stdout);
    puts("\nexit status: 0 ok, 1 invalid data, 2 usage error, 3 I/O error,\n"
         "4 internal error (including a missing Graphviz plugin).");
}

/* The report's own options. Returns 1 when handled, -1 after a usage
 * error. */
static int own(fnet_reportopts *o, int id, const char *v)
{
    double x;
    switch (id) {
    case OPT_TREND:
        if (strcmp(v, "none") == 0)
            o->no_trend = true;
        else if (strcmp(v, "cumulative") == 0 || strcmp(v, "each") == 0)
            o->trend.cumulative = v[0] == 'c';
        else
            return fnet_cli_usage("report",
                                  "--trend: expected cumulative, "
                                  "each or none, got '%s'",
                                  v),
                   -1;
        return 1;
    case OPT_TREND_METRIC:
        o->trend.metric = fnet_metric_from_name(v);
        if (o->trend.metric < 0 || o->trend.metric == FNET_M_COMMUNITY)
            return fnet_cli_usage("report",
                                  "--trend-metric: expected a node "
                                  "metric such as pagerank, degree or "
                                  "betweenness, got '%s'",
                                  v),
                   -1;
        return 1;
    case OPT_TREND_TOP:
        if (!fnet_cli_number("report", "trend-top", v, 1, 100, &x))
            return -1;
        if (x != floor(x))
            return fnet_cli_usage("report",
                                  "--trend-top: expected a whole "
                                  "number, got '%s'",
                                  v),
                   -1;
        o->trend.top = (uint32_t)x;
        return 1;
    }
    return 0;
}

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

typedef struct job {
    fnet_reportopts o;
    const char *out;
} job;

/* The report's own options (-o and own()); false after a usage error. */
static bool own_option(void *ctx, int id, const char *v)
{
    job *j = ctx;
    if (id == OPT_OUTPUT) {
        j->out = v;
        return true;
    }
    return own(&j->o, id, v) >= 0;
}

int fnet_cmd_report(int argc, char **argv)
{
    job j = {0};
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    bool done = false;

    if (!paths)
        return FNET_EXIT_INTERNAL;
    fnet_reportopts_init(&j.o);
    int status = fnet_diagopts_parse_args("report", argc, argv, options, &j.o.d,
                                          OPT_HELP, help, own_option, &j, paths,
                                          &n_paths, &done);
    if (status == FNET_EXIT_OK && !done) {
        if (!j.out)
            status = fnet_cli_usage("report", "no output file (-o "
                                              "NAME.html)");
        else if (check(&j.o) != 0)
            status = FNET_EXIT_USAGE;
        else
            status = run(paths, n_paths, j.out, &j.o);
    }
    free(paths);
    return status;
}

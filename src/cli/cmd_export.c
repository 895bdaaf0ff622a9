/* cmd_export.c - `factnet export`: the graph with its attributes and
 * metrics for Gephi, Cytoscape, NetworkX, R, Pajek and Neo4j. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"
#include "cli/progress.h"

#include "input/load.h"
#include "job/job.h"
#include "output/export/export.h"
#include "output/export/export_files.h"
#include "output/export/export_pajek.h"
#include "output/tables/metrics_table.h"

#include <stdlib.h>

typedef struct xopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    fnet_export_files files; /* --format, -o, --dynamic, --no-formula-guard */
    const char *columns;
    bool no_metrics, exact, resolution_given;
    long samples;
} xopts;

/* clang-format off */
static const fnet_opt options[] = {
    FNET_CALL("algorithm", xopts, co.algorithm, fnet_opt_algorithm, "A",
              "community algorithm (default leiden; see factnet metrics)"),
    FNET_STRING("columns", 0, xopts, columns, "LIST",
                "metric columns to export, in this order (comma list)"),
    FNET_FLAG("dynamic", 0, xopts, files.dynamic,
              "gexf: time intervals from the fact dates"),
    FNET_FLAG("exact", 0, xopts, exact,
              "never sample betweenness/closeness/harmonic"),
    FNET_CHOICE("format", 'f', xopts, files.format,
                fnet_export_format_names + 1,
                fnet_export_format_codes, "F",
                "graphml, gexf, gml, pajek, csv, json or neo4j"),
    FNET_OPT_HELP_SPEC,
    FNET_FORMULA_GUARD_OPTION(xopts, files.no_formula_guard),
    FNET_FLAG("no-metrics", 0, xopts, no_metrics,
              "structure and attributes only, no metrics"),
    FNET_STRING("output", 'o', xopts, files.out, "PATH",
                "output file (csv: prefix; neo4j: folder; default: "
                "stdout)"),
    FNET_RESOLUTION_OPTION(xopts, co.resolution, resolution_given,
                           "modularity resolution (leiden, louvain, "
                           "spinglass; default 1)"),
    FNET_RUNS_OPTION(xopts, co.runs,
                     "run community detection N times; adds stability"),
    FNET_SAMPLES_OPTION(xopts, samples),
    FNET_SEED_OPTION(xopts, co.seed,
                     "random seed for communities and sampling (default 42)"),
    {0},
};
/* clang-format on */

/* Cross-option checks after parsing; false after a usage error. */
static bool check_options(xopts *o)
{
    const char *cmd = "export";
    if (fnet_graphopts_finish(&o->g, cmd) != 0)
        return false;
    fnet_err err = {0};
    if (fnet_export_files_check(&o->files, &err)) {
        fnet_cli_usage(cmd, "%s", err.msg);
        return false;
    }
    if (o->no_metrics && o->columns) {
        fnet_cli_usage(cmd, "--no-metrics and --columns contradict each "
                            "other");
        return false;
    }
    if (o->exact && o->samples) {
        fnet_cli_usage(cmd, "--exact and --samples contradict each other");
        return false;
    }
    if (o->resolution_given &&
        !fnet_community_has_resolution(o->co.algorithm)) {
        fnet_cli_usage(cmd,
                       "--resolution: %s has no resolution parameter "
                       "(leiden, louvain and spinglass do)",
                       fnet_community_algorithm_name(o->co.algorithm));
        return false;
    }
    o->co.unweighted = o->g.unweighted;
    return fnet_cli_input_check(cmd, &o->in) == FNET_EXIT_OK;
}

/* ---- metric columns ---------------------------------------------------- */

/* The metric columns from --columns, or all of them; false after a usage
 * error. */
static bool metric_columns(const xopts *o, bool signed_graph, int *cols,
                           size_t *n)
{
    fnet_metrics_table_choice ch;
    *n = 0;
    if (o->no_metrics)
        return true;
    if (!o->columns) {
        for (int m = 0; m < FNET_M_COUNT; m++)
            if (signed_graph || !(FNET_METRICS_SIGNED & FNET_METRIC_BIT(m)))
                cols[(*n)++] = m; /* signed columns: signed graphs only */
        if (o->co.runs > 1)
            cols[(*n)++] = FNET_EXPORT_STABILITY;
        return true;
    }
    int problem = fnet_metrics_table_choose_list(
        &ch, o->columns, FNET_MCHOICE_EXPORT, o->co.runs);
    if (!fnet_graphopts_columns_ok("export", problem, ch.bad, false))
        return false;
    for (size_t i = 0; i < ch.n_cols; i++)
        cols[(*n)++] = ch.cols[i] == FNET_MCOL_STABILITY ? FNET_EXPORT_STABILITY
                                                         : ch.cols[i];
    return true;
}

/* Computes the metric columns of g with the job layer, bundles them and
 * writes the files. */
static int export_graph(const xopts *o, fnet_graph *g, fnet_err *err)
{
    int cols[FNET_M_COUNT + 2];
    size_t n_cols;
    fnet_export_opts eo = {.fact_ends = o->files.format == FNET_EXPORT_NEO4J};
    fnet_export *x = NULL;
    fnet_job job = {0};
    fnet_job_opts jo;
    char msg[512];
    if (!metric_columns(o, fnet_graph_has_negative(g), cols, &n_cols))
        return FNET_EUSAGE;
    fnet_graphopts_job(&jo, &o->g, &o->co);
    jo.want = fnet_metrics_table_want(cols, n_cols);
    for (size_t i = 0; i < n_cols; i++)
        jo.communities = jo.communities || cols[i] == FNET_EXPORT_STABILITY;
    jo.exact = o->exact;
    jo.samples = o->samples;
    int rc = fnet_job_analyse(&job, g, &jo, err);
    eo.metrics = cols;
    eo.n_metrics = n_cols;
    eo.m = &job.m;
    eo.cm = job.has_cm ? &job.cm : NULL;
    if (rc == FNET_OK)
        rc = fnet_export_build(&x, g, &eo, err);
    if (rc == FNET_OK) {
        fnet_job_hits_message(&job, msg, sizeof msg);
        fnet_progress_note(NULL, "", msg);
        fnet_job_sampling_message(&job, true, msg, sizeof msg);
        fnet_progress_note(NULL, "note: ", msg);
        fnet_job_runs_message(&job, msg, sizeof msg);
        fnet_progress_note(NULL, "", msg);
        fnet_graphopts_notes(NULL, &job);
        if (o->files.format == FNET_EXPORT_PAJEK &&
            fnet_export_pajek_labels_clash(x))
            fnet_cli_error("warning: some nodes share a label; NetworkX's "
                           "read_pajek names nodes by label and would "
                           "merge them (docs/EXPORT.md)");
        size_t replaced = 0;
        rc = fnet_export_write_files(x, &o->files, &replaced, err);
        if (replaced)
            fnet_cli_error("warning: %zu character%s that XML cannot carry "
                           "(control characters) written as U+FFFD",
                           replaced, replaced == 1 ? "" : "s");
    }
    fnet_export_free(x);
    fnet_job_free(&job);
    return rc;
}

static int parse(xopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_graphopts_parse_args("export", options, o, &o->g, &o->in,
                                           argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    return check_options(o) ? FNET_EXIT_OK : FNET_EXIT_USAGE;
}

int fnet_cmd_export(int argc, char **argv)
{
    xopts o = {0};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_export};
    int status = FNET_EXIT_INTERNAL, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_graph *g = NULL;

    if (!r.paths)
        goto out;
    fnet_graphopts_init(&o.g);
    fnet_community_opts_init(&o.co);
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    status = fnet_graphopts_load(&g, &c, NULL, "export", r.paths, r.n_paths,
                                 &o.g, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    rc = export_graph(&o, g, &err);
    status = fnet_cli_status("export", rc, &err);
out:
    fnet_graph_free(g);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

/* cmd_metrics.c - `factnet metrics`: node or graph metrics as a table. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"
#include "cli/progress.h"

#include "input/aggregate.h"
#include "input/load.h"
#include "job/job.h"
#include "output/tables/metrics_table.h"
#include "output/tables/table.h"

#include <stdlib.h>
#include <string.h>

typedef struct mopts {
    int parallel; /* FACTNET_PARALLEL: enum fnet_job_parallel */
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    fnet_table_style style;
    const char *out, *columns, *sort;
    bool graph_level, exact, resolution_given;
    long top, samples;
} mopts;

static const char *const levels[] = {"node", "graph", NULL};

/* clang-format off */
static const fnet_opt options[] = {
    FNET_CALL("algorithm", mopts, co.algorithm, fnet_opt_algorithm, "A",
              "community algorithm (default leiden; see below)"),
    FNET_STRING("caption", 0, mopts, style.caption, "TEXT",
                "latex: table caption"),
    FNET_STRING("columns", 0, mopts, columns, "LIST",
                "node columns to write, in this order (comma list)"),
    FNET_DIGITS_OPTION(mopts, style.digits),
    FNET_FLAG("exact", 0, mopts, exact,
              "never sample betweenness/closeness/harmonic"),
    FNET_TABLE_FORMAT_OPTION(mopts, style.format,
                             "csv, tsv, md, latex or json",
                             "csv (default), tsv, md, latex or json"),
    FNET_OPT_HELP_SPEC,
    FNET_STRING("label", 0, mopts, style.label, "KEY", "latex: \\label key"),
    FNET_LATEX_WIDTH_OPTION(mopts, style.latex_width),
    FNET_CHOICE("level", 0, mopts, graph_level, levels, NULL, "L",
                "node (default) or graph"),
    FNET_FORMULA_GUARD_OPTION(mopts, style.no_formula_guard),
    FNET_STRING("output", 'o', mopts, out, "FILE",
                "write to FILE (default: standard output)"),
    FNET_RESOLUTION_OPTION(mopts, co.resolution, resolution_given,
                           "modularity resolution (leiden, louvain, "
                           "spinglass; default 1)"),
    FNET_RUNS_OPTION(mopts, co.runs,
                     "run community detection N times (seeds S, S+1, ...)"),
    FNET_SAMPLES_OPTION(mopts, samples),
    FNET_SEED_OPTION(mopts, co.seed,
                     "random seed for communities and sampling (default 42)"),
    FNET_STRING("sort", 0, mopts, sort, "COLUMN",
                "sort rows by COLUMN (default pagerank)"),
    FNET_WHOLE("top", mopts, top, 0, 1e15, "K", "write only the first K rows"),
    {0},
};
/* clang-format on */

/* Cross-option checks after parsing. */
static bool check_options(mopts *o)
{
    const char *cmd = "metrics";
    if (fnet_graphopts_finish(&o->g, cmd) != 0)
        return false;
    if (o->exact && o->samples) {
        fnet_cli_usage(cmd, "--exact and --samples contradict each other");
        return false;
    }
    if (!fnet_opt_resolution_ok(cmd, o->resolution_given, o->co.algorithm))
        return false;
    if (o->graph_level && (o->columns || o->sort || o->top >= 0)) {
        fnet_cli_usage(cmd, "--%s applies to --level node only",
                       o->columns ? "columns"
                       : o->sort  ? "sort"
                                  : "top");
        return false;
    }
    o->co.unweighted = o->g.unweighted;
    return true;
}

/* ---- node level -------------------------------------------------------- */

/* The columns and sort of --columns and --sort; false after a usage
 * error. */
static bool choose(const mopts *o, const fnet_graph *g,
                   fnet_metrics_table_choice *ch)
{
    const char *columns =
        o->columns
            ? o->columns
            : fnet_metrics_table_default_list(o->style.format, o->co.runs);
    int problem =
        fnet_metrics_table_choose(ch, columns, o->sort, g, o->co.runs);
    return fnet_graphopts_columns_ok("metrics", problem, ch->bad, false);
}

static void job_opts(const mopts *o, fnet_job_opts *jo)
{
    fnet_graphopts_job(jo, &o->g, &o->co);
    jo->exact = o->exact;
    jo->samples = o->samples;
    jo->parallel = o->parallel;
}

static int node_level(const mopts *o, fnet_job *job, fnet_graph *g,
                      fnet_table **t, char *note, size_t note_size,
                      fnet_err *err)
{
    fnet_metrics_table_choice ch;
    fnet_job_opts jo;
    char msg[512];
    int rc;
    if (!choose(o, g, &ch))
        return FNET_EUSAGE;
    job_opts(o, &jo);
    jo.want = ch.want;
    jo.communities = ch.stability;
    bool need_cm =
        jo.communities || (jo.want & FNET_METRIC_BIT(FNET_M_COMMUNITY));
    fnet_progress_stage(o->in.progress,
                        need_cm ? "metrics and communities" : "metrics", 0);
    rc = fnet_job_analyse(job, g, &jo, err);
    fnet_job_hits_message(job, msg, sizeof msg);
    fnet_progress_note(o->in.progress, "", msg);
    if (need_cm)
        fnet_progress_pause(o->in.progress);
    if (!rc) {
        fnet_job_runs_message(job, msg, sizeof msg);
        fnet_progress_note(o->in.progress, "", msg);
        fnet_job_sampling_note(job, note, note_size);
        fnet_job_sampling_message(job, true, msg, sizeof msg);
        fnet_progress_note(o->in.progress, "note: ", msg);
        fnet_graphopts_notes(o->in.progress, job);
    }
    if (rc)
        return rc;
    size_t rows = o->top >= 0 ? (size_t)o->top : SIZE_MAX;
    bool json = o->style.format == FNET_TABLE_JSON;
    if ((rc = fnet_metrics_table_job_nodes(t, job, &ch, rows, json)))
        return fnet_err_set(err, rc, "out of memory");
    if (o->style.format == FNET_TABLE_LATEX)
        fnet_metrics_table_note(note, note_size, ch.cols, ch.n_cols,
                                o->g.unweighted);
    return 0;
}

/* ---- graph level ------------------------------------------------------- */

static int graph_level(const mopts *o, fnet_job *job, fnet_graph *g,
                       fnet_table **t, fnet_err *err)
{
    fnet_job_opts jo;
    job_opts(o, &jo);
    jo.want = 0;
    jo.graph_metrics = true;
    fnet_progress_stage(o->in.progress, "graph metrics and communities", 0);
    int rc = fnet_job_analyse(job, g, &jo, err);
    if (rc)
        return rc;
    fnet_graphopts_notes(o->in.progress, job);
    bool human = fnet_table_format_for_print(o->style.format);
    if ((rc = fnet_metrics_table_job_graph(t, job, human)))
        return fnet_err_set(err, rc, "out of memory");
    return 0;
}

/* ---- the command ------------------------------------------------------- */

static int parse(mopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_graphopts_parse_args("metrics", options, o, &o->g, &o->in,
                                           argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("metrics", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    return check_options(o) ? FNET_EXIT_OK : FNET_EXIT_USAGE;
}

int fnet_cmd_metrics(int argc, char **argv)
{
    mopts o = {.top = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_metrics};
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_aggregate *agg = NULL;
    fnet_graph *g = NULL;
    fnet_job job = {0};
    fnet_table *t = NULL;
    char note[1024] = "";

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    fnet_community_opts_init(&o.co);
    o.style.format = FNET_TABLE_CSV;
    o.style.digits = -1;
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    status = fnet_graphopts_parallel("metrics", &o.parallel, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    o.in.progress = fnet_progress_start("loading", 0);
    status = fnet_graphopts_load(&g, &c, &agg, "metrics", r.paths, r.n_paths,
                                 &o.g, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    rc = o.graph_level ? graph_level(&o, &job, g, &t, &err)
                       : node_level(&o, &job, g, &t, note, sizeof note, &err);
    /* The table may go to the terminal the progress line is on. */
    fnet_progress_end(o.in.progress);
    o.in.progress = NULL;
    o.style.note = note[0] ? note : NULL;
    if (rc == 0)
        rc = fnet_table_write_file(t, o.out ? o.out : "-", &o.style, &err);
    status = fnet_cli_status("metrics", rc, &err);
out:
    fnet_progress_end(o.in.progress);
    fnet_table_free(t);
    fnet_job_free(&job); /* before the graph it borrows */
    fnet_graph_free(g);
    fnet_aggregate_free(agg);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

/* cmd_evolve.c - `factnet evolve`: the network period by period: node and
 * graph metrics per period, rank changes, communities over time. */
#include "cli/cli.h"
#include "cli/diagopts.h" /* graphopts.h, input_opts.h, print options */
#include "cli/helptext.h"

#include "input/load.h"
#include "job/evolve.h"
#include "output/diagram/evolve_dot.h"
#include "output/tables/evolve_table.h"
#include "output/tables/metrics_table.h"

#include <stdlib.h>
#include <string.h>

typedef struct eopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_evolve_opts ev;
    fnet_table_style style;
    fnet_diagopts pd; /* the print options of --dot (pd.print, pd.dot.font) */
    const char *out, *out_dir, *columns, *dot_dir;
    int table;            /* -1: the format's default */
    int layout;           /* -1: the format's default; 0 long; 1 wide */
    int metric, pivot_by; /* --table pivot's; -1: not given */
    long top;
    bool by_given, every_given, resolution_given, seed_given, cumulative,
        window;
} eopts;

/* "5-years", "1-year", "6-months", "1-month". */
static int every(void *field, const char *v, const char *cmd)
{
    if (fnet_period_spec_every(field, v) == 0)
        return 0;
    fnet_cli_usage(cmd,
                   "--every: expected N-years or N-months (N >= 1), "
                   "got '%s'",
                   v);
    return -1;
}

static const char *const units[] = {"year", "month", NULL};
static const int unit_codes[] = {FNET_UNIT_YEAR, FNET_UNIT_MONTH};
static const char *const layouts[] = {"long", "wide", NULL};
static const char *const undated[] = {"drop", "keep", NULL};

/* clang-format off */
static const fnet_opt options[] = {
    FNET_CALL("algorithm", eopts, ev.community.algorithm, fnet_opt_algorithm,
              "A", "community algorithm (default leiden; as in `factnet "
              "metrics`)"),
    {.name = "by", .type = FNET_OPT_CHOICE, FNET_FIELD(eopts, ev.periods.unit),
     FNET_GIVEN(eopts, by_given), .values = units, .codes = unit_codes,
     .arg = "UNIT", .help = "one period per year or month"},
    FNET_STRING("columns", 0, eopts, columns, "LIST",
                "node metrics (default degree,betweenness,pagerank,"
                "community)"),
    FNET_FLAG("cumulative", 0, eopts, cumulative,
              "each snapshot holds everything up to the period's end"),
    FNET_DIGITS_OPTION(eopts, style.digits),
    FNET_STRING("dot", 0, eopts, dot_dir, "DIR",
                "also write DIR/PERIOD.dot and .svg, nodes placed alike in "
                "all"),
    {.name = "every", .type = FNET_OPT_CALL, FNET_FIELD(eopts, ev.periods),
     FNET_GIVEN(eopts, every_given), .call = every, .arg = "N-UNITS",
     .help = "periods of N years or months (e.g. 5-years, 6-months)"},
    FNET_TABLE_FORMAT_OPTION(eopts, style.format,
                             "md, csv, tsv, latex or json",
                             "md (default), csv, tsv, latex or json"),
    FNET_OPT_HELP_SPEC,
    FNET_LATEX_WIDTH_OPTION(eopts, style.latex_width),
    FNET_CHOICE("layout", 0, eopts, layout, layouts, NULL, "L",
                "node table: long (period,id,...,metric,value) or wide"),
    FNET_REAL("match-threshold", eopts, ev.threshold, 1e-9, 1, "J",
              "Jaccard overlap linking communities of two periods (default "
              "0.3)"),
    FNET_METRIC("metric", eopts, metric, NULL, NULL,
                "a node metric other than community", "METRIC",
                "pivot: the metric per period (default: --rank-by's)"),
    FNET_FORMULA_GUARD_OPTION(eopts, style.no_formula_guard),
    FNET_STRING("output", 'o', eopts, out, "FILE",
                "write to FILE (default: standard output)"),
    FNET_STRING("output-dir", 0, eopts, out_dir, "DIR",
                "write every table to DIR/{nodes,graph,ranks,communities}."
                "EXT"),
    FNET_CHOICE("pivot-by", 0, eopts, pivot_by, fnet_pivot_by_names, NULL,
                "B", "pivot: rows by the last period (default) or overall"),
    FNET_METRIC("rank-by", eopts, ev.rank_metric, NULL, NULL,
                "a node metric other than community", "METRIC",
                "the metric that ranks nodes (default pagerank)"),
    FNET_RESOLUTION_OPTION(eopts, ev.community.resolution, resolution_given,
                           "modularity resolution (leiden, louvain, "
                           "spinglass; default 1)"),
    {.name = "seed", .type = FNET_OPT_WHOLE,
     FNET_FIELD(eopts, ev.community.seed), FNET_GIVEN(eopts, seed_given),
     .min = 0, .max = 4294967295.0, .arg = "S",
     .help = "random seed for communities and sampling (default 42)"},
    FNET_CHOICE("table", 0, eopts, table, fnet_evolve_table_names, NULL, "T",
                "write one table: nodes, graph, ranks, communities or "
                "pivot"),
    FNET_WHOLE("top", eopts, top, 1, 1e15, "K",
               "per period, only nodes ranked K or better"),
    FNET_CHOICE("undated", 0, eopts, ev.keep_undated, undated, NULL, "U",
                "undated facts: drop (default: in no snapshot) or keep (in "
                "all)"),
    {.name = "window", .type = FNET_OPT_WHOLE,
     FNET_FIELD(eopts, ev.periods.window), FNET_GIVEN(eopts, window),
     .min = 1, .max = FNET_PERIODS_MAX, .arg = "N",
     .help = "each snapshot holds the last N periods (sliding window)"},
    {0},
};
/* clang-format on */

/* ---- options ----------------------------------------------------------- */

/* The node metric columns of --columns, or the default ones, in ch;
 * false after a usage error. */
static bool parse_columns(const eopts *o, fnet_metrics_table_choice *ch)
{
    if (!o->columns) {
        fnet_evolve_table_default_choice(ch, o->style.format);
        return true;
    }
    int problem =
        fnet_metrics_table_choose_list(ch, o->columns, FNET_MCHOICE_METRICS, 0);
    return fnet_graphopts_columns_ok("evolve", problem, ch->bad, true);
}

static bool check_options(eopts *o)
{
    const char *cmd = "evolve";
    if (fnet_graphopts_finish(&o->g, cmd) != 0)
        return false;
    const struct {
        bool both;
        const char *a, *b;
    } clash[] = {
        {o->by_given && o->every_given, "--by", "--every"},
        {o->cumulative && o->window, "--cumulative", "--window"},
        {o->g.graph.dated_only && o->ev.keep_undated, "--dated-only",
         "--undated keep"},
        {o->out && o->out_dir, "--output", "--output-dir"},
    };
    for (size_t i = 0; i < sizeof clash / sizeof *clash; i++)
        if (clash[i].both) {
            fnet_cli_usage(cmd, "%s and %s contradict each other", clash[i].a,
                           clash[i].b);
            return false;
        }
    if (!fnet_opt_resolution_ok(cmd, o->resolution_given,
                                o->ev.community.algorithm))
        return false;
    if ((o->metric >= 0 || o->pivot_by >= 0) && o->table != FNET_EVOLVE_PIVOT) {
        fnet_cli_usage(cmd, "--%s applies to --table pivot only",
                       o->metric >= 0 ? "metric" : "pivot-by");
        return false;
    }
    if (o->out_dir && o->table >= 0) {
        fnet_cli_usage(cmd, "--table and --output-dir contradict each other "
                            "(--output-dir writes every table)");
        return false;
    }
    if (o->cumulative || o->window) /* they exclude each other (above) */
        o->ev.periods.mode =
            o->window ? FNET_PERIODS_WINDOW : FNET_PERIODS_CUMULATIVE;
    if (o->seed_given)
        o->ev.metrics.seed = o->ev.community.seed;
    fnet_evolve_opts_graph(&o->ev, &o->g.graph, o->g.unweighted,
                           o->g.weighted_paths);
    return true;
}

/* ---- the command ------------------------------------------------------- */

static int parse(eopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_diagopts_parse_graph("evolve", options, o, &o->pd, &o->g,
                                           &o->in, argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("evolve", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    return check_options(o) ? FNET_EXIT_OK : FNET_EXIT_USAGE;
}

static void note_undated(const eopts *o, const fnet_evolution *e)
{
    char msg[512];
    fnet_job_signs_note(e->negative, &o->ev.metrics, msg, sizeof msg);
    if (msg[0])
        fnet_cli_error("note: %s", msg);
    if (e->undated && !o->ev.keep_undated)
        fnet_cli_error("note: %llu undated fact%s left out of every "
                       "snapshot (--undated keep puts them in every one)",
                       (unsigned long long)e->undated,
                       e->undated == 1 ? "" : "s");
}

int fnet_cmd_evolve(int argc, char **argv)
{
    eopts o = {
        .table = -1, .layout = -1, .metric = -1, .pivot_by = -1, .top = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_evolve};
    fnet_metrics_table_choice ch;
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_evolution e = {0};
    fnet_evolve_write_opts wo = {.ev = &o.ev, .cols = ch.cols};

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    fnet_evolve_opts_init(&o.ev);
    o.style.format = FNET_TABLE_MD;
    o.style.digits = -1;
    status = parse(&o, argc, argv, &r);
    if (status == FNET_EXIT_OK && !r.done && !parse_columns(&o, &ch))
        status = FNET_EXIT_USAGE;
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    wo.pivot_metric = o.metric >= 0 ? o.metric : o.ev.rank_metric;
    wo.pivot_by = o.pivot_by >= 0 ? o.pivot_by : FNET_PIVOT_LAST;
    o.ev.metrics.want = ch.want | FNET_METRIC_BIT(wo.pivot_metric);
    wo.style = o.style;
    wo.top = o.top;
    wo.wide =
        o.layout >= 0 ? o.layout == 1 : fnet_evolve_table_wide(o.style.format);
    status = fnet_cli_load(&c, "evolve", r.paths, r.n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    rc = fnet_evolve_run(&e, c, &o.ev, &err);
    if (rc == 0) {
        note_undated(&o, &e);
        wo.n_cols = fnet_evolve_table_shown_columns(ch.cols, ch.n_cols,
                                                    o.columns != NULL, &e);
        rc = fnet_evolve_write(o.out, o.out_dir, &e, o.table, &wo, &err);
    }
    if (rc == 0 && o.dot_dir)
        rc = fnet_evolve_dot(&e, &o.ev, &o.pd.print, o.pd.dot.font, o.dot_dir,
                             o.pd.dot.grey, &err);
    status = fnet_cli_status("evolve", rc, &err);
out:
    fnet_evolution_free(&e);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

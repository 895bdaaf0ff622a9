/* cmd_evolve.c - `factnet evolve`: the network period by period: node and
 * graph metrics per period, rank changes, communities over time. */
#include "cli/cli.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"

#include "analysis/evolve.h"
#include "cli/evolve_dot.h"
#include "core/buf.h"
#include "core/outfile.h"
#include "input/load.h"
#include "output/table.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { TABLE_NODES, TABLE_GRAPH, TABLE_RANKS, TABLE_COMMUNITIES, N_TABLES };
static const char *const table_names[N_TABLES + 1] = {"nodes", "graph", "ranks",
                                                      "communities", NULL};
static const char *const table_titles[N_TABLES] = {
    "Node metrics", "Graph metrics per period", "Rank changes",
    "Communities over time"};

typedef struct eopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_evolve_opts ev;
    fnet_table_style style;
    const char *out, *out_dir, *columns, *dot_dir;
    int table;  /* -1: the format's default */
    int layout; /* -1: the format's default; 0 long; 1 wide */
    long top;
    bool by_given, every_given, resolution_given, seed_given, cumulative,
        window;
} eopts;

/* "5-years", "1-year", "6-months", "1-month". */
static int every(void *field, const char *v, const char *cmd)
{
    fnet_period_spec *p = field;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end != v && *end == '-' && n >= 1 && n <= 10000 && !errno) {
        const char *u = end + 1;
        if (strcmp(u, "years") == 0 || strcmp(u, "year") == 0) {
            p->unit = FNET_UNIT_YEAR;
            p->step = (int)n;
            return 0;
        }
        if (strcmp(u, "months") == 0 || strcmp(u, "month") == 0) {
            p->unit = FNET_UNIT_MONTH;
            p->step = (int)n;
            return 0;
        }
    }
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
    FNET_WHOLE("digits", eopts, style.digits, 0, 17, "N",
               "decimals for reals (default: 3 for md/latex, full "
               "otherwise)"),
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
    FNET_CHOICE("layout", 0, eopts, layout, layouts, NULL, "L",
                "node table: long (period,id,...,metric,value) or wide"),
    FNET_REAL("match-threshold", eopts, ev.threshold, 1e-9, 1, "J",
              "Jaccard overlap linking communities of two periods (default "
              "0.3)"),
    FNET_FORMULA_GUARD_OPTION(eopts, style.no_formula_guard),
    FNET_STRING("output", 'o', eopts, out, "FILE",
                "write to FILE (default: standard output)"),
    FNET_STRING("output-dir", 0, eopts, out_dir, "DIR",
                "write every table to DIR/{nodes,graph,ranks,communities}."
                "EXT"),
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
    FNET_CHOICE("table", 0, eopts, table, table_names, NULL, "T",
                "write one table: nodes, graph, ranks or communities"),
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

static const fnet_opt_help help = {
    .usage = "factnet evolve [OPTIONS] FILE...",
    .about = "The network over time: one snapshot per period, with "
             "node metrics, graph\n"
             "metrics, rank changes between consecutive periods and "
             "communities followed\n"
             "across periods.",
    .notes = "Periods: --by year (default) or --by month, or --every "
             "N-years /\n"
             "N-months. They run from the unit holding the earliest "
             "fact date to the\n"
             "one holding the latest date or until (or over --from .. "
             "--to). A snapshot\n"
             "holds the facts active in its period: dated within it, "
             "or with a\n"
             "date..until span that overlaps it. --cumulative: "
             "everything from the first\n"
             "period up to the period's end; --window N: the last N "
             "periods. A node is\n"
             "present in a period when it has an edge there; metrics "
             "are computed on\n"
             "the snapshot's nodes only. Undated facts belong to no "
             "period: they are left\n"
             "out (--undated drop, default; standard error says how "
             "many) or put in\n"
             "every snapshot (--undated keep).\n"
             "\n"
             "Tables:\n"
             "  nodes        node metrics per period; long layout: "
             "period,id,label,type,\n"
             "               metric,value (csv/tsv/json default); "
             "wide: one column per\n"
             "               metric (md/latex default). community is "
             "the persistent id.\n"
             "               pos_degree, neg_degree and net_strength "
             "join the default\n"
             "               columns when some snapshot has a "
             "negative edge.\n"
             "  graph        graph metrics per period (as `metrics "
             "--level graph`), with\n"
             "               the window, the facts it holds, and "
             "frustration when signed\n"
             "  ranks        rank changes between consecutive "
             "non-empty periods by\n"
             "               --rank-by: rose, fell, entered, left, "
             "same; change = rank\n"
             "               before - rank after (positive: rose). "
             "Rank = 1 + nodes with\n"
             "               a higher value (ties share a rank).\n"
             "  communities  every community of every period with its "
             "persistent id,\n"
             "               event (born, continued, merged, split, "
             "died), the previous\n"
             "               communities it overlaps (Jaccard), size "
             "and members\n"
             "\n"
             "Community ids persist: each period's communities are "
             "matched to those of\n"
             "the previous non-empty period; a pair with Jaccard >= "
             "--match-threshold\n"
             "is linked, and ids pass one to one by decreasing "
             "overlap. Unlinked:\n"
             "born (new id) or died; two links or more: merged; one "
             "previous community\n"
             "linked to several: split (the best match keeps the id).\n"
             "\n"
             "Output: md writes the four tables as sections; json one "
             "object with the\n"
             "four arrays; latex four tables; csv and tsv hold one "
             "table: nodes unless\n"
             "--table says otherwise. --table picks one table in any "
             "format;\n"
             "--output-dir DIR writes all four as files.\n"
             "\n"
             "Diagrams: --dot DIR also writes one diagram per "
             "non-empty period,\n"
             "DIR/PERIOD.dot and DIR/PERIOD.svg, styled as `factnet "
             "dot` (fill: persistent\n"
             "community id; node area: --rank-by). The union of all "
             "periods is laid out\n"
             "once and every period's nodes are pinned at their "
             "places (neato -n2), so a\n"
             "node stays put from one period to the next. See "
             "docs/EVOLUTION.md.",
};

/* ---- options ----------------------------------------------------------- */

/* The wanted columns: metric ids in order, into cols (FNET_M_COUNT max). */
static bool parse_columns(eopts *o, int *cols, size_t *n)
{
    *n = 0;
    if (!o->columns) {
        static const int def[] = {FNET_M_DEGREE,      FNET_M_BETWEENNESS,
                                  FNET_M_PAGERANK,    FNET_M_COMMUNITY,
                                  FNET_M_POS_DEGREE,  FNET_M_NEG_DEGREE,
                                  FNET_M_NET_STRENGTH};
        memcpy(cols, def, sizeof def);
        *n = sizeof def / sizeof def[0];
        return true;
    }
    char name[64];
    const char *p = o->columns;
    for (;;) {
        size_t len = strcspn(p, ",");
        snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), p);
        int m = fnet_metric_from_name(name);
        if (m < 0) {
            fnet_cli_usage_near("evolve", fnet_opt_near_column(name, false),
                                "--columns: unknown metric '%s'", name);
            return false;
        }
        for (size_t i = 0; i < *n; i++)
            if (cols[i] == m) {
                fnet_cli_usage("evolve", "--columns: '%s' given twice", name);
                return false;
            }
        cols[(*n)++] = m;
        if (!p[len])
            return true;
        p += len + 1;
    }
}

static bool check_options(eopts *o)
{
    const char *cmd = "evolve";
    if (fnet_graphopts_finish(&o->g, cmd) != 0)
        return false;
    if (o->by_given && o->every_given) {
        fnet_cli_usage(cmd, "--by and --every contradict each other");
        return false;
    }
    if (o->cumulative && o->window) {
        fnet_cli_usage(cmd, "--cumulative and --window contradict each other");
        return false;
    }
    if (o->g.graph.dated_only && o->ev.keep_undated) {
        fnet_cli_usage(cmd, "--dated-only and --undated keep contradict each "
                            "other");
        return false;
    }
    if (!fnet_opt_resolution_ok(cmd, o->resolution_given,
                                o->ev.community.algorithm))
        return false;
    if (o->out && o->out_dir) {
        fnet_cli_usage(cmd, "--output and --output-dir contradict each other");
        return false;
    }
    if (o->out_dir && o->table >= 0) {
        fnet_cli_usage(cmd, "--table and --output-dir contradict each other "
                            "(--output-dir writes every table)");
        return false;
    }
    if (o->cumulative)
        o->ev.periods.mode = FNET_PERIODS_CUMULATIVE;
    if (o->window)
        o->ev.periods.mode = FNET_PERIODS_WINDOW;
    if (o->seed_given)
        o->ev.metrics.seed = o->ev.community.seed;
    o->ev.graph = o->g.graph;
    o->ev.periods.from = o->g.graph.from;
    o->ev.periods.to = o->g.graph.to;
    o->ev.community.unweighted = o->g.unweighted;
    o->ev.metrics.unweighted = o->g.unweighted;
    o->ev.metrics.weighted_paths = o->g.weighted_paths;
    return true;
}

/* ---- tables ------------------------------------------------------------ */

typedef struct job {
    const eopts *o;
    const fnet_evolution *e;
    int cols[FNET_M_COUNT];
    size_t n_cols;
    bool wide;
    fnet_buf buf;
} job;

static const fnet_entity *entity(const job *j, uint32_t ent)
{
    return &j->e->corpus->entities[ent];
}

static void set_value(fnet_table *t, size_t row, size_t col, int metric,
                      double v)
{
    if (fnet_metric_is_integer(metric) && !isnan(v))
        fnet_table_set_int(t, row, col, (int64_t)v);
    else
        fnet_table_set_real(t, row, col, v);
}

/* Nodes of snapshot s in rank order (ties by id), in order[]; returns how
 * many pass --top. */
typedef struct node_ref {
    const job *j;
    const fnet_snapshot *s;
    uint32_t v;
} node_ref;

static int cmp_node(const void *x, const void *y)
{
    const node_ref *a = x, *b = y;
    if (a->s->rank[a->v] != b->s->rank[b->v])
        return a->s->rank[a->v] < b->s->rank[b->v] ? -1 : 1;
    return strcmp(fnet_graph_node_entity(a->s->g, a->v)->id,
                  fnet_graph_node_entity(b->s->g, b->v)->id);
}

static size_t ordered_nodes(const job *j, const fnet_snapshot *s, node_ref *r)
{
    size_t n = 0;
    for (uint32_t v = 0; v < s->g->n_nodes; v++)
        if (j->o->top < 0 || s->rank[v] <= (uint32_t)j->o->top)
            r[n++] = (node_ref){j, s, v};
    if (n)
        qsort(r, n, sizeof *r, cmp_node);
    return n;
}

/* period, id, label, type of snapshot s's node v into the first four
 * cells. */
static int node_cells(fnet_table *t, size_t row, const fnet_snapshot *s,
                      uint32_t v)
{
    const fnet_entity *e = fnet_graph_node_entity(s->g, v);
    int rc;
    if ((rc = fnet_table_set_str(t, row, 0, s->period.label)) ||
        (rc = fnet_table_set_str(t, row, 1, e->id)) ||
        (rc = fnet_table_set_str(t, row, 2, e->label)))
        return rc;
    return fnet_table_set_str(t, row, 3, e->type);
}

static int nodes_table(job *j, fnet_table **t)
{
    fnet_table_col tc[4 + FNET_M_COUNT] = {{"period", FNET_COL_STRING},
                                           {"id", FNET_COL_STRING},
                                           {"label", FNET_COL_STRING},
                                           {"type", FNET_COL_STRING}};
    size_t nc = 4;
    if (j->wide) {
        for (size_t c = 0; c < j->n_cols; c++)
            tc[nc++] =
                (fnet_table_col){fnet_metric_name(j->cols[c]), FNET_COL_REAL};
    } else {
        tc[nc++] = (fnet_table_col){"metric", FNET_COL_STRING};
        tc[nc++] = (fnet_table_col){"value", FNET_COL_REAL};
    }
    int rc = fnet_table_new(t, tc, nc);
    for (size_t p = 0; !rc && p < j->e->n; p++) {
        const fnet_snapshot *s = &j->e->snap[p];
        if (s->empty)
            continue;
        node_ref *r = malloc(s->g->n_nodes * sizeof *r);
        if (!r)
            return FNET_ENOMEM;
        size_t n = ordered_nodes(j, s, r);
        for (size_t i = 0; !rc && i < n; i++) {
            uint32_t v = r[i].v;
            size_t row;
            for (size_t c = 0; !rc && c < j->n_cols; c++) {
                int m = j->cols[c];
                if ((c == 0 || !j->wide) &&
                    !(rc = fnet_table_add_row(*t, &row)))
                    rc = node_cells(*t, row, s, v);
                if (!rc && !j->wide)
                    rc = fnet_table_set_str(*t, row, 4, fnet_metric_name(m));
                if (!rc)
                    set_value(*t, row, j->wide ? 4 + c : 5, m,
                              s->m.value[m][v]);
            }
        }
        free(r);
    }
    return rc;
}

static int graph_table(job *j, fnet_table **t)
{
    static const char *const names[] = {"nodes",
                                        "edges",
                                        "density",
                                        "components",
                                        "largest_component",
                                        "diameter",
                                        "average_path_length",
                                        "transitivity",
                                        "average_clustering",
                                        "degree_assortativity",
                                        "type_assortativity",
                                        "communities",
                                        "modularity",
                                        "negative_edges",
                                        "frustration"};
    static const bool integer[] = {true,  true,  false, true,  true,
                                   true,  false, false, false, false,
                                   false, true,  false, true,  false};
    size_t nm = j->e->negative ? 15 : 13;
    fnet_table_col tc[4 + 15] = {{"period", FNET_COL_STRING},
                                 {"start", FNET_COL_STRING},
                                 {"end", FNET_COL_STRING},
                                 {"facts", FNET_COL_INTEGER}};
    for (size_t k = 0; k < nm; k++)
        tc[4 + k] = (fnet_table_col){names[k], FNET_COL_REAL};
    int rc = fnet_table_new(t, tc, 4 + nm);
    for (size_t p = 0; !rc && p < j->e->n; p++) {
        const fnet_snapshot *s = &j->e->snap[p];
        const fnet_graph_metrics *g = &s->gm;
        char a[11], b[11];
        size_t row;
        fnet_date_format(s->period.from, a);
        fnet_date_format(s->period.to, b);
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0, s->period.label)) ||
            (rc = fnet_table_set_str(*t, row, 1, a)) ||
            (rc = fnet_table_set_str(*t, row, 2, b)))
            break;
        fnet_table_set_int(*t, row, 3, (int64_t)s->g->n_facts_used);
        double v[15] = {g->nodes,
                        g->edges,
                        g->density,
                        g->components,
                        g->largest_component,
                        g->diameter,
                        g->average_path_length,
                        g->transitivity,
                        g->average_clustering,
                        g->degree_assortativity,
                        g->type_assortativity,
                        g->communities,
                        g->modularity,
                        (double)s->fr.negative,
                        s->fr.frustration};
        for (size_t k = 0; k < nm; k++) {
            if (integer[k] && isfinite(v[k]))
                fnet_table_set_int(*t, row, 4 + k, (int64_t)v[k]);
            else
                fnet_table_set_real(*t, row, 4 + k, v[k]);
        }
    }
    return rc;
}

static bool in_top(const job *j, uint32_t rank)
{
    return j->o->top < 0 || (rank && rank <= (uint32_t)j->o->top);
}

static int ranks_table(job *j, fnet_table **t)
{
    static const fnet_table_col tc[] = {
        {"from", FNET_COL_STRING},       {"to", FNET_COL_STRING},
        {"id", FNET_COL_STRING},         {"label", FNET_COL_STRING},
        {"type", FNET_COL_STRING},       {"metric", FNET_COL_STRING},
        {"rank_from", FNET_COL_INTEGER}, {"rank_to", FNET_COL_INTEGER},
        {"change", FNET_COL_INTEGER},    {"value_from", FNET_COL_REAL},
        {"value_to", FNET_COL_REAL},     {"status", FNET_COL_STRING}};
    int m = j->o->ev.rank_metric;
    int rc = fnet_table_new(t, tc, sizeof tc / sizeof tc[0]);
    for (size_t i = 0; !rc && i < j->e->n_ranks; i++) {
        const fnet_rank_change *r = &j->e->ranks[i];
        const fnet_entity *e = entity(j, r->entity);
        size_t row;
        if (!in_top(j, r->rank_from) && !in_top(j, r->rank_to))
            continue;
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0,
                                     j->e->snap[r->from].period.label)) ||
            (rc = fnet_table_set_str(*t, row, 1,
                                     j->e->snap[r->to].period.label)) ||
            (rc = fnet_table_set_str(*t, row, 2, e->id)) ||
            (rc = fnet_table_set_str(*t, row, 3, e->label)) ||
            (rc = fnet_table_set_str(*t, row, 4, e->type)) ||
            (rc = fnet_table_set_str(*t, row, 5, fnet_metric_name(m))) ||
            (rc = fnet_table_set_str(*t, row, 11,
                                     fnet_rank_status_name(r->status))))
            break;
        if (r->rank_from)
            fnet_table_set_int(*t, row, 6, r->rank_from);
        if (r->rank_to)
            fnet_table_set_int(*t, row, 7, r->rank_to);
        if (r->rank_from && r->rank_to)
            fnet_table_set_int(*t, row, 8,
                               (int64_t)r->rank_from - (int64_t)r->rank_to);
        set_value(*t, row, 9, m, r->value_from);
        set_value(*t, row, 10, m, r->value_to);
    }
    return rc;
}

/* Members (labels, "; "-separated, in node order) and size of community
 * number c of snapshot s. */
static uint32_t members(const fnet_snapshot *s, uint32_t c, fnet_buf *b)
{
    uint32_t n = 0;
    fnet_buf_reset(b);
    for (uint32_t v = 0; v < s->g->n_nodes; v++)
        if (s->cm.community[v] == c)
            fnet_buf_printf(b, "%s%s", n++ ? "; " : "",
                            fnet_graph_node_entity(s->g, v)->label);
    return n;
}

static int communities_table(job *j, fnet_table **t)
{
    static const fnet_table_col tc[] = {
        {"period", FNET_COL_STRING}, {"community", FNET_COL_INTEGER},
        {"event", FNET_COL_STRING},  {"compared_with", FNET_COL_STRING},
        {"links", FNET_COL_STRING},  {"size", FNET_COL_INTEGER},
        {"members", FNET_COL_STRING}};
    const fnet_tracking *tr = &j->e->tracking;
    fnet_buf links = {0};
    int rc = fnet_table_new(t, tc, sizeof tc / sizeof tc[0]);
    for (size_t i = 0; !rc && i < tr->n_entries; i++) {
        const fnet_track_entry *x = &tr->entries[i];
        const fnet_snapshot *s = &j->e->snap[x->period];
        const fnet_snapshot *from =
            x->event == FNET_TRACK_DIED ? &j->e->snap[x->prev] : s;
        size_t row;
        uint32_t size = members(from, x->community, &j->buf);
        fnet_buf_reset(&links);
        for (size_t k = 0; k < x->n_links; k++)
            fnet_buf_printf(&links, "%s%u (J=%.3f)", k ? "; " : "",
                            x->links[k].id, x->links[k].jaccard);
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0, s->period.label)) ||
            (rc = fnet_table_set_str(*t, row, 2,
                                     fnet_track_event_name(x->event))) ||
            (rc = fnet_table_set_str(*t, row, 3,
                                     x->prev == SIZE_MAX
                                         ? NULL
                                         : j->e->snap[x->prev].period.label)) ||
            (rc = fnet_table_set_str(
                 *t, row, 4, links.len ? fnet_buf_str(&links) : NULL)) ||
            (rc = fnet_table_set_str(*t, row, 6, fnet_buf_str(&j->buf))))
            break;
        fnet_table_set_int(*t, row, 1, x->id);
        fnet_table_set_int(*t, row, 5, size);
        if (!fnet_buf_ok(&j->buf) || !fnet_buf_ok(&links))
            rc = FNET_ENOMEM;
    }
    fnet_buf_free(&links);
    return rc;
}

static int make_table(job *j, int which, fnet_table **t, fnet_err *err)
{
    int rc;
    *t = NULL;
    switch (which) {
    case TABLE_NODES: rc = nodes_table(j, t); break;
    case TABLE_GRAPH: rc = graph_table(j, t); break;
    case TABLE_RANKS: rc = ranks_table(j, t); break;
    default: rc = communities_table(j, t);
    }
    return rc ? fnet_err_set(err, FNET_ENOMEM, "out of memory") : 0;
}

/* ---- writing ----------------------------------------------------------- */

static const char *mode_text(const fnet_period_spec *p, char *buf, size_t n)
{
    if (p->mode == FNET_PERIODS_CUMULATIVE)
        return "cumulative (everything up to the period's end)";
    if (p->mode == FNET_PERIODS_WINDOW) {
        snprintf(buf, n, "sliding window of %d periods", p->window);
        return buf;
    }
    return "each period on its own";
}

static void md_header(const job *j, FILE *fp)
{
    const fnet_evolution *e = j->e;
    const fnet_evolve_opts *ev = &j->o->ev;
    size_t active = 0;
    char w[64];
    for (size_t p = 0; p < e->n; p++)
        active += !e->snap[p].empty;
    fputs("# Evolution", fp);
    if (e->corpus->title) {
        fputs(": ", fp);
        fnet_table_put_md(fp, e->corpus->title); /* one line, always */
    }
    fputs("\n\n", fp);
    fprintf(fp, "Periods: %zu (%s to %s; %zu with facts), %s. ", e->n,
            e->snap[0].period.label, e->snap[e->n - 1].period.label, active,
            mode_text(&ev->periods, w, sizeof w));
    fprintf(fp, "Undated facts: %llu, %s. ", (unsigned long long)e->undated,
            ev->keep_undated ? "in every snapshot" : "in no snapshot");
    fprintf(fp,
            "A node is present in a period when it has an edge there. "
            "Communities: %s, followed across periods by Jaccard overlap >= "
            "%g. Ranks by %s.\n",
            fnet_community_algorithm_name(ev->community.algorithm),
            ev->threshold, fnet_metric_name(ev->rank_metric));
}

static int write_one(job *j, int which, FILE *fp, const fnet_table_style *st,
                     fnet_err *err)
{
    fnet_table *t = NULL;
    int rc = make_table(j, which, &t, err);
    if (!rc)
        rc = fnet_table_write(t, fp, st, err);
    fnet_table_free(t);
    return rc;
}

/* Every table in one stream: md sections, a json object, latex floats. */
static int write_all(job *j, FILE *fp, fnet_err *err)
{
    fnet_table_style st = j->o->style;
    int fmt = st.format, rc = 0;
    if (fmt == FNET_TABLE_MD)
        md_header(j, fp);
    if (fmt == FNET_TABLE_JSON)
        fputs("{\n", fp);
    for (int k = 0; !rc && k < N_TABLES; k++) {
        if (fmt == FNET_TABLE_MD && k == TABLE_RANKS)
            fprintf(fp, "\n## %s (by %s)\n\n", table_titles[k],
                    fnet_metric_name(j->o->ev.rank_metric));
        else if (fmt == FNET_TABLE_MD)
            fprintf(fp, "\n## %s\n\n", table_titles[k]);
        if (fmt == FNET_TABLE_JSON)
            fprintf(fp, "%s\"%s\": ", k ? ",\n" : "", table_names[k]);
        st.caption = fmt == FNET_TABLE_LATEX ? table_titles[k] : NULL;
        rc = write_one(j, k, fp, &st, err);
    }
    if (!rc && fmt == FNET_TABLE_JSON)
        fputs("}\n", fp);
    return rc;
}

static int write_stream(job *j, const char *path, int which, fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    FILE *fp = fnet_outfile_stream(f);
    if (which < 0)
        rc = write_all(j, fp, err);
    else
        rc = write_one(j, which, fp, &j->o->style, err);
    return fnet_outfile_end(f, rc, err);
}

static int write_dir(job *j, fnet_err *err)
{
    static const char *const ext[] = {"csv", "tsv", "md", "tex", "json"};
    const char *dir = j->o->out_dir;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return fnet_err_set(err, FNET_EIO, "%s: %s", dir, strerror(errno));
    for (int k = 0; k < N_TABLES; k++) {
        fnet_buf path = {0};
        fnet_buf_printf(&path, "%s/%s.%s", dir, table_names[k],
                        ext[j->o->style.format]);
        int rc = fnet_buf_ok(&path)
                     ? write_stream(j, fnet_buf_str(&path), k, err)
                     : fnet_err_set(err, FNET_ENOMEM, "out of memory");
        fnet_buf_free(&path);
        if (rc)
            return rc;
    }
    return 0;
}

static int write_output(job *j, fnet_err *err)
{
    const eopts *o = j->o;
    int fmt = o->style.format;
    if (o->out_dir)
        return write_dir(j, err);
    int which = o->table;
    if (which < 0 && (fmt == FNET_TABLE_CSV || fmt == FNET_TABLE_TSV))
        which = TABLE_NODES; /* a CSV file holds one table */
    return write_stream(j, o->out ? o->out : "-", which, err);
}

/* ---- the command ------------------------------------------------------- */

static int parse(eopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_graphopts_parse_args("evolve", options, o, &o->g, &o->in,
                                           argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("evolve", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    return check_options(o) ? FNET_EXIT_OK : FNET_EXIT_USAGE;
}

/* The columns shown: the signed ones join the default list only when some
 * snapshot has a negative edge. */
static void shown_columns(job *j, const int *cols, size_t n)
{
    j->n_cols = 0;
    for (size_t i = 0; i < n; i++)
        if (j->o->columns || j->e->negative ||
            !(FNET_METRICS_SIGNED & FNET_METRIC_BIT(cols[i])))
            j->cols[j->n_cols++] = cols[i];
}

static void note_undated(const eopts *o, const fnet_evolution *e)
{
    if (e->undated && !o->ev.keep_undated)
        fnet_cli_error("note: %llu undated fact%s left out of every "
                       "snapshot (--undated keep puts them in every one)",
                       (unsigned long long)e->undated,
                       e->undated == 1 ? "" : "s");
}

int fnet_cmd_evolve(int argc, char **argv)
{
    eopts o = {.table = -1, .layout = -1, .top = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &help};
    size_t n_cols = 0;
    int cols[FNET_M_COUNT];
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_evolution e = {0};
    job j = {.o = &o, .e = &e};

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    fnet_evolve_opts_init(&o.ev);
    o.style.format = FNET_TABLE_MD;
    o.style.digits = -1;
    status = parse(&o, argc, argv, &r);
    if (status == FNET_EXIT_OK && !r.done && !parse_columns(&o, cols, &n_cols))
        status = FNET_EXIT_USAGE;
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    o.ev.metrics.want = 0;
    for (size_t i = 0; i < n_cols; i++)
        o.ev.metrics.want |= FNET_METRIC_BIT(cols[i]);
    j.wide = o.layout >= 0 ? o.layout == 1
                           : o.style.format == FNET_TABLE_MD ||
                                 o.style.format == FNET_TABLE_LATEX;
    rc = FNET_OK;
    status = fnet_cli_load(&c, "evolve", r.paths, r.n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    if (rc == 0)
        rc = fnet_evolve_run(&e, c, &o.ev, &err);
    if (rc == 0) {
        note_undated(&o, &e);
        shown_columns(&j, cols, n_cols);
        rc = write_output(&j, &err);
    }
    if (rc == 0 && o.dot_dir)
        rc = fnet_evolve_dot(&e, &o.ev, o.dot_dir, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage("evolve", "%s", err.msg);
    else
        status = rc ? fnet_cli_fail(&err) : FNET_EXIT_OK;
out:
    fnet_buf_free(&j.buf);
    fnet_evolution_free(&e);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

/* evolve_table.c - `factnet evolve`'s tables (evolve_table.h). */
#include "output/tables/evolve_table.h"

#include "core/buf.h"
#include "core/outfile.h"
#include "output/tables/metrics_table.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const fnet_evolve_table_names[FNET_EVOLVE_PIVOT + 2] = {
    "nodes", "graph", "ranks", "communities", "pivot", NULL};
const char *const fnet_pivot_by_names[3] = {"last", "overall", NULL};
static const char *const table_titles[FNET_EVOLVE_TABLES] = {
    "Node metrics", "Graph metrics per period", "Rank changes",
    "Communities over time"};

/* ---- tables ------------------------------------------------------------ */

typedef struct job {
    const fnet_evolve_write_opts *o;
    const fnet_evolution *e;
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

/* LaTeX: the tables a column holds, with human headers (below). */
static bool tex(const job *j)
{
    return j->o->style.format == FNET_TABLE_LATEX;
}

/* period, id, label, type of snapshot s's node v into the first four
 * cells; in LaTeX period and label only (the two first). */
static int node_cells(const job *j, fnet_table *t, size_t row,
                      const fnet_snapshot *s, uint32_t v)
{
    const fnet_entity *e = fnet_graph_node_entity(s->g, v);
    int rc;
    if ((rc = fnet_table_set_str(t, row, 0, s->period.label)) || tex(j))
        return rc ? rc : fnet_table_set_str(t, row, 1, e->label);
    if ((rc = fnet_table_set_str(t, row, 1, e->id)) ||
        (rc = fnet_table_set_str(t, row, 2, e->label)))
        return rc;
    return fnet_table_set_str(t, row, 3, e->type);
}

/* Human headers for every column of t, and column wrap (a text column)
 * wrapping: the LaTeX form of a table. */
static int tex_headers(fnet_table *t, size_t wrap)
{
    fnet_table_mark_wrap(t, wrap);
    return fnet_metrics_table_human_headers(t);
}

static int nodes_table(job *j, fnet_table **t)
{
    fnet_table_col tc[4 + FNET_M_COUNT] = {{"period", FNET_COL_STRING},
                                           {"id", FNET_COL_STRING},
                                           {"label", FNET_COL_STRING},
                                           {"type", FNET_COL_STRING}};
    size_t lead = tex(j) ? 2 : 4, nc = lead;
    if (tex(j))
        tc[1] = tc[2];
    if (j->o->wide) {
        for (size_t c = 0; c < j->o->n_cols; c++)
            tc[nc++] = (fnet_table_col){fnet_metric_name(j->o->cols[c]),
                                        FNET_COL_REAL};
    } else {
        tc[nc++] = (fnet_table_col){"metric", FNET_COL_STRING};
        tc[nc++] = (fnet_table_col){"value", FNET_COL_REAL};
    }
    int rc = fnet_table_new(t, tc, nc);
    if (!rc && tex(j))
        rc = tex_headers(*t, 1);
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
            for (size_t c = 0; !rc && c < j->o->n_cols; c++) {
                int m = j->o->cols[c];
                if ((c == 0 || !j->o->wide) &&
                    !(rc = fnet_table_add_row(*t, &row)))
                    rc = node_cells(j, *t, row, s, v);
                if (!rc && !j->o->wide)
                    rc = fnet_table_set_str(
                        *t, row, lead,
                        tex(j) ? fnet_metrics_table_header(fnet_metric_name(m))
                               : fnet_metric_name(m));
                if (!rc)
                    set_value(*t, row, j->o->wide ? lead + c : lead + 1, m,
                              s->m.value[m][v]);
            }
        }
        free(r);
    }
    return rc;
}

static const char *const graph_names[] = {"nodes",
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
static const bool graph_integer[] = {true,  true,  false, true,  true,
                                     true,  false, false, false, false,
                                     false, true,  false, true,  false};

/* The graph metrics of snapshot s in graph_names order. */
static void graph_values(const fnet_snapshot *s, double v[15])
{
    const fnet_graph_metrics *g = &s->gm;
    double x[15] = {g->nodes,
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
    memcpy(v, x, sizeof x);
}

static void set_graph_value(fnet_table *t, size_t row, size_t col, size_t k,
                            double v)
{
    if (graph_integer[k] && isfinite(v))
        fnet_table_set_int(t, row, col, (int64_t)v);
    else
        fnet_table_set_real(t, row, col, v);
}

/* LaTeX: the graph metrics (rows, wrapping names) by period with facts
 * (columns), which a column holds where a row per period with 17 number
 * columns could not. */
static int graph_table_tex(job *j, fnet_table **t)
{
    const fnet_evolution *e = j->e;
    size_t nm = e->negative ? 15 : 13, nc = 1;
    fnet_table_col *tc = calloc(e->n + 1, sizeof *tc);
    if (!tc)
        return FNET_ENOMEM;
    tc[0] = (fnet_table_col){"metric", FNET_COL_STRING};
    for (size_t p = 0; p < e->n; p++)
        if (!e->snap[p].empty)
            tc[nc++] = (fnet_table_col){e->snap[p].period.label, FNET_COL_REAL};
    int rc = fnet_table_new(t, tc, nc);
    free(tc);
    if (!rc)
        rc = tex_headers(*t, 0);
    for (size_t k = 0; !rc && k <= nm; k++) {
        size_t row;
        const char *name = k ? graph_names[k - 1] : "facts";
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0,
                                     fnet_metrics_table_header(name))))
            break;
        for (size_t p = 0, col = 1; p < e->n; p++) {
            const fnet_snapshot *s = &e->snap[p];
            double v[15];
            if (s->empty)
                continue;
            graph_values(s, v);
            if (k)
                set_graph_value(*t, row, col++, k - 1, v[k - 1]);
            else
                fnet_table_set_int(*t, row, col++, (int64_t)s->g->n_facts_used);
        }
    }
    return rc;
}

static int graph_table(job *j, fnet_table **t)
{
    size_t nm = j->e->negative ? 15 : 13;
    fnet_table_col tc[4 + 15] = {{"period", FNET_COL_STRING},
                                 {"start", FNET_COL_STRING},
                                 {"end", FNET_COL_STRING},
                                 {"facts", FNET_COL_INTEGER}};
    if (tex(j))
        return graph_table_tex(j, t);
    for (size_t k = 0; k < nm; k++)
        tc[4 + k] = (fnet_table_col){graph_names[k], FNET_COL_REAL};
    int rc = fnet_table_new(t, tc, 4 + nm);
    for (size_t p = 0; !rc && p < j->e->n; p++) {
        const fnet_snapshot *s = &j->e->snap[p];
        char a[11], b[11];
        double v[15];
        size_t row;
        fnet_date_format(s->period.from, a);
        fnet_date_format(s->period.to, b);
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0, s->period.label)) ||
            (rc = fnet_table_set_str(*t, row, 1, a)) ||
            (rc = fnet_table_set_str(*t, row, 2, b)))
            break;
        fnet_table_set_int(*t, row, 3, (int64_t)s->g->n_facts_used);
        graph_values(s, v);
        for (size_t k = 0; k < nm; k++)
            set_graph_value(*t, row, 4 + k, k, v[k]);
    }
    return rc;
}

static bool in_top(const job *j, uint32_t rank)
{
    return j->o->top < 0 || (rank && rank <= (uint32_t)j->o->top);
}

/* LaTeX: periods ("2013--2014", an en dash in TeX), entity (wrapping),
 * rank before and after, status: what a column holds of the rank changes
 * (the values are the pivot's). */
static int ranks_table_tex(job *j, fnet_table **t)
{
    static const fnet_table_col tc[] = {{"periods", FNET_COL_STRING},
                                        {"label", FNET_COL_STRING},
                                        {"rank_from", FNET_COL_INTEGER},
                                        {"rank_to", FNET_COL_INTEGER},
                                        {"status", FNET_COL_STRING}};
    int rc = fnet_table_new(t, tc, sizeof tc / sizeof tc[0]);
    if (!rc)
        rc = tex_headers(*t, 1);
    for (size_t i = 0; !rc && i < j->e->n_ranks; i++) {
        const fnet_rank_change *r = &j->e->ranks[i];
        size_t row;
        if (!in_top(j, r->rank_from) && !in_top(j, r->rank_to))
            continue;
        fnet_buf_reset(&j->buf);
        fnet_buf_printf(&j->buf, "%s--%s", j->e->snap[r->from].period.label,
                        j->e->snap[r->to].period.label);
        if (!fnet_buf_ok(&j->buf) || (rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, 0, fnet_buf_str(&j->buf))) ||
            (rc =
                 fnet_table_set_str(*t, row, 1, entity(j, r->entity)->label)) ||
            (rc = fnet_table_set_str(*t, row, 4,
                                     fnet_rank_status_name(r->status))))
            return rc ? rc : FNET_ENOMEM;
        if (r->rank_from)
            fnet_table_set_int(*t, row, 2, r->rank_from);
        if (r->rank_to)
            fnet_table_set_int(*t, row, 3, r->rank_to);
    }
    return rc;
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
    int m = j->o->ev->rank_metric;
    if (tex(j))
        return ranks_table_tex(j, t);
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

/* The LaTeX row of tracking entry x (its members in j->buf): period, id,
 * "event: links", size, members. */
static int communities_row_tex(job *j, fnet_table *t, const fnet_track_entry *x,
                               const fnet_snapshot *s, uint32_t size)
{
    fnet_buf ev = {0};
    size_t row;
    fnet_buf_puts(&ev, fnet_track_event_name(x->event));
    for (size_t k = 0; k < x->n_links; k++)
        fnet_buf_printf(&ev, "%s%u (J=%.3f)", k ? "; " : ": ", x->links[k].id,
                        x->links[k].jaccard);
    int rc = fnet_buf_ok(&ev) && fnet_buf_ok(&j->buf)
                 ? fnet_table_add_row(t, &row)
                 : FNET_ENOMEM;
    if (!rc && !(rc = fnet_table_set_str(t, row, 0, s->period.label)) &&
        !(rc = fnet_table_set_str(t, row, 2, fnet_buf_str(&ev))) &&
        !(rc = fnet_table_set_str(t, row, 4, fnet_buf_str(&j->buf)))) {
        fnet_table_set_int(t, row, 1, x->id);
        fnet_table_set_int(t, row, 3, size);
    }
    fnet_buf_free(&ev);
    return rc;
}

static int communities_table(job *j, fnet_table **t)
{
    static const fnet_table_col tc[] = {
        {"period", FNET_COL_STRING}, {"community", FNET_COL_INTEGER},
        {"event", FNET_COL_STRING},  {"compared_with", FNET_COL_STRING},
        {"links", FNET_COL_STRING},  {"size", FNET_COL_INTEGER},
        {"members", FNET_COL_STRING}};
    /* LaTeX: period, id, event with its links (wrapping), size, members
     * (wrapping): what a column holds. */
    static const fnet_table_col tex_tc[] = {{"period", FNET_COL_STRING},
                                            {"id", FNET_COL_INTEGER},
                                            {"event", FNET_COL_STRING},
                                            {"size", FNET_COL_INTEGER},
                                            {"members", FNET_COL_STRING}};
    const fnet_tracking *tr = &j->e->tracking;
    fnet_buf links = {0};
    int rc = tex(j) ? fnet_table_new(t, tex_tc, 5)
                    : fnet_table_new(t, tc, sizeof tc / sizeof tc[0]);
    if (!rc && tex(j) && !(rc = tex_headers(*t, 2)))
        fnet_table_mark_wrap(*t, 4);
    for (size_t i = 0; !rc && i < tr->n_entries; i++) {
        const fnet_track_entry *x = &tr->entries[i];
        const fnet_snapshot *s = &j->e->snap[x->period];
        const fnet_snapshot *from =
            x->event == FNET_TRACK_DIED ? &j->e->snap[x->prev] : s;
        size_t row;
        uint32_t size = members(from, x->community, &j->buf);
        fnet_buf_reset(&links);
        if (tex(j)) {
            rc = communities_row_tex(j, *t, x, s, size);
            continue;
        }
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

/* ---- the pivot: one metric, nodes x periods ---------------------------- */

/* A row's sort key; qsort has no context argument in C17, so it carries
 * the id that breaks ties. */
typedef struct pivot_row {
    uint32_t entity;
    const char *id;
    bool in_last; /* by last, with a defined value in the last period */
    double last, mean;
} pivot_row;

static int cmp_pivot(const void *x, const void *y)
{
    const pivot_row *a = x, *b = y;
    if (a->in_last != b->in_last)
        return a->in_last ? -1 : 1;
    if (a->in_last && a->last != b->last)
        return a->last > b->last ? -1 : 1;
    if (a->mean != b->mean)
        return a->mean > b->mean ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* The rows of the pivot in order: every entity present in some period,
 * keyed as enum fnet_pivot_by says. *n_out rows in *out (free()). */
static int pivot_rows(const job *j, pivot_row **out, size_t *n_out)
{
    const fnet_evolution *e = j->e;
    const fnet_corpus *c = e->corpus;
    int m = j->o->pivot_metric;
    size_t active = 0, last = SIZE_MAX, n = 0;
    pivot_row *r = calloc(c->n_entities ? c->n_entities : 1, sizeof *r);
    bool *seen = calloc(c->n_entities ? c->n_entities : 1, sizeof *seen);
    if (!r || !seen) {
        free(r);
        free(seen);
        return FNET_ENOMEM;
    }
    for (size_t p = 0; p < e->n; p++)
        if (!e->snap[p].empty)
            active++, last = p;
    for (size_t p = 0; p < e->n; p++) {
        const fnet_snapshot *s = &e->snap[p];
        for (uint32_t v = 0; !s->empty && v < s->g->n_nodes; v++) {
            uint32_t ent =
                (uint32_t)(fnet_graph_node_entity(s->g, v) - c->entities);
            double x = s->m.value[m][v];
            seen[ent] = true;
            r[ent].entity = ent;
            r[ent].id = c->entities[ent].id;
            if (!isnan(x))
                r[ent].mean += x / (double)active;
            if (p == last && !isnan(x)) {
                r[ent].in_last = j->o->pivot_by == FNET_PIVOT_LAST;
                r[ent].last = x;
            }
        }
    }
    for (uint32_t i = 0; i < c->n_entities; i++)
        if (seen[i])
            r[n++] = r[i];
    free(seen);
    if (n)
        qsort(r, n, sizeof *r, cmp_pivot);
    *out = r;
    *n_out = n;
    return 0;
}

/* Whether snapshot s holds an entity with a row (row_of). */
static bool pivot_shown(const fnet_snapshot *s, const fnet_corpus *c,
                        const size_t *row_of)
{
    for (uint32_t v = 0; !s->empty && v < s->g->n_nodes; v++)
        if (row_of[fnet_graph_node_entity(s->g, v) - c->entities] != SIZE_MAX)
            return true;
    return false;
}

/* The pivot: a column per period where some row's entity is present
 * (periods without facts, or without any entity shown, would be empty
 * columns), a row per entity of pivot_rows() up to --top. */
static int pivot_table(job *j, fnet_table **t)
{
    const fnet_evolution *e = j->e;
    const fnet_corpus *c = e->corpus;
    bool print = fnet_table_format_for_print(j->o->style.format);
    size_t lead = print ? 1 : 3, nc = lead, n = 0;
    int m = j->o->pivot_metric;
    pivot_row *r = NULL;
    size_t *row_of =
        malloc((c->n_entities ? c->n_entities : 1) * sizeof *row_of);
    size_t *col_of = malloc((e->n ? e->n : 1) * sizeof *col_of);
    fnet_table_col *tc = calloc(e->n + 3, sizeof *tc);
    int rc = row_of && col_of && tc ? pivot_rows(j, &r, &n) : FNET_ENOMEM;
    if (!rc && j->o->top >= 0 && (size_t)j->o->top < n)
        n = (size_t)j->o->top;
    for (uint32_t i = 0; !rc && i < c->n_entities; i++)
        row_of[i] = SIZE_MAX;
    for (size_t i = 0; !rc && i < n; i++)
        row_of[r[i].entity] = i;
    if (!rc) {
        tc[0] = (fnet_table_col){"label", FNET_COL_STRING};
        if (!print) {
            tc[0] = (fnet_table_col){"id", FNET_COL_STRING};
            tc[1] = (fnet_table_col){"label", FNET_COL_STRING};
            tc[2] = (fnet_table_col){"type", FNET_COL_STRING};
        }
        for (size_t p = 0; p < e->n; p++) {
            bool shown = pivot_shown(&e->snap[p], c, row_of);
            col_of[p] = shown ? nc : SIZE_MAX;
            if (shown)
                tc[nc++] =
                    (fnet_table_col){e->snap[p].period.label, FNET_COL_REAL};
        }
        rc = fnet_table_new(t, tc, nc);
    }
    if (print && !rc) {
        fnet_table_mark_wrap(*t, 0);
        rc = fnet_table_set_header(*t, 0, fnet_metrics_table_header("label"));
    }
    for (size_t i = 0; !rc && i < n; i++) {
        const fnet_entity *en = &c->entities[r[i].entity];
        size_t row;
        if ((rc = fnet_table_add_row(*t, &row)) ||
            (rc = fnet_table_set_str(*t, row, print ? 0 : 1, en->label)) ||
            (!print && (rc = fnet_table_set_str(*t, row, 0, en->id))) ||
            (!print && (rc = fnet_table_set_str(*t, row, 2, en->type))))
            break;
    }
    for (size_t p = 0; !rc && p < e->n; p++) {
        const fnet_snapshot *s = &e->snap[p];
        for (uint32_t v = 0; col_of[p] != SIZE_MAX && v < s->g->n_nodes; v++) {
            size_t row = row_of[fnet_graph_node_entity(s->g, v) - c->entities];
            if (row != SIZE_MAX)
                set_value(*t, row, col_of[p], m, s->m.value[m][v]);
        }
    }
    free(tc);
    free(col_of);
    free(row_of);
    free(r);
    return rc;
}

/* The pivot's caption ("PageRank by period") and note (what the columns,
 * the empty cells and the rows are, the metric's definition, the
 * weights) in b: caption first, then a NUL, then the note. */
static void pivot_text(const job *j, fnet_buf *b)
{
    const fnet_evolution *e = j->e;
    int m = j->o->pivot_metric;
    const char *h = fnet_metrics_table_header(fnet_metric_name(m));
    const char *last = NULL;
    char def[512] = "";
    for (size_t p = 0; p < e->n; p++)
        if (!e->snap[p].empty)
            last = e->snap[p].period.label;
    fnet_buf_printf(b, "%s by period", h);
    fnet_buf_putc(b, '\0');
    fnet_buf_printf(b,
                    "%s in each period's network (columns: the periods "
                    "where an entity shown has ties; empty: not in that "
                    "period's network). Rows: ",
                    h);
    if (j->o->top >= 0)
        fnet_buf_printf(b, "the top %ld ", j->o->top);
    else
        fnet_buf_printf(b, "every entity ");
    if (j->o->pivot_by == FNET_PIVOT_LAST)
        fnet_buf_printf(b, "by %s in %s, then by the mean over the periods.", h,
                        last ? last : "the last period");
    else
        fnet_buf_printf(b,
                        "by the mean %s over the periods (0 where "
                        "absent).",
                        h);
    fnet_metrics_table_note(def, sizeof def, &m, 1,
                            j->o->ev->metrics.unweighted);
    fnet_buf_printf(b, " %s", def);
}

static int make_table(job *j, int which, fnet_table **t, fnet_err *err)
{
    int rc;
    *t = NULL;
    switch (which) {
    case FNET_EVOLVE_NODES: rc = nodes_table(j, t); break;
    case FNET_EVOLVE_GRAPH: rc = graph_table(j, t); break;
    case FNET_EVOLVE_RANKS: rc = ranks_table(j, t); break;
    case FNET_EVOLVE_PIVOT: rc = pivot_table(j, t); break;
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
    const fnet_evolve_opts *ev = j->o->ev;
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
    fnet_table_style two = *st;
    /* LaTeX's graph table: 2 decimals by default, so that seven periods
     * of signed values ($-$0.31) leave the metric names room in a
     * column. */
    if (which == FNET_EVOLVE_GRAPH && tex(j) && two.digits < 0)
        two.digits = 2;
    int rc = make_table(j, which, &t, err);
    if (!rc && st->format == FNET_TABLE_MD &&
        fnet_metrics_table_human_headers(t))
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (!rc)
        rc = fnet_table_write(t, fp, &two, err);
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
    for (int k = 0; !rc && k < FNET_EVOLVE_TABLES; k++) {
        if (fmt == FNET_TABLE_MD && k == FNET_EVOLVE_RANKS)
            fprintf(fp, "\n## %s (by %s)\n\n", table_titles[k],
                    fnet_metric_name(j->o->ev->rank_metric));
        else if (fmt == FNET_TABLE_MD)
            fprintf(fp, "\n## %s\n\n", table_titles[k]);
        if (fmt == FNET_TABLE_JSON)
            fprintf(fp, "%s\"%s\": ", k ? ",\n" : "",
                    fnet_evolve_table_names[k]);
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
    fnet_table_style st = j->o->style;
    fnet_buf text = {0};
    if (which == FNET_EVOLVE_PIVOT) {
        pivot_text(j, &text);
        if (!fnet_buf_ok(&text))
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        st.caption = text.data;
        st.note = text.data ? text.data + strlen(text.data) + 1 : NULL;
    }
    if (rc == 0 && which < 0)
        rc = write_all(j, fp, err);
    else if (rc == 0)
        rc = write_one(j, which, fp, &st, err);
    fnet_buf_free(&text);
    return fnet_outfile_end(f, rc, err);
}

static int write_dir(job *j, const char *dir, fnet_err *err)
{
    static const char *const ext[] = {"csv", "tsv", "md", "tex", "json"};
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return fnet_err_set(err, FNET_EIO, "%s: %s", dir, strerror(errno));
    for (int k = 0; k < FNET_EVOLVE_TABLES; k++) {
        fnet_buf path = {0};
        fnet_buf_printf(&path, "%s/%s.%s", dir, fnet_evolve_table_names[k],
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

/* ---- entry points ------------------------------------------------------ */

int fnet_evolve_write_file(const char *path, const fnet_evolution *e, int which,
                           const fnet_evolve_write_opts *o, fnet_err *err)
{
    job j = {.o = o, .e = e};
    int rc = write_stream(&j, path, which, err);
    fnet_buf_free(&j.buf);
    return rc;
}

int fnet_evolve_write_dir(const char *dir, const fnet_evolution *e,
                          const fnet_evolve_write_opts *o, fnet_err *err)
{
    job j = {.o = o, .e = e};
    int rc = write_dir(&j, dir, err);
    fnet_buf_free(&j.buf);
    return rc;
}

void fnet_evolve_table_default_choice(fnet_metrics_table_choice *ch, int format)
{
    static const int def[] = {FNET_M_DEGREE,      FNET_M_BETWEENNESS,
                              FNET_M_PAGERANK,    FNET_M_COMMUNITY,
                              FNET_M_POS_DEGREE,  FNET_M_NEG_DEGREE,
                              FNET_M_NET_STRENGTH};
    memset(ch, 0, sizeof *ch);
    memcpy(ch->cols, def, sizeof def);
    /* A column of a page holds the three centralities (as `metrics`). */
    ch->n_cols = format == FNET_TABLE_LATEX ? 3 : sizeof def / sizeof def[0];
    ch->want = fnet_metrics_table_want(ch->cols, ch->n_cols);
}

size_t fnet_evolve_table_shown_columns(int *cols, size_t n, bool given,
                                       const fnet_evolution *e)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (given || e->negative ||
            !(FNET_METRICS_SIGNED & FNET_METRIC_BIT(cols[i])))
            cols[k++] = cols[i];
    return k;
}

bool fnet_evolve_table_wide(int format)
{
    return format == FNET_TABLE_MD || format == FNET_TABLE_LATEX;
}

int fnet_evolve_write(const char *path, const char *dir,
                      const fnet_evolution *e, int which,
                      const fnet_evolve_write_opts *o, fnet_err *err)
{
    int fmt = o->style.format;
    if (dir)
        return fnet_evolve_write_dir(dir, e, o, err);
    if (which < 0 && (fmt == FNET_TABLE_CSV || fmt == FNET_TABLE_TSV))
        which = FNET_EVOLVE_NODES; /* a CSV file holds one table */
    return fnet_evolve_write_file(path ? path : "-", e, which, o, err);
}

/* metrics_table.c - node and graph metrics as tables (metrics_table.h). */
#include "output/tables/metrics_table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fnet_metrics_table_column_from_name(const char *name)
{
    if (strcmp(name, "id") == 0)
        return FNET_MCOL_ID;
    if (strcmp(name, "label") == 0)
        return FNET_MCOL_LABEL;
    if (strcmp(name, "type") == 0)
        return FNET_MCOL_TYPE;
    if (strcmp(name, "stability") == 0)
        return FNET_MCOL_STABILITY;
    int m = fnet_metric_from_name(name);
    return m >= 0 ? m : FNET_MCOL_UNKNOWN;
}

bool fnet_metrics_table_columns_each(const char *list,
                                     bool (*add)(void *ctx, int col,
                                                 const char *name),
                                     void *ctx)
{
    char name[64];
    for (const char *p = list;;) {
        size_t len = strcspn(p, ",");
        snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), p);
        if (!add(ctx, fnet_metrics_table_column_from_name(name), name))
            return false;
        if (!p[len])
            return true;
        p += len + 1;
    }
}

unsigned fnet_metrics_table_want(const int *cols, size_t n)
{
    unsigned want = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i] >= 0)
            want |= FNET_METRIC_BIT(cols[i]);
    return want;
}

/* The --columns walker's add for a choice: a column of its kind, once. */
static bool choose_one(void *ctx, int col, const char *name)
{
    fnet_metrics_table_choice *ch = ctx;
    bool fixed =
        col == FNET_MCOL_ID || col == FNET_MCOL_LABEL || col == FNET_MCOL_TYPE;
    snprintf(ch->bad, sizeof ch->bad, "%s", name);
    ch->problem = FNET_MCHOICE_UNKNOWN;
    if (col == FNET_MCOL_UNKNOWN ||
        (ch->kind == FNET_MCHOICE_METRICS && col < 0))
        return false;
    if (ch->kind == FNET_MCHOICE_EXPORT && fixed)
        return true;
    ch->problem = FNET_MCHOICE_STABILITY;
    if (ch->kind == FNET_MCHOICE_EXPORT && col == FNET_MCOL_STABILITY &&
        ch->runs < 2)
        return false;
    ch->problem = FNET_MCHOICE_TWICE;
    for (size_t i = 0; i < ch->n_cols; i++)
        if (ch->cols[i] == col)
            return false;
    ch->problem = FNET_MCHOICE_FULL;
    if (ch->n_cols == sizeof ch->cols / sizeof ch->cols[0])
        return false;
    ch->problem = FNET_MCHOICE_OK;
    ch->cols[ch->n_cols++] = col;
    return true;
}

int fnet_metrics_table_choose_list(fnet_metrics_table_choice *out,
                                   const char *columns, int kind, long runs)
{
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->runs = runs;
    if (!fnet_metrics_table_columns_each(columns, choose_one, out))
        return out->problem;
    out->bad[0] = '\0';
    out->want = fnet_metrics_table_want(out->cols, out->n_cols);
    for (size_t i = 0; i < out->n_cols; i++)
        out->stability |= out->cols[i] == FNET_MCOL_STABILITY;
    return FNET_MCHOICE_OK;
}

int fnet_metrics_table_choose(fnet_metrics_table_choice *out,
                              const char *columns, const char *sort,
                              const fnet_graph *g, long runs)
{
    int problem = FNET_MCHOICE_OK;
    if (columns) {
        problem = fnet_metrics_table_choose_list(out, columns,
                                                 FNET_MCHOICE_TABLE, runs);
        if (problem)
            return problem;
    } else {
        memset(out, 0, sizeof *out);
        out->runs = runs;
        out->n_cols =
            fnet_metrics_table_default_columns(out->cols, g, runs > 1);
        out->stability = runs > 1;
    }
    const char *s = sort ? sort : "pagerank";
    snprintf(out->bad, sizeof out->bad, "%s", s);
    out->sort = fnet_metrics_table_column_from_name(s);
    if (out->sort == FNET_MCOL_UNKNOWN)
        return FNET_MCHOICE_SORT_UNKNOWN;
    out->bad[0] = '\0';
    if (out->stability && runs < 2)
        return FNET_MCHOICE_STABILITY;
    if (out->sort == FNET_MCOL_STABILITY && runs < 2)
        return FNET_MCHOICE_SORT_STABILITY;
    out->stability |= out->sort == FNET_MCOL_STABILITY;
    out->want = fnet_metrics_table_want(out->cols, out->n_cols) |
                fnet_metrics_table_want(&out->sort, 1);
    return FNET_MCHOICE_OK;
}

const char *fnet_metrics_table_column_name(int col)
{
    switch (col) {
    case FNET_MCOL_ID: return "id";
    case FNET_MCOL_LABEL: return "label";
    case FNET_MCOL_TYPE: return "type";
    case FNET_MCOL_STABILITY: return "stability";
    default: return fnet_metric_name(col);
    }
}

/* Human headers and one-line definitions of the ids (the note writes
 * "Header: definition."); NULL definition: a column that needs none (id,
 * label, type) or a graph-level row. */
static const struct {
    const char *id, *header, *definition;
} humans[] = {
    {"id", "Id", NULL},
    {"label", "Entity", NULL},
    {"type", "Type", NULL},
    {"degree", "Degree", "number of neighbours"},
    {"in_degree", "In-degree", "ties received"},
    {"out_degree", "Out-degree", "ties sent"},
    {"strength", "Strength", "sum of tie weights"},
    {"pos_degree", "Pos. degree", "neighbours with a positive tie"},
    {"neg_degree", "Neg. degree", "neighbours with a negative tie"},
    {"net_strength", "Net strength", "positive minus negative tie weights"},
    {"betweenness", "Betweenness", "share of shortest paths through the node"},
    {"closeness", "Closeness", "inverse mean distance to the nodes it reaches"},
    {"harmonic", "Harmonic", "mean inverse distance to the other nodes"},
    {"eigenvector", "Eigenvector", "centrality from central neighbours, max 1"},
    {"pagerank", "PageRank",
     "random-walk centrality (damping 0.85), sums to 1"},
    {"hub", "Hub", "HITS hub score"},
    {"authority", "Authority", "HITS authority score"},
    {"coreness", "Coreness", "the largest k of a k-core holding the node"},
    {"clustering", "Clustering", "share of neighbour pairs that are tied"},
    {"constraint", "Constraint", "Burt's constraint (low: brokerage)"},
    {"community", "Community", "the node's community"},
    {"stability", "Stability",
     "share of runs putting the node with its usual community"},
    {"metric", "Metric", NULL},
    {"value", "Value", NULL},
    {"nodes", "Nodes", NULL},
    {"edges", "Edges", NULL},
    {"density", "Density", NULL},
    {"components", "Components", NULL},
    {"largest_component", "Largest component", NULL},
    {"diameter", "Diameter", NULL},
    {"average_path_length", "Avg. path length", NULL},
    {"transitivity", "Transitivity", NULL},
    {"average_clustering", "Avg. clustering", NULL},
    {"degree_assortativity", "Degree assortativity", NULL},
    {"type_assortativity", "Type assortativity", NULL},
    {"communities", "Communities", NULL},
    {"modularity", "Modularity", NULL},
    {"modularity_mean", "Modularity, mean over runs", NULL},
    {"modularity_sd", "Modularity, s.d. over runs", NULL},
    {"modularity_min", "Modularity, min over runs", NULL},
    {"modularity_max", "Modularity, max over runs", NULL},
    {"negative_edges", "Negative edges", NULL},
    {"mixed_edges", "Mixed-sign edges", NULL},
    {"negative_within", "Negative ties within communities", NULL},
    {"positive_between", "Positive ties between communities", NULL},
    {"frustration", "Frustration", NULL},
    {"communities_positive_part",
     "Communities on the positive part, max(w+ - w-, 0)", NULL},
    /* balance's summary rows */
    {"positive_pairs", "Positive pairs", NULL},
    {"negative_pairs", "Negative pairs", NULL},
    {"mixed_pairs", "Mixed-sign pairs", NULL},
    {"unsigned_pairs", "Unsigned pairs", NULL},
    {"triangles", "Triangles", NULL},
    {"excluded_triangles", "Excluded triangles", NULL},
    {"triangles_ppp", "Triangles + + +", NULL},
    {"triangles_ppn", "Triangles + + -", NULL},
    {"triangles_pnn", "Triangles + - -", NULL},
    {"triangles_nnn", "Triangles - - -", NULL},
    {"balanced", "Balanced", NULL},
    {"unbalanced", "Unbalanced", NULL},
    {"balance_ratio", "Balance ratio", NULL},
    /* The other columns of evolve's and balance's md and LaTeX tables. */
    {"start", "Start", NULL},
    {"end", "End", NULL},
    {"from", "From", NULL},
    {"to", "To", NULL},
    {"change", "Change", NULL},
    {"value_from", "Value before", NULL},
    {"value_to", "Value after", NULL},
    {"compared_with", "Compared with", NULL},
    {"links", "Links", NULL},
    {"fact_sign", "Fact sign", NULL},
    {"subject", "Subject", NULL},
    {"relation", "Relation", NULL},
    {"object", "Object", NULL},
    {"date", "Date", NULL},
    {"weight", "Weight", NULL},
    {"confidence", "Confidence", NULL},
    {"quote", "Quote", NULL},
    {"source", "Source", NULL},
    {"location", "Location", NULL},
    {"period", "Period", NULL},
    {"facts", "Facts", NULL},
    {"periods", "Periods", NULL},
    {"rank_from", "Before", NULL},
    {"rank_to", "After", NULL},
    {"status", "Status", NULL},
    {"event", "Event", NULL},
    {"size", "Size", NULL},
    {"members", "Members", NULL},
    {"triangle", "No.", NULL},
    {"pattern", "Signs", NULL},
    {"pair", "Pair", NULL},
    {"pair_sign", "Sign", NULL},
    {"fact", "Fact", NULL},
};

const char *fnet_metrics_table_header(const char *id)
{
    for (size_t i = 0; i < sizeof humans / sizeof humans[0]; i++)
        if (strcmp(humans[i].id, id) == 0)
            return humans[i].header;
    return id;
}

int fnet_metrics_table_human_headers(fnet_table *t)
{
    int rc = 0;
    for (size_t c = 0; !rc && c < fnet_table_cols(t); c++)
        rc = fnet_table_set_header(
            t, c, fnet_metrics_table_header(fnet_table_col_name(t, c)));
    return rc;
}

const char *fnet_metrics_table_default_list(int format, int runs)
{
    if (format != FNET_TABLE_LATEX)
        return NULL;
    return runs > 1 ? "label,betweenness,pagerank,stability"
                    : "label,degree,betweenness,pagerank";
}

void fnet_metrics_table_note(char *out, size_t size, const int *cols,
                             size_t n_cols, bool unweighted)
{
    size_t len = strlen(out);
    if (len && len + 1 < size) {
        out[len++] = ' ';
        out[len] = '\0';
    }
    for (size_t c = 0; c < n_cols; c++) {
        const char *id = fnet_metrics_table_column_name(cols[c]);
        for (size_t i = 0; id && i < sizeof humans / sizeof humans[0]; i++)
            if (humans[i].definition && strcmp(humans[i].id, id) == 0 &&
                len < size)
                len += (size_t)snprintf(out + len, size - len, "%s: %s. ",
                                        humans[i].header, humans[i].definition);
    }
    if (len < size)
        snprintf(out + len, size - len, "%s",
                 unweighted
                     ? "Unweighted: every tie counts 1."
                     : "Weights: tie strength, the sum of its facts' weights.");
}

size_t fnet_metrics_table_default_columns(int *cols, const fnet_graph *g,
                                          bool stability)
{
    size_t n = 0;
    bool neg = fnet_graph_has_negative(g);
    cols[n++] = FNET_MCOL_ID;
    cols[n++] = FNET_MCOL_LABEL;
    cols[n++] = FNET_MCOL_TYPE;
    for (int m = 0; m < FNET_M_COUNT; m++)
        if (neg || !(FNET_METRICS_SIGNED & FNET_METRIC_BIT(m)))
            cols[n++] = m;
    if (stability)
        cols[n++] = FNET_MCOL_STABILITY;
    return n;
}

static bool is_text(int col)
{
    return col == FNET_MCOL_ID || col == FNET_MCOL_LABEL ||
           col == FNET_MCOL_TYPE;
}

/* The value of node v in a number column; NaN when undefined. */
static double number(const fnet_metrics_table_data *d, int col, uint32_t v)
{
    if (col == FNET_MCOL_STABILITY)
        return d->stability ? d->stability[v] : NAN;
    if (col == FNET_M_COMMUNITY && d->community)
        return (double)d->community[v];
    return d->m->value[col] ? d->m->value[col][v] : NAN;
}

static const char *text(const fnet_metrics_table_data *d, int col, uint32_t v)
{
    const fnet_entity *e = fnet_graph_node_entity(d->g, v);
    return col == FNET_MCOL_ID      ? e->id
           : col == FNET_MCOL_LABEL ? e->label
                                    : e->type;
}

/* qsort has no context argument in C17: sort (context, node) pairs. */
typedef struct ref {
    const fnet_metrics_table_data *d;
    int sort;
    uint32_t v;
} ref;

static int cmp_rows(const void *x, const void *y)
{
    const ref *a = x, *b = y;
    const fnet_metrics_table_data *d = a->d;
    int col = a->sort, c = 0;
    if (is_text(col)) {
        c = strcmp(text(d, col, a->v), text(d, col, b->v));
    } else {
        double p = number(d, col, a->v), q = number(d, col, b->v);
        if (isnan(p) != isnan(q))
            return isnan(p) ? 1 : -1;
        if (!isnan(p) && p != q)
            c = col == FNET_M_COMMUNITY ? (p < q ? -1 : 1) : (p > q ? -1 : 1);
    }
    return c ? c
             : strcmp(text(d, FNET_MCOL_ID, a->v), text(d, FNET_MCOL_ID, b->v));
}

int fnet_metrics_table_order(uint32_t **out, const fnet_metrics_table_data *d,
                             int sort)
{
    uint32_t n = d->g->n_nodes;
    ref *r = malloc((n ? n : 1) * sizeof *r);
    *out = malloc((n ? n : 1) * sizeof **out);
    if (!r || !*out) {
        free(r);
        free(*out);
        *out = NULL;
        return FNET_ENOMEM;
    }
    for (uint32_t v = 0; v < n; v++)
        r[v] = (ref){d, sort, v};
    qsort(r, n, sizeof *r, cmp_rows);
    for (uint32_t i = 0; i < n; i++)
        (*out)[i] = r[i].v;
    free(r);
    return 0;
}

static int cell(fnet_table *t, size_t row, size_t c,
                const fnet_metrics_table_data *d, int col, uint32_t v)
{
    if (is_text(col))
        return fnet_table_set_str(t, row, c, text(d, col, v));
    double x = number(d, col, v);
    if (col >= 0 && fnet_metric_is_integer(col) && !isnan(x))
        fnet_table_set_int(t, row, c, (int64_t)x);
    else
        fnet_table_set_real(t, row, c, x);
    return 0;
}

static int fill(fnet_table *t, const fnet_metrics_table_data *d,
                const fnet_metrics_table_spec *s, const uint32_t *order)
{
    size_t rows = d->g->n_nodes < s->max_rows ? d->g->n_nodes : s->max_rows;
    int rc = 0;
    for (size_t i = 0; !rc && i < rows; i++) {
        size_t row;
        if ((rc = fnet_table_add_row(t, &row)))
            break;
        for (size_t c = 0; !rc && c < s->n_cols; c++)
            rc = cell(t, row, c, d, s->cols[c], order[i]);
        if (s->sampled_sources >= 0)
            fnet_table_set_int(t, row, s->n_cols, s->sampled_sources);
    }
    return rc;
}

int fnet_metrics_table_nodes(fnet_table **out, const fnet_metrics_table_data *d,
                             const fnet_metrics_table_spec *s)
{
    fnet_table_col tc[FNET_M_COUNT + 8] = {{0}};
    size_t nc = s->n_cols;
    uint32_t *order = NULL;
    *out = NULL;
    if (nc + 1 > sizeof tc / sizeof tc[0])
        return FNET_EINTERNAL;
    for (size_t i = 0; i < nc; i++)
        tc[i] = (fnet_table_col){fnet_metrics_table_column_name(s->cols[i]),
                                 is_text(s->cols[i]) ? FNET_COL_STRING
                                                     : FNET_COL_REAL};
    if (s->sampled_sources >= 0)
        tc[nc++] = (fnet_table_col){"sampled_sources", FNET_COL_INTEGER};
    int rc = fnet_table_new(out, tc, nc);
    for (size_t i = 0; !rc && i < nc; i++) {
        rc = fnet_table_set_header(*out, i,
                                   fnet_metrics_table_header(tc[i].name));
        if (i < s->n_cols && s->cols[i] == FNET_MCOL_LABEL)
            fnet_table_mark_wrap(*out, i);
    }
    if (!rc)
        rc = fnet_metrics_table_order(&order, d, s->sort);
    if (!rc)
        rc = fill(*out, d, s, order);
    free(order);
    if (rc) {
        fnet_table_free(*out);
        *out = NULL;
    }
    return rc;
}

size_t fnet_metrics_table_graph_rows(fnet_metrics_table_row *rows,
                                     const fnet_graph_metrics *gm)
{
    const fnet_metrics_table_row r[FNET_METRICS_TABLE_GRAPH_ROWS] = {
        {"nodes", gm->nodes, true},
        {"edges", gm->edges, true},
        {"density", gm->density, false},
        {"components", gm->components, true},
        {"largest_component", gm->largest_component, true},
        {"diameter", gm->diameter, true},
        {"average_path_length", gm->average_path_length, false},
        {"transitivity", gm->transitivity, false},
        {"average_clustering", gm->average_clustering, false},
        {"degree_assortativity", gm->degree_assortativity, false},
        {"type_assortativity", gm->type_assortativity, false},
        {"communities", gm->communities, true},
        {"modularity", gm->modularity, false},
    };
    memcpy(rows, r, sizeof r);
    return FNET_METRICS_TABLE_GRAPH_ROWS;
}

int fnet_metrics_table_values(fnet_table **out,
                              const fnet_metrics_table_row *rows, size_t n,
                              bool human)
{
    static const fnet_table_col cols[] = {{"metric", FNET_COL_STRING},
                                          {"value", FNET_COL_REAL}};
    int rc = fnet_table_new(out, cols, 2);
    if (!rc)
        rc = fnet_table_set_header(*out, 0, "Metric");
    if (!rc)
        rc = fnet_table_set_header(*out, 1, "Value");
    if (!rc)
        fnet_table_mark_wrap(*out, 0);
    for (size_t i = 0; !rc && i < n; i++) {
        size_t row;
        rc = fnet_table_add_row(*out, &row);
        if (!rc)
            rc = fnet_table_set_str(
                *out, row, 0,
                human ? fnet_metrics_table_header(rows[i].name) : rows[i].name);
        if (!rc && rows[i].integer && isfinite(rows[i].value))
            fnet_table_set_int(*out, row, 1, (int64_t)rows[i].value);
        else if (!rc)
            fnet_table_set_real(*out, row, 1, rows[i].value);
    }
    if (rc) {
        fnet_table_free(*out);
        *out = NULL;
    }
    return rc;
}

int fnet_metrics_table_job_graph(fnet_table **out, const fnet_job *j,
                                 bool human)
{
    const fnet_communities *cm = &j->cm;
    const fnet_frustration *fr = &j->fr;
    fnet_metrics_table_row rows[FNET_METRICS_TABLE_GRAPH_ROWS + 10];
    size_t n = fnet_metrics_table_graph_rows(rows, &j->gm);
    const fnet_metrics_table_row runs[] = {
        {"modularity_mean", cm->mod_mean, false},
        {"modularity_sd", cm->mod_sd, false},
        {"modularity_min", cm->mod_min, false},
        {"modularity_max", cm->mod_max, false},
    };
    const fnet_metrics_table_row sign[] = {
        {"negative_edges", (double)fr->negative, true},
        {"mixed_edges", (double)fr->mixed, true},
        {"negative_within", fr->negative_within_share, false},
        {"positive_between", fr->positive_between_share, false},
        {"frustration", fr->frustration, false},
        {"communities_positive_part", j->has_cm && cm->positive_part, true},
    };
    if (j->has_cm && cm->runs > 1) {
        memcpy(rows + n, runs, sizeof runs);
        n += sizeof runs / sizeof runs[0];
    }
    if (j->has_fr) {
        memcpy(rows + n, sign, sizeof sign);
        n += sizeof sign / sizeof sign[0];
    }
    return fnet_metrics_table_values(out, rows, n, human);
}

int fnet_metrics_table_job_nodes(fnet_table **out, const fnet_job *j,
                                 const fnet_metrics_table_choice *ch,
                                 size_t max_rows, bool json)
{
    fnet_metrics_table_data d = {
        .g = j->g,
        .m = &j->m,
        .stability = j->has_cm ? j->cm.stability : NULL,
    };
    fnet_metrics_table_spec s = {
        .cols = ch->cols,
        .n_cols = ch->n_cols,
        .sort = ch->sort,
        .max_rows = max_rows,
        .sampled_sources = j->m.sampled && json ? j->m.samples_used : -1,
    };
    return fnet_metrics_table_nodes(out, &d, &s);
}

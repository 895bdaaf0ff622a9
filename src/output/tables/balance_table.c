/* balance_table.c - `factnet balance`'s output (balance_table.h). */
#include "output/tables/balance_table.h"

#include "core/buf.h"
#include "output/tables/metrics_table.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- tables ------------------------------------------------------------ */

/* The summary, its rows named by id or (human: md, latex) by words. */
static int summary_table(const fnet_balance *b, fnet_table **t, bool human)
{
    const fnet_metrics_table_row rows[] = {
        {"positive_pairs", (double)b->positive, true},
        {"negative_pairs", (double)b->negative, true},
        {"mixed_pairs", (double)b->mixed, true},
        {"unsigned_pairs", (double)b->zero, true},
        {"triangles", (double)b->triangles, true},
        {"excluded_triangles", (double)b->excluded, true},
        {"triangles_ppp", (double)b->by_negatives[0], true},
        {"triangles_ppn", (double)b->by_negatives[1], true},
        {"triangles_pnn", (double)b->by_negatives[2], true},
        {"triangles_nnn", (double)b->by_negatives[3], true},
        {"balanced", (double)b->balanced, true},
        {"unbalanced", (double)b->unbalanced, true},
        {"balance_ratio", b->ratio, false},
    };
    return fnet_metrics_table_values(t, rows, sizeof rows / sizeof rows[0],
                                     human);
}

/* "++-" for a triangle. */
static void pattern(const fnet_triangle *t, char out[4])
{
    int k = 0;
    for (int i = 0; i < 3 - t->negatives; i++)
        out[k++] = '+';
    for (int i = 0; i < t->negatives; i++)
        out[k++] = '-';
    out[k] = 0;
}

/* Columns of the fact part of a row, shared by the md and csv tables; as
 * in `factnet evidence` (docs/EVIDENCE.md): date is "DATE" or
 * "DATE/UNTIL", quote the fact's evidence. */
static const fnet_table_col fact_cols[] = {
    {"fact_sign", FNET_COL_STRING}, {"subject", FNET_COL_STRING},
    {"relation", FNET_COL_STRING},  {"object", FNET_COL_STRING},
    {"date", FNET_COL_STRING},      {"weight", FNET_COL_REAL},
    {"confidence", FNET_COL_REAL},  {"quote", FNET_COL_STRING},
    {"source", FNET_COL_STRING},    {"location", FNET_COL_STRING},
};
#define N_FACT_COLS (sizeof fact_cols / sizeof fact_cols[0])

/* "2013-06", "2013/2015" (a span), or "" when undated. */
static void fact_date(const fnet_fact *f, char out[24])
{
    char a[11], b[11];
    fnet_date_format(f->date, a);
    fnet_date_format(f->until, b);
    snprintf(out, 24, "%s%s%s", a, b[0] ? "/" : "", b);
}

/* Fills the fact columns (from column off) of row with fact i. */
static int fact_cells(fnet_table *t, size_t row, size_t off,
                      const fnet_corpus *c, uint64_t i, fnet_buf *b)
{
    const fnet_fact *f = &c->facts[i];
    char d[24];
    int rc;
    fact_date(f, d);
    fnet_buf_reset(b);
    for (uint32_t s = 0; s < f->n_sources; s++)
        fnet_buf_printf(b, "%s%s", s ? "; " : "", c->sources[f->sources[s]].id);
    if ((rc = fnet_table_set_str(t, row, off + 0,
                                 fnet_fact_sign(c, f) < 0 ? "-" : "+")) ||
        (rc = fnet_table_set_str(t, row, off + 1,
                                 c->entities[f->subject].label)) ||
        (rc = fnet_table_set_str(t, row, off + 2,
                                 c->relations[f->relation].name)) ||
        (rc = fnet_table_set_str(t, row, off + 3,
                                 c->entities[f->object].label)) ||
        (rc = fnet_table_set_str(t, row, off + 4, d[0] ? d : NULL)) ||
        (rc = fnet_table_set_str(t, row, off + 7, f->evidence)) ||
        (rc = fnet_table_set_str(t, row, off + 8,
                                 b->len ? fnet_buf_str(b) : NULL)))
        return rc;
    fnet_table_set_real(t, row, off + 5, f->weight);
    fnet_table_set_real(t, row, off + 6,
                        f->confidence == FNET_NO_CONFIDENCE ? NAN
                                                            : f->confidence);
    fnet_fact_cite(c, f, b);
    if ((rc = fnet_table_set_str(t, row, off + 9, fnet_buf_str(b))))
        return rc;
    return fnet_buf_ok(b) ? 0 : FNET_ENOMEM;
}

typedef struct job {
    const fnet_balance_write_opts *o;
    const fnet_graph *g;
    const fnet_balance *b;
    fnet_buf buf;
} job;

static const char *node_id(const job *j, uint32_t v)
{
    return fnet_graph_node_entity(j->g, v)->id;
}

static const char *node_label(const job *j, uint32_t v)
{
    return fnet_graph_node_entity(j->g, v)->label;
}

/* Appends the rows of every fact of pair k of triangle t. first_cols is
 * the number of columns before the fact part; fill(row) sets them. */
typedef int (*fill_fn)(job *j, fnet_table *t, size_t row, size_t tri, int k);
/* Fills the fact part (from column off) of row with fact i. */
typedef int (*facts_fn)(fnet_table *t, size_t row, size_t off,
                        const fnet_corpus *c, uint64_t i, fnet_buf *b);

static int pair_rows(job *j, fnet_table *t, size_t tri, int k, size_t off,
                     fill_fn fill, facts_fn facts)
{
    const fnet_triangle *tr = &j->b->list[tri];
    int64_t e[2];
    int ne = fnet_balance_pair_edges(j->g, FNET_TRIANGLE_A(tr, k),
                                     FNET_TRIANGLE_B(tr, k), e);
    int rc = 0;
    for (int x = 0; !rc && x < ne; x++) {
        const fnet_edge *ed = &j->g->edges[e[x]];
        for (uint32_t f = 0; !rc && f < ed->n_facts; f++) {
            size_t row;
            if ((rc = fnet_table_add_row(t, &row)) ||
                (rc = fill(j, t, row, tri, k)))
                break;
            rc = facts(t, row, off, j->g->corpus, ed->facts[f], &j->buf);
        }
    }
    return rc;
}

/* The rows of every fact of each pair of each listed triangle. */
static int triangle_rows(job *j, fnet_table *t, size_t off, fill_fn fill,
                         facts_fn facts)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < j->b->n_list; i++)
        for (int k = 0; !rc && k < 3; k++)
            rc = pair_rows(j, t, i, k, off, fill, facts);
    return rc;
}

/* "A – B" by ids or labels; in LaTeX (tex) "A -- B", TeX's en dash. */
static int pair_name(job *j, const fnet_triangle *tr, int k, bool labels,
                     fnet_buf *b)
{
    uint32_t a = FNET_TRIANGLE_A(tr, k), c = FNET_TRIANGLE_B(tr, k);
    bool tex = j->o->style.format == FNET_TABLE_LATEX;
    fnet_buf_reset(b);
    fnet_buf_printf(b, tex ? "%s -- %s" : "%s – %s",
                    labels ? node_label(j, a) : node_id(j, a),
                    labels ? node_label(j, c) : node_id(j, c));
    return fnet_buf_ok(b) ? 0 : FNET_ENOMEM;
}

/* The long csv table: triangle, pattern, balanced, a, b, c, pair,
 * pair_sign, then the fact columns. */
static int fill_long(job *j, fnet_table *t, size_t row, size_t tri, int k)
{
    const fnet_triangle *tr = &j->b->list[tri];
    fnet_buf nb = {0};
    char p[4];
    int rc;
    pattern(tr, p);
    fnet_table_set_int(t, row, 0, (int64_t)tri + 1);
    if ((rc = fnet_table_set_str(t, row, 1, p)) ||
        (rc = fnet_table_set_str(t, row, 2, tr->balanced ? "yes" : "no")))
        return rc;
    for (int x = 0; x < 3; x++)
        if ((rc = fnet_table_set_str(t, row, 3 + (size_t)x,
                                     node_id(j, tr->node[x]))))
            return rc;
    rc = pair_name(j, tr, k, false, &nb);
    if (!rc)
        rc = fnet_table_set_str(t, row, 6, fnet_buf_str(&nb));
    if (!rc)
        rc = fnet_table_set_str(t, row, 7, tr->sign[k] < 0 ? "-" : "+");
    fnet_buf_free(&nb);
    return rc;
}

static int triangles_table(job *j, fnet_table **t)
{
    fnet_table_col cols[8 + N_FACT_COLS] = {
        {"triangle", FNET_COL_INTEGER}, {"pattern", FNET_COL_STRING},
        {"balanced", FNET_COL_STRING},  {"a", FNET_COL_STRING},
        {"b", FNET_COL_STRING},         {"c", FNET_COL_STRING},
        {"pair", FNET_COL_STRING},      {"pair_sign", FNET_COL_STRING},
    };
    memcpy(cols + 8, fact_cols, sizeof fact_cols);
    int rc = fnet_table_new(t, cols, 8 + N_FACT_COLS);
    if (!rc) {
        /* factnet's own signs: no formula guard for "++-", "-", "+" */
        fnet_table_mark_factnet_text(*t, 1);
        fnet_table_mark_factnet_text(*t, 7);
        fnet_table_mark_factnet_text(*t, 8);
    }
    return rc ? rc : triangle_rows(j, *t, 8, fill_long, fact_cells);
}

/* The md evidence table of one triangle: pair, pair_sign, facts. */
static int fill_md(job *j, fnet_table *t, size_t row, size_t tri, int k)
{
    const fnet_triangle *tr = &j->b->list[tri];
    fnet_buf nb = {0};
    int rc = pair_name(j, tr, k, true, &nb);
    if (!rc)
        rc = fnet_table_set_str(t, row, 0, fnet_buf_str(&nb));
    if (!rc)
        rc = fnet_table_set_str(t, row, 1, tr->sign[k] < 0 ? "-" : "+");
    fnet_buf_free(&nb);
    return rc;
}

/* LaTeX: the fact as one text, "DATE: SUBJECT relation OBJECT [SOURCES]
 * ``QUOTE''" ("undated" without a date), that wraps in its column. */
static int fact_cell_tex(fnet_table *t, size_t row, size_t off,
                         const fnet_corpus *c, uint64_t i, fnet_buf *b)
{
    const fnet_fact *f = &c->facts[i];
    char d[24];
    fact_date(f, d);
    fnet_buf_reset(b);
    fnet_buf_printf(b, "%s: %s %s %s [", d[0] ? d : "undated",
                    c->entities[f->subject].label,
                    c->relations[f->relation].name,
                    c->entities[f->object].label);
    for (uint32_t s = 0; s < f->n_sources; s++)
        fnet_buf_printf(b, "%s%s", s ? "; " : "", c->sources[f->sources[s]].id);
    fnet_buf_puts(b, "]");
    if (f->evidence)
        fnet_buf_printf(b, " ``%s''", f->evidence);
    return fnet_buf_ok(b) ? fnet_table_set_str(t, row, off, fnet_buf_str(b))
                          : FNET_ENOMEM;
}

/* LaTeX: No., signs, pair (wrapping), its sign, fact (wrapping): what a
 * column holds of the triangles with their evidence. */
static int fill_tex(job *j, fnet_table *t, size_t row, size_t tri, int k)
{
    const fnet_triangle *tr = &j->b->list[tri];
    char p[4], sp[6] = "     ";
    pattern(tr, p);
    /* "+ - -": spaced, since TeX reads -- as an en dash */
    for (int x = 0; x < 3; x++)
        sp[2 * x] = p[x];
    fnet_buf nb = {0};
    int rc = pair_name(j, tr, k, true, &nb);
    fnet_table_set_int(t, row, 0, (int64_t)tri + 1);
    if (!rc && !(rc = fnet_table_set_str(t, row, 1, sp)) &&
        !(rc = fnet_table_set_str(t, row, 2, fnet_buf_str(&nb))))
        rc = fnet_table_set_str(t, row, 3, tr->sign[k] < 0 ? "-" : "+");
    fnet_buf_free(&nb);
    return rc;
}

static int triangles_table_tex(job *j, fnet_table **t)
{
    static const fnet_table_col cols[] = {{"triangle", FNET_COL_INTEGER},
                                          {"pattern", FNET_COL_STRING},
                                          {"pair", FNET_COL_STRING},
                                          {"pair_sign", FNET_COL_STRING},
                                          {"fact", FNET_COL_STRING}};
    int rc = fnet_table_new(t, cols, 5);
    if (!rc && !(rc = fnet_metrics_table_human_headers(*t))) {
        fnet_table_mark_wrap(*t, 2);
        fnet_table_mark_wrap(*t, 4);
    }
    return rc ? rc : triangle_rows(j, *t, 4, fill_tex, fact_cell_tex);
}

static int write_md(job *j, FILE *fp, fnet_err *err)
{
    const fnet_corpus *c = j->g->corpus;
    fnet_table *t = NULL;
    fnet_table_style st = j->o->style;
    int rc = summary_table(j->b, &t, true);
    fputs("# Structural balance", fp);
    if (c->title) {
        fputs(": ", fp);
        fnet_table_put_md(fp, c->title); /* one line, whatever it holds */
    }
    fputs("\n\n", fp);
    fprintf(fp,
            "Pairs: %llu positive, %llu negative (%llu with facts of "
            "both signs, %llu without sign). Triangles: %llu, of which "
            "%llu balanced and %llu unbalanced",
            (unsigned long long)j->b->positive,
            (unsigned long long)j->b->negative, (unsigned long long)j->b->mixed,
            (unsigned long long)j->b->zero, (unsigned long long)j->b->triangles,
            (unsigned long long)j->b->balanced,
            (unsigned long long)j->b->unbalanced);
    if (j->b->excluded)
        fprintf(fp, " (%llu excluded: a pair without sign)",
                (unsigned long long)j->b->excluded);
    fputs(".\n\n## Summary\n\n", fp);
    if (!rc)
        rc = fnet_table_write(t, fp, &st, err);
    fnet_table_free(t);
    fprintf(fp, "\n## %s triangles\n", j->o->all ? "Signed" : "Unbalanced");
    if (!rc && j->b->n_list == 0)
        fputs("\nNone.\n", fp);
    fnet_table_col cols[2 + N_FACT_COLS] = {{"pair", FNET_COL_STRING},
                                            {"pair_sign", FNET_COL_STRING}};
    memcpy(cols + 2, fact_cols, sizeof fact_cols);
    for (size_t i = 0; !rc && i < j->b->n_list; i++) {
        const fnet_triangle *tr = &j->b->list[i];
        char p[4];
        pattern(tr, p);
        fprintf(fp, "\n### %zu. ", i + 1);
        for (int k = 0; k < 3; k++) {
            fputs(k ? ", " : "", fp);
            fnet_table_put_md(fp, node_label(j, tr->node[k]));
        }
        fprintf(fp, " (%s, %s)\n\n", p,
                tr->balanced ? "balanced" : "unbalanced");
        t = NULL;
        rc = fnet_table_new(&t, cols, 2 + N_FACT_COLS);
        if (!rc)
            rc = fnet_metrics_table_human_headers(t);
        for (int k = 0; !rc && k < 3; k++)
            rc = pair_rows(j, t, i, k, 2, fill_md, fact_cells);
        if (!rc)
            rc = fnet_table_write(t, fp, &st, err);
        fnet_table_free(t);
    }
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    return rc;
}

/* ---- json -------------------------------------------------------------- */

static cJSON *json_fact(const fnet_corpus *c, uint64_t i)
{
    const fnet_fact *f = &c->facts[i];
    char d[24];
    cJSON *o = cJSON_CreateObject(), *src = cJSON_CreateArray();
    if (!o || !src) {
        cJSON_Delete(o);
        cJSON_Delete(src);
        return NULL;
    }
    cJSON_AddNumberToObject(o, "sign", fnet_fact_sign(c, f));
    cJSON_AddStringToObject(o, "subject", c->entities[f->subject].id);
    cJSON_AddStringToObject(o, "relation", c->relations[f->relation].name);
    cJSON_AddStringToObject(o, "object", c->entities[f->object].id);
    fact_date(f, d);
    if (d[0])
        cJSON_AddStringToObject(o, "date", d);
    else
        cJSON_AddNullToObject(o, "date");
    cJSON_AddNumberToObject(o, "weight", f->weight);
    if (f->confidence != FNET_NO_CONFIDENCE)
        cJSON_AddNumberToObject(o, "confidence", f->confidence);
    else
        cJSON_AddNullToObject(o, "confidence");
    if (f->evidence)
        cJSON_AddStringToObject(o, "quote", f->evidence);
    else
        cJSON_AddNullToObject(o, "quote");
    cJSON_AddItemToObject(o, "source", src);
    for (uint32_t s = 0; s < f->n_sources; s++)
        cJSON_AddItemToArray(src,
                             cJSON_CreateString(c->sources[f->sources[s]].id));
    fnet_buf b = {0};
    fnet_fact_cite(c, f, &b);
    cJSON_AddStringToObject(o, "location", b.len ? fnet_buf_str(&b) : "");
    fnet_buf_free(&b);
    return o;
}

static cJSON *json_triangle(const job *j, const fnet_triangle *tr)
{
    cJSON *o = cJSON_CreateObject(), *nodes = cJSON_CreateArray(),
          *pairs = cJSON_CreateArray();
    char p[4];
    if (!o || !nodes || !pairs) {
        cJSON_Delete(o);
        cJSON_Delete(nodes);
        cJSON_Delete(pairs);
        return NULL;
    }
    pattern(tr, p);
    cJSON_AddStringToObject(o, "pattern", p);
    cJSON_AddBoolToObject(o, "balanced", tr->balanced);
    cJSON_AddItemToObject(o, "nodes", nodes);
    cJSON_AddItemToObject(o, "pairs", pairs);
    for (int x = 0; x < 3; x++)
        cJSON_AddItemToArray(nodes,
                             cJSON_CreateString(node_id(j, tr->node[x])));
    for (int k = 0; k < 3; k++) {
        cJSON *pr = cJSON_CreateObject(), *facts = cJSON_CreateArray();
        int64_t e[2];
        int ne = fnet_balance_pair_edges(j->g, FNET_TRIANGLE_A(tr, k),
                                         FNET_TRIANGLE_B(tr, k), e);
        if (!pr || !facts) {
            cJSON_Delete(pr);
            cJSON_Delete(facts);
            cJSON_Delete(o);
            return NULL;
        }
        cJSON_AddItemToArray(pairs, pr);
        cJSON_AddStringToObject(pr, "a", node_id(j, FNET_TRIANGLE_A(tr, k)));
        cJSON_AddStringToObject(pr, "b", node_id(j, FNET_TRIANGLE_B(tr, k)));
        cJSON_AddNumberToObject(pr, "sign", tr->sign[k]);
        cJSON_AddItemToObject(pr, "facts", facts);
        for (int x = 0; x < ne; x++) {
            const fnet_edge *ed = &j->g->edges[e[x]];
            for (uint32_t f = 0; f < ed->n_facts; f++)
                cJSON_AddItemToArray(facts,
                                     json_fact(j->g->corpus, ed->facts[f]));
        }
    }
    return o;
}

static int write_json(job *j, FILE *fp, fnet_err *err)
{
    const fnet_balance *b = j->b;
    cJSON *root = cJSON_CreateObject(), *s = cJSON_CreateObject(),
          *list = cJSON_CreateArray();
    char *text = NULL;
    int rc = 0;
    if (!root || !s || !list) {
        cJSON_Delete(s);
        cJSON_Delete(list);
        rc = FNET_ENOMEM;
        goto done;
    }
    cJSON_AddItemToObject(root, "summary", s);
    cJSON_AddItemToObject(root, "triangles", list);
    const struct {
        const char *k;
        uint64_t v;
    } counts[] = {
        {"positive_pairs", b->positive},
        {"negative_pairs", b->negative},
        {"mixed_pairs", b->mixed},
        {"unsigned_pairs", b->zero},
        {"triangles", b->triangles},
        {"excluded_triangles", b->excluded},
        {"triangles_ppp", b->by_negatives[0]},
        {"triangles_ppn", b->by_negatives[1]},
        {"triangles_pnn", b->by_negatives[2]},
        {"triangles_nnn", b->by_negatives[3]},
        {"balanced", b->balanced},
        {"unbalanced", b->unbalanced},
    };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        cJSON_AddNumberToObject(s, counts[i].k, (double)counts[i].v);
    if (isnan(b->ratio))
        cJSON_AddNullToObject(s, "balance_ratio");
    else
        cJSON_AddNumberToObject(s, "balance_ratio", b->ratio);
    for (size_t i = 0; i < b->n_list; i++) {
        cJSON *t = json_triangle(j, &b->list[i]);
        if (!t) {
            rc = FNET_ENOMEM;
            goto done;
        }
        cJSON_AddItemToArray(list, t);
    }
    text = cJSON_Print(root);
    if (!text) {
        rc = FNET_ENOMEM;
        goto done;
    }
    fputs(text, fp);
    fputc('\n', fp);
done:
    free(text);
    cJSON_Delete(root);
    if (rc)
        fnet_err_set(err, rc, "out of memory");
    return rc;
}

/* ---- the writer -------------------------------------------------------- */

int fnet_balance_write(FILE *fp, const fnet_graph *g, const fnet_balance *b,
                       const fnet_balance_write_opts *o, fnet_err *err)
{
    job j = {.o = o, .g = g, .b = b};
    fnet_table *t = NULL;
    int rc;
    switch (o->style.format) {
    case FNET_TABLE_MD: rc = write_md(&j, fp, err); break;
    case FNET_TABLE_JSON: rc = write_json(&j, fp, err); break;
    default:
        if (o->summary)
            rc = summary_table(b, &t,
                               fnet_table_format_for_print(o->style.format));
        else if (o->style.format == FNET_TABLE_LATEX)
            rc = triangles_table_tex(&j, &t);
        else
            rc = triangles_table(&j, &t);
        if (rc)
            fnet_err_set(err, rc, "out of memory");
        else
            rc = fnet_table_write(t, fp, &o->style, err);
        fnet_table_free(t);
    }
    fnet_buf_free(&j.buf);
    return rc;
}

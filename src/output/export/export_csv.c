/* export_csv.c - node/edge tables and Neo4j import files (see
 * export_csv.h). */
#include "output/export/export_csv.h"

#include "core/arena.h"
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

static int col_kind(int type)
{
    return type == FNET_XT_INT      ? FNET_COL_INTEGER
           : type == FNET_XT_DOUBLE ? FNET_COL_REAL
                                    : FNET_COL_STRING;
}

static int set_cell(fnet_table *t, size_t row, size_t col, const fnet_xvalue *v)
{
    switch (v->type) {
    case FNET_XT_INT: fnet_table_set_int(t, row, col, v->i); return FNET_OK;
    case FNET_XT_DOUBLE: fnet_table_set_real(t, row, col, v->d); return FNET_OK;
    case FNET_XT_BOOL:
        return fnet_table_set_str(t, row, col, v->b ? "true" : "false");
    default: return fnet_table_set_str(t, row, col, v->s);
    }
}

static int oom(fnet_table **t, fnet_err *err)
{
    fnet_table_free(*t);
    *t = NULL;
    return fnet_err_set(err, FNET_ENOMEM, "out of memory");
}

/* ---- node and edge tables ---------------------------------------------- */

int fnet_export_nodes_table(fnet_table **out, const fnet_export *x,
                            fnet_err *err)
{
    size_t nc = x->n_node_fields, row;
    fnet_table_col *cols = malloc(nc * sizeof *cols);
    fnet_buf b = {0};
    fnet_xvalue v;
    int rc = FNET_ENOMEM;
    *out = NULL;
    if (!cols)
        return oom(out, err);
    for (size_t i = 0; i < nc; i++)
        cols[i] = (fnet_table_col){x->node_fields[i].name,
                                   col_kind(x->node_fields[i].type)};
    rc = fnet_table_new(out, cols, nc);
    free(cols);
    for (uint32_t n = 0; rc == FNET_OK && n < x->g->n_nodes; n++) {
        rc = fnet_table_add_row(*out, &row);
        for (size_t i = 0; rc == FNET_OK && i < nc; i++) {
            int r = fnet_export_node_value(x, &x->node_fields[i], n, &b, &v);
            rc = r < 0 ? r : r ? set_cell(*out, row, i, &v) : FNET_OK;
        }
    }
    fnet_buf_free(&b);
    return rc ? oom(out, err) : FNET_OK;
}

int fnet_export_edges_table(fnet_table **out, const fnet_export *x,
                            fnet_err *err)
{
    size_t nc = x->n_edge_fields + 2, row;
    fnet_table_col *cols = malloc(nc * sizeof *cols);
    fnet_buf b = {0};
    fnet_xvalue v;
    int rc;
    *out = NULL;
    if (!cols)
        return oom(out, err);
    cols[0] = (fnet_table_col){"source", FNET_COL_STRING};
    cols[1] = (fnet_table_col){"target", FNET_COL_STRING};
    for (size_t i = 2; i < nc; i++)
        cols[i] = (fnet_table_col){x->edge_fields[i - 2].name,
                                   col_kind(x->edge_fields[i - 2].type)};
    rc = fnet_table_new(out, cols, nc);
    free(cols);
    for (uint32_t e = 0; rc == FNET_OK && e < fnet_graph_edge_count(x->g);
         e++) {
        const fnet_edge *ed = &x->g->edges[e];
        if ((rc = fnet_table_add_row(*out, &row)) ||
            (rc = fnet_table_set_str(
                 *out, row, 0, fnet_graph_node_entity(x->g, ed->from)->id)) ||
            (rc = fnet_table_set_str(*out, row, 1,
                                     fnet_graph_node_entity(x->g, ed->to)->id)))
            break;
        for (size_t i = 2; rc == FNET_OK && i < nc; i++) {
            int r =
                fnet_export_edge_value(x, &x->edge_fields[i - 2], e, &b, &v);
            rc = r < 0 ? r : r ? set_cell(*out, row, i, &v) : FNET_OK;
        }
    }
    fnet_buf_free(&b);
    return rc ? oom(out, err) : FNET_OK;
}

/* ---- Neo4j ------------------------------------------------------------- */

/* A Neo4j header entry: NAME with ':' replaced, then ":TYPE" for
 * non-strings. Allocated from a. */
static const char *neo4j_header(fnet_arena *a, const char *name, int type)
{
    const char *suffix = type == FNET_XT_INT      ? ":long"
                         : type == FNET_XT_DOUBLE ? ":double"
                         : type == FNET_XT_BOOL   ? ":boolean"
                                                  : "";
    size_t n = strlen(name);
    char *h = fnet_arena_alloc(a, n + strlen(suffix) + 1);
    if (!h)
        return NULL;
    for (size_t i = 0; i < n; i++)
        h[i] = name[i] == ':' ? '_' : name[i];
    strcpy(h + n, suffix);
    return h;
}

static int neo4j_node_row(fnet_table *t, const fnet_export *x, uint32_t entity,
                          int32_t node, fnet_buf *b)
{
    size_t row, c = 3;
    fnet_xvalue v;
    const fnet_entity *en = &x->c->entities[entity];
    int rc = fnet_table_add_row(t, &row);
    if (rc == FNET_OK)
        rc = fnet_table_set_str(t, row, 0, en->id);
    if (rc == FNET_OK)
        rc = fnet_table_set_str(t, row, 1, en->label);
    if (rc == FNET_OK)
        rc = fnet_table_set_str(t, row, 2, en->type);
    for (size_t i = 0; rc == FNET_OK && i < x->n_node_fields; i++) {
        const fnet_xfield *f = &x->node_fields[i];
        if (f->kind == FNET_XF_ID || f->kind == FNET_XF_LABEL ||
            f->kind == FNET_XF_TYPE)
            continue;
        int r = fnet_export_entity_value(x, f, entity, node, b, &v);
        rc = r < 0 ? r : r ? set_cell(t, row, c, &v) : FNET_OK;
        c++;
    }
    return rc;
}

int fnet_export_neo4j_nodes(fnet_table **out, const fnet_export *x,
                            fnet_err *err)
{
    size_t nc = x->n_node_fields, k = 3;
    fnet_table_col *cols = malloc(nc * sizeof *cols);
    fnet_arena a = {0};
    fnet_buf b = {0};
    int rc = FNET_OK;
    *out = NULL;
    if (!cols)
        return oom(out, err);
    cols[0] = (fnet_table_col){"id:ID", FNET_COL_STRING};
    cols[1] = (fnet_table_col){"label", FNET_COL_STRING};
    cols[2] = (fnet_table_col){":LABEL", FNET_COL_STRING};
    for (size_t i = 0; rc == FNET_OK && i < nc; i++) {
        const fnet_xfield *f = &x->node_fields[i];
        if (f->kind == FNET_XF_ID || f->kind == FNET_XF_LABEL ||
            f->kind == FNET_XF_TYPE)
            continue;
        cols[k] = (fnet_table_col){neo4j_header(&a, f->name, f->type),
                                   col_kind(f->type)};
        rc = cols[k++].name ? FNET_OK : FNET_ENOMEM;
    }
    if (rc == FNET_OK)
        rc = fnet_table_new(out, cols, k);
    free(cols);
    fnet_arena_free(&a);
    for (uint32_t v = 0; rc == FNET_OK && v < x->g->n_nodes; v++)
        rc = neo4j_node_row(*out, x, x->g->entity[v], (int32_t)v, &b);
    for (uint32_t i = 0; rc == FNET_OK && i < x->c->n_entities; i++)
        if (x->exported[i] && x->g->node_of[i] < 0)
            rc = neo4j_node_row(*out, x, i, -1, &b);
    fnet_buf_free(&b);
    return rc ? oom(out, err) : FNET_OK;
}

/* Relationships: the fixed columns, then the fact attributes. */
static const fnet_table_col rel_cols[] = {
    {":START_ID", FNET_COL_STRING},
    {":END_ID", FNET_COL_STRING},
    {":TYPE", FNET_COL_STRING},
    {"relation", FNET_COL_STRING},
    {"directed:boolean", FNET_COL_STRING},
    {"weight:double", FNET_COL_REAL},
    {"sign:long", FNET_COL_INTEGER},
    {"confidence:double", FNET_COL_REAL},
    {"date", FNET_COL_STRING},
    {"until", FNET_COL_STRING},
    {"fact", FNET_COL_STRING},
    {"location", FNET_COL_STRING},
    {"sources", FNET_COL_STRING},
    {"evidence", FNET_COL_STRING},
};

#define N_REL_COLS (sizeof rel_cols / sizeof rel_cols[0])

typedef struct fact_attrs {
    const char **keys; /* sorted */
    int *types;        /* enum fnet_xtype */
    uint32_t n;
    bool *cited; /* per fact: behind one of the graph's edges */
    fnet_arena arena;
} fact_attrs;

static void fact_attrs_free(fact_attrs *fa)
{
    free(fa->keys);
    free(fa->types);
    free(fa->cited);
    fnet_arena_free(&fa->arena);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int add_key(fact_attrs *fa, fnet_strmap *seen, const char *k,
                   size_t *cap)
{
    size_t dummy;
    if (fnet_strmap_get(seen, k, strlen(k), &dummy))
        return FNET_OK;
    if (fa->n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        const char **t = realloc(fa->keys, *cap * sizeof *t);
        if (!t)
            return FNET_ENOMEM;
        fa->keys = t;
    }
    fa->keys[fa->n++] = k;
    return fnet_strmap_put(seen, k, strlen(k), 0);
}

/* The type of key: double / boolean when every cited value is one. */
static int fact_key_type(const fnet_corpus *c, const fact_attrs *fa,
                         const char *key)
{
    unsigned kinds = 0;
    for (uint64_t i = 0; i < c->n_facts; i++)
        for (uint32_t a = 0; fa->cited[i] && a < c->facts[i].n_attrs; a++)
            if (strcmp(c->facts[i].attrs[a].key, key) == 0)
                kinds |= 1u << c->facts[i].attrs[a].kind;
    return kinds == 1u << FNET_ATTR_NUMBER ? FNET_XT_DOUBLE
           : kinds == 1u << FNET_ATTR_BOOL ? FNET_XT_BOOL
                                           : FNET_XT_STRING;
}

static int collect_fact_attrs(fact_attrs *fa, const fnet_export *x)
{
    const fnet_corpus *c = x->c;
    fnet_strmap seen = {0};
    size_t cap = 0;
    int rc = FNET_OK;
    fa->cited = calloc(c->n_facts ? c->n_facts : 1, sizeof *fa->cited);
    if (!fa->cited)
        return FNET_ENOMEM;
    for (uint32_t e = 0; e < fnet_graph_edge_count(x->g); e++)
        for (uint32_t k = 0; k < x->g->edges[e].n_facts; k++)
            fa->cited[x->g->edges[e].facts[k]] = true;
    for (uint64_t i = 0; rc == FNET_OK && i < c->n_facts; i++)
        for (uint32_t a = 0;
             rc == FNET_OK && fa->cited[i] && a < c->facts[i].n_attrs; a++)
            rc = add_key(fa, &seen, c->facts[i].attrs[a].key, &cap);
    fnet_strmap_free(&seen);
    if (rc != FNET_OK)
        return rc;
    if (fa->n)
        qsort(fa->keys, fa->n, sizeof *fa->keys, cmp_str);
    fa->types = malloc((fa->n ? fa->n : 1) * sizeof *fa->types);
    if (!fa->types)
        return FNET_ENOMEM;
    for (uint32_t k = 0; k < fa->n; k++)
        fa->types[k] = fact_key_type(c, fa, fa->keys[k]);
    return FNET_OK;
}

/* The header of fact attribute k: its name, prefixed with attr_ while it
 * is the name of a fixed column or of another key. */
static const char *fact_attr_header(fact_attrs *fa, uint32_t k)
{
    const char *name = fa->keys[k];
    for (;;) {
        bool clash = false;
        for (size_t i = 0; !clash && i < N_REL_COLS; i++) {
            size_t len = strcspn(rel_cols[i].name, ":");
            clash = strlen(name) == len &&
                    strncmp(rel_cols[i].name, name, len) == 0;
        }
        for (uint32_t j = 0; !clash && j < fa->n; j++)
            clash = j != k && strcmp(fa->keys[j], name) == 0;
        if (!clash)
            break;
        size_t n = strlen(name) + 6;
        char *t = fnet_arena_alloc(&fa->arena, n);
        if (!t)
            return NULL;
        snprintf(t, n, "attr_%s", name);
        name = t;
    }
    return neo4j_header(&fa->arena, name, fa->types[k]);
}

static int rel_table(fnet_table **out, fact_attrs *fa)
{
    size_t nc = N_REL_COLS + fa->n;
    fnet_table_col *cols = malloc(nc * sizeof *cols);
    int rc = FNET_OK;
    if (!cols)
        return FNET_ENOMEM;
    memcpy(cols, rel_cols, sizeof rel_cols);
    for (uint32_t k = 0; rc == FNET_OK && k < fa->n; k++) {
        cols[N_REL_COLS + k] =
            (fnet_table_col){fact_attr_header(fa, k), col_kind(fa->types[k])};
        if (!cols[N_REL_COLS + k].name)
            rc = FNET_ENOMEM;
    }
    if (rc == FNET_OK)
        rc = fnet_table_new(out, cols, nc);
    free(cols);
    return rc;
}

/* Sets cell col of row to string s (NULL or "": left empty). */
static int put(fnet_table *t, size_t row, size_t col, const char *s)
{
    return s && s[0] ? fnet_table_set_str(t, row, col, s) : FNET_OK;
}

static int fact_attr_cells(fnet_table *t, size_t row, const fact_attrs *fa,
                           const fnet_fact *f)
{
    int rc = FNET_OK;
    for (uint32_t a = 0; rc == FNET_OK && a < f->n_attrs; a++) {
        const char **k = bsearch(&f->attrs[a].key, fa->keys, fa->n,
                                 sizeof *fa->keys, cmp_str);
        size_t col = N_REL_COLS + (size_t)(k - fa->keys);
        int type = fa->types[k - fa->keys];
        if (type == FNET_XT_DOUBLE)
            fnet_table_set_real(t, row, col, strtod(f->attrs[a].value, NULL));
        else
            rc = put(t, row, col, f->attrs[a].value);
    }
    return rc;
}

static int rel_row(fnet_table *t, const fnet_export *x, const fact_attrs *fa,
                   const fnet_fact *f, fnet_buf *b)
{
    const fnet_corpus *c = x->c;
    const fnet_relation *r = &c->relations[f->relation];
    char d[11];
    size_t row;
    int rc = fnet_table_add_row(t, &row);
    fnet_buf_reset(b);
    for (const char *p = r->name; *p; p++)
        fnet_buf_putc(b, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
    if (!fnet_buf_ok(b))
        rc = FNET_ENOMEM;
    if (rc == FNET_OK)
        rc = put(t, row, 0, c->entities[f->subject].id);
    if (rc == FNET_OK)
        rc = put(t, row, 1, c->entities[f->object].id);
    if (rc == FNET_OK)
        rc = put(t, row, 2, fnet_buf_str(b));
    if (rc == FNET_OK)
        rc = put(t, row, 3, r->name);
    if (rc == FNET_OK)
        rc = put(t, row, 4, r->directed ? "true" : "false");
    fnet_table_set_real(t, row, 5, f->weight);
    fnet_table_set_int(t, row, 6, fnet_fact_sign(c, f));
    if (f->confidence != FNET_NO_CONFIDENCE)
        fnet_table_set_real(t, row, 7, f->confidence);
    fnet_date_format(f->date, d);
    if (rc == FNET_OK)
        rc = put(t, row, 8, d);
    fnet_date_format(f->until, d);
    if (rc == FNET_OK)
        rc = put(t, row, 9, d);
    if (rc == FNET_OK)
        rc = put(t, row, 10, f->id);
    fnet_buf_reset(b);
    fnet_corpus_cite(c, f->loc, "facts", b);
    while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == ':'))
        b->data[--b->len] = '\0';
    if (rc == FNET_OK)
        rc = fnet_buf_ok(b) ? put(t, row, 11, fnet_buf_str(b)) : FNET_ENOMEM;
    fnet_buf_reset(b);
    for (uint32_t s = 0; s < f->n_sources; s++) {
        fnet_buf_puts(b, s ? "; " : "");
        fnet_buf_puts(b, c->sources[f->sources[s]].id);
    }
    if (rc == FNET_OK)
        rc = fnet_buf_ok(b) ? put(t, row, 12, fnet_buf_str(b)) : FNET_ENOMEM;
    if (rc == FNET_OK)
        rc = put(t, row, 13, f->evidence);
    return rc == FNET_OK ? fact_attr_cells(t, row, fa, f) : rc;
}

int fnet_export_neo4j_relationships(fnet_table **out, const fnet_export *x,
                                    fnet_err *err)
{
    fact_attrs fa = {0};
    fnet_buf b = {0};
    int rc = collect_fact_attrs(&fa, x);
    *out = NULL;
    if (rc == FNET_OK)
        rc = rel_table(out, &fa);
    for (uint64_t i = 0; rc == FNET_OK && i < x->c->n_facts; i++)
        if (fa.cited[i])
            rc = rel_row(*out, x, &fa, &x->c->facts[i], &b);
    fnet_buf_free(&b);
    fact_attrs_free(&fa);
    return rc ? oom(out, err) : FNET_OK;
}

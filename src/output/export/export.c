/* export.c - the bundle every exporter writes from (see export.h). */
#include "output/export/export.h"

#include "core/strmap.h"
#include "output/tables/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Names an entity attribute may not take: the other node fields, and what
 * some format reserves for itself (GML's name; GEXF's start and end). */
static const char *const reserved[] = {"id",      "label", "type",
                                       "aliases", "date",  "name",
                                       "start",   "end",   "stability"};

/* The last two only in the actors view with stance ties: the tie's
 * signed parts (congruence and conflict for --tie signed;
 * docs/METRICS.md). */
static const fnet_xfield edge_fields[] = {
    {"weight", FNET_XT_DOUBLE, FNET_XF_WEIGHT, 0},
    {"count", FNET_XT_INT, FNET_XF_COUNT, 0},
    {"sign", FNET_XT_INT, FNET_XF_SIGN, 0},
    {"relation", FNET_XT_STRING, FNET_XF_RELATION, 0},
    {"relations", FNET_XT_STRING, FNET_XF_RELATIONS, 0},
    {"first", FNET_XT_STRING, FNET_XF_FIRST, 0},
    {"last", FNET_XT_STRING, FNET_XF_LAST, 0},
    {"facts", FNET_XT_STRING, FNET_XF_FACTS, 0},
    {"sources", FNET_XT_STRING, FNET_XF_SOURCES, 0},
    {"evidence", FNET_XT_STRING, FNET_XF_EVIDENCE, 0},
    {"pos_weight", FNET_XT_DOUBLE, FNET_XF_POS, 0},
    {"neg_weight", FNET_XT_DOUBLE, FNET_XF_NEG, 0},
};

#define N_EDGE_FIELDS (sizeof edge_fields / sizeof edge_fields[0])

static bool integer_metric(int m)
{
    return fnet_metric_is_integer(m);
}

/* ---- entity attributes ------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Marks the entities the bundle exports: the nodes, and with fact_ends the
 * subjects and objects of the graph's facts. */
static void mark_exported(fnet_export *x, bool fact_ends)
{
    const fnet_graph *g = x->g;
    for (uint32_t v = 0; v < g->n_nodes; v++)
        x->exported[g->entity[v]] = true;
    if (!fact_ends)
        return;
    for (uint32_t e = 0; e < fnet_graph_edge_count(g); e++)
        for (uint32_t k = 0; k < g->edges[e].n_facts; k++) {
            const fnet_fact *f = &x->c->facts[g->edges[e].facts[k]];
            x->exported[f->subject] = true;
            x->exported[f->object] = true;
        }
}

/* Collects the distinct attribute keys of the exported entities, sorted,
 * and maps each key to its index in *index. */
static int collect_keys(fnet_export *x, fnet_strmap *index)
{
    fnet_strmap seen = {0};
    size_t n = 0, cap = 0, dummy;
    int rc = FNET_OK;
    for (uint32_t i = 0; rc == FNET_OK && i < x->c->n_entities; i++) {
        const fnet_entity *en = &x->c->entities[i];
        for (uint32_t a = 0; x->exported[i] && a < en->n_attrs; a++) {
            const char *k = en->attrs[a].key;
            if (fnet_strmap_get(&seen, k, strlen(k), &dummy))
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                const char **t = realloc(x->attr_keys, cap * sizeof *t);
                if (!t) {
                    rc = FNET_ENOMEM;
                    break;
                }
                x->attr_keys = t;
            }
            x->attr_keys[n++] = k;
            rc = fnet_strmap_put(&seen, k, strlen(k), 0);
        }
    }
    fnet_strmap_free(&seen);
    x->n_attrs = (uint32_t)n;
    if (rc != FNET_OK || !n)
        return rc;
    qsort(x->attr_keys, n, sizeof *x->attr_keys, cmp_str);
    for (size_t i = 0; rc == FNET_OK && i < n; i++)
        rc =
            fnet_strmap_put(index, x->attr_keys[i], strlen(x->attr_keys[i]), i);
    return rc;
}

/* The type of each key: double when every value is a number, boolean when
 * every value is a boolean, else string. */
static int key_types(const fnet_export *x, const fnet_strmap *index, int *types)
{
    unsigned *kinds = calloc(x->n_attrs ? x->n_attrs : 1, sizeof *kinds);
    if (!kinds)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < x->c->n_entities; i++) {
        const fnet_entity *en = &x->c->entities[i];
        for (uint32_t a = 0; x->exported[i] && a < en->n_attrs; a++) {
            size_t k;
            const char *key = en->attrs[a].key;
            if (fnet_strmap_get(index, key, strlen(key), &k))
                kinds[k] |= 1u << en->attrs[a].kind;
        }
    }
    for (uint32_t k = 0; k < x->n_attrs; k++)
        types[k] = kinds[k] == 1u << FNET_ATTR_NUMBER ? FNET_XT_DOUBLE
                   : kinds[k] == 1u << FNET_ATTR_BOOL ? FNET_XT_BOOL
                                                      : FNET_XT_STRING;
    free(kinds);
    return FNET_OK;
}

/* True when name is taken for attribute key number k: by another field, a
 * reserved name, another key, or the name chosen for an earlier key. */
static bool taken(const fnet_export *x, const char *name, uint32_t k)
{
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(name, reserved[i]) == 0)
            return true;
    if (fnet_metric_from_name(name) >= 0)
        return true;
    for (uint32_t j = 0; j < x->n_attrs; j++)
        if (j != k && strcmp(name, x->attr_keys[j]) == 0)
            return true;
    for (size_t f = 0; f < x->n_node_fields; f++)
        if (strcmp(name, x->node_fields[f].name) == 0)
            return true;
    return false;
}

/* The exported name of key k: the key, or attr_KEY (repeated) while that
 * is taken. */
static const char *attr_name(fnet_export *x, uint32_t k)
{
    const char *name = x->attr_keys[k];
    while (taken(x, name, k)) {
        size_t n = strlen(name) + 6;
        char *t = fnet_arena_alloc(&x->arena, n);
        if (!t)
            return NULL;
        snprintf(t, n, "attr_%s", name);
        name = t;
    }
    return name;
}

/* ---- fields ------------------------------------------------------------ */

static void add_field(fnet_export *x, const char *name, int type, int kind,
                      int index)
{
    x->node_fields[x->n_node_fields++] = (fnet_xfield){name, type, kind, index};
}

static int node_layout(fnet_export *x, const fnet_export_opts *o)
{
    fnet_strmap index = {0};
    int *types = NULL;
    int rc = collect_keys(x, &index);
    if (rc == FNET_OK && !(types = malloc((x->n_attrs + 1) * sizeof *types)))
        rc = FNET_ENOMEM;
    if (rc == FNET_OK)
        rc = key_types(x, &index, types);
    fnet_strmap_free(&index);
    x->node_fields =
        calloc(5 + x->n_attrs + o->n_metrics, sizeof *x->node_fields);
    if (rc != FNET_OK || !x->node_fields) {
        free(types);
        return FNET_ENOMEM;
    }
    add_field(x, "id", FNET_XT_STRING, FNET_XF_ID, 0);
    add_field(x, "label", FNET_XT_STRING, FNET_XF_LABEL, 0);
    add_field(x, "type", FNET_XT_STRING, FNET_XF_TYPE, 0);
    add_field(x, "aliases", FNET_XT_STRING, FNET_XF_ALIASES, 0);
    add_field(x, "date", FNET_XT_STRING, FNET_XF_DATE, 0);
    for (uint32_t k = 0; k < x->n_attrs; k++) {
        const char *name = attr_name(x, k);
        if (!name) {
            free(types);
            return FNET_ENOMEM;
        }
        add_field(x, name, types[k], FNET_XF_ATTR, (int)k);
    }
    free(types);
    for (size_t i = 0; i < o->n_metrics; i++) {
        int m = o->metrics[i];
        if (m == FNET_EXPORT_STABILITY)
            add_field(x, "stability", FNET_XT_DOUBLE, FNET_XF_STABILITY, 0);
        else
            add_field(x, fnet_metric_name(m),
                      integer_metric(m) ? FNET_XT_INT : FNET_XT_DOUBLE,
                      FNET_XF_METRIC, m);
    }
    return FNET_OK;
}

/* Per node, the first and last date over its dated edges. */
static int node_spans(fnet_export *x)
{
    const fnet_graph *g = x->g;
    x->span =
        calloc(2 * (size_t)(g->n_nodes ? g->n_nodes : 1), sizeof *x->span);
    if (!x->span)
        return FNET_ENOMEM;
    for (uint32_t e = 0; e < fnet_graph_edge_count(g); e++) {
        const fnet_edge *ed = &g->edges[e];
        if (!fnet_date_is_set(ed->first))
            continue;
        uint32_t ends[2] = {ed->from, ed->to};
        for (int k = 0; k < 2; k++) {
            fnet_date *s = &x->span[2 * (size_t)ends[k]];
            if (!fnet_date_is_set(s[0]) ||
                fnet_date_first_day(ed->first) < fnet_date_first_day(s[0]))
                s[0] = ed->first;
            if (!fnet_date_is_set(s[1]) ||
                fnet_date_last_day(ed->last) > fnet_date_last_day(s[1]))
                s[1] = ed->last;
        }
    }
    return FNET_OK;
}

static int evidence_order(fnet_export *x, fnet_err *err)
{
    int rc = fnet_evidence_build(&x->ev, x->g, err);
    if (rc != FNET_OK)
        return rc;
    uint32_t ne = fnet_graph_edge_count(x->g);
    x->ev_index = malloc((ne ? ne : 1) * sizeof *x->ev_index);
    if (!x->ev_index)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < x->ev->n_edges; i++)
        x->ev_index[x->ev->edges[i].edge] = i;
    return FNET_OK;
}

int fnet_export_build(fnet_export **out, const fnet_graph *g,
                      const fnet_export_opts *o, fnet_err *err)
{
    fnet_export *x = calloc(1, sizeof *x);
    int rc = FNET_ENOMEM;
    *out = NULL;
    if (!x)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    x->g = g;
    x->c = g->corpus;
    x->m = o->m;
    x->cm = o->cm;
    x->edge_fields = edge_fields;
    x->n_edge_fields = N_EDGE_FIELDS;
    if (g->opts.view != FNET_VIEW_ACTORS || g->opts.tie == FNET_TIE_MEMBERSHIP)
        x->n_edge_fields -= 2; /* no pos_weight, neg_weight */
    x->exported =
        calloc(x->c->n_entities ? x->c->n_entities : 1, sizeof *x->exported);
    if (!x->exported)
        goto done;
    mark_exported(x, o->fact_ends);
    if ((rc = node_layout(x, o)) || (rc = node_spans(x)))
        goto done;
    if ((rc = evidence_order(x, err)))
        goto done;
    *out = x;
    return FNET_OK;
done:
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    fnet_export_free(x);
    return rc;
}

void fnet_export_free(fnet_export *x)
{
    if (!x)
        return;
    fnet_evidence_free(x->ev);
    free(x->ev_index);
    free(x->span);
    free(x->exported);
    free(x->attr_keys);
    free(x->node_fields);
    fnet_arena_free(&x->arena);
    free(x);
}

/* ---- values ------------------------------------------------------------ */

static int string_value(const char *s, fnet_xvalue *out)
{
    if (!s || !s[0])
        return 0;
    out->s = s;
    return 1;
}

static int scratch_value(fnet_buf *b, fnet_xvalue *out)
{
    if (!fnet_buf_ok(b))
        return FNET_ENOMEM;
    return string_value(fnet_buf_str(b), out);
}

static int date_value(fnet_date d, fnet_buf *b, fnet_xvalue *out)
{
    char s[11];
    if (!fnet_date_is_set(d))
        return 0;
    fnet_date_format(d, s);
    fnet_buf_puts(b, s);
    return scratch_value(b, out);
}

static int attr_value(const fnet_export *x, const fnet_xfield *f,
                      const fnet_entity *en, fnet_xvalue *out)
{
    const char *key = x->attr_keys[f->index];
    for (uint32_t a = 0; a < en->n_attrs; a++) {
        const fnet_attr *at = &en->attrs[a];
        if (strcmp(at->key, key) != 0)
            continue;
        if (f->type == FNET_XT_DOUBLE) {
            out->d = strtod(at->value, NULL);
            return 1;
        }
        if (f->type == FNET_XT_BOOL) {
            out->b = strcmp(at->value, "true") == 0;
            return 1;
        }
        return string_value(at->value, out);
    }
    return 0;
}

static int metric_value(const fnet_export *x, const fnet_xfield *f,
                        int32_t node, fnet_xvalue *out)
{
    const double *col = f->kind == FNET_XF_STABILITY
                            ? (x->cm ? x->cm->stability : NULL)
                            : x->m->value[f->index];
    if (node < 0 || !col || isnan(col[node]))
        return 0;
    out->d = col[node];
    out->i = (int64_t)col[node];
    return 1;
}

int fnet_export_entity_value(const fnet_export *x, const fnet_xfield *f,
                             uint32_t entity, int32_t node, fnet_buf *scratch,
                             fnet_xvalue *out)
{
    const fnet_entity *en = &x->c->entities[entity];
    *out = (fnet_xvalue){.type = f->type};
    fnet_buf_reset(scratch);
    switch (f->kind) {
    case FNET_XF_ID: return string_value(en->id, out);
    case FNET_XF_LABEL: return string_value(en->label, out);
    case FNET_XF_TYPE: return string_value(en->type, out);
    case FNET_XF_ALIASES:
        for (uint32_t i = 0; i < en->n_aliases; i++) {
            if (i)
                fnet_buf_puts(scratch, "; ");
            fnet_buf_puts(scratch, en->aliases[i]);
        }
        return scratch_value(scratch, out);
    case FNET_XF_DATE: return date_value(en->date, scratch, out);
    case FNET_XF_ATTR: return attr_value(x, f, en, out);
    case FNET_XF_METRIC:
    case FNET_XF_STABILITY: return metric_value(x, f, node, out);
    }
    return 0;
}

int fnet_export_node_value(const fnet_export *x, const fnet_xfield *f,
                           uint32_t v, fnet_buf *scratch, fnet_xvalue *out)
{
    return fnet_export_entity_value(x, f, x->g->entity[v], (int32_t)v, scratch,
                                    out);
}

void fnet_export_fact_ref(const fnet_corpus *c, const fnet_fact *f, fnet_buf *b)
{
    if (f->id && f->id[0]) {
        fnet_buf_puts(b, f->id);
        return;
    }
    size_t start = b->len;
    fnet_corpus_cite(c, f->loc, "facts", b);
    while (b->len > start &&
           (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == ':'))
        b->data[--b->len] = '\0';
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct relation names of the edge's facts, sorted. */
static int relations_value(const fnet_export *x, const fnet_edge *e,
                           fnet_buf *b, fnet_xvalue *out)
{
    const char **names = malloc((e->n_facts ? e->n_facts : 1) * sizeof *names);
    if (!names)
        return FNET_ENOMEM;
    for (uint32_t k = 0; k < e->n_facts; k++)
        names[k] = x->c->relations[x->c->facts[e->facts[k]].relation].name;
    qsort(names, e->n_facts, sizeof *names, cmp_names);
    for (uint32_t k = 0; k < e->n_facts; k++) {
        if (k && strcmp(names[k], names[k - 1]) == 0)
            continue;
        if (b->len)
            fnet_buf_puts(b, "; ");
        fnet_buf_puts(b, names[k]);
    }
    free(names);
    return scratch_value(b, out);
}

/* Facts, sources or evidence of an edge, in listing order. */
static int listing_value(const fnet_export *x, int kind, uint32_t e,
                         fnet_buf *b, fnet_xvalue *out)
{
    const fnet_evidence_edge *ee = &x->ev->edges[x->ev_index[e]];
    fnet_strmap seen = {0};
    size_t dummy;
    int rc = FNET_OK;
    bool any = false;
    for (uint32_t k = 0; rc == FNET_OK && k < ee->n_facts; k++) {
        const fnet_fact *f = &x->c->facts[ee->facts[k]];
        if (kind == FNET_XF_FACTS) {
            if (k)
                fnet_buf_puts(b, "; ");
            fnet_export_fact_ref(x->c, f, b);
        } else if (kind == FNET_XF_EVIDENCE && f->evidence && f->evidence[0]) {
            fnet_buf_puts(b, any ? " | " : "");
            fnet_buf_puts(b, f->evidence);
            any = true;
        }
        for (uint32_t s = 0; kind == FNET_XF_SOURCES && s < f->n_sources; s++) {
            const char *id = x->c->sources[f->sources[s]].id;
            if (fnet_strmap_get(&seen, id, strlen(id), &dummy))
                continue;
            fnet_buf_puts(b, any ? "; " : "");
            fnet_buf_puts(b, id);
            any = true;
            rc = fnet_strmap_put(&seen, id, strlen(id), 0);
        }
    }
    fnet_strmap_free(&seen);
    return rc != FNET_OK ? rc : scratch_value(b, out);
}

int fnet_export_edge_value(const fnet_export *x, const fnet_xfield *f,
                           uint32_t e, fnet_buf *scratch, fnet_xvalue *out)
{
    const fnet_edge *ed = &x->g->edges[e];
    *out = (fnet_xvalue){.type = f->type};
    fnet_buf_reset(scratch);
    switch (f->kind) {
    case FNET_XF_WEIGHT: out->d = ed->weight; return 1;
    case FNET_XF_POS: out->d = ed->pos_weight; return 1;
    case FNET_XF_NEG: out->d = ed->neg_weight; return 1;
    case FNET_XF_COUNT: out->i = ed->count; return 1;
    case FNET_XF_SIGN: out->i = ed->sign; return 1;
    case FNET_XF_RELATION:
        return ed->relation < 0
                   ? 0
                   : string_value(x->c->relations[ed->relation].name, out);
    case FNET_XF_RELATIONS: return relations_value(x, ed, scratch, out);
    case FNET_XF_FIRST: return date_value(ed->first, scratch, out);
    case FNET_XF_LAST: return date_value(ed->last, scratch, out);
    case FNET_XF_FACTS:
    case FNET_XF_SOURCES:
    case FNET_XF_EVIDENCE: return listing_value(x, f->kind, e, scratch, out);
    }
    return 0;
}

const fnet_xfield *fnet_export_node_field(const fnet_export *x, int kind,
                                          int index)
{
    for (size_t i = 0; i < x->n_node_fields; i++)
        if (x->node_fields[i].kind == kind &&
            (kind != FNET_XF_METRIC || x->node_fields[i].index == index))
            return &x->node_fields[i];
    return NULL;
}

/* ---- dates and numbers ------------------------------------------------- */

bool fnet_export_node_span(const fnet_export *x, uint32_t v, fnet_date *first,
                           fnet_date *last)
{
    *first = x->span[2 * (size_t)v];
    *last = x->span[2 * (size_t)v + 1];
    return fnet_date_is_set(*first);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

void fnet_export_day(fnet_date d, bool last, char out[11])
{
    int m = d.month ? d.month : last ? 12 : 1;
    int day = d.day ? d.day : last ? days_in_month(d.year, m) : 1;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
             (unsigned)m % 100u, (unsigned)day % 100u);
}

void fnet_export_real(double v, char out[32])
{
    char b[64];
    fnet_table_format_real(b, sizeof b, v, -1);
    size_t n = strnlen(b, 31); /* at most 24 characters: -d.dddde-308 */
    memcpy(out, b, n);
    out[n] = '\0';
}

const char *fnet_export_text(const fnet_xvalue *v, char num[32])
{
    switch (v->type) {
    case FNET_XT_INT: snprintf(num, 32, "%lld", (long long)v->i); return num;
    case FNET_XT_DOUBLE: fnet_export_real(v->d, num); return num;
    case FNET_XT_BOOL: return v->b ? "true" : "false";
    default: return v->s;
    }
}

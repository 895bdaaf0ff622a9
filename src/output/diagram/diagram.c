/* diagram.c - a graph cut to a readable view, as a diagram (diagram.h). */
#include "output/diagram/diagram.h"

#include "core/buf.h"
#include "core/diag.h"
#include "core/strmap.h"
#include "core/text.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define TOOLTIP_FACTS 12 /* facts listed in an edge tooltip */

void fnet_diagram_opts_init(fnet_diagram_opts *o)
{
    memset(o, 0, sizeof *o);
    o->color_by = FNET_COLOR_COMMUNITY;
    o->cluster_by = FNET_CLUSTER_NONE;
    o->edge_labels = FNET_ELABEL_NONE;
    o->top = -1;
    o->ego = -1;
    o->radius = 1;
}

void fnet_diagram_free(fnet_diagram_set *s)
{
    if (!s)
        return;
    fnet_arena_free(&s->arena);
    free(s->nodes);
    free(s->edges);
    free(s->types);
    free(s->relations);
    free(s->fills);
    free(s->clusters);
    free(s->node_of);
    free(s);
}

/* ---- vocabularies ------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct builder {
    fnet_diagram_set *s;
    const fnet_graph *g;
    const fnet_corpus *c;
    const double *size;
    const uint32_t *community;
    const fnet_diagram_opts *o;
    fnet_err *err;
    bool *keep;           /* graph node kept in the view */
    int32_t *type_of;     /* entity -> index into types */
    int32_t *relation_of; /* corpus relation -> index into relations */
    uint32_t n_communities;
    fnet_buf tmp;
} builder;

static int types_of(builder *b)
{
    fnet_diagram_set *s = b->s;
    const fnet_corpus *c = b->c;
    fnet_strmap seen = {0};
    s->types = malloc((c->n_entities + 1) * sizeof *s->types);
    b->type_of = malloc((c->n_entities + 1) * sizeof *b->type_of);
    if (!s->types || !b->type_of)
        return FNET_ENOMEM;
    uint32_t n = 0;
    int rc = 0;
    for (uint32_t i = 0; !rc && i < c->n_entities; i++) {
        const char *t = c->entities[i].type;
        if (!fnet_strmap_get(&seen, t, strlen(t), NULL)) {
            s->types[n++] = t;
            rc = fnet_strmap_put(&seen, t, strlen(t), 0);
        }
    }
    qsort(s->types, n, sizeof *s->types, cmp_str);
    for (uint32_t k = 0; !rc && k < n; k++)
        rc = fnet_strmap_put(&seen, s->types[k], strlen(s->types[k]), k);
    for (uint32_t i = 0; !rc && i < c->n_entities; i++) {
        size_t k = 0;
        const char *t = c->entities[i].type;
        fnet_strmap_get(&seen, t, strlen(t), &k);
        b->type_of[i] = (int32_t)k;
    }
    fnet_strmap_free(&seen);
    s->d.types = s->types;
    s->d.n_types = n;
    return rc;
}

static const char *keep_str(builder *b, const fnet_buf *t)
{
    if (!fnet_buf_ok(t))
        return NULL;
    return fnet_arena_strndup(&b->s->arena, fnet_buf_str(t), t->len);
}

/* The relations used by the corpus's facts, sorted by name, each with
 * the text a reader sees (fnet_relation_display). */
static int relations_of(builder *b)
{
    fnet_diagram_set *s = b->s;
    const fnet_corpus *c = b->c;
    uint32_t nr = c->n_relations;
    bool *used = calloc(nr + 1, 1);
    const char **names = malloc((nr + 1) * sizeof *names);
    s->relations = malloc((nr + 1) * sizeof *s->relations);
    b->relation_of = malloc((nr + 1) * sizeof *b->relation_of);
    int rc = used && names && s->relations && b->relation_of ? 0 : FNET_ENOMEM;
    uint32_t n = 0;
    for (uint64_t i = 0; !rc && i < c->n_facts; i++)
        if (c->facts[i].relation >= 0)
            used[c->facts[i].relation] = true;
    for (uint32_t r = 0; !rc && r < nr; r++) {
        b->relation_of[r] = -1;
        if (used[r])
            names[n++] = c->relations[r].name;
    }
    if (!rc)
        qsort(names, n, sizeof *names, cmp_str);
    for (uint32_t k = 0; !rc && k < n; k++) {
        int32_t r = fnet_corpus_find_relation(c, names[k]);
        const fnet_relation *cr = &c->relations[r];
        fnet_buf_reset(&b->tmp);
        fnet_relation_display(&b->tmp, cr);
        const char *label = keep_str(b, &b->tmp);
        if (!label)
            rc = FNET_ENOMEM;
        s->relations[k] =
            (fnet_drelation){names[k], label, cr->directed, false};
        b->relation_of[r] = (int32_t)k;
    }
    s->d.relations = s->relations;
    s->d.n_relations = n;
    free(used);
    free(names);
    return rc;
}

/* ---- selection: ego network, top N ------------------------------------ */

/* Marks the nodes within radius of node `ego` (breadth-first). */
static int ego_select(builder *b, uint32_t ego)
{
    const fnet_graph *g = b->g;
    uint32_t n = g->n_nodes, m = fnet_graph_edge_count(g);
    uint32_t *start = calloc(n + 1, sizeof *start);
    uint32_t *adj = malloc((2 * (size_t)m + 1) * sizeof *adj);
    uint32_t *fill = calloc(n + 1, sizeof *fill);
    uint32_t *queue = malloc((n + 1) * sizeof *queue);
    int *dist = malloc((n + 1) * sizeof *dist);
    int rc = start && adj && fill && queue && dist ? 0 : FNET_ENOMEM;
    for (uint32_t i = 0; !rc && i < m; i++) {
        start[g->edges[i].from + 1]++;
        start[g->edges[i].to + 1]++;
    }
    for (uint32_t v = 0; !rc && v < n; v++)
        start[v + 1] += start[v];
    for (uint32_t i = 0; !rc && i < m; i++) {
        uint32_t u = g->edges[i].from, v = g->edges[i].to;
        adj[start[u] + fill[u]++] = v;
        adj[start[v] + fill[v]++] = u;
    }
    uint32_t head = 0, tail = 0;
    for (uint32_t v = 0; !rc && v < n; v++) {
        dist[v] = -1;
        b->keep[v] = false;
    }
    if (!rc) {
        dist[ego] = 0;
        queue[tail++] = ego;
    }
    while (!rc && head < tail) {
        uint32_t u = queue[head++];
        b->keep[u] = true;
        if (dist[u] >= b->o->radius)
            continue;
        for (uint32_t k = start[u]; k < start[u + 1]; k++)
            if (dist[adj[k]] < 0) {
                dist[adj[k]] = dist[u] + 1;
                queue[tail++] = adj[k];
            }
    }
    free(start);
    free(adj);
    free(fill);
    free(queue);
    free(dist);
    return rc;
}

typedef struct ranked {
    double v;
    const char *id;
    uint32_t node;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    return fnet_dnode_rank_cmp(a->v, a->id, b->v, b->id);
}

/* Keeps the top N kept nodes by size (ties by id); `pin` stays. */
static int top_select(builder *b, int32_t pin)
{
    const fnet_graph *g = b->g;
    ranked *r = malloc((g->n_nodes + 1) * sizeof *r);
    if (!r)
        return FNET_ENOMEM;
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n_nodes; v++)
        if (b->keep[v])
            r[n++] = (ranked){b->size ? b->size[v] : NAN,
                              fnet_graph_node_entity(g, v)->id, v};
    qsort(r, n, sizeof *r, cmp_ranked);
    for (uint32_t k = (uint32_t)b->o->top; k < n; k++)
        if ((int32_t)r[k].node != pin)
            b->keep[r[k].node] = false;
    free(r);
    return 0;
}

static int select_nodes(builder *b)
{
    const fnet_graph *g = b->g;
    int32_t ego = -1;
    b->keep = malloc((g->n_nodes + 1) * sizeof *b->keep);
    if (!b->keep)
        return fnet_err_set(b->err, FNET_ENOMEM, "out of memory");
    for (uint32_t v = 0; v < g->n_nodes; v++)
        b->keep[v] = true;
    if (b->o->ego >= 0) {
        int32_t e = b->o->ego;
        assert((uint32_t)e < b->c->n_entities);
        ego = g->node_of[e];
        if (ego < 0) {
            fnet_buf q = {0};
            fnet_err_set(b->err, FNET_EUSAGE,
                         "--ego: %s is not in the graph "
                         "(filtered out by the view or filters)",
                         fnet_diag_quoted(&q, b->c->entities[e].id));
            fnet_buf_free(&q);
            return FNET_EUSAGE;
        }
        if (ego_select(b, (uint32_t)ego))
            return fnet_err_set(b->err, FNET_ENOMEM, "out of memory");
    }
    if (b->o->top >= 0 && top_select(b, ego))
        return fnet_err_set(b->err, FNET_ENOMEM, "out of memory");
    return 0;
}

/* ---- text -------------------------------------------------------------- */

static void put_year_range(fnet_buf *t, int lo, int hi)
{
    if (lo == hi)
        fnet_buf_printf(t, "%d", lo);
    else
        fnet_buf_printf(t, "%d\xE2\x80\x93%d", lo, hi); /* en dash */
}

/* Years covered by fact f: [date, until or date]; false if undated. */
static bool fact_years(const fnet_fact *f, int *lo, int *hi)
{
    if (!fnet_date_is_set(f->date))
        return false;
    *lo = f->date.year;
    *hi = fnet_date_is_set(f->until) ? f->until.year : f->date.year;
    return true;
}

/* One line describing fact i: "subject relation object, date, sources
 * (FILE: facts[i])". The relation is named by its id, as in tables: the
 * tooltip cites the fact as written. */
static void fact_line(builder *b, fnet_buf *t, uint64_t i)
{
    const fnet_corpus *c = b->c;
    const fnet_fact *f = &c->facts[i];
    char date[11];
    fnet_buf_printf(t, "%s %s %s", c->entities[f->subject].label,
                    c->relations[f->relation].name,
                    c->entities[f->object].label);
    if (fnet_fact_sign(c, f) < 0 && c->relations[f->relation].sign > 0)
        fnet_buf_puts(t, " (negative)");
    fnet_date_format(f->date, date);
    if (date[0])
        fnet_buf_printf(t, ", %s", date);
    for (uint32_t k = 0; k < f->n_sources; k++)
        fnet_buf_printf(t, "%s%s", k ? " " : ", ",
                        c->sources[f->sources[k]].id);
    size_t before = t->len;
    fnet_buf_puts(t, " (");
    fnet_corpus_cite(c, f->loc, "facts", t);
    if (t->len >= before + 4 && fnet_buf_ok(t)) {
        t->len -= 2; /* drop the locator's trailing ": " */
        t->data[t->len] = '\0';
    }
    fnet_buf_putc(t, ')');
}

/* True when fact i links exactly entities a and b (a direct fact, not a
 * shared item of the actors view). */
static bool direct(const fnet_corpus *c, uint64_t i, uint32_t a, uint32_t b)
{
    const fnet_fact *f = &c->facts[i];
    return ((uint32_t)f->subject == a && (uint32_t)f->object == b) ||
           ((uint32_t)f->subject == b && (uint32_t)f->object == a);
}

static const char *edge_tooltip(builder *b, const fnet_edge *e)
{
    fnet_buf *t = &b->tmp;
    fnet_buf_reset(t);
    fnet_buf_printf(t, "%s \xE2\x80\x94 %s: %u fact%s, weight %g",
                    fnet_graph_node_entity(b->g, e->from)->label,
                    fnet_graph_node_entity(b->g, e->to)->label, e->count,
                    e->count == 1 ? "" : "s", e->weight);
    for (uint32_t k = 0; k < e->n_facts && k < TOOLTIP_FACTS; k++) {
        fnet_buf_putc(t, '\n');
        fact_line(b, t, e->facts[k]);
    }
    if (e->n_facts > TOOLTIP_FACTS)
        fnet_buf_printf(t, "\n\xE2\x80\xA6 and %u more",
                        e->n_facts - TOOLTIP_FACTS);
    return keep_str(b, t);
}

static int32_t drel(const builder *b, int32_t corpus_relation)
{
    return corpus_relation >= 0 ? b->relation_of[corpus_relation] : -1;
}

/* True when a fact of e has diagram relation r. */
static bool has_relation(const builder *b, const fnet_edge *e, uint32_t r)
{
    for (uint32_t k = 0; k < e->n_facts; k++)
        if (drel(b, b->c->facts[e->facts[k]].relation) == (int32_t)r)
            return true;
    return false;
}

static const char *edge_label(builder *b, const fnet_edge *e)
{
    const fnet_corpus *c = b->c;
    fnet_buf *t = &b->tmp;
    fnet_buf_reset(t);
    int lo = 0, hi = 0, y0, y1;
    bool any = false;
    switch (b->o->edge_labels) {
    case FNET_ELABEL_RELATION:
        if (e->relation >= 0) {
            fnet_buf_puts(t, b->s->relations[drel(b, e->relation)].label);
            break;
        }
        for (uint32_t r = 0; r < b->s->d.n_relations; r++)
            if (has_relation(b, e, r)) {
                fnet_buf_puts(t, t->len ? ", " : "");
                fnet_buf_puts(t, b->s->relations[r].label);
            }
        break;
    case FNET_ELABEL_DATE:
        for (uint32_t k = 0; k < e->n_facts; k++)
            if (fact_years(&c->facts[e->facts[k]], &y0, &y1)) {
                lo = any && lo < y0 ? lo : y0;
                hi = any && hi > y1 ? hi : y1;
                any = true;
            }
        if (!any)
            return NULL;
        put_year_range(t, lo, hi);
        break;
    case FNET_ELABEL_COUNT: fnet_buf_printf(t, "%u", e->count); break;
    default: return NULL;
    }
    return keep_str(b, t);
}

/* ---- nodes ------------------------------------------------------------- */

static const char *node_tooltip(builder *b, const fnet_entity *e)
{
    fnet_buf *t = &b->tmp;
    fnet_buf_reset(t);
    fnet_buf_printf(t, "%s\nid: %s\ntype: %s", e->label, e->id, e->type);
    for (uint32_t a = 0; a < e->n_aliases; a++)
        fnet_buf_printf(t, "%s%s", a ? "; " : "\nalso: ", e->aliases[a]);
    return keep_str(b, t);
}

static int add_nodes(builder *b)
{
    const fnet_graph *g = b->g;
    fnet_diagram_set *s = b->s;
    const fnet_diagram_opts *o = b->o;
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n_nodes; v++) {
        if (!b->keep[v])
            continue;
        const fnet_entity *e = fnet_graph_node_entity(g, v);
        int32_t type = b->type_of[g->entity[v]];
        int32_t comm = b->community ? (int32_t)b->community[v] - 1 : -1;
        fnet_dnode *d = &s->nodes[n];
        d->id = e->id;
        d->label = e->label;
        d->tooltip = node_tooltip(b, e);
        d->type = type;
        d->size = b->size ? b->size[v] : NAN;
        d->fill = o->color_by == FNET_COLOR_COMMUNITY ? comm
                  : o->color_by == FNET_COLOR_TYPE    ? type
                                                      : -1;
        d->cluster = o->cluster_by == FNET_CLUSTER_COMMUNITY ? comm
                     : o->cluster_by == FNET_CLUSTER_TYPE    ? type
                                                             : -1;
        if (!d->tooltip)
            return FNET_ENOMEM;
        s->node_of[v] = n++;
    }
    s->d.n_nodes = n;
    return 0;
}

/* ---- edges ------------------------------------------------------------- */

/* Direction of an aggregated edge from its direct, directed facts; may
 * swap from/to so that a one-way edge points subject -> object. */
static void edge_direction(builder *b, const fnet_edge *e, fnet_dedge *d)
{
    const fnet_corpus *c = b->c;
    uint32_t ea = b->g->entity[e->from], eb = b->g->entity[e->to];
    bool fwd = false, back = false;
    for (uint32_t k = 0; k < e->n_facts; k++) {
        const fnet_fact *f = &c->facts[e->facts[k]];
        if (!direct(c, e->facts[k], ea, eb) ||
            !c->relations[f->relation].directed)
            continue;
        if ((uint32_t)f->subject == ea)
            fwd = true;
        else
            back = true;
    }
    d->dir = fwd && back   ? FNET_DIR_BOTH
             : fwd || back ? FNET_DIR_FORWARD
                           : FNET_DIR_NONE;
    if (back && !fwd) {
        uint32_t x = d->from;
        d->from = d->to;
        d->to = x;
    }
}

/* Facts of e that link its two entities directly (in the actors view the
 * others link one of them to a shared item). */
static uint32_t direct_facts(const builder *b, const fnet_edge *e)
{
    uint32_t ea = b->g->entity[e->from], eb = b->g->entity[e->to], n = 0;
    for (uint32_t k = 0; k < e->n_facts; k++)
        n += direct(b->c, e->facts[k], ea, eb);
    return n;
}

static int aggregated_edge(builder *b, const fnet_edge *e, uint32_t *n)
{
    fnet_dedge *d = &b->s->edges[(*n)++];
    d->from = b->s->node_of[e->from];
    d->to = b->s->node_of[e->to];
    d->relation = drel(b, e->relation);
    /* A tie through shared items is not an instance of a relation. */
    if (direct_facts(b, e) != e->n_facts)
        d->relation = -1;
    for (uint32_t r = 0; d->relation < 0 && r < b->s->d.n_relations; r++)
        if (has_relation(b, e, r))
            b->s->relations[r].combined = true;
    d->sign = e->sign;
    d->weight = e->weight;
    d->serial = 0;
    edge_direction(b, e, d);
    d->tooltip = edge_tooltip(b, e);
    d->label = edge_label(b, e);
    return d->tooltip ? 0 : FNET_ENOMEM;
}

/* --multi: one edge per direct fact of e, subject -> object. */
static int fact_edges(builder *b, const fnet_edge *e, uint32_t *n)
{
    const fnet_corpus *c = b->c;
    uint32_t ea = b->g->entity[e->from], eb = b->g->entity[e->to];
    uint32_t serial = 0;
    for (uint32_t k = 0; k < e->n_facts; k++) {
        uint64_t i = e->facts[k];
        const fnet_fact *f = &c->facts[i];
        if (!direct(c, i, ea, eb))
            continue;
        fnet_dedge *d = &b->s->edges[(*n)++];
        bool forward = (uint32_t)f->subject == ea;
        d->from = b->s->node_of[forward ? e->from : e->to];
        d->to = b->s->node_of[forward ? e->to : e->from];
        d->relation = drel(b, f->relation);
        d->sign = fnet_fact_sign(c, f);
        d->weight = f->weight;
        d->serial = ++serial;
        d->dir = c->relations[f->relation].directed ? FNET_DIR_FORWARD
                                                    : FNET_DIR_NONE;
        fnet_edge one = {.from = e->from,
                         .to = e->to,
                         .weight = f->weight,
                         .count = 1,
                         .relation = f->relation,
                         .facts = &e->facts[k],
                         .n_facts = 1};
        d->label = edge_label(b, &one);
        fnet_buf_reset(&b->tmp);
        fact_line(b, &b->tmp, i);
        d->tooltip = keep_str(b, &b->tmp);
        if (!d->tooltip)
            return FNET_ENOMEM;
    }
    return 0;
}

static int add_edges(builder *b)
{
    const fnet_graph *g = b->g;
    uint32_t n = 0;
    int rc = 0;
    for (uint32_t i = 0; !rc && i < fnet_graph_edge_count(g); i++) {
        const fnet_edge *e = &g->edges[i];
        if (!b->keep[e->from] || !b->keep[e->to])
            continue;
        rc = b->o->multi ? fact_edges(b, e, &n) : aggregated_edge(b, e, &n);
    }
    b->s->d.n_edges = n;
    return rc;
}

/* ---- communities ------------------------------------------------------- */

static int cmp_members(const void *x, const void *y)
{
    return cmp_ranked(x, y);
}

/* Kept members of community k (1-based), largest size first. */
static uint32_t members(builder *b, uint32_t k, ranked *r)
{
    uint32_t n = 0;
    for (uint32_t v = 0; v < b->g->n_nodes; v++)
        if (b->keep[v] && b->community[v] == k)
            r[n++] = (ranked){b->size ? b->size[v] : NAN,
                              fnet_graph_node_entity(b->g, v)->id, v};
    qsort(r, n, sizeof *r, cmp_members);
    return n;
}

/* Appends s cut to at most max code points at a space, with an ellipsis
 * when cut. */
static void put_short(fnet_buf *t, const char *s, size_t max)
{
    size_t cps = 0, cut = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        if (cps == max)
            break;
        if (s[i] == ' ' || s[i] == '\n')
            cut = i;
        cps++;
    }
    if (!s[i]) {
        fnet_buf_puts(t, s);
        return;
    }
    fnet_buf_append(t, s, cut ? cut : i);
    fnet_buf_puts(t, "\xE2\x80\xA6");
}

/* "Japan, ASEAN +10": the `top` largest members and how many more; each
 * label cut to `max` code points. */
static void community_name(builder *b, const ranked *r, uint32_t n,
                           uint32_t top, size_t max, fnet_buf *t)
{
    for (uint32_t i = 0; i < n && i < top; i++) {
        fnet_buf_puts(t, i ? ", " : "");
        put_short(t, fnet_graph_node_entity(b->g, r[i].node)->label, max);
    }
    if (n > top)
        fnet_buf_printf(t, " +%u", n - top);
}

static int community_names(builder *b)
{
    fnet_diagram_set *s = b->s;
    uint32_t nc = b->n_communities;
    ranked *r = malloc((b->g->n_nodes + 1) * sizeof *r);
    s->fills = calloc(nc + 1, sizeof *s->fills);
    if (!r || !s->fills) {
        free(r);
        return FNET_ENOMEM;
    }
    for (uint32_t k = 1; k <= nc; k++) {
        uint32_t n = members(b, k, r);
        fnet_buf_reset(&b->tmp);
        fnet_buf_printf(&b->tmp, "%u", k);
        if (n) {
            fnet_buf_puts(&b->tmp, ": ");
            community_name(b, r, n, 1, 28, &b->tmp);
        }
        if (!(s->fills[k - 1] = keep_str(b, &b->tmp))) {
            free(r);
            return FNET_ENOMEM;
        }
    }
    free(r);
    return 0;
}

static int groups(builder *b)
{
    fnet_diagram_set *s = b->s;
    const fnet_diagram_opts *o = b->o;
    s->d.color_by = o->color_by;
    if (b->community) {
        int rc = community_names(b);
        if (rc)
            return rc;
    }
    if (o->color_by == FNET_COLOR_COMMUNITY) {
        s->d.fill_names = s->fills;
        s->d.n_fills = b->n_communities;
    } else if (o->color_by == FNET_COLOR_TYPE) {
        s->d.fill_names = s->types;
        s->d.n_fills = s->d.n_types;
    }
    if (o->cluster_by == FNET_CLUSTER_TYPE) {
        s->d.cluster_names = s->types;
        s->d.n_clusters = s->d.n_types;
    } else if (o->cluster_by == FNET_CLUSTER_COMMUNITY) {
        s->clusters = calloc(b->n_communities + 1, sizeof *s->clusters);
        if (!s->clusters)
            return FNET_ENOMEM;
        for (uint32_t k = 0; k < b->n_communities; k++) {
            fnet_buf_reset(&b->tmp);
            fnet_buf_printf(&b->tmp, "community %u", k + 1);
            if (!(s->clusters[k] = keep_str(b, &b->tmp)))
                return FNET_ENOMEM;
        }
        s->d.cluster_names = s->clusters;
        s->d.n_clusters = b->n_communities;
    }
    return 0;
}

typedef struct tie {
    uint32_t a, b; /* community nodes, a < b */
    uint32_t edge; /* graph edge */
} tie;

static int cmp_tie(const void *x, const void *y)
{
    const tie *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->edge < q->edge ? -1 : p->edge > q->edge;
}

/* One collapsed edge for ties t[0..n) between the same two communities. */
static int collapsed_edge(builder *b, const tie *t, uint32_t n, uint32_t *out)
{
    const fnet_graph *g = b->g;
    fnet_edge sum = {.relation = g->edges[t[0].edge].relation,
                     .sign = g->edges[t[0].edge].sign};
    uint32_t nf = 0;
    for (uint32_t i = 0; i < n; i++)
        nf += g->edges[t[i].edge].n_facts;
    sum.facts = malloc((nf + 1) * sizeof *sum.facts);
    if (!sum.facts)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        const fnet_edge *e = &g->edges[t[i].edge];
        memcpy(sum.facts + sum.n_facts, e->facts,
               e->n_facts * sizeof *e->facts);
        sum.n_facts += e->n_facts;
        sum.weight += e->weight;
        if (e->relation != sum.relation)
            sum.relation = -1;
        if (e->sign != sum.sign)
            sum.sign = 0;
    }
    sum.count = n; /* a collapsed edge counts ties */
    fnet_dedge *d = &b->s->edges[(*out)++];
    d->from = t[0].a;
    d->to = t[0].b;
    d->relation = drel(b, sum.relation);
    for (uint32_t r = 0; d->relation < 0 && r < b->s->d.n_relations; r++)
        if (has_relation(b, &sum, r))
            b->s->relations[r].combined = true;
    d->sign = sum.sign;
    d->weight = sum.weight;
    d->dir = FNET_DIR_NONE;
    d->label = edge_label(b, &sum);
    fnet_buf_reset(&b->tmp);
    fnet_buf_printf(&b->tmp, "%s \xE2\x80\x94 %s: %u tie%s, weight %g",
                    b->s->nodes[t[0].a].label, b->s->nodes[t[0].b].label, n,
                    n == 1 ? "" : "s", sum.weight);
    d->tooltip = keep_str(b, &b->tmp);
    free(sum.facts);
    return d->tooltip ? 0 : FNET_ENOMEM;
}

/* Edges between communities: kept graph edges whose ends lie in two
 * different communities, grouped by the pair. */
static int collapse_edges(builder *b, const uint32_t *node)
{
    const fnet_graph *g = b->g;
    uint32_t m = fnet_graph_edge_count(g), n = 0, out = 0;
    tie *t = malloc((m + 1) * sizeof *t);
    if (!t)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < m; i++) {
        const fnet_edge *e = &g->edges[i];
        if (!b->keep[e->from] || !b->keep[e->to])
            continue;
        uint32_t x = node[b->community[e->from] - 1];
        uint32_t y = node[b->community[e->to] - 1];
        if (x != y)
            t[n++] = (tie){x < y ? x : y, x < y ? y : x, i};
    }
    qsort(t, n, sizeof *t, cmp_tie);
    int rc = 0;
    for (uint32_t i = 0, j; !rc && i < n; i = j) {
        for (j = i + 1; j < n && t[j].a == t[i].a && t[j].b == t[i].b; j++)
            ;
        rc = collapsed_edge(b, t + i, j - i, &out);
    }
    b->s->d.n_edges = out;
    free(t);
    return rc;
}

/* --collapse communities: one node per community with kept members, one
 * edge per pair of communities tied by at least one kept edge. */
static int collapse(builder *b)
{
    fnet_diagram_set *s = b->s;
    const fnet_graph *g = b->g;
    uint32_t nc = b->n_communities, n = 0;
    uint32_t *node = malloc((nc + 1) * sizeof *node);
    ranked *r = malloc((g->n_nodes + 1) * sizeof *r);
    if (!node || !r) {
        free(node);
        free(r);
        return FNET_ENOMEM;
    }
    int rc = 0;
    for (uint32_t k = 1; !rc && k <= nc; k++) {
        uint32_t m = members(b, k, r);
        node[k - 1] = NONE;
        if (!m)
            continue;
        fnet_dnode *d = &s->nodes[n];
        fnet_buf_reset(&b->tmp);
        fnet_buf_printf(&b->tmp, "community-%u", k);
        d->id = keep_str(b, &b->tmp);
        fnet_buf_reset(&b->tmp);
        community_name(b, r, m, 1, 28, &b->tmp);
        fnet_buf_printf(&b->tmp, " (%u)", m);
        d->label = keep_str(b, &b->tmp);
        fnet_buf_reset(&b->tmp);
        fnet_buf_printf(&b->tmp, "community %u: %u member%s", k, m,
                        m == 1 ? "" : "s");
        for (uint32_t i = 0; i < m; i++)
            fnet_buf_printf(&b->tmp, "\n%s",
                            fnet_graph_node_entity(g, r[i].node)->label);
        d->tooltip = keep_str(b, &b->tmp);
        d->type = -1;
        d->size = m;
        d->fill = b->o->color_by == FNET_COLOR_COMMUNITY ? (int32_t)k - 1 : -1;
        d->cluster = -1;
        if (!d->id || !d->label || !d->tooltip)
            rc = FNET_ENOMEM;
        node[k - 1] = n++;
    }
    free(r);
    s->d.n_nodes = n;
    s->d.size_by = "members";
    if (!rc)
        rc = collapse_edges(b, node);
    free(node);
    return rc;
}

/* ---- caption and driver ----------------------------------------------- */

/* "81 facts from 2 sources, 2006–2021": the facts behind the kept edges. */
static int caption(builder *b)
{
    const fnet_graph *g = b->g;
    const fnet_corpus *c = b->c;
    /* Seen flags, not counters: a narrow counter wraps (256 facts of one
     * source counted it twice). */
    bool *fact = calloc(c->n_facts + 1, sizeof *fact);
    bool *src = calloc(c->n_sources + 1, sizeof *src);
    if (!fact || !src) {
        free(fact);
        free(src);
        return FNET_ENOMEM;
    }
    uint64_t nf = 0;
    uint32_t ns = 0;
    int lo = 0, hi = 0, y0, y1;
    bool dated = false;
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++) {
        const fnet_edge *e = &g->edges[i];
        if (!b->keep[e->from] || !b->keep[e->to])
            continue;
        for (uint32_t k = 0; k < e->n_facts; k++) {
            uint64_t f = e->facts[k];
            if (fact[f])
                continue;
            fact[f] = true;
            nf++;
            for (uint32_t j = 0; j < c->facts[f].n_sources; j++) {
                uint32_t s = c->facts[f].sources[j];
                ns += !src[s];
                src[s] = true;
            }
            if (fact_years(&c->facts[f], &y0, &y1)) {
                lo = dated && lo < y0 ? lo : y0;
                hi = dated && hi > y1 ? hi : y1;
                dated = true;
            }
        }
    }
    free(fact);
    free(src);
    fnet_buf *t = &b->tmp;
    fnet_buf_reset(t);
    fnet_buf_printf(t, "%llu fact%s from %u source%s", (unsigned long long)nf,
                    nf == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
    if (dated) {
        fnet_buf_puts(t, ", ");
        put_year_range(t, lo, hi);
    }
    b->s->d.caption = keep_str(b, t);
    return b->s->d.caption ? 0 : FNET_ENOMEM;
}

static int check(builder *b)
{
    const fnet_diagram_opts *o = b->o;
    bool needs = o->collapse || o->color_by == FNET_COLOR_COMMUNITY ||
                 o->cluster_by == FNET_CLUSTER_COMMUNITY;
    if (needs && !b->community && b->g->n_nodes)
        return fnet_err_set(b->err, FNET_EUSAGE,
                            "communities are needed "
                            "but were not computed");
    if (o->multi && (o->collapse || b->g->opts.view != FNET_VIEW_FULL))
        return fnet_err_set(b->err, FNET_EUSAGE,
                            "--multi needs the full "
                            "view and no --collapse");
    if (b->g->opts.directed)
        return fnet_err_set(b->err, FNET_EINTERNAL,
                            "diagram: the drawing "
                            "graph must be undirected");
    for (uint32_t v = 0; b->community && v < b->g->n_nodes; v++)
        if (b->community[v] > b->n_communities)
            b->n_communities = b->community[v];
    return 0;
}

static int arrays(builder *b)
{
    const fnet_graph *g = b->g;
    fnet_diagram_set *s = b->s;
    size_t ne = fnet_graph_edge_count(g);
    if (b->o->multi) {
        ne = 0;
        for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++)
            ne += g->edges[i].n_facts;
    }
    s->nodes = calloc(g->n_nodes + 1, sizeof *s->nodes);
    s->edges = calloc(ne + 1, sizeof *s->edges);
    s->node_of = malloc((g->n_nodes + 1) * sizeof *s->node_of);
    if (!s->nodes || !s->edges || !s->node_of)
        return FNET_ENOMEM;
    for (uint32_t v = 0; v < g->n_nodes; v++)
        s->node_of[v] = NONE;
    s->d.nodes = s->nodes;
    s->d.edges = s->edges;
    return 0;
}

int fnet_diagram_make(fnet_diagram_set **out, const fnet_graph *draw,
                      const double *size, const uint32_t *community,
                      const fnet_diagram_opts *o, fnet_err *err)
{
    builder b = {.g = draw,
                 .c = draw->corpus,
                 .size = size,
                 .community = community,
                 .o = o,
                 .err = err};
    *out = NULL;
    int rc = check(&b);
    if (rc)
        return rc;
    if (!(b.s = calloc(1, sizeof *b.s)))
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    rc = select_nodes(&b);
    if (!rc) {
        int mem = arrays(&b);
        if (!mem)
            mem = types_of(&b);
        if (!mem)
            mem = relations_of(&b);
        if (!mem)
            mem = groups(&b);
        if (!mem)
            mem = o->collapse ? collapse(&b) : add_nodes(&b);
        if (!mem && !o->collapse)
            mem = add_edges(&b);
        if (!mem)
            mem = caption(&b);
        if (mem)
            rc = fnet_err_set(err, mem, "out of memory");
    }
    if (!rc) {
        /* --title "": no title (not Graphviz's fallback to the graph name). */
        b.s->d.title = !o->title ? b.c->title : *o->title ? o->title : NULL;
        if (!o->collapse)
            b.s->d.size_by = size ? o->size_by : NULL;
        b.s->d.weight_by = o->collapse ? "sum of tie weights" : "weight";
        if (draw->opts.view == FNET_VIEW_ACTORS)
            b.s->d.several_name = "shared items or several relations";
    }
    free(b.keep);
    free(b.type_of);
    free(b.relation_of);
    fnet_buf_free(&b.tmp);
    if (rc) {
        fnet_diagram_free(b.s);
        return rc;
    }
    *out = b.s;
    return 0;
}

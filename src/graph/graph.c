/* graph.c - builds the igraph graph of a corpus: filters, views, aggregation.
 *
 * The build runs in three passes:
 *   1. choose the nodes (entities kept by --types and the view) and the
 *      facts (relation, date window, both ends kept, no self-loop);
 *   2. collect "contributions" to ordered node pairs: one per fact (two for
 *      an undirected relation in directed mode) and, in the actors view, one
 *      per item shared by two actors;
 *   3. sort the contributions by pair and merge each run into one edge.
 * Sorting makes edge order, and therefore every output, independent of the
 * order of facts in the input files. */
#include "graph/graph.h"

#include "core/text.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

/* ---- small growable arrays ----------------------------------------------- */

/* A direct fact contributing to the pair (from, to). */
typedef struct contrib {
    uint32_t from, to;
    uint64_t fact;
} contrib;

/* A fact linking an actor to an item (actors view). */
typedef struct member {
    uint32_t item;  /* entity index of the item */
    uint32_t actor; /* node index */
    uint64_t fact;
    int32_t level; /* qualifier level (fnet_stance_level) */
} member;

/* A run of member records with the same (item, actor). */
typedef struct group {
    uint32_t item, actor;
    size_t start, end; /* range in the sorted member array */
} group;

/* An item shared by actors a and b (actors view): groups ga (of a) and gb
 * (of b), and k = number of actors linked to the item. */
typedef struct share {
    uint32_t a, b;
    uint32_t item;
    uint32_t k;
    size_t ga, gb;
} share;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return FNET_ENOMEM;
    *p = q;
    *cap = n;
    return 0;
}

static int cmp_contrib(const void *x, const void *y)
{
    const contrib *a = x, *b = y;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int cmp_member(const void *x, const void *y)
{
    const member *a = x, *b = y;
    if (a->item != b->item)
        return a->item < b->item ? -1 : 1;
    if (a->actor != b->actor)
        return a->actor < b->actor ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int cmp_share(const void *x, const void *y)
{
    const share *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return a->item < b->item ? -1 : a->item > b->item;
}

/* ---- options ------------------------------------------------------------- */

void fnet_graph_opts_init(fnet_graph_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->view = FNET_VIEW_FULL;
    opts->projection = FNET_PROJ_COUNT;
    opts->from = FNET_DATE_NONE;
    opts->to = FNET_DATE_NONE;
    opts->min_weight = 0;
}

/* Calls fn(name, len, ctx) for each comma-separated name of list (spaces
 * around names are ignored). Returns the first non-zero return of fn, or
 * FNET_EUSAGE for an empty name. */
static int each_name(const char *list, const char *what,
                     int (*fn)(const char *, size_t, void *), void *ctx,
                     fnet_err *err)
{
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *s = p;
        while (len && (*s == ' ' || *s == '\t'))
            s++, len--;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (!len)
            return fnet_err_set(err, FNET_EUSAGE, "empty name in %s '%s'", what,
                                list);
        int rc = fn(s, len, ctx);
        if (rc)
            return rc;
        if (!end)
            return 0;
        p = end + 1;
    }
}

typedef struct name_ctx {
    const fnet_corpus *c;
    bool *mark; /* relations: per relation; types: per entity */
    fnet_err *err;
    const char *what;
} name_ctx;

static int mark_relation(const char *s, size_t len, void *p)
{
    name_ctx *x = p;
    for (uint32_t i = 0; i < x->c->n_relations; i++)
        if (strlen(x->c->relations[i].name) == len &&
            memcmp(x->c->relations[i].name, s, len) == 0) {
            x->mark[i] = true;
            return 0;
        }
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, s, len);
    for (uint32_t i = 0; i < x->c->n_relations; i++)
        fnet_text_nearest_offer(&n, x->c->relations[i].name);
    if (n.best)
        return fnet_err_set(x->err, FNET_EUSAGE,
                            "unknown relation '%.*s' (did you mean '%s'?)",
                            (int)len, s, n.best);
    return fnet_err_set(x->err, FNET_EUSAGE, "unknown relation '%.*s'",
                        (int)len, s);
}

/* Marks every entity whose type is s; an unknown type is a usage error (a
 * misspelt type would otherwise silently give an empty graph). */
static int mark_type(const char *s, size_t len, void *p)
{
    name_ctx *x = p;
    bool found = false;
    for (uint32_t i = 0; i < x->c->n_entities; i++) {
        const char *t = x->c->entities[i].type;
        if (strlen(t) == len && memcmp(t, s, len) == 0) {
            x->mark[i] = true;
            found = true;
        }
    }
    if (found)
        return 0;
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, s, len);
    for (uint32_t i = 0; i < x->c->n_entities; i++)
        if (!n.best || strcmp(n.best, x->c->entities[i].type) != 0)
            fnet_text_nearest_offer(&n, x->c->entities[i].type);
    if (n.best)
        return fnet_err_set(x->err, FNET_EUSAGE,
                            "%s: unknown entity type '%.*s' (no entity has "
                            "it; did you mean '%s'?)",
                            x->what, (int)len, s, n.best);
    return fnet_err_set(x->err, FNET_EUSAGE,
                        "%s: unknown entity type '%.*s' (no entity has "
                        "it)",
                        x->what, (int)len, s);
}

static bool is_actor(const fnet_entity *e)
{
    return strcmp(e->type, "actor") == 0;
}

/* True when the fact lies in the window: its covered interval (date .. until,
 * each at its own precision) overlaps [from, to]. */
static bool in_window(const fnet_fact *f, const fnet_graph_opts *o)
{
    if (!fnet_date_is_set(f->date))
        return !o->dated_only;
    long lo = fnet_date_first_day(f->date);
    long hi =
        fnet_date_last_day(fnet_date_is_set(f->until) ? f->until : f->date);
    if (fnet_date_is_set(o->from) && hi < fnet_date_first_day(o->from))
        return false;
    if (fnet_date_is_set(o->to) && lo > fnet_date_last_day(o->to))
        return false;
    return true;
}

/* ---- the build ----------------------------------------------------------- */

typedef struct build {
    fnet_graph *g;
    const fnet_corpus *c;
    const fnet_graph_opts *o;
    bool *keep_rel;  /* per relation, NULL: all */
    bool *keep_type; /* per entity, NULL: all */
    bool *is_item;   /* per entity (actors view) */
    contrib *con;
    size_t n_con, cap_con;
    member *mem;
    size_t n_mem, cap_mem;
    group *grp;
    size_t n_grp, cap_grp;
    uint32_t *items_of;       /* per node: distinct items (actors view) */
    uint32_t *stmts_of;       /* per node: membership facts (a_i of the ties) */
    bool *dup;                /* per fact: a dropped duplicate, or NULL */
    int32_t lo, hi;           /* levels seen on membership facts */
    bool any_level, any_sign; /* some level seen; some without a stance */
    int32_t *la, *lb;         /* scratch: the levels of two groups */
    size_t cap_l;
    share *sh;
    size_t n_sh, cap_sh;
    fnet_edge *edges;
    size_t n_edges, cap_edges;
    uint64_t *pool;
    size_t n_pool, cap_pool;
} build;

static int parse_filters(build *b, fnet_err *err)
{
    const fnet_corpus *c = b->c;
    const fnet_graph_opts *o = b->o;
    name_ctx x = {c, NULL, err, NULL};
    int rc;
    if (o->relations) {
        b->keep_rel = calloc(c->n_relations ? c->n_relations : 1, 1);
        if (!b->keep_rel)
            return FNET_ENOMEM;
        x.mark = b->keep_rel;
        rc = each_name(o->relations, "--relations", mark_relation, &x, err);
        if (rc)
            return rc;
    }
    if (o->types) {
        b->keep_type = calloc(c->n_entities ? c->n_entities : 1, 1);
        if (!b->keep_type)
            return FNET_ENOMEM;
        x.mark = b->keep_type;
        x.what = "--types";
        rc = each_name(o->types, "--types", mark_type, &x, err);
        if (rc)
            return rc;
    }
    if (o->view == FNET_VIEW_ACTORS) {
        b->is_item = calloc(c->n_entities ? c->n_entities : 1, 1);
        if (!b->is_item)
            return FNET_ENOMEM;
        if (o->via) {
            x.mark = b->is_item;
            x.what = "--via";
            rc = each_name(o->via, "--via", mark_type, &x, err);
            if (rc)
                return rc;
        } else {
            for (uint32_t i = 0; i < c->n_entities; i++)
                b->is_item[i] = !is_actor(&c->entities[i]);
        }
        for (uint32_t i = 0; i < c->n_entities; i++)
            if (is_actor(&c->entities[i]) || (b->keep_type && !b->keep_type[i]))
                b->is_item[i] = false;
    }
    return 0;
}

static int choose_nodes(build *b)
{
    fnet_graph *g = b->g;
    const fnet_corpus *c = b->c;
    size_t ne = c->n_entities ? c->n_entities : 1;
    g->node_of = malloc(ne * sizeof *g->node_of);
    g->entity = malloc(ne * sizeof *g->entity);
    if (!g->node_of || !g->entity)
        return FNET_ENOMEM;
    g->n_nodes = 0;
    for (uint32_t i = 0; i < c->n_entities; i++) {
        bool keep = !b->keep_type || b->keep_type[i];
        if (b->o->view == FNET_VIEW_ACTORS)
            keep = keep && is_actor(&c->entities[i]);
        g->node_of[i] = keep ? (int32_t)g->n_nodes : -1;
        if (keep)
            g->entity[g->n_nodes++] = i;
    }
    return 0;
}

static int add_contrib(build *b, uint32_t from, uint32_t to, uint64_t fact)
{
    if (grow((void **)&b->con, &b->cap_con, b->n_con + 1, sizeof *b->con))
        return FNET_ENOMEM;
    b->con[b->n_con++] = (contrib){from, to, fact};
    return 0;
}

static int add_member(build *b, uint32_t item, uint32_t actor, uint64_t fact)
{
    if (grow((void **)&b->mem, &b->cap_mem, b->n_mem + 1, sizeof *b->mem))
        return FNET_ENOMEM;
    int32_t level = fnet_stance_level(b->c, &b->c->facts[fact]);
    b->mem[b->n_mem++] = (member){item, actor, fact, level};
    b->stmts_of[actor]++;
    return 0;
}

/* Notes the level of a membership fact for the range R, whether or not it
 * is kept: like DNA, R comes from every statement of the data. */
static void note_level(build *b, const fnet_fact *f)
{
    int32_t level = fnet_stance_level(b->c, f);
    if (f->stance == FNET_NO_STANCE)
        b->any_sign = true;
    if (!b->any_level || level < b->lo)
        b->lo = level;
    if (!b->any_level || level > b->hi)
        b->hi = level;
    b->any_level = true;
}

/* True when fact i passes the fact filters (ends, relation, window). */
static bool fact_kept(const build *b, uint64_t i)
{
    const fnet_fact *f = &b->c->facts[i];
    if (f->subject < 0 || f->object < 0 || f->relation < 0 ||
        f->subject == f->object)
        return false;
    if (b->keep_rel && !b->keep_rel[f->relation])
        return false;
    return in_window(f, b->o);
}

/* --duplicates: marks the kept facts that repeat an earlier kept one. */
static int mark_duplicates(build *b)
{
    const fnet_corpus *c = b->c;
    if (b->o->duplicates == FNET_DUP_INCLUDE)
        return 0;
    bool *cand = malloc(c->n_facts ? c->n_facts : 1);
    if (!cand)
        return FNET_ENOMEM;
    for (uint64_t i = 0; i < c->n_facts; i++)
        cand[i] = fact_kept(b, i);
    int rc = fnet_duplicates_mark(c, b->o->duplicates, cand, &b->dup,
                                  &b->g->n_duplicates);
    free(cand);
    return rc;
}

/* A fact between two nodes: one contribution per arc. */
static int direct_fact(build *b, uint64_t i, uint32_t s, uint32_t t)
{
    const fnet_fact *f = &b->c->facts[i];
    if (!b->o->directed)
        return add_contrib(b, s < t ? s : t, s < t ? t : s, i);
    int rc = add_contrib(b, s, t, i);
    if (!rc && !b->c->relations[f->relation].directed)
        rc = add_contrib(b, t, s, i);
    return rc;
}

/* Pass 1 and the direct part of pass 2: every fact that passes the filters
 * becomes contributions (between two nodes) or memberships (an actor and an
 * item, actors view). */
static int collect_facts(build *b)
{
    const fnet_corpus *c = b->c;
    const int32_t *node_of = b->g->node_of;
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        if (f->subject < 0 || f->object < 0 || f->relation < 0 ||
            f->subject == f->object)
            continue;
        if (b->keep_rel && !b->keep_rel[f->relation])
            continue;
        int32_t s = node_of[f->subject], t = node_of[f->object];
        bool member_of =
            b->is_item && ((s >= 0 && t < 0 && b->is_item[f->object]) ||
                           (t >= 0 && s < 0 && b->is_item[f->subject]));
        if (member_of)
            note_level(b, f);
        if (!in_window(f, b->o) || (b->dup && b->dup[i]))
            continue;
        int rc = 0;
        if (s >= 0 && t >= 0)
            rc = direct_fact(b, i, (uint32_t)s, (uint32_t)t);
        else if (b->is_item && s >= 0 && b->is_item[f->object])
            rc = add_member(b, (uint32_t)f->object, (uint32_t)s, i);
        else if (b->is_item && t >= 0 && b->is_item[f->subject])
            rc = add_member(b, (uint32_t)f->subject, (uint32_t)t, i);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_share(build *b, share s)
{
    if (grow((void **)&b->sh, &b->cap_sh, b->n_sh + 1, sizeof *b->sh))
        return FNET_ENOMEM;
    b->sh[b->n_sh++] = s;
    return 0;
}

/* Actors view: groups memberships by (item, actor), counts each actor's
 * distinct items, and emits one share per item and pair of its actors
 * (both orders in directed mode). O(sum over items of k^2). */
static int collect_shares(build *b)
{
    if (b->n_mem) /* qsort(NULL, 0) is undefined */
        qsort(b->mem, b->n_mem, sizeof *b->mem, cmp_member);
    for (size_t i = 0; i < b->n_mem;) {
        size_t j = i;
        while (j < b->n_mem && b->mem[j].item == b->mem[i].item &&
               b->mem[j].actor == b->mem[i].actor)
            j++;
        if (grow((void **)&b->grp, &b->cap_grp, b->n_grp + 1, sizeof *b->grp))
            return FNET_ENOMEM;
        b->grp[b->n_grp++] = (group){b->mem[i].item, b->mem[i].actor, i, j};
        b->items_of[b->mem[i].actor]++;
        i = j;
    }
    for (size_t i = 0; i < b->n_grp;) {
        size_t j = i;
        while (j < b->n_grp && b->grp[j].item == b->grp[i].item)
            j++;
        uint32_t k = (uint32_t)(j - i);
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++) {
                share s = {
                    b->grp[x].actor, b->grp[y].actor, b->grp[i].item, k, x, y};
                int rc = add_share(b, s);
                if (!rc && b->o->directed) {
                    share r = {s.b, s.a, s.item, k, y, x};
                    rc = add_share(b, r);
                }
                if (rc)
                    return rc;
            }
        i = j;
    }
    if (b->n_sh)
        qsort(b->sh, b->n_sh, sizeof *b->sh, cmp_share);
    return 0;
}

static int pool_add(build *b, uint64_t fact)
{
    if (grow((void **)&b->pool, &b->cap_pool, b->n_pool + 1, sizeof *b->pool))
        return FNET_ENOMEM;
    b->pool[b->n_pool++] = fact;
    return 0;
}

static int pool_add_group(build *b, size_t gi)
{
    for (size_t m = b->grp[gi].start; m < b->grp[gi].end; m++)
        if (pool_add(b, b->mem[m].fact))
            return FNET_ENOMEM;
    return 0;
}

/* Folds fact i into the edge's sign, relation and dates. */
static void fold_fact(const fnet_corpus *c, fnet_edge *e, uint64_t i,
                      bool first)
{
    const fnet_fact *f = &c->facts[i];
    int sign = fnet_fact_sign(c, f);
    if (first) {
        e->relation = f->relation;
    } else if (e->relation != f->relation) {
        e->relation = -1;
    }
    if (e->sign == 2)
        e->sign = sign;
    else if (e->sign != sign)
        e->sign = 0;
    if (!fnet_date_is_set(f->date))
        return;
    fnet_date end = fnet_date_is_set(f->until) ? f->until : f->date;
    if (!fnet_date_is_set(e->first) || fnet_date_compare(f->date, e->first) < 0)
        e->first = f->date;
    if (!fnet_date_is_set(e->last) ||
        fnet_date_last_day(end) > fnet_date_last_day(e->last))
        e->last = end;
}

/* Projection weight of the shares sh[lo..hi) of one pair. */
static double projection_weight(const build *b, size_t lo, size_t hi)
{
    double w = 0;
    size_t shared = hi - lo;
    switch (b->o->projection) {
    case FNET_PROJ_NEWMAN:
        for (size_t s = lo; s < hi; s++)
            w += 1.0 / (double)(b->sh[s].k - 1); /* k >= 2 for a share */
        return w;
    case FNET_PROJ_JACCARD: {
        size_t uni = (size_t)b->items_of[b->sh[lo].a] +
                     b->items_of[b->sh[lo].b] - shared;
        return (double)shared / (double)uni;
    }
    default: return (double)shared;
    }
}

static int cmp_i32(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* The levels of group gi, sorted, into *out (b->la or b->lb). */
static size_t group_levels(build *b, size_t gi, int32_t *out)
{
    size_t n = 0;
    for (size_t m = b->grp[gi].start; m < b->grp[gi].end; m++)
        out[n++] = b->mem[m].level;
    qsort(out, n, sizeof *out, cmp_i32);
    return n;
}

/* The stance tie of the shares sh[lo..hi) of one pair, split by sign
 * (graph/stance.h). */
static int stance_tie(build *b, size_t lo, size_t hi, double *pos, double *neg)
{
    fnet_tie_sums sums = {0};
    for (size_t s = lo; s < hi; s++) {
        const group *ga = &b->grp[b->sh[s].ga], *gb = &b->grp[b->sh[s].gb];
        size_t need = ga->end - ga->start;
        if (gb->end - gb->start > need)
            need = gb->end - gb->start;
        if (need > b->cap_l) {
            int32_t *la = realloc(b->la, need * sizeof *la);
            if (la)
                b->la = la;
            int32_t *lb = la ? realloc(b->lb, need * sizeof *lb) : NULL;
            if (!lb)
                return FNET_ENOMEM;
            b->lb = lb;
            b->cap_l = need;
        }
        size_t na = group_levels(b, b->sh[s].ga, b->la);
        size_t nb = group_levels(b, b->sh[s].gb, b->lb);
        fnet_tie_add_item(&sums, b->la, na, b->lb, nb, b->g->stance_range);
    }
    fnet_tie_value(b->o->tie, b->o->normalize, &sums,
                   (double)b->stmts_of[b->sh[lo].a],
                   (double)b->stmts_of[b->sh[lo].b], pos, neg);
    return 0;
}

/* The projection part of one pair's edge: its signed parts and sign. */
static int projection_part(build *b, size_t si, size_t sj, double *pos,
                           double *neg, int *sign)
{
    *pos = *neg = 0;
    if (b->o->tie == FNET_TIE_MEMBERSHIP) {
        *pos = projection_weight(b, si, sj);
    } else {
        int rc = stance_tie(b, si, sj, pos, neg);
        if (rc)
            return rc;
    }
    *sign = *neg == 0 ? 1 : *pos == 0 ? -1 : 0;
    return 0;
}

/* Pass 3: merges the sorted contributions con[ci..cj) and shares
 * sh[si..sj) of one pair into one edge. Facts are recorded by their offset
 * in the pool (pointers are fixed once the pool stops growing). */
static int merge_pair(build *b, uint32_t from, uint32_t to, size_t ci,
                      size_t cj, size_t si, size_t sj)
{
    const fnet_corpus *c = b->c;
    if (grow((void **)&b->edges, &b->cap_edges, b->n_edges + 1,
             sizeof *b->edges))
        return FNET_ENOMEM;
    fnet_edge e = {0};
    e.from = from;
    e.to = to;
    e.sign = 2; /* unset */
    e.first = e.last = FNET_DATE_NONE;
    size_t start = b->n_pool;
    bool first = true;
    for (size_t k = ci; k < cj; k++) {
        const fnet_fact *f = &c->facts[b->con[k].fact];
        e.weight += f->weight;
        if (fnet_fact_sign(c, f) < 0)
            e.neg_weight += f->weight;
        else
            e.pos_weight += f->weight;
        fold_fact(c, &e, b->con[k].fact, first);
        first = false;
        if (pool_add(b, b->con[k].fact))
            return FNET_ENOMEM;
    }
    double ppos = 0, pneg = 0;
    int psign = 1;
    if (sj > si) {
        int rc = projection_part(b, si, sj, &ppos, &pneg, &psign);
        if (rc)
            return rc;
        if (ppos == 0 && pneg == 0)
            sj = si; /* no tie from the shared items (e.g. congruence of
                        two actors who only disagree) */
    }
    if (cj == ci && sj == si)
        return 0;
    if (sj > si) {
        e.weight += ppos + pneg;
        e.pos_weight += ppos;
        e.neg_weight += pneg;
        /* With --weight (FNET_TIE_MEMBERSHIP) a shared item is a
         * co-membership tie and counts as positive, whatever the signs
         * of the membership facts; the stance ties have their own sign. */
        e.sign = e.sign == 2 || e.sign == psign ? psign : 0;
        for (size_t s = si; s < sj; s++) {
            size_t pa = b->n_pool;
            if (pool_add_group(b, b->sh[s].ga) ||
                pool_add_group(b, b->sh[s].gb))
                return FNET_ENOMEM;
            for (size_t p = pa; p < b->n_pool; p++) {
                int keep_sign = e.sign;
                fold_fact(c, &e, b->pool[p], first);
                e.sign = keep_sign;
                first = false;
            }
        }
    }
    e.count = (uint32_t)((cj - ci) + (sj - si));
    e.n_facts = (uint32_t)(b->n_pool - start);
    e.facts = (uint64_t *)(uintptr_t)start; /* fixed up in finish_edges */
    if (b->o->view == FNET_VIEW_ACTORS && b->o->tie == FNET_TIE_SUBTRACT)
        e.weight = e.pos_weight - e.neg_weight; /* the net tie value */
    if (fnet_graph_edge_strength(b->g, &e) < b->o->min_weight) {
        b->n_pool = start;
        return 0;
    }
    b->edges[b->n_edges++] = e;
    return 0;
}

static int pair_cmp(uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    if (a1 != a2)
        return a1 < a2 ? -1 : 1;
    if (b1 != b2)
        return b1 < b2 ? -1 : 1;
    return 0;
}

static int merge_all(build *b)
{
    if (b->n_con)
        qsort(b->con, b->n_con, sizeof *b->con, cmp_contrib);
    size_t ci = 0, si = 0;
    while (ci < b->n_con || si < b->n_sh) {
        uint32_t from, to;
        int d;
        if (ci == b->n_con)
            d = 1;
        else if (si == b->n_sh)
            d = -1;
        else
            d = pair_cmp(b->con[ci].from, b->con[ci].to, b->sh[si].a,
                         b->sh[si].b);
        if (d <= 0) {
            from = b->con[ci].from;
            to = b->con[ci].to;
        } else {
            from = b->sh[si].a;
            to = b->sh[si].b;
        }
        size_t cj = ci, sj = si;
        while (cj < b->n_con && b->con[cj].from == from && b->con[cj].to == to)
            cj++;
        while (sj < b->n_sh && b->sh[sj].a == from && b->sh[sj].b == to)
            sj++;
        int rc = merge_pair(b, from, to, ci, cj, si, sj);
        if (rc)
            return rc;
        ci = cj;
        si = sj;
    }
    return 0;
}

/* drop_isolated: renumbers the nodes that have an edge (in the same order,
 * so the (from, to) order of the edges is kept) and forgets the others. */
static int drop_isolated(build *b)
{
    fnet_graph *g = b->g;
    uint32_t *renum = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *renum);
    if (!renum)
        return FNET_ENOMEM;
    for (uint32_t v = 0; v < g->n_nodes; v++)
        renum[v] = UINT32_MAX;
    for (size_t i = 0; i < b->n_edges; i++)
        renum[b->edges[i].from] = renum[b->edges[i].to] = 0;
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n_nodes; v++) {
        uint32_t ent = g->entity[v];
        if (renum[v] == UINT32_MAX) {
            g->node_of[ent] = -1;
            continue;
        }
        renum[v] = n;
        g->entity[n] = ent;
        g->node_of[ent] = (int32_t)n++;
    }
    for (size_t i = 0; i < b->n_edges; i++) {
        b->edges[i].from = renum[b->edges[i].from];
        b->edges[i].to = renum[b->edges[i].to];
    }
    g->n_nodes = n;
    free(renum);
    return 0;
}

/* Moves edges and the fact pool into the graph, creates the igraph graph
 * and counts the facts cited by at least one edge. */
static int finish_edges(build *b, fnet_err *err)
{
    fnet_graph *g = b->g;
    igraph_vector_int_t ev;
    int rc = 0, irc;
    g->edges = b->edges;
    g->fact_pool = b->pool;
    b->edges = NULL;
    b->pool = NULL;
    for (size_t i = 0; i < b->n_edges; i++)
        g->edges[i].facts = g->fact_pool + (uintptr_t)g->edges[i].facts;
    irc = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * b->n_edges));
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    for (size_t i = 0; i < b->n_edges; i++) {
        VECTOR(ev)[2 * i] = g->edges[i].from;
        VECTOR(ev)[2 * i + 1] = g->edges[i].to;
    }
    irc = igraph_create(&g->g, &ev, (igraph_integer_t)g->n_nodes,
                        g->opts.directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    g->has_g = true;
    irc = igraph_vector_init(&g->weights, (igraph_integer_t)b->n_edges);
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    g->has_weights = true;
    for (size_t i = 0; i < b->n_edges; i++)
        VECTOR(g->weights)[i] = fnet_graph_edge_strength(g, &g->edges[i]);
    bool *cited = calloc(b->c->n_facts ? b->c->n_facts : 1, 1);
    if (!cited)
        return FNET_ENOMEM;
    g->n_facts_used = 0;
    for (size_t i = 0; i < b->n_edges; i++)
        for (uint32_t k = 0; k < g->edges[i].n_facts; k++)
            if (!cited[g->edges[i].facts[k]]) {
                cited[g->edges[i].facts[k]] = true;
                g->n_facts_used++;
            }
    free(cited);
    return rc;
}

static void build_free(build *b)
{
    free(b->keep_rel);
    free(b->keep_type);
    free(b->is_item);
    free(b->con);
    free(b->mem);
    free(b->grp);
    free(b->items_of);
    free(b->stmts_of);
    free(b->dup);
    free(b->la);
    free(b->lb);
    free(b->sh);
    free(b->edges);
    free(b->pool);
}

int fnet_graph_build(fnet_graph **out, const fnet_corpus *c,
                     const fnet_graph_opts *opts, fnet_err *err)
{
    build b = {0};
    fnet_graph *g = calloc(1, sizeof *g);
    int rc;
    *out = NULL;
    if (err)
        fnet_err_clear(err);
    if (!g)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    g->corpus = c;
    g->opts = *opts;
    b.g = g;
    b.c = c;
    b.o = &g->opts;
    rc = parse_filters(&b, err);
    if (!rc)
        rc = choose_nodes(&b);
    if (!rc && b.is_item) {
        b.items_of = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *b.items_of);
        b.stmts_of = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *b.stmts_of);
        if (!b.items_of || !b.stmts_of)
            rc = FNET_ENOMEM;
    }
    if (!rc)
        rc = mark_duplicates(&b);
    if (!rc)
        rc = collect_facts(&b);
    if (!rc && b.is_item) {
        if (g->opts.tie != FNET_TIE_MEMBERSHIP)
            g->stance_range = fnet_stance_range(b.lo, b.hi, b.any_sign);
        rc = collect_shares(&b);
    }
    if (!rc)
        rc = merge_all(&b);
    if (!rc && g->opts.drop_isolated)
        rc = drop_isolated(&b);
    if (!rc)
        rc = finish_edges(&b, err);
    build_free(&b);
    if (rc) {
        if (rc == FNET_ENOMEM && (!err || !err->msg[0]))
            fnet_err_set(err, FNET_ENOMEM, "out of memory");
        fnet_graph_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void fnet_graph_free(fnet_graph *g)
{
    if (!g)
        return;
    if (g->has_g)
        igraph_destroy(&g->g);
    if (g->has_weights)
        igraph_vector_destroy(&g->weights);
    free(g->edges);
    free(g->fact_pool);
    free(g->entity);
    free(g->node_of);
    free(g);
}

void fnet_graph_release(fnet_graph *g, bool also_igraph)
{
    free(g->edges);
    free(g->fact_pool);
    g->edges = NULL;
    g->fact_pool = NULL;
    if (also_igraph && g->has_g) {
        igraph_destroy(&g->g);
        g->has_g = false;
    }
    if (also_igraph && g->has_weights) {
        igraph_vector_destroy(&g->weights);
        g->has_weights = false;
    }
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

int64_t fnet_graph_find_edge(const fnet_graph *g, uint32_t from, uint32_t to)
{
    if (!g->opts.directed && from > to) {
        uint32_t t = from;
        from = to;
        to = t;
    }
    size_t lo = 0, hi = fnet_graph_edge_count(g);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = pair_cmp(g->edges[mid].from, g->edges[mid].to, from, to);
        if (d == 0)
            return (int64_t)mid;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

bool fnet_graph_has_negative(const fnet_graph *g)
{
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++)
        if (g->edges[i].neg_weight > 0)
            return true;
    return false;
}

int32_t fnet_graph_find_node(const fnet_graph *g, const char *id)
{
    int32_t e = fnet_corpus_find_entity(g->corpus, id);
    return e < 0 ? -1 : g->node_of[e];
}

typedef struct upair {
    uint32_t a, b;
    double w;
} upair;

static int cmp_upair(const void *x, const void *y)
{
    const upair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

int fnet_graph_undirected(const fnet_graph *g, igraph_t *out,
                          igraph_vector_t *weights, fnet_err *err)
{
    uint32_t ne = fnet_graph_edge_count(g);
    upair *p = malloc((ne ? ne : 1) * sizeof *p);
    igraph_vector_int_t ev;
    size_t n = 0;
    int irc;
    if (!p)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (uint32_t i = 0; i < ne; i++) {
        uint32_t a = g->edges[i].from, b = g->edges[i].to;
        p[i] = (upair){a < b ? a : b, a < b ? b : a,
                       fnet_graph_edge_strength(g, &g->edges[i])};
    }
    qsort(p, ne, sizeof *p, cmp_upair);
    for (uint32_t i = 0; i < ne; i++) {
        if (n && p[n - 1].a == p[i].a && p[n - 1].b == p[i].b)
            p[n - 1].w += p[i].w;
        else
            p[n++] = p[i];
    }
    irc = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * n));
    if (irc) {
        free(p);
        return fnet_err_igraph(err, irc, "undirected graph");
    }
    for (size_t i = 0; i < n; i++) {
        VECTOR(ev)[2 * i] = p[i].a;
        VECTOR(ev)[2 * i + 1] = p[i].b;
    }
    irc = igraph_create(out, &ev, (igraph_integer_t)g->n_nodes,
                        IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (!irc) {
        irc = igraph_vector_init(weights, (igraph_integer_t)n);
        if (irc)
            igraph_destroy(out);
    }
    if (irc) {
        free(p);
        return fnet_err_igraph(err, irc, "undirected graph");
    }
    for (size_t i = 0; i < n; i++)
        VECTOR(*weights)[i] = p[i].w;
    free(p);
    return 0;
}

typedef struct spair {
    uint32_t a, b;
    double pos, neg;
} spair;

static int cmp_spair(const void *x, const void *y)
{
    const spair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

int fnet_graph_undirected_signs(const fnet_graph *g, igraph_vector_t *pos,
                                igraph_vector_t *neg, fnet_err *err)
{
    uint32_t ne = fnet_graph_edge_count(g);
    spair *p = malloc((ne ? ne : 1) * sizeof *p);
    size_t n = 0;
    if (!p)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (uint32_t i = 0; i < ne; i++) {
        const fnet_edge *e = &g->edges[i];
        uint32_t a = e->from, b = e->to;
        p[i] =
            (spair){a < b ? a : b, a < b ? b : a, e->pos_weight, e->neg_weight};
    }
    if (ne)
        qsort(p, ne, sizeof *p, cmp_spair);
    for (uint32_t i = 0; i < ne; i++) {
        if (n && p[n - 1].a == p[i].a && p[n - 1].b == p[i].b) {
            p[n - 1].pos += p[i].pos;
            p[n - 1].neg += p[i].neg;
        } else {
            p[n++] = p[i];
        }
    }
    if (igraph_vector_init(pos, (igraph_integer_t)n)) {
        free(p);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    if (igraph_vector_init(neg, (igraph_integer_t)n)) {
        igraph_vector_destroy(pos);
        free(p);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        VECTOR(*pos)[i] = p[i].pos;
        VECTOR(*neg)[i] = p[i].neg;
    }
    free(p);
    return 0;
}

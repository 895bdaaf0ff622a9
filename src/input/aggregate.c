/* aggregate.c - facts summed per pair as they stream in (see aggregate.h).
 *
 * The full loader resolves facts after every file is read (validate.c).
 * Here each fact is resolved when it arrives, against the records read so
 * far, by exact id only. When that succeeds for every fact, the final
 * resolution could not have found anything else: ids are unique and exact
 * ids win over labels and aliases. The per-fact messages that resolution
 * would give for valid facts (self-loop, no source, no evidence) come from
 * the same functions of validate.h, are collected in fact order and
 * appended after the loading messages, as fnet_corpus_resolve() does,
 * followed by the unused entities. Any fact
 * that does not resolve that way (a forward reference, a label, an unknown
 * name, a type mismatch) makes the whole job decline, since only the full
 * resolver knows the exact message. */
#include "input/aggregate.h"

#include "input/validate.h"

#include <stdlib.h>
#include <string.h>

#define DECLINED FNET_EINTERNAL /* sink's return: stop, cannot aggregate */

/* Open addressing from a pair key to its index in sums. Each slot also
 * holds the high half of the key's hash: on a large corpus most facts
 * name a new pair, and the probes then pass occupied slots without
 * reading their sums (a cache miss each in an array of 40 bytes a pair). */
typedef struct pm_slot {
    uint32_t index; /* index + 1; 0 = empty */
    uint32_t tag;   /* mix(key) >> 32 */
} pm_slot;

typedef struct pair_map {
    pm_slot *slot;
    size_t n_slots; /* power of two */
    fnet_pair_sum *sums;
    size_t n, cap;
} pair_map;

/* The entities' types as small numbers, which relation allows which, and
 * the facts naming each entity, in arrays of a few bytes per entity: on a
 * large corpus each fact then reads these instead of two entity records
 * and two type strings scattered through the corpus (a cache miss each).
 * Entities are only ever appended and keep their type, so what is
 * recorded stays true as the corpus grows. */
typedef struct type_memo {
    fnet_strmap numbers; /* type -> its number */
    const char **names;  /* number -> the type */
    uint32_t n_types;
    uint32_t *type;      /* entity -> its type's number */
    uint32_t *uses;      /* entity -> facts naming it */
    size_t n_known, cap; /* entities recorded */
    uint8_t *allows;     /* [relation * types_cap + type]: ALLOW_* bits */
    size_t rels_cap, types_cap;
} type_memo;

enum { ALLOW_KNOWN = 1, ALLOW_FROM = 2, ALLOW_TO = 4 };

typedef struct agg {
    fnet_corpus *c;
    pair_map pm;
    type_memo tm;
    fnet_diag later;       /* resolution messages, in fact order */
    fnet_buf where, quote; /* scratch */
    uint64_t n_facts;
    bool declined;
} agg;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int pm_grow(pair_map *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 1 << 16;
    pm_slot *slot = calloc(n, sizeof *slot);
    if (!slot)
        return FNET_ENOMEM;
    for (size_t k = 0; k < m->n; k++) {
        uint64_t h = mix(m->sums[k].key);
        size_t i = h & (n - 1);
        while (slot[i].index)
            i = (i + 1) & (n - 1);
        slot[i] = (pm_slot){(uint32_t)(k + 1), (uint32_t)(h >> 32)};
    }
    free(m->slot);
    m->slot = slot;
    m->n_slots = n;
    return 0;
}

/* Folds a fact of weight w, sign and relation into p, as graph.c's
 * merge_pair() folds the facts of an edge (in the same order). */
static void fold(fnet_pair_sum *p, double w, int sign, int32_t relation)
{
    p->weight += w;
    if (sign < 0)
        p->neg_weight += w;
    else
        p->pos_weight += w;
    if (p->relation != relation)
        p->relation = -1;
    p->count++;
}

/* Adds a fact between entities a and b (a != b) of weight w, sign and
 * relation to their pair. Returns 0 or FNET_ENOMEM. */
static int pm_add(pair_map *m, uint32_t a, uint32_t b, double w, int sign,
                  int32_t relation)
{
    uint64_t key = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    uint64_t h = mix(key);
    uint32_t tag = (uint32_t)(h >> 32);
    if (m->n_slots) {
        for (size_t i = h & (m->n_slots - 1); m->slot[i].index;
             i = (i + 1) & (m->n_slots - 1)) {
            if (m->slot[i].tag != tag)
                continue;
            fnet_pair_sum *p = &m->sums[m->slot[i].index - 1];
            if (p->key == key) {
                fold(p, w, sign, relation);
                return 0;
            }
        }
    }
    if (m->n >= UINT32_MAX - 1)
        return FNET_ENOMEM;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1 << 15;
        fnet_pair_sum *s = realloc(m->sums, cap * sizeof *s);
        if (!s)
            return FNET_ENOMEM;
        m->sums = s;
        m->cap = cap;
    }
    m->sums[m->n] = (fnet_pair_sum){.key = key, .relation = relation};
    fold(&m->sums[m->n++], w, sign, relation);
    if (m->n * 10 > m->n_slots * 6) /* load factor 0.6 */
        return pm_grow(m);
    size_t i = h & (m->n_slots - 1);
    while (m->slot[i].index)
        i = (i + 1) & (m->n_slots - 1);
    m->slot[i] = (pm_slot){(uint32_t)m->n, tag};
    return 0;
}

/* The slot where pm_add() starts looking for the pair of a and b. */
static const pm_slot *pm_first_slot(const pair_map *m, uint32_t a, uint32_t b)
{
    uint64_t key = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    return &m->slot[mix(key) & (m->n_slots - 1)];
}

/* Records the entities of c added since the last call. Returns 0 or
 * FNET_ENOMEM. */
static int tm_entities(type_memo *m, const fnet_corpus *c)
{
    if (c->n_entities > m->cap) {
        size_t cap = m->cap ? m->cap : 1024;
        while (cap < c->n_entities)
            cap *= 2;
        uint32_t *type = realloc(m->type, cap * sizeof *type);
        if (type)
            m->type = type;
        uint32_t *uses = realloc(m->uses, cap * sizeof *uses);
        if (uses)
            m->uses = uses;
        if (!type || !uses)
            return FNET_ENOMEM;
        m->cap = cap;
    }
    for (; m->n_known < c->n_entities; m->n_known++) {
        const char *t = c->entities[m->n_known].type;
        size_t len = strlen(t), number;
        if (!fnet_strmap_get(&m->numbers, t, len, &number)) {
            const char **names =
                realloc(m->names, (m->n_types + 1) * sizeof *names);
            if (!names)
                return FNET_ENOMEM;
            m->names = names;
            number = m->n_types;
            if (fnet_strmap_put(&m->numbers, t, len, number))
                return FNET_ENOMEM;
            m->names[m->n_types++] = t;
        }
        m->type[m->n_known] = (uint32_t)number;
        m->uses[m->n_known] = 0;
    }
    return 0;
}

/* ALLOW_* for relation r of c and type number t. Returns 0 when out of
 * memory (the caller then checks the strings itself). */
static uint8_t tm_allows(type_memo *m, const fnet_corpus *c, uint32_t r,
                         uint32_t t)
{
    if (r >= m->rels_cap || t >= m->types_cap) {
        size_t rels = m->rels_cap > r ? m->rels_cap : (size_t)r + 16;
        size_t types = m->types_cap > t ? m->types_cap : (size_t)t + 8;
        uint8_t *allows = calloc(rels * types, 1);
        if (!allows)
            return 0;
        free(m->allows); /* recomputed as needed */
        m->allows = allows;
        m->rels_cap = rels;
        m->types_cap = types;
    }
    uint8_t *v = &m->allows[r * m->types_cap + t];
    if (!*v) {
        const fnet_relation *rel = &c->relations[r];
        const char *name = m->names[t];
        *v = ALLOW_KNOWN |
             (fnet_relation_allows(rel->from, rel->n_from, name) ? ALLOW_FROM
                                                                 : 0) |
             (fnet_relation_allows(rel->to, rel->n_to, name) ? ALLOW_TO : 0);
    }
    return *v;
}

/* True when relation r allows entity s as its subject and o as its object
 * (fnet_relation_allows()). */
static bool types_allowed(type_memo *m, const fnet_corpus *c, int32_t r,
                          int32_t s, int32_t o)
{
    uint8_t from = tm_allows(m, c, (uint32_t)r, m->type[s]);
    uint8_t to = tm_allows(m, c, (uint32_t)r, m->type[o]);
    const fnet_relation *rel = &c->relations[r];
    if (!from || !to) /* out of memory: the strings themselves */
        return fnet_relation_allows(rel->from, rel->n_from,
                                    c->entities[s].type) &&
               fnet_relation_allows(rel->to, rel->n_to, c->entities[o].type);
    return (from & ALLOW_FROM) && (to & ALLOW_TO);
}

static void tm_free(type_memo *m)
{
    fnet_strmap_free(&m->numbers);
    free(m->names);
    free(m->type);
    free(m->uses);
    free(m->allows);
}

/* The sink: resolve by exact id against what is loaded so far, check the
 * types, add to the pair. */
static int on_fact(void *ctx, const fnet_fact *f)
{
    agg *a = ctx;
    fnet_corpus *c = a->c;
    int32_t r = fnet_corpus_find_relation(c, f->relation_ref);
    int32_t s = fnet_corpus_find_entity(c, f->subject_ref);
    int32_t o = fnet_corpus_find_entity(c, f->object_ref);
    if (r < 0 || s < 0 || o < 0)
        goto decline;
    if (a->tm.n_known < c->n_entities && tm_entities(&a->tm, c))
        return FNET_ENOMEM;
    const fnet_relation *rel = &c->relations[r];
    if (!types_allowed(&a->tm, c, r, s, o))
        goto decline;
    for (uint32_t k = 0; k < f->n_sources; k++)
        if (fnet_corpus_find_source(c, f->source_refs[k]) < 0)
            goto decline;
    fnet_fact_warn(c, f, s, o, &a->later, &a->where);
    a->tm.uses[s]++;
    if (o != s)
        a->tm.uses[o]++;
    a->n_facts++;
    int sign = f->sign ? f->sign : rel->sign; /* fnet_fact_sign() */
    if (s != o && pm_add(&a->pm, (uint32_t)s, (uint32_t)o, f->weight, sign, r))
        return FNET_ENOMEM;
    return fnet_buf_ok(&a->where) ? 0 : FNET_ENOMEM;
decline:
    a->declined = true;
    return DECLINED;
}

/* The sink's look-ahead: the entity index slots of a fact's subject and
 * object (stage 0), then, found there, its pair's slot (stage 1). */
static void ahead(void *ctx, const fnet_fact *f, int stage)
{
    const agg *a = ctx;
    const fnet_strmap *ids = &a->c->entity_index;
    if (stage == 0) {
        fnet_strmap_prefetch(ids, f->subject_ref, strlen(f->subject_ref));
        fnet_strmap_prefetch(ids, f->object_ref, strlen(f->object_ref));
        return;
    }
    int32_t s = fnet_corpus_find_entity(a->c, f->subject_ref);
    int32_t o = fnet_corpus_find_entity(a->c, f->object_ref);
    /* Here, not in a helper of its own: GCC 12 deems a static function
     * whose only effect is a prefetch pure, and drops its calls. */
    if (s >= 0 && o >= 0 && s != o && a->pm.n_slots)
        __builtin_prefetch(pm_first_slot(&a->pm, (uint32_t)s, (uint32_t)o));
}

void fnet_aggregate_free_pairs(fnet_aggregate *a)
{
    free(a->pairs);
    a->pairs = NULL;
    a->n_pairs = 0;
}

void fnet_aggregate_free(fnet_aggregate *a)
{
    if (!a)
        return;
    fnet_corpus_free(a->corpus);
    free(a->pairs);
    free(a);
}

int fnet_load_aggregated(fnet_aggregate **out, const fnet_load_plan *p,
                         fnet_diag *d, fnet_err *err)
{
    agg a = {0};
    fnet_diag mine = {0}; /* d stays untouched if we decline */
    fnet_load_sink sink = {&a, on_fact, ahead};
    fnet_load_opts lo = p->o;
    int rc = 0;
    *out = NULL;
    if (!fnet_load_plan_streams(p))
        return 0;
    mine.cap = d->cap;
    a.later.cap = d->cap;
    lo.sink = &sink;
    if (fnet_corpus_new(&a.c) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_paths && !rc; i++)
        rc =
            fnet_load_file_as(a.c, p->paths[i], p->formats[i], &lo, &mine, err);
    if (a.declined || a.c->n_facts) { /* n_facts: stored, not streamed */
        fnet_err_clear(err);
        rc = 0;
        goto done;
    }
    for (size_t i = 0; i < a.tm.n_known; i++)
        a.c->entities[i].n_facts += a.tm.uses[i];
    if (rc) { /* as fnet_load_corpus(): what was loaded is reported */
        fnet_diag_append(d, &mine);
        goto done;
    }
    if (d->n_errors == 0 && mine.n_errors == 0) { /* as it resolves */
        fnet_corpus_warn_unused(a.c, &a.later, &a.where, &a.quote);
        if (!fnet_buf_ok(&a.where)) {
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
            goto done;
        }
        fnet_diag_append(&mine, &a.later);
        a.c->resolved = true;
    }
    fnet_diag_append(d, &mine);
    if (d->n_errors) {
        rc = fnet_err_set(err, FNET_EDATA, "invalid input data");
        goto done;
    }
    fnet_aggregate *res = calloc(1, sizeof *res);
    if (!res) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    res->corpus = a.c;
    res->n_facts = a.n_facts;
    res->pairs = a.pm.sums;
    res->n_pairs = a.pm.n;
    a.c = NULL;
    a.pm.sums = NULL;
    *out = res;
done:
    fnet_corpus_free(a.c);
    free(a.pm.sums);
    free(a.pm.slot);
    tm_free(&a.tm);
    fnet_diag_free(&a.later);
    fnet_diag_free(&mine);
    fnet_buf_free(&a.where);
    fnet_buf_free(&a.quote);
    return rc;
}

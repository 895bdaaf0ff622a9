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

/* Open addressing from a pair key to its index in sums. */
typedef struct pair_map {
    uint32_t *slot; /* index + 1; 0 = empty */
    size_t n_slots; /* power of two */
    fnet_pair_sum *sums;
    size_t n, cap;
} pair_map;

typedef struct agg {
    fnet_corpus *c;
    pair_map pm;
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
    uint32_t *slot = calloc(n, sizeof *slot);
    if (!slot)
        return FNET_ENOMEM;
    for (size_t k = 0; k < m->n; k++) {
        size_t i = mix(m->sums[k].key) & (n - 1);
        while (slot[i])
            i = (i + 1) & (n - 1);
        slot[i] = (uint32_t)(k + 1);
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
    if (m->n_slots) {
        for (size_t i = mix(key) & (m->n_slots - 1); m->slot[i];
             i = (i + 1) & (m->n_slots - 1)) {
            fnet_pair_sum *p = &m->sums[m->slot[i] - 1];
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
    size_t i = mix(key) & (m->n_slots - 1);
    while (m->slot[i])
        i = (i + 1) & (m->n_slots - 1);
    m->slot[i] = (uint32_t)m->n;
    return 0;
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
    const fnet_relation *rel = &c->relations[r];
    if (!fnet_relation_allows(rel->from, rel->n_from, c->entities[s].type) ||
        !fnet_relation_allows(rel->to, rel->n_to, c->entities[o].type))
        goto decline;
    for (uint32_t k = 0; k < f->n_sources; k++)
        if (fnet_corpus_find_source(c, f->source_refs[k]) < 0)
            goto decline;
    fnet_fact_warn(c, f, s, o, &a->later, &a->where);
    c->entities[s].n_facts++;
    if (o != s)
        c->entities[o].n_facts++;
    a->n_facts++;
    int sign = f->sign ? f->sign : rel->sign; /* fnet_fact_sign() */
    if (s != o && pm_add(&a->pm, (uint32_t)s, (uint32_t)o, f->weight, sign, r))
        return FNET_ENOMEM;
    return fnet_buf_ok(&a->where) ? 0 : FNET_ENOMEM;
decline:
    a->declined = true;
    return DECLINED;
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
    fnet_load_sink sink = {&a, on_fact};
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
    fnet_diag_free(&a.later);
    fnet_diag_free(&mine);
    fnet_buf_free(&a.where);
    fnet_buf_free(&a.quote);
    return rc;
}

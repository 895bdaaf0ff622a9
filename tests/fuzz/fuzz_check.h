/* fuzz_check.h - the invariants every fuzz harness checks on what a loader
 * or an importer left behind: records in the corpus have their required
 * fields and are indexed, resolved facts point at existing entities,
 * relations and sources, weights are finite and positive, and every
 * diagnostic is one non-empty line. A broken invariant aborts, so the
 * fuzzer (and the replay driver, in builds without sanitizers) reports it
 * like a crash. Included by the harnesses (through fuzz_load.h and
 * fuzz_import.h) only. */
#ifndef FNET_FUZZ_CHECK_H
#define FNET_FUZZ_CHECK_H

#include "core/diag.h"
#include "model/corpus.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_REQUIRE(cond)                                                     \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,         \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* A record that made it into the corpus has its required fields. */
static inline void fuzz_check_records(const fnet_corpus *c)
{
    for (uint32_t i = 0; i < c->n_entities; i++) {
        const fnet_entity *e = &c->entities[i];
        FUZZ_REQUIRE(e->id && e->id[0] && e->type && e->type[0] && e->label);
        FUZZ_REQUIRE(fnet_corpus_find_entity(c, e->id) == (int32_t)i);
        FUZZ_REQUIRE(e->loc.file < c->n_files);
    }
    for (uint32_t i = 0; i < c->n_relations; i++) {
        const fnet_relation *r = &c->relations[i];
        FUZZ_REQUIRE(r->name && (r->sign == 1 || r->sign == -1));
        FUZZ_REQUIRE(fnet_corpus_find_relation(c, r->name) == (int32_t)i);
    }
    for (uint32_t i = 0; i < c->n_sources; i++)
        FUZZ_REQUIRE(c->sources[i].id &&
                     fnet_corpus_find_source(c, c->sources[i].id) ==
                         (int32_t)i);
}

/* After a clean resolve every fact points at existing records. */
static inline void fuzz_check_resolved(const fnet_corpus *c)
{
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        FUZZ_REQUIRE(f->subject >= 0 && (uint32_t)f->subject < c->n_entities);
        FUZZ_REQUIRE(f->object >= 0 && (uint32_t)f->object < c->n_entities);
        FUZZ_REQUIRE(f->relation >= 0 &&
                     (uint32_t)f->relation < c->n_relations);
        FUZZ_REQUIRE(f->weight > 0 && isfinite(f->weight));
        FUZZ_REQUIRE(f->sign >= -1 && f->sign <= 1);
        int s = fnet_fact_sign(c, f);
        FUZZ_REQUIRE(s == 1 || s == -1);
        for (uint32_t k = 0; k < f->n_sources; k++)
            FUZZ_REQUIRE(f->sources[k] < c->n_sources);
    }
}

/* Every kept message is one non-empty line. */
static inline void fuzz_check_diag(const fnet_diag *d)
{
    for (size_t i = 0; i < d->n_items; i++) {
        const char *m = d->items[i].msg;
        FUZZ_REQUIRE(m && m[0]);
        for (const char *p = m; *p; p++)
            FUZZ_REQUIRE(*p != '\n');
    }
}

#endif

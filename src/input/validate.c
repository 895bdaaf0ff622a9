/* validate.c - reference resolution and checks (see validate.h). */
#include "input/validate.h"

#include "core/diag.h"
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AMBIGUOUS SIZE_MAX
#define SUGGEST_MAX_ENTITIES 200000 /* beyond this, skip the fuzzy search */
/* Edit distance costs |a|*|b|: names longer than this get no suggestion and
 * are not suggested, so a 1 MiB name cannot stall validation (fuzzing). */
#define SUGGEST_MAX_BYTES 256

/* Importers of annotated text give the many facts of one entity the
 * corpus's own id string (fnet_import_fact_shared): remembering the last
 * references by address resolves those without hashing the id again, which
 * for a long name would cost its length once a fact. */
#define REF_MEMO 1024

typedef struct ref_memo {
    const char *ref;
    int32_t index;
} ref_memo;

typedef struct resolver {
    fnet_corpus *c;
    fnet_diag *d;
    fnet_strmap names; /* folded label/alias -> entity index or AMBIGUOUS */
    fnet_buf where, scratch;
    ref_memo entities[REF_MEMO], relations[REF_MEMO]; /* by address */
} resolver;

/* find(c, ref), remembering in memo what it found by address. */
static int32_t find_memo(ref_memo *memo, const fnet_corpus *c,
                         int32_t (*find)(const fnet_corpus *, const char *),
                         const char *ref)
{
    ref_memo *m = &memo[((uintptr_t)ref >> 3) % REF_MEMO];
    if (m->ref == ref)
        return m->index;
    int32_t i = find(c, ref);
    if (i >= 0)
        *m = (ref_memo){ref, i};
    return i;
}

static const char *fold_into(fnet_buf *scratch, const char *s)
{
    fnet_buf_reset(scratch);
    fnet_text_fold(scratch, s, true);
    return fnet_buf_str(scratch);
}

static const char *fold(resolver *r, const char *s)
{
    return fold_into(&r->scratch, s);
}

static int add_name(resolver *r, const char *name, size_t e)
{
    const char *f = fold(r, name);
    size_t len = strlen(f), prev;
    if (fnet_strmap_get(&r->names, f, len, &prev)) {
        if (prev != e && prev != AMBIGUOUS)
            return fnet_strmap_put(&r->names, f, len, AMBIGUOUS);
        return FNET_OK;
    }
    char *key = fnet_arena_strndup(&r->c->arena, f, len);
    if (!key)
        return FNET_ENOMEM;
    return fnet_strmap_put(&r->names, key, len, e);
}

static int build_names(resolver *r)
{
    for (uint32_t i = 0; i < r->c->n_entities; i++) {
        const fnet_entity *e = &r->c->entities[i];
        int rc = add_name(r, e->label, i);
        for (uint32_t k = 0; rc == FNET_OK && k < e->n_aliases; k++)
            rc = add_name(r, e->aliases[k], i);
        if (rc)
            return rc;
    }
    return FNET_OK;
}

/* True when the collector will keep the text of the next error. Candidate
 * lists and suggestions scan every entity (or source, relation), so they
 * are built only for kept messages: past the cap, an error costs O(1) and
 * resolving stays linear however many references are wrong. */
static bool error_kept(const resolver *r)
{
    size_t cap = r->d->cap ? r->d->cap : FNET_DIAG_CAP;
    return r->d->n_errors < cap;
}

static const char *where(resolver *r, const fnet_fact *f, const char *field)
{
    fnet_buf_reset(&r->where);
    fnet_corpus_locate(r->c, f->loc, "facts", field, &r->where);
    return fnet_buf_str(&r->where);
}

/* Appends ` "ID" (Label)` for entity i. */
static void describe(const fnet_corpus *c, uint32_t i, fnet_buf *out)
{
    const fnet_entity *e = &c->entities[i];
    fnet_diag_quote(out, e->id);
    if (strcmp(e->label, e->id) != 0)
        fnet_buf_printf(out, " (%s)", e->label);
}

/* True when entity e has the folded name want as label or alias. */
static bool names_entity(const fnet_entity *e, const char *want, fnet_buf *tmp)
{
    for (uint32_t a = 0; a <= e->n_aliases; a++) {
        fnet_buf_reset(tmp);
        fnet_text_fold(tmp, a < e->n_aliases ? e->aliases[a] : e->label, true);
        if (strcmp(fnet_buf_str(tmp), want) == 0)
            return true;
    }
    return false;
}

/* Appends " ENTITY, ENTITY, ..." (at most five) for the entities whose label
 * or alias folds to want; returns how many there are. */
static uint32_t list_named(const fnet_corpus *c, const char *want,
                           fnet_buf *out)
{
    fnet_buf tmp = {0};
    uint32_t hits = 0;
    for (uint32_t k = 0; k < c->n_entities; k++)
        if (names_entity(&c->entities[k], want, &tmp) && hits++ < 5) {
            fnet_buf_puts(out, hits > 1 ? ", " : " ");
            describe(c, k, out);
        }
    fnet_buf_free(&tmp);
    return hits;
}

typedef struct candidate {
    size_t dist;
    uint32_t index;
} candidate;

/* Keeps the three closest entities to name (by id, or folded label or
 * alias). */
static size_t suggest(const fnet_corpus *c, fnet_buf *scratch, const char *name,
                      candidate best[3])
{
    size_t n = 0;
    if (c->n_entities > SUGGEST_MAX_ENTITIES ||
        strnlen(name, SUGGEST_MAX_BYTES + 1) > SUGGEST_MAX_BYTES)
        return 0;
    fnet_buf fname = {0};
    fnet_text_fold(&fname, name, true);
    size_t len = fname.len, max = len / 3 > 2 ? len / 3 : 2;
    for (uint32_t i = 0; i < c->n_entities; i++) {
        const fnet_entity *e = &c->entities[i];
        size_t dist = strnlen(e->id, SUGGEST_MAX_BYTES + 1) > SUGGEST_MAX_BYTES
                          ? max + 1
                          : fnet_text_distance(fold_into(scratch, e->id),
                                               fnet_buf_str(&fname), max);
        for (uint32_t a = 0; a <= e->n_aliases && dist > 0; a++) {
            const char *other = a < e->n_aliases ? e->aliases[a] : e->label;
            if (strnlen(other, SUGGEST_MAX_BYTES + 1) > SUGGEST_MAX_BYTES)
                continue;
            size_t dl = fnet_text_distance(fold_into(scratch, other),
                                           fnet_buf_str(&fname), max);
            if (dl < dist)
                dist = dl;
        }
        if (dist > max)
            continue;
        size_t k = n < 3 ? n++ : 3;
        while (k > 0 && best[k - 1].dist > dist) {
            if (k < 3)
                best[k] = best[k - 1];
            k--;
        }
        if (k < 3)
            best[k] = (candidate){dist, i};
    }
    fnet_buf_free(&fname);
    return n;
}

/* Appends " (did you mean "ID" (Label) or ...?)" with the entities closest
 * to ref, or nothing when none is close. */
static void append_suggestions(const fnet_corpus *c, fnet_buf *scratch,
                               const char *ref, fnet_buf *msg)
{
    candidate best[3];
    size_t n = suggest(c, scratch, ref, best);
    for (size_t k = 0; k < n; k++) {
        fnet_buf_puts(msg, k == 0 ? " (did you mean " : " or ");
        describe(c, best[k].index, msg);
    }
    if (n)
        fnet_buf_puts(msg, "?)");
}

int32_t fnet_corpus_lookup(const fnet_corpus *c, const char *name,
                           fnet_buf *why)
{
    int32_t i = fnet_corpus_find_entity(c, name);
    if (i >= 0)
        return i;
    fnet_buf want = {0}, tmp = {0};
    fnet_text_fold(&want, name, true);
    uint32_t hits = 0;
    for (uint32_t k = 0; k < c->n_entities; k++)
        if (names_entity(&c->entities[k], fnet_buf_str(&want), &tmp) &&
            hits++ == 0)
            i = (int32_t)k;
    if (hits == 0) {
        fnet_buf_puts(why, "no entity has the id, label or alias ");
        fnet_diag_quote(why, name);
        append_suggestions(c, &tmp, name, why);
        i = -1;
    } else if (hits > 1) {
        fnet_diag_quote(why, name);
        fnet_buf_puts(why, " is ambiguous: it names");
        list_named(c, fnet_buf_str(&want), why);
        fnet_buf_puts(why, "; use the entity id");
        i = -1;
    }
    fnet_buf_free(&want);
    fnet_buf_free(&tmp);
    return i;
}

/* Resolves an entity reference; reports and returns -1 when it fails. */
static int32_t resolve_entity(resolver *r, const fnet_fact *f,
                              const char *field, const char *ref)
{
    int32_t i = find_memo(r->entities, r->c, fnet_corpus_find_entity, ref);
    if (i >= 0)
        return i;
    const char *fr = fold(r, ref);
    size_t v;
    if (fnet_strmap_get(&r->names, fr, strlen(fr), &v) && v != AMBIGUOUS)
        return (int32_t)v;
    if (!error_kept(r)) {
        fnet_diag_add(r->d, FNET_SEV_ERROR, NULL, "%s", ""); /* counted */
        return -1;
    }
    fnet_buf msg = {0};
    if (fnet_strmap_get(&r->names, fr, strlen(fr), &v)) {
        fnet_diag_quote(&msg, ref);
        fnet_buf_puts(&msg, " is ambiguous: it names");
        list_named(r->c, fr, &msg);
        fnet_buf_puts(&msg, "; use the entity id");
    } else {
        fnet_buf_puts(&msg, "unknown entity ");
        fnet_diag_quote(&msg, ref);
        append_suggestions(r->c, &r->scratch, ref, &msg);
    }
    fnet_diag_add(r->d, FNET_SEV_ERROR, where(r, f, field), "%s",
                  fnet_buf_str(&msg));
    fnet_buf_free(&msg);
    return -1;
}

static int32_t resolve_relation(resolver *r, const fnet_fact *f)
{
    int32_t i = find_memo(r->relations, r->c, fnet_corpus_find_relation,
                          f->relation_ref);
    if (i >= 0)
        return i;
    if (!error_kept(r)) {
        fnet_diag_add(r->d, FNET_SEV_ERROR, NULL, "%s", ""); /* counted */
        return -1;
    }
    const char *best = NULL, *twin = NULL;
    size_t best_d = 4;
    for (uint32_t k = 0; k < r->c->n_relations; k++) {
        const char *name = r->c->relations[k].name;
        size_t dd = fnet_text_distance(f->relation_ref, name, 3);
        if (dd < best_d) {
            best_d = dd;
            best = name;
        }
        if (!twin && strcasecmp(f->relation_ref, name) == 0)
            twin = name;
    }
    fnet_buf msg = {0};
    fnet_buf_puts(&msg, "unknown relation ");
    fnet_diag_quote(&msg, f->relation_ref);
    if (twin) {
        fnet_buf_puts(&msg, " (names are case-sensitive: did you mean ");
        fnet_diag_quote(&msg, twin);
        fnet_buf_puts(&msg, "?)");
    } else if (best) {
        fnet_buf_puts(&msg, " (did you mean ");
        fnet_diag_quote(&msg, best);
        fnet_buf_puts(&msg, "?)");
    }
    fnet_diag_add(r->d, FNET_SEV_ERROR, where(r, f, "relation"),
                  "%s; declare new relations under \"relations\"",
                  fnet_buf_str(&msg));
    fnet_buf_free(&msg);
    return -1;
}

static void type_list(const char **types, uint32_t n, fnet_buf *out)
{
    for (uint32_t i = 0; i < n; i++)
        fnet_buf_printf(out, "%s%s",
                        i == 0       ? ""
                        : i + 1 == n ? " or "
                                     : ", ",
                        types[i]);
}

static void check_type(resolver *r, const fnet_fact *f, const char *field,
                       const fnet_relation *rel, int32_t e)
{
    bool subj = strcmp(field, "subject") == 0;
    const char **types = subj ? rel->from : rel->to;
    uint32_t n = subj ? rel->n_from : rel->n_to;
    const fnet_entity *ent = &r->c->entities[e];
    if (fnet_relation_allows(types, n, ent->type))
        return;
    fnet_buf msg = {0};
    fnet_buf_puts(&msg, "relation ");
    fnet_diag_quote(&msg, rel->name);
    fnet_buf_printf(&msg, " expects %s %s of type ", subj ? "a" : "an", field);
    type_list(types, n, &msg);
    fnet_buf_puts(&msg, ", but ");
    describe(r->c, (uint32_t)e, &msg);
    fnet_buf_printf(&msg, " is of type %s", ent->type);
    for (uint32_t i = 0; i < n; i++)
        if (strcasecmp(types[i], ent->type) == 0) {
            fnet_buf_printf(&msg, " (types are case-sensitive: %s is not %s)",
                            ent->type, types[i]);
            break;
        }
    fnet_diag_add(r->d, FNET_SEV_ERROR, where(r, f, field), "%s",
                  fnet_buf_str(&msg));
    fnet_buf_free(&msg);
}

static int resolve_sources(resolver *r, fnet_fact *f)
{
    if (f->n_sources == 0)
        return FNET_OK;
    f->sources =
        fnet_arena_alloc(&r->c->arena, f->n_sources * sizeof *f->sources);
    if (!f->sources)
        return FNET_ENOMEM;
    for (uint32_t k = 0; k < f->n_sources; k++) {
        int32_t s = fnet_corpus_find_source(r->c, f->source_refs[k]);
        if (s >= 0) {
            f->sources[k] = (uint32_t)s;
            continue;
        }
        f->sources[k] = UINT32_MAX;
        if (!error_kept(r)) {
            fnet_diag_add(r->d, FNET_SEV_ERROR, NULL, "%s", ""); /* counted */
            continue;
        }
        const char *best = NULL;
        size_t best_d = 3;
        for (uint32_t j = 0; j < r->c->n_sources; j++) {
            size_t dd =
                fnet_text_distance(f->source_refs[k], r->c->sources[j].id, 2);
            if (dd < best_d) {
                best_d = dd;
                best = r->c->sources[j].id;
            }
        }
        fnet_buf msg = {0};
        fnet_buf_puts(&msg, "unknown source ");
        fnet_diag_quote(&msg, f->source_refs[k]);
        if (best) {
            fnet_buf_puts(&msg, " (did you mean ");
            fnet_diag_quote(&msg, best);
            fnet_buf_puts(&msg, "?)");
        }
        fnet_diag_add(r->d, FNET_SEV_ERROR, where(r, f, "source"), "%s",
                      fnet_buf_str(&msg));
        fnet_buf_free(&msg);
    }
    return FNET_OK;
}

static int resolve_fact(resolver *r, fnet_fact *f)
{
    f->relation = resolve_relation(r, f);
    f->subject = resolve_entity(r, f, "subject", f->subject_ref);
    f->object = resolve_entity(r, f, "object", f->object_ref);
    if (f->relation >= 0) {
        const fnet_relation *rel = &r->c->relations[f->relation];
        if (f->subject >= 0)
            check_type(r, f, "subject", rel, f->subject);
        if (f->object >= 0)
            check_type(r, f, "object", rel, f->object);
    }
    if (f->subject >= 0)
        r->c->entities[f->subject].n_facts++;
    if (f->object >= 0 && f->object != f->subject)
        r->c->entities[f->object].n_facts++;
    fnet_fact_warn(r->c, f, f->subject, f->object, r->d, &r->where);
    return resolve_sources(r, f);
}

/* A warning about fact f, located at the fact; past d's cap it is only
 * counted, so locating it costs nothing. */
static void fact_warning(const fnet_corpus *c, const fnet_fact *f, fnet_diag *d,
                         fnet_buf *where, const char *msg)
{
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    if (d->n_warnings >= cap) {
        fnet_diag_add(d, FNET_SEV_WARNING, NULL, "%s", ""); /* counted */
        return;
    }
    fnet_buf_reset(where);
    fnet_corpus_locate(c, f->loc, "facts", NULL, where);
    fnet_diag_add(d, FNET_SEV_WARNING, fnet_buf_str(where), "%s", msg);
}

void fnet_fact_warn(const fnet_corpus *c, const fnet_fact *f, int32_t subject,
                    int32_t object, fnet_diag *d, fnet_buf *where)
{
    if (subject >= 0 && subject == object)
        fact_warning(c, f, d, where,
                     "subject and object are the same entity; the fact "
                     "makes a self-loop and is left out of the graph");
    if (f->n_sources == 0)
        fact_warning(c, f, d, where, "fact has no source");
    if (!f->evidence || !f->evidence[0])
        fact_warning(c, f, d, where, "fact has no evidence");
}

void fnet_corpus_warn_unused(const fnet_corpus *c, fnet_diag *d,
                             fnet_buf *where, fnet_buf *scratch)
{
    for (uint32_t i = 0; i < c->n_entities; i++) {
        const fnet_entity *e = &c->entities[i];
        if (e->n_facts == 0) {
            fnet_buf_reset(where);
            fnet_corpus_locate(c, e->loc, "entities", NULL, where);
            fnet_diag_add(d, FNET_SEV_WARNING, fnet_buf_str(where),
                          "entity %s is not used by any fact",
                          fnet_diag_quoted(scratch, e->id));
        }
    }
}

int fnet_corpus_resolve(fnet_corpus *c, fnet_diag *d, fnet_err *err)
{
    resolver r = {.c = c, .d = d};
    size_t errors_before = d->n_errors;
    int rc = build_names(&r);
    for (uint32_t i = 0; i < c->n_entities; i++)
        c->entities[i].n_facts = 0;
    for (uint64_t i = 0; rc == FNET_OK && i < c->n_facts; i++)
        rc = resolve_fact(&r, &c->facts[i]);
    if (rc == FNET_OK)
        fnet_corpus_warn_unused(c, d, &r.where, &r.scratch);
    if (rc == FNET_OK && (!fnet_buf_ok(&r.where) || !fnet_buf_ok(&r.scratch)))
        rc = FNET_ENOMEM;
    c->resolved = rc == FNET_OK && d->n_errors == errors_before;
    fnet_strmap_free(&r.names);
    fnet_buf_free(&r.where);
    fnet_buf_free(&r.scratch);
    if (rc)
        return fnet_err_set(err, rc, "out of memory while resolving");
    return FNET_OK;
}

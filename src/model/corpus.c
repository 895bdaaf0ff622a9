/* corpus.c - the fact model's storage and the built-in vocabulary. */
#include "model/corpus.h"

#include "core/error.h"
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The built-in relations (docs/FORMAT.md). NULL-terminated type lists; an
 * empty list means any type. */
static const struct {
    const char *name;
    const char *from[3];
    const char *to[3];
    bool directed;
    int sign;
    const char *description;
    const char *label;
} builtins[] = {
    {"party_to",
     {"actor"},
     {"agreement"},
     true,
     1,
     "the actor is a party to the agreement",
     "party to"},
    {"member_of",
     {"actor"},
     {"actor"},
     true,
     1,
     "the actor is a member of the organisation",
     "member of"},
    {"part_of",
     {"actor"},
     {"actor"},
     true,
     1,
     "the actor is a part (body, unit) of the other",
     "part of"},
    {"issued",
     {"actor"},
     {"strategy", "agreement"},
     true,
     1,
     "the actor issued the strategy or agreement",
     "issued"},
    {"supersedes",
     {"strategy", "agreement"},
     {"strategy", "agreement"},
     true,
     1,
     "the strategy or agreement replaces the earlier one",
     "supersedes"},
    {"references",
     {NULL},
     {NULL},
     true,
     1,
     "the subject refers to the object",
     "references"},
    {"negotiates",
     {"actor"},
     {"agreement"},
     true,
     1,
     "the actor negotiates the agreement",
     "negotiates"},
    {"supports",
     {"actor"},
     {NULL},
     true,
     1,
     "the actor supports the object",
     "supports"},
    {"cooperates_with",
     {"actor"},
     {"actor"},
     false,
     1,
     "the actors cooperate",
     "cooperates with"},
    {"opposes",
     {"actor"},
     {"actor"},
     false,
     -1,
     "the actors oppose each other",
     "opposes"},
    {"competes_with",
     {"actor"},
     {"actor"},
     false,
     -1,
     "the actors compete",
     "competes with"},
};

static int grow(void **arr, uint64_t *cap, uint64_t need, size_t elem)
{
    if (need <= *cap)
        return FNET_OK;
    uint64_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / elem) /* the byte count would wrap */
        return FNET_ENOMEM;
    void *p = realloc(*arr, n * elem);
    if (!p)
        return FNET_ENOMEM;
    *arr = p;
    *cap = n;
    return FNET_OK;
}

static int grow32(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    uint64_t c = *cap;
    int rc = grow(arr, &c, need, elem);
    if (rc == FNET_OK) {
        if (c > UINT32_MAX)
            return FNET_ENOMEM;
        *cap = (uint32_t)c;
    }
    return rc;
}

static const char **type_list(fnet_arena *a, const char *const *src,
                              uint32_t *n)
{
    uint32_t k = 0;
    while (k < 3 && src[k])
        k++;
    *n = k;
    if (k == 0)
        return NULL;
    const char **list = fnet_arena_alloc(a, k * sizeof *list);
    if (list)
        for (uint32_t i = 0; i < k; i++)
            list[i] = src[i];
    return list;
}

int fnet_corpus_new(fnet_corpus **out)
{
    fnet_corpus *c = calloc(1, sizeof *c);
    *out = NULL;
    if (!c)
        return FNET_ENOMEM;
    c->limits = FNET_LIMITS_DEFAULT;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        fnet_relation *r;
        if (fnet_corpus_add_relation(c, &r) != FNET_OK)
            goto fail;
        r->name = builtins[i].name;
        r->from = type_list(&c->arena, builtins[i].from, &r->n_from);
        r->to = type_list(&c->arena, builtins[i].to, &r->n_to);
        if ((r->n_from && !r->from) || (r->n_to && !r->to))
            goto fail;
        r->directed = builtins[i].directed;
        r->sign = builtins[i].sign;
        r->builtin = true;
        r->description = builtins[i].description;
        r->label = builtins[i].label;
        r->loc.index = FNET_LOC_NO_INDEX;
        if (fnet_corpus_index_relation(c, c->n_relations - 1) != FNET_OK)
            goto fail;
    }
    *out = c;
    return FNET_OK;
fail:
    fnet_corpus_free(c);
    return FNET_ENOMEM;
}

void fnet_corpus_free(fnet_corpus *c)
{
    if (!c)
        return;
    fnet_strmap_free(&c->source_index);
    fnet_strmap_free(&c->entity_index);
    fnet_strmap_free(&c->relation_index);
    free(c->files);
    free(c->sources);
    free(c->entities);
    free(c->relations);
    free(c->facts);
    free(c->skipped);
    fnet_arena_free(&c->arena);
    free(c);
}

int fnet_corpus_add_skipped(fnet_corpus *c, uint32_t file, const char *what,
                            const char *why, uint64_t n)
{
    if (grow32((void **)&c->skipped, &c->cap_skipped, c->n_skipped + 1,
               sizeof *c->skipped))
        return FNET_ENOMEM;
    fnet_skipped *k = &c->skipped[c->n_skipped];
    k->file = file;
    k->what = fnet_arena_strdup(&c->arena, what);
    k->why = fnet_arena_strdup(&c->arena, why);
    k->n = n;
    if (!k->what || !k->why)
        return FNET_ENOMEM;
    c->n_skipped++;
    return FNET_OK;
}

int fnet_corpus_add_file(fnet_corpus *c, const char *path, uint32_t *file_index)
{
    if (grow32((void **)&c->files, &c->cap_files, c->n_files + 1,
               sizeof *c->files))
        return FNET_ENOMEM;
    const char *copy = fnet_arena_strdup(&c->arena, path);
    if (!copy)
        return FNET_ENOMEM;
    c->files[c->n_files] = copy;
    *file_index = c->n_files++;
    return FNET_OK;
}

int fnet_corpus_add_source(fnet_corpus *c, fnet_source **out)
{
    if (c->n_sources >= c->limits.sources)
        return FNET_EDATA;
    if (grow32((void **)&c->sources, &c->cap_sources, c->n_sources + 1,
               sizeof *c->sources))
        return FNET_ENOMEM;
    *out = memset(&c->sources[c->n_sources++], 0, sizeof **out);
    return FNET_OK;
}

int fnet_corpus_add_entity(fnet_corpus *c, fnet_entity **out)
{
    if (c->n_entities >= c->limits.entities)
        return FNET_EDATA;
    if (grow32((void **)&c->entities, &c->cap_entities, c->n_entities + 1,
               sizeof *c->entities))
        return FNET_ENOMEM;
    *out = memset(&c->entities[c->n_entities++], 0, sizeof **out);
    return FNET_OK;
}

int fnet_corpus_add_relation(fnet_corpus *c, fnet_relation **out)
{
    if (c->n_relations >= c->limits.relations)
        return FNET_EDATA;
    if (grow32((void **)&c->relations, &c->cap_relations, c->n_relations + 1,
               sizeof *c->relations))
        return FNET_ENOMEM;
    fnet_relation *r = memset(&c->relations[c->n_relations++], 0, sizeof *r);
    r->sign = 1;
    *out = r;
    return FNET_OK;
}

int fnet_corpus_add_fact(fnet_corpus *c, fnet_fact **out)
{
    if (c->n_facts >= c->limits.facts)
        return FNET_EDATA;
    if (grow((void **)&c->facts, &c->cap_facts, c->n_facts + 1,
             sizeof *c->facts))
        return FNET_ENOMEM;
    fnet_fact *f = memset(&c->facts[c->n_facts++], 0, sizeof *f);
    f->subject = f->relation = f->object = -1;
    f->weight = 1.0;
    f->confidence = FNET_NO_CONFIDENCE;
    f->stance = FNET_NO_STANCE;
    *out = f;
    return FNET_OK;
}

static int32_t find(const fnet_strmap *m, const char *key)
{
    size_t v;
    if (!key || !fnet_strmap_get(m, key, strlen(key), &v))
        return -1;
    return (int32_t)v;
}

int32_t fnet_corpus_find_entity(const fnet_corpus *c, const char *id)
{
    return find(&c->entity_index, id);
}

int32_t fnet_corpus_find_relation(const fnet_corpus *c, const char *name)
{
    return find(&c->relation_index, name);
}

int32_t fnet_corpus_find_source(const fnet_corpus *c, const char *id)
{
    return find(&c->source_index, id);
}

static int index_key(fnet_strmap *m, const char *key, uint32_t i)
{
    size_t len = strlen(key);
    if (fnet_strmap_get(m, key, len, NULL))
        return FNET_EDATA;
    return fnet_strmap_put(m, key, len, i);
}

int fnet_corpus_index_entity(fnet_corpus *c, uint32_t i)
{
    return index_key(&c->entity_index, c->entities[i].id, i);
}

int fnet_corpus_index_relation(fnet_corpus *c, uint32_t i)
{
    return index_key(&c->relation_index, c->relations[i].name, i);
}

int fnet_corpus_index_source(fnet_corpus *c, uint32_t i)
{
    return index_key(&c->source_index, c->sources[i].id, i);
}

/* The reference without the text position: see fnet_corpus_cite(). */
static void locate(const fnet_corpus *c, fnet_loc loc, const char *section,
                   const char *field, bool at, fnet_buf *out)
{
    const char *file = loc.file < c->n_files ? c->files[loc.file] : "?";
    if (at && loc.text_line && loc.text_col) {
        fnet_buf_printf(out, "%s:%u:%u: ", file, loc.text_line, loc.text_col);
        if (loc.line) /* JSON Lines: the line is the record */
            section = NULL, loc.index = FNET_LOC_NO_INDEX;
    } else if (loc.line) {
        fnet_buf_printf(out, "%s:%u: ", file, loc.line);
        section = NULL, loc.index = FNET_LOC_NO_INDEX;
    } else {
        fnet_buf_printf(out, "%s: ", file);
    }
    if (section && loc.index != FNET_LOC_NO_INDEX)
        /* A record of an array of a JSON document: "facts[24].object". */
        fnet_buf_printf(out, "%s[%u]%s%s: ", section, loc.index,
                        field ? "." : "", field ? field : "");
    else if (section)
        /* A keyed record of a JSON document: "relations.hosts.from". */
        fnet_buf_printf(out, "%s%s%s: ", section, field ? "." : "",
                        field ? field : "");
    else if (field)
        fnet_buf_printf(out, "%s: ", field);
}

void fnet_corpus_locate(const fnet_corpus *c, fnet_loc loc, const char *section,
                        const char *field, fnet_buf *out)
{
    locate(c, loc, section, field, true, out);
}

void fnet_corpus_cite(const fnet_corpus *c, fnet_loc loc, const char *section,
                      fnet_buf *out)
{
    locate(c, loc, section, NULL, false, out);
}

void fnet_fact_cite(const fnet_corpus *c, const fnet_fact *f, fnet_buf *out)
{
    fnet_buf_reset(out);
    fnet_corpus_cite(c, f->loc, "facts", out);
    while (out->len &&
           (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == ':'))
        out->data[--out->len] = '\0';
}

void fnet_relation_display(fnet_buf *out, const fnet_relation *r)
{
    if (r->label) {
        fnet_buf_puts(out, r->label);
        return;
    }
    fnet_text_words(out, r->name);
}

bool fnet_relation_allows(const char **types, uint32_t n, const char *type)
{
    if (n == 0)
        return true;
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(types[i], type) == 0)
            return true;
    return false;
}

int fnet_fact_stance_sign(int sign, int32_t stance)
{
    if (stance == FNET_NO_STANCE || stance == 0)
        return sign;
    int implied = stance > 0 ? 1 : -1;
    return sign && sign != implied ? 2 : implied;
}

int fnet_fact_sign(const fnet_corpus *c, const fnet_fact *f)
{
    if (f->sign)
        return f->sign;
    if (f->relation >= 0)
        return c->relations[f->relation].sign;
    return 1;
}

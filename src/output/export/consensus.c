/* consensus.c - the agreed facts of several coders as a factnet JSON
 * corpus (consensus.h). */
#include "output/export/consensus.h"

#include "core/buf.h"
#include "core/outfile.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cons {
    const fnet_agree *a;
    cJSON *root, *entities, *relations, *facts;
    bool *entity_done; /* per matched entity */
    uint32_t *who;     /* scratch: a unit's majority */
    fnet_buf buf;
} cons;

static const fnet_entity *entity_record(const fnet_agree *a, uint32_t e)
{
    const fnet_agree_entity *x = &a->entities[e];
    return &a->coders[x->coder].c->entities[x->index];
}

static bool add_str(cJSON *o, const char *k, const char *v)
{
    return !v || cJSON_AddStringToObject(o, k, v) != NULL;
}

static bool add_entity(cons *s, uint32_t e)
{
    if (s->entity_done[e])
        return true;
    s->entity_done[e] = true;
    const fnet_entity *x = entity_record(s->a, e);
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(s->entities, o))
        return cJSON_Delete(o), false;
    bool ok = add_str(o, "id", x->id) && add_str(o, "type", x->type) &&
              add_str(o, "label", x->label);
    if (ok && x->n_aliases) {
        cJSON *al = cJSON_AddArrayToObject(o, "aliases");
        for (uint32_t i = 0; ok && al && i < x->n_aliases; i++)
            ok = cJSON_AddItemToArray(al, cJSON_CreateString(x->aliases[i]));
        ok = ok && al;
    }
    if (ok && fnet_date_is_set(x->date)) {
        char d[11];
        fnet_date_format(x->date, d);
        ok = add_str(o, "date", d);
    }
    return ok;
}

static bool add_relation(cons *s, const fnet_relation *r)
{
    if (r->builtin || cJSON_GetObjectItemCaseSensitive(s->relations, r->name))
        return true;
    cJSON *o = cJSON_AddObjectToObject(s->relations, r->name);
    bool ok = o != NULL;
    const struct {
        const char *key;
        const char **types;
        uint32_t n;
    } ends[] = {{"from", r->from, r->n_from}, {"to", r->to, r->n_to}};
    for (int e = 0; ok && e < 2; e++) {
        if (!ends[e].n) {
            ok = add_str(o, ends[e].key, "any");
            continue;
        }
        cJSON *arr = cJSON_AddArrayToObject(o, ends[e].key);
        for (uint32_t i = 0; arr && i < ends[e].n; i++)
            cJSON_AddItemToArray(arr, cJSON_CreateString(ends[e].types[i]));
        ok = arr != NULL;
    }
    ok = ok && cJSON_AddBoolToObject(o, "directed", r->directed) &&
         cJSON_AddNumberToObject(o, "sign", r->sign) &&
         add_str(o, "description", r->description);
    return ok;
}

static bool add_attrs(cons *s, cJSON *o, const fnet_fact *f, uint32_t n_who)
{
    cJSON *at = cJSON_AddObjectToObject(o, "attrs");
    if (!at)
        return false;
    for (uint32_t i = 0; i < f->n_attrs; i++) {
        const fnet_attr *x = &f->attrs[i];
        cJSON *v;
        if (strcmp(x->key, "coder") == 0 || strcmp(x->key, "coders") == 0)
            continue;
        if (x->kind == FNET_ATTR_NUMBER)
            v = cJSON_CreateRaw(x->value);
        else if (x->kind == FNET_ATTR_BOOL)
            v = cJSON_CreateBool(strcmp(x->value, "true") == 0);
        else
            v = cJSON_CreateString(x->value);
        if (!v || !cJSON_AddItemToObject(at, x->key, v))
            return cJSON_Delete(v), false;
    }
    fnet_buf_reset(&s->buf);
    for (uint32_t i = 0; i < n_who; i++)
        fnet_buf_printf(&s->buf, "%s%s", i ? ", " : "",
                        s->a->coders[s->who[i]].name);
    return fnet_buf_ok(&s->buf) && add_str(at, "coders", fnet_buf_str(&s->buf));
}

/* The fact of the unit's majority, or nothing below min_coders. */
static bool add_unit(cons *s, const fnet_agree_unit *u, uint32_t min_coders,
                     uint64_t *n)
{
    const fnet_agree *a = s->a;
    uint32_t n_who = fnet_agree_unit_majority(a, u, s->who);
    if (n_who == 0 || n_who < min_coders)
        return true;
    uint32_t k = s->who[0];
    const fnet_corpus *c = a->coders[k].c;
    const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
    const fnet_relation *r = &c->relations[f->relation];
    uint32_t subj = u->reversed[k] ? u->b : u->a,
             obj = u->reversed[k] ? u->a : u->b;
    char d[11];
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(s->facts, o))
        return cJSON_Delete(o), false;
    bool ok = add_entity(s, subj) && add_entity(s, obj) && add_relation(s, r) &&
              add_str(o, "subject", entity_record(a, subj)->id) &&
              add_str(o, "relation", r->name) &&
              add_str(o, "object", entity_record(a, obj)->id) &&
              add_str(o, "source", a->sources[u->source]) &&
              add_str(o, "evidence", f->evidence);
    if (ok && fnet_date_is_set(f->date)) {
        fnet_date_format(f->date, d);
        ok = add_str(o, "date", d);
    }
    if (ok && fnet_date_is_set(f->until)) {
        fnet_date_format(f->until, d);
        ok = add_str(o, "until", d);
    }
    if (ok && f->weight != 1.0)
        ok = cJSON_AddNumberToObject(o, "weight", f->weight) != NULL;
    if (ok && fnet_fact_sign(c, f) != r->sign)
        ok = cJSON_AddNumberToObject(o, "sign", fnet_fact_sign(c, f)) != NULL;
    if (ok && f->stance != FNET_NO_STANCE)
        ok = cJSON_AddNumberToObject(o, "stance", f->stance) != NULL;
    if (ok && f->confidence != FNET_NO_CONFIDENCE)
        ok = cJSON_AddNumberToObject(o, "confidence", f->confidence) != NULL;
    ok = ok && add_attrs(s, o, f, n_who);
    *n += ok;
    return ok;
}

static bool add_sources(cons *s, cJSON *arr)
{
    const fnet_corpus *c = s->a->coders[0].c;
    for (uint32_t i = 0; i < s->a->n_sources; i++) {
        int32_t x = fnet_corpus_find_source(c, s->a->sources[i]);
        const fnet_source *src = &c->sources[x];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(arr, o))
            return cJSON_Delete(o), false;
        if (!add_str(o, "id", src->id) || !add_str(o, "title", src->title) ||
            !add_str(o, "author", src->author) ||
            !add_str(o, "date", src->date) || !add_str(o, "url", src->url) ||
            !add_str(o, "file", src->file))
            return false;
    }
    return true;
}

/* cJSON_Print's text with two spaces per level and one after a colon in
 * place of its tabs, as factnet's fact files are written (a tab cannot
 * occur inside a JSON string: cJSON writes it \t). */
static void put_indented(FILE *fp, const char *text)
{
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        if (*p == '\t')
            fputs(line_start ? "  " : " ", fp);
        else
            fputc(*p, fp);
        line_start = *p == '\n' || (line_start && *p == '\t');
    }
    fputc('\n', fp);
}

int fnet_consensus_write(const char *path, const fnet_agree *a,
                         uint32_t min_coders, uint64_t *n_facts, fnet_err *err)
{
    cons s = {.a = a};
    char *text = NULL;
    uint64_t n = 0;
    bool ok;
    int rc = 0;

    s.root = cJSON_CreateObject();
    s.entity_done = calloc(a->n_entities + 1, sizeof *s.entity_done);
    s.who = calloc(a->n_coders, sizeof *s.who);
    ok = s.root && s.entity_done && s.who &&
         cJSON_AddNumberToObject(s.root, "factnet", 1);
    fnet_buf_puts(&s.buf, "Consensus of ");
    for (uint32_t k = 0; k < a->n_coders; k++)
        fnet_buf_printf(&s.buf, "%s%s", k ? ", " : "", a->coders[k].name);
    fnet_buf_puts(&s.buf, " (factnet agree)");
    ok = ok && fnet_buf_ok(&s.buf) &&
         add_str(s.root, "title", fnet_buf_str(&s.buf));
    cJSON *sources = ok ? cJSON_AddArrayToObject(s.root, "sources") : NULL;
    s.entities = ok ? cJSON_AddArrayToObject(s.root, "entities") : NULL;
    s.relations = ok ? cJSON_AddObjectToObject(s.root, "relations") : NULL;
    s.facts = ok ? cJSON_AddArrayToObject(s.root, "facts") : NULL;
    ok = sources && s.entities && s.relations && s.facts &&
         add_sources(&s, sources);
    for (uint64_t i = 0; ok && i < a->n_units; i++)
        ok = add_unit(&s, &a->units[i], min_coders, &n);
    if (ok && !(text = cJSON_Print(s.root)))
        ok = false;
    if (!ok) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    } else {
        fnet_outfile *f = NULL;
        rc = fnet_outfile_open(&f, path, err);
        if (!rc) {
            put_indented(fnet_outfile_stream(f), text);
            rc = fnet_outfile_end(f, 0, err);
        }
    }
    if (n_facts)
        *n_facts = n;
    free(text);
    fnet_buf_free(&s.buf);
    free(s.who);
    free(s.entity_done);
    cJSON_Delete(s.root);
    return rc;
}

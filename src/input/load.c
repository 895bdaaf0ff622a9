/* load.c - JSON and JSON Lines fact files into the corpus (see load.h). */
#include "input/load.h"

#include "core/infile.h"
#include "core/text.h"
#include "input/import_brat.h"
#include "input/import_csv.h"
#include "input/import_doccano.h"
#include "input/import_events.h"
#include "input/import_labelstudio.h"
#include "input/json_arena.h"
#include "input/jsonsyntax.h"
#include "input/jsontext.h"
#include "input/lines.h"
#include "input/load_hooks.h"
#include "input/load_parallel.h"
#include "input/validate.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What a record parser needs: where it is and where messages go. */
typedef struct ctx {
    fnet_corpus *c;
    fnet_diag *d;
    fnet_loc loc;
    const char *section; /* "facts", "entities", ... for JSON documents */
    fnet_buf where;      /* scratch for location prefixes */
    bool failed;         /* the current record had an error */
    bool oom;            /* out of memory: loading stops, FNET_ENOMEM */
    const fnet_load_sink *sink; /* NULL: facts go into the corpus */
    int sink_rc;                /* first non-zero return of the sink */
    bool fact_seen;             /* the current record was a fact */
} ctx;

static const char *where(ctx *x, const char *field)
{
    fnet_buf_reset(&x->where);
    fnet_corpus_locate(x->c, x->loc, x->section, field, &x->where);
    return fnet_buf_str(&x->where);
}

#define ERR(x, field, ...)                                                     \
    do {                                                                       \
        fnet_diag_add((x)->d, FNET_SEV_ERROR, where((x), (field)),             \
                      __VA_ARGS__);                                            \
        (x)->failed = true;                                                    \
    } while (0)
/* Out of memory while reading a record: located like a data error, but the
 * load then stops and returns FNET_ENOMEM (exit 4, not 1). */
#define NOMEM(x, field)                                                        \
    do {                                                                       \
        ERR(x, field, "out of memory");                                        \
        (x)->oom = true;                                                       \
    } while (0)
#define WARN(x, field, ...)                                                    \
    fnet_diag_add((x)->d, FNET_SEV_WARNING, where((x), (field)), __VA_ARGS__)

static const char *json_kind(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

/* ---- fields ----------------------------------------------------------- */

/* Looks key up in obj. Returns NULL when absent. */
static cJSON *field(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* Copies a string field into the arena. Absent: NULL (an error if required).
 * Wrong type or empty when required: error, NULL. */
static const char *str_field(ctx *x, const cJSON *obj, const char *key,
                             bool required)
{
    cJSON *v = field(obj, key);
    if (!v) {
        if (required)
            ERR(x, key, "missing required field \"%s\"", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        ERR(x, key, "expected a string, got %s", json_kind(v));
        return NULL;
    }
    if (required && v->valuestring[0] == '\0') {
        ERR(x, key, "must not be empty");
        return NULL;
    }
    const char *s = fnet_arena_strdup(&x->c->arena, v->valuestring);
    if (!s)
        NOMEM(x, key);
    return s;
}

static fnet_date date_field(ctx *x, const cJSON *obj, const char *key)
{
    const char *s = str_field(x, obj, key, false);
    fnet_date d = FNET_DATE_NONE;
    char why[160];
    if (s && fnet_date_parse(s, &d, why, sizeof why) != 0)
        ERR(x, key, "%s", why);
    return d;
}

/* A string or an array of strings, copied into *out (n in *n). */
static void str_list_field(ctx *x, const cJSON *obj, const char *key,
                           const char ***out, uint32_t *n)
{
    cJSON *v = field(obj, key);
    *out = NULL;
    *n = 0;
    if (!v)
        return;
    if (cJSON_IsString(v)) {
        const char **list = fnet_arena_alloc(&x->c->arena, sizeof *list);
        if (!list ||
            !(list[0] = fnet_arena_strdup(&x->c->arena, v->valuestring))) {
            NOMEM(x, key);
            return;
        }
        *out = list;
        *n = 1;
        return;
    }
    if (!cJSON_IsArray(v)) {
        ERR(x, key, "expected a string or an array of strings, got %s",
            json_kind(v));
        return;
    }
    int count = cJSON_GetArraySize(v);
    if (count == 0)
        return;
    const char **list = fnet_arena_alloc(&x->c->arena, count * sizeof *list);
    if (!list) {
        NOMEM(x, key);
        return;
    }
    int k = 0;
    char sub[64];
    const cJSON *item;
    cJSON_ArrayForEach(item, v)
    {
        snprintf(sub, sizeof sub, "%s[%d]", key, k);
        if (!cJSON_IsString(item)) {
            ERR(x, sub, "expected a string, got %s", json_kind(item));
            return;
        }
        if (!(list[k++] = fnet_arena_strdup(&x->c->arena, item->valuestring))) {
            NOMEM(x, sub);
            return;
        }
    }
    *out = list;
    *n = (uint32_t)count;
}

/* Reports duplicate keys of obj as errors (which value counts would be
 * arbitrary); prefix names the object in the location ("attrs." or "").
 * Small objects compare pairwise; from DUP_SCAN_MAX keys on a hash set keeps
 * the check linear, since hostile input may hold 100k keys in one object. */
#define DUP_SCAN_MAX 16

static void dup_keys(ctx *x, const cJSON *obj, const char *prefix)
{
    const cJSON *item, *other;
    fnet_strmap seen = {0};
    bool hashed = cJSON_GetArraySize(obj) > DUP_SCAN_MAX;
    char sub[128];
    cJSON_ArrayForEach(item, obj)
    {
        bool dup = false;
        size_t len = strlen(item->string);
        if (hashed) {
            dup = fnet_strmap_get(&seen, item->string, len, NULL);
            if (!dup && fnet_strmap_put(&seen, item->string, len, 0)) {
                NOMEM(x, NULL);
                break;
            }
        } else {
            for (other = obj->child; other != item && !dup; other = other->next)
                dup = strcmp(other->string, item->string) == 0;
        }
        if (dup) {
            snprintf(sub, sizeof sub, "%s%.100s", prefix, item->string);
            fnet_buf q = {0};
            ERR(x, sub, "duplicate key %s", fnet_diag_quoted(&q, item->string));
            fnet_buf_free(&q);
        }
    }
    fnet_strmap_free(&seen);
}

static void attrs_field(ctx *x, const cJSON *obj, fnet_attr **out, uint32_t *n)
{
    cJSON *v = field(obj, "attrs");
    *out = NULL;
    *n = 0;
    if (!v)
        return;
    if (!cJSON_IsObject(v)) {
        ERR(x, "attrs", "expected an object, got %s", json_kind(v));
        return;
    }
    dup_keys(x, v, "attrs.");
    int count = cJSON_GetArraySize(v);
    if (count == 0)
        return;
    fnet_attr *a = fnet_arena_alloc(&x->c->arena, count * sizeof *a);
    if (!a) {
        NOMEM(x, "attrs");
        return;
    }
    int k = 0;
    const cJSON *item;
    char sub[128], num[64];
    cJSON_ArrayForEach(item, v)
    {
        snprintf(sub, sizeof sub, "attrs.%.100s", item->string);
        const char *val = NULL;
        int kind;
        if (cJSON_IsString(item)) {
            val = item->valuestring;
            kind = FNET_ATTR_STRING;
        } else if (cJSON_IsNumber(item)) {
            snprintf(num, sizeof num, "%.17g", item->valuedouble);
            val = num;
            kind = FNET_ATTR_NUMBER;
        } else if (cJSON_IsBool(item)) {
            val = cJSON_IsTrue(item) ? "true" : "false";
            kind = FNET_ATTR_BOOL;
        } else {
            ERR(x, sub, "expected a string, number or boolean, got %s",
                json_kind(item));
            continue;
        }
        a[k].key = fnet_arena_strdup(&x->c->arena, item->string);
        a[k].value = fnet_arena_strdup(&x->c->arena, val);
        a[k].kind = kind;
        if (!a[k].key || !a[k].value) {
            NOMEM(x, sub);
            return;
        }
        k++;
    }
    *out = a;
    *n = (uint32_t)k;
}

/* Reports duplicate keys (dup_keys) and keys outside `known` (warning:
 * likely a typo, with the closest known name). O(k * |known|). */
static void check_keys(ctx *x, const cJSON *obj, const char *const *known)
{
    const cJSON *item;
    dup_keys(x, obj, "");
    cJSON_ArrayForEach(item, obj)
    {
        bool ok = false;
        for (const char *const *k = known; *k && !ok; k++)
            ok = strcmp(*k, item->string) == 0;
        if (ok)
            continue;
        const char *best = NULL;
        size_t best_d = 3;
        for (const char *const *k = known; *k; k++) {
            size_t dd = fnet_text_distance(item->string, *k, 2);
            if (dd < best_d) {
                best_d = dd;
                best = *k;
            }
        }
        fnet_buf q = {0}, qb = {0};
        if (best)
            WARN(x, item->string, "unknown field %s ignored (did you mean %s?)",
                 fnet_diag_quoted(&q, item->string),
                 fnet_diag_quoted(&qb, best));
        else
            WARN(x, item->string, "unknown field %s ignored",
                 fnet_diag_quoted(&q, item->string));
        fnet_buf_free(&q);
        fnet_buf_free(&qb);
    }
}

/* ---- records ---------------------------------------------------------- */

/* Reports why fnet_corpus_add_* failed: the corpus's limit for the kind of
 * record (the record is not added; later ones get the same error) or
 * memory. */
static void add_failed(ctx *x, int rc, const char *what, uint64_t limit)
{
    if (rc == FNET_EDATA)
        ERR(x, NULL, "too many %s (the limit is %llu)", what,
            (unsigned long long)limit);
    else
        NOMEM(x, NULL);
}

/* Indexes record i of a kind after it was added; NOMEM on failure. */
static void indexed(ctx *x, int rc)
{
    if (rc != FNET_OK)
        NOMEM(x, NULL);
}

static void add_source(ctx *x, const cJSON *obj)
{
    static const char *const known[] = {"kind", "id",  "title", "author",
                                        "date", "url", "file",  NULL};
    check_keys(x, obj, known);
    fnet_source s = {0};
    s.id = str_field(x, obj, "id", true);
    s.title = str_field(x, obj, "title", false);
    s.author = str_field(x, obj, "author", false);
    s.url = str_field(x, obj, "url", false);
    s.file = str_field(x, obj, "file", false);
    s.date = str_field(x, obj, "date", false);
    if (s.date) {
        fnet_date dd;
        char why[160];
        if (fnet_date_parse(s.date, &dd, why, sizeof why) != 0)
            ERR(x, "date", "%s", why);
    }
    s.loc = x->loc;
    if (!s.id)
        return;
    int32_t prev = fnet_corpus_find_source(x->c, s.id);
    if (prev >= 0) {
        /* The same source may be repeated across files (each file self-
         * contained); within one file a second record is a mistake. */
        if (x->c->sources[prev].loc.file == x->loc.file) {
            fnet_buf q = {0};
            ERR(x, "id", "duplicate source id %s", fnet_diag_quoted(&q, s.id));
            fnet_buf_free(&q);
        }
        return;
    }
    fnet_source *rec;
    int rc = fnet_corpus_add_source(x->c, &rec);
    if (rc != FNET_OK) {
        add_failed(x, rc, "sources", x->c->limits.sources);
        return;
    }
    *rec = s;
    indexed(x, fnet_corpus_index_source(x->c, x->c->n_sources - 1));
}

static void merge_entity(ctx *x, fnet_entity *old, const fnet_entity *e)
{
    fnet_buf q[3] = {{0}};
    if (old->loc.file == x->loc.file) {
        ERR(x, "id", "duplicate entity id %s", fnet_diag_quoted(&q[0], e->id));
        fnet_buf_free(&q[0]);
        return;
    }
    if (strcmp(old->type, e->type) != 0) {
        ERR(x, "type", "entity %s has type %s here but %s in %s",
            fnet_diag_quoted(&q[0], e->id), fnet_diag_quoted(&q[1], e->type),
            fnet_diag_quoted(&q[2], old->type), x->c->files[old->loc.file]);
        for (int k = 0; k < 3; k++)
            fnet_buf_free(&q[k]);
        return;
    }
    /* Same entity described in another file: keep the first label, add the
     * aliases (and the new label as an alias) the first lacked. */
    uint32_t n = old->n_aliases + e->n_aliases + 1;
    const char **al = fnet_arena_alloc(&x->c->arena, n * sizeof *al);
    if (!al) {
        NOMEM(x, "aliases");
        return;
    }
    /* Repeats are found with a set once there are many, so that merging
     * is linear in the aliases. */
    fnet_strmap seen_set = {0};
    bool use_set = n > 16, oom = false;
    uint32_t k = 0;
    for (uint32_t i = 0; i < old->n_aliases; i++) {
        al[k++] = old->aliases[i];
        oom = oom || (use_set && fnet_strmap_put(&seen_set, al[k - 1],
                                                 strlen(al[k - 1]), 0));
    }
    for (uint32_t i = 0; i <= e->n_aliases && !oom; i++) {
        const char *a = i < e->n_aliases ? e->aliases[i] : e->label;
        bool seen = strcmp(a, old->label) == 0;
        if (use_set)
            seen = seen || fnet_strmap_get(&seen_set, a, strlen(a), NULL);
        for (uint32_t j = 0; !use_set && j < k && !seen; j++)
            seen = strcmp(al[j], a) == 0;
        if (!seen) {
            al[k++] = a;
            oom = use_set && fnet_strmap_put(&seen_set, a, strlen(a), 0);
        }
    }
    fnet_strmap_free(&seen_set);
    if (oom) {
        NOMEM(x, "aliases");
        return;
    }
    old->aliases = al;
    old->n_aliases = k;
}

static void add_entity(ctx *x, const cJSON *obj)
{
    static const char *const known[] = {"kind",    "id",   "type",  "label",
                                        "aliases", "date", "attrs", NULL};
    check_keys(x, obj, known);
    fnet_entity e = {0};
    e.id = str_field(x, obj, "id", true);
    e.type = str_field(x, obj, "type", true);
    e.label = str_field(x, obj, "label", false);
    str_list_field(x, obj, "aliases", &e.aliases, &e.n_aliases);
    e.date = date_field(x, obj, "date");
    attrs_field(x, obj, &e.attrs, &e.n_attrs);
    e.loc = x->loc;
    if (!e.id || !e.type)
        return;
    if (!e.label || !e.label[0])
        e.label = e.id;
    int32_t prev = fnet_corpus_find_entity(x->c, e.id);
    if (prev >= 0) {
        merge_entity(x, &x->c->entities[prev], &e);
        return;
    }
    fnet_entity *rec;
    int rc = fnet_corpus_add_entity(x->c, &rec);
    if (rc != FNET_OK) {
        add_failed(x, rc, "entities", x->c->limits.entities);
        return;
    }
    *rec = e;
    indexed(x, fnet_corpus_index_entity(x->c, x->c->n_entities - 1));
}

/* "sign": 1 or -1 into *out; absent leaves *out alone. */
static void sign_field(ctx *x, const cJSON *obj, int *out)
{
    cJSON *v = field(obj, "sign");
    if (!v)
        return;
    if (!cJSON_IsNumber(v))
        ERR(x, "sign", "expected 1 or -1, got %s", json_kind(v));
    else if (v->valuedouble == 0)
        ERR(x, "sign",
            "expected 1 or -1, got 0 (leave \"sign\" out for "
            "the default)");
    else if (v->valuedouble != 1 && v->valuedouble != -1)
        ERR(x, "sign", "expected 1 or -1, got %g", v->valuedouble);
    else
        *out = v->valuedouble < 0 ? -1 : 1;
}

/* "from"/"to" of a relation: "any", a type, or an array of types. */
static void type_list_field(ctx *x, const cJSON *obj, const char *key,
                            const char ***out, uint32_t *n)
{
    cJSON *v = field(obj, key);
    if (cJSON_IsString(v) && strcmp(v->valuestring, "any") == 0) {
        *out = NULL;
        *n = 0;
        return;
    }
    str_list_field(x, obj, key, out, n);
}

static bool same_types(const char **a, uint32_t na, const char **b, uint32_t nb)
{
    if (na != nb)
        return false;
    for (uint32_t i = 0; i < na; i++)
        if (!fnet_relation_allows(b, nb, a[i]))
            return false;
    return true;
}

static void add_relation(ctx *x, const char *name, const cJSON *obj)
{
    static const char *const known[] = {
        "kind", "name", "from", "to", "directed", "sign", "description", NULL};
    if (!cJSON_IsObject(obj)) {
        ERR(x, NULL, "expected an object, got %s", json_kind(obj));
        return;
    }
    check_keys(x, obj, known);
    fnet_relation r = {0};
    r.name = fnet_arena_strdup(&x->c->arena, name);
    if (!r.name)
        NOMEM(x, NULL);
    type_list_field(x, obj, "from", &r.from, &r.n_from);
    type_list_field(x, obj, "to", &r.to, &r.n_to);
    r.directed = true;
    r.sign = 1;
    cJSON *v = field(obj, "directed");
    if (v && !cJSON_IsBool(v))
        ERR(x, "directed", "expected true or false, got %s", json_kind(v));
    else if (v)
        r.directed = cJSON_IsTrue(v);
    sign_field(x, obj, &r.sign);
    r.description = str_field(x, obj, "description", false);
    r.loc = x->loc;
    if (!r.name || x->failed)
        return;
    int32_t prev = fnet_corpus_find_relation(x->c, name);
    if (prev >= 0) {
        const fnet_relation *o = &x->c->relations[prev];
        fnet_buf q = {0};
        const char *qname = fnet_diag_quoted(&q, name);
        if (o->builtin)
            ERR(x, NULL,
                "relation %s is built in and cannot be "
                "redeclared; choose another name",
                qname);
        else if (o->loc.file == x->loc.file)
            ERR(x, NULL, "duplicate relation %s", qname);
        else if (o->directed != r.directed || o->sign != r.sign ||
                 !same_types(o->from, o->n_from, r.from, r.n_from) ||
                 !same_types(o->to, o->n_to, r.to, r.n_to))
            ERR(x, NULL, "relation %s is declared differently in %s", qname,
                x->c->files[o->loc.file]);
        fnet_buf_free(&q);
        return;
    }
    fnet_relation *rec;
    int rc = fnet_corpus_add_relation(x->c, &rec);
    if (rc != FNET_OK) {
        add_failed(x, rc, "relations", x->c->limits.relations);
        return;
    }
    *rec = r;
    indexed(x, fnet_corpus_index_relation(x->c, x->c->n_relations - 1));
}

static void add_fact(ctx *x, const cJSON *obj)
{
    static const char *const known[] = {
        "kind",   "id",   "subject", "relation", "object",     "date",  "until",
        "weight", "sign", "source",  "evidence", "confidence", "attrs", NULL};
    check_keys(x, obj, known);
    fnet_fact f = {0};
    f.subject = f.relation = f.object = -1;
    f.weight = 1.0;
    f.confidence = FNET_NO_CONFIDENCE;
    f.id = str_field(x, obj, "id", false);
    f.subject_ref = str_field(x, obj, "subject", true);
    f.relation_ref = str_field(x, obj, "relation", true);
    f.object_ref = str_field(x, obj, "object", true);
    f.date = date_field(x, obj, "date");
    f.until = date_field(x, obj, "until");
    if (fnet_date_is_set(f.until) && !fnet_date_is_set(f.date))
        ERR(x, "until", "\"until\" needs a \"date\"");
    else if (fnet_date_is_set(f.until) &&
             fnet_date_last_day(f.until) < fnet_date_first_day(f.date))
        ERR(x, "until", "\"until\" is before \"date\"");
    cJSON *v = field(obj, "weight");
    if (v && !cJSON_IsNumber(v))
        ERR(x, "weight", "expected a number, got %s", json_kind(v));
    else if (v && !(isfinite(v->valuedouble) && v->valuedouble > 0))
        ERR(x, "weight", "must be a finite number greater than 0");
    else if (v)
        f.weight = v->valuedouble;
    sign_field(x, obj, &f.sign);
    v = field(obj, "confidence");
    if (v && !cJSON_IsNumber(v))
        ERR(x, "confidence", "expected a number, got %s", json_kind(v));
    else if (v && !(v->valuedouble >= 0 && v->valuedouble <= 1))
        ERR(x, "confidence", "must be between 0 and 1");
    else if (v)
        f.confidence = v->valuedouble;
    str_list_field(x, obj, "source", &f.source_refs, &f.n_sources);
    f.evidence = str_field(x, obj, "evidence", false);
    attrs_field(x, obj, &f.attrs, &f.n_attrs);
    f.loc = x->loc;
    x->fact_seen = true;
    if (x->failed)
        return;
    if (x->sink) {
        int rc = x->sink->fact(x->sink->ctx, &f);
        if (rc && !x->sink_rc)
            x->sink_rc = rc;
        return;
    }
    fnet_fact *rec;
    int rc = fnet_corpus_add_fact(x->c, &rec);
    if (rc != FNET_OK) {
        add_failed(x, rc, "facts", x->c->limits.facts);
        return;
    }
    *rec = f;
}

/* ---- JSON documents --------------------------------------------------- */

static void load_array(ctx *x, const cJSON *root, const char *key,
                       void (*add)(ctx *, const cJSON *))
{
    cJSON *arr = field(root, key);
    if (!arr)
        return;
    x->section = NULL;
    x->loc.index = FNET_LOC_NO_INDEX;
    if (!cJSON_IsArray(arr)) {
        ERR(x, key, "expected an array, got %s", json_kind(arr));
        return;
    }
    x->section = key;
    uint32_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, arr)
    {
        x->loc.index = i++;
        x->failed = false;
        if (!cJSON_IsObject(item)) {
            ERR(x, NULL, "expected an object, got %s", json_kind(item));
            continue;
        }
        add(x, item);
    }
}

/* "factnet" (the format version) and "title" of a document or of a JSON
 * Lines header record. The corpus keeps the first title it sees. */
static void header_fields(ctx *x, const cJSON *obj)
{
    cJSON *v = field(obj, "factnet");
    if (v && !(cJSON_IsNumber(v) && v->valuedouble == 1))
        ERR(x, "factnet",
            "unsupported format version (this factnet reads "
            "version 1)");
    v = field(obj, "title");
    if (v && cJSON_IsString(v) && !x->c->title &&
        !(x->c->title = fnet_arena_strdup(&x->c->arena, v->valuestring)))
        NOMEM(x, "title");
    else if (v && !cJSON_IsString(v))
        ERR(x, "title", "expected a string, got %s", json_kind(v));
}

static void load_document(ctx *x, const cJSON *root)
{
    static const char *const known[] = {
        "factnet", "title", "sources", "entities", "relations", "facts", NULL};
    x->loc.index = FNET_LOC_NO_INDEX;
    if (!cJSON_IsObject(root)) {
        ERR(x, NULL, "expected a JSON object with \"facts\", got %s",
            json_kind(root));
        return;
    }
    check_keys(x, root, known);
    header_fields(x, root);
    if (!field(root, "facts"))
        WARN(x, NULL, "no \"facts\" array");

    /* Relations first: facts may use them whatever the key order. */
    cJSON *rels = field(root, "relations");
    if (rels && !cJSON_IsObject(rels)) {
        ERR(x, "relations",
            "expected an object mapping names to "
            "declarations, got %s",
            json_kind(rels));
    } else if (rels) {
        const cJSON *item;
        char sub[160];
        cJSON_ArrayForEach(item, rels)
        {
            snprintf(sub, sizeof sub, "relations.%.120s", item->string);
            x->section = sub;
            x->loc.index = FNET_LOC_NO_INDEX;
            x->failed = false;
            add_relation(x, item->string, item);
        }
    }
    load_array(x, root, "sources", add_source);
    load_array(x, root, "entities", add_entity);
    load_array(x, root, "facts", add_fact);
}

/* ---- JSON Lines ------------------------------------------------------- */

static void load_record(ctx *x, const cJSON *obj)
{
    if (!cJSON_IsObject(obj)) {
        ERR(x, NULL, "expected a JSON object, got %s", json_kind(obj));
        return;
    }
    cJSON *kind = field(obj, "kind");
    if (!kind) {
        ERR(x, "kind", "missing \"kind\" (source, entity, relation or fact)");
        return;
    }
    if (!cJSON_IsString(kind)) {
        ERR(x, "kind", "expected a string, got %s", json_kind(kind));
        return;
    }
    const char *k = kind->valuestring;
    if (strcmp(k, "fact") == 0) {
        add_fact(x, obj);
    } else if (strcmp(k, "entity") == 0) {
        add_entity(x, obj);
    } else if (strcmp(k, "source") == 0) {
        add_source(x, obj);
    } else if (strcmp(k, "relation") == 0) {
        const char *name = str_field(x, obj, "name", true);
        if (name)
            add_relation(x, name, obj);
    } else if (strcmp(k, "header") == 0) {
        static const char *const known[] = {"kind", "factnet", "title", NULL};
        check_keys(x, obj, known);
        header_fields(x, obj);
    } else {
        fnet_buf q = {0};
        ERR(x, "kind",
            "unknown kind %s (expected source, entity, "
            "relation, fact or header)",
            fnet_diag_quoted(&q, k));
        fnet_buf_free(&q);
    }
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* The result of a load: FNET_ENOMEM (with the message) when a record ran
 * out of memory, else rc. */
static int outcome(const ctx *x, const char *name, int rc, fnet_err *err)
{
    if (rc == FNET_OK && x->oom)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return rc;
}

/* Loads one JSON Lines record, line[0..len) (NUL-terminated, without its
 * line feed), or reports a line over the limit (line NULL). Returns FNET_OK
 * (data problems go to the collector) or FNET_ENOMEM. */
static int load_line(ctx *x, const char *name, const char *line, uint64_t len,
                     uint32_t lineno, fnet_err *err)
{
    if (!line) {
        char w[4200];
        snprintf(w, sizeof w, "%s:%lu:1: error: ", name, (unsigned long)lineno);
        fnet_diag_add(x->d, FNET_SEV_ERROR, w,
                      "line longer than the limit "
                      "of %llu bytes",
                      (unsigned long long)x->c->limits.line_bytes);
        return FNET_OK;
    }
    if (blank(line, (size_t)len))
        return FNET_OK;
    x->loc.line = lineno;
    x->loc.index = FNET_LOC_NO_INDEX;
    x->section = NULL;
    x->failed = false;
    cJSON *obj;
    int rc = fnet_json_parse(x->d, &x->c->limits, name, line, (size_t)len,
                             lineno, &obj);
    if (rc == FNET_EDATA) /* reported */
        return FNET_OK;
    if (rc != FNET_OK)
        return fnet_err_set(err, rc, "%s: out of memory", name);
    load_record(x, obj);
    cJSON_Delete(obj);
    return outcome(x, name, FNET_OK, err);
}

/* Called before line lineno + 1 of a JSON Lines file is loaded: true when
 * it may be; else reports the line-count limit (line numbers are 32-bit)
 * and returns false: the rest of the file is not read. */
static bool more_lines(ctx *x, const char *name, uint32_t lineno)
{
    if (lineno < x->c->limits.lines)
        return true;
    char w[4200];
    snprintf(w, sizeof w, "%s:%llu: error: ", name,
             (unsigned long long)lineno + 1);
    fnet_diag_add(x->d, FNET_SEV_ERROR, w,
                  "more than %lu lines in one JSON "
                  "Lines file; the rest is not read (split the file)",
                  (unsigned long)x->c->limits.lines);
    return false;
}

/* ---- files ------------------------------------------------------------ */

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int begin(ctx *x, fnet_corpus *c, const char *name, fnet_diag *d)
{
    memset(x, 0, sizeof *x);
    x->c = c;
    x->d = d;
    return fnet_corpus_add_file(c, name, &x->loc.file);
}

static void empty_file(fnet_diag *d, const char *name, bool jsonl)
{
    fnet_diag_add(d, FNET_SEV_ERROR, NULL,
                  "%s:1:1: error: empty file "
                  "(expected %s)",
                  name, jsonl ? "JSON Lines records" : "a JSON object");
}

static void too_large(fnet_diag *d, const char *name, uint64_t limit)
{
    fnet_diag_add(d, FNET_SEV_ERROR, NULL,
                  "%s: file larger than the limit "
                  "of %llu bytes for a JSON document (use JSON Lines for "
                  "large corpora)",
                  name, (unsigned long long)limit);
}

/* Loads JSON Lines text[0..len), which is modified (each line gets its
 * NUL), under the same limits as the streaming reader. */
static int load_lines(ctx *x, const char *name, char *text, size_t len,
                      fnet_err *err)
{
    char *p = text, *end = text + len;
    uint32_t lineno = 0;
    int rc = FNET_OK;
    while (rc == FNET_OK && p < end && more_lines(x, name, lineno)) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        p[n] = '\0';
        rc = load_line(x, name, n > x->c->limits.line_bytes ? NULL : p, n,
                       ++lineno, err);
        p += n + 1;
    }
    return rc;
}

/* Loads text[0..len) (modified; text[len] is NUL): a JSON document, or
 * JSON Lines held in memory. */
static int load_text(fnet_corpus *c, const char *name, char *text, size_t len,
                     bool jsonl, fnet_diag *d, fnet_err *err)
{
    ctx x;
    if (begin(&x, c, name, d) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    int rc = FNET_OK;
    bool big = !jsonl && len > c->limits.document_bytes; /* as for files */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* UTF-8 byte order mark, as editors on Windows write */
        len -= 3;
    }
    if (big) {
        too_large(d, name, c->limits.document_bytes);
    } else if (blank(text, len)) {
        empty_file(d, name, jsonl);
    } else if (jsonl) {
        rc = load_lines(&x, name, text, len, err);
    } else {
        cJSON *root;
        rc = fnet_json_parse(d, &c->limits, name, text, len, 1, &root);
        if (rc == FNET_OK) {
            load_document(&x, root);
            cJSON_Delete(root);
        } else if (rc == FNET_EDATA) {
            rc = FNET_OK; /* reported */
        } else {
            rc = fnet_err_set(err, rc, "%s: out of memory", name);
        }
        rc = outcome(&x, name, rc, err);
    }
    fnet_buf_free(&x.where);
    return rc;
}

int fnet_load_buffer(fnet_corpus *c, const char *name, const char *data,
                     size_t len, bool jsonl, fnet_diag *d, fnet_err *err)
{
    char *copy = malloc(len + 1); /* the caller's data is const */
    if (!copy)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    memcpy(copy, data, len);
    copy[len] = '\0';
    int rc = load_text(c, name, copy, len, jsonl, d, err);
    free(copy);
    return rc;
}

/* Streams a JSON Lines file: memory is bounded by the line limit (plus a
 * block, input/lines.h), not by the longest line or the file. */
static int load_jsonl_stream(fnet_corpus *c, const char *name, FILE *fp,
                             fnet_diag *d, fnet_err *err)
{
    ctx x;
    if (begin(&x, c, name, d) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    fnet_lines r;
    fnet_lines_init(&r, fp, c->limits.line_bytes);
    uint32_t lineno = 0;
    bool any = false;
    int rc = FNET_OK, got = 0;
    while (rc == FNET_OK && (got = fnet_lines_next(&r)) == 1 &&
           more_lines(&x, name, lineno)) {
        any = any || r.too_long || !blank(r.text, (size_t)r.len);
        rc = load_line(&x, name, r.text, r.len, ++lineno, err);
    }
    if (rc == FNET_OK && got == FNET_EIO)
        rc = fnet_err_set(err, FNET_EIO, "%s: read error: %s", name,
                          strerror(errno));
    else if (rc == FNET_OK && got == FNET_ENOMEM)
        rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    else if (rc == FNET_OK && !any)
        empty_file(d, name, true);
    fnet_lines_free(&r);
    fnet_buf_free(&x.where);
    return rc;
}

static int load_json_file(fnet_corpus *c, const char *path, bool jsonl,
                          const fnet_load_opts *o, fnet_diag *d, fnet_err *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    int rc;
    if (jsonl && (!o || (o->threads != 1 || o->sink || o->progress))) {
        rc = fnet_load_jsonl_parallel(c, name, fp, o, d, err);
    } else if (jsonl) {
        rc = load_jsonl_stream(c, name, fp, d, err);
    } else {
        /* The document is parsed in the buffer it was read into: no copy. */
        char *data = NULL;
        size_t len = 0;
        rc = fnet_infile_read(fp, name, c->limits.document_bytes, &data, &len,
                              err);
        if (rc == FNET_EDATA) { /* too large: a located data error */
            too_large(d, name, c->limits.document_bytes);
            rc = FNET_OK;
        } else if (rc == FNET_OK) {
            rc = load_text(c, name, data, len, false, d, err);
        }
        free(data);
    }
    if (!is_stdin)
        fclose(fp);
    return rc;
}

/* ---- formats ---------------------------------------------------------- */

static const char *const formats[] = {
    "json",    "jsonl", "csv",   "tsv",  "brat", "labelstudio",
    "doccano", "gdelt", "icews", "auto", NULL};

static bool known_format(const char *fmt)
{
    for (const char *const *f = formats; *f; f++)
        if (strcmp(*f, fmt) == 0)
            return true;
    return false;
}

int fnet_load_opts_check(const fnet_load_opts *o, fnet_err *err)
{
    if (!o)
        return FNET_OK;
    if (o->format && !known_format(o->format)) {
        fnet_buf q = {0};
        fnet_err_set(err, FNET_EUSAGE,
                     "unknown input format %s (expected " FNET_LOAD_FORMATS ")",
                     fnet_diag_quoted(&q, o->format));
        fnet_buf_free(&q);
        return FNET_EUSAGE;
    }
    int rc = fnet_import_csv_check_map(o->import.map, err);
    if (rc == FNET_OK)
        rc = fnet_import_brat_check(&o->import, err);
    if (rc == FNET_OK)
        rc = fnet_import_events_check(&o->import, err);
    return rc;
}

static bool isuffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && fnet_import_iequal(s + n - m, suf);
}

/* Reads up to cap - 1 bytes of the start of path (NUL-terminated). */
static size_t peek(const char *path, char *buf, size_t cap)
{
    FILE *fp = fopen(path, "rb");
    size_t n = fp ? fread(buf, 1, cap - 1, fp) : 0;
    if (fp)
        fclose(fp);
    buf[n] = '\0';
    return n;
}

/* A .json file holding an array of tasks is a Label Studio export
 * (factnet's JSON is an object): the array must open with an object and a
 * task key must appear early. Anything else stays "json", so a factnet file
 * with a wrong root gets the factnet message. */
static bool peek_labelstudio(const char *path)
{
    enum { CAP = 1 << 16 };
    char *buf = malloc(CAP);
    if (!buf)
        return false;
    size_t n = peek(path, buf, CAP), i = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && strchr(" \t\r\n", buf[i]))
        i++;
    bool yes = i < n && buf[i] == '[';
    for (i++; yes && i < n && strchr(" \t\r\n", buf[i]); i++)
        ;
    yes = yes && i < n && buf[i] == '{' &&
          (strstr(buf + i, "\"annotations\"") || strstr(buf + i, "\"data\"") ||
           strstr(buf + i, "\"predictions\""));
    free(buf);
    return yes;
}

/* A .jsonl file whose first record has "text" and no "kind" is doccano's. */
static bool peek_doccano(const char *path)
{
    enum { CAP = 1 << 16 };
    char *buf = malloc(CAP);
    if (!buf)
        return false;
    size_t n = peek(path, buf, CAP);
    char *p = buf;
    while ((size_t)(p - buf) < n && strchr(" \t\r\n", *p))
        p++;
    char *nl = strchr(p, '\n');
    if (nl)
        *nl = '\0';
    cJSON *obj = cJSON_Parse(p);
    bool yes = cJSON_IsObject(obj) &&
               cJSON_GetObjectItemCaseSensitive(obj, "text") &&
               !cJSON_GetObjectItemCaseSensitive(obj, "kind");
    cJSON_Delete(obj);
    free(buf);
    return yes;
}

static bool peek_icews(const char *path)
{
    char buf[4096];
    size_t n = peek(path, buf, sizeof buf);
    const char *nl = memchr(buf, '\n', n);
    return fnet_import_events_is_icews(buf, nl ? (size_t)(nl - buf) : n);
}

const char *fnet_load_format(const char *path, const fnet_load_opts *o)
{
    if (o && o->format && strcmp(o->format, "auto") != 0)
        return o->format;
    struct stat st;
    bool is_stdin = strcmp(path, "-") == 0;
    /* A folder is a brat collection, unless it is named like a fact file
     * (then reading it fails with the ordinary "Is a directory"). */
    if (!is_stdin && stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
        !has_suffix(path, ".json") && !has_suffix(path, ".jsonl") &&
        !has_suffix(path, ".ndjson"))
        return "brat";
    if (isuffix(path, ".ann"))
        return "brat";
    if (isuffix(path, ".export.csv") || isuffix(path, ".gdelt.tsv") ||
        isuffix(path, ".gdelt.csv"))
        return "gdelt";
    if (isuffix(path, ".icews.tsv"))
        return "icews";
    if (isuffix(path, ".csv"))
        return "csv";
    if (isuffix(path, ".tsv") || isuffix(path, ".tab"))
        return !is_stdin && peek_icews(path) ? "icews" : "tsv";
    if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson"))
        return !is_stdin && peek_doccano(path) ? "doccano" : "jsonl";
    if (!is_stdin && has_suffix(path, ".json") && peek_labelstudio(path))
        return "labelstudio";
    return "json";
}

/* The label map: o->labels, else parsed into *own (freed by the caller)
 * within c's limits. */
static int labels_for(const fnet_corpus *c, const fnet_load_opts *o,
                      fnet_labelmap *own, const fnet_labelmap **out,
                      fnet_diag *d, fnet_err *err)
{
    *out = o ? o->labels : NULL;
    if (*out || !o || !o->import.label_map)
        return FNET_OK;
    int rc = fnet_labelmap_load(own, &c->limits, o->import.label_map, d, err);
    *out = own;
    return rc;
}

int fnet_load_file(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                   fnet_diag *d, fnet_err *err)
{
    int rc = fnet_load_opts_check(o, err);
    if (rc)
        return rc;
    const char *fmt = fnet_load_format(path, o);
    const fnet_import_opts *io = o ? &o->import : NULL;
    if (strcmp(fmt, "json") == 0 || strcmp(fmt, "jsonl") == 0)
        return load_json_file(c, path, strcmp(fmt, "jsonl") == 0, o, d, err);
    if (strcmp(fmt, "csv") == 0 || strcmp(fmt, "tsv") == 0)
        return fnet_import_csv_file(c, path, fmt[0] == 'c' ? ',' : '\t', io, d,
                                    err);
    if (strcmp(fmt, "gdelt") == 0 || strcmp(fmt, "icews") == 0)
        return fnet_import_events_file(
            c, path, fmt[0] == 'g' ? FNET_EVENTS_GDELT : FNET_EVENTS_ICEWS, io,
            d, err);
    fnet_labelmap own = {0};
    const fnet_labelmap *labels;
    rc = labels_for(c, o, &own, &labels, d, err);
    if (rc == FNET_EDATA) { /* the map's problems are in d */
        fnet_labelmap_free(&own);
        return FNET_OK;
    }
    if (rc == FNET_OK && strcmp(fmt, "brat") == 0)
        rc = fnet_import_brat_path(c, path, io, labels, d, err);
    else if (rc == FNET_OK && strcmp(fmt, "labelstudio") == 0)
        rc = fnet_import_labelstudio_file(c, path, io, labels, d, err);
    else if (rc == FNET_OK)
        rc = fnet_import_doccano_file(c, path, io, labels, d, err);
    fnet_labelmap_free(&own);
    return rc;
}

int fnet_load_corpus(fnet_corpus **out, char *const *paths, size_t n_paths,
                     const fnet_load_opts *o, bool strict, fnet_diag *d,
                     fnet_err *err)
{
    fnet_corpus *c;
    *out = NULL;
    if (fnet_corpus_new(&c) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_load_opts lo = o ? *o : (fnet_load_opts){0};
    fnet_labelmap own = {0};
    int rc = fnet_load_opts_check(&lo, err);
    if (rc == FNET_OK)
        rc = labels_for(c, &lo, &own, &lo.labels, d, err);
    if (rc == FNET_EDATA) /* the label map's problems are in d */
        rc = fnet_err_set(err, FNET_EDATA, "invalid input data");
    for (size_t i = 0; i < n_paths && rc == FNET_OK; i++)
        rc = fnet_load_file(c, paths[i], &lo, d, err);
    fnet_labelmap_free(&own);
    if (rc == FNET_EDATA) {
        *out = c;
        return rc;
    }
    if (rc != FNET_OK) {
        fnet_corpus_free(c);
        return rc;
    }
    if (d->n_errors == 0 && lo.progress)
        lo.progress(lo.progress_ctx, "checking references", 0);
    if (d->n_errors == 0)
        rc = fnet_corpus_resolve(c, d, err);
    *out = c;
    if (rc != FNET_OK)
        return rc;
    if (d->n_errors || (strict && d->n_warnings))
        return fnet_err_set(err, FNET_EDATA, "invalid input data");
    return FNET_OK;
}

/* ---- one JSON Lines line at a time (load_hooks.h) --------------------- */

struct fnet_jsonl {
    ctx x;
    const char *name;
    bool any; /* a line held something other than white space */
};

int fnet_jsonl_begin(fnet_jsonl **out, fnet_corpus *c, const char *name,
                     const fnet_load_sink *sink, fnet_diag *d, fnet_err *err)
{
    fnet_jsonl *j = calloc(1, sizeof *j);
    *out = NULL;
    if (!j || begin(&j->x, c, name, d) != FNET_OK) {
        free(j);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    j->x.sink = sink;
    j->name = name;
    *out = j;
    return FNET_OK;
}

/* The text of line lineno without the UTF-8 byte order mark of line 1, as
 * load_jsonl_stream() reads it. */
static const char *skip_bom(const char *line, size_t *len, uint32_t lineno)
{
    if (lineno == 1 && *len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        *len -= 3;
        return line + 3;
    }
    return line;
}

cJSON *fnet_jsonl_prepare(const fnet_limits *lim, const char *line, size_t len,
                          uint32_t lineno, fnet_arena *trees, bool *in_arena)
{
    fnet_json_problem p;
    cJSON *tree;
    *in_arena = false;
    line = skip_bom(line, &len, lineno);
    /* What load_line() handles before parsing is left to it. */
    if (blank(line, len) || len > lim->line_bytes)
        return NULL;
    /* fnet_json_parse()'s front end: the strict check, then the tree. */
    if (!fnet_json_check(line, len, lineno, lim, &p))
        return NULL;
    if (trees && (tree = fnet_json_arena_parse(trees, line, len))) {
        *in_arena = true;
        return tree;
    }
    return cJSON_ParseWithLengthOpts(line, len + 1, NULL, 1);
}

/* The sink's error as the return of a load. */
static int sink_error(const fnet_jsonl *j, fnet_err *err)
{
    int rc = j->x.sink_rc;
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "%s: out of memory", j->name);
    return fnet_err_set(err, rc, "%s: loading stopped", j->name);
}

int fnet_jsonl_line(fnet_jsonl *j, const char *line, size_t len,
                    bool too_long_line, uint32_t lineno, const cJSON *tree,
                    fnet_err *err)
{
    ctx *x = &j->x;
    int rc = FNET_OK;
    if (too_long_line) {
        j->any = true;
        return load_line(x, j->name, NULL, len, lineno, err);
    }
    line = skip_bom(line, &len, lineno);
    j->any = j->any || !blank(line, len);
    /* With a sink, a fact's strings are needed only until the sink has
     * seen it: give them back so that memory does not grow with facts. */
    fnet_arena_mark mark = fnet_arena_get_mark(&x->c->arena);
    x->fact_seen = false;
    if (tree) { /* as load_line(), with the parsing done */
        x->loc.line = lineno;
        x->loc.index = FNET_LOC_NO_INDEX;
        x->section = NULL;
        x->failed = false;
        load_record(x, tree);
        rc = outcome(x, j->name, FNET_OK, err);
    } else {
        rc = load_line(x, j->name, line, len, lineno, err);
    }
    if (x->sink && x->fact_seen)
        fnet_arena_release(&x->c->arena, mark);
    if (rc == FNET_OK && x->sink_rc)
        rc = sink_error(j, err);
    return rc;
}

bool fnet_jsonl_more_lines(fnet_jsonl *j, uint32_t n_lines)
{
    return more_lines(&j->x, j->name, n_lines);
}

void fnet_jsonl_end(fnet_jsonl *j, bool read_ok)
{
    if (!j)
        return;
    if (read_ok && !j->any)
        fnet_diag_add(j->x.d, FNET_SEV_ERROR, NULL,
                      "%s:1:1: error: empty "
                      "file (expected JSON Lines records)",
                      j->name);
    fnet_buf_free(&j->x.where);
    free(j);
}

/* A scratch context: a corpus holding only the file names, at the indices
 * of the real corpus, so that locations read the same. */
struct fnet_jsonl_scratch {
    fnet_corpus *c;
    fnet_arena_mark clean;
    uint32_t file;
};

int fnet_jsonl_scratch_new(fnet_jsonl_scratch **out, const fnet_jsonl *j)
{
    fnet_jsonl_scratch *s = calloc(1, sizeof *s);
    int rc = s ? fnet_corpus_new(&s->c) : FNET_ENOMEM;
    uint32_t idx;
    for (uint32_t i = 0; rc == FNET_OK && i <= j->x.loc.file; i++)
        rc = fnet_corpus_add_file(s->c, j->x.c->files[i], &idx);
    if (rc != FNET_OK) {
        fnet_jsonl_scratch_free(s);
        *out = NULL;
        return FNET_ENOMEM;
    }
    s->c->limits = j->x.c->limits;
    s->clean = fnet_arena_get_mark(&s->c->arena);
    s->file = j->x.loc.file;
    *out = s;
    return FNET_OK;
}

void fnet_jsonl_scratch_reset(fnet_jsonl_scratch *s)
{
    fnet_arena_release(&s->c->arena, s->clean);
}

void fnet_jsonl_scratch_free(fnet_jsonl_scratch *s)
{
    if (!s)
        return;
    fnet_corpus_free(s->c);
    free(s);
}

bool fnet_jsonl_scratch_fact(fnet_jsonl_scratch *s, const cJSON *tree,
                             uint32_t lineno, const fnet_load_sink *sink,
                             fnet_diag *d)
{
    /* load_record()'s dispatch, for facts only. */
    if (!cJSON_IsObject(tree))
        return false;
    const cJSON *kind = field(tree, "kind");
    if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "fact") != 0)
        return false;
    ctx x = {.c = s->c, .d = d, .sink = sink};
    x.loc = (fnet_loc){s->file, lineno, FNET_LOC_NO_INDEX};
    add_fact(&x, tree);
    fnet_buf_free(&x.where);
    return true;
}

int fnet_jsonl_checked(fnet_jsonl *j, const fnet_diag *msgs, const fnet_fact *f,
                       fnet_err *err)
{
    fnet_diag_append(j->x.d, msgs);
    j->any = true;
    if (f && !j->x.sink_rc) {
        int rc = j->x.sink->fact(j->x.sink->ctx, f);
        if (rc)
            j->x.sink_rc = rc;
    }
    return j->x.sink_rc ? sink_error(j, err) : FNET_OK;
}

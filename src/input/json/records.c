/* records.c - JSON records checked and added to a corpus (see records.h). */
#include "input/json/records.h"

#include "core/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The record parser's state; the short name keeps the parsers readable. */
typedef fnet_records ctx;

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

/* "stance": an integer qualifier level, and the sign it implies
 * (fnet_fact_stance_sign()); absent leaves f alone. */
static void stance_field(ctx *x, const cJSON *obj, fnet_fact *f)
{
    cJSON *v = field(obj, "stance");
    if (!v)
        return;
    if (!cJSON_IsNumber(v)) {
        ERR(x, "stance", "expected an integer, got %s", json_kind(v));
        return;
    }
    double d = v->valuedouble;
    if (d != floor(d)) {
        ERR(x, "stance", "expected an integer, got %g", d);
        return;
    }
    if (!(d > (double)FNET_NO_STANCE && d <= (double)INT32_MAX)) {
        ERR(x, "stance", "out of range (-%d to %d), got %g", INT32_MAX,
            INT32_MAX, d);
        return;
    }
    f->stance = (int32_t)d;
    int sign = fnet_fact_stance_sign(f->sign, f->stance);
    if (sign == 2)
        ERR(x, "stance",
            "stance %d contradicts \"sign\": %d (a positive stance is "
            "agreement, a negative one opposition; leave \"sign\" out)",
            (int)f->stance, f->sign);
    else
        f->sign = sign;
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

/* A relation's display label: one line of 1 to FNET_RELATION_LABEL_MAX
 * code points, no control characters (docs/FORMAT.md). */
#define FNET_RELATION_LABEL_MAX 40
static const char *label_field(ctx *x, const cJSON *obj)
{
    const char *s = str_field(x, obj, "label", false);
    size_t cps = 0;
    if (!s)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F) {
            ERR(x, "label", "must be one line without control characters");
            return NULL;
        }
        cps += (*p & 0xC0) != 0x80;
    }
    if (cps == 0 || strspn(s, " ") == strlen(s))
        ERR(x, "label", "must not be empty");
    else if (cps > FNET_RELATION_LABEL_MAX)
        ERR(x, "label", "is %zu characters long; at most %d fit a legend", cps,
            FNET_RELATION_LABEL_MAX);
    else
        return s;
    return NULL;
}

static bool same_label(const char *a, const char *b)
{
    return !a || !b || strcmp(a, b) == 0;
}

static void add_relation(ctx *x, const char *name, const cJSON *obj)
{
    static const char *const known[] = {"kind",        "name",     "from",
                                        "to",          "directed", "sign",
                                        "description", "label",    NULL};
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
    r.label = label_field(x, obj);
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
                 !same_types(o->to, o->n_to, r.to, r.n_to) ||
                 !same_label(o->label, r.label))
            ERR(x, NULL, "relation %s is declared differently in %s", qname,
                x->c->files[o->loc.file]);
        else if (!o->label)
            x->c->relations[prev].label = r.label;
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

/* Appends f, whose strings are in the corpus, to the corpus. */
static void store_fact(ctx *x, const fnet_fact *f)
{
    fnet_fact *rec;
    int rc = fnet_corpus_add_fact(x->c, &rec);
    if (rc != FNET_OK) {
        add_failed(x, rc, "facts", x->c->limits.facts);
        return;
    }
    *rec = *f;
}

static void add_fact(ctx *x, const cJSON *obj)
{
    static const char *const known[] = {
        "kind",   "id",       "subject",    "relation", "object",
        "date",   "until",    "weight",     "sign",     "stance",
        "source", "evidence", "confidence", "attrs",    NULL};
    check_keys(x, obj, known);
    fnet_fact f = {0};
    f.subject = f.relation = f.object = -1;
    f.weight = 1.0;
    f.confidence = FNET_NO_CONFIDENCE;
    f.stance = FNET_NO_STANCE;
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
        ERR(x, "until", "\"until\" (%s) is before \"date\" (%s)",
            field(obj, "until")->valuestring, field(obj, "date")->valuestring);
    cJSON *v = field(obj, "weight");
    if (v && !cJSON_IsNumber(v))
        ERR(x, "weight", "expected a number, got %s", json_kind(v));
    else if (v && !(isfinite(v->valuedouble) && v->valuedouble > 0))
        ERR(x, "weight", "must be a finite number greater than 0, got %g",
            v->valuedouble);
    else if (v)
        f.weight = v->valuedouble;
    sign_field(x, obj, &f.sign);
    stance_field(x, obj, &f);
    v = field(obj, "confidence");
    if (v && !cJSON_IsNumber(v))
        ERR(x, "confidence", "expected a number, got %s", json_kind(v));
    else if (v && !(v->valuedouble >= 0 && v->valuedouble <= 1))
        ERR(x, "confidence", "must be between 0 and 1, got %g", v->valuedouble);
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
    store_fact(x, &f);
}

/* ---- JSON documents --------------------------------------------------- */

/* Locates the messages about the record item of the document at the line
 * and column where it starts. */
static void at(ctx *x, const cJSON *item)
{
    x->loc.text_line = x->loc.text_col = 0;
    if (x->pos)
        fnet_jsonpos_find(x->pos, item, &x->loc.text_line, &x->loc.text_col);
}

static void load_array(ctx *x, const cJSON *root, const char *key,
                       void (*add)(ctx *, const cJSON *))
{
    cJSON *arr = field(root, key);
    if (!arr)
        return;
    x->section = NULL;
    x->loc.index = FNET_LOC_NO_INDEX;
    at(x, arr);
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
        at(x, item);
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
    if (v && cJSON_IsNumber(v) && v->valuedouble != 1)
        ERR(x, "factnet",
            "unsupported format version %g (this factnet reads "
            "version 1)",
            v->valuedouble);
    else if (v && !cJSON_IsNumber(v))
        ERR(x, "factnet",
            "unsupported format version, got %s (this factnet reads "
            "version 1)",
            json_kind(v));
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
    at(x, root);
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
        at(x, rels);
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
            at(x, item);
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

/* ---- entry points (records.h) ----------------------------------------- */

int fnet_records_begin(fnet_records *x, fnet_corpus *c, const char *name,
                       fnet_diag *d)
{
    memset(x, 0, sizeof *x);
    x->c = c;
    x->d = d;
    return fnet_corpus_add_file(c, name, &x->loc.file);
}

void fnet_records_end(fnet_records *x)
{
    fnet_buf_free(&x->where);
}

void fnet_records_document(fnet_records *x, const cJSON *root)
{
    load_document(x, root);
}

void fnet_records_record(fnet_records *x, const cJSON *obj)
{
    load_record(x, obj);
}

bool fnet_records_fact(fnet_records *x, const cJSON *obj)
{
    /* load_record()'s dispatch, for facts only. */
    if (!cJSON_IsObject(obj))
        return false;
    const cJSON *kind = field(obj, "kind");
    if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "fact") != 0)
        return false;
    add_fact(x, obj);
    return true;
}

/* A copy of list[0..n) and its strings in arena a, or NULL. */
static const char **copy_list(fnet_arena *a, const char *const *list,
                              uint32_t n)
{
    const char **out = fnet_arena_alloc(a, n * sizeof *out);
    for (uint32_t i = 0; out && i < n; i++)
        if (!(out[i] = fnet_arena_strdup(a, list[i])))
            out = NULL;
    return out;
}

/* A copy of attrs[0..n) and their strings in arena a, or NULL. */
static fnet_attr *copy_attrs(fnet_arena *a, const fnet_attr *attrs, uint32_t n)
{
    fnet_attr *out = fnet_arena_alloc(a, n * sizeof *out);
    for (uint32_t i = 0; out && i < n; i++) {
        out[i] = attrs[i];
        out[i].key = fnet_arena_strdup(a, attrs[i].key);
        out[i].value = fnet_arena_strdup(a, attrs[i].value);
        if (!out[i].key || !out[i].value)
            out = NULL;
    }
    return out;
}

void fnet_records_keep_fact(fnet_records *x, const fnet_fact *f)
{
    fnet_arena *a = &x->c->arena;
    fnet_fact g = *f;
    x->loc = f->loc;
    x->section = NULL;
    x->failed = false;
    g.id = fnet_arena_strdup(a, f->id);
    g.subject_ref = fnet_arena_strdup(a, f->subject_ref);
    g.relation_ref = fnet_arena_strdup(a, f->relation_ref);
    g.object_ref = fnet_arena_strdup(a, f->object_ref);
    g.evidence = fnet_arena_strdup(a, f->evidence);
    g.source_refs =
        f->n_sources ? copy_list(a, f->source_refs, f->n_sources) : NULL;
    g.attrs = f->n_attrs ? copy_attrs(a, f->attrs, f->n_attrs) : NULL;
    if ((f->id && !g.id) || !g.subject_ref || !g.relation_ref ||
        !g.object_ref || (f->evidence && !g.evidence) ||
        (f->n_sources && !g.source_refs) || (f->n_attrs && !g.attrs)) {
        NOMEM(x, NULL);
        return;
    }
    store_fact(x, &g);
}

uint32_t fnet_records_line_col(const char *line, size_t len)
{
    uint32_t col = 1;
    for (size_t i = fnet_json_bom(line, len);
         i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' ||
                     line[i] == '\n');
         i++)
        col++;
    return col;
}

void fnet_records_empty_file(fnet_diag *d, const char *name, bool jsonl)
{
    fnet_diag_add(d, FNET_SEV_ERROR, NULL,
                  "%s:1:1: error: empty file "
                  "(expected %s)",
                  name, jsonl ? "JSON Lines records" : "a JSON object");
}

int fnet_records_outcome(const fnet_records *x, const char *name, int rc,
                         fnet_err *err)
{
    if (rc == FNET_OK && x->oom)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return rc;
}

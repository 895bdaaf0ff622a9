/* import_doccano.c - doccano relation JSON Lines (see import_doccano.h). */
#include "input/import/import_doccano.h"

#include "input/import/annot.h"
#include "input/json/jsontext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct mention {
    const cJSON *id;
    fnet_span span; /* entity NULL: dropped by the label map or invalid */
    bool dropped;   /* by the label map */
} mention;

typedef struct dc {
    fnet_annot a; /* first: fnet_annot_buffer's callback gets &a */
    fnet_jsonpos pos;
    fnet_offsets cp; /* of the current line's text (a.text) */
    mention *m;
    size_t n_m, cap_m;
    const char *source; /* of the current line */
} dc;

static const cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static uint32_t col_of(const dc *x, const cJSON *item)
{
    uint32_t line, col;
    fnet_jsonpos_find(&x->pos, item, &line, &col);
    return col;
}

/* Ids are numbers or strings; two ids are the same when their JSON is. */
static bool same_id(const cJSON *a, const cJSON *b)
{
    if (cJSON_IsNumber(a) && cJSON_IsNumber(b))
        return a->valuedouble == b->valuedouble;
    return cJSON_IsString(a) && cJSON_IsString(b) &&
           strcmp(a->valuestring, b->valuestring) == 0;
}

static const mention *find(const dc *x, const cJSON *id)
{
    for (size_t i = 0; i < x->n_m; i++)
        if (same_id(x->m[i].id, id))
            return &x->m[i];
    return NULL;
}

static int push(dc *x, mention m)
{
    if (x->n_m == x->cap_m) {
        size_t cap = x->cap_m ? x->cap_m * 2 : 32;
        mention *v = realloc(x->m, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        x->m = v;
        x->cap_m = cap;
    }
    x->m[x->n_m++] = m;
    return FNET_OK;
}

static int entity(dc *x, const cJSON *e, uint32_t line, int k)
{
    const cJSON *id = get(e, "id"), *label = get(e, "label");
    long long s, t;
    char where[64];
    snprintf(where, sizeof where, "entities[%d]", k);
    /* An empty label would be an entity type "". */
    if (!cJSON_IsObject(e) || !(cJSON_IsNumber(id) || cJSON_IsString(id)) ||
        !cJSON_IsString(label) || !label->valuestring[0] ||
        !fnet_annot_offset(get(e, "start_offset"), &s) ||
        !fnet_annot_offset(get(e, "end_offset"), &t)) {
        fnet_import_error(&x->a.im, line, where,
                          "expected {\"id\", \"label\", "
                          "\"start_offset\", \"end_offset\"}");
        return FNET_OK;
    }
    mention m = {id, {0}, false};
    size_t bs, be;
    if (!fnet_offsets_span(&x->cp, s, t, &bs, &be)) {
        fnet_import_error(&x->a.im, line, where,
                          "span %lld-%lld is outside "
                          "the text (%zu characters)",
                          s, t, x->cp.n);
        return push(x, m);
    }
    int rc =
        fnet_annot_mention(&x->a, label->valuestring, bs, be, line, &m.span);
    m.dropped = !m.span.entity;
    return rc ? rc : push(x, m);
}

/* A span of the older shape, "label": [[start, end, "TYPE"], ...]: a
 * mention as an entity of the newer shape is, with no id (no relation can
 * name it). */
static int old_label(dc *x, const cJSON *l, uint32_t line, int k)
{
    const cJSON *type = cJSON_GetArrayItem(l, 2);
    long long s, t;
    char where[64];
    snprintf(where, sizeof where, "label[%d]", k);
    if (!cJSON_IsArray(l) || cJSON_GetArraySize(l) != 3 ||
        !fnet_annot_offset(cJSON_GetArrayItem(l, 0), &s) ||
        !fnet_annot_offset(cJSON_GetArrayItem(l, 1), &t) ||
        !cJSON_IsString(type) || !type->valuestring[0]) {
        fnet_import_error(&x->a.im, line, where,
                          "expected [start, end, \"TYPE\"]");
        return FNET_OK;
    }
    size_t bs, be;
    if (!fnet_offsets_span(&x->cp, s, t, &bs, &be)) {
        fnet_import_error(&x->a.im, line, where,
                          "span %lld-%lld is outside "
                          "the text (%zu characters)",
                          s, t, x->cp.n);
        return FNET_OK;
    }
    fnet_span span;
    return fnet_annot_mention(&x->a, type->valuestring, bs, be, line, &span);
}

static int relation(dc *x, const cJSON *r, uint32_t line, int k)
{
    const cJSON *from = get(r, "from_id"), *to = get(r, "to_id");
    const cJSON *type = get(r, "type");
    char where[64];
    snprintf(where, sizeof where, "relations[%d]", k);
    if (!cJSON_IsObject(r) || !from || !to || !cJSON_IsString(type) ||
        !type->valuestring[0]) {
        fnet_import_error(&x->a.im, line, where,
                          "expected {\"from_id\", "
                          "\"to_id\", \"type\"}");
        return FNET_OK;
    }
    const mention *a = find(x, from), *b = find(x, to);
    if (!a || !b) {
        char *id = cJSON_PrintUnformatted(a ? to : from);
        fnet_import_error(&x->a.im, line, where,
                          "%s %s: no entity with this "
                          "id on the line",
                          a ? "to_id" : "from_id", id ? id : "?");
        free(id);
        return FNET_OK;
    }
    const char *name =
        fnet_labelmap_relation(x->a.labels, type->valuestring, NULL);
    if (!name)
        fnet_import_skip(&x->a.im, line, "relation",
                         "label dropped by the label map", NULL);
    else if (a->dropped || b->dropped)
        fnet_import_skip(&x->a.im, line, "relation",
                         "an argument's label dropped by the label map", NULL);
    if (!name || !a->span.entity || !b->span.entity)
        return FNET_OK;
    return fnet_annot_fact(&x->a, name, "doccano relation type", &a->span,
                           &b->span, x->source, line, NULL);
}

/* Calls fn on each item of the array arr (NULL: none) with its index,
 * until one fails; the messages and records of an item are located at its
 * column. */
static int each(dc *x, const cJSON *arr, uint32_t line,
                int (*fn)(dc *x, const cJSON *item, uint32_t line, int k))
{
    const cJSON *item;
    int k = 0, rc = FNET_OK;
    if (arr)
        cJSON_ArrayForEach(item, arr)
        {
            fnet_importer_at(&x->a.im, line, col_of(x, item));
            rc = fn(x, item, line, k++);
            if (rc)
                break;
        }
    return rc;
}

/* What a record without spans holds that names none, counted: text
 * classification labels ("label" or "labels": ["positive"]), and the spans
 * of doccano's older download ("annotations": [{"label": 2, ...}]), whose
 * labels are ids of a label list the file does not hold. */
static void unread(dc *x, const cJSON *obj, uint32_t line)
{
    static const char *const keys[] = {"label", "labels"};
    const cJSON *l;
    for (int k = 0; k < 2; k++) {
        const cJSON *list = get(obj, keys[k]);
        if (cJSON_IsArray(list))
            cJSON_ArrayForEach(l, list) if (cJSON_IsString(l)) fnet_import_skip(
                &x->a.im, line, "label",
                "a text classification label names no span", NULL);
    }
    const cJSON *anns = get(obj, "annotations");
    if (cJSON_IsArray(anns))
        cJSON_ArrayForEach(l, anns)
            fnet_import_skip(&x->a.im, line, "annotation",
                             "an older doccano download's span, labelled by "
                             "the id of a label list the file does not hold",
                             NULL);
}

static int record(dc *x, const cJSON *obj, uint32_t line)
{
    const cJSON *text = get(obj, "text"), *ents = get(obj, "entities");
    const cJSON *rels = get(obj, "relations"), *id = get(obj, "id");
    /* The older shape's spans; a list of strings is a text classification's
     * labels, which name no span. */
    const cJSON *old = ents ? NULL : get(obj, "label");
    if (old && (!cJSON_IsArray(old) || !cJSON_IsArray(old->child)))
        old = NULL;
    if (!ents && !old)
        unread(x, obj, line);
    fnet_importer_at(&x->a.im, line, col_of(x, obj));
    if (!cJSON_IsObject(obj) || !cJSON_IsString(text)) {
        fnet_import_error(&x->a.im, line, NULL,
                          "expected a doccano record "
                          "{\"text\", \"entities\", \"relations\"}");
        return FNET_OK;
    }
    if ((ents && !cJSON_IsArray(ents)) || (rels && !cJSON_IsArray(rels))) {
        fnet_import_error(&x->a.im, line,
                          ents && !cJSON_IsArray(ents) ? "entities"
                                                       : "relations",
                          "expected an array");
        return FNET_OK;
    }
    fnet_annot_text(&x->a, text->valuestring, strlen(text->valuestring));
    x->n_m = 0;
    fnet_offsets_free(&x->cp);
    if (fnet_offsets_build(&x->cp, x->a.text, x->a.text_len,
                           FNET_OFFSET_CODEPOINT) != FNET_OK)
        return FNET_ENOMEM;
    char line_no[24];
    snprintf(line_no, sizeof line_no, "line%u", line);
    int rc = fnet_annot_source(&x->a, id, line_no, line, &x->source);
    if (rc == FNET_OK)
        rc = each(x, ents, line, entity);
    if (rc == FNET_OK)
        rc = each(x, old, line, old_label);
    if (rc == FNET_OK)
        rc = each(x, rels, line, relation);
    return rc;
}

static int run(fnet_annot *a, char *data, size_t len)
{
    dc *x = (dc *)a;
    uint32_t lineno = 0;
    int rc = FNET_OK;
    bool any = false;
    for (size_t i = 0; i < len && rc == FNET_OK;) {
        char *s = data + i;
        char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        lineno++;
        s[n] = '\0';
        size_t k = 0; /* not strchr: it would take a NUL byte for blank */
        while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            k++;
        if (k == n)
            continue;
        any = true;
        if (n > a->im.c->limits.line_bytes) {
            fnet_import_syntax(&a->im, lineno, 1,
                               "line longer than the "
                               "limit of %llu bytes",
                               (unsigned long long)a->im.c->limits.line_bytes);
            continue;
        }
        cJSON *obj;
        rc = fnet_json_parse(a->im.d, &a->im.c->limits, a->im.name, s, n,
                             lineno, &obj);
        if (rc == FNET_EDATA) { /* reported */
            rc = FNET_OK;
            continue;
        }
        if (rc)
            break;
        rc = fnet_jsonpos_build(&x->pos, s, n, obj, lineno);
        if (rc == FNET_OK)
            rc = record(x, obj, lineno);
        fnet_jsonpos_free(&x->pos);
        cJSON_Delete(obj);
    }
    if (rc == FNET_OK && !any)
        fnet_import_syntax(&x->a.im, 1, 1,
                           "empty file (expected doccano "
                           "records, one JSON object per line)");
    return rc;
}

int fnet_import_doccano_buffer(fnet_corpus *c, const char *name,
                               const char *data, size_t len,
                               const fnet_import_opts *o,
                               const fnet_labelmap *labels, fnet_diag *d,
                               fnet_err *err)
{
    dc x = {.a.labels = labels};
    int rc = fnet_annot_buffer(&x.a, c, name, data, len, d, err, run);
    fnet_offsets_free(&x.cp);
    free(x.m);
    (void)o;
    return rc;
}

int fnet_import_doccano_file(fnet_corpus *c, const char *path,
                             const fnet_import_opts *o,
                             const fnet_labelmap *labels, fnet_diag *d,
                             fnet_err *err)
{
    return fnet_annot_file(c, path, o, labels, d, err,
                           fnet_import_doccano_buffer);
}

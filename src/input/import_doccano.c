/* import_doccano.c - doccano relation JSON Lines (see import_doccano.h). */
#include "input/import_doccano.h"

#include "input/jsontext.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct mention {
    const cJSON *id;
    const char *entity; /* NULL: dropped by the label map or invalid */
    size_t b_start, b_end;
} mention;

typedef struct dc {
    fnet_importer im;
    const fnet_labelmap *labels;
    const char *stem;
    fnet_jsonpos pos;
    const char *text;
    size_t text_len;
    fnet_offsets cp;
    fnet_buf tmp;
    mention *m;
    size_t n_m, cap_m;
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

static bool whole(const cJSON *v, long long *out)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
        v->valuedouble != floor(v->valuedouble) || v->valuedouble < 0 ||
        v->valuedouble > 1e15)
        return false;
    *out = (long long)v->valuedouble;
    return true;
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
        !whole(get(e, "start_offset"), &s) ||
        !whole(get(e, "end_offset"), &t)) {
        fnet_import_error(&x->im, line, where, "expected {\"id\", \"label\", "
                          "\"start_offset\", \"end_offset\"} (column %u)",
                          col_of(x, e));
        return FNET_OK;
    }
    mention m = {id, NULL, 0, 0};
    if (!fnet_offsets_span(&x->cp, s, t, &m.b_start, &m.b_end)) {
        fnet_import_error(&x->im, line, where, "span %lld-%lld is outside "
                          "the text (%zu characters)", s, t, x->cp.n);
        return push(x, m);
    }
    const char *type = fnet_labelmap_entity(x->labels, label->valuestring);
    int rc = type ? fnet_import_mention(&x->im, type, x->text + m.b_start,
                                        m.b_end - m.b_start, line, &m.entity)
                  : FNET_OK;
    return rc ? rc : push(x, m);
}

static int relation(dc *x, const cJSON *r, uint32_t line, int k,
                    const char *source)
{
    const cJSON *from = get(r, "from_id"), *to = get(r, "to_id");
    const cJSON *type = get(r, "type");
    char where[64];
    snprintf(where, sizeof where, "relations[%d]", k);
    if (!cJSON_IsObject(r) || !from || !to || !cJSON_IsString(type) ||
        !type->valuestring[0]) {
        fnet_import_error(&x->im, line, where, "expected {\"from_id\", "
                          "\"to_id\", \"type\"} (column %u)", col_of(x, r));
        return FNET_OK;
    }
    const mention *a = find(x, from), *b = find(x, to);
    if (!a || !b) {
        char *id = cJSON_PrintUnformatted(a ? to : from);
        fnet_import_error(&x->im, line, where, "%s %s: no entity with this "
                          "id on the line", a ? "to_id" : "from_id",
                          id ? id : "?");
        free(id);
        return FNET_OK;
    }
    const char *name = fnet_labelmap_relation(x->labels, type->valuestring,
                                              NULL);
    if (!name || !a->entity || !b->entity)
        return FNET_OK;
    int32_t rel;
    fnet_fact *f;
    fnet_import_rel decl = {.name = name,
                            .directed = true,
                            .sign = 1,
                            .description = "doccano relation type"};
    int rc = fnet_import_relation(&x->im, &decl, line, &rel);
    if (rc == FNET_OK)
        rc = fnet_import_fact(&x->im, line, a->entity, name, b->entity,
                              source, &f);
    if (rc)
        return rc;
    size_t s = a->b_start < b->b_start ? a->b_start : b->b_start;
    size_t e = a->b_end > b->b_end ? a->b_end : b->b_end;
    fnet_buf_reset(&x->tmp);
    fnet_import_sentence(x->text, x->text_len, s, e, &x->tmp);
    f->evidence = fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len);
    return f->evidence ? FNET_OK : FNET_ENOMEM;
}

static int record(dc *x, const cJSON *obj, uint32_t line)
{
    const cJSON *text = get(obj, "text"), *ents = get(obj, "entities");
    const cJSON *rels = get(obj, "relations"), *id = get(obj, "id");
    if (!cJSON_IsObject(obj) || !cJSON_IsString(text)) {
        fnet_import_error(&x->im, line, NULL, "expected a doccano record "
                          "{\"text\", \"entities\", \"relations\"}");
        return FNET_OK;
    }
    if ((ents && !cJSON_IsArray(ents)) || (rels && !cJSON_IsArray(rels))) {
        fnet_import_error(&x->im, line, ents && !cJSON_IsArray(ents)
                                            ? "entities"
                                            : "relations",
                          "expected an array");
        return FNET_OK;
    }
    x->text = text->valuestring;
    x->text_len = strlen(x->text);
    x->n_m = 0;
    fnet_offsets_free(&x->cp);
    if (fnet_offsets_build(&x->cp, x->text, x->text_len,
                           FNET_OFFSET_CODEPOINT) != FNET_OK)
        return FNET_ENOMEM;
    fnet_buf_reset(&x->tmp);
    if (cJSON_IsNumber(id))
        fnet_buf_printf(&x->tmp, "%s#%.0f", x->stem, id->valuedouble);
    else if (cJSON_IsString(id))
        fnet_buf_printf(&x->tmp, "%s#%s", x->stem, id->valuestring);
    else
        fnet_buf_printf(&x->tmp, "%s#line%u", x->stem, line);
    int32_t s;
    int rc = fnet_import_source(&x->im, fnet_buf_str(&x->tmp), NULL, NULL,
                                NULL, line, &s);
    const char *source = rc ? NULL : x->im.c->sources[s].id;
    const cJSON *item;
    int k = 0;
    if (ents)
        cJSON_ArrayForEach(item, ents)
        {
            if (rc)
                break;
            rc = entity(x, item, line, k++);
        }
    k = 0;
    if (rels)
        cJSON_ArrayForEach(item, rels)
        {
            if (rc)
                break;
            rc = relation(x, item, line, k++, source);
        }
    return rc;
}

static int run(dc *x, char *data, size_t len)
{
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
        size_t k = 0;
        while (k < n && strchr(" \t\r", s[k]))
            k++;
        if (k == n)
            continue;
        any = true;
        cJSON *obj;
        if (fnet_json_parse(x->im.d, x->im.name, s, n, lineno, &obj) != FNET_OK)
            continue;
        rc = fnet_jsonpos_build(&x->pos, s, n, obj, lineno);
        if (rc == FNET_OK)
            rc = record(x, obj, lineno);
        fnet_jsonpos_free(&x->pos);
        cJSON_Delete(obj);
    }
    if (rc == FNET_OK && !any)
        fnet_import_syntax(&x->im, 1, 1, "empty file (expected doccano "
                           "records, one JSON object per line)");
    return rc;
}

int fnet_import_doccano_buffer(fnet_corpus *c, const char *name,
                               const char *data, size_t len,
                               const fnet_import_opts *o,
                               const fnet_labelmap *labels, fnet_diag *d,
                               fnet_err *err)
{
    dc x = {0};
    x.labels = labels;
    size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *copy = malloc(len - skip + 1);
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t stem_len = strcspn(base, ".");
    char *stem = strndup(base, stem_len ? stem_len : strlen(base));
    int rc = copy && stem ? fnet_importer_begin(&x.im, c, d, name)
                          : FNET_ENOMEM;
    x.stem = stem;
    if (rc == FNET_OK) {
        memcpy(copy, data + skip, len - skip);
        copy[len - skip] = '\0';
        rc = run(&x, copy, len - skip);
    }
    fnet_offsets_free(&x.cp);
    fnet_buf_free(&x.tmp);
    free(x.m);
    fnet_importer_end(&x.im);
    free(copy);
    free(stem);
    (void)o;
    if (rc)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

int fnet_import_doccano_file(fnet_corpus *c, const char *path,
                             const fnet_import_opts *o,
                             const fnet_labelmap *labels, fnet_diag *d,
                             fnet_err *err)
{
    char *data;
    size_t len;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    int rc = fnet_import_read(path, &data, &len, err);
    if (rc == FNET_EDATA) {
        fnet_diag_add(d, FNET_SEV_ERROR, NULL, "%s", err->msg);
        return FNET_OK;
    }
    if (rc)
        return rc;
    rc = fnet_import_doccano_buffer(c, name, data, len, o, labels, d, err);
    free(data);
    return rc;
}

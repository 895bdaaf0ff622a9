/* import_labelstudio.c - Label Studio JSON exports (see
 * import_labelstudio.h). */
#include "input/import_labelstudio.h"

#include "input/jsontext.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A labelled region of one annotation. */
typedef struct region {
    const char *id;     /* result id (cJSON string) */
    const char *entity; /* NULL: dropped by the label map or invalid */
    size_t b_start, b_end;
} region;

typedef struct ls {
    fnet_importer im;
    const fnet_import_opts *o;
    const fnet_labelmap *labels;
    fnet_jsonpos pos;
    const char *stem;
    /* The current task. */
    const char *text;
    size_t text_len;
    fnet_offsets cp, u16; /* u16 built only when the text needs it */
    const char *source;
    fnet_buf path, tmp;
    region *regions;
    size_t n_regions, cap_regions;
} ls;

static uint32_t line_of(const ls *x, const cJSON *item)
{
    uint32_t line, col;
    fnet_jsonpos_find(&x->pos, item, &line, &col);
    return line;
}

/* The JSON path of the current item for messages: "[2].annotations[0]...". */
__attribute__((format(printf, 2, 3))) static const char *
path(ls *x, const char *fmt, ...)
{
    va_list ap;
    char buf[256];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fnet_buf_reset(&x->path);
    fnet_buf_puts(&x->path, buf);
    return fnet_buf_str(&x->path);
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The task's text: data[--text-key], else data.text, else the only string
 * field of data. */
static const cJSON *task_text(ls *x, const cJSON *task, int t)
{
    const cJSON *data = get(task, "data");
    uint32_t line = line_of(x, task);
    if (!cJSON_IsObject(data)) {
        fnet_import_error(&x->im, line, path(x, "[%d].data", t), "missing "
                          "or not an object (a Label Studio task has "
                          "\"data\" with the text)");
        return NULL;
    }
    const char *key = x->o && x->o->text_key ? x->o->text_key : "text";
    const cJSON *v = get(data, key);
    if (!v && !(x->o && x->o->text_key)) {
        const cJSON *item, *only = NULL;
        int n = 0;
        cJSON_ArrayForEach(item, data) if (cJSON_IsString(item))
        {
            only = item;
            n++;
        }
        v = n == 1 ? only : NULL;
    }
    if (!cJSON_IsString(v)) {
        fnet_import_error(&x->im, line_of(x, data), path(x, "[%d].data", t),
                          "no text under \"%s\" (use --text-key to name the "
                          "field that holds it)", key);
        return NULL;
    }
    return v;
}

static bool number(const cJSON *v, long long *out)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
        v->valuedouble != floor(v->valuedouble) || v->valuedouble < 0 ||
        v->valuedouble > 1e15)
        return false;
    *out = (long long)v->valuedouble;
    return true;
}

/* Finds the bytes of [start, end): code points, else UTF-16 units (how the
 * browser counts) when that is what makes the region's text match. */
static bool locate(ls *x, long long start, long long end, const char *want,
                   size_t *bs, size_t *be, int *why)
{
    bool in = fnet_offsets_span(&x->cp, start, end, bs, be);
    if (in && (!want || (strlen(want) == *be - *bs &&
                         memcmp(want, x->text + *bs, *be - *bs) == 0)))
        return true;
    if (x->u16.byte == NULL && x->cp.n != 0 &&
        fnet_offsets_build(&x->u16, x->text, x->text_len,
                           FNET_OFFSET_UTF16) != FNET_OK)
        x->u16.n = 0;
    size_t us, ue;
    if (want && x->u16.n != x->cp.n &&
        fnet_offsets_span(&x->u16, start, end, &us, &ue) &&
        strlen(want) == ue - us && memcmp(want, x->text + us, ue - us) == 0) {
        *bs = us;
        *be = ue;
        return true;
    }
    *why = in ? 2 : 1;
    return false;
}

static int add_region(ls *x, const char *id, const char *entity, size_t bs,
                      size_t be)
{
    if (x->n_regions == x->cap_regions) {
        size_t cap = x->cap_regions ? x->cap_regions * 2 : 32;
        region *v = realloc(x->regions, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        x->regions = v;
        x->cap_regions = cap;
    }
    x->regions[x->n_regions++] = (region){id, entity, bs, be};
    return FNET_OK;
}

static const region *find_region(const ls *x, const char *id)
{
    for (size_t i = 0; i < x->n_regions; i++)
        if (strcmp(x->regions[i].id, id) == 0)
            return &x->regions[i];
    return NULL;
}

/* A "labels" result: a mention. */
static int labels_item(ls *x, const cJSON *r, const char *where)
{
    uint32_t line = line_of(x, r);
    const cJSON *id = get(r, "id"), *v = get(r, "value");
    const cJSON *labels = v ? get(v, "labels") : NULL;
    const cJSON *text = v ? get(v, "text") : NULL;
    long long start, end;
    if (!cJSON_IsString(id) || !cJSON_IsObject(v) ||
        !number(get(v, "start"), &start) || !number(get(v, "end"), &end) ||
        !cJSON_IsArray(labels) || (text && !cJSON_IsString(text))) {
        fnet_import_error(&x->im, line, where, "expected a labels region "
                          "with \"id\" and \"value\": {\"start\", \"end\", "
                          "\"text\", \"labels\"}");
        return FNET_OK;
    }
    const cJSON *label = cJSON_GetArrayItem(labels, 0);
    if (!cJSON_IsString(label) || !label->valuestring[0]) {
        /* An empty label would be an entity type "". */
        fnet_import_warn(&x->im, line, where, "region \"%s\" has no label; "
                         "left out", id->valuestring);
        return add_region(x, id->valuestring, NULL, 0, 0);
    }
    size_t bs, be;
    int why = 0;
    const char *want = text ? text->valuestring : NULL;
    if (!locate(x, start, end, want, &bs, &be, &why)) {
        if (why == 1)
            fnet_import_error(&x->im, line, where, "span %lld-%lld is "
                              "outside the text (%zu characters)", start, end,
                              x->cp.n);
        else
            fnet_import_error(&x->im, line, where, "span %lld-%lld is "
                              "\"%.*s\" in the text, the region says \"%s\"",
                              start, end, (int)(be - bs), x->text + bs, want);
        return add_region(x, id->valuestring, NULL, 0, 0);
    }
    const char *type = fnet_labelmap_entity(x->labels, label->valuestring);
    const char *entity = NULL;
    if (type) {
        int rc = fnet_import_mention(&x->im, type, x->text + bs, be - bs,
                                     line, &entity);
        if (rc)
            return rc;
    }
    return add_region(x, id->valuestring, entity, bs, be);
}

static int relation_fact(ls *x, const char *name, bool tie,
                         const region *from, const region *to,
                         uint32_t line, int32_t *out)
{
    int32_t rel;
    fnet_import_rel r = {.name = name,
                         .directed = true,
                         .sign = 1,
                         .description = "Label Studio relation label"};
    int rc = tie ? fnet_import_tie(&x->im, line, &rel)
                 : fnet_import_relation(&x->im, &r, line, &rel);
    fnet_fact *f;
    if (rc == FNET_OK)
        rc = fnet_import_fact(&x->im, line, from->entity,
                              x->im.c->relations[rel].name, to->entity,
                              x->source, &f);
    if (rc)
        return rc;
    *out = rel;
    size_t a = from->b_start < to->b_start ? from->b_start : to->b_start;
    size_t e = from->b_end > to->b_end ? from->b_end : to->b_end;
    fnet_buf_reset(&x->tmp);
    fnet_import_sentence(x->text, x->text_len, a, e, &x->tmp);
    f->evidence = fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len);
    return f->evidence ? FNET_OK : FNET_ENOMEM;
}

/* A "relation" result: one fact per label, in its direction. */
static int relation_item(ls *x, const cJSON *r, const char *where)
{
    uint32_t line = line_of(x, r);
    const cJSON *from = get(r, "from_id"), *to = get(r, "to_id");
    const cJSON *dir = get(r, "direction"), *labels = get(r, "labels");
    if (!cJSON_IsString(from) || !cJSON_IsString(to) ||
        (dir && !cJSON_IsString(dir)) || (labels && !cJSON_IsArray(labels))) {
        fnet_import_error(&x->im, line, where, "expected a relation with "
                          "\"from_id\", \"to_id\", \"direction\" and "
                          "\"labels\"");
        return FNET_OK;
    }
    const char *d = dir ? dir->valuestring : "right";
    if (strcmp(d, "right") && strcmp(d, "left") && strcmp(d, "bi")) {
        fnet_import_error(&x->im, line, where, "direction: expected right, "
                          "left or bi, got \"%s\"", d);
        return FNET_OK;
    }
    const region *a = find_region(x, from->valuestring);
    const region *b = find_region(x, to->valuestring);
    if (!a || !b) {
        fnet_import_error(&x->im, line, where, "%s \"%s\": no labels region "
                          "with this id in the annotation",
                          a ? "to_id" : "from_id",
                          a ? to->valuestring : from->valuestring);
        return FNET_OK;
    }
    if (!a->entity || !b->entity)
        return FNET_OK; /* dropped by the label map, or reported */
    if (strcmp(d, "left") == 0) {
        const region *t = a;
        a = b;
        b = t;
    }
    int n = labels ? cJSON_GetArraySize(labels) : 0;
    int rc = FNET_OK;
    for (int k = 0; k < (n ? n : 1) && rc == FNET_OK; k++) {
        const cJSON *l = n ? cJSON_GetArrayItem(labels, k) : NULL;
        if (l && (!cJSON_IsString(l) || !l->valuestring[0])) {
            fnet_import_error(&x->im, line, where, "labels: expected "
                              "non-empty strings");
            return FNET_OK;
        }
        const char *name = l ? fnet_labelmap_relation(x->labels,
                                                      l->valuestring, NULL)
                             : FNET_IMPORT_TIE;
        if (!name)
            continue;
        int32_t rel;
        rc = relation_fact(x, name, !l, a, b, line, &rel);
        /* "bi" on a directed relation is two facts; on an undirected one
         * the first says it all. */
        if (rc == FNET_OK && strcmp(d, "bi") == 0 &&
            x->im.c->relations[rel].directed)
            rc = relation_fact(x, name, !l, b, a, line, &rel);
    }
    return rc;
}

static int annotation(ls *x, const cJSON *ann, int t, const char *list,
                      int k)
{
    const cJSON *result = get(ann, "result");
    x->n_regions = 0;
    if (!cJSON_IsArray(result)) {
        fnet_import_error(&x->im, line_of(x, ann),
                          path(x, "[%d].%s[%d]", t, list, k),
                          "no \"result\" array");
        return FNET_OK;
    }
    int rc = FNET_OK;
    for (int pass = 0; pass < 2 && rc == FNET_OK; pass++) {
        int i = 0;
        const cJSON *r;
        cJSON_ArrayForEach(r, result)
        {
            const cJSON *type = get(r, "type");
            const char *ty = cJSON_IsString(type) ? type->valuestring : "";
            const char *where = path(x, "[%d].%s[%d].result[%d]", t, list, k,
                                     i++);
            if (pass == 0 && strcmp(ty, "labels") == 0)
                rc = labels_item(x, r, where);
            else if (pass == 1 && strcmp(ty, "relation") == 0)
                rc = relation_item(x, r, where);
            if (rc)
                break;
        }
    }
    return rc;
}

static int task(ls *x, const cJSON *tk, int t)
{
    if (!cJSON_IsObject(tk)) {
        fnet_import_error(&x->im, line_of(x, tk), path(x, "[%d]", t),
                          "expected a task object");
        return FNET_OK;
    }
    const cJSON *text = task_text(x, tk, t);
    if (!text)
        return FNET_OK;
    x->text = text->valuestring;
    x->text_len = strlen(x->text);
    fnet_offsets_free(&x->u16);
    fnet_offsets_free(&x->cp);
    if (fnet_offsets_build(&x->cp, x->text, x->text_len,
                           FNET_OFFSET_CODEPOINT) != FNET_OK)
        return FNET_ENOMEM;
    const cJSON *id = get(tk, "id");
    fnet_buf_reset(&x->tmp);
    if (cJSON_IsNumber(id))
        fnet_buf_printf(&x->tmp, "%s#%.0f", x->stem, id->valuedouble);
    else if (cJSON_IsString(id))
        fnet_buf_printf(&x->tmp, "%s#%s", x->stem, id->valuestring);
    else
        fnet_buf_printf(&x->tmp, "%s#%d", x->stem, t + 1);
    int32_t s;
    int rc = fnet_import_source(&x->im, fnet_buf_str(&x->tmp), NULL, NULL,
                                NULL, line_of(x, tk), &s);
    if (rc)
        return rc;
    x->source = x->im.c->sources[s].id;
    /* "completions" is what Label Studio before 1.0 called annotations. */
    static const char *const lists[] = {"annotations", "completions"};
    for (int l = 0; l < 2 && rc == FNET_OK; l++) {
        const cJSON *anns = get(tk, lists[l]), *ann;
        if (!anns)
            continue;
        if (!cJSON_IsArray(anns)) {
            fnet_import_error(&x->im, line_of(x, anns),
                              path(x, "[%d].%s", t, lists[l]),
                              "expected an array");
            continue;
        }
        int k = 0;
        cJSON_ArrayForEach(ann, anns)
        {
            rc = annotation(x, ann, t, lists[l], k++);
            if (rc)
                break;
        }
    }
    return rc;
}

static int run(ls *x, const char *data, size_t len)
{
    cJSON *root;
    if (fnet_json_parse(x->im.d, x->im.name, data, len, 1, &root) != FNET_OK)
        return FNET_OK;
    int rc = fnet_jsonpos_build(&x->pos, data, len, root, 1);
    if (rc == FNET_OK && cJSON_IsObject(root) && get(root, "data")) {
        rc = task(x, root, 0); /* a single task */
    } else if (rc == FNET_OK && !cJSON_IsArray(root)) {
        fnet_import_error(&x->im, 1, NULL, "expected a Label Studio export "
                          "(a JSON array of tasks)");
    } else if (rc == FNET_OK) {
        const cJSON *tk;
        int t = 0;
        cJSON_ArrayForEach(tk, root)
        {
            rc = task(x, tk, t++);
            if (rc)
                break;
        }
    }
    cJSON_Delete(root);
    return rc;
}

int fnet_import_labelstudio_buffer(fnet_corpus *c, const char *name,
                                   const char *data, size_t len,
                                   const fnet_import_opts *o,
                                   const fnet_labelmap *labels, fnet_diag *d,
                                   fnet_err *err)
{
    ls x = {0};
    x.o = o;
    x.labels = labels;
    /* The JSON parser needs a NUL-terminated copy without a byte order
     * mark. */
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
    fnet_jsonpos_free(&x.pos);
    fnet_offsets_free(&x.cp);
    fnet_offsets_free(&x.u16);
    fnet_buf_free(&x.path);
    fnet_buf_free(&x.tmp);
    free(x.regions);
    fnet_importer_end(&x.im);
    free(copy);
    free(stem);
    if (rc)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

int fnet_import_labelstudio_file(fnet_corpus *c, const char *path_,
                                 const fnet_import_opts *o,
                                 const fnet_labelmap *labels, fnet_diag *d,
                                 fnet_err *err)
{
    char *data;
    size_t len;
    const char *name = strcmp(path_, "-") == 0 ? "<stdin>" : path_;
    int rc = fnet_import_read(path_, &data, &len, err);
    if (rc == FNET_EDATA) {
        fnet_diag_add(d, FNET_SEV_ERROR, NULL, "%s", err->msg);
        return FNET_OK;
    }
    if (rc)
        return rc;
    rc = fnet_import_labelstudio_buffer(c, name, data, len, o, labels, d,
                                        err);
    free(data);
    return rc;
}

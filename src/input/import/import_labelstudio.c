/* import_labelstudio.c - Label Studio JSON exports (see
 * import_labelstudio.h). */
#include "input/import/import_labelstudio.h"

#include "input/import/annot.h"
#include "input/json/jsontext.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A labelled region of one annotation. */
typedef struct region {
    const char *id;       /* result id (cJSON string) */
    fnet_span span;       /* entity NULL: left out or invalid */
    const char *left_out; /* why its relations are skipped; NULL if not */
} region;

typedef struct ls {
    fnet_annot a; /* first: fnet_annot_buffer's callback gets &a */
    const fnet_import_opts *o;
    fnet_jsonpos pos;
    /* The current task (its text is a.text). */
    fnet_offsets cp, u16; /* u16 built only when the text needs it */
    const char *source;
    fnet_buf path;
    region *regions;
    size_t n_regions, cap_regions;
    /* Regions whose "text" is not the text at their start/end: counted,
     * the first described, one warning for the file. */
    unsigned long differ;
    uint32_t differ_line, differ_col;
    fnet_buf differ_where, differ_what;
} ls;

/* The line of item; its column goes to the messages and records that
 * follow (fnet_importer_at). */
static uint32_t line_of(ls *x, const cJSON *item)
{
    uint32_t line, col;
    fnet_jsonpos_find(&x->pos, item, &line, &col);
    return fnet_importer_at(&x->a.im, line, col);
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
        fnet_import_error(&x->a.im, line, path(x, "[%d].data", t),
                          "missing "
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
        fnet_import_error(&x->a.im, line_of(x, data), path(x, "[%d].data", t),
                          "no text under %s (use --text-key to name the "
                          "field that holds it)",
                          fnet_import_quote(&x->a.im, 0, key));
        return NULL;
    }
    return v;
}

/* Finds the bytes of [start, end): code points, else UTF-16 units (how the
 * browser counts) when that is what makes the region's text match. */
static bool locate(ls *x, long long start, long long end, const char *want,
                   size_t *bs, size_t *be, int *why)
{
    bool in = fnet_offsets_span(&x->cp, start, end, bs, be);
    const char *text = x->a.text;
    if (in && (!want || (strlen(want) == *be - *bs &&
                         memcmp(want, text + *bs, *be - *bs) == 0)))
        return true;
    if (x->u16.byte == NULL && x->cp.n != 0 &&
        fnet_offsets_build(&x->u16, text, x->a.text_len, FNET_OFFSET_UTF16) !=
            FNET_OK)
        x->u16.n = 0;
    size_t us, ue;
    if (want && x->u16.n != x->cp.n &&
        fnet_offsets_span(&x->u16, start, end, &us, &ue) &&
        strlen(want) == ue - us && memcmp(want, text + us, ue - us) == 0) {
        *bs = us;
        *be = ue;
        return true;
    }
    *why = in ? 2 : 1;
    return false;
}

static int add_region(ls *x, const char *id, fnet_span span,
                      const char *left_out)
{
    if (x->n_regions == x->cap_regions) {
        size_t cap = x->cap_regions ? x->cap_regions * 2 : 32;
        region *v = realloc(x->regions, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        x->regions = v;
        x->cap_regions = cap;
    }
    x->regions[x->n_regions++] = (region){id, span, left_out};
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
        !fnet_annot_offset(get(v, "start"), &start) ||
        !fnet_annot_offset(get(v, "end"), &end) || !cJSON_IsArray(labels) ||
        (text && !cJSON_IsString(text))) {
        fnet_import_error(&x->a.im, line, where,
                          "expected a labels region "
                          "with \"id\" and \"value\": {\"start\", \"end\", "
                          "\"text\", \"labels\"}");
        return FNET_OK;
    }
    const cJSON *label = cJSON_GetArrayItem(labels, 0);
    if (!cJSON_IsString(label) || !label->valuestring[0]) {
        /* An empty label would be an entity type "". */
        fnet_import_warn(&x->a.im, line, where,
                         "region %s has no label; "
                         "left out",
                         fnet_import_quote(&x->a.im, 0, id->valuestring));
        fnet_import_skip_quiet(&x->a.im, line, "region", "no label");
        return add_region(x, id->valuestring, (fnet_span){0},
                          "an argument has no label");
    }
    size_t bs, be;
    int why = 0;
    /* No text, or an empty one (pre-annotations carry only start and end):
     * the span is what start and end say, as Label Studio reads it. */
    const char *want = text && text->valuestring[0] ? text->valuestring : NULL;
    if (!locate(x, start, end, want, &bs, &be, &why) && why == 1) {
        fnet_import_error(&x->a.im, line, where,
                          "span %lld-%lld is "
                          "outside the text (%zu characters)",
                          start, end, x->cp.n);
        return add_region(x, id->valuestring, (fnet_span){0}, NULL);
    }
    if (why == 2 && x->differ++ == 0) {
        /* The text at start/end is used, as Label Studio does. */
        fnet_buf span = {0};
        fnet_buf_append(&span, x->a.text + bs, be - bs);
        x->differ_line = line;
        x->differ_col = x->a.im.col;
        fnet_buf_puts(&x->differ_where, where);
        fnet_buf_printf(&x->differ_what,
                        "span %lld-%lld is %s in the text, "
                        "the region says %s",
                        start, end,
                        fnet_import_quote(&x->a.im, 0, fnet_buf_str(&span)),
                        fnet_import_quote(&x->a.im, 1, want));
        fnet_buf_free(&span);
    }
    fnet_span span;
    int rc = fnet_annot_mention(&x->a, label->valuestring, bs, be, line, &span);
    return rc ? rc
              : add_region(x, id->valuestring, span,
                           span.entity ? NULL
                                       : "an argument's label dropped by the "
                                         "label map");
}

#define DESCRIPTION "Label Studio relation label"

/* A "relation" result: one fact per label, in its direction. */
static int relation_item(ls *x, const cJSON *r, const char *where)
{
    uint32_t line = line_of(x, r);
    const cJSON *from = get(r, "from_id"), *to = get(r, "to_id");
    const cJSON *dir = get(r, "direction"), *labels = get(r, "labels");
    if (!cJSON_IsString(from) || !cJSON_IsString(to) ||
        (dir && !cJSON_IsString(dir)) || (labels && !cJSON_IsArray(labels))) {
        fnet_import_error(&x->a.im, line, where,
                          "expected a relation with "
                          "\"from_id\", \"to_id\", \"direction\" and "
                          "\"labels\"");
        return FNET_OK;
    }
    const char *d = dir ? dir->valuestring : "right";
    if (strcmp(d, "right") && strcmp(d, "left") && strcmp(d, "bi")) {
        fnet_import_error(&x->a.im, line, where,
                          "direction: expected right, "
                          "left or bi, got %s",
                          fnet_import_quote(&x->a.im, 0, d));
        return FNET_OK;
    }
    const region *a = find_region(x, from->valuestring);
    const region *b = find_region(x, to->valuestring);
    if (!a || !b) {
        fnet_import_error(
            &x->a.im, line, where,
            "%s %s: no labels region "
            "with this id in the annotation",
            a ? "to_id" : "from_id",
            fnet_import_quote(&x->a.im, 0,
                              a ? to->valuestring : from->valuestring));
        return FNET_OK;
    }
    if (a->left_out || b->left_out)
        fnet_import_skip(&x->a.im, line, "relation",
                         a->left_out ? a->left_out : b->left_out, NULL);
    if (!a->span.entity || !b->span.entity)
        return FNET_OK; /* skipped, or reported */
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
            fnet_import_error(&x->a.im, line, where,
                              "labels: expected "
                              "non-empty strings");
            return FNET_OK;
        }
        /* No label: the tie (NULL). */
        const char *name =
            l ? fnet_labelmap_relation(x->a.labels, l->valuestring, NULL)
              : NULL;
        if (l && !name) {
            fnet_import_skip(&x->a.im, line, "relation",
                             "label dropped by the label map", NULL);
            continue;
        }
        int32_t rel;
        rc = fnet_annot_fact(&x->a, name, DESCRIPTION, &a->span, &b->span,
                             x->source, line, &rel);
        /* "bi" on a directed relation is two facts; on an undirected one
         * the first says it all. */
        if (rc == FNET_OK && strcmp(d, "bi") == 0 &&
            x->a.im.c->relations[rel].directed)
            rc = fnet_annot_fact(&x->a, name, DESCRIPTION, &b->span, &a->span,
                                 x->source, line, NULL);
    }
    return rc;
}

static int annotation(ls *x, const cJSON *ann, int t, const char *list, int k)
{
    const cJSON *result = get(ann, "result");
    x->n_regions = 0;
    if (!cJSON_IsArray(result)) {
        fnet_import_error(&x->a.im, line_of(x, ann),
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
            const char *where =
                path(x, "[%d].%s[%d].result[%d]", t, list, k, i++);
            if (pass == 0 && strcmp(ty, "labels") == 0)
                rc = labels_item(x, r, where);
            else if (pass == 1 && strcmp(ty, "relation") == 0)
                rc = relation_item(x, r, where);
            else if (pass == 0 && strcmp(ty, "relation") != 0)
                fnet_import_skip(&x->a.im, line_of(x, r), "result",
                                 "a result type other than labels and "
                                 "relation",
                                 NULL);
            if (rc)
                break;
        }
    }
    return rc;
}

static int task(ls *x, const cJSON *tk, int t)
{
    if (!cJSON_IsObject(tk)) {
        fnet_import_error(&x->a.im, line_of(x, tk), path(x, "[%d]", t),
                          "expected a task object");
        return FNET_OK;
    }
    const cJSON *text = task_text(x, tk, t);
    if (!text)
        return FNET_OK;
    fnet_annot_text(&x->a, text->valuestring, strlen(text->valuestring));
    fnet_offsets_free(&x->u16);
    fnet_offsets_free(&x->cp);
    if (fnet_offsets_build(&x->cp, x->a.text, x->a.text_len,
                           FNET_OFFSET_CODEPOINT) != FNET_OK)
        return FNET_ENOMEM;
    char task_no[24];
    snprintf(task_no, sizeof task_no, "%d", t + 1);
    int rc = fnet_annot_source(&x->a, get(tk, "id"), task_no, line_of(x, tk),
                               &x->source);
    if (rc)
        return rc;
    /* Predictions and drafts are not annotations: counted, not read. */
    static const char *const unread[] = {"predictions", "drafts"};
    for (int l = 0; l < 2; l++) {
        const cJSON *list = get(tk, unread[l]), *item;
        if (cJSON_IsArray(list))
            cJSON_ArrayForEach(item, list) fnet_import_skip(
                &x->a.im, line_of(x, item), l ? "draft" : "prediction",
                "only annotations are read", NULL);
    }
    /* "completions" is what Label Studio before 1.0 called annotations. */
    static const char *const lists[] = {"annotations", "completions"};
    for (int l = 0; l < 2 && rc == FNET_OK; l++) {
        const cJSON *anns = get(tk, lists[l]), *ann;
        if (!anns)
            continue;
        if (!cJSON_IsArray(anns)) {
            fnet_import_error(&x->a.im, line_of(x, anns),
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

static int run(fnet_annot *a, char *data, size_t len)
{
    ls *x = (ls *)a;
    cJSON *root;
    int rc = fnet_json_parse(a->im.d, &a->im.c->limits, a->im.name, data, len,
                             1, &root);
    if (rc != FNET_OK) /* FNET_EDATA: reported */
        return rc == FNET_EDATA ? FNET_OK : rc;
    rc = fnet_jsonpos_build(&x->pos, data, len, root, 1);
    if (rc == FNET_OK && cJSON_IsObject(root) && get(root, "data")) {
        rc = task(x, root, 0); /* a single task */
    } else if (rc == FNET_OK && !cJSON_IsArray(root)) {
        fnet_import_error(&a->im, fnet_importer_at(&a->im, 1, 1), NULL,
                          "expected a Label Studio export "
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
    if (rc == FNET_OK && x->differ) {
        uint32_t line = fnet_importer_at(&a->im, x->differ_line, x->differ_col);
        fnet_import_warn(&a->im, line, fnet_buf_str(&x->differ_where),
                         "%lu region%s with a \"text\" that differs from "
                         "the text at start and end (the first here: %s); "
                         "the text at start and end was used, as Label "
                         "Studio does",
                         x->differ, x->differ == 1 ? "" : "s",
                         fnet_buf_str(&x->differ_what));
    }
    return rc;
}

int fnet_import_labelstudio_buffer(fnet_corpus *c, const char *name,
                                   const char *data, size_t len,
                                   const fnet_import_opts *o,
                                   const fnet_labelmap *labels, fnet_diag *d,
                                   fnet_err *err)
{
    ls x = {.a.labels = labels, .o = o};
    int rc = fnet_annot_buffer(&x.a, c, name, data, len, d, err, run);
    fnet_jsonpos_free(&x.pos);
    fnet_offsets_free(&x.cp);
    fnet_offsets_free(&x.u16);
    fnet_buf_free(&x.path);
    fnet_buf_free(&x.differ_where);
    fnet_buf_free(&x.differ_what);
    free(x.regions);
    return rc;
}

int fnet_import_labelstudio_file(fnet_corpus *c, const char *path,
                                 const fnet_import_opts *o,
                                 const fnet_labelmap *labels, fnet_diag *d,
                                 fnet_err *err)
{
    return fnet_annot_file(c, path, o, labels, d, err,
                           fnet_import_labelstudio_buffer);
}

/* annot.c - shared by the Label Studio and doccano importers (see
 * annot.h). */
#include "input/import/annot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int fnet_annot_buffer(fnet_annot *a, fnet_corpus *c, const char *name,
                      const char *data, size_t len, fnet_diag *d, fnet_err *err,
                      fnet_annot_fn fn)
{
    /* The JSON parser needs a NUL-terminated text without a byte order
     * mark. */
    size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *copy = malloc(len - skip + 1);
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t stem_len = strcspn(base, ".");
    char *stem = strndup(base, stem_len ? stem_len : strlen(base));
    int rc =
        copy && stem ? fnet_importer_begin(&a->im, c, d, name) : FNET_ENOMEM;
    a->stem = stem;
    if (rc == FNET_OK) {
        fnet_quoter_init(&a->quotes, NULL, 0, c->limits.quote_bytes, &c->arena);
        memcpy(copy, data + skip, len - skip);
        copy[len - skip] = '\0';
        rc = fn(a, copy, len - skip);
    }
    if (rc == FNET_OK)
        fnet_import_quotes_note(&a->im, &a->quotes);
    if (rc == FNET_OK)
        rc = fnet_import_skipped_flush(&a->im);
    fnet_quoter_free(&a->quotes);
    fnet_buf_free(&a->tmp);
    fnet_importer_end(&a->im);
    free(copy);
    free(stem);
    a->stem = NULL;
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

int fnet_annot_file(fnet_corpus *c, const char *path, const fnet_import_opts *o,
                    const fnet_labelmap *labels, fnet_diag *d, fnet_err *err,
                    fnet_annot_buffer_fn buffer)
{
    char *data;
    size_t len;
    const char *name;
    int rc = fnet_import_read_input(c, path, d, &name, &data, &len, err);
    if (rc || !data)
        return rc;
    rc = buffer(c, name, data, len, o, labels, d, err);
    free(data);
    return rc;
}

bool fnet_annot_offset(const cJSON *v, long long *out)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
        v->valuedouble != floor(v->valuedouble) || v->valuedouble < 0 ||
        v->valuedouble > 1e15)
        return false;
    *out = (long long)v->valuedouble;
    return true;
}

void fnet_annot_text(fnet_annot *a, const char *text, size_t len)
{
    a->text = text;
    a->text_len = len;
    fnet_quoter_text(&a->quotes, text, len);
}

int fnet_annot_source(fnet_annot *a, const cJSON *id, const char *fallback,
                      uint32_t line, const char **out)
{
    fnet_buf_reset(&a->tmp);
    if (cJSON_IsNumber(id))
        fnet_buf_printf(&a->tmp, "%s#%.0f", a->stem, id->valuedouble);
    else if (cJSON_IsString(id))
        fnet_buf_printf(&a->tmp, "%s#%s", a->stem, id->valuestring);
    else
        fnet_buf_printf(&a->tmp, "%s#%s", a->stem, fallback);
    int32_t s;
    int rc = fnet_buf_ok(&a->tmp)
                 ? fnet_import_source(&a->im, fnet_buf_str(&a->tmp), NULL, NULL,
                                      NULL, line, &s)
                 : FNET_ENOMEM;
    *out = rc ? NULL : a->im.c->sources[s].id;
    return rc;
}

int fnet_annot_mention(fnet_annot *a, const char *label, size_t b_start,
                       size_t b_end, uint32_t line, fnet_span *s)
{
    const char *type = fnet_labelmap_entity(a->labels, label);
    s->entity = NULL;
    s->b_start = b_start;
    s->b_end = b_end;
    if (!type) {
        fnet_import_skip(&a->im, line, "mention",
                         "label dropped by the label map", NULL);
        return FNET_OK;
    }
    return fnet_import_mention(&a->im, type, a->text + b_start, b_end - b_start,
                               line, &s->entity);
}

int fnet_annot_fact(fnet_annot *a, const char *relation,
                    const char *description, const fnet_span *from,
                    const fnet_span *to, const char *source, uint32_t line,
                    int32_t *rel)
{
    int32_t r;
    fnet_import_rel decl = {.name = relation,
                            .directed = true,
                            .sign = 1,
                            .description = description};
    int rc = relation ? fnet_import_relation(&a->im, &decl, line, &r)
                      : fnet_import_tie(&a->im, line, &r);
    fnet_fact *f;
    if (rc == FNET_OK) /* entity, relation and source ids are the corpus's */
        rc = fnet_import_fact_shared(&a->im, line, from->entity,
                                     a->im.c->relations[r].name, to->entity,
                                     source, &f);
    if (rc)
        return rc;
    if (rel)
        *rel = r;
    size_t s = from->b_start < to->b_start ? from->b_start : to->b_start;
    size_t e = from->b_end > to->b_end ? from->b_end : to->b_end;
    return fnet_quoter_quote(&a->quotes, s, e, &f->evidence);
}

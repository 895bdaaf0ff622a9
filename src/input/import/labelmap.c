/* labelmap.c - label mapping files (see labelmap.h). */
#include "input/import/labelmap.h"

#include "core/text.h"
#include "input/import/import.h"
#include "input/json/jsontext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int put(fnet_labelmap *m, fnet_strmap *sec, const char *key, size_t klen,
               const char *value, size_t vlen)
{
    if (m->n_values == m->cap_values) {
        size_t cap = m->cap_values ? m->cap_values * 2 : 16;
        const char **p = realloc(m->values, cap * sizeof *p);
        if (!p)
            return FNET_ENOMEM;
        m->values = p;
        m->cap_values = cap;
    }
    char *k = fnet_arena_strndup(&m->arena, key, klen);
    char *v = fnet_arena_strndup(&m->arena, value, vlen);
    if (!k || !v)
        return FNET_ENOMEM;
    m->values[m->n_values] = v;
    return fnet_strmap_put(sec, k, klen, m->n_values++);
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
                  (*s)[*n - 1] == '\r'))
        (*n)--;
}

static void report(fnet_diag *d, const char *name, unsigned line,
                   const char *msg, const char *arg)
{
    char where[4200];
    snprintf(where, sizeof where, "%s:%u: ", name, line);
    fnet_diag_add(d, FNET_SEV_ERROR, where, msg, arg);
}

static int parse_ini(fnet_labelmap *m, const fnet_limits *lim, const char *name,
                     const char *data, size_t len, fnet_diag *d)
{
    fnet_strmap *sec = NULL;
    int rc = FNET_OK;
    unsigned line = 0;
    for (size_t i = 0; i < len && rc != FNET_ENOMEM;) {
        const char *s = data + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        line++;
        /* Labels and names become entity types and relation names, which
         * every output writes: they must be text. */
        size_t bad;
        if (!fnet_utf8_valid(s, n, &bad) || memchr(s, '\0', n)) {
            bool nul = fnet_utf8_valid(s, n, NULL);
            if (nul)
                bad = (size_t)((const char *)memchr(s, '\0', n) - s);
            char col[32];
            snprintf(col, sizeof col, "%zu", fnet_utf8_count(s, bad) + 1);
            report(d, name, line,
                   nul ? "NUL byte at column %s"
                       : "invalid UTF-8 byte sequence at "
                         "column %s",
                   col);
            rc = FNET_EDATA;
            continue;
        }
        trim(&s, &n);
        if (n == 0 || s[0] == '#' || s[0] == ';')
            continue;
        if (s[0] == '[' && s[n - 1] == ']') {
            size_t k = n - 2;
            const char *h = s + 1;
            trim(&h, &k);
            if (k == 8 && memcmp(h, "entities", 8) == 0)
                sec = &m->entities;
            else if ((k == 9 && memcmp(h, "relations", 9) == 0) ||
                     (k == 6 && memcmp(h, "events", 6) == 0))
                sec = &m->relations;
            else {
                char hdr[128];
                snprintf(hdr, sizeof hdr, "%.*s", (int)(k < 100 ? k : 100), h);
                fnet_buf q = {0};
                report(d, name, line,
                       "unknown section %s (expected "
                       "[entities] or [relations])",
                       fnet_diag_quoted(&q, hdr));
                fnet_buf_free(&q);
                rc = FNET_EDATA;
                sec = NULL;
            }
            continue;
        }
        const char *eq = memchr(s, '=', n);
        if (!eq) {
            report(d, name, line, "expected LABEL = NAME%s", "");
            rc = FNET_EDATA;
            continue;
        }
        if (!sec) {
            report(d, name, line,
                   "mapping outside a section (start with "
                   "[entities] or [relations])%s",
                   "");
            rc = FNET_EDATA;
            continue;
        }
        const char *k = s, *v = eq + 1;
        size_t kn = (size_t)(eq - s), vn = n - kn - 1;
        trim(&k, &kn);
        trim(&v, &vn);
        if (!kn || !vn) {
            report(d, name, line, "expected LABEL = NAME%s", "");
            rc = FNET_EDATA;
            continue;
        }
        if (kn > lim->string_bytes || vn > lim->string_bytes) {
            char msg[80];
            snprintf(msg, sizeof msg,
                     "%s longer than the limit of %llu "
                     "bytes",
                     kn > lim->string_bytes ? "label" : "name",
                     (unsigned long long)lim->string_bytes);
            report(d, name, line, "%s", msg);
            rc = FNET_EDATA;
            continue;
        }
        if (put(m, sec, k, kn, v, vn) != FNET_OK)
            rc = FNET_ENOMEM;
    }
    return rc;
}

static int json_section(fnet_labelmap *m, const char *name, const cJSON *obj,
                        fnet_strmap *sec, const fnet_jsonpos *pos, fnet_diag *d)
{
    int rc = FNET_OK;
    const cJSON *item;
    cJSON_ArrayForEach(item, obj)
    {
        uint32_t line, col;
        fnet_jsonpos_find(pos, item, &line, &col);
        if (!cJSON_IsString(item) || !item->valuestring[0]) {
            fnet_buf q = {0};
            report(d, name, line, "%s: expected a non-empty string",
                   fnet_diag_quoted(&q, item->string));
            fnet_buf_free(&q);
            rc = FNET_EDATA;
            continue;
        }
        if (!item->string[0]) { /* as in INI: no label is not a label */
            report(d, name, line,
                   "empty label (expected \"LABEL\": "
                   "\"NAME\")%s",
                   "");
            rc = FNET_EDATA;
            continue;
        }
        if (put(m, sec, item->string, strlen(item->string), item->valuestring,
                strlen(item->valuestring)) != FNET_OK)
            return FNET_ENOMEM;
    }
    return rc;
}

static int parse_json(fnet_labelmap *m, const fnet_limits *lim,
                      const char *name, const char *text, size_t len,
                      fnet_diag *d)
{
    cJSON *root;
    fnet_jsonpos pos = {0};
    /* The JSON parser needs data[len] == NUL; the caller's text need not
     * have it. */
    char *data = malloc(len + 1);
    if (!data)
        return FNET_ENOMEM;
    memcpy(data, text, len);
    data[len] = '\0';
    int rc = fnet_json_parse(d, lim, name, data, len, 1, &root);
    if (rc != FNET_OK) { /* FNET_EDATA (reported) or FNET_ENOMEM */
        free(data);
        return rc;
    }
    rc = fnet_jsonpos_build(&pos, data, len, root, 1);
    if (rc == FNET_OK && !cJSON_IsObject(root)) {
        report(d, name, 1,
               "expected an object with \"entities\" and "
               "\"relations\"%s",
               "");
        rc = FNET_EDATA;
    }
    const cJSON *item;
    if (rc == FNET_OK)
        cJSON_ArrayForEach(item, root)
        {
            uint32_t line, col;
            fnet_jsonpos_find(&pos, item, &line, &col);
            fnet_strmap *sec = strcmp(item->string, "entities") == 0
                                   ? &m->entities
                               : strcmp(item->string, "relations") == 0 ||
                                       strcmp(item->string, "events") == 0
                                   ? &m->relations
                                   : NULL;
            int r2;
            if (!sec || !cJSON_IsObject(item)) {
                fnet_buf q = {0};
                report(d, name, line,
                       "%s: expected \"entities\" or "
                       "\"relations\" with an object of LABEL: NAME",
                       fnet_diag_quoted(&q, item->string));
                fnet_buf_free(&q);
                r2 = FNET_EDATA;
            } else {
                r2 = json_section(m, name, item, sec, &pos, d);
            }
            if (r2 == FNET_ENOMEM || (r2 && rc == FNET_OK))
                rc = r2;
        }
    fnet_jsonpos_free(&pos);
    cJSON_Delete(root);
    free(data);
    return rc;
}

int fnet_labelmap_parse(fnet_labelmap *m, const fnet_limits *lim,
                        const char *name, const char *data, size_t len,
                        bool json, fnet_diag *d, fnet_err *err)
{
    fnet_limits def = FNET_LIMITS_DEFAULT;
    if (!lim)
        lim = &def;
    int rc = json ? parse_json(m, lim, name, data, len, d)
                  : parse_ini(m, lim, name, data, len, d);
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "%s: out of memory", name);
    return rc;
}

int fnet_labelmap_load(fnet_labelmap *m, const fnet_limits *lim,
                       const char *path, fnet_diag *d, fnet_err *err)
{
    char *data;
    size_t len;
    fnet_limits def = FNET_LIMITS_DEFAULT;
    if (!lim)
        lim = &def;
    int rc = fnet_import_read(path, lim->document_bytes, &data, &len, err);
    if (rc == FNET_EDATA) /* too large: reported like the map's problems */
        fnet_diag_add(d, FNET_SEV_ERROR, NULL, "%s", err->msg);
    if (rc != FNET_OK)
        return rc;
    size_t n = strlen(path);
    bool json = n >= 5 && strcmp(path + n - 5, ".json") == 0;
    rc = fnet_labelmap_parse(m, lim, path, data, len, json, d, err);
    free(data);
    return rc;
}

static const char *lookup(const fnet_strmap *sec, const fnet_labelmap *m,
                          const char *label, bool *mapped)
{
    size_t v;
    bool hit = m && fnet_strmap_get(sec, label, strlen(label), &v);
    if (mapped)
        *mapped = hit;
    if (!hit)
        return label;
    return strcmp(m->values[v], "-") == 0 ? NULL : m->values[v];
}

const char *fnet_labelmap_entity(const fnet_labelmap *m, const char *label)
{
    return lookup(m ? &m->entities : NULL, m, label, NULL);
}

const char *fnet_labelmap_relation(const fnet_labelmap *m, const char *label,
                                   bool *mapped)
{
    return lookup(m ? &m->relations : NULL, m, label, mapped);
}

void fnet_labelmap_free(fnet_labelmap *m)
{
    fnet_strmap_free(&m->entities);
    fnet_strmap_free(&m->relations);
    free(m->values);
    fnet_arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

/* brat_conf.c - reading a brat annotation.conf (brat_conf.h). */
#include "input/import/brat_conf.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

void fnet_brat_conf_free(fnet_brat_conf *cf)
{
    fnet_strmap_free(&cf->events);
    fnet_strmap_free(&cf->rels);
    fnet_strmap_free(&cf->macros);
    free(cf->macro_values);
    free(cf->v);
    fnet_arena_free(&cf->a);
    memset(cf, 0, sizeof *cf);
}

static char *conf_str(fnet_brat_conf *cf, const char *s, size_t n)
{
    return fnet_arena_strndup(&cf->a, s, n);
}

/* The length of the first word of s[0..n) (up to a space or tab). The
 * conf text need not be NUL-terminated, so the scan stops at n. */
static size_t word_len(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] != ' ' && s[k] != '\t')
        k++;
    return k;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '!'))
        (*s)++, (*n)--;
    while (*n && strchr(" \t\r", (*s)[*n - 1]))
        (*n)--;
}

/* Adds the types of "Person|GPE" to list (k used of 64); sets *any for
 * <ENTITY>, <ANY> or <EVENT>. Macros are expanded one level, as brat does. */
static int add_types(fnet_brat_conf *cf, const char *s, size_t n,
                     const char **list, uint32_t *k, bool *any, bool expand)
{
    while (n) {
        size_t tn = 0;
        while (tn < n && s[tn] != '|')
            tn++;
        const char *t = s;
        size_t len = tn;
        trim(&t, &len);
        size_t v;
        int rc = FNET_OK;
        if (expand && fnet_strmap_get(&cf->macros, t, len, &v))
            rc = add_types(cf, cf->macro_values[v], strlen(cf->macro_values[v]),
                           list, k, any, false);
        else if ((len == 8 && !memcmp(t, "<ENTITY>", 8)) ||
                 (len == 5 && !memcmp(t, "<ANY>", 5)) ||
                 (len == 7 && !memcmp(t, "<EVENT>", 7)))
            *any = true;
        else if (len && *k < 64 && !(list[(*k)++] = conf_str(cf, t, len)))
            rc = FNET_ENOMEM;
        if (rc)
            return rc;
        s += tn + (tn < n);
        n -= tn + (tn < n);
    }
    return FNET_OK;
}

/* Parses "Person|<POG>" into a type list; n = 0 means any type. */
static int conf_types(fnet_brat_conf *cf, const char *s, size_t n,
                      const char ***out, uint32_t *count)
{
    const char *list[64];
    uint32_t k = 0;
    bool any = false;
    int rc = add_types(cf, s, n, list, &k, &any, true);
    *out = NULL;
    *count = 0;
    if (rc || any || k == 0)
        return rc;
    *out = fnet_arena_alloc(&cf->a, k * sizeof **out);
    if (!*out)
        return FNET_ENOMEM;
    memcpy(*out, list, k * sizeof *list);
    *count = k;
    return FNET_OK;
}

/* "Located  Arg1:Person, Arg2:GPE, <REL-TYPE>:symmetric" */
static int conf_relation(fnet_brat_conf *cf, const char *s, size_t n)
{
    size_t name_len = word_len(s, n);
    fnet_brat_rel r = {0};
    int arg = 0, rc = FNET_OK;
    const char *p = s + name_len, *end = s + n;
    while (p < end && rc == FNET_OK) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t len = comma ? (size_t)(comma - p) : (size_t)(end - p);
        const char *item = p;
        trim(&item, &len);
        const char *colon = memchr(item, ':', len);
        if (colon) {
            size_t rl = (size_t)(colon - item);
            const char *tv = colon + 1;
            size_t tl = len - rl - 1;
            if (rl == 10 && memcmp(item, "<REL-TYPE>", 10) == 0) {
                r.symmetric = tl >= 9 && memcmp(tv, "symmetric", 9) == 0;
            } else if (arg == 0) {
                rc = conf_types(cf, tv, tl, &r.from, &r.n_from);
                arg++;
            } else if (arg == 1) {
                rc = conf_types(cf, tv, tl, &r.to, &r.n_to);
                arg++;
            }
        }
        p = comma ? comma + 1 : end;
    }
    if (rc)
        return rc;
    if (cf->n == cf->cap) {
        size_t cap = cf->cap ? cf->cap * 2 : 16;
        fnet_brat_rel *v = realloc(cf->v, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        cf->v = v;
        cf->cap = cap;
    }
    char *name = conf_str(cf, s, name_len);
    if (!name)
        return FNET_ENOMEM;
    cf->v[cf->n] = r;
    return fnet_strmap_put(&cf->rels, name, name_len, cf->n++);
}

static int conf_macro(fnet_brat_conf *cf, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    if (cf->n_macros == cf->cap_macros) {
        size_t cap = cf->cap_macros ? cf->cap_macros * 2 : 8;
        const char **v = realloc(cf->macro_values, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        cf->macro_values = v;
        cf->cap_macros = cap;
    }
    size_t kn = (size_t)(eq - s);
    const char *k = s;
    trim(&k, &kn);
    char *key = conf_str(cf, k, kn);
    char *val = conf_str(cf, eq + 1, n - (size_t)(eq - s) - 1);
    if (!key || !val)
        return FNET_ENOMEM;
    cf->macro_values[cf->n_macros] = val;
    return fnet_strmap_put(&cf->macros, key, kn, cf->n_macros++);
}

int fnet_brat_conf_parse(fnet_brat_conf *cf, const char *data, size_t len)
{
    enum { S_NONE, S_ENTITIES, S_RELATIONS, S_EVENTS, S_OTHER } sec = S_NONE;
    int rc = FNET_OK;
    for (size_t i = 0; i < len && rc == FNET_OK;) {
        const char *s = data + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        trim(&s, &n);
        if (!n || s[0] == '#')
            continue;
        if (s[0] == '[') {
            sec = n >= 10 && !memcmp(s, "[entities]", 10)    ? S_ENTITIES
                  : n >= 11 && !memcmp(s, "[relations]", 11) ? S_RELATIONS
                  : n >= 8 && !memcmp(s, "[events]", 8)      ? S_EVENTS
                                                             : S_OTHER;
            continue;
        }
        if (s[0] == '<') {
            if (memchr(s, '=', n))
                rc = conf_macro(cf, s, n);
            continue;
        }
        if (sec == S_RELATIONS) {
            rc = conf_relation(cf, s, n);
        } else if (sec == S_EVENTS) {
            char *t = conf_str(cf, s, word_len(s, n));
            rc =
                t ? fnet_strmap_put(&cf->events, t, strlen(t), 1) : FNET_ENOMEM;
        }
    }
    return rc;
}

bool fnet_brat_conf_is_event(const fnet_brat_conf *cf, const char *type)
{
    return fnet_strmap_get(&cf->events, type, strlen(type), NULL);
}

/* Made once per conf, as the conf may change with the folder. */
int fnet_brat_conf_relation(fnet_brat_conf *cf, const char *type, fnet_arena *a,
                            const fnet_brat_rel **out)
{
    size_t v;
    *out = NULL;
    if (!fnet_strmap_get(&cf->rels, type, strlen(type), &v))
        return FNET_OK;
    fnet_brat_rel *src = &cf->v[v];
    if (src->copy) {
        *out = src->copy;
        return FNET_OK;
    }
    fnet_brat_rel *cr = fnet_arena_alloc(a, sizeof *cr);
    if (!cr)
        return FNET_ENOMEM;
    *cr = *src;
    const char **lists[2] = {cr->from, cr->to};
    uint32_t ns[2] = {cr->n_from, cr->n_to};
    for (int k = 0; k < 2; k++) {
        const char **l = ns[k] ? fnet_arena_alloc(a, ns[k] * sizeof *l) : NULL;
        for (uint32_t j = 0; j < ns[k]; j++)
            if (!l || !(l[j] = fnet_arena_strdup(a, lists[k][j])))
                return FNET_ENOMEM;
        if (k == 0)
            cr->from = l;
        else
            cr->to = l;
    }
    src->copy = cr;
    *out = cr;
    return FNET_OK;
}

/* jsontext.c - JSON parsing with located errors, value positions (see
 * jsontext.h). */
#include "input/json/jsontext.h"

#include "core/error.h"
#include "core/text.h"
#include "input/json/jsonsyntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parsing ---------------------------------------------------------- */

int fnet_json_parse(fnet_diag *d, const fnet_limits *lim, const char *name,
                    const char *s, size_t n, size_t first_line, cJSON **out)
{
    fnet_json_problem p;
    *out = NULL;
    if (!fnet_json_check(s, n, first_line, lim, &p)) {
        fnet_diag_add(d, FNET_SEV_ERROR, NULL, "%s:%zu:%zu: error: %s", name,
                      p.line, p.column, p.msg);
        return FNET_EDATA;
    }
    /* cJSON accepts everything fnet_json_check accepts: failing here means
     * it ran out of memory. */
    *out = cJSON_ParseWithLengthOpts(s, n + 1, NULL, 1);
    return *out ? FNET_OK : FNET_ENOMEM;
}

/* ---- positions -------------------------------------------------------- */

typedef struct walk {
    fnet_json_pos *v;
    size_t n, cap;
    bool oom;
} walk;

static void add_item(walk *w, const cJSON *item)
{
    if (w->oom)
        return;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        fnet_json_pos *p = realloc(w->v, cap * sizeof *p);
        if (!p) {
            w->oom = true;
            return;
        }
        w->v = p;
        w->cap = cap;
    }
    w->v[w->n++].item = item;
}

/* Pre-order: the item, then its children in order, down to nesting depth
 * max (the root is at 0). The recursion is as deep as the tree, which
 * fnet_json_parse limits to FNET_MAX_DEPTH. */
static void collect(walk *w, const cJSON *item, size_t depth, size_t max)
{
    add_item(w, item);
    if (depth < max && (cJSON_IsArray(item) || cJSON_IsObject(item)))
        for (const cJSON *c = item->child; c; c = c->next)
            collect(w, c, depth + 1, max);
}

static int by_item(const void *a, const void *b)
{
    const fnet_json_pos *x = a, *y = b;
    return x->item < y->item ? -1 : x->item > y->item;
}

int fnet_jsonpos_build(fnet_jsonpos *p, const char *s, size_t n,
                       const cJSON *root, uint32_t first_line)
{
    return fnet_jsonpos_build_top(p, s, n, root, first_line, SIZE_MAX);
}

int fnet_jsonpos_build_top(fnet_jsonpos *p, const char *s, size_t n,
                           const cJSON *root, uint32_t first_line,
                           size_t max_depth)
{
    walk w = {0};
    p->v = NULL;
    p->n = 0;
    collect(&w, root, 0, max_depth);
    if (w.oom) {
        free(w.v);
        return FNET_ENOMEM;
    }
    /* Scan the text for value starts: a value is anything but an object
     * key, which is a string after '{' or ',' inside an object. */
    char stack[FNET_MAX_DEPTH + 2];
    size_t depth = 0, k = 0;
    char prev = 0; /* last structural character */
    uint32_t line = first_line, col = 1;
    for (size_t i = 0; i < n && k < w.n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            line++;
            col = 1;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            col++;
            continue;
        }
        bool key = c == '"' && depth > 0 && stack[depth - 1] == '{' &&
                   (prev == '{' || prev == ',');
        if (!key && c != ',' && c != ':' && c != '}' && c != ']' &&
            depth <= max_depth) {
            w.v[k].line = line;
            w.v[k].col = col;
            k++;
        }
        if (c == '{' || c == '[') {
            if (depth < sizeof stack)
                stack[depth] = (char)c;
            depth++;
            prev = (char)c;
            col++;
        } else if (c == '}' || c == ']') {
            depth -= depth > 0;
            prev = (char)c;
            col++;
        } else if (c == ',' || c == ':') {
            prev = (char)c;
            col++;
        } else if (c == '"') {
            for (i++, col++; i < n && s[i] != '"'; i++) {
                if (s[i] == '\\')
                    i++, col++;
                col += ((unsigned char)s[i] & 0xC0) != 0x80;
            }
            col++; /* closing quote */
            prev = key ? 'k' : 'v';
        } else {
            while (i + 1 < n && !strchr(",:}] \t\r\n", s[i + 1]))
                i++, col++;
            col++;
            prev = 'v';
        }
    }
    if (k != w.n) { /* cannot happen for a tree parsed from s */
        free(w.v);
        return FNET_OK;
    }
    qsort(w.v, w.n, sizeof *w.v, by_item);
    p->v = w.v;
    p->n = w.n;
    return FNET_OK;
}

bool fnet_jsonpos_find(const fnet_jsonpos *p, const cJSON *item, uint32_t *line,
                       uint32_t *col)
{
    fnet_json_pos key = {.item = item};
    const fnet_json_pos *hit =
        p->n ? bsearch(&key, p->v, p->n, sizeof key, by_item) : NULL;
    *line = hit ? hit->line : 0;
    *col = hit ? hit->col : 0;
    return hit != NULL;
}

void fnet_jsonpos_free(fnet_jsonpos *p)
{
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

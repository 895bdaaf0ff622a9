/* jsontext.c - JSON parsing with located errors, value positions (see
 * jsontext.h). */
#include "input/jsontext.h"

#include "core/error.h"
#include "core/text.h"
#include "input/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parsing ---------------------------------------------------------- */

static void syntax_error(fnet_diag *d, const char *name, const char *s,
                         size_t off, size_t first_line, const char *fmt,
                         const char *arg)
{
    size_t line, col;
    fnet_text_line_col(s, off, &line, &col);
    char where_buf[4200];
    snprintf(where_buf, sizeof where_buf, "%s:%zu:%zu: error: ", name,
             line + first_line - 1, col);
    fnet_diag_add(d, FNET_SEV_ERROR, where_buf, fmt, arg);
}

/* Checks what cJSON does not: NUL bytes, UTF-8, \u0000 escapes, string
 * length and nesting depth. Returns false after reporting the first
 * problem. */
static bool prescan(fnet_diag *d, const char *name, const char *s, size_t n,
                    size_t first_line)
{
    const unsigned char *p = (const unsigned char *)s;
    bool in_str = false;
    size_t depth = 0, str_start = 0;
    char num[32];
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (ch == 0) {
            syntax_error(d, name, s, i, first_line,
                         "NUL byte in input%s", "");
            return false;
        }
        if (ch >= 0x80) {
            size_t len = fnet_utf8_seq_len(p + i, n - i);
            if (!len) {
                syntax_error(d, name, s, i, first_line,
                             "invalid UTF-8 byte sequence%s", "");
                return false;
            }
            i += len - 1;
            continue;
        }
        if (in_str) {
            if (ch == '\\') {
                if (i + 5 < n && p[i + 1] == 'u' &&
                    memcmp(p + i + 2, "0000", 4) == 0) {
                    syntax_error(d, name, s, i, first_line,
                                 "NUL character (\\u0000) in string%s", "");
                    return false;
                }
                i++;
            } else if (ch == '"') {
                in_str = false;
            }
            if (i - str_start > FNET_MAX_STRING_BYTES) {
                snprintf(num, sizeof num, "%lu", FNET_MAX_STRING_BYTES);
                syntax_error(d, name, s, str_start, first_line,
                             "string longer than the limit of %s bytes", num);
                return false;
            }
            continue;
        }
        if (ch == '"') {
            in_str = true;
            str_start = i;
        } else if (ch == '{' || ch == '[') {
            if (++depth > FNET_MAX_DEPTH) {
                snprintf(num, sizeof num, "%d", FNET_MAX_DEPTH);
                syntax_error(d, name, s, i, first_line,
                             "nesting deeper than the limit of %s levels", num);
                return false;
            }
        } else if ((ch == '}' || ch == ']') && depth > 0) {
            depth--;
        }
    }
    return true;
}

bool fnet_json_parse(fnet_diag *d, const char *name, const char *s, size_t n,
                     size_t first_line, cJSON **out)
{
    *out = NULL;
    if (!prescan(d, name, s, n, first_line))
        return false;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n + 1, &end, 1);
    if (root) {
        *out = root;
        return true;
    }
    size_t off = end && end >= s && end <= s + n ? (size_t)(end - s) : n;
    /* cJSON stops at or just after the offending byte; skip white space so
     * the column points at the token. */
    while (off < n && (s[off] == ' ' || s[off] == '\t' || s[off] == '\r' ||
                       s[off] == '\n'))
        off++;
    if (off >= n) {
        syntax_error(d, name, s, n, first_line,
                     "invalid JSON: unexpected end of input%s", "");
    } else {
        char tok[8] = {0};
        size_t len = fnet_utf8_seq_len((const unsigned char *)s + off, n - off);
        memcpy(tok, s + off, len ? len : 1);
        syntax_error(d, name, s, off, first_line,
                     "invalid JSON: unexpected '%s'", tok);
    }
    return false;
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

/* Pre-order: the item, then its children in order. The recursion is as deep
 * as the tree, which fnet_json_parse limits to FNET_MAX_DEPTH. */
static void collect(walk *w, const cJSON *item)
{
    add_item(w, item);
    if (cJSON_IsArray(item) || cJSON_IsObject(item))
        for (const cJSON *c = item->child; c; c = c->next)
            collect(w, c);
}

static int by_item(const void *a, const void *b)
{
    const fnet_json_pos *x = a, *y = b;
    return x->item < y->item ? -1 : x->item > y->item;
}

int fnet_jsonpos_build(fnet_jsonpos *p, const char *s, size_t n,
                       const cJSON *root, uint32_t first_line)
{
    walk w = {0};
    p->v = NULL;
    p->n = 0;
    collect(&w, root);
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
        if (!key && c != ',' && c != ':' && c != '}' && c != ']') {
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

bool fnet_jsonpos_find(const fnet_jsonpos *p, const cJSON *item,
                       uint32_t *line, uint32_t *col)
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

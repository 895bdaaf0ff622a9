/* json_arena.c - cJSON-compatible trees in an arena (see json_arena.h).
 * Each rule below mirrors cJSON 1.7.15's parser (cJSON.c): white space is
 * any byte <= 32, strings keep raw bytes and decode the two-character
 * escapes, numbers go through strtod and saturate into valueint. */
#include "input/json/json_arena.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct parser {
    fnet_arena *a;
    const char *p, *end;
} parser;

static void skip_ws(parser *x)
{
    while (x->p < x->end && (unsigned char)*x->p <= 32)
        x->p++;
}

static cJSON *node(parser *x, int type)
{
    cJSON *n = fnet_arena_alloc(x->a, sizeof *n);
    if (n) {
        memset(n, 0, sizeof *n);
        n->type = type;
    }
    return n;
}

/* A string at x->p (at its opening quote) into the arena; NULL declines. */
static char *string(parser *x)
{
    const char *s = ++x->p, *q = s;
    size_t escapes = 0;
    while (q < x->end && *q != '"') {
        if (*q == '\\') {
            if (q + 1 >= x->end || q[1] == 'u')
                return NULL; /* \u: left to cJSON */
            escapes++;
            q++;
        }
        q++;
    }
    if (q >= x->end)
        return NULL;
    size_t len = (size_t)(q - s) - escapes;
    char *out = fnet_arena_alloc(x->a, len + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *c = s; c < q; c++) {
        if (*c != '\\') {
            *o++ = *c;
            continue;
        }
        switch (*++c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case '"':
        case '\\':
        case '/': *o++ = *c; break;
        default: return NULL; /* cJSON rejects it */
        }
    }
    *o = '\0';
    x->p = q + 1;
    return out;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A number in the strict JSON grammar; NULL declines. */
static cJSON *number(parser *x)
{
    const char *s = x->p, *q = s;
    if (q < x->end && *q == '-')
        q++;
    if (q >= x->end || !digit(*q))
        return NULL;
    if (*q == '0')
        q++;
    else
        while (q < x->end && digit(*q))
            q++;
    if (q < x->end && *q == '.') {
        if (++q >= x->end || !digit(*q))
            return NULL;
        while (q < x->end && digit(*q))
            q++;
    }
    if (q < x->end && (*q == 'e' || *q == 'E')) {
        if (++q < x->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= x->end || !digit(*q))
            return NULL;
        while (q < x->end && digit(*q))
            q++;
    }
    /* cJSON reads on over these characters; make sure it stops here too. */
    if (q < x->end && (*q == '+' || *q == '-' || *q == '.' || *q == 'e' ||
                       *q == 'E' || digit(*q)))
        return NULL;
    char buf[64];
    size_t len = (size_t)(q - s);
    if (len >= sizeof buf)
        return NULL;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *after;
    double v = strtod(buf, &after);
    if (after != buf + len)
        return NULL;
    cJSON *n = node(x, cJSON_Number);
    if (!n)
        return NULL;
    n->valuedouble = v;
    n->valueint = v >= INT_MAX           ? INT_MAX
                  : v <= (double)INT_MIN ? INT_MIN
                                         : (int)v;
    x->p = q;
    return n;
}

static cJSON *value(parser *x, int depth);

/* Array or object at x->p (at its bracket). */
static cJSON *container(parser *x, int depth, bool object)
{
    if (depth >= MAX_DEPTH)
        return NULL;
    cJSON *c = node(x, object ? cJSON_Object : cJSON_Array), *last = NULL;
    if (!c)
        return NULL;
    char close = object ? '}' : ']';
    x->p++;
    skip_ws(x);
    if (x->p < x->end && *x->p == close) {
        x->p++;
        return c;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(x);
        if (object) {
            if (x->p >= x->end || *x->p != '"' || !(key = string(x)))
                return NULL;
            skip_ws(x);
            if (x->p >= x->end || *x->p != ':')
                return NULL;
            x->p++;
            skip_ws(x);
        }
        cJSON *v = value(x, depth + 1);
        if (!v)
            return NULL;
        v->string = key;
        if (last) {
            last->next = v;
            v->prev = last;
        } else {
            c->child = v;
        }
        last = v;
        skip_ws(x);
        if (x->p < x->end && *x->p == ',') {
            x->p++;
            continue;
        }
        if (x->p < x->end && *x->p == close) {
            x->p++;
            c->child->prev = last;
            return c;
        }
        return NULL;
    }
}

static bool literal(parser *x, const char *word, size_t len)
{
    if ((size_t)(x->end - x->p) < len || memcmp(x->p, word, len) != 0)
        return false;
    x->p += len;
    return true;
}

static cJSON *value(parser *x, int depth)
{
    if (x->p >= x->end)
        return NULL;
    switch (*x->p) {
    case '{': return container(x, depth, true);
    case '[': return container(x, depth, false);
    case '"': {
        char *s = string(x);
        cJSON *n = s ? node(x, cJSON_String) : NULL;
        if (n)
            n->valuestring = s;
        return n;
    }
    case 't':
        if (literal(x, "true", 4)) {
            cJSON *n = node(x, cJSON_True);
            if (n)
                n->valueint = 1;
            return n;
        }
        return NULL;
    case 'f': return literal(x, "false", 5) ? node(x, cJSON_False) : NULL;
    case 'n': return literal(x, "null", 4) ? node(x, cJSON_NULL) : NULL;
    default: return number(x);
    }
}

cJSON *fnet_json_arena_parse(fnet_arena *a, const char *s, size_t n)
{
    const struct lconv *lc = localeconv();
    if (!lc->decimal_point || strcmp(lc->decimal_point, ".") != 0)
        return NULL;
    parser x = {a, s, s + n};
    fnet_arena_mark mark = fnet_arena_get_mark(a);
    skip_ws(&x);
    /* cJSON skips a byte order mark only at the very start: leave it. */
    cJSON *root = value(&x, 0);
    if (root) {
        skip_ws(&x);
        if (x.p == x.end)
            return root;
    }
    fnet_arena_release(a, mark); /* declined: give the memory back */
    return NULL;
}

/* json_arena.c - cJSON-compatible trees in an arena (see json_arena.h).
 * Each rule below mirrors cJSON 1.7.15's parser (cJSON.c): white space is
 * any byte <= 32, strings keep raw bytes and decode the two-character
 * escapes, numbers go through strtod and saturate into valueint. */
#include "input/json/json_arena.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
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

/* Powers of ten exactly representable as doubles. */
static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

const char *fnet_json_arena_number(const char *s, const char *end, double *out)
{
    const char *q = s;
    uint64_t m = 0; /* the digits, while there are at most 15 */
    int digits = 0; /* significant digits (a leading zero excluded) */
    int frac = 0;   /* of them after the point */
    bool expo = false;
    if (q < end && *q == '-')
        q++;
    if (q >= end || !digit(*q))
        return NULL;
    if (*q == '0')
        q++;
    else
        for (; q < end && digit(*q); q++, digits++)
            m = m * 10 + (uint64_t)(*q - '0');
    if (q < end && *q == '.') {
        if (++q >= end || !digit(*q))
            return NULL;
        for (; q < end && digit(*q); q++, digits++, frac++)
            m = m * 10 + (uint64_t)(*q - '0');
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        expo = true;
        if (++q < end && (*q == '+' || *q == '-'))
            q++;
        if (q >= end || !digit(*q))
            return NULL;
        while (q < end && digit(*q))
            q++;
    }
    /* cJSON reads on over these characters; make sure it stops here too. */
    if (q < end && (*q == '+' || *q == '-' || *q == '.' || *q == 'e' ||
                    *q == 'E' || digit(*q)))
        return NULL;
    size_t len = (size_t)(q - s);
    if (len > 63) /* cJSON reads at most 63 characters */
        return NULL;
    if (!expo && digits <= 15 && frac <= 22) {
        /* m and 10^frac are exact, so their quotient is correctly rounded,
         * as strtod's result is (Clinger's fast path). */
        double v = (double)m / pow10[frac];
        *out = *s == '-' ? -v : v;
        return q;
    }
    /* cJSON swaps '.' for the locale's decimal point; strtod here reads
     * '.' only in a locale that uses it. */
    const struct lconv *lc = localeconv();
    if (!lc->decimal_point || strcmp(lc->decimal_point, ".") != 0)
        return NULL;
    char buf[64], *after;
    memcpy(buf, s, len);
    buf[len] = '\0';
    *out = strtod(buf, &after);
    return after == buf + len ? q : NULL;
}

/* A number node; NULL declines. */
static cJSON *number(parser *x)
{
    double v;
    const char *q = fnet_json_arena_number(x->p, x->end, &v);
    cJSON *n = q ? node(x, cJSON_Number) : NULL;
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

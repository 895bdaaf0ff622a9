/* factscan.c - plain fact records read straight from their text (see
 * factscan.h).
 *
 * Two passes over the line. The first checks the syntax (the subset of
 * jsonsyntax.c's grammar that a plain fact uses), finds each field by its
 * name and checks its value as records.c's add_fact() does, without
 * writing anything. Only when every check passed does the second pass
 * decode the strings in place, so that a declined line is left exactly as
 * it was for the usual path. */
#include "input/json/factscan.h"

#include "core/text.h"
#include "input/json/json_arena.h"
#include "model/date.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The fields a plain fact may have (add_fact()'s, less "stance" and
 * "attrs", which are left to the usual path). */
enum field {
    F_KIND,
    F_ID,
    F_SUBJECT,
    F_RELATION,
    F_OBJECT,
    F_DATE,
    F_UNTIL,
    F_WEIGHT,
    F_SIGN,
    F_CONFIDENCE,
    F_SOURCE,
    F_EVIDENCE,
    N_FIELDS
};

static const struct {
    const char *name;
    size_t len;
} fields[N_FIELDS] = {
    [F_KIND] = {"kind", 4},       [F_ID] = {"id", 2},
    [F_SUBJECT] = {"subject", 7}, [F_RELATION] = {"relation", 8},
    [F_OBJECT] = {"object", 6},   [F_DATE] = {"date", 4},
    [F_UNTIL] = {"until", 5},     [F_WEIGHT] = {"weight", 6},
    [F_SIGN] = {"sign", 4},       [F_CONFIDENCE] = {"confidence", 10},
    [F_SOURCE] = {"source", 6},   [F_EVIDENCE] = {"evidence", 8},
};

/* A string as written: s[0..n) between its quotes. */
typedef struct str {
    char *s;
    size_t n;
    bool esc; /* holds a backslash escape */
} str;

typedef struct scan {
    char *p, *end;
    uint64_t max_string;
    uint64_t values, max_values; /* as jsonsyntax.c counts them */
} scan;

static void skip_ws(scan *x)
{
    while (x->p < x->end &&
           (*x->p == ' ' || *x->p == '\t' || *x->p == '\r' || *x->p == '\n'))
        x->p++;
}

static bool at(const scan *x, char c)
{
    return x->p < x->end && *x->p == c;
}

/* The string at x->p (its opening quote) into *out, past its closing
 * quote. False for what the syntax check rejects (control characters,
 * invalid UTF-8, bad escapes, the length limit) and for \u escapes. */
static bool string(scan *x, str *out)
{
    char *s = ++x->p;
    bool esc = false;
    for (;;) {
        if (x->p >= x->end)
            return false;
        unsigned char c = (unsigned char)*x->p;
        if (c == '"')
            break;
        if (c == '\\') {
            if (x->end - x->p < 2)
                return false;
            switch (x->p[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't': break;
            default: return false; /* \u, or an error */
            }
            esc = true;
            x->p += 2;
        } else if (c >= 0x20 && c < 0x80) {
            x->p++;
        } else if (c < 0x20) {
            return false;
        } else {
            size_t len = fnet_utf8_seq_len((const unsigned char *)x->p,
                                           (size_t)(x->end - x->p));
            if (!len)
                return false;
            x->p += len;
        }
    }
    *out = (str){s, (size_t)(x->p - s), esc};
    x->p++;
    return (uint64_t)out->n <= x->max_string;
}

/* Decodes s in place (records.c gets the same bytes from cJSON) and
 * NUL-terminates it, within its quotes. */
static char *decode(str s)
{
    if (!s.esc) {
        s.s[s.n] = '\0';
        return s.s;
    }
    char *o = s.s;
    for (size_t i = 0; i < s.n; i++) {
        char c = s.s[i];
        if (c == '\\') {
            switch (s.s[++i]) {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: c = s.s[i]; break; /* " \ / */
            }
        }
        *o++ = c;
    }
    *o = '\0';
    return s.s;
}

/* A number at x->p, with the value cJSON gives it. */
static bool number(scan *x, double *out)
{
    const char *q = fnet_json_arena_number(x->p, x->end, out);
    if (!q)
        return false;
    x->p += q - x->p; /* x->p may write; q may not */
    return true;
}

/* The field named k[0..n), or -1. */
static int field_of(const char *k, size_t n)
{
    for (int i = 0; i < N_FIELDS; i++)
        if (fields[i].len == n && memcmp(fields[i].name, k, n) == 0)
            return i;
    return -1;
}

static bool count_value(scan *x)
{
    return ++x->values <= x->max_values;
}

/* An array of strings at x->p (its bracket): their number in *n. */
static bool string_array(scan *x, uint32_t *n)
{
    str item;
    *n = 0;
    x->p++;
    skip_ws(x);
    if (at(x, ']')) {
        x->p++;
        return true;
    }
    for (;;) {
        if (!count_value(x) || !at(x, '"') || !string(x, &item))
            return false;
        ++*n;
        skip_ws(x);
        if (at(x, ']')) {
            x->p++;
            return true;
        }
        if (!at(x, ','))
            return false;
        x->p++;
        skip_ws(x);
    }
}

/* What the first pass found. */
typedef struct found {
    unsigned seen;        /* bit per field */
    str text[N_FIELDS];   /* string fields (and a single source) */
    double num[N_FIELDS]; /* number fields */
    char *sources;        /* a source array's '[', or NULL */
    uint32_t n_sources;
} found;

static bool has(const found *r, int field)
{
    return r->seen & (1u << field);
}

/* One member's value, for field k. */
static bool member(scan *x, found *r, int k)
{
    switch (k) {
    case F_WEIGHT:
    case F_SIGN:
    case F_CONFIDENCE: return number(x, &r->num[k]);
    case F_SOURCE:
        if (at(x, '[')) {
            r->sources = x->p;
            return string_array(x, &r->n_sources);
        }
        r->n_sources = 1;
        return at(x, '"') && string(x, &r->text[k]);
    default: return at(x, '"') && string(x, &r->text[k]);
    }
}

/* The object's members into *r: the syntax, and each field's JSON type. */
static bool members(scan *x, found *r)
{
    skip_ws(x);
    if (!at(x, '{'))
        return false;
    x->p++;
    for (;;) {
        str key;
        skip_ws(x);
        if (!at(x, '"') || !string(x, &key) || key.esc)
            return false;
        int k = field_of(key.s, key.n);
        if (k < 0 || has(r, k)) /* unknown or repeated */
            return false;
        r->seen |= 1u << k;
        skip_ws(x);
        if (!at(x, ':'))
            return false;
        x->p++;
        skip_ws(x);
        if (!count_value(x) || !member(x, r, k))
            return false;
        skip_ws(x);
        if (at(x, '}'))
            break;
        if (!at(x, ','))
            return false;
        x->p++;
    }
    x->p++;
    skip_ws(x);
    return x->p == x->end;
}

/* A date field as date_field() reads it; false for an error. */
static bool date(const found *r, int k, fnet_date *out)
{
    char buf[11], why[160];
    str s = r->text[k];
    *out = FNET_DATE_NONE;
    if (!has(r, k))
        return true;
    if (s.esc || (s.n != 4 && s.n != 7 && s.n != 10))
        return false;
    memcpy(buf, s.s, s.n);
    buf[s.n] = '\0';
    return fnet_date_parse(buf, out, why, sizeof why) == 0;
}

/* add_fact()'s checks of the values, without a message: true when it
 * would report none. Sets the dates and numbers of f. */
static bool valid(const found *r, fnet_fact *f)
{
    const str *t = r->text;
    if (!has(r, F_KIND) || t[F_KIND].esc || t[F_KIND].n != 4 ||
        memcmp(t[F_KIND].s, "fact", 4) != 0)
        return false;
    if (!has(r, F_SUBJECT) || !has(r, F_RELATION) || !has(r, F_OBJECT) ||
        t[F_SUBJECT].n == 0 || t[F_RELATION].n == 0 || t[F_OBJECT].n == 0)
        return false;
    if (!date(r, F_DATE, &f->date) || !date(r, F_UNTIL, &f->until))
        return false;
    if (fnet_date_is_set(f->until) &&
        (!fnet_date_is_set(f->date) ||
         fnet_date_last_day(f->until) < fnet_date_first_day(f->date)))
        return false;
    if (has(r, F_WEIGHT)) {
        double w = r->num[F_WEIGHT];
        if (!(isfinite(w) && w > 0))
            return false;
        f->weight = w;
    }
    if (has(r, F_SIGN)) {
        double s = r->num[F_SIGN];
        if (s != 1 && s != -1)
            return false;
        f->sign = s < 0 ? -1 : 1;
    }
    if (has(r, F_CONFIDENCE)) {
        double c = r->num[F_CONFIDENCE];
        if (!(c >= 0 && c <= 1))
            return false;
        f->confidence = c;
    }
    return true;
}

/* The second pass: the strings of a valid fact, decoded in place. */
static void strings(found *r, char *end, const char **list, fnet_fact *f)
{
    str *t = r->text;
    f->id = has(r, F_ID) ? decode(t[F_ID]) : NULL;
    f->subject_ref = decode(t[F_SUBJECT]);
    f->relation_ref = decode(t[F_RELATION]);
    f->object_ref = decode(t[F_OBJECT]);
    f->evidence = has(r, F_EVIDENCE) ? decode(t[F_EVIDENCE]) : NULL;
    f->source_refs = list;
    f->n_sources = r->n_sources;
    if (!r->sources) {
        if (list)
            list[0] = decode(t[F_SOURCE]);
        return;
    }
    /* The array was checked: walk it again, decoding each string. */
    scan x = {.p = r->sources + 1, .end = end, .max_string = UINT64_MAX};
    for (uint32_t i = 0; i < r->n_sources; i++) {
        str s;
        while (*x.p != '"')
            x.p++;
        string(&x, &s);
        list[i] = decode(s);
    }
}

bool fnet_factscan(char *line, size_t len, const fnet_limits *lim,
                   fnet_arena *a, fnet_fact *f)
{
    scan x = {.p = line,
              .end = line + len,
              .max_string = lim->string_bytes,
              .max_values = lim->values};
    found r = {0};
    if (lim->depth < 2) /* the object, and an array in it */
        return false;
    x.values = 1; /* the object */
    if (x.values > x.max_values || !members(&x, &r))
        return false;
    *f = (fnet_fact){.subject = -1,
                     .relation = -1,
                     .object = -1,
                     .weight = 1.0,
                     .confidence = FNET_NO_CONFIDENCE,
                     .stance = FNET_NO_STANCE};
    if (!valid(&r, f))
        return false;
    const char **list = NULL;
    if (r.n_sources &&
        !(list = fnet_arena_alloc(a, r.n_sources * sizeof *list)))
        return false;
    strings(&r, x.end, list, f);
    return true;
}

/* brat_ann.c - reading a brat .ann file and checking its spans against
 * the text (brat_ann.h). */
#include "input/import/brat_ann.h"

#include "core/buf.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE FNET_BRAT_NONE
#define MAX_WORDS FNET_BRAT_MAX_WORDS

typedef fnet_brat_rec rec;
typedef fnet_brat_doc doc;

/* True when s[0..n) is UTF-8 text without NUL bytes; otherwise reports
 * "NAME:LINE:COL: error: ..." at the first bad byte. */
bool fnet_brat_text_ok(fnet_diag *d, const char *name, const char *s, size_t n)
{
    size_t bad, line, col;
    if (fnet_utf8_valid(s, n, &bad) && !memchr(s, '\0', n))
        return true;
    if (fnet_utf8_valid(s, n, NULL))
        bad = (size_t)((const char *)memchr(s, '\0', n) - s);
    fnet_text_line_col(s, bad, &line, &col);
    char where[4200];
    snprintf(where, sizeof where, "%s:%zu:%zu: error: ", name, line, col);
    fnet_diag_add(d, FNET_SEV_ERROR, where, "%s",
                  s[bad] ? "invalid UTF-8 byte sequence" : "NUL byte in input");
    return false;
}

/* For `return nomem(dc);` where parsing ran out of memory. */
static bool nomem(doc *dc)
{
    dc->oom = true;
    return false;
}

fnet_brat_rec *fnet_brat_doc_find(const fnet_brat_doc *dc, const char *id)
{
    size_t v;
    if (!id || !fnet_strmap_get(&dc->ids, id, strlen(id), &v))
        return NULL;
    return &dc->v[v];
}

/* Splits s[0..n) at spaces into at most max words (arena copies); *more
 * tells whether words were left over. */
static uint32_t words(doc *dc, const char *s, size_t n, const char **out,
                      uint32_t max, bool *more)
{
    uint32_t k = 0;
    size_t i = 0;
    *more = false;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i < n && k == max) {
            *more = true;
            break;
        }
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t')
            j++;
        if (j > i && !(out[k++] = fnet_arena_strndup(&dc->a, s + i, j - i)))
            return UINT32_MAX;
        i = j;
    }
    return k;
}

/* Words of one annotation: an event's TYPE:TRIGGER and 255 arguments. */
static bool parse_spans(doc *dc, rec *r, const char *s)
{
    uint32_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == ';';
    r->spans = fnet_arena_alloc(&dc->a, 2 * n * sizeof *r->spans);
    if (!r->spans)
        return nomem(dc);
    const char *p = s;
    for (uint32_t k = 0; k < n; k++) {
        char *end;
        long long a = strtoll(p, &end, 10);
        if (end == p || *end != ' ')
            return false;
        p = end + 1;
        long long e = strtoll(p, &end, 10);
        if (end == p || (*end != ';' && *end != '\0') || a < 0 || e < a)
            return false;
        r->spans[2 * k] = a;
        r->spans[2 * k + 1] = e;
        p = end + (*end == ';');
    }
    r->n_spans = n;
    return true;
}

static void bad_line(doc *dc, uint32_t line, const char *id,
                     const char *expected)
{
    fnet_import_error(dc->im, line, id,
                      "malformed annotation (expected "
                      "\"%s\")",
                      expected);
}

/* ---- one line ---------------------------------------------------------- */

/* The parts of a line after its id: the annotation (split into words) and
 * the text after a second tab. */
typedef struct fields {
    const char *core; /* the annotation, core_n bytes */
    size_t core_n;
    const char *tail; /* after the second tab, tail_n bytes; NULL: none */
    size_t tail_n;
    const char **w; /* the annotation's words (arena copies) */
    uint32_t nw;
} fields;

/* What a kind's parser returns. */
enum { P_NOMEM = -1, P_MALFORMED = 0, P_OK = 1 };

/* "T1\tTYPE START END;START END\tTEXT" */
static int parse_mention(doc *dc, rec *r, const fields *f)
{
    char *sp = fnet_arena_strndup(&dc->a, f->core, f->core_n);
    if (!sp)
        return P_NOMEM;
    const char *after = strchr(sp, ' ');
    if (f->nw < 3 || !f->tail || !after || !parse_spans(dc, r, after + 1))
        return dc->oom ? P_NOMEM : P_MALFORMED;
    r->text = fnet_arena_strndup(&dc->a, f->tail, f->tail_n);
    return r->text ? P_OK : P_NOMEM;
}

/* "R1\tTYPE Arg1:ID Arg2:ID" and "E1\tTYPE:TRIGGER ROLE:ID..." */
static int parse_arguments(doc *dc, rec *r, const fields *f)
{
    uint32_t first = r->kind == 'E' ? 0 : 1;
    if (f->nw < 1 + first || (r->kind == 'R' && f->nw != 3))
        return P_MALFORMED;
    r->ids = fnet_arena_alloc(&dc->a, f->nw * sizeof *r->ids);
    r->roles = fnet_arena_alloc(&dc->a, f->nw * sizeof *r->roles);
    if (!r->ids || !r->roles)
        return P_NOMEM;
    for (uint32_t k = first; k < f->nw; k++) {
        char *colon = strchr((char *)f->w[k], ':');
        if (!colon || !colon[1] || colon == f->w[k])
            return P_MALFORMED;
        *colon = '\0';
        if (k == 0 && r->kind == 'E') {
            r->type = f->w[0];
            r->trigger = colon + 1;
            continue;
        }
        r->roles[r->n_ids] = f->w[k];
        r->ids[r->n_ids++] = colon + 1;
    }
    return P_OK;
}

/* "A1\tNAME TARGET [VALUE]" (and M lines) */
static int parse_attribute(doc *dc, rec *r, const fields *f)
{
    if (f->nw < 2 || f->nw > 3)
        return P_MALFORMED;
    r->ids = fnet_arena_alloc(&dc->a, sizeof *r->ids);
    if (!r->ids)
        return P_NOMEM;
    r->ids[0] = f->w[1];
    r->n_ids = 1;
    r->value = f->nw == 3 ? f->w[2] : NULL;
    return P_OK;
}

/* "N1\tTYPE TARGET DB:ID\tTEXT" and "#1\tTYPE TARGET\tTEXT" */
static int parse_note(doc *dc, rec *r, const fields *f)
{
    if (f->nw < (r->kind == 'N' ? 3u : 2u))
        return P_MALFORMED;
    r->ids = fnet_arena_alloc(&dc->a, 2 * sizeof *r->ids);
    if (!r->ids)
        return P_NOMEM;
    r->ids[0] = f->w[1];
    r->ids[1] = r->kind == 'N' ? f->w[2] : NULL;
    r->n_ids = 1;
    r->text = f->tail ? fnet_arena_strndup(&dc->a, f->tail, f->tail_n) : "";
    return r->text ? P_OK : P_NOMEM;
}

/* "*\tTYPE ID ID..." */
static int parse_equivalence(doc *dc, rec *r, const fields *f)
{
    if (f->nw < 3)
        return P_MALFORMED;
    r->ids = fnet_arena_alloc(&dc->a, (f->nw - 1) * sizeof *r->ids);
    if (!r->ids)
        return P_NOMEM;
    memcpy(r->ids, f->w + 1, (f->nw - 1) * sizeof *r->ids);
    r->n_ids = f->nw - 1;
    return P_OK;
}

/* The record kinds: the parser of each and the form a malformed line is
 * told to have. */
static const struct kind {
    char kind;
    int (*parse)(doc *dc, rec *r, const fields *f);
    const char *expected;
} kinds[] = {
    {'T', parse_mention, "T1\\tTYPE START END\\tTEXT"},
    {'R', parse_arguments, "R1\\tTYPE Arg1:ID Arg2:ID"},
    {'E', parse_arguments, "E1\\tTYPE:TRIGGER ROLE:ID..."},
    {'A', parse_attribute, "A1\\tNAME TARGET [VALUE]"},
    {'N', parse_note, "N1\\tTYPE TARGET DB:ID\\tTEXT"},
    {'#', parse_note, "#1\\tTYPE TARGET\\tTEXT"},
    {'*', parse_equivalence, "*\\tTYPE ID ID..."},
};

static const struct kind *kind_of(char c)
{
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (kinds[i].kind == c)
            return &kinds[i];
    return NULL;
}

/* The id messages about r name: `*` lines have none of their own. */
static const char *shown_id(const rec *r)
{
    return r->kind == '*' ? "*" : r->id;
}

/* Parses one line into a record; false (reported) when malformed. */
static bool parse_line(doc *dc, rec *r, const char *line, size_t n,
                       uint32_t lineno)
{
    const char *tab1 = memchr(line, '\t', n);
    r->line = lineno;
    r->name = -1;
    if (!tab1) {
        fnet_import_error(dc->im, lineno, NULL,
                          "malformed annotation "
                          "line (expected an id, a tab and the annotation)");
        return false;
    }
    r->id = fnet_arena_strndup(&dc->a, line, (size_t)(tab1 - line));
    fields f = {.core = tab1 + 1};
    size_t rest = n - (size_t)(f.core - line);
    const char *tab2 = memchr(f.core, '\t', rest);
    f.core_n = tab2 ? (size_t)(tab2 - f.core) : rest;
    f.tail = tab2 ? tab2 + 1 : NULL;
    f.tail_n = tab2 ? n - (size_t)(f.tail - line) : 0;
    const char *w[MAX_WORDS];
    bool more;
    f.w = w;
    f.nw = words(dc, f.core, f.core_n, w, MAX_WORDS, &more);
    if (!r->id || f.nw == UINT32_MAX)
        return nomem(dc);
    r->kind = r->id[0] == 'M' ? 'A' : r->id[0];
    r->attr_first = r->attr_last = r->attr_next = NONE;
    if (more && (r->kind == 'E' || r->kind == '*')) {
        fnet_import_error(dc->im, lineno, shown_id(r),
                          "more than %d %s (the limit of one annotation)",
                          MAX_WORDS - 1,
                          r->kind == '*' ? "members" : "arguments");
        return false;
    }
    r->type = f.nw ? w[0] : NULL;
    const struct kind *k = kind_of(r->kind);
    if (!k) {
        fnet_import_error(dc->im, lineno, NULL,
                          "unknown annotation "
                          "%s (brat ids start with T, R, E, A, M, N, * "
                          "or #)",
                          fnet_import_quote(dc->im, 0, r->id));
        return false;
    }
    int ok = k->parse(dc, r, &f);
    if (ok == P_NOMEM)
        return nomem(dc);
    if (ok == P_MALFORMED)
        bad_line(dc, lineno, shown_id(r), k->expected);
    return ok == P_OK;
}

/* A line of at most limits.line_bytes whose fields (split at tabs: id,
 * annotation, text) hold at most limits.string_bytes each, as for any
 * other record and string; false (reported) otherwise. */
static bool within_limits(doc *dc, const char *s, size_t n, uint32_t lineno)
{
    const fnet_limits *lim = &dc->im->c->limits;
    if (n > lim->line_bytes) {
        fnet_import_syntax(dc->im, lineno, 1,
                           "line longer than the "
                           "limit of %llu bytes",
                           (unsigned long long)lim->line_bytes);
        return false;
    }
    size_t start = 0;
    unsigned field = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && (s[i] != '\t' || field == 2)) /* the text keeps tabs */
            continue;
        if (i - start > lim->string_bytes) {
            fnet_import_syntax(dc->im, lineno,
                               (uint32_t)fnet_utf8_count(s, start) + 1,
                               "field longer than the limit of %llu bytes",
                               (unsigned long long)lim->string_bytes);
            return false;
        }
        start = i + 1;
        field++;
    }
    return true;
}

static int parse_ann(doc *dc, const char *ann, size_t len)
{
    uint32_t lineno = 0;
    for (size_t i = 0; i < len;) {
        const char *s = ann + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == n)
            continue;
        if (memchr(s, '\0', n)) {
            fnet_import_syntax(dc->im, lineno, 1, "NUL byte in input");
            continue;
        }
        if (!within_limits(dc, s, n, lineno))
            continue;
        if (dc->n == dc->cap) {
            size_t cap = dc->cap ? dc->cap * 2 : 64;
            rec *v = realloc(dc->v, cap * sizeof *v);
            if (!v)
                return FNET_ENOMEM;
            dc->v = v;
            dc->cap = cap;
        }
        rec *r = memset(&dc->v[dc->n], 0, sizeof *r);
        if (!parse_line(dc, r, s, n, lineno)) {
            if (dc->oom)
                return FNET_ENOMEM;
            continue;
        }
        if (r->kind != '*' && r->kind != '#' &&
            fnet_strmap_get(&dc->ids, r->id, strlen(r->id), NULL)) {
            fnet_import_error(dc->im, lineno, r->id,
                              "duplicate "
                              "annotation id");
            continue;
        }
        if (r->kind != '*' &&
            fnet_strmap_put(&dc->ids, r->id, strlen(r->id), dc->n))
            return FNET_ENOMEM;
        dc->n++;
    }
    return FNET_OK;
}

/* Checks every T span against the text counting characters in unit;
 * reports the mismatches when report is set. Returns the number of bad
 * spans. */

static size_t check_spans(doc *dc, int unit, bool report, int *rc)
{
    fnet_offsets off;
    size_t bad = 0;
    if (fnet_offsets_build(&off, dc->txt, dc->txt_len, unit) != FNET_OK) {
        *rc = FNET_ENOMEM;
        return 0;
    }
    fnet_buf got = {0}, spans = {0};
    for (size_t i = 0; i < dc->n; i++) {
        rec *r = &dc->v[i];
        if (r->kind != 'T')
            continue;
        fnet_buf_reset(&got);
        fnet_buf_reset(&spans);
        bool inside = true;
        r->b_start = SIZE_MAX;
        r->b_end = 0;
        for (uint32_t k = 0; k < r->n_spans; k++) {
            size_t s, e;
            fnet_buf_printf(&spans, "%s%lld-%lld", k ? ";" : "",
                            r->spans[2 * k], r->spans[2 * k + 1]);
            if (!fnet_offsets_span(&off, r->spans[2 * k], r->spans[2 * k + 1],
                                   &s, &e)) {
                inside = false;
                continue;
            }
            if (k)
                fnet_buf_putc(&got, ' '); /* brat's DISCONT_SEP */
            fnet_buf_append(&got, dc->txt + s, e - s);
            r->b_start = s < r->b_start ? s : r->b_start;
            r->b_end = e > r->b_end ? e : r->b_end;
        }
        if (!fnet_buf_ok(&got) || !fnet_buf_ok(&spans))
            break; /* out of memory: no mismatch to report */
        bool same = inside && strcmp(fnet_buf_str(&got), r->text) == 0;
        if (inside && !same) { /* the .ann cannot hold line breaks */
            fnet_buf a = {0}, b = {0};
            fnet_import_fold(got.data ? got.data : "", got.len, &a);
            fnet_import_fold(r->text, strlen(r->text), &b);
            bool ok = fnet_buf_ok(&a) && fnet_buf_ok(&b);
            same = strcmp(fnet_buf_str(&a), fnet_buf_str(&b)) == 0;
            fnet_buf_free(&a);
            fnet_buf_free(&b);
            if (!ok) {
                *rc = FNET_ENOMEM;
                break;
            }
        }
        r->bad = !same;
        bad += !same;
        if (!same && report && !inside)
            fnet_import_error(dc->im, r->line, r->id,
                              "span %s is outside "
                              "the text (%zu characters)",
                              fnet_buf_str(&spans), off.n);
        else if (!same && report)
            fnet_import_error(dc->im, r->line, r->id,
                              "span %s is %s "
                              "in the text, annotation says %s",
                              fnet_buf_str(&spans),
                              fnet_import_quote(dc->im, 0, fnet_buf_str(&got)),
                              fnet_import_quote(dc->im, 1, r->text));
    }
    if (!fnet_buf_ok(&got) || !fnet_buf_ok(&spans))
        *rc = FNET_ENOMEM;
    fnet_buf_free(&got);
    fnet_buf_free(&spans);
    fnet_offsets_free(&off);
    return bad;
}

/* brat reads text with universal newlines (CRLF counts as one character);
 * tools that count the CR are accepted when every span then fits. */
static int verify_spans(doc *dc)
{
    int rc = FNET_OK;
    size_t bad = check_spans(dc, FNET_OFFSET_CODEPOINT_LF, false, &rc);
    if (bad && !rc && memchr(dc->txt, '\r', dc->txt_len) &&
        check_spans(dc, FNET_OFFSET_CODEPOINT, false, &rc) == 0)
        return rc;
    if (bad && !rc)
        check_spans(dc, FNET_OFFSET_CODEPOINT_LF, true, &rc);
    return rc;
}

/* Chains every A and # record to the annotation it is on (attr_first,
 * attr_next), in file order, so that gathering them is linear. */
static void index_attrs(doc *dc)
{
    for (size_t i = 0; i < dc->n; i++) {
        rec *r = &dc->v[i];
        size_t t;
        if ((r->kind != 'A' && r->kind != '#') ||
            !fnet_strmap_get(&dc->ids, r->ids[0], strlen(r->ids[0]), &t))
            continue;
        rec *on = &dc->v[t];
        if (on->attr_last == NONE)
            on->attr_first = (uint32_t)i;
        else
            dc->v[on->attr_last].attr_next = (uint32_t)i;
        on->attr_last = (uint32_t)i;
    }
}

int fnet_brat_doc_read(fnet_brat_doc *dc, const char *ann, size_t len)
{
    int rc = parse_ann(dc, ann, len);
    if (rc == FNET_OK)
        index_attrs(dc);
    if (rc == FNET_OK)
        rc = verify_spans(dc);
    return rc;
}

void fnet_brat_doc_free(fnet_brat_doc *dc)
{
    fnet_strmap_free(&dc->ids);
    free(dc->v);
    fnet_arena_free(&dc->a);
}

/* import_brat.c - brat standoff annotations (see import_brat.h). */
#include "input/import_brat.h"

#include "core/text.h"
#include "input/mentions.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EV_FIRST, EV_PAIRS, EV_NONE };

int fnet_import_brat_check(const fnet_import_opts *o, fnet_err *err)
{
    const char *m = o ? o->brat_events : NULL;
    if (m && strcmp(m, "first") && strcmp(m, "pairs") && strcmp(m, "none"))
        return fnet_err_set(err, FNET_EUSAGE,
                            "--brat-events: expected "
                            "first, pairs or none, got '%s'",
                            m);
    return FNET_OK;
}

/* True when s[0..n) is UTF-8 text without NUL bytes; otherwise reports
 * "NAME:LINE:COL: error: ..." at the first bad byte. */
static bool text_ok(fnet_diag *d, const char *name, const char *s, size_t n)
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

/* ---- annotation.conf ---------------------------------------------------- */

typedef struct conf_rel {
    const char **from, **to; /* brat types; NULL list (n 0): any */
    uint32_t n_from, n_to;
    bool symmetric;
    const struct conf_rel *copy; /* in the corpus arena, once needed */
} conf_rel;

typedef struct conf {
    fnet_arena a;
    fnet_strmap events; /* event type -> 1 */
    fnet_strmap rels;   /* relation type -> index into v */
    fnet_strmap macros; /* "<POG>" -> index into macro_values */
    const char **macro_values;
    size_t n_macros, cap_macros;
    conf_rel *v;
    size_t n, cap;
} conf;

static void conf_free(conf *cf)
{
    fnet_strmap_free(&cf->events);
    fnet_strmap_free(&cf->rels);
    fnet_strmap_free(&cf->macros);
    free(cf->macro_values);
    free(cf->v);
    fnet_arena_free(&cf->a);
    memset(cf, 0, sizeof *cf);
}

static char *conf_str(conf *cf, const char *s, size_t n)
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
static int add_types(conf *cf, const char *s, size_t n, const char **list,
                     uint32_t *k, bool *any, bool expand)
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
static int conf_types(conf *cf, const char *s, size_t n, const char ***out,
                      uint32_t *count)
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
static int conf_relation(conf *cf, const char *s, size_t n)
{
    size_t name_len = word_len(s, n);
    conf_rel r = {0};
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
        conf_rel *v = realloc(cf->v, cap * sizeof *v);
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

static int conf_macro(conf *cf, const char *s, size_t n)
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

/* Reads what factnet needs of an annotation.conf: event types, relation
 * argument types and symmetry. Unknown lines are ignored, as brat does for
 * sections it does not use. A conf that is not UTF-8 text (its types would
 * become relation constraints) is reported to d, as name, and not used. */
static int conf_parse(conf *cf, const char *name, const char *data, size_t len,
                      fnet_diag *d)
{
    enum { S_NONE, S_ENTITIES, S_RELATIONS, S_EVENTS, S_OTHER } sec = S_NONE;
    int rc = FNET_OK;
    if (!text_ok(d, name, data, len))
        return FNET_OK;
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

/* ---- one import: a folder or a document -------------------------------- */

/* What the facts of one annotation (a relation, or an event and its
 * pairs) share: made once, pointed to by each of its facts, so that an
 * event's many facts cost no copies. In the corpus arena (the strings and
 * attributes become the facts') but for the struct itself (brat.shared). */
typedef struct shared {
    const char *relation;  /* factnet name */
    const char *brat_type; /* for annotation.conf's argument types */
    const conf_rel *conf;  /* the relation's declaration, or NULL */
    bool event;
    const char *evidence, *source;
    fnet_attr *attrs;
    uint32_t n_attrs;
} shared;

/* A fact waiting for the entities (created once every document is read). */
typedef struct pending {
    uint32_t file, line;
    uint32_t subject, object; /* mention names */
    const shared *sh;
} pending;

typedef struct brat {
    fnet_importer im;
    bool started;
    const fnet_import_opts *o;
    const fnet_labelmap *labels;
    int events;
    fnet_mentions m;
    pending *facts;
    size_t n_facts, cap_facts;
    fnet_arena shared; /* the facts' shared parts */
    conf cf;           /* the annotation.conf in effect */
    char *conf_path;   /* where it was read from (NULL: none) */
} brat;

/* ---- one document ------------------------------------------------------ */

typedef struct rec {
    char kind; /* T R E A N * # (M is stored as A) */
    const char *id, *type;
    uint32_t line;
    const char **ids;   /* R/E: arguments; A/N/#: target; *: members */
    const char **roles; /* R/E */
    uint32_t n_ids;
    const char *trigger; /* E */
    long long *spans;    /* T: start, end pairs (characters) */
    uint32_t n_spans;
    const char *text;      /* T: as annotated; N, #: the text */
    const char *value;     /* A: value (NULL: binary) */
    size_t b_start, b_end; /* T: byte extent in the document */
    int32_t name;          /* T: mention name, -1 when none */
    uint32_t attr_first, attr_last, attr_next; /* A and # records on this
                                                  one, in order (NONE) */
    bool trigger_tb, bad;
} rec;

typedef struct doc {
    brat *b;
    fnet_arena a;
    rec *v;
    size_t n, cap;
    fnet_strmap ids;
    const char *txt;
    size_t txt_len;
    fnet_quoter quotes; /* of txt */
    const char *source;
    bool oom; /* an allocation failed: the import stops with FNET_ENOMEM */
} doc;

/* For `return nomem(dc);` where parsing ran out of memory. */
static bool nomem(doc *dc)
{
    dc->oom = true;
    return false;
}

static rec *find_rec(doc *dc, const char *id)
{
    size_t v;
    if (!id || !fnet_strmap_get(&dc->ids, id, strlen(id), &v))
        return NULL;
    return &dc->v[v];
}

#define NONE UINT32_MAX

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
#define MAX_WORDS 256

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
    fnet_import_error(&dc->b->im, line, id,
                      "malformed annotation (expected "
                      "\"%s\")",
                      expected);
}

/* Parses one line into a record; false (reported) when malformed. */
static bool parse_line(doc *dc, rec *r, const char *line, size_t n,
                       uint32_t lineno)
{
    const char *tab1 = memchr(line, '\t', n);
    r->line = lineno;
    r->name = -1;
    if (!tab1) {
        fnet_import_error(&dc->b->im, lineno, NULL,
                          "malformed annotation "
                          "line (expected an id, a tab and the annotation)");
        return false;
    }
    r->id = fnet_arena_strndup(&dc->a, line, (size_t)(tab1 - line));
    const char *core = tab1 + 1;
    size_t rest = n - (size_t)(core - line);
    const char *tab2 = memchr(core, '\t', rest);
    size_t core_n = tab2 ? (size_t)(tab2 - core) : rest;
    const char *tail = tab2 ? tab2 + 1 : NULL;
    size_t tail_n = tab2 ? n - (size_t)(tail - line) : 0;
    const char *w[MAX_WORDS];
    bool more;
    uint32_t nw = words(dc, core, core_n, w, MAX_WORDS, &more);
    if (!r->id || nw == UINT32_MAX)
        return nomem(dc);
    r->kind = r->id[0] == 'M' ? 'A' : r->id[0];
    r->attr_first = r->attr_last = r->attr_next = NONE;
    if (more && (r->kind == 'E' || r->kind == '*')) {
        fnet_import_error(&dc->b->im, lineno, r->kind == '*' ? "*" : r->id,
                          "more than %d %s (the limit of one annotation)",
                          MAX_WORDS - 1,
                          r->kind == '*' ? "members" : "arguments");
        return false;
    }
    r->type = nw ? w[0] : NULL;
    switch (r->kind) {
    case 'T': {
        char *sp = fnet_arena_strndup(&dc->a, core, core_n);
        if (!sp)
            return nomem(dc);
        const char *after = strchr(sp, ' ');
        if (nw < 3 || !tail || !after || !parse_spans(dc, r, after + 1)) {
            if (dc->oom)
                return false;
            bad_line(dc, lineno, r->id, "T1\\tTYPE START END\\tTEXT");
            return false;
        }
        r->text = fnet_arena_strndup(&dc->a, tail, tail_n);
        return r->text ? true : nomem(dc);
    }
    case 'R':
    case 'E': {
        uint32_t first = r->kind == 'E' ? 0 : 1;
        if (nw < 1 + first || (r->kind == 'R' && nw != 3)) {
            bad_line(dc, lineno, r->id,
                     r->kind == 'R' ? "R1\\tTYPE Arg1:ID Arg2:ID"
                                    : "E1\\tTYPE:TRIGGER ROLE:ID...");
            return false;
        }
        r->ids = fnet_arena_alloc(&dc->a, nw * sizeof *r->ids);
        r->roles = fnet_arena_alloc(&dc->a, nw * sizeof *r->roles);
        if (!r->ids || !r->roles)
            return nomem(dc);
        for (uint32_t k = first; k < nw; k++) {
            char *colon = strchr((char *)w[k], ':');
            if (!colon || !colon[1] || colon == w[k]) {
                bad_line(dc, lineno, r->id,
                         r->kind == 'R' ? "R1\\tTYPE Arg1:ID Arg2:ID"
                                        : "E1\\tTYPE:TRIGGER "
                                          "ROLE:ID...");
                return false;
            }
            *colon = '\0';
            if (k == 0 && r->kind == 'E') {
                r->type = w[0];
                r->trigger = colon + 1;
                continue;
            }
            r->roles[r->n_ids] = w[k];
            r->ids[r->n_ids++] = colon + 1;
        }
        return true;
    }
    case 'A':
        if (nw < 2 || nw > 3) {
            bad_line(dc, lineno, r->id, "A1\\tNAME TARGET [VALUE]");
            return false;
        }
        r->ids = fnet_arena_alloc(&dc->a, sizeof *r->ids);
        if (!r->ids)
            return nomem(dc);
        r->ids[0] = w[1];
        r->n_ids = 1;
        r->value = nw == 3 ? w[2] : NULL;
        return true;
    case 'N':
    case '#':
        if (nw < (r->kind == 'N' ? 3u : 2u)) {
            bad_line(dc, lineno, r->id,
                     r->kind == 'N' ? "N1\\tTYPE TARGET DB:ID\\tTEXT"
                                    : "#1\\tTYPE TARGET\\tTEXT");
            return false;
        }
        r->ids = fnet_arena_alloc(&dc->a, 2 * sizeof *r->ids);
        if (!r->ids)
            return nomem(dc);
        r->ids[0] = w[1];
        r->ids[1] = r->kind == 'N' ? w[2] : NULL;
        r->n_ids = 1;
        r->text = tail ? fnet_arena_strndup(&dc->a, tail, tail_n) : "";
        return r->text ? true : nomem(dc);
    case '*':
        if (nw < 3) {
            bad_line(dc, lineno, "*", "*\\tTYPE ID ID...");
            return false;
        }
        r->ids = fnet_arena_alloc(&dc->a, (nw - 1) * sizeof *r->ids);
        if (!r->ids)
            return nomem(dc);
        memcpy(r->ids, w + 1, (nw - 1) * sizeof *r->ids);
        r->n_ids = nw - 1;
        return true;
    default:
        fnet_import_error(&dc->b->im, lineno, NULL,
                          "unknown annotation "
                          "%s (brat ids start with T, R, E, A, M, N, * "
                          "or #)",
                          fnet_import_quote(&dc->b->im, 0, r->id));
        return false;
    }
}

/* A line of at most limits.line_bytes whose fields (split at tabs: id,
 * annotation, text) hold at most limits.string_bytes each, as for any
 * other record and string; false (reported) otherwise. */
static bool within_limits(doc *dc, const char *s, size_t n, uint32_t lineno)
{
    const fnet_limits *lim = &dc->b->im.c->limits;
    if (n > lim->line_bytes) {
        fnet_import_syntax(&dc->b->im, lineno, 1,
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
            fnet_import_syntax(&dc->b->im, lineno,
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
            fnet_import_syntax(&dc->b->im, lineno, 1, "NUL byte in input");
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
            fnet_import_error(&dc->b->im, lineno, r->id,
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
            fnet_import_error(&dc->b->im, r->line, r->id,
                              "span %s is outside "
                              "the text (%zu characters)",
                              fnet_buf_str(&spans), off.n);
        else if (!same && report)
            fnet_import_error(
                &dc->b->im, r->line, r->id,
                "span %s is %s "
                "in the text, annotation says %s",
                fnet_buf_str(&spans),
                fnet_import_quote(&dc->b->im, 0, fnet_buf_str(&got)),
                fnet_import_quote(&dc->b->im, 1, r->text));
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

static bool is_event_type(const brat *b, const char *type)
{
    return b->conf_path &&
           fnet_strmap_get(&b->cf.events, type, strlen(type), NULL);
}

static int make_mentions(doc *dc)
{
    brat *b = dc->b;
    for (size_t i = 0; i < dc->n; i++) { /* event triggers are not entities */
        rec *r = &dc->v[i];
        rec *t = r->kind == 'E' ? find_rec(dc, r->trigger) : NULL;
        if (r->kind == 'E' && (!t || t->kind != 'T'))
            fnet_import_error(&b->im, r->line, r->id,
                              "the trigger %s is "
                              "not a text-bound (T) annotation",
                              fnet_import_quote(&b->im, 0, r->trigger));
        else if (t)
            t->trigger_tb = true;
    }
    for (size_t i = 0; i < dc->n; i++) {
        rec *r = &dc->v[i];
        if (r->kind != 'T' || r->bad || r->trigger_tb ||
            is_event_type(b, r->type))
            continue;
        const char *type = fnet_labelmap_entity(b->labels, r->type);
        if (!type)
            continue; /* dropped by the label map */
        uint32_t name;
        int rc = fnet_mentions_add(&b->m, type, r->text, strlen(r->text),
                                   fnet_importer_loc(&b->im, r->line), &name);
        if (rc)
            return rc;
        r->name = (int32_t)name;
    }
    return FNET_OK;
}

/* The mention behind id for annotation r's message; NULL (reported when
 * the id is unknown) if there is none. */
static rec *target(doc *dc, const rec *r, const char *id)
{
    rec *t = find_rec(dc, id);
    if (!t)
        fnet_import_error(&dc->b->im, r->line, r->kind == '*' ? "*" : r->id,
                          "unknown annotation %s",
                          fnet_import_quote(&dc->b->im, 0, id));
    return t;
}

static int merge_names(doc *dc)
{
    brat *b = dc->b;
    int rc = FNET_OK;
    for (size_t i = 0; i < dc->n && rc == FNET_OK; i++) {
        rec *r = &dc->v[i];
        if (r->kind == '*') {
            rec *first = NULL;
            for (uint32_t k = 0; k < r->n_ids; k++) {
                rec *t = target(dc, r, r->ids[k]);
                if (!t || t->name < 0)
                    continue;
                if (!first) {
                    first = t;
                    continue;
                }
                const char *ta =
                    fnet_mentions_type(&b->m, (uint32_t)first->name);
                const char *tb = fnet_mentions_type(&b->m, (uint32_t)t->name);
                if (strcmp(ta, tb) != 0)
                    fnet_import_warn(&b->im, r->line, "*",
                                     "%s (%s) and %s "
                                     "(%s) are equivalent but of different "
                                     "types; the entity keeps the first "
                                     "type",
                                     first->id, ta, t->id, tb);
                rc = fnet_mentions_union(&b->m, (uint32_t)first->name,
                                         (uint32_t)t->name);
            }
        } else if (r->kind == 'N') {
            rec *t = target(dc, r, r->ids[0]);
            if (t && t->name >= 0)
                rc = fnet_mentions_norm(&b->m, (uint32_t)t->name, r->ids[1],
                                        r->text);
        } else if (r->kind == 'A') {
            rec *t = target(dc, r, r->ids[0]);
            if (t && t->name >= 0)
                rc = fnet_mentions_attr(&b->m, (uint32_t)t->name, r->type,
                                        r->value ? r->value : "true",
                                        r->value ? FNET_ATTR_STRING
                                                 : FNET_ATTR_BOOL);
        } else if (r->kind == '#') {
            target(dc, r, r->ids[0]); /* checked; notes on T are not kept */
        }
    }
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

/* Attributes and notes of annotation r, copied into the corpus arena (the
 * document's records go when the document is done). */
static int gather_attrs(doc *dc, const rec *r, fnet_attr **out, uint32_t *n)
{
    size_t t;
    const rec *on =
        fnet_strmap_get(&dc->ids, r->id, strlen(r->id), &t) ? &dc->v[t] : NULL;
    uint32_t k = 0;
    for (uint32_t i = on ? on->attr_first : NONE; i != NONE;
         i = dc->v[i].attr_next)
        k++;
    *out = NULL;
    *n = 0;
    if (!k)
        return FNET_OK;
    fnet_corpus *c = dc->b->im.c;
    *out = fnet_arena_alloc(&c->arena, k * sizeof **out);
    if (!*out)
        return FNET_ENOMEM;
    for (uint32_t i = on->attr_first; i != NONE; i = dc->v[i].attr_next) {
        const rec *x = &dc->v[i];
        fnet_attr *a = &(*out)[(*n)++];
        a->key =
            fnet_arena_strdup(&c->arena, x->kind == '#' ? "note" : x->type);
        a->value = fnet_arena_strdup(&c->arena, x->kind == '#' ? x->text
                                                : x->value     ? x->value
                                                               : "true");
        a->kind =
            x->kind == 'A' && !x->value ? FNET_ATTR_BOOL : FNET_ATTR_STRING;
        if (!a->key || !a->value)
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

/* The corpus's copy of annotation.conf's declaration of relation type
 * type (NULL when the conf has none): made once per conf, as the conf may
 * change with the folder. */
static int conf_copy(brat *b, const char *type, const conf_rel **out)
{
    size_t v;
    *out = NULL;
    if (!b->conf_path || !fnet_strmap_get(&b->cf.rels, type, strlen(type), &v))
        return FNET_OK;
    conf_rel *src = &b->cf.v[v];
    if (src->copy) {
        *out = src->copy;
        return FNET_OK;
    }
    fnet_corpus *c = b->im.c;
    conf_rel *cr = fnet_arena_alloc(&c->arena, sizeof *cr);
    if (!cr)
        return FNET_ENOMEM;
    *cr = *src;
    const char **lists[2] = {cr->from, cr->to};
    uint32_t ns[2] = {cr->n_from, cr->n_to};
    for (int k = 0; k < 2; k++) {
        const char **l =
            ns[k] ? fnet_arena_alloc(&c->arena, ns[k] * sizeof *l) : NULL;
        for (uint32_t j = 0; j < ns[k]; j++)
            if (!l || !(l[j] = fnet_arena_strdup(&c->arena, lists[k][j])))
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

/* Makes *out, what the facts of annotation r (of relation, quoting the
 * text's bytes [b_start, b_end)) share. */
static int make_shared(doc *dc, const rec *r, const char *relation,
                       size_t b_start, size_t b_end, const shared **out)
{
    brat *b = dc->b;
    fnet_corpus *c = b->im.c;
    shared *sh = fnet_arena_alloc(&b->shared, sizeof *sh);
    *out = sh;
    if (!sh)
        return FNET_ENOMEM;
    memset(sh, 0, sizeof *sh);
    sh->event = r->kind == 'E';
    sh->source = dc->source;
    sh->relation = fnet_arena_strdup(&c->arena, relation);
    sh->brat_type = fnet_arena_strdup(&c->arena, r->type);
    if (!sh->relation || !sh->brat_type)
        return FNET_ENOMEM;
    int rc = sh->event ? FNET_OK : conf_copy(b, r->type, &sh->conf);
    if (rc == FNET_OK)
        rc = fnet_quoter_quote(&dc->quotes, b_start, b_end, &sh->evidence);
    if (rc == FNET_OK)
        rc = gather_attrs(dc, r, &sh->attrs, &sh->n_attrs);
    return rc;
}

static int add_pending(doc *dc, const rec *r, const rec *s, const rec *o,
                       const shared *sh)
{
    brat *b = dc->b;
    if (b->n_facts == b->cap_facts) {
        size_t cap = b->cap_facts ? b->cap_facts * 2 : 64;
        pending *v = realloc(b->facts, cap * sizeof *v);
        if (!v)
            return FNET_ENOMEM;
        b->facts = v;
        b->cap_facts = cap;
    }
    b->facts[b->n_facts++] = (pending){.file = b->im.file,
                                       .line = r->line,
                                       .subject = (uint32_t)s->name,
                                       .object = (uint32_t)o->name,
                                       .sh = sh};
    return FNET_OK;
}

/* Widens the byte extent [*s, *e) to hold annotation a's. */
static void widen(const rec *a, size_t *s, size_t *e)
{
    *s = a->b_start < *s ? a->b_start : *s;
    *e = a->b_end > *e ? a->b_end : *e;
}

static int relation_facts(doc *dc, rec *r)
{
    rec *s = target(dc, r, r->ids[0]), *o = target(dc, r, r->ids[1]);
    if (!s || !o)
        return FNET_OK;
    if (s->kind != 'T' || o->kind != 'T') {
        fnet_import_warn(&dc->b->im, r->line, r->id,
                         "an argument is not a "
                         "text-bound annotation (relations between events "
                         "are not imported)");
        return FNET_OK;
    }
    const char *name = fnet_labelmap_relation(dc->b->labels, r->type, NULL);
    if (!name || s->name < 0 || o->name < 0)
        return FNET_OK; /* dropped by the map, or a bad span (reported) */
    size_t a = s->b_start, e = s->b_end;
    widen(o, &a, &e);
    const shared *sh;
    int rc = make_shared(dc, r, name, a, e, &sh);
    return rc ? rc : add_pending(dc, r, s, o, sh);
}

/* An event's facts (first: its first argument with each other one;
 * pairs: every pair) all quote the event: the sentences from its first to
 * its last entity argument or trigger. */
static int event_facts(doc *dc, rec *r)
{
    brat *b = dc->b;
    rec *args[MAX_WORDS];
    uint32_t n = 0;
    bool bad = false;
    for (uint32_t k = 0; k < r->n_ids; k++) {
        rec *t = target(dc, r, r->ids[k]);
        bad = bad || !t || (t->kind == 'T' && t->bad);
        if (t && t->kind == 'T' && t->name >= 0)
            args[n++] = t;
    }
    const char *name = fnet_labelmap_relation(b->labels, r->type, NULL);
    if (b->events == EV_NONE || !name || bad)
        return FNET_OK;
    if (n < 2) {
        fnet_import_warn(&b->im, r->line, r->id,
                         "no fact: an event needs "
                         "two entity arguments (arguments that are events "
                         "are left out)");
        return FNET_OK;
    }
    uint32_t max = b->im.c->limits.pair_arguments;
    if (b->events == EV_PAIRS && n > max) {
        fnet_import_error(&b->im, r->line, r->id,
                          "%u entity arguments "
                          "would make %llu facts with --brat-events pairs; "
                          "the limit is %u arguments (%llu facts) an event "
                          "(docs/LIMITS.md); --brat-events first makes %u",
                          n, (unsigned long long)n * (n - 1) / 2, max,
                          (unsigned long long)max * (max - 1) / 2, n - 1);
        return FNET_OK;
    }
    size_t a = args[0]->b_start, e = args[0]->b_end;
    for (uint32_t i = 1; i < n; i++)
        widen(args[i], &a, &e);
    rec *trig = find_rec(dc, r->trigger);
    if (trig && trig->kind == 'T' && !trig->bad)
        widen(trig, &a, &e);
    const shared *sh;
    int rc = make_shared(dc, r, name, a, e, &sh);
    for (uint32_t i = 0; i < n && rc == FNET_OK; i++)
        for (uint32_t j = i + 1; j < n && rc == FNET_OK; j++) {
            if (b->events == EV_FIRST && i > 0)
                break;
            rc = add_pending(dc, r, args[i], args[j], sh);
        }
    return rc;
}

/* Imports one document into b (facts wait for brat_finish). */
static int brat_doc(brat *b, const char *ann, size_t ann_len,
                    const char *txt_name, const char *txt, size_t txt_len,
                    const char *source_id)
{
    doc dc = {.b = b, .txt = txt, .txt_len = txt_len};
    fnet_quoter_init(&dc.quotes, txt, txt_len, b->im.c->limits.quote_bytes,
                     &b->im.c->arena);
    int rc = FNET_OK;
    size_t bad;
    if (!text_ok(b->im.d, txt_name, txt, txt_len))
        return FNET_OK;
    if (!fnet_utf8_valid(ann, ann_len, &bad)) {
        size_t line, col;
        fnet_text_line_col(ann, bad, &line, &col);
        fnet_import_syntax(&b->im, (uint32_t)line, (uint32_t)col,
                           "invalid UTF-8 byte sequence");
        return FNET_OK;
    }
    int32_t s;
    rc = fnet_import_source(&b->im, source_id, NULL, NULL, txt_name, 0, &s);
    dc.source = rc ? NULL : b->im.c->sources[s].id;
    if (rc == FNET_OK)
        rc = parse_ann(&dc, ann, ann_len);
    if (rc == FNET_OK)
        index_attrs(&dc);
    if (rc == FNET_OK)
        rc = verify_spans(&dc);
    if (rc == FNET_OK)
        rc = make_mentions(&dc);
    if (rc == FNET_OK)
        rc = merge_names(&dc);
    for (size_t i = 0; i < dc.n && rc == FNET_OK; i++)
        if (dc.v[i].kind == 'R')
            rc = relation_facts(&dc, &dc.v[i]);
        else if (dc.v[i].kind == 'E')
            rc = event_facts(&dc, &dc.v[i]);
    if (rc == FNET_OK)
        fnet_import_quotes_note(&b->im, &dc.quotes);
    fnet_quoter_free(&dc.quotes);
    fnet_strmap_free(&dc.ids);
    free(dc.v);
    fnet_arena_free(&dc.a);
    return rc;
}

/* ---- finishing: entities, relations, facts ----------------------------- */

typedef struct types {
    const char *list[32];
    uint32_t n;
    bool any; /* too many to list */
} types;

static void add_type(types *t, const char *type)
{
    for (uint32_t i = 0; i < t->n; i++)
        if (strcmp(t->list[i], type) == 0)
            return;
    if (t->n == 32)
        t->any = true;
    else
        t->list[t->n++] = type;
}

static const char *entity_type(brat *b, uint32_t name)
{
    int32_t e = fnet_corpus_find_entity(b->im.c, fnet_mentions_id(&b->m, name));
    return e >= 0 ? b->im.c->entities[e].type : "";
}

/* Maps annotation.conf's brat types to factnet types. */
static void conf_list(brat *b, const char **src, uint32_t n, types *t)
{
    for (uint32_t i = 0; i < n; i++) {
        const char *m = fnet_labelmap_entity(b->labels, src[i]);
        if (m)
            add_type(t, m);
    }
}

/* The entity types seen as subject and object of each relation name, for
 * relations that annotation.conf does not declare: one pass over the
 * facts. */
typedef struct seen {
    fnet_strmap index; /* relation name -> index into v */
    types (*v)[2];     /* from, to */
    size_t n, cap;
} seen;

static void seen_free(seen *sn)
{
    fnet_strmap_free(&sn->index);
    free(sn->v);
}

static int see_types(brat *b, seen *sn)
{
    const char **etype = malloc((b->m.n_names + 1) * sizeof *etype);
    if (!etype)
        return FNET_ENOMEM;
    for (uint32_t k = 0; k < b->m.n_names; k++)
        etype[k] = entity_type(b, k);
    const shared *last = NULL;
    size_t v = 0;
    int rc = FNET_OK;
    for (size_t i = 0; i < b->n_facts && rc == FNET_OK; i++) {
        const pending *q = &b->facts[i];
        const char *name = q->sh->relation;
        /* An annotation's facts are consecutive and share q->sh. */
        if (q->sh != last &&
            !fnet_strmap_get(&sn->index, name, strlen(name), &v)) {
            if (sn->n == sn->cap) {
                size_t cap = sn->cap ? 2 * sn->cap : 16;
                void *nv = realloc(sn->v, cap * sizeof *sn->v);
                if (!nv) {
                    rc = FNET_ENOMEM;
                    break;
                }
                sn->v = nv;
                sn->cap = cap;
            }
            v = sn->n;
            memset(sn->v[v], 0, sizeof sn->v[v]);
            rc = fnet_strmap_put(&sn->index, name, strlen(name), v);
            sn->n += rc == FNET_OK;
        }
        last = q->sh;
        types *t = sn->v[v];
        add_type(&t[0], etype[q->subject]);
        add_type(&t[1], etype[q->object]);
        if (b->events == EV_PAIRS && q->sh->event) {
            add_type(&t[0], etype[q->object]);
            add_type(&t[1], etype[q->subject]);
        }
    }
    free(etype);
    return rc;
}

/* Declares relation of pending fact p when it is unknown: from the
 * annotation.conf when it has the relation, else from the types seen. */
static int declare(brat *b, const seen *sn, const pending *p, int32_t *rel)
{
    const shared *sh = p->sh;
    if ((*rel = fnet_corpus_find_relation(b->im.c, sh->relation)) >= 0)
        return FNET_OK;
    types from = {0}, to = {0};
    size_t v;
    if (sh->conf) {
        conf_list(b, sh->conf->from, sh->conf->n_from, &from);
        conf_list(b, sh->conf->to, sh->conf->n_to, &to);
        from.any = from.any || sh->conf->n_from == 0;
        to.any = to.any || sh->conf->n_to == 0;
    } else if (fnet_strmap_get(&sn->index, sh->relation, strlen(sh->relation),
                               &v)) {
        from = sn->v[v][0];
        to = sn->v[v][1];
    }
    fnet_import_rel r = {
        .name = sh->relation,
        .from = from.list,
        .n_from = from.any ? 0 : from.n,
        .to = to.list,
        .n_to = to.any ? 0 : to.n,
        .directed = sh->event ? b->events != EV_PAIRS
                              : !(sh->conf && sh->conf->symmetric),
        .sign = 1,
        .description = sh->event ? "brat event type" : "brat relation type"};
    uint32_t file = b->im.file;
    b->im.file = p->file;
    int rc = fnet_import_relation(&b->im, &r, p->line, rel);
    b->im.file = file;
    return rc;
}

static int brat_finish(brat *b)
{
    seen sn = {0};
    int rc = fnet_mentions_commit(&b->m, &b->im);
    if (rc == FNET_OK)
        rc = see_types(b, &sn);
    uint32_t file = b->im.file;
    const shared *last = NULL;
    int32_t rel = -1;
    for (size_t i = 0; i < b->n_facts && rc == FNET_OK; i++) {
        const pending *p = &b->facts[i];
        fnet_fact *f;
        if (p->sh != last) /* the facts of one annotation: one relation */
            rc = declare(b, &sn, p, &rel);
        last = p->sh;
        b->im.file = p->file;
        if (rc == FNET_OK) /* entity, relation and source ids: corpus's */
            rc = fnet_import_fact_shared(
                &b->im, p->line, fnet_mentions_id(&b->m, p->subject),
                b->im.c->relations[rel].name,
                fnet_mentions_id(&b->m, p->object), p->sh->source, &f);
        b->im.file = file;
        if (rc)
            break;
        f->evidence = p->sh->evidence;
        fnet_import_fact_attrs_shared(f, p->sh->attrs, p->sh->n_attrs);
    }
    seen_free(&sn);
    return rc;
}

static int brat_init(brat *b, const fnet_import_opts *o,
                     const fnet_labelmap *labels, fnet_err *err)
{
    memset(b, 0, sizeof *b);
    int rc = fnet_import_brat_check(o, err);
    if (rc)
        return rc;
    b->o = o;
    b->labels = labels;
    const char *m = o && o->brat_events ? o->brat_events : "first";
    b->events = !strcmp(m, "pairs")  ? EV_PAIRS
                : !strcmp(m, "none") ? EV_NONE
                                     : EV_FIRST;
    return FNET_OK;
}

static void brat_free(brat *b)
{
    if (b->started)
        fnet_importer_end(&b->im);
    fnet_mentions_free(&b->m);
    free(b->facts);
    conf_free(&b->cf);
    free(b->conf_path);
    fnet_arena_free(&b->shared);
}

/* Starts (or switches) the importer to the .ann named name. */
static int brat_file(brat *b, const char *name)
{
    if (b->started)
        return fnet_importer_file(&b->im, name);
    b->started = true;
    return fnet_importer_begin(&b->im, b->im.c, b->im.d, name);
}

int fnet_import_brat_buffer(fnet_corpus *c, const char *ann_name,
                            const char *ann, size_t ann_len,
                            const char *txt_name, const char *txt,
                            size_t txt_len, const char *conf_text,
                            size_t conf_len, const fnet_import_opts *o,
                            const fnet_labelmap *labels, fnet_diag *d,
                            fnet_err *err)
{
    brat b;
    int rc = brat_init(&b, o, labels, err);
    if (rc)
        return rc;
    b.im.c = c;
    b.im.d = d;
    rc = brat_file(&b, ann_name);
    if (rc == FNET_OK && conf_text) {
        b.conf_path = strdup("annotation.conf");
        rc = b.conf_path
                 ? conf_parse(&b.cf, b.conf_path, conf_text, conf_len, d)
                 : FNET_ENOMEM;
    }
    /* The source id: the .ann's name without folders and extension. */
    const char *base = strrchr(ann_name, '/');
    base = base ? base + 1 : ann_name;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".ann") == 0)
        n -= 4;
    char *stem = strndup(base, n);
    if (rc == FNET_OK)
        rc = stem ? brat_doc(&b, ann, ann_len, txt_name, txt, txt_len, stem)
                  : FNET_ENOMEM;
    if (rc == FNET_OK)
        rc = brat_finish(&b);
    free(stem);
    brat_free(&b);
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", ann_name);
    return FNET_OK;
}

/* ---- files and folders ------------------------------------------------- */

typedef struct paths {
    char **v;
    size_t n, cap;
} paths;

static int push_path(paths *p, char *s)
{
    if (!s)
        return FNET_ENOMEM;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            free(s);
            return FNET_ENOMEM;
        }
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = s;
    return FNET_OK;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *s = malloc(a + b + 2);
    if (s) {
        memcpy(s, dir, a);
        size_t k = a;
        if (a && dir[a - 1] != '/')
            s[k++] = '/';
        memcpy(s + k, name, b + 1);
    }
    return s;
}

/* Collects the .ann files under dir (depth-limited, hidden names skipped). */
static int list_ann(const char *dir, int depth, paths *out, fnet_err *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", dir,
                            strerror(errno));
    int rc = FNET_OK;
    struct dirent *de;
    while (rc == FNET_OK && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char *p = join(dir, de->d_name);
        struct stat st;
        if (!p) {
            rc = FNET_ENOMEM;
        } else if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 16)
                rc = list_ann(p, depth + 1, out, err);
            free(p);
        } else {
            size_t n = strlen(p);
            if (n > 4 && strcmp(p + n - 4, ".ann") == 0)
                rc = push_path(out, p);
            else
                free(p);
        }
    }
    closedir(dp);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "%s: out of memory", dir);
    return rc;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Finds annotation.conf for ann: in its folder, then the folders above up
 * to root. Loads it into b unless it is the one in effect. */
static int find_conf(brat *b, const char *ann, const char *root, fnet_err *err)
{
    char *dir = strdup(ann);
    int rc = FNET_OK;
    if (!dir)
        return FNET_ENOMEM;
    size_t root_len = strlen(root);
    for (;;) {
        char *slash = strrchr(dir, '/');
        if (!slash) {
            dir[0] = '\0';
        } else {
            *slash = '\0';
        }
        char *p = join(dir[0] ? dir : ".", "annotation.conf");
        struct stat st;
        if (!p) {
            rc = FNET_ENOMEM;
            break;
        }
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
            if (b->conf_path && strcmp(b->conf_path, p) == 0) {
                free(p);
                break;
            }
            char *data;
            size_t len;
            rc = fnet_import_read(p, b->im.c->limits.document_bytes, &data,
                                  &len, err);
            if (rc == FNET_OK) {
                conf_free(&b->cf);
                free(b->conf_path);
                b->conf_path = p;
                rc = conf_parse(&b->cf, p, data, len, b->im.d);
                free(data);
            } else {
                free(p);
            }
            break;
        }
        free(p);
        if (!slash || strlen(dir) <= root_len) {
            conf_free(&b->cf);
            free(b->conf_path);
            b->conf_path = NULL;
            break;
        }
    }
    free(dir);
    return rc;
}

static int one_file(brat *b, const char *ann_path, const char *root,
                    size_t root_len, fnet_err *err)
{
    char *ann = NULL, *txt = NULL, *txt_path = strdup(ann_path);
    size_t ann_len, txt_len, n = strlen(ann_path);
    int rc = txt_path ? brat_file(b, ann_path) : FNET_ENOMEM;
    if (rc == FNET_OK) {
        strcpy(txt_path + n - 4, ".txt");
        rc = find_conf(b, ann_path, root, err);
    }
    uint64_t limit = b->im.c->limits.document_bytes;
    if (rc == FNET_OK)
        rc = fnet_import_read(ann_path, limit, &ann, &ann_len, err);
    if (rc == FNET_OK) {
        fnet_err terr = {0};
        int trc = fnet_import_read(txt_path, limit, &txt, &txt_len, &terr);
        if (trc == FNET_EIO) {
            fnet_import_error(&b->im, 0, NULL,
                              "no text file %s beside "
                              "it (brat needs the text: %s)",
                              fnet_import_quote(&b->im, 0, txt_path), terr.msg);
        } else if (trc) {
            rc = trc;
            *err = terr;
        }
    }
    if (rc == FNET_EDATA) { /* a file over the size limit: skip the .ann */
        fnet_diag_add(b->im.d, FNET_SEV_ERROR, NULL, "%s", err->msg);
        rc = FNET_OK;
        free(txt);
        txt = NULL;
    }
    if (rc == FNET_OK && txt) {
        /* Source id: the path below the folder given, without .ann. */
        const char *rel = ann_path + root_len;
        while (*rel == '/')
            rel++;
        char *id = strndup(rel, strlen(rel) - 4);
        rc = id ? brat_doc(b, ann, ann_len, txt_path, txt, txt_len, id)
                : FNET_ENOMEM;
        free(id);
    }
    free(ann);
    free(txt);
    free(txt_path);
    return rc;
}

int fnet_import_brat_path(fnet_corpus *c, const char *path,
                          const fnet_import_opts *o,
                          const fnet_labelmap *labels, fnet_diag *d,
                          fnet_err *err)
{
    if (strcmp(path, "-") == 0)
        return fnet_err_set(err, FNET_EUSAGE,
                            "brat input is a .ann file or "
                            "a folder, not standard input");
    brat b;
    int rc = brat_init(&b, o, labels, err);
    if (rc)
        return rc;
    b.im.c = c;
    b.im.d = d;
    paths list = {0};
    struct stat st;
    bool folder = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (folder) {
        rc = list_ann(path, 0, &list, err);
        if (rc == FNET_OK && list.n) /* qsort(NULL, 0, ...) is undefined */
            qsort(list.v, list.n, sizeof *list.v, by_path);
        if (rc == FNET_OK && list.n == 0)
            rc = fnet_err_set(err, FNET_EIO,
                              "%s: no brat .ann files in "
                              "this folder",
                              path);
    } else {
        size_t n = strlen(path);
        if (n < 5 || strcmp(path + n - 4, ".ann") != 0)
            rc = fnet_err_set(err, FNET_EUSAGE,
                              "%s: brat input is a .ann "
                              "file or a folder of them",
                              path);
        else
            rc = push_path(&list, strdup(path));
    }
    /* Documents are read relative to the folder given (or the .ann's). */
    char *root = NULL;
    if (rc == FNET_OK) {
        root = strdup(path);
        if (root && !folder) {
            char *slash = strrchr(root, '/');
            if (slash)
                *slash = '\0';
            else
                root[0] = '\0';
        }
        if (!root)
            rc = FNET_ENOMEM;
    }
    for (size_t i = 0; i < list.n && rc == FNET_OK; i++)
        rc = one_file(&b, list.v[i], root, strlen(root), err);
    if (rc == FNET_OK)
        rc = brat_finish(&b);
    if (rc == FNET_EDATA) /* a record limit, reported */
        rc = FNET_OK;
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "%s: out of memory", path);
    for (size_t i = 0; i < list.n; i++)
        free(list.v[i]);
    free(list.v);
    free(root);
    brat_free(&b);
    return rc;
}

/* import_csv.c - CSV/TSV edge lists and entity tables (see import_csv.h). */
#include "input/import/import_csv.h"

#include "core/text.h"
#include "input/import/csvread.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum {
    K_SUBJECT,
    K_OBJECT,
    K_RELATION,
    K_DATE,
    K_WEIGHT,
    K_SOURCE,
    K_EVIDENCE,
    K_SIGN,
    K_STANCE,
    K_ID,
    K_N
};

static const char *const key_names[K_N] = {
    "subject", "object",   "relation", "date",   "weight",
    "source",  "evidence", "sign",     "stance", "id"};

/* Header names recognised without --map, in order of preference. */
static const char *const defaults[K_N][4] = {
    {"subject", "source", "from", NULL},
    {"object", "target", "to", NULL},
    {"relation", "label", "type", NULL},
    {"date", "time", "year", NULL},
    {"weight", NULL},
    {"citation", "reference", NULL},
    {"evidence", NULL},
    {"sign", NULL},
    {"stance", NULL},
    {"id", NULL}};

/* The relation of rows whose Gephi "Type" cell says Directed. */
#define DIRECTED_TIE "directed_tie"

/* --map parsed: pointers into the option string. */
typedef struct map_spec {
    const char *col[K_N];
    size_t len[K_N];
} map_spec;

/* Sets err to "--map: " + what + the n bytes at p quoted + tail; returns
 * FNET_EUSAGE. */
static int map_error(fnet_err *err, const char *what, const char *p, size_t n,
                     const char *tail)
{
    fnet_buf v = {0}, q = {0};
    fnet_buf_append(&v, p, n);
    fnet_err_set(err, FNET_EUSAGE, "--map: %s%s%s", what,
                 fnet_diag_quoted(&q, fnet_buf_str(&v)), tail);
    fnet_buf_free(&v);
    fnet_buf_free(&q);
    return FNET_EUSAGE;
}

static int parse_map(const char *spec, map_spec *m, fnet_err *err)
{
    memset(m, 0, sizeof *m);
    if (!spec)
        return FNET_OK;
    const char *p = spec;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (!eq || eq == p || eq + 1 == p + n)
            return map_error(err, "expected KEY=COLUMN, got ", p, n, "");
        size_t kn = (size_t)(eq - p);
        int k = 0;
        while (k < K_N && !(strlen(key_names[k]) == kn &&
                            memcmp(key_names[k], p, kn) == 0))
            k++;
        if (k == K_N)
            return map_error(err, "unknown key ", p, kn,
                             " (expected subject, object, relation, date, "
                             "weight, source, evidence, sign, stance or id)");
        if (m->col[k])
            return fnet_err_set(err, FNET_EUSAGE,
                                "--map: key \"%s\" given "
                                "twice",
                                key_names[k]);
        m->col[k] = eq + 1;
        m->len[k] = n - kn - 1;
        if (!end)
            return FNET_OK;
        p = end + 1;
    }
}

int fnet_import_csv_check_map(const char *map, fnet_err *err)
{
    map_spec m;
    return parse_map(map, &m, err);
}

/* ---- shared by edge lists and entity tables ---------------------------- */

typedef struct table {
    fnet_importer im;
    fnet_csv r;
    const char **head; /* header names (corpus arena) */
    size_t n_cols;
} table;

static bool blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return !*s;
}

/* Reads the header; false when there is none (reported). */
static bool read_header(table *t, int *rc)
{
    int got;
    while ((got = fnet_csv_next(&t->r)) == -1)
        fnet_import_syntax(&t->im, t->r.err_line, t->r.err_col, "%s",
                           t->r.err_msg);
    if (got < -1) {
        *rc = got;
        return false;
    }
    if (got == 0) {
        fnet_import_syntax(&t->im, 1, 1,
                           "empty file (expected a header "
                           "row naming the columns)");
        return false;
    }
    t->n_cols = t->r.n_fields;
    t->head = fnet_arena_alloc(&t->im.c->arena, t->n_cols * sizeof *t->head);
    for (size_t i = 0; t->head && i < t->n_cols; i++) {
        fnet_buf b = {0};
        fnet_import_fold(t->r.fields[i].text, t->r.fields[i].len, &b);
        t->head[i] = fnet_import_str(&t->im, fnet_buf_str(&b), b.len);
        fnet_buf_free(&b);
        if (!t->head[i])
            t->head = NULL;
    }
    if (!t->head) {
        *rc = FNET_ENOMEM;
        return false;
    }
    return true;
}

static int find_col(const table *t, const char *name)
{
    for (size_t i = 0; i < t->n_cols; i++)
        if (fnet_import_iequal(t->head[i], name))
            return (int)i;
    return -1;
}

/* Reads the next record; reports syntax errors and wrong field counts.
 * Returns 1 (a record of n_cols fields), 0 (end) or FNET_ENOMEM. */
static int next_row(table *t)
{
    for (;;) {
        int got = fnet_csv_next(&t->r);
        if (got == -1) {
            fnet_import_syntax(&t->im, t->r.err_line, t->r.err_col, "%s",
                               t->r.err_msg);
            continue;
        }
        if (got <= 0)
            return got;
        if (t->r.n_fields == t->n_cols)
            return 1;
        fnet_import_error(&t->im, t->r.rec_line, NULL,
                          "expected %zu "
                          "field%s (as in the header), got %zu",
                          t->n_cols, t->n_cols == 1 ? "" : "s", t->r.n_fields);
    }
}

/* A cell with white space folded, in buf. */
static const char *folded(const table *t, int col, fnet_buf *buf)
{
    fnet_buf_reset(buf);
    fnet_import_fold(t->r.fields[col].text, t->r.fields[col].len, buf);
    return fnet_buf_str(buf);
}

/* How messages name a column: as the header does, quoted (slot 0 of
 * fnet_import_quote; a message's other values use slots 1 and 2). */
static const char *column(table *t, int col)
{
    return fnet_import_quote(&t->im, 0, t->head[col]);
}

/* ---- edge lists -------------------------------------------------------- */

typedef struct edges {
    table t;
    const fnet_import_opts *o;
    int col[K_N];
    int type_col;    /* a column named "type" (Gephi's edge direction) */
    bool *used;      /* columns with a meaning (not attributes) */
    bool have_table; /* an entity table was given */
    fnet_buf a, b, s, tmp;
} edges;

static int resolve_column(edges *x, const map_spec *m, int k)
{
    table *t = &x->t;
    if (!m->col[k]) {
        for (int j = 0; defaults[k][j]; j++) {
            int c = find_col(t, defaults[k][j]);
            if (c >= 0)
                return c;
        }
        return -1;
    }
    char want[256];
    snprintf(want, sizeof want, "%.*s", (int)m->len[k], m->col[k]);
    char *end;
    long n = strtol(want, &end, 10);
    if (!*end && end != want) {
        if (n >= 1 && (size_t)n <= t->n_cols)
            return (int)(n - 1);
        fnet_import_error(&t->im, 1, NULL,
                          "--map %s=%s: the header has "
                          "%zu columns",
                          key_names[k], want, t->n_cols);
        return -2;
    }
    int c = find_col(t, want);
    if (c < 0)
        fnet_import_error(&t->im, 1, NULL,
                          "--map %s=%s: no column %s "
                          "in the header",
                          key_names[k], want,
                          fnet_import_quote(&t->im, 0, want));
    return c < 0 ? -2 : c;
}

static bool resolve_columns(edges *x, const map_spec *m)
{
    bool ok = true;
    for (int k = 0; k < K_N; k++) {
        x->col[k] = resolve_column(x, m, k);
        ok = ok && x->col[k] != -2;
    }
    if (!ok)
        return false;
    for (int k = 0; k < 2; k++)
        if (x->col[k] < 0) {
            fnet_import_error(&x->t.im, 1, NULL,
                              "no %s column (expected a "
                              "header \"%s\", \"%s\" or \"%s\", or --map "
                              "%s=COLUMN)",
                              key_names[k], defaults[k][0], defaults[k][1],
                              defaults[k][2], key_names[k]);
            ok = false;
        }
    if (ok && x->col[K_SUBJECT] == x->col[K_OBJECT]) {
        fnet_import_error(&x->t.im, 1, NULL,
                          "subject and object are the "
                          "same column %s",
                          column(&x->t, x->col[K_SUBJECT]));
        ok = false;
    }
    x->type_col = find_col(&x->t, "type");
    return ok;
}

/* Gephi's edge type: 1 Directed, 2 Undirected, 0 neither. */
static int direction(edges *x)
{
    if (x->type_col < 0)
        return 0;
    const char *v = folded(&x->t, x->type_col, &x->tmp);
    if (fnet_import_iequal(v, "directed"))
        return 1;
    if (fnet_import_iequal(v, "undirected"))
        return 2;
    return 0;
}

/* The relation of the current row (in x->s), declared when unknown. */
static int row_relation(edges *x, uint32_t line, int dir, int32_t *rel)
{
    const char *name = NULL;
    int c = x->col[K_RELATION];
    if (c >= 0 && !(c == x->type_col && dir) && !blank(x->t.r.fields[c].text))
        name = folded(&x->t, c, &x->s);
    else if (x->o && x->o->relation)
        name = x->o->relation;
    if (!name) {
        fnet_buf_reset(&x->s);
        fnet_buf_puts(&x->s, dir == 1 ? DIRECTED_TIE : FNET_IMPORT_TIE);
        name = fnet_buf_str(&x->s);
        if (dir != 1)
            return fnet_import_tie(&x->t.im, line, rel);
    }
    if (fnet_corpus_find_relation(x->t.im.c, name) < 0) {
        /* Suggest a known relation a typo may have missed. */
        fnet_corpus *co = x->t.im.c;
        for (uint32_t i = 0; i < co->n_relations; i++)
            if (fnet_text_distance(name, co->relations[i].name, 2) <= 2) {
                fnet_import_warn(
                    &x->t.im, line, NULL,
                    "relation %s is "
                    "not known and is declared here (did you "
                    "mean %s?)",
                    fnet_import_quote(&x->t.im, 1, name),
                    fnet_import_quote(&x->t.im, 2, co->relations[i].name));
                break;
            }
    }
    fnet_import_rel r = {.name = name,
                         .directed = dir != 2,
                         .sign = 1,
                         .description = "declared by an edge list"};
    return fnet_import_relation(&x->t.im, &r, line, rel);
}

static bool parse_weight(edges *x, uint32_t line, fnet_fact *f)
{
    int c = x->col[K_WEIGHT];
    if (c < 0 || blank(x->t.r.fields[c].text))
        return true;
    const char *v = folded(&x->t, c, &x->tmp);
    double w;
    if (!fnet_import_number(v, &w)) {
        fnet_import_error(&x->t.im, line, NULL,
                          "column %s: expected a "
                          "number, got %s",
                          column(&x->t, c), fnet_import_quote(&x->t.im, 1, v));
        return false;
    }
    if (!(w > 0)) {
        fnet_import_error(&x->t.im, line, NULL,
                          "column %s: must be "
                          "greater than 0, got %s%s",
                          column(&x->t, c), fnet_import_quote(&x->t.im, 1, v),
                          w < 0 ? " (for a negative tie, use a sign column "
                                  "of -1)"
                                : "");
        return false;
    }
    f->weight = w;
    return true;
}

static bool parse_date(edges *x, uint32_t line, fnet_fact *f)
{
    int c = x->col[K_DATE];
    if (c < 0 || blank(x->t.r.fields[c].text))
        return true;
    char why[300];
    if (fnet_import_date(folded(&x->t, c, &x->tmp), &f->date, why, sizeof why))
        return true;
    fnet_import_error(&x->t.im, line, NULL, "column %s: %s", column(&x->t, c),
                      why);
    return false;
}

static bool parse_sign(edges *x, uint32_t line, fnet_fact *f)
{
    int c = x->col[K_SIGN];
    if (c < 0 || blank(x->t.r.fields[c].text))
        return true;
    const char *v = folded(&x->t, c, &x->tmp);
    if (!strcmp(v, "1") || !strcmp(v, "+1") || !strcmp(v, "+"))
        f->sign = 1;
    else if (!strcmp(v, "-1") || !strcmp(v, "-"))
        f->sign = -1;
    else {
        fnet_import_error(&x->t.im, line, NULL,
                          "column %s: expected 1 "
                          "or -1, got %s",
                          column(&x->t, c), fnet_import_quote(&x->t.im, 1, v));
        return false;
    }
    return true;
}

/* The stance column: an integer qualifier level, and the sign it implies
 * (fnet_fact_stance_sign(); after parse_sign). */
static bool parse_stance(edges *x, uint32_t line, fnet_fact *f)
{
    int c = x->col[K_STANCE];
    if (c < 0 || blank(x->t.r.fields[c].text))
        return true;
    const char *v = folded(&x->t, c, &x->tmp);
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    const char *why = NULL;
    if (end == v || *end)
        why = "expected an integer";
    else if (errno == ERANGE || n <= (long long)FNET_NO_STANCE ||
             n > (long long)INT32_MAX)
        why = "out of range (-2147483647 to 2147483647)";
    if (why) {
        fnet_import_error(&x->t.im, line, NULL, "column %s: %s, got %s",
                          column(&x->t, c), why,
                          fnet_import_quote(&x->t.im, 1, v));
        return false;
    }
    f->stance = (int32_t)n;
    int sign = fnet_fact_stance_sign(f->sign, f->stance);
    if (sign == 2) {
        fnet_import_error(&x->t.im, line, NULL,
                          "column %s: stance %d contradicts sign %d (a "
                          "positive stance is agreement, a negative one "
                          "opposition)",
                          column(&x->t, c), (int)f->stance, f->sign);
        return false;
    }
    f->sign = sign;
    return true;
}

/* The entity named by cell col, created (when there is no entity table)
 * with the first type the relation allows on that side. */
static int row_entity(edges *x, const char *name, int32_t rel, bool subject,
                      uint32_t line)
{
    if (x->have_table)
        return FNET_OK; /* resolved by id, label or alias later */
    const fnet_relation *r = &x->t.im.c->relations[rel];
    uint32_t n = subject ? r->n_from : r->n_to;
    const char *type = n ? (subject ? r->from[0] : r->to[0]) : "actor";
    int32_t e;
    return fnet_import_entity(&x->t.im, name, type, NULL, line, &e);
}

static int add_attrs(edges *x, fnet_fact *f)
{
    for (size_t i = 0; i < x->t.n_cols; i++) {
        if (x->used[i] || blank(x->t.r.fields[i].text) || !x->t.head[i][0])
            continue;
        double num;
        const char *v = x->t.r.fields[i].text;
        int kind =
            fnet_import_number(v, &num) ? FNET_ATTR_NUMBER : FNET_ATTR_STRING;
        int rc = fnet_import_fact_attr(&x->t.im, f, x->t.head[i], v, kind);
        if (rc)
            return rc;
    }
    return FNET_OK;
}

static int edge_row(edges *x)
{
    table *t = &x->t;
    uint32_t line = t->r.rec_line;
    const char *ends[2];
    fnet_buf *bufs[2] = {&x->a, &x->b};
    bool ok = true;
    for (int k = 0; k < 2; k++) {
        ends[k] = folded(t, x->col[k], bufs[k]);
        if (!ends[k][0]) {
            fnet_import_error(&t->im, line, NULL,
                              "column %s: empty (the "
                              "%s's name is required)",
                              column(t, x->col[k]), key_names[k]);
            ok = false;
        }
    }
    /* a row without weight counts once */
    fnet_fact tmp = {.weight = 1.0, .stance = FNET_NO_STANCE};
    ok = parse_weight(x, line, &tmp) && ok;
    ok = parse_date(x, line, &tmp) && ok;
    ok = parse_sign(x, line, &tmp) && ok;
    ok = ok && parse_stance(x, line, &tmp);
    if (!ok)
        return FNET_OK;
    int dir = direction(x);
    int32_t rel;
    int rc = row_relation(x, line, dir, &rel);
    if (rc == FNET_OK)
        rc = row_entity(x, ends[0], rel, true, line);
    if (rc == FNET_OK)
        rc = row_entity(x, ends[1], rel, false, line);
    const char *cite = NULL;
    int c = x->col[K_SOURCE];
    if (rc == FNET_OK && c >= 0 && !blank(t->r.fields[c].text)) {
        int32_t s;
        cite = folded(t, c, &x->tmp);
        rc = fnet_import_source(&t->im, cite, NULL, NULL, NULL, line, &s);
    }
    fnet_fact *f;
    if (rc == FNET_OK)
        rc = fnet_import_fact(&t->im, line, ends[0],
                              t->im.c->relations[rel].name, ends[1], cite, &f);
    if (rc)
        return rc;
    f->weight = tmp.weight;
    f->date = tmp.date;
    f->sign = tmp.sign;
    f->stance = tmp.stance;
    c = x->col[K_EVIDENCE];
    if (c >= 0 && !blank(t->r.fields[c].text) &&
        !(f->evidence =
              fnet_import_str(&t->im, t->r.fields[c].text, t->r.fields[c].len)))
        return FNET_ENOMEM;
    c = x->col[K_ID];
    if (c >= 0 && !blank(t->r.fields[c].text) &&
        !(f->id = fnet_import_str(&t->im, folded(t, c, &x->tmp), x->tmp.len)))
        return FNET_ENOMEM;
    return add_attrs(x, f);
}

static int import_edges(edges *x, const map_spec *m)
{
    table *t = &x->t;
    int rc = FNET_OK;
    if (!read_header(t, &rc) || !resolve_columns(x, m))
        return rc;
    x->used = calloc(t->n_cols, sizeof *x->used);
    if (!x->used)
        return FNET_ENOMEM;
    for (int k = 0; k < K_N; k++)
        if (x->col[k] >= 0)
            x->used[x->col[k]] = true;
    if (x->type_col >= 0)
        x->used[x->type_col] = true;
    int got;
    while ((got = next_row(t)) == 1)
        if ((rc = edge_row(x)) != FNET_OK)
            return rc;
    return got < 0 ? got : FNET_OK;
}

static bool loaded(const fnet_corpus *c, const char *path)
{
    for (uint32_t i = 0; i < c->n_files; i++)
        if (strcmp(c->files[i], path) == 0)
            return true;
    return false;
}

int fnet_import_csv_buffer(fnet_corpus *c, const char *name, const char *data,
                           size_t len, char delim, const fnet_import_opts *o,
                           fnet_diag *d, fnet_err *err)
{
    map_spec m;
    int rc = parse_map(o ? o->map : NULL, &m, err);
    if (rc)
        return rc;
    edges x = {0};
    x.o = o;
    x.have_table = o && o->entities && loaded(c, o->entities);
    if (fnet_importer_begin(&x.t.im, c, d, name) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    fnet_csv_init(&x.t.r, data, len, delim, true);
    fnet_csv_limit(&x.t.r, &c->limits);
    rc = import_edges(&x, &m);
    fnet_csv_free(&x.t.r);
    fnet_importer_end(&x.t.im);
    fnet_buf_free(&x.a);
    fnet_buf_free(&x.b);
    fnet_buf_free(&x.s);
    fnet_buf_free(&x.tmp);
    free(x.used);
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

/* ---- entity tables ----------------------------------------------------- */

/* Adds the aliases of a cell ("A|B;C"). */
static int add_aliases(table *t, uint32_t e, const char *cell)
{
    int rc = FNET_OK;
    fnet_buf b = {0};
    while (rc == FNET_OK && *cell) {
        size_t n = strcspn(cell, "|;");
        fnet_buf_reset(&b);
        fnet_import_fold(cell, n, &b);
        if (!fnet_buf_ok(&b))
            rc = FNET_ENOMEM;
        else if (b.len)
            rc = fnet_import_alias(&t->im, e, b.data);
        cell += n + (cell[n] != '\0');
    }
    fnet_buf_free(&b);
    return rc;
}

static int entity_row(table *t, const int *cols, fnet_buf *bufs)
{
    uint32_t line = t->r.rec_line;
    const char *id = folded(t, cols[0], &bufs[0]);
    if (!id[0]) {
        fnet_import_error(&t->im, line, NULL,
                          "column %s: empty (every "
                          "entity needs an id)",
                          column(t, cols[0]));
        return FNET_OK;
    }
    const char *type = cols[1] >= 0 ? folded(t, cols[1], &bufs[1]) : "";
    const char *label = cols[2] >= 0 ? folded(t, cols[2], &bufs[2]) : "";
    if (!type[0])
        type = "actor";
    int32_t prev = fnet_corpus_find_entity(t->im.c, id);
    if (prev >= 0) {
        const fnet_entity *o = &t->im.c->entities[prev];
        if (o->loc.file == t->im.file) {
            fnet_import_error(&t->im, line, NULL,
                              "column %s: duplicate "
                              "entity id %s",
                              column(t, cols[0]),
                              fnet_import_quote(&t->im, 1, id));
            return FNET_OK;
        }
        if (strcmp(o->type, type) != 0) {
            fnet_import_error(&t->im, line, NULL,
                              "entity %s has type %s "
                              "here but %s in %s",
                              fnet_import_quote(&t->im, 0, id),
                              fnet_import_quote(&t->im, 1, type),
                              fnet_import_quote(&t->im, 2, o->type),
                              t->im.c->files[o->loc.file]);
            return FNET_OK;
        }
    }
    int32_t e;
    int rc =
        fnet_import_entity(&t->im, id, type, label[0] ? label : NULL, line, &e);
    if (rc == FNET_OK && prev >= 0 && label[0])
        rc = fnet_import_alias(&t->im, (uint32_t)e, label);
    if (rc == FNET_OK && cols[3] >= 0)
        rc = add_aliases(t, (uint32_t)e, t->r.fields[cols[3]].text);
    for (size_t i = 0; rc == FNET_OK && i < t->n_cols; i++) {
        bool used = false;
        for (int k = 0; k < 4; k++)
            used = used || cols[k] == (int)i;
        const char *v = t->r.fields[i].text;
        double num;
        if (!used && !blank(v) && t->head[i][0])
            rc = fnet_import_entity_attr(&t->im, (uint32_t)e, t->head[i], v,
                                         fnet_import_number(v, &num)
                                             ? FNET_ATTR_NUMBER
                                             : FNET_ATTR_STRING);
    }
    return rc;
}

static int import_entities(table *t)
{
    int rc = FNET_OK;
    if (!read_header(t, &rc))
        return rc;
    static const char *const names[4] = {"id", "type", "label", "aliases"};
    int cols[4];
    for (int k = 0; k < 4; k++)
        cols[k] = find_col(t, names[k]);
    if (cols[0] < 0) {
        fnet_import_error(&t->im, 1, NULL,
                          "no \"id\" column (an entity table "
                          "has columns id, type, label, aliases)");
        return FNET_OK;
    }
    fnet_buf bufs[3] = {{0}, {0}, {0}};
    int got;
    while (rc == FNET_OK && (got = next_row(t)) == 1)
        rc = entity_row(t, cols, bufs);
    for (int k = 0; k < 3; k++)
        fnet_buf_free(&bufs[k]);
    if (rc == FNET_OK && got < 0)
        rc = got;
    return rc;
}

int fnet_import_csv_entities_buffer(fnet_corpus *c, const char *name,
                                    const char *data, size_t len, char delim,
                                    fnet_diag *d, fnet_err *err)
{
    table t = {0};
    if (fnet_importer_begin(&t.im, c, d, name) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    fnet_csv_init(&t.r, data, len, delim, true);
    fnet_csv_limit(&t.r, &c->limits);
    int rc = import_entities(&t);
    fnet_csv_free(&t.r);
    fnet_importer_end(&t.im);
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

/* ---- files ------------------------------------------------------------- */

static char delim_for(const char *path, char fallback)
{
    size_t n = strlen(path);
    if ((n >= 4 && fnet_import_iequal(path + n - 4, ".tsv")) ||
        (n >= 4 && fnet_import_iequal(path + n - 4, ".tab")))
        return '\t';
    if (n >= 4 && fnet_import_iequal(path + n - 4, ".csv"))
        return ',';
    return fallback;
}

static int read_and(fnet_corpus *c, const char *path, char delim,
                    const fnet_import_opts *o, bool entity_table, fnet_diag *d,
                    fnet_err *err)
{
    char *data;
    size_t len;
    const char *name;
    int rc = fnet_import_read_input(c, path, d, &name, &data, &len, err);
    if (rc || !data)
        return rc;
    rc =
        entity_table
            ? fnet_import_csv_entities_buffer(c, name, data, len, delim, d, err)
            : fnet_import_csv_buffer(c, name, data, len, delim, o, d, err);
    free(data);
    return rc;
}

int fnet_import_csv_file(fnet_corpus *c, const char *path, char delim,
                         const fnet_import_opts *o, fnet_diag *d, fnet_err *err)
{
    if (o && o->entities && !loaded(c, o->entities)) {
        int rc = read_and(c, o->entities, delim_for(o->entities, ','), o, true,
                          d, err);
        if (rc)
            return rc;
    }
    return read_and(c, path, delim, o, false, d, err);
}

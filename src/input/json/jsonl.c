/* jsonl.c - JSON Lines records loaded one line at a time (see jsonl.h). */
#include "input/json/jsonl.h"

#include "input/json/factscan.h"
#include "input/json/json_arena.h"
#include "input/json/jsonsyntax.h"
#include "input/json/jsontext.h"
#include "input/json/lines.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef fnet_records ctx;

/* Loads one JSON Lines record, line[0..len) (NUL-terminated, without its
 * line feed), or reports a line over the limit (line NULL). Returns FNET_OK
 * (data problems go to the collector) or FNET_ENOMEM. */
static int load_line(ctx *x, const char *name, const char *line, uint64_t len,
                     uint32_t lineno, fnet_err *err)
{
    if (!line) {
        char w[4200];
        snprintf(w, sizeof w, "%s:%lu:1: error: ", name, (unsigned long)lineno);
        fnet_diag_add(x->d, FNET_SEV_ERROR, w,
                      "line longer than the limit "
                      "of %llu bytes",
                      (unsigned long long)x->c->limits.line_bytes);
        return FNET_OK;
    }
    if (fnet_json_blank(line, (size_t)len))
        return FNET_OK;
    x->loc.line = x->loc.text_line = lineno;
    x->loc.text_col = fnet_records_line_col(line, (size_t)len);
    x->loc.index = FNET_LOC_NO_INDEX;
    x->section = NULL;
    x->failed = false;
    cJSON *obj;
    int rc = fnet_json_parse(x->d, &x->c->limits, name, line, (size_t)len,
                             lineno, &obj);
    if (rc == FNET_EDATA) /* reported */
        return FNET_OK;
    if (rc != FNET_OK)
        return fnet_err_set(err, rc, "%s: out of memory", name);
    fnet_records_record(x, obj);
    cJSON_Delete(obj);
    return fnet_records_outcome(x, name, FNET_OK, err);
}

/* Called before line lineno + 1 of a JSON Lines file is loaded: true when
 * it may be; else reports the line-count limit (line numbers are 32-bit)
 * and returns false: the rest of the file is not read. */
static bool more_lines(ctx *x, const char *name, uint32_t lineno)
{
    if (lineno < x->c->limits.lines)
        return true;
    char w[4200];
    snprintf(w, sizeof w, "%s:%llu: error: ", name,
             (unsigned long long)lineno + 1);
    fnet_diag_add(x->d, FNET_SEV_ERROR, w,
                  "more than %lu lines in one JSON "
                  "Lines file; the rest is not read (split the file)",
                  (unsigned long)x->c->limits.lines);
    return false;
}

/* Loads JSON Lines text[0..len), which is modified (each line gets its
 * NUL), under the same limits as the streaming reader. */
static int load_lines(ctx *x, const char *name, char *text, size_t len,
                      fnet_err *err)
{
    char *p = text, *end = text + len;
    uint32_t lineno = 0;
    int rc = FNET_OK;
    while (rc == FNET_OK && p < end && more_lines(x, name, lineno)) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        p[n] = '\0';
        rc = load_line(x, name, n > x->c->limits.line_bytes ? NULL : p, n,
                       ++lineno, err);
        p += n + 1;
    }
    return rc;
}

int fnet_jsonl_text(fnet_corpus *c, const char *name, char *text, size_t len,
                    fnet_diag *d, fnet_err *err)
{
    ctx x;
    if (fnet_records_begin(&x, c, name, d) != FNET_OK) {
        fnet_records_end(&x);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    int rc = FNET_OK;
    size_t bom = fnet_json_bom(text, len);
    text += bom;
    len -= bom;
    if (fnet_json_blank(text, len))
        fnet_records_empty_file(d, name, true);
    else
        rc = load_lines(&x, name, text, len, err);
    fnet_records_end(&x);
    return rc;
}

int fnet_jsonl_stream(fnet_corpus *c, const char *name, FILE *fp, fnet_diag *d,
                      fnet_err *err)
{
    ctx x;
    if (fnet_records_begin(&x, c, name, d) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    fnet_lines r;
    fnet_lines_init(&r, fp, c->limits.line_bytes);
    uint32_t lineno = 0;
    bool any = false;
    int rc = FNET_OK, got = 0;
    while (rc == FNET_OK && (got = fnet_lines_next(&r)) == 1 &&
           more_lines(&x, name, lineno)) {
        any = any || r.too_long || !fnet_json_blank(r.text, (size_t)r.len);
        rc = load_line(&x, name, r.text, r.len, ++lineno, err);
    }
    if (rc == FNET_OK && got == FNET_EIO)
        rc = fnet_err_set(err, FNET_EIO, "%s: read error: %s", name,
                          strerror(errno));
    else if (rc == FNET_OK && got == FNET_ENOMEM)
        rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    else if (rc == FNET_OK && !any)
        fnet_records_empty_file(d, name, true);
    fnet_lines_free(&r);
    fnet_records_end(&x);
    return rc;
}

struct fnet_jsonl {
    ctx x;
    const char *name;
    bool any; /* a line held something other than white space */
};

int fnet_jsonl_begin(fnet_jsonl **out, fnet_corpus *c, const char *name,
                     const fnet_load_sink *sink, fnet_diag *d, fnet_err *err)
{
    fnet_jsonl *j = calloc(1, sizeof *j);
    *out = NULL;
    if (!j || fnet_records_begin(&j->x, c, name, d) != FNET_OK) {
        free(j);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    j->x.sink = sink;
    j->name = name;
    *out = j;
    return FNET_OK;
}

/* The text of line lineno without the UTF-8 byte order mark of line 1, as
 * fnet_jsonl_stream() reads it. */
static const char *skip_bom(const char *line, size_t *len, uint32_t lineno)
{
    size_t bom = lineno == 1 ? fnet_json_bom(line, *len) : 0;
    *len -= bom;
    return line + bom;
}

cJSON *fnet_jsonl_prepare(const fnet_limits *lim, const char *line, size_t len,
                          uint32_t lineno, fnet_arena *trees, bool *in_arena)
{
    fnet_json_problem p;
    cJSON *tree;
    *in_arena = false;
    line = skip_bom(line, &len, lineno);
    /* What load_line() handles before parsing is left to it. */
    if (fnet_json_blank(line, len) || len > lim->line_bytes)
        return NULL;
    /* fnet_json_parse()'s front end: the strict check, then the tree. */
    if (!fnet_json_check(line, len, lineno, lim, &p))
        return NULL;
    if (trees && (tree = fnet_json_arena_parse(trees, line, len))) {
        *in_arena = true;
        return tree;
    }
    return cJSON_ParseWithLengthOpts(line, len + 1, NULL, 1);
}

/* The sink's error as the return of a load. */
static int sink_error(const fnet_jsonl *j, fnet_err *err)
{
    int rc = j->x.sink_rc;
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "%s: out of memory", j->name);
    return fnet_err_set(err, rc, "%s: loading stopped", j->name);
}

int fnet_jsonl_line(fnet_jsonl *j, const char *line, size_t len,
                    bool too_long_line, uint32_t lineno, const cJSON *tree,
                    fnet_err *err)
{
    ctx *x = &j->x;
    int rc = FNET_OK;
    if (too_long_line) {
        j->any = true;
        return load_line(x, j->name, NULL, len, lineno, err);
    }
    line = skip_bom(line, &len, lineno);
    j->any = j->any || !fnet_json_blank(line, len);
    /* With a sink, a fact's strings are needed only until the sink has
     * seen it: give them back so that memory does not grow with facts. */
    fnet_arena_mark mark = fnet_arena_get_mark(&x->c->arena);
    x->fact_seen = false;
    if (tree) { /* as load_line(), with the parsing done */
        x->loc.line = x->loc.text_line = lineno;
        x->loc.text_col = fnet_records_line_col(line, len);
        x->loc.index = FNET_LOC_NO_INDEX;
        x->section = NULL;
        x->failed = false;
        fnet_records_record(x, tree);
        rc = fnet_records_outcome(x, j->name, FNET_OK, err);
    } else {
        rc = load_line(x, j->name, line, len, lineno, err);
    }
    if (x->sink && x->fact_seen)
        fnet_arena_release(&x->c->arena, mark);
    if (rc == FNET_OK && x->sink_rc)
        rc = sink_error(j, err);
    return rc;
}

bool fnet_jsonl_more_lines(fnet_jsonl *j, uint32_t n_lines)
{
    return more_lines(&j->x, j->name, n_lines);
}

void fnet_jsonl_end(fnet_jsonl *j, bool read_ok)
{
    if (!j)
        return;
    if (read_ok && !j->any)
        fnet_records_empty_file(j->x.d, j->name, true);
    fnet_records_end(&j->x);
    free(j);
}

/* A scratch context: a corpus holding only the file names, at the indices
 * of the real corpus, so that locations read the same. */
struct fnet_jsonl_scratch {
    fnet_corpus *c;
    fnet_arena_mark clean;
    uint32_t file;
};

int fnet_jsonl_scratch_new(fnet_jsonl_scratch **out, const fnet_jsonl *j)
{
    fnet_jsonl_scratch *s = calloc(1, sizeof *s);
    int rc = s ? fnet_corpus_new(&s->c) : FNET_ENOMEM;
    uint32_t idx;
    for (uint32_t i = 0; rc == FNET_OK && i <= j->x.loc.file; i++)
        rc = fnet_corpus_add_file(s->c, j->x.c->files[i], &idx);
    if (rc != FNET_OK) {
        fnet_jsonl_scratch_free(s);
        *out = NULL;
        return FNET_ENOMEM;
    }
    s->c->limits = j->x.c->limits;
    s->clean = fnet_arena_get_mark(&s->c->arena);
    s->file = j->x.loc.file;
    *out = s;
    return FNET_OK;
}

void fnet_jsonl_scratch_reset(fnet_jsonl_scratch *s)
{
    fnet_arena_release(&s->c->arena, s->clean);
}

void fnet_jsonl_scratch_free(fnet_jsonl_scratch *s)
{
    if (!s)
        return;
    fnet_corpus_free(s->c);
    free(s);
}

bool fnet_jsonl_scratch_fact(fnet_jsonl_scratch *s, const cJSON *tree,
                             uint32_t lineno, uint32_t col,
                             const fnet_load_sink *sink, fnet_diag *d,
                             bool *oom)
{
    ctx x = {.c = s->c, .d = d, .sink = sink};
    x.loc = (fnet_loc){s->file, lineno, FNET_LOC_NO_INDEX, lineno, col};
    bool fact = fnet_records_fact(&x, tree);
    *oom = x.oom;
    fnet_records_end(&x);
    return fact;
}

bool fnet_jsonl_scratch_scan(const fnet_jsonl_scratch *s, char *line,
                             size_t len, uint32_t lineno, fnet_arena *a,
                             fnet_fact *f)
{
    uint32_t col = fnet_records_line_col(line, len);
    size_t bom = lineno == 1 ? fnet_json_bom(line, len) : 0;
    if (fnet_json_blank(line + bom, len - bom) ||
        len - bom > s->c->limits.line_bytes ||
        !fnet_factscan(line + bom, len - bom, &s->c->limits, a, f))
        return false;
    f->loc = (fnet_loc){s->file, lineno, FNET_LOC_NO_INDEX, lineno, col};
    return true;
}

int fnet_jsonl_checked(fnet_jsonl *j, const fnet_diag *msgs, const fnet_fact *f,
                       bool oom, fnet_err *err)
{
    if (msgs->n_errors || msgs->n_warnings)
        fnet_diag_append(j->x.d, msgs);
    j->any = true;
    j->x.oom = j->x.oom || oom;
    if (f && !j->x.sink)
        fnet_records_keep_fact(&j->x, f);
    if (j->x.oom || !j->x.sink)
        return fnet_records_outcome(&j->x, j->name, FNET_OK, err);
    if (f && !j->x.sink_rc) {
        int rc = j->x.sink->fact(j->x.sink->ctx, f);
        if (rc)
            j->x.sink_rc = rc;
    }
    return j->x.sink_rc ? sink_error(j, err) : FNET_OK;
}

/* load.c - the load plan and the front end of loading (see load.h). */
#include "input/load.h"

#include "input/peek.h"
#include "input/validate.h"

#include <stdlib.h>
#include <string.h>

int fnet_load_plan_make(fnet_load_plan *p, char *const *paths, size_t n_paths,
                        const fnet_load_opts *o, fnet_err *err)
{
    memset(p, 0, sizeof *p);
    p->paths = paths;
    p->n_paths = n_paths;
    if (o)
        p->o = *o;
    if (!p->o.checked) {
        int rc = fnet_load_opts_check(&p->o, err);
        if (rc)
            return rc;
        p->o.checked = true;
    }
    p->formats = calloc(n_paths ? n_paths : 1, sizeof *p->formats);
    if (!p->formats)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (size_t i = 0; i < n_paths; i++)
        p->formats[i] = fnet_input_format_detect(paths[i], &p->o);
    return FNET_OK;
}

bool fnet_load_plan_streams(const fnet_load_plan *p)
{
    if (p->o.import.label_map) /* fnet_load_planned() would read it */
        return false;
    for (size_t i = 0; i < p->n_paths; i++)
        if (strcmp(p->paths[i], "-") == 0 || !p->formats[i] ||
            !p->formats[i]->streams)
            return false;
    return p->n_paths > 0;
}

void fnet_load_plan_free(fnet_load_plan *p)
{
    free(p->formats);
    p->formats = NULL;
}

/* The label map: o->labels, else parsed into *own (freed by the caller)
 * within c's limits. */
static int labels_for(const fnet_corpus *c, const fnet_load_opts *o,
                      fnet_labelmap *own, const fnet_labelmap **out,
                      fnet_diag *d, fnet_err *err)
{
    *out = o->labels;
    if (*out || !o->import.label_map)
        return FNET_OK;
    int rc = fnet_labelmap_load(own, &c->limits, o->import.label_map, d, err);
    *out = own;
    return rc;
}

int fnet_load_file_as(fnet_corpus *c, const char *path,
                      const fnet_input_format *f, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err)
{
    if (!f->labels)
        return f->load(c, path, o, d, err);
    fnet_load_opts lo = *o;
    fnet_labelmap own = {0};
    int rc = labels_for(c, o, &own, &lo.labels, d, err);
    if (rc == FNET_EDATA) /* the map's problems are in d */
        rc = FNET_OK;
    else if (rc == FNET_OK)
        rc = f->load(c, path, &lo, d, err);
    fnet_labelmap_free(&own);
    return rc;
}

int fnet_load_file(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                   fnet_diag *d, fnet_err *err)
{
    fnet_load_opts lo = o ? *o : (fnet_load_opts){0};
    if (!lo.checked) {
        int rc = fnet_load_opts_check(&lo, err);
        if (rc)
            return rc;
        lo.checked = true;
    }
    return fnet_load_file_as(c, path, fnet_input_format_detect(path, &lo), &lo,
                             d, err);
}

/* Counts the facts a sink receives: they are not in the corpus. */
typedef struct counting_sink {
    const fnet_load_sink *to;
    uint64_t n;
} counting_sink;

static int count_fact(void *ctx, const fnet_fact *f)
{
    counting_sink *k = ctx;
    k->n++;
    return k->to->fact(k->to->ctx, f);
}

/* Appends "it looks like X: --input-format X reads it" when the content
 * of path claims another row than f, else nothing; true when it did. */
static bool looks_like(fnet_buf *out, const fnet_peek *p,
                       const fnet_input_format *f)
{
    const fnet_input_format *g = fnet_input_format_guess(p);
    if (!g || g == f)
        return false;
    fnet_buf_printf(out, "it looks like %s: --input-format %s reads it",
                    g->name, g->name);
    return true;
}

/* After a file read as f: nothing taken from it (no entity, no fact, no
 * error) is an error naming what it holds and which format reads it; a
 * file with errors whose content looks like another format gets a warning
 * saying which. */
static int after_load(const char *path, const fnet_input_format *f, bool empty,
                      bool errors, fnet_diag *d)
{
    if (!empty && !errors)
        return FNET_OK;
    fnet_peek p;
    fnet_buf msg = {0}, list = {0};
    if (fnet_peek_file(&p, path) != FNET_OK) {
        fnet_peek_free(&p);
        return FNET_ENOMEM;
    }
    fnet_buf where = {0};
    fnet_buf_printf(&where, "%s: ", strcmp(path, "-") == 0 ? "<stdin>" : path);
    const char *name = fnet_buf_str(&where);
    if (errors) {
        if (looks_like(&msg, &p, f))
            fnet_diag_add(d, FNET_SEV_WARNING, name, "%s", fnet_buf_str(&msg));
    } else {
        fnet_buf_printf(&msg,
                        "nothing imported (no entity and no fact) "
                        "from a file read as %s",
                        f->name);
        if (p.n) {
            fnet_buf_puts(&msg, "; it holds ");
            fnet_peek_describe(&p, &msg);
        }
        fnet_buf_puts(&msg, "; ");
        if (!looks_like(&msg, &p, f)) {
            fnet_input_formats_list(&list);
            fnet_buf_printf(&msg,
                            "the input formats are %s "
                            "(docs/IMPORT.md)",
                            fnet_buf_str(&list));
        }
        fnet_diag_add(d, FNET_SEV_ERROR, name, "%s", fnet_buf_str(&msg));
    }
    int rc = fnet_buf_ok(&msg) && fnet_buf_ok(&list) && fnet_buf_ok(&where)
                 ? FNET_OK
                 : FNET_ENOMEM;
    fnet_buf_free(&msg);
    fnet_buf_free(&list);
    fnet_buf_free(&where);
    fnet_peek_free(&p);
    return rc;
}

/* Loads path with f's loader, counting what it took. */
static int load_counted(fnet_corpus *c, const char *path,
                        const fnet_input_format *f, const fnet_load_opts *o,
                        fnet_diag *d, fnet_err *err)
{
    uint32_t entities = c->n_entities;
    uint64_t facts = c->n_facts;
    size_t errors = d->n_errors;
    fnet_load_opts lo = *o;
    counting_sink k = {o->sink, 0};
    fnet_load_sink sink = {&k, count_fact};
    if (o->sink)
        lo.sink = &sink;
    int rc = fnet_load_file_as(c, path, f, &lo, d, err);
    if (rc != FNET_OK)
        return rc;
    bool empty = c->n_entities == entities && c->n_facts == facts && !k.n;
    rc = after_load(path, f, empty && d->n_errors == errors,
                    d->n_errors > errors, d);
    return rc == FNET_ENOMEM ? fnet_err_set(err, rc, "out of memory") : rc;
}

int fnet_load_planned(fnet_corpus **out, const fnet_load_plan *p, bool strict,
                      fnet_diag *d, fnet_err *err)
{
    fnet_corpus *c;
    *out = NULL;
    if (fnet_corpus_new(&c) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_load_opts lo = p->o;
    fnet_labelmap own = {0};
    int rc = labels_for(c, &lo, &own, &lo.labels, d, err);
    if (rc == FNET_EDATA) /* the label map's problems are in d */
        rc = fnet_err_set(err, FNET_EDATA, "invalid input data");
    for (size_t i = 0; i < p->n_paths && rc == FNET_OK; i++)
        rc = load_counted(c, p->paths[i], p->formats[i], &lo, d, err);
    fnet_labelmap_free(&own);
    if (rc == FNET_EDATA) {
        *out = c;
        return rc;
    }
    if (rc != FNET_OK) {
        fnet_corpus_free(c);
        return rc;
    }
    if (d->n_errors == 0 && lo.progress)
        lo.progress(lo.progress_ctx, "checking references", 0);
    if (d->n_errors == 0)
        rc = fnet_corpus_resolve(c, d, err);
    *out = c;
    if (rc != FNET_OK)
        return rc;
    if (d->n_errors || (strict && d->n_warnings))
        return fnet_err_set(err, FNET_EDATA, "invalid input data");
    return FNET_OK;
}

int fnet_load_corpus(fnet_corpus **out, char *const *paths, size_t n_paths,
                     const fnet_load_opts *o, bool strict, fnet_diag *d,
                     fnet_err *err)
{
    fnet_load_plan p;
    *out = NULL;
    int rc = fnet_load_plan_make(&p, paths, n_paths, o, err);
    if (rc == FNET_OK)
        rc = fnet_load_planned(out, &p, strict, d, err);
    fnet_load_plan_free(&p);
    return rc;
}

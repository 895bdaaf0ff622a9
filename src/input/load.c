/* load.c - the load plan and the front end of loading (see load.h). */
#include "input/load.h"

#include "input/peek.h"
#include "input/validate.h"

#include <stdint.h>
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

static void count_ahead(void *ctx, const fnet_fact *f, int stage)
{
    const counting_sink *k = ctx;
    k->to->ahead(k->to->ctx, f, stage);
}

/* Appends "it looks like X: --input-format X reads it" when the content
 * of path claims another row than f, else what a row's near() says of
 * content that is almost its format, else nothing; true when it did. */
static bool looks_like(fnet_buf *out, const fnet_peek *p,
                       const fnet_input_format *f)
{
    const fnet_input_format *g = fnet_input_format_guess(p);
    if (g && g != f) {
        fnet_buf_printf(out, "it looks like %s: --input-format %s reads it",
                        g->name, g->name);
        return true;
    }
    const fnet_input_format *h;
    for (size_t i = 0; !g && p->n && (h = fnet_input_format_at(i)); i++)
        if (h != f && h->near && h->near(p, out))
            return true;
    return false;
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

/* Loads path with f's loader, counting what it took; *facts grows by the
 * facts it gave (to the corpus or to the sink). */
static int load_counted(fnet_corpus *c, const char *path,
                        const fnet_input_format *f, const fnet_load_opts *o,
                        uint64_t *facts_taken, fnet_diag *d, fnet_err *err)
{
    uint32_t entities = c->n_entities;
    uint64_t facts = c->n_facts;
    size_t errors = d->n_errors;
    fnet_load_opts lo = *o;
    counting_sink k = {o->sink, 0};
    fnet_load_sink sink = {&k, count_fact,
                           o->sink && o->sink->ahead ? count_ahead : NULL};
    if (o->sink)
        lo.sink = &sink;
    int rc = fnet_load_file_as(c, path, f, &lo, d, err);
    if (rc != FNET_OK)
        return rc;
    *facts_taken += c->n_facts - facts + k.n;
    bool empty = c->n_entities == entities && c->n_facts == facts && !k.n;
    rc = after_load(path, f, empty && d->n_errors == errors,
                    d->n_errors > errors, d);
    return rc == FNET_ENOMEM ? fnet_err_set(err, rc, "out of memory") : rc;
}

/* The files an annotation tool wrote (formats reading --label-map). */
typedef struct tool_files {
    bool *is; /* by file index, n of them */
    uint32_t n;
} tool_files;

/* Marks files [from, to) as the tool's. */
static int mark_files(tool_files *t, uint32_t from, uint32_t to, fnet_err *err)
{
    bool *v = realloc(t->is, to * sizeof *v);
    if (!v)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (uint32_t i = t->n; i < to; i++)
        v[i] = i >= from;
    t->is = v;
    t->n = to;
    return FNET_OK;
}

/* True when entity e (resolved) may stand at that end of rel. */
static bool type_fits(const fnet_corpus *c, const fnet_relation *rel,
                      bool subject, int32_t e)
{
    return e < 0 || fnet_relation_allows(subject ? rel->from : rel->to,
                                         subject ? rel->n_from : rel->n_to,
                                         c->entities[e].type);
}

/* An annotation tool's relation label named like one of factnet's built-in
 * relations ("supports") gets that relation's types checked, which the
 * tool's entity types fail: one warning names the labels (up to three) and
 * --label-map, when facts of tool files clash so. */
static int label_hint(const fnet_corpus *c, const tool_files *tool,
                      fnet_diag *d, fnet_err *err)
{
    const char *names[3];
    int n = 0;
    uint32_t file = 0;
    for (uint64_t i = 0; i < c->n_facts && n < 3; i++) {
        const fnet_fact *f = &c->facts[i];
        if (f->relation < 0 || f->loc.file >= tool->n || !tool->is[f->loc.file])
            continue;
        const fnet_relation *rel = &c->relations[f->relation];
        if (!rel->builtin || (type_fits(c, rel, true, f->subject) &&
                              type_fits(c, rel, false, f->object)))
            continue;
        int k = 0;
        while (k < n && strcmp(names[k], rel->name) != 0)
            k++;
        if (k == n) {
            file = n ? file : f->loc.file;
            names[n++] = rel->name;
        }
    }
    if (n == 0)
        return FNET_OK;
    fnet_buf msg = {0}, where = {0};
    fnet_buf_printf(&msg, "the annotation label%s ", n == 1 ? "" : "s");
    for (int k = 0; k < n; k++) {
        fnet_buf_puts(&msg, k == 0 ? "" : k + 1 == n ? " and " : ", ");
        fnet_diag_quote(&msg, names[k]);
    }
    fnet_buf_printf(&msg,
                    " %s named like factnet's built-in relation%s, whose "
                    "entity types %s not have: rename %s with --label-map "
                    "(for example %s = my_%s; docs/IMPORT.md)",
                    n == 1 ? "is" : "are", n == 1 ? "" : "s",
                    n == 1 ? "it does" : "they do", n == 1 ? "it" : "them",
                    names[0], names[0]);
    fnet_buf_printf(&where, "%s: ", c->files[file]);
    /* Kept beyond the cap: the hint matters most when the clashes are many. */
    size_t cap = d->cap;
    d->cap = SIZE_MAX;
    fnet_diag_add(d, FNET_SEV_WARNING, fnet_buf_str(&where), "%s",
                  fnet_buf_str(&msg));
    d->cap = cap;
    int rc = fnet_buf_ok(&msg) && fnet_buf_ok(&where)
                 ? FNET_OK
                 : fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_buf_free(&msg);
    fnet_buf_free(&where);
    return rc;
}

/* Entities but no fact from all the inputs, when one of them was imported
 * from another tool's format (an annotation export without relations): an
 * error that says what a graph needs. (Input that gave nothing at all has
 * its error from after_load; factnet's own JSON may hold entities alone.)
 * Returns 0 or FNET_ENOMEM. */
static int no_facts(const fnet_corpus *c, const fnet_load_plan *p, fnet_diag *d)
{
    bool tool = false, imported = false;
    for (size_t i = 0; i < p->n_paths; i++) {
        tool = tool || p->formats[i]->labels;
        imported = imported || !p->formats[i]->facts;
    }
    if (!imported) /* factnet's own files: entities may come alone */
        return FNET_OK;
    fnet_buf where = {0};
    if (p->n_paths == 1)
        fnet_buf_printf(
            &where,
            "%s: ", strcmp(p->paths[0], "-") == 0 ? "<stdin>" : p->paths[0]);
    fnet_diag_add(
        d, FNET_SEV_ERROR, fnet_buf_str(&where),
        "no fact imported%s: %u entit%s but no relation between them%s",
        p->n_paths == 1 ? "" : " from any input", c->n_entities,
        c->n_entities == 1 ? "y" : "ies",
        tool ? "; a graph needs relations: annotate them (doccano: a "
               "relation extraction project; Label Studio: relation "
               "results; brat: R or E lines), or give the file of facts "
               "with this one (docs/IMPORT.md)"
             : "; give a file of facts with this one (docs/FORMAT.md)");
    int rc = fnet_buf_ok(&where) ? FNET_OK : FNET_ENOMEM;
    fnet_buf_free(&where);
    return rc;
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
    tool_files tool = {0};
    uint64_t facts = 0;
    for (size_t i = 0; i < p->n_paths && rc == FNET_OK; i++) {
        uint32_t from = c->n_files;
        rc = load_counted(c, p->paths[i], p->formats[i], &lo, &facts, d, err);
        if (rc == FNET_OK && p->formats[i]->labels && c->n_files > from)
            rc = mark_files(&tool, from, c->n_files, err);
    }
    if (rc == FNET_OK && d->n_errors == 0 && facts == 0 && c->n_entities &&
        no_facts(c, p, d) != FNET_OK)
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_labelmap_free(&own);
    if (rc == FNET_EDATA) {
        free(tool.is);
        *out = c;
        return rc;
    }
    if (rc != FNET_OK) {
        free(tool.is);
        fnet_corpus_free(c);
        return rc;
    }
    if (d->n_errors == 0 && lo.progress)
        lo.progress(lo.progress_ctx, "checking references", 0);
    if (d->n_errors == 0)
        rc = fnet_corpus_resolve(c, d, err);
    if (rc == FNET_OK && tool.n && d->n_errors)
        rc = label_hint(c, &tool, d, err);
    free(tool.is);
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

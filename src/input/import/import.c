/* import.c - the importers' shared toolkit (see import.h). */
#include "input/import/import.h"

#include "core/infile.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- context and messages --------------------------------------------- */

int fnet_importer_begin(fnet_importer *im, fnet_corpus *c, fnet_diag *d,
                        const char *name)
{
    memset(im, 0, sizeof *im);
    im->c = c;
    im->d = d;
    return fnet_importer_file(im, name);
}

int fnet_importer_file(fnet_importer *im, const char *name)
{
    if (fnet_corpus_add_file(im->c, name, &im->file) != FNET_OK)
        return FNET_ENOMEM;
    im->name = im->c->files[im->file];
    return FNET_OK;
}

void fnet_importer_end(fnet_importer *im)
{
    fnet_buf_free(&im->where);
    fnet_buf_free(&im->msg);
    free(im->aliases.v);
    free(im->entity_attrs.v);
    free(im->fact_attrs.v);
    fnet_strmap_free(&im->seen);
    fnet_arena_free(&im->seen_keys);
    fnet_buf_free(&im->seen_key);
    for (int k = 0; k < FNET_IMPORT_QUOTES; k++)
        fnet_buf_free(&im->quote[k]);
    memset(&im->aliases, 0, sizeof im->aliases);
    memset(&im->entity_attrs, 0, sizeof im->entity_attrs);
    memset(&im->fact_attrs, 0, sizeof im->fact_attrs);
}

fnet_loc fnet_importer_loc(const fnet_importer *im, uint32_t line)
{
    fnet_loc loc = {im->file, line, FNET_LOC_NO_INDEX, 0, 0};
    if (line && im->col) {
        loc.text_line = line;
        loc.text_col = im->col;
    }
    return loc;
}

static void tally(fnet_importer *im, uint32_t line, const char *what,
                  const char *why, const char *hint, bool warned)
{
    fnet_import_skips *k = NULL;
    for (uint32_t i = 0; i < im->n_skips && !k; i++)
        if (strcmp(im->skips[i].what, what) == 0 &&
            strcmp(im->skips[i].why, why) == 0)
            k = &im->skips[i];
    if (!k && im->n_skips < FNET_IMPORT_SKIP_KINDS) {
        k = &im->skips[im->n_skips++];
        *k = (fnet_import_skips){what, why, hint, warned, 0, line};
    }
    if (!k)
        k = &im->skips[FNET_IMPORT_SKIP_KINDS - 1];
    k->n++;
}

void fnet_import_skip(fnet_importer *im, uint32_t line, const char *what,
                      const char *why, const char *hint)
{
    tally(im, line, what, why, hint, false);
}

void fnet_import_skip_quiet(fnet_importer *im, uint32_t line, const char *what,
                            const char *why)
{
    tally(im, line, what, why, NULL, true);
}

int fnet_import_skipped_flush(fnet_importer *im)
{
    int rc = FNET_OK;
    uint32_t col = im->col;
    im->col = 0; /* the warnings are about the file */
    for (uint32_t i = 0; i < im->n_skips && rc == FNET_OK; i++) {
        const fnet_import_skips *k = &im->skips[i];
        rc = fnet_corpus_add_skipped(im->c, im->file, k->what, k->why, k->n);
        if (rc == FNET_OK && !k->warned)
            fnet_import_warn(
                im, 0, NULL, "%llu %s%s skipped: %s (%s%sthe first on line %u)",
                (unsigned long long)k->n, k->what, k->n == 1 ? "" : "s", k->why,
                k->hint ? k->hint : "", k->hint ? "; " : "", k->first);
    }
    im->n_skips = 0;
    im->col = col;
    return rc;
}

uint32_t fnet_importer_at(fnet_importer *im, uint32_t line, uint32_t col)
{
    im->col = col;
    return line;
}

static void vformat(fnet_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    fnet_buf_reset(b);
    if (n < 0)
        return;
    char *tmp = malloc((size_t)n + 1);
    if (!tmp)
        return;
    vsnprintf(tmp, (size_t)n + 1, fmt, ap);
    fnet_buf_append(b, tmp, (size_t)n);
    free(tmp);
}

static void report(fnet_importer *im, int sev, uint32_t line, const char *field,
                   const char *fmt, va_list ap)
{
    fnet_buf_reset(&im->where);
    fnet_corpus_locate(im->c, fnet_importer_loc(im, line), NULL, field,
                       &im->where);
    vformat(&im->msg, fmt, ap);
    fnet_diag_add(im->d, sev, fnet_buf_str(&im->where), "%s",
                  fnet_buf_str(&im->msg));
}

int fnet_import_check_name(const char *option, const char *value,
                           const char *const *names, fnet_err *err)
{
    fnet_text_nearest near;
    fnet_buf list = {0};
    size_t n = 0;
    if (!value)
        return FNET_OK;
    for (n = 0; names[n]; n++)
        if (strcmp(value, names[n]) == 0)
            return FNET_OK;
    fnet_text_nearest_init(&near, value, strlen(value));
    for (size_t i = 0; i < n; i++) {
        fnet_buf_puts(&list, i == 0 ? "" : i + 1 == n ? " or " : ", ");
        fnet_buf_puts(&list, names[i]);
        fnet_text_nearest_offer(&near, names[i]);
    }
    int rc = fnet_err_set(err, FNET_EUSAGE, "%s: expected %s, got '%s'%s%s%s",
                          option, fnet_buf_str(&list), value,
                          near.best ? " (did you mean '" : "",
                          near.best ? near.best : "", near.best ? "'?)" : "");
    fnet_buf_free(&list);
    return rc;
}

const char *fnet_import_quote(fnet_importer *im, int slot, const char *s)
{
    return fnet_diag_quoted(&im->quote[slot], s);
}

void fnet_import_error(fnet_importer *im, uint32_t line, const char *field,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(im, FNET_SEV_ERROR, line, field, fmt, ap);
    va_end(ap);
}

void fnet_import_warn(fnet_importer *im, uint32_t line, const char *field,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(im, FNET_SEV_WARNING, line, field, fmt, ap);
    va_end(ap);
}

void fnet_import_syntax(fnet_importer *im, uint32_t line, uint32_t col,
                        const char *fmt, ...)
{
    va_list ap;
    fnet_buf_reset(&im->where);
    fnet_buf_printf(&im->where, "%s:%u:%u: error: ", im->name, line, col);
    va_start(ap, fmt);
    vformat(&im->msg, fmt, ap);
    va_end(ap);
    fnet_diag_add(im->d, FNET_SEV_ERROR, fnet_buf_str(&im->where), "%s",
                  fnet_buf_str(&im->msg));
}

char *fnet_import_str(fnet_importer *im, const char *s, size_t len)
{
    return fnet_arena_strndup(&im->c->arena, s, len);
}

static const char *dup(fnet_importer *im, const char *s)
{
    return s ? fnet_arena_strdup(&im->c->arena, s) : NULL;
}

/* ---- records ---------------------------------------------------------- */

/* Reports why fnet_corpus_add_* failed at line: the corpus limit for the
 * kind of record (FNET_EDATA, located: the import stops there) or memory.
 * Returns rc. */
static int add_failed(fnet_importer *im, int rc, uint32_t line,
                      const char *what, uint64_t limit)
{
    if (rc == FNET_EDATA)
        fnet_import_error(im, line, NULL, "too many %s (the limit is %llu)",
                          what, (unsigned long long)limit);
    return rc;
}

int fnet_import_entity(fnet_importer *im, const char *id, const char *type,
                       const char *label, uint32_t line, int32_t *out)
{
    int32_t i = fnet_corpus_find_entity(im->c, id);
    if (i >= 0) {
        *out = i;
        return FNET_OK;
    }
    fnet_entity *e;
    int rc = fnet_corpus_add_entity(im->c, &e);
    if (rc != FNET_OK)
        return add_failed(im, rc, line, "entities", im->c->limits.entities);
    e->id = dup(im, id);
    e->type = dup(im, type);
    e->label = label ? dup(im, label) : e->id;
    e->loc = fnet_importer_loc(im, line);
    if (!e->id || !e->type || !e->label)
        return FNET_ENOMEM;
    *out = (int32_t)(im->c->n_entities - 1);
    return fnet_corpus_index_entity(im->c, im->c->n_entities - 1);
}

int fnet_import_mention(fnet_importer *im, const char *type, const char *text,
                        size_t len, uint32_t line, const char **id)
{
    fnet_buf b = {0};
    fnet_buf_printf(&b, "%s:", type);
    size_t at = b.len;
    fnet_import_fold(text, len, &b);
    int32_t e;
    int rc = fnet_buf_ok(&b)
                 ? fnet_import_entity(im, b.data, type, b.data + at, line, &e)
                 : FNET_ENOMEM;
    fnet_buf_free(&b);
    *id = rc == FNET_OK ? im->c->entities[e].id : NULL;
    return rc;
}

/* Makes room for item n of *array, the n-item array of record i: in place
 * when this importer allocated it with room to spare (and the record still
 * points at it), else in a copy with room for twice as many. Arrays that
 * other code allocated (the JSON loader, an earlier importer) are never
 * written past their n items. Returns 0 or FNET_ENOMEM (*array is then
 * unchanged). */
/* The room record of record i; NULL when out of memory. */
static fnet_import_room *room_at(fnet_import_rooms *rooms, size_t i)
{
    if (i >= rooms->n) {
        size_t cap = rooms->n ? rooms->n : 16;
        while (cap <= i)
            cap *= 2;
        fnet_import_room *v = realloc(rooms->v, cap * sizeof *v);
        if (!v)
            return NULL;
        memset(v + rooms->n, 0, (cap - rooms->n) * sizeof *v);
        rooms->v = v;
        rooms->n = cap;
    }
    return &rooms->v[i];
}

static int make_room(fnet_importer *im, fnet_import_rooms *rooms, size_t i,
                     void **array, uint32_t n, size_t size)
{
    fnet_import_room *r = room_at(rooms, i);
    if (!r)
        return FNET_ENOMEM;
    if (*array && r->array == *array && n < r->cap)
        return FNET_OK;
    uint32_t cap = n < 2 ? 4 : 2 * n;
    void *a = fnet_arena_alloc(&im->c->arena, (size_t)cap * size);
    if (!a)
        return FNET_ENOMEM;
    if (n)
        memcpy(a, *array, (size_t)n * size);
    *array = a;
    r->array = a;
    r->cap = cap;
    return FNET_OK;
}

/* Records with fewer strings than this are searched one by one. */
#define SEEN_AFTER 16

/* The seen-set key of string s of record i of kind ('a': alias, 'k':
 * attribute key), in im->seen_key. */
static bool seen_key(fnet_importer *im, char kind, size_t i, const char *s)
{
    uint64_t rec = i;
    fnet_buf_reset(&im->seen_key);
    fnet_buf_putc(&im->seen_key, kind);
    fnet_buf_append(&im->seen_key, (const char *)&rec, sizeof rec);
    fnet_buf_puts(&im->seen_key, s);
    return fnet_buf_ok(&im->seen_key);
}

static int remember(fnet_importer *im, char kind, size_t i, const char *s)
{
    if (!seen_key(im, kind, i, s))
        return FNET_ENOMEM;
    char *key =
        fnet_arena_strndup(&im->seen_keys, im->seen_key.data, im->seen_key.len);
    return key ? fnet_strmap_put(&im->seen, key, im->seen_key.len, 1)
               : FNET_ENOMEM;
}

/* *seen: whether s is one of the n strings of record i (kind as for
 * seen_key), the string of item k at ((char *)items + k * stride). From
 * SEEN_AFTER strings on, they are kept in im->seen (the record's room
 * says since when), so that appending k strings costs O(k). */
static int find_seen(fnet_importer *im, fnet_import_rooms *rooms, char kind,
                     size_t i, const void *items, size_t stride, uint32_t n,
                     const char *s, bool *seen)
{
    *seen = false;
    if (n < SEEN_AFTER) {
        for (uint32_t k = 0; k < n && !*seen; k++)
            *seen =
                strcmp(*(const char *const *)((const char *)items + k * stride),
                       s) == 0;
        return FNET_OK;
    }
    fnet_import_room *r = room_at(rooms, i);
    if (!r)
        return FNET_ENOMEM;
    for (uint32_t k = 0; !r->indexed && k < n; k++)
        if (remember(im, kind, i,
                     *(const char *const *)((const char *)items + k * stride)))
            return FNET_ENOMEM;
    r->indexed = true;
    if (!seen_key(im, kind, i, s))
        return FNET_ENOMEM;
    *seen =
        fnet_strmap_get(&im->seen, im->seen_key.data, im->seen_key.len, NULL);
    return FNET_OK;
}

/* After string s was appended to record i: kept in the seen set when the
 * record's strings are. */
static int appended(fnet_importer *im, fnet_import_rooms *rooms, char kind,
                    size_t i, const char *s)
{
    return i < rooms->n && rooms->v[i].indexed ? remember(im, kind, i, s)
                                               : FNET_OK;
}

int fnet_import_alias(fnet_importer *im, uint32_t e, const char *alias)
{
    fnet_entity *ent = &im->c->entities[e];
    bool seen;
    if (strcmp(ent->label, alias) == 0)
        return FNET_OK;
    if (find_seen(im, &im->aliases, 'a', e, ent->aliases, sizeof *ent->aliases,
                  ent->n_aliases, alias, &seen))
        return FNET_ENOMEM;
    if (seen)
        return FNET_OK;
    const char *copy = dup(im, alias);
    void *al = (void *)ent->aliases;
    if (!copy || make_room(im, &im->aliases, e, &al, ent->n_aliases,
                           sizeof *ent->aliases))
        return FNET_ENOMEM;
    ent->aliases = al;
    ent->aliases[ent->n_aliases++] = copy;
    return appended(im, &im->aliases, 'a', e, copy);
}

static int add_attr(fnet_importer *im, fnet_import_rooms *rooms, size_t i,
                    fnet_attr **attrs, uint32_t *n, const char *key,
                    const char *value, int kind, bool first)
{
    bool seen = false;
    if (first &&
        find_seen(im, rooms, 'k', i, *attrs, sizeof **attrs, *n, key, &seen))
        return FNET_ENOMEM;
    if (seen)
        return FNET_OK;
    fnet_attr at = {dup(im, key), dup(im, value), kind};
    void *a = *attrs;
    if (!at.key || !at.value || make_room(im, rooms, i, &a, *n, sizeof **attrs))
        return FNET_ENOMEM;
    *attrs = a;
    (*attrs)[(*n)++] = at;
    return first ? appended(im, rooms, 'k', i, at.key) : FNET_OK;
}

int fnet_import_entity_attr(fnet_importer *im, uint32_t e, const char *key,
                            const char *value, int kind)
{
    fnet_entity *ent = &im->c->entities[e];
    return add_attr(im, &im->entity_attrs, e, &ent->attrs, &ent->n_attrs, key,
                    value, kind, true);
}

int fnet_import_fact_attr(fnet_importer *im, fnet_fact *f, const char *key,
                          const char *value, int kind)
{
    /* A fact gets its attributes right after it is added (*out of
     * fnet_import_fact is valid until the next one), so one room, the
     * fact's whose array was grown last, is enough; another fact's array is
     * copied, never overrun. */
    return add_attr(im, &im->fact_attrs, 0, &f->attrs, &f->n_attrs, key, value,
                    kind, false);
}

static const char **copy_types(fnet_importer *im, const char *const *src,
                               uint32_t n)
{
    if (n == 0)
        return NULL;
    const char **list = fnet_arena_alloc(&im->c->arena, n * sizeof *list);
    for (uint32_t i = 0; list && i < n; i++)
        if (!(list[i] = dup(im, src[i])))
            return NULL;
    return list;
}

int fnet_import_relation(fnet_importer *im, const fnet_import_rel *r,
                         uint32_t line, int32_t *out)
{
    int32_t i = fnet_corpus_find_relation(im->c, r->name);
    if (i >= 0) {
        *out = i;
        return FNET_OK;
    }
    fnet_relation *rel;
    int rc = fnet_corpus_add_relation(im->c, &rel);
    if (rc != FNET_OK)
        return add_failed(im, rc, line, "relations", im->c->limits.relations);
    rel->name = dup(im, r->name);
    rel->from = copy_types(im, r->from, r->n_from);
    rel->n_from = r->n_from;
    rel->to = copy_types(im, r->to, r->n_to);
    rel->n_to = r->n_to;
    rel->directed = r->directed;
    rel->sign = r->sign < 0 ? -1 : 1;
    rel->description = dup(im, r->description);
    rel->loc = fnet_importer_loc(im, line);
    if (!rel->name || (r->n_from && !rel->from) || (r->n_to && !rel->to))
        return FNET_ENOMEM;
    *out = (int32_t)(im->c->n_relations - 1);
    return fnet_corpus_index_relation(im->c, im->c->n_relations - 1);
}

int fnet_import_tie(fnet_importer *im, uint32_t line, int32_t *out)
{
    fnet_import_rel r = {.name = FNET_IMPORT_TIE,
                         .directed = false,
                         .sign = 1,
                         .description =
                             "an undirected tie of an edge list or annotation "
                             "without a relation name"};
    return fnet_import_relation(im, &r, line, out);
}

int fnet_import_source(fnet_importer *im, const char *id, const char *title,
                       const char *url, const char *file, uint32_t line,
                       int32_t *out)
{
    int32_t i = fnet_corpus_find_source(im->c, id);
    if (i >= 0) {
        *out = i;
        return FNET_OK;
    }
    fnet_source *s;
    int rc = fnet_corpus_add_source(im->c, &s);
    if (rc != FNET_OK)
        return add_failed(im, rc, line, "sources", im->c->limits.sources);
    s->id = dup(im, id);
    s->title = dup(im, title);
    s->url = dup(im, url);
    s->file = dup(im, file);
    s->loc = fnet_importer_loc(im, line);
    if (!s->id || (title && !s->title) || (url && !s->url) ||
        (file && !s->file))
        return FNET_ENOMEM;
    *out = (int32_t)(im->c->n_sources - 1);
    return fnet_corpus_index_source(im->c, im->c->n_sources - 1);
}

/* fnet_import_fact and fnet_import_fact_shared: the strings are copied
 * when copy is set, else referenced. */
static int add_fact(fnet_importer *im, uint32_t line, const char *subject,
                    const char *relation, const char *object,
                    const char *source, bool copy, fnet_fact **out)
{
    fnet_fact *f;
    int rc = fnet_corpus_add_fact(im->c, &f);
    if (rc != FNET_OK)
        return add_failed(im, rc, line, "facts", im->c->limits.facts);
    f->subject_ref = copy ? dup(im, subject) : subject;
    f->relation_ref = copy ? dup(im, relation) : relation;
    f->object_ref = copy ? dup(im, object) : object;
    f->loc = fnet_importer_loc(im, line);
    if (!f->subject_ref || !f->relation_ref || !f->object_ref)
        return FNET_ENOMEM;
    if (source) {
        const char **list = fnet_arena_alloc(&im->c->arena, sizeof *list);
        if (!list || !(list[0] = copy ? dup(im, source) : source))
            return FNET_ENOMEM;
        f->source_refs = list;
        f->n_sources = 1;
    }
    *out = f;
    return FNET_OK;
}

int fnet_import_fact(fnet_importer *im, uint32_t line, const char *subject,
                     const char *relation, const char *object,
                     const char *source, fnet_fact **out)
{
    return add_fact(im, line, subject, relation, object, source, true, out);
}

int fnet_import_fact_shared(fnet_importer *im, uint32_t line,
                            const char *subject, const char *relation,
                            const char *object, const char *source,
                            fnet_fact **out)
{
    return add_fact(im, line, subject, relation, object, source, false, out);
}

void fnet_import_fact_attrs_shared(fnet_fact *f, fnet_attr *attrs, uint32_t n)
{
    f->attrs = n ? attrs : NULL;
    f->n_attrs = n;
}

void fnet_import_quotes_note(fnet_importer *im, const fnet_quoter *q)
{
    uint64_t n = q->cut;
    if (n)
        fnet_import_warn(im, 0, NULL,
                         "%llu evidence quote%s shortened: "
                         "the sentences around the annotation are longer "
                         "than %zu bytes, so the annotated span is quoted "
                         "(cut in the middle with \"\xE2\x80\xA6\" when it "
                         "is longer too; docs/LIMITS.md)",
                         (unsigned long long)n, n == 1 ? "" : "s",
                         q->max_bytes);
}

/* ---- files ------------------------------------------------------------ */

int fnet_import_read(const char *path, uint64_t limit, char **out, size_t *len,
                     fnet_err *err)
{
    return fnet_infile_read_path(path, limit, out, len, err);
}

int fnet_import_read_input(fnet_corpus *c, const char *path, fnet_diag *d,
                           const char **name, char **out, size_t *len,
                           fnet_err *err)
{
    *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    int rc = fnet_import_read(path, c->limits.document_bytes, out, len, err);
    if (rc == FNET_EDATA) { /* too large: a located data error */
        fnet_diag_add(d, FNET_SEV_ERROR, NULL, "%s", err->msg);
        *out = NULL;
        return FNET_OK;
    }
    return rc;
}

/* ---- text ------------------------------------------------------------- */

int fnet_offsets_build(fnet_offsets *o, const char *text, size_t len, int unit)
{
    o->n = 0;
    o->byte = malloc((2 * len + 1) * sizeof *o->byte); /* UTF-16: <= 2/char */
    if (!o->byte)
        return FNET_ENOMEM;
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        size_t n = fnet_utf8_seq_len(p + i, len - i);
        if (!n)
            n = 1; /* callers check UTF-8 first; stay safe anyway */
        o->byte[o->n++] = i;
        if (unit == FNET_OFFSET_UTF16 && n == 4)
            o->byte[o->n++] = SIZE_MAX; /* low surrogate */
        if (unit == FNET_OFFSET_CODEPOINT_LF && p[i] == '\r' && i + 1 < len &&
            p[i + 1] == '\n')
            n = 2;
        i += n;
    }
    o->byte[o->n] = len;
    return FNET_OK;
}

void fnet_offsets_free(fnet_offsets *o)
{
    free(o->byte);
    o->byte = NULL;
    o->n = 0;
}

bool fnet_offsets_span(const fnet_offsets *o, long long start, long long end,
                       size_t *b_start, size_t *b_end)
{
    if (start < 0 || end < start || (unsigned long long)end > o->n)
        return false;
    *b_start = o->byte[start];
    *b_end = o->byte[end];
    return *b_start != SIZE_MAX && *b_end != SIZE_MAX;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

void fnet_import_fold(const char *s, size_t len, fnet_buf *out)
{
    fnet_text_fold_n(out, s, len, false);
}

bool fnet_import_date(const char *v, fnet_date *out, char *why, int why_size)
{
    char day[11], reason[160];
    size_t n = strlen(v);
    if (n > 10 && (v[10] == 'T' || v[10] == ' '))
        n = 10;
    snprintf(day, sizeof day, "%.*s", (int)(n < 10 ? n : 10), v);
    if (n <= 10 && fnet_date_parse(day, out, reason, sizeof reason) == 0)
        return true;
    if (n > 10 || strncmp(reason, "expected", 8) == 0) {
        fnet_buf q = {0};
        snprintf(why, (size_t)why_size,
                 "expected a date as YYYY, YYYY-MM or "
                 "YYYY-MM-DD, got %s",
                 fnet_diag_quoted(&q, v));
        fnet_buf_free(&q);
    } else
        snprintf(why, (size_t)why_size, "%s", reason);
    return false;
}

bool fnet_import_iequal(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

bool fnet_import_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    while (is_ws(*s))
        s++;
    if (!*s)
        return false;
    double v = strtod(s, &end);
    while (is_ws(*end))
        end++;
    if (errno || end == s || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

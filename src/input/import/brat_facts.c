/* brat_facts.c - brat records turned into mentions, entities, relations
 * and facts (brat_facts.h). */
#include "input/import/brat_facts.h"

#include "core/text.h"
#include "input/import/brat_ann.h"

#include <stdlib.h>
#include <string.h>

#define NONE FNET_BRAT_NONE
#define MAX_WORDS FNET_BRAT_MAX_WORDS

typedef fnet_brat brat;
typedef fnet_brat_rec rec;

/* ---- what waits for the entities --------------------------------------- */

/* What the facts of one annotation (a relation, or an event and its
 * pairs) share: made once, pointed to by each of its facts, so that an
 * event's many facts cost no copies. In the corpus arena (the strings and
 * attributes become the facts') but for the struct itself (brat.shared). */
typedef struct shared {
    const char *relation;      /* factnet name */
    const char *brat_type;     /* for annotation.conf's argument types */
    const fnet_brat_rel *conf; /* the relation's declaration, or NULL */
    bool event;
    const char *evidence, *source;
    fnet_attr *attrs;
    uint32_t n_attrs;
} shared;

/* A fact waiting for the entities (created once every document is read). */
typedef struct fnet_brat_pending {
    uint32_t file, line;
    uint32_t subject, object; /* mention names */
    const shared *sh;
} pending;

/* ---- one document ------------------------------------------------------ */

/* A document being turned into facts: its records, the quoter of its
 * text and its source. */
typedef struct doc {
    brat *b;
    fnet_brat_doc r;
    fnet_quoter quotes; /* of the text */
    const char *source;
} doc;

static bool is_event_type(const brat *b, const char *type)
{
    return b->conf_path && fnet_brat_conf_is_event(&b->cf, type);
}

static int make_mentions(doc *dc)
{
    brat *b = dc->b;
    for (size_t i = 0; i < dc->r.n; i++) { /* event triggers are not entities */
        rec *r = &dc->r.v[i];
        rec *t = r->kind == 'E' ? fnet_brat_doc_find(&dc->r, r->trigger) : NULL;
        if (r->kind == 'E' && (!t || t->kind != 'T'))
            fnet_import_error(&b->im, r->line, r->id,
                              "the trigger %s is "
                              "not a text-bound (T) annotation",
                              fnet_import_quote(&b->im, 0, r->trigger));
        else if (t)
            t->trigger_tb = true;
    }
    for (size_t i = 0; i < dc->r.n; i++) {
        rec *r = &dc->r.v[i];
        if (r->kind != 'T' || r->bad || r->trigger_tb ||
            is_event_type(b, r->type))
            continue;
        const char *type = fnet_labelmap_entity(b->labels, r->type);
        if (!type) {
            r->dropped = true;
            fnet_import_skip(&b->im, r->line, "mention",
                             "label dropped by the label map", NULL);
            continue;
        }
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
    rec *t = fnet_brat_doc_find(&dc->r, id);
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
    for (size_t i = 0; i < dc->r.n && rc == FNET_OK; i++) {
        rec *r = &dc->r.v[i];
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

/* Attributes and notes of annotation r, copied into the corpus arena (the
 * document's records go when the document is done). */
static int gather_attrs(doc *dc, const rec *r, fnet_attr **out, uint32_t *n)
{
    size_t t;
    const rec *on = fnet_strmap_get(&dc->r.ids, r->id, strlen(r->id), &t)
                        ? &dc->r.v[t]
                        : NULL;
    uint32_t k = 0;
    for (uint32_t i = on ? on->attr_first : NONE; i != NONE;
         i = dc->r.v[i].attr_next)
        k++;
    *out = NULL;
    *n = 0;
    if (!k)
        return FNET_OK;
    fnet_corpus *c = dc->b->im.c;
    *out = fnet_arena_alloc(&c->arena, k * sizeof **out);
    if (!*out)
        return FNET_ENOMEM;
    for (uint32_t i = on->attr_first; i != NONE; i = dc->r.v[i].attr_next) {
        const rec *x = &dc->r.v[i];
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
    int rc =
        sh->event || !b->conf_path
            ? FNET_OK
            : fnet_brat_conf_relation(&b->cf, r->type, &c->arena, &sh->conf);
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
        fnet_import_skip_quiet(&dc->b->im, r->line, "relation",
                               "an argument is an event");
        return FNET_OK;
    }
    const char *name = fnet_labelmap_relation(dc->b->labels, r->type, NULL);
    if (!name)
        fnet_import_skip(&dc->b->im, r->line, "relation",
                         "label dropped by the label map", NULL);
    else if (s->dropped || o->dropped)
        fnet_import_skip(&dc->b->im, r->line, "relation",
                         "an argument's label dropped by the label map", NULL);
    if (!name || s->name < 0 || o->name < 0)
        return FNET_OK; /* skipped, or a bad span (reported) */
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
    if (b->events == FNET_BRAT_EVENTS_NONE)
        fnet_import_skip_quiet(&b->im, r->line, "event", "--brat-events none");
    else if (!name)
        fnet_import_skip(&b->im, r->line, "event",
                         "label dropped by the label map", NULL);
    if (b->events == FNET_BRAT_EVENTS_NONE || !name || bad)
        return FNET_OK;
    if (n < 2) {
        fnet_import_warn(&b->im, r->line, r->id,
                         "no fact: an event needs "
                         "two entity arguments (arguments that are events "
                         "are left out)");
        fnet_import_skip_quiet(&b->im, r->line, "event",
                               "fewer than two entity arguments");
        return FNET_OK;
    }
    uint32_t max = b->im.c->limits.pair_arguments;
    if (b->events == FNET_BRAT_EVENTS_PAIRS && n > max) {
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
    rec *trig = fnet_brat_doc_find(&dc->r, r->trigger);
    if (trig && trig->kind == 'T' && !trig->bad)
        widen(trig, &a, &e);
    const shared *sh;
    int rc = make_shared(dc, r, name, a, e, &sh);
    for (uint32_t i = 0; i < n && rc == FNET_OK; i++)
        for (uint32_t j = i + 1; j < n && rc == FNET_OK; j++) {
            if (b->events == FNET_BRAT_EVENTS_FIRST && i > 0)
                break;
            rc = add_pending(dc, r, args[i], args[j], sh);
        }
    return rc;
}

int fnet_brat_add_document(fnet_brat *b, const char *ann, size_t ann_len,
                           const char *txt_name, const char *txt,
                           size_t txt_len, const char *source_id)
{
    doc dc = {.b = b, .r = {.im = &b->im, .txt = txt, .txt_len = txt_len}};
    fnet_quoter_init(&dc.quotes, txt, txt_len, b->im.c->limits.quote_bytes,
                     &b->im.c->arena);
    int rc = FNET_OK;
    size_t bad;
    if (!fnet_brat_text_ok(b->im.d, txt_name, txt, txt_len))
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
        rc = fnet_brat_doc_read(&dc.r, ann, ann_len);
    if (rc == FNET_OK)
        rc = make_mentions(&dc);
    if (rc == FNET_OK)
        rc = merge_names(&dc);
    for (size_t i = 0; i < dc.r.n && rc == FNET_OK; i++)
        if (dc.r.v[i].kind == 'R')
            rc = relation_facts(&dc, &dc.r.v[i]);
        else if (dc.r.v[i].kind == 'E')
            rc = event_facts(&dc, &dc.r.v[i]);
    if (rc == FNET_OK)
        fnet_import_quotes_note(&b->im, &dc.quotes);
    if (rc == FNET_OK)
        rc = fnet_import_skipped_flush(&b->im);
    fnet_quoter_free(&dc.quotes);
    fnet_brat_doc_free(&dc.r);
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
        if (b->events == FNET_BRAT_EVENTS_PAIRS && q->sh->event) {
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
        .directed = sh->event ? b->events != FNET_BRAT_EVENTS_PAIRS
                              : !(sh->conf && sh->conf->symmetric),
        .sign = 1,
        .description = sh->event ? "brat event type" : "brat relation type"};
    uint32_t file = b->im.file;
    b->im.file = p->file;
    int rc = fnet_import_relation(&b->im, &r, p->line, rel);
    b->im.file = file;
    return rc;
}

int fnet_brat_finish(fnet_brat *b)
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

/* ---- the import -------------------------------------------------------- */

void fnet_brat_init(fnet_brat *b, fnet_corpus *c, fnet_diag *d,
                    const fnet_labelmap *labels, int events)
{
    memset(b, 0, sizeof *b);
    b->im.c = c;
    b->im.d = d;
    b->labels = labels;
    b->events = events;
}

int fnet_brat_file(fnet_brat *b, const char *name)
{
    if (b->started)
        return fnet_importer_file(&b->im, name);
    b->started = true;
    return fnet_importer_begin(&b->im, b->im.c, b->im.d, name);
}

void fnet_brat_free(fnet_brat *b)
{
    if (b->started)
        fnet_importer_end(&b->im);
    fnet_mentions_free(&b->m);
    free(b->facts);
    fnet_brat_conf_free(&b->cf);
    free(b->conf_path);
    fnet_arena_free(&b->shared);
}

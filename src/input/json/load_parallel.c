/* load_parallel.c - JSON Lines parsed on two threads (see load_parallel.h).
 *
 * Slots move FREE -> FILLING (the calling thread reads whole lines into
 * it) -> FILLED -> PARSING (either thread checks and parses its lines) ->
 * PARSED -> the calling thread loads it, in sequence order -> FREE. A
 * slot's content belongs to whichever thread moved it into FILLING or
 * PARSING, or to the calling thread once PARSED; states change under the
 * reader's lock. */
#include "input/json/load_parallel.h"

#include "input/json/jsonl.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_BYTES (1u << 16) /* one read */
#define N_SLOTS 4              /* chunks in flight */

enum slot_state { FREE, FILLING, FILLED, PARSING, PARSED };

typedef struct line_rec {
    size_t off, len; /* text in the slot's buffer, NUL-terminated */
    uint32_t lineno;
    bool too_long; /* longer than the limit: no text kept */
    bool over;     /* past the line-count limit (lineno: lines before) */
    cJSON *tree;   /* fnet_jsonl_prepare()'s result, or NULL */
    bool in_arena; /* tree lives in the slot's arena (no cJSON_Delete) */
    /* A fact record checked in the slot's scratch context. */
    bool checked, has_fact, oom;
    fnet_fact fact;              /* strings in the scratch context */
    size_t item0, item1;         /* its messages: msgs.items[item0..item1) */
    size_t n_errors, n_warnings; /* ... and their counts */
} line_rec;

typedef struct slot {
    char *buf;
    size_t len, cap;
    line_rec *lines;
    size_t n_lines, cap_lines;
    uint64_t bytes; /* bytes of the file behind the lines (progress) */
    int state;      /* enum slot_state */
    uint64_t seq;
    const fnet_limits *lim;      /* the corpus's, read only */
    fnet_arena trees;            /* parse trees of plain records */
    fnet_jsonl_scratch *scratch; /* facts are checked here */
    fnet_diag msgs;              /* ... with their messages here */
} slot;

typedef struct reader {
    const char *name;
    FILE *fp;
    const fnet_jsonl_parallel_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    slot slots[N_SLOTS];
    uint64_t next_seq, next_consume;
    bool stop; /* tells the worker to return */
    /* The calling thread's own: */
    char *blk; /* the last read; [pos, end) not yet split */
    size_t pos, end;
    size_t line_start;   /* of the current line in the slot being filled */
    bool in_line;        /* a line has begun and not ended */
    bool skipping;       /* the current line is over the limit */
    uint64_t line_bytes; /* the corpus's limits */
    uint32_t max_lines;
    uint32_t lineno;
    bool eof;
    int read_errno; /* errno of a failed read, 0 */
} reader;

static int reserve(slot *s, size_t need)
{
    if (need <= s->cap)
        return 0;
    size_t n = s->cap ? s->cap : FNET_LOAD_CHUNK_BYTES + BLOCK_BYTES;
    while (n < need)
        n *= 2;
    char *p = realloc(s->buf, n);
    if (!p)
        return FNET_ENOMEM;
    s->buf = p;
    s->cap = n;
    return 0;
}

/* Ends the current line: records it and NUL-terminates its text. */
static int end_line(reader *r, slot *s)
{
    if (s->n_lines == s->cap_lines) {
        size_t n = s->cap_lines ? s->cap_lines * 2 : 8192;
        line_rec *p = realloc(s->lines, n * sizeof *p);
        if (!p)
            return FNET_ENOMEM;
        s->lines = p;
        s->cap_lines = n;
    }
    if (reserve(s, s->len + 1))
        return FNET_ENOMEM;
    s->lines[s->n_lines++] = (line_rec){.off = r->line_start,
                                        .len = s->len - r->line_start,
                                        .lineno = r->lineno + 1,
                                        .too_long = r->skipping};
    s->buf[s->len++] = '\0';
    r->lineno++;
    r->line_start = s->len;
    r->in_line = r->skipping = false;
    return 0;
}

/* Takes the text up to the next newline (or the end of the last read) into
 * the current line; at most the line limit is kept. */
static int take(reader *r, slot *s)
{
    if (!r->in_line && r->lineno >= r->max_lines) {
        /* One line too many: recorded so that the loading thread reports
         * it in its place; nothing more is read. */
        uint32_t before = r->lineno;
        int rc = end_line(r, s);
        if (!rc) {
            s->lines[s->n_lines - 1].over = true;
            s->lines[s->n_lines - 1].lineno = before;
        }
        r->eof = true;
        return rc;
    }
    const char *from = r->blk + r->pos;
    const char *nl = memchr(from, '\n', r->end - r->pos);
    size_t n = nl ? (size_t)(nl - from) : r->end - r->pos;
    r->pos += n + (nl != NULL);
    s->bytes += n + (nl != NULL);
    r->in_line = true;
    if (!r->skipping && s->len - r->line_start + n > r->line_bytes) {
        r->skipping = true; /* forget the text, keep the count */
        s->len = r->line_start;
    }
    if (!r->skipping) {
        if (reserve(s, s->len + n + 1))
            return FNET_ENOMEM;
        memcpy(s->buf + s->len, from, n);
        s->len += n;
    }
    return nl ? end_line(r, s) : 0;
}

/* Reads the next chunk into s: whole lines until FNET_LOAD_CHUNK_BYTES or
 * FNET_LOAD_CHUNK_LINES are reached, or to the end of the file. Returns 0
 * or FNET_ENOMEM. Calling thread only, without the lock. */
static int fill(reader *r, slot *s)
{
    int rc = 0;
    s->len = s->n_lines = 0;
    s->bytes = 0;
    r->line_start = 0;
    fnet_jsonl_scratch_reset(s->scratch);
    fnet_arena_free(&s->trees);
    size_t cap = s->msgs.cap;
    fnet_diag_free(&s->msgs);
    s->msgs.cap = cap;
    while (!rc && !r->eof &&
           ((s->len < FNET_LOAD_CHUNK_BYTES &&
             s->n_lines < FNET_LOAD_CHUNK_LINES) ||
            r->in_line)) {
        if (r->pos == r->end) {
            r->pos = 0;
            r->end = fread(r->blk, 1, BLOCK_BYTES, r->fp);
            if (r->end == 0) { /* end of file or error: ferror() tells */
                r->read_errno = ferror(r->fp) ? errno : 0;
                r->eof = true;
                if (r->in_line) /* a last line without a newline */
                    rc = end_line(r, s);
                break;
            }
        }
        rc = take(r, s);
    }
    return rc;
}

/* The scratch sink: keeps the valid fact for the loading thread. */
static int capture(void *ctx, const fnet_fact *f)
{
    line_rec *l = ctx;
    l->fact = *f;
    l->has_fact = true;
    return 0;
}

static void drop_tree(line_rec *l)
{
    if (!l->in_arena)
        cJSON_Delete(l->tree);
    l->tree = NULL;
}

/* Checks the fact records of s: a plain fact is read straight from its
 * text; any other line is checked and parsed into a tree, and a fact's
 * tree then checked as a record. Any thread; touches only s. */
static void parse(slot *s)
{
    for (size_t i = 0; i < s->n_lines; i++) {
        line_rec *l = &s->lines[i];
        if (l->too_long || l->over)
            continue;
        l->item0 = l->item1 = s->msgs.n_items;
        if (fnet_jsonl_scratch_scan(s->scratch, s->buf + l->off, l->len,
                                    l->lineno, &s->trees, &l->fact)) {
            l->checked = l->has_fact = true;
            continue;
        }
        l->tree = fnet_jsonl_prepare(s->lim, s->buf + l->off, l->len, l->lineno,
                                     &s->trees, &l->in_arena);
        if (!l->tree)
            continue;
        fnet_load_sink cap = {l, capture, NULL};
        size_t e0 = s->msgs.n_errors, w0 = s->msgs.n_warnings;
        l->checked = fnet_jsonl_scratch_fact(
            s->scratch, l->tree, l->lineno,
            fnet_records_line_col(s->buf + l->off, l->len), &cap, &s->msgs,
            &l->oom);
        if (!l->checked)
            continue;
        l->item1 = s->msgs.n_items;
        l->n_errors = s->msgs.n_errors - e0;
        l->n_warnings = s->msgs.n_warnings - w0;
        drop_tree(l);
    }
}

/* Announces line i's fact, if it has a valid one, to the sink's ahead(). */
static void announce(const fnet_load_sink *sink, const slot *s, size_t i,
                     int stage)
{
    if (i < s->n_lines && s->lines[i].has_fact)
        sink->ahead(sink->ctx, &s->lines[i].fact, stage);
}

/* Loads the parsed lines of s in order; after an error only frees them. */
static int consume(fnet_jsonl *j, const fnet_load_sink *sink, slot *s,
                   fnet_err *err)
{
    int rc = 0;
    bool ahead = sink && sink->ahead;
    for (size_t i = 0; i < s->n_lines; i++) {
        line_rec *l = &s->lines[i];
        if (ahead && !rc) {
            announce(sink, s, i + 2 * FNET_SINK_AHEAD, 0);
            announce(sink, s, i + FNET_SINK_AHEAD, 1);
        }
        if (!rc && l->over) {
            fnet_jsonl_more_lines(j, l->lineno); /* reports; the last line */
        } else if (!rc && l->checked) {
            /* No message yet: items is NULL (and NULL + 0 is undefined). */
            fnet_diag view = {.items = s->msgs.items ? s->msgs.items + l->item0
                                                     : NULL,
                              .n_items = l->item1 - l->item0,
                              .n_errors = l->n_errors,
                              .n_warnings = l->n_warnings};
            rc = fnet_jsonl_checked(j, &view, l->has_fact ? &l->fact : NULL,
                                    l->oom, err);
        } else if (!rc) {
            rc = fnet_jsonl_line(j, s->buf + l->off, l->len, l->too_long,
                                 l->lineno, l->tree, err);
        }
        drop_tree(l);
    }
    s->n_lines = 0;
    return rc;
}

/* The FILLED slot with the lowest sequence number, or NULL. */
static slot *next_filled(reader *r)
{
    slot *best = NULL;
    for (int i = 0; i < N_SLOTS; i++) {
        slot *s = &r->slots[i];
        if (s->state == FILLED && (!best || s->seq < best->seq))
            best = s;
    }
    return best;
}

static slot *find_free(reader *r)
{
    for (int i = 0; i < N_SLOTS; i++)
        if (r->slots[i].state == FREE)
            return &r->slots[i];
    return NULL;
}

static slot *find_parsed(reader *r, uint64_t seq)
{
    for (int i = 0; i < N_SLOTS; i++)
        if (r->slots[i].state == PARSED && r->slots[i].seq == seq)
            return &r->slots[i];
    return NULL;
}

static void *worker(void *arg)
{
    reader *r = arg;
    pthread_mutex_lock(&r->mu);
    while (!r->stop) {
        slot *s = next_filled(r);
        if (!s) {
            pthread_cond_wait(&r->cv, &r->mu);
            continue;
        }
        s->state = PARSING;
        pthread_mutex_unlock(&r->mu);
        parse(s);
        pthread_mutex_lock(&r->mu);
        s->state = PARSED;
        pthread_cond_broadcast(&r->cv);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* The calling thread's loop: load the next chunk when it is parsed, else
 * read one, else parse one, else wait for the worker. */
static int run(reader *r, fnet_jsonl *j, fnet_err *err)
{
    int rc = 0;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        slot *s = find_parsed(r, r->next_consume);
        if (s) {
            pthread_mutex_unlock(&r->mu);
            rc = consume(j, r->o ? r->o->sink : NULL, s, err);
            if (r->o && r->o->progress)
                r->o->progress(r->o->progress_ctx, "loading", s->bytes);
            pthread_mutex_lock(&r->mu);
            s->state = FREE;
            r->next_consume++;
            if (rc)
                break;
        } else if (!r->eof && (s = find_free(r))) {
            s->state = FILLING;
            pthread_mutex_unlock(&r->mu);
            rc = fill(r, s);
            pthread_mutex_lock(&r->mu);
            s->seq = r->next_seq++;
            s->state = FILLED;
            pthread_cond_broadcast(&r->cv);
            if (rc) {
                rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory",
                                  r->name);
                break;
            }
        } else if ((s = next_filled(r))) {
            s->state = PARSING;
            pthread_mutex_unlock(&r->mu);
            parse(s);
            pthread_mutex_lock(&r->mu);
            s->state = PARSED;
        } else if (r->eof && r->next_consume == r->next_seq) {
            break;
        } else {
            pthread_cond_wait(&r->cv, &r->mu);
        }
    }
    pthread_mutex_unlock(&r->mu);
    return rc;
}

/* Runs the reader, with a worker thread when one is wanted and can be
 * started. */
static int run_threads(reader *r, fnet_jsonl *j, fnet_err *err)
{
    pthread_t th;
    if (pthread_mutex_init(&r->mu, NULL))
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", r->name);
    if (pthread_cond_init(&r->cv, NULL)) {
        pthread_mutex_destroy(&r->mu);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", r->name);
    }
    bool threaded = !(r->o && r->o->threads == 1) &&
                    pthread_create(&th, NULL, worker, r) == 0;
    int rc = run(r, j, err);
    pthread_mutex_lock(&r->mu);
    r->stop = true;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
    if (threaded)
        pthread_join(th, NULL);
    pthread_cond_destroy(&r->cv);
    pthread_mutex_destroy(&r->mu);
    return rc;
}

int fnet_load_jsonl_parallel(fnet_corpus *c, const char *name, FILE *fp,
                             const fnet_jsonl_parallel_opts *o, fnet_diag *d,
                             fnet_err *err)
{
    const fnet_load_sink *sink = o ? o->sink : NULL;
    reader r = {.name = name,
                .fp = fp,
                .o = o,
                .line_bytes = c->limits.line_bytes,
                .max_lines = c->limits.lines};
    fnet_jsonl *j = NULL;
    int rc = fnet_jsonl_begin(&j, c, name, sink, d, err);
    if (rc)
        return rc;
    r.blk = malloc(BLOCK_BYTES);
    if (!r.blk)
        rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    for (int i = 0; i < N_SLOTS && !rc; i++) {
        r.slots[i].msgs.cap = d->cap;
        r.slots[i].lim = &c->limits;
        if (fnet_jsonl_scratch_new(&r.slots[i].scratch, j))
            rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    if (!rc)
        rc = run_threads(&r, j, err);
    bool read_ok = !ferror(fp);
    if (!rc && !read_ok)
        rc = fnet_err_set(err, FNET_EIO, "%s: read error: %s", name,
                          strerror(r.read_errno ? r.read_errno : EIO));
    fnet_jsonl_end(j, rc == 0 && read_ok);
    for (int i = 0; i < N_SLOTS; i++) {
        slot *s = &r.slots[i];
        for (size_t k = 0; k < s->n_lines; k++)
            drop_tree(&s->lines[k]);
        fnet_arena_free(&s->trees);
        free(s->buf);
        free(s->lines);
        fnet_jsonl_scratch_free(s->scratch);
        fnet_diag_free(&s->msgs);
    }
    free(r.blk);
    return rc;
}

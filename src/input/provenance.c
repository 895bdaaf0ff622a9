/* provenance.c - evidence quotes against source texts (see provenance.h). */
#define _GNU_SOURCE /* memmem */
#include "input/provenance.h"

#include "core/infile.h"
#include "core/strmap.h"
#include "core/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Substring length of the similarity index, and how often a substring may
 * occur in the text before it is too common to say where a quote belongs. */
#define GRAM 6
#define GRAM_MAX_HITS 32
#define NO_POS UINT32_MAX
/* A passage is shown only when at least this share (1/N) of the quote's
 * substrings agree on it: fewer is chance, not a near miss. */
#define MIN_SHARE 5
/* Bytes of context shown on each side of the mismatch marker. */
#define CONTEXT 40
#define MARKER "[*]"

struct fnet_prov_text {
    char *name;
    char *raw; /* the text as read, without a byte-order mark */
    size_t raw_len;
    fnet_buf folded;
    bool indexed;
    fnet_strmap grams; /* GRAM bytes -> last position in folded */
    uint32_t *prev;    /* position -> previous one with the same GRAM bytes */
};

/* ---- texts ------------------------------------------------------------ */

int fnet_prov_text_new(fnet_prov_text **out, const char *name, const char *data,
                       size_t len, fnet_err *err)
{
    *out = NULL;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t bad;
    if (!fnet_utf8_valid(data, len, &bad))
        return fnet_err_set(err, FNET_EDATA, "%s: invalid UTF-8 at byte %zu",
                            name, bad);
    fnet_prov_text *t = calloc(1, sizeof *t);
    if (!t)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    t->name = strdup(name);
    t->raw = malloc(len + 1);
    if (t->raw) {
        memcpy(t->raw, data, len);
        t->raw[len] = '\0';
        t->raw_len = len;
        fnet_text_fold_n(&t->folded, data, len, false);
    }
    if (!t->name || !t->raw || !fnet_buf_ok(&t->folded)) {
        fnet_prov_text_free(t);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    *out = t;
    return FNET_OK;
}

int fnet_prov_text_read(fnet_prov_text **out, const char *path, uint64_t limit,
                        fnet_err *err)
{
    char *data = NULL;
    size_t len = 0;
    *out = NULL;
    FILE *fp = fopen(path, "rb"); /* not fnet_infile_read_path: "-" is a
                                   * file name here, not standard input */
    if (!fp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    int rc = fnet_infile_read(fp, path, limit, &data, &len, err);
    fclose(fp);
    if (rc == FNET_EDATA)
        fnet_err_set(err, rc,
                     "%s: file larger than the limit of %llu bytes "
                     "for a source text",
                     path, (unsigned long long)limit);
    if (rc != FNET_OK)
        return rc;
    rc = fnet_prov_text_new(out, path, data, len, err);
    free(data);
    return rc;
}

void fnet_prov_text_free(fnet_prov_text *t)
{
    if (!t)
        return;
    fnet_strmap_free(&t->grams);
    free(t->prev);
    fnet_buf_free(&t->folded);
    free(t->raw);
    free(t->name);
    free(t);
}

void fnet_prov_result_free(fnet_prov_result *res)
{
    fnet_buf_free(&res->why);
}

/* ---- quotes ----------------------------------------------------------- */

/* A folded fragment of a quote: bytes [off, off + len) of a buffer. */
typedef struct frag {
    size_t off, len;
} frag;

/* Length of the ellipsis at s ("…" or three or more dots), or 0. */
static size_t ellipsis_len(const char *s)
{
    if (strncmp(s, "\xE2\x80\xA6", 3) == 0)
        return 3;
    size_t n = 0;
    while (s[n] == '.')
        n++;
    return n >= 3 ? n : 0;
}

/* Splits quote at its ellipses and folds each piece into out; empty pieces
 * are dropped. *frags (caller frees) gets the pieces. Returns 0 or
 * FNET_ENOMEM. */
static int split(const char *quote, fnet_buf *out, frag **frags, size_t *n)
{
    size_t cap = 1;
    for (const char *p = quote; *p;) {
        size_t e = ellipsis_len(p);
        cap += e ? 1 : 0;
        p += e ? e : 1;
    }
    *n = 0;
    *frags = malloc(cap * sizeof **frags);
    if (!*frags)
        return FNET_ENOMEM;
    const char *start = quote;
    for (const char *p = quote;; p++) {
        size_t e = *p ? ellipsis_len(p) : 0;
        if (*p && !e)
            continue;
        size_t off = out->len;
        fnet_text_fold_n(out, start, (size_t)(p - start), false);
        if (out->len > off)
            (*frags)[(*n)++] = (frag){off, out->len - off};
        if (!*p)
            break;
        p += e - 1;
        start = p + 1;
    }
    return fnet_buf_ok(out) ? FNET_OK : FNET_ENOMEM;
}

/* Appends s[0..n) cut to about max bytes at a character boundary. */
static void put_preview(fnet_buf *b, const char *s, size_t n, size_t max)
{
    if (n <= max) {
        fnet_buf_append(b, s, n);
        return;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    fnet_buf_append(b, s, max);
    fnet_buf_puts(b, "\xE2\x80\xA6");
}

/* The line (1-based) of the raw text that holds folded byte fpos; a folded
 * space belongs to the line where its run of white space began. Replays the
 * folding of fnet_text_fold_n; O(n), run only for reported misses. */
static size_t line_of(const fnet_prov_text *t, size_t fpos)
{
    size_t line = 1, run_line = 1, out = 0;
    bool pending = false, started = false;
    for (size_t i = 0; i < t->raw_len;) {
        size_t sp = fnet_text_space_len(t->raw + i, t->raw_len - i);
        if (sp) {
            if (!pending)
                run_line = line;
            if (t->raw[i] == '\n')
                line++;
            pending = started;
            i += sp;
            continue;
        }
        if (pending && out++ >= fpos)
            return run_line;
        pending = false;
        started = true;
        if (out++ >= fpos)
            return line;
        i++;
    }
    return line;
}

/* Builds the substring index of the folded text. O(n). */
static int build_index(fnet_prov_text *t)
{
    const char *s = t->folded.data;
    size_t n = t->folded.len;
    t->indexed = true;
    if (n < GRAM)
        return FNET_OK;
    t->prev = malloc((n - GRAM + 1) * sizeof *t->prev);
    if (!t->prev)
        return FNET_ENOMEM;
    for (size_t p = 0; p + GRAM <= n; p++) {
        size_t head;
        t->prev[p] = fnet_strmap_get(&t->grams, s + p, GRAM, &head)
                         ? (uint32_t)head
                         : NO_POS;
        if (fnet_strmap_put(&t->grams, s + p, GRAM, p) != FNET_OK)
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

static int by_value(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* Finds the alignment (text offset minus quote offset) that most of the
 * quote's GRAM-byte substrings agree on. Substrings occurring more than
 * GRAM_MAX_HITS times are ignored. Ties go to the earliest alignment.
 * Returns 0 with *votes = 0 when nothing agrees, or FNET_ENOMEM. */
static int best_diagonal(fnet_prov_text *t, const char *q, size_t m,
                         long long *diag, size_t *votes)
{
    *votes = 0;
    if (!t->indexed && build_index(t) != FNET_OK)
        return FNET_ENOMEM;
    if (m < GRAM || !t->prev)
        return FNET_OK;
    size_t n = 0, cap = 64;
    long long *v = malloc(cap * sizeof *v);
    if (!v)
        return FNET_ENOMEM;
    for (size_t i = 0; i + GRAM <= m; i++) {
        size_t head, hits = 0;
        if (!fnet_strmap_get(&t->grams, q + i, GRAM, &head))
            continue;
        for (uint32_t p = (uint32_t)head; p != NO_POS; p = t->prev[p])
            if (++hits > GRAM_MAX_HITS)
                break;
        if (hits > GRAM_MAX_HITS)
            continue;
        if (n + hits > cap) {
            while (n + hits > cap)
                cap *= 2;
            long long *grown = realloc(v, cap * sizeof *v);
            if (!grown) {
                free(v);
                return FNET_ENOMEM;
            }
            v = grown;
        }
        for (uint32_t p = (uint32_t)head; p != NO_POS; p = t->prev[p])
            v[n++] = (long long)p - (long long)i;
    }
    qsort(v, n, sizeof *v, by_value);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && v[j] == v[i]; j++)
            ;
        if (j - i > *votes) {
            *votes = j - i;
            *diag = v[i];
        }
    }
    free(v);
    return FNET_OK;
}

/* Where the quote q departs from the text along alignment diag: the folded
 * text offset of the first differing byte after the first agreeing
 * substring, or of the last one before it when the rest agrees. */
static size_t mismatch_at(const fnet_prov_text *t, const char *q, size_t m,
                          long long diag)
{
    const char *s = t->folded.data;
    long long n = (long long)t->folded.len;
    long long i0 = 0;
    while (i0 + GRAM <= (long long)m &&
           !(i0 + diag >= 0 && i0 + diag + GRAM <= n &&
             memcmp(s + i0 + diag, q + i0, GRAM) == 0))
        i0++;
    long long k = i0;
    while (k < (long long)m && k + diag < n && s[k + diag] == q[k])
        k++;
    if (k == (long long)m) {
        k = i0 - 1;
        while (k >= 0 && k + diag >= 0 && s[k + diag] == q[k])
            k--;
    }
    long long pos = k + diag;
    if (pos < 0)
        pos = 0;
    if (pos > n)
        pos = n;
    while (pos > 0 && pos < n && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return (size_t)pos;
}

/* Appends ~CONTEXT bytes either side of folded offset pos, the marker
 * between, cut at character boundaries, quoted (fnet_diag_quote). */
static void put_window(fnet_buf *b, const fnet_prov_text *t, size_t pos)
{
    fnet_buf w = {0};
    const char *s = t->folded.data;
    size_t n = t->folded.len;
    size_t lo = pos > CONTEXT ? pos - CONTEXT : 0;
    size_t hi = pos + CONTEXT < n ? pos + CONTEXT : n;
    while (lo < pos && ((unsigned char)s[lo] & 0xC0) == 0x80)
        lo++;
    while (hi > pos && hi < n && ((unsigned char)s[hi] & 0xC0) == 0x80)
        hi--;
    fnet_buf_puts(&w, lo > 0 ? "\xE2\x80\xA6" : "");
    fnet_buf_append(&w, s + lo, pos - lo);
    fnet_buf_puts(&w, MARKER);
    fnet_buf_append(&w, s + pos, hi - pos);
    fnet_buf_puts(&w, hi < n ? "\xE2\x80\xA6" : "");
    if (!fnet_buf_ok(&w))
        b->oom = true;
    fnet_diag_quote(b, fnet_buf_str(&w));
    fnet_buf_free(&w);
}

/* Explains why fragment k (of nf, starting the search at pos) failed. */
static int explain(fnet_prov_text *t, const char *q, size_t m, size_t k,
                   size_t nf, size_t pos, fnet_prov_result *res)
{
    fnet_buf *b = &res->why;
    const char *s = t->folded.data;
    size_t n = t->folded.len;
    if (nf > 1) {
        fnet_buf w = {0};
        put_preview(&w, q, m, CONTEXT);
        if (!fnet_buf_ok(&w))
            b->oom = true;
        fnet_buf_printf(b, ": fragment %zu of %zu (", k + 1, nf);
        fnet_diag_quote(b, fnet_buf_str(&w));
        fnet_buf_free(&w);
        fnet_buf_puts(b, ")");
        const char *hit = pos ? memmem(s, n, q, m) : NULL;
        if (hit) {
            res->score = m; /* the whole fragment agrees */
            fnet_buf_printf(b,
                            " occurs only before the end of fragment "
                            "%zu (%s:%zu); fragments around an ellipsis "
                            "must keep the text's order",
                            k, t->name, line_of(t, (size_t)(hit - s)));
            return FNET_OK;
        }
        fnet_buf_puts(b, " not found");
    }
    long long diag = 0;
    if (best_diagonal(t, q, m, &diag, &res->score) != FNET_OK)
        return FNET_ENOMEM;
    size_t grams = m >= GRAM ? m - GRAM + 1 : 0;
    if (res->score < 2 || res->score * MIN_SHARE < grams) {
        fnet_buf_puts(b, "; no similar passage");
        return FNET_OK;
    }
    size_t at = mismatch_at(t, q, m, diag);
    fnet_buf_printf(b, "; closest (%s:%zu, differs at " MARKER "): ", t->name,
                    line_of(t, at));
    put_window(b, t, at);
    return FNET_OK;
}

int fnet_prov_text_match(fnet_prov_text *t, const char *quote,
                         fnet_prov_result *res)
{
    fnet_buf q = {0};
    frag *fr = NULL;
    size_t nf = 0, pos = 0;
    int rc = split(quote, &q, &fr, &nf);
    res->found = false;
    res->score = 0;
    fnet_buf_reset(&res->why);
    if (rc != FNET_OK)
        goto done;
    if (nf == 0) {
        fnet_buf_puts(&res->why, ": the quote has no text");
        goto done;
    }
    const char *s = t->folded.data;
    size_t n = t->folded.len;
    for (size_t k = 0; k < nf; k++) {
        const char *f = q.data + fr[k].off;
        const char *hit = memmem(s + pos, n - pos, f, fr[k].len);
        if (!hit) {
            rc = explain(t, f, fr[k].len, k, nf, pos, res);
            goto done;
        }
        pos = (size_t)(hit - s) + fr[k].len;
    }
    res->found = true;
done:
    if (rc == FNET_OK && !fnet_buf_ok(&res->why))
        rc = FNET_ENOMEM;
    free(fr);
    fnet_buf_free(&q);
    return rc;
}

/* ---- a corpus --------------------------------------------------------- */

/* Reads the text of every source that names a file into texts[]. */
static int read_texts(const fnet_corpus *c, const char *dir,
                      fnet_prov_text **texts, fnet_diag *d,
                      fnet_prov_stats *stats, fnet_err *err)
{
    fnet_buf path = {0}, where = {0};
    int rc = FNET_OK;
    for (uint32_t i = 0; i < c->n_sources && rc == FNET_OK; i++) {
        const fnet_source *src = &c->sources[i];
        if (!src->file)
            continue;
        fnet_buf_reset(&path);
        if (dir && src->file[0] != '/') {
            size_t dl = strlen(dir);
            fnet_buf_puts(&path, dir);
            if (dl && dir[dl - 1] != '/')
                fnet_buf_putc(&path, '/');
        }
        fnet_buf_puts(&path, src->file);
        if (!fnet_buf_ok(&path)) {
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
            break;
        }
        fnet_err e = {0};
        rc = fnet_prov_text_read(&texts[i], fnet_buf_str(&path),
                                 c->limits.source_text_bytes, &e);
        if (rc == FNET_ENOMEM) {
            fnet_err_set(err, rc, "%s", e.msg);
        } else if (rc != FNET_OK) {
            fnet_buf_reset(&where);
            fnet_corpus_locate(c, src->loc, "sources", "file", &where);
            fnet_diag_add(d, FNET_SEV_ERROR, fnet_buf_str(&where), "%s", e.msg);
            rc = FNET_OK;
        } else {
            stats->texts++;
        }
    }
    fnet_buf_free(&path);
    fnet_buf_free(&where);
    return rc;
}

/* Matches one fact's quote against its sources' texts; reports a miss. */
static int check_fact(const fnet_corpus *c, const fnet_fact *f,
                      fnet_prov_text **texts, fnet_diag *d,
                      fnet_prov_stats *stats)
{
    fnet_prov_result res = {0}, best = {0};
    fnet_buf names = {0}, where = {0};
    int rc = FNET_OK;
    size_t tried = 0;
    bool found = false;
    for (uint32_t k = 0; k < f->n_sources && !found; k++) {
        fnet_prov_text *t = texts[f->sources[k]];
        if (!t)
            continue;
        rc = fnet_prov_text_match(t, f->evidence, &res);
        if (rc != FNET_OK)
            goto done;
        found = res.found;
        fnet_buf_puts(&names, tried++ ? " or " : "");
        fnet_buf_puts(&names, t->name);
        if (!found && (tried == 1 || res.score > best.score)) {
            fnet_prov_result tmp = best;
            best = res;
            res = tmp;
        }
    }
    if (!tried)
        goto done;
    stats->checked++;
    if (found)
        goto done;
    stats->not_found++;
    fnet_corpus_locate(c, f->loc, "facts", "evidence", &where);
    fnet_diag_add(d, FNET_SEV_WARNING, fnet_buf_str(&where),
                  "quote not found in %s%s", fnet_buf_str(&names),
                  fnet_buf_str(&best.why));
done:
    fnet_prov_result_free(&res);
    fnet_prov_result_free(&best);
    fnet_buf_free(&names);
    fnet_buf_free(&where);
    return rc;
}

int fnet_prov_check(const fnet_corpus *c, const char *sources_dir, fnet_diag *d,
                    fnet_prov_stats *stats, fnet_err *err)
{
    memset(stats, 0, sizeof *stats);
    fnet_prov_text **texts =
        calloc(c->n_sources ? c->n_sources : 1, sizeof *texts);
    if (!texts)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    int rc = read_texts(c, sources_dir, texts, d, stats, err);
    for (uint64_t i = 0; i < c->n_facts && rc == FNET_OK; i++) {
        const fnet_fact *f = &c->facts[i];
        if (!f->evidence)
            continue;
        stats->quotes++;
        rc = check_fact(c, f, texts, d, stats);
        if (rc != FNET_OK)
            fnet_err_set(err, rc, "out of memory");
    }
    for (uint32_t i = 0; i < c->n_sources; i++)
        fnet_prov_text_free(texts[i]);
    free(texts);
    return rc;
}

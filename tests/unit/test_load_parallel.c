/* test_load_parallel.c - the two-thread JSON Lines reader gives exactly the
 * serial reader's records and messages, with and without a fact sink, on
 * valid and invalid input: bad lines all through the file, around every
 * chunk boundary (where the work splits between the threads), a line over
 * the length limit, and the edge cases of line splitting. */
#include "input/load.h"
#include "input/json/jsonl.h"
#include "input/json/load_parallel.h"

#include "test.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
    put(t, s, strlen(s));
}

/* A fact line of exactly `width` bytes with its '\n' (width >= 200):
 * a valid fact padded through its evidence, or, when bad, the same with a
 * syntax error in the middle. */
static void fact_line(text *t, int i, size_t width, bool bad)
{
    char head[256];
    int a = (i * 7) % 300, b = (i * 13 + 1) % 300;
    int n = snprintf(head, sizeof head,
                     "{\"kind\":\"fact\",\"subject\":\"E%d\",\"relation\":"
                     "\"cooperates_with\",\"object\":\"E%d\",\"weight\":"
                     "%d.5,%s\"source\":\"S\",\"evidence\":\"",
                     a, b, i % 5, bad ? "\"x\" " : "");
    size_t pad = width - (size_t)n - 3; /* "}\n and closing quote */
    put(t, head, (size_t)n);
    for (size_t k = 0; k < pad; k++)
        put(t, k % 50 == 49 ? " " : "e", 1);
    puts_(t, "\"}\n");
}

/* About 3.5 MB over several chunks: warnings, errors of every stage
 * (syntax, record checks, unknown kind), blank lines, CRLF, escapes, a
 * byte order mark, bad lines at and around every chunk boundary, and a
 * last line without a newline. */
static void build_corpus(text *t)
{
    puts_(t, "\xEF\xBB\xBF{\"kind\":\"source\",\"id\":\"S\"}\n");
    for (int i = 0; i < 300; i++) {
        char line[160];
        snprintf(line, sizeof line,
                 "{\"kind\":\"entity\",\"id\":\"E%d\",\"type\":\"actor\","
                 "\"label\":\"Entity \\u00e9 %d\"}%s\n",
                 i, i, i % 50 == 0 ? "\r" : "");
        puts_(t, line);
    }
    /* Chunks end at the first line end FNET_LOAD_CHUNK_BYTES or more past
     * their start (the lines here are long enough never to reach
     * FNET_LOAD_CHUNK_LINES first): track where, to put bad lines at the
     * split points. */
    size_t chunk_start = 0;
    for (int i = 0; t->len < 7 * FNET_LOAD_CHUNK_BYTES / 2; i++) {
        size_t left = chunk_start + FNET_LOAD_CHUNK_BYTES - t->len;
        if (t->len == chunk_start || left <= 3 * 256) {
            /* The last three lines of a chunk and the first of the next,
             * all bad; 256 bytes each near the end, so that we know which
             * line ends the chunk. */
            fact_line(t, i, 256, true);
            if (left <= 256)
                chunk_start = t->len;
        } else if (left <= 5 * 256) {
            fact_line(t, i, 256, false);
        } else if (i % 997 == 0) {
            puts_(t, "{\"kind\":\"fact\",\"subject\":\"E1\" oops}\n");
        } else if (i % 1009 == 0) {
            puts_(t, "\n   \n\t\r\n");
        } else if (i % 1013 == 0) {
            puts_(t, "{\"kind\":\"fact\",\"subject\":\"E1\",\"relation\":"
                     "\"cooperates_with\",\"object\":\"E2\",\"date\":"
                     "\"2013-02-30\",\"evidnce\":1}\n");
        } else if (i % 1019 == 0) {
            puts_(t, "{\"kind\":\"factoid\"}\n");
        } else if (i % 1021 == 0) {
            puts_(t, "{\"kind\":\"fact\",\"subject\":\"E1\",\"relation\":"
                     "\"cooperates_with\",\"object\":\"E2\",\"evidence\":"
                     "\"tab\\tand \\u00e9\"}\n");
        } else if (i % 1031 == 0) {
            puts_(t, "{\"kind\":\"entity\",\"id\":\"E1\",\"type\":\"actor\"}"
                     "\n");
        } else {
            fact_line(t, i, 256, false);
        }
    }
    puts_(t, "{\"kind\":\"entity\",\"id\":\"LAST\",\"type\":\"actor\"}");
}

static char *write_file(const char *data, size_t len)
{
    static char path[64];
    strcpy(path, "/tmp/test_load_parallel_XXXXXX");
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        return NULL;
    bool ok = fwrite(data, 1, len, fp) == len;
    return fclose(fp) == 0 && ok ? path : NULL;
}

static void same_diag(const fnet_diag *a, const fnet_diag *b)
{
    CHECK_INT(a->n_errors, b->n_errors);
    CHECK_INT(a->n_warnings, b->n_warnings);
    CHECK_INT(a->n_items, b->n_items);
    for (size_t i = 0; i < a->n_items && i < b->n_items; i++)
        CHECK_STR(a->items[i].msg, b->items[i].msg);
}

/* Loads path with threads (0: two, 1: serial reader). */
static int load(const char *path, int threads, const fnet_load_sink *sink,
                fnet_corpus **c, fnet_diag *d)
{
    fnet_load_opts o = {.format = "jsonl", .threads = threads, .sink = sink};
    fnet_err err = {0};
    d->cap = 100000; /* keep every message */
    if (fnet_corpus_new(c) != FNET_OK)
        return -1;
    return fnet_load_file(*c, path, &o, d, &err);
}

static bool same_fact(const fnet_fact *f, const fnet_fact *g)
{
    return f->loc.line == g->loc.line && f->weight == g->weight &&
           strcmp(f->subject_ref, g->subject_ref) == 0 &&
           strcmp(f->object_ref, g->object_ref) == 0 &&
           strcmp(f->relation_ref, g->relation_ref) == 0 &&
           f->n_sources == g->n_sources && !f->evidence == !g->evidence &&
           (!f->evidence || strcmp(f->evidence, g->evidence) == 0);
}

/* Serial and parallel loads of data: same messages, same records. */
static void compare(const char *data, size_t len, bool expect_errors)
{
    char *path = write_file(data, len);
    CHECK(path != NULL);
    if (!path)
        return;
    fnet_corpus *c[2] = {NULL, NULL};
    fnet_diag d[2] = {{0}, {0}};
    CHECK_INT(load(path, 1, NULL, &c[0], &d[0]), 0);
    CHECK_INT(load(path, 0, NULL, &c[1], &d[1]), 0);
    same_diag(&d[0], &d[1]);
    CHECK(expect_errors ? d[0].n_errors > 0 : d[0].n_errors == 0);
    CHECK_INT(c[0]->n_entities, c[1]->n_entities);
    CHECK_INT(c[0]->n_sources, c[1]->n_sources);
    CHECK_INT(c[0]->n_facts, c[1]->n_facts);
    for (uint64_t i = 0; i < c[0]->n_facts && i < c[1]->n_facts; i++)
        if (!same_fact(&c[0]->facts[i], &c[1]->facts[i])) {
            CHECK(!"facts differ");
            break;
        }
    for (uint32_t i = 0; i < c[0]->n_entities && i < c[1]->n_entities; i++)
        CHECK_STR(c[0]->entities[i].label, c[1]->entities[i].label);
    for (int t = 0; t < 2; t++) {
        fnet_corpus_free(c[t]);
        fnet_diag_free(&d[t]);
    }
    unlink(path);
}

static void test_corpus_same_as_serial(void)
{
    text t = {0};
    build_corpus(&t);
    compare(t.s, t.len, true);
    free(t.s);
}

/* The sink's view: one line of text per fact. */
typedef struct seen {
    text t;
    uint64_t n;
} seen;

static int on_fact(void *ctx, const fnet_fact *f)
{
    seen *s = ctx;
    char line[512];
    int n = snprintf(line, sizeof line, "%u %s %s %s %.17g %u %s|", f->loc.line,
                     f->subject_ref, f->relation_ref, f->object_ref, f->weight,
                     f->n_sources, f->evidence ? f->evidence : "-");
    put(&s->t, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line));
    s->n++;
    return 0;
}

/* With a sink (fact records checked on the parsing threads): the same
 * messages as the serial reader, and the sink sees the serial reader's
 * facts in order; nothing is stored. */
static void test_sink_same_as_serial(void)
{
    text t = {0};
    build_corpus(&t);
    char *path = write_file(t.s, t.len);
    CHECK(path != NULL);
    if (!path) {
        free(t.s);
        return;
    }
    fnet_corpus *c[3];
    fnet_diag d[3] = {{0}, {0}, {0}};
    seen s[2] = {{{0}, 0}, {{0}, 0}};
    CHECK_INT(load(path, 1, NULL, &c[0], &d[0]), 0);
    for (int k = 0; k < 2; k++) {
        fnet_load_sink sink = {&s[k], on_fact, NULL};
        CHECK_INT(load(path, k, &sink, &c[k + 1], &d[k + 1]), 0);
        CHECK_INT(c[k + 1]->n_facts, 0); /* the sink took them */
        same_diag(&d[0], &d[k + 1]);
    }
    seen ref = {{0}, 0};
    for (uint64_t i = 0; i < c[0]->n_facts; i++)
        on_fact(&ref, &c[0]->facts[i]);
    CHECK(ref.n > 10000);
    for (int k = 0; k < 2; k++) {
        CHECK_INT(s[k].n, ref.n);
        CHECK(s[k].t.s && strcmp(s[k].t.s, ref.t.s) == 0);
        free(s[k].t.s);
    }
    free(ref.t.s);
    for (int k = 0; k < 3; k++) {
        fnet_corpus_free(c[k]);
        fnet_diag_free(&d[k]);
    }
    unlink(path);
    free(t.s);
}

/* Chunks of short lines end after FNET_LOAD_CHUNK_LINES lines: bad lines
 * around those split points, among valid and blank ones. */
static void test_many_short_lines(void)
{
    text t = {0};
    for (uint32_t i = 1; i <= 3 * FNET_LOAD_CHUNK_LINES + 10; i++) {
        uint32_t at = i % FNET_LOAD_CHUNK_LINES;
        if (at == 0 || at == 1 || at == FNET_LOAD_CHUNK_LINES - 1)
            puts_(&t, i % 2 ? "{\"kind\":}\n" : "[1]\n");
        else
            puts_(&t, i % 3 ? "\n" : "{\"kind\":\"header\"}\n");
    }
    compare(t.s, t.len, true);
    free(t.s);
}

/* A line over the limit is reported by its length, also when the reader
 * does not keep its text; the lines after it still load. */
static void test_line_over_limit(void)
{
    text t = {0};
    puts_(&t, "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}\n");
    puts_(&t, "{\"kind\":\"header\",\"title\":\"");
    for (size_t k = 0; k < FNET_MAX_LINE_BYTES; k++)
        put(&t, "t", 1);
    puts_(&t, "\"}\n{\"kind\":\"entity\",\"id\":\"b\",\"type\":\"x\"}\n");
    puts_(&t, "{\"kind\":\"bogus\"}");
    compare(t.s, t.len, true);
    free(t.s);
}

/* Small inputs: empty, blank, one line with and without a newline, a NUL
 * byte, only a byte order mark, invalid UTF-8. */
static void test_edges(void)
{
#define CASE(lit, errors)                                                      \
    {                                                                          \
        lit, sizeof lit - 1, errors                                            \
    }
    static const struct {
        const char *s;
        size_t len;
        bool errors;
    } cases[] = {
        CASE("", true),
        CASE("\n\n  \n", true),
        CASE("\xEF\xBB\xBF", true),
        CASE("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}", false),
        CASE("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}\n", false),
        CASE("{\"kind\":\"entity\",\"id\":\"a\0\",\"type\":\"x\"}\n", true),
        CASE("{\"kind\":\"entity\",\"id\":\"\xff\",\"type\":\"x\"}\n", true),
        CASE("[1,2]\n{\"kind\":1}\n{}\n", true),
    };
#undef CASE
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        compare(cases[i].s, cases[i].len, cases[i].errors);
}

int main(void)
{
    RUN(test_corpus_same_as_serial);
    RUN(test_sink_same_as_serial);
    RUN(test_many_short_lines);
    RUN(test_line_over_limit);
    RUN(test_edges);
    return TEST_REPORT();
}

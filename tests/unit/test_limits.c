/* test_limits.c - every documented input limit (model/limits.h,
 * docs/LIMITS.md) accepts an input at the limit and gives a clear, located
 * error one past it, in the JSON loader and in every importer.
 *
 * Limits small enough to reach cheaply (a string of 1 MiB, a line of
 * 16 MiB, nesting 64, 16384 CSV fields) are tested at their real values.
 * Limits too large to reach in a test (a 1 GiB file, 2^26 values, 2^31-1
 * entities, 2^32-1 lines) are tested by lowering corpus.limits, which every
 * check reads; the defaults themselves are compared with the values the
 * documentation gives, and a file over the real 1 GiB limit is tested as a
 * sparse file, which is refused by its size without being read. Memory
 * bounds are checked in children whose data segment is limited
 * (RLIMIT_DATA): a 256 MiB line is skipped within 48 MiB, and running out
 * of memory is FNET_ENOMEM, not a data error. */
#include "test.h"

#include "core/diag.h"
#include "core/infile.h"
#include "input/json/lines.h"
#include "input/load.h"
#include "input/provenance.h"
#include "input/validate.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static char tmpdir[256];

/* A path in the test's folder; the last 8 stay valid. */
static const char *tmp_path(const char *name)
{
    static char path[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
    return path[k];
}

/* What a load left: the error count, the first error (or warning) and the
 * corpus's record counts. */
typedef struct result {
    size_t errors;
    char first[600];
    uint32_t entities, relations, sources;
    uint64_t facts;
} result;

static void collect(result *r, const fnet_corpus *c, const fnet_diag *d)
{
    r->errors = d->n_errors;
    size_t pick = 0; /* the first error, else the first warning */
    while (pick < d->n_items && d->items[pick].severity != FNET_SEV_ERROR)
        pick++;
    if (pick == d->n_items)
        pick = 0;
    snprintf(r->first, sizeof r->first, "%s",
             d->n_items ? d->items[pick].msg : "");
    r->entities = c->n_entities;
    r->relations = c->n_relations;
    r->sources = c->n_sources;
    r->facts = c->n_facts;
}

/* Loads text from memory into a corpus with limits *lim (NULL: the
 * defaults), named "in". */
static result load_mem(const char *text, size_t len, bool jsonl,
                       const fnet_limits *lim)
{
    result r = {0};
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_corpus_new(&c), FNET_OK);
    if (lim)
        c->limits = *lim;
    CHECK_INT(fnet_load_buffer(c, "in", text, len, jsonl, &d, &err), FNET_OK);
    collect(&r, c, &d);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return r;
}

static result load_str(const char *text, bool jsonl, const fnet_limits *lim)
{
    return load_mem(text, strlen(text), jsonl, lim);
}

/* Loads the file at path (format NULL: by its name; label_map as for
 * --label-map) with fnet_load_file. */
static result load_file(const char *path, const char *format,
                        const char *label_map, const fnet_limits *lim)
{
    result r = {0};
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_load_opts o = {.format = format, .import.label_map = label_map};
    CHECK_INT(fnet_corpus_new(&c), FNET_OK);
    if (lim)
        c->limits = *lim;
    int rc = fnet_load_file(c, path, &o, &d, &err);
    CHECK_INT(rc, FNET_OK);
    if (rc)
        fprintf(stderr, "  %s: %s\n", path, err.msg);
    collect(&r, c, &d);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return r;
}

static void write_file(const char *path, const char *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    CHECK(fp != NULL);
    if (!fp)
        return;
    CHECK_INT(fwrite(data, 1, n, fp), n);
    CHECK_INT(fclose(fp), 0);
}

/* Writes text padded with pad (a byte the format ignores at the end: a
 * line feed or a space) to exactly n bytes. */
static void write_padded(const char *path, const char *text, char pad, size_t n)
{
    size_t len = strlen(text);
    char *buf = malloc(n);
    CHECK(len <= n && buf != NULL);
    if (len > n || !buf) {
        free(buf);
        return;
    }
    memcpy(buf, text, len);
    memset(buf + len, pad, n - len);
    write_file(path, buf, n);
    free(buf);
}

/* "PATH: file larger than the limit of N bytes", as importers say it. */
static const char *too_large(const char *path, unsigned long long n)
{
    static char msg[700];
    snprintf(msg, sizeof msg, "%s: file larger than the limit of %llu bytes",
             path, n);
    return msg;
}

/* ---- the defaults ------------------------------------------------------ */

static void test_defaults(void)
{
    fnet_corpus *c;
    CHECK_INT(fnet_corpus_new(&c), FNET_OK);
    /* The values docs/LIMITS.md gives. */
    CHECK_INT(c->limits.document_bytes, 1073741824);
    CHECK_INT(c->limits.line_bytes, 16777216);
    CHECK_INT(c->limits.string_bytes, 1048576);
    CHECK_INT(c->limits.depth, 64);
    CHECK_INT(c->limits.values, 67108864);
    CHECK_INT(c->limits.lines, 4294967295LL);
    CHECK_INT(c->limits.fields, 16384);
    CHECK_INT(c->limits.entities, 2147483647);
    CHECK_INT(c->limits.relations, 2147483647);
    CHECK_INT(c->limits.sources, 2147483647);
    CHECK_INT(c->limits.facts, 4294967295LL);
    CHECK_INT(c->limits.source_text_bytes, 268435456);
    fnet_corpus_free(c);
}

/* ---- records per corpus ------------------------------------------------ */

/* Entities, relations, sources and facts in JSON documents and JSON Lines:
 * at most limits.<kind> of each; the record over the limit is located. */
static void test_records_json(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    result r;
    const char *three =
        "{\"entities\":[{\"id\":\"a\",\"type\":\"actor\"},"
        "{\"id\":\"b\",\"type\":\"actor\"},{\"id\":\"c\",\"type\":\"actor\"}],"
        "\"facts\":[]}";
    lim.entities = 3;
    r = load_str(three, false, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 3);
    lim.entities = 2;
    r = load_str(three, false, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first,
              "in:1:66: entities[2]: too many entities (the limit is 2)");
    CHECK_INT(r.entities, 2);

    lim = FNET_LIMITS_DEFAULT;
    const char *two = "{\"kind\":\"source\",\"id\":\"s1\"}\n"
                      "{\"kind\":\"source\",\"id\":\"s2\"}\n";
    lim.sources = 2;
    CHECK_INT(load_str(two, true, &lim).errors, 0);
    lim.sources = 1;
    r = load_str(two, true, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:2:1: too many sources (the limit is 1)");

    /* Relations count the 11 built-ins. */
    lim = FNET_LIMITS_DEFAULT;
    const char *rels = "{\"relations\":{\"r1\":{},\"r2\":{}},\"facts\":[]}";
    lim.relations = 13;
    CHECK_INT(load_str(rels, false, &lim).errors, 0);
    lim.relations = 12;
    r = load_str(rels, false, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first,
              "in:1:28: relations.r2: too many relations (the limit is 12)");

    lim = FNET_LIMITS_DEFAULT;
    const char *facts =
        "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"actor\"}\n"
        "{\"kind\":\"fact\",\"subject\":\"a\",\"relation\":\"supports\","
        "\"object\":\"a\"}\n"
        "{\"kind\":\"fact\",\"subject\":\"a\",\"relation\":\"supports\","
        "\"object\":\"a\"}\n";
    lim.facts = 2;
    r = load_str(facts, true, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.facts, 2);
    lim.facts = 1;
    r = load_str(facts, true, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:3:1: too many facts (the limit is 1)");
    CHECK_INT(r.facts, 1);
}

/* The importers stop at the same limits, with the line of the record that
 * went over. One test per importer, all four kinds between them. */
static void test_records_import(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    result r;
    char want[700];

    /* CSV: entities, facts, relations and sources. */
    const char *p = tmp_path("edges.csv");
    const char *edges = "subject,object,relation,citation\n"
                        "a,b,r1,s1\n"
                        "b,c,r2,s2\n";
    write_file(p, edges, strlen(edges));
    lim.entities = 3;
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.entities = 2;
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want, "%s:3: too many entities (the limit is 2)", p);
    CHECK_STR(r.first, want);
    lim = FNET_LIMITS_DEFAULT;
    lim.facts = 2;
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.facts = 1;
    r = load_file(p, NULL, NULL, &lim);
    snprintf(want, sizeof want, "%s:3: too many facts (the limit is 1)", p);
    CHECK_STR(r.first, want);
    CHECK_INT(r.facts, 1);
    lim = FNET_LIMITS_DEFAULT;
    lim.relations = 13; /* 11 built-ins, r1, r2 */
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.relations = 12;
    r = load_file(p, NULL, NULL, &lim);
    snprintf(want, sizeof want, "%s:3: too many relations (the limit is 12)",
             p);
    CHECK_STR(r.first, want);
    lim = FNET_LIMITS_DEFAULT;
    lim.sources = 2;
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.sources = 1;
    r = load_file(p, NULL, NULL, &lim);
    snprintf(want, sizeof want, "%s:3: too many sources (the limit is 1)", p);
    CHECK_STR(r.first, want);
    unlink(p);

    /* ICEWS: facts. */
    p = tmp_path("e.icews.tsv");
    const char *icews = "Event ID\tEvent Date\tSource Name\tCAMEO Code\t"
                        "Target Name\n"
                        "1\t2001-09-12\tA\t111\tB\n"
                        "2\t2001-09-13\tB\t051\tA\n";
    write_file(p, icews, strlen(icews));
    lim = FNET_LIMITS_DEFAULT;
    lim.facts = 2;
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.facts = 1;
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want, "%s:3: too many facts (the limit is 1)", p);
    CHECK_STR(r.first, want);
    unlink(p);

    /* doccano: sources (one per line). */
    p = tmp_path("d.jsonl");
    const char *dc = "{\"id\":1,\"text\":\"Ann met Bo.\",\"entities\":[]}\n"
                     "{\"id\":2,\"text\":\"Bo left.\",\"entities\":[]}\n";
    write_file(p, dc, strlen(dc));
    lim = FNET_LIMITS_DEFAULT;
    lim.sources = 2;
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.sources = 1;
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want, "%s:2:1: too many sources (the limit is 1)", p);
    CHECK_STR(r.first, want);
    unlink(p);

    /* brat: entities (made from mentions once the document is read). */
    const char *ann = tmp_path("doc.ann"), *txt = tmp_path("doc.txt");
    const char *ann_text = "T1\tPerson 0 3\tAnn\n"
                           "T2\tPerson 8 10\tBo\n"
                           "R1\tMet Arg1:T1 Arg2:T2\n";
    write_file(txt, "Ann met Bo.", 11);
    write_file(ann, ann_text, strlen(ann_text));
    lim = FNET_LIMITS_DEFAULT;
    lim.entities = 2;
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 2);
    lim.entities = 1;
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want, "%s:2: too many entities (the limit is 1)",
             ann);
    CHECK_STR(r.first, want);
    unlink(ann);
    unlink(txt);
}

/* ---- file size ---------------------------------------------------------- */

/* A JSON document of exactly n bytes (n >= 24): {"facts":[],"title":"xx"}.
 * Caller frees. */
static char *doc_of_size(size_t n)
{
    char *s = malloc(n + 1);
    size_t head = strlen("{\"facts\":[],\"title\":\"");
    memcpy(s, "{\"facts\":[],\"title\":\"", head);
    memset(s + head, 'x', n - head - 2);
    memcpy(s + n - 2, "\"}", 3);
    return s;
}

/* Writes data into the FIFO at path from a child process (so the reader
 * cannot learn the size from fstat), then exits. */
static pid_t feed_fifo(const char *path, const char *data, size_t n)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN); /* the reader may stop early */
        int fd = open(path, O_WRONLY);
        while (fd >= 0 && n > 0) {
            ssize_t w = write(fd, data, n);
            if (w <= 0)
                break;
            data += w;
            n -= (size_t)w;
        }
        _exit(0);
    }
    return pid;
}

static const char *doc_too_large(const char *path, unsigned long long n)
{
    static char msg[800];
    snprintf(msg, sizeof msg,
             "%s: file larger than the limit of %llu bytes "
             "for a JSON document (use JSON Lines for large corpora)",
             path, n);
    return msg;
}

/* A JSON document: at most limits.document_bytes, from memory, from a
 * regular file (refused by its size, unread) and from a pipe (refused once
 * limit + 1 bytes arrived, though much more is written). */
static void test_document_bytes(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    lim.document_bytes = 100;
    char *at = doc_of_size(100), *over = doc_of_size(101);
    result r;

    CHECK_INT(load_mem(at, 100, false, &lim).errors, 0);
    r = load_mem(over, 101, false, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, doc_too_large("in", 100));
    /* A byte order mark counts: the limit is on the file's bytes. */
    char bom[110];
    char *d97 = doc_of_size(97), *d98 = doc_of_size(98);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, d97, 98);
    CHECK_INT(load_mem(bom, 100, false, &lim).errors, 0);
    memcpy(bom + 3, d98, 99);
    CHECK_STR(load_mem(bom, 101, false, &lim).first, doc_too_large("in", 100));
    free(d97);
    free(d98);

    const char *path = tmp_path("doc.json");
    write_file(path, at, 100);
    CHECK_INT(load_file(path, NULL, NULL, &lim).errors, 0);
    write_file(path, over, 101);
    r = load_file(path, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, doc_too_large(path, 100));
    unlink(path);

    const char *fifo = tmp_path("doc.fifo");
    CHECK_INT(mkfifo(fifo, 0600), 0);
    pid_t pid = feed_fifo(fifo, at, 100);
    CHECK_INT(load_file(fifo, "json", NULL, &lim).errors, 0);
    waitpid(pid, NULL, 0);
    static char big[1 << 20];
    memset(big, ' ', sizeof big);
    memcpy(big, over, 101);
    pid = feed_fifo(fifo, big, sizeof big);
    r = load_file(fifo, "json", NULL, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, doc_too_large(fifo, 100));
    waitpid(pid, NULL, 0);
    unlink(fifo);
    free(at);
    free(over);

    /* The real limit: a sparse file of 1 GiB + 1 byte takes no disk space
     * and is refused by its size before any of it is read; the same for an
     * importer's file. */
    path = tmp_path("huge.json");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, FNET_MAX_DOCUMENT_BYTES + 1) == 0);
    close(fd);
    r = load_file(path, NULL, NULL, NULL);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, doc_too_large(path, 1073741824ULL));
    const char *csv = tmp_path("huge.csv");
    CHECK_INT(rename(path, csv), 0);
    r = load_file(csv, NULL, NULL, NULL);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, too_large(csv, 1073741824ULL));
    unlink(csv);
}

/* core/infile: the limit is exact for regular files and pipes, and no more
 * than limit + 1 bytes are read from a pipe. */
static void test_infile(void)
{
    const char *p = tmp_path("f.txt");
    char *data;
    size_t len;
    fnet_err err = {0};
    write_file(p, "0123456789", 10);
    CHECK_INT(fnet_infile_read_path(p, 10, &data, &len, &err), FNET_OK);
    CHECK_INT(len, 10);
    CHECK_STR(data, "0123456789");
    free(data);
    CHECK_INT(fnet_infile_read_path(p, 9, &data, &len, &err), FNET_EDATA);
    CHECK(data == NULL);
    CHECK_STR(err.msg, too_large(p, 9));
    unlink(p);

    int fds[2];
    CHECK_INT(pipe(fds), 0);
    CHECK_INT(write(fds[1], "0123456789abc", 13), 13);
    close(fds[1]);
    FILE *fp = fdopen(fds[0], "rb");
    CHECK_INT(fnet_infile_read(fp, "pipe", 11, &data, &len, &err), FNET_EDATA);
    CHECK_STR(err.msg, too_large("pipe", 11));
    /* 12 bytes were read (limit + 1); one is left in the pipe. */
    CHECK_INT(fgetc(fp), 'c');
    fclose(fp);
    CHECK_INT(fnet_infile_read_path(tmp_path("none"), 9, &data, &len, &err),
              FNET_EIO);
}

/* Every importer reads its files within limits.document_bytes: a file of
 * exactly the limit is read, one byte more is refused with a located
 * error (and nothing of it is imported). */
static void test_import_file_bytes(void)
{
    static const struct {
        const char *name, *text;
        char pad;
    } files[] = {
        {"e.csv", "subject,object\na,b\n", '\n'},
        {"e.tsv", "subject\tobject\na\tb\n", '\n'},
        {"e.icews.tsv",
         "Event Date\tSource Name\tCAMEO Code\tTarget Name\n"
         "2001-09-12\tA\t111\tB\n",
         '\n'},
        {"e.export.csv", "", '\n'}, /* GDELT: an empty file is fine */
        {"d.jsonl", "{\"text\":\"Ann met Bo.\",\"entities\":[]}\n", '\n'},
        {"ls.json",
         "[{\"data\":{\"text\":\"Ann met Bo.\"},"
         "\"annotations\":[]}]",
         ' '},
    };
    const size_t limit = 300;
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    lim.document_bytes = limit;
    result r;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *p = tmp_path(files[i].name);
        write_padded(p, files[i].text, files[i].pad, limit);
        r = load_file(p, NULL, NULL, &lim);
        CHECK_INT(r.errors, 0);
        if (r.errors)
            fprintf(stderr, "  %s: %s\n", files[i].name, r.first);
        write_padded(p, files[i].text, files[i].pad, limit + 1);
        r = load_file(p, NULL, NULL, &lim);
        CHECK_INT(r.errors, 1);
        CHECK_STR(r.first, too_large(p, limit));
        CHECK_INT(r.facts, 0);
        unlink(p);
    }

    /* brat: the .ann, the .txt beside it and annotation.conf. */
    const char *ann = tmp_path("doc.ann"), *txt = tmp_path("doc.txt");
    const char *conf = tmp_path("annotation.conf");
    const char *ann_text = "T1\tPerson 0 3\tAnn\n";
    write_padded(ann, ann_text, '\n', limit);
    write_padded(txt, "Ann met Bo.", ' ', limit);
    write_padded(conf, "[entities]\nPerson\n", '\n', limit);
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 1);
    const char *which[] = {ann, txt, conf};
    for (int k = 0; k < 3; k++) {
        write_padded(which[k],
                     k == 0   ? ann_text
                     : k == 1 ? "Ann met Bo."
                              : "[entities]\nPerson\n",
                     k == 1 ? ' ' : '\n', limit + 1);
        r = load_file(ann, NULL, NULL, &lim);
        CHECK_INT(r.errors, 1);
        CHECK_STR(r.first, too_large(which[k], limit));
        CHECK_INT(r.entities, 0);
        write_padded(which[k],
                     k == 0   ? ann_text
                     : k == 1 ? "Ann met Bo."
                              : "[entities]\nPerson\n",
                     k == 1 ? ' ' : '\n', limit);
    }
    unlink(conf);

    /* A label map. */
    const char *map = tmp_path("map.ini");
    write_padded(map, "[entities]\nPerson = actor\n", '\n', limit);
    r = load_file(ann, NULL, map, &lim);
    CHECK_INT(r.errors, 0);
    write_padded(map, "[entities]\nPerson = actor\n", '\n', limit + 1);
    r = load_file(ann, NULL, map, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, too_large(map, limit));
    unlink(map);
    unlink(ann);
    unlink(txt);
}

/* ---- strings and fields ------------------------------------------------- */

/* {"title":"<n bytes of unit>","facts":[]}; caller frees. */
static char *doc_with_string(size_t n, const char *unit)
{
    size_t u = strlen(unit), head = strlen("{\"title\":\"");
    char *s = malloc(head + n + 32);
    memcpy(s, "{\"title\":\"", head);
    for (size_t k = 0; k < n; k += u)
        memcpy(s + head + k, unit, u);
    strcpy(s + head + n, "\",\"facts\":[]}");
    return s;
}

/* A JSON string: at most 1 MiB between its quotes, as written (the real
 * limit). The error points at the opening quote. */
static void test_string_bytes(void)
{
    const size_t max = FNET_MAX_STRING_BYTES;
    static const char *const units[] = {"x", "\xc3\xa9", "\\n"};
    for (int k = 0; k < 3; k++) { /* 1-byte, 2-byte characters, escapes */
        char *at = doc_with_string(max, units[k]);
        CHECK_INT(load_str(at, false, NULL).errors, 0);
        free(at);
    }
    char *over = doc_with_string(max + 1, "x");
    result r = load_str(over, false, NULL);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:1:10: error: string longer than the limit of "
                       "1048576 bytes");
    free(over);
    over = doc_with_string(max + 2, "\xc3\xa9");
    r = load_str(over, false, NULL);
    CHECK_STR(r.first, "in:1:10: error: string longer than the limit of "
                       "1048576 bytes");
    free(over);
    /* In JSON Lines the line is located; a lowered limit applies. */
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    lim.string_bytes = 6;
    CHECK_INT(
        load_str("\n{\"kind\":\"header\",\"title\":\"123456\"}\n", true, &lim)
            .errors,
        0);
    r = load_str("\n{\"kind\":\"header\",\"title\":\"1234567\"}\n", true, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:2:26: error: string longer than the limit of 6 "
                       "bytes");
}

/* Importers: a CSV/TSV/GDELT field, a brat annotation field, a label-map
 * label and a Label Studio string hold at most limits.string_bytes. */
static void test_import_strings(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    lim.string_bytes = 7; /* "subject" */
    result r;
    char want[700];
    const char *text;

    /* Fields as read: a doubled quote counts once. */
    const char *p = tmp_path("s.csv");
    text = "subject,object\nabcdefg,\"ab\"\"cdef\"\n";
    write_file(p, text, strlen(text));
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.facts, 1);
    text = "subject,object\nabcdefgh,b\nb,\"ab\"\"cdefg\"\nc,d\n";
    write_file(p, text, strlen(text));
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 2);
    snprintf(want, sizeof want,
             "%s:2:1: error: field longer than the limit "
             "of 7 bytes",
             p);
    CHECK_STR(r.first, want);
    CHECK_INT(r.facts, 1); /* c,d: reading went on */
    /* A quoted field over the limit that spans lines: the next record is
     * still located on its own line. */
    text = "subject,object\na,\"b\nbbbbbbb\"\nc,toolongx\n";
    write_file(p, text, strlen(text));
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 2);
    snprintf(want, sizeof want,
             "%s:2:3: error: field longer than the limit "
             "of 7 bytes",
             p);
    CHECK_STR(r.first, want);
    unlink(p);

    /* GDELT: one field of the 61. */
    lim.string_bytes = 20;
    p = tmp_path("g.export.csv");
    char row[400];
    size_t k = 0;
    for (int i = 0; i < 61; i++)
        k += (size_t)snprintf(row + k, sizeof row - k, "%s%s", i ? "\t" : "",
                              i == 60 ? "https://example.org/" : "");
    row[k++] = '\n';
    write_file(p, row, k);
    r = load_file(p, NULL, NULL, &lim); /* blank actors: a warning */
    CHECK_INT(r.errors, 0);
    snprintf(want, sizeof want,
             "%s: warning: 1 event skipped: blank actor "
             "(the first on line 1)",
             p);
    CHECK_STR(r.first, want);
    memmove(row + k - 1, "x\n", 2);
    write_file(p, row, k + 1);
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:1:61: error: field longer than the "
             "limit of 20 bytes",
             p);
    CHECK_STR(r.first, want);
    unlink(p);

    /* brat: id, annotation and text between tabs. */
    lim.string_bytes = 5;
    const char *ann = tmp_path("s.ann"), *txt = tmp_path("s.txt");
    write_file(txt, "Annie met Bo.", 13);
    write_file(ann, "T1\tP 0 5\tAnnie\n", 15);
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 1);
    write_file(ann,
               "T1\tP 0 5\tAnnie\nT2\tP 10 12\tBo\nT3\tP 0 9\tAnnie met"
               "\n",
               47);
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 2);
    snprintf(want, sizeof want,
             "%s:2:4: error: field longer than the limit "
             "of 5 bytes",
             ann);
    CHECK_STR(r.first, want);

    /* A label map (INI): labels and names. */
    write_file(ann, "T1\tP 0 5\tAnnie\n", 15);
    const char *map = tmp_path("m.ini");
    write_file(map, "[entities]\nP = actor\n", 21);
    r = load_file(ann, NULL, map, &lim);
    CHECK_INT(r.errors, 0);
    write_file(map, "[entities]\nP = actors\n", 22);
    r = load_file(ann, NULL, map, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:2: name longer than the limit of 5 "
             "bytes",
             map);
    CHECK_STR(r.first, want);
    unlink(map);
    unlink(ann);
    unlink(txt);

    /* Label Studio: the JSON front end's string limit. */
    lim.string_bytes = 11;
    p = tmp_path("ls.json");
    const char *ls = "[{\"data\":{\"text\":\"Ann met Bo.\"}}]";
    write_file(p, ls, strlen(ls));
    CHECK_INT(load_file(p, NULL, NULL, &lim).errors, 0);
    lim.string_bytes = 10;
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:1:18: error: string longer than the "
             "limit of 10 bytes",
             p);
    CHECK_STR(r.first, want);
    unlink(p);
}

/* A CSV record: at most 16384 fields (the real limit); the error points at
 * the first field over it, and reading goes on at the next line. */
static void test_fields(void)
{
    const size_t max = FNET_MAX_FIELDS;
    char *csv = malloc(4 * max + 64);
    size_t n = (size_t)sprintf(csv, "subject,object");
    for (size_t i = 2; i < max; i++)
        n += (size_t)sprintf(csv + n, ",c");
    n += (size_t)sprintf(csv + n, "\na,b");
    for (size_t i = 2; i < max; i++)
        n += (size_t)sprintf(csv + n, ",");
    csv[n++] = '\n';
    const char *p = tmp_path("wide.csv");
    write_file(p, csv, n);
    result r = load_file(p, NULL, NULL, NULL);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.facts, 1);
    csv[n - 1] = ',';
    csv[n++] = '\n';
    write_file(p, csv, n);
    r = load_file(p, NULL, NULL, NULL);
    CHECK_INT(r.errors, 1);
    char want[700];
    /* "a,b,,,...": field k >= 3 starts at column k + 2. */
    snprintf(want, sizeof want,
             "%s:2:%zu: error: more than 16384 fields in "
             "one record",
             p, (max + 1) + 2);
    CHECK_STR(r.first, want);
    unlink(p);
    free(csv);
}

/* ---- nesting and values ------------------------------------------------ */

/* Nesting: at most 64 levels of [ and { (the real limit); the error
 * points at the bracket that goes one deeper. */
static void test_depth(void)
{
    char doc[300];
    size_t k = (size_t)sprintf(doc, "{\"facts\":");
    for (int i = 0; i < 63; i++)
        doc[k++] = '[';
    for (int i = 0; i < 63; i++)
        doc[k++] = ']';
    strcpy(doc + k, "}");
    result r = load_str(doc, false, NULL); /* 64 deep: parsed */
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:1:11: facts[0]: expected an object, got an array");
    k = strlen("{\"facts\":");
    memmove(doc + k + 1, doc + k, strlen(doc + k) + 1);
    doc[k] = '[';
    strcat(doc, "]");
    memmove(doc + strlen(doc) - 1, "]}", 3);
    r = load_str(doc, false, NULL); /* 65 deep */
    CHECK_INT(r.errors, 1);
    /* { at column 1, [ at 10..73: the 64th [ is level 65. */
    CHECK_STR(r.first, "in:1:73: error: nesting deeper than the limit of 64 "
                       "levels");
}

/* JSON values (the root, array elements, object members): at most
 * limits.values in one document or record; the error points at the value
 * that goes over. */
static void test_values(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    result r;
    lim.values = 4;
    CHECK_INT(
        load_str("{\"facts\":[],\"title\":\"t\",\"factnet\":1}", false, &lim)
            .errors,
        0);
    /* Empty containers hold no values. */
    CHECK_INT(load_str(" { \"facts\" : [ ] , \"entities\":[ ],\"sources\":[]}",
                       false, &lim)
                  .errors,
              0);
    lim.values = 3;
    r = load_str("{\"facts\":[],\"title\":\"t\",\"factnet\":1}", false, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:1:35: error: more than 3 JSON values in one "
                       "document");
    r = load_str("{\"facts\":[{\"x\":1}]}", false, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:1:16: error: more than 3 JSON values in one "
                       "document");
    /* Per record in JSON Lines. */
    r = load_str("{\"kind\":\"header\",\"title\":\"t\"}\n"
                 "{\"kind\":\"header\",\"title\":\"t\",\"x\":[1]}\n",
                 true, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:2:34: error: more than 3 JSON values in one "
                       "document");
    /* An importer's JSON (Label Studio): the same front end. */
    const char *p = tmp_path("v.json");
    const char *ls = "[{\"data\":{\"text\":\"Ann.\"},\"annotations\":[]}]";
    write_file(p, ls, strlen(ls));
    lim.values = 5;
    CHECK_INT(load_file(p, "labelstudio", NULL, &lim).errors, 0);
    lim.values = 4;
    r = load_file(p, "labelstudio", NULL, &lim);
    CHECK_INT(r.errors, 1);
    char want[700];
    /* The fifth value: the annotations' [ at column 40. */
    snprintf(want, sizeof want,
             "%s:1:40: error: more than 4 JSON values in "
             "one document",
             p);
    CHECK_STR(r.first, want);
    unlink(p);
}

/* ---- lines ------------------------------------------------------------- */

/* {"kind":"header"} padded with spaces to exactly n bytes (n >= 17), then
 * '\n'. Caller frees. */
static char *record_line(size_t n)
{
    char *s = malloc(n + 2);
    memcpy(s, "{\"kind\":\"header\"", 16);
    memset(s + 16, ' ', n - 17);
    s[n - 1] = '}';
    s[n] = '\n';
    s[n + 1] = '\0';
    return s;
}

/* A JSON Lines record: at most 16 MiB (the real limit) without its line
 * feed, in memory and streamed from a file; loading goes on after a line
 * over the limit. */
static void test_line_bytes(void)
{
    const size_t max = FNET_MAX_LINE_BYTES;
    char *at = record_line(max), *over = record_line(max + 1);
    const char *tail = "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}\n"
                       "{\"kind\":\"bogus\"}\n";
    size_t tl = strlen(tail);
    char *all = malloc(max + 2 + tl);
    result r;

    memcpy(all, at, max + 1);
    memcpy(all + max + 1, tail, tl);
    r = load_mem(all, max + 1 + tl, true, NULL);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:3:1: kind: unknown kind \"bogus\" (expected source, "
                       "entity, relation, fact or header)");
    CHECK_INT(r.entities, 1);
    const char *path = tmp_path("lines.jsonl");
    write_file(path, all, max + 1 + tl);
    CHECK_INT(load_file(path, NULL, NULL, NULL).errors, 1);

    memcpy(all, over, max + 2);
    memcpy(all + max + 2, tail, tl);
    r = load_mem(all, max + 2 + tl, true, NULL);
    CHECK_INT(r.errors, 2);
    CHECK_STR(r.first, "in:1:1: error: line longer than the limit of "
                       "16777216 bytes");
    CHECK_INT(r.entities, 1);
    char want[700];
    write_file(path, all, max + 2 + tl);
    r = load_file(path, NULL, NULL, NULL);
    CHECK_INT(r.errors, 2);
    snprintf(want, sizeof want,
             "%s:1:1: error: line longer than the limit "
             "of 16777216 bytes",
             path);
    CHECK_STR(r.first, want);
    CHECK_INT(r.entities, 1);
    unlink(path);
    free(all);
    free(at);
    free(over);
}

/* The block reader: lines at and over a small limit, across block
 * boundaries, a byte order mark, a last line without its line feed. */
static void test_line_reader(void)
{
    const char *p = tmp_path("r.txt");
    size_t n = FNET_LINES_BLOCK * 2 + 100;
    char *data = malloc(n);
    /* Lines of 10 bytes; one of 11 straddles the first block boundary. */
    size_t k = 0;
    memcpy(data, "\xEF\xBB\xBF", 3);
    k = 3;
    while (k + 11 < FNET_LINES_BLOCK - 5) {
        memcpy(data + k, "0123456789\n", 11);
        k += 11;
    }
    size_t short_lines = (k - 3) / 11;
    memcpy(data + k, "0123456789X\n", 12); /* spans the boundary */
    k += 12;
    while (k + 11 < n) {
        memcpy(data + k, "0123456789\n", 11);
        k += 11;
    }
    memcpy(data + k, "tail", 4); /* no line feed */
    k += 4;
    write_file(p, data, k);
    FILE *fp = fopen(p, "rb");
    fnet_lines r;
    fnet_lines_init(&r, fp, 10);
    size_t lines = 0, too_long = 0, bad = 0;
    int got;
    while ((got = fnet_lines_next(&r)) == 1) {
        lines++;
        if (r.too_long) {
            too_long++;
            bad += r.text != NULL || r.len != 11 || lines != short_lines + 1;
        } else if (strcmp(r.text, "tail") != 0) {
            bad += strcmp(r.text, "0123456789") != 0;
        }
    }
    CHECK_INT(got, 0);
    CHECK_INT(too_long, 1);
    CHECK_INT(bad, 0);
    CHECK_INT(lines, (k - 3 - 4 - 12) / 11 + 2);
    fnet_lines_free(&r);
    fclose(fp);
    unlink(p);
    free(data);
}

/* Streaming JSON Lines holds at most one line (the limit) in memory: a
 * 256 MiB line through a pipe is skipped with the data segment limited to
 * 48 MiB (getline() would grow a 256 MiB buffer). Not checkable under
 * AddressSanitizer, whose allocator does not fit in RLIMIT_DATA. */
#ifndef UNDER_ASAN
static void test_line_memory_bounded(void)
{
    const char *fifo = tmp_path("long.fifo");
    CHECK_INT(mkfifo(fifo, 0600), 0);
    fflush(NULL);
    pid_t writer = fork();
    if (writer == 0) { /* {"kind":"header"  + 256 MiB of spaces + } ... */
        static char spaces[65536];
        const char *rec = "}\n{\"kind\":\"entity\",\"id\":\"a\","
                          "\"type\":\"x\"}\n";
        memset(spaces, ' ', sizeof spaces);
        signal(SIGPIPE, SIG_IGN);
        int fd = open(fifo, O_WRONLY);
        bool ok = fd >= 0 && write(fd, "{\"kind\":\"header\"", 16) == 16;
        for (int i = 0; ok && i < 4096; i++)
            ok = write(fd, spaces, sizeof spaces) == (ssize_t)sizeof spaces;
        ok = ok && write(fd, rec, strlen(rec)) == (ssize_t)strlen(rec);
        _exit(ok ? 0 : 1);
    }
    pid_t reader = fork();
    if (reader == 0) {
        struct rlimit rl = {48u << 20, 48u << 20};
        if (setrlimit(RLIMIT_DATA, &rl) != 0)
            _exit(3);
        fnet_corpus *c = NULL;
        fnet_diag d = {0};
        fnet_err err = {0};
        fnet_load_opts o = {.format = "jsonl"};
        if (fnet_corpus_new(&c) != FNET_OK ||
            fnet_load_file(c, fifo, &o, &d, &err) != FNET_OK) {
            fprintf(stderr, "load failed: %s\n", err.msg);
            _exit(4);
        }
        const char *m = d.n_items ? d.items[0].msg : "";
        _exit(d.n_errors == 1 && c->n_entities == 1 &&
                      strstr(m, ":1:1: error: line longer than the limit") !=
                          NULL
                  ? 0
                  : 5);
    }
    int status = -1, wstatus = -1;
    waitpid(reader, &status, 0);
    waitpid(writer, &wstatus, 0);
    CHECK(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
    CHECK(WIFEXITED(status));
    CHECK_INT(WEXITSTATUS(status), 0);
    unlink(fifo);
}
#endif

/* Lines of one JSON Lines file: at most limits.lines (line numbers are 32
 * bits); the error names the first line not read, and the rest of the file
 * is not read. */
static void test_lines(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    result r;
    char want[700];
    const char *three = "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}\n"
                        "{\"kind\":\"entity\",\"id\":\"b\",\"type\":\"x\"}\n"
                        "{\"kind\":\"entity\",\"id\":\"c\",\"type\":\"x\"}\n";
    const char *four = "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"x\"}\n"
                       "{\"kind\":\"entity\",\"id\":\"b\",\"type\":\"x\"}\n"
                       "{\"kind\":\"entity\",\"id\":\"c\",\"type\":\"x\"}\n"
                       "{\"kind\":\"entity\",\"id\":\"d\",\"type\":\"x\"}";
    lim.lines = 3;
    r = load_str(three, true, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 3);
    r = load_str(four, true, &lim);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.first, "in:4: error: more than 3 lines in one JSON Lines "
                       "file; the rest is not read (split the file)");
    CHECK_INT(r.entities, 3);

    const char *path = tmp_path("four.jsonl");
    write_file(path, three, strlen(three));
    CHECK_INT(load_file(path, NULL, NULL, &lim).errors, 0);
    write_file(path, four, strlen(four));
    r = load_file(path, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:4: error: more than 3 lines in one JSON "
             "Lines file; the rest is not read (split the file)",
             path);
    CHECK_STR(r.first, want);
    unlink(path);
}

/* Line-oriented importers: a doccano line and a brat .ann line hold at
 * most limits.line_bytes, like a JSON Lines record; reading goes on. */
static void test_import_lines(void)
{
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    result r;
    char want[700];
    const char *line = "{\"text\":\"Ann met Bo.\",\"entities\":[]}";
    size_t n = strlen(line); /* 37 */
    const char *p = tmp_path("l.jsonl");
    char buf[200];
    snprintf(buf, sizeof buf, "%s\n%s\n", line, line);
    write_file(p, buf, strlen(buf));
    lim.line_bytes = n;
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.sources, 2);
    snprintf(buf, sizeof buf, "%s \n%s\n", line, line);
    write_file(p, buf, strlen(buf));
    r = load_file(p, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:1:1: error: line longer than the limit "
             "of %zu bytes",
             p, n);
    CHECK_STR(r.first, want);
    CHECK_INT(r.sources, 1);
    unlink(p);

    const char *ann = tmp_path("l.ann"), *txt = tmp_path("l.txt");
    write_file(txt, "Ann met Bo.", 11);
    write_file(ann, "T1\tP 0 3\tAnn\nT2\tP 8 10\tBo\n", 26);
    lim.line_bytes = 12;
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.entities, 2);
    write_file(ann, "T1\tP 0 3\tAnn \nT2\tP 8 10\tBo\n", 27);
    r = load_file(ann, NULL, NULL, &lim);
    CHECK_INT(r.errors, 1);
    snprintf(want, sizeof want,
             "%s:1:1: error: line longer than the limit "
             "of 12 bytes",
             ann);
    CHECK_STR(r.first, want);
    CHECK_INT(r.entities, 1);
    unlink(ann);
    unlink(txt);
}

/* ---- source texts ------------------------------------------------------ */

/* check --sources reads each text within limits.source_text_bytes. */
static void test_source_text(void)
{
    const char *p = tmp_path("src.txt");
    fnet_prov_text *t = NULL;
    fnet_err err = {0};
    char want[700];
    write_file(p, "0123456789", 10);
    CHECK_INT(fnet_prov_text_read(&t, p, 10, &err), FNET_OK);
    fnet_prov_text_free(t);
    CHECK_INT(fnet_prov_text_read(&t, p, 9, &err), FNET_EDATA);
    CHECK(t == NULL);
    snprintf(want, sizeof want,
             "%s: file larger than the limit of 9 bytes "
             "for a source text",
             p);
    CHECK_STR(err.msg, want);

    /* Through the corpus's limit, located at the source that names it. */
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_prov_stats st = {0};
    const char *doc = "{\"sources\":[{\"id\":\"s\",\"file\":\"src.txt\"}],"
                      "\"entities\":[{\"id\":\"a\",\"type\":\"actor\"},"
                      "{\"id\":\"b\",\"type\":\"actor\"}],"
                      "\"facts\":[{\"subject\":\"a\",\"relation\":\"supports\","
                      "\"object\":\"b\",\"source\":\"s\",\"evidence\":"
                      "\"345\"}]}";
    for (int k = 0; k < 2; k++) {
        CHECK_INT(fnet_corpus_new(&c), FNET_OK);
        c->limits.source_text_bytes = 10 - (uint64_t)k;
        CHECK_INT(fnet_load_buffer(c, "in", doc, strlen(doc), false, &d, &err),
                  FNET_OK);
        CHECK_INT(fnet_corpus_resolve(c, &d, &err), FNET_OK);
        CHECK_INT(fnet_prov_check(c, tmpdir, &d, &st, &err), FNET_OK);
        CHECK_INT(d.n_errors, (size_t)k);
        snprintf(want, sizeof want,
                 "in:1:13: sources[0].file: %s: file larger "
                 "than the limit of 9 bytes for a source text",
                 p);
        if (k)
            CHECK_STR(d.n_items ? d.items[0].msg : "", want);
        fnet_diag_free(&d);
        fnet_corpus_free(c);
    }
    unlink(p);
}

/* ---- out of memory ------------------------------------------------------ */

#ifndef UNDER_ASAN
/* Runs load in a child whose data segment is limited to 24 MiB, reading
 * path (a FIFO fed by a child that writes n copies of row after head).
 * Returns the child's exit status: 0 when the load returned FNET_ENOMEM
 * with "PATH: out of memory". */
static int load_out_of_memory(const char *format, const char *ext,
                              const char *head, const char *row, int n)
{
    char name[64];
    snprintf(name, sizeof name, "oom%s", ext);
    const char *fifo = tmp_path(name);
    CHECK_INT(mkfifo(fifo, 0600), 0);
    fflush(NULL);
    pid_t writer = fork();
    if (writer == 0) {
        signal(SIGPIPE, SIG_IGN); /* the reader stops early */
        FILE *fp = fopen(fifo, "w");
        if (!fp)
            _exit(1);
        fputs(head, fp);
        for (int i = 0; i < n; i++)
            fputs(row, fp);
        fclose(fp);
        _exit(0);
    }
    pid_t reader = fork();
    if (reader == 0) {
        struct rlimit rl = {24u << 20, 24u << 20};
        if (setrlimit(RLIMIT_DATA, &rl) != 0)
            _exit(3);
        fnet_corpus *c = NULL;
        fnet_diag d = {0};
        fnet_err err = {0};
        fnet_load_opts o = {.format = format};
        if (fnet_corpus_new(&c) != FNET_OK)
            _exit(4);
        int rc = fnet_load_file(c, fifo, &o, &d, &err);
        char want[600];
        snprintf(want, sizeof want, "%s: out of memory", fifo);
        if (rc != FNET_ENOMEM || strcmp(err.msg, want) != 0)
            fprintf(stderr, "  rc %d: %s\n", rc, err.msg);
        _exit(rc == FNET_ENOMEM && strcmp(err.msg, want) == 0 ? 0 : 5);
    }
    int status = -1;
    waitpid(reader, &status, 0);
    kill(writer, SIGKILL);
    waitpid(writer, NULL, 0);
    unlink(fifo);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

/* Running out of memory while loading is FNET_ENOMEM (exit 4), not a data
 * error (exit 1): 400000 facts need 64 MiB for the facts array alone, more
 * than the child may have. JSON Lines and a CSV edge list. Not checkable
 * under AddressSanitizer (RLIMIT_DATA). */
static void test_out_of_memory(void)
{
    CHECK_INT(load_out_of_memory(
                  "jsonl", ".jsonl",
                  "{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"actor\"}\n",
                  "{\"kind\":\"fact\",\"subject\":\"a\",\"relation\":"
                  "\"supports\",\"object\":\"a\"}\n",
                  400000),
              0);
    CHECK_INT(
        load_out_of_memory("csv", ".csv", "subject,object\n", "a,b\n", 400000),
        0);
}
#endif

int main(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/factnet-limits.XXXXXX",
             t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror(tmpdir);
        return 1;
    }
    RUN(test_defaults);
    RUN(test_records_json);
    RUN(test_records_import);
    RUN(test_document_bytes);
    RUN(test_infile);
    RUN(test_import_file_bytes);
    RUN(test_string_bytes);
    RUN(test_import_strings);
    RUN(test_fields);
    RUN(test_depth);
    RUN(test_values);
    RUN(test_line_bytes);
    RUN(test_line_reader);
#ifndef UNDER_ASAN
    RUN(test_line_memory_bounded);
#else
    fprintf(stderr,
            "%-40s skipped (AddressSanitizer's allocator does not "
            "fit in RLIMIT_DATA; checked in the plain build)\n",
            "test_line_memory_bounded");
#endif
    RUN(test_lines);
    RUN(test_import_lines);
    RUN(test_source_text);
#ifndef UNDER_ASAN
    RUN(test_out_of_memory);
#else
    fprintf(stderr,
            "%-40s skipped (AddressSanitizer's allocator does not "
            "fit in RLIMIT_DATA; checked in the plain build)\n",
            "test_out_of_memory");
#endif
    CHECK_INT(rmdir(tmpdir), 0);
    return TEST_REPORT();
}

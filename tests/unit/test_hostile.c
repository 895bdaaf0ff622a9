/* test_hostile.c - the loader against hostile bytes: what the fuzzers found
 * (tests/fuzz/regressions/) checked for the exact message, plus neighbours
 * of each case. */
#include "test.h"

#include "core/buf.h"
#include "core/diag.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

/* Loads text (and resolves when loading found no error). Returns the number
 * of errors; *first gets a copy of the first message (caller frees). */
static size_t load(const char *text, bool jsonl, char **first)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    *first = NULL;
    if (fnet_corpus_new(&c) != FNET_OK)
        return (size_t)-1;
    int rc = fnet_load_buffer(c, "in", text, strlen(text), jsonl, &d, &err);
    CHECK_INT(rc, FNET_OK);
    if (d.n_errors == 0)
        CHECK_INT(fnet_corpus_resolve(c, &d, &err), FNET_OK);
    if (d.n_items)
        *first = strdup(d.items[0].msg);
    size_t n = d.n_errors;
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return n;
}

/* Loads text; returns its error messages (not warnings), each followed by
 * '\n' (caller frees). */
static char *load_errors(const char *text, bool jsonl)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_buf out = {0};
    fnet_buf_puts(&out, "");
    if (fnet_corpus_new(&c) != FNET_OK)
        return NULL;
    CHECK_INT(fnet_load_buffer(c, "in", text, strlen(text), jsonl, &d, &err),
              FNET_OK);
    for (size_t i = 0; i < d.n_items; i++)
        if (d.items[i].severity == FNET_SEV_ERROR)
            fnet_buf_printf(&out, "%s\n", d.items[i].msg);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return out.data;
}

/* RFC 8259: control characters in strings must be escaped. cJSON accepts
 * them raw; a raw line break in a key then split diagnostics over lines. */
static void test_raw_control_chars(void)
{
    char *m;
    CHECK_INT(load("{\"\n\":\"\"}", false, &m), 1);
    CHECK_STR(m, "in:1:2: error: invalid JSON: unterminated string (a "
                 "string cannot span lines; write \\n for a line break)");
    free(m);
    CHECK_INT(load("{\"title\":\"a\tb\",\"facts\":[]}", false, &m), 1);
    CHECK_STR(m, "in:1:12: error: invalid JSON: control character in a "
                 "string (write it as \\t)");
    free(m);
    CHECK_INT(load("{\"kind\":\"header\",\"title\":\"\x1b[31m\"}\n", true, &m),
              1);
    CHECK_STR(m, "in:1:27: error: invalid JSON: control character in a "
                 "string (write it as \\u001B)");
    free(m);
    /* Escaped, they are fine; outside strings, white space is fine. */
    CHECK_INT(load("{\t\"title\":\r\n\"a\\tb\",\"facts\":[]}", false, &m), 0);
    free(m);
}

/* Escaped control characters are valid JSON and reach messages through
 * the values quoted in them: fuzz_jsonl found {"kind":"\n"}, whose "unknown
 * kind" error spanned two lines. Messages show them as JSON escapes. */
static void test_message_escapes(void)
{
    char *m;
    CHECK_INT(load("{\"kind\":\"\\n\"}", true, &m), 1);
    CHECK_STR(m, "in:1:1: kind: unknown kind \"\\n\" (expected source, "
                 "entity, relation, fact or header)");
    free(m);
    /* ESC, DEL, C1 CSI (U+009B), tab; é (U+00E9) is left alone. */
    CHECK_INT(
        load("{\"kind\":\"\\u001b[2J\\u007f\\u009b\\t\\u00e9\"}", true, &m), 1);
    CHECK_STR(
        m, "in:1:1: kind: unknown kind \"\\u001B[2J\\u007F\\u009B\\t\xc3\xa9\" "
           "(expected source, entity, relation, fact or header)");
    free(m);
    /* In the location part too (a field name). */
    CHECK_INT(load("{\"facts\":[],\"a\\rb\":1}", false, &m), 0);
    CHECK_STR(m, "in:1:1: a\\rb: warning: unknown field \"a\\rb\" ignored");
    free(m);
}

/* A backslash before a non-ASCII character is a bad escape, reported as
 * such (it used to be "invalid UTF-8" at the continuation byte). */
static void test_escape_before_utf8(void)
{
    char *m;
    CHECK_INT(load("{\"title\":\"a\\\xc3\xa9\",\"facts\":[]}", false, &m), 1);
    CHECK_STR(m, "in:1:12: error: invalid JSON: bad escape in string (a "
                 "backslash must be followed by one of \"\\/bfnrtu)");
    free(m);
}

/* Duplicate keys are errors in small records (compared pairwise) and in
 * large ones (hashed, so that a record with a million keys is not
 * quadratic): both paths find the same duplicates. */
static void test_duplicate_keys(void)
{
    for (int n = 4; n <= 40; n += 36) {
        char line[1024];
        size_t k = (size_t)snprintf(line, sizeof line,
                                    "{\"kind\":\"entity\",\"id\":\"a\","
                                    "\"type\":\"t\"");
        for (int i = 0; i < n; i++)
            k += (size_t)snprintf(line + k, sizeof line - k, ",\"k%d\":0", i);
        snprintf(line + k, sizeof line - k, ",\"k3\":1,\"type\":\"u\"}");
        char *e = load_errors(line, true);
        CHECK_STR(e, "in:1:1: k3: duplicate key \"k3\"\n"
                     "in:1:1: type: duplicate key \"type\"\n");
        free(e);
    }
    char *e = load_errors("{\"facts\":[],\"a\":1,\"b\":2,\"a\":3}", false);
    CHECK_STR(e, "in:1:1: a: duplicate key \"a\"\n");
    free(e);
    /* In attrs too (they became attributes twice in outputs). */
    e = load_errors("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"t\","
                    "\"attrs\":{\"n\":1,\"m\":true,\"n\":\"x\"}}",
                    true);
    CHECK_STR(e, "in:1:1: attrs.n: duplicate key \"n\"\n");
    free(e);
}

/* Builds a document: entities with the given labels (ids e0, e1, ...) and
 * one fact per subject reference, all valid but for the subjects. */
static char *doc_with(const char *const *labels, size_t n_labels,
                      const char *subject, size_t n_facts)
{
    fnet_buf b = {0};
    fnet_buf_puts(&b, "{\"sources\":[{\"id\":\"s\"}],\"entities\":[");
    for (size_t i = 0; i < n_labels; i++)
        fnet_buf_printf(&b,
                        "%s{\"id\":\"e%zu\",\"type\":\"actor\","
                        "\"label\":\"%s\"}",
                        i ? "," : "", i, labels[i]);
    fnet_buf_puts(&b, "],\"facts\":[");
    for (size_t i = 0; i < n_facts; i++)
        fnet_buf_printf(&b,
                        "%s{\"subject\":\"%s\",\"relation\":"
                        "\"supports\",\"object\":\"e0\",\"source\":\"s\","
                        "\"evidence\":\"q\"}",
                        i ? "," : "", subject);
    fnet_buf_puts(&b, "]}");
    return b.data;
}

/* "Did you mean" is computed for names of up to 256 bytes only: edit
 * distance is quadratic, and 20 entities with 20000-byte labels made one
 * unknown 20000-byte name cost 6.6 s of CPU. */
static void test_suggestions_bounded(void)
{
    char *m, *doc;
    const char *short_labels[] = {"Japan", "ASEAN"};
    doc = doc_with(short_labels, 2, "Japna", 1);
    CHECK_INT(load(doc, false, &m), 1);
    CHECK_STR(m,
              "in:1:133: facts[0].subject: unknown entity \"Japna\" (did you "
              "mean \"e0\" (Japan)?)");
    free(m);
    free(doc);

    char long_label[300], long_typo[300];
    memset(long_label, 'a', 299);
    long_label[299] = '\0';
    memcpy(long_typo, long_label, 300);
    long_typo[0] = 'b';
    const char *long_labels[] = {"Japan", long_label};
    doc = doc_with(long_labels, 2, long_typo, 1);
    CHECK_INT(load(doc, false, &m), 1);
    char want[700];
    snprintf(want, sizeof want,
             "in:1:427: facts[0].subject: unknown entity "
             "\"%s\"",
             long_typo);
    CHECK_STR(m, want);
    free(m);
    free(doc);
}

/* An ambiguous name lists its candidates in the messages that are kept;
 * beyond the 50 kept, the (full) scan for candidates is skipped: 3000
 * such facts among 100000 entities took 25 s of CPU. */
static void test_ambiguous_bounded(void)
{
    const char *labels[] = {"Same", "Other", "Same"};
    char *doc = doc_with(labels, 3, "same", 60), *e = load_errors(doc, false);
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_STR(e, "");
    free(e);
    CHECK_INT(fnet_corpus_new(&c), FNET_OK);
    CHECK_INT(fnet_load_buffer(c, "in", doc, strlen(doc), false, &d, &err),
              FNET_OK);
    CHECK_INT(fnet_corpus_resolve(c, &d, &err), FNET_OK);
    CHECK_INT(d.n_errors, 60);
    CHECK_STR(d.items[0].msg,
              "in:1:174: facts[0].subject: \"same\" is ambiguous: "
              "it names \"e0\" (Same), \"e2\" (Same); use the "
              "entity id");
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    free(doc);
}

/* All messages of loading (buffer or file), joined; caller frees. */
static char *messages(const char *path, const char *text, size_t len,
                      bool from_file)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_buf out = {0};
    fnet_load_opts o = {.format = "jsonl"};
    fnet_buf_puts(&out, "");
    if (fnet_corpus_new(&c) != FNET_OK)
        return NULL;
    if (from_file)
        CHECK_INT(fnet_load_file(c, path, &o, &d, &err), FNET_OK);
    else
        CHECK_INT(fnet_load_buffer(c, path, text, len, true, &d, &err),
                  FNET_OK);
    fnet_buf_printf(&out, "%u entities\n", c->n_entities);
    for (size_t i = 0; i < d.n_items; i++)
        fnet_buf_printf(&out, "%s\n", d.items[i].msg);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return out.data;
}

/* A JSON Lines file is read in 64 KiB blocks; wherever the line breaks
 * (and a NUL byte, a CR, the end without a line break) fall relative to
 * the block boundary, reading the file gives the same records and messages
 * as loading the same bytes from memory. */
static void test_stream_blocks(void)
{
    char path[] = "/tmp/factnet-hostile-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    const char *tail[] = {"", "\r",
                          "\n{\"kind\":\"entity\",\"id\":\"a\","
                          "\"type\":\"t\"}\n{\"kind\":\"oops\"}",
                          "\n{\"kind\":\"entity\",\"id\":\"b\",\"type\":\"t\""
                          "}\r\n\n"};
    static char text[65536 * 2 + 256];
    for (size_t at = 65533; at <= 65539; at++) {
        for (size_t t = 0; t < sizeof tail / sizeof tail[0]; t++) {
            for (int nul = 0; nul < 2; nul++) {
                /* {"kind":"header","title":"xxx...x"} ending at `at`. */
                size_t head = strlen("{\"kind\":\"header\",\"title\":\"");
                memcpy(text, "{\"kind\":\"header\",\"title\":\"", head);
                memset(text + head, 'x', at - head - 2);
                memcpy(text + at - 2, "\"}", 2);
                if (nul)
                    text[65536] = '\0';
                size_t len = at + strlen(tail[t]);
                memcpy(text + at, tail[t], strlen(tail[t]));
                FILE *fp = fopen(path, "wb");
                CHECK(fp && fwrite(text, 1, len, fp) == len);
                if (fp)
                    fclose(fp);
                char *a = messages(path, text, len, false);
                char *b = messages(path, NULL, 0, true);
                CHECK_STR(b, a);
                free(a);
                free(b);
            }
        }
    }
    unlink(path);
}

int main(void)
{
    RUN(test_raw_control_chars);
    RUN(test_message_escapes);
    RUN(test_escape_before_utf8);
    RUN(test_duplicate_keys);
    RUN(test_suggestions_bounded);
    RUN(test_ambiguous_bounded);
    RUN(test_stream_blocks);
    return TEST_REPORT();
}

/* test_core.c - unit tests for src/core and src/model/date. */
#include "test.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/strmap.h"
#include "core/text.h"
#include "model/date.h"

#include <stdlib.h>
#include <string.h>

static void test_date_parse(void)
{
    fnet_date d;
    char why[160];
    CHECK_INT(fnet_date_parse("2013", &d, why, sizeof why), 0);
    CHECK_INT(d.year, 2013);
    CHECK_INT(d.month, 0);
    CHECK_INT(fnet_date_parse("2013-06-10", &d, why, sizeof why), 0);
    CHECK_INT(d.day, 10);
    CHECK_INT(fnet_date_parse("2020-02-29", &d, why, sizeof why), 0);
    CHECK_INT(fnet_date_parse("2021-02-29", &d, why, sizeof why), -1);
    CHECK_STR(why, "no day 29 in 2021-02");
    CHECK_INT(fnet_date_parse("2021-13", &d, why, sizeof why), -1);
    CHECK_INT(fnet_date_parse("1900-02-29", &d, why, sizeof why), -1);
    CHECK_INT(fnet_date_parse("21-02-01", &d, why, sizeof why), -1);
    CHECK_INT(fnet_date_parse("2021/02/01", &d, why, sizeof why), -1);
    CHECK_INT(fnet_date_parse("0000", &d, why, sizeof why), -1);
    CHECK_INT(fnet_date_parse("", &d, why, sizeof why), -1);
}

static void test_date_days(void)
{
    fnet_date y, m, d;
    char why[160], out[11];
    fnet_date_parse("2013", &y, why, sizeof why);
    fnet_date_parse("2013-12", &m, why, sizeof why);
    fnet_date_parse("2013-12-31", &d, why, sizeof why);
    CHECK_INT(fnet_date_last_day(y), fnet_date_last_day(d));
    CHECK_INT(fnet_date_last_day(m), fnet_date_last_day(d));
    CHECK_INT(fnet_date_last_day(y) - fnet_date_first_day(y), 364);
    /* 0001-01-01 is day 0; 1970-01-01 is day 719162 (proleptic Gregorian). */
    fnet_date_parse("1970-01-01", &d, why, sizeof why);
    CHECK_INT(fnet_date_first_day(d), 719162);
    CHECK(fnet_date_compare(y, d) > 0);
    CHECK(fnet_date_compare(y, m) < 0);
    fnet_date_format(m, out);
    CHECK_STR(out, "2013-12");
}

static void test_strmap(void)
{
    fnet_strmap m = {0};
    char keys[5000][12];
    for (int i = 0; i < 5000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK_INT(fnet_strmap_put(&m, keys[i], strlen(keys[i]), (size_t)i), 0);
    }
    CHECK_INT(m.count, 5000);
    size_t v = 0;
    int ok = 1;
    for (int i = 0; i < 5000; i++)
        ok &=
            fnet_strmap_get(&m, keys[i], strlen(keys[i]), &v) && v == (size_t)i;
    CHECK(ok);
    CHECK(!fnet_strmap_get(&m, "k5000", 5, &v));
    fnet_strmap_put(&m, keys[7], strlen(keys[7]), 99);
    CHECK(fnet_strmap_get(&m, "k7", 2, &v) && v == 99);
    CHECK_INT(m.count, 5000);
    fnet_strmap_free(&m);
}

static void test_text_words(void)
{
    fnet_buf b = {0};
    fnet_text_words(&b, "working_group");
    CHECK_STR(b.data, "working group");
    fnet_text_words(&b, "_a__b_");
    CHECK_STR(b.data, "working group a  b ");
    fnet_buf_free(&b);
}

static void test_text(void)
{
    fnet_buf b = {0};
    fnet_text_fold(&b, "  The  Japan\n\tMinistry ", true);
    CHECK_STR(fnet_buf_str(&b), "the japan ministry");
    fnet_buf_reset(&b);
    fnet_text_fold(&b,
                   "A\xC2\xA0"
                   "B",
                   false);
    CHECK_STR(fnet_buf_str(&b), "A B");
    fnet_buf_free(&b);
    CHECK_INT(fnet_text_distance("japn", "jpn", 5), 1);
    CHECK_INT(fnet_text_distance("kitten", "sitting", 5), 3);
    CHECK_INT(fnet_text_distance("abc", "abcdefgh", 2), 3);
    size_t bad = 0;
    CHECK(fnet_utf8_valid("caf\xC3\xA9", 5, &bad));
    CHECK(!fnet_utf8_valid("ab\xC3(", 4, &bad));
    CHECK_INT(bad, 2);
    CHECK(!fnet_utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
    CHECK(!fnet_utf8_valid("\xC0\xAF", 2, &bad));     /* overlong */
    CHECK_INT(fnet_utf8_count("caf\xC3\xA9", 5), 4);
}

static void test_nearest(void)
{
    static const char *const names[] = {"pagerank", "betweenness", "degree"};
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, "betweeness", strlen("betweeness"));
    for (int i = 0; i < 3; i++)
        fnet_text_nearest_offer(&n, names[i]);
    CHECK_STR(n.best, "betweenness");
    fnet_text_nearest_init(&n, "PageRank", 8); /* case folded: 0 edits */
    for (int i = 0; i < 3; i++)
        fnet_text_nearest_offer(&n, names[i]);
    CHECK_STR(n.best, "pagerank");
    fnet_text_nearest_init(&n, "xyz", 3); /* nothing close */
    for (int i = 0; i < 3; i++)
        fnet_text_nearest_offer(&n, names[i]);
    CHECK(n.best == NULL);
    fnet_text_nearest_init(&n, "x", 1); /* 1 edit, but nothing shared */
    fnet_text_nearest_offer(&n, "md");
    CHECK(n.best == NULL);
    fnet_text_nearest_init(&n, "degreeX", 6); /* only the first len bytes */
    fnet_text_nearest_offer(&n, "degree");
    CHECK_STR(n.best, "degree");
    CHECK_INT(n.dist, 0);
}

static void test_arena_buf(void)
{
    fnet_arena a = {0};
    char *big = fnet_arena_alloc(&a, 200000);
    CHECK(big != NULL);
    char *s = fnet_arena_strdup(&a, "hello");
    CHECK_STR(s, "hello");
    CHECK(((size_t)s % sizeof(void *)) == 0);
    fnet_arena_free(&a);
    fnet_buf b = {0};
    CHECK_STR(fnet_buf_str(&b), "");
    fnet_buf_printf(&b, "%d-%s", 42, "x");
    CHECK_STR(fnet_buf_str(&b), "42-x");
    CHECK(fnet_buf_ok(&b));
    fnet_buf_free(&b);
}

/* s escaped by fnet_diag_escape (value false) or _value (true). */
static const char *escaped(fnet_buf *b, const char *s, bool value)
{
    fnet_buf_reset(b);
    if (value)
        fnet_diag_escape_value(b, s);
    else
        fnet_diag_escape(b, s);
    return fnet_buf_ok(b) ? fnet_buf_str(b) : "(out of memory)";
}

/* Messages and check's summary: C0, DEL and C1 controls as JSON escapes;
 * every bidirectional control (Trojan Source, CVE-2021-42574) as \uXXXX,
 * other characters of the same blocks left alone; a backslash doubled in
 * values only. */
static void test_diag_escape(void)
{
    fnet_buf b = {0};
    CHECK_STR(escaped(&b, "a\nb\tc\rd\x1b[2J\x7f\xc2\x9b", false),
              "a\\nb\\tc\\rd\\u001B[2J\\u007F\\u009B");
    /* U+061C ALM, U+200E LRM, U+200F RLM, U+202A..U+202E LRE RLE PDF LRO
     * RLO, U+2066..U+2069 LRI RLI FSI PDI. */
    CHECK_STR(escaped(&b,
                      "\xd8\x9c|\xe2\x80\x8e|\xe2\x80\x8f|"
                      "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac"
                      "\xe2\x80\xad\xe2\x80\xae|"
                      "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8"
                      "\xe2\x81\xa9",
                      false),
              "\\u061C|\\u200E|\\u200F|\\u202A\\u202B\\u202C\\u202D"
              "\\u202E|\\u2066\\u2067\\u2068\\u2069");
    /* Neighbours are text: U+061B (Arabic semicolon), U+200D (ZWJ, inside
     * emoji), U+2029, U+202F (narrow no-break space), U+2065 (unassigned),
     * U+206A; Hebrew and the en dash too. */
    const char *kept = "\xd8\x9b \xe2\x80\x8d \xe2\x80\xa9 \xe2\x80\xaf "
                       "\xe2\x81\xa5 \xe2\x81\xaa \xd7\xa2 \xe2\x80\x93";
    CHECK_STR(escaped(&b, kept, false), kept);
    CHECK_STR(escaped(&b, kept, true), kept);
    /* A message's own text keeps its backslashes; a value's are doubled,
     * so its two characters \n differ from an escaped line break. */
    CHECK_STR(escaped(&b, "write it as \\t", false), "write it as \\t");
    CHECK_STR(escaped(&b, "a\\nb", true), "a\\\\nb");
    CHECK_STR(escaped(&b, "a\nb", true), "a\\nb");
    CHECK_STR(escaped(&b,
                      "\xe2\x80\xae"
                      "evil\\",
                      true),
              "\\u202Eevil\\\\");
    /* A truncated or invalid sequence is copied, never read past its end. */
    CHECK_STR(escaped(&b, "x\xe2", false), "x\xe2");
    CHECK_STR(escaped(&b, "x\xe2\x80", false), "x\xe2\x80");
    CHECK_STR(escaped(&b, "x\xd8", false), "x\xd8");
    fnet_buf_free(&b);

    /* fnet_diag_add stores messages escaped, location included. */
    fnet_diag d = {0};
    fnet_diag_add(&d, FNET_SEV_ERROR,
                  "in\xe2\x80\xae.json: ", "unknown entity \"%s\"",
                  "\xe2\x81\xa7x\ny");
    CHECK_INT(d.n_items, 1);
    if (d.n_items == 1)
        CHECK_STR(d.items[0].msg,
                  "in\\u202E.json: unknown entity \"\\u2067x\\ny\"");
    fnet_diag_free(&d);
}

/* A quoted value is a JSON string: a quote, a backslash and controls inside
 * are escaped, factnet's text around it is not, and fnet_diag_add's escaping
 * of the whole message leaves the quoted value as it is (a line break
 * shows as \n, never as \\n). */
static void test_diag_quote(void)
{
    fnet_buf q = {0};
    CHECK_STR(fnet_diag_quoted(&q, "plain"), "\"plain\"");
    CHECK_STR(fnet_diag_quoted(&q, ""), "\"\"");
    CHECK_STR(fnet_diag_quoted(&q, NULL), "\"\"");
    CHECK_STR(fnet_diag_quoted(&q, "a\" b"), "\"a\\\" b\"");
    CHECK_STR(fnet_diag_quoted(&q, "C:\\x"), "\"C:\\\\x\"");
    CHECK_STR(fnet_diag_quoted(&q, "t\tn\nr\r\x01\x7f\xc2\x9b"),
              "\"t\\tn\\nr\\r\\u0001\\u007F\\u009B\"");
    CHECK_STR(fnet_diag_quoted(&q, "\xe2\x80\xaex"), "\"\\u202Ex\"");
    /* fnet_diag_quote appends; fnet_diag_quoted starts afresh. */
    fnet_buf_reset(&q);
    fnet_buf_puts(&q, "id ");
    fnet_diag_quote(&q, "\\");
    CHECK_STR(fnet_buf_str(&q), "id \"\\\\\"");

    fnet_diag d = {0};
    fnet_diag_add(&d, FNET_SEV_ERROR, "f.json: facts[0].object: ",
                  "unknown entity %s (hint: write a tab as \\t)",
                  fnet_diag_quoted(&q, "a\"\\\t\nb"));
    CHECK_INT(d.n_items, 1);
    if (d.n_items == 1)
        CHECK_STR(d.items[0].msg, "f.json: facts[0].object: unknown entity "
                                  "\"a\\\"\\\\\\t\\nb\" (hint: write a tab "
                                  "as \\t)");
    fnet_diag_free(&d);
    fnet_buf_free(&q);
}

int main(void)
{
    RUN(test_date_parse);
    RUN(test_date_days);
    RUN(test_strmap);
    RUN(test_text);
    RUN(test_text_words);
    RUN(test_nearest);
    RUN(test_arena_buf);
    RUN(test_diag_escape);
    RUN(test_diag_quote);
    return TEST_REPORT();
}

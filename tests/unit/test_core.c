/* test_core.c - unit tests for src/core and src/model/date. */
#include "test.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "core/text.h"
#include "model/date.h"

#include <stdlib.h>

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
        ok &= fnet_strmap_get(&m, keys[i], strlen(keys[i]), &v) &&
              v == (size_t)i;
    CHECK(ok);
    CHECK(!fnet_strmap_get(&m, "k5000", 5, &v));
    fnet_strmap_put(&m, keys[7], strlen(keys[7]), 99);
    CHECK(fnet_strmap_get(&m, "k7", 2, &v) && v == 99);
    CHECK_INT(m.count, 5000);
    fnet_strmap_free(&m);
}

static void test_text(void)
{
    fnet_buf b = {0};
    fnet_text_fold(&b, "  The  Japan\n\tMinistry ", true);
    CHECK_STR(fnet_buf_str(&b), "the japan ministry");
    fnet_buf_reset(&b);
    fnet_text_fold(&b, "A\xC2\xA0" "B", false);
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

int main(void)
{
    RUN(test_date_parse);
    RUN(test_date_days);
    RUN(test_strmap);
    RUN(test_text);
    RUN(test_arena_buf);
    return TEST_REPORT();
}

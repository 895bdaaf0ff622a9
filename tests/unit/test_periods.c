/* test_periods.c - unit tests for src/analysis/periods: period layout,
 * labels, cumulative and sliding windows, clipping, errors. */
#include "test.h"

#include "analysis/periods.h"
#include "fixture.h"

static fnet_date d(const char *s)
{
    fnet_date x = FNET_DATE_NONE;
    char why[64];
    fnet_date_parse(s, &x, why, sizeof why);
    return x;
}

static void date_is(fnet_date got, const char *want)
{
    char buf[11];
    fnet_date_format(got, buf);
    CHECK_STR(buf, want);
}

/* Facts dated 2006-05, 2009, 2013-06-10 .. 2014-02, and one undated. */
static const char *const lines[] = {
    "A B cooperates_with 2006-05", "A C cooperates_with 2009",
    "B C cooperates_with 2013-06-10 2014-02", "C D cooperates_with -"};

static void test_range(void)
{
    fnet_corpus *c = corpus_from_edges(lines, 4, NULL);
    fnet_date a, b;
    CHECK(c != NULL);
    if (!c)
        return;
    CHECK(fnet_corpus_date_range(c, &a, &b));
    date_is(a, "2006-05");
    date_is(b, "2014-02");
    fnet_corpus_free(c);
}

static void test_years(void)
{
    fnet_corpus *c = corpus_from_edges(lines, 4, NULL);
    fnet_period_spec s = {FNET_UNIT_YEAR,    1,
                          FNET_PERIODS_EACH, 1,
                          FNET_DATE_NONE,    FNET_DATE_NONE};
    fnet_period *p = NULL;
    size_t n = 0;
    fnet_err err = {0};
    if (!c)
        return;
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    CHECK_INT(n, 9); /* 2006 .. 2014 */
    if (n == 9) {
        CHECK_STR(p[0].label, "2006");
        date_is(p[0].from, "2006");
        date_is(p[0].to, "2006");
        CHECK_STR(p[8].label, "2014");
    }
    free(p);

    /* every 5 years: 2006-2010, 2011-2015 */
    s.step = 5;
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(p[0].label, "2006-2010");
        CHECK_STR(p[1].label, "2011-2015");
        date_is(p[1].from, "2011");
        date_is(p[1].to, "2015");
    }
    free(p);

    /* cumulative: every window starts with the first period */
    s.step = 1;
    s.mode = FNET_PERIODS_CUMULATIVE;
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    if (n == 9) {
        date_is(p[4].from, "2006");
        date_is(p[4].to, "2010");
    }
    free(p);

    /* sliding window of 3 periods */
    s.mode = FNET_PERIODS_WINDOW;
    s.window = 3;
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    if (n == 9) {
        date_is(p[0].from, "2006"); /* fewer than 3 periods so far */
        date_is(p[1].from, "2006");
        date_is(p[4].from, "2008");
        date_is(p[4].to, "2010");
    }
    free(p);
    fnet_corpus_free(c);
}

static void test_months_and_clipping(void)
{
    fnet_corpus *c = corpus_from_edges(lines, 4, NULL);
    fnet_period_spec s = {FNET_UNIT_MONTH,   3,
                          FNET_PERIODS_EACH, 1,
                          d("2013-05"),      d("2014-01-15")};
    fnet_period *p = NULL;
    size_t n = 0;
    fnet_err err = {0};
    if (!c)
        return;
    /* 2013-05 .. 2014-01: quarters from 2013-05: 05-07, 08-10, 11-01 */
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(p[0].label, "2013-05..2013-07");
        CHECK_STR(p[2].label, "2013-11..2014-01");
        date_is(p[2].to, "2014-01-15"); /* clipped to --to */
        date_is(p[0].from, "2013-05");
    }
    free(p);
    /* one month per period */
    s.step = 1;
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), 0);
    CHECK_INT(n, 9);
    if (n == 9)
        CHECK_STR(p[1].label, "2013-06");
    free(p);
    /* errors: an empty range, too many periods */
    s.from = d("2015");
    s.to = d("2014");
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), FNET_EUSAGE);
    s.from = d("0001");
    s.to = d("9999");
    CHECK_INT(fnet_periods_make(&p, &n, c, &s, &err), FNET_EUSAGE);
    CHECK(strstr(err.msg, "periods") != NULL);
    fnet_corpus_free(c);

    /* no dated fact and no range */
    static const char *const undated[] = {"A B cooperates_with -"};
    c = corpus_from_edges(undated, 1, NULL);
    s = (fnet_period_spec){FNET_UNIT_YEAR,    1,
                           FNET_PERIODS_EACH, 1,
                           FNET_DATE_NONE,    FNET_DATE_NONE};
    CHECK_INT(c ? fnet_periods_make(&p, &n, c, &s, &err) : 0, FNET_EUSAGE);
    CHECK(strstr(err.msg, "no fact is dated") != NULL);
    fnet_corpus_free(c);
}

/* --every N-UNITS. */
static void test_every(void)
{
    fnet_period_spec s = {.unit = FNET_UNIT_YEAR, .step = 1};
    CHECK_INT(fnet_period_spec_every(&s, "6-months"), 0);
    CHECK_INT(s.unit, FNET_UNIT_MONTH);
    CHECK_INT(s.step, 6);
    CHECK_INT(fnet_period_spec_every(&s, "1-year"), 0);
    CHECK_INT(s.unit, FNET_UNIT_YEAR);
    CHECK_INT(s.step, 1);
    CHECK_INT(fnet_period_spec_every(&s, "0-years"), -1);
    CHECK_INT(fnet_period_spec_every(&s, "10001-years"), -1);
    CHECK_INT(fnet_period_spec_every(&s, "5-weeks"), -1);
    CHECK_INT(fnet_period_spec_every(&s, "years"), -1);
    CHECK_INT(s.unit, FNET_UNIT_YEAR); /* unchanged by the failures */
    CHECK_INT(s.step, 1);
}

int main(void)
{
    RUN(test_range);
    RUN(test_years);
    RUN(test_months_and_clipping);
    RUN(test_every);
    return TEST_REPORT();
}

/* test_chart.c - unit tests for src/output/chart: axis ticks, positions,
 * gaps for missing values, markers, escaping and the legend. Positions are
 * computed by hand from the geometry in chart.c (plot area x 64..570,
 * y 16..304). */
#include "test.h"

#include "output/report/chart.h"

#include <math.h>

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static void test_chart(void)
{
    static const char *const x[] = {"2019", "2020", "2021", "2022"};
    const double a[] = {0.1, NAN, 0.15, 0.19};
    const double b[] = {NAN, NAN, 0.05, NAN};
    const fnet_chart_series s[] = {
        {"Japan", a}, {"<b>Tom</b> & \"Jerry\" with a long name", b}};
    fnet_chart c = {.x = x,
                    .n_x = 4,
                    .series = s,
                    .n_series = 2,
                    .x_title = "Year",
                    .y_title = "PageRank",
                    .label = "a <chart>"};
    fnet_buf o = {0};
    fnet_chart_svg(&o, &c);
    const char *svg = fnet_buf_str(&o);
    CHECK(fnet_buf_ok(&o));
    CHECK(strncmp(svg, "<svg class=\"chart\"", 18) == 0);
    CHECK(strstr(svg, "aria-label=\"a &lt;chart&gt;\"") != NULL);
    /* Largest value 0.19: step 0.05, axis 0 .. 0.20, two decimals. */
    CHECK(strstr(svg, ">0.00</text>") != NULL);
    CHECK(strstr(svg, ">0.20</text>") != NULL);
    CHECK(strstr(svg, ">0.25</text>") == NULL);
    CHECK_INT(count(svg, "class=\"grid\""), 4);
    /* 0.1 in 2019: x 64, y 304 - 288 * 0.1 / 0.2 = 160; the gap in 2020
     * starts a new subpath: 0.15 at (64 + 506 * 2 / 3, 88), 0.19 at
     * (570, 30.4). */
    CHECK(strstr(svg, "d=\"M64.0,160.0 M401.3,88.0 L570.0,30.4\"") != NULL);
    CHECK(strstr(svg, "cx=\"64.0\" cy=\"160.0\"") != NULL);
    /* Four values, four markers; the lone 2021 value still shows. */
    CHECK_INT(count(svg, "class=\"point\""), 4);
    CHECK(strstr(svg, "cx=\"401.3\" cy=\"232.0\"") != NULL);
    /* Each year labelled (84 units apart), axis titles present. */
    CHECK(strstr(svg, ">2022</text>") != NULL);
    CHECK(strstr(svg, ">Year</text>") != NULL);
    CHECK(strstr(svg, ">PageRank</text>") != NULL);
    /* Names are escaped everywhere; the legend cuts at 24 code points
     * ("<b>Tom</b> & \"Jerry\" wit"). */
    CHECK(strstr(svg, "<b>") == NULL);
    CHECK(strstr(svg, "<title>&lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot; "
                      "with a long name</title>") != NULL);
    CHECK(strstr(svg, ">&lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot; "
                      "wit\xE2\x80\xA6</text>") != NULL);
    CHECK(strstr(svg, "&lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot; with a "
                      "long name, 2021: 0.05</title>") != NULL);
    CHECK(strstr(svg, "stroke=\"#4477AA\"") != NULL);
    CHECK(strstr(svg, "stroke=\"#EE6677\"") != NULL);
    fnet_buf_free(&o);
}

static void test_many_years(void)
{
    const char *x[40];
    char names[40][8];
    double v[40];
    for (int i = 0; i < 40; i++) {
        snprintf(names[i], sizeof names[i], "%d", 1980 + i);
        x[i] = names[i];
        v[i] = i;
    }
    const fnet_chart_series s[] = {{"n", v}};
    fnet_chart c = {.x = x, .n_x = 40, .series = s, .n_series = 1};
    fnet_buf o = {0};
    fnet_chart_svg(&o, &c);
    const char *svg = fnet_buf_str(&o);
    /* 506 units for 39 gaps (13 each): every 4th year is labelled, so
     * labels stay at least 46 units apart; the last (2019) has no room. */
    CHECK(strstr(svg, ">1980</text>") != NULL);
    CHECK(strstr(svg, ">1984</text>") != NULL);
    CHECK(strstr(svg, ">1981</text>") == NULL);
    CHECK(strstr(svg, ">2016</text>") != NULL);
    CHECK(strstr(svg, ">2019</text>") == NULL);
    /* Values 0 .. 39: step 10, axis to 40, no decimals. */
    CHECK(strstr(svg, ">40</text>") != NULL);
    CHECK(strstr(svg, ">50</text>") == NULL);
    fnet_buf_free(&o);
}

int main(void)
{
    RUN(test_chart);
    RUN(test_many_years);
    return TEST_REPORT();
}

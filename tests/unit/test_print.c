/* test_print.c - unit tests for output/diagram/print (lengths, the legend's
 * file name) and the greyscale check of output/diagram/style. Expected
 * values are hand computations: 72 pt per inch, 25.4 mm per inch; CIE L*
 * of black 0, of white 100, of sRGB #808080 53.585 (CIE 1976 from the
 * sRGB luminance, the value colour tables publish). */
#include "test.h"

#include "core/buf.h"
#include "output/diagram/print.h"
#include "output/diagram/style.h"

static void test_length(void)
{
    double pt = 0;
    const char *unit = NULL;
    CHECK_INT(fnet_print_length("3.5in", &pt, &unit), 0);
    CHECK_NEAR(pt, 252.0, 1e-9);
    CHECK_INT(fnet_print_length("89mm", &pt, &unit), 0);
    CHECK_NEAR(pt, 89 / 25.4 * 72, 1e-9); /* 252.283 */
    CHECK_INT(fnet_print_length("8.9cm", &pt, &unit), 0);
    CHECK_NEAR(pt, 89 / 25.4 * 72, 1e-9);
    CHECK_INT(fnet_print_length("183mm", &pt, &unit), 0);
    CHECK_NEAR(pt, 518.740157, 1e-5);
    CHECK_INT(fnet_print_length("252pt", &pt, &unit), 0);
    CHECK_NEAR(pt, 252.0, 1e-9);
    CHECK_INT(fnet_print_length(".5in", &pt, &unit), 0);
    CHECK_NEAR(pt, 36.0, 1e-9);
    /* A unit that is none of them: -2, unit at what stands there. */
    CHECK_INT(fnet_print_length("3.5inch", &pt, &unit), -2);
    CHECK_STR(unit, "inch");
    CHECK_INT(fnet_print_length("3.5", &pt, &unit), -2);
    CHECK_STR(unit, "");
    /* No number, a negative or zero one: -1. */
    CHECK_INT(fnet_print_length("in", &pt, &unit), -1);
    CHECK_INT(fnet_print_length("-3in", &pt, &unit), -1);
    CHECK_INT(fnet_print_length("0mm", &pt, &unit), -1);
    CHECK_INT(fnet_print_length("nanin", &pt, &unit), -1);
    CHECK_INT(fnet_print_length(" 3in", &pt, &unit), -1);
}

static void test_legend_path(void)
{
    fnet_buf b = {0};
    fnet_print_legend_path(&b, "fig.pdf");
    CHECK_STR(fnet_buf_str(&b), "fig.legend.pdf");
    fnet_print_legend_path(&b, "out/fig.1.png");
    CHECK_STR(fnet_buf_str(&b), "out/fig.1.legend.png");
    fnet_print_legend_path(&b, "a.b/fig");
    CHECK_STR(fnet_buf_str(&b), "a.b/fig.legend");
    fnet_buf_free(&b);
}

static void test_grey(void)
{
    double gap = -1;
    const char *bw[] = {"#000000", "#FFFFFF"};
    CHECK(fnet_style_grey_check(bw, NULL, 2, &gap));
    CHECK_NEAR(gap, 100.0, 1e-9);
    const char *mid[] = {"#FFFFFF", "#808080"};
    CHECK(fnet_style_grey_check(mid, NULL, 2, &gap));
    CHECK_NEAR(gap, 100 - 53.585, 0.01);
    /* Tol's light blue and orange, communities 1 and 2 of the default
     * style: the same grey in print (the issue measured 161 vs 163 of
     * 255); L* 67.94 and 67.09. */
    const char *tol[] = {"#77AADD", "#EE8866", "#FFFFFF"};
    CHECK(!fnet_style_grey_check(tol, NULL, 3, &gap));
    CHECK_NEAR(gap, 0.856, 0.01);
    /* Fewer than two colours, or names that are not #RRGGBB: nothing to
     * tell apart. */
    const char *one[] = {"#77AADD", "white"};
    CHECK(fnet_style_grey_check(one, NULL, 2, &gap));
    CHECK_NEAR(gap, 100.0, 1e-9);
    CHECK(fnet_style_grey_check(NULL, NULL, 0, &gap));
    /* The eight fills of the default style (L* 67.94, 92.00, 55.99, 79.88
     * and 62.01, 86.11, 49.95, 74.07, computed apart in Python): 5.8 apart
     * by lightness alone, but groups 5-8 have a dashed outline and within
     * an outline they are at least 11.94 apart. */
    const char *eight[] = {"#77AADD", "#FAE993", "#0E9878", "#BFD038",
                           "#DE7B59", "#A2E0FF", "#7B7B00", "#F29FB0"};
    const bool dashed[] = {false, false, false, false, true, true, true, true};
    CHECK(!fnet_style_grey_check(eight, NULL, 8, &gap));
    CHECK_NEAR(gap, 5.816, 0.01);
    CHECK(fnet_style_grey_check(eight, dashed, 8, &gap));
    CHECK_NEAR(gap, 11.942, 0.01);
    for (int32_t g = 0; g < 8; g++)
        CHECK(fnet_style_fill_dashed(g, false) == dashed[g] &&
              strcmp(fnet_style_fill(g, false), eight[g]) == 0);
}

int main(void)
{
    RUN(test_length);
    RUN(test_legend_path);
    RUN(test_grey);
    return TEST_REPORT();
}

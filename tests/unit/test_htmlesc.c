/* test_htmlesc.c - unit tests for src/output/htmlesc: HTML text and
 * attribute escaping, JSON strings safe inside <script>, JSON numbers.
 * Expected strings are written by hand from the rules in htmlesc.h. */
#include "test.h"

#include "core/buf.h"
#include "output/report/htmlesc.h"

#include <math.h>

static const char *text(fnet_buf *b, const char *s)
{
    fnet_buf_reset(b);
    fnet_htmlesc_text(b, s);
    return fnet_buf_str(b);
}

static const char *json(fnet_buf *b, const char *s)
{
    fnet_buf_reset(b);
    fnet_htmlesc_json(b, s);
    return fnet_buf_str(b);
}

static const char *num(fnet_buf *b, double v)
{
    fnet_buf_reset(b);
    fnet_htmlesc_json_number(b, v);
    return fnet_buf_str(b);
}

static void test_text(void)
{
    fnet_buf b = {0};
    CHECK_STR(text(&b, "</script><script>alert(1)</script>"),
              "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_STR(text(&b, "\"><img src=x onerror=alert(1)>"),
              "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    CHECK_STR(text(&b, "Tom & 'Jerry' &amp;"),
              "Tom &amp; &#39;Jerry&#39; &amp;amp;");
    /* UTF-8 (RTL, emoji) passes through untouched. */
    CHECK_STR(text(&b, "\xD9\x88\xD8\xB2 \xF0\x9F\x9B\xB0"),
              "\xD9\x88\xD8\xB2 \xF0\x9F\x9B\xB0");
    /* Line breaks normalised, tab kept, other controls made visible. */
    CHECK_STR(text(&b, "a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
    CHECK_STR(text(&b, "x\x01y\x7Fz"), "x\xE2\x90\x81y\xE2\x90\xA1z");
    CHECK_STR(text(&b, ""), "");
    CHECK(fnet_buf_ok(&b));
    fnet_buf_free(&b);
}

static void test_json(void)
{
    fnet_buf b = {0};
    CHECK_STR(json(&b, "</script><!--"), "\"\\u003c/script\\u003e\\u003c!--\"");
    CHECK_STR(json(&b, "a & b"), "\"a \\u0026 b\"");
    CHECK_STR(json(&b, "say \"hi\" \\ 'x'"), "\"say \\\"hi\\\" \\\\ 'x'\"");
    CHECK_STR(json(&b, "a\r\nb\tc\x02"), "\"a\\nb\\tc\xE2\x90\x82\"");
    /* U+2028 and U+2029 end lines in older JavaScript. */
    CHECK_STR(json(&b, "x\xE2\x80\xA8y\xE2\x80\xA9z"), "\"x\\u2028y\\u2029z\"");
    /* Other E2 80 xx characters (an en dash) pass. */
    CHECK_STR(json(&b, "1\xE2\x80\x93"
                       "2"),
              "\"1\xE2\x80\x93"
              "2\"");
    CHECK_STR(json(&b, NULL), "null");
    CHECK(fnet_buf_ok(&b));
    fnet_buf_free(&b);
}

static void test_numbers(void)
{
    fnet_buf b = {0};
    CHECK_STR(num(&b, 0.1), "0.1");
    CHECK_STR(num(&b, 1.0 / 3), "0.3333333333333333");
    CHECK_STR(num(&b, 27), "27");
    CHECK_STR(num(&b, -0.25), "-0.25");
    CHECK_STR(num(&b, 1e300), "1e+300");
    CHECK_STR(num(&b, 0.1 + 0.2), "0.30000000000000004");
    CHECK_STR(num(&b, NAN), "null");
    CHECK_STR(num(&b, INFINITY), "null");
    fnet_buf_free(&b);
}

int main(void)
{
    RUN(test_text);
    RUN(test_json);
    RUN(test_numbers);
    return TEST_REPORT();
}

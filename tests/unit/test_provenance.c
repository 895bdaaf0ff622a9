/* test_provenance.c - unit tests for src/input/provenance (quote matching)
 * and the white-space folding it rests on (src/core/text). The CLI-level
 * messages are tested in tests/golden/provenance/. */
#include "test.h"

#include "core/text.h"
#include "input/provenance.h"

#include <stdlib.h>

static void test_space_len(void)
{
    static const char *const spaces[] = {" ",
                                         "\t",
                                         "\n",
                                         "\v",
                                         "\f",
                                         "\r",
                                         "\xC2\x85",
                                         "\xC2\xA0",
                                         "\xE1\x9A\x80",
                                         "\xE2\x80\x80",
                                         "\xE2\x80\x8A",
                                         "\xE2\x80\xA8",
                                         "\xE2\x80\xA9",
                                         "\xE2\x80\xAF",
                                         "\xE2\x81\x9F",
                                         "\xE3\x80\x80"};
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        CHECK_INT(fnet_text_space_len(spaces[i], strlen(spaces[i])),
                  strlen(spaces[i]));
    CHECK_INT(fnet_text_space_len("x", 1), 0);
    CHECK_INT(fnet_text_space_len("\xE2\x80\x8B", 3), 0); /* ZW space */
    CHECK_INT(fnet_text_space_len("\xE2\x80\xA6", 3), 0); /* ellipsis */
    CHECK_INT(fnet_text_space_len("\xE2\x80\x99", 3), 0); /* ’ */
    CHECK_INT(fnet_text_space_len("\xC2\xA0", 1), 0);     /* cut short */
    CHECK_INT(fnet_text_space_len("\xE3\x80\x80", 2), 0);
    CHECK_INT(fnet_text_space_len("", 0), 0);
}

static void test_fold_n(void)
{
    fnet_buf b = {0};
    /* em space, ideographic space, NBSP + CRLF: one space each run. */
    const char *s = "\xE3\x80\x80 a\xE2\x80\x83"
                    "b\xC2\xA0\r\nC ";
    fnet_text_fold_n(&b, s, strlen(s), false);
    CHECK_STR(fnet_buf_str(&b), "a b C");
    fnet_buf_reset(&b);
    fnet_text_fold_n(&b, "a\0b  c", 6, false); /* NUL is kept */
    CHECK_INT(b.len, 5);
    CHECK(memcmp(b.data, "a\0b c", 5) == 0);
    fnet_buf_reset(&b);
    fnet_text_fold(&b, "  The\xE2\x80\xAFJapan  ", true);
    CHECK_STR(fnet_buf_str(&b), "the japan");
    fnet_buf_free(&b);
}

/* Matches quote against text; returns 1 found, 0 not found, -1 error, and
 * copies the explanation into why (when not NULL). */
static int match(const char *text, const char *quote, char *why, size_t n)
{
    fnet_prov_text *t = NULL;
    fnet_prov_result res = {0};
    fnet_err err = {0};
    int r = -1;
    if (fnet_prov_text_new(&t, "T", text, strlen(text), &err) == FNET_OK &&
        fnet_prov_text_match(t, quote, &res) == FNET_OK)
        r = res.found ? 1 : 0;
    if (why)
        snprintf(why, n, "%s", fnet_buf_str(&res.why));
    fnet_prov_result_free(&res);
    fnet_prov_text_free(t);
    return r;
}

static void test_match_rules(void)
{
    const char *text = "Alpha beta\n  gamma\xC2\xA0"
                       "delta. Epsilon zeta, "
                       "eta theta.";
    CHECK_INT(match(text, "Alpha beta", NULL, 0), 1);
    CHECK_INT(match(text, "beta gamma delta.", NULL, 0), 1);
    CHECK_INT(match(text, "  beta\tgamma \n delta.  ", NULL, 0), 1);
    CHECK_INT(match(text, "beta gammadelta.", NULL, 0), 0); /* space kept */
    CHECK_INT(match(text, "alpha beta", NULL, 0), 0);       /* case kept */
    CHECK_INT(match(text, "Alpha … delta", NULL, 0), 1);
    CHECK_INT(match(text, "Alpha...delta", NULL, 0), 1);
    CHECK_INT(match(text, "Alpha .... delta", NULL, 0), 1); /* 4 dots */
    CHECK_INT(match(text, "… gamma … zeta, …", NULL, 0), 1);
    CHECK_INT(match(text, "Alpha … zeta … delta", NULL, 0), 0);
    CHECK_INT(match(text, "Alpha .. delta", NULL, 0), 0); /* 2 dots: text */
    /* Fragments may not overlap: "beta" is needed twice. */
    CHECK_INT(match("alpha beta gamma", "alpha beta … beta", NULL, 0), 0);
    CHECK_INT(match("alpha beta gamma beta", "alpha beta … beta", NULL, 0), 1);
    /* A quote may itself contain the ellipsis the text has. */
    CHECK_INT(match("wait... and see", "wait... and see", NULL, 0), 1);
    /* A leading byte-order mark is not part of the text. */
    CHECK_INT(match("\xEF\xBB\xBFStart here", "Start here", NULL, 0), 1);
}

static void test_match_messages(void)
{
    char why[512];
    const char *text = "The quick brown fox jumps over the lazy dog.\n"
                       "Second line with \xE2\x80\x9Cquoted\xE2\x80\x9D "
                       "words here.";
    CHECK_INT(match(text, "The quick brown fax jumps", why, sizeof why), 0);
    CHECK_STR(why, "; closest (T:1, differs at [*]): \"The quick brown f[*]ox "
                   "jumps over the lazy dog. Second line \xE2\x80\xA6\"");
    /* Straight quotes against curly ones: the marker sits before the whole
     * character, not inside its UTF-8 bytes. */
    CHECK_INT(match(text, "line with \"quoted\" words", why, sizeof why), 0);
    CHECK_STR(why, "; closest (T:2, differs at [*]): \"\xE2\x80\xA6"
                   "mps over the lazy dog. Second line with [*]"
                   "\xE2\x80\x9Cquoted\xE2\x80\x9D words here.\"");
    CHECK_INT(match(text, "lazy dog … quick brown", why, sizeof why), 0);
    CHECK_STR(why, ": fragment 2 of 2 (\"quick brown\") occurs only before "
                   "the end of fragment 1 (T:1); fragments around an "
                   "ellipsis must keep the text's order");
    CHECK_INT(match(text, "Nothing like this at all", why, sizeof why), 0);
    CHECK_STR(why, "; no similar passage");
    CHECK_INT(match(text, " … ... ", why, sizeof why), 0);
    CHECK_STR(why, ": the quote has no text");
    /* Passages are quoted values: a straight quote or a backslash of the
     * text is escaped (\" and \\), so the passage cannot seem to end early
     * (the folding has already made tabs and line breaks spaces). */
    const char *q = "He said \"no\" to the plan at C:\\dir today.";
    CHECK_INT(match(q, "He said \"no\" to the plan at D:", why, sizeof why), 0);
    CHECK_STR(why, "; closest (T:1, differs at [*]): \"He said \\\"no\\\" to "
                   "the plan at [*]C:\\\\dir today.\"");
    CHECK_INT(match(q, "at C:\\dir … He said \"no\"", why, sizeof why), 0);
    CHECK_STR(why, ": fragment 2 of 2 (\"He said \\\"no\\\"\") occurs only "
                   "before the end of fragment 1 (T:1); fragments around an "
                   "ellipsis must keep the text's order");
}

static void test_text_errors(void)
{
    fnet_prov_text *t = NULL;
    fnet_err err = {0};
    CHECK_INT(fnet_prov_text_new(&t, "bad.txt", "ok \xC3(", 5, &err),
              FNET_EDATA);
    CHECK(t == NULL);
    CHECK_STR(err.msg, "bad.txt: invalid UTF-8 at byte 3");
    CHECK_INT(fnet_prov_text_read(&t, "provenance/no-such-file.txt",
                                  FNET_MAX_SOURCE_TEXT_BYTES, &err),
              FNET_EIO);
    CHECK_STR(err.msg, "provenance/no-such-file.txt: cannot open: "
                       "No such file or directory");
    /* Unit tests run in tests/. */
    CHECK_INT(fnet_prov_text_read(&t, "provenance/fixture.txt",
                                  FNET_MAX_SOURCE_TEXT_BYTES, &err),
              FNET_OK);
    if (!t)
        return;
    fnet_prov_result res = {0};
    CHECK_INT(fnet_prov_text_match(t, "12 May 2020. Japan\xE2\x80\x99s", &res),
              FNET_OK);
    CHECK(res.found);
    fnet_prov_result_free(&res);
    fnet_prov_text_free(t);
}

int main(void)
{
    RUN(test_space_len);
    RUN(test_fold_n);
    RUN(test_match_rules);
    RUN(test_match_messages);
    RUN(test_text_errors);
    return TEST_REPORT();
}

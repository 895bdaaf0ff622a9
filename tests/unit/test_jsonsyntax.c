/* test_jsonsyntax.c - unit tests for src/input/jsonsyntax (the strict JSON
 * check that locates syntax errors for the loaders). */
#include "test.h"

#include "input/json/jsonsyntax.h"

#include <stdlib.h>

/* Limits shrunk to something testable: strings of 16 or 64 bytes, 4
 * levels, 1000 values. */
static const fnet_limits *lim(uint64_t string_bytes)
{
    static fnet_limits l;
    l = FNET_LIMITS_DEFAULT;
    l.string_bytes = string_bytes;
    l.depth = 4;
    l.values = 1000;
    return &l;
}

/* Checks s with the loaders' limits shrunk to something testable. Returns
 * "OK" or "LINE:COL: MSG" in a static buffer. */
static const char *check_n(const char *s, size_t n)
{
    static char out[512];
    fnet_json_problem p;
    if (fnet_json_check(s, n, 1, lim(16), &p))
        return "OK";
    snprintf(out, sizeof out, "%zu:%zu: %s", p.line, p.column, p.msg);
    return out;
}

static const char *check(const char *s)
{
    return check_n(s, strlen(s));
}

static void test_valid(void)
{
    CHECK_STR(check("{}"), "OK");
    CHECK_STR(check(" \t\r\n[ ] \n"), "OK");
    CHECK_STR(check("{\"a\":[1,-2.5e+3,0,0.0,1E-2,true,false,null,\"x\"]}"),
              "OK");
    fnet_json_problem p;
    const char *esc = "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"";
    CHECK(fnet_json_check(esc, strlen(esc), 1, lim(64), &p));
    CHECK_STR(check("\"\\ud83d\\ude00\""), "OK"); /* surrogate pair */
    CHECK_STR(check("\"caf\xC3\xA9 \xE6\x97\xA5\""), "OK");
    CHECK_STR(check("\"\x7f\""), "OK"); /* DEL is allowed in strings */
    CHECK_STR(check("[[[[]]]]"), "OK"); /* depth 4 = the limit */
    CHECK_STR(check("\"0123456789abcdef\""), "OK"); /* 16 bytes = limit */
}

static void test_structure(void)
{
    CHECK_STR(check("{\"a\":1,}"),
              "1:7: invalid JSON: trailing comma before '}'");
    CHECK_STR(check("[1,\n]"), "1:3: invalid JSON: trailing comma before ']'");
    CHECK_STR(check("{\"a\":1"), "1:7: invalid JSON: unexpected end of input: "
                                 "the '{' at line 1, column 1 is "
                                 "not closed");
    CHECK_STR(check("{\"a\":\n[1,\n"), "3:1: invalid JSON: unexpected end of "
                                       "input: the '[' at line 2, column 1 is "
                                       "not closed");
    CHECK_STR(check("{\"a\":"), "1:6: invalid JSON: unexpected end of input: "
                                "the '{' at line 1, column 1 is "
                                "not closed");
    CHECK_STR(check("{} x"), "1:4: invalid JSON: expected the end of the input "
                             "after the JSON value, got "
                             "'x'");
    CHECK_STR(check("{\"a\" 1}"),
              "1:6: invalid JSON: expected ':' after the key, got '1'");
    CHECK_STR(
        check("{\"a\":1 \"b\":2}"),
        "1:8: invalid JSON: expected ',' or '}', got '\"' (missing comma?)");
    CHECK_STR(check("[1 2]"),
              "1:4: invalid JSON: expected ',' or ']', got '2'");
    CHECK_STR(check("{a:1}"),
              "1:2: invalid JSON: expected a key in double quotes, got 'a'");
    CHECK_STR(check("{'a':1}"), "1:2: invalid JSON: expected a key in double "
                                "quotes, got ''' (strings need "
                                "double quotes)");
    CHECK_STR(check("[1]// x"), "1:4: invalid JSON: expected the end of the "
                                "input after the JSON value, got "
                                "'/' (JSON has no comments)");
    CHECK_STR(check("[,]"), "1:2: invalid JSON: expected a value, got ','");
    CHECK_STR(check(""), "1:1: invalid JSON: unexpected end of input");
    CHECK_STR(check("[[[[[]]]]]"),
              "1:5: nesting deeper than the limit of 4 levels");
    CHECK_STR(check("[\xE2\x80\x9C"
                    "a\xE2\x80\x9D]"),
              "1:2: invalid JSON: expected a value, got '\xE2\x80\x9C' "
              "(U+201C); JSON "
              "strings need straight double quotes");
}

static void test_strings(void)
{
    CHECK_STR(check("[\"abc"), "1:2: invalid JSON: unterminated string");
    CHECK_STR(check("[\"ab\nc\"]"), "1:2: invalid JSON: unterminated string (a "
                                    "string cannot span lines; write "
                                    "\\n for a line break)");
    CHECK_STR(check("\"a\tb\""),
              "1:3: invalid JSON: control character in a string (write it "
              "as \\t)");
    CHECK_STR(check("\"a\x1b\""),
              "1:3: invalid JSON: control character in a string (write it "
              "as \\u001B)");
    CHECK_STR(check("\"a\\qb\""), "1:3: invalid JSON: unknown escape '\\q' in "
                                  "string (valid: \\\" \\\\ \\/ \\b "
                                  "\\f \\n \\r \\t \\uXXXX)");
    CHECK_STR(check("\"\\u12G4\""),
              "1:2: invalid JSON: \\u escape needs 4 hex digits");
    CHECK_STR(check("\"\\u12"), "1:1: invalid JSON: unterminated string");
    CHECK_STR(check("\"\\"), "1:1: invalid JSON: unterminated string");
    CHECK_STR(check("\"\\u0000\""), "1:2: NUL character (\\u0000) in string");
    CHECK_STR(check("\"\\ud800\""),
              "1:2: invalid JSON: unpaired surrogate escape \\uD800");
    CHECK_STR(check("\"\\ud800\\u0041\""),
              "1:2: invalid JSON: unpaired surrogate escape \\uD800");
    CHECK_STR(check("\"\\udc00\""),
              "1:2: invalid JSON: unpaired surrogate escape \\uDC00");
    /* 17 bytes is one over the limit; the error points at the string. */
    CHECK_STR(check("[\"0123456789abcdefg\"]"),
              "1:2: string longer than the limit of 16 bytes");
    /* Escapes count as written: 8 x "\n" is 16 bytes. */
    CHECK_STR(check("\"\\n\\n\\n\\n\\n\\n\\n\\n\""), "OK");
    CHECK_STR(check("\"\\n\\n\\n\\n\\n\\n\\n\\n\\n\""),
              "1:1: string longer than the limit of 16 bytes");
}

static void test_encoding(void)
{
    CHECK_STR(check_n("[1]\0", 4), "1:4: NUL byte in input");
    CHECK_STR(check_n("\"a\0\"", 4), "1:3: NUL byte in input");
    CHECK_STR(check_n("\"\\\0\"", 4), "1:3: NUL byte in input");
    CHECK_STR(check("{\"a\xFF\":1}"), "1:4: invalid UTF-8 byte sequence");
    CHECK_STR(check("\"\xC0\xAF\""), "1:2: invalid UTF-8 byte sequence");
    CHECK_STR(check("\"\xED\xA0\x80\""), "1:2: invalid UTF-8 byte sequence");
    CHECK_STR(check("[1]\xC3"), "1:4: invalid UTF-8 byte sequence");
    CHECK_STR(check("[1,\xC2\x9B]"),
              "1:4: invalid JSON: expected a value, got control character "
              "U+009B");
    CHECK_STR(
        check("[1,\x01]"),
        "1:4: invalid JSON: expected a value, got control character U+0001");
    /* Columns count characters: the é before the error is one column. */
    CHECK_STR(check("[\"\xC3\xA9\" x]"),
              "1:6: invalid JSON: expected ',' or ']', got 'x'");
}

static void test_values(void)
{
    CHECK_STR(check("01"),
              "1:1: invalid JSON: malformed number '01' (no leading zeros)");
    CHECK_STR(check("-01"),
              "1:1: invalid JSON: malformed number '-01' (no leading zeros)");
    CHECK_STR(check("1."), "1:1: invalid JSON: malformed number '1.' (digits "
                           "must follow the decimal "
                           "point)");
    CHECK_STR(check("1e"), "1:1: invalid JSON: malformed number '1e' (digits "
                           "must follow the exponent)");
    CHECK_STR(check("-"), "1:1: invalid JSON: malformed number '-'");
    CHECK_STR(check(".5"), "1:1: invalid JSON: malformed number '.5'");
    CHECK_STR(check("+1"), "1:1: invalid JSON: malformed number '+1'");
    CHECK_STR(check("1e999"), "OK"); /* JSON syntax; range is checked later */
    CHECK_STR(check("tru"), "1:1: invalid JSON: 'tru' is not a value (expected "
                            "a string in double quotes, "
                            "a number, true, false or null)");
    CHECK_STR(check("NaN"), "1:1: invalid JSON: 'NaN' is not a value (expected "
                            "a string in double quotes, "
                            "a number, true, false or null)");
    CHECK_STR(check("truex"), "1:1: invalid JSON: 'truex' is not a value "
                              "(expected a string in double "
                              "quotes, a number, true, false or null)");
}

static void test_first_line(void)
{
    fnet_json_problem p;
    CHECK(!fnet_json_check("{\"a\":}", 6, 41, lim(16), &p));
    CHECK_INT(p.line, 41);
    CHECK_INT(p.column, 6);
    CHECK_STR(p.msg, "invalid JSON: expected a value, got '}'");
}

/* Every prefix of a valid document is rejected without reading past n (the
 * buffers below are exactly n bytes long, so ASan sees any overread). */
static void test_prefixes(void)
{
    const char *doc = "{\"a\":[1,-2.5e3,true,null,\"\\u00e9\\ud83d\\ude00\"]}";
    size_t len = strlen(doc);
    for (size_t n = 0; n < len; n++) {
        char *b = malloc(n ? n : 1);
        memcpy(b, doc, n);
        fnet_json_problem p;
        CHECK(!fnet_json_check(b, n, 1, lim(64), &p));
        free(b);
    }
    char *b = malloc(len);
    memcpy(b, doc, len);
    fnet_json_problem p;
    CHECK(fnet_json_check(b, len, 1, lim(64), &p));
    free(b);
}

int main(void)
{
    RUN(test_valid);
    RUN(test_structure);
    RUN(test_strings);
    RUN(test_encoding);
    RUN(test_values);
    RUN(test_first_line);
    RUN(test_prefixes);
    return TEST_REPORT();
}

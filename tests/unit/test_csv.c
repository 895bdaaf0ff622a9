/* test_csv.c - unit tests for src/input/csvread (RFC 4180 edge cases). */
#include "test.h"

#include "input/import/csvread.h"

#include <stdlib.h>

/* Reads all records of s; writes "a|b|c/..." (fields joined by '|', records
 * by '/') into out, or "ERR L:C msg" for the first error. */
static void dump(const char *s, size_t len, char delim, bool quoting, char *out,
                 size_t cap)
{
    fnet_csv r;
    fnet_csv_init(&r, s, len, delim, quoting);
    size_t n = 0;
    out[0] = '\0';
    int got;
    while ((got = fnet_csv_next(&r)) == 1) {
        for (size_t i = 0; i < r.n_fields; i++)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? "|" : "",
                                  r.fields[i].text);
        n += (size_t)snprintf(out + n, cap - n, "/");
    }
    if (got == -1)
        snprintf(out + n, cap - n, "ERR %u:%u %s", r.err_line, r.err_col,
                 r.err_msg);
    fnet_csv_free(&r);
}

#define DUMP(s, delim, q)                                                      \
    (dump((s), sizeof(s) - 1, (delim), (q), buf, sizeof buf), buf)

static void test_basic(void)
{
    char buf[512];
    CHECK_STR(DUMP("a,b,c\n1,2,3\n", ',', true), "a|b|c/1|2|3/");
    /* No final line break, empty fields, a trailing delimiter. */
    CHECK_STR(DUMP("a,,c\n,2,", ',', true), "a||c/|2|/");
    /* CRLF, lone CR and blank lines between records. */
    CHECK_STR(DUMP("a,b\r\n\r\n1,2\r3,4\n\n", ',', true), "a|b/1|2/3|4/");
    /* A byte order mark is not part of the first field. */
    CHECK_STR(DUMP("\xEF\xBB\xBFid,x\n", ',', true), "id|x/");
    CHECK_STR(DUMP("", ',', true), "");
}

static void test_quotes(void)
{
    char buf[512];
    CHECK_STR(DUMP("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", ',', true),
              "a,b|say \"hi\"|/");
    /* Line breaks inside quotes belong to the field, CRLF kept as is. */
    CHECK_STR(DUMP("\"line1\nline2\",x\n\"p\r\nq\",y\n", ',', true),
              "line1\nline2|x/p\r\nq|y/");
    /* A quote inside an unquoted field is kept (spreadsheets write it). */
    CHECK_STR(DUMP("5'10\",x\n", ',', true), "5'10\"|x/");
    /* Quoting off (GDELT): quotes are characters. */
    CHECK_STR(DUMP("\"a\tb\"\tc\n", '\t', false), "\"a|b\"|c/");
    /* TSV with quoting: a quoted tab. */
    CHECK_STR(DUMP("\"a\tb\"\tc\n", '\t', true), "a\tb|c/");
}

static void test_errors(void)
{
    char buf[512];
    CHECK_STR(DUMP("a,b\n1,\"open\n2,3\n", ',', true),
              "a|b/ERR 2:3 unterminated quoted field (the quote opened here "
              "is never closed)");
    CHECK_STR(DUMP("a,b\n\"x\"y,2\n", ',', true),
              "a|b/ERR 2:4 unexpected text after a closing quote (a quote "
              "inside a quoted field is written \"\")");
    /* Columns count characters: "é" is one. */
    CHECK_STR(DUMP("\xC3\xA9,\"x\"y\n", ',', true),
              "ERR 1:6 unexpected text after a closing quote (a quote inside "
              "a quoted field is written \"\")");
    CHECK_STR(DUMP("ok,\xFF\n", ',', true),
              "ERR 1:4 invalid UTF-8 byte sequence");
    CHECK_STR(DUMP("a\0b,c\n", ',', true), "ERR 1:2 NUL byte in input");
}

static void test_recovery_and_positions(void)
{
    /* After a bad record the reader resumes on the next line. */
    const char s[] = "h1,h2\n\"x\"y,1\nfine,2\n\"multi\nline\",3\n";
    fnet_csv r;
    fnet_csv_init(&r, s, sizeof s - 1, ',', true);
    CHECK_INT(fnet_csv_next(&r), 1);
    CHECK_INT(r.rec_line, 1);
    CHECK_INT(fnet_csv_next(&r), -1);
    CHECK_INT(fnet_csv_next(&r), 1);
    CHECK_STR(r.fields[0].text, "fine");
    CHECK_INT(r.rec_line, 3);
    CHECK_INT(r.fields[1].col, 6);
    CHECK_INT(fnet_csv_next(&r), 1);
    CHECK_INT(r.rec_line, 4); /* a record starts where its first line is */
    CHECK_INT(r.fields[1].line, 5);
    CHECK_INT(r.fields[1].col, 7);
    CHECK_INT(r.fields[0].len, 10);
    CHECK_INT(fnet_csv_next(&r), 0);
    fnet_csv_free(&r);
}

static void test_many_fields(void)
{
    /* More fields than the first allocation holds. */
    char s[2000];
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(s + n, sizeof s - n, "%s%d", i ? "\t" : "", i);
    fnet_csv r;
    fnet_csv_init(&r, s, n, '\t', false);
    CHECK_INT(fnet_csv_next(&r), 1);
    CHECK_INT(r.n_fields, 300);
    CHECK_STR(r.fields[299].text, "299");
    CHECK_STR(r.fields[0].text, "0");
    fnet_csv_free(&r);
}

int main(void)
{
    RUN(test_basic);
    RUN(test_quotes);
    RUN(test_errors);
    RUN(test_recovery_and_positions);
    RUN(test_many_fields);
    return TEST_REPORT();
}

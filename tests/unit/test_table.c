/* test_table.c - unit tests for src/output/table: CSV quoting, TSV, LaTeX
 * and Markdown escaping, number formatting, JSON. */
#include "test.h"

#include "output/table.h"

#include <math.h>
#include <stdlib.h>

/* Writes t in the style to a string; the caller frees it. */
static char *render(const fnet_table *t, int format, int digits,
                    const char *caption, const char *label, const char *note)
{
    char *s = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&s, &len);
    fnet_table_style st = {format, digits, caption, label, note};
    fnet_err err = {0};
    if (!fp)
        return NULL;
    int rc = fnet_table_write(t, fp, &st, &err);
    fclose(fp);
    if (rc) {
        free(s);
        return NULL;
    }
    return s;
}

static fnet_table *sample(void)
{
    static const fnet_table_col cols[] = {{"name", FNET_COL_STRING},
                                          {"n", FNET_COL_INTEGER},
                                          {"x", FNET_COL_REAL}};
    fnet_table *t = NULL;
    size_t r;
    if (fnet_table_new(&t, cols, 3))
        return NULL;
    fnet_table_add_row(t, &r);
    fnet_table_set_str(t, r, 0, "a,b \"q\"");
    fnet_table_set_int(t, r, 1, -3);
    fnet_table_set_real(t, r, 2, 0.1);
    fnet_table_add_row(t, &r);
    fnet_table_set_str(t, r, 0, "line1\nline2|\tx\\");
    fnet_table_set_int(t, r, 1, 42);
    fnet_table_set_real(t, r, 2, NAN);
    fnet_table_add_row(t, &r);
    fnet_table_set_str(t, r, 0, "R&D 100% $5 #1 a_b {x} ~ ^ \\ <>");
    fnet_table_set_real(t, r, 2, 2.0 / 3.0);
    return t;
}

static void test_numbers(void)
{
    char b[64];
    fnet_table_format_real(b, sizeof b, 0.1, -1);
    CHECK_STR(b, "0.1");
    fnet_table_format_real(b, sizeof b, 1.0 / 3.0, -1);
    CHECK_STR(b, "0.3333333333333333"); /* 16 digits round-trip */
    CHECK(strtod(b, NULL) == 1.0 / 3.0);
    fnet_table_format_real(b, sizeof b, 0.1 + 0.2, -1);
    CHECK_STR(b, "0.30000000000000004"); /* needs 17 */
    fnet_table_format_real(b, sizeof b, 2.0 / 3.0, -1);
    CHECK(strtod(b, NULL) == 2.0 / 3.0);
    fnet_table_format_real(b, sizeof b, 34.0, -1);
    CHECK_STR(b, "34");
    fnet_table_format_real(b, sizeof b, 1e-20, -1);
    CHECK_STR(b, "1e-20");
    fnet_table_format_real(b, sizeof b, -0.0, -1);
    CHECK_STR(b, "0");
    fnet_table_format_real(b, sizeof b, -0.0001, 3);
    CHECK_STR(b, "0.000");
    fnet_table_format_real(b, sizeof b, 0.52197802197, 3);
    CHECK_STR(b, "0.522");
    fnet_table_format_real(b, sizeof b, -1.5, 0);
    CHECK_STR(b, "-2");
    fnet_table_format_real(b, sizeof b, NAN, -1);
    CHECK_STR(b, "");
}

static void test_csv_tsv(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_CSV, -1, NULL, NULL, "ignored");
    CHECK_STR(s, "name,n,x\n"
                 "\"a,b \"\"q\"\"\",-3,0.1\n"
                 "\"line1\nline2|\tx\\\",42,\n"
                 "R&D 100% $5 #1 a_b {x} ~ ^ \\ <>,,0.6666666666666666\n");
    free(s);
    s = render(t, FNET_TABLE_CSV, 2, NULL, NULL, NULL);
    CHECK(s && strstr(s, ",-3,0.10\n") && strstr(s, ",,0.67\n"));
    free(s);
    s = render(t, FNET_TABLE_TSV, -1, NULL, NULL, NULL);
    CHECK_STR(s, "name\tn\tx\n"
                 "a,b \"q\"\t-3\t0.1\n"
                 "line1\\nline2|\\tx\\\\\t42\t\n"
                 "R&D 100% $5 #1 a_b {x} ~ ^ \\\\ <>\t\t0.6666666666666666\n");
    free(s);
}

static void test_md(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_MD, -1, NULL, NULL, "Note: *x*");
    CHECK_STR(s, "| name | n | x |\n"
                 "| --- | ---: | ---: |\n"
                 "| a,b \"q\" | -3 | 0.100 |\n"
                 "| line1<br>line2\\|\tx\\ | 42 |  |\n"
                 "| R&D 100% $5 #1 a_b {x} ~ ^ \\ <> |  | 0.667 |\n"
                 "\nNote: *x*\n");
    free(s);
}

static void test_latex(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_LATEX, -1, "Caption & 50%", "tab:x",
                     "Estimated_from samples.");
    CHECK_STR(s,
              "\\begin{table}[htbp]\n\\centering\n"
              "\\caption{Caption \\& 50\\%}\n\\label{tab:x}\n"
              "\\begin{tabular}{lrr}\n\\toprule\n"
              "name & n & x \\\\\n\\midrule\n"
              "a,b \"q\" & $-$3 & 0.100 \\\\\n"
              "line1 line2\\textbar{} x\\textbackslash{} & 42 &  \\\\\n"
              "R\\&D 100\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} "
              "\\textasciicircum{} \\textbackslash{} "
              "\\textless{}\\textgreater{} &  & 0.667 \\\\\n"
              "\\bottomrule\n\\end{tabular}\n"
              "\\par\\smallskip{\\footnotesize Estimated\\_from samples.}\n"
              "\\end{table}\n");
    free(s);
}

static void test_json(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_JSON, -1, NULL, NULL, "ignored");
    CHECK_STR(s, "[\n"
                 "  {\"name\":\"a,b \\\"q\\\"\",\"n\":-3,\"x\":0.1},\n"
                 "  {\"name\":\"line1\\nline2|\\tx\\\\\",\"n\":42,\"x\":null},\n"
                 "  {\"name\":\"R&D 100% $5 #1 a_b {x} ~ ^ \\\\ <>\","
                 "\"n\":null,\"x\":0.6666666666666666}\n"
                 "]\n");
    free(s);
    static const fnet_table_col one[] = {{"a", FNET_COL_REAL}};
    fnet_table *e = NULL;
    fnet_table_new(&e, one, 1);
    s = render(e, FNET_TABLE_JSON, -1, NULL, NULL, NULL);
    CHECK_STR(s, "[]\n");
    free(s);
    fnet_table_free(e);
}

int main(void)
{
    test_numbers();
    fnet_table *t = sample();
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(fnet_table_rows(t), 3);
        CHECK_INT(fnet_table_cols(t), 3);
        test_csv_tsv(t);
        test_md(t);
        test_latex(t);
        test_json(t);
    }
    fnet_table_free(t);
    CHECK_INT(fnet_table_format_from_name("latex"), FNET_TABLE_LATEX);
    CHECK_INT(fnet_table_format_from_name("xls"), -1);
    return TEST_REPORT();
}

/* test_table.c - unit tests for src/output/table: CSV quoting, TSV, LaTeX
 * and Markdown escaping, number formatting, JSON. */
#include "test.h"

#include "output/tables/table.h"

#include <math.h>
#include <stdlib.h>

/* Writes t in the style to a string; the caller frees it. */
static char *render_style(const fnet_table *t, const fnet_table_style *st)
{
    char *s = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&s, &len);
    fnet_err err = {0};
    if (!fp)
        return NULL;
    int rc = fnet_table_write(t, fp, st, &err);
    fclose(fp);
    if (rc) {
        free(s);
        return NULL;
    }
    return s;
}

static char *render(const fnet_table *t, int format, int digits,
                    const char *caption, const char *label, const char *note)
{
    fnet_table_style st = {.format = format,
                           .digits = digits,
                           .caption = caption,
                           .label = label,
                           .note = note};
    return render_style(t, &st);
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
                 "| line1<br>line2\\|\tx\\\\ | 42 |  |\n"
                 "| R&D 100% $5 #1 a_b {x} ~ ^ \\\\ <> |  | 0.667 |\n"
                 "\nNote: *x*\n");
    free(s);
}

static void test_latex(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_LATEX, -1, "Caption & 50%", "tab:x",
                     "Estimated_from samples.");
    CHECK_STR(s, "\\begin{table}[htbp]\n\\centering\n"
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

/* Human headers in md and latex, ids in csv and json; a marked column
 * makes a tabularx; --latex-width \textwidth gives table*; a marked number
 * column wraps nothing (a tabular). */
static void test_headers_width(void)
{
    static const fnet_table_col cols[] = {{"label", FNET_COL_STRING},
                                          {"pagerank", FNET_COL_REAL}};
    fnet_table *t = NULL;
    size_t row;
    CHECK_INT(fnet_table_new(&t, cols, 2), 0);
    CHECK_INT(fnet_table_add_row(t, &row), 0);
    CHECK_INT(fnet_table_set_str(t, row, 0, "A"), 0);
    fnet_table_set_real(t, row, 1, 0.5);
    CHECK_INT(fnet_table_set_header(t, 1, "PageRank & co"), 0);
    fnet_table_mark_wrap(t, 0);
    char *s = render(t, FNET_TABLE_CSV, -1, NULL, NULL, NULL);
    CHECK_STR(s, "label,pagerank\nA,0.5\n");
    free(s);
    s = render(t, FNET_TABLE_MD, -1, NULL, NULL, NULL);
    CHECK(s && strncmp(s, "| label | PageRank & co |\n", 26) == 0);
    free(s);
    fnet_table_style st = {
        .format = FNET_TABLE_LATEX, .digits = -1, .latex_width = "\\textwidth"};
    s = render_style(t, &st);
    CHECK(s && strncmp(s, "\\begin{table*}", 14) == 0 &&
          strstr(s, "\\begin{tabularx}{\\textwidth}{@{}>{\\raggedright"
                    "\\arraybackslash}Xr@{}}") &&
          strstr(s, "label & PageRank \\& co \\\\\n") &&
          strstr(s, "\\end{table*}\n"));
    free(s);
    fnet_table_free(t);
    static const fnet_table_col nums[] = {{"n", FNET_COL_INTEGER}};
    CHECK_INT(fnet_table_new(&t, nums, 1), 0);
    fnet_table_mark_wrap(t, 0);
    st.latex_width = "8cm";
    s = render_style(t, &st);
    CHECK(s && strstr(s, "\\begin{table}[htbp]") &&
          strstr(s, "\\begin{tabular}{r}") && !strstr(s, "tabularx"));
    free(s);
    fnet_table_free(t);
}

static void test_json(const fnet_table *t)
{
    char *s = render(t, FNET_TABLE_JSON, -1, NULL, NULL, "ignored");
    CHECK_STR(s,
              "[\n"
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

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* OWASP's CSV-injection triggers get a ' (csv: and quotes) by default;
 * numbers, plain-number text and factnet's own columns never do. */
static void test_formula_guard(void)
{
    static const fnet_table_col cols[] = {{"text", FNET_COL_STRING},
                                          {"sign", FNET_COL_STRING},
                                          {"x", FNET_COL_REAL},
                                          {"@key", FNET_COL_STRING}};
    static const char *const in[] = {"=1+2",   "+cmd|' /C calc'!A0",
                                     "-2+3",   "@SUM(A1)",
                                     "\t=tab", "\r=cr",
                                     "-0.25",  "+1.5e3",
                                     "-",      "a=b",
                                     "'=x",    "=a,\"b\"",
                                     "-.5",    "1e",
                                     "-e5"};
    size_t n = sizeof in / sizeof in[0], r;
    fnet_table *t = NULL;
    CHECK_INT(fnet_table_new(&t, cols, 4), 0);
    if (!t)
        return;
    fnet_table_mark_factnet_text(t, 1);
    for (size_t i = 0; i < n; i++) {
        fnet_table_add_row(t, &r);
        fnet_table_set_str(t, r, 0, in[i]);
        fnet_table_set_str(t, r, 1, "++-");
        fnet_table_set_real(t, r, 2, -0.25);
    }
    fnet_table_style st = {.format = FNET_TABLE_CSV, .digits = -1};
    char *s = render_style(t, &st);
    CHECK_STR(s, "text,sign,x,\"'@key\"\n"
                 "\"'=1+2\",++-,-0.25,\n"
                 "\"'+cmd|' /C calc'!A0\",++-,-0.25,\n"
                 "\"'-2+3\",++-,-0.25,\n"
                 "\"'@SUM(A1)\",++-,-0.25,\n"
                 "\"'\t=tab\",++-,-0.25,\n"
                 "\"'\r=cr\",++-,-0.25,\n"
                 "-0.25,++-,-0.25,\n"
                 "+1.5e3,++-,-0.25,\n"
                 "\"'-\",++-,-0.25,\n"
                 "a=b,++-,-0.25,\n"
                 "'=x,++-,-0.25,\n"
                 "\"'=a,\"\"b\"\"\",++-,-0.25,\n"
                 "-.5,++-,-0.25,\n"
                 "1e,++-,-0.25,\n"
                 "\"'-e5\",++-,-0.25,\n");
    free(s);
    st.format = FNET_TABLE_TSV;
    s = render_style(t, &st);
    CHECK(s && starts(s, "text\tsign\tx\t'@key\n'=1+2\t++-\t-0.25\t\n"));
    CHECK(s && strstr(s, "\n'\\t=tab\t++-\t-0.25\t\n"));
    CHECK(s && strstr(s, "\n'\\r=cr\t"));
    CHECK(s && strstr(s, "\n-0.25\t++-\t-0.25\t\n"));
    free(s);
    /* Off: every cell exactly as it is. */
    st.no_formula_guard = true;
    st.format = FNET_TABLE_CSV;
    s = render_style(t, &st);
    CHECK(s && starts(s, "text,sign,x,@key\n=1+2,++-,-0.25,\n"));
    CHECK(s && strstr(s, "\n\"\r=cr\",++-,") && !strstr(s, "\"'"));
    free(s);
    st.format = FNET_TABLE_TSV;
    s = render_style(t, &st);
    CHECK(s && strstr(s, "\n\\t=tab\t") && strstr(s, "\n-\t++-\t"));
    free(s);
    /* Other formats never guard. */
    st.no_formula_guard = false;
    st.format = FNET_TABLE_JSON;
    s = render_style(t, &st);
    CHECK(s && strstr(s, "{\"text\":\"=1+2\",") && !strstr(s, "\"'=1"));
    free(s);
    fnet_table_free(t);
}

/* LaTeX: a leading [ or * would be an argument of the \\ before the row;
 * control characters stop pdflatex. Markdown: a \ before a | must not
 * turn the escaped pipe into a cell boundary. */
static void test_hostile_text(void)
{
    static const fnet_table_col cols[] = {{"a", FNET_COL_STRING},
                                          {"b", FNET_COL_STRING}};
    fnet_table *t = NULL;
    size_t r;
    CHECK_INT(fnet_table_new(&t, cols, 2), 0);
    if (!t)
        return;
    fnet_table_add_row(t, &r);
    fnet_table_set_str(t, r, 0, "[1] x");
    fnet_table_set_str(t, r, 1,
                       "*star \x01"
                       "bell\x07 esc\x1b"
                       " del\x7f");
    fnet_table_add_row(t, &r);
    fnet_table_set_str(t, r, 0, "a\\|b");
    fnet_table_set_str(t, r, 1, "c\\");
    char *s = render(t, FNET_TABLE_LATEX, -1, NULL, NULL, NULL);
    CHECK(s && strstr(s, "\\midrule\n{}[1] x & {}*star  bell  esc  del  "
                         "\\\\\n"));
    free(s);
    s = render(t, FNET_TABLE_MD, -1, NULL, NULL, NULL);
    CHECK(s && strstr(s, "\n| a\\\\\\|b | c\\\\ |\n"));
    free(s);
    fnet_table_free(t);
}

/* s as fnet_table_put_md_code writes it (a static buffer). */
static const char *code_span(const char *s)
{
    static char out[256];
    char *m = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&m, &len);
    if (!fp)
        return "(no memstream)";
    int rc = fnet_table_put_md_code(fp, s);
    fclose(fp);
    snprintf(out, sizeof out, "%s", rc ? "(error)" : m);
    free(m);
    return out;
}

/* Code spans (CommonMark 0.30, 6.1): the fence is longer than any run of
 * backticks inside; a space pads both sides when the text starts or ends
 * with a backtick or a space (one is stripped from each side when both
 * ends are spaces), but not when it is all spaces (never stripped);
 * line breaks and bidi controls as JSON escapes, a backslash as it is
 * (escapes do not work in code spans). */
static void test_md_code(void)
{
    CHECK_STR(code_span("data/in.json"), "`data/in.json`");
    CHECK_STR(code_span("a`b.json"), "``a`b.json``");
    CHECK_STR(code_span("a``b```c`d"), "````a``b```c`d````");
    CHECK_STR(code_span("`lead.json"), "`` `lead.json ``");
    CHECK_STR(code_span("trail`"), "`` trail` ``");
    CHECK_STR(code_span("``"), "``` `` ```");
    CHECK_STR(code_span(" x"), "`  x `");
    CHECK_STR(code_span("x "), "` x  `");
    CHECK_STR(code_span("   "), "`   `");
    CHECK_STR(code_span("dir\\new\nline \xe2\x80\xae.json"),
              "`dir\\new\\nline \\u202E.json`");
}

int main(void)
{
    test_md_code();
    test_formula_guard();
    test_hostile_text();
    test_numbers();
    fnet_table *t = sample();
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(fnet_table_rows(t), 3);
        CHECK_INT(fnet_table_cols(t), 3);
        test_csv_tsv(t);
        test_md(t);
        test_latex(t);
        test_headers_width();
        test_json(t);
    }
    fnet_table_free(t);
    CHECK_INT(fnet_table_format_from_name("latex"), FNET_TABLE_LATEX);
    CHECK_INT(fnet_table_format_from_name("xls"), -1);
    return TEST_REPORT();
}

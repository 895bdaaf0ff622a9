/* table.h - a generic table (named, typed columns; rows of cells) and its
 * writers: CSV, TSV, Markdown, LaTeX (booktabs) and JSON.
 *
 * Used for metrics, evidence tables, summaries and exporters' CSV, so that
 * every table factnet writes quotes, escapes and rounds the same way
 * (docs/TABLES.md):
 * - csv: RFC 4180 (fields with , " CR or LF are quoted, quotes doubled),
 *   LF line ends, a header row.
 * - tsv: a header row; in cells, tab, newline, carriage return and
 *   backslash are written \t \n \r \\.
 * - md: GitHub table; | and \ are escaped as \| and \\, line breaks
 *   become <br>; number columns are right-aligned (---:).
 * - latex: a table float (table*, spanning both columns, when the width is
 *   \textwidth) with a booktabs tabularx of style.latex_width (\toprule
 *   \midrule \bottomrule) whose wrapping column (fnet_table_mark_wrap()) is a ragged-right X
 *   column and whose number columns are right-aligned, in \small (in
 *   \footnotesize with 2pt column gaps when it has more than
 *   FNET_TABLE_DENSE number columns); optional \caption
 *   and \label; text is escaped (& % $ # _ { } ~ ^ \ < > |, a leading [ or
 *   *, control characters); needs \usepackage{booktabs,tabularx}. A table
 *   with no wrapping column is a plain tabular (l and r columns).
 * - json: an array of objects, one per row, keys in column order; numbers
 *   as numbers, undefined as null.
 * Formula guard (csv and tsv, unless style.no_formula_guard): a text cell
 * that a spreadsheet would run as a formula -- it starts with = + - @, a tab
 * or a carriage return, and is not a plain decimal number such as -3 or
 * +1.5e3 -- is written with a ' in front (csv: also quoted), as OWASP
 * recommends against CSV injection; header names too. Numbers the table
 * holds as numbers and columns marked with fnet_table_mark_factnet_text()
 * are never changed.
 * Reals: csv, tsv and json write the shortest of %.15g, %.16g, %.17g that
 * reads back to the same double, unless digits >= 0 (then %.<digits>f); md
 * and latex round to digits, 3 by default. An undefined cell (NaN, or a
 * string/integer never set) is an empty field (null in JSON).
 *
 * Ownership: the table copies every string it is given; free it with
 * fnet_table_free(). */
#ifndef FNET_TABLE_H
#define FNET_TABLE_H

#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum fnet_col_kind { FNET_COL_STRING, FNET_COL_INTEGER, FNET_COL_REAL };

/* A LaTeX table with a wrapping column and more number columns than this
 * is set in \footnotesize with 2pt column gaps (see above). */
#define FNET_TABLE_DENSE 6

enum fnet_table_format {
    FNET_TABLE_CSV,
    FNET_TABLE_TSV,
    FNET_TABLE_MD,
    FNET_TABLE_LATEX,
    FNET_TABLE_JSON
};

typedef struct fnet_table_col {
    const char *name;
    int kind; /* enum fnet_col_kind: alignment, and the kind of its cells
                 unless a setter says otherwise */
} fnet_table_col;

typedef struct fnet_table fnet_table;

/* Creates an empty table with these columns (names copied). Returns 0 or
 * FNET_ENOMEM. The caller frees *out with fnet_table_free(). */
int fnet_table_new(fnet_table **out, const fnet_table_col *cols, size_t n_cols);

void fnet_table_free(fnet_table *t); /* NULL is allowed */

/* Appends a row of undefined cells; returns its index in *row. Returns 0 or
 * FNET_ENOMEM. */
int fnet_table_add_row(fnet_table *t, size_t *row);

/* Set one cell. A string is copied (NULL: undefined); a NaN real is
 * undefined. set_int on a real column writes that cell as an integer.
 * Returns 0 or FNET_ENOMEM (set_str only). */
int fnet_table_set_str(fnet_table *t, size_t row, size_t col, const char *s);
void fnet_table_set_int(fnet_table *t, size_t row, size_t col, int64_t v);
void fnet_table_set_real(fnet_table *t, size_t row, size_t col, double v);

/* Marks column col as holding only factnet's own words and signs (a
 * pattern "++-", a sign "-"), never input text: the formula guard leaves
 * its cells alone. Can't fail. */
void fnet_table_mark_factnet_text(fnet_table *t, size_t col);

/* Sets the header md and latex write for column col (copied; "PageRank"
 * for the column named "pagerank"); by default the column's name. csv,
 * tsv and json always write the name, the id that scripts read. Returns 0
 * or FNET_ENOMEM (header unchanged). */
int fnet_table_set_header(fnet_table *t, size_t col, const char *header);

/* Marks column col (a text column) as one that wraps in latex: the
 * table becomes a tabularx of style.latex_width with col as an X column
 * (a label, a metric's name; several X columns share the width the
 * others leave equally). Unmarked tables stay a tabular as wide as
 * their cells. Can't fail. */
void fnet_table_mark_wrap(fnet_table *t, size_t col);

size_t fnet_table_rows(const fnet_table *t);
size_t fnet_table_cols(const fnet_table *t);

/* The name of column col (the id csv, tsv and json write; the table's). */
const char *fnet_table_col_name(const fnet_table *t, size_t col);

typedef struct fnet_table_style {
    int format;              /* enum fnet_table_format */
    int digits;              /* decimals for reals; < 0: the format's default */
    const char *caption;     /* latex; NULL: none */
    const char *label;       /* latex; NULL: none */
    const char *note;        /* md and latex: a note line under the table;
                            NULL: none. Ignored by csv, tsv, json (which
                            must stay plain data). */
    const char *latex_width; /* latex: the table's width, a TeX length
                                (--latex-width); NULL: \columnwidth */
    bool no_formula_guard;   /* csv, tsv: write every text cell exactly as it
                              is (--no-formula-guard); default false: the
                              guard above is on */
} fnet_table_style;

/* The table formats' names (NULL-terminated; "markdown" and "tex" are
 * aliases of "md" and "latex") and, at the same index, their enum
 * fnet_table_format: the one list that --format options and
 * fnet_table_format_from_name() read. */
extern const char *const fnet_table_format_names[];
extern const int fnet_table_format_codes[];

/* True for the formats read by people (md, latex): they get human headers
 * ("PageRank") and 3 decimals; csv, tsv and json keep the ids and full
 * precision. Can't fail. */
bool fnet_table_format_for_print(int format);

/* "csv", "tsv", "md" (or "markdown"), "latex" (or "tex"), "json" -> the
 * format; -1 for an unknown name. */
int fnet_table_format_from_name(const char *name);

/* Writes the table to fp. Returns 0, FNET_ENOMEM, or FNET_EIO when fp has
 * a write error (err set). */
int fnet_table_write(const fnet_table *t, FILE *fp,
                     const fnet_table_style *style, fnet_err *err);

/* Writes the table to the file path ("-": standard output) through
 * core/outfile.h, so a failure leaves no partial file. Returns 0,
 * FNET_ENOMEM or FNET_EIO (err set). */
int fnet_table_write_file(const fnet_table *t, const char *path,
                          const fnet_table_style *style, fnet_err *err);

/* Formats a real as the writers do: digits < 0 gives the shortest of
 * %.15g/%.16g/%.17g that round-trips, otherwise %.<digits>f; -0 is written
 * 0; NaN gives "". out should hold 64 bytes. */
void fnet_table_format_real(char *out, size_t size, double v, int digits);

/* Writes s as LaTeX text: & % $ # _ { } escaped with a backslash, ~ ^ \ < > |
 * as their \text... commands, line breaks, tabs and other control
 * characters as spaces, and {} in front of a leading [ or * (which would
 * otherwise be read as an argument of a \\ or \item before it). Every
 * LaTeX output of factnet escapes data through this one function. */
void fnet_table_put_latex(FILE *fp, const char *s);

/* Writes s as Markdown inline text that stays on one line and inside its
 * table cell: | and \ escaped with a backslash, line breaks (LF, CR LF, CR)
 * as <br>. Used for table cells and for the headings of factnet's Markdown
 * documents. */
void fnet_table_put_md(FILE *fp, const char *s);

/* Writes s as one Markdown code span that CommonMark (0.30, section 6.1)
 * reads back as s, whatever backticks s holds: the fence is a run of
 * backticks one longer than the longest run in s, and one space pads each
 * side when s starts or ends with a backtick or a space (a reader strips
 * one space from each side of such content, unless it is all spaces). A
 * code span cannot hold a line break (the line after it may start a new
 * block) and backslash escapes do not work in it, so control and
 * bidirectional characters are written as JSON escapes (\n, \u202E), as
 * in factnet's messages (core/diag.h fnet_diag_escape); every other
 * character, the backslash included, is written as it is. Used for file
 * names in Markdown documents. Returns 0 or FNET_ENOMEM (nothing
 * written). */
int fnet_table_put_md_code(FILE *fp, const char *s);

#endif

/* table.c - the generic table and its csv/tsv/md/latex/json writers
 * (table.h states the escaping and number rules). */
#include "output/tables/table.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/outfile.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { CELL_UNSET, CELL_STR, CELL_INT, CELL_REAL };

typedef struct cell {
    int state;
    union {
        const char *s;
        int64_t i;
        double r;
    } v;
} cell;

struct fnet_table {
    fnet_arena arena;
    fnet_table_col *cols;
    bool *factnet_text;   /* per column: exempt from the formula guard */
    const char **headers; /* per column: md and latex header (in arena) */
    bool *wrap;           /* per column: a latex X column (none: tabular) */
    size_t n_cols;
    cell *cells; /* row-major */
    size_t n_rows, cap_rows;
};

int fnet_table_new(fnet_table **out, const fnet_table_col *cols, size_t n_cols)
{
    fnet_table *t = calloc(1, sizeof *t);
    *out = NULL;
    if (!t)
        return FNET_ENOMEM;
    t->cols = calloc(n_cols ? n_cols : 1, sizeof *t->cols);
    t->factnet_text = calloc(n_cols ? n_cols : 1, sizeof *t->factnet_text);
    t->wrap = calloc(n_cols ? n_cols : 1, sizeof *t->wrap);
    t->headers = calloc(n_cols ? n_cols : 1, sizeof *t->headers);
    if (!t->cols || !t->factnet_text || !t->headers || !t->wrap) {
        fnet_table_free(t);
        return FNET_ENOMEM;
    }
    t->n_cols = n_cols;
    for (size_t i = 0; i < n_cols; i++) {
        t->cols[i].kind = cols[i].kind;
        t->cols[i].name = fnet_arena_strdup(&t->arena, cols[i].name);
        t->headers[i] = t->cols[i].name;
        if (!t->cols[i].name) {
            fnet_table_free(t);
            return FNET_ENOMEM;
        }
    }
    *out = t;
    return 0;
}

void fnet_table_free(fnet_table *t)
{
    if (!t)
        return;
    fnet_arena_free(&t->arena);
    free(t->cols);
    free(t->factnet_text);
    free(t->wrap);
    free(t->headers);
    free(t->cells);
    free(t);
}

int fnet_table_add_row(fnet_table *t, size_t *row)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? 2 * t->cap_rows : 64;
        cell *c =
            realloc(t->cells, cap * (t->n_cols ? t->n_cols : 1) * sizeof *c);
        if (!c)
            return FNET_ENOMEM;
        t->cells = c;
        t->cap_rows = cap;
    }
    memset(t->cells + t->n_rows * t->n_cols, 0, t->n_cols * sizeof(cell));
    *row = t->n_rows++;
    return 0;
}

static cell *at(const fnet_table *t, size_t row, size_t col)
{
    return &t->cells[row * t->n_cols + col];
}

int fnet_table_set_str(fnet_table *t, size_t row, size_t col, const char *s)
{
    cell *c = at(t, row, col);
    if (!s) {
        c->state = CELL_UNSET;
        return 0;
    }
    c->v.s = fnet_arena_strdup(&t->arena, s);
    c->state = c->v.s ? CELL_STR : CELL_UNSET;
    return c->v.s ? 0 : FNET_ENOMEM;
}

void fnet_table_set_int(fnet_table *t, size_t row, size_t col, int64_t v)
{
    cell *c = at(t, row, col);
    c->state = CELL_INT;
    c->v.i = v;
}

void fnet_table_set_real(fnet_table *t, size_t row, size_t col, double v)
{
    cell *c = at(t, row, col);
    c->state = isnan(v) ? CELL_UNSET : CELL_REAL;
    c->v.r = v;
}

void fnet_table_mark_factnet_text(fnet_table *t, size_t col)
{
    t->factnet_text[col] = true;
}

void fnet_table_mark_wrap(fnet_table *t, size_t col)
{
    t->wrap[col] = true;
}

int fnet_table_set_header(fnet_table *t, size_t col, const char *header)
{
    const char *h = fnet_arena_strdup(&t->arena, header);
    if (!h)
        return FNET_ENOMEM;
    t->headers[col] = h;
    return 0;
}

size_t fnet_table_rows(const fnet_table *t)
{
    return t->n_rows;
}
size_t fnet_table_cols(const fnet_table *t)
{
    return t->n_cols;
}

const char *fnet_table_col_name(const fnet_table *t, size_t col)
{
    return t->cols[col].name;
}

const char *const fnet_table_format_names[] = {
    "csv", "tsv", "md", "markdown", "latex", "tex", "json", NULL};
const int fnet_table_format_codes[] = {
    FNET_TABLE_CSV,   FNET_TABLE_TSV,   FNET_TABLE_MD,  FNET_TABLE_MD,
    FNET_TABLE_LATEX, FNET_TABLE_LATEX, FNET_TABLE_JSON};

bool fnet_table_format_for_print(int format)
{
    return format == FNET_TABLE_MD || format == FNET_TABLE_LATEX;
}

int fnet_table_format_from_name(const char *name)
{
    for (size_t i = 0; fnet_table_format_names[i]; i++)
        if (strcmp(fnet_table_format_names[i], name) == 0)
            return fnet_table_format_codes[i];
    return -1;
}

/* ---- numbers ----------------------------------------------------------- */

/* Drops the sign of a formatted zero ("-0", "-0.000"). */
static void unsign_zero(char *s)
{
    if (s[0] != '-')
        return;
    for (const char *p = s + 1; *p; p++)
        if (*p != '0' && *p != '.')
            return;
    memmove(s, s + 1, strlen(s));
}

void fnet_table_format_real(char *out, size_t size, double v, int digits)
{
    if (isnan(v)) {
        snprintf(out, size, "%s", "");
        return;
    }
    if (isinf(v)) {
        snprintf(out, size, "%s", v > 0 ? "inf" : "-inf");
        return;
    }
    if (digits >= 0) {
        snprintf(out, size, "%.*f", digits, v);
    } else {
        for (int p = 15; p <= 17; p++) {
            snprintf(out, size, "%.*g", p, v);
            if (strtod(out, NULL) == v)
                break;
        }
    }
    unsign_zero(out);
}

/* The text of a cell ("" when undefined). buf holds 64 bytes. */
static const char *cell_text(const cell *c, char *buf, size_t size, int digits)
{
    switch (c->state) {
    case CELL_STR: return c->v.s;
    case CELL_INT: snprintf(buf, size, "%lld", (long long)c->v.i); return buf;
    case CELL_REAL:
        fnet_table_format_real(buf, size, c->v.r, digits);
        return buf;
    default: return "";
    }
}

/* ---- text formats ------------------------------------------------------ */

/* A plain decimal number: [+-] digits [. digits] [e [+-] digits], with
 * digits on at least one side of the point. */
static bool plain_number(const char *s)
{
    size_t digits = 0;
    if (*s == '+' || *s == '-')
        s++;
    for (; *s >= '0' && *s <= '9'; s++)
        digits++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits++;
    if (!digits)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* A text a spreadsheet would run as a formula (OWASP, "CSV Injection"):
 * it starts with = + - @, a tab or a carriage return. A plain number such
 * as -0.25 starts with a sign but is read as that number, never run. */
static bool formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) && !plain_number(s);
}

/* guard: write a ' in front, inside quotes (OWASP's recommendation). */
static void put_csv(FILE *fp, const char *s, bool guard)
{
    if (!guard && !strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputs(guard ? "\"'" : "\"", fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void put_tsv(FILE *fp, const char *s, bool guard)
{
    if (guard)
        fputc('\'', fp);
    for (; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\r': fputs("\\r", fp); break;
        case '\\': fputs("\\\\", fp); break;
        default: fputc(*s, fp);
        }
    }
}

void fnet_table_put_md(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\') {
            fputc('\\', fp);
            fputc(*s, fp);
        } else if (*s == '\r' && s[1] == '\n')
            continue;
        else if (*s == '\n' || *s == '\r')
            fputs("<br>", fp);
        else
            fputc(*s, fp);
    }
}

/* The length of the longest run of backticks in s. */
static size_t longest_backticks(const char *s)
{
    size_t longest = 0, run = 0;
    for (; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}

int fnet_table_put_md_code(FILE *fp, const char *s)
{
    fnet_buf b = {0};
    fnet_diag_escape(&b, s);
    if (!fnet_buf_ok(&b)) {
        fnet_buf_free(&b);
        return FNET_ENOMEM;
    }
    const char *c = fnet_buf_str(&b);
    size_t len = strlen(c), fence = longest_backticks(c) + 1;
    bool spaces = strspn(c, " ") == len; /* all spaces (or empty) */
    bool pad = len == 0 ||
               (!spaces && (strchr("` ", c[0]) || strchr("` ", c[len - 1])));
    for (size_t i = 0; i < fence; i++)
        fputc('`', fp);
    fputs(pad ? " " : "", fp);
    fputs(c, fp);
    fputs(pad ? " " : "", fp);
    for (size_t i = 0; i < fence; i++)
        fputc('`', fp);
    fnet_buf_free(&b);
    return FNET_OK;
}

void fnet_table_put_latex(FILE *fp, const char *s)
{
    /* After \\ (a row's end) or \item, LaTeX takes a [ as the start of an
     * optional argument and a * as the starred form, even past spaces. */
    if (*s == '[' || *s == '*')
        fputs("{}", fp);
    for (; *s; s++) {
        switch (*s) {
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            fputc('\\', fp);
            fputc(*s, fp);
            break;
        case '~': fputs("\\textasciitilde{}", fp); break;
        case '^': fputs("\\textasciicircum{}", fp); break;
        case '\\': fputs("\\textbackslash{}", fp); break;
        case '<': fputs("\\textless{}", fp); break;
        case '>': fputs("\\textgreater{}", fp); break;
        case '|': fputs("\\textbar{}", fp); break;
        case '\n':
        case '\r':
        case '\t': fputc(' ', fp); break;
        default:
            /* Other control characters (and DEL) are invalid in a TeX
             * file: pdflatex stops on them. */
            fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, fp);
        }
    }
}

static bool numeric(const fnet_table *t, size_t col)
{
    return t->cols[col].kind != FNET_COL_STRING;
}

static void write_delimited(const fnet_table *t, FILE *fp, bool tsv, int digits,
                            bool guard)
{
    char buf[64];
    void (*put)(FILE *, const char *, bool) = tsv ? put_tsv : put_csv;
    char sep = tsv ? '\t' : ',';
    for (size_t c = 0; c < t->n_cols; c++) {
        if (c)
            fputc(sep, fp);
        put(fp, t->cols[c].name, guard && formula_like(t->cols[c].name));
    }
    fputc('\n', fp);
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            const cell *x = at(t, r, c);
            const char *txt = cell_text(x, buf, sizeof buf, digits);
            if (c)
                fputc(sep, fp);
            put(fp, txt,
                guard && x->state == CELL_STR && !t->factnet_text[c] &&
                    formula_like(txt));
        }
        fputc('\n', fp);
    }
}

static void write_md(const fnet_table *t, FILE *fp, const fnet_table_style *s,
                     int digits)
{
    char buf[64];
    fputc('|', fp);
    for (size_t c = 0; c < t->n_cols; c++) {
        fputc(' ', fp);
        fnet_table_put_md(fp, t->headers[c]);
        fputs(" |", fp);
    }
    fputs("\n|", fp);
    for (size_t c = 0; c < t->n_cols; c++)
        fputs(numeric(t, c) ? " ---: |" : " --- |", fp);
    fputc('\n', fp);
    for (size_t r = 0; r < t->n_rows; r++) {
        fputc('|', fp);
        for (size_t c = 0; c < t->n_cols; c++) {
            fputc(' ', fp);
            fnet_table_put_md(fp,
                              cell_text(at(t, r, c), buf, sizeof buf, digits));
            fputs(" |", fp);
        }
        fputc('\n', fp);
    }
    if (s->note) {
        fputs("\n", fp);
        fnet_table_put_md(fp, s->note);
        fputc('\n', fp);
    }
}

/* A number in LaTeX text mode: a real minus sign instead of a hyphen. */
static void put_latex_number(FILE *fp, const char *s)
{
    if (s[0] == '-') {
        fputs("$-$", fp);
        s++;
    }
    fnet_table_put_latex(fp, s);
}

/* Whether column c wraps in a LaTeX table (marked, and a text column). */
static bool latex_wraps(const fnet_table *t, size_t c)
{
    return t->wrap[c] && !numeric(t, c);
}

/* Whether some column wraps (a tabularx) or none (a tabular). */
static bool latex_any_wrap(const fnet_table *t)
{
    for (size_t c = 0; c < t->n_cols; c++)
        if (latex_wraps(t, c))
            return true;
    return false;
}

/* A TeX length as given to --latex-width, or \columnwidth. The CLI checks
 * the text; here only characters that cannot end the argument are kept. */
static void put_latex_width(FILE *fp, const char *w)
{
    for (const char *p = w ? w : "\\columnwidth"; *p; p++)
        if (!strchr("{}%#&~^$ ", *p))
            fputc(*p, fp);
}

static void write_latex(const fnet_table *t, FILE *fp,
                        const fnet_table_style *s, int digits)
{
    char buf[64];
    bool wide = s->latex_width && strcmp(s->latex_width, "\\textwidth") == 0;
    const char *env = wide ? "table*" : "table";
    bool wrap = latex_any_wrap(t);
    fprintf(fp, "\\begin{%s}[htbp]\n\\centering\n", env);
    if (s->caption) {
        fputs("\\caption{", fp);
        fnet_table_put_latex(fp, s->caption);
        fputs("}\n", fp);
    }
    if (s->label) {
        /* A label is a key, not text: only characters safe in keys. */
        fputs("\\label{", fp);
        for (const char *p = s->label; *p; p++)
            if (!strchr("\\{}%#&~^$ ", *p))
                fputc(*p, fp);
        fputs("}\n", fp);
    }
    if (wrap) {
        /* \small and a narrower \tabcolsep leave the wrapping column room
         * in a two-column page; X takes what the others leave. More than
         * FNET_TABLE_DENSE number columns (evolve's pivot of many periods)
         * leave it room only in \footnotesize with 2pt gaps. */
        size_t nums = 0;
        for (size_t c = 0; c < t->n_cols; c++)
            nums += numeric(t, c);
        fputs(nums > FNET_TABLE_DENSE
                  ? "\\footnotesize\\setlength{\\tabcolsep}{2pt}\n"
                  : "\\small\\setlength{\\tabcolsep}{4pt}\n",
              fp);
        fputs("\\begin{tabularx}{", fp);
        put_latex_width(fp, s->latex_width);
        fputs("}{@{}", fp);
    } else {
        fputs("\\begin{tabular}{", fp);
    }
    for (size_t c = 0; c < t->n_cols; c++)
        fputs(latex_wraps(t, c) ? ">{\\raggedright\\arraybackslash}X"
              : numeric(t, c)   ? "r"
                                : "l",
              fp);
    fputs(wrap ? "@{}}\n\\toprule\n" : "}\n\\toprule\n", fp);
    for (size_t c = 0; c < t->n_cols; c++) {
        if (c)
            fputs(" & ", fp);
        fnet_table_put_latex(fp, t->headers[c]);
    }
    fputs(" \\\\\n\\midrule\n", fp);
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            const cell *x = at(t, r, c);
            if (c)
                fputs(" & ", fp);
            const char *txt = cell_text(x, buf, sizeof buf, digits);
            if (x->state == CELL_INT || x->state == CELL_REAL)
                put_latex_number(fp, txt);
            else
                fnet_table_put_latex(fp, txt);
        }
        fputs(" \\\\\n", fp);
    }
    fprintf(fp, "\\bottomrule\n\\end{%s}\n", wrap ? "tabularx" : "tabular");
    if (s->note) {
        fputs("\\par\\smallskip{\\footnotesize ", fp);
        fnet_table_put_latex(fp, s->note);
        fputs("}\n", fp);
    }
    fprintf(fp, "\\end{%s}\n", env);
}

/* One row as a JSON object, or NULL when out of memory. */
static cJSON *json_row(const fnet_table *t, size_t r, int digits)
{
    cJSON *o = cJSON_CreateObject();
    char buf[64];
    for (size_t c = 0; o && c < t->n_cols; c++) {
        const cell *x = at(t, r, c);
        cJSON *v;
        if (x->state == CELL_STR)
            v = cJSON_CreateString(x->v.s);
        else if (x->state == CELL_INT ||
                 (x->state == CELL_REAL && isfinite(x->v.r)))
            /* Our own number text, so that json shows the same digits as
             * csv (cJSON would print 17 digits where 16 round-trip). */
            v = cJSON_CreateRaw(cell_text(x, buf, sizeof buf, digits));
        else
            v = cJSON_CreateNull();
        if (!v || !cJSON_AddItemToObject(o, t->cols[c].name, v)) {
            cJSON_Delete(v);
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

/* One object per line, in an array: readable, diffable and valid JSON. */
static int write_json(const fnet_table *t, FILE *fp, int digits)
{
    fputs("[", fp);
    for (size_t r = 0; r < t->n_rows; r++) {
        cJSON *o = json_row(t, r, digits);
        char *s = o ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (!s)
            return FNET_ENOMEM;
        fprintf(fp, "%s\n  %s", r ? "," : "", s);
        cJSON_free(s);
    }
    fputs(t->n_rows ? "\n]\n" : "]\n", fp);
    return 0;
}

int fnet_table_write(const fnet_table *t, FILE *fp,
                     const fnet_table_style *style, fnet_err *err)
{
    int digits = style->digits;
    int rc = 0;
    if (digits < 0 && fnet_table_format_for_print(style->format))
        digits = 3;
    switch (style->format) {
    case FNET_TABLE_CSV:
        write_delimited(t, fp, false, digits, !style->no_formula_guard);
        break;
    case FNET_TABLE_TSV:
        write_delimited(t, fp, true, digits, !style->no_formula_guard);
        break;
    case FNET_TABLE_MD: write_md(t, fp, style, digits); break;
    case FNET_TABLE_LATEX: write_latex(t, fp, style, digits); break;
    case FNET_TABLE_JSON: rc = write_json(t, fp, digits); break;
    default:
        return fnet_err_set(err, FNET_EINTERNAL, "unknown table format %d",
                            style->format);
    }
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    if (ferror(fp))
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}

int fnet_table_write_file(const fnet_table *t, const char *path,
                          const fnet_table_style *style, fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = fnet_table_write(t, fnet_outfile_stream(f), style, err);
    return fnet_outfile_end(f, rc, err);
}

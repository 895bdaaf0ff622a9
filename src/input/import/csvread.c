/* csvread.c - RFC 4180 record reader (see csvread.h). */
#include "input/import/csvread.h"

#include "core/error.h"
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fnet_csv_init(fnet_csv *r, const char *data, size_t len, char delim,
                   bool quoting)
{
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    r->delim = delim;
    r->quoting = quoting;
    r->max_field = FNET_MAX_STRING_BYTES;
    r->max_fields = FNET_MAX_FIELDS;
    r->line = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->pos = r->line_start = 3; /* byte order mark, as Excel writes */
    r->col_pos = r->line_start;
    r->col = 1;
}

void fnet_csv_limit(fnet_csv *r, const fnet_limits *lim)
{
    r->max_field =
        lim->string_bytes > SIZE_MAX ? SIZE_MAX : (size_t)lim->string_bytes;
    r->max_fields = lim->fields;
}

void fnet_csv_free(fnet_csv *r)
{
    fnet_buf_free(&r->text);
    free(r->fields);
    free(r->offsets);
    r->fields = NULL;
    r->offsets = NULL;
    r->n_fields = r->cap_fields = 0;
}

/* Column (1-based, in characters) of byte offset pos on the current line.
 * Counts on from the last column asked for on the line, so that a record of
 * many fields costs O(its length), not O(fields x length). */
static uint32_t col_at(fnet_csv *r, size_t pos)
{
    if (r->col_pos < r->line_start || r->col_pos > pos) {
        r->col_pos = r->line_start;
        r->col = 1;
    }
    r->col += (uint32_t)fnet_utf8_count(r->data + r->col_pos, pos - r->col_pos);
    r->col_pos = pos;
    return r->col;
}

static int fail(fnet_csv *r, uint32_t line, uint32_t col, const char *msg)
{
    r->err_line = line;
    r->err_col = col;
    snprintf(r->err_msg, sizeof r->err_msg, "%s", msg);
    return -1;
}

/* Consumes the line break at pos (LF, CRLF or CR); true if there was one. */
static bool eat_newline(fnet_csv *r)
{
    if (r->pos >= r->len)
        return false;
    char c = r->data[r->pos];
    if (c != '\n' && c != '\r')
        return false;
    r->pos++;
    if (c == '\r' && r->pos < r->len && r->data[r->pos] == '\n')
        r->pos++;
    r->line++;
    r->line_start = r->pos;
    return true;
}

/* Moves to the start of the next line (error recovery). */
static void skip_line(fnet_csv *r)
{
    while (r->pos < r->len && r->data[r->pos] != '\n' &&
           r->data[r->pos] != '\r')
        r->pos++;
    eat_newline(r);
}

/* Checks the byte at pos: returns the length of its character, or 0 after
 * recording an error for a NUL byte or invalid UTF-8. */
static size_t char_len(fnet_csv *r)
{
    const unsigned char *p = (const unsigned char *)r->data + r->pos;
    if (*p == 0) {
        fail(r, r->line, col_at(r, r->pos), "NUL byte in input");
        return 0;
    }
    size_t n = fnet_utf8_seq_len(p, r->len - r->pos);
    if (!n)
        fail(r, r->line, col_at(r, r->pos), "invalid UTF-8 byte sequence");
    return n;
}

static int push_field(fnet_csv *r, size_t start, uint32_t line, uint32_t col)
{
    if (r->n_fields == r->cap_fields) {
        size_t n = r->cap_fields ? r->cap_fields * 2 : 16;
        fnet_csv_field *f = realloc(r->fields, n * sizeof *f);
        if (!f)
            return FNET_ENOMEM;
        r->fields = f;
        size_t *o = realloc(r->offsets, n * sizeof *o);
        if (!o)
            return FNET_ENOMEM;
        r->offsets = o;
        r->cap_fields = n;
    }
    r->offsets[r->n_fields] = start;
    r->fields[r->n_fields].len = r->text.len - start;
    r->fields[r->n_fields].line = line;
    r->fields[r->n_fields].col = col;
    r->n_fields++;
    fnet_buf_append(&r->text, "", 1); /* the field's NUL */
    return FNET_OK;
}

/* Reports a field of more than max_field bytes that started at line:col
 * and skips to the next line. */
static int too_long(fnet_csv *r, uint32_t line, uint32_t col)
{
    char msg[80];
    snprintf(msg, sizeof msg, "field longer than the limit of %zu bytes",
             r->max_field);
    fail(r, line, col, msg);
    skip_line(r);
    return -1;
}

/* Moves past the closing quote of a quoted field without keeping it (after
 * the field went over the limit). False when the quote is never closed. */
static bool skip_quoted(fnet_csv *r)
{
    for (;;) {
        const char *q = memchr(r->data + r->pos, '"', r->len - r->pos);
        if (!q)
            return false;
        r->pos = (size_t)(q - r->data) + 1;
        if (r->pos < r->len && r->data[r->pos] == '"')
            r->pos++;
        else
            return true;
    }
}

/* Reads a quoted field whose opening quote is at pos. */
static int quoted(fnet_csv *r)
{
    uint32_t line = r->line, col = col_at(r, r->pos);
    size_t start = r->text.len;
    r->pos++;
    for (;;) {
        if (r->text.len - start > r->max_field) {
            if (!skip_quoted(r))
                return fail(r, line, col,
                            "unterminated quoted field (the "
                            "quote opened here is never closed)");
            /* The lines inside the field count: messages stay located. */
            for (size_t k = r->line_start; k < r->pos; k++)
                if (r->data[k] == '\n' ||
                    (r->data[k] == '\r' &&
                     (k + 1 == r->len || r->data[k + 1] != '\n'))) {
                    r->line++;
                    r->line_start = k + 1;
                }
            return too_long(r, line, col);
        }
        if (r->pos >= r->len)
            return fail(r, line, col,
                        "unterminated quoted field (the quote "
                        "opened here is never closed)");
        char c = r->data[r->pos];
        if (c == '"') {
            if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
                fnet_buf_putc(&r->text, '"');
                r->pos += 2;
                continue;
            }
            r->pos++;
            break;
        }
        if (c == '\n' || c == '\r') {
            size_t at = r->pos;
            eat_newline(r);
            fnet_buf_append(&r->text, r->data + at, r->pos - at);
            continue;
        }
        size_t n = char_len(r);
        if (!n) {
            skip_line(r);
            return -1;
        }
        fnet_buf_append(&r->text, r->data + r->pos, n);
        r->pos += n;
    }
    if (r->pos < r->len && r->data[r->pos] != r->delim &&
        r->data[r->pos] != '\n' && r->data[r->pos] != '\r') {
        fail(r, r->line, col_at(r, r->pos),
             "unexpected text after a closing "
             "quote (a quote inside a quoted field is written \"\")");
        skip_line(r);
        return -1;
    }
    return FNET_OK;
}

static int unquoted(fnet_csv *r)
{
    size_t start = r->text.len;
    uint32_t line = r->line, col = col_at(r, r->pos);
    while (r->pos < r->len) {
        char c = r->data[r->pos];
        if (c == r->delim || c == '\n' || c == '\r')
            break;
        size_t n = char_len(r);
        if (!n) {
            skip_line(r);
            return -1;
        }
        fnet_buf_append(&r->text, r->data + r->pos, n);
        r->pos += n;
        if (r->text.len - start > r->max_field)
            return too_long(r, line, col);
    }
    return FNET_OK;
}

int fnet_csv_next(fnet_csv *r)
{
    fnet_buf_reset(&r->text);
    r->n_fields = 0;
    while (eat_newline(r)) /* blank lines */
        ;
    if (r->pos >= r->len)
        return 0;
    r->rec_line = r->line;
    for (;;) {
        size_t start = r->text.len;
        uint32_t line = r->line, col = col_at(r, r->pos);
        if (r->n_fields == r->max_fields) {
            char msg[80];
            snprintf(msg, sizeof msg, "more than %zu fields in one record",
                     r->max_fields);
            fail(r, line, col, msg);
            skip_line(r);
            return -1;
        }
        int rc = r->quoting && r->pos < r->len && r->data[r->pos] == '"'
                     ? quoted(r)
                     : unquoted(r);
        if (rc != FNET_OK)
            return rc;
        if (push_field(r, start, line, col) != FNET_OK ||
            !fnet_buf_ok(&r->text))
            return FNET_ENOMEM;
        if (r->pos < r->len && r->data[r->pos] == r->delim) {
            r->pos++;
            continue;
        }
        eat_newline(r);
        break;
    }
    for (size_t i = 0; i < r->n_fields; i++)
        r->fields[i].text = r->text.data + r->offsets[i];
    return 1;
}

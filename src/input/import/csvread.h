/* csvread.h - an RFC 4180 record reader over a buffer (CSV, TSV, GDELT).
 *
 * Reads delimiter-separated records from memory: quoted fields may hold the
 * delimiter, doubled quotes ("") and line breaks; records end at LF, CRLF or
 * a lone CR; a UTF-8 byte order mark at the start is skipped. With quoting
 * off (GDELT, ICEWS) a quote is an ordinary character. Each record knows the
 * line it starts on and the column of every field, so callers can locate
 * their messages in the original file. Blank lines are skipped.
 *
 * Lenient where spreadsheets are (a quote inside an unquoted field is kept
 * as a character), strict where data would be lost: an unterminated quoted
 * field, text after a closing quote, a NUL byte or invalid UTF-8 is an
 * error, and so is a field longer than max_field bytes or a record of more
 * than max_fields fields (the limits of model/limits.h, which bound the
 * reader's memory to the input plus max_fields entries). After an error the reader resumes at the next line, except after an
 * unterminated quote, which runs to the end of the input. */
#ifndef FNET_CSVREAD_H
#define FNET_CSVREAD_H

#include "core/buf.h"
#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fnet_csv_field {
    const char *text; /* NUL-terminated, valid until the next record */
    size_t len;
    uint32_t line, col; /* where the field starts (col in characters) */
} fnet_csv_field;

typedef struct fnet_csv {
    const char *data;
    size_t len, pos;
    char delim;
    bool quoting;
    size_t max_field;  /* bytes of one field (FNET_MAX_STRING_BYTES) */
    size_t max_fields; /* fields of one record (FNET_MAX_FIELDS) */
    uint32_t line;     /* line of data[pos] */
    size_t col_pos;    /* a byte offset on the current line ... */
    uint32_t col;      /* ... and its column, so columns cost O(1) */
    size_t line_start; /* byte offset of that line's first byte */
    /* The current record. */
    fnet_buf text; /* the fields' bytes, each NUL-terminated */
    fnet_csv_field *fields;
    size_t *offsets; /* field i starts at text.data + offsets[i] */
    size_t n_fields, cap_fields;
    uint32_t rec_line; /* line the current record starts on */
    /* The last error (after fnet_csv_next returned -1). */
    uint32_t err_line, err_col;
    char err_msg[160];
} fnet_csv;

/* Starts reading data[0..len) (not copied: it must outlive the reader).
 * delim is ',' or '\t'; quoting enables RFC 4180 quotes. max_field and
 * max_fields start at the defaults of model/limits.h; an importer sets them
 * from its corpus's limits (fnet_csv_limit) before the first
 * fnet_csv_next(). */
void fnet_csv_init(fnet_csv *r, const char *data, size_t len, char delim,
                   bool quoting);

/* Sets max_field and max_fields from lim (string_bytes, fields). */
void fnet_csv_limit(fnet_csv *r, const fnet_limits *lim);

/* Reads the next record into r->fields[0..r->n_fields). Returns 1 for a
 * record, 0 at the end of the input, -1 for a syntax error (err_line,
 * err_col, err_msg say where and what; the record is skipped) and
 * FNET_ENOMEM (< -1) when out of memory. */
int fnet_csv_next(fnet_csv *r);

/* Frees the reader's buffers. Can't fail. */
void fnet_csv_free(fnet_csv *r);

#endif

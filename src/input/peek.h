/* peek.h - the start of an input file as the format table's sniffers read
 * it (its first bytes, first JSON record and first line), and what it
 * holds in words, for the messages about a file that does not match the
 * format it was read as.
 *
 * A peek reads at most FNET_PEEK_BYTES; a JSON record larger than that is
 * not parsed (first is NULL) and sniffers fall back on the raw bytes. */
#ifndef FNET_PEEK_H
#define FNET_PEEK_H

#include "core/buf.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#define FNET_PEEK_BYTES (1 << 16)

typedef struct fnet_peek {
    char *data;   /* the first bytes, NUL-terminated, BOM left out (owned) */
    size_t n;     /* up to the first NUL byte: what text sniffers read */
    size_t bytes; /* all that was read, NUL bytes included (SQLite) */
    /* The first JSON value: the document (an object), the first element of
     * an array, or the first line's record; NULL when the start is not
     * JSON or the value does not fit in the peek (owned). */
    cJSON *first;
    bool array;      /* the document is an array; first is its first element */
    bool one_line;   /* first is the whole first line */
    bool lines;      /* one_line, and another JSON value follows: JSON Lines */
    size_t line_len; /* the first line, without its line end */
} fnet_peek;

/* Reads the start of path into p. A folder, standard input ("-") or a file
 * that cannot be read gives an empty peek (n 0). Returns 0 or FNET_ENOMEM.
 * Free p with fnet_peek_free(), also after a failure. */
int fnet_peek_file(fnet_peek *p, const char *path);

/* The same over bytes in memory (at most FNET_PEEK_BYTES are read; data is
 * copied). */
int fnet_peek_buffer(fnet_peek *p, const char *data, size_t n);

void fnet_peek_free(fnet_peek *p);

/* True when obj is an object with a member named key. */
bool fnet_peek_has(const cJSON *obj, const char *key);

/* The number of fields of the first line split at sep (no quoting). */
size_t fnet_peek_fields(const fnet_peek *p, char sep);

/* True when the first line, split at sep (CSV quoting when quoting), names
 * every column of names (NULL-terminated; compared without case). */
bool fnet_peek_header(const fnet_peek *p, char sep, bool quoting,
                      const char *const *names);

/* What the start holds, for a message: "a JSON object with the keys
 * \"a\", \"b\"", "JSON Lines whose first record has the fields ...", "a
 * JSON array whose first element has the fields ...", "an SQLite database", "text whose first
 * line has 3 comma-separated fields \"x\", ...", "an empty file". */
void fnet_peek_describe(const fnet_peek *p, fnet_buf *out);

#endif

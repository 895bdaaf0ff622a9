/* brat_ann.h - one brat document read: the records of its .ann file, each
 * checked for form, and its text-bound spans checked against the .txt.
 *
 * Every line of the .ann is one record: T (text-bound mention), R
 * (relation), E (event), A or M (attribute), N (normalisation), `*`
 * (equivalence) or `#` (note). Malformed lines, duplicate ids and spans
 * that do not match the text are reported through the importer, located
 * by line and annotation id, and the rest of the document is kept. Offsets
 * count code points, CRLF as one character as brat reads it; offsets from
 * tools that count the CR are accepted when every span then fits. Fact
 * building is input/import/brat_facts.h's.
 *
 * Ownership: a fnet_brat_doc borrows its importer and text; it owns its
 * records and their strings (in its arena) until fnet_brat_doc_free(). */
#ifndef FNET_BRAT_ANN_H
#define FNET_BRAT_ANN_H

#include "core/arena.h"
#include "core/diag.h"
#include "core/strmap.h"
#include "input/import/import.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FNET_BRAT_NONE UINT32_MAX /* no record (attr_first ...) */
#define FNET_BRAT_MAX_WORDS 256 /* an event's TYPE:TRIGGER and 255 arguments */

typedef struct fnet_brat_rec {
    char kind; /* T R E A N * # (M is stored as A) */
    const char *id, *type;
    uint32_t line;
    const char **ids;   /* R/E: arguments; A/N/#: target; *: members */
    const char **roles; /* R/E */
    uint32_t n_ids;
    const char *trigger; /* E */
    long long *spans;    /* T: start, end pairs (characters) */
    uint32_t n_spans;
    const char *text;      /* T: as annotated; N, #: the text */
    const char *value;     /* A: value (NULL: binary) */
    size_t b_start, b_end; /* T: byte extent in the document */
    int32_t name; /* T: mention name, -1 when none (set by brat_facts.c) */
    uint32_t attr_first, attr_last, attr_next; /* A and # records on this
                                                  one, in order (NONE) */
    bool trigger_tb; /* T: an event's trigger (set by brat_facts.c) */
    bool bad;        /* T: its span does not match the text */
    bool dropped;    /* T: the label map drops its type */
} fnet_brat_rec;

typedef struct fnet_brat_doc {
    fnet_importer *im; /* messages and limits */
    const char *txt;   /* the text annotated */
    size_t txt_len;
    fnet_arena a; /* the records' strings */
    fnet_brat_rec *v;
    size_t n, cap;
    fnet_strmap ids; /* annotation id -> index into v (not `*` lines) */
    bool oom; /* an allocation failed: the import stops with FNET_ENOMEM */
} fnet_brat_doc;

/* True when s[0..n) is UTF-8 text without NUL bytes; otherwise reports
 * "NAME:LINE:COL: error: ..." at the first bad byte to d. */
bool fnet_brat_text_ok(fnet_diag *d, const char *name, const char *s, size_t n);

/* Reads ann[0..len), UTF-8 text, into dc (whose im, txt and txt_len are
 * set, the rest zero): the records, the chains of attributes and notes on
 * each, the spans checked against the text. Returns 0 (problems are
 * reported) or FNET_ENOMEM. */
int fnet_brat_doc_read(fnet_brat_doc *dc, const char *ann, size_t len);

/* The record with annotation id id; NULL when there is none. */
fnet_brat_rec *fnet_brat_doc_find(const fnet_brat_doc *dc, const char *id);

/* Frees the records; the importer and text are not the document's. */
void fnet_brat_doc_free(fnet_brat_doc *dc);

#endif

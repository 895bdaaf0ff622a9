/* annot.h - what the importers of JSON annotation exports (Label Studio,
 * doccano) share: reading the export into a NUL-terminated text, offsets
 * given as JSON numbers, a document's source, a labelled span's entity, and
 * the fact a relation between two spans gives, with the sentence around
 * them as its evidence. Both formats mark mentions as character spans of a
 * document's text and relations between them by id; only how they are
 * written differs. */
#ifndef FNET_ANNOT_H
#define FNET_ANNOT_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "model/corpus.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A labelled span of the current document's text. */
typedef struct fnet_span {
    const char *entity;    /* entity id (corpus string); NULL when the label
                              map drops the label or the span is invalid */
    size_t b_start, b_end; /* byte extent in the text */
} fnet_span;

/* The document being imported: its text and stem, shared scratch. */
typedef struct fnet_annot {
    fnet_importer im;
    const fnet_labelmap *labels; /* may be NULL */
    const char *stem;            /* the file name up to its first dot */
    const char *text; /* the current document's text (NUL-terminated) */
    size_t text_len;
    fnet_quoter quotes; /* of the current text */
    fnet_buf tmp;
} fnet_annot;

/* Reads one export: runs fn(a, text, len) on a NUL-terminated copy of
 * data[0..len) without a UTF-8 byte order mark (fn may modify it), with
 * a->im started for name (in c, reporting to d) and a->stem set. a is the
 * first member of the importer's own state, zeroed but for a->labels; fn
 * returns 0 or FNET_ENOMEM. Frees what it set up in a (the importer's own
 * state is the caller's). Returns 0, or FNET_ENOMEM with "NAME: out of
 * memory" in err. */
typedef int (*fnet_annot_fn)(fnet_annot *a, char *text, size_t len);
int fnet_annot_buffer(fnet_annot *a, fnet_corpus *c, const char *name,
                      const char *data, size_t len, fnet_diag *d, fnet_err *err,
                      fnet_annot_fn fn);

/* Reads the file at path ("-": standard input) and passes it to buffer as
 * fnet_import_*_buffer do. A file over the size limit is a data error in
 * d. Returns what buffer returns, or FNET_EIO / FNET_ENOMEM. */
typedef int (*fnet_annot_buffer_fn)(fnet_corpus *c, const char *name,
                                    const char *data, size_t len,
                                    const fnet_import_opts *o,
                                    const fnet_labelmap *labels, fnet_diag *d,
                                    fnet_err *err);
int fnet_annot_file(fnet_corpus *c, const char *path, const fnet_import_opts *o,
                    const fnet_labelmap *labels, fnet_diag *d, fnet_err *err,
                    fnet_annot_buffer_fn buffer);

/* An offset: a whole JSON number from 0 to 1e15. */
bool fnet_annot_offset(const cJSON *v, long long *out);

/* Sets the current document's text (NUL-terminated, len bytes). */
void fnet_annot_text(fnet_annot *a, const char *text, size_t len);

/* Adds (or finds) the document's source, id "STEM#ID" for a JSON number
 * or string id, else "STEM#FALLBACK"; *out is its corpus id. Returns 0 or
 * FNET_ENOMEM. */
int fnet_annot_source(fnet_annot *a, const cJSON *id, const char *fallback,
                      uint32_t line, const char **out);

/* Makes s the mention of label (an entity type after the label map) at
 * byte extent [b_start, b_end) of the text: s->entity is its entity, NULL
 * when the map drops the label. Returns 0 or FNET_ENOMEM. */
int fnet_annot_mention(fnet_annot *a, const char *label, size_t b_start,
                       size_t b_end, uint32_t line, fnet_span *s);

/* Adds the fact from -> to of relation (NULL: the undirected "tie"), which
 * is declared when unknown (directed, any type, sign +1, description), with
 * source and the quote of the text around both spans (input/import/quote.h) as
 * evidence.
 * *rel (if not NULL) is the relation's index. Returns 0 or FNET_ENOMEM. */
int fnet_annot_fact(fnet_annot *a, const char *relation,
                    const char *description, const fnet_span *from,
                    const fnet_span *to, const char *source, uint32_t line,
                    int32_t *rel);

#endif

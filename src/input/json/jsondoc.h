/* jsondoc.h - JSON fact documents ({"sources": [...], "entities": [...],
 * "relations": {...}, "facts": [...]}) read whole into the corpus, and fact
 * text held in memory (tests, fuzzing).
 *
 * A document is read whole within the corpus's document_bytes limit
 * (core/infile.h), checked strictly (input/json/jsontext.h) and handed to the
 * record parser (input/json/records.h). Problems with the data go to the
 * collector ("FILE:LINE:COL: error: ..." for syntax, "FILE:88:5: facts[12].date:
 * ..." for records, at the line and column where the record starts). */
#ifndef FNET_JSONDOC_H
#define FNET_JSONDOC_H

#include "core/diag.h"
#include "core/error.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Loads the JSON document read from fp (name is used in messages) into c.
 * Returns 0 when it was read (data problems, a document over the limit
 * included, are in d), FNET_EIO on a read error, FNET_ENOMEM; err holds
 * the message for a non-zero return. */
int fnet_jsondoc_read(fnet_corpus *c, const char *name, FILE *fp, fnet_diag *d,
                      fnet_err *err);

/* Loads a JSON document or JSON Lines text held in memory (tests, fuzzing).
 * name is used in messages. jsonl selects the syntax. Same returns. */
int fnet_load_buffer(fnet_corpus *c, const char *name, const char *data,
                     size_t len, bool jsonl, fnet_diag *d, fnet_err *err);

#endif

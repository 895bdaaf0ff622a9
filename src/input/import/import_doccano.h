/* import_doccano.h - doccano relation-extraction JSON Lines as facts.
 *
 * One document per line: {"id", "text", "entities": [{"id", "label",
 * "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id",
 * "type"}]}. Entity ids are scoped to their line; mentions merge into
 * entities by label and text across the file (input/import/mentions.h). Each
 * relation is a fact of its type (declared when unknown: directed, any
 * type, sign +1); each document a source (id FILE-STEM#ID, or #LINE without
 * an id); evidence the sentence around the two mentions. Offsets are code
 * points and are checked against the text. */
#ifndef FNET_IMPORT_DOCCANO_H
#define FNET_IMPORT_DOCCANO_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "model/corpus.h"

#include <stddef.h>

/* Imports JSON Lines held in memory. Returns 0 when read (data problems are
 * in d) or FNET_ENOMEM (err set). */
int fnet_import_doccano_buffer(fnet_corpus *c, const char *name,
                               const char *data, size_t len,
                               const fnet_import_opts *o,
                               const fnet_labelmap *labels, fnet_diag *d,
                               fnet_err *err);

/* Reads and imports the file at path ("-": standard input). Also returns
 * FNET_EIO. */
int fnet_import_doccano_file(fnet_corpus *c, const char *path,
                             const fnet_import_opts *o,
                             const fnet_labelmap *labels, fnet_diag *d,
                             fnet_err *err);

#endif

/* import_labelstudio.h - Label Studio JSON exports as facts.
 *
 * An export is a JSON array of tasks; each task has "data" (the text under
 * --text-key, default "text", else its only string field) and
 * "annotations", each with "result" items: "labels" regions (id,
 * value.start/end/text/labels) and "relation" items (from_id, to_id,
 * direction right/left/bi, labels). Region ids are scoped to one annotation;
 * every annotation of a task is used, and mentions merge into entities by
 * label and text across the whole file (input/import/mentions.h). A relation
 * becomes one fact per label (none: the undirected "tie"), from the region
 * from_id to to_id ("left" reverses it; "bi" adds both directions);
 * relation labels not known are declared (directed, any type, sign +1). Each
 * task is a source (id FILE-STEM#TASK-ID), evidence the sentence around the
 * two regions. Offsets are checked against the text, in code points or, as
 * Label Studio's browser counts them, UTF-16 units. */
#ifndef FNET_IMPORT_LABELSTUDIO_H
#define FNET_IMPORT_LABELSTUDIO_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "model/corpus.h"

#include <stddef.h>

/* Imports an export held in memory: data[0..len), which need not be
 * NUL-terminated (only those bytes are read). Returns 0 when read (data
 * problems are in d) or FNET_ENOMEM (err set). */
int fnet_import_labelstudio_buffer(fnet_corpus *c, const char *name,
                                   const char *data, size_t len,
                                   const fnet_import_opts *o,
                                   const fnet_labelmap *labels, fnet_diag *d,
                                   fnet_err *err);

/* Reads and imports the file at path ("-": standard input). Also returns
 * FNET_EIO. */
int fnet_import_labelstudio_file(fnet_corpus *c, const char *path,
                                 const fnet_import_opts *o,
                                 const fnet_labelmap *labels, fnet_diag *d,
                                 fnet_err *err);

#endif

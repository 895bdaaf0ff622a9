/* labelmap.h - maps an annotation tool's labels to factnet's vocabulary.
 *
 * One small file (--label-map, also spelled --brat-map) used by the brat,
 * Label Studio and doccano importers: entity labels -> factnet entity types,
 * relation (and event) labels -> factnet relation names. Either INI:
 *
 *     [entities]
 *     Person = actor
 *     Money = -
 *     [relations]
 *     Family = cooperates_with
 *
 * ("-" drops the label's mentions or relations; "[events]" is read as
 * "[relations]"; a line starting with '#' or ';' is a comment), or
 * JSON (file name ending in .json): {"entities": {...}, "relations": {...}}.
 * Labels that are not listed keep their own name. */
#ifndef FNET_LABELMAP_H
#define FNET_LABELMAP_H

#include "core/arena.h"
#include "core/diag.h"
#include "core/error.h"
#include "core/strmap.h"
#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_labelmap {
    fnet_arena arena;
    fnet_strmap entities; /* label -> index into values */
    fnet_strmap relations;
    const char **values;
    size_t n_values, cap_values;
} fnet_labelmap;

/* A map starts zeroed: `fnet_labelmap m = {0};` (the empty mapping). */

/* Parses a mapping held in memory (json selects the syntax); name is used
 * in messages. Labels and names are strings: at most lim->string_bytes
 * each (JSON: the JSON limits of lim); lim NULL means FNET_LIMITS_DEFAULT.
 * Problems are reported to d as "NAME:LINE: ..." and give FNET_EDATA;
 * FNET_ENOMEM when out of memory. */
int fnet_labelmap_parse(fnet_labelmap *m, const fnet_limits *lim,
                        const char *name, const char *data, size_t len,
                        bool json, fnet_diag *d, fnet_err *err);

/* Reads and parses the file at path (JSON when it ends in .json), of at
 * most lim->document_bytes. Returns 0, FNET_EDATA (problems in d, a file
 * over the limit included), FNET_EIO or FNET_ENOMEM (err set). */
int fnet_labelmap_load(fnet_labelmap *m, const fnet_limits *lim,
                       const char *path, fnet_diag *d, fnet_err *err);

/* The entity type for label: the mapped one, label itself when unmapped,
 * NULL when the label is dropped ("-"). m may be NULL. */
const char *fnet_labelmap_entity(const fnet_labelmap *m, const char *label);

/* The relation name for label (mapped, else label itself), NULL when
 * dropped. m may be NULL. *mapped (if not NULL) tells which. */
const char *fnet_labelmap_relation(const fnet_labelmap *m, const char *label,
                                   bool *mapped);

void fnet_labelmap_free(fnet_labelmap *m);

#endif

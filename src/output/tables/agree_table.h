/* agree_table.h - `factnet agree`'s output: the reliability figures of a
 * fnet_agree (analysis/agree.h) as tables, and the list of disagreements
 * with every coder's fact, quote and location (docs/AGREEMENT.md).
 *
 * Six tables: pairs (one row per coder pair, and a pooled row for three
 * coders or more), alpha (Krippendorff's alpha per variable), relations,
 * sources, entities (the entities each pair of coders named),
 * disagreements (one row per coder of each unit the coders do
 * not all agree on). md writes them all as one document, with a heading
 * line naming the coders and the match; json one object {coders, match,
 * pairs, alpha, relations, sources, entities, disagreements}; csv, tsv and latex
 * the one table chosen.
 *
 * Ownership: borrows everything; allocates nothing that outlives a call. */
#ifndef FNET_AGREE_TABLE_H
#define FNET_AGREE_TABLE_H

#include "analysis/agree.h"
#include "core/error.h"
#include "output/tables/table.h"

#include <stdio.h>

enum fnet_agree_table {
    FNET_AGREE_TABLE_PAIRS,
    FNET_AGREE_TABLE_ALPHA,
    FNET_AGREE_TABLE_RELATIONS,
    FNET_AGREE_TABLE_SOURCES,
    FNET_AGREE_TABLE_ENTITIES,
    FNET_AGREE_TABLE_DISAGREEMENTS
};

/* The tables' names (NULL-terminated), at their enum's index. */
extern const char *const fnet_agree_table_names[];

typedef struct fnet_agree_write_opts {
    fnet_table_style style; /* format, digits, formula guard, latex width */
    int table;              /* enum fnet_agree_table: csv, tsv, latex */
} fnet_agree_write_opts;

/* Writes a to fp. Returns 0, FNET_ENOMEM or FNET_EIO with err set. */
int fnet_agree_write(FILE *fp, const fnet_agree *a,
                     const fnet_agree_write_opts *o, fnet_err *err);

#endif

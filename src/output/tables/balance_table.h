/* balance_table.h - `factnet balance`'s output: the summary of a signed
 * graph's triangles by sign pattern and the listed triangles with the
 * evidence of each pair (every fact: relation, date, quote, source,
 * location; docs/METRICS.md, "Structural balance").
 *
 * md writes a summary table and one evidence table per listed triangle;
 * json one object {summary, triangles}; csv, tsv and latex one table: the
 * triangles (one row per fact of each pair of each listed triangle) or,
 * with `summary`, the summary (metric,value).
 *
 * Ownership: borrows everything; allocates nothing that outlives a call. */
#ifndef FNET_BALANCE_TABLE_H
#define FNET_BALANCE_TABLE_H

#include "analysis/balance.h"
#include "core/error.h"
#include "graph/graph.h"
#include "output/tables/table.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct fnet_balance_write_opts {
    fnet_table_style style; /* format, digits, formula guard */
    bool all;     /* b lists every signed triangle (the md heading says so) */
    bool summary; /* csv, tsv, latex: the summary instead of the triangles */
} fnet_balance_write_opts;

/* Writes balance b of graph g (fnet_balance_compute()) to fp. Returns 0,
 * FNET_ENOMEM or FNET_EIO with err set. */
int fnet_balance_write(FILE *fp, const fnet_graph *g, const fnet_balance *b,
                       const fnet_balance_write_opts *o, fnet_err *err);

#endif

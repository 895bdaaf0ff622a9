/* check_summary.h - the summary `factnet check` prints of a valid corpus
 * (docs/CLI.md): its files, counts, entities by type, facts by relation,
 * the dates, negative facts, records an importer skipped (per file and
 * reason), evidence quotes checked and warnings, every
 * string from the data escaped as the diagnostics escape it.
 *
 * Ownership: borrows everything. */
#ifndef FNET_CHECK_SUMMARY_H
#define FNET_CHECK_SUMMARY_H

#include "core/diag.h"
#include "input/provenance.h"
#include "model/corpus.h"

#include <stdio.h>

/* Writes the summary of c to fp: d gives the warning count, ps the quotes
 * checked against source texts (NULL: "quotes not checked"). Write errors are the
 * caller's to check (ferror). Returns 0 or FNET_ENOMEM (the summary may
 * then be cut short). O(entities + relations + facts). */
int fnet_check_summary_write(FILE *fp, const fnet_corpus *c, const fnet_diag *d,
                             const fnet_prov_stats *ps);

#endif

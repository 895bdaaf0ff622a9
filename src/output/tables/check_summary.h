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

#include <stdint.h>
#include <stdio.h>

/* The dated facts' range (lo: the earliest date, hi: the latest date or
 * until), how many facts are dated and how many are negative, as the
 * summary's "dates:" and "negative facts:" lines give them (also
 * `factnet methods`). */
typedef struct fnet_check_dates {
    fnet_date lo, hi; /* FNET_DATE_NONE when no fact is dated */
    uint64_t dated, negative;
} fnet_check_dates;

/* Fills out for c. O(facts). Can't fail. */
void fnet_check_summary_dates(const fnet_corpus *c, fnet_check_dates *out);

/* Writes the summary of c to fp: d gives the warning count, ps the quotes
 * checked against source texts (NULL: "quotes not checked"). Write errors
 * are the caller's to check (ferror). Returns 0 or FNET_ENOMEM (the summary may
 * then be cut short). O(entities + relations + facts). */
int fnet_check_summary_write(FILE *fp, const fnet_corpus *c, const fnet_diag *d,
                             const fnet_prov_stats *ps);

#endif

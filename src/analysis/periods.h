/* periods.h - the periods of `factnet evolve` and the date window of each
 * period's snapshot.
 *
 * Periods are whole calendar units (years or months), `step` units each,
 * laid from the unit that holds the start of the range to the unit that
 * holds its end. The range is [from, to] when given, else the dated range
 * of the corpus: the earliest first day of a fact's date to the latest
 * last day of a fact's date or until (docs/EVOLUTION.md, "Periods"). A
 * snapshot's window is its period (each), the first period's start to the
 * period's end (cumulative), or the last `window` periods (sliding
 * window), clipped to --from/--to when given.
 *
 * Ownership: fnet_periods_make() returns a malloc'd array; free() it. */
#ifndef FNET_PERIODS_H
#define FNET_PERIODS_H

#include "core/error.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>

enum fnet_period_unit { FNET_UNIT_YEAR, FNET_UNIT_MONTH };
enum fnet_period_mode {
    FNET_PERIODS_EACH,       /* facts active in the period */
    FNET_PERIODS_CUMULATIVE, /* everything up to the period's end */
    FNET_PERIODS_WINDOW      /* the last `window` periods */
};

/* More periods than this is a usage error (each builds a graph). */
#define FNET_PERIODS_MAX 2000

typedef struct fnet_period_spec {
    int unit;           /* enum fnet_period_unit */
    int step;           /* units per period, >= 1 */
    int mode;           /* enum fnet_period_mode */
    int window;         /* periods per window (FNET_PERIODS_WINDOW), >= 1 */
    fnet_date from, to; /* the range; FNET_DATE_NONE: the corpus's */
} fnet_period_spec;

typedef struct fnet_period {
    char label[32];       /* "2013", "2011-2015", "2013-06",
                             "2013-01..2013-03" */
    fnet_date start, end; /* the period (unit precision) */
    fnet_date from, to;   /* its snapshot's window */
} fnet_period;

/* Reads a period length "N-years" or "N-months" (also "N-year",
 * "N-month"; 1 <= N <= 10000) into s->unit and s->step. Returns 0, or -1
 * (s unchanged) for anything else. */
int fnet_period_spec_every(fnet_period_spec *s, const char *v);

/* The dated range of the corpus: earliest fact date and latest fact date
 * or until. Returns false when no fact is dated. */
bool fnet_corpus_date_range(const fnet_corpus *c, fnet_date *first,
                            fnet_date *last);

/* Lays out the periods. Returns 0, FNET_EUSAGE (no dated fact and no
 * range given, or more than FNET_PERIODS_MAX periods; err says which) or
 * FNET_ENOMEM. The caller frees *out. */
int fnet_periods_make(fnet_period **out, size_t *n, const fnet_corpus *c,
                      const fnet_period_spec *s, fnet_err *err);

#endif

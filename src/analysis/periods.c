/* periods.c - periods and snapshot windows of `factnet evolve`
 * (periods.h). */
#include "analysis/periods.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool fnet_corpus_date_range(const fnet_corpus *c, fnet_date *first,
                            fnet_date *last)
{
    bool any = false;
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        if (!fnet_date_is_set(f->date))
            continue;
        fnet_date end = fnet_date_is_set(f->until) ? f->until : f->date;
        if (!any || fnet_date_first_day(f->date) < fnet_date_first_day(*first))
            *first = f->date;
        if (!any || fnet_date_last_day(end) > fnet_date_last_day(*last))
            *last = end;
        any = true;
    }
    return any;
}

/* Unit number (years, or months since year 0) of a date. */
static long unit_of(fnet_date d, int unit, bool last)
{
    if (unit == FNET_UNIT_YEAR)
        return d.year;
    int m = d.month ? d.month : last ? 12 : 1;
    return (long)d.year * 12 + (m - 1);
}

static fnet_date unit_date(long u, int unit)
{
    if (unit == FNET_UNIT_YEAR)
        return (fnet_date){(int16_t)u, 0, 0};
    return (fnet_date){(int16_t)(u / 12), (uint8_t)(u % 12 + 1), 0};
}

/* The later (by first day) or earlier (by last day) of two dates. */
static fnet_date later(fnet_date a, fnet_date b)
{
    return fnet_date_first_day(a) >= fnet_date_first_day(b) ? a : b;
}

static fnet_date earlier(fnet_date a, fnet_date b)
{
    return fnet_date_last_day(a) <= fnet_date_last_day(b) ? a : b;
}

static void label(fnet_period *p, int step)
{
    char a[11], b[11];
    fnet_date_format(p->start, a);
    fnet_date_format(p->end, b);
    if (step == 1)
        snprintf(p->label, sizeof p->label, "%s", a);
    else
        snprintf(p->label, sizeof p->label, "%s%s%s", a,
                 p->start.month ? ".." : "-", b);
}

int fnet_periods_make(fnet_period **out, size_t *n, const fnet_corpus *c,
                      const fnet_period_spec *s, fnet_err *err)
{
    fnet_date first = FNET_DATE_NONE, last = FNET_DATE_NONE;
    bool dated = fnet_corpus_date_range(c, &first, &last);
    *out = NULL;
    *n = 0;
    if (fnet_date_is_set(s->from))
        first = s->from;
    if (fnet_date_is_set(s->to))
        last = s->to;
    if (!fnet_date_is_set(first) || !fnet_date_is_set(last))
        return fnet_err_set(err, FNET_EUSAGE,
                            dated ? "the range is open"
                                  : "no fact is dated: give the range with "
                                    "--from and --to");
    if (fnet_date_first_day(first) > fnet_date_last_day(last))
        return fnet_err_set(err, FNET_EUSAGE,
                            "the range is empty: every dated fact ends "
                            "before --from or starts after --to");
    long u0 = unit_of(first, s->unit, false), u1 = unit_of(last, s->unit, true);
    long count = (u1 - u0) / s->step + 1;
    if (count > FNET_PERIODS_MAX)
        return fnet_err_set(err, FNET_EUSAGE,
                            "%ld periods (more than %d): choose a longer "
                            "period with --every",
                            count, FNET_PERIODS_MAX);
    fnet_period *p = calloc((size_t)count, sizeof *p);
    if (!p)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (long k = 0; k < count; k++) {
        long a = u0 + k * s->step;
        p[k].start = unit_date(a, s->unit);
        p[k].end = unit_date(a + s->step - 1, s->unit);
        label(&p[k], s->step);
        fnet_date wstart = p[k].start;
        if (s->mode == FNET_PERIODS_CUMULATIVE)
            wstart = p[0].start;
        else if (s->mode == FNET_PERIODS_WINDOW)
            wstart = p[k - s->window + 1 > 0 ? k - s->window + 1 : 0].start;
        /* Only a range the user gave clips: the corpus has no dated fact
         * outside its own range, and whole units read better. */
        p[k].from = fnet_date_is_set(s->from) ? later(wstart, s->from) : wstart;
        p[k].to = fnet_date_is_set(s->to) ? earlier(p[k].end, s->to) : p[k].end;
    }
    *out = p;
    *n = (size_t)count;
    return 0;
}

int fnet_period_spec_every(fnet_period_spec *s, const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end != '-' || n < 1 || n > 10000 || errno)
        return -1;
    const char *u = end + 1;
    if (strcmp(u, "years") == 0 || strcmp(u, "year") == 0)
        s->unit = FNET_UNIT_YEAR;
    else if (strcmp(u, "months") == 0 || strcmp(u, "month") == 0)
        s->unit = FNET_UNIT_MONTH;
    else
        return -1;
    s->step = (int)n;
    return 0;
}

/* date.h - ISO 8601 calendar dates of year, month or day precision. */
#ifndef FNET_DATE_H
#define FNET_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* year 0 means "no date"; month 0 means year precision; day 0 means month
 * precision. Valid years are 1..9999. */
typedef struct fnet_date {
    int16_t year;
    uint8_t month;
    uint8_t day;
} fnet_date;

#define FNET_DATE_NONE ((fnet_date){0, 0, 0})

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". Returns 0, or -1 with *why set to
 * a static message ("expected YYYY, YYYY-MM or YYYY-MM-DD", "no day 30 in
 * 2021-02"...) written into why[0..why_size). */
int fnet_date_parse(const char *s, fnet_date *out, char *why, int why_size);

static inline bool fnet_date_is_set(fnet_date d)
{
    return d.year != 0;
}

/* Days since 0001-01-01 of the first and last day the date covers
 * ("2013" covers 2013-01-01 .. 2013-12-31). */
long fnet_date_first_day(fnet_date d);
long fnet_date_last_day(fnet_date d);

/* Writes the date in its own precision ("2013", "2013-06", "2013-06-10") or
 * "" when not set. out must hold 11 bytes. */
void fnet_date_format(fnet_date d, char out[11]);

/* Orders by first day, then by precision (coarser first). */
int fnet_date_compare(fnet_date a, fnet_date b);

#endif

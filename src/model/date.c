/* date.c - ISO 8601 date parsing and arithmetic (see date.h). */
#include "model/date.h"

#include "core/diag.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int fnet_date_parse(const char *s, fnet_date *out, char *why, int why_size)
{
    size_t n = strlen(s);
    int y = -1, m = 0, d = 0;
    *out = FNET_DATE_NONE;
    if (n >= 4)
        y = digits(s, 4);
    if (n == 7 || n == 10) {
        if (s[4] != '-')
            y = -1;
        m = digits(s + 5, 2);
    }
    if (n == 10) {
        if (s[7] != '-')
            y = -1;
        d = digits(s + 8, 2);
    }
    if (y < 0 || m < 0 || d < 0 || (n != 4 && n != 7 && n != 10)) {
        char head[41]; /* a long value is shown cut to its first 40 bytes */
        fnet_buf q = {0};
        size_t len = strnlen(s, sizeof head - 1);
        memcpy(head, s, len);
        head[len] = '\0';
        snprintf(why, why_size,
                 "expected a date as YYYY, YYYY-MM or "
                 "YYYY-MM-DD, got %s",
                 fnet_diag_quoted(&q, head));
        fnet_buf_free(&q);
        return -1;
    }
    if (y == 0) {
        snprintf(why, why_size, "year 0000 is not a valid year");
        return -1;
    }
    if (n >= 7 && (m < 1 || m > 12)) {
        fnet_buf q = {0};
        snprintf(why, why_size, "no month %02d in %s", m,
                 fnet_diag_quoted(&q, s));
        fnet_buf_free(&q);
        return -1;
    }
    if (n == 10 && (d < 1 || d > month_days(y, m))) {
        snprintf(why, why_size, "no day %02d in %04d-%02d", d, y, m);
        return -1;
    }
    out->year = (int16_t)y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return 0;
}

static long day_number(int y, int m, int d)
{
    /* Days since 0001-01-01 in the proleptic Gregorian calendar. */
    long yy = y - 1;
    long n = yy * 365 + yy / 4 - yy / 100 + yy / 400;
    for (int i = 1; i < m; i++)
        n += month_days(y, i);
    return n + d - 1;
}

long fnet_date_first_day(fnet_date d)
{
    return day_number(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

long fnet_date_last_day(fnet_date d)
{
    int m = d.month ? d.month : 12;
    return day_number(d.year, m, d.day ? d.day : month_days(d.year, m));
}

void fnet_date_format(fnet_date d, char out[11])
{
    /* Fields are in range (checked by fnet_date_parse), so 10 chars fit. */
    unsigned y = (unsigned)d.year % 10000u, m = d.month % 100u,
             dd = d.day % 100u;
    if (!d.year)
        out[0] = '\0';
    else if (!d.month)
        snprintf(out, 11, "%04u", y);
    else if (!d.day)
        snprintf(out, 11, "%04u-%02u", y, m);
    else
        snprintf(out, 11, "%04u-%02u-%02u", y, m, dd);
}

int fnet_date_compare(fnet_date a, fnet_date b)
{
    long fa = fnet_date_first_day(a), fb = fnet_date_first_day(b);
    if (fa != fb)
        return fa < fb ? -1 : 1;
    int pa = (a.month != 0) + (a.day != 0), pb = (b.month != 0) + (b.day != 0);
    return (pa > pb) - (pa < pb);
}

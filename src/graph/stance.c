/* stance.c - DNA's congruence/conflict ties, normalisations and duplicate
 * statements for the actors view (stance.h). */
#include "graph/stance.h"

#include "core/error.h"
#include "model/date.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const fnet_tie_names[] = {"signed",   "congruence", "conflict",
                                      "subtract", "ignore",     NULL};
const char *const fnet_normalize_names[] = {"none", "average", "jaccard",
                                            "cosine", NULL};
const char *const fnet_duplicates_names[] = {
    "include", "document", "week", "month", "year", "all", NULL};

const char *fnet_duplicates_name(int mode)
{
    return mode >= 0 && mode <= FNET_DUP_ALL ? fnet_duplicates_names[mode]
                                             : "?";
}

int32_t fnet_stance_level(const fnet_corpus *c, const fnet_fact *f)
{
    if (f->stance != FNET_NO_STANCE)
        return f->stance;
    return fnet_fact_sign(c, f) > 0 ? 1 : 0;
}

double fnet_stance_range(int32_t lo, int32_t hi, bool has_sign)
{
    if (has_sign) {
        lo = lo < 0 ? lo : 0;
        hi = hi > 1 ? hi : 1;
    }
    double r = (double)hi - (double)lo;
    return r > 0 ? r : 1;
}

void fnet_tie_add_item(fnet_tie_sums *s, const int32_t *la, size_t na,
                       const int32_t *lb, size_t nb, double r)
{
    s->ignore += (double)na * (double)nb;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            double d = fabs((double)la[i] - (double)lb[j]) / r;
            s->congruence += 1 - d;
            s->conflict += d;
        }
    /* Cells (item, level) where both have statements: walk the two sorted
     * runs of equal levels. */
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (la[i] < lb[j]) {
            i++;
        } else if (lb[j] < la[i]) {
            j++;
        } else {
            int32_t k = la[i];
            size_t xa = 0, xb = 0;
            while (i < na && la[i] == k)
                i++, xa++;
            while (j < nb && lb[j] == k)
                j++, xb++;
            s->both_a += (double)xa;
            s->both_b += (double)xb;
            s->both_ab += (double)xa * (double)xb;
        }
    }
}

static double denominator(int norm, const fnet_tie_sums *s, double ta,
                          double tb)
{
    switch (norm) {
    case FNET_NORM_AVERAGE: return (ta + tb) / 2;
    case FNET_NORM_JACCARD:
        return (ta - s->both_a) + (tb - s->both_b) + s->both_ab;
    case FNET_NORM_COSINE: return ta * tb;
    default: return 1;
    }
}

void fnet_tie_value(int tie, int norm, const fnet_tie_sums *s, double ta,
                    double tb, double *pos, double *neg)
{
    double d = denominator(norm, s, ta, tb);
    double cong = d > 0 ? s->congruence / d : 0;
    double conf = d > 0 ? s->conflict / d : 0;
    double v;
    *pos = *neg = 0;
    switch (tie) {
    case FNET_TIE_SIGNED:
        *pos = cong;
        *neg = conf;
        break;
    case FNET_TIE_CONGRUENCE: *pos = cong; break;
    case FNET_TIE_CONFLICT: *neg = conf; break;
    case FNET_TIE_SUBTRACT:
        v = cong - conf;
        if (v > 0)
            *pos = v;
        else
            *neg = -v;
        break;
    default: *pos = d > 0 ? s->ignore / d : 0; break;
    }
}

/* ---- duplicates ----------------------------------------------------- */

typedef struct dkey {
    int32_t s, r, o, sign, stance;
    int32_t period;
    const uint32_t *src; /* document mode: the fact's sources */
    uint32_t n_src;
    uint64_t i;
} dkey;

static int cmp_i32(int32_t a, int32_t b)
{
    return (a > b) - (a < b);
}

static int cmp_dkey(const void *x, const void *y)
{
    const dkey *a = x, *b = y;
    int d = cmp_i32(a->s, b->s);
    if (!d)
        d = cmp_i32(a->r, b->r);
    if (!d)
        d = cmp_i32(a->o, b->o);
    if (!d)
        d = cmp_i32(a->sign, b->sign);
    if (!d)
        d = cmp_i32(a->stance, b->stance);
    if (!d)
        d = cmp_i32(a->period, b->period);
    if (!d && a->n_src != b->n_src)
        d = a->n_src < b->n_src ? -1 : 1;
    if (!d && a->n_src)
        d = memcmp(a->src, b->src, a->n_src * sizeof *a->src);
    if (!d)
        d = a->i < b->i ? -1 : a->i > b->i;
    return d;
}

static bool same_key(const dkey *a, const dkey *b)
{
    return a->s == b->s && a->r == b->r && a->o == b->o && a->sign == b->sign &&
           a->stance == b->stance && a->period == b->period &&
           a->n_src == b->n_src &&
           (!a->n_src ||
            memcmp(a->src, b->src, a->n_src * sizeof *a->src) == 0);
}

/* The ISO 8601 week of a day date as year * 100 + week. Day numbers of
 * model/date.h; 2024-01-01 was a Monday. */
static int32_t iso_week(fnet_date d)
{
    long day = fnet_date_first_day(d);
    long monday = fnet_date_first_day((fnet_date){2024, 1, 1});
    long wd = ((day - monday) % 7 + 7) % 7; /* 0 = Monday */
    long thursday = day - wd + 3;           /* decides the week's year */
    int y = d.year + 1;
    while (fnet_date_first_day((fnet_date){(int16_t)y, 1, 1}) > thursday)
        y--;
    long jan1 = fnet_date_first_day((fnet_date){(int16_t)y, 1, 1});
    return (int32_t)(y * 100 + (thursday - jan1) / 7 + 1);
}

/* The period of a fact for mode, or -1 when it cannot be placed. */
static int32_t period_of(const fnet_fact *f, int mode)
{
    fnet_date d = f->date;
    switch (mode) {
    case FNET_DUP_WEEK: return fnet_date_is_set(d) && d.day ? iso_week(d) : -1;
    case FNET_DUP_MONTH:
        return fnet_date_is_set(d) && d.month ? d.year * 100 + d.month : -1;
    case FNET_DUP_YEAR: return fnet_date_is_set(d) ? d.year : -1;
    case FNET_DUP_DOCUMENT: return f->n_sources ? 0 : -1;
    default: return 0;
    }
}

int fnet_duplicates_mark(const fnet_corpus *c, int mode, const bool *cand,
                         bool **out, uint64_t *n_dropped)
{
    bool *drop = calloc(c->n_facts ? c->n_facts : 1, sizeof *drop);
    dkey *k = malloc((c->n_facts ? c->n_facts : 1) * sizeof *k);
    size_t n = 0;
    *out = NULL;
    *n_dropped = 0;
    if (!drop || !k) {
        free(drop);
        free(k);
        return FNET_ENOMEM;
    }
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        int32_t p = cand[i] ? period_of(f, mode) : -1;
        if (p < 0)
            continue;
        bool doc = mode == FNET_DUP_DOCUMENT;
        k[n++] = (dkey){f->subject,
                        f->relation,
                        f->object,
                        fnet_fact_sign(c, f),
                        f->stance,
                        p,
                        doc ? f->sources : NULL,
                        doc ? f->n_sources : 0,
                        i};
    }
    if (n)
        qsort(k, n, sizeof *k, cmp_dkey);
    for (size_t j = 1; j < n; j++)
        if (same_key(&k[j - 1], &k[j])) {
            drop[k[j].i] = true;
            (*n_dropped)++;
        }
    free(k);
    *out = drop;
    return 0;
}

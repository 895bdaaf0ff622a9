/* check_summary.c - the summary `factnet check` prints of a valid corpus
 * (check_summary.h). */
#include "output/tables/check_summary.h"

#include "core/buf.h"
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

/* Counts of a string key, kept in first-seen order then sorted. */
typedef struct tally {
    const char *key;
    unsigned long n;
} tally;

static int by_count(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

/* Counts key in t (n entries so far); index maps keys to entries so that
 * counting stays O(1) even when every entity has its own type. */
static int count(tally *t, size_t *n, fnet_strmap *index, const char *key)
{
    size_t i, len = strlen(key);
    if (fnet_strmap_get(index, key, len, &i)) {
        t[i].n++;
        return FNET_OK;
    }
    t[*n].key = key;
    t[*n].n = 1;
    return fnet_strmap_put(index, key, len, (*n)++);
}

/* s as shown on one line of the summary (in b, which the caller frees):
 * types, relation names, titles and file names come from the data and may
 * hold line breaks, terminal control sequences or bidirectional controls;
 * each is all data, so a backslash is shown as \\ too. */
static const char *shown(fnet_buf *b, const char *s)
{
    fnet_buf_reset(b);
    fnet_diag_escape_value(b, s);
    return fnet_buf_ok(b) ? fnet_buf_str(b) : "?";
}

static void print_tally(FILE *fp, const char *title, tally *t, size_t n)
{
    fnet_buf b = {0};
    qsort(t, n, sizeof *t, by_count);
    fprintf(fp, "%s\n", title);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "  %-24s %8lu\n", shown(&b, t[i].key), t[i].n);
    fnet_buf_free(&b);
}

/* "evidence checked: 79 of 81 quotes; 2 without source text". */
static void print_provenance(FILE *fp, const fnet_prov_stats *ps)
{
    fprintf(fp, "evidence checked: %llu of %llu quote%s",
            (unsigned long long)ps->checked, (unsigned long long)ps->quotes,
            ps->quotes == 1 ? "" : "s");
    if (ps->quotes > ps->checked)
        fprintf(fp, "; %llu without source text",
                (unsigned long long)(ps->quotes - ps->checked));
    if (ps->not_found)
        fprintf(fp, "; %llu not found", (unsigned long long)ps->not_found);
    fprintf(fp, " (%u source text%s read)\n", ps->texts,
            ps->texts == 1 ? "" : "s");
}

void fnet_check_summary_dates(const fnet_corpus *c, fnet_check_dates *out)
{
    *out = (fnet_check_dates){FNET_DATE_NONE, FNET_DATE_NONE, 0, 0};
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        if (fnet_fact_sign(c, f) < 0)
            out->negative++;
        if (!fnet_date_is_set(f->date))
            continue;
        out->dated++;
        fnet_date end = fnet_date_is_set(f->until) ? f->until : f->date;
        if (!fnet_date_is_set(out->lo) ||
            fnet_date_compare(f->date, out->lo) < 0)
            out->lo = f->date;
        if (!fnet_date_is_set(out->hi) ||
            fnet_date_last_day(end) > fnet_date_last_day(out->hi))
            out->hi = end;
    }
}

int fnet_check_summary_write(FILE *fp, const fnet_corpus *c, const fnet_diag *d,
                             const fnet_prov_stats *ps)
{
    size_t cap =
        c->n_entities > c->n_relations ? c->n_entities : c->n_relations;
    tally *t = malloc((cap + 1) * sizeof *t);
    if (!t)
        return FNET_ENOMEM;
    fnet_buf esc = {0};
    if (c->n_files == 1)
        fprintf(fp, "%s: ", shown(&esc, c->files[0]));
    else
        fprintf(fp, "%u files: ", c->n_files);
    fprintf(fp, "%u entit%s, %llu fact%s, %u source%s\n", c->n_entities,
            c->n_entities == 1 ? "y" : "ies", (unsigned long long)c->n_facts,
            c->n_facts == 1 ? "" : "s", c->n_sources,
            c->n_sources == 1 ? "" : "s");
    if (c->title)
        fprintf(fp, "title: %s\n", shown(&esc, c->title));
    fnet_buf_free(&esc);
    size_t n = 0;
    fnet_strmap types = {0};
    int rc = FNET_OK;
    for (uint32_t i = 0; i < c->n_entities && rc == FNET_OK; i++)
        rc = count(t, &n, &types, c->entities[i].type);
    fnet_strmap_free(&types);
    if (rc != FNET_OK) {
        free(t);
        return FNET_ENOMEM;
    }
    print_tally(fp, "entities by type:", t, n);
    /* Facts per relation: count by resolved index, then name. */
    unsigned long *per = calloc(c->n_relations, sizeof *per);
    if (!per) {
        free(t);
        return FNET_ENOMEM;
    }
    for (uint64_t i = 0; i < c->n_facts; i++)
        if (c->facts[i].relation >= 0)
            per[c->facts[i].relation]++;
    fnet_check_dates dt;
    fnet_check_summary_dates(c, &dt);
    n = 0;
    for (uint32_t i = 0; i < c->n_relations; i++)
        if (per[i])
            t[n++] = (tally){c->relations[i].name, per[i]};
    print_tally(fp, "facts by relation:", t, n);
    char a[11], b[11];
    fnet_date_format(dt.lo, a);
    fnet_date_format(dt.hi, b);
    if (dt.dated)
        fprintf(fp, "dates: %s to %s (%llu of %llu fact%s dated)\n", a, b,
                (unsigned long long)dt.dated, (unsigned long long)c->n_facts,
                c->n_facts == 1 ? "" : "s");
    else
        fprintf(fp, "dates: none\n");
    fprintf(fp, "negative facts: %llu\n", (unsigned long long)dt.negative);
    fnet_buf name = {0};
    for (uint32_t i = 0; i < c->n_skipped; i++) {
        const fnet_skipped *k = &c->skipped[i];
        fprintf(fp, "skipped: %llu %s%s of %s (%s)\n", (unsigned long long)k->n,
                k->what, k->n == 1 ? "" : "s", shown(&name, c->files[k->file]),
                k->why);
    }
    fnet_buf_free(&name);
    if (ps)
        print_provenance(fp, ps);
    else
        fputs("evidence: quotes not checked (no --sources-dir)\n", fp);
    fprintf(fp, "warnings: %zu\n", d->n_warnings);
    free(per);
    free(t);
    return FNET_OK;
}

/* tracking.c - persistent community ids across periods (tracking.h). */
#include "analysis/tracking.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const event_names[] = {"born", "continued", "merged",
                                          "split", "died"};

const char *fnet_track_event_name(int event)
{
    return event >= 0 && event <= FNET_TRACK_DIED ? event_names[event] : NULL;
}

void fnet_tracking_free(fnet_tracking *t)
{
    if (!t)
        return;
    for (size_t p = 0; t->id && p < t->n_periods; p++)
        free(t->id[p]);
    free(t->id);
    for (size_t i = 0; i < t->n_entries; i++)
        free(t->entries[i].links);
    free(t->entries);
    memset(t, 0, sizeof *t);
}

/* A pair of linked communities: a of the previous period, b of the
 * current one (numbers from 1). */
typedef struct link {
    uint32_t a, b;
    uint32_t a_id;
    double j;
} link;

typedef struct member {
    uint32_t entity, community;
} member;

static int cmp_member(const void *x, const void *y)
{
    const member *p = x, *q = y;
    if (p->entity != q->entity)
        return p->entity < q->entity ? -1 : 1;
    return 0;
}

static int cmp_pair(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* By decreasing J, then smaller previous id, then smaller current number. */
static int cmp_greedy(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->j != q->j)
        return p->j > q->j ? -1 : 1;
    if (p->a_id != q->a_id)
        return p->a_id < q->a_id ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

typedef struct step {
    const fnet_partition *prev, *cur;
    const uint32_t *prev_id;
    uint32_t *cur_id;
    link *links; /* J >= theta, in greedy order */
    size_t n_links;
    uint32_t *n_succ; /* per previous community */
    uint32_t *n_pred; /* per current community */
} step;

static uint32_t *sizes(const fnet_partition *p)
{
    uint32_t *s = calloc((size_t)p->k + 1, sizeof *s);
    for (uint32_t i = 0; s && i < p->n; i++)
        s[p->community[i]]++;
    return s;
}

/* Finds the links between two partitions: the intersections of every pair
 * of communities that share a member, kept when J >= theta. */
static int find_links(step *s, double theta)
{
    const fnet_partition *P = s->prev, *C = s->cur;
    member *m = malloc((P->n ? P->n : 1) * sizeof *m);
    link *pairs = malloc((C->n ? C->n : 1) * sizeof *pairs);
    uint32_t *sp = sizes(P), *sc = sizes(C);
    size_t np = 0;
    int rc = 0;
    s->links = malloc((C->n ? C->n : 1) * sizeof *s->links);
    if (!m || !pairs || !sp || !sc || !s->links) {
        rc = FNET_ENOMEM;
        goto done;
    }
    for (uint32_t i = 0; i < P->n; i++)
        m[i] = (member){P->entity[i], P->community[i]};
    qsort(m, P->n, sizeof *m, cmp_member);
    for (uint32_t i = 0; i < C->n; i++) {
        member key = {C->entity[i], 0};
        member *hit = bsearch(&key, m, P->n, sizeof *m, cmp_member);
        if (hit)
            pairs[np++] = (link){hit->community, C->community[i], 0, 0};
    }
    if (np)
        qsort(pairs, np, sizeof *pairs, cmp_pair);
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b)
            j++;
        double inter = (double)(j - i);
        double jac = inter / ((double)sp[pairs[i].a] + sc[pairs[i].b] - inter);
        if (jac >= theta - 1e-12) {
            link l = {pairs[i].a, pairs[i].b, s->prev_id[pairs[i].a - 1], jac};
            s->links[s->n_links++] = l;
            s->n_succ[l.a]++;
            s->n_pred[l.b]++;
        }
        i = j;
    }
    if (s->n_links)
        qsort(s->links, s->n_links, sizeof *s->links, cmp_greedy);
done:
    free(m);
    free(pairs);
    free(sp);
    free(sc);
    return rc;
}

static int add_entry(fnet_tracking *t, size_t *cap, fnet_track_entry e)
{
    if (t->n_entries == *cap) {
        size_t n = *cap ? *cap * 2 : 32;
        fnet_track_entry *q = realloc(t->entries, n * sizeof *q);
        if (!q)
            return FNET_ENOMEM;
        t->entries = q;
        *cap = n;
    }
    t->entries[t->n_entries++] = e;
    return 0;
}

/* The links of current community b (already in greedy order, so by
 * decreasing J and smaller id). */
static int links_of(const step *s, uint32_t b, fnet_track_entry *e)
{
    e->n_links = 0;
    e->links = s->n_pred[b] ? malloc(s->n_pred[b] * sizeof *e->links) : NULL;
    if (s->n_pred[b] && !e->links)
        return FNET_ENOMEM;
    for (size_t i = 0; i < s->n_links; i++)
        if (s->links[i].b == b)
            e->links[e->n_links++] =
                (fnet_track_link){s->links[i].a_id, s->links[i].j};
    return 0;
}

/* Assigns ids and records the events of the current period. */
static int match(fnet_tracking *t, size_t *cap, step *s, size_t p, size_t prev)
{
    bool *taken = calloc((size_t)s->prev->k + 1, 1);
    int rc = 0;
    if (!taken)
        return FNET_ENOMEM;
    for (size_t i = 0; i < s->n_links; i++) {
        const link *l = &s->links[i];
        if (!taken[l->a] && !s->cur_id[l->b - 1]) {
            taken[l->a] = true;
            s->cur_id[l->b - 1] = l->a_id;
        }
    }
    for (uint32_t b = 1; !rc && b <= s->cur->k; b++) {
        fnet_track_entry e = {p, prev, 0, b, FNET_TRACK_BORN, NULL, 0};
        if (!s->cur_id[b - 1])
            s->cur_id[b - 1] = ++t->n_ids;
        e.id = s->cur_id[b - 1];
        if ((rc = links_of(s, b, &e)))
            break;
        if (e.n_links >= 2)
            e.event = FNET_TRACK_MERGED;
        else if (e.n_links == 1) {
            uint32_t a = 0;
            for (size_t i = 0; i < s->n_links; i++)
                if (s->links[i].b == b)
                    a = s->links[i].a;
            e.event =
                s->n_succ[a] >= 2 ? FNET_TRACK_SPLIT : FNET_TRACK_CONTINUED;
        }
        if ((rc = add_entry(t, cap, e)))
            free(e.links);
    }
    for (uint32_t a = 1; !rc && a <= s->prev->k; a++)
        if (!s->n_succ[a])
            rc = add_entry(t, cap,
                           (fnet_track_entry){p, prev, s->prev_id[a - 1], a,
                                              FNET_TRACK_DIED, NULL, 0});
    free(taken);
    return rc;
}

int fnet_tracking_run(fnet_tracking *out, const fnet_partition *periods,
                      size_t n, double theta, fnet_err *err)
{
    size_t cap = 0, prev = SIZE_MAX;
    int rc = 0;
    memset(out, 0, sizeof *out);
    out->id = calloc(n ? n : 1, sizeof *out->id);
    if (!out->id)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    out->n_periods = n;
    for (size_t p = 0; !rc && p < n; p++) {
        const fnet_partition *cur = &periods[p];
        if (cur->n == 0)
            continue;
        out->id[p] = calloc(cur->k ? cur->k : 1, sizeof **out->id);
        if (!out->id[p]) {
            rc = FNET_ENOMEM;
            break;
        }
        step s = {.prev = prev == SIZE_MAX ? NULL : &periods[prev],
                  .cur = cur,
                  .prev_id = prev == SIZE_MAX ? NULL : out->id[prev],
                  .cur_id = out->id[p]};
        if (!s.prev) {
            static const fnet_partition none = {0, 0, NULL, NULL};
            s.prev = &none;
        }
        s.n_succ = calloc((size_t)s.prev->k + 1, sizeof *s.n_succ);
        s.n_pred = calloc((size_t)cur->k + 1, sizeof *s.n_pred);
        rc = s.n_succ && s.n_pred ? 0 : FNET_ENOMEM;
        if (!rc && s.prev->n)
            rc = find_links(&s, theta);
        if (!rc)
            rc = match(out, &cap, &s, p, prev);
        free(s.links);
        free(s.n_succ);
        free(s.n_pred);
        prev = p;
    }
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    return 0;
}

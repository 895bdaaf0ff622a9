/* agree.c - intercoder agreement: units matched across coders, F1,
 * Krippendorff's alpha and Cohen's kappa (agree.h). */
#include "analysis/agree.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "core/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const fnet_agree_match_names[] = {"exact", "span", "pair", NULL};
const char *const fnet_agree_by_names[] = {"fact", "pair", "entity", NULL};

const char *fnet_agree_issue_name(int issue)
{
    static const char *const names[] = {
        "agreed", "missing", "relation", "direction", "sign", "stance", "type"};
    return issue >= 0 && issue <= FNET_AGREE_TYPE ? names[issue] : "?";
}

/* ---- coefficients ------------------------------------------------------ */

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Sum over ordered pairs (a != b as positions) of the pairable values of
 * delta^2: nominal, n^2 - sum of n_c^2; interval, 2 n sum x^2 - 2 (sum
 * x)^2. v is sorted in place. */
static double expected_sum(double *v, size_t n, int level)
{
    double s = 0, s2 = 0, same = 0;
    if (level == FNET_AGREE_INTERVAL) {
        for (size_t i = 0; i < n; i++) {
            s += v[i];
            s2 += v[i] * v[i];
        }
        return 2.0 * (double)n * s2 - 2.0 * s * s;
    }
    qsort(v, n, sizeof *v, cmp_double);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j] == v[i])
            j++;
        same += (double)(j - i) * (double)(j - i);
        i = j;
    }
    return (double)n * (double)n - same;
}

static double delta2(double a, double b, int level)
{
    if (level == FNET_AGREE_INTERVAL)
        return (a - b) * (a - b);
    return a == b ? 0.0 : 1.0;
}

int fnet_agree_alpha(const double *values, size_t n_units, size_t n_coders,
                     int level, double *alpha, uint64_t *units,
                     uint64_t *n_values)
{
    double d_o = 0;
    size_t n = 0, n_u = 0;
    double *pool = malloc((n_units * n_coders + 1) * sizeof *pool);
    if (!pool)
        return FNET_ENOMEM;
    for (size_t u = 0; u < n_units; u++) {
        const double *row = values + u * n_coders;
        size_t m = 0;
        double sum = 0;
        for (size_t k = 0; k < n_coders; k++)
            m += !isnan(row[k]);
        if (m < 2)
            continue;
        /* Each ordered pair of values within the unit adds 1/(m-1) to the
         * coincidence matrix (Krippendorff 2011, eq. of o_ck). */
        for (size_t k = 0; k < n_coders; k++) {
            if (isnan(row[k]))
                continue;
            pool[n++] = row[k];
            for (size_t l = 0; l < n_coders; l++)
                if (l != k && !isnan(row[l]))
                    sum += delta2(row[k], row[l], level);
        }
        d_o += sum / (double)(m - 1);
        n_u++;
    }
    /* alpha = 1 - D_o / D_e, D_o = sum o_ck d2 / n, D_e = sum n_c n_k d2 /
     * (n (n - 1)). */
    double e = n > 1 ? expected_sum(pool, n, level) : 0;
    *alpha = e > 0 ? 1.0 - (double)(n - 1) * d_o / e : NAN;
    if (units)
        *units = n_u;
    if (n_values)
        *n_values = n;
    free(pool);
    return 0;
}

int fnet_agree_kappa(const double *x, const double *y, size_t n, double *kappa)
{
    double *all = NULL, p_o = 0, p_e = 0;
    *kappa = NAN;
    if (n == 0)
        return 0;
    all = malloc(2 * n * sizeof *all);
    if (!all)
        return FNET_ENOMEM;
    memcpy(all, x, n * sizeof *all);
    memcpy(all + n, y, n * sizeof *all);
    qsort(all, 2 * n, sizeof *all, cmp_double);
    for (size_t i = 0; i < n; i++)
        p_o += x[i] == y[i];
    p_o /= (double)n;
    /* p_e = sum over categories of p_x(c) p_y(c), one pass per category. */
    for (size_t i = 0; i < 2 * n;) {
        double cx = 0, cy = 0, c = all[i];
        while (i < 2 * n && all[i] == c)
            i++;
        for (size_t k = 0; k < n; k++) {
            cx += x[k] == c;
            cy += y[k] == c;
        }
        p_e += (cx / (double)n) * (cy / (double)n);
    }
    free(all);
    if (p_e < 1.0)
        *kappa = (p_o - p_e) / (1.0 - p_e);
    return 0;
}

/* ---- the coders' facts ------------------------------------------------- */

/* Makes room for need elements of size bytes in the array *p of capacity
 * *cap, doubling it. Returns 0 or FNET_ENOMEM (the array unchanged). */
static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    size_t nc = *cap ? *cap : 16;
    if (need <= *cap)
        return 0;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * size);
    if (!q)
        return FNET_ENOMEM;
    *p = q;
    *cap = nc;
    return 0;
}

static bool counted(const fnet_agree_coder *k, const fnet_fact *f)
{
    if (!k->coder)
        return true;
    for (uint32_t i = 0; i < f->n_attrs; i++)
        if (strcmp(f->attrs[i].key, "coder") == 0)
            return strcmp(f->attrs[i].value, k->coder) == 0;
    return false;
}

static const char *coder_of(const fnet_fact *f)
{
    for (uint32_t i = 0; i < f->n_attrs; i++)
        if (strcmp(f->attrs[i].key, "coder") == 0)
            return f->attrs[i].value;
    return NULL;
}

int fnet_agree_coder_check(const fnet_agree_coder *k, fnet_err *err)
{
    fnet_strmap seen = {0};
    fnet_buf list = {0};
    fnet_text_nearest near;
    size_t dummy, n = 0;
    int rc = 0;
    const char *file = k->c->n_files ? k->c->files[0] : "-";

    if (!k->coder)
        return 0;
    fnet_text_nearest_init(&near, k->coder, strlen(k->coder));
    for (uint64_t i = 0; i < k->c->n_facts; i++) {
        const char *v = coder_of(&k->c->facts[i]);
        if (!v || fnet_strmap_get(&seen, v, strlen(v), &dummy))
            continue;
        if (strcmp(v, k->coder) == 0)
            goto done;
        if (fnet_strmap_put(&seen, v, strlen(v), n) != 0) {
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
            goto done;
        }
        if (n < 10)
            fnet_buf_printf(&list, "%s'%s'", n ? ", " : "", v);
        n++;
        fnet_text_nearest_offer(&near, v);
    }
    if (!fnet_buf_ok(&list)) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    } else if (n == 0) {
        rc = fnet_err_set(err, FNET_EDATA,
                          "%s: no fact has a 'coder' attribute, so --coder "
                          "'%s' selects nothing",
                          file, k->coder);
    } else {
        rc = fnet_err_set(err, FNET_EDATA,
                          "%s: no fact has coder '%s' (coders in the file: "
                          "%s%s)%s%s%s",
                          file, k->coder, fnet_buf_str(&list),
                          n > 10 ? ", ..." : "",
                          near.best ? " (did you mean '" : "",
                          near.best ? near.best : "", near.best ? "'?)" : "");
    }
done:
    fnet_buf_free(&list);
    fnet_strmap_free(&seen);
    return rc;
}

/* ---- working state ----------------------------------------------------- */

/* One counted fact in one shared source. */
typedef struct entry {
    uint32_t source, a, b, coder;
    uint64_t fact;
    const char *quote; /* folded evidence (span), or NULL */
    bool placed;       /* in a unit */
} entry;

typedef struct work {
    fnet_agree *a;
    uint32_t *ent_base;    /* per coder: offset of its entities */
    uint32_t *parent;      /* union-find over every coder's entities */
    uint32_t *ent_of;      /* global entity -> fnet_agree.entities */
    fnet_strmap rel_codes; /* relation name -> code */
    size_t n_rel_codes;
    const char **rel_names;
    entry *entries;
    size_t n_entries;
    size_t cap_units;
    size_t *srcs; /* per unit and coder: the entry of its fact */
    size_t cap_srcs;
} work;

static uint32_t find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static uint32_t owner(const work *w, uint32_t g)
{
    uint32_t k = 0;
    while (k + 1 < w->a->n_coders && w->ent_base[k + 1] <= g)
        k++;
    return k;
}

/* Registers one name of global entity g; joins it with the entity of
 * another coder that has the same folded name. */
static int add_name(work *w, fnet_strmap *names, fnet_buf *tmp, uint32_t g,
                    const char *name)
{
    size_t other;
    fnet_buf_reset(tmp);
    fnet_text_fold(tmp, name, true);
    if (!fnet_buf_ok(tmp))
        return FNET_ENOMEM;
    const char *key = fnet_buf_str(tmp);
    size_t len = strlen(key);
    if (fnet_strmap_get(names, key, len, &other)) {
        if (owner(w, (uint32_t)other) != owner(w, g)) {
            uint32_t x = find(w->parent, (uint32_t)other),
                     y = find(w->parent, g);
            if (x != y)
                w->parent[x > y ? x : y] = x < y ? x : y;
        }
        return 0;
    }
    char *copy = fnet_arena_strndup(&w->a->arena, key, len);
    if (!copy)
        return FNET_ENOMEM;
    return fnet_strmap_put(names, copy, len, g);
}

/* Matches entities across coders (agree.h, "Units"). */
static int match_entities(work *w)
{
    fnet_agree *a = w->a;
    fnet_strmap names = {0};
    fnet_buf tmp = {0};
    uint32_t total = 0;
    int rc = FNET_ENOMEM;

    w->ent_base = calloc(a->n_coders + 1, sizeof *w->ent_base);
    if (!w->ent_base)
        goto done;
    for (uint32_t k = 0; k < a->n_coders; k++) {
        w->ent_base[k] = total;
        total += a->coders[k].c->n_entities;
    }
    w->ent_base[a->n_coders] = total;
    w->parent = malloc((total + 1) * sizeof *w->parent);
    w->ent_of = malloc((total + 1) * sizeof *w->ent_of);
    a->entities = malloc((total + 1) * sizeof *a->entities);
    if (!w->parent || !w->ent_of || !a->entities)
        goto done;
    for (uint32_t g = 0; g < total; g++)
        w->parent[g] = g;
    for (uint32_t k = 0; k < a->n_coders; k++) {
        const fnet_corpus *c = a->coders[k].c;
        for (uint32_t e = 0; e < c->n_entities; e++) {
            const fnet_entity *x = &c->entities[e];
            uint32_t g = w->ent_base[k] + e;
            rc = add_name(w, &names, &tmp, g, x->id);
            if (!rc && x->label)
                rc = add_name(w, &names, &tmp, g, x->label);
            for (uint32_t i = 0; !rc && i < x->n_aliases; i++)
                rc = add_name(w, &names, &tmp, g, x->aliases[i]);
            if (rc)
                goto done;
        }
    }
    /* The root of each set is its lowest member: the first coder's. */
    for (uint32_t g = 0; g < total; g++) {
        uint32_t r = find(w->parent, g);
        if (r == g) {
            uint32_t k = owner(w, g);
            a->entities[a->n_entities] =
                (fnet_agree_entity){.coder = k, .index = g - w->ent_base[k]};
            w->ent_of[g] = a->n_entities++;
        } else {
            w->ent_of[g] = w->ent_of[r];
        }
    }
    rc = 0;
done:
    fnet_buf_free(&tmp);
    fnet_strmap_free(&names);
    return rc;
}

static uint32_t entity(const work *w, uint32_t k, int32_t e)
{
    return w->ent_of[w->ent_base[k] + (uint32_t)e];
}

/* The shared sources: cited by a counted fact of every coder. */
static int share_sources(work *w, fnet_err *err)
{
    fnet_agree *a = w->a;
    fnet_strmap slots = {0};
    struct cited {
        const char *id;
        uint32_t stamp, count; /* last coder + 1 citing it; coders */
    } *cited = NULL;
    size_t n = 0, cap = 0, slot;
    int rc = FNET_ENOMEM;

    for (uint32_t k = 0; k < a->n_coders; k++) {
        const fnet_corpus *c = a->coders[k].c;
        for (uint64_t i = 0; i < c->n_facts; i++) {
            const fnet_fact *f = &c->facts[i];
            if (!counted(&a->coders[k], f))
                continue;
            for (uint32_t s = 0; s < f->n_sources; s++) {
                const char *id = c->sources[f->sources[s]].id;
                if (!fnet_strmap_get(&slots, id, strlen(id), &slot)) {
                    if (grow((void **)&cited, &cap, n + 1, sizeof *cited) ||
                        fnet_strmap_put(&slots, id, strlen(id), n) != 0)
                        goto done;
                    cited[n] = (struct cited){.id = id};
                    slot = n++;
                }
                if (cited[slot].stamp != k + 1) {
                    cited[slot].stamp = k + 1;
                    cited[slot].count++;
                }
            }
        }
    }
    a->sources = malloc((n + 1) * sizeof *a->sources);
    if (!a->sources)
        goto done;
    for (size_t i = 0; i < n; i++)
        if (cited[i].count == a->n_coders)
            a->sources[a->n_sources++] = cited[i].id;
    rc = 0;
    if (a->n_sources == 0) {
        fnet_buf why = {0};
        for (uint32_t k = 0; k < a->n_coders; k++) {
            size_t listed = 0;
            fnet_buf_printf(&why, "%s%s cites ", k ? "; " : "",
                            a->coders[k].name);
            /* the sources this coder cites, in their order */
            const fnet_corpus *c = a->coders[k].c;
            for (uint32_t s = 0; s < c->n_sources && listed < 5; s++) {
                bool cites = false;
                for (uint64_t i = 0; !cites && i < c->n_facts; i++) {
                    const fnet_fact *f = &c->facts[i];
                    if (!counted(&a->coders[k], f))
                        continue;
                    for (uint32_t j = 0; j < f->n_sources; j++)
                        cites |= f->sources[j] == s;
                }
                if (cites)
                    fnet_buf_printf(&why, "%s'%s'", listed++ ? ", " : "",
                                    c->sources[s].id);
            }
            if (!listed)
                fnet_buf_puts(&why, "no source");
        }
        rc = fnet_buf_ok(&why)
                 ? fnet_err_set(err, FNET_EDATA,
                                "the coders share no source, so no fact can "
                                "be matched: %s",
                                fnet_buf_str(&why))
                 : fnet_err_set(err, FNET_ENOMEM, "out of memory");
        fnet_buf_free(&why);
    }
done:
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, FNET_ENOMEM, "out of memory");
    free(cited);
    fnet_strmap_free(&slots);
    return rc;
}

static int cmp_entry(const void *x, const void *y)
{
    const entry *p = x, *q = y;
    if (p->source != q->source)
        return p->source < q->source ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    if (p->coder != q->coder)
        return p->coder < q->coder ? -1 : 1;
    return (p->fact > q->fact) - (p->fact < q->fact);
}

static char *fold_quote(work *w, const char *s, fnet_buf *tmp)
{
    fnet_buf_reset(tmp);
    fnet_text_fold(tmp, s, true);
    if (!fnet_buf_ok(tmp))
        return NULL;
    return fnet_arena_strdup(&w->a->arena, fnet_buf_str(tmp));
}

/* The entries: one per counted fact and shared source it cites. */
static int collect(work *w)
{
    fnet_agree *a = w->a;
    fnet_strmap shared = {0};
    fnet_buf tmp = {0};
    size_t cap = 0, slot;
    int rc = FNET_ENOMEM;

    for (uint32_t s = 0; s < a->n_sources; s++)
        if (fnet_strmap_put(&shared, a->sources[s], strlen(a->sources[s]), s) !=
            0)
            goto done;
    for (uint32_t k = 0; k < a->n_coders; k++) {
        const fnet_corpus *c = a->coders[k].c;
        for (uint64_t i = 0; i < c->n_facts; i++) {
            const fnet_fact *f = &c->facts[i];
            bool in = false;
            if (!counted(&a->coders[k], f))
                continue;
            for (uint32_t s = 0; s < f->n_sources; s++) {
                const char *id = c->sources[f->sources[s]].id;
                if (!fnet_strmap_get(&shared, id, strlen(id), &slot))
                    continue;
                if (grow((void **)&w->entries, &cap, w->n_entries + 1,
                         sizeof *w->entries))
                    goto done;
                uint32_t x = entity(w, k, f->subject),
                         y = entity(w, k, f->object);
                entry *e = &w->entries[w->n_entries++];
                *e = (entry){.source = (uint32_t)slot,
                             .a = x < y ? x : y,
                             .b = x < y ? y : x,
                             .coder = k,
                             .fact = i};
                if (a->match == FNET_AGREE_SPAN && f->evidence &&
                    !(e->quote = fold_quote(w, f->evidence, &tmp)))
                    goto done;
                a->n_facts[k]++;
                in = true;
            }
            a->n_outside[k] += !in;
        }
    }
    qsort(w->entries, w->n_entries, sizeof *w->entries, cmp_entry);
    rc = 0;
done:
    fnet_buf_free(&tmp);
    fnet_strmap_free(&shared);
    return rc;
}

/* ---- matching ---------------------------------------------------------- */

const fnet_fact *fnet_agree_unit_fact(const fnet_agree *a,
                                      const fnet_agree_unit *u, uint32_t k)
{
    return u->fact[k] < 0 ? NULL : &a->coders[k].c->facts[u->fact[k]];
}

/* Compares coder k's fact of unit u with coder l's of unit v (both
 * present; u and v in one group): an enum fnet_agree_issue,
 * FNET_AGREE_OK when equal. */
static int compare2(const fnet_agree *a, const fnet_agree_unit *u, uint32_t k,
                    const fnet_agree_unit *v, uint32_t l)
{
    const fnet_corpus *ck = a->coders[k].c, *cl = a->coders[l].c;
    const fnet_fact *fk = &ck->facts[u->fact[k]], *fl = &cl->facts[v->fact[l]];
    const fnet_relation *xk = &ck->relations[fk->relation],
                        *xl = &cl->relations[fl->relation];
    if (strcmp(xk->name, xl->name) != 0)
        return FNET_AGREE_RELATION;
    if (xk->directed && u->reversed[k] != v->reversed[l])
        return FNET_AGREE_DIRECTION;
    if (fnet_fact_sign(ck, fk) != fnet_fact_sign(cl, fl))
        return FNET_AGREE_SIGN;
    if (fk->stance != fl->stance)
        return FNET_AGREE_STANCE;
    return FNET_AGREE_OK;
}

static int compare(const fnet_agree *a, const fnet_agree_unit *u, uint32_t k,
                   uint32_t l)
{
    return compare2(a, u, k, u, l);
}

bool fnet_agree_unit_agrees(const fnet_agree *a, const fnet_agree_unit *u,
                            uint32_t k, uint32_t l)
{
    if (u->fact[k] < 0 || u->fact[l] < 0)
        return false;
    if (u->value)
        return strcmp(u->value[k], u->value[l]) == 0;
    return a->match == FNET_AGREE_PAIR || compare(a, u, k, l) == FNET_AGREE_OK;
}

uint32_t fnet_agree_unit_majority(const fnet_agree *a, const fnet_agree_unit *u,
                                  uint32_t *who)
{
    uint32_t best = 0;
    for (uint32_t k = 0; k < a->n_coders; k++) {
        uint32_t n = 0;
        if (u->fact[k] < 0)
            continue;
        for (uint32_t l = 0; l < a->n_coders; l++)
            n += l == k || fnet_agree_unit_agrees(a, u, k, l);
        if (n > best) {
            best = 0;
            for (uint32_t l = 0; l < a->n_coders; l++)
                if (l == k || fnet_agree_unit_agrees(a, u, k, l))
                    who[best++] = l;
        }
    }
    return best;
}

/* Two folded quotes of one text overlap: one holds the other, or one ends
 * with at least FNET_AGREE_MIN_OVERLAP bytes the other starts with. */
static bool quotes_overlap(const char *p, const char *q)
{
    size_t lp = strlen(p), lq = strlen(q);
    if (!lp || !lq)
        return true;
    if (strstr(p, q) || strstr(q, p))
        return true;
    size_t m = lp < lq ? lp : lq;
    for (size_t len = m; len >= FNET_AGREE_MIN_OVERLAP; len--)
        if (memcmp(p + lp - len, q, len) == 0 ||
            memcmp(q + lq - len, p, len) == 0)
            return true;
    return false;
}

/* A unit being filled, with the entries of its facts. */
static bool fits(const work *w, const fnet_agree_unit *u, const size_t *src,
                 const entry *e)
{
    if (u->fact[e->coder] >= 0)
        return false;
    if (w->a->match != FNET_AGREE_SPAN || !e->quote)
        return true;
    for (uint32_t k = 0; k < w->a->n_coders; k++) {
        const char *q = u->fact[k] >= 0 ? w->entries[src[k]].quote : NULL;
        if (q && !quotes_overlap(q, e->quote))
            return false;
    }
    return true;
}

static int new_unit(work *w, const entry *e)
{
    fnet_agree *a = w->a;
    size_t need = (size_t)a->n_units + 1;
    if (grow((void **)&a->units, &w->cap_units, need, sizeof *a->units) ||
        grow((void **)&w->srcs, &w->cap_srcs, need * a->n_coders,
             sizeof *w->srcs))
        return FNET_ENOMEM;
    fnet_agree_unit *u = &a->units[a->n_units];
    u->fact = fnet_arena_alloc(&w->a->arena, a->n_coders * sizeof *u->fact);
    u->reversed =
        fnet_arena_alloc(&w->a->arena, a->n_coders * sizeof *u->reversed);
    if (!u->fact || !u->reversed)
        return FNET_ENOMEM;
    u->source = e->source;
    u->value = u->quote = NULL;
    u->a = e->a;
    u->b = e->b;
    for (uint32_t k = 0; k < a->n_coders; k++) {
        u->fact[k] = -1;
        u->reversed[k] = false;
    }
    a->n_units++;
    return 0;
}

static void place(work *w, fnet_agree_unit *u, size_t *src, size_t e_index)
{
    const entry *e = &w->entries[e_index];
    const fnet_corpus *c = w->a->coders[e->coder].c;
    const fnet_fact *f = &c->facts[e->fact];
    u->fact[e->coder] = (int64_t)e->fact;
    src[e->coder] = e_index;
    u->reversed[e->coder] =
        e->a != e->b && entity(w, e->coder, f->subject) != e->a;
}

/* The first unit of [first, n_units) entry i fits in: with exact, only
 * a unit whose first fact equals i's; SIZE_MAX when none. */
static size_t find_unit(work *w, size_t first, size_t i, bool exact)
{
    size_t *srcs = w->srcs;
    fnet_agree *a = w->a;
    const entry *e = &w->entries[i];
    uint32_t n = a->n_coders;
    for (size_t u = first; u < a->n_units; u++) {
        fnet_agree_unit *x = &a->units[u];
        if (!fits(w, x, srcs + u * n, e))
            continue;
        if (exact) {
            uint32_t k0 = 0;
            while (x->fact[k0] < 0)
                k0++;
            place(w, x, srcs + u * n, i);
            bool same = compare(a, x, k0, e->coder) == FNET_AGREE_OK;
            x->fact[e->coder] = -1;
            if (!same)
                continue;
        }
        return u;
    }
    return SIZE_MAX;
}

/* Aligns the entries of each (source, pair) group into units (agree.h):
 * each coder's facts first join units they equal, then any free unit,
 * then new ones; so a coder's fact never takes the unit of an equal fact
 * it comes before in the file. */
static int align(work *w)
{
    fnet_agree *a = w->a;
    uint32_t n = a->n_coders;
    int rc = 0;

    for (size_t g = 0; g < w->n_entries;) {
        size_t end = g, first = (size_t)a->n_units;
        while (end < w->n_entries &&
               w->entries[end].source == w->entries[g].source &&
               w->entries[end].a == w->entries[g].a &&
               w->entries[end].b == w->entries[g].b)
            end++;
        for (size_t cs = g, ce; cs < end; cs = ce) {
            ce = cs;
            while (ce < end && w->entries[ce].coder == w->entries[cs].coder)
                ce++;
            for (int pass = 0; pass < 2; pass++)
                for (size_t i = cs; i < ce; i++) {
                    if (w->entries[i].placed)
                        continue;
                    size_t u = find_unit(w, first, i, pass == 0);
                    if (u == SIZE_MAX && pass == 0)
                        continue;
                    if (u == SIZE_MAX) {
                        if ((rc = new_unit(w, &w->entries[i])) != 0)
                            goto done;
                        u = (size_t)a->n_units - 1;
                    }
                    place(w, &a->units[u], w->srcs + u * n, i);
                    w->entries[i].placed = true;
                }
        }
        g = end;
    }
done:
    free(w->srcs);
    w->srcs = NULL;
    return rc;
}

/* ---- pair and entity units --------------------------------------------- */

static bool same_group(const fnet_agree_unit *u, const fnet_agree_unit *v)
{
    return u->source == v->source && u->a == v->a && u->b == v->b;
}

/* The entity of coder k's record matched to entity e in fact f (subject or
 * object). */
static const fnet_entity *record(const work *w, uint32_t k, const fnet_fact *f,
                                 uint32_t e)
{
    const fnet_corpus *c = w->a->coders[k].c;
    int32_t x = entity(w, k, f->subject) == e ? f->subject : f->object;
    return &c->entities[x];
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Coder k's value of the new unit v made of fact units old[from, to) (their
 * facts of coder k): the sorted set of relation names joined by "+" (by
 * pair), or the type of the record of entity e (by entity, only units
 * naming e). Sets v->fact[k] to the first fact; v->value[k] stays NULL
 * when coder k has none. */
static int unit_value(work *w, fnet_agree_unit *v, uint32_t k,
                      const fnet_agree_unit *old, uint64_t from, uint64_t to,
                      const char **names, fnet_buf *b, fnet_buf *q)
{
    fnet_agree *a = w->a;
    const fnet_corpus *c = a->coders[k].c;
    size_t n = 0;
    fnet_buf_reset(q);
    for (uint64_t i = from; i < to; i++) {
        const fnet_agree_unit *u = &old[i];
        const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
        if (!f ||
            (a->by == FNET_AGREE_BY_ENTITY && u->a != v->a && u->b != v->a))
            continue;
        if (v->fact[k] < 0) {
            v->fact[k] = u->fact[k];
            v->reversed[k] = u->reversed[k];
        }
        if (a->by == FNET_AGREE_BY_ENTITY) {
            const char *t = record(w, k, f, v->a)->type;
            v->value[k] = t ? t : "";
            return 0;
        }
        names[n++] = c->relations[f->relation].name;
        if (f->evidence && !strstr(fnet_buf_str(q), f->evidence))
            fnet_buf_printf(q, "%s%s", q->len ? " | " : "", f->evidence);
    }
    if (!n)
        return 0;
    qsort(names, n, sizeof *names, cmp_str);
    fnet_buf_reset(b);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
            fnet_buf_printf(b, "%s%s", i ? "+" : "", names[i]);
    if (!fnet_buf_ok(b) || !fnet_buf_ok(q) ||
        !(v->value[k] = fnet_arena_strdup(&a->arena, fnet_buf_str(b))))
        return FNET_ENOMEM;
    if (q->len &&
        !(v->quote[k] = fnet_arena_strdup(&a->arena, fnet_buf_str(q))))
        return FNET_ENOMEM;
    return 0;
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    return (p > q) - (p < q);
}

/* With --by pair or entity: replaces the fact units by one unit per
 * (source, entity pair) or (source, entity), in source then entity
 * order. */
static int regroup(work *w)
{
    fnet_agree *a = w->a;
    fnet_agree_unit *old = a->units;
    uint64_t n_old = a->n_units;
    uint32_t n = a->n_coders, *ents = NULL;
    const char **names = NULL;
    fnet_buf b = {0}, q = {0};
    int rc = FNET_ENOMEM;

    if (a->by == FNET_AGREE_BY_FACT)
        return 0;
    a->units = NULL;
    a->n_units = 0;
    w->cap_units = w->cap_srcs = 0;
    names = malloc((n_old + 1) * sizeof *names);
    ents = malloc((2 * n_old + 1) * sizeof *ents);
    if (!names || !ents)
        goto done;
    for (uint64_t from = 0, to; from < n_old; from = to) {
        size_t n_ents = 0, n_new = 0;
        for (to = from; to < n_old && old[to].source == old[from].source; to++)
            if (a->by == FNET_AGREE_BY_ENTITY) {
                ents[n_ents++] = old[to].a;
                ents[n_ents++] = old[to].b;
            }
        qsort(ents, n_ents, sizeof *ents, cmp_u32);
        /* the new units' bounds: runs of one pair, or distinct entities */
        for (uint64_t g = from, end; a->by == FNET_AGREE_BY_PAIR && g < to;
             g = end) {
            for (end = g + 1; end < to && same_group(&old[end], &old[g]);)
                end++;
            ents[n_new++] = (uint32_t)(g - from);
        }
        for (size_t i = 0; a->by == FNET_AGREE_BY_ENTITY && i < n_ents; i++)
            if (i == 0 || ents[i] != ents[i - 1])
                ents[n_new++] = ents[i];
        for (size_t i = 0; i < n_new; i++) {
            bool pair = a->by == FNET_AGREE_BY_PAIR;
            uint64_t g = pair ? from + ents[i] : from;
            uint64_t end = !pair ? to : i + 1 < n_new ? from + ents[i + 1] : to;
            entry e = {.source = old[from].source,
                       .a = pair ? old[g].a : ents[i],
                       .b = pair ? old[g].b : ents[i]};
            if (new_unit(w, &e))
                goto done;
            fnet_agree_unit *v = &a->units[a->n_units - 1];
            v->value = fnet_arena_alloc(&a->arena, n * sizeof *v->value);
            if (pair)
                v->quote = fnet_arena_alloc(&a->arena, n * sizeof *v->quote);
            if (!v->value || (pair && !v->quote))
                goto done;
            for (uint32_t k = 0; k < n; k++)
                v->value[k] = NULL;
            for (uint32_t k = 0; pair && k < n; k++)
                v->quote[k] = NULL;
            for (uint32_t k = 0; k < n; k++)
                if (unit_value(w, v, k, old, g, end, names, &b, &q))
                    goto done;
        }
    }
    rc = 0;
done:
    free(old);
    free(w->srcs);
    w->srcs = NULL;
    free(names);
    free(ents);
    fnet_buf_free(&b);
    fnet_buf_free(&q);
    return rc;
}

/* ---- figures ----------------------------------------------------------- */

/* With span: another unit of unit i's group holding, from a coder i
 * lacks, a fact equal to one of i's: the same fact quoted apart. -1 when
 * none. */
static int64_t apart(const fnet_agree *a, uint64_t i)
{
    const fnet_agree_unit *u = &a->units[i];
    uint64_t from = i;
    while (from > 0 && same_group(&a->units[from - 1], u))
        from--;
    for (uint64_t j = from; j < a->n_units && same_group(&a->units[j], u);
         j++) {
        const fnet_agree_unit *v = &a->units[j];
        if (j == i)
            continue;
        for (uint32_t k = 0; k < a->n_coders; k++)
            for (uint32_t l = 0; l < a->n_coders; l++)
                if (u->fact[k] >= 0 && u->fact[l] < 0 && v->fact[l] >= 0 &&
                    compare2(a, u, k, v, l) == FNET_AGREE_OK)
                    return (int64_t)j;
    }
    return -1;
}

static int classify(fnet_agree *a)
{
    a->issue = calloc((size_t)a->n_units + 1, sizeof *a->issue);
    a->apart = calloc((size_t)a->n_units + 1, sizeof *a->apart);
    if (!a->issue || !a->apart)
        return FNET_ENOMEM;
    for (uint64_t i = 0; i < a->n_units; i++) {
        const fnet_agree_unit *u = &a->units[i];
        int issue = FNET_AGREE_OK;
        uint32_t k0 = UINT32_MAX;
        bool missing = false;
        for (uint32_t k = 0; k < a->n_coders; k++) {
            if (u->fact[k] < 0) {
                missing = true;
            } else if (k0 == UINT32_MAX) {
                k0 = k;
            } else {
                int d = !u->value ? compare(a, u, k0, k)
                        : strcmp(u->value[k0], u->value[k]) == 0 ? FNET_AGREE_OK
                        : a->by == FNET_AGREE_BY_ENTITY ? FNET_AGREE_TYPE
                                                        : FNET_AGREE_RELATION;
                if (d && (issue == FNET_AGREE_OK || d < issue))
                    issue = d;
            }
        }
        a->issue[i] = missing ? FNET_AGREE_MISSING : issue;
        a->apart[i] = missing && a->match == FNET_AGREE_SPAN ? apart(a, i) : -1;
    }
    return 0;
}

/* The nominal code of the relation of coder k's fact in u (its name: a
 * direction means nothing across units), or NaN. */
static int relation_code(work *w, const fnet_agree_unit *u, uint32_t k,
                         double *out)
{
    size_t code;
    *out = NAN;
    if (u->fact[k] < 0)
        return 0;
    const fnet_corpus *c = w->a->coders[k].c;
    const char *name = u->value
                           ? u->value[k]
                           : c->relations[c->facts[u->fact[k]].relation].name;
    if (!fnet_strmap_get(&w->rel_codes, name, strlen(name), &code)) {
        code = w->n_rel_codes++;
        if (fnet_strmap_put(&w->rel_codes, name, strlen(name), code) != 0)
            return FNET_ENOMEM;
    }
    *out = (double)code;
    return 0;
}

/* values[u * n + k] for the variable v (0 relation, 1 sign, 2 stance) over
 * units [from, to). */
static int fill(work *w, int v, uint64_t from, uint64_t to, double *values)
{
    fnet_agree *a = w->a;
    uint32_t n = a->n_coders;
    for (uint64_t i = from; i < to; i++) {
        const fnet_agree_unit *u = &a->units[i];
        double *row = values + (i - from) * n;
        for (uint32_t k = 0; k < n; k++) {
            const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
            row[k] = NAN;
            if (!f)
                continue;
            if (v == 0) {
                if (relation_code(w, u, k, &row[k]) != 0)
                    return FNET_ENOMEM;
            } else if (v == 1) {
                row[k] = fnet_fact_sign(a->coders[k].c, f);
            } else if (f->stance != FNET_NO_STANCE) {
                row[k] = f->stance;
            }
        }
    }
    return 0;
}

static double ratio(uint64_t num, uint64_t den)
{
    return den ? (double)num / (double)den : NAN;
}

/* The figures of coders i and j over units [from, to) (values: their
 * relation codes, n_coders per unit). */
static int pair_figures(const fnet_agree *a, uint32_t i, uint32_t j,
                        uint64_t from, uint64_t to, const double *rel,
                        fnet_agree_pair *p)
{
    uint64_t n = to - from, both = 0;
    double *x = malloc((2 * n + 1) * sizeof *x), *y = x + n;
    double *two = malloc((2 * n + 1) * sizeof *two);
    int rc = FNET_ENOMEM;
    if (!x || !two)
        goto done;
    *p = (fnet_agree_pair){.i = i, .j = j};
    for (uint64_t u = from; u < to; u++) {
        const fnet_agree_unit *x_u = &a->units[u];
        bool pi = x_u->fact[i] >= 0, pj = x_u->fact[j] >= 0;
        const double *row = rel + (u - from) * a->n_coders;
        p->n_i += pi;
        p->n_j += pj;
        p->matched += fnet_agree_unit_agrees(a, x_u, i, j);
        two[2 * (u - from)] = row[i];
        two[2 * (u - from) + 1] = row[j];
        if (pi && pj) {
            x[both] = row[i];
            y[both] = row[j];
            both++;
        }
    }
    p->both = both;
    p->precision = ratio(p->matched, p->n_i);
    p->recall = ratio(p->matched, p->n_j);
    p->f1 = ratio(2 * p->matched, p->n_i + p->n_j);
    /* kappa's y must not overlap x's unused tail: copy down */
    memmove(x + both, y, both * sizeof *x);
    rc = fnet_agree_kappa(x, x + both, both, &p->kappa);
    if (!rc)
        rc = fnet_agree_alpha(two, n, 2, FNET_AGREE_NOMINAL, &p->alpha_relation,
                              NULL, NULL);
done:
    free(x);
    free(two);
    return rc;
}

static void pool(fnet_agree_pair *sum, const fnet_agree_pair *p)
{
    sum->n_i += p->n_i;
    sum->n_j += p->n_j;
    sum->both += p->both;
    sum->matched += p->matched;
}

static void pooled_ratios(fnet_agree_pair *s)
{
    s->precision = ratio(s->matched, s->n_i);
    s->recall = ratio(s->matched, s->n_j);
    s->f1 = ratio(2 * s->matched, s->n_i + s->n_j);
}

static int cmp_group(const void *x, const void *y)
{
    return strcmp(((const fnet_agree_group *)x)->name,
                  ((const fnet_agree_group *)y)->name);
}

/* Per relation: units where some coder coded it, pooled pair F1 on
 * having coded it in the same unit. */
static int by_relation(work *w)
{
    fnet_agree *a = w->a;
    fnet_strmap idx = {0};
    size_t cap = 0, g;
    const char **names = malloc(a->n_coders * sizeof *names);
    int rc = FNET_ENOMEM;
    if (!names)
        goto done;
    for (uint64_t i = 0; a->by == FNET_AGREE_BY_FACT && i < a->n_units; i++) {
        const fnet_agree_unit *u = &a->units[i];
        for (uint32_t k = 0; k < a->n_coders; k++) {
            const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
            names[k] = f ? a->coders[k].c->relations[f->relation].name : NULL;
        }
        for (uint32_t k = 0; k < a->n_coders; k++) {
            bool first = true, all = true;
            if (!names[k])
                continue;
            for (uint32_t l = 0; l < k; l++)
                first &= !names[l] || strcmp(names[l], names[k]) != 0;
            if (!first)
                continue;
            if (!fnet_strmap_get(&idx, names[k], strlen(names[k]), &g)) {
                if (grow((void **)&a->relations, &cap, a->n_relations + 1,
                         sizeof *a->relations))
                    goto done;
                g = a->n_relations++;
                a->relations[g] =
                    (fnet_agree_group){.name = names[k], .alpha = NAN};
                if (fnet_strmap_put(&idx, names[k], strlen(names[k]), g))
                    goto done;
            }
            fnet_agree_group *x = &a->relations[g];
            x->units++;
            for (uint32_t l = 0; l < a->n_coders; l++)
                all &= names[l] && strcmp(names[l], x->name) == 0;
            x->by_all += all;
            for (uint32_t p = 0; p < a->n_coders; p++)
                for (uint32_t q = p + 1; q < a->n_coders; q++) {
                    bool hp = names[p] && strcmp(names[p], x->name) == 0,
                         hq = names[q] && strcmp(names[q], x->name) == 0;
                    x->coded += hp + hq;
                    x->matched += hp && hq;
                }
        }
    }
    for (size_t i = 0; i < a->n_relations; i++)
        a->relations[i].f1 =
            ratio(2 * a->relations[i].matched, a->relations[i].coded);
    if (a->n_relations)
        qsort(a->relations, a->n_relations, sizeof *a->relations, cmp_group);
    rc = 0;
done:
    free(names);
    fnet_strmap_free(&idx);
    return rc;
}

/* Pairs, pooled figures, alpha per variable and per source. */
static int figures(work *w)
{
    fnet_agree *a = w->a;
    uint32_t n = a->n_coders;
    double *values = malloc(((size_t)a->n_units * n + 1) * sizeof *values);
    int rc = FNET_ENOMEM;
    bool any_stance = false;

    a->n_pairs = (size_t)n * (n - 1) / 2;
    a->pairs = calloc(a->n_pairs + 1, sizeof *a->pairs);
    a->by_source = calloc((size_t)a->n_sources + 1, sizeof *a->by_source);
    if (!values || !a->pairs || !a->by_source)
        goto done;
    static const char *const vars[] = {"relation", "sign", "stance"};
    for (int v = a->by == FNET_AGREE_BY_FACT ? 2 : 0; v >= 0; v--) {
        if ((rc = fill(w, v, 0, a->n_units, values)) != 0)
            goto done;
        if (v == 2) {
            for (size_t i = 0; i < (size_t)a->n_units * n; i++)
                any_stance |= !isnan(values[i]);
            if (!any_stance)
                continue;
        }
        fnet_agree_alpha_row *r = &a->alpha[v];
        r->variable = a->by == FNET_AGREE_BY_PAIR     ? "relations"
                      : a->by == FNET_AGREE_BY_ENTITY ? "type"
                                                      : vars[v];
        r->level = v == 2 ? FNET_AGREE_INTERVAL : FNET_AGREE_NOMINAL;
        if ((rc = fnet_agree_alpha(values, a->n_units, n, r->level, &r->alpha,
                                   &r->units, &r->values)) != 0)
            goto done;
    }
    a->n_alpha = a->by != FNET_AGREE_BY_FACT ? 1 : any_stance ? 3 : 2;
    /* values now hold the relation codes (v = 0 last). */
    size_t pi = 0;
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = i + 1; j < n; j++) {
            fnet_agree_pair *p = &a->pairs[pi++];
            if ((rc = pair_figures(a, i, j, 0, a->n_units, values, p)) != 0)
                goto done;
            pool(&a->pooled, p);
        }
    pooled_ratios(&a->pooled);
    a->pooled.kappa = a->n_pairs == 1 ? a->pairs[0].kappa : NAN;
    a->pooled.alpha_relation = a->alpha[0].alpha;
    for (uint64_t s = 0, from = 0; s < a->n_sources; s++) {
        fnet_agree_group *g = &a->by_source[s];
        uint64_t to = from;
        while (to < a->n_units && a->units[to].source == s)
            to++;
        g->name = a->sources[s];
        g->units = to - from;
        for (uint64_t u = from; u < to; u++) {
            bool all = true;
            for (uint32_t k = 0; k < n; k++)
                all &= a->units[u].fact[k] >= 0;
            g->by_all += all;
        }
        for (uint32_t i = 0; i < n; i++)
            for (uint32_t j = i + 1; j < n; j++) {
                fnet_agree_pair p;
                if ((rc = pair_figures(a, i, j, from, to, values + from * n,
                                       &p)) != 0)
                    goto done;
                g->coded += p.n_i + p.n_j;
                g->matched += p.matched;
            }
        g->f1 = ratio(2 * g->matched, g->coded);
        if ((rc = fnet_agree_alpha(values + from * n, to - from, n,
                                   FNET_AGREE_NOMINAL, &g->alpha, NULL,
                                   NULL)) != 0)
            goto done;
        from = to;
    }
    rc = 0;
done:
    free(values);
    return rc;
}

/* The entities each pair of coders names, source by source (stamp[k][e]:
 * 1 + the last source in which coder k named entity e). */
static int named(fnet_agree *a)
{
    uint32_t n = a->n_coders;
    uint32_t *stamp = calloc((size_t)n * a->n_entities + 1, sizeof *stamp);
    uint32_t *seen = malloc(((size_t)a->n_entities + 1) * sizeof *seen);
    uint32_t *list = malloc(((size_t)a->n_entities + 1) * sizeof *list);
    int rc = FNET_ENOMEM;
    a->named = calloc(a->n_pairs + 1, sizeof *a->named);
    if (!stamp || !seen || !list || !a->named)
        goto done;
    for (uint32_t e = 0; e < a->n_entities; e++)
        seen[e] = 0;
    for (size_t p = 0; p < a->n_pairs; p++)
        a->named[p] =
            (fnet_agree_named){.i = a->pairs[p].i, .j = a->pairs[p].j};
    for (uint64_t from = 0, to; from < a->n_units; from = to) {
        uint32_t s = a->units[from].source, n_list = 0;
        for (to = from; to < a->n_units && a->units[to].source == s; to++) {
            const fnet_agree_unit *u = &a->units[to];
            const uint32_t ends[2] = {u->a, u->b};
            for (int x = 0; x < 2; x++) {
                if (seen[ends[x]] != s + 1) {
                    seen[ends[x]] = s + 1;
                    list[n_list++] = ends[x];
                }
                for (uint32_t k = 0; k < n; k++)
                    if (u->fact[k] >= 0)
                        stamp[(size_t)k * a->n_entities + ends[x]] = s + 1;
            }
        }
        for (size_t p = 0; p < a->n_pairs; p++) {
            fnet_agree_named *x = &a->named[p];
            for (uint32_t l = 0; l < n_list; l++) {
                bool hi =
                         stamp[(size_t)x->i * a->n_entities + list[l]] == s + 1,
                     hj =
                         stamp[(size_t)x->j * a->n_entities + list[l]] == s + 1;
                x->n_i += hi;
                x->n_j += hj;
                x->matched += hi && hj;
            }
        }
    }
    for (size_t p = 0; p < a->n_pairs; p++)
        a->named[p].f1 =
            ratio(2 * a->named[p].matched, a->named[p].n_i + a->named[p].n_j);
    rc = 0;
done:
    free(stamp);
    free(seen);
    free(list);
    return rc;
}

void fnet_agree_free(fnet_agree *a)
{
    if (!a)
        return;
    fnet_arena_free(&a->arena);
    free(a->sources);
    free(a->n_facts);
    free(a->n_outside);
    free(a->entities);
    free(a->units);
    free(a->issue);
    free(a->apart);
    free(a->pairs);
    free(a->relations);
    free(a->by_source);
    free(a->named);
    memset(a, 0, sizeof *a);
}

int fnet_agree_compute(fnet_agree *out, const fnet_agree_coder *coders,
                       uint32_t n, int match, fnet_err *err)
{
    return fnet_agree_compute_by(out, coders, n, match, FNET_AGREE_BY_FACT,
                                 err);
}

int fnet_agree_compute_by(fnet_agree *out, const fnet_agree_coder *coders,
                          uint32_t n, int match, int by, fnet_err *err)
{
    work w = {.a = out};
    int rc;

    memset(out, 0, sizeof *out);
    out->coders = coders;
    out->n_coders = n;
    out->match = by == FNET_AGREE_BY_FACT ? match : FNET_AGREE_EXACT;
    out->by = by;
    out->n_facts = calloc(n, sizeof *out->n_facts);
    out->n_outside = calloc(n, sizeof *out->n_outside);
    if (!out->n_facts || !out->n_outside) {
        rc = FNET_ENOMEM;
        goto done;
    }
    if ((rc = match_entities(&w)) != 0 || (rc = share_sources(&w, err)) != 0 ||
        (rc = collect(&w)) != 0 || (rc = align(&w)) != 0 ||
        (rc = regroup(&w)) != 0 || (rc = classify(out)) != 0 ||
        (rc = figures(&w)) != 0 || (rc = by_relation(&w)) != 0 ||
        (rc = named(out)) != 0)
        goto done;
done:
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, FNET_ENOMEM, "out of memory");
    free(w.ent_base);
    free(w.parent);
    free(w.ent_of);
    free(w.entries);
    fnet_strmap_free(&w.rel_codes);
    if (rc)
        fnet_agree_free(out);
    return rc;
}

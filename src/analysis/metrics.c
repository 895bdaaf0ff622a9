/* metrics.c - node and graph metrics with igraph (definitions:
 * docs/METRICS.md; the igraph calls and transformations that reproduce the
 * NetworkX reference values: tests/reference/README.md).
 *
 * Weights: tie-strength metrics take the edge weights (NULL when
 * unweighted); path metrics take NULL, or 1/weight as lengths when
 * weighted_paths. Directed mode: degree and coreness are computed on the
 * collapsed undirected graph (igraph counts a reciprocal pair twice);
 * eigenvector, clustering and constraint ignore direction. */
#include "analysis/metrics.h"

#include "analysis/paths.h"
#include "analysis/split.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[FNET_M_COUNT] = {
    "degree",      "in_degree",    "out_degree",  "strength",  "pos_degree",
    "neg_degree",  "net_strength", "betweenness", "closeness", "harmonic",
    "eigenvector", "pagerank",     "hub",         "authority", "coreness",
    "clustering",  "constraint",   "community",
};

int fnet_metric_from_name(const char *name)
{
    for (int i = 0; i < FNET_M_COUNT; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

const char *fnet_metric_name(int metric)
{
    return metric >= 0 && metric < FNET_M_COUNT ? names[metric] : NULL;
}

bool fnet_metric_is_integer(int metric)
{
    return metric == FNET_M_DEGREE || metric == FNET_M_IN_DEGREE ||
           metric == FNET_M_OUT_DEGREE || metric == FNET_M_POS_DEGREE ||
           metric == FNET_M_NEG_DEGREE || metric == FNET_M_CORENESS ||
           metric == FNET_M_COMMUNITY;
}

void fnet_metrics_opts_init(fnet_metrics_opts *o)
{
    memset(o, 0, sizeof *o);
    o->want = FNET_METRICS_ALL & ~FNET_METRIC_BIT(FNET_M_COMMUNITY);
    o->seed = 1;
    o->split_min_work = FNET_SPLIT_MIN_WORK;
}

void fnet_metrics_free(fnet_metrics *m)
{
    if (!m)
        return;
    for (int i = 0; i < FNET_M_COUNT; i++) {
        free(m->value[i]);
        m->value[i] = NULL;
    }
}

/* ---- shared state ------------------------------------------------------ */

typedef struct ctx {
    const fnet_graph *g;
    const fnet_metrics_opts *o;
    fnet_metrics *m;
    fnet_err *err;
    const igraph_t *ig;
    igraph_integer_t n, ne;
    bool directed;
    const igraph_vector_t *w; /* tie strengths, or NULL */
    igraph_vector_t len;      /* 1/weight, when weighted_paths */
    bool has_len;
    igraph_t und; /* collapsed undirected graph (directed mode) */
    igraph_vector_t und_w;
    bool has_und;
} ctx;

static bool wants(const ctx *c, int metric)
{
    return (c->o->want & FNET_METRIC_BIT(metric)) != 0;
}

static const igraph_vector_t *lengths(const ctx *c)
{
    return c->has_len ? &c->len : NULL;
}

/* Allocates column k (n values). */
static int column(ctx *c, int k)
{
    c->m->value[k] = calloc(c->n ? (size_t)c->n : 1, sizeof(double));
    if (!c->m->value[k])
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    return 0;
}

static int store(ctx *c, int k, const igraph_vector_t *v)
{
    int rc = column(c, k);
    for (igraph_integer_t i = 0; !rc && i < c->n; i++)
        c->m->value[k][i] = VECTOR(*v)[i];
    return rc;
}

static int store_int(ctx *c, int k, const igraph_vector_int_t *v)
{
    int rc = column(c, k);
    for (igraph_integer_t i = 0; !rc && i < c->n; i++)
        c->m->value[k][i] = (double)VECTOR(*v)[i];
    return rc;
}

#define IG(call, what)                                                         \
    do {                                                                       \
        igraph_error_t irc_ = (call);                                          \
        if (irc_ != IGRAPH_SUCCESS) {                                          \
            rc = fnet_err_igraph(c->err, irc_, what);                          \
            goto done;                                                         \
        }                                                                      \
    } while (0)

/* The undirected graph for degree and coreness. */
static const igraph_t *undirected(const ctx *c)
{
    return c->has_und ? &c->und : c->ig;
}

/* ---- degree family ----------------------------------------------------- */

static int degrees(ctx *c)
{
    igraph_vector_int_t d;
    int rc = 0;
    if (igraph_vector_int_init(&d, 0))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    if (wants(c, FNET_M_DEGREE)) {
        IG(igraph_degree(undirected(c), &d, igraph_vss_all(), IGRAPH_ALL,
                         false),
           "degree");
        if ((rc = store_int(c, FNET_M_DEGREE, &d)))
            goto done;
    }
    static const int which[2] = {FNET_M_IN_DEGREE, FNET_M_OUT_DEGREE};
    for (int k = 0; k < 2; k++) {
        if (!wants(c, which[k]))
            continue;
        igraph_neimode_t mode = !c->directed ? IGRAPH_ALL
                                : k == 0     ? IGRAPH_IN
                                             : IGRAPH_OUT;
        IG(igraph_degree(c->ig, &d, igraph_vss_all(), mode, false), "degree");
        if ((rc = store_int(c, which[k], &d)))
            goto done;
    }
    if (wants(c, FNET_M_CORENESS)) {
        IG(igraph_coreness(undirected(c), &d, IGRAPH_ALL), "coreness");
        rc = store_int(c, FNET_M_CORENESS, &d);
    }
done:
    igraph_vector_int_destroy(&d);
    return rc;
}

/* ---- path metrics (O(VE) exact; sampled on large graphs) --------------- */

/* splitmix64: a small, fixed PRNG so that sampling does not depend on
 * igraph's RNG state and is identical on every platform. */
static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int cmp_int(const void *x, const void *y)
{
    igraph_integer_t a = *(const igraph_integer_t *)x,
                     b = *(const igraph_integer_t *)y;
    return a < b ? -1 : a > b;
}

/* K distinct sources drawn uniformly (partial Fisher-Yates), sorted. */
static int pick_sources(ctx *c, igraph_vector_int_t *src, long k)
{
    if (igraph_vector_int_init(src, c->n))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    for (igraph_integer_t i = 0; i < c->n; i++)
        VECTOR(*src)[i] = i;
    uint64_t s = (uint64_t)c->o->seed;
    for (long i = 0; i < k; i++) {
        igraph_integer_t j =
            i + (igraph_integer_t)(splitmix(&s) % (uint64_t)(c->n - i));
        igraph_integer_t t = VECTOR(*src)[i];
        VECTOR(*src)[i] = VECTOR(*src)[j];
        VECTOR(*src)[j] = t;
    }
    igraph_vector_int_resize(src, k); /* shrinking cannot fail */
    qsort(VECTOR(*src), (size_t)k, sizeof(igraph_integer_t), cmp_int);
    return 0;
}

/* ---- exact path metrics over two processes (analysis/split.h) ---------- */

static bool split_worth(const ctx *c)
{
    return (double)c->n * (double)c->ne >= c->o->split_min_work;
}

/* Betweenness from the sources [lo, hi). */
static int bt_part(void *p, igraph_integer_t lo, igraph_integer_t hi,
                   igraph_vector_t *res, igraph_vector_int_t *ires,
                   fnet_err *err)
{
    const ctx *c = p;
    igraph_vs_t src;
    (void)ires;
    igraph_error_t irc = igraph_vs_range(&src, lo, hi);
    if (irc)
        return fnet_err_igraph(err, irc, "betweenness");
    irc = igraph_betweenness_subset(c->ig, res, igraph_vss_all(), c->directed,
                                    src, igraph_vss_all(), lengths(c));
    igraph_vs_destroy(&src);
    return irc ? fnet_err_igraph(err, irc, "betweenness") : 0;
}

/* Closeness (with reachable counts) or harmonic centrality of [lo, hi). */
static int cl_part(const ctx *c, bool harmonic, igraph_integer_t lo,
                   igraph_integer_t hi, igraph_vector_t *res,
                   igraph_vector_int_t *ires, fnet_err *err)
{
    igraph_neimode_t mode = c->directed ? IGRAPH_OUT : IGRAPH_ALL;
    igraph_vs_t vs;
    igraph_error_t irc = igraph_vs_range(&vs, lo, hi);
    if (irc)
        return fnet_err_igraph(err, irc, harmonic ? "harmonic" : "closeness");
    if (harmonic)
        irc =
            igraph_harmonic_centrality(c->ig, res, vs, mode, lengths(c), true);
    else
        irc = igraph_closeness(c->ig, res, ires, NULL, vs, mode, lengths(c),
                               true);
    igraph_vs_destroy(&vs);
    return irc ? fnet_err_igraph(err, irc, harmonic ? "harmonic" : "closeness")
               : 0;
}

static int closeness_part(void *p, igraph_integer_t lo, igraph_integer_t hi,
                          igraph_vector_t *res, igraph_vector_int_t *ires,
                          fnet_err *err)
{
    return cl_part(p, false, lo, hi, res, ires, err);
}

static int harmonic_part(void *p, igraph_integer_t lo, igraph_integer_t hi,
                         igraph_vector_t *res, igraph_vector_int_t *ires,
                         fnet_err *err)
{
    return cl_part(p, true, lo, hi, res, ires, err);
}

/* Runs part over both halves of the nodes and joins the halves into res
 * (and ires): summed when sum (betweenness: the halves are source sets),
 * else concatenated (per-node values). */
static int split(ctx *c, fnet_split_fn part, bool sum, igraph_vector_t *res,
                 igraph_vector_int_t *ires)
{
    igraph_vector_t hi;
    igraph_vector_int_t ihi;
    int rc = 0;
    if (igraph_vector_init(&hi, 0))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&ihi, 0)) {
        igraph_vector_destroy(&hi);
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    }
    rc = fnet_split_run(part, c, c->n, !c->o->in_process, res, ires, &hi, &ihi,
                        c->err);
    if (!rc && sum) {
        for (igraph_integer_t i = 0; i < igraph_vector_size(res); i++)
            VECTOR(*res)[i] += VECTOR(hi)[i];
    } else if (!rc && (igraph_vector_append(res, &hi) ||
                       igraph_vector_int_append(ires, &ihi))) {
        rc = fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    }
    igraph_vector_int_destroy(&ihi);
    igraph_vector_destroy(&hi);
    return rc;
}

/* Betweenness divided like NetworkX: by (n-1)(n-2)/2 undirected, by
 * (n-1)(n-2) directed; left raw (all zero) for n <= 2. */
static void normalise_betweenness(ctx *c, double scale)
{
    double *b = c->m->value[FNET_M_BETWEENNESS];
    double n = (double)c->n;
    double d = n > 2 ? (n - 1) * (n - 2) / (c->directed ? 1.0 : 2.0) : 1.0;
    for (igraph_integer_t i = 0; i < c->n; i++)
        b[i] = b[i] * scale / d;
}

static int betweenness(ctx *c, const igraph_vector_int_t *src)
{
    igraph_vector_t v;
    igraph_vs_t sources;
    int rc = 0;
    double scale = 1;
    if (igraph_vector_init(&v, 0))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    if (!src && split_worth(c)) {
        /* Brandes' sum over the sources, as two sums over the halves. */
        igraph_vector_int_t unused;
        if (igraph_vector_int_init(&unused, 0)) {
            rc = fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
            goto done;
        }
        rc = split(c, bt_part, true, &v, &unused);
        igraph_vector_int_destroy(&unused);
        if (rc)
            goto done;
    } else if (!src) {
        IG(igraph_betweenness(c->ig, &v, igraph_vss_all(), c->directed,
                              lengths(c)),
           "betweenness");
    } else {
        /* Sum of the sampled sources' dependencies, scaled by n/K: an
         * unbiased estimate of the exact value (Brandes & Pich 2007). */
        IG(igraph_vs_vector(&sources, src), "betweenness");
        igraph_error_t irc =
            igraph_betweenness_subset(c->ig, &v, igraph_vss_all(), c->directed,
                                      sources, igraph_vss_all(), lengths(c));
        igraph_vs_destroy(&sources);
        IG(irc, "betweenness");
        scale = (double)c->n / (double)igraph_vector_int_size(src);
    }
    if ((rc = store(c, FNET_M_BETWEENNESS, &v)))
        goto done;
    normalise_betweenness(c, scale);
done:
    igraph_vector_destroy(&v);
    return rc;
}

/* Closeness from igraph's normalised values x (reachable / sum of
 * distances, NaN when nothing is reachable) and reachable counts: igraph
 * averages over the reachable nodes only, so scale by reachable/(n-1);
 * nothing reachable gives 0. */
static int put_closeness(ctx *c, const double *x, const igraph_integer_t *reach)
{
    int rc = column(c, FNET_M_CLOSENESS);
    for (igraph_integer_t i = 0; !rc && i < c->n; i++) {
        double r = (double)reach[i];
        c->m->value[FNET_M_CLOSENESS][i] =
            isnan(x[i]) || c->n < 2 ? 0 : x[i] * r / (double)(c->n - 1);
    }
    return rc;
}

/* Harmonic centrality from igraph's normalised values; 0 when n < 2. */
static int put_harmonic(ctx *c, const double *h)
{
    int rc = column(c, FNET_M_HARMONIC);
    for (igraph_integer_t i = 0; !rc && i < c->n; i++)
        c->m->value[FNET_M_HARMONIC][i] = c->n < 2 ? 0 : h[i];
    return rc;
}

/* Exact unweighted betweenness, closeness and harmonic in one search per
 * source (analysis/paths.h), the sources split over two processes from
 * split_min_work like the igraph calls they replace: betweenness is the
 * sum of the two halves' dependencies, closeness and harmonic the
 * concatenation of the halves' per-node values. */
static int paths_fused(ctx *c)
{
    bool bt = wants(c, FNET_M_BETWEENNESS);
    igraph_integer_t n = c->n, mid = n / 2, nb = bt ? n : 0;
    bool two = split_worth(c);
    fnet_paths p;
    /* Zeroed vectors are safe to destroy before their init. */
    igraph_vector_t lo = {0}, hi = {0}, cl = {0}, hm = {0};
    igraph_vector_int_t rlo = {0}, rhi = {0}, reach = {0};
    int rc = fnet_paths_init(&p, c->ig, bt, c->err);
    if (rc)
        return rc;
    if (igraph_vector_init(&lo, 0) || igraph_vector_init(&hi, 0) ||
        igraph_vector_int_init(&rlo, 0) || igraph_vector_int_init(&rhi, 0) ||
        igraph_vector_init(&cl, n) || igraph_vector_init(&hm, n) ||
        igraph_vector_int_init(&reach, n)) {
        rc = fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    if (two)
        rc = fnet_split_run(fnet_paths_part, &p, n, !c->o->in_process, &lo,
                            &rlo, &hi, &rhi, c->err);
    else
        rc = fnet_paths_part(&p, 0, n, &lo, &rlo, c->err);
    if (rc)
        goto done;
    igraph_integer_t k = two ? mid : n; /* nodes in the first part */
    for (igraph_integer_t i = 0; i < n; i++) {
        const igraph_vector_t *part = i < k ? &lo : &hi;
        igraph_integer_t j = i < k ? i : i - k, len = i < k ? k : n - k;
        VECTOR(cl)[i] = VECTOR(*part)[nb + j];
        VECTOR(hm)[i] = VECTOR(*part)[nb + len + j];
        VECTOR(reach)[i] = i < k ? VECTOR(rlo)[j] : VECTOR(rhi)[j];
    }
    if (bt) {
        if ((rc = column(c, FNET_M_BETWEENNESS)))
            goto done;
        for (igraph_integer_t i = 0; i < n; i++)
            c->m->value[FNET_M_BETWEENNESS][i] =
                two ? VECTOR(lo)[i] + VECTOR(hi)[i] : VECTOR(lo)[i];
        normalise_betweenness(c, 1);
    }
    if (wants(c, FNET_M_CLOSENESS) &&
        (rc = put_closeness(c, VECTOR(cl), VECTOR(reach))))
        goto done;
    if (wants(c, FNET_M_HARMONIC))
        rc = put_harmonic(c, VECTOR(hm));
done:
    igraph_vector_int_destroy(&reach);
    igraph_vector_destroy(&hm);
    igraph_vector_destroy(&cl);
    igraph_vector_int_destroy(&rhi);
    igraph_vector_int_destroy(&rlo);
    igraph_vector_destroy(&hi);
    igraph_vector_destroy(&lo);
    fnet_paths_destroy(&p);
    return rc;
}

/* Exact closeness (Wasserman-Faust) and harmonic centrality. */
static int closeness_exact(ctx *c)
{
    igraph_vector_t v;
    igraph_vector_int_t reach;
    igraph_neimode_t mode = c->directed ? IGRAPH_OUT : IGRAPH_ALL;
    int rc = 0;
    if (igraph_vector_init(&v, 0))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&reach, 0)) {
        igraph_vector_destroy(&v);
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    }
    if (wants(c, FNET_M_CLOSENESS)) {
        /* igraph averages over the reachable nodes only: scale by
         * reachable/(n-1). Nothing reachable gives NaN -> 0. */
        if (split_worth(c)) {
            if ((rc = split(c, closeness_part, false, &v, &reach)))
                goto done;
        } else {
            IG(igraph_closeness(c->ig, &v, &reach, NULL, igraph_vss_all(), mode,
                                lengths(c), true),
               "closeness");
        }
        if ((rc = put_closeness(c, VECTOR(v), VECTOR(reach))))
            goto done;
    }
    if (wants(c, FNET_M_HARMONIC)) {
        if (split_worth(c)) {
            if ((rc = split(c, harmonic_part, false, &v, &reach)))
                goto done;
        } else {
            IG(igraph_harmonic_centrality(c->ig, &v, igraph_vss_all(), mode,
                                          lengths(c), true),
               "harmonic");
        }
        rc = put_harmonic(c, VECTOR(v));
    }
done:
    igraph_vector_int_destroy(&reach);
    igraph_vector_destroy(&v);
    return rc;
}

/* Sampled closeness and harmonic: for each node u, the distances from u to
 * the K sampled sources (BFS or Dijkstra from each source along reversed
 * arcs) stand for the distances to all nodes. With m = sampled sources
 * other than u, r of them reachable at total distance D and sum of inverse
 * distances H: closeness = (r/m)(r/D), harmonic = H/m (Eppstein & Wang
 * 2004). O(K E). */
static int closeness_sampled(ctx *c, const igraph_vector_int_t *src)
{
    igraph_matrix_t d;
    igraph_neimode_t mode = c->directed ? IGRAPH_IN : IGRAPH_ALL;
    igraph_integer_t k = igraph_vector_int_size(src);
    double *r = calloc((size_t)c->n * 4 + 1, sizeof *r);
    int rc = 0;
    if (!r || igraph_matrix_init(&d, 0, 0)) {
        free(r);
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    }
    double *D = r + c->n, *H = D + c->n, *m = H + c->n;
    for (igraph_integer_t j = 0; j < k; j++) {
        igraph_integer_t s = VECTOR(*src)[j];
        igraph_vs_t from = igraph_vss_1(s);
        if (c->has_len)
            IG(igraph_distances_dijkstra(c->ig, &d, from, igraph_vss_all(),
                                         &c->len, mode),
               "closeness");
        else
            IG(igraph_distances(c->ig, &d, from, igraph_vss_all(), mode),
               "closeness");
        for (igraph_integer_t u = 0; u < c->n; u++) {
            if (u == s)
                continue;
            m[u]++;
            double x = MATRIX(d, 0, u);
            if (!isfinite(x))
                continue;
            r[u]++;
            D[u] += x;
            H[u] += 1 / x;
        }
    }
    if (wants(c, FNET_M_CLOSENESS) && !(rc = column(c, FNET_M_CLOSENESS)))
        for (igraph_integer_t u = 0; u < c->n; u++)
            c->m->value[FNET_M_CLOSENESS][u] =
                r[u] > 0 ? (r[u] / m[u]) * (r[u] / D[u]) : 0;
    if (!rc && wants(c, FNET_M_HARMONIC) && !(rc = column(c, FNET_M_HARMONIC)))
        for (igraph_integer_t u = 0; u < c->n; u++)
            c->m->value[FNET_M_HARMONIC][u] = m[u] > 0 ? H[u] / m[u] : 0;
done:
    igraph_matrix_destroy(&d);
    free(r);
    return rc;
}

/* Decides exact or sampled, then computes the wanted path metrics. */
static int path_metrics(ctx *c)
{
    bool bt = wants(c, FNET_M_BETWEENNESS);
    bool cl = wants(c, FNET_M_CLOSENESS) || wants(c, FNET_M_HARMONIC);
    igraph_vector_int_t src;
    int rc;
    if (!bt && !cl)
        return 0;
    long k = c->o->samples > 0 ? c->o->samples : FNET_METRICS_DEFAULT_SAMPLES;
    bool sample = !c->o->exact &&
                  (c->o->samples > 0 ||
                   (double)c->n * (double)c->ne > FNET_METRICS_EXACT_LIMIT);
    if (k >= c->n)
        sample = false;
    if (!sample && !c->has_len)
        return paths_fused(c);
    if (!sample) {
        rc = bt ? betweenness(c, NULL) : 0;
        return rc ? rc : cl ? closeness_exact(c) : 0;
    }
    if ((rc = pick_sources(c, &src, k)))
        return rc;
    c->m->sampled = true;
    c->m->samples_used = k;
    rc = bt ? betweenness(c, &src) : 0;
    if (!rc && cl)
        rc = closeness_sampled(c, &src);
    igraph_vector_int_destroy(&src);
    return rc;
}

/* ---- signed metrics ---------------------------------------------------- */

static double sign_of(double x)
{
    return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/* pos_degree / neg_degree: distinct neighbours j with a positive / negative
 * fact between i and j (either direction; a mixed pair counts in both).
 * net_strength: sum over the arcs at i (in + out, as strength) of
 * pos_weight - neg_weight, or of its sign with `unweighted`. O(E log E). */
static int signed_metrics(ctx *c)
{
    const fnet_graph *g = c->g;
    int rc = 0;
    if ((wants(c, FNET_M_POS_DEGREE) && (rc = column(c, FNET_M_POS_DEGREE))) ||
        (wants(c, FNET_M_NEG_DEGREE) && (rc = column(c, FNET_M_NEG_DEGREE))) ||
        (wants(c, FNET_M_NET_STRENGTH) &&
         (rc = column(c, FNET_M_NET_STRENGTH))))
        return rc;
    double *pd = c->m->value[FNET_M_POS_DEGREE];
    double *nd = c->m->value[FNET_M_NEG_DEGREE];
    double *ns = c->m->value[FNET_M_NET_STRENGTH];
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++) {
        const fnet_edge *e = &g->edges[i];
        double net = e->pos_weight - e->neg_weight;
        if (ns) {
            double x = c->o->unweighted ? sign_of(net) : net;
            ns[e->from] += x;
            ns[e->to] += x;
        }
        double pos = e->pos_weight, neg = e->neg_weight;
        if (c->directed) {
            /* a reciprocal pair is one neighbour: count it at from < to */
            int64_t r = fnet_graph_find_edge(g, e->to, e->from);
            if (r >= 0 && e->from > e->to)
                continue;
            if (r >= 0) {
                pos += g->edges[r].pos_weight;
                neg += g->edges[r].neg_weight;
            }
        }
        if (pd && pos > 0)
            pd[e->from]++, pd[e->to]++;
        if (nd && neg > 0)
            nd[e->from]++, nd[e->to]++;
    }
    return 0;
}

/* ---- spectral and structural metrics ----------------------------------- */

/* igraph's ARPACK-based solvers (eigenvector, hub/authority) may draw a
 * start vector from igraph's global RNG, whose state depends on whatever
 * ran before in the process (community detection, sampling, an earlier
 * corpus in `factnet build`). Reseeding with a constant before each call
 * makes the values a function of the graph alone, so `build` and
 * `metrics` agree to the last bit. */
#define FNET_ARPACK_SEED 20131203UL

static void arpack_reseed(void)
{
    igraph_rng_seed(igraph_rng_default(), FNET_ARPACK_SEED);
}

static int spectral(ctx *c)
{
    igraph_vector_t v, a;
    igraph_real_t value;
    int rc = 0;
    if (igraph_vector_init(&v, 0))
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    if (igraph_vector_init(&a, 0)) {
        igraph_vector_destroy(&v);
        return fnet_err_set(c->err, FNET_ENOMEM, "out of memory");
    }
    if (wants(c, FNET_M_STRENGTH)) {
        IG(igraph_strength(c->ig, &v, igraph_vss_all(), IGRAPH_ALL, false,
                           c->w),
           "strength");
        if ((rc = store(c, FNET_M_STRENGTH, &v)))
            goto done;
    }
    if (wants(c, FNET_M_EIGENVECTOR)) {
        arpack_reseed();
        IG(igraph_eigenvector_centrality(c->ig, &v, &value, false, true, c->w,
                                         NULL),
           "eigenvector");
        if ((rc = store(c, FNET_M_EIGENVECTOR, &v)))
            goto done;
    }
    if (wants(c, FNET_M_PAGERANK)) {
        IG(igraph_pagerank(c->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value,
                           igraph_vss_all(), c->directed, 0.85, c->w, NULL),
           "pagerank");
        if ((rc = store(c, FNET_M_PAGERANK, &v)))
            goto done;
    }
    if (wants(c, FNET_M_HUB) || wants(c, FNET_M_AUTHORITY)) {
        arpack_reseed();
        IG(igraph_hub_and_authority_scores(c->ig, &v, &a, &value, true, c->w,
                                           NULL),
           "hub/authority");
        if (wants(c, FNET_M_HUB) && (rc = store(c, FNET_M_HUB, &v)))
            goto done;
        if (wants(c, FNET_M_AUTHORITY) && (rc = store(c, FNET_M_AUTHORITY, &a)))
            goto done;
    }
    if (wants(c, FNET_M_CLUSTERING)) {
        IG(igraph_transitivity_local_undirected(c->ig, &v, igraph_vss_all(),
                                                IGRAPH_TRANSITIVITY_ZERO),
           "clustering");
        if ((rc = store(c, FNET_M_CLUSTERING, &v)))
            goto done;
    }
    if (wants(c, FNET_M_CONSTRAINT)) {
        IG(igraph_constraint(c->ig, &v, igraph_vss_all(), c->w), "constraint");
        rc = store(c, FNET_M_CONSTRAINT, &v); /* NaN: isolated, undefined */
    }
done:
    igraph_vector_destroy(&a);
    igraph_vector_destroy(&v);
    return rc;
}

/* igraph's eigenvector and HITS solvers reject an edgeless graph in some
 * versions and warn in others; give the documented values directly:
 * eigenvector/hub/authority 1 (igraph 0.10's convention), PageRank 1/n. */
static int edgeless(ctx *c)
{
    static const int ones[] = {FNET_M_EIGENVECTOR, FNET_M_HUB,
                               FNET_M_AUTHORITY};
    int rc = 0;
    for (size_t k = 0; !rc && k < 3; k++)
        if (wants(c, ones[k]) && !(rc = column(c, ones[k])))
            for (igraph_integer_t i = 0; i < c->n; i++)
                c->m->value[ones[k]][i] = 1;
    if (!rc && wants(c, FNET_M_PAGERANK) && !(rc = column(c, FNET_M_PAGERANK)))
        for (igraph_integer_t i = 0; i < c->n; i++)
            c->m->value[FNET_M_PAGERANK][i] = 1.0 / (double)c->n;
    return rc;
}

static void ctx_free(ctx *c)
{
    if (c->has_len)
        igraph_vector_destroy(&c->len);
    if (c->has_und) {
        igraph_destroy(&c->und);
        igraph_vector_destroy(&c->und_w);
    }
}

int fnet_metrics_compute(fnet_metrics *out, const fnet_graph *g,
                         const fnet_metrics_opts *o, fnet_err *err)
{
    ctx c = {0};
    int rc = 0;
    memset(out, 0, sizeof *out);
    out->n = g->n_nodes;
    c.g = g;
    c.o = o;
    c.m = out;
    c.err = err;
    c.ig = &g->g;
    c.n = igraph_vcount(&g->g);
    c.ne = igraph_ecount(&g->g);
    c.directed = igraph_is_directed(&g->g);
    c.w = o->unweighted ? NULL : &g->weights;
    if (o->weighted_paths && !o->unweighted) {
        if (igraph_vector_init_copy(&c.len, &g->weights))
            return fnet_err_set(err, FNET_ENOMEM, "out of memory");
        c.has_len = true;
        for (igraph_integer_t i = 0; i < c.ne; i++)
            VECTOR(c.len)[i] = 1.0 / VECTOR(c.len)[i];
    }
    if (c.directed && (o->want & (FNET_METRIC_BIT(FNET_M_DEGREE) |
                                  FNET_METRIC_BIT(FNET_M_CORENESS)))) {
        rc = fnet_graph_undirected(g, &c.und, &c.und_w, err);
        if (rc)
            goto done;
        c.has_und = true;
    }
    if ((rc = degrees(&c)) || (rc = signed_metrics(&c)) ||
        (rc = path_metrics(&c)))
        goto done;
    if (c.ne == 0) {
        if ((rc = edgeless(&c)))
            goto done;
        unsigned keep = o->want;
        fnet_metrics_opts o2 = *o;
        o2.want = keep & ~(FNET_METRIC_BIT(FNET_M_EIGENVECTOR) |
                           FNET_METRIC_BIT(FNET_M_HUB) |
                           FNET_METRIC_BIT(FNET_M_AUTHORITY) |
                           FNET_METRIC_BIT(FNET_M_PAGERANK));
        c.o = &o2;
        rc = spectral(&c);
        c.o = o;
    } else {
        rc = spectral(&c);
    }
done:
    ctx_free(&c);
    return rc;
}

/* ---- graph level ------------------------------------------------------- */

/* Node types as category numbers (entity type strings in first-seen
 * order). */
static int type_codes(const fnet_graph *g, igraph_vector_int_t *t)
{
    if (igraph_vector_int_init(t, g->n_nodes))
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < g->n_nodes; i++) {
        const char *ti = fnet_graph_node_entity(g, i)->type;
        VECTOR(*t)[i] = i;
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(fnet_graph_node_entity(g, j)->type, ti) == 0) {
                VECTOR(*t)[i] = VECTOR(*t)[j];
                break;
            }
    }
    return 0;
}

int fnet_graph_metrics_compute(fnet_graph_metrics *out, const fnet_graph *g,
                               fnet_err *err)
{
    const igraph_t *ig = &g->g;
    bool dir = igraph_is_directed(ig);
    igraph_vector_int_t csize, types;
    igraph_integer_t no = 0;
    igraph_real_t x;
    int rc = 0;
    ctx cc = {.err = err}, *c = &cc;
    out->nodes = (double)igraph_vcount(ig);
    out->edges = (double)igraph_ecount(ig);
    out->communities = out->modularity = NAN; /* the caller's */
    if (igraph_vector_int_init(&csize, 0))
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (type_codes(g, &types)) {
        igraph_vector_int_destroy(&csize);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    IG(igraph_density(ig, &x, false), "density");
    out->density = out->nodes > 1 ? x : 0; /* NetworkX: 0 below 2 nodes */
    IG(igraph_connected_components(ig, NULL, &csize, &no, IGRAPH_WEAK),
       "components");
    out->components = (double)no;
    out->largest_component = no ? (double)igraph_vector_int_max(&csize) : 0;
    IG(igraph_diameter(ig, &x, NULL, NULL, NULL, NULL, dir, true), "diameter");
    out->diameter = x;
    IG(igraph_average_path_length(ig, &x, NULL, dir, true),
       "average path length");
    out->average_path_length = x;
    IG(igraph_transitivity_undirected(ig, &x, IGRAPH_TRANSITIVITY_ZERO),
       "transitivity");
    out->transitivity = x;
    IG(igraph_transitivity_avglocal_undirected(ig, &x,
                                               IGRAPH_TRANSITIVITY_ZERO),
       "average clustering");
    out->average_clustering = x;
    IG(igraph_assortativity_degree(ig, &x, dir), "degree assortativity");
    out->degree_assortativity = x;
    IG(igraph_assortativity_nominal(ig, &types, &x, dir, true),
       "type assortativity");
    out->type_assortativity = x;
done:
    igraph_vector_int_destroy(&types);
    igraph_vector_int_destroy(&csize);
    return rc;
}

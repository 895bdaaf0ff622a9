/* community.c - community detection with igraph, canonical numbering and
 * run-to-run stability (community.h, docs/METRICS.md "Communities"). */
#include "analysis/community.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const algo_names[FNET_COMM_COUNT] = {
    "leiden",     "louvain",           "walktrap",
    "infomap",    "label-propagation", "edge-betweenness",
    "fastgreedy", "optimal",           "spinglass",
};

int fnet_community_algorithm_from_name(const char *name)
{
    for (int i = 0; i < FNET_COMM_COUNT; i++)
        if (strcmp(algo_names[i], name) == 0)
            return i;
    return -1;
}

const char *fnet_community_algorithm_name(int algorithm)
{
    return algorithm >= 0 && algorithm < FNET_COMM_COUNT ? algo_names[algorithm]
                                                         : NULL;
}

bool fnet_community_has_resolution(int algorithm)
{
    return algorithm == FNET_COMM_LEIDEN || algorithm == FNET_COMM_LOUVAIN ||
           algorithm == FNET_COMM_SPINGLASS;
}

void fnet_community_opts_init(fnet_community_opts *o)
{
    memset(o, 0, sizeof *o);
    o->algorithm = FNET_COMM_LEIDEN;
    o->resolution = 1;
    o->seed = FNET_COMMUNITY_DEFAULT_SEED;
    o->runs = 1;
}

void fnet_communities_free(fnet_communities *c)
{
    if (!c)
        return;
    free(c->community);
    free(c->stability);
    c->community = NULL;
    c->stability = NULL;
}

/* ---- canonical numbering ----------------------------------------------- */

typedef struct lab {
    igraph_integer_t raw;
    uint32_t node;
} lab;

typedef struct grp {
    uint32_t size;
    const char *min_id;
    size_t start; /* in the sorted lab array */
} grp;

static int cmp_lab(const void *x, const void *y)
{
    const lab *a = x, *b = y;
    if (a->raw != b->raw)
        return a->raw < b->raw ? -1 : 1;
    return a->node < b->node ? -1 : a->node > b->node;
}

static int cmp_grp(const void *x, const void *y)
{
    const grp *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return strcmp(a->min_id, b->min_id);
}

long fnet_communities_canonical(uint32_t *out, const igraph_integer_t *raw,
                                uint32_t n, const char *const *ids)
{
    lab *l = malloc((n ? n : 1) * sizeof *l);
    grp *gr = malloc((n ? n : 1) * sizeof *gr);
    size_t ng = 0;
    if (!l || !gr) {
        free(l);
        free(gr);
        return -1;
    }
    for (uint32_t i = 0; i < n; i++)
        l[i] = (lab){raw[i], i};
    qsort(l, n, sizeof *l, cmp_lab);
    for (uint32_t i = 0; i < n;) {
        uint32_t j = i;
        const char *min = ids[l[i].node];
        while (j < n && l[j].raw == l[i].raw) {
            if (strcmp(ids[l[j].node], min) < 0)
                min = ids[l[j].node];
            j++;
        }
        gr[ng++] = (grp){j - i, min, i};
        i = j;
    }
    qsort(gr, ng, sizeof *gr, cmp_grp);
    for (size_t k = 0; k < ng; k++)
        for (size_t i = gr[k].start; i < gr[k].start + gr[k].size; i++)
            out[l[i].node] = (uint32_t)(k + 1);
    free(l);
    free(gr);
    return (long)ng;
}

/* ---- the algorithms ---------------------------------------------------- */

typedef struct job {
    const igraph_t *u;         /* undirected graph */
    const igraph_vector_t *w;  /* tie strengths or NULL */
    const igraph_vector_t *sw; /* signed weights (net, or its sign when
                                    unweighted) when the graph has a
                                    negative edge; else NULL */
    const fnet_community_opts *o;
    fnet_err *err;
} job;

#define IG(call, what)                                                         \
    do {                                                                       \
        igraph_error_t irc_ = (call);                                          \
        if (irc_ != IGRAPH_SUCCESS) {                                          \
            rc = fnet_err_igraph(j->err, irc_, what);                          \
            goto done;                                                         \
        }                                                                      \
    } while (0)

/* Leiden with the modularity objective: igraph's Leiden optimises CPM,
 * sum_ij (A_ij - gamma n_i n_j) delta(c_i, c_j); with node weights n_i =
 * strength k_i and gamma = resolution / (2m) (2m = total strength) this is
 * 2m times the generalised modularity. */
static int leiden(const job *j, igraph_vector_int_t *memb)
{
    igraph_vector_t nw;
    igraph_integer_t nb;
    igraph_real_t quality;
    int rc = 0;
    if (igraph_vector_init(&nw, 0))
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    IG(igraph_strength(j->u, &nw, igraph_vss_all(), IGRAPH_ALL, false, j->w),
       "leiden");
    double total = igraph_vector_sum(&nw);
    if (!(total > 0)) {
        /* No tie has weight (no edges): gamma = resolution / 0 would make
         * Leiden loop forever; every node is its own community. */
        IG(igraph_vector_int_resize(memb, igraph_vcount(j->u)), "leiden");
        for (igraph_integer_t i = 0; i < igraph_vcount(j->u); i++)
            VECTOR(*memb)[i] = i;
        goto done;
    }
    IG(igraph_community_leiden(j->u, j->w, &nw, j->o->resolution / total, 0.01,
                               false, -1, memb, &nb, &quality),
       "leiden");
done:
    igraph_vector_destroy(&nw);
    return rc;
}

/* Girvan-Newman: the weights are tie strengths, so the edge betweenness
 * uses lengths 1/weight; the dendrogram is cut where the modularity with
 * the tie strengths is highest (igraph would use the same vector for
 * both). O(m^2 n). */
static int edge_betweenness(const job *j, igraph_vector_int_t *memb)
{
    igraph_matrix_int_t merges;
    igraph_vector_t len;
    igraph_vector_int_t cut;
    int rc = 0;
    igraph_integer_t n = igraph_vcount(j->u);
    if (igraph_matrix_int_init(&merges, 0, 0))
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    if (igraph_vector_init(&len, 0)) {
        igraph_matrix_int_destroy(&merges);
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    }
    if (igraph_vector_int_init(&cut, 0)) {
        igraph_vector_destroy(&len);
        igraph_matrix_int_destroy(&merges);
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    }
    if (j->w) {
        IG(igraph_vector_update(&len, j->w), "edge-betweenness");
        for (igraph_integer_t i = 0; i < igraph_vector_size(&len); i++)
            VECTOR(len)[i] = 1.0 / VECTOR(len)[i];
    }
    IG(igraph_community_edge_betweenness(j->u, NULL, NULL, &merges, NULL, NULL,
                                         NULL, false, j->w ? &len : NULL),
       "edge-betweenness");
    double best = -INFINITY;
    igraph_integer_t steps = igraph_matrix_int_nrow(&merges);
    for (igraph_integer_t s = 0; s <= steps; s++) {
        igraph_real_t q;
        IG(igraph_community_to_membership(&merges, n, s, &cut, NULL),
           "edge-betweenness");
        IG(igraph_modularity(j->u, &cut, j->w, 1, false, &q),
           "edge-betweenness");
        if (q > best) {
            best = q;
            IG(igraph_vector_int_update(memb, &cut), "edge-betweenness");
        }
    }
done:
    igraph_vector_int_destroy(&cut);
    igraph_vector_destroy(&len);
    igraph_matrix_int_destroy(&merges);
    return rc;
}

/* Spinglass needs a connected graph. Isolated nodes do not change
 * modularity (degree 0), so a graph with one component of two or more
 * nodes plus isolated nodes is handled exactly: spinglass runs on that
 * component, each isolated node is its own community. */
static int spinglass(const job *j, igraph_vector_int_t *memb)
{
    igraph_vector_int_t comp, csize, sub_memb, keep;
    igraph_integer_t no, big = -1, n = igraph_vcount(j->u);
    igraph_t sub;
    igraph_vector_t subw;
    igraph_real_t q, temp;
    bool has_sub = false, has_subw = false;
    int rc = 0;
    igraph_vector_int_init(&comp, 0);
    igraph_vector_int_init(&csize, 0);
    igraph_vector_int_init(&sub_memb, 0);
    igraph_vector_int_init(&keep, 0);
    IG(igraph_connected_components(j->u, &comp, &csize, &no, IGRAPH_WEAK),
       "spinglass");
    for (igraph_integer_t k = 0; k < no; k++)
        if (VECTOR(csize)[k] > 1) {
            if (big >= 0) {
                rc = fnet_err_set(j->err, FNET_EUSAGE,
                                  "spinglass needs a connected graph, and "
                                  "this one has several components of two "
                                  "or more nodes; choose another "
                                  "--algorithm, or select one component "
                                  "with --types/--relations");
                goto done;
            }
            big = k;
        }
    /* The component as its own graph, built edge by edge in id order so
     * that the weights follow (igraph_induced_subgraph may reorder the
     * edges). keep maps a node to its index in the component, or -1. */
    IG(igraph_vector_int_resize(&keep, n), "spinglass");
    igraph_integer_t nk = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(keep)[v] = VECTOR(comp)[v] == big ? nk++ : -1;
    IG(igraph_vector_init(&subw, 0), "spinglass");
    has_subw = true;
    /* With negative edges, the signed weights and the implementation for
     * negative links (Traag & Bruggeman 2009): gamma+ = resolution,
     * gamma- = 1. */
    const igraph_vector_t *w = j->sw ? j->sw : j->w;
    {
        igraph_vector_int_t ev;
        IG(igraph_vector_int_init(&ev, 0), "spinglass");
        igraph_error_t irc = IGRAPH_SUCCESS;
        for (igraph_integer_t e = 0; !irc && e < igraph_ecount(j->u); e++) {
            igraph_integer_t a = IGRAPH_FROM(j->u, e), b = IGRAPH_TO(j->u, e);
            if (VECTOR(keep)[a] < 0)
                continue;
            irc = igraph_vector_int_push_back(&ev, VECTOR(keep)[a]);
            if (!irc)
                irc = igraph_vector_int_push_back(&ev, VECTOR(keep)[b]);
            if (!irc && w)
                irc = igraph_vector_push_back(&subw, VECTOR(*w)[e]);
        }
        if (!irc)
            irc = igraph_create(&sub, &ev, nk, IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&ev);
        IG(irc, "spinglass");
    }
    has_sub = true;
    IG(igraph_community_spinglass(
           &sub, w ? &subw : NULL, &q, &temp, &sub_memb, NULL, 25, false, 1.0,
           0.01, 0.99, IGRAPH_SPINCOMM_UPDATE_CONFIG, j->o->resolution,
           j->sw ? IGRAPH_SPINCOMM_IMP_NEG : IGRAPH_SPINCOMM_IMP_ORIG, 1.0),
       "spinglass");
    IG(igraph_vector_int_resize(memb, n), "spinglass");
    igraph_integer_t next = igraph_vector_int_max(&sub_memb) + 1, s = 0;
    igraph_integer_t *m = VECTOR(*memb);
    for (igraph_integer_t v = 0; v < n; v++)
        m[v] = VECTOR(comp)[v] == big ? VECTOR(sub_memb)[s++] : next++;
done:
    if (has_subw)
        igraph_vector_destroy(&subw);
    if (has_sub)
        igraph_destroy(&sub);
    igraph_vector_int_destroy(&keep);
    igraph_vector_int_destroy(&sub_memb);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&comp);
    return rc;
}

static int run_algorithm(const job *j, igraph_vector_int_t *memb)
{
    igraph_vector_t mod;
    igraph_matrix_int_t merges;
    igraph_real_t x;
    int rc = 0;
    /* walktrap and fastgreedy fill the membership of the highest-modularity
     * cut only when given the merges and modularity too. */
    if (igraph_vector_init(&mod, 0))
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    if (igraph_matrix_int_init(&merges, 0, 0)) {
        igraph_vector_destroy(&mod);
        return fnet_err_set(j->err, FNET_ENOMEM, "out of memory");
    }
    switch (j->o->algorithm) {
    case FNET_COMM_LEIDEN: rc = leiden(j, memb); break;
    case FNET_COMM_LOUVAIN:
        IG(igraph_community_multilevel(j->u, j->w, j->o->resolution, memb, NULL,
                                       NULL),
           "louvain");
        break;
    case FNET_COMM_WALKTRAP:
        IG(igraph_community_walktrap(j->u, j->w, 4, &merges, &mod, memb),
           "walktrap");
        break;
    case FNET_COMM_INFOMAP:
        IG(igraph_community_infomap(j->u, j->w, NULL, 10, memb, &x), "infomap");
        break;
    case FNET_COMM_LABEL_PROPAGATION:
        IG(igraph_community_label_propagation(j->u, memb, IGRAPH_ALL, j->w,
                                              NULL, NULL),
           "label-propagation");
        break;
    case FNET_COMM_EDGE_BETWEENNESS: rc = edge_betweenness(j, memb); break;
    case FNET_COMM_FASTGREEDY:
        IG(igraph_community_fastgreedy(j->u, j->w, &merges, &mod, memb),
           "fastgreedy");
        break;
    case FNET_COMM_OPTIMAL:
        IG(igraph_community_optimal_modularity(j->u, &x, memb, j->w),
           "optimal");
        break;
    case FNET_COMM_SPINGLASS: rc = spinglass(j, memb); break;
    default:
        rc = fnet_err_set(j->err, FNET_EINTERNAL, "unknown algorithm %d",
                          j->o->algorithm);
    }
done:
    igraph_matrix_int_destroy(&merges);
    igraph_vector_destroy(&mod);
    return rc;
}

/* ---- runs, statistics, stability --------------------------------------- */

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Number of nodes v with (ref[v], run[v]) == (a, b), by binary search in
 * the sorted keys. */
static uint32_t pair_count(const uint64_t *keys, uint32_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t c = 0;
    while (lo < n && keys[lo++] == key)
        c++;
    return c;
}

int fnet_communities_agreement(const uint32_t *ref, const uint32_t *run,
                               uint32_t n, double *agree)
{
    uint64_t *keys = malloc((n ? n : 1) * sizeof *keys);
    uint32_t *size_ref = calloc((size_t)n + 1, sizeof *size_ref);
    uint32_t *size_run = calloc((size_t)n + 1, sizeof *size_run);
    if (!keys || !size_ref || !size_run) {
        free(keys);
        free(size_ref);
        free(size_run);
        return FNET_ENOMEM;
    }
    for (uint32_t v = 0; v < n; v++) {
        keys[v] = (uint64_t)ref[v] * ((uint64_t)n + 1) + run[v];
        size_ref[ref[v]]++;
        size_run[run[v]]++;
    }
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (uint32_t u = 0; u < n; u++) {
        uint32_t both =
            pair_count(keys, n, (uint64_t)ref[u] * ((uint64_t)n + 1) + run[u]);
        uint32_t big = size_ref[ref[u]] > size_run[run[u]] ? size_ref[ref[u]]
                                                           : size_run[run[u]];
        if (2.0 * both > big)
            agree[u] += 1;
    }
    free(keys);
    free(size_ref);
    free(size_run);
    return 0;
}

static void run_stats(fnet_communities *out, const double *q, int runs)
{
    double sum = 0, ss = 0;
    out->mod_min = out->mod_max = q[0];
    for (int r = 0; r < runs; r++) {
        sum += q[r];
        out->mod_min = q[r] < out->mod_min ? q[r] : out->mod_min;
        out->mod_max = q[r] > out->mod_max ? q[r] : out->mod_max;
    }
    out->mod_mean = sum / runs;
    for (int r = 0; r < runs; r++)
        ss += (q[r] - out->mod_mean) * (q[r] - out->mod_mean);
    out->mod_sd = runs > 1 ? sqrt(ss / (runs - 1)) : 0;
}

/* A graph without edges: every node is its own community, modularity is
 * undefined. */
static int singletons(fnet_communities *out, const fnet_graph *g,
                      const char **ids)
{
    igraph_integer_t *raw = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *raw);
    if (!raw)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < g->n_nodes; i++)
        raw[i] = i;
    long k = fnet_communities_canonical(out->community, raw, g->n_nodes, ids);
    free(raw);
    if (k < 0)
        return FNET_ENOMEM;
    out->n_communities = (uint32_t)k;
    out->modularity = out->mod_mean = out->mod_min = out->mod_max = NAN;
    out->mod_sd = NAN;
    if (out->stability)
        for (uint32_t i = 0; i < g->n_nodes; i++)
            out->stability[i] = 1;
    return 0;
}

typedef struct state {
    igraph_t u;
    igraph_vector_t uw;
    bool has_u;
    const igraph_t *ug;             /* the undirected graph: &u, or g's own */
    const igraph_vector_t *ugw;     /* its weights */
    igraph_vector_t sw, wpos, wneg; /* signed spinglass: net weights and
                                       their positive and negative parts */
    bool has_sw;
    igraph_t p;         /* positive part: the pairs of positive net */
    igraph_vector_t pw; /* weight, and that weight */
    bool has_p;
    igraph_vector_int_t memb;
    bool has_memb;
    uint32_t *canon; /* runs x n canonical labels */
    double *q;       /* per run */
    const char **ids;
} state;

static void state_free(state *s)
{
    if (s->has_u) {
        igraph_destroy(&s->u);
        igraph_vector_destroy(&s->uw);
    }
    if (s->has_sw) {
        igraph_vector_destroy(&s->sw);
        igraph_vector_destroy(&s->wpos);
        igraph_vector_destroy(&s->wneg);
    }
    if (s->has_p) {
        igraph_destroy(&s->p);
        igraph_vector_destroy(&s->pw);
    }
    if (s->has_memb)
        igraph_vector_int_destroy(&s->memb);
    free(s->canon);
    free(s->q);
    free(s->ids);
}

/* Signed modularity (Gomez, Jensen & Arenas 2009) of memb:
 * Q = (w+ Q+ - w- Q-) / (w+ + w-), where Q+ is the modularity (resolution
 * res) with the positive parts of the signed weights, Q- that with the
 * magnitudes of the negative parts (resolution 1), and w+ and w- their
 * totals. This is the quality spinglass maximises with negative links. */
static int signed_modularity(const state *s, const igraph_vector_int_t *memb,
                             double res, double *q, fnet_err *err)
{
    double wp = igraph_vector_sum(&s->wpos), wn = igraph_vector_sum(&s->wneg);
    igraph_real_t qp = 0, qn = 0;
    igraph_error_t irc = IGRAPH_SUCCESS;
    if (wp > 0)
        irc = igraph_modularity(s->ug, memb, &s->wpos, res, false, &qp);
    if (!irc && wn > 0)
        irc = igraph_modularity(s->ug, memb, &s->wneg, 1, false, &qn);
    if (irc)
        return fnet_err_igraph(err, irc, "signed modularity");
    *q = wp + wn > 0 ? (wp * qp - wn * qn) / (wp + wn) : NAN;
    return 0;
}

/* The signed weights for spinglass when the graph has a negative edge:
 * net = pos - neg per undirected pair (its sign with `unweighted`). */
static int signed_weights(state *s, const fnet_graph *g,
                          const fnet_community_opts *o, fnet_err *err)
{
    int rc = fnet_graph_undirected_signs(g, &s->wpos, &s->wneg, err);
    if (rc)
        return rc;
    if (igraph_vector_init(&s->sw, igraph_vector_size(&s->wpos))) {
        igraph_vector_destroy(&s->wpos);
        igraph_vector_destroy(&s->wneg);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    s->has_sw = true;
    for (igraph_integer_t e = 0; e < igraph_vector_size(&s->sw); e++) {
        double net = VECTOR(s->wpos)[e] - VECTOR(s->wneg)[e];
        if (o->unweighted)
            net = net > 0 ? 1 : net < 0 ? -1 : 0;
        VECTOR(s->sw)[e] = net;
        VECTOR(s->wpos)[e] = net > 0 ? net : 0;
        VECTOR(s->wneg)[e] = net < 0 ? -net : 0;
    }
    return 0;
}

/* Every algorithm but spinglass, on a graph with a negative edge: the
 * positive part of the net weights, one edge per pair with w+ - w- > 0
 * weighing w+ - w-; opponents and mixed pairs that lean negative are no
 * tie (docs/METRICS.md, "Communities"). */
static int positive_part(state *s, const fnet_graph *g, fnet_err *err)
{
    igraph_vector_t pos, neg;
    igraph_vector_int_t ev;
    int rc = fnet_graph_undirected_signs(g, &pos, &neg, err);
    if (rc)
        return rc;
    igraph_integer_t m = igraph_vector_size(&pos), k = 0;
    if (igraph_vector_int_init(&ev, 2 * m)) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    for (igraph_integer_t e = 0; e < m; e++)
        if (VECTOR(pos)[e] - VECTOR(neg)[e] > 0) {
            VECTOR(ev)[2 * k] = IGRAPH_FROM(s->ug, e);
            VECTOR(ev)[2 * k + 1] = IGRAPH_TO(s->ug, e);
            VECTOR(pos)[k++] = VECTOR(pos)[e] - VECTOR(neg)[e];
        }
    igraph_vector_int_resize(&ev, 2 * k); /* shrinking cannot fail */
    igraph_vector_resize(&pos, k);
    igraph_error_t irc = igraph_create(&s->p, &ev, (igraph_integer_t)g->n_nodes,
                                       IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (irc) {
        rc = fnet_err_igraph(err, irc, "communities");
        goto done;
    }
    if (igraph_vector_init_copy(&s->pw, &pos)) {
        igraph_destroy(&s->p);
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    s->has_p = true;
    s->ug = &s->p;
    s->ugw = &s->pw;
done:
    igraph_vector_destroy(&pos);
    igraph_vector_destroy(&neg);
    return rc;
}

static int all_runs(fnet_communities *out, const fnet_graph *g,
                    const fnet_community_opts *o, state *s, fnet_err *err)
{
    uint32_t n = g->n_nodes;
    job j = {s->ug, o->unweighted ? NULL : s->ugw, s->has_sw ? &s->sw : NULL, o,
             err};
    double res =
        fnet_community_has_resolution(o->algorithm) ? o->resolution : 1.0;
    int best = 0, rc;
    for (int r = 0; r < o->runs; r++) {
        igraph_rng_seed(igraph_rng_default(),
                        (igraph_uint_t)(o->seed + (unsigned long)r));
        if ((rc = run_algorithm(&j, &s->memb)))
            return rc;
        if (j.sw) {
            if ((rc = signed_modularity(s, &s->memb, res, &s->q[r], err)))
                return rc;
        } else {
            igraph_error_t irc =
                igraph_modularity(s->ug, &s->memb, j.w, res, false, &s->q[r]);
            if (irc)
                return fnet_err_igraph(err, irc, "modularity");
        }
        if (fnet_communities_canonical(s->canon + (size_t)r * n,
                                       VECTOR(s->memb), n, s->ids) < 0)
            return fnet_err_set(err, FNET_ENOMEM, "out of memory");
        if (s->q[r] > s->q[best])
            best = r;
    }
    memcpy(out->community, s->canon + (size_t)best * n, n * sizeof(uint32_t));
    out->modularity = s->q[best];
    out->n_communities = 0;
    for (uint32_t i = 0; i < n; i++)
        if (out->community[i] > out->n_communities)
            out->n_communities = out->community[i];
    run_stats(out, s->q, o->runs);
    for (int r = 0; out->stability && r < o->runs; r++)
        if (fnet_communities_agreement(out->community, s->canon + (size_t)r * n,
                                       n, out->stability))
            return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (uint32_t i = 0; out->stability && i < n; i++)
        out->stability[i] /= o->runs;
    return 0;
}

/* consume: g may be released as soon as detection is done reading it. */
static int detect(fnet_communities *out, const fnet_graph *g,
                  const fnet_community_opts *o, fnet_graph *consume,
                  fnet_err *err)
{
    state s = {0};
    uint32_t n = g->n_nodes;
    size_t n1 = n ? n : 1;
    int rc = 0;
    memset(out, 0, sizeof *out);
    out->n = n;
    out->runs = o->runs;
    out->community = calloc(n1, sizeof *out->community);
    out->stability = o->runs > 1 ? calloc(n1, sizeof *out->stability) : NULL;
    s.ids = malloc(n1 * sizeof *s.ids);
    s.q = calloc((size_t)o->runs, sizeof *s.q);
    s.canon = malloc(n1 * (size_t)o->runs * sizeof *s.canon);
    if (!out->community || (o->runs > 1 && !out->stability) || !s.ids || !s.q ||
        !s.canon) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    for (uint32_t i = 0; i < n; i++)
        s.ids[i] = fnet_graph_node_entity(g, i)->id;
    if (fnet_graph_edge_count(g) == 0) {
        if (singletons(out, g, s.ids))
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    if (g->opts.directed) {
        if ((rc = fnet_graph_undirected(g, &s.u, &s.uw, err)))
            goto done;
        s.has_u = true;
        s.ug = &s.u;
        s.ugw = &s.uw;
    } else { /* one edge per pair, ordered by (from, to) with from < to:
              * fnet_graph_undirected() would give an identical copy */
        s.ug = &g->g;
        s.ugw = &g->weights;
    }
    out->signed_quality =
        o->algorithm == FNET_COMM_SPINGLASS && fnet_graph_has_negative(g);
    if (out->signed_quality && (rc = signed_weights(&s, g, o, err)))
        goto done;
    out->positive_part = !out->signed_quality && fnet_graph_has_negative(g);
    if (out->positive_part && (rc = positive_part(&s, g, err)))
        goto done;
    if (consume)
        fnet_graph_release(consume, s.ug != &consume->g);
    if (igraph_vector_int_init(&s.memb, 0)) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    s.has_memb = true;
    rc = all_runs(out, g, o, &s, err);
done:
    state_free(&s);
    return rc;
}

int fnet_communities_detect(fnet_communities *out, const fnet_graph *g,
                            const fnet_community_opts *o, fnet_err *err)
{
    return detect(out, g, o, NULL, err);
}

int fnet_communities_detect_consume(fnet_communities *out, fnet_graph *g,
                                    const fnet_community_opts *o, fnet_err *err)
{
    return detect(out, g, o, g, err);
}

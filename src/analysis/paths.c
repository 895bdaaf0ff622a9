/* paths.c - betweenness, closeness and harmonic centrality in one search
 * per source (see paths.h; Brandes 2001, section 4). */
#include "analysis/paths.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Copies igraph's adjacency list of ig in direction mode (no self-loops,
 * parallel edges kept, igraph's neighbour order) into off/adj. */
static int pack(const igraph_t *ig, igraph_neimode_t mode, int64_t **off,
                int32_t **adj, fnet_err *err)
{
    igraph_adjlist_t al;
    igraph_integer_t n = igraph_vcount(ig);
    igraph_error_t irc =
        igraph_adjlist_init(ig, &al, mode, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE);
    if (irc)
        return fnet_err_igraph(err, irc, "path metrics");
    int64_t total = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        total += igraph_vector_int_size(igraph_adjlist_get(&al, v));
    *off = malloc(((size_t)n + 1) * sizeof **off);
    *adj = malloc((total ? (size_t)total : 1) * sizeof **adj);
    if (!*off || !*adj) {
        igraph_adjlist_destroy(&al);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    int64_t k = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        const igraph_vector_int_t *nb = igraph_adjlist_get(&al, v);
        (*off)[v] = k;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++)
            (*adj)[k++] = (int32_t)VECTOR(*nb)[j];
    }
    (*off)[n] = k;
    igraph_adjlist_destroy(&al);
    return 0;
}

/* reach[v] = the size of v's component (undirected graphs). */
static int component_sizes(fnet_paths *p, fnet_err *err)
{
    int32_t n = p->n;
    size_t sz = n ? (size_t)n : 1;
    int32_t *queue = malloc(sz * sizeof *queue);
    p->reach = malloc(sz * sizeof *p->reach);
    if (!queue || !p->reach) {
        free(queue);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    for (int32_t v = 0; v < n; v++)
        p->reach[v] = -1;
    for (int32_t s = 0; s < n; s++) {
        if (p->reach[s] >= 0)
            continue;
        int32_t head = 0, tail = 0;
        queue[tail++] = s;
        p->reach[s] = 0;
        while (head < tail) {
            int32_t v = queue[head++];
            for (int64_t e = p->out_off[v]; e < p->out_off[v + 1]; e++)
                if (p->reach[p->out[e]] < 0) {
                    p->reach[p->out[e]] = 0;
                    queue[tail++] = p->out[e];
                }
        }
        for (int32_t i = 0; i < tail; i++)
            p->reach[queue[i]] = tail;
    }
    free(queue);
    return 0;
}

/* par_off: where each node's parents go (as many slots as it has
 * in-arcs) on a directed graph. */
static int parent_slots(fnet_paths *p, fnet_err *err)
{
    int32_t n = p->n;
    p->par_off = calloc((size_t)n + 1, sizeof *p->par_off);
    if (!p->par_off)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (int64_t e = 0; e < p->out_off[n]; e++)
        p->par_off[p->out[e] + 1]++;
    for (int32_t v = 0; v < n; v++)
        p->par_off[v + 1] += p->par_off[v];
    return 0;
}

int fnet_paths_init(fnet_paths *p, const igraph_t *ig, bool betweenness,
                    fnet_err *err)
{
    memset(p, 0, sizeof *p);
    if (igraph_vcount(ig) >= INT32_MAX)
        return fnet_err_set(err, FNET_ENOMEM,
                            "too many nodes for path "
                            "metrics");
    p->n = (int32_t)igraph_vcount(ig);
    p->directed = igraph_is_directed(ig);
    p->betweenness = betweenness;
    int rc = pack(ig, p->directed ? IGRAPH_OUT : IGRAPH_ALL, &p->out_off,
                  &p->out, err);
    if (!rc && p->directed)
        rc = parent_slots(p, err);
    else if (!rc)
        rc = component_sizes(p, err);
    if (rc)
        fnet_paths_destroy(p);
    return rc;
}

void fnet_paths_destroy(fnet_paths *p)
{
    free(p->out_off);
    free(p->out);
    free(p->par_off);
    free(p->reach);
    memset(p, 0, sizeof *p);
}

/* One node's state in a search, 32 bytes: what the inner loops touch
 * for a node is on one cache line. Reset after each search to dist -1,
 * sigma, delta and npar 0 for the nodes it reached. */
typedef struct node {
    double sigma; /* number of shortest paths from the source */
    double delta; /* dependency of the source on the node */
    int32_t dist; /* distance from the source; -1 unseen */
    int32_t npar; /* number of parents found */
    int64_t slot; /* where its parents go in search.parents */
} node;

typedef struct search {
    node *at;
    int32_t *order;   /* nodes in order of discovery (the BFS queue) */
    int32_t *parents; /* each node's parents, from its slot on */
} search;

/* One search from s: adds s's dependencies to bt (when wanted) and
 * stores s's distance sums. Returns the number of nodes reached other
 * than s. The orders of every sum are igraph's: sigma and the distance
 * sums in order of discovery (igraph_i_sspf, igraph_closeness_cutoff,
 * igraph_i_harmonic_centrality_unweighted), dependencies in reverse
 * order of discovery, each node's children in that order.
 *
 * Two shortcuts leave every value as it is. Once all of s's component
 * is found (bound nodes) and the search is at the last distance, the
 * remaining nodes' neighbours are not scanned: none is farther. And the
 * nodes next to s are not walked back: their only parent is s, whose own
 * dependency is not used. */
static int32_t from_source(const fnet_paths *p, const search *w, int32_t s,
                           int32_t bound, double *bt, double *dsum,
                           double *hsum)
{
    node *at = w->at;
    int32_t *order = w->order, *parents = w->parents;
    const int64_t *off = p->out_off;
    const int32_t *adj = p->out;
    int32_t head = 0, tail = 0;
    double d_total = 0, h_total = 0;
    order[tail++] = s;
    at[s].dist = 0;
    at[s].sigma = 1;
    while (head < tail) {
        int32_t v = order[head++];
        int32_t dv = at[v].dist, next = dv + 1;
        if (v != s) {
            d_total += dv;
            h_total += 1.0 / dv;
        }
        if (tail == bound && at[order[tail - 1]].dist == dv)
            continue; /* at the last distance: nothing farther */
        if (bt) {
            double sv = at[v].sigma;
            for (int64_t e = off[v]; e < off[v + 1]; e++) {
                node *u = &at[adj[e]];
                if (u->dist < 0) {
                    u->dist = next;
                    order[tail++] = adj[e];
                }
                /* Without a branch (taken about half the time): the
                 * slot is overwritten when v is not a parent, and
                 * adding 0 leaves sigma as it is. u has a slot for each
                 * arc into it and each arc is scanned once, so
                 * slot + npar stays within u's slots. */
                int32_t is = u->dist == next;
                parents[u->slot + u->npar] = v;
                u->npar += is;
                u->sigma += sv * (double)is;
            }
        } else {
            for (int64_t e = off[v]; e < off[v + 1]; e++) {
                node *u = &at[adj[e]];
                if (u->dist < 0) {
                    u->dist = next;
                    order[tail++] = adj[e];
                }
            }
        }
    }
    if (bt) {
        for (int32_t i = tail - 1; i > 0; i--) {
            node *x = &at[order[i]];
            if (x->dist > 1) {
                double coeff = (1 + x->delta) / x->sigma;
                const int32_t *par = parents + x->slot;
                for (int32_t j = 0; j < x->npar; j++) {
                    node *v = &at[par[j]];
                    v->delta += v->sigma * coeff;
                }
            }
            bt[order[i]] += x->delta;
        }
    }
    for (int32_t i = 0; i < tail; i++) {
        node *x = &at[order[i]];
        x->dist = -1;
        x->npar = 0;
        x->sigma = 0;
        x->delta = 0;
    }
    *dsum = d_total;
    *hsum = h_total;
    return tail - 1;
}

int fnet_paths_part(void *ctx, igraph_integer_t lo, igraph_integer_t hi,
                    igraph_vector_t *res, igraph_vector_int_t *reach,
                    fnet_err *err)
{
    const fnet_paths *p = ctx;
    int32_t n = p->n;
    igraph_integer_t k = hi - lo;
    igraph_integer_t nb = p->betweenness ? n : 0;
    search w = {0};
    int rc = 0;
    if (igraph_vector_resize(res, nb + 2 * k) ||
        igraph_vector_int_resize(reach, k))
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    igraph_vector_null(res);
    size_t sz = n ? (size_t)n : 1;
    const int64_t *slot = p->par_off ? p->par_off : p->out_off;
    int64_t slots = p->betweenness ? slot[n] : 0; /* one per in-arc */
    w.at = malloc(sz * sizeof *w.at);
    w.order = malloc(sz * sizeof *w.order);
    w.parents = malloc(((size_t)slots + 1) * sizeof *w.parents);
    if (!w.at || !w.order || !w.parents) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    for (int32_t v = 0; v < n; v++)
        w.at[v] = (node){.dist = -1, .slot = slot[v]};
    double *bt = p->betweenness ? VECTOR(*res) : NULL;
    double *cl = VECTOR(*res) + nb, *hm = cl + k;
    for (igraph_integer_t i = 0; i < k; i++) {
        double dsum, hsum;
        int32_t src = (int32_t)(lo + i);
        int32_t r = from_source(p, &w, src, p->reach ? p->reach[src] : n, bt,
                                &dsum, &hsum);
        VECTOR(*reach)[i] = r;
        cl[i] = dsum == 0 ? NAN : (double)r / dsum;
        hm[i] = hsum;
    }
    /* igraph's final scalings: betweenness halved on undirected graphs
     * (each path is found from both ends), harmonic averaged. */
    if (bt && !p->directed)
        for (int32_t v = 0; v < n; v++)
            bt[v] *= 0.5;
    if (n > 1)
        for (igraph_integer_t i = 0; i < k; i++)
            hm[i] *= 1.0 / (n - 1);
done:
    free(w.at);
    free(w.order);
    free(w.parents);
    return rc;
}

/* balance.c - triangles of a signed graph by sign pattern (balance.h). */
#include "analysis/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void fnet_balance_free(fnet_balance *b)
{
    if (!b)
        return;
    free(b->list);
    b->list = NULL;
    b->n_list = 0;
}

int fnet_balance_pair_edges(const fnet_graph *g, uint32_t a, uint32_t b,
                            int64_t out[2])
{
    int n = 0;
    int64_t e = fnet_graph_find_edge(g, a, b);
    if (e >= 0)
        out[n++] = e;
    if (g->opts.directed && (e = fnet_graph_find_edge(g, b, a)) >= 0)
        out[n++] = e;
    return n;
}

static int cmp_triangle(const void *x, const void *y)
{
    const fnet_triangle *a = x, *b = y;
    if (a->balanced != b->balanced)
        return a->balanced ? 1 : -1;
    if (a->negatives != b->negatives)
        return a->negatives < b->negatives ? -1 : 1;
    for (int k = 0; k < 3; k++)
        if (a->node[k] != b->node[k])
            return a->node[k] < b->node[k] ? -1 : 1;
    return 0;
}

static void sort3(uint32_t v[3])
{
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2 - i; j++)
            if (v[j] > v[j + 1]) {
                uint32_t t = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
}

typedef struct bctx {
    igraph_t u;
    igraph_vector_t w, pos, neg;
    igraph_vector_int_t tri;
    bool has_u, has_signs, has_tri;
} bctx;

static void bctx_free(bctx *c)
{
    if (c->has_tri)
        igraph_vector_int_destroy(&c->tri);
    if (c->has_signs) {
        igraph_vector_destroy(&c->pos);
        igraph_vector_destroy(&c->neg);
    }
    if (c->has_u) {
        igraph_destroy(&c->u);
        igraph_vector_destroy(&c->w);
    }
}

static int net_sign(const bctx *c, igraph_integer_t e)
{
    double d = VECTOR(c->pos)[e] - VECTOR(c->neg)[e];
    return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* Classifies one triangle; returns false when a pair has no sign. */
static bool classify(const bctx *c, fnet_triangle *t, fnet_err *err, int *rc)
{
    static const int ends[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    t->negatives = 0;
    for (int k = 0; k < 3; k++) {
        igraph_integer_t e;
        igraph_error_t irc = igraph_get_eid(&c->u, &e, t->node[ends[k][0]],
                                            t->node[ends[k][1]], false, true);
        if (irc) {
            *rc = fnet_err_igraph(err, irc, "balance");
            return false;
        }
        t->sign[k] = net_sign(c, e);
        if (t->sign[k] == 0)
            return false;
        t->negatives += t->sign[k] < 0;
    }
    t->balanced = t->negatives % 2 == 0;
    return true;
}

static void count_pairs(fnet_balance *out, const bctx *c)
{
    for (igraph_integer_t e = 0; e < igraph_vector_size(&c->pos); e++) {
        int s = net_sign(c, e);
        out->positive += s > 0;
        out->negative += s < 0;
        out->zero += s == 0;
        out->mixed += VECTOR(c->pos)[e] > 0 && VECTOR(c->neg)[e] > 0;
    }
}

int fnet_balance_compute(fnet_balance *out, const fnet_graph *g, bool list_all,
                         fnet_err *err)
{
    bctx c = {0};
    int rc = 0;
    memset(out, 0, sizeof *out);
    out->ratio = NAN;
    if ((rc = fnet_graph_undirected(g, &c.u, &c.w, err)))
        return rc;
    c.has_u = true;
    if ((rc = fnet_graph_undirected_signs(g, &c.pos, &c.neg, err)))
        goto done;
    c.has_signs = true;
    count_pairs(out, &c);
    if (igraph_vector_int_init(&c.tri, 0)) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    c.has_tri = true;
    igraph_error_t irc = igraph_list_triangles(&c.u, &c.tri);
    if (irc) {
        rc = fnet_err_igraph(err, irc, "listing triangles");
        goto done;
    }
    size_t n = (size_t)igraph_vector_int_size(&c.tri) / 3;
    out->triangles = n;
    out->list = malloc((n ? n : 1) * sizeof *out->list);
    if (!out->list) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        fnet_triangle t;
        for (int k = 0; k < 3; k++)
            t.node[k] = (uint32_t)VECTOR(c.tri)[3 * i + (size_t)k];
        sort3(t.node);
        if (!classify(&c, &t, err, &rc)) {
            if (rc)
                goto done;
            out->excluded++;
            continue;
        }
        out->by_negatives[t.negatives]++;
        if (t.balanced)
            out->balanced++;
        else
            out->unbalanced++;
        if (list_all || !t.balanced)
            out->list[out->n_list++] = t;
    }
    if (out->balanced + out->unbalanced)
        out->ratio =
            (double)out->balanced / (double)(out->balanced + out->unbalanced);
    if (out->n_list)
        qsort(out->list, out->n_list, sizeof *out->list, cmp_triangle);
done:
    bctx_free(&c);
    return rc;
}

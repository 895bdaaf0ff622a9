/* graph_pairs.c - the graph of per-pair sums (see graph_pairs.h). */
#include "graph/graph_pairs.h"

#include <stdlib.h>
#include <string.h>

bool fnet_graph_pairs_supported(const fnet_graph_opts *o)
{
    return o->view == FNET_VIEW_FULL && !o->directed && !o->relations &&
           !o->types && !fnet_date_is_set(o->from) &&
           !fnet_date_is_set(o->to) && !o->dated_only && !o->drop_isolated &&
           o->duplicates == FNET_DUP_INCLUDE;
}

/* One pass of a stable counting sort of the indices in[0..n) into out, by
 * the entity index at `shift` in their pair's key (0: second, 32: first).
 * start has n_keys + 1 entries. */
static void count_pass(const fnet_pair_sum *pairs, uint32_t *in, uint32_t *out,
                       size_t n, size_t *start, uint32_t n_keys, int shift)
{
    memset(start, 0, ((size_t)n_keys + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[(pairs[in[i]].key >> shift & 0xffffffffu) + 1]++;
    for (uint32_t k = 0; k < n_keys; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        out[start[pairs[in[i]].key >> shift & 0xffffffffu]++] = in[i];
}

/* The pair indices in (first, second) order: by second, then stably by
 * first. Sorting 4-byte indices, not the 40-byte sums, keeps the extra
 * memory small. Returns NULL when out of memory; the caller frees it. */
static uint32_t *sorted_order(const fnet_pair_sum *pairs, size_t n,
                              uint32_t n_entities)
{
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t *start = malloc(((size_t)n_entities + 1) * sizeof *start);
    if (order && tmp && start) {
        for (size_t i = 0; i < n; i++)
            order[i] = (uint32_t)i;
        count_pass(pairs, order, tmp, n, start, n_entities, 0);
        count_pass(pairs, tmp, order, n, start, n_entities, 32);
    } else {
        free(order);
        order = NULL;
    }
    free(tmp);
    free(start);
    return order;
}

static int make_igraph(fnet_graph *g, size_t n_edges, fnet_err *err)
{
    igraph_vector_int_t ev;
    igraph_error_t irc =
        igraph_vector_int_init(&ev, (igraph_integer_t)(2 * n_edges));
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    for (size_t i = 0; i < n_edges; i++) {
        VECTOR(ev)[2 * i] = g->edges[i].from;
        VECTOR(ev)[2 * i + 1] = g->edges[i].to;
    }
    irc = igraph_create(&g->g, &ev, (igraph_integer_t)g->n_nodes,
                        IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    g->has_g = true;
    irc = igraph_vector_init(&g->weights, (igraph_integer_t)n_edges);
    if (irc)
        return fnet_err_igraph(err, irc, "building the graph");
    g->has_weights = true;
    for (size_t i = 0; i < n_edges; i++)
        VECTOR(g->weights)[i] = g->edges[i].weight;
    return 0;
}

int fnet_graph_build_pairs(fnet_graph **out, const fnet_corpus *c,
                           const fnet_pair_sum *pairs, size_t n_pairs,
                           const fnet_graph_opts *opts, fnet_err *err)
{
    *out = NULL;
    if (!fnet_graph_pairs_supported(opts))
        return fnet_err_set(err, FNET_EUSAGE,
                            "these graph options need "
                            "the facts themselves");
    fnet_graph *g = calloc(1, sizeof *g);
    size_t ne = c->n_entities ? c->n_entities : 1;
    uint32_t *order = NULL;
    int rc = 0;
    if (!g)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    g->corpus = c;
    g->opts = *opts;
    g->n_nodes = c->n_entities;
    g->entity = malloc(ne * sizeof *g->entity);
    g->node_of = malloc(ne * sizeof *g->node_of);
    g->edges = malloc((n_pairs ? n_pairs : 1) * sizeof *g->edges);
    if (g->entity && g->node_of && g->edges)
        order = sorted_order(pairs, n_pairs, c->n_entities);
    if (!order) {
        rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    for (uint32_t i = 0; i < c->n_entities; i++) {
        g->entity[i] = i;
        g->node_of[i] = (int32_t)i;
    }
    size_t n = 0;
    for (size_t i = 0; i < n_pairs; i++) {
        const fnet_pair_sum *p = &pairs[order[i]];
        if (p->weight < opts->min_weight)
            continue;
        g->edges[n++] = (fnet_edge){.from = fnet_pair_first(p),
                                    .to = fnet_pair_second(p),
                                    .weight = p->weight,
                                    .count = p->count,
                                    .pos_weight = p->pos_weight,
                                    .neg_weight = p->neg_weight,
                                    .sign = fnet_pair_sign(p),
                                    .relation = p->relation,
                                    .facts = NULL,
                                    .n_facts = 0,
                                    .first = FNET_DATE_NONE,
                                    .last = FNET_DATE_NONE};
        g->n_facts_used += p->count;
    }
    rc = make_igraph(g, n, err);
done:
    free(order);
    if (rc) {
        fnet_graph_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

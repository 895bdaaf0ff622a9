/* test_paths.c - the one-pass path metrics (analysis/paths.h) against
 * igraph's own three calls, bit for bit: igraph_betweenness_subset (the
 * same sources, all targets), igraph_betweenness (all sources),
 * igraph_closeness (normalised, reachable counts) and
 * igraph_harmonic_centrality (normalised), on directed and undirected,
 * connected and disconnected graphs, isolated nodes, many tied paths,
 * parallel edges and self-loops, 0, 1 and 2 nodes, random graphs, and on
 * several source ranges. Hand-computed values check the test itself on a
 * few graphs (a path, a star, a 4-cycle). */
#include "test.h"

#include "analysis/paths.h"

#include <igraph.h>
#include <stdint.h>
#include <stdlib.h>

/* Bit-for-bit equal, or both NaN. */
static bool same_bits(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static int mismatches; /* values that differ, over all graphs */

static void expect_same(const char *what, const char *graph, igraph_integer_t i,
                        double got, double want)
{
    if (same_bits(got, want))
        return;
    mismatches++;
    fprintf(stderr, "%s: %s[%ld]: got %.17g, want %.17g\n", graph, what,
            (long)i, got, want);
}

/* fnet_paths_part on [lo, hi) against igraph's calls on the same range. */
static void check_range(const char *name, const igraph_t *g, bool bt,
                        igraph_integer_t lo, igraph_integer_t hi)
{
    fnet_paths p;
    fnet_err err = {0};
    igraph_vector_t res, ref;
    igraph_vector_int_t reach, ref_reach;
    igraph_integer_t n = igraph_vcount(g), k = hi - lo, nb = bt ? n : 0;
    bool dir = igraph_is_directed(g);
    igraph_neimode_t mode = dir ? IGRAPH_OUT : IGRAPH_ALL;
    igraph_vs_t range;
    igraph_vector_init(&res, 0);
    igraph_vector_init(&ref, 0);
    igraph_vector_int_init(&reach, 0);
    igraph_vector_int_init(&ref_reach, 0);
    igraph_vs_range(&range, lo, hi);
    CHECK_INT(fnet_paths_init(&p, g, bt, &err), 0);
    CHECK_INT(fnet_paths_part(&p, lo, hi, &res, &reach, &err), 0);
    CHECK_INT(igraph_vector_size(&res), nb + 2 * k);
    CHECK_INT(igraph_vector_int_size(&reach), k);
    if (bt) {
        CHECK_INT(igraph_betweenness_subset(g, &ref, igraph_vss_all(), dir,
                                            range, igraph_vss_all(), NULL),
                  0);
        for (igraph_integer_t i = 0; i < n; i++)
            expect_same("betweenness", name, i, VECTOR(res)[i], VECTOR(ref)[i]);
        if (lo == 0 && hi == n) {
            CHECK_INT(igraph_betweenness(g, &ref, igraph_vss_all(), dir, NULL),
                      0);
            for (igraph_integer_t i = 0; i < n; i++)
                expect_same("betweenness (all)", name, i, VECTOR(res)[i],
                            VECTOR(ref)[i]);
        }
    }
    CHECK_INT(
        igraph_closeness(g, &ref, &ref_reach, NULL, range, mode, NULL, true),
        0);
    for (igraph_integer_t i = 0; i < k; i++) {
        expect_same("closeness", name, lo + i, VECTOR(res)[nb + i],
                    VECTOR(ref)[i]);
        expect_same("reachable", name, lo + i, (double)VECTOR(reach)[i],
                    (double)VECTOR(ref_reach)[i]);
    }
    CHECK_INT(igraph_harmonic_centrality(g, &ref, range, mode, NULL, true), 0);
    for (igraph_integer_t i = 0; i < k; i++)
        expect_same("harmonic", name, lo + i, VECTOR(res)[nb + k + i],
                    VECTOR(ref)[i]);
    fnet_paths_destroy(&p);
    igraph_vs_destroy(&range);
    igraph_vector_int_destroy(&ref_reach);
    igraph_vector_int_destroy(&reach);
    igraph_vector_destroy(&ref);
    igraph_vector_destroy(&res);
}

/* All sources; the two halves of analysis/split.h; an odd range; with and
 * without betweenness. */
static void check_graph(const char *name, const igraph_t *g)
{
    igraph_integer_t n = igraph_vcount(g);
    int before = mismatches;
    check_range(name, g, true, 0, n);
    check_range(name, g, false, 0, n);
    check_range(name, g, true, 0, n / 2);
    check_range(name, g, true, n / 2, n);
    if (n > 3)
        check_range(name, g, true, 1, n - 2);
    CHECK(mismatches == before);
    if (mismatches != before)
        fprintf(stderr, "  in graph %s\n", name);
}

static void check_edges(const char *name, igraph_integer_t n, bool directed,
                        const igraph_integer_t *edges, igraph_integer_t m)
{
    igraph_t g;
    igraph_vector_int_t e;
    igraph_vector_int_init(&e, 2 * m);
    for (igraph_integer_t i = 0; i < 2 * m; i++)
        VECTOR(e)[i] = edges[i];
    igraph_create(&g, &e, n, directed);
    check_graph(name, &g);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&e);
}

/* The values of a small graph, worked out by hand, so that the test does
 * not only compare the module with igraph. */
static void test_hand_values(void)
{
    /* path 0-1-2-3: betweenness (raw, unordered pairs) 0, 2, 2, 0;
     * closeness of 0 = 3 / (1 + 2 + 3) = 0.5, of 1 = 3 / 4; harmonic of
     * 0 = (1 + 1/2 + 1/3) / 3 = 11/18. */
    igraph_t g;
    fnet_paths p;
    fnet_err err = {0};
    igraph_vector_t res;
    igraph_vector_int_t reach;
    igraph_small(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, -1);
    igraph_vector_init(&res, 0);
    igraph_vector_int_init(&reach, 0);
    CHECK_INT(fnet_paths_init(&p, &g, true, &err), 0);
    CHECK_INT(fnet_paths_part(&p, 0, 4, &res, &reach, &err), 0);
    CHECK_NEAR(VECTOR(res)[0], 0, 0);
    CHECK_NEAR(VECTOR(res)[1], 2, 1e-15);
    CHECK_NEAR(VECTOR(res)[2], 2, 1e-15);
    CHECK_NEAR(VECTOR(res)[3], 0, 0);
    CHECK_NEAR(VECTOR(res)[4], 0.5, 1e-15);
    CHECK_NEAR(VECTOR(res)[5], 0.75, 1e-15);
    CHECK_NEAR(VECTOR(res)[8], 11.0 / 18.0, 1e-15);
    CHECK_INT(VECTOR(reach)[0], 3);
    fnet_paths_destroy(&p);
    igraph_destroy(&g);

    /* 4-cycle 0-1-2-3-0: two shortest paths between opposite corners, so
     * each node carries 1/2 of one pair: betweenness 0.5 each. */
    igraph_ring(&g, 4, IGRAPH_UNDIRECTED, false, true);
    CHECK_INT(fnet_paths_init(&p, &g, true, &err), 0);
    CHECK_INT(fnet_paths_part(&p, 0, 4, &res, &reach, &err), 0);
    for (int i = 0; i < 4; i++)
        CHECK_NEAR(VECTOR(res)[i], 0.5, 1e-15);
    fnet_paths_destroy(&p);
    igraph_destroy(&g);

    /* directed star 0 -> 1, 0 -> 2, 3 -> 0: paths 3->0->1 and 3->0->2
     * pass through 0 (betweenness 2); 1 and 2 reach nothing (closeness
     * NaN, reachable 0, harmonic 0); 3 reaches 3 nodes at 1, 2, 2. */
    igraph_small(&g, 4, IGRAPH_DIRECTED, 0, 1, 0, 2, 3, 0, -1);
    CHECK_INT(fnet_paths_init(&p, &g, true, &err), 0);
    CHECK_INT(fnet_paths_part(&p, 0, 4, &res, &reach, &err), 0);
    CHECK_NEAR(VECTOR(res)[0], 2, 1e-15);
    CHECK(isnan(VECTOR(res)[4 + 1]));
    CHECK_INT(VECTOR(reach)[1], 0);
    CHECK_NEAR(VECTOR(res)[8 + 1], 0, 0);
    CHECK_NEAR(VECTOR(res)[4 + 3], 3.0 / 5.0, 1e-15);
    CHECK_NEAR(VECTOR(res)[8 + 3], (1 + 0.5 + 0.5) / 3, 1e-15);
    fnet_paths_destroy(&p);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&reach);
    igraph_vector_destroy(&res);
}

static void test_small(void)
{
    static const igraph_integer_t two[] = {0, 1};
    check_edges("empty", 0, false, NULL, 0);
    check_edges("one node", 1, false, NULL, 0);
    check_edges("one node, directed", 1, true, NULL, 0);
    check_edges("two nodes", 2, false, two, 1);
    check_edges("two nodes, directed", 2, true, two, 1);
    check_edges("two isolated nodes", 2, false, NULL, 0);
    /* components of 3, 2 and 1 nodes and two isolated nodes */
    static const igraph_integer_t comps[] = {0, 1, 1, 2, 3, 4, 6, 6};
    check_edges("components", 8, false, comps, 4);
    check_edges("components, directed", 8, true, comps, 4);
    /* parallel edges and self-loops (igraph counts each parallel edge as
     * its own path in betweenness, and drops loops) */
    static const igraph_integer_t multi[] = {0, 1, 0, 1, 1, 2, 2, 2,
                                             2, 3, 3, 0, 3, 0, 1, 1};
    check_edges("multigraph", 4, false, multi, 8);
    check_edges("multigraph, directed", 4, true, multi, 8);
    /* reciprocal arcs and a sink */
    static const igraph_integer_t recip[] = {0, 1, 1, 0, 1, 2,
                                             2, 3, 3, 1, 4, 2};
    check_edges("reciprocal", 5, true, recip, 6);
}

/* Graphs with many equal shortest paths: a lattice, a hypercube, a
 * complete bipartite graph, a complete graph, stars and rings. */
static void test_ties(void)
{
    igraph_t g;
    igraph_vector_int_t dims;
    igraph_vector_int_init(&dims, 2);
    VECTOR(dims)[0] = 9;
    VECTOR(dims)[1] = 7;
    igraph_square_lattice(&g, &dims, 1, IGRAPH_UNDIRECTED, false, NULL);
    check_graph("lattice 9x7", &g);
    igraph_destroy(&g);
    igraph_square_lattice(&g, &dims, 1, IGRAPH_DIRECTED, true, NULL);
    check_graph("lattice 9x7, directed mutual", &g);
    igraph_destroy(&g);
    igraph_vector_int_resize(&dims, 6);
    igraph_vector_int_fill(&dims, 2);
    igraph_square_lattice(&g, &dims, 1, IGRAPH_UNDIRECTED, false, NULL);
    check_graph("hypercube 2^6", &g);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&dims);
    igraph_full_bipartite(&g, NULL, 7, 11, IGRAPH_UNDIRECTED, IGRAPH_ALL);
    check_graph("K(7,11)", &g);
    igraph_destroy(&g);
    igraph_full(&g, 12, IGRAPH_UNDIRECTED, false);
    check_graph("K12", &g);
    igraph_destroy(&g);
    igraph_star(&g, 9, IGRAPH_STAR_OUT, 0);
    check_graph("out-star", &g);
    igraph_destroy(&g);
    igraph_star(&g, 9, IGRAPH_STAR_UNDIRECTED, 4);
    check_graph("star", &g);
    igraph_destroy(&g);
    igraph_ring(&g, 10, IGRAPH_DIRECTED, false, true);
    check_graph("directed ring", &g);
    igraph_destroy(&g);
    igraph_ring(&g, 11, IGRAPH_UNDIRECTED, false, true);
    check_graph("ring", &g);
    igraph_destroy(&g);
}

/* Random graphs from igraph's seeded generator: sparse (many components,
 * isolated nodes) and dense, directed and undirected, and scale-free
 * graphs with hubs (the bench corpora's shape). */
static void test_random(void)
{
    igraph_t g;
    char name[64];
    igraph_rng_seed(igraph_rng_default(), 2101);
    for (int i = 0; i < 12; i++) {
        bool dir = i % 2;
        igraph_integer_t n = 20 + 15 * i;
        double p = i < 4 ? 1.2 / (double)n : 4.0 / (double)n + 0.01 * i;
        igraph_erdos_renyi_game_gnp(&g, n, p, dir, false);
        snprintf(name, sizeof name, "gnp %d (n %ld, p %.3f%s)", i, (long)n, p,
                 dir ? ", directed" : "");
        check_graph(name, &g);
        igraph_destroy(&g);
    }
    for (int i = 0; i < 4; i++) {
        bool dir = i % 2;
        igraph_barabasi_game(&g, 300, 1.0, 1 + i, NULL, true, 1.0, dir,
                             IGRAPH_BARABASI_PSUMTREE, NULL);
        snprintf(name, sizeof name, "barabasi %d%s", i,
                 dir ? ", directed" : "");
        check_graph(name, &g);
        igraph_destroy(&g);
    }
}

int main(void)
{
    RUN(test_hand_values);
    RUN(test_small);
    RUN(test_ties);
    RUN(test_random);
    CHECK_INT(mismatches, 0);
    return TEST_REPORT();
}

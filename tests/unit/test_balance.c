/* test_balance.c - unit tests for signed networks: structural balance
 * (src/analysis/balance), the signed node metrics, frustration
 * (src/analysis/signed), signed spinglass, and the sign split of edges in
 * the full and actors views. Expected values are worked out by hand in the
 * comments. */
#include "test.h"

#include "analysis/balance.h"
#include "analysis/community.h"
#include "analysis/metrics.h"
#include "analysis/signed.h"
#include "fixture.h"

/* One triangle per sign pattern, plus two with a mixed pair:
 *   A B C  +++            balanced
 *   D E F  ++- (D-F)      unbalanced
 *   G H I  +-- (G-I opposes, H-I cooperates_with with "sign": -1)
 *                         balanced
 *   J K L  ---            unbalanced
 *   M N O  M-N: + weight 2 and - weight 1 (net +1, mixed) -> +++
 *   P Q R  P-Q: + weight 1 and - weight 1 (net 0: no sign) -> excluded
 * Pairs: positive 3+2+1+0+3+2 = 11, negative 0+1+2+3 = 6, mixed 2 (M-N,
 * P-Q), without sign 1 (P-Q). Signed triangles: 5; balanced 3 (ABC, GHI,
 * MNO), unbalanced 2 (DEF, JKL); ratio 3/5. */
static const char *const lines[] = {
    "A B cooperates_with",
    "B C cooperates_with",
    "A C cooperates_with",
    "D E cooperates_with",
    "E F cooperates_with",
    "D F opposes",
    "G H cooperates_with",
    "G I opposes",
    "H I cooperates_with - sign=-1",
    "J K opposes",
    "K L opposes",
    "J L competes_with",
    "M N cooperates_with - weight=2",
    "M N opposes",
    "N O cooperates_with",
    "M O cooperates_with",
    "P Q cooperates_with",
    "P Q opposes",
    "Q R cooperates_with",
    "P R cooperates_with",
};
#define N_LINES (sizeof lines / sizeof lines[0])

static fnet_graph *build(const fnet_corpus *c, bool directed)
{
    fnet_graph_opts o;
    fnet_graph *g = NULL;
    fnet_err err = {0};
    fnet_graph_opts_init(&o);
    o.directed = directed;
    if (fnet_graph_build(&g, c, &o, &err))
        fprintf(stderr, "build: %s\n", err.msg);
    return g;
}

static const char *id(const fnet_graph *g, uint32_t v)
{
    return fnet_graph_node_entity(g, v)->id;
}

static void test_balance(const fnet_corpus *c, bool directed)
{
    fnet_graph *g = build(c, directed);
    fnet_balance b;
    fnet_err err = {0};
    if (!g)
        return;
    CHECK_INT(fnet_balance_compute(&b, g, false, &err), 0);
    CHECK_INT(b.positive, 11);
    CHECK_INT(b.negative, 6);
    CHECK_INT(b.mixed, 2);
    CHECK_INT(b.zero, 1);
    CHECK_INT(b.triangles, 6);
    CHECK_INT(b.excluded, 1);
    CHECK_INT(b.by_negatives[0], 2);
    CHECK_INT(b.by_negatives[1], 1);
    CHECK_INT(b.by_negatives[2], 1);
    CHECK_INT(b.by_negatives[3], 1);
    CHECK_INT(b.balanced, 3);
    CHECK_INT(b.unbalanced, 2);
    CHECK_NEAR(b.ratio, 0.6, 1e-15);
    /* the unbalanced ones: ++- before --- */
    CHECK_INT(b.n_list, 2);
    if (b.n_list == 2) {
        CHECK_STR(id(g, b.list[0].node[0]), "D");
        CHECK_STR(id(g, b.list[0].node[2]), "F");
        CHECK_INT(b.list[0].negatives, 1);
        /* pairs 01, 02, 12: D-E +, D-F -, E-F + */
        CHECK_INT(b.list[0].sign[0], 1);
        CHECK_INT(b.list[0].sign[1], -1);
        CHECK_INT(b.list[0].sign[2], 1);
        CHECK(!b.list[0].balanced);
        CHECK_STR(id(g, b.list[1].node[0]), "J");
        CHECK_INT(b.list[1].negatives, 3);
        /* the evidence of D-F: one fact (two arcs in directed mode) */
        int64_t e[2];
        int ne = fnet_balance_pair_edges(g, FNET_TRIANGLE_A(&b.list[0], 1),
                                         FNET_TRIANGLE_B(&b.list[0], 1), e);
        CHECK_INT(ne, directed ? 2 : 1);
        CHECK(ne >= 1 && g->edges[e[0]].n_facts == 1 &&
              g->edges[e[0]].facts[0] == 5);
    }
    fnet_balance_free(&b);
    /* --all: every signed triangle, unbalanced first */
    CHECK_INT(fnet_balance_compute(&b, g, true, &err), 0);
    CHECK_INT(b.n_list, 5);
    if (b.n_list == 5) {
        CHECK(!b.list[0].balanced && !b.list[1].balanced);
        CHECK_STR(id(g, b.list[2].node[0]), "A"); /* +++ before +-- */
        CHECK_STR(id(g, b.list[3].node[0]), "M");
        CHECK_STR(id(g, b.list[4].node[0]), "G");
    }
    fnet_balance_free(&b);
    fnet_graph_free(g);
}

/* Signed node metrics. Undirected:
 *   D: E (+), F (-)          pos 1, neg 1, net 1 - 1 = 0
 *   M: N (+2 -1), O (+1)     pos 2, neg 1, net (2 - 1) + 1 = 2
 *   J: K (-), L (-)          pos 0, neg 2, net -2
 *   P: Q (+1 -1), R (+1)     pos 2, neg 1, net 0 + 1 = 1
 * Unweighted, net_strength sums the signs of the pairs' net weights:
 *   M: +1 +1 = 2; P: 0 + 1 = 1.
 * Directed (every relation here is undirected, so each fact gives both
 * arcs): degrees count neighbours once, net_strength counts in + out. */
static void test_signed_metrics(const fnet_corpus *c)
{
    static const struct {
        const char *id;
        double pos, neg, net, net_unw;
    } want[] = {{"D", 1, 1, 0, 0},
                {"M", 2, 1, 2, 2},
                {"J", 0, 2, -2, -2},
                {"P", 2, 1, 1, 1},
                {"A", 2, 0, 2, 2}};
    for (int directed = 0; directed < 2; directed++) {
        for (int unweighted = 0; unweighted < 2; unweighted++) {
            fnet_graph *g = build(c, directed);
            fnet_metrics m;
            fnet_metrics_opts o;
            fnet_err err = {0};
            if (!g)
                return;
            fnet_metrics_opts_init(&o);
            o.want = FNET_METRICS_SIGNED;
            o.unweighted = unweighted;
            CHECK_INT(fnet_metrics_compute(&m, g, &o, &err), 0);
            CHECK(fnet_graph_has_negative(g));
            for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
                int32_t v = fnet_graph_find_node(g, want[i].id);
                if (v < 0 || !m.value[FNET_M_NET_STRENGTH])
                    continue;
                double net = unweighted ? want[i].net_unw : want[i].net;
                CHECK_NEAR(m.value[FNET_M_POS_DEGREE][v], want[i].pos, 0);
                CHECK_NEAR(m.value[FNET_M_NEG_DEGREE][v], want[i].neg, 0);
                CHECK_NEAR(m.value[FNET_M_NET_STRENGTH][v],
                           directed ? 2 * net : net, 0);
            }
            fnet_metrics_free(&m);
            fnet_graph_free(g);
        }
    }
    CHECK_INT(fnet_metric_from_name("net_strength"), FNET_M_NET_STRENGTH);
    CHECK(fnet_metric_is_integer(FNET_M_NEG_DEGREE));
    CHECK(!fnet_metric_is_integer(FNET_M_NET_STRENGTH));
}

/* Frustration of the partition into the six triangles: every negative
 * pair lies inside a community (6 of 6), no positive pair between them
 * (0 of 11): frustration = 6 / 17. With every node alone: the 11
 * positive pairs are between communities: 11 / 17. */
static void test_frustration(const fnet_corpus *c)
{
    fnet_graph *g = build(c, false);
    fnet_frustration f;
    uint32_t comm[18], alone[18];
    if (!g)
        return;
    CHECK_INT(g->n_nodes, 18);
    for (uint32_t v = 0; v < 18; v++) {
        comm[v] = v / 3 + 1; /* entities come in triangle order */
        alone[v] = v + 1;
    }
    CHECK_INT(fnet_frustration_compute(&f, g, comm, NULL), 0);
    CHECK_INT(f.negative_within, 6);
    CHECK_INT(f.positive_between, 0);
    CHECK_NEAR(f.negative_within_share, 1, 0);
    CHECK_NEAR(f.positive_between_share, 0, 0);
    CHECK_NEAR(f.frustration, 6.0 / 17, 1e-15);
    CHECK_INT(f.zero, 1);
    CHECK_INT(fnet_frustration_compute(&f, g, alone, NULL), 0);
    CHECK_NEAR(f.frustration, 11.0 / 17, 1e-15);
    CHECK_INT(fnet_frustration_compute(&f, g, NULL, NULL), 0);
    CHECK(isnan(f.frustration));
    CHECK_INT(f.positive, 11);
    fnet_graph_free(g);
}

/* Two camps: positive triangles {A,B,C} and {D,E,F}, every cross pair
 * negative (K3,3). As tie strengths this is K6, where one community is
 * optimal (leiden); with signs, spinglass must separate the camps.
 * Signed modularity of the camps, by hand: w+ = 6, Q+ = 2(3/6 - (6/12)^2)
 * = 1/2; w- = 9, Q- = 0 - 2(9/18)^2 = -1/2; Q = (6/2 + 9/2)/15 = 1/2. */
static void test_spinglass_camps(void)
{
    static const char *const camps[] = {
        "A B cooperates_with", "B C cooperates_with", "A C cooperates_with",
        "D E cooperates_with", "E F cooperates_with", "D F cooperates_with",
        "A D opposes",         "A E opposes",         "A F opposes",
        "B D opposes",         "B E opposes",         "B F opposes",
        "C D opposes",         "C E opposes",         "C F opposes"};
    fnet_corpus *c = corpus_from_edges(camps, 15, NULL);
    fnet_graph *g = c ? build(c, false) : NULL;
    fnet_community_opts o;
    fnet_communities cm;
    fnet_frustration f;
    fnet_err err = {0};
    if (!g) {
        CHECK(g != NULL);
        fnet_corpus_free(c);
        return;
    }
    fnet_community_opts_init(&o);
    o.algorithm = FNET_COMM_SPINGLASS;
    for (unsigned long seed = 1; seed <= 3; seed++) {
        o.seed = seed;
        CHECK_INT(fnet_communities_detect(&cm, g, &o, &err), 0);
        CHECK(cm.signed_quality);
        CHECK_INT(cm.n_communities, 2);
        for (uint32_t v = 0; v < 6; v++)
            CHECK_INT(cm.community[v], v < 3 ? 1 : 2);
        CHECK_NEAR(cm.modularity, 0.5, 1e-12);
        CHECK_INT(fnet_frustration_compute(&f, g, cm.community, NULL), 0);
        CHECK_NEAR(f.frustration, 0, 0);
        fnet_communities_free(&cm);
    }
    /* leiden on a graph with negative ties sees the positive part of the
     * net weights: the two positive triangles, no tie between them, so
     * the two camps again and frustration 0. (On the tie strengths w+ +
     * w-, which it used before, it found one community holding all 9
     * negative pairs: frustration 9/15.) */
    o.algorithm = FNET_COMM_LEIDEN;
    CHECK_INT(fnet_communities_detect(&cm, g, &o, &err), 0);
    CHECK(!cm.signed_quality);
    CHECK(cm.positive_part);
    CHECK_INT(cm.n_communities, 2);
    for (uint32_t v = 0; v < 6; v++)
        CHECK_INT(cm.community[v], v < 3 ? 1 : 2);
    CHECK_INT(fnet_frustration_compute(&f, g, cm.community, NULL), 0);
    CHECK_NEAR(f.frustration, 0, 0);
    fnet_communities_free(&cm);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

/* Actors view: with --weight (the stance-free projection) shared items
 * count as positive, direct negative facts subtract; with the default
 * --tie signed, E against I4 and F in I4 disagree (levels 0 and 1, R = 1):
 * congruence 0, conflict 1.
 *   A, B share I1; A opposes B:        pos 1, neg 1 (net 0, sign 0)
 *   C, D share I2 and I3; C opposes D: pos 2, neg 1 (net +1)
 *   E against I4, F in I4:             --weight: pos 1, neg 0 (co-
 *                                      membership is positive whatever
 *                                      the fact signs); signed: pos 0,
 *                                      neg 1, sign -1 */
static void test_actors_signs(void)
{
    static const char *const a[] = {
        "A I1 in", "B I1 in", "A B opposes", "C I2 in",      "D I2 in",
        "C I3 in", "D I3 in", "C D opposes", "E I4 against", "F I4 in"};
    fnet_corpus *c = corpus_from_edges(a, 10, "I1,I2,I3,I4");
    fnet_graph_opts o;
    fnet_graph *g = NULL;
    fnet_err err = {0};
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    static const struct {
        const char *x, *y;
        double pos, neg;
        int sign, tie;
    } want[] = {{"A", "B", 1, 1, 0, FNET_TIE_MEMBERSHIP},
                {"C", "D", 2, 1, 0, FNET_TIE_MEMBERSHIP},
                {"E", "F", 1, 0, 1, FNET_TIE_MEMBERSHIP},
                {"A", "B", 1, 1, 0, FNET_TIE_SIGNED},
                {"C", "D", 2, 1, 0, FNET_TIE_SIGNED},
                {"E", "F", 0, 1, -1, FNET_TIE_SIGNED}};
    for (size_t i = 0; i < 6; i++) {
        fnet_graph_opts_init(&o);
        o.view = FNET_VIEW_ACTORS;
        o.tie = want[i].tie;
        fnet_graph_free(g);
        g = NULL;
        CHECK_INT(fnet_graph_build(&g, c, &o, &err), 0);
        if (!g)
            continue;
        int32_t x = fnet_graph_find_node(g, want[i].x);
        int32_t y = fnet_graph_find_node(g, want[i].y);
        int64_t e = x >= 0 && y >= 0
                        ? fnet_graph_find_edge(g, (uint32_t)x, (uint32_t)y)
                        : -1;
        CHECK(e >= 0);
        if (e < 0)
            continue;
        CHECK_NEAR(g->edges[e].pos_weight, want[i].pos, 0);
        CHECK_NEAR(g->edges[e].neg_weight, want[i].neg, 0);
        CHECK_NEAR(g->edges[e].weight, want[i].pos + want[i].neg, 0);
        CHECK_INT(g->edges[e].sign, want[i].sign);
    }
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

int main(void)
{
    fnet_corpus *c = corpus_from_edges(lines, N_LINES, NULL);
    CHECK(c != NULL);
    if (c) {
        test_balance(c, false);
        test_balance(c, true);
        test_signed_metrics(c);
        test_frustration(c);
    }
    fnet_corpus_free(c);
    RUN(test_spinglass_camps);
    RUN(test_actors_signs);
    return TEST_REPORT();
}

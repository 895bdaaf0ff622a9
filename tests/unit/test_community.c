/* test_community.c - unit tests for src/analysis/community: canonical
 * numbering, the stability rule, determinism, disconnected graphs, and
 * karate's optimal modularity. */
#include "test.h"

#include "analysis/community.h"
#include "fixture.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdlib.h>

static void test_canonical(void)
{
    /* labels 7,7,3,3,3,9,5,5: sizes 2,3,1,2; the two communities of size 2
     * are ordered by their smallest id: {b0,b1} ("a"...) vs {g,h} */
    const char *ids[] = {"b1", "b0", "c", "d", "e", "z", "g", "h"};
    igraph_integer_t raw[] = {7, 7, 3, 3, 3, 9, 5, 5};
    uint32_t out[8];
    CHECK_INT(fnet_communities_canonical(out, raw, 8, ids), 4);
    uint32_t want[] = {2, 2, 1, 1, 1, 4, 3, 3};
    for (int i = 0; i < 8; i++)
        CHECK_INT(out[i], want[i]);
    /* the same partition under other labels gives the same numbers */
    igraph_integer_t raw2[] = {0, 0, 42, 42, 42, -1, 8, 8};
    uint32_t out2[8];
    fnet_communities_canonical(out2, raw2, 8, ids);
    CHECK(memcmp(out, out2, sizeof out) == 0);
    /* ties by smallest member id, in byte order: "B" < "a" */
    const char *ids3[] = {"a", "B"};
    igraph_integer_t raw3[] = {0, 1};
    fnet_communities_canonical(out, raw3, 2, ids3);
    CHECK_INT(out[0], 2);
    CHECK_INT(out[1], 1);
    CHECK_INT(fnet_communities_canonical(out, raw3, 0, ids3), 0);
}

static void test_agreement(void)
{
    /* reported {0,1,2,3} {4,5}; run {0,1,2} {3,4,5}:
     * u=0..2: |C n Cr| = 3 > max(4,3)/2 -> agree
     * u=3:    |{0..3} n {3,4,5}| = 1 -> no
     * u=4,5:  |{4,5} n {3,4,5}| = 2 > 3/2 -> agree */
    uint32_t ref[] = {1, 1, 1, 1, 2, 2}, run[] = {1, 1, 1, 2, 2, 2};
    double agree[6] = {0};
    CHECK_INT(fnet_communities_agreement(ref, run, 6, agree), 0);
    double want[] = {1, 1, 1, 0, 1, 1};
    for (int i = 0; i < 6; i++)
        CHECK_NEAR(agree[i], want[i], 0);
    /* a singleton merged into a pair: |{0} n {0,1}| = 1, not > 1 */
    uint32_t ref2[] = {1, 2}, run2[] = {1, 1};
    double a2[2] = {0};
    fnet_communities_agreement(ref2, run2, 2, a2);
    CHECK_NEAR(a2[0], 0, 0);
    CHECK_NEAR(a2[1], 0, 0);
}

static fnet_corpus *load(const char *path)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    char *paths[] = {(char *)path};
    int rc = fnet_load_corpus(&c, paths, 1, NULL, false, &d, &err);
    fnet_diag_free(&d);
    if (rc) {
        fprintf(stderr, "%s: %s\n", path, err.msg);
        fnet_corpus_free(c);
        return NULL;
    }
    return c;
}

static void test_karate(void)
{
    fnet_corpus *c = load("reference/networks/karate.json");
    fnet_graph *g = NULL;
    fnet_graph_opts go;
    fnet_err err = {0};
    CHECK(c != NULL);
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    fnet_community_opts o;
    fnet_community_opts_init(&o);
    o.unweighted = true;
    o.algorithm = FNET_COMM_OPTIMAL;
    fnet_communities a = {0}, b = {0};
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
    CHECK_NEAR(a.modularity, 0.4197896, 1e-7); /* Brandes et al. 2008 */
    CHECK_INT(a.n_communities, 4);
    fnet_communities_free(&a);

    /* Leiden: the same seed gives the same partition; numbers canonical */
    o.algorithm = FNET_COMM_LEIDEN;
    o.unweighted = false;
    for (unsigned long seed = 1; seed <= 3; seed++) {
        o.seed = seed;
        CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
        CHECK_INT(fnet_communities_detect(&b, g, &o, &err), 0);
        CHECK(memcmp(a.community, b.community, 34 * sizeof(uint32_t)) == 0);
        CHECK(a.modularity == b.modularity);
        /* canonical: community 1 is (one of) the largest */
        uint32_t size[35] = {0};
        for (int i = 0; i < 34; i++)
            size[a.community[i]]++;
        for (uint32_t k = 2; k <= a.n_communities; k++)
            CHECK(size[k] <= size[1]);
        /* modularity objective: at least Louvain-quality partitions */
        CHECK(a.modularity > 0.40);
        fnet_communities_free(&a);
        fnet_communities_free(&b);
    }

    /* runs: statistics and stability are consistent */
    o.algorithm = FNET_COMM_LOUVAIN;
    o.runs = 8;
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
    CHECK(a.stability != NULL);
    CHECK(a.mod_min <= a.mod_mean && a.mod_mean <= a.mod_max);
    CHECK_NEAR(a.modularity, a.mod_max, 0);
    CHECK(a.mod_sd >= 0);
    for (int i = 0; a.stability && i < 34; i++)
        CHECK(a.stability[i] >= 1.0 / 8 && a.stability[i] <= 1);
    fnet_communities_free(&a);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

/* Two triangles, an isolated node: every algorithm separates the
 * triangles, and the isolated node is a community of its own. */
static const char *tri =
    "{\"factnet\": 1, \"sources\": [{\"id\": \"s\"}], \"entities\": ["
    "{\"id\": \"A\", \"type\": \"actor\"}, {\"id\": \"B\", \"type\": "
    "\"actor\"},"
    "{\"id\": \"C\", \"type\": \"actor\"}, {\"id\": \"D\", \"type\": "
    "\"actor\"},"
    "{\"id\": \"E\", \"type\": \"actor\"}, {\"id\": \"F\", \"type\": "
    "\"actor\"},"
    "{\"id\": \"Z\", \"type\": \"actor\"}], \"facts\": ["
    "{\"subject\": \"A\", \"relation\": \"cooperates_with\", \"object\": "
    "\"B\"},"
    "{\"subject\": \"B\", \"relation\": \"cooperates_with\", \"object\": "
    "\"C\"},"
    "{\"subject\": \"C\", \"relation\": \"cooperates_with\", \"object\": "
    "\"A\"},"
    "{\"subject\": \"D\", \"relation\": \"cooperates_with\", \"object\": "
    "\"E\"},"
    "{\"subject\": \"E\", \"relation\": \"cooperates_with\", \"object\": "
    "\"F\"},"
    "{\"subject\": \"F\", \"relation\": \"cooperates_with\", \"object\": \"D\","
    " \"weight\": 2}]}";

static void test_disconnected(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_corpus_new(&c);
    fnet_load_buffer(c, "tri.json", tri, strlen(tri), false, &d, &err);
    fnet_corpus_resolve(c, &d, &err);
    CHECK_INT(d.n_errors, 0);
    fnet_diag_free(&d);
    fnet_graph *g = NULL;
    fnet_graph_opts go;
    fnet_graph_opts_init(&go);
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    if (!g) {
        fnet_corpus_free(c);
        return;
    }
    /* Q of {ABC}{DEF}{Z}, weights 1,1,1 and 1,1,2 (total 7):
     * sum_c [w_in/W - (k_c/2W)^2] = 3/7 - (6/14)^2 + 4/7 - (8/14)^2 */
    double q =
        3.0 / 7 - (6.0 / 14) * (6.0 / 14) + 4.0 / 7 - (8.0 / 14) * (8.0 / 14);
    for (int alg = 0; alg < FNET_COMM_COUNT; alg++) {
        if (alg == FNET_COMM_SPINGLASS)
            continue; /* two components: refused, tested below */
        fnet_community_opts o;
        fnet_communities a = {0};
        fnet_community_opts_init(&o);
        o.algorithm = alg;
        int rc = fnet_communities_detect(&a, g, &o, &err);
        CHECK_INT(rc, 0);
        if (rc) {
            fprintf(stderr, "%s: %s\n", fnet_community_algorithm_name(alg),
                    err.msg);
            fnet_communities_free(&a);
            continue;
        }
        CHECK_INT(a.n_communities, 3);
        /* DEF is heavier but both have 3 nodes: tie broken by id, A < D */
        uint32_t want[] = {1, 1, 1, 2, 2, 2, 3};
        for (int i = 0; i < 7; i++)
            CHECK_INT(a.community[i], want[i]);
        CHECK_NEAR(a.modularity, q, 1e-12);
        fnet_communities_free(&a);
    }
    fnet_community_opts o;
    fnet_communities a = {0};
    fnet_community_opts_init(&o);
    o.algorithm = FNET_COMM_SPINGLASS;
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), FNET_EUSAGE);
    fnet_communities_free(&a);
    fnet_graph_free(g);

    /* no edges at all: singletons, modularity undefined */
    go.relations = "opposes";
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    fnet_community_opts_init(&o);
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
    CHECK_INT(a.n_communities, 7);
    CHECK(isnan(a.modularity));
    CHECK_INT(a.community[0], 1); /* "A" is the smallest id */
    fnet_communities_free(&a);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

/* Spinglass uses the weights: K6 whose pairs inside {A,B,C} and {D,E,F}
 * weigh 10 and across weigh 1 splits into the two triangles (modularity,
 * by hand: 2W = 2(60 + 9) = 138; each side has internal weight 30 and
 * strength 69: Q = 2 (60/138 - (69/138)^2) = 0.3696). A regression test:
 * the weights once went to the wrong edges of the component. */
static void test_spinglass_weights(void)
{
    static const char *const k6[] = {"A B cooperates_with - weight=10",
                                     "B C cooperates_with - weight=10",
                                     "A C cooperates_with - weight=10",
                                     "D E cooperates_with - weight=10",
                                     "E F cooperates_with - weight=10",
                                     "D F cooperates_with - weight=10",
                                     "A D cooperates_with",
                                     "A E cooperates_with",
                                     "A F cooperates_with",
                                     "B D cooperates_with",
                                     "B E cooperates_with",
                                     "B F cooperates_with",
                                     "C D cooperates_with",
                                     "C E cooperates_with",
                                     "C F cooperates_with"};
    fnet_corpus *c = corpus_from_edges(k6, 15, NULL);
    fnet_graph_opts go;
    fnet_graph *g = NULL;
    fnet_community_opts o;
    fnet_communities cm;
    fnet_graph_opts_init(&go);
    if (!c || fnet_graph_build(&g, c, &go, NULL)) {
        CHECK(!"fixture");
        fnet_corpus_free(c);
        return;
    }
    fnet_community_opts_init(&o);
    o.algorithm = FNET_COMM_SPINGLASS;
    CHECK_INT(fnet_communities_detect(&cm, g, &o, NULL), 0);
    CHECK_INT(cm.n_communities, 2);
    for (uint32_t v = 0; v < 6; v++)
        CHECK_INT(cm.community[v], v < 3 ? 1 : 2);
    CHECK_NEAR(cm.modularity, 2 * (60.0 / 138 - 0.25), 1e-12);
    fnet_communities_free(&cm);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

int main(void)
{
    test_spinglass_weights();
    test_canonical();
    test_agreement();
    test_karate();
    test_disconnected();
    CHECK_INT(fnet_community_algorithm_from_name("label-propagation"),
              FNET_COMM_LABEL_PROPAGATION);
    CHECK_INT(fnet_community_algorithm_from_name("kmeans"), -1);
    return TEST_REPORT();
}

/* test_graph.c - unit tests for src/graph: aggregation, filters, views,
 * direction, isolated nodes, projection weights on a hand-computed tiny
 * two-mode graph. */
#include "test.h"

#include "graph/graph.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdlib.h>

/* Actors A B C D Z (Z has no facts), events E1 E2 E3, organisation O.
 * Attendance (actor -> event, directed): A-E1 B-E1 C-E1 A-E2 B-E2 C-E3;
 * membership A-O B-O. Direct actor facts: A-B cooperates twice (weights 2
 * and 1, dated 2013-06 and 2014), C-D opposes (2015), A-A (self-loop). */
static const char *doc =
    "{\"factnet\": 1,"
    " \"relations\": {\"attended\": {\"from\": \"actor\", \"to\": \"event\","
    "   \"directed\": true, \"sign\": 1},"
    "   \"in\": {\"from\": \"actor\", \"to\": \"org\", \"directed\": true,"
    "   \"sign\": 1}},"
    " \"entities\": ["
    "  {\"id\": \"A\", \"type\": \"actor\"}, {\"id\": \"B\", \"type\": "
    "\"actor\"},"
    "  {\"id\": \"C\", \"type\": \"actor\"}, {\"id\": \"D\", \"type\": "
    "\"actor\"},"
    "  {\"id\": \"E1\", \"type\": \"event\"}, {\"id\": \"E2\", \"type\": "
    "\"event\"},"
    "  {\"id\": \"E3\", \"type\": \"event\"}, {\"id\": \"O\", \"type\": "
    "\"org\"},"
    "  {\"id\": \"Z\", \"type\": \"actor\"}],"
    " \"facts\": ["
    "  {\"subject\": \"A\", \"relation\": \"attended\", \"object\": \"E1\"},"
    "  {\"subject\": \"B\", \"relation\": \"attended\", \"object\": \"E1\"},"
    "  {\"subject\": \"C\", \"relation\": \"attended\", \"object\": \"E1\"},"
    "  {\"subject\": \"A\", \"relation\": \"attended\", \"object\": \"E2\"},"
    "  {\"subject\": \"B\", \"relation\": \"attended\", \"object\": \"E2\"},"
    "  {\"subject\": \"C\", \"relation\": \"attended\", \"object\": \"E3\"},"
    "  {\"subject\": \"A\", \"relation\": \"in\", \"object\": \"O\"},"
    "  {\"subject\": \"B\", \"relation\": \"in\", \"object\": \"O\"},"
    "  {\"subject\": \"A\", \"relation\": \"cooperates_with\", \"object\": "
    "\"B\","
    "   \"weight\": 2, \"date\": \"2013-06\"},"
    "  {\"subject\": \"B\", \"relation\": \"cooperates_with\", \"object\": "
    "\"A\","
    "   \"weight\": 1, \"date\": \"2014\"},"
    "  {\"subject\": \"C\", \"relation\": \"opposes\", \"object\": \"D\","
    "   \"date\": \"2015-03-02\"},"
    "  {\"subject\": \"A\", \"relation\": \"cooperates_with\", \"object\": "
    "\"A\"}"
    " ]}";

static fnet_corpus *load(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    if (fnet_corpus_new(&c) != 0)
        return NULL;
    int rc =
        fnet_load_buffer(c, "tiny.json", doc, strlen(doc), false, &d, &err);
    if (rc == 0)
        rc = fnet_corpus_resolve(c, &d, &err);
    if (rc != 0 || d.n_errors) {
        fnet_diag_print(&d, stderr);
        fnet_corpus_free(c);
        c = NULL;
    }
    fnet_diag_free(&d);
    return c;
}

static int node(const fnet_graph *g, const char *id)
{
    return fnet_graph_find_node(g, id);
}

/* The edge between entities a and b (as ordered in directed mode), or
 * NULL. */
static const fnet_edge *edge(const fnet_graph *g, const char *a, const char *b)
{
    int x = node(g, a), y = node(g, b);
    if (x < 0 || y < 0)
        return NULL;
    if (!g->opts.directed && x > y) {
        int t = x;
        x = y;
        y = t;
    }
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++)
        if ((int)g->edges[i].from == x && (int)g->edges[i].to == y)
            return &g->edges[i];
    return NULL;
}

static fnet_graph *build(const fnet_corpus *c, const fnet_graph_opts *o)
{
    fnet_graph *g = NULL;
    fnet_err err = {0};
    int rc = fnet_graph_build(&g, c, o, &err);
    if (rc) {
        fprintf(stderr, "build: %s\n", err.msg);
        return NULL;
    }
    return g;
}

static void test_full(const fnet_corpus *c)
{
    fnet_graph_opts o;
    fnet_graph_opts_init(&o);
    fnet_graph *g = build(c, &o);
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK_INT(g->n_nodes, 9);
    CHECK_INT(igraph_vcount(&g->g), 9);
    /* 8 memberships + A-B + C-D; the self-loop is left out. */
    CHECK_INT(fnet_graph_edge_count(g), 10);
    CHECK(!igraph_is_directed(&g->g));
    CHECK_INT(node(g, "Z"), 8); /* entity order */
    const fnet_edge *ab = edge(g, "A", "B");
    CHECK(ab != NULL);
    if (ab) {
        CHECK_NEAR(ab->weight, 3.0, 0);
        CHECK_INT(ab->count, 2);
        CHECK_INT(ab->n_facts, 2);
        CHECK_INT(ab->facts[0], 8);
        CHECK_INT(ab->facts[1], 9);
        CHECK_INT(ab->sign, 1);
        CHECK_INT(ab->relation,
                  fnet_corpus_find_relation(c, "cooperates_with"));
        CHECK_INT(ab->first.year, 2013);
        CHECK_INT(ab->first.month, 6);
        CHECK_INT(ab->last.year, 2014);
        CHECK(ab->from < ab->to);
    }
    const fnet_edge *cd = edge(g, "C", "D");
    CHECK(cd != NULL && cd->sign == -1);
    /* edges ordered by (from, to), weights vector follows */
    for (uint32_t i = 1; i < fnet_graph_edge_count(g); i++) {
        const fnet_edge *p = &g->edges[i - 1], *q = &g->edges[i];
        CHECK(p->from < q->from || (p->from == q->from && p->to < q->to));
    }
    for (uint32_t i = 0; i < fnet_graph_edge_count(g); i++) {
        igraph_integer_t f, t;
        igraph_edge(&g->g, (igraph_integer_t)i, &f, &t);
        CHECK(f == g->edges[i].from && t == g->edges[i].to);
        CHECK_NEAR(VECTOR(g->weights)[i], g->edges[i].weight, 0);
    }
    igraph_integer_t deg;
    igraph_degree_1(&g->g, &deg, node(g, "Z"), IGRAPH_ALL, false);
    CHECK_INT(deg, 0);
    CHECK_INT(g->n_facts_used, 11);
    fnet_graph_free(g);
}

static void test_filters(const fnet_corpus *c)
{
    fnet_graph_opts o;
    char why[64];
    fnet_graph_opts_init(&o);
    fnet_date_parse("2014", &o.from, why, sizeof why);
    fnet_graph *g = build(c, &o);
    const fnet_edge *ab = g ? edge(g, "A", "B") : NULL;
    CHECK(ab && ab->count == 1 && ab->weight == 1.0);
    CHECK(g && edge(g, "C", "D") != NULL);
    CHECK(g && edge(g, "A", "E1") != NULL); /* undated: kept */
    fnet_graph_free(g);

    /* --to 2013-12-31: the 2013-06 fact overlaps, 2014 and 2015 do not */
    fnet_graph_opts_init(&o);
    fnet_date_parse("2013-12-31", &o.to, why, sizeof why);
    g = build(c, &o);
    ab = g ? edge(g, "A", "B") : NULL;
    CHECK(ab && ab->count == 1 && ab->weight == 2.0);
    CHECK(g && edge(g, "C", "D") == NULL);
    CHECK_INT(g ? g->n_nodes : 0, 9); /* D stays, isolated */
    fnet_graph_free(g);

    /* year-precision window against a day-precision fact */
    fnet_graph_opts_init(&o);
    fnet_date_parse("2015", &o.from, why, sizeof why);
    fnet_date_parse("2015", &o.to, why, sizeof why);
    o.dated_only = true;
    g = build(c, &o);
    CHECK_INT(g ? fnet_graph_edge_count(g) : 99, 1);
    CHECK(g && edge(g, "C", "D") != NULL);
    fnet_graph_free(g);

    fnet_graph_opts_init(&o);
    o.relations = "cooperates_with, opposes";
    g = build(c, &o);
    CHECK_INT(g ? fnet_graph_edge_count(g) : 99, 2);
    fnet_graph_free(g);

    fnet_graph_opts_init(&o);
    o.types = "actor";
    g = build(c, &o);
    CHECK_INT(g ? g->n_nodes : 0, 5);
    CHECK_INT(g ? fnet_graph_edge_count(g) : 99, 2);
    CHECK(g && node(g, "E1") == -1);
    fnet_graph_free(g);

    fnet_graph_opts_init(&o);
    o.min_weight = 2.5;
    g = build(c, &o);
    CHECK_INT(g ? fnet_graph_edge_count(g) : 99, 1);
    CHECK_INT(g ? g->n_facts_used : 0, 2);
    fnet_graph_free(g);

    fnet_err err = {0};
    fnet_graph_opts_init(&o);
    o.relations = "cooperates_with,frobnicates";
    g = NULL;
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), FNET_EUSAGE);
    CHECK(g == NULL);
    CHECK_STR(err.msg, "unknown relation 'frobnicates'");
    fnet_graph_opts_init(&o);
    o.types = "actor,evnt";
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), FNET_EUSAGE);
    fnet_graph_opts_init(&o);
    o.relations = "opposes,";
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), FNET_EUSAGE);
}

static void test_directed(const fnet_corpus *c)
{
    fnet_graph_opts o;
    fnet_graph_opts_init(&o);
    o.directed = true;
    fnet_graph *g = build(c, &o);
    if (!g) {
        CHECK(0);
        return;
    }
    CHECK(igraph_is_directed(&g->g));
    /* attended is directed: one arc; cooperates_with/opposes undirected:
     * both arcs, each carrying every fact of the pair. */
    CHECK(edge(g, "A", "E1") != NULL);
    CHECK(edge(g, "E1", "A") == NULL);
    const fnet_edge *ab = edge(g, "A", "B"), *ba = edge(g, "B", "A");
    CHECK(ab && ab->weight == 3.0 && ab->count == 2);
    CHECK(ba && ba->weight == 3.0 && ba->count == 2);
    CHECK_INT(fnet_graph_edge_count(g), 12);
    fnet_graph_free(g);
}

static void test_actors(const fnet_corpus *c)
{
    fnet_graph_opts o;
    fnet_graph_opts_init(&o);
    o.view = FNET_VIEW_ACTORS;
    o.tie = FNET_TIE_MEMBERSHIP; /* --weight: the stance-free projection */
    /* A: {E1,E2,O}, B: {E1,E2,O}, C: {E1,E3}, D: {}, Z: {}.
     * k(E1) = 3, k(E2) = 2, k(O) = 2, k(E3) = 1. Direct A-B: 3. */
    static const struct {
        int proj;
        double ab, ac, bc;
    } want[] = {
        {FNET_PROJ_COUNT, 3 + 3, 1, 1},
        {FNET_PROJ_NEWMAN, 3 + (0.5 + 1 + 1), 0.5, 0.5},
        {FNET_PROJ_JACCARD, 3 + 1, 0.25, 0.25},
    };
    for (size_t i = 0; i < 3; i++) {
        o.projection = want[i].proj;
        fnet_graph *g = build(c, &o);
        if (!g) {
            CHECK(0);
            continue;
        }
        CHECK_INT(g->n_nodes, 5);
        CHECK_INT(fnet_graph_edge_count(g), 4); /* AB AC BC CD */
        const fnet_edge *ab = edge(g, "A", "B"), *ac = edge(g, "A", "C"),
                        *bc = edge(g, "B", "C"), *cd = edge(g, "C", "D");
        CHECK(ab && ac && bc && cd);
        if (ab && ac && bc && cd) {
            CHECK_NEAR(ab->weight, want[i].ab, 1e-15);
            CHECK_NEAR(ac->weight, want[i].ac, 1e-15);
            CHECK_NEAR(bc->weight, want[i].bc, 1e-15);
            CHECK_NEAR(cd->weight, 1, 0);
            CHECK_INT(ab->count, 2 + 3);
            /* 2 direct facts, then A-E1 B-E1, A-E2 B-E2, A-O B-O */
            CHECK_INT(ab->n_facts, 8);
            CHECK_INT(ab->facts[0], 8);
            CHECK_INT(ab->facts[2], 0);
            CHECK_INT(ab->facts[3], 1);
            CHECK_INT(ab->relation, -1);
            CHECK_INT(ab->sign, 1);
            CHECK_INT(ac->count, 1);
            CHECK_INT(ac->relation, fnet_corpus_find_relation(c, "attended"));
            CHECK_INT(cd->sign, -1);
        }
        fnet_graph_free(g);
    }
    /* --via event: O no longer links A and B */
    o.projection = FNET_PROJ_JACCARD;
    o.via = "event";
    fnet_graph *g = build(c, &o);
    const fnet_edge *ab = g ? edge(g, "A", "B") : NULL;
    CHECK(ab && fabs(ab->weight - (3 + 1.0)) < 1e-15);
    const fnet_edge *ac = g ? edge(g, "A", "C") : NULL;
    CHECK(ac && fabs(ac->weight - 1.0 / 3) < 1e-15);
    fnet_graph_free(g);
}

int main(void)
{
    fnet_corpus *c = load();
    CHECK(c != NULL);
    if (c) {
        test_full(c);
        test_filters(c);
        test_directed(c);
        test_actors(c);
    }
    fnet_corpus_free(c);
    return TEST_REPORT();
}

/* test_evolve.c - unit tests for src/job/evolve on a four-period
 * corpus whose per-period degrees, communities, persistent ids and rank
 * changes are worked out by hand below. */
#include "test.h"

#include "job/evolve.h"
#include "fixture.h"

/* 2001: triangles A-B-C and D-E-F.
 * 2002: K4 on A,B,C,G; triangle D-E-F; edge H-I.
 * 2003: K7 on A..G.
 * 2004: triangle A-B-C; K4 on D,E,F,G; edge J-K.
 * X-Y is undated.
 * Each period's communities are its connected components: merging two
 * components lowers modularity, and splitting a clique (or an edge) too
 * (e.g. K7 split 4+3: 9/21 - (24/42)^2 - (18/42)^2 = -0.08 < 0). */
static const char *const lines[] = {
    "A B cooperates_with 2001", "B C cooperates_with 2001",
    "A C cooperates_with 2001", "D E cooperates_with 2001",
    "E F cooperates_with 2001", "D F cooperates_with 2001",
    "A B cooperates_with 2002", "A C cooperates_with 2002",
    "A G cooperates_with 2002", "B C cooperates_with 2002",
    "B G cooperates_with 2002", "C G cooperates_with 2002",
    "D E cooperates_with 2002", "E F cooperates_with 2002",
    "D F cooperates_with 2002", "H I cooperates_with 2002",
    "A B cooperates_with 2003", "A C cooperates_with 2003",
    "A D cooperates_with 2003", "A E cooperates_with 2003",
    "A F cooperates_with 2003", "A G cooperates_with 2003",
    "B C cooperates_with 2003", "B D cooperates_with 2003",
    "B E cooperates_with 2003", "B F cooperates_with 2003",
    "B G cooperates_with 2003", "C D cooperates_with 2003",
    "C E cooperates_with 2003", "C F cooperates_with 2003",
    "C G cooperates_with 2003", "D E cooperates_with 2003",
    "D F cooperates_with 2003", "D G cooperates_with 2003",
    "E F cooperates_with 2003", "E G cooperates_with 2003",
    "F G cooperates_with 2003", "A B cooperates_with 2004",
    "B C cooperates_with 2004", "A C cooperates_with 2004",
    "D E cooperates_with 2004", "D F cooperates_with 2004",
    "D G cooperates_with 2004", "E F cooperates_with 2004",
    "E G cooperates_with 2004", "F G cooperates_with 2004",
    "J K cooperates_with 2004", "X Y cooperates_with -",
};
#define N_LINES (sizeof lines / sizeof lines[0])

/* The value of metric m for entity id in snapshot s, or -1 when absent. */
static double value(const fnet_snapshot *s, const char *id, int m)
{
    int32_t v = fnet_graph_find_node(s->g, id);
    return v < 0 ? -1 : s->m.value[m][v];
}

static const fnet_rank_change *change(const fnet_evolution *e, size_t to,
                                      const char *id)
{
    for (size_t i = 0; i < e->n_ranks; i++)
        if (e->ranks[i].to == to &&
            strcmp(e->corpus->entities[e->ranks[i].entity].id, id) == 0)
            return &e->ranks[i];
    return NULL;
}

static int run(fnet_evolution *e, const fnet_corpus *c, int mode, int window,
               bool keep)
{
    fnet_evolve_opts o;
    fnet_err err = {0};
    fnet_evolve_opts_init(&o);
    o.periods.mode = mode;
    o.periods.window = window;
    o.keep_undated = keep;
    o.metrics.want |= FNET_METRIC_BIT(FNET_M_COMMUNITY);
    o.rank_metric = FNET_M_DEGREE;
    int rc = fnet_evolve_run(e, c, &o, &err);
    if (rc)
        fprintf(stderr, "evolve: %s\n", err.msg);
    return rc;
}

static void test_each(const fnet_corpus *c)
{
    fnet_evolution e;
    CHECK_INT(run(&e, c, FNET_PERIODS_EACH, 1, false), 0);
    CHECK_INT(e.n, 4);
    if (e.n != 4) {
        fnet_evolution_free(&e);
        return;
    }
    CHECK_STR(e.snap[0].period.label, "2001");
    CHECK_INT(e.undated, 1);
    /* degree by hand */
    static const struct {
        size_t p;
        const char *id;
        double deg, comm;
    } want[] = {
        {0, "A", 2, 1}, {0, "C", 2, 1}, {0, "D", 2, 2}, {0, "F", 2, 2},
        {1, "A", 3, 1}, {1, "G", 3, 1}, {1, "D", 2, 2}, {1, "H", 1, 3},
        {1, "I", 1, 3}, {2, "A", 6, 1}, {2, "D", 6, 1}, {2, "G", 6, 1},
        {3, "A", 2, 4}, {3, "C", 2, 4}, {3, "D", 3, 1}, {3, "G", 3, 1},
        {3, "J", 1, 5}, {3, "K", 1, 5},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const fnet_snapshot *s = &e.snap[want[i].p];
        CHECK_NEAR(value(s, want[i].id, FNET_M_DEGREE), want[i].deg, 0);
        CHECK_NEAR(value(s, want[i].id, FNET_M_COMMUNITY), want[i].comm, 0);
    }
    /* who is present: nodes with an edge; X, Y (undated) nowhere */
    CHECK_INT(e.snap[0].g->n_nodes, 6);
    CHECK_INT(e.snap[1].g->n_nodes, 9);
    CHECK_INT(e.snap[2].g->n_nodes, 7);
    CHECK_INT(e.snap[3].g->n_nodes, 9);
    CHECK(value(&e.snap[2], "H", FNET_M_DEGREE) < 0);
    CHECK(value(&e.snap[0], "X", FNET_M_DEGREE) < 0);
    /* graph rows: edges and communities */
    CHECK_NEAR(e.snap[0].gm.edges, 6, 0);
    CHECK_NEAR(e.snap[1].gm.edges, 10, 0);
    CHECK_NEAR(e.snap[2].gm.edges, 21, 0);
    CHECK_NEAR(e.snap[3].gm.edges, 10, 0);
    CHECK_NEAR(e.snap[1].gm.communities, 3, 0);
    CHECK_NEAR(e.snap[2].gm.communities, 1, 0);
    CHECK_NEAR(e.snap[2].gm.modularity, 0, 1e-12);
    /* cliques: betweenness 0, PageRank 1/n */
    CHECK_NEAR(value(&e.snap[2], "B", FNET_M_BETWEENNESS), 0, 1e-15);
    CHECK_NEAR(value(&e.snap[2], "B", FNET_M_PAGERANK), 1.0 / 7, 1e-12);
    CHECK_NEAR(value(&e.snap[0], "E", FNET_M_PAGERANK), 1.0 / 6, 1e-12);
    /* ranks by degree: 2002: A,B,C,G 1; D,E,F 5; H,I 8 */
    const fnet_rank_change *r = change(&e, 1, "D");
    CHECK(r && r->rank_from == 1 && r->rank_to == 5 &&
          r->status == FNET_RANK_FELL);
    r = change(&e, 1, "A");
    CHECK(r && r->rank_from == 1 && r->rank_to == 1 &&
          r->status == FNET_RANK_SAME);
    r = change(&e, 1, "H");
    CHECK(r && r->rank_from == 0 && r->rank_to == 8 &&
          r->status == FNET_RANK_ENTERED);
    /* 2003: everyone ranks 1: D rose 5 -> 1, H left */
    r = change(&e, 2, "D");
    CHECK(r && r->rank_from == 5 && r->rank_to == 1 &&
          r->status == FNET_RANK_ROSE);
    r = change(&e, 2, "H");
    CHECK(r && r->rank_from == 8 && r->rank_to == 0 &&
          r->status == FNET_RANK_LEFT);
    /* 2004: D,E,F,G 1; A,B,C 5; J,K 8 */
    r = change(&e, 3, "B");
    CHECK(r && r->rank_from == 1 && r->rank_to == 5 &&
          r->status == FNET_RANK_FELL);
    /* 2001 -> 2002: 9 rows; order: fell D,E,F; entered G,H,I; same A,B,C */
    static const char *const order[] = {"D", "E", "F", "G", "H",
                                        "I", "A", "B", "C"};
    size_t k = 0;
    for (size_t i = 0; i < e.n_ranks && e.ranks[i].to == 1; i++, k++)
        if (k < 9)
            CHECK_STR(e.corpus->entities[e.ranks[i].entity].id, order[k]);
    CHECK_INT(k, 9);
    /* events, as in test_tracking */
    const fnet_tracking *t = &e.tracking;
    CHECK_INT(t->n_ids, 5);
    bool merged = false, died = false;
    for (size_t i = 0; i < t->n_entries; i++) {
        merged |= t->entries[i].period == 2 &&
                  t->entries[i].event == FNET_TRACK_MERGED &&
                  t->entries[i].id == 1 && t->entries[i].n_links == 2;
        died |= t->entries[i].period == 2 &&
                t->entries[i].event == FNET_TRACK_DIED && t->entries[i].id == 3;
    }
    CHECK(merged && died);
    fnet_evolution_free(&e);
}

static void test_cumulative_and_window(const fnet_corpus *c)
{
    fnet_evolution e;
    /* cumulative 2004: everything: K7 on A..G, H-I, J-K */
    CHECK_INT(run(&e, c, FNET_PERIODS_CUMULATIVE, 1, false), 0);
    if (e.n == 4) {
        CHECK_NEAR(value(&e.snap[3], "A", FNET_M_DEGREE), 6, 0);
        CHECK_NEAR(value(&e.snap[3], "H", FNET_M_DEGREE), 1, 0);
        CHECK_INT(e.snap[3].g->n_nodes, 11);
        /* 2002 cumulative: A-B has a 2001 and a 2002 fact */
        int32_t a = fnet_graph_find_node(e.snap[1].g, "A");
        int32_t b = fnet_graph_find_node(e.snap[1].g, "B");
        int64_t ab =
            a >= 0 && b >= 0
                ? fnet_graph_find_edge(e.snap[1].g, (uint32_t)a, (uint32_t)b)
                : -1;
        CHECK(ab >= 0 && e.snap[1].g->edges[ab].count == 2);
    }
    fnet_evolution_free(&e);
    /* window of 2: 2003 = 2002 + 2003 (H present), 2004 = 2003 + 2004 (H
     * absent, J present) */
    CHECK_INT(run(&e, c, FNET_PERIODS_WINDOW, 2, false), 0);
    if (e.n == 4) {
        CHECK_NEAR(value(&e.snap[2], "H", FNET_M_DEGREE), 1, 0);
        CHECK(value(&e.snap[3], "H", FNET_M_DEGREE) < 0);
        CHECK_NEAR(value(&e.snap[3], "J", FNET_M_DEGREE), 1, 0);
        CHECK_NEAR(value(&e.snap[3], "A", FNET_M_DEGREE), 6, 0);
    }
    fnet_evolution_free(&e);
    /* --undated keep: X-Y in every period */
    CHECK_INT(run(&e, c, FNET_PERIODS_EACH, 1, true), 0);
    if (e.n == 4)
        for (size_t p = 0; p < 4; p++)
            CHECK_NEAR(value(&e.snap[p], "X", FNET_M_DEGREE), 1, 0);
    if (e.n == 4)
        CHECK_INT(e.snap[0].g->n_nodes, 8);
    fnet_evolution_free(&e);
}

/* L-M spans 2001..2003 (until); N-O in 2005; 2004 is empty. */
static void test_span_and_gap(void)
{
    static const char *const span[] = {"L M cooperates_with 2001 2003",
                                       "N O cooperates_with 2005"};
    fnet_corpus *c = corpus_from_edges(span, 2, NULL);
    fnet_evolution e;
    if (!c)
        return;
    CHECK_INT(run(&e, c, FNET_PERIODS_EACH, 1, false), 0);
    CHECK_INT(e.n, 5);
    if (e.n == 5) {
        for (size_t p = 0; p < 3; p++)
            CHECK_NEAR(value(&e.snap[p], "L", FNET_M_DEGREE), 1, 0);
        CHECK(e.snap[3].empty);
        CHECK_NEAR(e.snap[3].gm.nodes, 0, 0);
        CHECK(isnan(e.snap[3].gm.density));
        /* 2005 compares with 2003 */
        const fnet_rank_change *r = change(&e, 4, "L");
        CHECK(r && r->from == 2 && r->status == FNET_RANK_LEFT);
        bool born = false;
        for (size_t i = 0; i < e.tracking.n_entries; i++)
            born |= e.tracking.entries[i].period == 4 &&
                    e.tracking.entries[i].event == FNET_TRACK_BORN &&
                    e.tracking.entries[i].prev == 2 &&
                    e.tracking.entries[i].id == 2;
        CHECK(born);
    }
    fnet_evolution_free(&e);
    fnet_corpus_free(c);
}

static void test_rank(void)
{
    double v[] = {0.5, 0.2, 0.5, NAN, 0.5 + 1e-15, 0.1};
    uint32_t r[6];
    fnet_evolve_rank(r, v, 6);
    CHECK_INT(r[0], 1);
    CHECK_INT(r[2], 1);
    CHECK_INT(r[4], 1); /* within 1e-12: a tie */
    CHECK_INT(r[1], 4);
    CHECK_INT(r[5], 5);
    CHECK_INT(r[3], 6); /* NaN last */
    CHECK_STR(fnet_rank_status_name(FNET_RANK_ENTERED), "entered");
}

int main(void)
{
    fnet_corpus *c = corpus_from_edges(lines, N_LINES, NULL);
    CHECK(c != NULL);
    if (c) {
        test_each(c);
        test_cumulative_and_window(c);
    }
    fnet_corpus_free(c);
    RUN(test_span_and_gap);
    RUN(test_rank);
    return TEST_REPORT();
}

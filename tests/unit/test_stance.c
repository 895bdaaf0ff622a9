/* test_stance.c - DNA's tie modes and normalisations (graph/stance.h) and
 * the actors view built with them, duplicates included, against values
 * computed by hand in the comments. */
#include "test.h"

#include "fixture.h"
#include "graph/graph.h"
#include "graph/stance.h"

#include <math.h>

/* Yes/no levels (R = 1). Actor a: item j1 at levels {1, 1}, j2 {0}, and
 * j3 {1} that b does not share (t_a = 4); b: j1 {0, 1}, j2 {0} (t_b = 3).
 * j1: pairs (1,0) (1,1) (1,0) (1,1): congruence 2, conflict 2; j2: (0,0):
 * congruence 1. So congruence 3, conflict 2, ignore 2*2 + 1*1 = 5.
 * Cells (item, level) a: (j1,1)=2 (j2,0)=1 (j3,1)=1; b: (j1,0)=1 (j1,1)=1
 * (j2,0)=1. Jaccard: m10 = (j3,1) = 1, m01 = (j1,0) = 1, m11 = 2*1 + 1*1
 * = 3: denominator 5. Average (4 + 3)/2 = 3.5; cosine 4 * 3 = 12. */
static void test_yes_no(void)
{
    fnet_tie_sums s = {0};
    const int32_t a1[] = {1, 1}, b1[] = {0, 1}, a2[] = {0}, b2[] = {0};
    fnet_tie_add_item(&s, a1, 2, b1, 2, 1);
    fnet_tie_add_item(&s, a2, 1, b2, 1, 1);
    CHECK_NEAR(s.congruence, 3, 0);
    CHECK_NEAR(s.conflict, 2, 0);
    CHECK_NEAR(s.ignore, 5, 0);
    static const struct {
        int tie, norm;
        double pos, neg;
    } want[] = {
        {FNET_TIE_SIGNED, FNET_NORM_NONE, 3, 2},
        {FNET_TIE_CONGRUENCE, FNET_NORM_NONE, 3, 0},
        {FNET_TIE_CONFLICT, FNET_NORM_NONE, 0, 2},
        {FNET_TIE_SUBTRACT, FNET_NORM_NONE, 1, 0},
        {FNET_TIE_IGNORE, FNET_NORM_NONE, 5, 0},
        {FNET_TIE_SIGNED, FNET_NORM_AVERAGE, 3 / 3.5, 2 / 3.5},
        {FNET_TIE_CONGRUENCE, FNET_NORM_AVERAGE, 3 / 3.5, 0},
        {FNET_TIE_CONFLICT, FNET_NORM_AVERAGE, 0, 2 / 3.5},
        {FNET_TIE_SUBTRACT, FNET_NORM_AVERAGE, 1 / 3.5, 0},
        {FNET_TIE_IGNORE, FNET_NORM_AVERAGE, 5 / 3.5, 0},
        {FNET_TIE_SIGNED, FNET_NORM_JACCARD, 0.6, 0.4},
        {FNET_TIE_CONGRUENCE, FNET_NORM_JACCARD, 0.6, 0},
        {FNET_TIE_CONFLICT, FNET_NORM_JACCARD, 0, 0.4},
        {FNET_TIE_SUBTRACT, FNET_NORM_JACCARD, 0.2, 0},
        {FNET_TIE_IGNORE, FNET_NORM_JACCARD, 1, 0},
        {FNET_TIE_SIGNED, FNET_NORM_COSINE, 0.25, 2 / 12.0},
        {FNET_TIE_CONGRUENCE, FNET_NORM_COSINE, 0.25, 0},
        {FNET_TIE_CONFLICT, FNET_NORM_COSINE, 0, 2 / 12.0},
        {FNET_TIE_SUBTRACT, FNET_NORM_COSINE, 1 / 12.0, 0},
        {FNET_TIE_IGNORE, FNET_NORM_COSINE, 5 / 12.0, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        double pos, neg;
        fnet_tie_value(want[i].tie, want[i].norm, &s, 4, 3, &pos, &neg);
        CHECK_NEAR(pos, want[i].pos, 1e-15);
        CHECK_NEAR(neg, want[i].neg, 1e-15);
    }
}

/* Integer levels -2 .. 2 (R = 4). a {-2, 2}, b {1}: pairs (-2,1) distance
 * 3/4 and (2,1) 1/4: congruence 1/4 + 3/4 = 1, conflict 1; subtract 0.
 * a {2}, b {-2}: congruence 0, conflict 1, subtract -1. */
static void test_integer(void)
{
    fnet_tie_sums s = {0};
    const int32_t a[] = {-2, 2}, b[] = {1}, two[] = {2}, minus2[] = {-2};
    double pos, neg;
    fnet_tie_add_item(&s, a, 2, b, 1, 4);
    CHECK_NEAR(s.congruence, 1, 1e-15);
    CHECK_NEAR(s.conflict, 1, 1e-15);
    CHECK_NEAR(s.both_ab, 0, 0); /* no cell in common */
    fnet_tie_value(FNET_TIE_SUBTRACT, FNET_NORM_NONE, &s, 2, 1, &pos, &neg);
    CHECK_NEAR(pos, 0, 1e-15);
    CHECK_NEAR(neg, 0, 1e-15);
    fnet_tie_sums t = {0};
    fnet_tie_add_item(&t, two, 1, minus2, 1, 4);
    fnet_tie_value(FNET_TIE_SUBTRACT, FNET_NORM_NONE, &t, 1, 1, &pos, &neg);
    CHECK_NEAR(pos, 0, 0);
    CHECK_NEAR(neg, 1, 0);
    /* Zero denominators give 0, not NaN (DNA divides by zero). */
    fnet_tie_value(FNET_TIE_SIGNED, FNET_NORM_AVERAGE, &t, 0, 0, &pos, &neg);
    CHECK(pos == 0 && neg == 0);
    fnet_tie_value(FNET_TIE_IGNORE, FNET_NORM_COSINE, &t, 0, 5, &pos, &neg);
    CHECK(pos == 0 && neg == 0);
    fnet_tie_sums z = {0};
    fnet_tie_value(FNET_TIE_SIGNED, FNET_NORM_JACCARD, &z, 0, 0, &pos, &neg);
    CHECK(pos == 0 && neg == 0);
    /* The range: max - min; 1 when one level is observed (DNA: 0, then
     * 0/0); yes/no facts always bring levels 0 and 1. */
    CHECK_NEAR(fnet_stance_range(-2, 2, false), 4, 0);
    CHECK_NEAR(fnet_stance_range(3, 3, false), 1, 0);
    CHECK_NEAR(fnet_stance_range(1, 1, true), 1, 0);
    CHECK_NEAR(fnet_stance_range(2, 2, true), 2, 0);
    CHECK_NEAR(fnet_stance_range(-1, 1, true), 2, 0);
}

/* One level only: everyone agrees, conflict is 0 and congruence counts
 * the pairs of statements (R = 1). */
static void test_one_level(void)
{
    fnet_tie_sums s = {0};
    const int32_t a[] = {3, 3}, b[] = {3};
    fnet_tie_add_item(&s, a, 2, b, 1, fnet_stance_range(3, 3, false));
    CHECK_NEAR(s.congruence, 2, 0);
    CHECK_NEAR(s.conflict, 0, 0);
}

/* A, B, C state positions on concepts X and Y (scale -2 .. 2, R = 4):
 *  0 A X +2 2010-01-05 s1     3 B X -2 2010-01-07
 *  1 A X +2 2010-01-20 s1     4 C X +1 2010-02-01
 *  2 A X +2 2011-01-05        5 B Y  0 2010-03-01
 *                             6 C Y  0 2010-03-01
 * Kept statements of A on X: include 3; month 2 (fact 1 repeats fact 0 in
 * January 2010; January 2011 is another month); week 3 (2010-W01,
 * 2010-W03, 2011-W01); year 2; document 2 (1 repeats 0 in s1); all 1.
 * With n = A's statements on X:
 *  A-B: X (2,-2): distance 1 -> congruence 0, conflict n;
 *  A-C: X (2,1): distance 1/4 -> congruence 0.75 n, conflict 0.25 n;
 *  B-C: X (-2,1) 3/4 + Y (0,0) 0 -> congruence 1.25, conflict 0.75. */
static const char *doc =
    "{\"factnet\": 1,"
    " \"relations\": {\"states\": {\"from\": \"actor\", \"to\": \"concept\","
    "   \"directed\": true, \"sign\": 1}},"
    " \"sources\": [{\"id\": \"s1\", \"title\": \"Article\"}],"
    " \"entities\": [{\"id\": \"A\", \"type\": \"actor\"},"
    "  {\"id\": \"B\", \"type\": \"actor\"}, {\"id\": \"C\", \"type\": "
    "\"actor\"},"
    "  {\"id\": \"X\", \"type\": \"concept\"}, {\"id\": \"Y\", \"type\": "
    "\"concept\"}],"
    " \"facts\": ["
    "  {\"subject\": \"A\", \"relation\": \"states\", \"object\": \"X\","
    "   \"stance\": 2, \"date\": \"2010-01-05\", \"source\": \"s1\"},"
    "  {\"subject\": \"A\", \"relation\": \"states\", \"object\": \"X\","
    "   \"stance\": 2, \"date\": \"2010-01-20\", \"source\": \"s1\"},"
    "  {\"subject\": \"A\", \"relation\": \"states\", \"object\": \"X\","
    "   \"stance\": 2, \"date\": \"2011-01-05\"},"
    "  {\"subject\": \"B\", \"relation\": \"states\", \"object\": \"X\","
    "   \"stance\": -2, \"date\": \"2010-01-07\"},"
    "  {\"subject\": \"C\", \"relation\": \"states\", \"object\": \"X\","
    "   \"stance\": 1, \"date\": \"2010-02-01\"},"
    "  {\"subject\": \"B\", \"relation\": \"states\", \"object\": \"Y\","
    "   \"stance\": 0, \"date\": \"2010-03-01\"},"
    "  {\"subject\": \"C\", \"relation\": \"states\", \"object\": \"Y\","
    "   \"stance\": 0, \"date\": \"2010-03-01\"}"
    " ]}";

static const fnet_edge *edge(const fnet_graph *g, const char *a, const char *b)
{
    int x = fnet_graph_find_node(g, a), y = fnet_graph_find_node(g, b);
    int64_t e = x < 0 || y < 0 ? -1 : fnet_graph_find_edge(g, x, y);
    return e < 0 ? NULL : &g->edges[e];
}

static void test_graph(const fnet_corpus *c)
{
    /* The stance implies the sign: -2 is opposition, 0 keeps the
     * relation's. */
    CHECK_INT(fnet_fact_sign(c, &c->facts[3]), -1);
    CHECK_INT(fnet_fact_sign(c, &c->facts[5]), 1);
    static const struct {
        int dup;
        double n; /* A's kept statements on X */
        uint64_t dropped;
    } cases[] = {
        {FNET_DUP_INCLUDE, 3, 0}, {FNET_DUP_DOCUMENT, 2, 1},
        {FNET_DUP_WEEK, 3, 0},    {FNET_DUP_MONTH, 2, 1},
        {FNET_DUP_YEAR, 2, 1},    {FNET_DUP_ALL, 1, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fnet_graph_opts o;
        fnet_graph_opts_init(&o);
        o.view = FNET_VIEW_ACTORS;
        o.duplicates = cases[i].dup;
        fnet_graph *g = NULL;
        fnet_err err = {0};
        CHECK_INT(fnet_graph_build(&g, c, &o, &err), 0);
        if (!g)
            continue;
        double n = cases[i].n;
        CHECK_INT(g->n_duplicates, cases[i].dropped);
        CHECK_NEAR(g->stance_range, 4, 0);
        const fnet_edge *ab = edge(g, "A", "B"), *ac = edge(g, "A", "C"),
                        *bc = edge(g, "B", "C");
        CHECK(ab && ac && bc);
        if (ab && ac && bc) {
            CHECK_NEAR(ab->pos_weight, 0, 1e-15);
            CHECK_NEAR(ab->neg_weight, n, 1e-15);
            CHECK_INT(ab->sign, -1);
            CHECK_NEAR(ac->pos_weight, 0.75 * n, 1e-15);
            CHECK_NEAR(ac->neg_weight, 0.25 * n, 1e-15);
            CHECK_NEAR(ac->weight, n, 1e-15); /* w+ + w- */
            CHECK_INT(ac->sign, 0);           /* mixed */
            CHECK_NEAR(bc->pos_weight, 1.25, 1e-15);
            CHECK_NEAR(bc->neg_weight, 0.75, 1e-15);
        }
        fnet_graph_free(g);
    }
    /* congruence: A and B only disagree, so they get no edge; subtract:
     * B-C 1.25 - 0.75 = 0.5, A-B -3 (the weight is the net value, the
     * strength |w+| + |w-|). */
    fnet_graph_opts o;
    fnet_graph_opts_init(&o);
    o.view = FNET_VIEW_ACTORS;
    o.tie = FNET_TIE_CONGRUENCE;
    fnet_graph *g = NULL;
    fnet_err err = {0};
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), 0);
    CHECK(g && !edge(g, "A", "B") && edge(g, "A", "C"));
    fnet_graph_free(g);
    o.tie = FNET_TIE_SUBTRACT;
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), 0);
    const fnet_edge *ab = g ? edge(g, "A", "B") : NULL;
    const fnet_edge *bc = g ? edge(g, "B", "C") : NULL;
    CHECK(ab && bc);
    if (ab && bc) {
        CHECK_NEAR(ab->weight, -3, 1e-15);
        CHECK_NEAR(fnet_graph_edge_strength(g, ab), 3, 1e-15);
        CHECK_NEAR(bc->weight, 0.5, 1e-15);
    }
    fnet_graph_free(g);
    /* ignore, average: A-C 3 * 1 = 3 over (3 + 2)/2 = 2.5 -> 1.2. */
    o.tie = FNET_TIE_IGNORE;
    o.normalize = FNET_NORM_AVERAGE;
    CHECK_INT(fnet_graph_build(&g, c, &o, &err), 0);
    const fnet_edge *ac = g ? edge(g, "A", "C") : NULL;
    CHECK(ac && fabs(ac->weight - 1.2) < 1e-15);
    fnet_graph_free(g);
}

int main(void)
{
    test_yes_no();
    test_integer();
    test_one_level();
    fnet_corpus *c = corpus_from_json(doc);
    CHECK(c != NULL);
    if (c)
        test_graph(c);
    fnet_corpus_free(c);
    return TEST_REPORT();
}

/* test_evidence.c - unit tests for src/output/evidence: the order of edges
 * and facts (label order, date order with ties in file order, undated
 * last), the end shown first, and the table's date and source columns. The
 * writers' full output is tested in tests/golden/evidence/. */
#include "test.h"

#include "graph/graph.h"
#include "input/load.h"
#include "input/validate.h"
#include "output/tables/evidence.h"

#include <stdlib.h>

/* Entities in an order unlike their labels: z "Beta", a "Alpha", m "Gamma".
 * Facts between Alpha and Beta (facts 0-5) have dates chosen so that file
 * order, date order and precision order all differ. */
static const char *doc =
    "{\"factnet\": 1,"
    " \"sources\": [{\"id\": \"s\"}, {\"id\": \"t\", \"title\": \"T\"}],"
    " \"entities\": ["
    "  {\"id\": \"z\", \"type\": \"actor\", \"label\": \"Beta\"},"
    "  {\"id\": \"a\", \"type\": \"actor\", \"label\": \"Alpha\"},"
    "  {\"id\": \"m\", \"type\": \"actor\", \"label\": \"Gamma\"}],"
    " \"facts\": ["
    "  {\"subject\": \"z\", \"relation\": \"cooperates_with\","
    "   \"object\": \"a\", \"source\": \"s\", \"evidence\": \"q0\"},"
    "  {\"subject\": \"z\", \"relation\": \"cooperates_with\","
    "   \"object\": \"a\", \"date\": \"2014-02\", \"source\": \"s\","
    "   \"evidence\": \"q1\"},"
    "  {\"subject\": \"a\", \"relation\": \"cooperates_with\","
    "   \"object\": \"z\", \"date\": \"2014\", \"source\": \"s\","
    "   \"evidence\": \"q2\"},"
    "  {\"subject\": \"z\", \"relation\": \"cooperates_with\","
    "   \"object\": \"a\", \"date\": \"2013\", \"until\": \"2015\","
    "   \"source\": [\"s\", \"t\"], \"evidence\": \"q3\"},"
    "  {\"subject\": \"z\", \"relation\": \"cooperates_with\","
    "   \"object\": \"a\", \"date\": \"2014\", \"source\": \"s\","
    "   \"evidence\": \"q4\"},"
    "  {\"subject\": \"z\", \"relation\": \"cooperates_with\","
    "   \"object\": \"a\", \"source\": \"s\", \"evidence\": \"q5\"},"
    "  {\"subject\": \"m\", \"relation\": \"opposes\", \"object\": \"z\","
    "   \"source\": \"s\", \"evidence\": \"q6\"},"
    "  {\"subject\": \"m\", \"relation\": \"supports\", \"object\": \"a\","
    "   \"source\": \"s\", \"evidence\": \"q7\"}"
    " ]}";

static fnet_corpus *load(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    if (fnet_corpus_new(&c) != 0)
        return NULL;
    int rc = fnet_load_buffer(c, "ev.json", doc, strlen(doc), false, &d, &err);
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

static void test_order(void)
{
    fnet_corpus *c = load();
    fnet_graph *g = NULL;
    fnet_evidence *ev = NULL;
    fnet_graph_opts go;
    fnet_err err = {0};
    CHECK(c != NULL);
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    CHECK_INT(fnet_evidence_build(&ev, g, &err), 0);
    if (!ev)
        goto done;
    CHECK_INT(ev->n_edges, 3);
    CHECK_INT(ev->n_rows, 8);
    /* Alpha - Beta, Alpha - Gamma, Beta - Gamma, each smaller label first. */
    static const char *const want[3][2] = {
        {"Alpha", "Beta"}, {"Alpha", "Gamma"}, {"Beta", "Gamma"}};
    for (uint32_t i = 0; i < ev->n_edges && i < 3; i++) {
        CHECK_STR(fnet_graph_node_entity(g, ev->edges[i].a)->label, want[i][0]);
        CHECK_STR(fnet_graph_node_entity(g, ev->edges[i].b)->label, want[i][1]);
    }
    /* 2013/2015 (3), then 2014 (2, 4: file order), 2014-02 (1), then the
     * undated 0 and 5 in file order. */
    static const uint64_t order[6] = {3, 2, 4, 1, 0, 5};
    CHECK_INT(ev->edges[0].n_facts, 6);
    for (uint32_t k = 0; k < 6 && k < ev->edges[0].n_facts; k++)
        CHECK_INT(ev->edges[0].facts[k], order[k]);

    fnet_table *t = NULL;
    CHECK_INT(fnet_evidence_table(&t, ev, &err), 0);
    if (t) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        fnet_table_style st = {.format = FNET_TABLE_TSV, .digits = -1};
        CHECK_INT(fnet_table_write(t, fp, &st, &err), 0);
        fclose(fp);
        /* The first row: fact 3, a span with two sources. */
        const char *row1 = buf ? strchr(buf, '\n') : NULL;
        CHECK(row1 != NULL);
        if (row1)
            CHECK(strncmp(row1 + 1,
                          "1\ta\tAlpha\tz\tBeta\t6\t6\t1\t2013/2015\tBeta\t"
                          "cooperates_with\tAlpha\t1\t\ts; t\t; T\t; \t; \t"
                          "q3\tev.json: facts[3]\n",
                          strlen("1\ta\tAlpha\tz\tBeta\t6\t6\t1\t2013/2015\t"
                                 "Beta\tcooperates_with\tAlpha\t1\t\ts; t\t; "
                                 "T\t; \t; \tq3\tev.json: facts[3]\n")) == 0);
        free(buf);
        fnet_table_free(t);
    }
done:
    fnet_evidence_free(ev);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

static void test_directed(void)
{
    fnet_corpus *c = load();
    fnet_graph *g = NULL;
    fnet_evidence *ev = NULL;
    fnet_graph_opts go;
    fnet_err err = {0};
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    go.directed = true;
    go.relations = "supports";
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    CHECK_INT(fnet_evidence_build(&ev, g, &err), 0);
    /* Directed: from -> to even though "Alpha" < "Gamma". */
    if (ev && ev->n_edges == 1) {
        CHECK_STR(fnet_graph_node_entity(g, ev->edges[0].a)->label, "Gamma");
        CHECK_STR(fnet_graph_node_entity(g, ev->edges[0].b)->label, "Alpha");
    } else {
        CHECK(false);
    }
    fnet_evidence_free(ev);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

int main(void)
{
    RUN(test_order);
    RUN(test_directed);
    return TEST_REPORT();
}

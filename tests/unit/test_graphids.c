/* test_graphids.c - unit tests for output/graphids: subgraphs come in
 * creation order whatever the heap does, names survive the closing of a
 * subgraph (cgraph 2.42's internal map does not), anonymous edges stay
 * anonymous and distinct, and the DOT text carries every name. */
#include "test.h"

#include "output/diagram/graphids.h"

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>

/* The names of g's subgraphs in agfstsubg order, comma separated. */
static const char *subgraph_order(Agraph_t *g)
{
    static char buf[256];
    size_t n = 0;
    buf[0] = '\0';
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "," : "",
                              agnameof(s));
    return buf;
}

/* With cgraph's default discipline a subgraph's id is the address of its
 * interned name: "cluster_2", interned early as an attribute value, sorts
 * before "cluster_1" made later on a grown heap. Here creation order wins. */
static void test_creation_order(void)
{
    Agraph_t *g = fnet_graphids_open("G", Agdirected);
    CHECK(g != NULL);
    if (!g)
        return;
    agattr(g, AGRAPH, "early", "cluster_2");
    char name[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "filler%d", i);
        agnode(g, name, 1);
    }
    CHECK(agsubg(g, "cluster_1", 1) != NULL);
    CHECK(agsubg(g, "cluster_2", 1) != NULL);
    CHECK(agsubg(g, "a_last", 1) != NULL);
    CHECK(agsubg(g, "cluster_legend", 1) != NULL);
    CHECK_STR(subgraph_order(g), "cluster_1,cluster_2,a_last,cluster_legend");
    /* Looked up, not made again. */
    CHECK(agsubg(g, "cluster_1", 0) == agfstsubg(g));
    CHECK_INT(agnsubg(g), 4);
    agclose(g);
}

/* Layout engines make and close temporary subgraphs; Graphviz 2.42 then
 * empties its internal name map for the whole graph, so a discipline that
 * left names to that map loses them here. */
static void test_names_survive_subgraph_close(void)
{
    Agraph_t *g = fnet_graphids_open("factnet", Agdirected);
    CHECK(g != NULL);
    if (!g)
        return;
    Agnode_t *a = agnode(g, "n_JPN", 1), *b = agnode(g, "n_US", 1);
    Agraph_t *tmp = agsubg(g, "_cc_1", 1);
    CHECK(a && b && tmp);
    if (!a || !b || !tmp) {
        agclose(g);
        return;
    }
    agsubnode(tmp, a, 1);
    agclose(tmp);
    CHECK_STR(agnameof(g), "factnet");
    CHECK_STR(agnameof(a), "n_JPN");
    CHECK_STR(agnameof(b), "n_US");
    CHECK(agnode(g, "n_JPN", 0) == a);
    CHECK(agnode(g, "n_US", 0) == b);
    CHECK(agnode(g, "n_nobody", 0) == NULL);
    CHECK(agsubg(g, "_cc_1", 0) == NULL);
    agclose(g);
}

static void test_edges_and_text(void)
{
    Agraph_t *g = fnet_graphids_open("G", Agdirected);
    CHECK(g != NULL);
    if (!g)
        return;
    Agnode_t *a = agnode(g, "a", 1), *b = agnode(g, "b", 1);
    Agedge_t *e1 = agedge(g, a, b, NULL, 1), *e2 = agedge(g, a, b, NULL, 1);
    CHECK(e1 && e2 && e1 != e2);
    CHECK_INT(agnedges(g), 2);
    CHECK(e1 && agnameof(e1) == NULL);
    /* A subgraph and a node may share a name. */
    Agraph_t *s = agsubg(g, "a", 1);
    CHECK(s && s != (void *)a && agnode(g, "a", 0) == a);
    if (s)
        agsubnode(s, b, 1);
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    CHECK(fp != NULL);
    if (fp) {
        CHECK_INT(agwrite(g, fp), 0);
        fclose(fp);
        /* Plain names: agwrite reads the HTML flag before each name. */
        CHECK(text && strstr(text, "digraph G {") != NULL);
        CHECK(text && strstr(text, "subgraph a {") != NULL);
        CHECK(text && strstr(text, "a -> b;") != NULL);
        free(text);
    }
    agclose(g);
}

int main(void)
{
    RUN(test_creation_order);
    RUN(test_names_survive_subgraph_close);
    RUN(test_edges_and_text);
    return TEST_REPORT();
}

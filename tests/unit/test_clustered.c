/* test_clustered.c - unit tests for output/clustered: which graphs it
 * takes, and on a small hand-made graph (two clusters, a node outside
 * them, an HTML label) that every node is placed, each cluster's frame
 * holds its nodes and not the others, frames do not overlap, and a second
 * layout of the same graph in the same process gives the same numbers. */
#include "test.h"

#include "output/diagram/clustered.h"
#include "output/diagram/graphids.h"

#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct rect {
    double x0, y0, x1, y1;
} rect;

static Agraph_t *make_graph(const char *engine)
{
    Agraph_t *g = fnet_graphids_open("t", Agdirected);
    if (!g)
        return NULL;
    agattr(g, AGRAPH, "layout", (char *)engine);
    agattr(g, AGRAPH, "start", "1");
    agattr(g, AGRAPH, "overlap", "prism");
    agattr(g, AGRAPH, "splines", "true");
    agattr(g, AGNODE, "label", "\\N");
    static const char *const a[] = {"a1", "a2", "a3", "a4"};
    static const char *const b[] = {"b1", "b2", "b3"};
    Agraph_t *ca = agsubg(g, "cluster_1", 1), *cb = agsubg(g, "cluster_2", 1);
    agsafeset(ca, "label", "first group", "");
    agsafeset(cb, "label", "second", "");
    Agnode_t *prev = NULL;
    for (int i = 0; i < 4; i++) {
        Agnode_t *v = agnode(g, (char *)a[i], 1);
        agsubnode(ca, v, 1);
        if (prev)
            agedge(g, prev, v, NULL, 1);
        prev = v;
    }
    prev = NULL;
    for (int i = 0; i < 3; i++) {
        Agnode_t *v = agnode(g, (char *)b[i], 1);
        agsubnode(cb, v, 1);
        if (prev)
            agedge(g, v, prev, NULL, 1);
        prev = v;
    }
    Agnode_t *free_node = agnode(g, "loose", 1);
    char *html = agstrdup_html(g, "<B>bold</B>");
    agset(free_node, "label", html);
    agstrfree(g, html);
    agedge(g, agnode(g, "a4", 0), agnode(g, "b1", 0), NULL, 1);
    agedge(g, free_node, agnode(g, "a1", 0), NULL, 1);
    return g;
}

static rect node_box(Agnode_t *v)
{
    double x = ND_coord(v).x, y = ND_coord(v).y;
    double w = 36 * ND_width(v), h = 36 * ND_height(v);
    return (rect){x - w, y - h, x + w, y + h};
}

static bool inside(rect r, boxf bb)
{
    return r.x0 >= bb.LL.x - 0.01 && r.y0 >= bb.LL.y - 0.01 &&
           r.x1 <= bb.UR.x + 0.01 && r.y1 <= bb.UR.y + 0.01;
}

static bool overlaps(rect r, boxf bb)
{
    return r.x0 < bb.UR.x && bb.LL.x < r.x1 && r.y0 < bb.UR.y && bb.LL.y < r.y1;
}

static void test_applies(void)
{
    static const char *const yes[] = {"neato", "sfdp", "circo", "twopi"};
    static const char *const no[] = {"fdp", "dot", "nop2"};
    for (size_t i = 0; i < 4; i++) {
        Agraph_t *g = make_graph(yes[i]);
        CHECK(g && fnet_clustered_applies(g, NULL));
        CHECK(g && !fnet_clustered_applies(g, "fdp"));
        if (g)
            agclose(g);
    }
    for (size_t i = 0; i < 3; i++) {
        Agraph_t *g = make_graph(no[i]);
        CHECK(g && !fnet_clustered_applies(g, NULL));
        CHECK(g && fnet_clustered_applies(g, "neato"));
        if (g)
            agclose(g);
    }
    /* Subgraphs that are not clusters do not count. */
    Agraph_t *g = fnet_graphids_open("plain", Agdirected);
    agattr(g, AGRAPH, "layout", "neato");
    agsubnode(agsubg(g, "group", 1), agnode(g, "x", 1), 1);
    CHECK(!fnet_clustered_applies(g, NULL));
    agclose(g);
}

/* Lays out a fresh graph; writes every node's position to buf. */
static int lay_out(GVC_t *gvc, char *buf, size_t size, bool check)
{
    fnet_err err = {0};
    Agraph_t *g = make_graph("neato");
    if (!g)
        return -1;
    int rc = fnet_clustered_layout(gvc, g, "neato", &err);
    CHECK_INT(rc, 0);
    if (rc) {
        agclose(g);
        return rc;
    }
    CHECK_STR(agget(g, "layout"), "neato"); /* restored after nop2 */
    Agraph_t *ca = agsubg(g, "cluster_1", 0), *cb = agsubg(g, "cluster_2", 0);
    boxf ba = GD_bb(ca), bb = GD_bb(cb);
    size_t n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        rect r = node_box(v);
        bool in_a = agsubnode(ca, v, 0) != NULL;
        bool in_b = agsubnode(cb, v, 0) != NULL;
        if (check) {
            CHECK(*agget(v, "pos") != '\0');
            CHECK(in_a ? inside(r, ba) : !overlaps(r, ba));
            CHECK(in_b ? inside(r, bb) : !overlaps(r, bb));
        }
        n += (size_t)snprintf(buf + n, size - n, "%s %.3f %.3f;", agnameof(v),
                              ND_coord(v).x, ND_coord(v).y);
    }
    if (check) {
        CHECK(ba.UR.x > ba.LL.x && bb.UR.x > bb.LL.x);
        CHECK(ba.UR.x <= bb.LL.x || bb.UR.x <= ba.LL.x || ba.UR.y <= bb.LL.y ||
              bb.UR.y <= ba.LL.y);
        /* The label sits in the frame above the nodes. */
        CHECK(GD_label(ca) &&
              GD_label(ca)->pos.y > ND_coord(agnode(g, "a1", 0)).y);
        CHECK(GD_label(ca) && GD_label(ca)->pos.y < ba.UR.y);
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return 0;
}

static void test_layout(void)
{
    GVC_t *gvc = gvContext();
    char first[2048], second[2048];
    CHECK(gvc != NULL);
    if (!gvc)
        return;
    CHECK_INT(lay_out(gvc, first, sizeof first, true), 0);
    CHECK_INT(lay_out(gvc, second, sizeof second, false), 0);
    CHECK_STR(second, first);
    gvFreeContext(gvc);
}

int main(void)
{
    RUN(test_applies);
    RUN(test_layout);
    return TEST_REPORT();
}

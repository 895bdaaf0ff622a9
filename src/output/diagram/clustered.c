/* clustered.c - clustered diagrams laid out cluster by cluster (see
 * clustered.h). */
#include "output/diagram/clustered.h"

#include "output/diagram/graphids.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN                                                                 \
    8.0               /* points between a cluster's frame and its nodes,
                        Graphviz's default cluster margin */
#define LABEL_PAD 4.0 /* points added to the measured label height */

/* A cluster's frame: its contents from pass 1, its place from pass 2, in
 * points. */
typedef struct frame {
    double x0, y0, x1, y1; /* extent of its nodes in pass 1 */
    double lw, lh;         /* its label */
    double w, h;           /* the frame */
    double cx, cy;         /* the frame's centre, from pass 2 */
} frame;

typedef struct plan {
    Agraph_t *g;
    const char *engine;
    Agraph_t **cl; /* top-level clusters, in cgraph's order */
    uint32_t n_cl;
    size_t n_seq;   /* 1 + the largest node sequence number */
    uint32_t *unit; /* node seq -> cluster index, or n_cl + seq */
    double *x, *y;  /* node seq -> position: in its cluster, then final */
    frame *frame;
    fnet_err *err;
} plan;

static bool is_cluster(Agraph_t *s)
{
    return strncmp(agnameof(s), "cluster", 7) == 0;
}

bool fnet_clustered_applies(Agraph_t *g, const char *engine)
{
    if (!engine)
        engine = agget(g, "layout");
    static const char *const engines[] = {"neato", "sfdp", "circo", "twopi"};
    bool known = false;
    for (size_t i = 0; engine && i < sizeof engines / sizeof *engines; i++)
        known = known || strcmp(engine, engines[i]) == 0;
    if (!known)
        return false;
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        if (is_cluster(s))
            return true;
    return false;
}

/* ---- copies for the layout passes --------------------------------------- */

/* A graph for one pass: g's node attributes declared with their defaults,
 * the force layout's settings copied, no edge routing. NULL: no memory. */
static Agraph_t *pass_graph(Agraph_t *g, const char *name)
{
    static const char *const keep[] = {"start", "overlap", "overlap_scaling",
                                       "sep",   "esep",    "fontname"};
    Agraph_t *h = fnet_graphids_open(name, Agstrictundirected);
    if (!h)
        return NULL;
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        Agsym_t *s = agattr(g, AGRAPH, (char *)keep[i], NULL);
        if (s)
            agattr(h, AGRAPH, (char *)keep[i], agxget(g, s));
    }
    if (!agattr(g, AGRAPH, "start", NULL))
        agattr(h, AGRAPH, "start", "1");
    agattr(h, AGRAPH, "splines", "none");
    for (Agsym_t *s = agnxtattr(g, AGNODE, NULL); s;
         s = agnxtattr(g, AGNODE, s))
        agattr(h, AGNODE, s->name, s->defval);
    return h;
}

/* Sets attribute name of obj (of graph h) to val, an HTML string staying
 * one (cgraph keeps the flag on the interned string). */
static void copy_value(Agraph_t *h, void *obj, const char *name, char *val)
{
    if (aghtmlstr(val)) {
        char *html = agstrdup_html(h, val);
        agsafeset(obj, (char *)name, html, "");
        agstrfree(h, html);
    } else {
        agsafeset(obj, (char *)name, val, "");
    }
}

/* A copy of v in h (named name) with v's attributes, HTML labels kept as
 * such; not its position, so that every pass starts from the seed. */
static Agnode_t *copy_node(Agraph_t *h, Agnode_t *v, const char *name)
{
    Agraph_t *g = agroot(v);
    Agnode_t *c = agnode(h, (char *)name, 1);
    for (Agsym_t *s = agnxtattr(g, AGNODE, NULL); c && s;
         s = agnxtattr(g, AGNODE, s)) {
        char *val = agxget(v, s);
        if (strcmp(s->name, "pos") != 0 && strcmp(s->name, "pin") != 0 &&
            (strcmp(val, s->defval) != 0 || aghtmlstr(val)))
            copy_value(h, c, s->name, val);
    }
    return c;
}

static int gv_fail(plan *p, const char *what)
{
    return fnet_err_set(p->err, FNET_EINTERNAL,
                        "Graphviz: laying out %s "
                        "with %s failed",
                        what, p->engine);
}

/* ---- pass 1: each cluster alone ----------------------------------------- */

/* Records the extent of the laid-out nodes of h and its label size. */
static void measure(plan *p, uint32_t k, Agraph_t *h)
{
    frame *b = &p->frame[k];
    Agraph_t *sub = p->cl[k];
    bool first = true;
    for (Agnode_t *v = agfstnode(sub); v; v = agnxtnode(sub, v)) {
        Agnode_t *c = agnode(h, agnameof(v), 0);
        if (!c || p->unit[AGSEQ(v)] != k)
            continue;
        double x = ND_coord(c).x, y = ND_coord(c).y;
        double rw = 36.0 * ND_width(c), rh = 36.0 * ND_height(c);
        p->x[AGSEQ(v)] = x;
        p->y[AGSEQ(v)] = y;
        if (first || x - rw < b->x0)
            b->x0 = x - rw;
        if (first || x + rw > b->x1)
            b->x1 = x + rw;
        if (first || y - rh < b->y0)
            b->y0 = y - rh;
        if (first || y + rh > b->y1)
            b->y1 = y + rh;
        first = false;
    }
    if (GD_label(h)) {
        b->lw = GD_label(h)->dimen.x;
        b->lh = GD_label(h)->dimen.y + LABEL_PAD;
    }
    double cw = b->x1 - b->x0, ch = b->y1 - b->y0;
    b->w = (cw > b->lw ? cw : b->lw) + 2 * MARGIN;
    b->h = ch + b->lh + 2 * MARGIN;
}

/* Lays cluster k out alone: its nodes and the edges between them, its
 * label as the graph's label. */
static int lay_cluster(plan *p, GVC_t *gvc, uint32_t k)
{
    Agraph_t *sub = p->cl[k], *h = pass_graph(p->g, agnameof(sub));
    if (!h)
        return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
    static const char *const own[] = {"label", "fontsize", "fontname"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        char *val = agget(sub, (char *)own[i]);
        if (val && *val)
            copy_value(h, h, own[i], val);
    }
    int rc = 0;
    for (Agnode_t *v = agfstnode(sub); !rc && v; v = agnxtnode(sub, v))
        if (p->unit[AGSEQ(v)] == k && !copy_node(h, v, agnameof(v)))
            rc = fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
    for (Agnode_t *v = agfstnode(sub); !rc && v; v = agnxtnode(sub, v)) {
        if (p->unit[AGSEQ(v)] != k)
            continue;
        for (Agedge_t *e = agfstout(p->g, v); !rc && e; e = agnxtout(p->g, e)) {
            Agnode_t *w = aghead(e);
            if (w == v || p->unit[AGSEQ(w)] != k)
                continue;
            if (!agedge(h, agnode(h, agnameof(v), 0), agnode(h, agnameof(w), 0),
                        NULL, 1))
                rc = fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
        }
    }
    if (!rc && gvLayout(gvc, h, p->engine) != 0)
        rc = gv_fail(p, agnameof(sub));
    if (!rc) {
        measure(p, k, h);
        gvFreeLayout(gvc, h);
    }
    agclose(h);
    return rc;
}

/* ---- pass 2: the clusters as boxes -------------------------------------- */

/* The node of q for a unit (cluster k < n_cl, else the node n_cl + seq). */
static Agnode_t *unit_node(plan *p, Agraph_t *q, uint32_t u, Agnode_t *v)
{
    char name[40];
    if (u < p->n_cl) {
        snprintf(name, sizeof name, "c%u", u);
        return agnode(q, name, 0);
    }
    snprintf(name, sizeof name, "v%u", u - p->n_cl);
    Agnode_t *c = agnode(q, name, 0);
    return c ? c : copy_node(q, v, name);
}

static int add_boxes(plan *p, Agraph_t *q)
{
    char name[40], num[32];
    for (uint32_t k = 0; k < p->n_cl; k++) {
        snprintf(name, sizeof name, "c%u", k);
        Agnode_t *c = agnode(q, name, 1);
        if (!c)
            return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
        agsafeset(c, "shape", "box", "");
        agsafeset(c, "label", "", "");
        agsafeset(c, "fixedsize", "true", "");
        snprintf(num, sizeof num, "%.4f", p->frame[k].w / 72.0);
        agsafeset(c, "width", num, "");
        snprintf(num, sizeof num, "%.4f", p->frame[k].h / 72.0);
        agsafeset(c, "height", num, "");
    }
    return 0;
}

/* One edge of q per pair of units joined by an edge of g (q is strict). */
static int add_ties(plan *p, Agraph_t *q)
{
    for (Agnode_t *v = agfstnode(p->g); v; v = agnxtnode(p->g, v)) {
        uint32_t a = p->unit[AGSEQ(v)];
        Agnode_t *qa = unit_node(p, q, a, v);
        if (!qa)
            return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
        for (Agedge_t *e = agfstout(p->g, v); e; e = agnxtout(p->g, e)) {
            uint32_t b = p->unit[AGSEQ(aghead(e))];
            if (a == b)
                continue;
            Agnode_t *qb = unit_node(p, q, b, aghead(e));
            if (!qb || !agedge(q, qa, qb, NULL, 1))
                return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
        }
    }
    return 0;
}

/* Places the clusters (and the nodes outside them) with neato. */
static int place(plan *p, GVC_t *gvc)
{
    Agraph_t *q = pass_graph(p->g, "clusters");
    if (!q)
        return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
    /* Frames are big: scaling the layout by them before removing overlaps
     * (overlap_scaling < 0) would spread the clusters far apart. */
    agsafeset(q, "overlap", "prism", "");
    agsafeset(q, "overlap_scaling", "0", "");
    agsafeset(q, "sep", "+8", "");
    int rc = add_boxes(p, q);
    if (!rc)
        rc = add_ties(p, q);
    if (!rc && gvLayout(gvc, q, "neato") != 0)
        rc = fnet_err_set(p->err, FNET_EINTERNAL,
                          "Graphviz: placing the "
                          "clusters with neato failed");
    if (rc) {
        agclose(q);
        return rc;
    }
    for (uint32_t k = 0; k < p->n_cl; k++) {
        char name[40];
        snprintf(name, sizeof name, "c%u", k);
        Agnode_t *c = agnode(q, name, 0);
        p->frame[k].cx = ND_coord(c).x;
        p->frame[k].cy = ND_coord(c).y;
    }
    for (Agnode_t *v = agfstnode(p->g); v; v = agnxtnode(p->g, v)) {
        uint32_t u = p->unit[AGSEQ(v)];
        if (u < p->n_cl)
            continue;
        Agnode_t *c = unit_node(p, q, u, v);
        p->x[AGSEQ(v)] = ND_coord(c).x;
        p->y[AGSEQ(v)] = ND_coord(c).y;
    }
    gvFreeLayout(gvc, q);
    agclose(q);
    return 0;
}

/* ---- pass 3: everything in place ---------------------------------------- */

/* Writes every node's pos and every cluster's bb and lp into g. Within its
 * frame a cluster's nodes sit MARGIN above the bottom, centred across, the
 * label above them. */
static void pin(plan *p)
{
    char buf[160];
    for (Agnode_t *v = agfstnode(p->g); v; v = agnxtnode(p->g, v)) {
        size_t s = AGSEQ(v);
        double x = p->x[s], y = p->y[s];
        if (p->unit[s] < p->n_cl) {
            const frame *b = &p->frame[p->unit[s]];
            x += b->cx - (b->x0 + b->x1) / 2;
            y += b->cy - b->h / 2 + MARGIN - b->y0;
        }
        snprintf(buf, sizeof buf, "%.2f,%.2f", x, y);
        agsafeset(v, "pos", buf, "");
    }
    for (uint32_t k = 0; k < p->n_cl; k++) {
        const frame *b = &p->frame[k];
        snprintf(buf, sizeof buf, "%.2f,%.2f,%.2f,%.2f", b->cx - b->w / 2,
                 b->cy - b->h / 2, b->cx + b->w / 2, b->cy + b->h / 2);
        agsafeset(p->cl[k], "bb", buf, "");
        snprintf(buf, sizeof buf, "%.2f,%.2f", b->cx,
                 b->cy + b->h / 2 - MARGIN / 2 - b->lh / 2);
        agsafeset(p->cl[k], "lp", buf, "");
    }
    agsafeset(p->g, "bb", "", ""); /* recomputed by nop2 */
}

/* Lays g out with nop2, which keeps the positions and routes the edges.
 * gvLayout() obeys the graph's `layout` attribute over its argument, so
 * the attribute says nop2 meanwhile. */
static int route(plan *p, GVC_t *gvc)
{
    char *was = agget(p->g, "layout");
    char *keep = was ? agstrdup(p->g, was) : NULL;
    agsafeset(p->g, "layout", "nop2", "");
    int rc = gvLayout(gvc, p->g, "nop2");
    agsafeset(p->g, "layout", keep ? keep : "", "");
    if (keep)
        agstrfree(p->g, keep);
    if (rc != 0)
        return fnet_err_set(p->err, FNET_EINTERNAL,
                            "Graphviz: routing the "
                            "edges of the clustered layout failed");
    return 0;
}

/* ---- driver ------------------------------------------------------------- */

/* Finds the clusters and which one each node is in (the first that holds
 * it, in cgraph's order). */
static int survey(plan *p)
{
    for (Agnode_t *v = agfstnode(p->g); v; v = agnxtnode(p->g, v))
        if ((size_t)AGSEQ(v) + 1 > p->n_seq)
            p->n_seq = (size_t)AGSEQ(v) + 1;
    uint32_t n = 0;
    for (Agraph_t *s = agfstsubg(p->g); s; s = agnxtsubg(s))
        n += is_cluster(s);
    p->cl = calloc(n + 1, sizeof *p->cl);
    p->frame = calloc(n + 1, sizeof *p->frame);
    p->unit = calloc(p->n_seq + 1, sizeof *p->unit);
    p->x = calloc(p->n_seq + 1, sizeof *p->x);
    p->y = calloc(p->n_seq + 1, sizeof *p->y);
    if (!p->cl || !p->frame || !p->unit || !p->x || !p->y)
        return fnet_err_set(p->err, FNET_ENOMEM, "out of memory");
    for (Agraph_t *s = agfstsubg(p->g); s; s = agnxtsubg(s))
        if (is_cluster(s))
            p->cl[p->n_cl++] = s;
    for (size_t i = 0; i < p->n_seq; i++)
        p->unit[i] = UINT32_MAX;
    for (uint32_t k = 0; k < p->n_cl; k++)
        for (Agnode_t *v = agfstnode(p->cl[k]); v; v = agnxtnode(p->cl[k], v))
            if (p->unit[AGSEQ(v)] == UINT32_MAX)
                p->unit[AGSEQ(v)] = k;
    for (Agnode_t *v = agfstnode(p->g); v; v = agnxtnode(p->g, v))
        if (p->unit[AGSEQ(v)] == UINT32_MAX)
            p->unit[AGSEQ(v)] = p->n_cl + (uint32_t)AGSEQ(v);
    return 0;
}

int fnet_clustered_layout(GVC_t *gvc, Agraph_t *g, const char *engine,
                          fnet_err *err)
{
    plan p = {.g = g, .engine = engine, .err = err};
    int rc = survey(&p);
    for (uint32_t k = 0; !rc && k < p.n_cl; k++)
        rc = lay_cluster(&p, gvc, k);
    if (!rc)
        rc = place(&p, gvc);
    if (!rc) {
        pin(&p);
        rc = route(&p, gvc);
    }
    free(p.cl);
    free(p.frame);
    free(p.unit);
    free(p.x);
    free(p.y);
    return rc;
}

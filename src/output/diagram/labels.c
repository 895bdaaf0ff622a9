/* labels.c - edge labels beside their edge, clear of nodes (labels.h). */
#include "output/diagram/labels.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define GAP 2.0    /* points between a label and its edge */
#define MARGIN 1.0 /* points kept clear around nodes and labels */
#define STEPS 17   /* points tried along an edge, 0.05 apart */
#define RINGS 3    /* gaps tried: GAP, 2 GAP, 3 GAP */

typedef struct lbox {
    double x0, y0, x1, y1;
} lbox;

typedef struct boxes {
    lbox *b;
    size_t n, cap;
} boxes;

static int push(boxes *s, lbox b)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        lbox *p = realloc(s->b, cap * sizeof *p);
        if (!p)
            return FNET_ENOMEM;
        s->b = p;
        s->cap = cap;
    }
    s->b[s->n++] = b;
    return 0;
}

static bool clear(const boxes *s, lbox b)
{
    for (size_t i = 0; i < s->n; i++) {
        const lbox *o = &s->b[i];
        if (b.x0 < o->x1 + MARGIN && o->x0 < b.x1 + MARGIN &&
            b.y0 < o->y1 + MARGIN && o->y0 < b.y1 + MARGIN)
            return false;
    }
    return true;
}

/* Point of the cubic bezier piece c[0..3] at u. */
static pointf bez(const pointf *c, double u)
{
    double a = (1 - u) * (1 - u) * (1 - u), b = 3 * (1 - u) * (1 - u) * u,
           d = 3 * (1 - u) * u * u, e = u * u * u;
    return (pointf){a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x,
                    a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y};
}

#define PIECE 16 /* samples of a bezier piece */

/* Point at fraction t of the edge's first bezier, by arc length over the
 * curve sampled PIECE times a piece: the first pass measures, the second
 * walks. */
static pointf along(const bezier *bz, double t)
{
    double total = 0, part = 0;
    int pieces = (bz->size - 1) / 3;
    for (int pass = 0; pass < 2; pass++) {
        pointf prev = bz->list[0];
        for (int i = 0; i < pieces; i++)
            for (int k = 1; k <= PIECE; k++) {
                pointf p = bez(&bz->list[3 * i], (double)k / PIECE);
                double len = hypot(p.x - prev.x, p.y - prev.y);
                if (pass && part + len >= t * total && len > 0) {
                    double u = (t * total - part) / len;
                    return (pointf){prev.x + u * (p.x - prev.x),
                                    prev.y + u * (p.y - prev.y)};
                }
                if (pass)
                    part += len;
                else
                    total += len;
                prev = p;
            }
    }
    return bz->list[bz->size - 1];
}

/* The label box of size w x h at candidate k (0 .. 8 RINGS - 1) around
 * point p: above, below, left, right, then the corners, at a growing
 * gap. */
static lbox candidate(pointf p, double w, double h, int k)
{
    static const int dx[8] = {0, 0, -1, 1, -1, 1, -1, 1};
    static const int dy[8] = {1, -1, 0, 0, 1, 1, -1, -1};
    double gap = GAP * (1 + k / 8);
    double cx = p.x + dx[k % 8] * (w / 2 + gap);
    double cy = p.y + dy[k % 8] * (h / 2 + gap);
    return (lbox){cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

/* True when the box covers none of the edge's own curve: a label beside
 * its edge, not across it. */
static bool beside(const bezier *bz, lbox b)
{
    for (int i = 0; i + 3 < bz->size; i += 3)
        for (int k = 0; k <= PIECE; k++) {
            pointf p = bez(&bz->list[i], (double)k / PIECE);
            if (p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1)
                return false;
        }
    return true;
}

static bool place(Agedge_t *e, boxes *taken, lbox *out)
{
    textlabel_t *l = ED_xlabel(e);
    if (!ED_spl(e) || ED_spl(e)->size == 0 || ED_spl(e)->list[0].size < 4)
        return false;
    const bezier *bz = &ED_spl(e)->list[0];
    double w = l->dimen.x, h = l->dimen.y;
    for (int s = 0; s < STEPS; s++) {
        /* 0.5, 0.45, 0.55, 0.4, 0.6, ... */
        double t = 0.5 + ((s + 1) / 2) * (s % 2 ? -0.05 : 0.05);
        pointf p = along(bz, t), q = along(bz, t + 0.02);
        /* First both sides along the edge's normal, then around. */
        double tx = q.x - p.x, ty = q.y - p.y, tl = hypot(tx, ty);
        for (int k = -2; k < 8 * RINGS; k++) {
            lbox b;
            if (k < 0 && !(tl > 0))
                continue;
            if (k < 0) {
                double nx = -ty / tl * (k == -2 ? 1 : -1),
                       ny = tx / tl * (k == -2 ? 1 : -1);
                /* distance to the box edge along n, plus the gap */
                double r = fabs(nx) * w / 2 + fabs(ny) * h / 2 + GAP;
                double cx = p.x + nx * r, cy = p.y + ny * r;
                b = (lbox){cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
            } else {
                b = candidate(p, w, h, k);
            }
            if (clear(taken, b) && beside(bz, b)) {
                *out = b;
                return true;
            }
        }
    }
    return false;
}

int fnet_labels_place(Agraph_t *g, unsigned *unplaced, fnet_err *err)
{
    boxes taken = {0};
    int rc = 0;
    *unplaced = 0;
    for (Agnode_t *n = agfstnode(g); !rc && n; n = agnxtnode(g, n)) {
        double w = ND_width(n) * 36, h = ND_height(n) * 36;
        pointf c = ND_coord(n);
        rc = push(&taken, (lbox){c.x - w, c.y - h, c.x + w, c.y + h});
    }
    for (Agnode_t *n = agfstnode(g); !rc && n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); !rc && e; e = agnxtout(g, e)) {
            lbox b;
            if (!ED_xlabel(e))
                continue;
            if (!place(e, &taken, &b)) {
                ++*unplaced;
                continue;
            }
            char xlp[64];
            double x = (b.x0 + b.x1) / 2, y = (b.y0 + b.y1) / 2;
            snprintf(xlp, sizeof xlp, "%.2f,%.2f", x, y);
            agsafeset(e, "xlp", xlp, "");
            ED_xlabel(e)->pos = (pointf){x, y};
            rc = push(&taken, b);
        }
    free(taken.b);
    return rc ? fnet_err_set(err, rc, "out of memory") : 0;
}

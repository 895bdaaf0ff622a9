/* print.c - figures sized in final units, their legend's place, their
 * files and preflight report (see print.h). */
#include "output/diagram/print.h"

#include "core/outfile.h"
#include "output/diagram/clustered.h"
#include "output/diagram/style.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <stdint.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 2.0      /* points of white around the drawing on the page */
#define KEEP 0.85       /* a layout is kept when its labels keep this share */
#define PEN_MIN 0.5     /* no pen below this in the layout (points) */
#define SCREEN_GAP 24.0 /* drawing to legend, screen size */

void fnet_print_opts_init(fnet_print_opts *o)
{
    memset(o, 0, sizeof *o);
    o->min_font = FNET_PRINT_MIN_FONT;
    o->legend = FNET_LEGEND_AUTO;
}

const char *const fnet_print_units[] = {"in", "cm", "mm", "pt", NULL};
static const double unit_pt[] = {72.0, 72.0 / 2.54, 72.0 / 25.4, 1.0};

int fnet_print_length(const char *s, double *pt, const char **unit)
{
    char *end = NULL;
    double v = strtod(s, &end);
    *unit = end;
    if (end == s || !isfinite(v) || v <= 0 || (*s < '0' && *s != '.'))
        return -1;
    for (size_t i = 0; fnet_print_units[i]; i++)
        if (strcmp(end, fnet_print_units[i]) == 0) {
            *pt = v * unit_pt[i];
            return isfinite(*pt) ? 0 : -1;
        }
    return -2;
}

void fnet_figure_free(fnet_figure *f)
{
    if (!f)
        return;
    if (f->g)
        agclose(f->g);
    if (f->legend)
        agclose(f->legend);
    f->g = f->legend = NULL;
}

/* ---- measuring --------------------------------------------------------- */

static double num_attr(void *obj, const char *name, double dflt)
{
    const char *v = agget(obj, (char *)name);
    char *end = NULL;
    double x = v && *v ? strtod(v, &end) : dflt;
    return end && *end ? dflt : x;
}

/* The smallest font size of a label: the POINT-SIZEs of an HTML label
 * (its own size when it sets none), else the object's fontsize. */
static double label_pt(void *obj)
{
    const char *l = agget(obj, "label");
    double own = num_attr(obj, "fontsize", 14), m = INFINITY;
    if (!l || !*l)
        return INFINITY;
    if (!aghtmlstr((char *)l))
        return own;
    for (const char *p = strstr(l, "POINT-SIZE=\""); p;
         p = strstr(p + 1, "POINT-SIZE=\"")) {
        double v = strtod(p + 12, NULL);
        if (v > 0 && v < m)
            m = v;
    }
    return isfinite(m) ? m : own;
}

static bool invisible(void *obj)
{
    const char *s = agget(obj, "style");
    return s && strstr(s, "invis");
}

/* The thinnest pen of a node that draws an outline. */
static double node_pen(Agnode_t *v)
{
    const char *shape = agget(v, "shape");
    if (invisible(v) || (shape && (strcmp(shape, "plain") == 0 ||
                                   strcmp(shape, "plaintext") == 0 ||
                                   strcmp(shape, "none") == 0)))
        return INFINITY;
    return num_attr(v, "penwidth", 1);
}

static void clusters_measure(Agraph_t *g, double *text, double *line)
{
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
        if (strncmp(agnameof(s), "cluster", 7) == 0) {
            *text = fmin(*text, label_pt(s));
            *line = fmin(*line, num_attr(s, "penwidth", 1));
        }
        clusters_measure(s, text, line);
    }
}

/* The smallest text and thinnest line of g as laid out, in points. */
static void measure(Agraph_t *g, double *text, double *line)
{
    *text = label_pt(g);
    *line = INFINITY;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        *text = fmin(*text, label_pt(v));
        *line = fmin(*line, node_pen(v));
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e)) {
            if (invisible(e))
                continue;
            *text = fmin(*text, label_pt(e));
            *line = fmin(*line, num_attr(e, "penwidth", 1));
        }
    }
    clusters_measure(g, text, line);
}

/* Lays g out as it will be drawn (nop2 on pinned positions) and reads its
 * bounding box: left, bottom, right, top in points. */
static int drawn_box(fnet_renderer *r, Agraph_t *g, double box[4],
                     fnet_err *err)
{
    int rc = fnet_render_layout(r, g, err);
    if (rc)
        return rc;
    box[0] = GD_bb(g).LL.x;
    box[1] = GD_bb(g).LL.y;
    box[2] = GD_bb(g).UR.x;
    box[3] = GD_bb(g).UR.y;
    fnet_render_unlayout(r, g);
    return 0;
}

static int drawn_size(fnet_renderer *r, Agraph_t *g, double *w, double *h,
                      fnet_err *err)
{
    double box[4] = {0};
    int rc = drawn_box(r, g, box, err);
    *w = box[2] - box[0];
    *h = box[3] - box[1];
    return rc;
}

/* ---- one attempt ------------------------------------------------------- */

typedef struct attempt {
    Agraph_t *g;
    double w, h;       /* drawn size at layout size, points */
    double scale;      /* to the page */
    double text, line; /* at final size */
    double base;       /* node label size laid out */
    int place;
} attempt;

/* The tallest page p allows: --height, else with a width the budget
 * FNET_PRINT_MAX_HEIGHT; 0: no limit (a screen figure). */
static double height_cap(const fnet_print_opts *p)
{
    return p->height > 0 ? p->height : p->width > 0 ? FNET_PRINT_MAX_HEIGHT : 0;
}

/* a's scale to p's page (1 without a width), and its smallest text and
 * thinnest line at that scale. */
static void scale_to_page(attempt *a, const fnet_print_opts *p)
{
    a->scale = 1;
    if (p->width > 0 && a->w > 0) {
        a->scale = p->width / (a->w + 2 * MARGIN);
        if (height_cap(p) > 0 && a->h > 0)
            a->scale = fmin(a->scale, height_cap(p) / (a->h + 2 * MARGIN));
        a->scale = fmin(a->scale, FNET_PRINT_MAX_UP);
    }
    measure(a->g, &a->text, &a->line);
    a->text *= a->scale;
    a->line *= a->scale;
}

/* The legend of d into g, placed beside the drawing (box: left, bottom,
 * right, top) at place. */
static int place_legend(Agraph_t *g, const fnet_diagram *d, fnet_dot_opts *o,
                        int place, const double box[4], double page_w,
                        fnet_err *err)
{
    double k = o->scale > 0 ? o->scale : 1;
    if (place == FNET_LEGEND_BELOW) {
        o->legend_width = fmax(box[2] - box[0], page_w - 2 * MARGIN);
        return fnet_dot_add_legend(g, d, o, box[0], box[1] - 12 * k, err);
    }
    return fnet_dot_add_legend(g, d, o, box[2] + SCREEN_GAP * k, box[3], err);
}

/* True when an edge of d has a label: factnet places those on the laid-out
 * graph (output/diagram/labels.h), so the figure is fixed. */
static bool edge_labels(const fnet_diagram *d)
{
    for (uint32_t i = 0; i < d->n_edges; i++)
        if (d->edges[i].label)
            return true;
    return false;
}

/* A fixed layout (legend not yet added) kept for the next legend place
 * of the same label size: laying the graph out is most of an attempt's
 * time, and the layout does not depend on where the legend goes. */
typedef struct fixed {
    Agraph_t *g; /* NULL: none kept */
    double base;
    double box[4];
} fixed;

static void fixed_drop(fixed *fx)
{
    if (fx && fx->g)
        agclose(fx->g);
    if (fx)
        fx->g = NULL;
}

/* Sets on obj (of root to) every attribute value of obj0 (of root from)
 * that differs, declaring what to lacks; HTML strings stay HTML. */
static bool copy_values(Agraph_t *from, void *obj0, Agraph_t *to, void *obj,
                        int kind)
{
    for (Agsym_t *s = agnxtattr(from, kind, NULL); s;
         s = agnxtattr(from, kind, s)) {
        Agsym_t *t = agattr(to, kind, s->name, NULL);
        if (!t && !(t = agattr(to, kind, s->name, s->defval)))
            return false;
        char *v = agxget(obj0, s), *w = agxget(obj, t);
        if (strcmp(v, w) == 0 && !aghtmlstr(v) == !aghtmlstr(w))
            continue;
        if (aghtmlstr(v)) {
            char *h = agstrdup_html(to, v);
            int rc = agxset(obj, t, h);
            agstrfree(to, h);
            if (rc != 0)
                return false;
        } else if (agxset(obj, t, v) != 0) {
            return false;
        }
    }
    return true;
}

static bool copy_subgraphs(Agraph_t *root0, Agraph_t *g0, Agraph_t *root,
                           Agraph_t *g)
{
    for (Agraph_t *s0 = agfstsubg(g0); s0; s0 = agnxtsubg(s0)) {
        Agraph_t *s = agsubg(g, agnameof(s0), 0);
        if (!s || !copy_values(root0, s0, root, s, AGRAPH) ||
            !copy_subgraphs(root0, s0, root, s))
            return false;
    }
    return true;
}

/* The layout of from (fixed by fnet_render_fix_box) onto to, a graph
 * built from the same diagram with the same options: every attribute of
 * every object, matched by name (edges in order). False when the two do
 * not match object for object. */
static bool copy_layout(Agraph_t *from, Agraph_t *to)
{
    if (agnnodes(from) != agnnodes(to) || agnedges(from) != agnedges(to) ||
        !copy_values(from, from, to, to, AGRAPH) ||
        !copy_subgraphs(from, from, to, to))
        return false;
    for (Agnode_t *v0 = agfstnode(from); v0; v0 = agnxtnode(from, v0)) {
        Agnode_t *v = agnode(to, agnameof(v0), 0);
        if (!v || !copy_values(from, v0, to, v, AGNODE))
            return false;
        Agedge_t *e = agfstout(to, v);
        for (Agedge_t *e0 = agfstout(from, v0); e0;
             e0 = agnxtout(from, e0), e = agnxtout(to, e))
            if (!e || strcmp(agnameof(aghead(e0)), agnameof(aghead(e))) != 0 ||
                !copy_values(from, e0, to, e, AGEDGE))
                return false;
        if (e)
            return false;
    }
    return true;
}

/* Lays a->g out (fnet_render_fix_box), or copies the layout fx keeps for
 * the same label size; keeps a copy in fx for the next place. */
static int fix_layout(attempt *a, const fnet_diagram *d,
                      const fnet_dot_opts *oo, double box[4], fixed *fx,
                      fnet_renderer *r, fnet_err *err)
{
    if (fx && fx->g && fx->base == a->base && copy_layout(fx->g, a->g)) {
        memcpy(box, fx->box, sizeof fx->box);
        return 0;
    }
    int rc = fnet_render_fix_box(r, a->g, box, err);
    if (rc || !fx || a->base <= 0)
        return rc;
    fixed_drop(fx);
    rc = fnet_dot_build(&fx->g, d, oo, err);
    if (!rc && copy_layout(a->g, fx->g)) {
        fx->base = a->base;
        memcpy(fx->box, box, sizeof fx->box);
    } else {
        fixed_drop(fx);
    }
    return rc;
}

/* Builds the figure with node labels at base points (0: screen sizes),
 * the legend at place, and measures it against the page. fx (NULL: none)
 * carries a layout from one place to the next. */
static int try_one(attempt *a, const fnet_diagram *d, const fnet_dot_opts *o,
                   const fnet_print_opts *p, double base, int place, fixed *fx,
                   fnet_renderer *r, fnet_err *err)
{
    fnet_dot_opts oo = *o;
    double box[4];
    bool legend = place == FNET_LEGEND_RIGHT || place == FNET_LEGEND_BELOW;
    memset(a, 0, sizeof *a);
    a->base = base;
    a->place = place;
    if (base > 0)
        fnet_print_dot_opts(&oo, p, base);
    int rc = fnet_dot_build(&a->g, d, &oo, err);
    if (!rc && (legend || base > 0 || edge_labels(d) ||
                fnet_clustered_applies(a->g, NULL)))
        rc = fix_layout(a, d, &oo, box, fx, r, err);
    if (!rc && legend)
        rc = place_legend(a->g, d, &oo, place, box, p->width, err);
    if (!rc && base > 0) /* a screen figure's page is measured when written */
        rc = drawn_size(r, a->g, &a->w, &a->h, err);
    if (rc)
        return rc;
    scale_to_page(a, p);
    return 0;
}

static bool legible(const attempt *a, const fnet_print_opts *p, bool last)
{
    double want = last ? p->min_font : fmax(p->min_font, KEEP * a->base);
    return a->text >= want - 1e-9 && a->line >= FNET_PRINT_MIN_LINE - 1e-9;
}

/* How far a is from legible: 1 legible, below 1 short by that factor. */
static double reach(const attempt *a, const fnet_print_opts *p)
{
    return fmin(a->text / p->min_font, a->line / FNET_PRINT_MIN_LINE);
}

/* Sets the page: Graphviz scales the drawing with its pad (layout units)
 * to size, so the pad that centres the drawing on a page pw x ph is
 * (pw / scale - w) / 2; margin 0 (cairo's paged formats add half an inch
 * otherwise). */
static void set_page(Agraph_t *g, const attempt *a, const fnet_print_opts *p,
                     fnet_print_fit *fit)
{
    char v[80];
    double s = a->scale;
    double pw = p->width > 0 ? p->width : (a->w + 2 * MARGIN) * s;
    double ph = p->height > 0 ? p->height : (a->h + 2 * MARGIN) * s;
    double px = (pw / s - a->w) / 2, py = (ph / s - a->h) / 2;
    /* The width binds: the height gets a hair of slack, so that rounding
     * never lets it decide the scale (the page is the scaled drawing, not
     * the size box). */
    snprintf(v, sizeof v, "%.6f,%.6f!", pw / 72,
             ph / 72 + (p->height > 0 ? 0 : 0.01));
    agsafeset(g, "size", v, "");
    snprintf(v, sizeof v, "%.6f,%.6f", px / 72, py / 72);
    agsafeset(g, "pad", v, "");
    agsafeset(g, "margin", "0", "");
    *fit = (fnet_print_fit){.sized = true,
                            .page_w = pw,
                            .page_h = ph,
                            .scale = a->scale,
                            .min_text = a->text,
                            .min_line = a->line,
                            .node_pt = a->base,
                            .legend = a->place};
}

/* The fit of a screen figure (no --width): its size as drawn. */
static void screen_fit(const attempt *a, fnet_print_fit *fit)
{
    *fit = (fnet_print_fit){.page_w = a->w,
                            .page_h = a->h,
                            .scale = 1,
                            .min_text = a->text,
                            .min_line = a->line,
                            .node_pt = 12,
                            .legend = a->place};
}

/* ---- ruling a label size out ------------------------------------------- */

/* Points the nodes' box may lose to the rounding of the pos, width and
 * height attributes a fixed layout is drawn from. */
#define SPAN_SLACK 0.5

/* The width and height of the box around g's nodes as fixed (their pos,
 * width and height attributes, points), its legend's left out. */
static void node_span(Agraph_t *g, double span[2])
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        const char *cls = agget(v, "class"), *pos = agget(v, "pos");
        double x, y;
        if ((cls && strcmp(cls, "legend") == 0) || !pos ||
            sscanf(pos, "%lf,%lf", &x, &y) != 2)
            continue;
        double hw = num_attr(v, "width", 0) * 36;
        double hh = num_attr(v, "height", 0) * 36;
        x0 = fmin(x0, x - hw);
        x1 = fmax(x1, x + hw);
        y0 = fmin(y0, y - hh);
        y1 = fmax(y1, y + hh);
    }
    span[0] = x1 > x0 ? x1 - x0 : 0;
    span[1] = y1 > y0 ? y1 - y0 : 0;
}

static int cmp_seq(const void *x, const void *y)
{
    uint64_t a = AGSEQ(*(Agnode_t *const *)x), b = AGSEQ(*(Agnode_t *const *)y);
    return (a > b) - (a < b);
}

/* The index of v in all[0, n), sorted by sequence number. */
static int node_index(Agnode_t *const *all, int n, Agnode_t *v)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (AGSEQ(all[mid]) < AGSEQ(v))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* True when g's nodes are one connected component (edges either way);
 * false as well when memory runs out. */
static bool connected(Agraph_t *g)
{
    int n = agnnodes(g), seen = 0, top = 0, i = 0;
    Agnode_t **all = malloc((size_t)(n > 0 ? n : 1) * sizeof *all);
    Agnode_t **stack = malloc((size_t)(n > 0 ? n : 1) * sizeof *stack);
    char *mark = calloc((size_t)(n > 0 ? n : 1), 1);
    bool ok = all && stack && mark && n > 0;
    for (Agnode_t *v = agfstnode(g); ok && v; v = agnxtnode(g, v))
        all[i++] = v;
    if (ok) {
        qsort(all, (size_t)n, sizeof *all, cmp_seq);
        stack[top++] = all[0];
        mark[0] = 1;
        seen = 1;
    }
    while (ok && top > 0) {
        Agnode_t *v = stack[--top];
        for (Agedge_t *e = agfstedge(g, v); e; e = agnxtedge(g, e, v)) {
            int k = node_index(all, n, aghead(e) == v ? agtail(e) : aghead(e));
            if (!mark[k]) {
                mark[k] = 1;
                seen++;
                stack[top++] = all[k];
            }
        }
    }
    ok = ok && seen == n;
    free(all);
    free(stack);
    free(mark);
    return ok;
}

/* True when a layout of g without its edges puts the nodes where the
 * full layout does: neato on one connected component, edges routed as
 * splines (the costly part), no clusters laid out by factnet. Graphviz
 * 2.42's neato places such a graph's nodes (stress majorization, then
 * overlap removal) before it routes any edge, and routing only moves the
 * whole drawing; with several components, packing them looks at their
 * routed edges, and edge labels may spread the nodes (render.h). */
static bool boundable(Agraph_t *g, const fnet_diagram *d)
{
    const char *engine = agget(g, "layout"), *splines = agget(g, "splines");
    return !edge_labels(d) && engine && strcmp(engine, "neato") == 0 &&
           splines && strcmp(splines, "true") == 0 &&
           !fnet_clustered_applies(g, NULL) && connected(g);
}

/* Whether every legend place at label size base is sure to be refused
 * (*out; last: base is the last size tried, legible()'s rule): the
 * graph is laid out without its edges (splines=none: no routing), and
 * the box of its nodes, which every drawing of it contains, bounds the
 * drawing's scale to the page from above; its text and lines without
 * the legend bound the figure's smallest from above. span receives the
 * nodes' box (0, 0 when nothing was laid out), for span_holds(). Can't
 * fail: when this layout does, nothing is ruled out (the full layout
 * then meets the failure itself). */
static void ruled_out(bool *out, double span[2], const fnet_diagram *d,
                      const fnet_dot_opts *o, const fnet_print_opts *p,
                      double base, bool last, fnet_renderer *r)
{
    fnet_dot_opts oo = *o;
    attempt a = {.base = base};
    double box[4];
    fnet_err ignored = {0};
    *out = false;
    span[0] = span[1] = 0;
    fnet_print_dot_opts(&oo, p, base);
    if (fnet_dot_build(&a.g, d, &oo, &ignored) == 0 && boundable(a.g, d)) {
        agsafeset(a.g, "splines", "none", "");
        if (fnet_render_fix_box(r, a.g, box, &ignored) == 0) {
            node_span(a.g, span);
            a.w = fmax(span[0] - SPAN_SLACK, 0);
            a.h = fmax(span[1] - SPAN_SLACK, 0);
            scale_to_page(&a, p);
            *out = a.w > 0 && !legible(&a, p, last);
        }
    }
    if (a.g)
        agclose(a.g);
}

/* True when g, laid out in full, has its nodes where ruled_out() saw
 * them (span: its nodes' box; 0, 0: nothing to compare). A Graphviz that
 * routes before it places would fail this, and the search then lays
 * every size out. */
static bool span_holds(Agraph_t *g, const double span[2])
{
    double real[2];
    if (span[0] <= 0)
        return true;
    node_span(g, real);
    return fabs(real[0] - span[0]) <= SPAN_SLACK &&
           fabs(real[1] - span[1]) <= SPAN_SLACK;
}

/* ---- refusing ---------------------------------------------------------- */

static void length_words(fnet_buf *b, double pt)
{
    fnet_buf_printf(b, "%.2fin (%.0f pt)", pt / 72, pt);
}

/* "the figure does not fit W x H: its smallest text would be ...; nothing
 * written. To make it fit: " for a, refused on p's page. */
static void shortfall_words(fnet_buf *b, const attempt *a,
                            const fnet_print_opts *p)
{
    fnet_buf_puts(b, "the figure does not fit ");
    length_words(b, p->width);
    fnet_buf_printf(b, " x %.2fin (%.0f pt%s)", height_cap(p) / 72,
                    height_cap(p),
                    p->height > 0 ? "" : ", the default height limit");
    fnet_buf_printf(b, ": its smallest text would be %.1f pt (--min-font %g)",
                    floor(10 * a->text) / 10, p->min_font);
    if (a->line < FNET_PRINT_MIN_LINE)
        fnet_buf_printf(b, " and its thinnest line %.2f pt (at least %g)",
                        floor(100 * a->line) / 100, FNET_PRINT_MIN_LINE);
    fnet_buf_puts(b, "; nothing written. To make it fit: ");
}

/* The page a would need for its smallest text and thinnest line to
 * reach their minimums: "--height H" when taller than p allows, "--width
 * W" when wider (or when the height is not what binds). */
static void page_words(fnet_buf *b, const attempt *a, const fnet_print_opts *p)
{
    double need = a->scale / reach(a, p);
    double need_w = (a->w + 2 * MARGIN) * need;
    double need_h = (a->h + 2 * MARGIN) * need;
    bool taller = need_h > height_cap(p) + 0.5;
    if (taller)
        fnet_buf_printf(b, "--height %.1fin", ceil(10 * need_h / 72) / 10);
    if (need_w > p->width + 0.5 || !taller)
        fnet_buf_printf(b, "%s--width %.1fin", taller ? ", " : "",
                        ceil(10 * need_w / 72) / 10);
}

/* The node label sizes to try, largest first, ending at min_font. */
static size_t bases(const fnet_print_opts *p, double out[4])
{
    static const double tries[] = {9, 8, 7};
    size_t n = 0;
    for (size_t i = 0; i < 3; i++)
        if (tries[i] > p->min_font)
            out[n++] = tries[i];
    out[n++] = p->min_font;
    return n;
}

/* The placements to try: right then below unless one was asked for. */
static size_t places(const fnet_print_opts *p, bool legend, int out[2])
{
    if (!legend)
        return out[0] = FNET_LEGEND_NONE, 1;
    if (p->legend != FNET_LEGEND_AUTO)
        return out[0] = p->legend, 1;
    out[0] = FNET_LEGEND_RIGHT;
    out[1] = FNET_LEGEND_BELOW;
    return p->width > 0 ? 2 : 1;
}

/* Whether some label size and legend place draws d legibly on the page
 * (*ok); the attempts are not kept. With bounds, sizes ruled_out() are
 * not laid out. Returns 0 or an FNET_E* code. */
static int fits_with(bool *ok, const fnet_diagram *d, const fnet_dot_opts *o,
                     const fnet_print_opts *p, bool bounds, fnet_renderer *r,
                     fnet_err *err)
{
    double base[4];
    int place[2];
    size_t nb = bases(p, base), np = places(p, o->legend, place);
    int rc = 0;
    bool held = true;
    fixed fx = {0};
    *ok = false;
    for (size_t i = 0; i < nb && !rc && !*ok && held; i++) {
        double span[2] = {0, 0};
        bool out = false;
        if (bounds)
            ruled_out(&out, span, d, o, p, base[i], true, r);
        for (size_t j = 0; j < np && !rc && !out && !*ok && held; j++) {
            attempt a;
            rc = try_one(&a, d, o, p, base[i], place[j], np > 1 ? &fx : NULL, r,
                         err);
            held = rc || j > 0 || span_holds(a.g, span);
            *ok = !rc && held && legible(&a, p, true);
            if (a.g)
                agclose(a.g);
        }
    }
    fixed_drop(&fx);
    if (!rc && !held)
        return fits_with(ok, d, o, p, false, r, err);
    return rc;
}

static int fits(bool *ok, const fnet_diagram *d, const fnet_dot_opts *o,
                const fnet_print_opts *p, fnet_renderer *r, fnet_err *err)
{
    return fits_with(ok, d, o, p, true, r, err);
}

typedef struct ranked {
    double size;
    const char *id;
    uint32_t node;
} ranked;

static int cmp_size(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    return fnet_dnode_rank_cmp(a->size, a->id, b->size, b->id);
}

/* d cut to its k largest nodes, as --top k cuts it (by size, ties by id;
 * output/diagram/diagram.c), in *cut; the arrays in *nodes and *edges
 * are the caller's to free. Returns 0 or FNET_ENOMEM. */
static int top_cut(fnet_diagram *cut, fnet_dnode **nodes, fnet_dedge **edges,
                   const fnet_diagram *d, uint32_t k)
{
    ranked *rank = malloc((d->n_nodes + 1) * sizeof *rank);
    int64_t *map = malloc((d->n_nodes + 1) * sizeof *map);
    *nodes = malloc((k + 1) * sizeof **nodes);
    *edges = malloc((d->n_edges + 1) * sizeof **edges);
    if (!rank || !map || !*nodes || !*edges) {
        free(rank);
        free(map);
        return FNET_ENOMEM;
    }
    for (uint32_t i = 0; i < d->n_nodes; i++) {
        rank[i] = (ranked){d->nodes[i].size, d->nodes[i].id, i};
        map[i] = -1;
    }
    qsort(rank, d->n_nodes, sizeof *rank, cmp_size);
    for (uint32_t i = 0; i < k && i < d->n_nodes; i++)
        map[rank[i].node] = 0;
    uint32_t n = 0, m = 0;
    for (uint32_t i = 0; i < d->n_nodes; i++)
        if (map[i] == 0) {
            map[i] = n;
            (*nodes)[n++] = d->nodes[i];
        }
    for (uint32_t i = 0; i < d->n_edges; i++) {
        fnet_dedge e = d->edges[i];
        if (map[e.from] < 0 || map[e.to] < 0)
            continue;
        e.from = (uint32_t)map[e.from];
        e.to = (uint32_t)map[e.to];
        (*edges)[m++] = e;
    }
    *cut = *d;
    cut->nodes = *nodes;
    cut->n_nodes = n;
    cut->edges = *edges;
    cut->n_edges = m;
    free(rank);
    free(map);
    return 0;
}

/* The largest --top k (2 <= k < nodes) found to fit, by bisection on
 * real layouts of the cut diagram; -1 when none does. Whether a cut fits
 * is not monotonic in k (layouts differ), so k is a verified answer, not
 * always the largest. */
static int top_that_fits(long *top, const fnet_diagram *d,
                         const fnet_dot_opts *o, const fnet_print_opts *p,
                         fnet_renderer *r, fnet_err *err)
{
    uint32_t lo = 1, hi = d->n_nodes; /* lo: fits (or too small); hi: not */
    int rc = 0;
    while (!rc && hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        fnet_diagram cut;
        fnet_dnode *nodes = NULL;
        fnet_dedge *edges = NULL;
        bool ok = false;
        rc = top_cut(&cut, &nodes, &edges, d, mid);
        if (!rc)
            rc = fits(&ok, &cut, o, p, r, err);
        free(nodes);
        free(edges);
        if (ok)
            lo = mid;
        else
            hi = mid;
    }
    *top = lo >= 2 ? (long)lo : -1;
    return rc == FNET_ENOMEM ? fnet_err_set(err, rc, "out of memory") : rc;
}

/* Why the best attempt was refused and what would make it fit. */
static int refuse(const attempt *best, const fnet_diagram *d,
                  const fnet_dot_opts *o, const fnet_print_opts *p,
                  bool tried_below, fnet_renderer *r, fnet_err *err)
{
    fnet_buf b = {0};
    long top = -1;
    int rc = top_that_fits(&top, d, o, p, r, err);
    if (rc)
        return rc;
    shortfall_words(&b, best, p);
    if (top >= 2)
        fnet_buf_printf(&b, "--top %ld, ", top);
    if (!tried_below && p->legend != FNET_LEGEND_NONE &&
        p->legend != FNET_LEGEND_SEPARATE)
        fnet_buf_puts(&b, "--legend below, ");
    if (p->legend != FNET_LEGEND_NONE && p->legend != FNET_LEGEND_SEPARATE)
        fnet_buf_puts(&b, "--legend separate, ");
    bool labels = false;
    for (uint32_t i = 0; i < d->n_edges; i++)
        labels = labels || d->edges[i].label;
    if (labels)
        fnet_buf_puts(&b, "--edge-labels none, ");
    page_words(&b, best, p);
    rc = fnet_buf_ok(&b) ? fnet_err_set(err, FNET_EFIT, "%s", fnet_buf_str(&b))
                         : fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_buf_free(&b);
    return rc;
}

/* ---- choosing ---------------------------------------------------------- */

/* The sized figure: the first legible attempt, else FNET_EFIT. With
 * bounds, label sizes ruled_out() are not laid out: none of them can be
 * the first legible attempt, but one could be the best of a search that
 * finds none, so such a search is done again in full. */
static int choose(fnet_figure *out, const fnet_diagram *d,
                  const fnet_dot_opts *o, const fnet_print_opts *p, bool bounds,
                  fnet_renderer *r, fnet_err *err)
{
    double base[4];
    int place[2];
    size_t nb = bases(p, base), np = places(p, o->legend, place);
    attempt best = {0}, a;
    fixed fx = {0};
    bool tried_below = false, skipped = false, held = true;
    int rc = 0;
    for (size_t i = 0; i < nb && !rc && held; i++) {
        double span[2] = {0, 0};
        bool ruled = false;
        if (bounds)
            ruled_out(&ruled, span, d, o, p, base[i], i + 1 == nb, r);
        skipped = skipped || ruled;
        for (size_t j = 0; j < np && !rc && !ruled && held; j++) {
            rc = try_one(&a, d, o, p, base[i], place[j], np > 1 ? &fx : NULL, r,
                         err);
            held = rc || j > 0 || span_holds(a.g, span);
            tried_below = tried_below || place[j] == FNET_LEGEND_BELOW;
            if (!rc && held && legible(&a, p, i + 1 == nb)) {
                set_page(a.g, &a, p, &out->fit);
                out->g = a.g;
                if (best.g)
                    agclose(best.g);
                fixed_drop(&fx);
                return 0;
            }
            if (!rc && (!best.g || reach(&a, p) > reach(&best, p))) {
                if (best.g)
                    agclose(best.g);
                best = a;
            } else if (a.g) {
                agclose(a.g);
            }
        }
    }
    fixed_drop(&fx);
    if (!rc && (skipped || !held)) {
        if (best.g)
            agclose(best.g);
        return choose(out, d, o, p, false, r, err);
    }
    if (!rc && best.g && legible(&best, p, true)) {
        /* None kept 85 % of its size: the one with the largest text. */
        set_page(best.g, &best, p, &out->fit);
        out->g = best.g;
        return 0;
    }
    if (!rc)
        rc = refuse(&best, d, o, p, tried_below, r, err);
    if (best.g)
        agclose(best.g);
    return rc;
}

void fnet_print_dot_opts(fnet_dot_opts *o, const fnet_print_opts *p,
                         double base)
{
    o->scale = base / 12.0;
    o->font_min = base;
    o->pen_min = PEN_MIN;
    o->page_width = p->width - 2 * MARGIN;
}

int fnet_print_size(fnet_print_fit *fit, Agraph_t *g, const fnet_print_opts *p,
                    double base, const char *what, fnet_renderer *r,
                    fnet_err *err)
{
    attempt a = {.g = g, .base = base, .place = FNET_LEGEND_RIGHT};
    int rc = drawn_size(r, g, &a.w, &a.h, err);
    if (rc)
        return rc;
    scale_to_page(&a, p);
    if (legible(&a, p, true)) {
        set_page(g, &a, p, fit);
        return 0;
    }
    fnet_buf b = {0};
    fnet_buf_printf(&b, "%s: ", what);
    shortfall_words(&b, &a, p);
    fnet_buf_puts(&b, "--legend none, ");
    page_words(&b, &a, p);
    rc = fnet_buf_ok(&b) ? fnet_err_set(err, FNET_EFIT, "%s", fnet_buf_str(&b))
                         : fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_buf_free(&b);
    return rc;
}

/* The legend alone at the figure's scale, sized to itself. */
static int separate_legend(fnet_figure *out, const fnet_diagram *d,
                           const fnet_dot_opts *o, const fnet_print_opts *p,
                           fnet_renderer *r, fnet_err *err)
{
    fnet_dot_opts oo = *o;
    attempt a = {.scale = 1, .base = 12, .place = FNET_LEGEND_SEPARATE};
    if (out->fit.sized) {
        oo.scale = out->fit.node_pt / 12.0;
        oo.font_min = out->fit.node_pt;
        oo.pen_min = PEN_MIN;
        oo.legend_width = p->width / out->fit.scale - 2 * MARGIN;
        a.base = out->fit.node_pt;
    }
    int rc = fnet_dot_legend_graph(&out->legend, d, &oo, err);
    if (rc || !out->legend)
        return rc;
    if ((rc = drawn_size(r, out->legend, &a.w, &a.h, err)) != 0)
        return rc;
    a.scale = out->fit.sized ? out->fit.scale : 1;
    measure(out->legend, &a.text, &a.line);
    a.text *= a.scale;
    a.line *= a.scale;
    if (!out->fit.sized) {
        screen_fit(&a, &out->legend_fit);
        return 0;
    }
    fnet_print_opts lp = *p;
    lp.width = lp.height = 0; /* the legend's page is its own size */
    set_page(out->legend, &a, &lp, &out->legend_fit);
    return 0;
}

int fnet_print_figure(fnet_figure *out, const fnet_diagram *d,
                      const fnet_dot_opts *o, const fnet_print_opts *p,
                      fnet_renderer *r, fnet_err *err)
{
    memset(out, 0, sizeof *out);
    int rc;
    if (p->width > 0) {
        rc = choose(out, d, o, p, true, r, err);
    } else {
        attempt a;
        int place[2];
        places(p, o->legend, place);
        rc = try_one(&a, d, o, p, 0, place[0], NULL, r, err);
        out->g = a.g;
        if (!rc)
            screen_fit(&a, &out->fit);
    }
    if (!rc && o->legend && p->legend == FNET_LEGEND_SEPARATE)
        rc = separate_legend(out, d, o, p, r, err);
    return rc;
}

/* ---- files ------------------------------------------------------------- */

void fnet_print_legend_path(fnet_buf *out, const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    size_t stem =
        dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    fnet_buf_reset(out);
    fnet_buf_append(out, path, stem);
    fnet_buf_puts(out, ".legend");
    fnet_buf_puts(out, path + stem);
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* CRC-32 of PNG chunks (ISO 3309, as in the PNG specification). */
static uint32_t crc32_png(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

/* Records dpi in a PNG's pHYs chunk (cairo writes none), inserted after
 * IHDR. *data is replaced; returns 0 or FNET_ENOMEM (data unchanged). */
static int png_dpi(char **data, size_t *len, long dpi)
{
    const unsigned char *p = (const unsigned char *)*data;
    if (*len < 33 || memcmp(p + 12, "IHDR", 4) != 0)
        return 0;
    for (size_t at = 8; at + 8 <= *len; at += 12 + be32(p + at))
        if (memcmp(p + at + 4, "pHYs", 4) == 0)
            return 0;
    unsigned char chunk[21];
    uint32_t ppm = (uint32_t)lround(dpi / 0.0254);
    put32(chunk, 9);
    memcpy(chunk + 4, "pHYs", 4);
    put32(chunk + 8, ppm);
    put32(chunk + 12, ppm);
    chunk[16] = 1; /* unit: metre */
    put32(chunk + 17, crc32_png(chunk + 4, 13));
    char *n = malloc(*len + sizeof chunk);
    if (!n)
        return FNET_ENOMEM;
    memcpy(n, *data, 33);
    memcpy(n + 33, chunk, sizeof chunk);
    memcpy(n + 33 + sizeof chunk, *data + 33, *len - 33);
    free(*data);
    *data = n;
    *len += sizeof chunk;
    return 0;
}

/* The page of a rendered file in points, read from the file itself. */
/* The four numbers after key in data[0, len), if key occurs there. */
static bool box_in(const char *data, size_t len, const char *key, double *x0,
                   double *y0, double *x1, double *y1)
{
    size_t k = strlen(key);
    for (size_t i = 0; i + k < len; i++)
        if (memcmp(data + i, key, k) == 0) {
            char num[160];
            size_t m =
                len - i - k < sizeof num - 1 ? len - i - k : sizeof num - 1;
            memcpy(num, data + i + k, m);
            num[m] = '\0';
            if (sscanf(num, "%lf %lf %lf %lf", x0, y0, x1, y1) == 4)
                return true;
        }
    return false;
}

/* The Flate stream that starts at data, inflated (malloc'd, *n bytes), or
 * NULL when it is not one or is larger than 16 MiB. */
static char *inflated(const char *data, size_t len, size_t *n)
{
    z_stream z = {0};
    size_t cap = 1 << 16;
    char *out = malloc(cap);
    if (!out || inflateInit(&z) != Z_OK) {
        free(out);
        return NULL;
    }
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)(len < UINT32_MAX ? len : UINT32_MAX);
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (z.total_out == cap) {
            char *bigger = cap < (16u << 20) ? realloc(out, cap * 2) : NULL;
            if (!bigger)
                break;
            out = bigger;
            cap *= 2;
        }
        z.next_out = (Bytef *)out + z.total_out;
        z.avail_out = (uInt)(cap - z.total_out);
        rc = inflate(&z, Z_NO_FLUSH);
    }
    *n = z.total_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

static bool page_of(const char *format, const char *data, size_t len, long dpi,
                    double *w, double *h)
{
    const char *key = strcmp(format, "pdf") == 0   ? "/MediaBox ["
                      : strcmp(format, "eps") == 0 ? "%%BoundingBox:"
                                                   : NULL;
    double x0, y0, x1, y1;
    if (strcmp(format, "png") == 0 && len >= 24) {
        const unsigned char *p = (const unsigned char *)data;
        *w = be32(p + 16) * 72.0 / (double)dpi;
        *h = be32(p + 20) * 72.0 / (double)dpi;
        return true;
    }
    if (strcmp(format, "svg") == 0) {
        const char *s = strstr(data, "<svg");
        const char *ws = s ? strstr(s, "width=\"") : NULL;
        const char *hs = s ? strstr(s, "height=\"") : NULL;
        if (!ws || !hs)
            return false;
        *w = strtod(ws + 7, NULL);
        *h = strtod(hs + 8, NULL);
        return true;
    }
    if (key && box_in(data, len, key, &x0, &y0, &x1, &y1)) {
        *w = x1 - x0;
        *h = y1 - y0;
        return true;
    }
    /* cairo 1.18 writes the page objects into compressed object streams. */
    for (size_t i = 0; key && strcmp(format, "pdf") == 0 && i + 7 < len; i++) {
        if (memcmp(data + i, "stream", 6) != 0 ||
            (data[i + 6] != '\n' && data[i + 6] != '\r'))
            continue;
        size_t start = i + 7 + (data[i + 6] == '\r' && data[i + 7] == '\n');
        size_t n = 0;
        char *text = inflated(data + start, len - start, &n);
        bool found = text && box_in(text, n, key, &x0, &y0, &x1, &y1);
        free(text);
        if (found) {
            *w = x1 - x0;
            *h = y1 - y0;
            return true;
        }
    }
    return false;
}

/* True when the binary data holds s. */
static bool contains(const char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, s, n) == 0)
            return true;
    return false;
}

/* The fonts a PDF or EPS carries, as "Name (embedded)", each once. */
static void fonts_of(fnet_buf *b, const char *format, const char *data,
                     size_t len)
{
    bool pdf = strcmp(format, "pdf") == 0;
    const char *key = pdf ? "/FontName /" : "%%BeginResource: font ";
    size_t klen = strlen(key), start = b->len;
    int n = 0;
    if (!pdf && strcmp(format, "eps") != 0) {
        fnet_buf_puts(b, strcmp(format, "png") == 0
                             ? "none (PNG: text is pixels)"
                             : "named, not embedded (SVG)");
        return;
    }
    for (size_t i = 0; i + klen < len; i++) {
        if (memcmp(data + i, key, klen) != 0)
            continue;
        size_t e = i + klen;
        while (e < len && data[e] > ' ' && data[e] != '/')
            e++;
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(e - i - klen),
                 data + i + klen);
        const char *plus = strchr(name, '+'); /* subset prefix */
        const char *shown = plus ? plus + 1 : name;
        if (b->data && strstr(b->data + start, shown))
            continue;
        fnet_buf_printf(b, "%s%s", n++ ? ", " : "", shown);
    }
    if (!n)
        fnet_buf_puts(b, "none");
    else if (!pdf || contains(data, len, "/FontFile"))
        fnet_buf_puts(b, " (embedded)");
}

/* The looks of g's drawn nodes (not the legend's), each (fill, outline)
 * pair once: dashed[i] when fill i is drawn with a dashed outline. */
static size_t fills_of(Agraph_t *g, const char **out, bool *dashed, size_t cap)
{
    size_t n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        const char *cls = agget(v, "class"), *f = agget(v, "fillcolor");
        const char *style = agget(v, "style");
        if (!f || !*f || (cls && strcmp(cls, "legend") == 0))
            continue;
        bool dash = style && strstr(style, "dashed") != NULL;
        size_t i = 0;
        while (i < n && (strcmp(out[i], f) != 0 || dashed[i] != dash))
            i++;
        if (i == n && n < cap) {
            dashed[n] = dash;
            out[n++] = f;
        }
    }
    return n;
}

static void preflight(FILE *fp, const char *path, const char *format,
                      const char *data, size_t len, Agraph_t *g,
                      const fnet_print_fit *fit, const fnet_print_opts *p,
                      long dpi)
{
    double w = 0, h = 0, gap = 0;
    fnet_buf fonts = {0};
    const char *fills[64];
    bool dashed[64];
    fprintf(fp, "preflight: %s\n", path);
    if (page_of(format, data, len, dpi, &w, &h))
        fprintf(fp, "  page: %.1f x %.1f pt (%.2f x %.2f in, %.1f x %.1f mm)\n",
                w, h, w / 72, h / 72, w / 72 * 25.4, h / 72 * 25.4);
    if (strcmp(format, "png") == 0)
        fprintf(fp, "  resolution: %ld dpi\n", dpi);
    fprintf(fp, "  smallest text: %.1f pt (--min-font %g): %s\n",
            floor(10 * fit->min_text) / 10, p->min_font,
            fit->min_text >= p->min_font - 1e-9 ? "ok" : "too small");
    fprintf(fp, "  thinnest line: %.2f pt (at least %g): %s\n",
            floor(100 * fit->min_line) / 100, FNET_PRINT_MIN_LINE,
            fit->min_line >= FNET_PRINT_MIN_LINE - 1e-9 ? "ok" : "too thin");
    fonts_of(&fonts, format, data, len);
    fprintf(fp, "  fonts: %s\n",
            fnet_buf_ok(&fonts) ? fnet_buf_str(&fonts) : "?");
    fnet_buf_free(&fonts);
    size_t n = fills_of(g, fills, dashed, sizeof fills / sizeof fills[0]);
    size_t nd = 0;
    for (size_t i = 0; i < n; i++)
        nd += dashed[i];
    bool ok = fnet_style_grey_check(fills, dashed, n, &gap);
    if (n > 1 && nd > 0 && nd < n)
        fprintf(fp,
                "  greyscale: %zu node looks (%zu fills with a solid outline, "
                "%zu dashed), lightness (CIE L*) of one outline at least "
                "%.1f apart: %s\n",
                n, n - nd, nd, gap,
                ok ? "ok" : "some fills print as the same grey");
    else if (n > 1)
        fprintf(fp,
                "  greyscale: %zu fill colours, lightness (CIE L*) at least "
                "%.1f apart: %s\n",
                n, gap, ok ? "ok" : "some fills print as the same grey");
    else
        fprintf(fp, "  greyscale: %zu fill colour: ok\n", n);
}

/* Renders one laid-out graph to path. */
static int write_one(fnet_renderer *r, Agraph_t *g, const fnet_print_fit *fit,
                     const fnet_print_opts *p, const char *format,
                     const char *path, FILE *report, fnet_err *err)
{
    char *data = NULL;
    size_t len = 0;
    bool png = strcmp(format, "png") == 0;
    long dpi = p->dpi ? p->dpi : fit->sized ? FNET_PRINT_DPI : 96;
    char num[32];
    if (png) {
        snprintf(num, sizeof num, "%ld", dpi);
        agsafeset(g, "dpi", num, "");
    }
    int rc = fnet_render_layout(r, g, err);
    if (!rc) {
        rc = fnet_render_data(r, g, format, &data, &len, err);
        fnet_render_unlayout(r, g);
    }
    if (png)
        agsafeset(g, "dpi", "", "");
    if (!rc && png && (p->dpi || fit->sized))
        rc = png_dpi(&data, &len, dpi)
                 ? fnet_err_set(err, FNET_ENOMEM, "out of memory")
                 : 0;
    if (!rc)
        rc = fnet_outfile_write_all(path, data, len, err);
    if (!rc && report)
        preflight(report, path, format, data, len, g, fit, p, dpi);
    free(data);
    return rc;
}

int fnet_print_write(fnet_renderer *r, const fnet_figure *f,
                     const fnet_print_opts *p, const char *format,
                     const char *path, FILE *report, fnet_err *err)
{
    FILE *rep = p->preflight ? report : NULL;
    int rc = write_one(r, f->g, &f->fit, p, format, path, rep, err);
    if (!rc && f->legend) {
        fnet_buf lp = {0};
        fnet_print_legend_path(&lp, path);
        rc = fnet_buf_ok(&lp) ? write_one(r, f->legend, &f->legend_fit, p,
                                          format, fnet_buf_str(&lp), rep, err)
                              : fnet_err_set(err, FNET_ENOMEM, "out of memory");
        fnet_buf_free(&lp);
    }
    return rc;
}

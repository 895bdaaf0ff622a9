/* dot.c - diagrams written through cgraph (see dot.h). */
#include "output/diagram/dot.h"

#include "core/buf.h"
#include "core/outfile.h"
#include "core/text.h"
#include "output/diagram/dotesc.h"
#include "output/diagram/graphids.h"
#include "output/diagram/style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Legend geometry at screen size, in points from its top left corner
 * (pos is read in points: the pinned graph has inputscale=72); print
 * sizes multiply each by fnet_dot_opts's scale. */
#define ROW_H 22.0       /* one legend row */
#define ROW_H_BELOW 18.0 /* one row of a legend in columns (below) */
#define TOP_GAP 26.0     /* room for the "Legend" title above the rows */
#define SAMPLE_X 24.0    /* centre of the sample column */
#define TEXT_X 52.0      /* left edge of the text column */
#define COL_GAP 16.0     /* between two columns of rows */
#define LEGEND_PT 12.0
#define LEGEND_WRAP 36 /* in columns: texts wrapped at this many characters */
#define LEGEND_WRAP_MIN 20 /* the shortest wrapping a legend below tries */
#define CHAR_W 6.6         /* generous width of one character at 12 pt */
#define NODE_SEP 5.0       /* sep: points between nodes (graph_attrs) */
#define EDGE_SEP 4.0       /* esep: points between an edge and a node */

typedef struct writer {
    Agraph_t *g;
    const fnet_diagram *d;
    const char *layout;
    const char *font;
    unsigned wrap;
    double x0, y0;        /* legend origin (top left), points */
    Agnode_t **node;      /* diagram node -> graph node */
    uint32_t *other_rank; /* type -> rank among types without fixed shape */
    double size_max, w_min, w_max;
    double k, fmin, pmin;   /* fnet_dot_opts's scale, font_min, pen_min */
    double lwidth;          /* fnet_dot_opts's legend_width */
    unsigned lwrap;         /* legend texts wrapped at (in columns) */
    double page;            /* fnet_dot_opts's page_width */
    bool grey;              /* --grayscale */
    fnet_style_slots slots; /* relation looks of this figure */
    fnet_buf a, b;          /* scratch */
} writer;

static const char *const engines[] = {"dot",  "neato", "fdp",
                                      "sfdp", "circo", "twopi"};

void fnet_dot_opts_init(fnet_dot_opts *o)
{
    memset(o, 0, sizeof *o);
    o->legend = true;
    o->wrap = FNET_DOT_WRAP;
}

const char *fnet_dot_default_layout(uint32_t n_nodes, bool clusters)
{
    (void)
        clusters; /* output/diagram/clustered.h handles them for both engines */
    return n_nodes <= FNET_DOT_SMALL ? "neato" : "sfdp";
}

bool fnet_dot_layout_known(const char *name)
{
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(name, engines[i]) == 0)
            return true;
    return false;
}

/* ---- attribute helpers ------------------------------------------------ */

/* Sets a plain string attribute. Values never hold a raw newline (dotesc
 * guarantees it for data), which keeps them distinct from our HTML
 * strings: cgraph shares equal strings, HTML flag included. */
static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

/* Sets an HTML-like label. Every HTML string we make contains a raw
 * newline between tags, so no plain value can ever equal one. */
static void set_html(void *obj, const char *name, const char *html)
{
    Agraph_t *root = agroot(obj);
    char *s = agstrdup_html(root, (char *)html);
    agsafeset(obj, (char *)name, s, "");
    agstrfree(root, s);
}

static void setf(void *obj, const char *name, double v)
{
    char num[32];
    snprintf(num, sizeof num, "%.3f", v);
    /* Trim trailing zeros for a tidy, still deterministic, DOT file. */
    char *e = num + strlen(num) - 1;
    while (e > num && *e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    set(obj, name, num);
}

/* A size in points for base (a screen size), scaled for print. */
static double pt(const writer *w, double base)
{
    return base * w->k;
}

/* A font size for base points: scaled, never below the floor. */
static double font_pt(const writer *w, double base)
{
    double v = pt(w, base);
    return v < w->fmin ? w->fmin : v;
}

/* A pen width for base points: scaled, never below the floor. */
static double pen_pt(const writer *w, double base)
{
    double v = pt(w, base);
    return v < w->pmin ? w->pmin : v;
}

/* Declares attribute name of kind with a number as its default. */
static void attr_num(Agraph_t *g, int kind, const char *name, double v)
{
    char num[32];
    snprintf(num, sizeof num, "%.3f", v);
    char *e = num + strlen(num) - 1;
    while (e > num && *e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    agattr(g, kind, (char *)name, num);
}

static void set_text(writer *w, void *obj, const char *attr, const char *text,
                     bool wrap)
{
    fnet_buf_reset(&w->a);
    fnet_buf_reset(&w->b);
    fnet_style_wrap(&w->a, text, wrap ? w->wrap : 0);
    fnet_dotesc_label(&w->b, fnet_buf_str(&w->a));
    set(obj, attr, fnet_buf_str(&w->b));
}

static void set_label(writer *w, void *obj, const char *text, bool wrap)
{
    set_text(w, obj, "label", text, wrap);
}

static void set_tooltip(writer *w, void *obj, const char *text)
{
    fnet_buf_reset(&w->b);
    fnet_dotesc_tooltip(&w->b, text);
    set(obj, "tooltip", fnet_buf_str(&w->b));
}

/* ---- graph, nodes, edges ---------------------------------------------- */

/* True when two drawn edges join the same pair (--multi). */
static bool parallel_edges(const fnet_diagram *d)
{
    for (uint32_t i = 0; i < d->n_edges; i++)
        if (d->edges[i].serial > 1)
            return true;
    return false;
}

static void graph_attrs(writer *w)
{
    Agraph_t *g = w->g;
    bool force = strcmp(w->layout, "dot") != 0;
    /* Graphviz 2.42 routes parallel edges with splines=true through its
     * multispline code, which aborts (findMap assertion) on some layouts;
     * curved edges fan parallel edges out safely. */
    const char *splines = parallel_edges(w->d) ? "curved" : "true";
    /* Routing splines around nodes costs minutes on a few hundred nodes
     * and edges; big drawings get straight lines. */
    if (w->d->n_nodes > FNET_DOT_SMALL || w->d->n_edges > FNET_DOT_SPLINES)
        splines = "line";
    agattr(g, AGRAPH, "layout", (char *)w->layout);
    agattr(g, AGRAPH, "fontname", (char *)w->font);
    agattr(g, AGRAPH, "bgcolor", "white");
    attr_num(g, AGRAPH, "pad", pt(w, 0.3));
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "splines", (char *)splines);
    agattr(g, AGRAPH, "forcelabels", "true");
    if (force) {
        agattr(g, AGRAPH, "overlap", "prism");
        /* Prism scales the layout by 2 average node sizes (Graphviz's
         * default is 4): compact enough for 12 pt labels to stay
         * legible when a figure is shrunk to a page. (fdp lays out
         * components in derived graphs and ignores this.) */
        agattr(g, AGRAPH, "overlap_scaling", w->k != 1 ? "-0.5" : "-2");
        /* Gaps around nodes: sep when overlaps are removed, esep (less
         * than sep, or Graphviz falls back to straight edges) when
         * splines are routed around nodes. The router follows an edge's
         * centre line around polygons that approximate the nodes, and a
         * double line is drawn on both sides of it: with 4 and 2 pt, the
         * six 7 in figures of the bundled corpus and the Quad/AUKUS
         * fixtures (colour, grey) had 4 edges 2 pt or more into a node
         * that is not their end; with 5 and 4 pt none goes 2 pt in, and
         * the 3.5 in ones still fit. Wider gaps (8 and 6) remove the
         * grazes too but no longer fit Quad/AUKUS's top 16 at 3.5 in
         * (tests/print/edges_under.py; docs/DIAGRAMS.md). */
        char gap[40];
        snprintf(gap, sizeof gap, "+%g", pt(w, NODE_SEP));
        agattr(g, AGRAPH, "sep", gap);
        snprintf(gap, sizeof gap, "+%g", pt(w, EDGE_SEP));
        agattr(g, AGRAPH, "esep", gap);
    }
    if (strcmp(w->layout, "neato") == 0 || strcmp(w->layout, "fdp") == 0 ||
        strcmp(w->layout, "sfdp") == 0)
        agattr(g, AGRAPH, "start", "1");
    /* Declared so that an empty label or tooltip is written out (an
     * undeclared empty value would fall back to Graphviz's \N). */
    agattr(g, AGNODE, "label", "\\N");
    agattr(g, AGNODE, "tooltip", "");
    agattr(g, AGEDGE, "label", "");
    agattr(g, AGEDGE, "tooltip", "");
    agattr(g, AGNODE, "fontname", (char *)w->font);
    attr_num(g, AGNODE, "fontsize", font_pt(w, 12));
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "fillcolor", FNET_STYLE_NO_FILL);
    agattr(g, AGNODE, "color", "#333333");
    attr_num(g, AGNODE, "penwidth", pen_pt(w, 0.8));
    char margin[40];
    snprintf(margin, sizeof margin, "%g,%g", pt(w, 0.05), pt(w, 0.03));
    agattr(g, AGNODE, "margin", margin);
    agattr(g, AGEDGE, "fontname", (char *)w->font);
    attr_num(g, AGEDGE, "fontsize", font_pt(w, 10));
    agattr(g, AGEDGE, "fontcolor", "#333333");
    attr_num(g, AGEDGE, "arrowsize", 0.6 * (w->k < 0.8 ? 0.8 : w->k));
    /* neato's ideal edge length is 1 inch whatever the node size: scaled
     * with the nodes, a print layout stays as compact as a screen one. */
    if (w->k != 1)
        attr_num(g, AGEDGE, "len", pt(w, 1.0));
}

/* One row of the title table: text at size points, wrapped to the page
 * width when there is one (an average character is taken as 0.55 em). */
static void title_row(writer *w, fnet_buf *h, const char *text, double size)
{
    fnet_buf_printf(h, "<TR><TD><FONT POINT-SIZE=\"%g\">", size);
    if (w->page > 0) {
        double chars = w->page / (0.55 * size);
        fnet_buf_reset(&w->b);
        fnet_style_wrap(&w->b, text, chars > 1 ? (unsigned)chars : 1);
        fnet_dotesc_html(h, fnet_buf_str(&w->b));
    } else {
        fnet_dotesc_html(h, text);
    }
    fnet_buf_puts(h, "</FONT></TD></TR>\n");
}

/* The title and caption as one HTML table above the drawing: 22 and 14
 * pt on screen; for a page, 14 and 12 pt scaled (the figure's caption in
 * the paper says more). */
static void title(writer *w)
{
    const fnet_diagram *d = w->d;
    if (!d->title && !d->caption)
        return;
    fnet_buf *h = &w->a;
    fnet_buf_reset(h);
    fnet_buf_puts(h, "<TABLE BORDER=\"0\" CELLSPACING=\"2\">\n");
    if (d->title)
        title_row(w, h, d->title, font_pt(w, w->page > 0 ? 14 : 22));
    if (d->caption)
        title_row(w, h, d->caption, font_pt(w, w->page > 0 ? 12 : 14));
    fnet_buf_puts(h, "</TABLE>");
    set_html(w->g, "label", fnet_buf_str(h));
    set(w->g, "labelloc", "t");
}

static void node_id(fnet_buf *b, const char *id)
{
    fnet_buf_reset(b);
    fnet_buf_puts(b, "n_");
    fnet_dotesc_id(b, id);
}

static const char *type_name(const writer *w, int32_t type)
{
    return type >= 0 && (uint32_t)type < w->d->n_types ? w->d->types[type]
                                                       : NULL;
}

static const char *shape_of(const writer *w, int32_t type)
{
    const char *t = type_name(w, type);
    return t ? fnet_style_shape(t, w->other_rank[type]) : "ellipse";
}

/* Groups 5 to 8 have a dashed outline, drawn heavier than the solid one
 * so that its dashes show at print size (style.h). */
static void outline(writer *w, void *v, int32_t group)
{
    if (!fnet_style_fill_dashed(group, w->grey))
        return;
    set(v, "style", "filled,dashed");
    setf(v, "penwidth", pen_pt(w, 1.4));
}

static int add_node(writer *w, uint32_t i)
{
    const fnet_dnode *n = &w->d->nodes[i];
    fnet_buf id = {0};
    node_id(&id, n->id);
    if (!fnet_buf_ok(&id))
        return FNET_ENOMEM;
    Agnode_t *v = agnode(w->g, id.data, 1);
    if (!v) {
        fnet_buf_free(&id);
        return FNET_EINTERNAL;
    }
    w->node[i] = v;
    set(v, "id", id.data);
    fnet_buf_free(&id);
    const char *t = type_name(w, n->type);
    fnet_buf_reset(&w->b);
    fnet_dotesc_class(&w->b, t ? t : "community");
    set(v, "class", fnet_buf_str(&w->b));
    set(v, "shape", shape_of(w, n->type));
    /* The component shape draws two tabs inside its left edge: without
     * room for them they cross the label's first letters (seen in the
     * NATO trial's "President Zelenskyy" at 300 dpi). */
    if (strcmp(shape_of(w, n->type), "component") == 0) {
        char margin[40];
        snprintf(margin, sizeof margin, "%g,%g", pt(w, 0.14), pt(w, 0.03));
        set(v, "margin", margin);
    }
    if (!t)
        set(v, "peripheries", "2");
    double width = pt(w, fnet_style_node_width(n->size, w->size_max));
    setf(v, "width", width);
    setf(v, "height", width * FNET_STYLE_ASPECT);
    set(v, "fillcolor", fnet_style_fill(n->fill, w->grey));
    outline(w, v, n->fill);
    set_label(w, v, n->label, true);
    set_tooltip(w, v, n->tooltip ? n->tooltip : n->label);
    return 0;
}

static void edge_id(writer *w, const fnet_dedge *e)
{
    fnet_buf *b = &w->a;
    fnet_buf_reset(b);
    fnet_buf_puts(b, "e_");
    fnet_dotesc_id(b, w->d->nodes[e->from].id);
    fnet_buf_putc(b, '_');
    fnet_dotesc_id(b, w->d->nodes[e->to].id);
    if (e->serial)
        fnet_buf_printf(b, "_%u", e->serial);
}

static const char *relation_name(const writer *w, int32_t r)
{
    return r >= 0 && (uint32_t)r < w->d->n_relations ? w->d->relations[r].name
                                                     : NULL;
}

/* Colour, line style and arrowhead of an edge (docs/DIAGRAMS.md). */
static fnet_look look_of(const writer *w, const fnet_dedge *e)
{
    bool directed = relation_name(w, e->relation)
                        ? w->d->relations[e->relation].directed
                        : e->dir != FNET_DIR_NONE;
    return fnet_style_edge(&w->slots, e->relation, e->sign, directed);
}

/* Sets the look; returns whether the edge has a head (bit 1) and a tail
 * (bit 2) arrow or marker. */
static int set_look(Agedge_t *x, const fnet_look *l, int dir)
{
    set(x, "color", l->color);
    if (strcmp(l->style, "solid") != 0)
        set(x, "style", l->style);
    if (l->marker) {
        set(x, "dir", "both");
        set(x, "arrowhead", l->arrow);
        set(x, "arrowtail", l->arrow);
        return 3;
    }
    if (dir == FNET_DIR_NONE) {
        set(x, "dir", "none");
        return 0;
    }
    if (strcmp(l->arrow, "normal") != 0)
        set(x, "arrowhead", l->arrow);
    if (dir != FNET_DIR_BOTH)
        return 1;
    set(x, "dir", "both");
    set(x, "arrowtail", l->arrow);
    return 3;
}

static int add_edge(writer *w, uint32_t i)
{
    const fnet_dedge *e = &w->d->edges[i];
    Agedge_t *x = agedge(w->g, w->node[e->from], w->node[e->to], NULL, 1);
    if (!x)
        return FNET_EINTERNAL;
    edge_id(w, e);
    set(x, "id", fnet_buf_str(&w->a));
    const char *rel = relation_name(w, e->relation);
    fnet_buf_reset(&w->b);
    fnet_dotesc_class(&w->b, rel ? rel : "several");
    if (e->sign < 0)
        fnet_buf_puts(&w->b, " negative");
    else if (e->sign == 0)
        fnet_buf_puts(&w->b, " mixed");
    set(x, "class", fnet_buf_str(&w->b));
    fnet_look look = look_of(w, e);
    set_look(x, &look, e->dir);
    setf(x, "penwidth",
         pen_pt(w, fnet_style_pen_width(e->weight, w->w_min, w->w_max)));
    /* External labels: placed by factnet once the graph is laid out
     * (output/diagram/labels.h), beside their own edge. */
    if (e->label)
        set_text(w, x, "xlabel", e->label, false);
    if (e->tooltip)
        set_tooltip(w, x, e->tooltip);
    return 0;
}

static int add_clusters(writer *w)
{
    const fnet_diagram *d = w->d;
    char name[32];
    for (uint32_t k = 0; k < d->n_clusters; k++) {
        Agraph_t *s = NULL;
        for (uint32_t i = 0; i < d->n_nodes; i++) {
            if (d->nodes[i].cluster != (int32_t)k)
                continue;
            if (!s) {
                snprintf(name, sizeof name, "cluster_%u", k + 1);
                if (!(s = agsubg(w->g, name, 1)))
                    return FNET_EINTERNAL;
                set(s, "id", name);
                set_label(w, s, d->cluster_names[k], false);
                set(s, "style", "rounded");
                set(s, "color", "#888888");
                setf(s, "fontsize", font_pt(w, 11));
            }
            if (!agsubnode(s, w->node[i], 1))
                return FNET_EINTERNAL;
        }
    }
    return 0;
}

/* ---- legend ------------------------------------------------------------ */

enum row_kind { ROW_HEAD, ROW_SHAPE, ROW_FILL, ROW_EDGE, ROW_NOTE };

typedef struct lrow {
    int kind;
    fnet_buf text;     /* plain text (data), escaped when drawn */
    const char *shape; /* ROW_SHAPE */
    const char *fill;  /* ROW_SHAPE, ROW_FILL */
    int32_t group;     /* ROW_SHAPE, ROW_FILL: the fill's group, or -1 */
    int peripheries;   /* ROW_SHAPE */
    fnet_dedge edge;   /* ROW_EDGE: the look of a sample edge */
} lrow;

typedef struct legend {
    lrow *row;
    uint32_t n, cap;
} legend;

static lrow *add_row(legend *l, int kind, const char *text)
{
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? 2 * l->cap : 32;
        lrow *r = realloc(l->row, cap * sizeof *r);
        if (!r)
            return NULL;
        l->row = r;
        l->cap = cap;
    }
    lrow *r = &l->row[l->n++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->group = -1;
    if (text)
        fnet_buf_puts(&r->text, text);
    return r;
}

static void legend_free(legend *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        fnet_buf_free(&l->row[i].text);
    free(l->row);
}

/* What the drawing shows, to list only that. */
typedef struct shown {
    bool *type, *fill;
    bool community_node, several, several_negative, mixed, both_ways, sizes,
        widths;
} shown;

static int survey(const writer *w, shown *s)
{
    const fnet_diagram *d = w->d;
    s->type = calloc(d->n_types + 1, 1);
    s->fill = calloc(d->n_fills + 1, 1);
    if (!s->type || !s->fill)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < d->n_nodes; i++) {
        const fnet_dnode *n = &d->nodes[i];
        if (type_name(w, n->type))
            s->type[n->type] = true;
        else
            s->community_node = true;
        if (n->fill >= 0 && (uint32_t)n->fill < d->n_fills)
            s->fill[n->fill] = true;
    }
    for (uint32_t i = 0; i < d->n_edges; i++) {
        const fnet_dedge *e = &d->edges[i];
        bool several = !relation_name(w, e->relation);
        if (several && e->sign < 0)
            s->several_negative = true;
        else if (several)
            s->several = true;
        if (e->sign == 0)
            s->mixed = true;
        if (e->dir == FNET_DIR_BOTH)
            s->both_ways = true;
    }
    s->sizes = d->size_by && w->size_max > 0;
    s->widths = w->w_max > w->w_min;
    return 0;
}

static void shown_free(shown *s)
{
    free(s->type);
    free(s->fill);
}

/* Rows of notes listing the labels of the relations combined under
 * "several relations" edges, a few to a row. */
static lrow *combined_rows(const writer *w, legend *l, lrow *r)
{
    const fnet_diagram *d = w->d;
    /* characters of a list row: 2 fewer than the wrapping */
    size_t list_row = (w->lwrap ? w->lwrap : LEGEND_WRAP) - 2;
    for (uint32_t k = 0; r && k < d->n_relations; k++) {
        if (!d->relations[k].combined)
            continue;
        const char *label = d->relations[k].label;
        /* ", " before the label and "," after it must fit too, or the
         * legend's wrapping (lwrap) leaves a word on a line alone */
        if (r->kind != ROW_NOTE ||
            r->text.len + 2 + strlen(label) + 1 > list_row) {
            bool first = r->kind != ROW_NOTE;
            if (!first)
                fnet_buf_putc(&r->text, ',');
            r = add_row(l, ROW_NOTE, first ? "of: " : "  ");
        } else {
            fnet_buf_puts(&r->text, ", ");
        }
        if (r)
            fnet_buf_puts(&r->text, label);
    }
    return r;
}

static int type_rows(const writer *w, const shown *s, legend *l)
{
    const fnet_diagram *d = w->d;
    lrow *r = add_row(l, ROW_HEAD, "Entity types");
    for (uint32_t t = 0; r && t < d->n_types; t++) {
        if (!s->type[t])
            continue;
        r = add_row(l, ROW_SHAPE, NULL);
        if (r) {
            fnet_text_words(&r->text, d->types[t]); /* as relations */
            r->shape = shape_of(w, (int32_t)t);
            r->group = d->color_by == FNET_COLOR_TYPE ? (int32_t)t : -1;
            r->fill = fnet_style_fill(r->group, w->grey);
        }
    }
    if (r && s->community_node) {
        r = add_row(l, ROW_SHAPE, "community (area: members)");
        if (r) {
            r->shape = "ellipse";
            r->fill = FNET_STYLE_NO_FILL;
            r->peripheries = 2;
        }
    }
    return r ? 0 : FNET_ENOMEM;
}

static int fill_rows(const writer *w, const shown *s, legend *l)
{
    const fnet_diagram *d = w->d;
    if (d->color_by != FNET_COLOR_COMMUNITY)
        return 0;
    bool dashed = false;
    for (uint32_t k = 0; k < d->n_fills; k++)
        dashed |= s->fill[k] && fnet_style_fill_dashed((int32_t)k, w->grey);
    lrow *r =
        add_row(l, ROW_HEAD,
                dashed ? "Communities (fill, outline)" : "Communities (fill)");
    uint32_t others = 0;
    for (uint32_t k = 0; r && k < d->n_fills; k++) {
        if (!s->fill[k])
            continue;
        if ((int32_t)k >= fnet_style_fill_count(w->grey)) {
            others++;
            continue;
        }
        r = add_row(l, ROW_FILL, d->fill_names[k]);
        if (r) {
            r->group = (int32_t)k;
            r->fill = fnet_style_fill((int32_t)k, w->grey);
        }
    }
    if (r && others) {
        r = add_row(l, ROW_FILL, NULL);
        if (r) {
            fnet_buf_printf(&r->text, "%u smaller communit%s%s", others,
                            others == 1 ? "y" : "ies",
                            d->n_clusters ? " (boxes)" : "");
            r->fill = fnet_style_fill(INT32_MAX, w->grey);
        }
    }
    return r ? 0 : FNET_ENOMEM;
}

static lrow *edge_row(legend *l, const char *text, int32_t rel, int sign,
                      int dir)
{
    lrow *r = add_row(l, ROW_EDGE, text);
    if (r)
        r->edge = (fnet_dedge){
            .relation = rel, .sign = sign, .dir = dir, .weight = 1};
    return r;
}

/* One row per relation drawn, then its negative edges, then the edges
 * that are not one relation's (several, mixed, both ways), then what
 * node area and line width show. */
static int relation_rows(const writer *w, const shown *s, legend *l)
{
    const fnet_diagram *d = w->d;
    lrow *r = add_row(l, ROW_HEAD, "Relations (edges)");
    for (int sign = 1; sign >= -1; sign -= 2)
        for (uint32_t k = 0; r && k < d->n_relations; k++) {
            if ((sign > 0 ? w->slots.pos : w->slots.neg)[k] < 0)
                continue;
            int dir =
                d->relations[k].directed ? FNET_DIR_FORWARD : FNET_DIR_NONE;
            r = edge_row(l, d->relations[k].label, (int32_t)k, sign, dir);
            if (r && sign < 0)
                fnet_buf_puts(&r->text, " (negative)");
        }
    if (r && s->several) {
        r = edge_row(l, d->several_name ? d->several_name : "several relations",
                     -1, 1, FNET_DIR_NONE);
        r = combined_rows(w, l, r);
    }
    if (r && s->several_negative)
        r = edge_row(l, "several relations, negative", -1, -1, FNET_DIR_NONE);
    if (r && s->mixed)
        r = edge_row(l, "dotted: facts of both signs", -1, 0, FNET_DIR_NONE);
    if (r && s->both_ways)
        r = edge_row(l, "heads at both ends: facts both ways", -1, 1,
                     FNET_DIR_BOTH);
    if (r && s->sizes) {
        r = add_row(l, ROW_NOTE, "node area: ");
        if (r)
            fnet_buf_puts(&r->text, d->size_by);
    }
    if (r && s->widths) {
        r = add_row(l, ROW_NOTE, "line width: ");
        if (r)
            fnet_buf_puts(&r->text, d->weight_by ? d->weight_by : "weight");
    }
    return r ? 0 : FNET_ENOMEM;
}

static int legend_rows(const writer *w, legend *l)
{
    shown s = {0};
    int rc = survey(w, &s);
    if (!rc)
        rc = type_rows(w, &s, l);
    if (!rc)
        rc = fill_rows(w, &s, l);
    if (!rc)
        rc = relation_rows(w, &s, l);
    shown_free(&s);
    for (uint32_t i = 0; !rc && i < l->n; i++)
        if (!fnet_buf_ok(&l->row[i].text))
            rc = FNET_ENOMEM;
    return rc;
}

/* The longest text of rows first..last-1, in characters. */
static size_t longest_text(const legend *l, uint32_t first, uint32_t last)
{
    size_t m = 0;
    for (uint32_t i = first; i < last; i++) {
        const fnet_buf *t = &l->row[i].text;
        size_t n = 0;
        for (size_t k = 0; k < t->len; k++) {
            n = t->data[k] == '\n'
                    ? 0
                    : n + (((unsigned char)t->data[k] & 0xC0) != 0x80);
            if (n > m)
                m = n;
        }
    }
    return m;
}

static void row_text_html(fnet_buf *h, const lrow *r)
{
    if (r->kind == ROW_HEAD)
        fnet_buf_puts(h, "<B>");
    if (r->kind == ROW_NOTE)
        fnet_buf_puts(h, "<I>");
    fnet_dotesc_html(h, fnet_buf_str(&r->text));
    if (r->kind == ROW_NOTE)
        fnet_buf_puts(h, "</I>");
    if (r->kind == ROW_HEAD)
        fnet_buf_puts(h, "</B>");
}

/* The lines of row r's text. */
static unsigned row_lines(const lrow *r)
{
    unsigned n = 1;
    for (size_t k = 0; k < r->text.len; k++)
        n += r->text.data[k] == '\n';
    return n;
}

/* The height of row r: one row (tighter in columns below the drawing,
 * where height is what the page lacks), and a line more per line
 * break. */
static double row_height(const writer *w, const lrow *r)
{
    return pt(w, w->lwidth > 0 ? ROW_H_BELOW : ROW_H) +
           (row_lines(r) - 1) * 1.2 * font_pt(w, LEGEND_PT);
}

/* The height of rows first..last-1. */
static double rows_height(const writer *w, const legend *l, uint32_t first,
                          uint32_t last)
{
    double h = 0;
    for (uint32_t i = first; i < last; i++)
        h += row_height(w, &l->row[i]);
    return h;
}

/* Wraps long texts at wrap characters (in columns only: --legend below
 * at --width). */
static int wrap_rows(legend *l, unsigned wrap)
{
    fnet_buf b = {0};
    for (uint32_t i = 0; i < l->n; i++) {
        fnet_buf_reset(&b);
        fnet_style_wrap(&b, fnet_buf_str(&l->row[i].text), wrap);
        fnet_buf_reset(&l->row[i].text);
        fnet_buf_puts(&l->row[i].text, fnet_buf_str(&b));
        if (!fnet_buf_ok(&l->row[i].text))
            break;
    }
    int rc = fnet_buf_ok(&b) ? 0 : FNET_ENOMEM;
    fnet_buf_free(&b);
    return rc;
}

static Agnode_t *legend_node(writer *w, Agraph_t *sub, const char *name,
                             double x, double y)
{
    Agnode_t *v = agnode(sub, (char *)name, 1);
    if (!v)
        return NULL;
    char pos[64];
    snprintf(pos, sizeof pos, "%.2f,%.2f!", w->x0 + x, w->y0 + y);
    set(v, "id", name);
    set(v, "class", "legend");
    set(v, "pos", pos);
    set(v, "tooltip", "");
    return v;
}

/* A straight spline for a sample edge centred at cx, so that the final
 * pass has nothing to route; the line stops short of an arrowhead or
 * marker at either end (ends: bit 1 head, bit 2 tail). */
static void sample_pos(writer *w, Agedge_t *x, int ends, double cx, double y)
{
    char pos[200];
    double a = w->x0 + cx - pt(w, 20), b = w->x0 + cx + pt(w, 20);
    double s0 = ends & 2 ? a + pt(w, 7) : a, e = ends & 1 ? b - pt(w, 7) : b;
    double yy = w->y0 + y;
    int n = 0;
    if (ends & 2)
        n += snprintf(pos + n, sizeof pos - (size_t)n, "s,%.2f,%.2f ", a, yy);
    if (ends & 1)
        n += snprintf(pos + n, sizeof pos - (size_t)n, "e,%.2f,%.2f ", b, yy);
    snprintf(pos + n, sizeof pos - (size_t)n,
             "%.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f", s0, yy,
             s0 + (e - s0) / 3, yy, s0 + 2 * (e - s0) / 3, yy, e, yy);
    set(x, "pos", pos);
}

/* The graphic sample of row i (centre at cx, y). */
static int sample(writer *w, Agraph_t *sub, const lrow *r, uint32_t i,
                  double cx, double y)
{
    char name[48];
    Agnode_t *v, *u;
    switch (r->kind) {
    case ROW_SHAPE:
    case ROW_FILL:
        snprintf(name, sizeof name, "legend_%u", i);
        if (!(v = legend_node(w, sub, name, cx, y)))
            return FNET_EINTERNAL;
        set(v, "shape", r->kind == ROW_FILL ? "box" : r->shape);
        set(v, "label", "");
        set(v, "fixedsize", "true");
        setf(v, "width", pt(w, r->kind == ROW_FILL ? 0.32 : 0.5));
        setf(v, "height", pt(w, r->kind == ROW_FILL ? 0.18 : 0.21));
        set(v, "fillcolor", r->fill);
        outline(w, v, r->group);
        if (r->peripheries)
            set(v, "peripheries", "2");
        return 0;
    case ROW_EDGE:
        snprintf(name, sizeof name, "legend_%u_a", i);
        if (!(u = legend_node(w, sub, name, cx - pt(w, 20), y)))
            return FNET_EINTERNAL;
        snprintf(name, sizeof name, "legend_%u_b", i);
        if (!(v = legend_node(w, sub, name, cx + pt(w, 20), y)))
            return FNET_EINTERNAL;
        for (int k = 0; k < 2; k++) {
            set(k ? v : u, "shape", "point");
            set(k ? v : u, "style", "invis");
            set(k ? v : u, "width", "0.01");
        }
        Agedge_t *x = agedge(sub, u, v, NULL, 1);
        if (!x)
            return FNET_EINTERNAL;
        snprintf(name, sizeof name, "legend_%u_e", i);
        set(x, "id", name);
        set(x, "class", "legend");
        fnet_look look = look_of(w, &r->edge);
        sample_pos(w, x, set_look(x, &look, r->edge.dir), cx, y);
        setf(x, "penwidth", pen_pt(w, 1.5));
        return 0;
    }
    return 0;
}

/* Rows first..last-1 as one column at x (points from the legend's left
 * edge): samples pinned at their rows, their texts in one table of
 * fixed-height rows beside them (node name), all pinned: the layout cannot
 * misalign them. tw is the text column's width. */
static int legend_column(writer *w, Agraph_t *sub, const legend *l,
                         uint32_t first, uint32_t last, double x, double tw,
                         const char *name)
{
    double top = pt(w, TOP_GAP), y = -top;
    fnet_buf *h = &w->a;
    fnet_buf_reset(h);
    fnet_buf_puts(h, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                     "CELLPADDING=\"0\">\n");
    for (uint32_t i = first; i < last; i++) {
        double row_h = row_height(w, &l->row[i]);
        int rc =
            sample(w, sub, &l->row[i], i, x + pt(w, SAMPLE_X), y - row_h / 2);
        if (rc)
            return rc;
        y -= row_h;
        fnet_buf_printf(h,
                        "<TR><TD ALIGN=\"LEFT\"%s WIDTH=\"%d\" HEIGHT=\"%d\" "
                        "FIXEDSIZE=\"TRUE\">",
                        w->lwidth > 0 ? " BALIGN=\"LEFT\"" : "",
                        (int)lround(tw), (int)lround(row_h));
        row_text_html(h, &l->row[i]);
        fnet_buf_puts(h, "</TD></TR>\n");
    }
    fnet_buf_puts(h, "</TABLE>");
    Agnode_t *t =
        legend_node(w, sub, name, x + pt(w, TEXT_X) + tw / 2, (-top + y) / 2);
    if (!t || !fnet_buf_ok(h))
        return t ? FNET_ENOMEM : FNET_EINTERNAL;
    set(t, "shape", "plain");
    set(t, "style", "");
    setf(t, "fontsize", font_pt(w, LEGEND_PT));
    set_html(t, "label", fnet_buf_str(h));
    return 0;
}

/* The width of the text column of rows first..last-1: CHAR_W per
 * character at 12 pt, for the font size used. */
static double text_width(const writer *w, const legend *l, uint32_t first,
                         uint32_t last)
{
    return pt(w, 12) + font_pt(w, LEGEND_PT) / LEGEND_PT * CHAR_W *
                           (double)longest_text(l, first, last);
}

/* The rows of section heading h (up to the next heading). */
static uint32_t section_rows(const legend *l, uint32_t h)
{
    uint32_t i = h + 1;
    while (i < l->n && l->row[i].kind != ROW_HEAD)
        i++;
    return i - h - 1;
}

/* The end of the column starting at row first, as many rows as fit cap
 * points of height (one at least): a heading never ends a column with
 * fewer than 2 of its rows under it (all of them when its section is
 * shorter); it starts the next one. */
static uint32_t column_end(const writer *w, const legend *l, uint32_t first,
                           double cap)
{
    uint32_t last = first + 1;
    for (double h = row_height(w, &l->row[first]); last < l->n; last++) {
        h += row_height(w, &l->row[last]);
        if (h > cap + 1e-6)
            break;
    }
    for (bool moved = last < l->n; moved;) {
        moved = false;
        for (uint32_t h = last - 1; h > first && h + 3 > last; h--) {
            uint32_t under = last - h - 1, want = section_rows(l, h);
            if (l->row[h].kind == ROW_HEAD && under < (want < 2 ? want : 2)) {
                last = h;
                moved = true;
                break;
            }
        }
    }
    return last;
}

/* The width of the legend's rows in columns of at most cap points. */
static double columns_width(const writer *w, const legend *l, double cap)
{
    double x = 0;
    for (uint32_t f = 0, last; f < l->n; f = last) {
        last = column_end(w, l, f, cap);
        x += (f ? pt(w, COL_GAP) : 0) + pt(w, TEXT_X) +
             text_width(w, l, f, last);
    }
    return x;
}

/* The height of the tallest column of at most cap points. */
static double columns_height(const writer *w, const legend *l, double cap)
{
    double tall = 0;
    for (uint32_t f = 0, last; f < l->n; f = last) {
        last = column_end(w, l, f, cap);
        tall = fmax(tall, rows_height(w, l, f, last));
    }
    return tall;
}

/* The columns' height cap: the lowest height of a run of rows whose
 * columns fit the legend width (every column as tall as the rows it
 * takes allow); all rows in one column without a legend width. */
static double column_cap(const writer *w, const legend *l)
{
    double best = rows_height(w, l, 0, l->n);
    for (uint32_t i = 0; w->lwidth > 0 && i < l->n; i++) {
        double h = 0;
        for (uint32_t j = i; j < l->n; j++) {
            h += row_height(w, &l->row[j]);
            if (h >= best - 1e-6)
                break;
            if (columns_width(w, l, h) <= w->lwidth)
                best = fmin(best, columns_height(w, l, h));
        }
    }
    return best;
}

/* The rows in columns of at most cap points, column by column, each as
 * wide as its own texts, and the legend's box. */
static int legend_draw(writer *w, Agraph_t *sub, legend *l, double cap)
{
    char name[40];
    double x = 0, tall = columns_height(w, l, cap);
    int rc;
    for (uint32_t f = 0, c = 0, last; f < l->n; f = last, c++) {
        last = column_end(w, l, f, cap);
        double tw = text_width(w, l, f, last);
        if (c == 0)
            snprintf(name, sizeof name, "legend_text");
        else
            snprintf(name, sizeof name, "legend_text_%u", c + 1);
        rc = legend_column(w, sub, l, f, last, x, tw, name);
        if (rc)
            return rc;
        x += pt(w, TEXT_X) + tw + pt(w, COL_GAP);
    }
    /* The final pass draws clusters with the box they are given. */
    char box[160];
    double right = w->x0 + x - pt(w, COL_GAP) + pt(w, 8),
           bottom = w->y0 - pt(w, TOP_GAP) - tall - pt(w, 8);
    snprintf(box, sizeof box, "%.2f,%.2f,%.2f,%.2f", w->x0 - pt(w, 4), bottom,
             right, w->y0 + pt(w, 4));
    set(sub, "bb", box);
    snprintf(box, sizeof box, "%.2f,%.2f", (w->x0 - pt(w, 4) + right) / 2,
             w->y0 - pt(w, 9));
    set(sub, "lp", box);
    return 0;
}

/* The legend's rows wrapped at wrap characters (none without a legend
 * width) in *l, and the columns' height cap in *cap. */
static int legend_layout(writer *w, legend *l, unsigned wrap, double *cap)
{
    w->lwrap = wrap;
    int rc = legend_rows(w, l);
    if (!rc && w->lwidth > 0)
        rc = wrap_rows(l, wrap);
    *cap = l->n ? column_cap(w, l) : 0;
    return rc;
}

/* The wrapping of the legend's texts: LEGEND_WRAP, or below the drawing
 * (a legend width) the one down to LEGEND_WRAP_MIN whose columns are
 * lowest: shorter texts fit more columns into a narrow page. */
static int legend_wrap(writer *w, unsigned *wrap)
{
    double best = INFINITY;
    int rc = 0;
    *wrap = LEGEND_WRAP;
    for (unsigned k = LEGEND_WRAP; w->lwidth > 0 && !rc && k >= LEGEND_WRAP_MIN;
         k -= 2) {
        legend l = {0};
        double cap = 0;
        rc = legend_layout(w, &l, k, &cap);
        double h = columns_height(w, &l, cap);
        if (!rc && h < best - 1e-6) {
            best = h;
            *wrap = k;
        }
        legend_free(&l);
    }
    return rc;
}

static int add_legend(writer *w)
{
    legend l = {0};
    unsigned wrap = LEGEND_WRAP;
    double cap = 0;
    int rc = legend_wrap(w, &wrap);
    if (!rc)
        rc = legend_layout(w, &l, wrap, &cap);
    Agraph_t *sub = NULL;
    if (!rc && l.n && !(sub = agsubg(w->g, "cluster_legend", 1)))
        rc = FNET_EINTERNAL;
    if (!rc && sub) {
        set(sub, "id", "legend");
        set(sub, "label", "Legend");
        set(sub, "style", "rounded");
        set(sub, "color", "#999999");
        setf(sub, "fontsize", font_pt(w, 14));
        setf(sub, "margin", pt(w, 8));
        rc = legend_draw(w, sub, &l, cap);
    }
    legend_free(&l);
    return rc;
}

/* ---- driver ------------------------------------------------------------ */

/* The sizes of o into w. */
static void sizes(writer *w, const fnet_dot_opts *o)
{
    w->k = o->scale > 0 ? o->scale : 1;
    w->fmin = o->font_min;
    w->pmin = o->pen_min;
    w->lwidth = o->legend_width;
    w->page = o->page_width;
}

static int prepare(writer *w)
{
    const fnet_diagram *d = w->d;
    w->node = calloc(d->n_nodes + 1, sizeof *w->node);
    w->other_rank = calloc(d->n_types + 1, sizeof *w->other_rank);
    if (!w->node || !w->other_rank)
        return FNET_ENOMEM;
    uint32_t k = 0;
    for (uint32_t t = 0; t < d->n_types; t++)
        if (!fnet_style_has_fixed_shape(d->types[t]))
            w->other_rank[t] = k++;
    for (uint32_t i = 0; i < d->n_nodes; i++)
        if (d->nodes[i].size > w->size_max)
            w->size_max = d->nodes[i].size;
    for (uint32_t i = 0; i < d->n_edges; i++) {
        double x = d->edges[i].weight;
        if (i == 0 || x < w->w_min)
            w->w_min = x;
        if (i == 0 || x > w->w_max)
            w->w_max = x;
    }
    return fnet_style_assign(&w->slots, d, w->grey);
}

/* Frees the writer's scratch; returns rc with err set when it fails. */
static int finish(writer *w, int rc, fnet_err *err)
{
    if (!rc && (!fnet_buf_ok(&w->a) || !fnet_buf_ok(&w->b)))
        rc = FNET_ENOMEM;
    fnet_buf_free(&w->a);
    fnet_buf_free(&w->b);
    free(w->node);
    free(w->other_rank);
    fnet_style_slots_free(&w->slots);
    if (!rc)
        return 0;
    return fnet_err_set(err, rc,
                        rc == FNET_ENOMEM
                            ? "out of memory"
                            : "cgraph could not build the diagram");
}

int fnet_dot_build(Agraph_t **out, const fnet_diagram *d,
                   const fnet_dot_opts *o, fnet_err *err)
{
    writer w = {.d = d, .wrap = o->wrap, .grey = o->grey};
    int rc;
    *out = NULL;
    w.layout = o->layout
                   ? o->layout
                   : fnet_dot_default_layout(d->n_nodes, d->n_clusters > 0);
    if (!fnet_dot_layout_known(w.layout))
        return fnet_err_set(err, FNET_EUSAGE,
                            "unknown layout '%s' (expected "
                            "dot, neato, fdp, sfdp, circo or twopi)",
                            w.layout);
    w.font = o->font ? o->font : FNET_DOT_FONT;
    sizes(&w, o);
    rc = prepare(&w);
    if (!rc && !(w.g = fnet_graphids_open("factnet", Agdirected)))
        rc = FNET_EINTERNAL;
    if (!rc) {
        graph_attrs(&w);
        title(&w);
    }
    for (uint32_t i = 0; !rc && i < d->n_nodes; i++)
        rc = add_node(&w, i);
    for (uint32_t i = 0; !rc && i < d->n_edges; i++)
        rc = add_edge(&w, i);
    if (!rc)
        rc = add_clusters(&w);
    rc = finish(&w, rc, err);
    if (rc) {
        if (w.g)
            agclose(w.g);
        return rc;
    }
    *out = w.g;
    return 0;
}

int fnet_dot_add_legend(Agraph_t *g, const fnet_diagram *d,
                        const fnet_dot_opts *o, double x, double y,
                        fnet_err *err)
{
    writer w = {
        .g = g, .d = d, .wrap = o->wrap, .grey = o->grey, .x0 = x, .y0 = y};
    sizes(&w, o);
    int rc = prepare(&w);
    if (!rc)
        rc = add_legend(&w);
    return finish(&w, rc, err);
}

int fnet_dot_legend_graph(Agraph_t **out, const fnet_diagram *d,
                          const fnet_dot_opts *o, fnet_err *err)
{
    writer w = {.d = d, .wrap = o->wrap};
    const char *font = o->font ? o->font : FNET_DOT_FONT;
    *out = NULL;
    sizes(&w, o);
    int rc = prepare(&w);
    if (!rc && !(w.g = fnet_graphids_open("legend", Agdirected)))
        rc = FNET_EINTERNAL;
    if (!rc) {
        agattr(w.g, AGRAPH, "layout", "nop2");
        agattr(w.g, AGRAPH, "fontname", (char *)font);
        agattr(w.g, AGRAPH, "bgcolor", "white");
        attr_num(w.g, AGRAPH, "pad", pt(&w, 0.1));
        agattr(w.g, AGNODE, "fontname", (char *)font);
        agattr(w.g, AGNODE, "style", "filled");
        agattr(w.g, AGNODE, "color", "#333333");
        attr_num(w.g, AGNODE, "penwidth", pen_pt(&w, 0.8));
        rc = add_legend(&w);
    }
    rc = finish(&w, rc, err);
    if (!rc && agfstsubg(w.g) == NULL) { /* nothing to explain */
        agclose(w.g);
        return 0;
    }
    if (rc && w.g)
        agclose(w.g);
    if (!rc)
        *out = w.g;
    return rc;
}

int fnet_dot_write(Agraph_t *g, FILE *fp, fnet_err *err)
{
    if (agwrite(g, fp) != 0 || ferror(fp))
        return fnet_err_set(err, FNET_EIO, "cannot write the DOT text");
    return 0;
}

int fnet_dot_write_file(Agraph_t *g, const char *path, fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = fnet_dot_write(g, fnet_outfile_stream(f), err);
    return fnet_outfile_end(f, rc, err);
}

/* style.c - shapes, palettes, sizes and label wrapping (see style.h). */
#include "output/diagram/style.h"

#include "core/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shapes for types without a fixed one, in the order they are handed out.
 * All are distinct from ellipse, box and note and from each other in
 * print. */
static const char *const other_shapes[] = {
    "hexagon", "octagon", "component", "cylinder", "diamond",   "parallelogram",
    "house",   "tab",     "folder",    "box3d",    "trapezium", "invhouse",
};
#define N_OTHER (sizeof other_shapes / sizeof other_shapes[0])

/* The hues of Paul Tol's "light" scheme (https://personal.sron.nl/~pault/)
 * at CIE L* 50, 56, ..., 92 (chroma reduced where the hue leaves sRGB),
 * ordered so that the first four communities are 12 apart in L* and
 * consecutive ones differ by 18 or more: light blue 68, yellow 92, mint
 * 56, pear 80, orange 62, cyan 86, olive 50, pink 74 (docs/DIAGRAMS.md). */
static const char *const fills[FNET_STYLE_FILLS] = {
    "#77AADD", "#FAE993", "#0E9878", "#BFD038",
    "#DE7B59", "#A2E0FF", "#7B7B00", "#F29FB0",
};

/* --grayscale: L* 90, 76, 62, 48; black text stays legible on each.
 * Groups 5 to 8 take the same greys with a dashed outline. */
static const char *const greys[FNET_STYLE_LEVELS] = {
    "#E2E2E2",
    "#BBBBBB",
    "#969696",
    "#727272",
};

/* Lines must stay visible on white paper: the six darker colours of Paul
 * Tol's "muted" scheme (indigo, green, purple, teal, wine, olive; not
 * rose, too close to the red of negative edges, nor the pale cyan and
 * sand), then Okabe-Ito blue and orange. The second table draws the same
 * colours as a double line. */
static const char *const edge_colors[FNET_STYLE_EDGE_COLORS] = {
    "#332288", "#117733", "#AA4499", "#44AA99",
    "#882255", "#999933", "#0072B2", "#E69F00",
};
static const char *const edge_doubles[FNET_STYLE_EDGE_COLORS] = {
    "#332288:invis:#332288", "#117733:invis:#117733", "#AA4499:invis:#AA4499",
    "#44AA99:invis:#44AA99", "#882255:invis:#882255", "#999933:invis:#999933",
    "#0072B2:invis:#0072B2", "#E69F00:invis:#E69F00",
};

/* --grayscale lines: black, then mid grey (L* 50); several relations
 * light grey (L* 76). Negative edges are black and dashed. */
#define N_GREY_LINES 2
static const char *const grey_lines[N_GREY_LINES] = {"#000000", "#777777"};
static const char *const grey_doubles[N_GREY_LINES] = {"#000000:invis:#000000",
                                                       "#777777:invis:#777777"};
#define GREY_SEVERAL "#BBBBBB"
#define NEG_DOUBLE FNET_STYLE_NEGATIVE ":invis:" FNET_STYLE_NEGATIVE

/* Arrowheads of directed relations and markers (drawn at both ends) of
 * undirected ones: disjoint sets, so a directed and an undirected
 * relation never look alike. */
static const char *const arrows[] = {"normal", "empty",    "vee",  "diamond",
                                     "box",    "odiamond", "obox", "inv"};
#define N_ARROWS (sizeof arrows / sizeof arrows[0])
static const char *const markers[] = {"none", "dot", "odot", "tee"};
#define N_MARKERS (sizeof markers / sizeof markers[0])

static const struct {
    const char *type, *shape;
} fixed_shapes[] = {
    {"actor", "ellipse"},
    {"agreement", "box"},
    {"strategy", "note"},
};

int fnet_style_has_fixed_shape(const char *type)
{
    for (size_t i = 0; i < sizeof fixed_shapes / sizeof fixed_shapes[0]; i++)
        if (strcmp(type, fixed_shapes[i].type) == 0)
            return 1;
    return 0;
}

const char *fnet_style_shape(const char *type, uint32_t other_rank)
{
    for (size_t i = 0; i < sizeof fixed_shapes / sizeof fixed_shapes[0]; i++)
        if (strcmp(type, fixed_shapes[i].type) == 0)
            return fixed_shapes[i].shape;
    return other_shapes[other_rank % N_OTHER];
}

int32_t fnet_style_fill_count(bool grey)
{
    return grey ? FNET_STYLE_GREYS : FNET_STYLE_FILLS;
}

const char *fnet_style_fill(int32_t group, bool grey)
{
    if (group < 0)
        return FNET_STYLE_NO_FILL;
    if (group >= fnet_style_fill_count(grey))
        return grey ? FNET_STYLE_NO_FILL : FNET_STYLE_OTHER_FILL;
    return grey ? greys[group % FNET_STYLE_LEVELS] : fills[group];
}

bool fnet_style_fill_dashed(int32_t group, bool grey)
{
    return group >= FNET_STYLE_LEVELS && group < fnet_style_fill_count(grey);
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static double linear(int v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double fnet_style_lightness(const char *color)
{
    int v[6];
    if (!color || color[0] != '#' || strlen(color) < 7)
        return -1;
    for (int i = 0; i < 6; i++)
        if ((v[i] = hex(color[i + 1])) < 0)
            return -1;
    double y = 0.2126 * linear(v[0] * 16 + v[1]) +
               0.7152 * linear(v[2] * 16 + v[3]) +
               0.0722 * linear(v[4] * 16 + v[5]);
    return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27;
}

/* ---- relation looks ----------------------------------------------------- */

int fnet_style_assign(fnet_style_slots *s, const fnet_diagram *d, bool grey)
{
    uint32_t n = d->n_relations;
    s->grey = grey;
    s->pos = malloc((n + 1) * sizeof *s->pos);
    s->neg = malloc((n + 1) * sizeof *s->neg);
    if (!s->pos || !s->neg) {
        fnet_style_slots_free(s);
        return FNET_ENOMEM;
    }
    for (uint32_t r = 0; r < n; r++)
        s->pos[r] = s->neg[r] = -1; /* -1: not drawn; -2: drawn, no slot */
    for (uint32_t i = 0; i < d->n_edges; i++) {
        const fnet_dedge *e = &d->edges[i];
        if (e->relation < 0 || (uint32_t)e->relation >= n)
            continue;
        if (e->sign < 0)
            s->neg[e->relation] = -2;
        else
            s->pos[e->relation] = -2;
    }
    /* Colour hands out one counter (colours first); grey one counter per
     * directedness, whose arrowheads and markers never meet. */
    int32_t k = 0, kd = 0, ku = 0, kn = 0;
    for (uint32_t r = 0; r < n; r++) {
        if (s->pos[r] == -2)
            s->pos[r] = !grey ? k++ : d->relations[r].directed ? kd++ : ku++;
        if (s->neg[r] == -2)
            s->neg[r] = kn++;
    }
    return 0;
}

void fnet_style_slots_free(fnet_style_slots *s)
{
    free(s->pos);
    free(s->neg);
    s->pos = s->neg = NULL;
}

/* Variant v: a single or double line (the more visible difference
 * first), then the next arrowhead, or marker at both ends. */
static void variant(fnet_look *l, uint32_t v, bool directed, bool *twice)
{
    *twice = v % 2;
    if (directed) {
        l->arrow = arrows[(v / 2) % N_ARROWS];
    } else {
        l->arrow = markers[(v / 2) % N_MARKERS];
        l->marker = true;
    }
}

fnet_look fnet_style_edge(const fnet_style_slots *s, int32_t r, int sign,
                          bool directed)
{
    fnet_look l = {.style = sign < 0    ? "dashed"
                            : sign == 0 ? "dotted"
                                        : "solid",
                   .arrow = directed ? "normal" : "none"};
    bool twice = false;
    int32_t slot = r < 0 ? -1 : sign < 0 ? s->neg[r] : s->pos[r];
    if (slot < 0) { /* several relations */
        l.color = s->grey ? GREY_SEVERAL : FNET_STYLE_SEVERAL;
        return l;
    }
    uint32_t k = (uint32_t)slot;
    if (sign < 0) {
        variant(&l, k, directed, &twice);
        l.color = s->grey ? (twice ? grey_doubles[0] : grey_lines[0])
                  : twice ? NEG_DOUBLE
                          : FNET_STYLE_NEGATIVE;
    } else if (!s->grey) {
        variant(&l, k / FNET_STYLE_EDGE_COLORS, directed, &twice);
        uint32_t c = k % FNET_STYLE_EDGE_COLORS;
        l.color = twice ? edge_doubles[c] : edge_colors[c];
    } else {
        uint32_t per = directed ? 2 * N_ARROWS : 2 * N_MARKERS;
        variant(&l, k % per, directed, &twice);
        uint32_t c = (k / per) % N_GREY_LINES;
        l.color = twice ? grey_doubles[c] : grey_lines[c];
    }
    if (!directed && strcmp(l.arrow, "none") == 0)
        l.marker = false;
    return l;
}

/* ---- greyscale check ---------------------------------------------------- */

#define LINE_DL 20.0 /* thin lines need a larger step than fills */

typedef struct drawn {
    fnet_look look;
    const char *name;
} drawn;

/* True when a and b look the same once printed in grey. */
static bool grey_alike(const fnet_look *a, const fnet_look *b)
{
    bool a2 = strchr(a->color, ':') != NULL, b2 = strchr(b->color, ':') != NULL;
    return a2 == b2 && strcmp(a->style, b->style) == 0 &&
           strcmp(a->arrow, b->arrow) == 0 &&
           fabs(fnet_style_lightness(a->color) -
                fnet_style_lightness(b->color)) < LINE_DL;
}

static int fills_check(const fnet_diagram *d, bool grey, fnet_buf *why)
{
    int32_t count = fnet_style_fill_count(grey), top = -1;
    for (uint32_t i = 0; i < d->n_nodes; i++)
        if (d->nodes[i].fill > top)
            top = d->nodes[i].fill;
    if (d->n_clusters > 0 || top < 1)
        return 1;
    if (grey && top >= count) {
        fnet_buf_printf(why, "%d groups but %d greys", top + 1, count);
        return 0;
    }
    for (int32_t a = 0; a <= top && a < count; a++)
        for (int32_t b = a + 1; b <= top && b < count; b++) {
            if (fnet_style_fill_dashed(a, grey) !=
                fnet_style_fill_dashed(b, grey))
                continue; /* told apart by their outlines */
            double la = fnet_style_lightness(fnet_style_fill(a, grey));
            double lb = fnet_style_lightness(fnet_style_fill(b, grey));
            if (fabs(la - lb) < FNET_STYLE_GREY_GAP) {
                fnet_buf_printf(why, "fills %d and %d differ by %.1f in L*",
                                a + 1, b + 1, fabs(la - lb));
                return 0;
            }
        }
    return 1;
}

int fnet_style_grey_check_diagram(const fnet_diagram *d, bool grey,
                                  fnet_buf *why)
{
    fnet_style_slots s = {0};
    if (fnet_style_assign(&s, d, grey))
        return -1;
    int ok = fills_check(d, grey, why);
    drawn *l = malloc((2 * (size_t)d->n_relations + 1) * sizeof *l);
    uint32_t n = 0;
    if (!l) {
        fnet_style_slots_free(&s);
        return -1;
    }
    for (uint32_t r = 0; r < d->n_relations; r++)
        for (int sign = 1; sign >= -1; sign -= 2)
            if ((sign > 0 ? s.pos : s.neg)[r] >= 0)
                l[n++] = (drawn){fnet_style_edge(&s, (int32_t)r, sign,
                                                 d->relations[r].directed),
                                 d->relations[r].name};
    for (uint32_t a = 0; ok && a < n; a++)
        for (uint32_t b = a + 1; ok && b < n; b++)
            if (grey_alike(&l[a].look, &l[b].look)) {
                fnet_buf_printf(why, "relations %s and %s look alike in grey",
                                l[a].name, l[b].name);
                ok = 0;
            }
    free(l);
    fnet_style_slots_free(&s);
    return ok;
}

double fnet_style_node_width(double v, double vmax)
{
    if (!(v > 0) || !(vmax > 0) || !isfinite(v) || !isfinite(vmax))
        return FNET_STYLE_WIDTH_MIN;
    double w = FNET_STYLE_WIDTH_MAX * sqrt(v / vmax);
    if (w < FNET_STYLE_WIDTH_MIN)
        w = FNET_STYLE_WIDTH_MIN;
    if (w > FNET_STYLE_WIDTH_MAX)
        w = FNET_STYLE_WIDTH_MAX;
    return w;
}

double fnet_style_pen_width(double w, double wmin, double wmax)
{
    if (!(wmax > wmin) || !isfinite(w))
        return FNET_STYLE_PEN_MIN;
    double t = (w - wmin) / (wmax - wmin);
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    return FNET_STYLE_PEN_MIN + t * (FNET_STYLE_PEN_MAX - FNET_STYLE_PEN_MIN);
}

/* True when the space at p joins a count "+N" to the word before it
 * ("Quad +5"): the wrapping never leaves "+N" alone on a line. */
static bool joins_count(const char *p)
{
    if (p[1] != '+' || p[2] < '0' || p[2] > '9')
        return false;
    p += 2;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '\0' || *p == ' ' || *p == '\n' || *p == '\r';
}

void fnet_style_wrap(fnet_buf *out, const char *s, unsigned width)
{
    size_t start = out->len;
    fnet_buf_puts(out, s);
    if (width == 0 || !fnet_buf_ok(out))
        return;
    /* Greedy: remember the last space of the current line; when a
     * character would overflow the line, turn that space into a break. */
    size_t line = 0, at_space = 0;
    char *space = NULL;
    for (char *p = out->data + start; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == '\r') {
            line = 0;
            space = NULL;
            continue;
        }
        if ((c & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte: same code point */
        if (c == ' ' && joins_count(p)) {
            line++; /* a non-breaking space */
            continue;
        }
        if (c == ' ' && line >= width && line > 0) {
            *p = '\n';
            line = 0;
            space = NULL;
            continue;
        }
        if (line + 1 > width && space) {
            *space = '\n';
            line -= at_space + 1;
            space = NULL;
        }
        if (c == ' ' && line > 0) {
            space = p;
            at_space = line;
        }
        line++;
    }
}

/* CIE L* of an sRGB colour "#RRGGBB"; -1 when it is not one. */
static double lightness(const char *c)
{
    unsigned r, g, b;
    if (!c || c[0] != '#' || strlen(c) != 7 ||
        sscanf(c + 1, "%2x%2x%2x", &r, &g, &b) != 3)
        return -1;
    double lin[3], v[3] = {r / 255.0, g / 255.0, b / 255.0};
    for (int i = 0; i < 3; i++)
        lin[i] =
            v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
    double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27;
}

bool fnet_style_grey_check(const char *const *colors, const bool *dashed,
                           size_t n, double *gap)
{
    *gap = 100;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (dashed && dashed[i] != dashed[j])
                continue;
            double a = lightness(colors[i]), b = lightness(colors[j]);
            if (a >= 0 && b >= 0 && fabs(a - b) < *gap)
                *gap = fabs(a - b);
        }
    return *gap >= FNET_STYLE_GREY_GAP;
}

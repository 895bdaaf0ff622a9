/* style.c - shapes, palettes, sizes and label wrapping (see style.h). */
#include "output/diagram/style.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Shapes for types without a fixed one, in the order they are handed out.
 * All are distinct from ellipse, box and note and from each other in
 * print. */
static const char *const other_shapes[] = {
    "hexagon", "octagon", "component", "cylinder", "diamond",   "parallelogram",
    "house",   "tab",     "folder",    "box3d",    "trapezium", "invhouse",
};
#define N_OTHER (sizeof other_shapes / sizeof other_shapes[0])

/* Paul Tol, "light" qualitative scheme (https://personal.sron.nl/~pault/):
 * light blue, orange, light yellow, pink, light cyan, mint, pear, olive. */
static const char *const fills[FNET_STYLE_FILLS] = {
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB",
    "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
};

/* Lines must stay visible on white paper: the six darker colours of Paul
 * Tol's "muted" scheme (indigo, green, purple, teal, wine, olive; not
 * rose, too close to the red of negative edges, nor the pale cyan and
 * sand), then Okabe-Ito blue and orange. */
static const char *const edge_colors[FNET_STYLE_EDGE_COLORS] = {
    "#332288", "#117733", "#AA4499", "#44AA99",
    "#882255", "#999933", "#0072B2", "#E69F00",
};

/* Arrowheads by palette cycle (rank / FNET_STYLE_EDGE_COLORS). */
static const char *const arrows[] = {"normal", "empty", "diamond", "odiamond",
                                     "dot",    "odot",  "box",     "obox"};
#define N_ARROWS (sizeof arrows / sizeof arrows[0])

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

const char *fnet_style_fill(int32_t group)
{
    if (group < 0)
        return FNET_STYLE_NO_FILL;
    if (group >= FNET_STYLE_FILLS)
        return FNET_STYLE_OTHER_FILL;
    return fills[group];
}

const char *fnet_style_edge_color(int32_t rank)
{
    if (rank < 0)
        return FNET_STYLE_SEVERAL;
    return edge_colors[rank % FNET_STYLE_EDGE_COLORS];
}

const char *fnet_style_edge_arrow(int32_t rank)
{
    if (rank < 0)
        return "normal";
    return arrows[(uint32_t)(rank / FNET_STYLE_EDGE_COLORS) % N_ARROWS];
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

bool fnet_style_grey_check(const char *const *colors, size_t n, double *gap)
{
    *gap = 100;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double a = lightness(colors[i]), b = lightness(colors[j]);
            if (a >= 0 && b >= 0 && fabs(a - b) < *gap)
                *gap = fabs(a - b);
        }
    return *gap >= FNET_STYLE_GREY_GAP;
}

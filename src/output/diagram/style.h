/* style.h - the visual vocabulary of diagrams: shapes per entity type,
 * colour palettes, node and pen sizes, label wrapping.
 *
 * Every mapping is fixed and documented in docs/DIAGRAMS.md so that a
 * reader can decode a figure and the same corpus gives the same picture:
 * - shapes: actor ellipse, agreement box, strategy note; every other type,
 *   taken in sorted order, gets the next shape of FNET_STYLE_OTHER_SHAPES
 *   (hexagon, octagon, component, cylinder, ...), cycling after the last;
 * - fills: Paul Tol's "light" qualitative scheme (colour-blind safe and
 *   pale enough for black text), 8 colours, then pale grey for "other";
 * - edges: 8 colours that stay visible as thin lines on white (six of
 *   Tol's "muted" scheme, then Okabe-Ito blue and orange), cycled over
 *   the relations in sorted order; the cycle number picks the arrowhead
 *   (normal, empty, diamond, ...), so relations that share a colour still
 *   differ; negative edges are red (#CC3311) and dashed, mixed-sign edges
 *   dotted, and an edge aggregating several relations is dark grey.
 *
 * Functions here can't fail and allocate nothing, except fnet_style_wrap
 * which appends to a buffer. */
#ifndef FNET_STYLE_H
#define FNET_STYLE_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FNET_STYLE_FILLS 8       /* distinct fill colours */
#define FNET_STYLE_EDGE_COLORS 8 /* distinct relation colours */
#define FNET_STYLE_NEGATIVE "#CC3311"
#define FNET_STYLE_SEVERAL "#555555" /* edge of several relations */
#define FNET_STYLE_OTHER_FILL "#DDDDDD"
#define FNET_STYLE_NO_FILL "#FFFFFF"

/* Node width bounds in inches; height is FNET_STYLE_ASPECT * width. */
#define FNET_STYLE_WIDTH_MIN 0.55
#define FNET_STYLE_WIDTH_MAX 1.9
#define FNET_STYLE_ASPECT 0.6
/* Pen width bounds in points. */
#define FNET_STYLE_PEN_MIN 1.0
#define FNET_STYLE_PEN_MAX 4.5

/* The shape for an entity type. other_rank is the type's position among
 * the types that have no fixed shape (sorted), used for the cycle. */
const char *fnet_style_shape(const char *type, uint32_t other_rank);

/* True when type has a fixed shape (actor, agreement, strategy). */
int fnet_style_has_fixed_shape(const char *type);

/* Fill colour of group g (a community or type rank): the palette for
 * g < FNET_STYLE_FILLS, FNET_STYLE_OTHER_FILL above, white for g < 0. */
const char *fnet_style_fill(int32_t group);

/* Colour and arrowhead of the relation with the given rank among the
 * palette's relations. rank < 0 means "several relations". */
const char *fnet_style_edge_color(int32_t rank);
const char *fnet_style_edge_arrow(int32_t rank);

/* Node width (inches) for value v when the largest value shown is vmax:
 * FNET_STYLE_WIDTH_MAX * sqrt(v / vmax), so that area is proportional to
 * the value, but never below FNET_STYLE_WIDTH_MIN. NaN, v <= 0 or
 * vmax <= 0 give the minimum. */
double fnet_style_node_width(double v, double vmax);

/* Pen width (points) for weight w, linear from FNET_STYLE_PEN_MIN at wmin
 * to FNET_STYLE_PEN_MAX at wmax; the minimum when wmax <= wmin. */
double fnet_style_pen_width(double w, double wmin, double wmax);

/* Appends s with some spaces replaced by '\n' so that no line is longer
 * than width code points, breaking only at spaces (a longer word keeps its
 * own line). Existing line breaks are kept. width 0 copies s. */
void fnet_style_wrap(fnet_buf *out, const char *s, unsigned width);

/* Smallest lightness difference (CIE L*, 0..100) at which two fills are
 * told apart in a greyscale print. */
#define FNET_STYLE_GREY_GAP 10.0

/* Whether the fill colours (n "#RRGGBB" strings; others are skipped)
 * survive a greyscale print: *gap receives the smallest difference of CIE
 * L* lightness between two of them (100 with fewer than two), and the
 * result is *gap >= FNET_STYLE_GREY_GAP. O(n^2); can't fail. */
bool fnet_style_grey_check(const char *const *colors, size_t n, double *gap);

#endif

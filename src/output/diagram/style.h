/* style.h - the visual vocabulary of diagrams: shapes per entity type,
 * colour palettes, node and pen sizes, label wrapping.
 *
 * Every mapping is fixed and documented in docs/DIAGRAMS.md so that a
 * reader can decode a figure and the same corpus gives the same picture:
 * - shapes: actor ellipse, agreement box, strategy note; every other type,
 *   taken in sorted order, gets the next shape of FNET_STYLE_OTHER_SHAPES
 *   (hexagon, octagon, component, cylinder, ...), cycling after the last;
 * - fills: the eight hues of Paul Tol's "light" scheme, each set to its
 *   own CIE lightness (L* 50 to 92, 6 apart) and ordered so that
 *   the first four are 12 apart, consecutive ones 18+: a greyscale print
 *   keeps them apart; then a near-white grey for "other". Groups 5 to 8
 *   also have a dashed outline: lightness alone cannot keep eight fills
 *   10 apart, so a reader tells a fill apart by (lightness, outline), and
 *   the fills of one outline are 12 apart in L*. --grayscale: four greys
 *   14 apart in L*, solid for groups 1-4 and dashed for 5-8 (the diagram
 *   options draw cluster boxes when more communities are shown);
 * - edges: a look (colour, line, arrowhead) per relation drawn, assigned
 *   per figure over the relations actually drawn, in name order
 *   (fnet_style_assign), so that no two relations drawn share one; negative
 *   edges are red (#CC3311) and dashed, with their own looks, and take no
 *   colour; mixed-sign edges are the relation's look, dotted; an edge
 *   aggregating several relations is dark grey. In colour, the 8 colours
 *   are handed out first (six of Tol's "muted" scheme, then Okabe-Ito blue
 *   and orange); --grayscale tells relations apart by arrowhead, marker
 *   and single or double line, then black or grey.
 *
 * Functions here can't fail and allocate nothing, except fnet_style_wrap
 * and fnet_style_grey_check_diagram, which append to a buffer, and
 * fnet_style_assign, which allocates the slots it returns. */
#ifndef FNET_STYLE_H
#define FNET_STYLE_H

#include "core/buf.h"
#include "output/diagram/diagram_model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FNET_STYLE_FILLS 8       /* distinct fill colours */
#define FNET_STYLE_LEVELS 4      /* fills per outline (solid, dashed) */
#define FNET_STYLE_GREYS 8       /* --grayscale: 4 greys x 2 outlines */
#define FNET_STYLE_EDGE_COLORS 8 /* distinct relation colours */
#define FNET_STYLE_NEGATIVE "#CC3311"
#define FNET_STYLE_SEVERAL "#555555" /* edge of several relations */
#define FNET_STYLE_OTHER_FILL "#F9F9F9"
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

/* How many distinct fills the palette has: FNET_STYLE_FILLS, or
 * FNET_STYLE_GREYS in grey. */
int32_t fnet_style_fill_count(bool grey);

/* Fill colour of group g (a community or type rank): the palette for
 * g < fnet_style_fill_count(grey), FNET_STYLE_OTHER_FILL above (white in
 * grey), white for g < 0. */
const char *fnet_style_fill(int32_t group, bool grey);

/* True when group g's nodes have a dashed outline: groups
 * FNET_STYLE_LEVELS to fnet_style_fill_count(grey) - 1. Their fills have
 * the lightness levels of the groups below, and together they tell up to
 * 8 groups apart in a greyscale print. */
bool fnet_style_fill_dashed(int32_t group, bool grey);

/* CIE L* (0 black .. 100 white, D65) of a "#RRGGBB" colour; -1 for any
 * other string. */
double fnet_style_lightness(const char *color);

/* How an edge looks. */
typedef struct fnet_look {
    const char *color; /* a colour, or "C:invis:C" (a double line) */
    const char *style; /* "solid", "dashed" (negative), "dotted" (mixed) */
    const char *arrow; /* arrowhead at the target; for an undirected
                          relation the marker drawn at both ends, "none":
                          no marker */
    bool marker;       /* arrow is an undirected relation's marker */
} fnet_look;

/* The per-figure looks: slot of each relation of d among the relations
 * drawn with a non-negative sign (pos) and with a negative one (neg); -1
 * when not drawn so. Free with fnet_style_slots_free(). */
typedef struct fnet_style_slots {
    int32_t *pos, *neg;
    bool grey;
} fnet_style_slots;

/* Assigns the slots for the edges of d, relations in d's order (sorted by
 * name): deterministic, and distinct relations get distinct looks up to
 * the palette's capacity (colour: 64 undirected and 128 directed
 * relations; grey: 16 and 32). Returns 0 or FNET_ENOMEM. */
int fnet_style_assign(fnet_style_slots *s, const fnet_diagram *d, bool grey);
void fnet_style_slots_free(fnet_style_slots *s);

/* The look of an edge of relation r (-1: several relations) with sign
 * (+1, -1, 0 mixed) and the relation's directedness. */
fnet_look fnet_style_edge(const fnet_style_slots *s, int32_t r, int sign,
                          bool directed);

/* Whether every encoding of diagram d, drawn with the given palette,
 * survives a greyscale print: the community or type fills drawn with the
 * same outline differ by FNET_STYLE_GREY_GAP in L* (or clusters box the
 * groups), and no two
 * relations drawn share a look once colours are greys (same line, style
 * and arrowhead, colours less than 20 apart in L*). Returns 1 when it
 * does, 0 when not (appending the reason, one line, to `why`), -1 when out
 * of memory. Covers relations too, where fnet_style_grey_check below (--preflight)
 * looks at fills only. */
int fnet_style_grey_check_diagram(const fnet_diagram *d, bool grey,
                                  fnet_buf *why);

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
 * own line). A count "+N" stays with the word before it (the space
 * before it does not break; the line may run over by the count when that
 * word starts it). Existing line breaks are kept. width 0 copies s. */
void fnet_style_wrap(fnet_buf *out, const char *s, unsigned width);

/* Smallest lightness difference (CIE L*, 0..100) at which two fills are
 * told apart in a greyscale print. */
#define FNET_STYLE_GREY_GAP 10.0

/* Whether the node fills (n "#RRGGBB" strings; others are skipped), with
 * dashed[i] true for a fill drawn with a dashed outline (NULL: all solid),
 * survive a greyscale print: *gap receives the smallest difference of CIE
 * L* lightness between two fills of the same outline (100 when there is
 * no such pair), and the result is *gap >= FNET_STYLE_GREY_GAP: fills of
 * different outlines are told apart by the outline. O(n^2); can't fail. */
bool fnet_style_grey_check(const char *const *colors, const bool *dashed,
                           size_t n, double *gap);

#endif

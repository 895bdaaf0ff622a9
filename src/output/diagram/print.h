/* print.h - figures sized in final units: a diagram laid out for a page
 * `--width` wide (at most `--height` tall), its fonts, node sizes, gaps and
 * pens set in final points (output/diagram/dot.h's scale), then measured
 * from the laid-out graph (bounding box, every font size and pen width
 * times the scale to the page) and refused when it cannot be drawn with
 * every text at least `--min-font` and every line at least 0.3 pt; where
 * the legend goes (right, below, none, or a file of its own); the page,
 * resolution and fonts of the written file; and the preflight report of a
 * written figure (docs/DIAGRAMS.md, "Figures for print").
 *
 * How a size is chosen: the drawing is laid out with node labels at 9, 8,
 * 7 pt and at --min-font, in that order, the legend right or below (right
 * first, unless asked), and the first layout that reaches the page width
 * with its node labels at least 85 % of the size they were laid out at
 * (and every line at least 0.3 pt) is kept; when none is, the one with
 * the largest smallest text, if that is at least --min-font. It is
 * scaled to the width, or to the height when that binds (--height, else
 * the budget FNET_PRINT_MAX_HEIGHT), never up by more than
 * FNET_PRINT_MAX_UP, and centred on the page.
 *
 * Ownership: a fnet_figure owns its graphs; free with fnet_figure_free().
 * The diagram and options stay the caller's. */
#ifndef FNET_PRINT_H
#define FNET_PRINT_H

#include "core/buf.h"
#include "core/error.h"
#include "output/diagram/diagram_model.h"
#include "output/diagram/dot.h"
#include "output/diagram/render.h"

#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stdio.h>

enum fnet_legend_place {
    FNET_LEGEND_AUTO, /* right, or below when right does not fit --width */
    FNET_LEGEND_RIGHT,
    FNET_LEGEND_BELOW,
    FNET_LEGEND_NONE,
    FNET_LEGEND_SEPARATE /* NAME.legend.EXT beside the figure */
};

#define FNET_PRINT_MIN_FONT 6.0 /* points, the default of --min-font */
#define FNET_PRINT_MIN_LINE 0.3 /* points (Taylor & Francis) */
#define FNET_PRINT_DPI 300      /* PNG with --width */
#define FNET_PRINT_FONT "Liberation Sans" /* Arial's metrics */
#define FNET_PRINT_BUILD_WIDTH 504.0      /* build's NAME.print.pdf: 7 in */
#define FNET_PRINT_MAX_UP 1.15 /* largest enlargement of a small drawing */
/* The tallest figure with --width and no --height: 8.5 in (612 pt), which
 * leaves room for a caption on a journal page (docs/DIAGRAMS.md, "Height
 * budget"). */
#define FNET_PRINT_MAX_HEIGHT 612.0

typedef struct fnet_print_opts {
    double width, height; /* page, points; 0: not given (screen size;
                             with a width: at most FNET_PRINT_MAX_HEIGHT) */
    double min_font;      /* points */
    long dpi;             /* PNG pixels per inch; 0: FNET_PRINT_DPI with a
                             width, Graphviz's 96 without */
    int legend;           /* enum fnet_legend_place */
    bool preflight;       /* print the preflight report of what is written */
} fnet_print_opts;

/* No width (screen figure), --min-font 6, legend AUTO. */
void fnet_print_opts_init(fnet_print_opts *o);

/* The units of a length, NULL-terminated: in, cm, mm, pt. */
extern const char *const fnet_print_units[];

/* Reads a length "NUMBERUNIT" (3.5in, 89mm, 8.9cm, 252pt) into *pt in
 * points. Returns 0; -1 when the number is missing, not finite or not
 * positive; -2 when the unit is none of fnet_print_units (*unit then
 * points to what stands in its place). Can't fail otherwise. */
int fnet_print_length(const char *s, double *pt, const char **unit);

/* What the figure is, measured at its final size. */
typedef struct fnet_print_fit {
    bool sized;                /* laid out for a --width */
    double page_w, page_h;     /* points (screen: the drawing's size) */
    double scale;              /* final size / laid-out size */
    double min_text, min_line; /* points at final size, measured */
    double node_pt;            /* the size node labels were laid out at */
    int legend;                /* the placement used */
} fnet_print_fit;

typedef struct fnet_figure {
    Agraph_t *g;      /* the figure, laid out and pinned ("nop2") */
    Agraph_t *legend; /* FNET_LEGEND_SEPARATE: the legend alone; or NULL */
    fnet_print_fit fit, legend_fit;
} fnet_figure;

/* Makes the styled graph of d with its legend placed as p says and, with
 * p->width, sized for that page (see above). o's scale, font_min, pen_min
 * and legend_width are set here. Returns 0, FNET_EFIT (err names what
 * would make it fit: --top N, --legend below or separate, --edge-labels
 * none, a larger --height or --width), FNET_EUSAGE (unknown layout) or
 * FNET_ENOMEM / FNET_EINTERNAL. The caller frees out with
 * fnet_figure_free() in every case. */
int fnet_print_figure(fnet_figure *out, const fnet_diagram *d,
                      const fnet_dot_opts *o, const fnet_print_opts *p,
                      fnet_renderer *r, fnet_err *err);

void fnet_figure_free(fnet_figure *f); /* NULL is allowed */

/* For figures laid out elsewhere (evolve's pinned diagrams): o set to lay
 * a figure out with node labels at base points for p's page (scale,
 * floors, title width). Can't fail. */
void fnet_print_dot_opts(fnet_dot_opts *o, const fnet_print_opts *p,
                         double base);

/* Sizes g, fixed and pinned (layout "nop2") with its legend, for p's
 * page: measured, scaled to p->width and given its page, as
 * fnet_print_figure() does for a layout it keeps. Returns 0, FNET_EFIT
 * (err: what, the sizes it would have, the width it would need) or
 * FNET_EINTERNAL / FNET_ENOMEM. */
int fnet_print_size(fnet_print_fit *fit, Agraph_t *g, const fnet_print_opts *p,
                    double base, const char *what, fnet_renderer *r,
                    fnet_err *err);

/* The legend's own file beside path: "fig.pdf" -> "fig.legend.pdf". */
void fnet_print_legend_path(fnet_buf *out, const char *path);

/* Lays out, renders (PNG at the figure's dpi, recorded in its pHYs chunk)
 * and writes f's figure to path, and its separate legend beside it
 * (fnet_print_legend_path). With p->preflight, writes the preflight report
 * of each file written to report. Returns 0 or an FNET_E* code. */
int fnet_print_write(fnet_renderer *r, const fnet_figure *f,
                     const fnet_print_opts *p, const char *format,
                     const char *path, FILE *report, fnet_err *err);

#endif

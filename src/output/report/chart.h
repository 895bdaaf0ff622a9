/* chart.h - a line chart as inline SVG: one line per series over labelled
 * categories (periods), with axes, tick labels, a grid and a legend.
 *
 * Drawn by factnet, not a library, so the report stays one offline file.
 * The y axis starts at 0 (when every value is >= 0) and ends at a "nice"
 * value (1, 2 or 5 times a power of ten) above the largest value, with 4
 * to 6 ticks. A missing value (NaN) breaks its line; every value is also a
 * marker whose <title> gives series, category and value, so a point
 * between two gaps still shows. Colours: Paul Tol's "bright" scheme
 * (colour-blind safe), then the same colours dashed. Every text from the
 * data is escaped (output/report/htmlesc.h); the SVG is valid both as XML and
 * inside HTML.
 *
 * Ownership: the chart's strings and arrays belong to the caller. */
#ifndef FNET_CHART_H
#define FNET_CHART_H

#include "core/buf.h"

#include <stdint.h>

typedef struct fnet_chart_series {
    const char *name;
    const double *y; /* n_x values; NaN: none */
} fnet_chart_series;

typedef struct fnet_chart {
    const char *const *x; /* category labels, n_x of them */
    uint32_t n_x;
    const fnet_chart_series *series;
    uint32_t n_series;
    const char *x_title; /* axis titles; NULL: none */
    const char *y_title;
    const char *label; /* aria-label of the whole chart */
} fnet_chart;

#define FNET_CHART_COLORS 7

/* Appends the chart as one <svg> element. Can't fail (see core/buf.h for
 * out of memory). */
void fnet_chart_svg(fnet_buf *out, const fnet_chart *c);

/* The colour of series i (for a caption or table that refers to it). */
const char *fnet_chart_color(uint32_t i);

#endif

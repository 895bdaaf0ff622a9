/* chart.c - line charts as inline SVG (chart.h). */
#include "output/report/chart.h"

#include "output/report/htmlesc.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Geometry in SVG user units (1 unit = 1 CSS pixel at 100 %). */
#define W 760.0
#define H 360.0
#define LEFT 64.0      /* room for y tick labels and the y title */
#define LEGEND_W 190.0 /* the legend column at the right */
#define TOP 16.0
#define BOTTOM 56.0    /* room for x tick labels and the x title */
#define LABEL_GAP 46.0 /* minimum distance between two x labels */
#define LEGEND_CHARS 24

static const char *const colors[FNET_CHART_COLORS] = {
    "#4477AA", "#EE6677", "#228833", "#CCBB44",
    "#66CCEE", "#AA3377", "#BBBBBB"};

const char *fnet_chart_color(uint32_t i)
{
    return colors[i % FNET_CHART_COLORS];
}

typedef struct frame {
    double x0, x1, y0, y1; /* plot area: left, right, top, bottom */
    double lo, hi, step;   /* y axis */
    int decimals;
} frame;

/* A step of 1, 2 or 5 times a power of ten giving about 5 intervals. */
static double nice_step(double range)
{
    double raw = range / 5, mag = pow(10, floor(log10(raw)));
    double norm = raw / mag;
    return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

static void y_axis(frame *f, const fnet_chart *c)
{
    double lo = 0, hi = 0;
    bool any = false;
    for (uint32_t s = 0; s < c->n_series; s++)
        for (uint32_t i = 0; i < c->n_x; i++) {
            double v = c->series[s].y[i];
            if (!isfinite(v))
                continue;
            lo = any && lo < v ? lo : v;
            hi = any && hi > v ? hi : v;
            any = true;
        }
    if (lo > 0)
        lo = 0;
    if (hi <= lo)
        hi = lo + 1;
    f->step = nice_step(hi - lo);
    f->lo = floor(lo / f->step) * f->step;
    f->hi = ceil(hi / f->step) * f->step;
    int d = (int)-floor(log10(f->step) + 1e-9);
    f->decimals = d > 0 ? d : 0;
}

static double px(const frame *f, const fnet_chart *c, uint32_t i)
{
    if (c->n_x <= 1)
        return (f->x0 + f->x1) / 2;
    return f->x0 + (f->x1 - f->x0) * i / (c->n_x - 1);
}

static double py(const frame *f, double v)
{
    return f->y1 - (f->y1 - f->y0) * (v - f->lo) / (f->hi - f->lo);
}

static void text(fnet_buf *o, double x, double y, const char *anchor,
                 const char *cls, const char *s)
{
    fnet_buf_printf(o,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
                    "class=\"%s\">",
                    x, y, anchor, cls);
    fnet_htmlesc_text(o, s);
    fnet_buf_puts(o, "</text>\n");
}

static void grid(fnet_buf *o, const frame *f, const fnet_chart *c)
{
    char num[48];
    long n = lround((f->hi - f->lo) / f->step);
    for (long k = 0; k <= n; k++) {
        double v = f->lo + k * f->step, y = py(f, v);
        fnet_buf_printf(o,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        "y2=\"%.1f\" class=\"%s\"/>\n",
                        f->x0, y, f->x1, y, k == 0 ? "axis" : "grid");
        snprintf(num, sizeof num, "%.*f", f->decimals, fabs(v) < 1e-12 ? 0 : v);
        text(o, f->x0 - 8, y + 4, "end", "tick", num);
    }
    uint32_t every = 1;
    double room = c->n_x > 1 ? (f->x1 - f->x0) / (c->n_x - 1) : LABEL_GAP;
    while (room * every < LABEL_GAP)
        every++;
    for (uint32_t i = 0; i < c->n_x; i++) {
        double x = px(f, c, i);
        fnet_buf_printf(o,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        "y2=\"%.1f\" class=\"axis\"/>\n",
                        x, f->y1, x, f->y1 + 4);
        /* Every `every`-th label, and the last one when it has room. */
        bool show = i % every == 0 ||
                    (i == c->n_x - 1 && (i % every) * room >= LABEL_GAP);
        if (show)
            text(o, x, f->y1 + 18, "middle", "tick", c->x[i]);
    }
    if (c->x_title)
        text(o, (f->x0 + f->x1) / 2, H - 10, "middle", "axis-title",
             c->x_title);
    if (c->y_title) {
        fnet_buf_printf(o, "<g transform=\"translate(16 %.1f) rotate(-90)\">",
                        (f->y0 + f->y1) / 2);
        text(o, 0, 0, "middle", "axis-title", c->y_title);
        fnet_buf_puts(o, "</g>\n");
    }
}

static void stroke(fnet_buf *o, uint32_t s)
{
    fnet_buf_printf(o, " stroke=\"%s\"", fnet_chart_color(s));
    if (s >= FNET_CHART_COLORS)
        fnet_buf_puts(o, " stroke-dasharray=\"6 3\"");
}

static void line(fnet_buf *o, const frame *f, const fnet_chart *c, uint32_t s)
{
    const double *y = c->series[s].y;
    bool pen = false, any = false;
    for (uint32_t i = 0; i < c->n_x; i++) {
        if (!isfinite(y[i])) {
            pen = false;
            continue;
        }
        if (!any)
            fnet_buf_puts(o, "<path class=\"line\" fill=\"none\" "
                             "stroke-width=\"2\" d=\"");
        fnet_buf_printf(o, "%s%s%.1f,%.1f", any ? " " : "", pen ? "L" : "M",
                        px(f, c, i), py(f, y[i]));
        pen = any = true;
    }
    if (any) {
        fnet_buf_putc(o, '"');
        stroke(o, s);
        fnet_buf_puts(o, "/>\n");
    }
}

static void markers(fnet_buf *o, const frame *f, const fnet_chart *c,
                    uint32_t s)
{
    const double *y = c->series[s].y;
    for (uint32_t i = 0; i < c->n_x; i++) {
        if (!isfinite(y[i]))
            continue;
        fnet_buf_printf(o,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
                        "fill=\"%s\" class=\"point\"><title>",
                        px(f, c, i), py(f, y[i]), fnet_chart_color(s));
        fnet_htmlesc_text(o, c->series[s].name);
        fnet_buf_puts(o, ", ");
        fnet_htmlesc_text(o, c->x[i]);
        fnet_buf_printf(o, ": %.6g</title></circle>\n", y[i]);
    }
}

/* s cut to LEGEND_CHARS code points, with an ellipsis when cut. */
static void short_name(fnet_buf *o, const char *s)
{
    size_t cps = 0, i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++cps > LEGEND_CHARS)
            break;
    fnet_buf b = {0};
    fnet_buf_append(&b, s, i);
    if (s[i])
        fnet_buf_puts(&b, "\xE2\x80\xA6");
    fnet_htmlesc_text(o, fnet_buf_str(&b));
    if (!fnet_buf_ok(&b))
        o->oom = true;
    fnet_buf_free(&b);
}

static void legend(fnet_buf *o, const frame *f, const fnet_chart *c)
{
    double x = f->x1 + 28;
    for (uint32_t s = 0; s < c->n_series; s++) {
        double y = f->y0 + 10 + 22.0 * s;
        fnet_buf_printf(o, "<g class=\"legend-item\"><title>");
        fnet_htmlesc_text(o, c->series[s].name);
        fnet_buf_printf(o,
                        "</title><line x1=\"%.1f\" y1=\"%.1f\" "
                        "x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"2\"",
                        x, y, x + 24, y);
        stroke(o, s);
        fnet_buf_printf(o,
                        "/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
                        "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" "
                        "class=\"legend\">",
                        x + 12, y, fnet_chart_color(s), x + 32, y + 4);
        short_name(o, c->series[s].name);
        fnet_buf_puts(o, "</text></g>\n");
    }
}

void fnet_chart_svg(fnet_buf *o, const fnet_chart *c)
{
    frame f = {.x0 = LEFT, .x1 = W - LEGEND_W, .y0 = TOP, .y1 = H - BOTTOM};
    y_axis(&f, c);
    fnet_buf_printf(o,
                    "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/"
                    "svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                    "height=\"%.0f\" role=\"img\" aria-label=\"",
                    W, H, W, H);
    fnet_htmlesc_text(o, c->label ? c->label : "line chart");
    fnet_buf_puts(o, "\">\n");
    grid(o, &f, c);
    for (uint32_t s = 0; s < c->n_series; s++)
        line(o, &f, c, s);
    for (uint32_t s = 0; s < c->n_series; s++)
        markers(o, &f, c, s);
    legend(o, &f, c);
    fnet_buf_puts(o, "</svg>\n");
}

/* html.h - the interactive report: one self-contained HTML page with the
 * diagram, the metrics, the communities, centrality over time, the
 * evidence of every tie and the bibliography (docs/REPORT.md).
 *
 * The page works offline from file://: the diagram is the SVG that gvc
 * rendered, inlined; CSS and a small plain script are inlined too; nothing
 * is loaded from anywhere (a Content-Security-Policy with default-src
 * 'none' enforces it, and allows only the page's own script by its
 * SHA-256). The SVG carries the hooks, set through cgraph before
 * rendering: every node and edge has Graphviz's `id`, `class` and
 * `tooltip`, and fnet_html_link_diagram() adds a `URL` that points into
 * the tables ("#m-n_ID" for a node's metrics row, "#ev-EDGEID" for a tie's
 * evidence), so the page still navigates without the script. The script
 * reads those attributes and one JSON block
 * (<script type="application/json" id="factnet-data">) holding the facts
 * per edge id and the metrics per node id.
 *
 * Every string from the data is escaped for its context (output/report/htmlesc.h):
 * a label is shown as text and never becomes markup or script. The same
 * inputs give a byte-identical page (no time stamp, stable orders).
 *
 * Ownership: the page borrows everything it is given. */
#ifndef FNET_HTML_H
#define FNET_HTML_H

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "analysis/trend.h"
#include "core/error.h"
#include "graph/graph.h"
#include "output/tables/evidence.h"

#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* The drawn edge of one graph edge. */
typedef struct fnet_html_link {
    char *id;            /* its SVG id; NULL when the diagram omits it */
    uint32_t tail, head; /* graph nodes as drawn (the arrow points to head) */
} fnet_html_link;

typedef struct fnet_html_links {
    fnet_html_link *edge; /* per edge of the graph, by edge id */
    uint32_t n_edges;
} fnet_html_links;

/* Matches the diagram's edges to the edges of draw, the undirected graph
 * it was drawn from (nodes are named "n_" + fnet_dotesc_id(entity id) by
 * output/diagram/dot.h), and sets each matched node's and edge's URL attribute to
 * its table anchor. Legend items and anything else are left alone. Call it
 * before the graph is laid out. Returns 0 or FNET_ENOMEM; the caller frees
 * out with fnet_html_links_free() in every case. */
int fnet_html_link_diagram(fnet_html_links *out, Agraph_t *diagram,
                           const fnet_graph *draw, fnet_err *err);

void fnet_html_links_free(fnet_html_links *l);

typedef struct fnet_html_page {
    const char *title;          /* NULL: the corpus title, else a default */
    const fnet_graph *g;        /* the graph the metrics describe */
    const fnet_metrics *m;      /* its node metrics */
    const fnet_communities *cm; /* its communities; NULL: none */
    const char *method;         /* how communities were found, for the
                                    text ("Leiden, resolution 1, seed 42") */
    bool community_fills;       /* the diagram fills nodes by community:
                                    show the same colours in the list */
    const fnet_graph_metrics *gm;
    const char *sampling_note;    /* sampled path metrics (job/job.h's
                                  sentence), or NULL */
    const fnet_evidence *ev;      /* evidence of the drawn graph */
    const fnet_html_links *links; /* of the drawn graph's edges */
    const char *svg;              /* the diagram rendered by gvc; NULL: none */
    size_t svg_len;
    const fnet_trend *trend; /* NULL: no chart section */
    const char *generator;   /* "factnet 0.1.0" */
} fnet_html_page;

/* Writes the page to fp. Returns 0, FNET_ENOMEM, FNET_EIO (write error),
 * or FNET_EINTERNAL when the SVG is not what gvc makes (no <svg> element,
 * or an element that could run or load something: script, foreignObject,
 * image, iframe), with err set. */
int fnet_html_write(const fnet_html_page *p, FILE *fp, fnet_err *err);

/* The page's inline script and style (src/output/report/report.js and
 * report.css, embedded at build time). */
extern const char fnet_html_script[];
extern const char fnet_html_style[];

#endif

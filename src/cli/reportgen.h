/* reportgen.h - the pipeline behind the HTML report, shared by `factnet
 * report` and `factnet build`: corpus -> graph, node and graph metrics,
 * communities, evidence, centrality over time, and the diagram (through
 * cli/diagopts.h, the same as `factnet render`) -> one page
 * (output/report/html.h).
 *
 * Ownership: options point into argv; the corpus and renderer stay the
 * caller's. */
#ifndef FNET_REPORTGEN_H
#define FNET_REPORTGEN_H

#include "analysis/trend.h"
#include "cli/diagopts.h"
#include "output/diagram/render.h"

typedef struct fnet_reportopts {
    fnet_diagopts d; /* diagram, community and graph options */
    fnet_trend_opts trend;
    bool no_trend;         /* leave out "Centrality over time" */
    const char *generator; /* footer; NULL: "factnet VERSION" */
} fnet_reportopts;

/* factnet's defaults (fnet_diagopts_init, fnet_trend_opts_init); call
 * fnet_diagopts_finish() on o->d after changing it. */
void fnet_reportopts_init(fnet_reportopts *o);

/* Builds the report of corpus c and writes it to path ("-": standard
 * output) through core/outfile.h: nothing is left behind on failure. It
 * seeds igraph's default random generator with the community seed first,
 * so the page does not depend on what ran before in the process. r
 * must render SVG.
 *
 * diagram: NULL, and the diagram is made and laid out here; or the
 * caller's diagram of c with o->d (fnet_diagopts_graph()), already laid
 * out with r (fnet_render_layout()), so that a caller that renders it in
 * other formats too lays it out once (`factnet build`). The report then
 * adds URL attributes to it and renders it; it stays laid out and the
 * caller's. Without a given diagram (and unless o->d.quiet) the job's
 * notes go to standard error (fnet_graphopts_notes()); with one, the
 * caller's diagram job said them.
 *
 * Returns 0, FNET_EUSAGE (an option names something the corpus does not
 * have: err says what), FNET_EIO, FNET_ENOMEM or FNET_EINTERNAL. */
int fnet_report_write(const fnet_corpus *c, const fnet_reportopts *o,
                      fnet_renderer *r, Agraph_t *diagram, const char *path,
                      fnet_err *err);

#endif

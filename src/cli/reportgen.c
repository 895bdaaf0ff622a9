/* reportgen.c - the HTML report pipeline (reportgen.h). */
#include "cli/reportgen.h"

#include "core/outfile.h"
#include "job/job.h"
#include "output/tables/evidence.h"
#include "output/report/html.h"

#include <stdlib.h>
#include <string.h>

void fnet_reportopts_init(fnet_reportopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_diagopts_init(&o->d);
    fnet_trend_opts_init(&o->trend);
}

typedef struct run {
    fnet_job job; /* graph, draw graph, metrics, communities, graph metrics */
    fnet_evidence *ev;
    fnet_html_links links;
    fnet_trend trend;
    bool has_trend;
    char *svg;
    size_t svg_len;
    char method[160];
    char sampling[160];
} run;

static int analyse(run *x, const fnet_corpus *c, const fnet_reportopts *o,
                   fnet_err *err)
{
    const fnet_diagopts *d = &o->d;
    fnet_job_opts jo;
    fnet_graphopts_job(&jo, &d->g, &d->co);
    jo.communities = true;
    jo.graph_metrics = true;
    jo.draw_undirected = true;
    int rc = fnet_job_run(&x->job, c, &d->g.graph, &jo, err);
    if (!rc)
        rc = fnet_evidence_build(&x->ev, fnet_job_draw(&x->job), err);
    if (!rc && !o->no_trend) {
        x->has_trend = true;
        rc = fnet_trend_compute(&x->trend, x->job.g,
                                x->job.m.value[o->trend.metric], &x->job.mo,
                                &o->trend, err);
    }
    fnet_job_sampling_note(&x->job, x->sampling, sizeof x->sampling);
    return rc;
}

/* The diagram as SVG, its nodes and edges linked to the page's tables:
 * the given one (laid out), else one made and laid out here. The links are
 * set after the layout: URL attributes do not move anything. */
static int diagram(run *x, const fnet_corpus *c, const fnet_diagopts *d,
                   fnet_renderer *r, Agraph_t *given, fnet_err *err)
{
    Agraph_t *ag = given;
    bool laid_out = false;
    int rc = 0;
    fnet_diagopts quiet = *d; /* analyse() printed the job's notes */
    quiet.quiet = true;
    if (!given && !(rc = fnet_diagopts_graph(&ag, c, &quiet, r, err)))
        laid_out = !(rc = fnet_render_layout(r, ag, err));
    if (!rc)
        rc = fnet_html_link_diagram(&x->links, ag, fnet_job_draw(&x->job), err);
    if (!rc)
        rc = fnet_render_data(r, ag, "svg", &x->svg, &x->svg_len, err);
    if (laid_out)
        fnet_render_unlayout(r, ag);
    if (!given && ag)
        agclose(ag);
    return rc;
}

static void describe_method(run *x, const fnet_community_opts *co)
{
    int n = snprintf(x->method, sizeof x->method, "%s",
                     fnet_community_algorithm_name(co->algorithm));
    if (fnet_community_has_resolution(co->algorithm))
        n += snprintf(x->method + n, sizeof x->method - (size_t)n,
                      ", resolution %g", co->resolution);
    snprintf(x->method + n, sizeof x->method - (size_t)n, ", seed %lu%s%s",
             co->seed, co->unweighted ? ", unweighted" : "",
             !x->job.has_cm             ? ""
             : x->job.cm.positive_part  ? ", on the positive part of the "
                                          "net weights, max(w+ - w-, 0)"
             : x->job.cm.signed_quality ? ", on the signed net weights"
                                        : "");
}

static int write_page(run *x, const fnet_reportopts *o, const char *path,
                      fnet_err *err)
{
    const fnet_diagopts *d = &o->d;
    fnet_html_page p = {
        .title = d->view.title,
        .g = x->job.g,
        .m = &x->job.m,
        .cm = &x->job.cm,
        .method = x->method,
        /* Swatches only when the list's communities are the diagram's
         * (a filtered view draws the whole corpus's) in its colours. */
        .community_fills = d->view.color_by == FNET_COLOR_COMMUNITY &&
                           !d->view.collapse && !d->dot.grey &&
                           !fnet_job_filtered(&d->g.graph),
        .gm = &x->job.gm,
        .sampling_note = x->sampling[0] ? x->sampling : NULL,
        .ev = x->ev,
        .links = &x->links,
        .svg = x->svg,
        .svg_len = x->svg_len,
        .trend = x->has_trend ? &x->trend : NULL,
        .generator = o->generator ? o->generator : "factnet " FNET_VERSION,
    };
    describe_method(x, &d->co);
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = fnet_html_write(&p, fnet_outfile_stream(f), err);
    return fnet_outfile_end(f, rc, err);
}

int fnet_report_write(const fnet_corpus *c, const fnet_reportopts *o,
                      fnet_renderer *r, Agraph_t *laid_out, const char *path,
                      fnet_err *err)
{
    run x = {0};
    int rc = analyse(&x, c, o, err);
    if (!rc)
        rc = diagram(&x, c, &o->d, r, laid_out, err);
    if (!rc)
        rc = write_page(&x, o, path, err);
    if (!rc && !o->d.quiet && !laid_out) /* else the caller's diagram
                                             job said them (build) */
        fnet_graphopts_notes(o->d.in.progress, &x.job);
    free(x.svg);
    fnet_html_links_free(&x.links);
    if (x.has_trend)
        fnet_trend_free(&x.trend);
    fnet_evidence_free(x.ev);
    fnet_job_free(&x.job);
    return rc;
}

/* reportgen.c - the HTML report pipeline (reportgen.h). */
#include "cli/reportgen.h"

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "core/outfile.h"
#include "output/evidence.h"
#include "output/html.h"

#include <stdlib.h>
#include <string.h>

void fnet_reportopts_init(fnet_reportopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_diagopts_init(&o->d);
    fnet_trend_opts_init(&o->trend);
}

typedef struct run {
    fnet_graph *g, *undirected;
    const fnet_graph *draw; /* g itself when g is undirected */
    fnet_metrics_opts mo;
    fnet_metrics m;
    fnet_communities cm;
    fnet_graph_metrics gm;
    fnet_evidence *ev;
    fnet_html_links links;
    fnet_trend trend;
    bool has_m, has_cm, has_trend;
    char *svg;
    size_t svg_len;
    char method[160];
} run;

static int analyse(run *x, const fnet_corpus *c, const fnet_reportopts *o,
                   fnet_err *err)
{
    const fnet_diagopts *d = &o->d;
    int rc = fnet_graph_build(&x->g, c, &d->g.graph, err);
    if (!rc && x->g->opts.directed) {
        fnet_graph_opts u = d->g.graph;
        u.directed = false;
        rc = fnet_graph_build(&x->undirected, c, &u, err);
    }
    x->draw = x->undirected ? x->undirected : x->g;
    fnet_metrics_opts_init(&x->mo);
    x->mo.unweighted = d->g.unweighted;
    x->mo.weighted_paths = d->g.weighted_paths;
    x->mo.seed = d->co.seed; /* as `factnet metrics` does */
    if (!rc) {
        x->has_m = true;
        rc = fnet_metrics_compute(&x->m, x->g, &x->mo, err);
    }
    if (!rc) {
        x->has_cm = true;
        rc = fnet_communities_detect(&x->cm, x->g, &d->co, err);
    }
    if (!rc)
        rc = fnet_graph_metrics_compute(&x->gm, x->g, err);
    if (!rc)
        rc = fnet_evidence_build(&x->ev, x->draw, err);
    if (!rc && !o->no_trend) {
        x->has_trend = true;
        rc = fnet_trend_compute(&x->trend, x->g, x->m.value[o->trend.metric],
                                &x->mo, &o->trend, err);
    }
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
    if (!given && !(rc = fnet_diagopts_graph(&ag, c, d, r, err)))
        laid_out = !(rc = fnet_render_layout(r, ag, err));
    if (!rc)
        rc = fnet_html_link_diagram(&x->links, ag, x->draw, err);
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
    snprintf(x->method + n, sizeof x->method - (size_t)n, ", seed %lu%s",
             co->seed, co->unweighted ? ", unweighted" : "");
}

static int write_page(run *x, const fnet_reportopts *o, const char *path,
                      fnet_err *err)
{
    const fnet_diagopts *d = &o->d;
    fnet_html_page p = {
        .title = d->view.title,
        .g = x->g,
        .m = &x->m,
        .cm = &x->cm,
        .method = x->method,
        .community_fills =
            d->view.color_by == FNET_COLOR_COMMUNITY && !d->view.collapse,
        .gm = &x->gm,
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
    /* igraph perturbs the start vector of eigenvector centrality and HITS
     * with its default random generator, so their last digits depend on
     * what ran before in the process. Seeding it here makes the page the
     * same whether `factnet report` or `factnet build` writes it. */
    igraph_rng_seed(igraph_rng_default(), o->d.co.seed);
    int rc = analyse(&x, c, o, err);
    if (!rc)
        rc = diagram(&x, c, &o->d, r, laid_out, err);
    if (!rc)
        rc = write_page(&x, o, path, err);
    free(x.svg);
    fnet_html_links_free(&x.links);
    if (x.has_trend)
        fnet_trend_free(&x.trend);
    fnet_evidence_free(x.ev);
    if (x.has_cm)
        fnet_communities_free(&x.cm);
    if (x.has_m)
        fnet_metrics_free(&x.m);
    fnet_graph_free(x.undirected);
    fnet_graph_free(x.g);
    return rc;
}

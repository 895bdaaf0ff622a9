/* diagopts.c - diagram options and pipeline shared by dot and render
 * (diagopts.h). */
#include "cli/diagopts.h"

#include "analysis/metrics.h"
#include "core/buf.h"
#include "input/validate.h"
#include "output/clustered.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const fnet_opt diagram_options[] = {FNET_DIAGRAM_OPTIONS, {0}};

void fnet_diagopts_init(fnet_diagopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_graphopts_init(&o->g);
    fnet_community_opts_init(&o->co);
    fnet_diagram_opts_init(&o->view);
    fnet_dot_opts_init(&o->dot);
    o->size_metric = FNET_M_PAGERANK;
}

/* Matches value against names[0..n); returns its index or -1 after a
 * usage error listing them. */
static int choice(const char *cmd, const char *opt, const char *value,
                  const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(value, names[i]) == 0)
            return i;
    char list[160] = "";
    for (int i = 0; i < n; i++) {
        strncat(list, i ? (i == n - 1 ? " or " : ", ") : "",
                sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    fnet_cli_usage(cmd, "--%s: expected %s, got '%s'", opt, list, value);
    return -1;
}

static int whole(const char *cmd, const char *opt, const char *v, double max,
                 long *out)
{
    double x;
    if (!fnet_cli_number(cmd, opt, v, 0, max, &x))
        return -1;
    if (x != floor(x)) {
        fnet_cli_usage(cmd, "--%s: expected a whole number, got '%s'", opt, v);
        return -1;
    }
    *out = (long)x;
    return 1;
}

static int size_by(fnet_diagopts *o, const char *v, const char *cmd)
{
    if (strcmp(v, "none") == 0) {
        o->size_metric = -1;
        return 1;
    }
    int m = fnet_metric_from_name(v);
    if (m < 0 || m == FNET_M_COMMUNITY) {
        fnet_cli_usage(cmd,
                       "--size-by: expected a metric (degree, "
                       "strength, betweenness, closeness, harmonic, "
                       "eigenvector, pagerank, hub, authority, coreness, "
                       "clustering, constraint, in_degree, out_degree) or "
                       "none, got '%s'",
                       v);
        return -1;
    }
    o->size_metric = m;
    return 1;
}

static int styling(fnet_diagopts *o, int id, const char *v, const char *cmd)
{
    static const char *const color[] = {"community", "type", "none"};
    static const char *const cluster[] = {"none", "community", "type"};
    static const char *const labels[] = {"none", "relation", "date", "count"};
    static const char *const collapse[] = {"communities"};
    int k;
    switch (id) {
    case FNET_DOPT_COLOR_BY:
        if ((k = choice(cmd, "color-by", v, color, 3)) < 0)
            return -1;
        o->view.color_by = k; /* same order as enum fnet_color_by */
        return 1;
    case FNET_DOPT_CLUSTER_BY:
        if ((k = choice(cmd, "cluster-by", v, cluster, 3)) < 0)
            return -1;
        o->view.cluster_by = k;
        return 1;
    case FNET_DOPT_EDGE_LABELS:
        if ((k = choice(cmd, "edge-labels", v, labels, 4)) < 0)
            return -1;
        o->view.edge_labels = k;
        return 1;
    case FNET_DOPT_COLLAPSE:
        if (choice(cmd, "collapse", v, collapse, 1) < 0)
            return -1;
        o->view.collapse = true;
        return 1;
    case FNET_DOPT_LAYOUT:
        if (!fnet_dot_layout_known(v)) {
            fnet_cli_usage(cmd,
                           "--layout: expected dot, neato, fdp, sfdp, "
                           "circo or twopi, got '%s'",
                           v);
            return -1;
        }
        /* fdp orders its work by node addresses (output/clustered.h). */
        if (strcmp(v, "fdp") == 0)
            fnet_cli_error("warning: --layout fdp: Graphviz's fdp may draw "
                           "another layout on each run; the default layout "
                           "(neato or sfdp) gives the same drawing every "
                           "time");
        o->dot.layout = v;
        return 1;
    case FNET_DOPT_SIZE_BY: return size_by(o, v, cmd);
    case FNET_DOPT_TITLE: o->view.title = v; return 1;
    case FNET_DOPT_MULTI: o->view.multi = true; return 1;
    case FNET_DOPT_NO_LEGEND: o->dot.legend = false; return 1;
    }
    return 0;
}

static int community(fnet_diagopts *o, int id, const char *v, const char *cmd)
{
    long k;
    double x;
    switch (id) {
    case FNET_DOPT_ALGORITHM:
        o->co.algorithm = fnet_community_algorithm_from_name(v);
        if (o->co.algorithm < 0) {
            fnet_cli_usage(cmd, "--algorithm: unknown algorithm '%s'", v);
            return -1;
        }
        return 1;
    case FNET_DOPT_RESOLUTION:
        if (!fnet_cli_number(cmd, "resolution", v, 1e-12, 1e12, &x))
            return -1;
        o->co.resolution = x;
        o->resolution_given = true;
        return 1;
    case FNET_DOPT_SEED:
        if (whole(cmd, "seed", v, 4294967295.0, &k) < 0)
            return -1;
        o->co.seed = (unsigned long)k;
        return 1;
    }
    return 0;
}

int fnet_diagopts_handle(fnet_diagopts *o, int id, const char *value,
                         const char *cmd)
{
    long k;
    if (fnet_cli_input_option(id, value, &o->in))
        return 1;
    int h = fnet_graphopts_handle(&o->g, id, value, cmd);
    if (h)
        return h;
    if ((h = styling(o, id, value, cmd)) != 0)
        return h;
    if ((h = community(o, id, value, cmd)) != 0)
        return h;
    switch (id) {
    case FNET_DOPT_EGO: o->ego = value; return 1;
    case FNET_DOPT_RADIUS:
        if (whole(cmd, "radius", value, 1e6, &k) < 0)
            return -1;
        o->view.radius = (int)k;
        return 1;
    case FNET_DOPT_TOP: return whole(cmd, "top", value, 1e15, &o->view.top);
    case FNET_DOPT_WRAP:
        if (whole(cmd, "wrap", value, 10000, &k) < 0)
            return -1;
        o->dot.wrap = (unsigned)k;
        return 1;
    }
    return 0;
}

int fnet_diagopts_finish(fnet_diagopts *o, const char *cmd)
{
    if (fnet_graphopts_finish(&o->g, cmd) != 0 ||
        fnet_cli_input_check(cmd, &o->in) != FNET_EXIT_OK)
        return -1;
    if (o->view.top >= 0 && o->size_metric < 0) {
        fnet_cli_usage(cmd, "--top ranks nodes by --size-by, which is none");
        return -1;
    }
    if (o->view.multi && o->view.collapse) {
        fnet_cli_usage(cmd, "--multi and --collapse contradict each other");
        return -1;
    }
    if (o->view.multi && o->g.graph.view != FNET_VIEW_FULL) {
        fnet_cli_usage(cmd, "--multi draws facts: it needs --view full");
        return -1;
    }
    if (o->view.collapse && o->view.cluster_by != FNET_CLUSTER_NONE) {
        fnet_cli_usage(cmd, "--cluster-by does not apply to --collapse");
        return -1;
    }
    if (o->resolution_given &&
        !fnet_community_has_resolution(o->co.algorithm)) {
        fnet_cli_usage(cmd,
                       "--resolution: algorithm %s has no resolution "
                       "parameter (leiden, louvain and spinglass do)",
                       fnet_community_algorithm_name(o->co.algorithm));
        return -1;
    }
    o->co.unweighted = o->g.unweighted;
    return 0;
}

void fnet_diagopts_print_options(FILE *fp, const fnet_opt *opts)
{
    size_t n = 0;
    while (opts[n].name)
        n++;
    fnet_opt *own = calloc(n + 1, sizeof *own);
    if (!own) {
        fnet_opts_print(fp, opts);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!fnet_diagopts_owns(opts[i].id))
            own[k++] = opts[i];
    fputs("options:\n", fp);
    fnet_opts_print(fp, own);
    free(own);
    fputs("\ndiagram options:\n", fp);
    fnet_opts_print(fp, diagram_options);
    fputs("\ngraph options:\n", fp);
    fnet_opts_print(fp, fnet_graphopts_options);
    fnet_cli_input_help(fp);
}

void fnet_diagopts_help(FILE *fp)
{
    fputs(
        "\nThe diagram (docs/DIAGRAMS.md): node shape by entity type (actor\n"
        "ellipse, agreement box, strategy note; other types, in sorted order:\n"
        "hexagon, octagon, component, cylinder, diamond, parallelogram, ...),\n"
        "fill by --color-by (Paul Tol's colour-blind-safe 'light' colours),\n"
        "node area proportional to --size-by (a node grows to fit its label),\n"
        "edges coloured by relation (8 colours in relation name order; the\n"
        "arrowhead changes when colours repeat), pen width by\n"
        "weight, negative edges red and dashed, mixed-sign edges dotted,\n"
        "arrows only for directed relations. Facts between two entities are\n"
        "one edge unless --multi. A legend lists what appears; the caption\n"
        "counts the facts and sources behind the drawing and their years.\n"
        "Metrics and communities are computed on the whole filtered graph;\n"
        "--ego, --radius, --top and --collapse then cut the view. Default\n"
        "layout: neato (up to 150 nodes), sfdp (more); with --cluster-by\n"
        "they (or circo, twopi) lay out each cluster alone and neato places\n"
        "the clusters; overlap removal prism, splines routed around nodes\n"
        "(straight lines above 150 nodes or 500 edges). --layout fdp is not\n"
        "reproducible (Graphviz 2.42/2.43). Labels are data: quotes,\n"
        "backslashes, <>, & and line breaks display as written.\n"
        "The same input and options give byte-identical DOT (fixed order,\n"
        "fixed layout seed).\n",
        fp);
}

/* ---- pipeline ---------------------------------------------------------- */

typedef struct run {
    fnet_graph *g, *draw;
    fnet_metrics m;
    fnet_communities cm;
    bool has_m, has_cm;
    fnet_diagram_set *ds;
} run;

static int size_values(run *r, const fnet_diagopts *o, fnet_err *err)
{
    fnet_metrics_opts mo;
    if (o->size_metric < 0)
        return 0;
    fnet_metrics_opts_init(&mo);
    mo.want = FNET_METRIC_BIT(o->size_metric);
    mo.unweighted = o->g.unweighted;
    mo.weighted_paths = o->g.weighted_paths;
    mo.seed = o->co.seed;
    r->has_m = true;
    return fnet_metrics_compute(&r->m, r->g, &mo, err);
}

static int communities(run *r, const fnet_diagopts *o, fnet_err *err)
{
    const fnet_diagram_opts *v = &o->view;
    if (!v->collapse && v->color_by != FNET_COLOR_COMMUNITY &&
        v->cluster_by != FNET_CLUSTER_COMMUNITY)
        return 0;
    r->has_cm = true;
    return fnet_communities_detect(&r->cm, r->g, &o->co, err);
}

/* The entity of --ego NAME, resolved as facts' subjects are; *out stays
 * -1 without --ego. Returns 0 or FNET_EUSAGE (unknown or ambiguous: err
 * lists the candidates). */
static int ego_entity(int32_t *out, const fnet_corpus *c, const char *ref,
                      fnet_err *err)
{
    fnet_buf why = {0};
    int rc = 0;
    if (!ref)
        return 0;
    *out = fnet_corpus_lookup(c, ref, &why);
    if (*out < 0)
        rc = fnet_err_set(err, FNET_EUSAGE, "--ego: %s", fnet_buf_str(&why));
    fnet_buf_free(&why);
    return rc;
}

/* With a legend: fix the drawing, then pin the legend to its right. A
 * drawing with clusters laid out by factnet (output/clustered.h) is fixed
 * in any case: no Graphviz engine would draw it the same way. */
static int legend(Agraph_t *g, const fnet_diagram *d, const fnet_diagopts *o,
                  fnet_renderer *rr, fnet_err *err)
{
    double right = 0, top = 0;
    if (!o->dot.legend && !fnet_clustered_applies(g, NULL))
        return 0;
    int rc = fnet_render_fix(rr, g, &right, &top, err);
    if (!rc && o->dot.legend)
        rc = fnet_dot_add_legend(g, d, &o->dot, right + 24, top, err);
    return rc;
}

int fnet_diagopts_graph(Agraph_t **out, const fnet_corpus *c,
                        const fnet_diagopts *o, fnet_renderer *rr,
                        fnet_err *err)
{
    run r = {0};
    *out = NULL;
    int rc = fnet_graph_build(&r.g, c, &o->g.graph, err);
    if (!rc && r.g->opts.directed) {
        fnet_graph_opts u = o->g.graph;
        u.directed = false;
        rc = fnet_graph_build(&r.draw, c, &u, err);
    }
    if (!rc)
        rc = size_values(&r, o, err);
    if (!rc)
        rc = communities(&r, o, err);
    fnet_diagram_opts v = o->view;
    if (!rc)
        rc = ego_entity(&v.ego, c, o->ego, err);
    if (!rc) {
        v.size_by =
            o->size_metric >= 0 ? fnet_metric_name(o->size_metric) : NULL;
        rc = fnet_diagram_make(&r.ds, r.draw ? r.draw : r.g,
                               r.has_m ? r.m.value[o->size_metric] : NULL,
                               r.has_cm ? r.cm.community : NULL, &v, err);
    }
    if (!rc)
        rc = fnet_dot_build(out, &r.ds->d, &o->dot, err);
    if (!rc && (rc = legend(*out, &r.ds->d, o, rr, err)) != 0) {
        agclose(*out);
        *out = NULL;
    }
    fnet_diagram_free(r.ds);
    if (r.has_cm)
        fnet_communities_free(&r.cm);
    if (r.has_m)
        fnet_metrics_free(&r.m);
    fnet_graph_free(r.draw);
    fnet_graph_free(r.g);
    return rc;
}

/* ---- commands ---------------------------------------------------------- */

static int shared(void *o, int id, const char *value, const char *cmd)
{
    return fnet_diagopts_handle(o, id, value, cmd);
}

int fnet_diagopts_parse_args(const char *cmd, int argc, char **argv,
                             const fnet_opt *options, fnet_diagopts *o,
                             int help_id, void (*help)(void),
                             bool (*own)(void *ctx, int id, const char *v),
                             void *ctx, char **paths, size_t *n_paths,
                             bool *done)
{
    const fnet_arg_loop l = {cmd, options, shared, o, help_id, help, own, ctx};
    return fnet_args_loop(&l, argc, argv, paths, n_paths, done);
}

/* Loads, makes the diagram and writes it. Returns the exit status. */
static int draw(const fnet_diagcmd *cmd, char **paths, size_t n_paths,
                const fnet_diagopts *o)
{
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_renderer *r = NULL;
    Agraph_t *g = NULL;
    int status = fnet_cli_load(&c, cmd->name, paths, n_paths, &o->in);
    if (status != FNET_EXIT_OK)
        return status;
    int rc = fnet_renderer_new(&r, &err);
    if (rc == 0 && cmd->prepare)
        rc = cmd->prepare(cmd->ctx, r, &err);
    if (rc == 0)
        rc = fnet_diagopts_graph(&g, c, o, r, &err);
    if (rc == 0)
        rc = cmd->write(cmd->ctx, r, g, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage(cmd->name, "%s", err.msg);
    else if (rc)
        status = fnet_cli_fail(&err);
    if (g)
        agclose(g);
    fnet_renderer_free(r);
    fnet_corpus_free(c);
    return status;
}

int fnet_diagopts_command(const fnet_diagcmd *cmd, int argc, char **argv)
{
    fnet_diagopts o;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    bool done = false;
    if (!paths)
        return FNET_EXIT_INTERNAL;
    fnet_diagopts_init(&o);
    int status = fnet_diagopts_parse_args(cmd->name, argc, argv, cmd->options,
                                          &o, cmd->help_id, cmd->help, cmd->own,
                                          cmd->ctx, paths, &n_paths, &done);
    if (status == FNET_EXIT_OK && !done &&
        ((cmd->check && cmd->check(cmd->ctx) != 0) ||
         fnet_diagopts_finish(&o, cmd->name) != 0))
        status = FNET_EXIT_USAGE;
    if (status == FNET_EXIT_OK && !done)
        status = draw(cmd, paths, n_paths, &o);
    free(paths);
    return status;
}

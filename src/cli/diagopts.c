/* diagopts.c - diagram options and pipeline shared by dot and render
 * (diagopts.h). */
#include "cli/diagopts.h"

#include "core/buf.h"
#include "core/child.h"
#include "input/validate.h"
#include "job/job.h"
#include "output/diagram/style.h"

#include <stdlib.h>
#include <string.h>

void fnet_diagopts_init(fnet_diagopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_graphopts_init(&o->g);
    fnet_community_opts_init(&o->co);
    fnet_diagram_opts_init(&o->view);
    fnet_dot_opts_init(&o->dot);
    fnet_print_opts_init(&o->print);
    o->size_metric = FNET_M_PAGERANK;
}

/* --width, --height: a length in in, cm, mm or pt (output/diagram/print.h's
 * one parser), in points into a double. */
static int length(void *field, const char *v, const char *cmd, const char *opt)
{
    const char *unit = NULL;
    double pt = 0;
    int rc = fnet_print_length(v, &pt, &unit);
    if (rc == -2 && *unit) {
        const char *near = fnet_opt_near(unit, fnet_print_units);
        for (size_t i = 0; !near && fnet_print_units[i]; i++)
            if (strncmp(unit, fnet_print_units[i], 2) == 0)
                near = fnet_print_units[i]; /* inch, pts, mm. */
        fnet_cli_usage_near(cmd, near,
                            "--%s: unknown unit '%s' in '%s' (expected in, "
                            "cm, mm or pt)",
                            opt, unit, v);
        return -1;
    }
    if (rc) {
        fnet_cli_usage(cmd,
                       "--%s: expected a positive length with a unit "
                       "(3.5in, 89mm, 8.9cm, 252pt), got '%s'",
                       opt, v);
        return -1;
    }
    if (pt < 36 || pt > 14400) {
        fnet_cli_usage(cmd, "--%s: '%s' is %.0f pt: expected 0.5in to 200in",
                       opt, v, pt);
        return -1;
    }
    *(double *)field = pt;
    return 0;
}

static int width(void *field, const char *v, const char *cmd)
{
    return length(field, v, cmd, "width");
}

static int height(void *field, const char *v, const char *cmd)
{
    return length(field, v, cmd, "height");
}

static const char *const layouts[] = {"dot",   "neato", "fdp", "sfdp",
                                      "circo", "twopi", NULL};

/* --layout: a Graphviz engine (output/diagram/dot.h); fdp with a warning. */
static int layout(void *field, const char *v, const char *cmd)
{
    if (!fnet_dot_layout_known(v)) {
        fnet_cli_usage_near(cmd, fnet_opt_near(v, layouts),
                            "--layout: expected dot, neato, fdp, sfdp, "
                            "circo or twopi, got '%s'",
                            v);
        return -1;
    }
    /* fdp orders its work by node addresses (output/diagram/clustered.h). */
    if (strcmp(v, "fdp") == 0)
        fnet_cli_error("warning: --layout fdp: Graphviz's fdp may draw "
                       "another layout on each run; the default layout "
                       "(neato or sfdp) gives the same drawing every "
                       "time");
    *(const char **)field = v;
    return 0;
}

typedef fnet_diagopts D;

/* In the order of enum fnet_color_by, fnet_cluster_by, fnet_edge_labels. */
static const char *const color[] = {"community", "type", "none", NULL};
static const char *const cluster[] = {"none", "community", "type", NULL};
static const char *const labels[] = {"none", "relation", "date", "count", NULL};
static const char *const collapse[] = {"communities", NULL};
static const int collapse_code[] = {true};
static const char *const no_size[] = {"none", NULL};
static const int no_size_code[] = {-1};

static const char *const places[] = {"right", "below", "none", "separate",
                                     NULL};
static const int place_code[] = {FNET_LEGEND_RIGHT, FNET_LEGEND_BELOW,
                                 FNET_LEGEND_NONE, FNET_LEGEND_SEPARATE};

/* Sorted by name. */
/* clang-format off */
const fnet_opt fnet_printopts_spec[] = {
    FNET_WHOLE("dpi", D, print.dpi, 36, 2400, "N",
               "PNG resolution, recorded in the file (default 300 with "
               "--width)"),
    FNET_STRING("font", 0, D, dot.font, "NAME",
                "font family (default DejaVu Sans; Liberation Sans with "
                "--width)"),
    FNET_FLAG("grayscale", 0, D, dot.grey, "greys only, nothing lost"),
    FNET_CALL("height", D, print.height, height, "LEN",
              "--width: the page LEN tall (default: as tall as the figure, "
              "at most 8.5in)"),
    FNET_CHOICE("legend", 0, D, print.legend, places, place_code, "WHERE",
                "right | below | none | separate (NAME.legend.EXT)"),
    FNET_REAL("min-font", D, print.min_font, 1, 100, "PT",
              "--width: no text smaller than PT points (default 6)"),
    FNET_FLAG("preflight", 0, D, print.preflight,
              "render: report page, smallest text, thinnest line, fonts, "
              "greys"),
    FNET_CALL("width", D, print.width, width, "LEN",
              "lay out for a page LEN wide: 3.5in, 89mm, 183mm, 7in"),
    {0},
};

const fnet_opt fnet_diagopts_spec[] = {
    FNET_CALL("algorithm", D, co.algorithm, fnet_opt_algorithm, "A",
              "community algorithm, as for metrics (default leiden)"),
    FNET_CHOICE("cluster-by", 0, D, view.cluster_by, cluster, NULL, "BY",
                "draw a box around each community | type | none "
                "(default)"),
    FNET_CHOICE("collapse", 0, D, view.collapse, collapse, collapse_code,
                "communities", "one node per community, sized by members"),
    FNET_CHOICE("color-by", 0, D, view.color_by, color, NULL, "BY",
                "node fill: community (default) | type | none"),
    FNET_CHOICE("edge-labels", 0, D, view.edge_labels, labels, NULL, "WHAT",
                "relation | date | count | none (default)"),
    FNET_STRING("ego", 0, D, ego, "ID",
                "only the network around this entity (id, label or alias)"),
    FNET_CALL_OF("layout", D, dot.layout, layout, layouts, "ENGINE",
              "dot|neato|fdp|sfdp|circo|twopi (default: see below)"),
    FNET_FLAG("multi", 0, D, view.multi,
              "one edge per fact instead of one per pair"),
    {.name = "no-legend", .type = FNET_OPT_UNSET, FNET_FIELD(D, dot.legend),
     .help = "leave out the legend"},
    FNET_WHOLE("radius", D, view.radius, 0, 1e6, "R",
               "--ego: keep entities within R steps (default 1)"),
    FNET_RESOLUTION_OPTION(D, co.resolution, resolution_given,
                           "community resolution (leiden, louvain, "
                           "spinglass; default 1)"),
    FNET_SEED_OPTION(D, co.seed,
                     "community random seed (default 42)"),
    FNET_METRIC("size-by", D, size_metric, no_size, no_size_code,
                "a metric (degree, strength, betweenness, closeness, "
                "harmonic, eigenvector, pagerank, hub, authority, coreness, "
                "clustering, constraint, in_degree, out_degree) or none",
                "METRIC", "node area: pagerank (default), degree, ... or none"),
    FNET_STRING("title", 0, D, view.title, "TEXT",
                "title (default: the corpus title)"),
    FNET_WHOLE("top", D, view.top, 0, 1e15, "N",
               "keep the N nodes with the largest --size-by value"),
    FNET_WHOLE("wrap", D, dot.wrap, 0, 10000, "N",
               "wrap labels at N characters (default 16; 0: never)"),
    {0},
};
/* clang-format on */

/* The print options' own checks (--height needs --width; --legend none
 * and --no-legend agree; the print font with --width). 0, or -1 after a
 * usage error. */
static int print_finish(fnet_diagopts *o, const char *cmd)
{
    fnet_print_opts *p = &o->print;
    if (p->height > 0 && !(p->width > 0)) {
        fnet_cli_usage(cmd, "--height needs --width");
        return -1;
    }
    if (p->legend == FNET_LEGEND_NONE)
        o->dot.legend = false;
    if (!o->dot.legend)
        p->legend = FNET_LEGEND_NONE;
    if (p->width > 0 && !o->dot.font)
        o->dot.font = FNET_PRINT_FONT;
    return 0;
}

int fnet_diagopts_finish(fnet_diagopts *o, const char *cmd)
{
    if (fnet_graphopts_finish(&o->g, cmd) != 0 ||
        fnet_cli_input_check(cmd, &o->in) != FNET_EXIT_OK ||
        print_finish(o, cmd) != 0)
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
    if (!fnet_opt_resolution_ok(cmd, o->resolution_given, o->co.algorithm))
        return -1;
    o->co.unweighted = o->g.unweighted;
    return 0;
}

/* The command's own options, then the diagram, print, graph and input
 * ones. */
static void groups(fnet_opt_group g[6], const fnet_opt *own, void *own_base,
                   fnet_diagopts *o, bool print)
{
    size_t n = 0;
    g[n++] =
        (fnet_opt_group){.title = "options", .opts = own, .base = own_base};
    g[n++] = (fnet_opt_group){.title = "diagram options",
                              .opts = fnet_diagopts_spec,
                              .base = o,
                              .rules = fnet_diagopts_rules};
    if (print)
        g[n++] = (fnet_opt_group){.title = "print options",
                                  .opts = fnet_printopts_spec,
                                  .base = o,
                                  .rules = fnet_printopts_rules};
    g[n++] = (fnet_opt_group)FNET_GRAPHOPTS_GROUP(&o->g);
    g[n++] = (fnet_opt_group)FNET_CLI_INPUT_GROUP(&o->in);
    g[n] = (fnet_opt_group){0};
}

const char fnet_printopts_rules[] =
    "Figures for print (docs/DIAGRAMS.md): with --width the page is exactly\n"
    "that wide and the drawing is laid out for it, node labels at 9, 8, 7\n"
    "pt or --min-font, pens and gaps to match, then measured: every text\n"
    "is at least --min-font and every line at least 0.3 pt at final size,\n"
    "or nothing is written (exit status 5) and the message names what\n"
    "would make it fit. The legend goes right, or below when right does\n"
    "not fit; --legend separate writes it to NAME.legend.EXT. PNG is\n"
    "--width x --dpi pixels; PDF and EPS embed their fonts.";

const char fnet_diagopts_rules[] =
    "The diagram (docs/DIAGRAMS.md): node shape by entity type (actor\n"
    "ellipse, agreement box, strategy note; other types, in sorted order:\n"
    "hexagon, octagon, component, cylinder, diamond, parallelogram, ...),\n"
    "fill by --color-by (Paul Tol's colour-blind-safe 'light' hues at\n"
    "distinct lightness, groups 5-8 with a dashed outline, so up to 8\n"
    "communities survive a greyscale print),\n"
    "node area proportional to --size-by (a node grows to fit its label),\n"
    "one look per relation drawn (colour, then arrowhead or end marker,\n"
    "then double line; no two relations drawn share one), pen width by\n"
    "weight, negative edges red and dashed, mixed-sign edges dotted,\n"
    "arrows only for directed relations. Facts between two entities are\n"
    "one edge unless --multi. A legend lists what appears; the caption\n"
    "counts the facts and sources behind the drawing and their years.\n"
    "Metrics are computed on the whole filtered graph, communities on\n"
    "the whole corpus (same view) so that every filtered view keeps their\n"
    "numbers and colours; --ego, --radius, --top and --collapse then cut\n"
    "the view. Default\n"
    "layout: neato (up to 150 nodes), sfdp (more); with --cluster-by\n"
    "they (or circo, twopi) lay out each cluster alone and neato places\n"
    "the clusters; overlap removal prism, splines routed around nodes\n"
    "(straight lines above 150 nodes or 500 edges). --layout fdp is not\n"
    "reproducible (Graphviz 2.42/2.43). Labels are data: quotes,\n"
    "backslashes, <>, & and line breaks display as written.\n"
    "The same input and options give byte-identical DOT (fixed order,\n"
    "fixed layout seed).";

/* ---- pipeline ---------------------------------------------------------- */

/* What the diagram needs from the job layer: the --size-by metric and,
 * when the view shows them, communities; the undirected version of a
 * directed graph to draw. */
static void job_opts(const fnet_diagopts *o, fnet_job_opts *jo)
{
    const fnet_diagram_opts *v = &o->view;
    fnet_graphopts_job(jo, &o->g, &o->co);
    jo->want = o->size_metric >= 0 ? FNET_METRIC_BIT(o->size_metric) : 0;
    jo->communities = v->collapse || v->color_by == FNET_COLOR_COMMUNITY ||
                      v->cluster_by == FNET_CLUSTER_COMMUNITY;
    jo->draw_undirected = true;
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

/* The whole corpus's communities for the drawn graph's nodes, and in grey
 * cluster boxes when there are more of them than greys and outlines
 * tell apart (fnet_style_fill_count). */
static int communities(uint32_t **out, fnet_diagram_opts *v,
                       const fnet_job *job, const fnet_corpus *c,
                       const fnet_diagopts *o, const fnet_job_opts *jo,
                       fnet_err *err)
{
    uint32_t n = 0;
    if (!job->has_cm)
        return 0;
    int rc = fnet_job_corpus_communities(out, &n, job, c, &o->g.graph, jo, err);
    if (!rc && o->dot.grey && v->color_by == FNET_COLOR_COMMUNITY &&
        v->cluster_by == FNET_CLUSTER_NONE && !v->collapse &&
        n > (uint32_t)fnet_style_fill_count(true))
        v->cluster_by = FNET_CLUSTER_COMMUNITY;
    return rc;
}

int fnet_diagopts_graph(Agraph_t **out, const fnet_corpus *c,
                        const fnet_diagopts *o, fnet_renderer *rr,
                        fnet_err *err)
{
    fnet_figure f;
    int rc = fnet_diagopts_figure(&f, c, o, rr, err);
    *out = rc ? NULL : f.g;
    if (!rc)
        f.g = NULL;
    fnet_figure_free(&f);
    return rc;
}

/* With a legend, the drawing is fixed and the legend pinned beside it;
 * a drawing with clusters laid out by factnet (output/diagram/clustered.h)
 * is fixed in any case: no Graphviz engine would draw it the same way
 * (output/diagram/print.h). */
int fnet_diagopts_figure(fnet_figure *out, const fnet_corpus *c,
                         const fnet_diagopts *o, fnet_renderer *rr,
                         fnet_err *err)
{
    fnet_job job = {0};
    fnet_job_opts jo;
    fnet_diagram_set *ds = NULL;
    uint32_t *cm = NULL;
    memset(out, 0, sizeof *out);
    job_opts(o, &jo);
    int rc = fnet_job_run(&job, c, &o->g.graph, &jo, err);
    fnet_diagram_opts v = o->view;
    if (!rc)
        rc = ego_entity(&v.ego, c, o->ego, err);
    if (!rc)
        rc = communities(&cm, &v, &job, c, o, &jo, err);
    if (!rc) {
        v.size_by =
            o->size_metric >= 0 ? fnet_metric_name(o->size_metric) : NULL;
        rc = fnet_diagram_make(&ds, fnet_job_draw(&job),
                               job.has_m ? job.m.value[o->size_metric] : NULL,
                               cm, &v, err);
    }
    if (!rc)
        rc = fnet_print_figure(out, &ds->d, &o->dot, &o->print, rr, err);
    if (!rc && !o->quiet && o->notes)
        fnet_graphopts_notes_to(o->notes, &job);
    else if (!rc && !o->quiet)
        fnet_graphopts_notes(o->in.progress, &job);
    free(cm);
    fnet_diagram_free(ds);
    fnet_job_free(&job);
    return rc;
}

int fnet_diagopts_write_figure(const fnet_corpus *c, const fnet_diagopts *o,
                               fnet_renderer *r, const char *format,
                               const char *path, FILE *report, fnet_err *err)
{
    fnet_figure f;
    int rc = fnet_diagopts_figure(&f, c, o, r, err);
    if (!rc)
        rc = fnet_print_write(r, &f, &o->print, format, path, report, err);
    fnet_figure_free(&f);
    return rc;
}

/* build's print figure, written by fnet_child (core/child.h). */
typedef struct print_job {
    const fnet_corpus *c;
    const fnet_diagopts *o;
    fnet_renderer *r;
    const char *path;
} print_job;

static int print_figure(void *ctx, FILE *report, fnet_err *err)
{
    const print_job *pj = ctx;
    return fnet_diagopts_write_figure(pj->c, pj->o, pj->r, "pdf", pj->path,
                                      report, err);
}

/* The notes of the screen figure's job, one a line, as its pipeline would
 * have said them. */
static void say_notes(const fnet_buf *notes)
{
    const char *s = notes->len ? fnet_buf_str(notes) : "";
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        fnet_cli_error("note: %.*s", (int)n, s);
        s += n + (nl != NULL);
    }
}

int fnet_diagopts_build_figures(Agraph_t **screen, const fnet_corpus *c,
                                const fnet_diagopts *print, fnet_renderer *r,
                                const char *print_path, bool *printed,
                                fnet_err *err)
{
    fnet_diagopts o, p = *print;
    fnet_buf notes = {0};
    fnet_err serr = {0};
    fnet_child child;
    print_job pj = {.c = c, .o = &p, .r = r, .path = print_path};
    fnet_diagopts_init(&o);
    fnet_diagopts_finish(&o, "build");
    p.quiet = true; /* the screen figure's job says the notes once */
    o.dot.grey = print->dot.grey; /* build --grayscale */
    o.notes = &notes;             /* said after the print figure's warning */
    *screen = NULL;
    /* The two layouts are most of build's time: the print figure's in a
     * child while the screen figure's is made here (same files, same
     * messages in the same order as one after the other). */
    fnet_child_start(&child, print_figure, &pj,
                     print->parallel != FNET_JOB_SERIAL);
    bool forked = child.pid != 0;
    int src = forked ? fnet_diagopts_graph(screen, c, &o, r, &serr) : 0;
    int rc = fnet_child_finish(&child, stdout, err);
    *printed = rc == 0;
    if (rc == FNET_EFIT)
        fnet_cli_error("warning: %s not written: %s", print_path, err->msg);
    if (!forked && (!rc || rc == FNET_EFIT)) /* one after the other */
        src = fnet_diagopts_graph(screen, c, &o, r, &serr);
    if (!rc || rc == FNET_EFIT) {
        rc = src;
        if (src)
            *err = serr;
        else
            say_notes(&notes);
    }
    if (rc && *screen) {
        agclose(*screen);
        *screen = NULL;
    }
    fnet_buf_free(&notes);
    return rc;
}

/* ---- commands ---------------------------------------------------------- */

int fnet_diagopts_parse_args(const char *cmd, const fnet_opt *own,
                             void *own_base, fnet_diagopts *o, bool print,
                             int argc, char **argv, fnet_opt_result *r)
{
    fnet_opt_group g[6];
    groups(g, own, own_base, o, print);
    return fnet_opt_parse(cmd, g, true, argc, argv, r);
}

int fnet_diagopts_parse_print(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_diagopts *o, double width,
                              int argc, char **argv, fnet_opt_result *r)
{
    fnet_diagopts_init(o);
    o->print.width = width;
    const fnet_opt_group g[] = {
        {.title = "options", .opts = own, .base = own_base},
        {.title = "print options",
         .opts = fnet_printopts_spec,
         .base = o,
         .rules = fnet_printopts_rules},
        FNET_CLI_INPUT_GROUP(&o->in),
        {0},
    };
    int status = fnet_opt_parse(cmd, g, false, argc, argv, r);
    if (status == FNET_EXIT_OK && !r->done && fnet_diagopts_finish(o, cmd) != 0)
        status = FNET_EXIT_USAGE;
    if (status == FNET_EXIT_OK && !r->done) /* as metrics: a usage error */
        status = fnet_graphopts_parallel(cmd, &o->parallel, &o->in);
    return status;
}

int fnet_diagopts_parse_graph(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_diagopts *pd,
                              fnet_graphopts *g, fnet_cli_input *in, int argc,
                              char **argv, fnet_opt_result *r)
{
    const fnet_opt_group print = {.title = "print options",
                                  .opts = fnet_printopts_spec,
                                  .base = pd,
                                  .rules = fnet_printopts_rules};
    fnet_diagopts_init(pd);
    int status = fnet_graphopts_parse_args_with(cmd, own, own_base, &print, g,
                                                in, argc, argv, r);
    if (status == FNET_EXIT_OK && !r->done && print_finish(pd, cmd) != 0)
        status = FNET_EXIT_USAGE;
    return status;
}

/* Loads, makes the diagram and writes it. Returns the exit status. */
static int draw(const fnet_diagcmd *cmd, char **paths, size_t n_paths,
                const fnet_diagopts *o)
{
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_renderer *r = NULL;
    fnet_figure f = {0};
    int status = fnet_cli_load(&c, cmd->name, paths, n_paths, &o->in);
    if (status != FNET_EXIT_OK)
        return status;
    int rc = fnet_renderer_new(&r, &err);
    if (rc == 0 && cmd->prepare)
        rc = cmd->prepare(cmd->ctx, r, &err);
    if (rc == 0)
        rc = fnet_diagopts_figure(&f, c, o, r, &err);
    if (rc == 0)
        rc = cmd->write(cmd->ctx, r, &f, &o->print, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage(cmd->name, "%s", err.msg);
    else if (rc == FNET_EFIT)
        status = (fnet_cli_error("%s: %s", cmd->name, err.msg), FNET_EXIT_FIT);
    else if (rc)
        status = fnet_cli_fail(&err);
    fnet_figure_free(&f);
    fnet_renderer_free(r);
    fnet_corpus_free(c);
    return status;
}

int fnet_diagopts_command(const fnet_diagcmd *cmd, int argc, char **argv)
{
    fnet_diagopts o;
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = cmd->help};
    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_diagopts_init(&o);
    int status = fnet_diagopts_parse_args(cmd->name, cmd->options, cmd->ctx, &o,
                                          true, argc, argv, &r);
    if (status == FNET_EXIT_OK && !r.done) {
        if ((cmd->check && cmd->check(cmd->ctx) != 0) ||
            fnet_diagopts_finish(&o, cmd->name) != 0)
            status = FNET_EXIT_USAGE;
        else
            status = draw(cmd, r.paths, r.n_paths, &o);
    }
    free(r.paths);
    return status;
}

/* render.c - layout and rendering through gvc (see render.h). */
#include "output/diagram/render.h"

#include "core/outfile.h"
#include "output/diagram/clustered.h"
#include "output/diagram/fixed_clock.h"
#include "output/diagram/labels.h"

#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <strings.h>

struct fnet_renderer {
    GVC_t *gvc;
};

static const char *const formats[] = {"svg", "pdf", "png", "eps"};

/* The Graphviz device of a format: EPS through cairo, which embeds the
 * fonts (Graphviz's core PostScript writer only names them). */
static const char *device(const char *format)
{
    return strcmp(format, "eps") == 0 ? "eps:cairo" : format;
}

/* Graphviz prints warnings and errors through this process-wide hook;
 * factnet reports failures from return codes instead. */
static int quiet(char *msg)
{
    (void)msg;
    return 0;
}

int fnet_renderer_new(fnet_renderer **out, fnet_err *err)
{
    *out = NULL;
    fnet_renderer *r = calloc(1, sizeof *r);
    if (!r)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    agseterrf(quiet);
    agseterr(AGERR);
    r->gvc = gvContext();
    if (!r->gvc) {
        free(r);
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz: cannot create a rendering context");
    }
    *out = r;
    return 0;
}

void fnet_renderer_free(fnet_renderer *r)
{
    if (!r)
        return;
    gvFreeContext(r->gvc);
    free(r);
}

const char *fnet_render_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcasecmp(dot + 1, formats[i]) == 0)
            return formats[i];
    return NULL;
}

bool fnet_render_format_known(const char *format)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i]) == 0)
            return true;
    return false;
}

/* True when gvc lists a plugin of this kind ("device", "layout") named
 * name. */
static bool has_plugin(fnet_renderer *r, const char *kind, const char *name)
{
    int n = 0;
    bool found = false;
    char **list = gvPluginList(r->gvc, kind, &n, NULL);
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i], name) == 0)
            found = true;
        free(list[i]);
    }
    free(list);
    return found;
}

int fnet_render_check_format(fnet_renderer *r, const char *format,
                             fnet_err *err)
{
    if (!fnet_render_format_known(format))
        return fnet_err_set(err, FNET_EUSAGE,
                            "unknown output format '%s' "
                            "(expected svg, pdf, png or eps)",
                            format);
    if (!has_plugin(r, "device", format))
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz has no renderer for %s: install its "
                            "plugins (Debian: graphviz, libgvc6) and run "
                            "'dot -c' as root",
                            format);
    return 0;
}

/* True when g has a cluster subgraph (fdp draws them itself). */
static bool has_cluster(Agraph_t *g)
{
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        if (strncmp(agnameof(s), "cluster", 7) == 0)
            return true;
    return false;
}

/* Sets attribute name of obj to value; *was keeps the old value (NULL:
 * none) for put_back(). */
static void swap_in(void *obj, const char *name, const char *value, char **was)
{
    char *v = agget(obj, (char *)name);
    *was = v && *v ? agstrdup(agraphof(obj), v) : NULL;
    agsafeset(obj, (char *)name, (char *)value, "");
}

static void put_back(void *obj, const char *name, char *was)
{
    agsafeset(obj, (char *)name, was ? was : "", "");
    if (was)
        agstrfree(agraphof(obj), was);
}

/* Graphviz 2.42's prism overlap removal (overlap=prism, which
 * output/diagram/dot.c sets for every engine but dot) triangulates the
 * nodes with GTS and reads the triangles out of a hash table keyed by their
 * addresses, so its sums run in an order that follows the heap's addresses.
 * Those change from run to run (ASLR; Pango's font threads allocate while
 * labels are measured), and the node positions with them, in their last
 * bits (1e-12 pt). The edge router clips a spline at its nodes' boundaries
 * by bisection, which can turn those bits into an edge end points away
 * (tests/print/rerun.py). So the engine places the nodes without routing
 * the edges (fnet_render_layout), the nodes are pinned at their positions
 * as Graphviz writes them out (5 significant digits, `dot -Tdot`), and nop2
 * routes the edges from there, as for the clustered layout (clustered.h):
 * the same input gives the same figure. The attributes used meanwhile
 * (node and edge pos, bb, layout) are put back. */
static int settle(fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    size_t n = (size_t)agnnodes(g) + (size_t)agnedges(g) + 2, k = 2;
    char **was = calloc(n, sizeof *was), buf[64];
    if (!was) {
        gvFreeLayout(r->gvc, g);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    swap_in(g, "layout", "nop2", &was[0]);
    swap_in(g, "bb", "", &was[1]);
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        snprintf(buf, sizeof buf, "%.5g,%.5g", ND_coord(v).x, ND_coord(v).y);
        swap_in(v, "pos", buf, &was[k++]);
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e))
            swap_in(e, "pos", "", &was[k++]);
    }
    gvFreeLayout(r->gvc, g);
    int rc = gvLayout(r->gvc, g, "nop2");
    k = 2;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        put_back(v, "pos", was[k++]);
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e))
            put_back(e, "pos", was[k++]);
    }
    put_back(g, "bb", was[1]);
    put_back(g, "layout", was[0]);
    free(was);
    return rc ? fnet_err_set(err, FNET_EINTERNAL,
                             "Graphviz: routing the edges failed")
              : 0;
}

int fnet_render_layout(fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    const char *engine = agget(g, "layout");
    if (!engine || !*engine)
        engine = "fdp";
    bool clustered = fnet_clustered_applies(g, engine);
    /* The engines that remove overlaps get their edges routed again
     * (settle()); fdp draws its clusters itself. */
    bool settles = !clustered && strcmp(engine, "dot") != 0 &&
                   strncmp(engine, "nop", 3) != 0 && !has_cluster(g);
    /* The clustered layout also runs neato and nop2 (neato's plugin). */
    const char *missing = NULL;
    if (!has_plugin(r, "layout", engine))
        missing = engine;
    else if ((clustered || settles) && !has_plugin(r, "layout", "nop2"))
        missing = "nop2";
    if (missing)
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz has no layout engine '%s': install "
                            "its plugins (Debian: graphviz) and run "
                            "'dot -c' as root",
                            missing);
    if (clustered)
        return fnet_clustered_layout(r->gvc, g, engine, err);
    /* settle() routes the edges: the engine only places the nodes. */
    char *splines = NULL;
    if (settles)
        swap_in(g, "splines", "false", &splines);
    int rc = gvLayout(r->gvc, g, engine);
    if (settles)
        put_back(g, "splines", splines);
    if (rc != 0)
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz: layout with %s failed", engine);
    return settles ? settle(r, g, err) : 0;
}

void fnet_render_unlayout(fnet_renderer *r, Agraph_t *g)
{
    gvFreeLayout(r->gvc, g);
}

/* Sets attribute name of g (the root graph) to value. */
static void gset(Agraph_t *g, const char *name, const char *value)
{
    agsafeset(g, (char *)name, (char *)value, "");
}

/* Lays g out and records the layout in its attributes, its edge labels
 * placed (output/diagram/labels.h); g stays laid out on success. */
static int record(fnet_renderer *r, Agraph_t *g, unsigned *unplaced,
                  fnet_err *err)
{
    char *data = NULL;
    unsigned len = 0;
    int rc = fnet_render_layout(r, g, err);
    if (rc)
        return rc;
    /* Rendering to "dot" writes the layout into the graph's attributes
     * (pos, width, height, lp, bb): the output itself is not needed. */
    if (gvRenderData(r->gvc, g, "dot", &data, &len) != 0) {
        gvFreeRenderData(data);
        fnet_render_unlayout(r, g);
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz: cannot record the layout");
    }
    gvFreeRenderData(data);
    if ((rc = fnet_labels_place(g, unplaced, err)) != 0)
        fnet_render_unlayout(r, g);
    return rc;
}

/* Edge labels that found no clear place: the force-directed engines
 * spread the nodes further apart (sep and overlap_scaling, as a Graphviz
 * user would) and lay out again, at most SPREAD_ROUNDS times. */
#define SPREAD_ROUNDS 3
static bool spread(Agraph_t *g, const char *engine, int round)
{
    static const char *const sep[] = {"+8", "+12", "+16"};
    static const char *const scaling[] = {"-3", "-4", "-6"};
    if (round >= SPREAD_ROUNDS || strcmp(engine, "dot") == 0 ||
        strcmp(engine, "circo") == 0 || strcmp(engine, "twopi") == 0)
        return false;
    gset(g, "sep", sep[round]);
    gset(g, "overlap_scaling", scaling[round]);
    return true;
}

int fnet_render_fix(fnet_renderer *r, Agraph_t *g, double *right, double *top,
                    fnet_err *err)
{
    double box[4];
    int rc = fnet_render_fix_box(r, g, box, err);
    if (!rc) {
        *right = box[2];
        *top = box[3];
    }
    return rc;
}

int fnet_render_fix_box(fnet_renderer *r, Agraph_t *g, double box[4],
                        fnet_err *err)
{
    char engine[32], buf[160];
    const char *e = agget(g, "layout");
    snprintf(engine, sizeof engine, "%s", e && *e ? e : "fdp");
    bool clustered = fnet_clustered_applies(g, engine);
    unsigned unplaced = 0; /* those keep Graphviz's place */
    int rc = record(r, g, &unplaced, err);
    for (int round = 0; !rc && unplaced && spread(g, engine, round); round++) {
        fnet_render_unlayout(r, g);
        rc = record(r, g, &unplaced, err);
    }
    if (rc)
        return rc;
    box[0] = GD_bb(g).LL.x;
    box[1] = GD_bb(g).LL.y;
    box[2] = GD_bb(g).UR.x;
    box[3] = GD_bb(g).UR.y;
    fnet_render_unlayout(r, g);
    const char *start = agget(g, "start");
    snprintf(buf, sizeof buf, "laid out by %s%s%s%s", engine,
             clustered ? " cluster by cluster, clusters placed by neato" : "",
             start && *start ? ", start=" : "", start ? start : "");
    gset(g, "comment", buf);
    gset(g, "layout", "nop2");
    gset(g, "bb", ""); /* recomputed: things will be added */
    return 0;
}

/* cairo 1.16 stamps the time of rendering into a PDF's /CreationDate and
 * ignores SOURCE_DATE_EPOCH, so two renderings of the same graph differ.
 * The stamp is overwritten in place (same length, so the cross-reference
 * offsets stay valid) with the fixed time (fixed_clock.h: SOURCE_DATE_EPOCH
 * when it is set, else the Unix epoch): the same input then gives
 * byte-identical PDFs. (cairo 1.18 compresses the stamp out of reach; it
 * gets the fixed time from time() itself, fixed_clock.h. Both are needed:
 * under the sanitizers, whose runtime intercepts time(), cairo does not
 * reach factnet's time(), and this overwrite is what pins the stamp.) */
static void pdf_fix_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (D:";
    const size_t klen = sizeof key - 1;
    for (size_t i = 0; i + klen + 14 <= len; i++) {
        if (memcmp(data + i, key, klen) != 0)
            continue;
        char *digits = data + i + klen;
        for (int k = 0; k < 14; k++)
            if (digits[k] < '0' || digits[k] > '9')
                return;
        time_t t = fnet_fixed_clock_now();
        struct tm tm;
        char stamp[16];
        if (!gmtime_r(&t, &tm) ||
            strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm) != 14)
            return;
        memcpy(digits, stamp, 14);
        return;
    }
}

int fnet_render_data(fnet_renderer *r, Agraph_t *g, const char *format,
                     char **data, size_t *len, fnet_err *err)
{
    char *gv = NULL;
    unsigned n = 0;
    *data = NULL;
    *len = 0;
    int rc = fnet_render_check_format(r, format, err);
    if (rc)
        return rc;
    if (gvRenderData(r->gvc, g, device(format), &gv, &n) != 0 || !gv ||
        n == 0) {
        gvFreeRenderData(gv);
        return fnet_err_set(err, FNET_EINTERNAL,
                            "Graphviz: rendering %s failed", format);
    }
    /* Copy so that the caller frees with free(), not gvFreeRenderData. */
    *data = malloc(n);
    if (!*data) {
        gvFreeRenderData(gv);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    memcpy(*data, gv, n);
    *len = n;
    gvFreeRenderData(gv);
    if (strcmp(format, "pdf") == 0)
        pdf_fix_date(*data, *len);
    return 0;
}

int fnet_render_write(fnet_renderer *r, Agraph_t *g, const char *format,
                      const char *path, fnet_err *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = fnet_render_data(r, g, format, &data, &len, err);
    if (!rc)
        rc = fnet_outfile_write_all(path, data, len, err);
    free(data);
    return rc;
}

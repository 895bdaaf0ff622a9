/* export_gexf.c - GEXF 1.2 through libxml2 (see export_gexf.h). */
#include "output/export/export_gexf.h"

#include "output/export/xmlout.h"

static const char *gexf_type(int t)
{
    switch (t) {
    case FNET_XT_INT: return "integer";
    case FNET_XT_DOUBLE: return "double";
    case FNET_XT_BOOL: return "boolean";
    default: return "string";
    }
}

/* Node fields written as attributes: all but id and label. Edge fields:
 * all but weight, which is GEXF's own. */
static bool node_attribute(const fnet_xfield *f)
{
    return f->kind != FNET_XF_ID && f->kind != FNET_XF_LABEL;
}

static bool edge_attribute(const fnet_xfield *f)
{
    return f->kind != FNET_XF_WEIGHT;
}

/* Attribute ids are the field numbers. */
static void attributes(fnet_xml *w, const char *cls, const fnet_xfield *f,
                       size_t n, bool (*wanted)(const fnet_xfield *))
{
    char id[32];
    fnet_xml_start(w, "attributes");
    fnet_xml_attr(w, "class", cls);
    fnet_xml_attr(w, "mode", "static");
    for (size_t i = 0; i < n; i++) {
        if (!wanted(&f[i]))
            continue;
        snprintf(id, sizeof id, "%zu", i);
        fnet_xml_start(w, "attribute");
        fnet_xml_attr(w, "id", id);
        fnet_xml_attr(w, "title", f[i].name);
        fnet_xml_attr(w, "type", gexf_type(f[i].type));
        fnet_xml_end(w);
    }
    fnet_xml_end(w);
}

/* One <attvalue>, opening <attvalues> first when *open is false. */
static void attvalue(fnet_xml *w, size_t i, const fnet_xvalue *v, bool *open)
{
    char id[32], num[32];
    const char *s;
    if (!*open) {
        fnet_xml_start(w, "attvalues");
        *open = true;
    }
    snprintf(id, sizeof id, "%zu", i);
    s = fnet_export_text(v, num);
    fnet_xml_start(w, "attvalue");
    fnet_xml_attr(w, "for", id);
    fnet_xml_attr(w, "value", s);
    fnet_xml_end(w);
}

static void span(fnet_xml *w, fnet_date first, fnet_date last)
{
    char a[11], b[11];
    fnet_export_day(first, false, a);
    fnet_export_day(last, true, b);
    fnet_xml_attr(w, "start", a);
    fnet_xml_attr(w, "end", b);
}

static int node(fnet_xml *w, const fnet_export *x, uint32_t v, bool dynamic,
                fnet_buf *b)
{
    const fnet_entity *en = fnet_graph_node_entity(x->g, v);
    fnet_date first, last;
    fnet_xvalue val;
    bool open = false;
    fnet_xml_start(w, "node");
    fnet_xml_attr(w, "id", en->id);
    fnet_xml_attr(w, "label", en->label);
    if (dynamic && fnet_export_node_span(x, v, &first, &last))
        span(w, first, last);
    for (size_t i = 0; i < x->n_node_fields; i++) {
        if (!node_attribute(&x->node_fields[i]))
            continue;
        int r = fnet_export_node_value(x, &x->node_fields[i], v, b, &val);
        if (r < 0)
            return r;
        if (r)
            attvalue(w, i, &val, &open);
    }
    if (open)
        fnet_xml_end(w);
    fnet_xml_end(w);
    return FNET_OK;
}

static int edge(fnet_xml *w, const fnet_export *x, uint32_t e, bool dynamic,
                fnet_buf *b)
{
    const fnet_edge *ed = &x->g->edges[e];
    char id[32], num[32];
    fnet_xvalue val;
    bool open = false;
    snprintf(id, sizeof id, "%u", e);
    fnet_export_real(ed->weight, num);
    fnet_xml_start(w, "edge");
    fnet_xml_attr(w, "id", id);
    fnet_xml_attr(w, "source", fnet_graph_node_entity(x->g, ed->from)->id);
    fnet_xml_attr(w, "target", fnet_graph_node_entity(x->g, ed->to)->id);
    fnet_xml_attr(w, "weight", num);
    if (ed->relation >= 0)
        fnet_xml_attr(w, "label", x->c->relations[ed->relation].name);
    if (dynamic && fnet_date_is_set(ed->first))
        span(w, ed->first, ed->last);
    for (size_t i = 0; i < x->n_edge_fields; i++) {
        if (!edge_attribute(&x->edge_fields[i]))
            continue;
        int r = fnet_export_edge_value(x, &x->edge_fields[i], e, b, &val);
        if (r < 0)
            return r;
        if (r)
            attvalue(w, i, &val, &open);
    }
    if (open)
        fnet_xml_end(w);
    fnet_xml_end(w);
    return FNET_OK;
}

static void header(fnet_xml *w, const fnet_export *x, bool dynamic)
{
    fnet_xml_start(w, "gexf");
    fnet_xml_attr(w, "xmlns", FNET_GEXF_NAMESPACE);
    fnet_xml_attr(w, "version", "1.2");
    fnet_xml_start(w, "meta");
    fnet_xml_element(w, "creator", "factnet " FNET_VERSION);
    if (x->c->title && x->c->title[0])
        fnet_xml_element(w, "description", x->c->title);
    fnet_xml_end(w);
    fnet_xml_start(w, "graph");
    fnet_xml_attr(w, "defaultedgetype",
                  x->g->opts.directed ? "directed" : "undirected");
    fnet_xml_attr(w, "mode", dynamic ? "dynamic" : "static");
    if (dynamic)
        fnet_xml_attr(w, "timeformat", "date");
    attributes(w, "node", x->node_fields, x->n_node_fields, node_attribute);
    attributes(w, "edge", x->edge_fields, x->n_edge_fields, edge_attribute);
}

int fnet_export_gexf(const fnet_export *x, FILE *fp, bool dynamic,
                     size_t *replaced, fnet_err *err)
{
    fnet_xml w;
    fnet_buf b = {0};
    int rc = fnet_xml_begin(&w, fp, err);
    if (rc)
        return rc;
    header(&w, x, dynamic);
    fnet_xml_start(&w, "nodes");
    for (uint32_t v = 0; rc == FNET_OK && v < x->g->n_nodes && !w.failed; v++)
        rc = node(&w, x, v, dynamic, &b);
    fnet_xml_end(&w);
    fnet_xml_start(&w, "edges");
    uint32_t ne = fnet_graph_edge_count(x->g);
    for (uint32_t e = 0; rc == FNET_OK && e < ne && !w.failed; e++)
        rc = edge(&w, x, e, dynamic, &b);
    fnet_buf_free(&b);
    *replaced = w.replaced;
    int frc = fnet_xml_finish(&w, err);
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "out of memory");
    return rc ? rc : frc;
}

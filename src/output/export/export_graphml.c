/* export_graphml.c - GraphML through libxml2 (see export_graphml.h). */
#include "output/export/export_graphml.h"

#include "output/export/xmlout.h"

#include <math.h>

static const char *graphml_type(int t)
{
    switch (t) {
    case FNET_XT_INT: return "int";
    case FNET_XT_DOUBLE: return "double";
    case FNET_XT_BOOL: return "boolean";
    default: return "string";
    }
}

static void key(fnet_xml *w, const char *id, const char *domain,
                const char *name, const char *type)
{
    fnet_xml_start(w, "key");
    fnet_xml_attr(w, "id", id);
    fnet_xml_attr(w, "for", domain);
    fnet_xml_attr(w, "attr.name", name);
    fnet_xml_attr(w, "attr.type", type);
    fnet_xml_end(w);
}

/* Node keys are n0, n1, ... by field number (id has none); edge keys e0,
 * e1, ...; graph keys g0 (title), g1 (view), g2 (modularity). */
static void keys(fnet_xml *w, const fnet_export *x)
{
    char id[32];
    key(w, "g0", "graph", "title", "string");
    key(w, "g1", "graph", "view", "string");
    if (x->cm)
        key(w, "g2", "graph", "modularity", "double");
    for (size_t i = 1; i < x->n_node_fields; i++) {
        snprintf(id, sizeof id, "n%zu", i);
        key(w, id, "node", x->node_fields[i].name,
            graphml_type(x->node_fields[i].type));
    }
    for (size_t i = 0; i < x->n_edge_fields; i++) {
        snprintf(id, sizeof id, "e%zu", i);
        key(w, id, "edge", x->edge_fields[i].name,
            graphml_type(x->edge_fields[i].type));
    }
}

static void data(fnet_xml *w, const char *key_id, const char *text)
{
    fnet_xml_start(w, "data");
    fnet_xml_attr(w, "key", key_id);
    fnet_xml_text(w, text);
    fnet_xml_end(w);
}

static int node(fnet_xml *w, const fnet_export *x, uint32_t v, fnet_buf *b)
{
    char id[32], num[32];
    const char *s;
    fnet_xvalue val;
    fnet_xml_start(w, "node");
    fnet_xml_attr(w, "id", fnet_graph_node_entity(x->g, v)->id);
    for (size_t i = 1; i < x->n_node_fields; i++) {
        int r = fnet_export_node_value(x, &x->node_fields[i], v, b, &val);
        if (r < 0)
            return r;
        if (!r)
            continue;
        snprintf(id, sizeof id, "n%zu", i);
        s = fnet_export_text(&val, num);
        data(w, id, s);
    }
    fnet_xml_end(w);
    return FNET_OK;
}

static int edge(fnet_xml *w, const fnet_export *x, uint32_t e, fnet_buf *b)
{
    char id[32], num[32];
    const char *s;
    fnet_xvalue val;
    const fnet_edge *ed = &x->g->edges[e];
    fnet_xml_start(w, "edge");
    fnet_xml_attr(w, "source", fnet_graph_node_entity(x->g, ed->from)->id);
    fnet_xml_attr(w, "target", fnet_graph_node_entity(x->g, ed->to)->id);
    for (size_t i = 0; i < x->n_edge_fields; i++) {
        int r = fnet_export_edge_value(x, &x->edge_fields[i], e, b, &val);
        if (r < 0)
            return r;
        if (!r)
            continue;
        snprintf(id, sizeof id, "e%zu", i);
        s = fnet_export_text(&val, num);
        data(w, id, s);
    }
    fnet_xml_end(w);
    return FNET_OK;
}

static void graph_data(fnet_xml *w, const fnet_export *x)
{
    char num[32];
    if (x->c->title && x->c->title[0])
        data(w, "g0", x->c->title);
    data(w, "g1", x->g->opts.view == FNET_VIEW_ACTORS ? "actors" : "full");
    if (x->cm && !isnan(x->cm->modularity)) {
        fnet_export_real(x->cm->modularity, num);
        data(w, "g2", num);
    }
}

int fnet_export_graphml(const fnet_export *x, FILE *fp, size_t *replaced,
                        fnet_err *err)
{
    fnet_xml w;
    fnet_buf b = {0};
    int rc = fnet_xml_begin(&w, fp, err);
    if (rc)
        return rc;
    fnet_xml_start(&w, "graphml");
    fnet_xml_attr(&w, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    fnet_xml_attr(&w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    fnet_xml_attr(&w, "xsi:schemaLocation",
                  "http://graphml.graphdrawing.org/xmlns "
                  "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    keys(&w, x);
    fnet_xml_start(&w, "graph");
    fnet_xml_attr(&w, "id", "G");
    fnet_xml_attr(&w, "edgedefault",
                  x->g->opts.directed ? "directed" : "undirected");
    graph_data(&w, x);
    for (uint32_t v = 0; rc == FNET_OK && v < x->g->n_nodes && !w.failed; v++)
        rc = node(&w, x, v, &b);
    uint32_t ne = fnet_graph_edge_count(x->g);
    for (uint32_t e = 0; rc == FNET_OK && e < ne && !w.failed; e++)
        rc = edge(&w, x, e, &b);
    fnet_buf_free(&b);
    *replaced = w.replaced;
    int frc = fnet_xml_finish(&w, err);
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "out of memory");
    return rc ? rc : frc;
}

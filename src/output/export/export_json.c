/* export_json.c - node-link JSON through cJSON (see export_json.h). */
#include "output/export/export_json.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A real as a JSON number that reads back to the same double (cJSON's own
 * printing may stop at 15 digits), or null when not finite. */
static cJSON *real(double d)
{
    char num[32];
    if (!isfinite(d))
        return cJSON_CreateNull();
    fnet_export_real(d, num);
    return cJSON_CreateRaw(num);
}

/* Adds name: value to obj. Returns false when out of memory. */
static bool add_value(cJSON *obj, const char *name, const fnet_xvalue *v)
{
    cJSON *item;
    switch (v->type) {
    case FNET_XT_INT: item = cJSON_CreateNumber((double)v->i); break;
    case FNET_XT_DOUBLE: item = real(v->d); break;
    case FNET_XT_BOOL: item = cJSON_CreateBool(v->b); break;
    default: item = cJSON_CreateString(v->s); break;
    }
    return item && cJSON_AddItemToObject(obj, name, item);
}

static bool add_aliases(cJSON *obj, const fnet_entity *en)
{
    cJSON *a = cJSON_AddArrayToObject(obj, "aliases");
    for (uint32_t i = 0; a && i < en->n_aliases; i++) {
        cJSON *s = cJSON_CreateString(en->aliases[i]);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            return false;
        }
    }
    return a != NULL;
}

static int node(cJSON *nodes, const fnet_export *x, uint32_t v, fnet_buf *b)
{
    cJSON *obj = cJSON_CreateObject();
    fnet_xvalue val;
    if (!obj || !cJSON_AddItemToArray(nodes, obj)) {
        cJSON_Delete(obj);
        return FNET_ENOMEM;
    }
    for (size_t i = 0; i < x->n_node_fields; i++) {
        const fnet_xfield *f = &x->node_fields[i];
        int r = fnet_export_node_value(x, f, v, b, &val);
        if (r < 0)
            return r;
        if (!r)
            continue;
        bool ok = f->kind == FNET_XF_ALIASES
                      ? add_aliases(obj, fnet_graph_node_entity(x->g, v))
                      : add_value(obj, f->name, &val);
        if (!ok)
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

static int link(cJSON *links, const fnet_export *x, uint32_t e, fnet_buf *b)
{
    const fnet_edge *ed = &x->g->edges[e];
    cJSON *obj = cJSON_CreateObject();
    fnet_xvalue val;
    if (!obj || !cJSON_AddItemToArray(links, obj)) {
        cJSON_Delete(obj);
        return FNET_ENOMEM;
    }
    if (!cJSON_AddStringToObject(obj, "source",
                                 fnet_graph_node_entity(x->g, ed->from)->id) ||
        !cJSON_AddStringToObject(obj, "target",
                                 fnet_graph_node_entity(x->g, ed->to)->id))
        return FNET_ENOMEM;
    for (size_t i = 0; i < x->n_edge_fields; i++) {
        int r = fnet_export_edge_value(x, &x->edge_fields[i], e, b, &val);
        if (r < 0)
            return r;
        if (r && !add_value(obj, x->edge_fields[i].name, &val))
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

static bool graph_attrs(cJSON *root, const fnet_export *x)
{
    cJSON *g = cJSON_AddObjectToObject(root, "graph");
    if (!g)
        return false;
    if (x->c->title && x->c->title[0] &&
        !cJSON_AddStringToObject(g, "title", x->c->title))
        return false;
    if (!cJSON_AddStringToObject(
            g, "view", x->g->opts.view == FNET_VIEW_ACTORS ? "actors" : "full"))
        return false;
    if (!x->cm || isnan(x->cm->modularity))
        return true;
    cJSON *m = real(x->cm->modularity);
    return m && cJSON_AddItemToObject(g, "modularity", m);
}

static int build(cJSON **out, const fnet_export *x)
{
    cJSON *root = cJSON_CreateObject(), *nodes, *links;
    fnet_buf b = {0};
    int rc = FNET_ENOMEM;
    *out = root;
    if (!root ||
        !cJSON_AddBoolToObject(root, "directed", x->g->opts.directed) ||
        !cJSON_AddBoolToObject(root, "multigraph", false) ||
        !graph_attrs(root, x) ||
        !(nodes = cJSON_AddArrayToObject(root, "nodes")) ||
        !(links = cJSON_AddArrayToObject(root, "links")))
        return rc;
    rc = FNET_OK;
    for (uint32_t v = 0; rc == FNET_OK && v < x->g->n_nodes; v++)
        rc = node(nodes, x, v, &b);
    for (uint32_t e = 0; rc == FNET_OK && e < fnet_graph_edge_count(x->g); e++)
        rc = link(links, x, e, &b);
    fnet_buf_free(&b);
    return rc;
}

int fnet_export_json(const fnet_export *x, FILE *fp, fnet_err *err)
{
    cJSON *root = NULL;
    char *text = NULL;
    int rc = build(&root, x);
    if (rc == FNET_OK && !(text = cJSON_Print(root)))
        rc = FNET_ENOMEM;
    cJSON_Delete(root);
    if (rc != FNET_OK)
        return fnet_err_set(err, rc, "out of memory");
    size_t n = strlen(text);
    bool failed = fwrite(text, 1, n, fp) != n || putc('\n', fp) == EOF;
    free(text);
    if (failed || ferror(fp))
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return FNET_OK;
}

/* export_gml.c - GML for NetworkX's read_gml (see export_gml.h). */
#include "output/export/export_gml.h"

#include "core/arena.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A string in quotes: printable ASCII as is but " and & as &quot; and
 * &amp; (named, so that igraph's reader decodes them too), the rest as
 * &#N;. Invalid UTF-8 (which the loaders reject) is written as U+FFFD. */
static void gml_string(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    putc('"', fp);
    while (i < n) {
        unsigned c = p[i];
        if (c == '"' || c == '&') {
            fputs(c == '"' ? "&quot;" : "&amp;", fp);
            i++;
            continue;
        }
        if (c >= 0x20 && c < 0x7F) {
            putc((int)c, fp);
            i++;
            continue;
        }
        size_t len = fnet_utf8_seq_len(p + i, n - i);
        unsigned long cp = 0xFFFD;
        if (len == 1)
            cp = c;
        else if (len > 1)
            for (size_t k = 0, m = 0x3Fu >> (len - 1); k < len; k++) {
                cp = k ? (cp << 6) | (p[i + k] & 0x3F) : (p[i] & m);
            }
        fprintf(fp, "&#%lu;", cp);
        i += len ? len : 1;
    }
    putc('"', fp);
}

/* A real as GML and NetworkX read it: with a decimal point ("2.0",
 * "1.0e-05"); infinities as INF / -INF. */
static void gml_real(FILE *fp, double v)
{
    char num[32];
    if (isinf(v)) {
        fputs(v < 0 ? "-INF" : "INF", fp);
        return;
    }
    fnet_export_real(v, num);
    size_t mant = strcspn(num, "eE");
    if (memchr(num, '.', mant))
        fputs(num, fp);
    else
        fprintf(fp, "%.*s.0%s", (int)mant, num, num + mant);
}

static void gml_value(FILE *fp, const fnet_xvalue *v)
{
    switch (v->type) {
    case FNET_XT_INT: fprintf(fp, "%lld", (long long)v->i); break;
    case FNET_XT_DOUBLE: gml_real(fp, v->d); break;
    case FNET_XT_BOOL: putc(v->b ? '1' : '0', fp); break;
    default: gml_string(fp, v->s); break;
    }
}

/* ---- keys -------------------------------------------------------------- */

typedef struct keys {
    const char **name; /* per node field: its GML key */
    fnet_arena arena;
} keys;

static bool used(const keys *k, size_t upto, const char *name)
{
    if (strcmp(name, "id") == 0 || strcmp(name, "label") == 0 ||
        strcmp(name, "name") == 0)
        return true;
    for (size_t i = 0; i < upto; i++)
        if (k->name[i] && strcmp(k->name[i], name) == 0)
            return true;
    return false;
}

/* The GML key of field name: valid characters, unique among the keys of
 * fields before it. */
static const char *gml_key(keys *k, size_t i, const char *name)
{
    size_t n = strlen(name);
    char *t = fnet_arena_alloc(&k->arena, n + 20);
    if (!t)
        return NULL;
    size_t o = 0;
    if (!((name[0] >= 'A' && name[0] <= 'Z') ||
          (name[0] >= 'a' && name[0] <= 'z')))
        t[o++] = 'a';
    for (size_t j = 0; j < n; j++) {
        char c = name[j];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '_';
        t[o++] = ok ? c : '_';
    }
    t[o] = '\0';
    for (unsigned suffix = 2; used(k, i, t); suffix++)
        snprintf(t + o, 16, "_%u", suffix);
    return t;
}

/* Keys of the node fields; id and label have theirs (name, label). */
static int node_keys(keys *k, const fnet_export *x)
{
    k->name = calloc(x->n_node_fields + 1, sizeof *k->name);
    if (!k->name)
        return FNET_ENOMEM;
    for (size_t i = 0; i < x->n_node_fields; i++) {
        const fnet_xfield *f = &x->node_fields[i];
        if (f->kind == FNET_XF_ID || f->kind == FNET_XF_LABEL)
            continue;
        if (!(k->name[i] = gml_key(k, i, f->name)))
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

/* ---- the graph --------------------------------------------------------- */

static int node(FILE *fp, const fnet_export *x, const keys *k, uint32_t v,
                fnet_buf *b)
{
    const fnet_entity *en = fnet_graph_node_entity(x->g, v);
    fnet_xvalue val;
    fprintf(fp, "  node [\n    id %u\n    label ", v);
    gml_string(fp, en->label);
    fputs("\n    name ", fp);
    gml_string(fp, en->id);
    putc('\n', fp);
    for (size_t i = 0; i < x->n_node_fields; i++) {
        if (!k->name[i])
            continue;
        int r = fnet_export_node_value(x, &x->node_fields[i], v, b, &val);
        if (r < 0)
            return r;
        if (!r)
            continue;
        fprintf(fp, "    %s ", k->name[i]);
        gml_value(fp, &val);
        putc('\n', fp);
    }
    fputs("  ]\n", fp);
    return FNET_OK;
}

static int edge(FILE *fp, const fnet_export *x, uint32_t e, fnet_buf *b)
{
    const fnet_edge *ed = &x->g->edges[e];
    fnet_xvalue val;
    fprintf(fp, "  edge [\n    source %u\n    target %u\n", ed->from, ed->to);
    for (size_t i = 0; i < x->n_edge_fields; i++) {
        int r = fnet_export_edge_value(x, &x->edge_fields[i], e, b, &val);
        if (r < 0)
            return r;
        if (!r)
            continue;
        fprintf(fp, "    %s ", x->edge_fields[i].name);
        gml_value(fp, &val);
        putc('\n', fp);
    }
    fputs("  ]\n", fp);
    return FNET_OK;
}

static void header(FILE *fp, const fnet_export *x)
{
    fprintf(fp, "graph [\n  directed %d\n", x->g->opts.directed ? 1 : 0);
    if (x->c->title && x->c->title[0]) {
        fputs("  title ", fp);
        gml_string(fp, x->c->title);
        putc('\n', fp);
    }
    fprintf(fp, "  view \"%s\"\n",
            x->g->opts.view == FNET_VIEW_ACTORS ? "actors" : "full");
    if (x->cm && !isnan(x->cm->modularity)) {
        fputs("  modularity ", fp);
        gml_real(fp, x->cm->modularity);
        putc('\n', fp);
    }
}

int fnet_export_gml(const fnet_export *x, FILE *fp, fnet_err *err)
{
    keys k = {0};
    fnet_buf b = {0};
    int rc = node_keys(&k, x);
    if (rc == FNET_OK)
        header(fp, x);
    for (uint32_t v = 0; rc == FNET_OK && v < x->g->n_nodes; v++)
        rc = node(fp, x, &k, v, &b);
    uint32_t ne = fnet_graph_edge_count(x->g);
    for (uint32_t e = 0; rc == FNET_OK && e < ne; e++)
        rc = edge(fp, x, e, &b);
    if (rc == FNET_OK)
        fputs("]\n", fp);
    fnet_buf_free(&b);
    free(k.name);
    fnet_arena_free(&k.arena);
    if (rc == FNET_ENOMEM)
        return fnet_err_set(err, rc, "out of memory");
    if (ferror(fp))
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return rc;
}

/* export_pajek.c - Pajek .net and .clu (see export_pajek.h). */
#include "output/export/export_pajek.h"

#include "core/strmap.h"

#include <errno.h>
#include <string.h>

/* Text of a quoted label or the title line: " becomes ', CR and LF a
 * space; nothing else is changed. */
static void pajek_text(FILE *fp, const char *s)
{
    for (; *s; s++)
        putc(*s == '"' ? '\'' : *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

static int finish(FILE *fp, fnet_err *err)
{
    if (ferror(fp))
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return FNET_OK;
}

int fnet_export_pajek(const fnet_export *x, FILE *fp, fnet_err *err)
{
    const fnet_graph *g = x->g;
    char num[32];
    if (x->c->title && x->c->title[0]) {
        fputs("*Network ", fp);
        pajek_text(fp, x->c->title);
        putc('\n', fp);
    }
    fprintf(fp, "*Vertices %u\n", g->n_nodes);
    for (uint32_t v = 0; v < g->n_nodes; v++) {
        fprintf(fp, "%u \"", v + 1);
        pajek_text(fp, fnet_graph_node_entity(g, v)->label);
        fputs("\"\n", fp);
    }
    fputs(g->opts.directed ? "*Arcs\n" : "*Edges\n", fp);
    for (uint32_t e = 0; e < fnet_graph_edge_count(g); e++) {
        fnet_export_real(g->edges[e].weight, num);
        fprintf(fp, "%u %u %s\n", g->edges[e].from + 1, g->edges[e].to + 1,
                num);
    }
    return finish(fp, err);
}

int fnet_export_pajek_clu(const fnet_export *x, FILE *fp, fnet_err *err)
{
    fprintf(fp, "*Vertices %u\n", x->g->n_nodes);
    for (uint32_t v = 0; v < x->g->n_nodes; v++)
        fprintf(fp, "%u\n", x->cm->community[v]);
    return finish(fp, err);
}

bool fnet_export_pajek_labels_clash(const fnet_export *x)
{
    fnet_strmap seen = {0};
    size_t dummy;
    bool clash = false;
    for (uint32_t v = 0; !clash && v < x->g->n_nodes; v++) {
        const char *l = fnet_graph_node_entity(x->g, v)->label;
        clash = fnet_strmap_get(&seen, l, strlen(l), &dummy);
        if (!clash && fnet_strmap_put(&seen, l, strlen(l), v) != FNET_OK)
            break; /* out of memory: no warning rather than a wrong one */
    }
    fnet_strmap_free(&seen);
    return clash;
}

/* pinned.c - shared node positions across diagrams (pinned.h). */
#include "output/diagram/pinned.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fnet_pinned_free(fnet_pinned *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        free(p->names[i]);
        free(p->pos[i]);
    }
    free(p->names);
    free(p->pos);
    fnet_strmap_free(&p->index);
    memset(p, 0, sizeof *p);
}

int fnet_pinned_record(fnet_pinned *out, fnet_renderer *r, Agraph_t *g,
                       fnet_err *err)
{
    memset(out, 0, sizeof *out);
    double box[4];
    int rc = fnet_render_fix_box(r, g, box, err);
    if (rc)
        return rc;
    out->left = box[0];
    out->bottom = box[1];
    out->right = box[2];
    out->top = box[3];
    size_t n = (size_t)agnnodes(g);
    out->names = calloc(n + 1, sizeof *out->names);
    out->pos = calloc(n + 1, sizeof *out->pos);
    if (!out->names || !out->pos)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        const char *name = agnameof(v), *pos = agget(v, "pos");
        double x, y;
        if (!pos || sscanf(pos, "%lf,%lf", &x, &y) != 2)
            continue; /* not laid out: never pinned */
        char buf[96];
        snprintf(buf, sizeof buf, "%.2f,%.2f!", x, y);
        size_t i = out->n;
        out->names[i] = strdup(name);
        out->pos[i] = strdup(buf);
        if (!out->names[i] || !out->pos[i]) {
            free(out->names[i]);
            free(out->pos[i]);
            return fnet_err_set(err, FNET_ENOMEM, "out of memory");
        }
        out->n++;
        if (fnet_strmap_put(&out->index, out->names[i], strlen(name), i))
            return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    return 0;
}

size_t fnet_pinned_apply(const fnet_pinned *p, Agraph_t *g)
{
    size_t missing = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        const char *name = agnameof(v);
        size_t i;
        if (fnet_strmap_get(&p->index, name, strlen(name), &i))
            agsafeset(v, "pos", p->pos[i], "");
        else
            missing++;
    }
    agsafeset(g, "layout", "nop2", "");
    agsafeset(g, "comment", "node positions shared by every period", "");
    return missing;
}

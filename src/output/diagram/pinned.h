/* pinned.h - node positions shared by several diagrams, so that a node
 * present in many of them stays in one place (`factnet evolve --dot`).
 *
 * One graph (the union of the diagrams) is laid out once with its own
 * engine; fnet_pinned_record() keeps every node's position by node name.
 * fnet_pinned_apply() pins the nodes of another graph at those positions
 * (pos="x,y!", in points) and switches it to the "nop2" engine (neato -n2),
 * which keeps the pinned nodes where they are and routes the edges. The
 * positions are those of output/diagram/dot.h's node names ("n_" + escaped id), so
 * both graphs must come from fnet_dot_build().
 *
 * Ownership: fnet_pinned owns its strings; free with fnet_pinned_free(). */
#ifndef FNET_PINNED_H
#define FNET_PINNED_H

#include "core/error.h"
#include "core/strmap.h"
#include "output/diagram/render.h"

#include <graphviz/cgraph.h>
#include <stddef.h>

typedef struct fnet_pinned {
    fnet_strmap index; /* node name -> index into names/pos */
    char **names, **pos;
    size_t n;
    double left, bottom, right, top; /* the layout's edges, in points */
} fnet_pinned;

/* Lays g out (fnet_render_fix: g then holds its positions and uses nop2)
 * and records the position of every node. Returns 0, FNET_EINTERNAL or
 * FNET_ENOMEM; the caller frees out with fnet_pinned_free() in every case. */
int fnet_pinned_record(fnet_pinned *out, fnet_renderer *r, Agraph_t *g,
                       fnet_err *err);

/* Pins every node of g found in p and sets g's layout to nop2. Returns
 * the number of nodes of g that p does not know (left for nop2 to refuse:
 * the caller treats a non-zero return as an internal error). */
size_t fnet_pinned_apply(const fnet_pinned *p, Agraph_t *g);

void fnet_pinned_free(fnet_pinned *p); /* NULL is allowed */

#endif

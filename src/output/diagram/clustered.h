/* clustered.h - a reproducible force-directed layout of a diagram with
 * clusters, laid out cluster by cluster.
 *
 * neato, sfdp, circo and twopi ignore clusters (neato draws their boxes
 * over each other, the others do not draw them), and fdp, the Graphviz engine made for them, is
 * not reproducible in Graphviz 2.42/2.43: its derived graphs order edges
 * and ports by comparing node addresses, and the heap differs from run to
 * run. This module lays a clustered graph out in three Graphviz passes,
 * each of them deterministic:
 *
 *   1. each cluster alone (its nodes and the edges inside it) with the
 *      graph's engine (neato, sfdp, circo or twopi; start=1), giving the
 *      cluster's shape
 *      and the size of its label;
 *   2. one graph with a box per cluster, as large as that shape plus its
 *      label and margin, a node per node outside clusters, and an edge
 *      between two of them when an edge of the diagram joins them, laid out
 *      by neato (start=1, overlap=prism), which places the clusters;
 *   3. the diagram itself with every node's pos and every cluster's bb and
 *      lp set from passes 1 and 2, by "nop2" (neato -n2), which keeps them
 *      and routes the edges.
 *
 * The result depends only on the graph: node, cluster and edge order
 * (output/diagram/graphids.h keeps cgraph's orders to creation order) and the
 * attributes. */
#ifndef FNET_CLUSTERED_H
#define FNET_CLUSTERED_H

#include "core/error.h"

#include <graphviz/gvc.h>
#include <stdbool.h>

/* True when g's engine (its `layout` attribute, or `engine` when that is
 * not NULL) is neato, sfdp, circo or twopi and g has a subgraph named
 * cluster...: such a graph is laid out by fnet_clustered_layout(). */
bool fnet_clustered_applies(Agraph_t *g, const char *engine);

/* Lays g out as described above with engine (one of the four) inside
 * the clusters. Sets `pos` on every node and `bb` and `lp` on every
 * top-level cluster, then leaves g laid out by nop2 (free it with
 * gvFreeLayout). Returns 0, FNET_ENOMEM, or FNET_EINTERNAL when Graphviz
 * fails. */
int fnet_clustered_layout(GVC_t *gvc, Agraph_t *g, const char *engine,
                          fnet_err *err);

#endif

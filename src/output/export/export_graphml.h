/* export_graphml.h - the graph as GraphML (graphml.graphdrawing.org), which
 * Gephi, Cytoscape, yEd, igraph and NetworkX read.
 *
 * Every node and edge field of the bundle (export.h) is declared as a
 * typed <key> (attr.type string, int, double or boolean) and written as a
 * <data> element wherever it has a value; the node id is the entity id and
 * is not repeated as data. The graph carries its title, view and, with
 * communities, the modularity. edgedefault follows --directed. Written with
 * libxml2 (xmlout.h): characters XML cannot carry become U+FFFD and are
 * counted in *replaced. docs/EXPORT.md. */
#ifndef FNET_EXPORT_GRAPHML_H
#define FNET_EXPORT_GRAPHML_H

#include "output/export/export.h"

#include <stdio.h>

/* Writes x to fp. Returns 0, FNET_EIO or FNET_ENOMEM with err set. */
int fnet_export_graphml(const fnet_export *x, FILE *fp, size_t *replaced,
                        fnet_err *err);

#endif

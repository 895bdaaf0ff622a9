/* export_gexf.h - the graph as GEXF 1.2 (namespace
 * http://www.gexf.net/1.2draft, version="1.2"), which Gephi and NetworkX
 * read.
 *
 * The node id is the entity id, the node label its label, the edge weight
 * GEXF's weight and the edge label its relation (when all its facts share
 * one); every other field of the bundle (export.h) is a typed attribute
 * (<attributes class="node"|"edge">, types string, integer, double,
 * boolean) with an <attvalue> wherever it has a value. The entity type is
 * the attribute "type".
 *
 * Dynamic mode (mode="dynamic" timeformat="date"): each dated edge gets
 * start and end (the first day of its earliest fact and the last day of
 * its latest end, inclusive), each node the span of its dated edges, so
 * that Gephi's timeline shows the network change; undated edges and nodes
 * without dated edges carry no interval and exist throughout. Written with
 * libxml2 (xmlout.h); *replaced counts characters XML cannot carry.
 * docs/EXPORT.md. */
#ifndef FNET_EXPORT_GEXF_H
#define FNET_EXPORT_GEXF_H

#include "output/export/export.h"

#include <stdbool.h>
#include <stdio.h>

#define FNET_GEXF_NAMESPACE "http://www.gexf.net/1.2draft"

/* Writes x to fp. Returns 0, FNET_EIO or FNET_ENOMEM with err set. */
int fnet_export_gexf(const fnet_export *x, FILE *fp, bool dynamic,
                     size_t *replaced, fnet_err *err);

#endif

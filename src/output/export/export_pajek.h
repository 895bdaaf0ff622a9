/* export_pajek.h - the graph as a Pajek network (.net) and its communities
 * as a Pajek partition (.clu), which Pajek, igraph (read_graph format
 * "pajek") and NetworkX (read_pajek) read.
 *
 *   *Network TITLE
 *   *Vertices 3
 *   1 "Japan"
 *   ...
 *   *Edges            (*Arcs when directed)
 *   1 2 2
 *
 * Vertices are numbered 1..n in node order and labelled with the entity
 * label. Pajek has no escape in quoted labels: a double quote in a label
 * is written as a single quote ('), and line breaks (CR, LF) as spaces;
 * the title gets the same treatment. Each edge line carries its weight
 * (shortest exact decimal). The partition lists, after "*Vertices n", each
 * vertex's community number, one per line. docs/EXPORT.md. */
#ifndef FNET_EXPORT_PAJEK_H
#define FNET_EXPORT_PAJEK_H

#include "output/export/export.h"

#include <stdio.h>

/* Writes the network to fp. Returns 0 or FNET_EIO with err set. */
int fnet_export_pajek(const fnet_export *x, FILE *fp, fnet_err *err);

/* Writes the community partition to fp; the bundle must have communities
 * (x->cm). Returns 0 or FNET_EIO with err set. */
int fnet_export_pajek_clu(const fnet_export *x, FILE *fp, fnet_err *err);

/* True when two nodes share a label: NetworkX's read_pajek names nodes by
 * label and would merge them. */
bool fnet_export_pajek_labels_clash(const fnet_export *x);

#endif

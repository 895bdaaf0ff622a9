/* export_gml.h - the graph as GML, in the dialect NetworkX's read_gml
 * reads (and igraph, Gephi, Cytoscape, yEd):
 *
 *   graph [ directed 0 node [ id 0 label "Japan" name "JPN" ... ]
 *           edge [ source 0 target 1 weight 2.0 ... ] ]
 *
 * Nodes are numbered 0..n-1 in node order; label is the entity label, name
 * the entity id, then every other field of the bundle (export.h) as a key.
 * GML files are ASCII: in strings, " and & are written &quot; and &amp;,
 * and every character outside printable ASCII as the character reference
 * &#N; (N the code point in decimal); NetworkX un-escapes both kinds,
 * igraph only the named ones. Reals always have a
 * decimal point (NetworkX reads "2" as an integer); booleans are 1 or 0.
 * A key may only hold ASCII letters, digits and _ and start with a letter:
 * other characters of an attribute name become _, a name not starting
 * with a letter gets an "a" in front, and a name already used gets _2,
 * _3, ... appended. docs/EXPORT.md. */
#ifndef FNET_EXPORT_GML_H
#define FNET_EXPORT_GML_H

#include "output/export/export.h"

#include <stdio.h>

/* Writes x to fp. Returns 0, FNET_EIO or FNET_ENOMEM with err set. */
int fnet_export_gml(const fnet_export *x, FILE *fp, fnet_err *err);

#endif

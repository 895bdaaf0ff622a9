/* export_json.h - the graph as node-link JSON, the form d3 and NetworkX's
 * node_link_graph() read:
 *
 *   {"directed": false, "multigraph": false,
 *    "graph": {"title": ..., "view": "full", "modularity": ...},
 *    "nodes": [{"id": "JPN", "label": "Japan", "type": "actor", ...}],
 *    "links": [{"source": "JPN", "target": "RCEP", "weight": 2, ...}]}
 *
 * Nodes and links carry every field of the bundle (export.h) that has a
 * value, as JSON strings, numbers and booleans; aliases are an array of
 * strings. Absent values are left out. Numbers are written so that they
 * read back to the same double. docs/EXPORT.md. */
#ifndef FNET_EXPORT_JSON_H
#define FNET_EXPORT_JSON_H

#include "output/export/export.h"

#include <stdio.h>

/* Writes x to fp. Returns 0, FNET_EIO or FNET_ENOMEM with err set. */
int fnet_export_json(const fnet_export *x, FILE *fp, fnet_err *err);

#endif

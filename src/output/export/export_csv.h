/* export_csv.h - the graph as tables: a node table and an edge table (for
 * Gephi's spreadsheet import, Cytoscape, R, pandas), and the node and
 * relationship files of `neo4j-admin database import` (docs/EXPORT.md).
 *
 * Node and edge tables: the node table has a column per node field of the
 * bundle (export.h), starting with id; the edge table has source and
 * target (entity ids), then a column per edge field. Absent values are
 * empty cells.
 *
 * Neo4j: the node file has id:ID, label, :LABEL (the entity type), then
 * the other node fields with their Neo4j types (name:long, name:double,
 * name:boolean; strings untyped). It lists the graph's nodes, then the
 * entities at the ends of the graph's facts that are not nodes (in the
 * actors view, the shared items), whose metrics are empty. The
 * relationship file has one row per fact behind the graph's edges, in file
 * order, from its subject to its object: :START_ID, :END_ID, :TYPE (the
 * relation name in upper case, ASCII letters only), relation,
 * directed:boolean, weight:double, sign:long, confidence:double, date,
 * until, fact (its id), location, sources (ids joined with "; "), evidence,
 * then the fact attributes (typed like node attributes). A ':' in an
 * attribute name, which Neo4j would read as a type, becomes '_'.
 *
 * Every table is written by the caller with output/tables/table.h (RFC 4180 CSV).
 * Each function returns 0 or FNET_ENOMEM with err set; the caller frees
 * *out with fnet_table_free(). */
#ifndef FNET_EXPORT_CSV_H
#define FNET_EXPORT_CSV_H

#include "output/export/export.h"
#include "output/tables/table.h"

int fnet_export_nodes_table(fnet_table **out, const fnet_export *x,
                            fnet_err *err);
int fnet_export_edges_table(fnet_table **out, const fnet_export *x,
                            fnet_err *err);

/* The bundle should be built with fact_ends, so that the attributes of the
 * extra entities have columns. */
int fnet_export_neo4j_nodes(fnet_table **out, const fnet_export *x,
                            fnet_err *err);
int fnet_export_neo4j_relationships(fnet_table **out, const fnet_export *x,
                                    fnet_err *err);

#endif

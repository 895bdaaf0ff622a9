/* evidence.h - the facts behind every edge of a graph, for citation.
 *
 * An evidence listing takes a built graph and lists each aggregated edge with
 * the facts it rests on, so that every line of a diagram or table can be
 * traced to its quote and source. The order is stable:
 * - Edges are ordered by the labels of their two ends, then by their ids.
 *   An undirected edge shows the end with the smaller label first; a
 *   directed edge shows from -> to.
 * - Within an edge, facts are ordered by date. Undated facts come last, and
 *   ties keep file order.
 *
 * Writers:
 * - Markdown: a section per edge, one list item per fact with its quote as a
 *   block quote, and a list of the cited sources at the end.
 * - LaTeX: a longtable with wrapped columns, headed per edge, and a list of
 *   the cited sources. It needs \usepackage{booktabs,longtable}, and a
 *   one-column page (longtable cannot be used in twocolumn mode). Or, for
 *   a two-column page, a list: a heading paragraph per edge and an item
 *   per fact, which breaks across columns and pages; it needs no
 *   package.
 * - A generic table with one row per (edge, fact) for csv, tsv and json, via
 *   output/tables/table.h.
 * docs/EVIDENCE.md shows each format.
 *
 * Ownership: a listing borrows its graph (and the graph's corpus), which must
 * outlive it; free it with fnet_evidence_free(). */
#ifndef FNET_EVIDENCE_H
#define FNET_EVIDENCE_H

#include "core/error.h"
#include "graph/graph.h"
#include "output/tables/table.h"

#include <stdint.h>
#include <stdio.h>

typedef struct fnet_evidence_edge {
    uint32_t edge;   /* edge id in the graph */
    uint32_t a, b;   /* its nodes in display order */
    uint64_t *facts; /* the edge's fact indices, in display order */
    uint32_t n_facts;
} fnet_evidence_edge;

typedef struct fnet_evidence {
    const fnet_graph *graph;
    fnet_evidence_edge *edges; /* in display order */
    uint32_t n_edges;
    uint64_t n_rows; /* sum of n_facts: one per (edge, fact) */
    uint64_t *pool;  /* storage behind every edges[i].facts */
} fnet_evidence;

/* Orders the graph's edges and their facts. Returns 0 or FNET_ENOMEM. The
 * caller frees *out with fnet_evidence_free(). O(E log E + F log F). */
int fnet_evidence_build(fnet_evidence **out, const fnet_graph *g,
                        fnet_err *err);

/* NULL is allowed. */
void fnet_evidence_free(fnet_evidence *ev);

/* One row per (edge, fact), with these columns:
 * - the edge: edge, from_id, from, to_id, to, edge_weight, edge_facts and
 *   edge_sign;
 * - the fact: date (ISO, "DATE/UNTIL" for a span), subject, relation,
 *   object, sign, confidence (empty when not given) and quote;
 * - its sources: source, source_title, source_author, source_date. A fact
 *   with several sources has them joined with "; ";
 * - location ("FILE: facts[12]", or "FILE:7" for JSON Lines).
 * edge is the edge's 1-based number in display order. Returns 0 or
 * FNET_ENOMEM. The caller frees *out with fnet_table_free(). */
int fnet_evidence_table(fnet_table **out, const fnet_evidence *ev,
                        fnet_err *err);

/* Writes the Markdown listing to fp. Returns 0, or FNET_EIO when fp has a
 * write error (err set). */
int fnet_evidence_write_md(const fnet_evidence *ev, FILE *fp, fnet_err *err);

/* Writes the LaTeX listing to fp: the longtable, or the list when list is
 * true (a bold caption heading and the \label before it). caption and
 * label may be NULL. Returns 0, or FNET_EIO when fp has a write error
 * (err set). */
int fnet_evidence_write_latex(const fnet_evidence *ev, FILE *fp,
                              const char *caption, const char *label, bool list,
                              fnet_err *err);

#endif

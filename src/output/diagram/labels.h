/* labels.h - edge labels placed on a laid-out graph: beside their own
 * edge, clear of every node and of each other.
 *
 * Graphviz's neato and sfdp leave edge labels out of the layout: a
 * `label` sits on the edge's midpoint, over whatever node is there, and
 * its own xlabel placer lets labels cover nodes when forced. factnet
 * therefore writes edge labels as xlabels and places them itself once the
 * graph is laid out (docs/DIAGRAMS.md, "Edge labels"): for each labelled
 * edge, in the graph's edge order, the first box at points along the edge
 * from its middle outwards, beside the point (above, below, left, right,
 * then the corners, then twice as far), that covers no node and no label
 * placed before; its position is written to the edge's `xlp`, which the
 * final pass keeps. Deterministic; O(L * (V + L)) for L labels.
 *
 * Ownership: works in place on the caller's graph; allocates nothing it
 * keeps. */
#ifndef FNET_LABELS_H
#define FNET_LABELS_H

#include "core/error.h"

#include <graphviz/gvc.h>

/* Places the xlabels of g, which must be laid out (gvLayout) and not yet
 * freed. *unplaced receives the number of labels for which no clear box
 * was found; those keep Graphviz's own position. Returns 0 or
 * FNET_ENOMEM. */
int fnet_labels_place(Agraph_t *g, unsigned *unplaced, fnet_err *err);

#endif

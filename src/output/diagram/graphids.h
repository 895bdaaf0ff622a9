/* graphids.h - cgraph graphs whose object ids follow creation order.
 *
 * cgraph's default id discipline makes a named object's id the address of
 * its interned name, and cgraph keeps subgraphs ordered by id: agwrite, the
 * renderers and the layout engines (fdp, dot) then visit clusters in an
 * order that depends on where malloc put the names. That differs from run
 * to run (Pango sets fonts up in a thread of its own), so the same diagram
 * came out with its clusters in another order. A graph opened here maps
 * names through a table of its own: the k-th distinct name gets id 2k + 2,
 * the k-th anonymous object (edge) id 2k + 1, so ids, and every order cgraph
 * derives from them, depend on the order of creation only. Names are kept
 * as cgraph strings of the graph, as agwrite expects.
 *
 * The table does not use cgraph's "internal map" either: Graphviz 2.42/2.43
 * empties that map for the whole graph whenever any subgraph is closed,
 * which the layout engines do with their temporary subgraphs.
 *
 * Ownership: the caller frees the graph with agclose(), which frees the
 * table too. */
#ifndef FNET_GRAPHIDS_H
#define FNET_GRAPHIDS_H

#include <graphviz/cgraph.h>

/* agopen(name, desc) with the discipline above. Returns NULL when out of
 * memory. */
Agraph_t *fnet_graphids_open(const char *name, Agdesc_t desc);

#endif

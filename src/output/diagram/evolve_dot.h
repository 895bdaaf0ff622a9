/* evolve_dot.h - `factnet evolve --dot DIR`: one diagram per period, every
 * node at the same place in every period.
 *
 * The union of the snapshots (one graph over the whole range) is laid out
 * once, with each node as large as it gets in any period; each non-empty
 * period's diagram (output/diagram/diagram.h and output/diagram/dot.h, as `factnet dot`:
 * node area by the rank metric, fill by persistent community, a community
 * keeping its palette colour across periods while it can) then has
 * its nodes pinned at those positions (output/diagram/pinned.h) and its legend
 * beside them. Files: DIR/PERIOD.dot and DIR/PERIOD.svg (the directory is
 * created if needed; each file is written atomically). docs/EVOLUTION.md,
 * "Diagrams". */
#ifndef FNET_EVOLVE_DOT_H
#define FNET_EVOLVE_DOT_H

#include "job/evolve.h"
#include "core/error.h"

/* Writes the diagrams. Returns 0, FNET_EIO (the directory or a file),
 * FNET_EINTERNAL (Graphviz) or FNET_ENOMEM, with err set. */
int fnet_evolve_dot(const fnet_evolution *e, const fnet_evolve_opts *o,
                    const char *dir, fnet_err *err);

#endif

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
#include "output/diagram/print.h"

/* Writes the diagrams. With print->width (output/diagram/print.h) every
 * period is laid out with node labels at max(8 pt, --min-font) in font
 * (NULL: FNET_PRINT_FONT) and its page made print->width wide; the legend is
 * below, in columns, or none with --legend none (print NULL: screen sizes). Every period is made and measured
 * before anything is written. In greys when grey (--grayscale: the palette
 * has FNET_STYLE_GREYS slots). Returns 0, FNET_EFIT (a period cannot be
 * drawn legibly at that width: nothing written), FNET_EIO (the directory
 * or a file), FNET_EINTERNAL (Graphviz) or FNET_ENOMEM, with err set. */
int fnet_evolve_dot(const fnet_evolution *e, const fnet_evolve_opts *o,
                    const fnet_print_opts *print, const char *font,
                    const char *dir, bool grey, fnet_err *err);

#endif

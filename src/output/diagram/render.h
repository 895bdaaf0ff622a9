/* render.h - in-process layout and rendering with Graphviz's gvc.
 *
 * No `dot` process is started: gvLayout() lays the graph out with the
 * engine named by its `layout` attribute, gvRenderData() renders it to
 * memory, and the bytes are written atomically through core/outfile.h, so a
 * failed render never leaves an empty or partial file behind.
 *
 * Formats: svg, pdf, png, eps (docs/DIAGRAMS.md; EPS through cairo, fonts
 * embedded as in PDF). A format or layout engine
 * whose Graphviz plugin is not installed is an FNET_EINTERNAL error naming
 * the missing plugin (exit status 4), checked before anything is written.
 *
 * Graphviz reports problems through a process-wide handler; creating a
 * renderer silences it (factnet reports failures from return codes).
 * Ownership: the caller frees a renderer with fnet_renderer_free(); the
 * graph stays the caller's. */
#ifndef FNET_RENDER_H
#define FNET_RENDER_H

#include "core/error.h"

#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_renderer fnet_renderer;

/* Creates a gvc context with the installed plugins. Returns 0 or
 * FNET_ENOMEM / FNET_EINTERNAL. */
int fnet_renderer_new(fnet_renderer **out, fnet_err *err);

/* NULL is allowed. */
void fnet_renderer_free(fnet_renderer *r);

/* The format for a path's extension (.svg, .pdf, .png, .eps, any case), or NULL
 * when the extension is none of them. */
const char *fnet_render_format_from_path(const char *path);

/* True for svg, pdf, png and eps. */
bool fnet_render_format_known(const char *format);

/* Returns 0 when Graphviz can render format, else FNET_EINTERNAL with the
 * missing plugin named in err (FNET_EUSAGE for a format factnet does not
 * offer). */
int fnet_render_check_format(fnet_renderer *r, const char *format,
                             fnet_err *err);

/* Lays g out with the engine in its `layout` attribute (default "fdp");
 * a neato or sfdp graph with clusters cluster by cluster
 * (output/diagram/clustered.h; g's nodes and clusters then hold pos, bb and lp).
 * Otherwise, with any engine but dot and nop2 (and fdp with clusters), it
 * only places the nodes and nop2 routes the edges from their positions as
 * written out, so that reruns give the same bytes (render.c, settle()).
 * Returns 0, FNET_ENOMEM or FNET_EINTERNAL (engine missing or failed).
 * Undo with fnet_render_unlayout() before changing or freeing g. */
int fnet_render_layout(fnet_renderer *r, Agraph_t *g, fnet_err *err);

void fnet_render_unlayout(fnet_renderer *r, Agraph_t *g);

/* Fixes the drawing so that more can be placed beside it (the legend):
 * lays g out with its engine, records the result in g's attributes (node
 * pos, width, height; edge pos and label positions; as `dot -Tdot` does)
 * and switches the graph to the "nop2" engine, which then draws exactly
 * those positions and routes only edges that have none. The engine used
 * goes into the graph's `comment`. *right and *top receive the drawing's
 * right and top edges in points. Returns 0 or FNET_EINTERNAL. */
int fnet_render_fix(fnet_renderer *r, Agraph_t *g, double *right, double *top,
                    fnet_err *err);

/* fnet_render_fix() giving the drawing's whole box: box[0..3] = left,
 * bottom, right, top in points. */
int fnet_render_fix_box(fnet_renderer *r, Agraph_t *g, double box[4],
                        fnet_err *err);

/* Renders the laid-out g to memory. On success *data (free with free())
 * holds *len bytes. Returns 0, FNET_EINTERNAL or FNET_ENOMEM. */
int fnet_render_data(fnet_renderer *r, Agraph_t *g, const char *format,
                     char **data, size_t *len, fnet_err *err);

/* Renders the laid-out g and writes it to path ("-": standard output)
 * through fnet_outfile. Returns 0 or an FNET_E* code. */
int fnet_render_write(fnet_renderer *r, Agraph_t *g, const char *format,
                      const char *path, fnet_err *err);

#endif

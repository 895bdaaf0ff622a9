/* dotesc.h - data strings turned into Graphviz attribute text that displays
 * exactly as the data.
 *
 * Why this exists: cgraph's agsafeset()/agwrite() quote a string but do not
 * escape it. A backslash in a DOT string is an escape for Graphviz twice
 * over: agwrite() writes it raw, so a value ending in '\' or holding '\"'
 * breaks the file's syntax, and a raw backslash before a newline is read
 * back differently; then the renderer expands \N, \G, \E, \n, \l, \r in
 * labels and tooltips, and decodes HTML entities (&amp;, &#92;) in both.
 * These functions produce values that survive agwrite/agread unchanged and
 * display as the original text (checked by tests/unit/test_dot.c and
 * tests/dot/check_svg.py against rendered SVG):
 *
 * - labels (escString): '\' -> "\\", '&' -> "&amp;", line breaks -> "\n";
 * - tooltips (expanded twice by Graphviz): '\' -> "\\\\", '&' -> "&amp;",
 *   line breaks -> "\n";
 * - text inside HTML-like labels: & < > " as entities, '\' -> "\\",
 *   line breaks -> <BR/>, tab -> space (HTML labels drop tabs).
 *
 * Everywhere, CR LF and a lone CR count as one line break, and the other
 * C0 control characters and DEL (which XML 1.0, hence SVG, cannot hold)
 * become their visible Unicode "control pictures" (U+2400 + code, U+2421
 * for DEL). No raw newline or control character is ever emitted, so the
 * DOT text round-trips through agread byte for byte.
 *
 * All functions append to out (see core/buf.h for its OOM rule) and can't
 * fail otherwise. Input is UTF-8 (the loader checks it). */
#ifndef FNET_DOTESC_H
#define FNET_DOTESC_H

#include "core/buf.h"

/* Value for a `label` (or `xlabel`, `headlabel`...) attribute. */
void fnet_dotesc_label(fnet_buf *out, const char *s);

/* Value for a `tooltip` attribute. */
void fnet_dotesc_tooltip(fnet_buf *out, const char *s);

/* Text to place inside an HTML-like label (between tags). */
void fnet_dotesc_html(fnet_buf *out, const char *s);

/* An identifier made of [A-Za-z0-9-] only: those bytes are kept, every
 * other byte (including '_') becomes "_XX" (two lower-case hex digits), so
 * that distinct inputs give distinct identifiers and '_' can separate
 * parts ("e_<from>_<to>"). Used for node names and SVG id/class values. */
void fnet_dotesc_id(fnet_buf *out, const char *s);

/* A CSS class name: [A-Za-z0-9_-] kept, every other byte "_XX" (as
 * above, but '_' stays readable: "party_to"). Not injective; classes only
 * group, ids identify. */
void fnet_dotesc_class(fnet_buf *out, const char *s);

/* The displayed form of s: line breaks normalised to '\n' and control
 * characters replaced by control pictures, as the functions above do.
 * Tests compare rendered text with this. */
void fnet_dotesc_display(fnet_buf *out, const char *s);

#endif

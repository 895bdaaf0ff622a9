/* htmlesc.h - data strings made safe for the three contexts of an HTML
 * page: element text, attribute values, and JSON inside a
 * <script type="application/json"> block.
 *
 * Why one set of rules: a report embeds labels, quotes and titles written
 * by anyone (docs/REPORT.md, "Safety"). A label such as
 * `</script><script>alert(1)</script>` must display as those characters and
 * never end an element, open a tag or run:
 *
 * - fnet_htmlesc_text(): & < > " ' become &amp; &lt; &gt; &quot; &#39;, so
 *   the result is safe both between tags and inside a quoted attribute
 *   value (and in inline SVG, which the HTML parser reads the same way).
 * - fnet_htmlesc_json(): a JSON string literal (with its quotes) in which
 *   < > & are \u003c \u003e \u0026 (so no "</script" or "<!--" can appear)
 *   and U+2028, U+2029 are \u2028 \u2029; " \ and control characters are
 *   escaped as JSON requires.
 *
 * Both normalise line breaks (CR LF and lone CR to LF) and replace the
 * other C0 control characters and DEL, which HTML treats as parse errors,
 * with their visible Unicode "control pictures" (U+2400 + code, U+2421 for
 * DEL), as output/diagram/dotesc.h does for the diagram, so a label reads the same
 * in the diagram, the tables and the panel. Tab and LF are kept. Input is
 * UTF-8 (the loader checks it).
 *
 * All functions append to out (core/buf.h: check fnet_buf_ok() once at the
 * end) and can't fail otherwise. */
#ifndef FNET_HTMLESC_H
#define FNET_HTMLESC_H

#include "core/buf.h"

/* Text for an element's content or a quoted attribute value. */
void fnet_htmlesc_text(fnet_buf *out, const char *s);

/* A JSON string literal, quotes included, safe inside a <script> block.
 * NULL gives `null`. */
void fnet_htmlesc_json(fnet_buf *out, const char *s);

/* A JSON number: the shortest of %.15g, %.16g, %.17g that reads back to
 * the same double; `null` for NaN and infinities (JSON has neither). */
void fnet_htmlesc_json_number(fnet_buf *out, double v);

#endif

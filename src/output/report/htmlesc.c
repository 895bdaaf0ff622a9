/* htmlesc.c - escaping for HTML text, attributes and JSON in <script>
 * (htmlesc.h). */
#include "output/report/htmlesc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The control picture of C0 character c (or DEL): U+2400 + c, U+2421. */
static void control_picture(fnet_buf *out, unsigned char c)
{
    unsigned cp = c == 0x7F ? 0x2421 : 0x2400 + c;
    char u[4] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                 (char)(0x80 | (cp & 0x3F)), 0};
    fnet_buf_puts(out, u);
}

/* Handles what both contexts treat alike: line breaks, tab and the other
 * control characters. Appends their normalised form and returns the
 * number of bytes consumed at s, or 0 when *s is none of them. */
static size_t special(const char *s, fnet_buf *out, bool json)
{
    unsigned char c = (unsigned char)*s;
    if (c == '\r') {
        fnet_buf_puts(out, json ? "\\n" : "\n");
        return s[1] == '\n' ? 2 : 1;
    }
    if (c == '\n' || c == '\t') {
        fnet_buf_puts(out, json ? (c == '\n' ? "\\n" : "\\t")
                                : (c == '\n' ? "\n" : "\t"));
        return 1;
    }
    if (c < 0x20 || c == 0x7F) {
        control_picture(out, c);
        return 1;
    }
    return 0;
}

void fnet_htmlesc_text(fnet_buf *out, const char *s)
{
    while (*s) {
        size_t k = special(s, out, false);
        if (k) {
            s += k;
            continue;
        }
        switch (*s) {
        case '&': fnet_buf_puts(out, "&amp;"); break;
        case '<': fnet_buf_puts(out, "&lt;"); break;
        case '>': fnet_buf_puts(out, "&gt;"); break;
        case '"': fnet_buf_puts(out, "&quot;"); break;
        case '\'': fnet_buf_puts(out, "&#39;"); break;
        default: fnet_buf_putc(out, *s);
        }
        s++;
    }
}

void fnet_htmlesc_json(fnet_buf *out, const char *s)
{
    if (!s) {
        fnet_buf_puts(out, "null");
        return;
    }
    fnet_buf_putc(out, '"');
    while (*s) {
        size_t k = special(s, out, true);
        if (k) {
            s += k;
            continue;
        }
        /* U+2028 and U+2029 are E2 80 A8 / E2 80 A9. */
        if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) {
            fnet_buf_puts(out, s[2] == (char)0xA8 ? "\\u2028" : "\\u2029");
            s += 3;
            continue;
        }
        switch (*s) {
        case '"': fnet_buf_puts(out, "\\\""); break;
        case '\\': fnet_buf_puts(out, "\\\\"); break;
        case '<': fnet_buf_puts(out, "\\u003c"); break;
        case '>': fnet_buf_puts(out, "\\u003e"); break;
        case '&': fnet_buf_puts(out, "\\u0026"); break;
        default: fnet_buf_putc(out, *s);
        }
        s++;
    }
    fnet_buf_putc(out, '"');
}

void fnet_htmlesc_json_number(fnet_buf *out, double v)
{
    char num[40];
    if (!isfinite(v)) {
        fnet_buf_puts(out, "null");
        return;
    }
    for (int p = 15; p <= 17; p++) {
        snprintf(num, sizeof num, "%.*g", p, v);
        if (strtod(num, NULL) == v)
            break;
    }
    fnet_buf_puts(out, num);
}

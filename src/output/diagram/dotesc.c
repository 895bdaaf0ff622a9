/* dotesc.c - Graphviz attribute escaping for data strings (see dotesc.h). */
#include "output/diagram/dotesc.h"

#include <stdbool.h>

enum esc_mode { ESC_LABEL, ESC_TOOLTIP, ESC_HTML, ESC_DISPLAY };

/* Appends the control picture for byte c (a C0 control or DEL). */
static void put_control_picture(fnet_buf *out, unsigned char c)
{
    unsigned cp = c == 0x7F ? 0x2421 : 0x2400 + c;
    char u[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                 (char)(0x80 | (cp & 0x3F))};
    fnet_buf_append(out, u, 3);
}

static void put_break(fnet_buf *out, int mode)
{
    switch (mode) {
    case ESC_HTML: fnet_buf_puts(out, "<BR/>"); break;
    case ESC_DISPLAY: fnet_buf_putc(out, '\n'); break;
    default: fnet_buf_puts(out, "\\n"); break;
    }
}

/* Appends the escaped form of one byte that is not a line break. */
static void put_byte(fnet_buf *out, unsigned char c, int mode)
{
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
        put_control_picture(out, c);
        return;
    }
    if (mode == ESC_DISPLAY) {
        fnet_buf_putc(out, (char)c);
        return;
    }
    switch (c) {
    case '\\':
        fnet_buf_puts(out, mode == ESC_TOOLTIP ? "\\\\\\\\" : "\\\\");
        return;
    case '&': fnet_buf_puts(out, "&amp;"); return;
    case '\t': fnet_buf_putc(out, mode == ESC_HTML ? ' ' : '\t'); return;
    }
    if (mode == ESC_HTML) {
        switch (c) {
        case '<': fnet_buf_puts(out, "&lt;"); return;
        case '>': fnet_buf_puts(out, "&gt;"); return;
        case '"': fnet_buf_puts(out, "&quot;"); return;
        }
    }
    fnet_buf_putc(out, (char)c);
}

static void escape(fnet_buf *out, const char *s, int mode)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        if (*p == '\r') {
            if (p[1] == '\n')
                p++;
            put_break(out, mode);
        } else if (*p == '\n') {
            put_break(out, mode);
        } else {
            put_byte(out, *p, mode);
        }
    }
}

void fnet_dotesc_label(fnet_buf *out, const char *s)
{
    escape(out, s, ESC_LABEL);
}

void fnet_dotesc_tooltip(fnet_buf *out, const char *s)
{
    escape(out, s, ESC_TOOLTIP);
}

void fnet_dotesc_html(fnet_buf *out, const char *s)
{
    escape(out, s, ESC_HTML);
}

void fnet_dotesc_display(fnet_buf *out, const char *s)
{
    escape(out, s, ESC_DISPLAY);
}

static void identifier(fnet_buf *out, const char *s, bool underscore)
{
    static const char hex[] = "0123456789abcdef";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' ||
                    (underscore && c == '_');
        if (keep) {
            fnet_buf_putc(out, (char)c);
        } else {
            char e[3] = {'_', hex[c >> 4], hex[c & 15]};
            fnet_buf_append(out, e, 3);
        }
    }
}

void fnet_dotesc_id(fnet_buf *out, const char *s)
{
    identifier(out, s, false);
}

void fnet_dotesc_class(fnet_buf *out, const char *s)
{
    identifier(out, s, true);
}

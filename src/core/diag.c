/* diag.c - error and warning collection (see diag.h). */
#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* What is escaped: a whole message, a value shown on its own, or a value
 * between double quotes (diag.h). */
enum { MESSAGE, VALUE, QUOTED };

/* The character at s that a message must not print raw, as its code
 * point, with its length in bytes in *len; 0 for any other character.
 * - C0 controls and DEL, and UTF-8 C1 controls (U+0080..U+009F, e.g. CSI
 *   U+009B): they would break the one-line form or drive a terminal.
 * - The bidirectional controls U+061C, U+200E, U+200F, U+202A..U+202E and
 *   U+2066..U+2069: printed raw they reorder the rest of the terminal line,
 *   so that what is shown is not what the data holds ("Trojan Source",
 *   CVE-2021-42574).
 * - In a value (mode VALUE or QUOTED), the backslash: once \n stands for a
 *   line break, a backslash in a value must be shown as \\ for the two to
 *   be told apart; in a quoted value (QUOTED) also the double quote, shown
 *   as \" so that the value cannot seem to end early. */
static unsigned special(const unsigned char *s, int mode, size_t *len)
{
    *len = 1;
    if (s[0] < 0x20 || s[0] == 0x7F || (mode != MESSAGE && s[0] == '\\') ||
        (mode == QUOTED && s[0] == '"'))
        return s[0];
    *len = 2;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return s[1];
    if (s[0] == 0xD8 && s[1] == 0x9C)
        return 0x061C;
    if (s[0] != 0xE2 || !s[1])
        return 0;
    *len = 3;
    unsigned cp = 0x2000u | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return cp;
    return 0;
}

/* Appends s to out with the characters special() names escaped. */
static void escape(fnet_buf *out, const char *s, int mode)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n;
    while (*p) {
        unsigned cp = special(p, mode, &n);
        if (!cp) {
            fnet_buf_putc(out, (char)*p++);
            continue;
        }
        if (cp == '\n')
            fnet_buf_puts(out, "\\n");
        else if (cp == '\r')
            fnet_buf_puts(out, "\\r");
        else if (cp == '\t')
            fnet_buf_puts(out, "\\t");
        else if (cp == '\\')
            fnet_buf_puts(out, "\\\\");
        else if (cp == '"')
            fnet_buf_puts(out, "\\\"");
        else
            fnet_buf_printf(out, "\\u%04X", cp);
        p += n;
    }
}

/* Values quoted in messages come from the data, which may hold control
 * characters escaped, and a message must stay one line (diag.h). Its own
 * text keeps its backslashes ("write it as \t"). */
void fnet_diag_escape(fnet_buf *out, const char *msg)
{
    escape(out, msg, MESSAGE);
}

void fnet_diag_escape_value(fnet_buf *out, const char *value)
{
    escape(out, value, VALUE);
}

/* The quoted value holds no control character once escaped, so the
 * fnet_diag_escape() that fnet_diag_add() applies to the whole message
 * leaves it as it is: quoting at the call site and escaping the message
 * compose without escaping anything twice. */
void fnet_diag_quote(fnet_buf *out, const char *value)
{
    fnet_buf_putc(out, '"');
    escape(out, value ? value : "", QUOTED);
    fnet_buf_putc(out, '"');
}

const char *fnet_diag_quoted(fnet_buf *q, const char *value)
{
    fnet_buf_reset(q);
    fnet_diag_quote(q, value);
    return fnet_buf_ok(q) ? fnet_buf_str(q) : "\"?\"";
}

void fnet_diag_add(fnet_diag *d, int severity, const char *where,
                   const char *fmt, ...)
{
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    size_t *count = severity == FNET_SEV_ERROR ? &d->n_errors : &d->n_warnings;
    if ((*count)++ >= cap)
        return;
    if (d->n_items == d->cap_items) {
        size_t n = d->cap_items ? d->cap_items * 2 : 16;
        fnet_diag_item *p = realloc(d->items, n * sizeof *p);
        if (!p)
            return;
        d->items = p;
        d->cap_items = n;
    }
    fnet_buf b = {0};
    fnet_diag_escape(&b, where ? where : "");
    if (severity == FNET_SEV_WARNING)
        fnet_buf_puts(&b, "warning: ");
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        char *tmp = malloc((size_t)n + 1);
        if (tmp) {
            va_start(ap, fmt);
            vsnprintf(tmp, (size_t)n + 1, fmt, ap);
            va_end(ap);
            fnet_diag_escape(&b, tmp);
            free(tmp);
        } else {
            b.oom = true;
        }
    }
    if (!fnet_buf_ok(&b)) {
        fnet_buf_free(&b);
        return;
    }
    d->items[d->n_items].severity = severity;
    d->items[d->n_items].msg = b.data;
    d->n_items++;
}

void fnet_diag_print(const fnet_diag *d, FILE *fp)
{
    /* Counted from what was kept: a message may be kept beyond the cap. */
    size_t kept[2] = {0, 0};
    for (size_t i = 0; i < d->n_items; i++) {
        fprintf(fp, "%s\n", d->items[i].msg);
        kept[d->items[i].severity == FNET_SEV_ERROR ? 0 : 1]++;
    }
    if (d->n_errors > kept[0])
        fprintf(fp, "factnet: %zu more errors not shown\n",
                d->n_errors - kept[0]);
    if (d->n_warnings > kept[1])
        fprintf(fp, "factnet: %zu more warnings not shown\n",
                d->n_warnings - kept[1]);
}

void fnet_diag_append(fnet_diag *d, const fnet_diag *src)
{
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    size_t kept[2] = {0, 0}; /* by severity: messages src kept */
    for (size_t i = 0; i < src->n_items; i++) {
        const fnet_diag_item *it = &src->items[i];
        bool error = it->severity == FNET_SEV_ERROR;
        size_t *count = error ? &d->n_errors : &d->n_warnings;
        kept[!error]++;
        if ((*count)++ >= cap)
            continue;
        if (d->n_items == d->cap_items) {
            size_t n = d->cap_items ? d->cap_items * 2 : 16;
            fnet_diag_item *p = realloc(d->items, n * sizeof *p);
            if (!p)
                continue;
            d->items = p;
            d->cap_items = n;
        }
        char *msg = malloc(strlen(it->msg) + 1);
        if (!msg)
            continue;
        strcpy(msg, it->msg);
        d->items[d->n_items++] = (fnet_diag_item){it->severity, msg};
    }
    d->n_errors += src->n_errors - kept[0];
    d->n_warnings += src->n_warnings - kept[1];
}

void fnet_diag_free(fnet_diag *d)
{
    for (size_t i = 0; i < d->n_items; i++)
        free(d->items[i].msg);
    free(d->items);
    memset(d, 0, sizeof *d);
}

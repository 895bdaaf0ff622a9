/* diag.c - error and warning collection (see diag.h). */
#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The length (1 or 2 bytes) of the control character at s, else 0: C0
 * controls and DEL, and UTF-8 C1 controls (U+0080..U+009F, e.g. CSI
 * U+009B), which would break the one-line form or drive a terminal. */
static size_t control_len(const unsigned char *s)
{
    if (s[0] < 0x20 || s[0] == 0x7F)
        return 1;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    return 0;
}

/* Values quoted in messages come from the data, which may hold control
 * characters escaped, and a message must stay one line (diag.h). */
void fnet_diag_escape(fnet_buf *out, const char *msg)
{
    const unsigned char *p = (const unsigned char *)msg;
    while (*p) {
        size_t n = control_len(p);
        if (!n) {
            fnet_buf_putc(out, (char)*p++);
            continue;
        }
        unsigned cp = n == 1 ? p[0] : p[1];
        if (cp == '\n')
            fnet_buf_puts(out, "\\n");
        else if (cp == '\r')
            fnet_buf_puts(out, "\\r");
        else if (cp == '\t')
            fnet_buf_puts(out, "\\t");
        else
            fnet_buf_printf(out, "\\u%04X", cp);
        p += n;
    }
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
    size_t cap = d->cap ? d->cap : FNET_DIAG_CAP;
    for (size_t i = 0; i < d->n_items; i++)
        fprintf(fp, "%s\n", d->items[i].msg);
    if (d->n_errors > cap)
        fprintf(fp, "factnet: %zu more errors not shown\n", d->n_errors - cap);
    if (d->n_warnings > cap)
        fprintf(fp, "factnet: %zu more warnings not shown\n",
                d->n_warnings - cap);
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

/* diag.c - error and warning collection (see diag.h). */
#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
    fnet_buf_puts(&b, where ? where : "");
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
            fnet_buf_append(&b, tmp, (size_t)n);
            free(tmp);
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

void fnet_diag_free(fnet_diag *d)
{
    for (size_t i = 0; i < d->n_items; i++)
        free(d->items[i].msg);
    free(d->items);
    memset(d, 0, sizeof *d);
}

/* buf.c - growable byte buffer (see buf.h). */
#include "core/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(fnet_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void fnet_buf_append(fnet_buf *b, const char *s, size_t len)
{
    if (!reserve(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void fnet_buf_puts(fnet_buf *b, const char *s)
{
    fnet_buf_append(b, s, strlen(s));
}

void fnet_buf_putc(fnet_buf *b, char c)
{
    fnet_buf_append(b, &c, 1);
}

void fnet_buf_printf(fnet_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void fnet_buf_reset(fnet_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

bool fnet_buf_ok(const fnet_buf *b)
{
    return !b->oom;
}

const char *fnet_buf_str(const fnet_buf *b)
{
    return b->data ? b->data : "";
}

void fnet_buf_free(fnet_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

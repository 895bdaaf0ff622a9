/* buf.h - growable byte buffer for building strings.
 *
 * A buffer starts zeroed (`fnet_buf b = {0};`); b.data is always
 * NUL-terminated once anything was appended. On allocation failure the
 * buffer sets b.oom and ignores further appends, so callers check once at
 * the end with fnet_buf_ok(). The caller frees with fnet_buf_free(). */
#ifndef FNET_BUF_H
#define FNET_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_buf {
    char *data;
    size_t len;
    size_t cap;
    bool oom;
} fnet_buf;

void fnet_buf_append(fnet_buf *b, const char *s, size_t len);
void fnet_buf_puts(fnet_buf *b, const char *s);
void fnet_buf_putc(fnet_buf *b, char c);
void fnet_buf_printf(fnet_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fnet_buf_reset(fnet_buf *b); /* len = 0, keeps the memory */
bool fnet_buf_ok(const fnet_buf *b);
/* Returns b.data (never NULL: "" for an empty buffer). */
const char *fnet_buf_str(const fnet_buf *b);
void fnet_buf_free(fnet_buf *b);

#endif

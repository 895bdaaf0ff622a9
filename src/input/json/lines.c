/* lines.c - block-wise line reader within a length limit (see lines.h). */
#include "input/json/lines.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

void fnet_lines_init(fnet_lines *r, FILE *fp, uint64_t max)
{
    memset(r, 0, sizeof *r);
    r->fp = fp;
    r->max = max;
}

void fnet_lines_free(fnet_lines *r)
{
    free(r->blk);
    free(r->buf);
    r->blk = r->buf = NULL;
}

/* Appends s[0..n) to the line being assembled in buf, whose first
 * r->len bytes are kept already. The caller ensures r->len + n <= max, so
 * buf never exceeds max + 1 bytes. */
static int append(fnet_lines *r, const char *s, size_t n)
{
    size_t need = (size_t)r->len + n + 1;
    if (need > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < need)
            cap *= 2;
        if (cap > r->max + 1)
            cap = (size_t)r->max + 1;
        char *p = realloc(r->buf, cap);
        if (!p)
            return FNET_ENOMEM;
        r->buf = p;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, s, n);
    r->buf[r->len + n] = '\0';
    return FNET_OK;
}

/* Refills the block; false at the end of the stream (or on an error). */
static bool refill(fnet_lines *r)
{
    if (r->eof)
        return false;
    r->pos = 0;
    r->end = fread(r->blk, 1, FNET_LINES_BLOCK, r->fp);
    if (r->end == 0) {
        r->eof = true;
        return false;
    }
    if (!r->started) {
        r->started = true;
        if (r->end >= 3 && memcmp(r->blk, "\xEF\xBB\xBF", 3) == 0)
            r->pos = 3;
    }
    return true;
}

int fnet_lines_next(fnet_lines *r)
{
    bool got = false;
    r->text = NULL;
    r->len = 0;
    r->too_long = false;
    if (!r->blk && !(r->blk = malloc(FNET_LINES_BLOCK + 1)))
        return FNET_ENOMEM;
    for (;;) {
        if (r->pos == r->end && !refill(r)) {
            if (ferror(r->fp))
                return FNET_EIO;
            break;
        }
        if (r->pos == r->end) /* a block that held only the byte order mark */
            continue;
        got = true;
        char *from = r->blk + r->pos;
        char *nl = memchr(from, '\n', r->end - r->pos);
        size_t n = nl ? (size_t)(nl - from) : r->end - r->pos;
        r->pos += n + (nl != NULL);
        if (!r->too_long && r->len + n > r->max)
            r->too_long = true;
        if (!r->too_long && nl && r->len == 0) { /* whole in the block */
            *nl = '\0';
            r->text = from;
            r->len = n;
            return 1;
        }
        if (!r->too_long && append(r, from, n) != FNET_OK)
            return FNET_ENOMEM;
        r->len += n;
        if (nl)
            break;
    }
    if (!got)
        return 0;
    if (!r->too_long) {
        if (r->len == 0 && append(r, "", 0) != FNET_OK)
            return FNET_ENOMEM;
        r->text = r->buf;
    }
    return 1;
}

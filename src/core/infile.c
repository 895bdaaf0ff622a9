/* infile.c - whole input files within a size limit (see infile.h). */
#include "core/infile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int too_large(const char *name, uint64_t limit, fnet_err *err)
{
    return fnet_err_set(err, FNET_EDATA,
                        "%s: file larger than the limit of "
                        "%llu bytes",
                        name, (unsigned long long)limit);
}

/* The first buffer size: the whole file when its size is known (one read,
 * no copying), else 64 KiB; never more than limit + 1 bytes. */
static uint64_t first_cap(uint64_t size, bool known, uint64_t limit)
{
    uint64_t cap = known ? size + 1 : 1 << 16;
    return cap > limit + 1 ? limit + 1 : cap;
}

int fnet_infile_read(FILE *fp, const char *name, uint64_t limit, char **out,
                     size_t *len, fnet_err *err)
{
    struct stat st;
    bool regular = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);
    *out = NULL;
    *len = 0;
    if (regular && (uint64_t)st.st_size > limit)
        return too_large(name, limit, err);
    if (limit >= SIZE_MAX - 2)
        limit = SIZE_MAX - 3;
    size_t cap = (size_t)first_cap((uint64_t)st.st_size, regular, limit);
    size_t n = 0;
    char *buf = malloc(cap + 1); /* + 1: the terminating NUL */
    if (!buf)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    for (;;) {
        if (n == cap) {
            /* A full buffer of limit + 1 bytes proves the input too large
             * without reading the rest of it. */
            if (n > limit) {
                free(buf);
                return too_large(name, limit, err);
            }
            size_t grown = cap > (limit + 1) / 2 ? (size_t)limit + 1 : cap * 2;
            char *p = realloc(buf, grown + 1);
            if (!p) {
                free(buf);
                return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory",
                                    name);
            }
            buf = p;
            cap = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int e = errno;
        free(buf);
        return fnet_err_set(err, FNET_EIO, "%s: read error: %s", name,
                            strerror(e));
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return FNET_OK;
}

int fnet_infile_read_path(const char *path, uint64_t limit, char **out,
                          size_t *len, fnet_err *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    *out = NULL;
    *len = 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    int rc =
        fnet_infile_read(fp, is_stdin ? "<stdin>" : path, limit, out, len, err);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

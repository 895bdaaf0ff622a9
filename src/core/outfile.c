/* outfile.c - atomic file output (see outfile.h). */
#include "core/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fnet_outfile {
    FILE *fp;
    char *path; /* final name */
    char *tmp;  /* temporary name, NULL for stdout */
};

static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    size_t n = dirlen + 1 + strlen(base) + 8;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    return t;
}

int fnet_outfile_open(fnet_outfile **out, const char *path, fnet_err *err)
{
    int rc = FNET_OK;
    fnet_outfile *f = calloc(1, sizeof *f);
    *out = NULL;
    if (!f || !(f->path = strdup(path))) {
        rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    if (strcmp(path, "-") == 0) {
        f->fp = stdout;
        goto done;
    }
    if (!(f->tmp = temp_name(path))) {
        rc = fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        rc = fnet_err_set(err, FNET_EIO, "%s: cannot create file: %s", path,
                          strerror(errno));
        free(f->tmp);
        f->tmp = NULL;
        goto done;
    }
    /* mkstemp creates 0600; outputs are ordinary documents. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        rc = fnet_err_set(err, FNET_EIO, "%s: %s", path, strerror(errno));
        close(fd);
        unlink(f->tmp);
        goto done;
    }
done:
    if (rc) {
        if (f) {
            free(f->tmp);
            free(f->path);
            free(f);
        }
        return rc;
    }
    *out = f;
    return FNET_OK;
}

FILE *fnet_outfile_stream(fnet_outfile *f) { return f->fp; }

const char *fnet_outfile_path(const fnet_outfile *f) { return f->path; }

static void release(fnet_outfile *f)
{
    free(f->tmp);
    free(f->path);
    free(f);
}

int fnet_outfile_commit(fnet_outfile *f, fnet_err *err)
{
    int rc = FNET_OK;
    if (!f->tmp) { /* stdout */
        if (fflush(f->fp) != 0 || ferror(f->fp))
            rc = fnet_err_set(err, FNET_EIO, "standard output: write error: %s",
                              strerror(errno ? errno : EIO));
        release(f);
        return rc;
    }
    int failed = fflush(f->fp) != 0 || ferror(f->fp);
    int saved = errno;
    if (fclose(f->fp) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed && rename(f->tmp, f->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        unlink(f->tmp);
        rc = fnet_err_set(err, FNET_EIO, "%s: write error: %s", f->path,
                          strerror(saved ? saved : EIO));
    }
    release(f);
    return rc;
}

void fnet_outfile_abort(fnet_outfile *f)
{
    if (!f)
        return;
    if (f->tmp) {
        fclose(f->fp);
        unlink(f->tmp);
    } else {
        fflush(f->fp);
    }
    release(f);
}

int fnet_outfile_write_all(const char *path, const void *data, size_t len,
                           fnet_err *err)
{
    fnet_outfile *f;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    if (len && fwrite(data, 1, len, fnet_outfile_stream(f)) != len) {
        fnet_outfile_abort(f);
        return fnet_err_set(err, FNET_EIO, "%s: write error: %s", path,
                            strerror(errno));
    }
    return fnet_outfile_commit(f, err);
}

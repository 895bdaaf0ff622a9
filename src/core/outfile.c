/* outfile.c - atomic file output (see outfile.h). */
#define _XOPEN_SOURCE 700 /* realpath() is XSI */
#include "core/outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fnet_outfile {
    FILE *fp;
    char *path;   /* final name, as given */
    char *tmp;    /* temporary name; NULL when written in place */
    char *target; /* what tmp is renamed to: a symlink's target, or NULL
                   * for path itself */
    bool close;   /* written in place to a device or FIFO we opened */
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

/* Creates the temporary file next to dest and opens it as f->fp. mode is
 * the permission bits the file gets: those of the file it replaces, or
 * 0666 & ~umask for a new one (mkstemp creates 0600). */
static int open_temp(fnet_outfile *f, const char *dest, mode_t mode,
                     fnet_err *err)
{
    if (!(f->tmp = temp_name(dest)))
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", f->path);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        int e = errno;
        free(f->tmp);
        f->tmp = NULL;
        return fnet_err_set(err, FNET_EIO, "%s: cannot create file: %s",
                            f->path, strerror(e));
    }
    fchmod(fd, mode);
    if (!(f->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        unlink(f->tmp);
        free(f->tmp);
        f->tmp = NULL;
        return fnet_err_set(err, FNET_EIO, "%s: %s", f->path, strerror(e));
    }
    return FNET_OK;
}

/* Opens f->path. Only a regular file can be replaced by rename: a device
 * or FIFO (/dev/null, /dev/stdout, a named pipe) is written in place, since
 * renaming over it would replace, say, /dev/null with a regular file when
 * run as root. A symbolic link is followed, so the link stays and its
 * target is replaced. */
static int open_path(fnet_outfile *f, fnet_err *err)
{
    struct stat st;
    if (stat(f->path, &st) == 0 && S_ISDIR(st.st_mode))
        return fnet_err_set(err, FNET_EIO, "%s: cannot create file: %s",
                            f->path, strerror(EISDIR));
    if (stat(f->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (!(f->fp = fopen(f->path, "w")))
            return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s",
                                f->path, strerror(errno));
        f->close = true;
        return FNET_OK;
    }
    /* Replacing a file keeps its permissions (a private 0600 result stays
     * private); a new file gets the usual 0666 & ~umask. */
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = stat(f->path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask;
    if (lstat(f->path, &st) == 0 && S_ISLNK(st.st_mode) &&
        !(f->target = realpath(f->path, NULL)))
        return fnet_err_set(err, FNET_EIO, "%s: cannot create file: %s",
                            f->path, strerror(errno));
    return open_temp(f, f->target ? f->target : f->path, mode, err);
}

static void release(fnet_outfile *f)
{
    free(f->target);
    free(f->tmp);
    free(f->path);
    free(f);
}

int fnet_outfile_open(fnet_outfile **out, const char *path, fnet_err *err)
{
    int rc = FNET_OK;
    fnet_outfile *f = calloc(1, sizeof *f);
    *out = NULL;
    if (!f || !(f->path = strdup(path))) {
        free(f);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", path);
    }
    if (strcmp(path, "-") == 0)
        f->fp = stdout;
    else
        rc = open_path(f, err);
    if (rc) {
        release(f);
        return rc;
    }
    *out = f;
    return FNET_OK;
}

FILE *fnet_outfile_stream(fnet_outfile *f) { return f->fp; }

const char *fnet_outfile_path(const fnet_outfile *f) { return f->path; }

/* Commit for output written in place (stdout, a device, a FIFO). */
static int commit_in_place(fnet_outfile *f, fnet_err *err)
{
    const char *name = f->close ? f->path : "standard output";
    errno = 0;
    int failed = fflush(f->fp) != 0 || ferror(f->fp);
    int saved = errno;
    if (f->close && fclose(f->fp) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    int rc = FNET_OK;
    if (failed)
        rc = fnet_err_set(err, FNET_EIO, "%s: write error: %s", name,
                          strerror(saved ? saved : EIO));
    release(f);
    return rc;
}

/* Flushes, syncs and closes a temporary file; returns 0 or the errno of
 * the first failure. */
static int finish_temp(fnet_outfile *f)
{
    errno = 0;
    int failed = fflush(f->fp) != 0 || ferror(f->fp);
    int saved = failed ? (errno ? errno : EIO) : 0;
    /* The data must be on disk before the rename makes it the output: after
     * a crash or power loss the file is then the old or the new one, never
     * empty or partial. Some file systems (NFS) also report write errors
     * only here. EINVAL: the file system cannot sync; nothing to wait for. */
    if (!failed && fsync(fileno(f->fp)) != 0 && errno != EINVAL)
        saved = errno ? errno : EIO;
    if (fclose(f->fp) != 0 && !saved)
        saved = errno ? errno : EIO;
    f->fp = NULL;
    return saved;
}

/* Renames a finished temporary file into place; 0 or errno. */
static int place(fnet_outfile *f)
{
    if (rename(f->tmp, f->target ? f->target : f->path) != 0)
        return errno ? errno : EIO;
    return 0;
}

static int write_error(fnet_outfile *f, int e, fnet_err *err)
{
    return fnet_err_set(err, FNET_EIO, "%s: write error: %s", f->path,
                        strerror(e));
}

int fnet_outfile_commit(fnet_outfile *f, fnet_err *err)
{
    int rc = FNET_OK;
    if (!f->tmp)
        return commit_in_place(f, err);
    int e = finish_temp(f);
    if (!e)
        e = place(f);
    if (e) {
        unlink(f->tmp);
        rc = write_error(f, e, err);
    }
    release(f);
    return rc;
}

/* Phase one of a set: every file is finished (written out, synced, closed)
 * before any is renamed, so that a full disk or a write error in any file
 * leaves every output as it was. */
static int finish_all(fnet_outfile **files, size_t n, fnet_err *err)
{
    int rc = FNET_OK;
    for (size_t i = 0; i < n; i++) {
        fnet_outfile *f = files[i];
        if (!f->tmp) {
            errno = 0;
            if (rc == FNET_OK && (fflush(f->fp) != 0 || ferror(f->fp)))
                rc = write_error(f, errno ? errno : EIO, err);
            continue;
        }
        int e = finish_temp(f);
        if (e && rc == FNET_OK)
            rc = write_error(f, e, err);
    }
    return rc;
}

int fnet_outfile_commit_set(fnet_outfile **files, size_t n, fnet_err *err)
{
    int rc = finish_all(files, n, err);
    size_t placed = 0;
    for (size_t i = 0; i < n; i++) {
        fnet_outfile *f = files[i];
        if (f->tmp && rc == FNET_OK) {
            int e = place(f);
            if (e) {
                rc = fnet_err_set(err, FNET_EIO, "%s: write error: %s "
                                  "(%zu file%s of the set already replaced)",
                                  f->path, strerror(e), placed,
                                  placed == 1 ? "" : "s");
            } else {
                placed++;
                continue;
            }
        }
        if (f->tmp)
            unlink(f->tmp);
        else if (f->close && f->fp)
            fclose(f->fp);
    }
    for (size_t i = 0; i < n; i++)
        release(files[i]);
    return rc;
}

void fnet_outfile_abort(fnet_outfile *f)
{
    if (!f)
        return;
    if (f->tmp) {
        fclose(f->fp);
        unlink(f->tmp);
    } else if (f->close) {
        fclose(f->fp);
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

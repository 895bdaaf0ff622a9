/* outfile.c - atomic file output (see outfile.h). */
#define _GNU_SOURCE      /* fopencookie (glibc, musl); realpath */
#define _DARWIN_C_SOURCE /* funopen (macOS) */
#include "core/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(FNET_OUTFILE_LIBBSD)
#include <bsd/stdio.h> /* funopen on Linux: the test of the BSD path */
#endif

/* The stream handed to writers is a stdio stream over our own write
 * function (fopencookie), not one over the descriptor. stdio keeps only an
 * error flag: by the time a writer notices a failure, or commit flushes,
 * errno may hold anything (libxml2, cgraph and our writers call other
 * functions in between), and glibc drops the unwritten buffer after a
 * failed write, so a second flush cannot tell either. The write function
 * sees the failing write(2) and keeps its errno in werr, so that every
 * message gives the real reason ("No space left on device", "File too
 * large"). "-" gets such a stream over descriptor 1 too: the stdout stream
 * itself is left alone, so a failure is reported here once and not again
 * when main closes stdout. */
struct fnet_outfile {
    FILE *fp;
    int fd;       /* the temporary file, the device or FIFO, or 1 for "-" */
    int werr;     /* errno of the first failed write or close; 0: none */
    bool discard; /* aborted: what is still buffered is dropped */
    char *path;   /* final name, as given */
    char *tmp;    /* temporary name; NULL when written in place */
    char *target; /* what tmp is renamed to: a symlink's target, or NULL
                   * for path itself */
};

/* The path as messages name it. */
static const char *shown(const fnet_outfile *f)
{
    return strcmp(f->path, "-") == 0 ? "standard output" : f->path;
}

#if !defined(FNET_OUTFILE_PLAIN)
/* The cookie write function: writes all of buf or records why not. After
 * the first failure nothing more is written (the output is lost anyway,
 * and a later write that succeeds would leave a hole in it). Returning
 * less than n sets the stream's error flag. */
static ssize_t put(void *cookie, const char *buf, size_t n)
{
    fnet_outfile *f = cookie;
    size_t done = 0;
    if (f->discard)
        return (ssize_t)n;
    while (!f->werr && done < n) {
        ssize_t w = write(f->fd, buf + done, n - done);
        if (w > 0)
            done += (size_t)w;
        else if (w < 0 && errno == EINTR)
            continue;
        else
            f->werr = w < 0 ? errno : EIO;
    }
    return (ssize_t)done;
}
#endif

/* The cookie close function: closes the descriptor unless it is standard
 * output's (1, which main closes at exit). Some file systems (NFS) report
 * write errors only at close. */
static int shut(void *cookie)
{
    fnet_outfile *f = cookie;
    int fd = f->fd;
    f->fd = -1;
    if (fd == STDOUT_FILENO && strcmp(f->path, "-") == 0)
        return 0;
    if (close(fd) != 0 && !f->werr && !f->discard) {
        f->werr = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* The stream over put() and shut(), by what the C library offers (CMake
 * finds it: FNET_OUTFILE_STREAM, docs/INSTALL.md "Portability"):
 * fopencookie (glibc, musl), funopen (BSD, macOS), or, elsewhere, a plain
 * stdio stream over the descriptor. The plain stream loses only precision:
 * the reason of a failed write is errno right after the failing flush,
 * and "-" is written through a duplicate of descriptor 1. */
#if defined(FNET_OUTFILE_FUNOPEN)
static int put_int(void *cookie, const char *buf, int n)
{
    return (int)put(cookie, buf, (size_t)n);
}

static FILE *stream_over(fnet_outfile *f)
{
    return funopen(f, NULL, put_int, NULL, shut);
}
#elif defined(FNET_OUTFILE_PLAIN)
static FILE *stream_over(fnet_outfile *f)
{
    if (f->fd == STDOUT_FILENO && strcmp(f->path, "-") == 0 &&
        (f->fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) < 0) {
        f->fd = STDOUT_FILENO;
        return NULL;
    }
    return fdopen(f->fd, "w");
}
#else
static FILE *stream_over(fnet_outfile *f)
{
    cookie_io_functions_t io = {.write = put, .close = shut};
    return fopencookie(f, "w", io);
}
#endif

/* Wraps f->fd (already open) in the stream f->fp. On failure fd is
 * closed (unless it is standard output's). */
static int open_stream(fnet_outfile *f, fnet_err *err)
{
    if ((f->fp = stream_over(f)))
        return FNET_OK;
    int e = errno;
    shut(f);
    return fnet_err_set(err, e == ENOMEM ? FNET_ENOMEM : FNET_EIO, "%s: %s",
                        shown(f), strerror(e));
}

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
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0) {
        int e = errno;
        free(f->tmp);
        f->tmp = NULL;
        return fnet_err_set(err, FNET_EIO, "%s: cannot create file: %s",
                            f->path, strerror(e));
    }
    fchmod(f->fd, mode);
    int rc = open_stream(f, err);
    if (rc) {
        unlink(f->tmp);
        free(f->tmp);
        f->tmp = NULL;
    }
    return rc;
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
        f->fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (f->fd < 0)
            return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", f->path,
                                strerror(errno));
        return open_stream(f, err);
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
    f->fd = -1;
    if (strcmp(path, "-") == 0) {
        /* What was printed to stdout before comes first. */
        fflush(stdout);
        f->fd = STDOUT_FILENO;
        rc = open_stream(f, err);
    } else {
        rc = open_path(f, err);
    }
    if (rc) {
        release(f);
        return rc;
    }
    *out = f;
    return FNET_OK;
}

FILE *fnet_outfile_stream(fnet_outfile *f)
{
    return f->fp;
}

const char *fnet_outfile_path(const fnet_outfile *f)
{
    return f->path;
}

/* The write error of f in err: "PATH: write error: REASON". When the
 * reader of standard output has gone (EPIPE, as in `factnet ... | head`)
 * the message is empty: stopping early is the reader's choice, and the
 * CLI exits 3 without a message (docs/CLI.md). */
static int write_error(const fnet_outfile *f, int e, fnet_err *err)
{
    if (e == EPIPE && strcmp(f->path, "-") == 0)
        return fnet_err_set(err, FNET_EIO, "%s", "");
    return fnet_err_set(err, FNET_EIO, "%s: write error: %s", shown(f),
                        strerror(e));
}

/* The errno of a failed flush of a plain stream; with our own write
 * function, a failure that put() did not see (EIO). */
static int plain_error(void)
{
#if defined(FNET_OUTFILE_PLAIN)
    return errno ? errno : EIO;
#else
    return EIO;
#endif
}

/* Flushes and closes f's stream; returns 0 or the errno of the first
 * failed write. A temporary file is synced before it is closed: the data
 * must be on disk before the rename makes it the output, so that after a
 * crash or power loss the file is the old or the new one, never empty or
 * partial. Some file systems (NFS) also report write errors only at sync
 * or close. EINVAL: the file system (or device) cannot sync; nothing to
 * wait for. */
static int finish(fnet_outfile *f)
{
    errno = 0;
    if (fflush(f->fp) != 0 && !f->werr)
        f->werr = plain_error(); /* the stream failed without a failed
                                    write (the plain stream: any) */
    if (!f->werr && f->tmp && fsync(f->fd) != 0 && errno != EINVAL)
        f->werr = errno ? errno : EIO;
    if (fclose(f->fp) != 0 && !f->werr)
        f->werr = plain_error();
    f->fp = NULL;
    return f->werr;
}

/* Renames a finished temporary file into place; 0 or errno. */
static int place(fnet_outfile *f)
{
    if (rename(f->tmp, f->target ? f->target : f->path) != 0)
        return errno ? errno : EIO;
    return 0;
}

int fnet_outfile_commit(fnet_outfile *f, fnet_err *err)
{
    int rc = FNET_OK;
    int e = finish(f);
    if (!e && f->tmp)
        e = place(f);
    if (e) {
        if (f->tmp)
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
        int e = finish(files[i]);
        if (e && rc == FNET_OK)
            rc = write_error(files[i], e, err);
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
                rc = fnet_err_set(err, FNET_EIO,
                                  "%s: write error: %s "
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
    }
    for (size_t i = 0; i < n; i++)
        release(files[i]);
    return rc;
}

/* Makes fclose drop what is still buffered: put() does when discard is
 * set; a plain stream's buffer goes to /dev/null instead of the output
 * (stdio has no portable way to drop it). */
static void discard_buffer(fnet_outfile *f)
{
#if defined(FNET_OUTFILE_PLAIN)
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, f->fd);
        close(null);
    }
#else
    (void)f;
#endif
}

void fnet_outfile_abort(fnet_outfile *f)
{
    if (!f)
        return;
    f->discard = true;
    discard_buffer(f);
    fclose(f->fp);
    if (f->tmp)
        unlink(f->tmp);
    release(f);
}

int fnet_outfile_fail(fnet_outfile *f, int rc, fnet_err *err)
{
    int e = f->werr;
    char msg[FNET_ERR_MSG_MAX];
    if (rc == FNET_EIO && !e && err) {
        snprintf(msg, sizeof msg, "%s", err->msg);
        fnet_err_set(err, FNET_EIO, "%s: %s", shown(f), msg);
    }
    if (rc == FNET_EIO && e)
        write_error(f, e, err);
    fnet_outfile_abort(f);
    return rc;
}

int fnet_outfile_end(fnet_outfile *f, int rc, fnet_err *err)
{
    return rc ? fnet_outfile_fail(f, rc, err) : fnet_outfile_commit(f, err);
}

int fnet_outfile_write_all(const char *path, const void *data, size_t len,
                           fnet_err *err)
{
    fnet_outfile *f;
    int rc = fnet_outfile_open(&f, path, err);
    if (rc)
        return rc;
    if (len && fwrite(data, 1, len, fnet_outfile_stream(f)) != len)
        rc = fnet_err_set(err, FNET_EIO, "write error");
    return fnet_outfile_end(f, rc, err);
}

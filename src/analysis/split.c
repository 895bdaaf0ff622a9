/* split.c - an O(n m) computation over two processes (see split.h). The
 * child writes: rc, the error record, then for rc == 0 the length and
 * values of res, the length and values of ires. */
#include "analysis/split.h"

#include "core/fdio.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void child(int fd, fnet_split_fn fn, void *ctx, igraph_integer_t lo,
                  igraph_integer_t hi, igraph_vector_t *res,
                  igraph_vector_int_t *ires)
{
    fnet_err e = {0};
    int rc = fn(ctx, lo, hi, res, ires, &e);
    bool ok = fnet_fd_write_all(fd, &rc, sizeof rc) == 0 &&
              fnet_fd_write_all(fd, &e, sizeof e) == 0;
    if (ok && rc == 0) {
        int64_t n = igraph_vector_size(res);
        int64_t k = igraph_vector_int_size(ires);
        ok = fnet_fd_write_all(fd, &n, sizeof n) == 0 &&
             fnet_fd_write_all(fd, VECTOR(*res), (size_t)n * sizeof(double)) ==
                 0 &&
             fnet_fd_write_all(fd, &k, sizeof k) == 0 &&
             fnet_fd_write_all(fd, VECTOR(*ires),
                               (size_t)k * sizeof(igraph_integer_t)) == 0;
    }
    _exit(ok ? 0 : 1);
}

/* Reads the child's answer; false when it is incomplete. */
static bool receive(int fd, int *rc, igraph_vector_t *res,
                    igraph_vector_int_t *ires, fnet_err *err)
{
    int64_t n, k;
    if (fnet_fd_read_all(fd, rc, sizeof *rc) ||
        fnet_fd_read_all(fd, err, sizeof *err))
        return false;
    if (*rc)
        return true;
    if (fnet_fd_read_all(fd, &n, sizeof n) || n < 0 ||
        igraph_vector_resize(res, (igraph_integer_t)n) ||
        fnet_fd_read_all(fd, VECTOR(*res), (size_t)n * sizeof(double)) ||
        fnet_fd_read_all(fd, &k, sizeof k) || k < 0 ||
        igraph_vector_int_resize(ires, (igraph_integer_t)k) ||
        fnet_fd_read_all(fd, VECTOR(*ires),
                         (size_t)k * sizeof(igraph_integer_t)))
        return false;
    return true;
}

int fnet_split_run(fnet_split_fn fn, void *ctx, igraph_integer_t n,
                   bool in_child, igraph_vector_t *lo_res,
                   igraph_vector_int_t *lo_ires, igraph_vector_t *hi_res,
                   igraph_vector_int_t *hi_ires, fnet_err *err)
{
    igraph_integer_t mid = n / 2;
    int p[2];
    pid_t pid = -1;
    if (in_child && pipe(p) == 0) {
        pid = fork();
        if (pid == 0) {
            close(p[0]);
            child(p[1], fn, ctx, mid, n, hi_res, hi_ires);
        }
        close(p[1]);
        if (pid < 0)
            close(p[0]);
    }
    int rc = fn(ctx, 0, mid, lo_res, lo_ires, err);
    if (pid < 0) /* no child: the second half here too */
        return rc ? rc : fn(ctx, mid, n, hi_res, hi_ires, err);
    int crc = 0, status = 0;
    fnet_err cerr = {0};
    bool complete = receive(p[0], &crc, hi_res, hi_ires, &cerr);
    close(p[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (rc)
        return rc;
    if (!complete || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fnet_err_set(err, FNET_EINTERNAL,
                            "path metrics failed in "
                            "their second process");
    if (crc)
        *err = cerr;
    return crc;
}

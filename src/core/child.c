/* child.c - work in a forked child process (see child.h). The child
 * writes: rc, the error record, the length of its text, the text. */
#include "core/child.h"

#include "core/fdio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child's whole life: work, send, leave. */
static void child(int fd, fnet_child_fn fn, void *ctx)
{
    fnet_err e = {0};
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    int rc =
        mem ? fn(ctx, mem, &e) : fnet_err_set(&e, FNET_ENOMEM, "out of memory");
    if (mem && fclose(mem) != 0 && !rc)
        rc = fnet_err_set(&e, FNET_ENOMEM, "out of memory");
    if (!text)
        len = 0;
    bool ok = fnet_fd_write_all(fd, &rc, sizeof rc) == 0 &&
              fnet_fd_write_all(fd, &e, sizeof e) == 0 &&
              fnet_fd_write_all(fd, &len, sizeof len) == 0 &&
              fnet_fd_write_all(fd, text, len) == 0;
    _exit(ok ? 0 : 1);
}

void fnet_child_start(fnet_child *c, fnet_child_fn fn, void *ctx, bool in_child)
{
    int p[2];
    *c = (fnet_child){.fd = -1, .fn = fn, .ctx = ctx};
    if (!in_child || pipe(p) != 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        child(p[1], fn, ctx);
    }
    close(p[1]);
    if (pid > 0) {
        c->pid = pid;
        c->fd = p[0];
        return;
    }
    close(p[0]);
}

/* Reads the child's answer: its rc into *rc, err, its text onto out.
 * Returns false when the answer is incomplete. */
static bool receive(int fd, int *rc, FILE *out, fnet_err *err)
{
    size_t len = 0;
    char buf[4096];
    if (fnet_fd_read_all(fd, rc, sizeof *rc) ||
        fnet_fd_read_all(fd, err, sizeof *err) ||
        fnet_fd_read_all(fd, &len, sizeof len))
        return false;
    while (len > 0) {
        size_t n = len < sizeof buf ? len : sizeof buf;
        if (fnet_fd_read_all(fd, buf, n))
            return false;
        fwrite(buf, 1, n, out);
        len -= n;
    }
    return true;
}

int fnet_child_finish(fnet_child *c, FILE *out, fnet_err *err)
{
    if (!c->pid)
        return c->fn(c->ctx, out, err);
    int rc = 0, status = 0;
    bool complete = receive(c->fd, &rc, out, err);
    close(c->fd);
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
        ;
    c->pid = 0;
    c->fd = -1;
    if (!complete || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        rc = fnet_err_set(err, FNET_EINTERNAL,
                          "a child process died before it answered");
    return rc;
}

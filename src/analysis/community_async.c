/* community_async.c - community detection in a child process (see
 * community_async.h). The child writes: rc, the error record, then for
 * rc == 0 the scalars of fnet_communities, the community array and, when
 * present, the stability array. */
#include "analysis/community_async.h"

#include "core/fdio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child's whole life: detect, send, leave without running atexit
 * handlers or flushing the parent's stdio buffers. The child's graph is
 * its own copy (fork), never used again: detection may release it, which
 * keeps the child's peak memory near the parent's instead of the parent's
 * plus the positive part's (the graph was allocated mutable by its
 * builder, so dropping const here is defined). */
static void child(int fd, const fnet_graph *g, const fnet_community_opts *o)
{
    fnet_communities c;
    fnet_err e = {0};
    int rc = fnet_communities_detect_consume(&c, (fnet_graph *)g, o, &e);
    bool ok = fnet_fd_write_all(fd, &rc, sizeof rc) == 0 &&
              fnet_fd_write_all(fd, &e, sizeof e) == 0;
    if (ok && rc == 0) {
        int has_stab = c.stability != NULL;
        ok = fnet_fd_write_all(fd, &c, sizeof c) == 0 &&
             fnet_fd_write_all(fd, &has_stab, sizeof has_stab) == 0 &&
             fnet_fd_write_all(fd, c.community, c.n * sizeof *c.community) ==
                 0 &&
             (!has_stab || fnet_fd_write_all(fd, c.stability,
                                             c.n * sizeof *c.stability) == 0);
    }
    _exit(ok ? 0 : 1);
}

bool fnet_communities_worth_fork(const fnet_graph *g)
{
    return fnet_graph_edge_count(g) >= FNET_COMMUNITY_FORK_MIN_EDGES;
}

void fnet_communities_start(fnet_communities_job *job, const fnet_graph *g,
                            const fnet_community_opts *o, bool in_child)
{
    int p[2];
    memset(job, 0, sizeof *job);
    job->fd = -1;
    if (in_child && pipe(p) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            child(p[1], g, o);
        }
        close(p[1]);
        if (pid > 0) {
            job->pid = pid;
            job->fd = p[0];
            return;
        }
        close(p[0]);
    }
    /* In-process: detect in fnet_communities_finish(), after the caller's
     * own igraph work, which therefore sees the same igraph RNG state as
     * without this module (ARPACK's start vectors draw from it). */
    job->g = g;
    job->o = o;
}

/* Reads the child's answer into out and its return into *rc. Returns
 * false when the answer is incomplete (the child died). */
static bool receive(fnet_communities_job *job, fnet_communities *out, int *rc,
                    fnet_err *err)
{
    int has_stab;
    fnet_communities c;
    if (fnet_fd_read_all(job->fd, rc, sizeof *rc) ||
        fnet_fd_read_all(job->fd, err, sizeof *err))
        return false;
    if (*rc)
        return true;
    if (fnet_fd_read_all(job->fd, &c, sizeof c) ||
        fnet_fd_read_all(job->fd, &has_stab, sizeof has_stab))
        return false;
    *out = c;
    out->community = malloc((c.n ? c.n : 1) * sizeof *out->community);
    out->stability =
        has_stab ? malloc((c.n ? c.n : 1) * sizeof *out->stability) : NULL;
    if (!out->community || (has_stab && !out->stability)) {
        *rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
        return true;
    }
    return fnet_fd_read_all(job->fd, out->community,
                            c.n * sizeof *out->community) == 0 &&
           (!has_stab || fnet_fd_read_all(job->fd, out->stability,
                                          c.n * sizeof *out->stability) == 0);
}

int fnet_communities_finish(fnet_communities_job *job, fnet_communities *out,
                            fnet_err *err)
{
    memset(out, 0, sizeof *out);
    if (!job->pid)
        return fnet_communities_detect(out, job->g, job->o, err);
    int rc = 0, status = 0;
    bool complete = receive(job, out, &rc, err);
    close(job->fd);
    while (waitpid(job->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!complete || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fnet_communities_free(out);
        memset(out, 0, sizeof *out);
        rc = fnet_err_set(err, FNET_EINTERNAL,
                          "community detection failed "
                          "in its process");
    }
    return rc;
}

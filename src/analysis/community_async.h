/* community_async.h - community detection on the second core.
 *
 * On a large graph, Leiden takes as long as every other metric together.
 * igraph is not thread-safe, so the detection runs in a forked child
 * process (a copy of the graph, nothing shared) while the caller computes
 * the other metrics; the child sends the result back through a pipe. The
 * result is the one fnet_communities_detect() gives in-process (same seed,
 * same graph: detection seeds igraph's RNG itself), and the caller's igraph
 * RNG is not advanced by it, as if detection ran after the caller's work.
 * Small graphs (fnet_communities_worth_fork()), and systems where fork
 * fails, run in-process, in fnet_communities_finish(): after the caller's
 * work, as before this module, so results never depend on where they were
 * computed.
 *
 * Use: fnet_communities_start(), compute something else with igraph, then
 * fnet_communities_finish() (always, also after errors: it reaps the
 * child). The child writes nothing but the pipe and leaves with _exit, so
 * the caller's buffered output is never written twice, and it must not
 * use what other threads of the caller hold (it has only the forking
 * thread). */
#ifndef FNET_COMMUNITY_ASYNC_H
#define FNET_COMMUNITY_ASYNC_H

#include "analysis/community.h"

#include <sys/types.h>

/* Graphs with fewer edges are done in-process (a fork costs more). */
#define FNET_COMMUNITY_FORK_MIN_EDGES 50000

/* True when g is large enough for a child process to pay off. */
bool fnet_communities_worth_fork(const fnet_graph *g);

typedef struct fnet_communities_job {
    pid_t pid; /* child, or 0: detection runs in fnet_communities_finish() */
    int fd;    /* read end of the pipe, or -1 */
    const fnet_graph *g; /* in-process: what to detect */
    const fnet_community_opts *o;
} fnet_communities_job;

/* Starts detection on g with o: in a child process when in_child (and
 * fork works), else later in fnet_communities_finish(). g and o must stay
 * unchanged until fnet_communities_finish(). Can't fail (errors surface in
 * finish). */
void fnet_communities_start(fnet_communities_job *job, const fnet_graph *g,
                            const fnet_community_opts *o, bool in_child);

/* Waits for the result and moves it into *out. Returns what
 * fnet_communities_detect() returns (err set), or FNET_EINTERNAL when the
 * child died. The caller frees out with fnet_communities_free() in every
 * case. */
int fnet_communities_finish(fnet_communities_job *job, fnet_communities *out,
                            fnet_err *err);

#endif

/* child.h - one piece of work run in a forked child process while the
 * caller does its own, for work that cannot share the process (Graphviz
 * and igraph are not thread-safe): build's print figure is laid out
 * there while the screen figure is laid out here (cli/diagopts.c).
 *
 * The work gets a FILE for the text it would print (the child's goes to
 * memory); its return code, error record and that text come back through
 * a pipe (core/fdio.h) and the child leaves with _exit, so it flushes
 * none of the caller's stdio buffers and runs no atexit handlers. The
 * work must write nothing to stdout or stderr itself, and must leave the
 * caller's state alone: what it changes in memory stays in the child.
 * Files it writes (through core/outfile.h) are the caller's to report.
 * Where fork or pipe fails, or the caller asks for no child, the work
 * runs in fnet_child_finish(), in-process, with the same result. */
#ifndef FNET_CHILD_H
#define FNET_CHILD_H

#include "core/error.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

/* The work: returns 0 or an FNET_E* code with err set; writes its text
 * to out. */
typedef int (*fnet_child_fn)(void *ctx, FILE *out, fnet_err *err);

typedef struct fnet_child {
    pid_t pid; /* 0: runs in fnet_child_finish() */
    int fd;    /* the pipe's read end, -1 without a child */
    fnet_child_fn fn;
    void *ctx; /* must live until fnet_child_finish() */
} fnet_child;

/* Starts fn(ctx, ...) in a forked child when in_child (and fork and pipe
 * work); otherwise records it for fnet_child_finish(). Can't fail. */
void fnet_child_start(fnet_child *c, fnet_child_fn fn, void *ctx,
                      bool in_child);

/* Waits for the work and copies its text onto out. Returns its return
 * code with err set as it set it, or FNET_EINTERNAL when the child died
 * or its answer was cut short. Call exactly once per start. */
int fnet_child_finish(fnet_child *c, FILE *out, fnet_err *err);

#endif

/* fdio.h - whole reads and writes on a file descriptor (pipes between
 * factnet and the child processes it forks: analysis/community_async.c,
 * analysis/split.c). Both retry on EINTR and on short transfers. */
#ifndef FNET_FDIO_H
#define FNET_FDIO_H

#include <stddef.h>

/* Writes p[0..n) to fd. Returns 0, or -1 (errno set; 0 written means the
 * reader is gone). */
int fnet_fd_write_all(int fd, const void *p, size_t n);

/* Reads exactly n bytes from fd into p. Returns 0, or -1 on an error or
 * when the writer closed the pipe early. */
int fnet_fd_read_all(int fd, void *p, size_t n);

#endif

/* outfile.h - every file factnet writes goes through here.
 *
 * A regular file is written to a temporary file in the same folder
 * (".NAME.XXXXXX") and renamed over NAME only by fnet_outfile_commit(), after
 * the data is flushed, synced to disk (fsync) and closed without error. On any failure, or on
 * fnet_outfile_abort(), the temporary file is removed and an existing NAME is
 * left untouched. The path "-" means standard output: it is written
 * directly (through its own stream over descriptor 1, after stdout is
 * flushed) and commit checks it for write errors (closed pipe, full disk).
 * An existing path that is not a regular file - a device such as /dev/null
 * or a FIFO - is also written in place (renaming over it would replace the
 * device). A symbolic link is followed: its target is replaced, the link
 * stays. A directory is refused at open. A replaced file keeps its
 * permission bits; a new one gets 0666 & ~umask.
 *
 * Write errors are reported as "PATH: write error: REASON", PATH as given
 * ("standard output" for "-") and REASON the errno of the write that
 * failed first, kept by the stream itself (not whatever errno holds when
 * the failure is noticed). Once a write has failed, nothing more is
 * written. One exception: when the reader of standard output has gone
 * (EPIPE, `factnet ... | head`), the code is FNET_EIO and the message is
 * empty, since stopping early is the reader's choice (docs/CLI.md). */
#ifndef FNET_OUTFILE_H
#define FNET_OUTFILE_H

#include "core/error.h"

#include <stdio.h>

typedef struct fnet_outfile fnet_outfile;

/* Opens path for writing. On success *out owns the handle, which must be
 * passed to exactly one of commit or abort. On error *out is NULL. */
int fnet_outfile_open(fnet_outfile **out, const char *path, fnet_err *err);

/* The stream to write to. Valid until commit/abort. It is not stdout, even
 * for "-"; it cannot seek and has no file descriptor (fileno). */
FILE *fnet_outfile_stream(fnet_outfile *f);

/* The final path (as given to open). */
const char *fnet_outfile_path(const fnet_outfile *f);

/* Flushes, closes and renames into place; frees f in every case. Returns 0 or
 * FNET_EIO with "PATH: reason" in err (and the temporary file removed). */
int fnet_outfile_commit(fnet_outfile *f, fnet_err *err);

/* Commits several files written as one set (an exporter's nodes and edges
 * files): first every file is flushed, synced and closed, and only when all
 * of them succeeded are they renamed into place, one after the other. If
 * any file fails in the first phase, no output is replaced. A rename that
 * fails in the second phase (rare: the folder changed meanwhile) stops the
 * set; err then says how many files were already replaced. Frees every
 * file in every case. Returns 0 or FNET_EIO with "PATH: reason" in err. */
int fnet_outfile_commit_set(fnet_outfile **files, size_t n, fnet_err *err);

/* Discards what was written (what is still buffered is dropped; for "-"
 * or a device, what was already written stays written); frees f. NULL is
 * allowed. Can't fail. */
void fnet_outfile_abort(fnet_outfile *f);

/* For a writer that failed with rc (a negative FNET_E* code, err already
 * set by the writer): discards f like abort, frees it, and returns rc.
 * When rc is FNET_EIO, err is made to name the file: "PATH: write error:
 * REASON" when a write to the stream failed (whatever the writer said),
 * else "PATH: " before the writer's message. Other codes keep err. */
int fnet_outfile_fail(fnet_outfile *f, int rc, fnet_err *err);

/* The end of writing f after its writer returned rc: commit when rc is 0,
 * fnet_outfile_fail otherwise. Frees f; returns 0 or the error code. */
int fnet_outfile_end(fnet_outfile *f, int rc, fnet_err *err);

/* Writes len bytes of data to path atomically (open, write, commit). */
int fnet_outfile_write_all(const char *path, const void *data, size_t len,
                           fnet_err *err);

#endif

/* outfile.h - every file factnet writes goes through here.
 *
 * A regular file is written to a temporary file in the same folder
 * (".NAME.XXXXXX") and renamed over NAME only by fnet_outfile_commit(), after
 * the data is flushed, synced to disk (fsync) and closed without error. On any failure, or on
 * fnet_outfile_abort(), the temporary file is removed and an existing NAME is
 * left untouched. The path "-" means standard output: it is written
 * directly and commit checks it for write errors (closed pipe, full disk).
 * An existing path that is not a regular file - a device such as /dev/null
 * or a FIFO - is also written in place (renaming over it would replace the
 * device). A symbolic link is followed: its target is replaced, the link
 * stays. A directory is refused at open. A replaced file keeps its
 * permission bits; a new one gets 0666 & ~umask. */
#ifndef FNET_OUTFILE_H
#define FNET_OUTFILE_H

#include "core/error.h"

#include <stdio.h>

typedef struct fnet_outfile fnet_outfile;

/* Opens path for writing. On success *out owns the handle, which must be
 * passed to exactly one of commit or abort. On error *out is NULL. */
int fnet_outfile_open(fnet_outfile **out, const char *path, fnet_err *err);

/* The stream to write to. Valid until commit/abort. */
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

/* Discards what was written; frees f. NULL is allowed. Can't fail. */
void fnet_outfile_abort(fnet_outfile *f);

/* Writes len bytes of data to path atomically (open, write, commit). */
int fnet_outfile_write_all(const char *path, const void *data, size_t len,
                           fnet_err *err);

#endif

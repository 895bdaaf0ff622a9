/* infile.h - reading a whole input file into memory, within a size limit.
 *
 * Every input that is read whole (JSON documents, the files of the
 * importers, label maps, source texts) goes through here, so that its size
 * limit (model/limits.h) is exact and memory never exceeds it: a regular
 * file larger than the limit is refused by its size before any byte is
 * read, and anything else (a pipe, standard input) is read only until
 * limit + 1 bytes have arrived, which proves it too large. */
#ifndef FNET_INFILE_H
#define FNET_INFILE_H

#include "core/error.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Reads fp from its current position to its end into a NUL-terminated
 * buffer *out of *len bytes, which the caller frees. name is used in
 * messages. Never holds more than limit + 2 bytes. Returns 0; FNET_EDATA
 * when the input is larger than limit bytes, with "NAME: file larger than
 * the limit of N bytes" in err (callers may word it for their format);
 * FNET_EIO on a read error; FNET_ENOMEM. *out is NULL on error. */
int fnet_infile_read(FILE *fp, const char *name, uint64_t limit, char **out,
                     size_t *len, fnet_err *err);

/* Opens path ("-": standard input, named "<stdin>" in messages) and reads
 * it as fnet_infile_read() does. FNET_EIO when it cannot be opened. */
int fnet_infile_read_path(const char *path, uint64_t limit, char **out,
                          size_t *len, fnet_err *err);

#endif

/* lines.h - reads a stream line by line within a line-length limit.
 *
 * The JSON Lines loader reads its input through here: the stream is read
 * in blocks of FNET_LINES_BLOCK bytes and a line is kept only while it is
 * within the limit, so memory stays at one block plus one line of at most
 * max bytes whatever the input holds (getline() would grow its buffer to
 * the longest line). A longer line is read to its end without being kept.
 * A line that fits in the current block is handed out in place, without a
 * copy. */
#ifndef FNET_LINES_H
#define FNET_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define FNET_LINES_BLOCK 65536

typedef struct fnet_lines {
    /* The current line, after fnet_lines_next() returned 1: text[0..len)
     * without its line feed, NUL-terminated, valid until the next call (the
     * caller may modify it). When too_long is set the line had more than
     * max bytes and was not kept: text is NULL and len is its length. */
    char *text;
    uint64_t len;
    bool too_long;
    /* Private. */
    FILE *fp;
    uint64_t max;
    char *blk; /* FNET_LINES_BLOCK + 1 bytes; [pos, end) not consumed yet */
    size_t pos, end;
    char *buf; /* a line that spans blocks, up to max + 1 bytes */
    size_t cap;
    bool started, eof;
} fnet_lines;

/* Starts reading fp, keeping lines of at most max bytes (not counting the
 * line feed; a carriage return before it is kept). A UTF-8 byte order mark
 * at the start of the stream is skipped. Can't fail. */
void fnet_lines_init(fnet_lines *r, FILE *fp, uint64_t max);

/* Reads the next line. Returns 1 for a line (the last one may lack its
 * line feed), 0 at the end of the stream, FNET_EIO on a read error (errno
 * set) or FNET_ENOMEM. */
int fnet_lines_next(fnet_lines *r);

/* Frees the buffers. Can't fail. */
void fnet_lines_free(fnet_lines *r);

#endif

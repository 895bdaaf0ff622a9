/* load_parallel.h - JSON Lines files parsed on two threads.
 *
 * The file is read in chunks of whole lines. A second thread and the
 * calling thread check and parse chunks (input/json/jsonl.h: plain fact
 * records read straight from their text, other lines through the strict
 * syntax check and cJSON, and the fact records' own checks, none of which
 * touch shared state); the calling thread alone loads the parsed records
 * into the corpus, or hands the facts to a sink, chunk after chunk in
 * file order.
 * Records, messages and their order are therefore exactly those of the
 * serial reader, and the corpus is only ever touched by one thread.
 *
 * Memory: N_SLOTS chunks of about 1 MB of text (at most 16384 lines) and
 * their parse trees, whatever the file size; a line longer than
 * the corpus's line limit is not stored (it is reported by its length), so one
 * chunk never holds more than 1 MB plus one line of at most the limit. */
#ifndef FNET_LOAD_PARALLEL_H
#define FNET_LOAD_PARALLEL_H

#include "core/diag.h"
#include "core/error.h"
#include "input/json/records.h"
#include "model/corpus.h"

#include <stdint.h>
#include <stdio.h>

/* How fnet_load_jsonl_parallel() runs (from fnet_load_opts, input/load.h). */
typedef struct fnet_jsonl_parallel_opts {
    const fnet_load_sink *sink; /* NULL: facts go into the corpus */
    int threads;                /* 1: everything on the calling thread */
    /* NULL, or called after each chunk with the bytes it held. */
    void (*progress)(void *ctx, const char *stage, uint64_t bytes);
    void *progress_ctx;
} fnet_jsonl_parallel_opts;

/* A chunk ends at the first line end FNET_LOAD_CHUNK_BYTES or more past its
 * start, after FNET_LOAD_CHUNK_LINES lines (so that a file of empty lines
 * cannot make a chunk's line records large), or at the end of the file.
 * Tests use them to put lines at the split points. */
#define FNET_LOAD_CHUNK_BYTES (1u << 20)
#define FNET_LOAD_CHUNK_LINES 16384u

/* Loads the JSON Lines text read from fp (name is used in messages) into
 * c, handing facts to o->sink when it is set and reporting progress to
 * o->progress (o may be NULL; o->threads == 1 keeps all the work on the
 * calling thread). Returns 0 when the file was read (data problems are in
 * d), FNET_EIO on a read error, FNET_ENOMEM, or the sink's error; err holds
 * the message for a non-zero return. If no second thread can be started,
 * the calling thread does all the work. */
int fnet_load_jsonl_parallel(fnet_corpus *c, const char *name, FILE *fp,
                             const fnet_jsonl_parallel_opts *o, fnet_diag *d,
                             fnet_err *err);

#endif

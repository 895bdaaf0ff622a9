/* progress.h - the stage of a long job, on standard error.
 *
 * Shown only when standard error is a terminal, and only once the job has
 * run for QUIET seconds (about one; FACTNET_PROGRESS_AFTER=SECONDS changes
 * it), so that small corpora stay silent: one line, "factnet: loading 42%"
 * or "factnet: metrics (12 s)", rewritten in
 * place by a timer thread a few times a second and erased at the end. It
 * uses no terminal escapes: the line is redrawn with a carriage return and
 * padded with spaces.
 *
 * Anything else written to standard error (or to a terminal on standard
 * output) must first call fnet_progress_pause(), which erases the line and
 * keeps it off until the next stage begins.
 *
 * Every function accepts NULL and then does nothing, which is what
 * fnet_progress_start() returns when there is nothing to show on. A forked
 * child must not call these functions (the timer thread is not copied). */
#ifndef FNET_PROGRESS_H
#define FNET_PROGRESS_H

#include <stdint.h>

typedef struct fnet_progress fnet_progress;

/* Starts the clock with a first stage. Returns NULL when standard error is
 * not a terminal (or the timer cannot be started): nothing will be shown.
 * total_bytes is the input size for a percentage, 0 when unknown. */
fnet_progress *fnet_progress_start(const char *stage, uint64_t total_bytes);

/* A new stage begins ("building the graph", ...); the line comes back if it
 * was paused. stage must live until the next stage or the end. */
void fnet_progress_stage(fnet_progress *p, const char *stage,
                         uint64_t total_bytes);

/* The fnet_load_opts.progress callback (ctx is the fnet_progress): adds
 * bytes done to the current stage, or begins stage (without a percentage)
 * when it is another one. Safe from any thread. */
void fnet_progress_load(void *ctx, const char *stage, uint64_t bytes);

/* Erases the line and keeps it off until the next stage. */
void fnet_progress_pause(fnet_progress *p);

/* Prints prefix and msg (a note or warning of job/job.h) as a message of
 * factnet's on standard error, the line of p (may be NULL) paused first;
 * nothing when msg is empty. */
void fnet_progress_note(fnet_progress *p, const char *prefix, const char *msg);

/* Stops the timer, erases the line and frees p. */
void fnet_progress_end(fnet_progress *p);

#endif

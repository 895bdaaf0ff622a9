/* error.h - return codes and the caller-provided error record.
 *
 * Every library function that can fail returns 0 or a negative FNET_E* code
 * and, when given a non-NULL fnet_err, writes one located line into it
 * ("FILE:LINE:COL: error: ..." or "FILE: facts[3].object: ..."). There is no
 * global error state. The CLI maps codes to exit statuses with
 * fnet_err_exit_status(); those statuses are documented in docs/CLI.md and
 * never renumbered. */
#ifndef FNET_ERROR_H
#define FNET_ERROR_H

#include <stddef.h>

enum {
    FNET_OK = 0,
    FNET_EDATA = -1,     /* the input data is invalid (exit 1) */
    FNET_EUSAGE = -2,    /* the command line is wrong (exit 2) */
    FNET_EIO = -3,       /* a file could not be read or written (exit 3) */
    FNET_EINTERNAL = -4, /* a bug or a library failure (exit 4) */
    FNET_ENOMEM = -5,    /* out of memory (exit 4) */
    FNET_EFIT = -6       /* a figure cannot be drawn at the size asked for
                            within the legibility limits (exit 5) */
};

/* Process exit statuses (docs/CLI.md). */
enum {
    FNET_EXIT_OK = 0,
    FNET_EXIT_DATA = 1,
    FNET_EXIT_USAGE = 2,
    FNET_EXIT_IO = 3,
    FNET_EXIT_INTERNAL = 4,
    FNET_EXIT_FIT = 5
};

#define FNET_ERR_MSG_MAX 1024

typedef struct fnet_err {
    int code;                   /* the FNET_E* code last set, or FNET_OK */
    char msg[FNET_ERR_MSG_MAX]; /* one line, no trailing newline */
} fnet_err;

/* Clears the record. */
void fnet_err_clear(fnet_err *err);

/* Formats the message into err (if err is not NULL) and returns code, so a
 * caller can write `return fnet_err_set(err, FNET_EIO, "%s: %s", ...)`. */
int fnet_err_set(fnet_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Maps an FNET_E* code to the process exit status. Can't fail. */
int fnet_err_exit_status(int code);

/* Installs factnet's igraph error and warning handlers (no abort, no
 * printing; igraph errors come back as return codes). Call once at start. */
void fnet_err_init_igraph(void);

/* Maps an igraph error code to FNET_EINTERNAL or FNET_ENOMEM, formatting
 * "WHAT: igraph: <reason>" into err. */
int fnet_err_igraph(fnet_err *err, int igraph_code, const char *what);

#endif

/* error.c - the error record, exit statuses and igraph's error handlers. */
#include "core/error.h"

#include <igraph.h>
#include <stdarg.h>
#include <stdio.h>

void fnet_err_clear(fnet_err *err)
{
    if (err) {
        err->code = FNET_OK;
        err->msg[0] = '\0';
    }
}

int fnet_err_set(fnet_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

int fnet_err_exit_status(int code)
{
    switch (code) {
    case FNET_OK: return FNET_EXIT_OK;
    case FNET_EDATA: return FNET_EXIT_DATA;
    case FNET_EUSAGE: return FNET_EXIT_USAGE;
    case FNET_EIO: return FNET_EXIT_IO;
    case FNET_EFIT: return FNET_EXIT_FIT;
    default: return FNET_EXIT_INTERNAL;
    }
}

/* igraph's handler must unwind its FINALLY stack; igraph_error_handler_ignore
 * does exactly that and prints nothing. The reason comes back to us as the
 * return code, which fnet_err_igraph() turns into a message. */
static void warning_ignore(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void fnet_err_init_igraph(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(warning_ignore);
}

int fnet_err_igraph(fnet_err *err, int igraph_code, const char *what)
{
    int code = igraph_code == IGRAPH_ENOMEM ? FNET_ENOMEM : FNET_EINTERNAL;
    return fnet_err_set(err, code, "%s: igraph: %s", what,
                        igraph_strerror(igraph_code));
}

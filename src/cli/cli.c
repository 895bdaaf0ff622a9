/* cli.c - messages shared by the commands. */
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int usage(const char *cmd, const char *near, const char *fmt, va_list ap)
{
    fputs("factnet: ", stderr);
    vfprintf(stderr, fmt, ap);
    if (near)
        fprintf(stderr, " (did you mean '%s'?)", near);
    if (cmd)
        fprintf(stderr, "\ntry 'factnet %s --help'\n", cmd);
    else
        fputs("\ntry 'factnet --help'\n", stderr);
    return FNET_EXIT_USAGE;
}

int fnet_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = usage(cmd, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

int fnet_cli_usage_near(const char *cmd, const char *near, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = usage(cmd, near, fmt, ap);
    va_end(ap);
    return rc;
}

void fnet_cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("factnet: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int fnet_cli_fail(const fnet_err *err)
{
    if (err->msg[0])
        fnet_cli_error("%s", err->msg);
    return fnet_err_exit_status(err->code);
}

int fnet_cli_status(const char *cmd, int rc, const fnet_err *err)
{
    if (rc == FNET_EUSAGE && !err->msg[0])
        return FNET_EXIT_USAGE; /* already reported */
    if (rc == FNET_EUSAGE)
        return fnet_cli_usage(cmd, "%s", err->msg);
    return rc ? fnet_cli_fail(err) : FNET_EXIT_OK;
}

void fnet_cli_print_diag(const fnet_diag *d)
{
    fnet_diag_print(d, stderr);
}

bool fnet_cli_number(const char *cmd, const char *opt, const char *s,
                     double min, double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v) || v < min || v > max) {
        fnet_cli_usage(cmd, "--%s: expected a number from %g to %g, got '%s'",
                       opt, min, max, s);
        return false;
    }
    *out = v;
    return true;
}

int fnet_cli_finish_stdout(int status)
{
    /* glibc keeps unwritten data buffered after a failed write, so this
     * flush retries it and errno tells why it failed. */
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int e = errno;
    if (failed && e == 0) {
        /* Not so when a write failed earlier and nothing was left to
         * flush: glibc dropped the data and kept only the error flag
         * (seen with `dot --help > /dev/full`, 8219 bytes). One more byte
         * learns why; the output is incomplete either way (exit 3). */
        clearerr(stdout);
        if (fputc('\n', stdout) == EOF || fflush(stdout) != 0)
            e = errno;
    }
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    if (!failed)
        return status;
    /* EPIPE: the reader stopped reading (| head); that is its choice, not
     * worth a message, but the output is incomplete: exit 3. */
    if (e != EPIPE)
        fnet_cli_error("standard output: write error: %s",
                       strerror(e ? e : EIO));
    return status ? status : FNET_EXIT_IO;
}

bool fnet_cli_sources_dir_ok(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fnet_cli_error("--sources-dir: %s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        fnet_cli_error("--sources-dir: %s: not a directory", path);
        return false;
    }
    return true;
}

int fnet_cli_sources_check(const fnet_corpus *c, const char *dir,
                           fnet_prov_stats *ps, fnet_err *err)
{
    fnet_diag d = {0};
    int rc = fnet_prov_check(c, dir, &d, ps, err);
    fnet_cli_print_diag(&d);
    if (rc == 0 && d.n_errors) {
        fnet_cli_error("%zu error%s in the source texts", d.n_errors,
                       d.n_errors == 1 ? "" : "s");
        rc = FNET_EDATA;
    }
    fnet_diag_free(&d);
    return rc;
}

/* cli.c - option parsing and messages shared by the commands. */
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void fnet_args_init(fnet_args *a, const char *cmd, int argc, char **argv)
{
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
    a->only_positional = false;
    a->cmd = cmd;
}

static const fnet_opt *find_long(const fnet_opt *opts, const char *name,
                                 size_t len)
{
    for (const fnet_opt *o = opts; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

int fnet_args_next(fnet_args *a, const fnet_opt *opts, const char **value)
{
    *value = NULL;
    if (a->i >= a->argc)
        return FNET_ARG_END;
    char *w = a->argv[a->i++];
    if (a->only_positional || w[0] != '-' || strcmp(w, "-") == 0) {
        *value = w;
        return FNET_ARG_POSITIONAL;
    }
    if (strcmp(w, "--") == 0) {
        a->only_positional = true;
        return fnet_args_next(a, opts, value);
    }
    const fnet_opt *o = NULL;
    const char *inline_val = NULL;
    if (w[1] == '-') {
        const char *name = w + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        o = find_long(opts, name, len);
        if (!o) {
            fnet_cli_usage(a->cmd, "unknown option '--%.*s'", (int)len, name);
            return FNET_ARG_ERROR;
        }
        if (eq) {
            if (!o->has_arg) {
                fnet_cli_usage(a->cmd, "option '--%s' takes no value", o->name);
                return FNET_ARG_ERROR;
            }
            inline_val = eq + 1;
        }
    } else {
        for (const fnet_opt *p = opts; p->name; p++)
            if (p->short_name && p->short_name == w[1])
                o = p;
        if (!o) {
            fnet_cli_usage(a->cmd, "unknown option '-%c'", w[1]);
            return FNET_ARG_ERROR;
        }
        if (w[2]) {
            if (!o->has_arg) {
                fnet_cli_usage(a->cmd,
                               "option '-%c' takes no value "
                               "(write short options separately)",
                               w[1]);
                return FNET_ARG_ERROR;
            }
            inline_val = w + 2;
        }
    }
    if (o->has_arg) {
        if (inline_val) {
            *value = inline_val;
        } else if (a->i < a->argc) {
            *value = a->argv[a->i++];
        } else {
            fnet_cli_usage(a->cmd, "option '--%s' needs a value", o->name);
            return FNET_ARG_ERROR;
        }
    }
    return o->id;
}

int fnet_args_loop(const fnet_arg_loop *l, int argc, char **argv, char **paths,
                   size_t *n_paths, bool *done)
{
    fnet_args a;
    const char *v;
    int id;
    fnet_args_init(&a, l->cmd, argc, argv);
    while ((id = fnet_args_next(&a, l->options, &v)) != FNET_ARG_END) {
        int h = id > 0 ? l->shared(l->sctx, id, v, l->cmd) : 0;
        if (h < 0 || id == FNET_ARG_ERROR)
            return FNET_EXIT_USAGE;
        if (h > 0)
            continue;
        if (id == FNET_ARG_POSITIONAL) {
            paths[(*n_paths)++] = (char *)v;
        } else if (id == l->help_id) {
            l->help();
            *done = true;
            return FNET_EXIT_OK;
        } else if (!l->own(l->ctx, id, v)) {
            return FNET_EXIT_USAGE;
        }
    }
    if (*n_paths == 0)
        return fnet_cli_usage(l->cmd, "no input files");
    return FNET_EXIT_OK;
}

void fnet_opts_print(FILE *fp, const fnet_opt *opts)
{
    for (const fnet_opt *o = opts; o->name; o++) {
        if (!o->help)
            continue;
        char left[64];
        snprintf(left, sizeof left, "%s%c%s--%s%s%s", o->short_name ? "-" : "",
                 o->short_name ? o->short_name : ' ',
                 o->short_name ? ", " : " ", o->name, o->has_arg ? " " : "",
                 o->has_arg ? (o->arg_name ? o->arg_name : "VALUE") : "");
        if (!o->short_name)
            snprintf(left, sizeof left, "    --%s%s%s", o->name,
                     o->has_arg ? " " : "",
                     o->has_arg ? (o->arg_name ? o->arg_name : "VALUE") : "");
        if (strlen(left) > 26)
            fprintf(fp, "  %s\n  %-26s %s\n", left, "", o->help);
        else
            fprintf(fp, "  %-26s %s\n", left, o->help);
    }
}

int fnet_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("factnet: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\ntry 'factnet %s --help'\n", cmd);
    else
        fputs("\ntry 'factnet --help'\n", stderr);
    return FNET_EXIT_USAGE;
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

void fnet_cli_print_diag(const fnet_diag *d)
{
    fnet_diag_print(d, stderr);
}

bool fnet_cli_formula_guard_option(int id, bool *off)
{
    if (id != FNET_OPT_NO_FORMULA_GUARD)
        return false;
    *off = true;
    return true;
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

/* cmd_render.c - `factnet render`: the relationship diagram laid out and
 * rendered in-process by Graphviz (gvc) to SVG, PDF or PNG. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/diagopts.h"

#include "output/diagram/render.h"

#include <string.h>

typedef struct job {
    const char *out, *format;
} job;

static const fnet_opt options[] = {
    FNET_STRING("format", 'f', job, format, "FMT",
                "svg, pdf, png or eps (default: from the -o extension)"),
    FNET_OPT_HELP_SPEC,
    FNET_STRING("output", 'o', job, out, "FILE",
                "write to FILE (required; '-' with --format: standard "
                "output)"),
    {0},
};

/* An output file, and a format we render: from --format or the -o
 * extension. 0, or -1 after a usage error. */
static int check(void *ctx)
{
    job *j = ctx;
    if (!j->out)
        return fnet_cli_usage("render", "no output file (-o OUT.svg, "
                                        "OUT.pdf, OUT.png or OUT.eps)"),
               -1;
    if (!j->format)
        j->format = fnet_render_format_from_path(j->out);
    if (!j->format)
        return fnet_cli_usage("render",
                              "cannot tell the format of '%s': "
                              "use a .svg, .pdf, .png or .eps name or "
                              "--format",
                              j->out),
               -1;
    if (!fnet_render_format_known(j->format))
        return fnet_cli_usage("render",
                              "--format: expected svg, pdf, png "
                              "or eps, got '%s'",
                              j->format),
               -1;
    return 0;
}

/* Before the work: a missing plugin fails fast. */
static int prepare(void *ctx, fnet_renderer *r, fnet_err *err)
{
    return fnet_render_check_format(r, ((job *)ctx)->format, err);
}

/* Lays the figure out and writes it (its legend beside it with --legend
 * separate); a file appears only on success. The preflight report goes to
 * standard output, or standard error when the figure does. */
static int render(void *ctx, fnet_renderer *r, const fnet_figure *f,
                  const fnet_print_opts *p, fnet_err *err)
{
    job *j = ctx;
    bool to_stdout = strcmp(j->out, "-") == 0;
    if (to_stdout && p->legend == FNET_LEGEND_SEPARATE)
        return fnet_err_set(err, FNET_EUSAGE,
                            "--legend separate needs an output file name");
    return fnet_print_write(r, f, p, j->format, j->out,
                            to_stdout ? stderr : stdout, err);
}

int fnet_cmd_render(int argc, char **argv)
{
    job j = {0};
    const fnet_diagcmd cmd = {
        .name = "render",
        .options = options,
        .help = &fnet_helptext_render,
        .check = check,
        .prepare = prepare,
        .write = render,
        .ctx = &j,
    };
    return fnet_diagopts_command(&cmd, argc, argv);
}

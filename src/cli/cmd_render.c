/* cmd_render.c - `factnet render`: the relationship diagram laid out and
 * rendered in-process by Graphviz (gvc) to SVG, PDF or PNG. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/diagopts.h"

#include "output/diagram/render.h"

typedef struct job {
    const char *out, *format;
} job;

static const fnet_opt options[] = {
    FNET_STRING("format", 'f', job, format, "FMT",
                "svg, pdf or png (default: from the -o extension)"),
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
                                        "OUT.pdf or OUT.png)"),
               -1;
    if (!j->format)
        j->format = fnet_render_format_from_path(j->out);
    if (!j->format)
        return fnet_cli_usage("render",
                              "cannot tell the format of '%s': "
                              "use a .svg, .pdf or .png name or --format",
                              j->out),
               -1;
    if (!fnet_render_format_known(j->format))
        return fnet_cli_usage("render",
                              "--format: expected svg, pdf or "
                              "png, got '%s'",
                              j->format),
               -1;
    return 0;
}

/* Before the work: a missing plugin fails fast. */
static int prepare(void *ctx, fnet_renderer *r, fnet_err *err)
{
    return fnet_render_check_format(r, ((job *)ctx)->format, err);
}

/* Lays g out and writes it; the output file appears only on success. */
static int render(void *ctx, fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    job *j = ctx;
    int rc = fnet_render_layout(r, g, err);
    if (!rc) {
        rc = fnet_render_write(r, g, j->format, j->out, err);
        fnet_render_unlayout(r, g);
    }
    return rc;
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

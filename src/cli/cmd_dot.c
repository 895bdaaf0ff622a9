/* cmd_dot.c - `factnet dot`: the relationship diagram as a DOT file,
 * written through cgraph. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/diagopts.h"

#include "output/diagram/dot.h"
#include "output/diagram/render.h"

typedef struct job {
    const char *out;
} job;

static const fnet_opt options[] = {
    FNET_OPT_HELP_SPEC,
    FNET_STRING("output", 'o', job, out, "FILE",
                "write to FILE (default: standard output)"),
    {0},
};

/* Writes the figure's graph to the -o path (default: standard output). */
static int write_dot(void *ctx, fnet_renderer *r, const fnet_figure *f,
                     const fnet_print_opts *p, fnet_err *err)
{
    const char *path = ((job *)ctx)->out;
    (void)r;
    if (p->legend == FNET_LEGEND_SEPARATE || p->preflight)
        return fnet_err_set(err, FNET_EUSAGE,
                            "%s is about rendered files: use factnet render",
                            p->preflight ? "--preflight" : "--legend separate");
    return fnet_dot_write_file(f->g, path ? path : "-", err);
}

int fnet_cmd_dot(int argc, char **argv)
{
    job j = {0};
    const fnet_diagcmd cmd = {
        .name = "dot",
        .options = options,
        .help = &fnet_helptext_dot,
        .write = write_dot,
        .ctx = &j,
    };
    return fnet_diagopts_command(&cmd, argc, argv);
}

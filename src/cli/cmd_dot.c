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

/* Writes g to the -o path (default: standard output). */
static int write_dot(void *ctx, fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    const char *path = ((job *)ctx)->out;
    (void)r;
    return fnet_dot_write_file(g, path ? path : "-", err);
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

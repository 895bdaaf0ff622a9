/* cmd_dot.c - `factnet dot`: the relationship diagram as a DOT file,
 * written through cgraph. */
#include "cli/cli.h"
#include "cli/diagopts.h"

#include "core/outfile.h"
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

static const fnet_opt_help help = {
    .usage = "factnet dot [OPTIONS] FILE...",
    .about = "Writes the relationship diagram of the fact files as "
             "Graphviz DOT: styled\n"
             "nodes and edges, a legend, a title and a caption, ready "
             "for `factnet render`\n"
             "or any Graphviz tool. With the legend the file holds "
             "the final positions\n"
             "(laid out in-process, layout=nop2); with --no-legend it "
             "names the engine\n"
             "and Graphviz lays it out.",
};

/* Writes g to the -o path (default: standard output). */
static int write_dot(void *ctx, fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    const char *path = ((job *)ctx)->out;
    fnet_outfile *f = NULL;
    (void)r;
    int rc = fnet_outfile_open(&f, path ? path : "-", err);
    if (rc)
        return rc;
    rc = fnet_dot_write(g, fnet_outfile_stream(f), err);
    return fnet_outfile_end(f, rc, err);
}

int fnet_cmd_dot(int argc, char **argv)
{
    job j = {0};
    const fnet_diagcmd cmd = {
        .name = "dot",
        .options = options,
        .help = &help,
        .write = write_dot,
        .ctx = &j,
    };
    return fnet_diagopts_command(&cmd, argc, argv);
}

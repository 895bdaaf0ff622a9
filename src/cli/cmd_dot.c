/* cmd_dot.c - `factnet dot`: the relationship diagram as a DOT file,
 * written through cgraph. */
#include "cli/cli.h"
#include "cli/diagopts.h"

#include "core/outfile.h"
#include "output/render.h"

enum { OPT_HELP = 1, OPT_OUTPUT };

static const fnet_opt options[] = {
    {"help", 'h', false, OPT_HELP, NULL, "show this help and exit"},
    {"output", 'o', true, OPT_OUTPUT, "FILE",
     "write to FILE (default: standard output)"},
    FNET_DIAGOPTS_OPTIONS,
    FNET_GRAPHOPTS_OPTIONS,
    {0},
};

static void help(void)
{
    puts("usage: factnet dot [OPTIONS] FILE...\n\n"
         "Writes the relationship diagram of the fact files as Graphviz DOT: "
         "styled\nnodes and edges, a legend, a title and a caption, ready for "
         "`factnet render`\nor any Graphviz tool. With the legend the file "
         "holds the final positions\n(laid out in-process, layout=nop2); "
         "with --no-legend it names the engine\nand Graphviz lays it out.\n");
    fnet_diagopts_print_options(stdout, options);
    fnet_diagopts_help(stdout);
    fnet_graphopts_help(stdout);
    puts("\nexit status: 0 ok, 1 invalid data, 2 usage error, 3 I/O error,\n"
         "4 internal error.");
}

/* The command's own options: -o. */
static bool own(void *ctx, int id, const char *v)
{
    if (id == OPT_OUTPUT)
        *(const char **)ctx = v;
    return true;
}

/* Writes g to the -o path (default: standard output). */
static int write_dot(void *ctx, fnet_renderer *r, Agraph_t *g, fnet_err *err)
{
    const char *path = *(const char **)ctx;
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
    const char *out = NULL;
    const fnet_diagcmd cmd = {
        .name = "dot",
        .options = options,
        .help_id = OPT_HELP,
        .help = help,
        .own = own,
        .write = write_dot,
        .ctx = &out,
    };
    return fnet_diagopts_command(&cmd, argc, argv);
}

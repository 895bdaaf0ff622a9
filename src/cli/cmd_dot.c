/* cmd_dot.c - `factnet dot`: the relationship diagram as a DOT file,
 * written through cgraph. */
#include "cli/cli.h"
#include "cli/diagopts.h"

#include "core/outfile.h"
#include "output/render.h"

#include <stdlib.h>

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

static int write_dot(Agraph_t *g, const char *path, fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, path ? path : "-", err);
    if (rc)
        return rc;
    rc = fnet_dot_write(g, fnet_outfile_stream(f), err);
    if (rc) {
        fnet_outfile_abort(f);
        return rc;
    }
    return fnet_outfile_commit(f, err);
}

int fnet_cmd_dot(int argc, char **argv)
{
    fnet_args a;
    fnet_diagopts o;
    const char *v, *out = NULL;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    int status = FNET_EXIT_OK, id, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    Agraph_t *g = NULL;
    fnet_renderer *r = NULL;

    if (!paths)
        return FNET_EXIT_INTERNAL;
    fnet_diagopts_init(&o);
    fnet_args_init(&a, "dot", argc, argv);
    while ((id = fnet_args_next(&a, options, &v)) != FNET_ARG_END) {
        int h = id > 0 ? fnet_diagopts_handle(&o, id, v, "dot") : 0;
        if (h < 0 || id == FNET_ARG_ERROR) {
            status = FNET_EXIT_USAGE;
            goto done;
        }
        if (h > 0)
            continue;
        if (id == FNET_ARG_POSITIONAL)
            paths[n_paths++] = (char *)v;
        else if (id == OPT_HELP) {
            help();
            goto done;
        } else if (id == OPT_OUTPUT)
            out = v;
    }
    if (n_paths == 0) {
        status = fnet_cli_usage("dot", "no input files");
        goto done;
    }
    if (fnet_diagopts_finish(&o, "dot") != 0) {
        status = FNET_EXIT_USAGE;
        goto done;
    }
    rc = FNET_OK;
    status = fnet_cli_load(&c, "dot", paths, n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto done;
    if (rc == 0)
        rc = fnet_renderer_new(&r, &err);
    if (rc == 0)
        rc = fnet_diagopts_graph(&g, c, &o, r, &err);
    if (rc == 0)
        rc = write_dot(g, out, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage("dot", "%s", err.msg);
    else if (rc)
        status = fnet_cli_fail(&err);
done:
    if (g)
        agclose(g);
    fnet_renderer_free(r);
    fnet_corpus_free(c);
    free(paths);
    return status;
}

/* cmd_render.c - `factnet render`: the relationship diagram laid out and
 * rendered in-process by Graphviz (gvc) to SVG, PDF or PNG. */
#include "cli/cli.h"
#include "cli/diagopts.h"

#include "output/render.h"

#include <stdlib.h>

enum { OPT_HELP = 1, OPT_FORMAT, OPT_OUTPUT };

static const fnet_opt options[] = {
    {"format", 'f', true, OPT_FORMAT, "FMT",
     "svg, pdf or png (default: from the -o extension)"},
    {"help", 'h', false, OPT_HELP, NULL, "show this help and exit"},
    {"output", 'o', true, OPT_OUTPUT, "FILE",
     "write to FILE (required; '-' with --format: standard output)"},
    FNET_DIAGOPTS_OPTIONS,
    FNET_GRAPHOPTS_OPTIONS,
    {0},
};

static void help(void)
{
    puts("usage: factnet render [OPTIONS] FILE... -o OUT.svg|OUT.pdf|OUT.png"
         "\n\nLays out and renders the relationship diagram of the fact files "
         "with\nGraphviz, in-process (no `dot` program is run). Same diagram "
         "as `factnet dot`\nwith the same options.\n");
    fnet_diagopts_print_options(stdout, options);
    fnet_diagopts_help(stdout);
    fnet_graphopts_help(stdout);
    puts("\nexit status: 0 ok, 1 invalid data, 2 usage error, 3 I/O error,\n"
         "4 internal error (including a Graphviz renderer or layout plugin "
         "that is\nnot installed).");
}

/* Lays g out and writes it; the output file appears only on success. */
static int render(fnet_renderer *r, Agraph_t *g, const char *format,
                  const char *out, fnet_err *err)
{
    int rc = fnet_render_layout(r, g, err);
    if (!rc) {
        rc = fnet_render_write(r, g, format, out, err);
        fnet_render_unlayout(r, g);
    }
    return rc;
}

static const char *choose_format(const char *format, const char *out)
{
    if (format)
        return format;
    return fnet_render_format_from_path(out);
}

int fnet_cmd_render(int argc, char **argv)
{
    fnet_args a;
    fnet_diagopts o;
    const char *v, *out = NULL, *format = NULL;
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
    fnet_args_init(&a, "render", argc, argv);
    while ((id = fnet_args_next(&a, options, &v)) != FNET_ARG_END) {
        int h = id > 0 ? fnet_diagopts_handle(&o, id, v, "render") : 0;
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
        else if (id == OPT_FORMAT)
            format = v;
    }
    if (n_paths == 0) {
        status = fnet_cli_usage("render", "no input files");
        goto done;
    }
    if (!out) {
        status = fnet_cli_usage("render", "no output file (-o OUT.svg, "
                                "OUT.pdf or OUT.png)");
        goto done;
    }
    format = choose_format(format, out);
    if (!format) {
        status = fnet_cli_usage("render", "cannot tell the format of '%s': "
                                "use a .svg, .pdf or .png name or --format",
                                out);
        goto done;
    }
    if (!fnet_render_format_known(format)) {
        status = fnet_cli_usage("render", "--format: expected svg, pdf or "
                                "png, got '%s'", format);
        goto done;
    }
    if (fnet_diagopts_finish(&o, "render") != 0) {
        status = FNET_EXIT_USAGE;
        goto done;
    }
    rc = FNET_OK;
    status = fnet_cli_load(&c, "render", paths, n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto done;
    if (rc == 0)
        rc = fnet_renderer_new(&r, &err);
    if (rc == 0) /* before the work: a missing plugin fails fast */
        rc = fnet_render_check_format(r, format, &err);
    if (rc == 0)
        rc = fnet_diagopts_graph(&g, c, &o, r, &err);
    if (rc == 0)
        rc = render(r, g, format, out, &err);
    if (rc == FNET_EUSAGE)
        status = fnet_cli_usage("render", "%s", err.msg);
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

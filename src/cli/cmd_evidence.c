/* cmd_evidence.c - `factnet evidence`: the facts, quotes and sources behind
 * every edge of the graph. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"

#include "core/outfile.h"
#include "input/load.h"
#include "output/tables/evidence.h"
#include "output/tables/table.h"

#include <stdlib.h>
#include <string.h>

typedef struct eopts {
    fnet_graphopts g;
    fnet_cli_input in;
    int format; /* enum fnet_table_format */
    int layout; /* latex: 0 longtable, 1 list; -1: not given */
    const char *out, *caption, *label;
    bool no_formula_guard;
} eopts;

static const char *const layouts[] = {"longtable", "list", NULL};

/* clang-format off */
static const fnet_opt options[] = {
    FNET_STRING("caption", 0, eopts, caption, "TEXT", "latex: table caption"),
    FNET_TABLE_FORMAT_OPTION(eopts, format, "md, csv, tsv, latex or json",
                             "md (default), csv, tsv, latex or json"),
    FNET_OPT_HELP_SPEC,
    FNET_STRING("label", 0, eopts, label, "KEY", "latex: \\label key"),
    FNET_CHOICE("layout", 0, eopts, layout, layouts, NULL, "L",
                "latex: longtable (default; one-column pages) or list "
                "(two-column)"),
    FNET_FORMULA_GUARD_OPTION(eopts, no_formula_guard),
    FNET_STRING("output", 'o', eopts, out, "FILE",
                "write to FILE (default: standard output)"),
    {0},
};
/* clang-format on */

static int parse(eopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_graphopts_parse_args("evidence", options, o, &o->g,
                                           &o->in, argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("evidence", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    if ((o->caption || o->label || o->layout >= 0) &&
        o->format != FNET_TABLE_LATEX)
        return fnet_cli_usage("evidence",
                              "--%s applies to --format latex "
                              "only",
                              o->caption ? "caption"
                              : o->label ? "label"
                                         : "layout");
    return fnet_graphopts_finish(&o->g, "evidence") == 0 ? FNET_EXIT_OK
                                                         : FNET_EXIT_USAGE;
}

/* Writes the listing in the chosen format to o->out (atomically). */
static int write_evidence(const eopts *o, const fnet_evidence *ev,
                          fnet_err *err)
{
    fnet_outfile *f = NULL;
    fnet_table *t = NULL;
    int rc = FNET_OK;
    if (o->format != FNET_TABLE_MD && o->format != FNET_TABLE_LATEX)
        rc = fnet_evidence_table(&t, ev, err);
    if (rc == FNET_OK)
        rc = fnet_outfile_open(&f, o->out ? o->out : "-", err);
    if (rc != FNET_OK)
        goto done;
    FILE *fp = fnet_outfile_stream(f);
    if (o->format == FNET_TABLE_MD) {
        rc = fnet_evidence_write_md(ev, fp, err);
    } else if (o->format == FNET_TABLE_LATEX) {
        rc = fnet_evidence_write_latex(ev, fp, o->caption, o->label,
                                       o->layout == 1, err);
    } else {
        fnet_table_style st = {.format = o->format,
                               .digits = -1,
                               .no_formula_guard = o->no_formula_guard};
        rc = fnet_table_write(t, fp, &st, err);
    }
    rc = fnet_outfile_end(f, rc, err);
done:
    fnet_table_free(t);
    return rc;
}

int fnet_cmd_evidence(int argc, char **argv)
{
    eopts o = {.format = FNET_TABLE_MD, .layout = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_evidence};
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_graph *g = NULL;
    fnet_evidence *ev = NULL;

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    status = fnet_graphopts_load(&g, &c, NULL, "evidence", r.paths, r.n_paths,
                                 &o.g, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    rc = fnet_evidence_build(&ev, g, &err);
    if (rc == FNET_OK)
        rc = write_evidence(&o, ev, &err);
    status = rc ? fnet_cli_fail(&err) : FNET_EXIT_OK;
out:
    fnet_evidence_free(ev);
    fnet_graph_free(g);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

/* cmd_balance.c - `factnet balance`: structural balance of the signed graph
 * (triangles by sign pattern) and the evidence of each unbalanced
 * triangle. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/graphopts.h"
#include "cli/input_opts.h"

#include "core/outfile.h"
#include "input/load.h"
#include "job/job.h"
#include "output/tables/balance_table.h"

#include <stdlib.h>

typedef struct bopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_table_style style;
    const char *out;
    int table; /* --table: -1 not given, 0 summary, 1 triangles */
    bool all, format_given;
} bopts;

static const char *const tables[] = {"summary", "triangles", NULL};

/* clang-format off */
static const fnet_opt options[] = {
    FNET_FLAG("all", 0, bopts, all,
              "list every signed triangle, not only the unbalanced ones"),
    FNET_DIGITS_OPTION(bopts, style.digits),
    FNET_TABLE_FORMAT_OPTION(bopts, style.format,
                             "md, csv, tsv, latex or json",
                             "md (default), csv, tsv, latex or json"),
    FNET_OPT_HELP_SPEC,
    FNET_LATEX_WIDTH_OPTION(bopts, style.latex_width),
    FNET_FORMULA_GUARD_OPTION(bopts, style.no_formula_guard),
    FNET_STRING("output", 'o', bopts, out, "FILE",
                "write to FILE (default: standard output)"),
    {.name = "table", .type = FNET_OPT_CHOICE, FNET_FIELD(bopts, table),
     .values = tables, .arg = "T",
     .help = "summary or triangles: the one table to write (csv/tsv/latex)"},
    {0},
};
/* clang-format on */

/* ---- the command ------------------------------------------------------- */

static int write_output(const bopts *o, const fnet_graph *g,
                        const fnet_balance *b, fnet_err *err)
{
    fnet_outfile *f = NULL;
    fnet_balance_write_opts wo = {
        .style = o->style,
        .all = o->all,
        .summary = o->table == 0,
    };
    int rc = fnet_outfile_open(&f, o->out ? o->out : "-", err);
    if (rc)
        return rc;
    rc = fnet_balance_write(fnet_outfile_stream(f), g, b, &wo, err);
    return fnet_outfile_end(f, rc, err);
}

static int parse(bopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_graphopts_parse_args("balance", options, o, &o->g, &o->in,
                                           argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("balance", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    if (fnet_graphopts_finish(&o->g, "balance") != 0)
        return FNET_EXIT_USAGE;
    if (o->g.unweighted || o->g.weighted_paths)
        return fnet_cli_usage("balance",
                              "--%s does not apply to balance "
                              "(a pair's sign always weighs its facts)",
                              o->g.unweighted ? "unweighted" : "weighted");
    if (o->table >= 0 && (o->style.format == FNET_TABLE_MD ||
                          o->style.format == FNET_TABLE_JSON))
        return fnet_cli_usage("balance",
                              "--table applies to csv, tsv and "
                              "latex (md and json hold both tables)");
    return FNET_EXIT_OK;
}

int fnet_cmd_balance(int argc, char **argv)
{
    bopts o = {.table = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_balance};
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_job job = {0};
    fnet_job_opts jo;

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    o.style.format = FNET_TABLE_MD;
    o.style.digits = -1;
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    status = fnet_cli_load(&c, "balance", r.paths, r.n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    fnet_job_opts_init(&jo);
    jo.want = 0; /* the graph and its triangles only */
    jo.balance = true;
    jo.balance_all = o.all;
    rc = fnet_job_run(&job, c, &o.g.graph, &jo, &err);
    if (rc == 0)
        rc = write_output(&o, job.g, &job.bal, &err);
    status = fnet_cli_status("balance", rc, &err);
out:
    fnet_job_free(&job);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

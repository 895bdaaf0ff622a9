/* cmd_methods.c - `factnet methods`: the methods paragraph of a run and
 * the BibTeX of its sources. */
#include "cli/cli.h"
#include "cli/graphopts.h"
#include "cli/helptext.h"
#include "cli/input_opts.h"

#include "core/outfile.h"
#include "input/provenance.h"
#include "job/job.h"
#include "output/report/methods.h"

#include <stdlib.h>

typedef struct meopts {
    fnet_graphopts g;
    fnet_cli_input in;
    fnet_community_opts co;
    const char *out, *bib, *sources_dir;
    int latex; /* --format: 0 md, 1 latex */
    bool resolution_given;
} meopts;

static const char *const formats[] = {"md", "latex", NULL};

/* clang-format off */
static const fnet_opt options[] = {
    FNET_CALL("algorithm", meopts, co.algorithm, fnet_opt_algorithm, "A",
              "community algorithm (default leiden)"),
    FNET_STRING("bib", 0, meopts, bib, "FILE",
                "write the BibTeX of the sources and papers cited to FILE "
                "and cite by key"),
    FNET_CHOICE("format", 'f', meopts, latex, formats, NULL, "F",
                "md (default) or latex"),
    FNET_OPT_HELP_SPEC,
    FNET_STRING("output", 'o', meopts, out, "FILE",
                "write to FILE (default: standard output)"),
    FNET_RESOLUTION_OPTION(meopts, co.resolution, resolution_given,
                           "modularity resolution (leiden, louvain, "
                           "spinglass; default 1)"),
    FNET_RUNS_OPTION(meopts, co.runs,
                     "run community detection N times (seeds S, S+1, ...)"),
    FNET_SEED_OPTION(meopts, co.seed,
                     "random seed for communities (default 42)"),
    FNET_STRING("sources-dir", 0, meopts, sources_dir, "DIR",
                "verify evidence quotes against the source texts in DIR"),
    {0},
};
/* clang-format on */

static int parse(meopts *o, int argc, char **argv, fnet_opt_result *r)
{
    const char *cmd = "methods";
    int status = fnet_graphopts_parse_args(cmd, options, o, &o->g, &o->in, argc,
                                           argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check(cmd, &o->in) != FNET_EXIT_OK ||
        fnet_graphopts_finish(&o->g, cmd) != 0 ||
        !fnet_opt_resolution_ok(cmd, o->resolution_given, o->co.algorithm))
        return FNET_EXIT_USAGE;
    o->co.unweighted = o->g.unweighted;
    return FNET_EXIT_OK;
}

/* The paragraph to --output, then the BibTeX to --bib. */
static int write_outputs(const meopts *o, const fnet_methods_run *run,
                         fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, o->out ? o->out : "-", err);
    if (rc)
        return rc;
    rc = fnet_outfile_end(
        f, fnet_methods_write(fnet_outfile_stream(f), run, o->latex), err);
    if (rc || !o->bib)
        return rc;
    if ((rc = fnet_outfile_open(&f, o->bib, err)))
        return rc;
    return fnet_outfile_end(
        f, fnet_methods_bib_write(fnet_outfile_stream(f), run), err);
}

int fnet_cmd_methods(int argc, char **argv)
{
    meopts o = {0};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_methods};
    int status, rc;
    fnet_err err = {0};
    fnet_corpus *c = NULL;
    fnet_job job = {0};
    fnet_job_opts jo;
    fnet_prov_stats ps = {0};

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    fnet_graphopts_init(&o.g);
    fnet_community_opts_init(&o.co);
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    if (o.sources_dir && !fnet_cli_sources_dir_ok(o.sources_dir)) {
        status = FNET_EXIT_IO;
        goto out;
    }
    status = fnet_cli_load(&c, "methods", r.paths, r.n_paths, &o.in);
    if (status != FNET_EXIT_OK)
        goto out;
    rc =
        o.sources_dir ? fnet_cli_sources_check(c, o.sources_dir, &ps, &err) : 0;
    if (rc == FNET_EDATA) {
        status = FNET_EXIT_DATA;
        goto out;
    }
    /* As `metrics --level graph` computes them (cmd_metrics.c). */
    fnet_graphopts_job(&jo, &o.g, &o.co);
    jo.want = 0;
    jo.graph_metrics = true;
    if (rc == 0)
        rc = fnet_job_run(&job, c, &o.g.graph, &jo, &err);
    fnet_methods_run run = {
        .c = c,
        .job = &job,
        .go = &o.g.graph,
        .co = &o.co,
        .unweighted = o.g.unweighted,
        .weighted_paths = o.g.weighted_paths,
        .ps = o.sources_dir ? &ps : NULL,
        .sources_dir = o.sources_dir,
        .cite_keys = o.bib != NULL,
    };
    if (rc == 0)
        rc = write_outputs(&o, &run, &err);
    status = fnet_cli_status("methods", rc, &err);
out:
    fnet_job_free(&job);
    fnet_corpus_free(c);
    free(r.paths);
    return status;
}

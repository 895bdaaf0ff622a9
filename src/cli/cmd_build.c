/* cmd_build.c - `factnet build`: for every corpus, the diagram (DOT, SVG,
 * PDF), the metrics tables (CSV, LaTeX), the communities and a summary. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/diagopts.h"
#include "cli/reportgen.h"

#include "job/job.h"
#include "output/diagram/render.h"
#include "output/tables/build_files.h"

#include <glob.h>
#include <stdlib.h>
#include <unistd.h>

#define DEFAULT_GLOB "data/*.json"
#define DEFAULT_DIR "graphs"

/* What the options set; print: NAME.print.pdf's and the input options. */
typedef struct bopts {
    const char *dir, *sources_dir;
    bool no_guard;
    fnet_diagopts print;
} bopts;

static const fnet_opt options[] = {
    FNET_OPT_HELP_SPEC,
    FNET_FORMULA_GUARD_OPTION(bopts, no_guard),
    FNET_STRING("output", 'o', bopts, dir, "DIR",
                "write into DIR (default: graphs; created if missing)"),
    FNET_STRING("sources-dir", 0, bopts, sources_dir, "DIR",
                "verify the quotes against the texts in DIR (as check)"),
    {0},
};

/* ---- one corpus -------------------------------------------------------- */

typedef struct job {
    const char *path, *dir;
    char name[256];
    const fnet_corpus *c;
    fnet_job res;           /* graph, metrics, communities, graph metrics */
    fnet_community_opts co; /* how res's communities were found */
    fnet_prov_stats ps;     /* the quotes checked (--sources-dir) */
    fnet_build_files files; /* the files of output/tables/build_files.h */
    fnet_renderer *r;
    const fnet_diagopts *print; /* NAME.print.pdf's options */
    Agraph_t *ag;               /* the diagram, made by diagram_files() */
    bool laid_out;              /* ag is laid out */
    bool progress;
    fnet_buf out; /* the report's path */
} job;

static void progress(const job *j, const char *what)
{
    if (j->progress)
        fprintf(stderr, "factnet: %s: %s...\n", j->name, what);
}

static void stage(void *ctx, const char *what)
{
    progress(ctx, what);
}

static void wrote(void *ctx, const char *path)
{
    (void)ctx;
    printf("wrote %s\n", path);
}

/* NAME.print.pdf, then the diagram, laid out once (the most costly step
 * by far: spline routing) and kept laid out in j->ag for every format:
 * SVG, PDF and the report's SVG. */
static int diagram_files(job *j, fnet_err *err)
{
    const char *path =
        fnet_build_files_path(&j->out, j->dir, j->name, ".print.pdf");
    bool printed = false;
    progress(j, "laying out the diagram");
    int rc = fnet_diagopts_build_figures(&j->ag, j->c, j->print, j->r, path,
                                         &printed, err);
    if (printed)
        wrote(NULL, path);
    if (!rc)
        rc =
            fnet_build_files_diagram(&j->files, j->r, j->ag, &j->laid_out, err);
    return rc;
}

/* ---- report ------------------------------------------------------------ */

static int report_file(job *j, fnet_err *err)
{
    fnet_reportopts o;
    fnet_reportopts_init(&o);
    fnet_diagopts_finish(&o.d, "build");
    progress(j, "writing the HTML report");
    const char *path = fnet_build_files_path(&j->out, j->dir, j->name, ".html");
    int rc = fnet_report_write(j->c, &o, j->r, j->ag, path, err);
    if (!rc)
        wrote(NULL, path);
    return rc;
}

/* ---- driver ------------------------------------------------------------ */

/* The quotes checked with --sources-dir (FNET_EDATA when some are wrong:
 * reported), then the metrics, communities and graph metrics of
 * factnet's defaults (full view, Leiden seed 42), as `factnet metrics`. */
static int analyse(job *j, fnet_err *err)
{
    char msg[512];
    const char *dir = j->files.sources_dir;
    int rc = dir ? fnet_cli_sources_check(j->c, dir, &j->ps, err) : 0;
    progress(j, "computing metrics and communities");
    if (!rc)
        rc = fnet_job_run_defaults(&j->res, j->c, &j->co, err);
    fnet_job_sampling_message(&j->res, false, msg, sizeof msg);
    if (!rc && msg[0])
        fnet_cli_error("note: %s: %s", j->name, msg);
    return rc;
}

static void job_free(job *j)
{
    if (j->laid_out)
        fnet_render_unlayout(j->r, j->ag);
    if (j->ag)
        agclose(j->ag);
    fnet_job_free(&j->res);
    fnet_buf_free(&j->out);
}

/* Returns 0 or an error code; a load failure is reported already, with its
 * exit status in *reported. */
static int one(const char *path, const bopts *o, fnet_renderer *r,
               fnet_err *err, int *reported)
{
    job j = {.path = path,
             .dir = o->dir,
             .r = r,
             .print = &o->print,
             .progress = isatty(STDERR_FILENO) != 0};
    fnet_corpus *c = NULL;
    char *paths[] = {(char *)path};
    fnet_build_files_name(path, j.name, sizeof j.name);
    progress(&j, "loading");
    *reported = fnet_cli_load(&c, "build", paths, 1, &o->print.in);
    int rc = *reported ? FNET_EDATA : FNET_OK;
    j.c = c;
    j.files = (fnet_build_files){.dir = o->dir,
                                 .name = j.name,
                                 .path = path,
                                 .c = c,
                                 .job = &j.res,
                                 .co = &j.co,
                                 .ps = o->sources_dir ? &j.ps : NULL,
                                 .sources_dir = o->sources_dir,
                                 .no_formula_guard = o->no_guard,
                                 .wrote = wrote,
                                 .stage = stage,
                                 .ctx = &j};
    if (!rc)
        rc = analyse(&j, err);
    if (!rc)
        rc = diagram_files(&j, err);
    if (!rc)
        rc = fnet_build_files_write(&j.files, err);
    if (!rc)
        rc = report_file(&j, err);
    job_free(&j);
    fnet_corpus_free(c);
    return rc;
}

/* Two inputs with the same NAME would overwrite each other's outputs. */
static bool names_unique(char **paths, size_t n)
{
    size_t a, b;
    char name[256];
    if (!fnet_build_files_clash(paths, n, &a, &b))
        return true;
    fnet_build_files_name(paths[a], name, sizeof name);
    fnet_cli_usage("build", "'%s' and '%s' would both write %s.*", paths[a],
                   paths[b], name);
    return false;
}

static int run(char **paths, size_t n, const bopts *o)
{
    fnet_err err = {0};
    fnet_renderer *r = NULL;
    int reported = FNET_EXIT_OK;
    if (o->sources_dir && !fnet_cli_sources_dir_ok(o->sources_dir))
        return FNET_EXIT_IO;
    int rc = fnet_build_files_make_dir(o->dir, &err);
    if (!rc)
        rc = fnet_renderer_new(&r, &err);
    if (!rc)
        rc = fnet_render_check_format(r, "svg", &err);
    if (!rc)
        rc = fnet_render_check_format(r, "pdf", &err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = one(paths[i], o, r, &err, &reported);
    fnet_renderer_free(r);
    if (reported != FNET_EXIT_OK || rc == FNET_EDATA) /* said already */
        return reported != FNET_EXIT_OK ? reported : FNET_EXIT_DATA;
    return rc ? fnet_cli_fail(&err) : FNET_EXIT_OK;
}

int fnet_cmd_build(int argc, char **argv)
{
    bopts o = {.dir = DEFAULT_DIR};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_build};
    int status = FNET_EXIT_OK;
    glob_t gl = {0};
    bool globbed = false;

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    status = fnet_diagopts_parse_print("build", options, &o, &o.print,
                                       FNET_PRINT_BUILD_WIDTH, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto done;
    if (r.n_paths == 0) {
        globbed = true;
        if (glob(DEFAULT_GLOB, 0, NULL, &gl) != 0 || gl.gl_pathc == 0) {
            status = fnet_cli_usage(
                "build", "no input files, and no " DEFAULT_GLOB " here");
            goto done;
        }
    }
    if (!*o.dir) {
        status = fnet_cli_usage("build", "--output: empty directory name");
        goto done;
    }
    char **list = globbed ? gl.gl_pathv : r.paths;
    size_t n = globbed ? gl.gl_pathc : r.n_paths;
    if (!names_unique(list, n)) {
        status = FNET_EXIT_USAGE;
        goto done;
    }
    status = run(list, n, &o);
done:
    if (globbed)
        globfree(&gl);
    free(r.paths);
    return status;
}

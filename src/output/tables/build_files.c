/* build_files.c - the tables and summary of one corpus that `factnet
 * build` writes (build_files.h). */
#include "output/tables/build_files.h"

#include "output/report/methods.h"

#include "core/buf.h"
#include "core/outfile.h"
#include "output/diagram/dot.h"
#include "output/tables/metrics_table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The node table of cols, rows by sort, at most max_rows: as `factnet
 * metrics` writes it. Returns 0 or FNET_ENOMEM. */
static int node_table(const fnet_job *j, const int *cols, size_t n_cols,
                      int sort, size_t max_rows, fnet_table **out)
{
    fnet_metrics_table_data d = {
        .g = j->g, .m = &j->m, .community = j->cm.community};
    fnet_metrics_table_spec s = {.cols = cols,
                                 .n_cols = n_cols,
                                 .sort = sort,
                                 .max_rows = max_rows,
                                 .sampled_sources = -1};
    return fnet_metrics_table_nodes(out, &d, &s);
}

/* One row per community: number, size, members by PageRank. */
static int community_table(const fnet_job *j, fnet_table **t)
{
    static const fnet_table_col cols[] = {{"community", FNET_COL_INTEGER},
                                          {"size", FNET_COL_INTEGER},
                                          {"members", FNET_COL_STRING}};
    fnet_metrics_table_data d = {.g = j->g, .m = &j->m};
    fnet_buf members = {0};
    uint32_t *order = NULL;
    int rc = fnet_table_new(t, cols, 3);
    if (!rc)
        rc = fnet_metrics_table_order(&order, &d, FNET_M_PAGERANK);
    for (uint32_t k = 1; !rc && k <= j->cm.n_communities; k++) {
        size_t row, n = 0;
        fnet_buf_reset(&members);
        for (uint32_t i = 0; i < j->g->n_nodes; i++) {
            if (j->cm.community[order[i]] != k)
                continue;
            fnet_buf_puts(&members, n++ ? ", " : "");
            fnet_buf_puts(&members,
                          fnet_graph_node_entity(j->g, order[i])->label);
        }
        rc = fnet_table_add_row(*t, &row);
        if (!rc) {
            fnet_table_set_int(*t, row, 0, k);
            fnet_table_set_int(*t, row, 1, (int64_t)n);
            rc = fnet_buf_ok(&members)
                     ? fnet_table_set_str(*t, row, 2, fnet_buf_str(&members))
                     : FNET_ENOMEM;
        }
    }
    free(order);
    fnet_buf_free(&members);
    return rc;
}

static int md_section(FILE *fp, const char *heading, const fnet_table *t,
                      fnet_err *err)
{
    fnet_table_style st = {.format = FNET_TABLE_MD, .digits = 3};
    fprintf(fp, "\n## %s\n\n", heading);
    return fnet_table_write(t, fp, &st, err);
}

static int summary_body(const fnet_build_files *s, FILE *fp, fnet_err *err)
{
    static const int top_cols[] = {
        FNET_MCOL_LABEL, FNET_MCOL_ID,       FNET_MCOL_TYPE,  FNET_M_PAGERANK,
        FNET_M_DEGREE,   FNET_M_BETWEENNESS, FNET_M_COMMUNITY};
    const fnet_job *j = s->job;
    const fnet_community_opts *co = s->co;
    fnet_table *t = NULL;
    int rc;
    fputs("# ", fp);
    fnet_table_put_md(fp, s->c->title ? s->c->title : s->name);
    fputs("\n\nInput: ", fp);
    if ((rc = fnet_table_put_md_code(fp, s->path))) /* a path may hold ` */
        return fnet_err_set(err, rc, "out of memory");
    fprintf(fp,
            ": %u entities, %llu facts, %u sources. "
            "Graph: full view, undirected, weighted by the sum of fact "
            "weights.\n",
            s->c->n_entities, (unsigned long long)s->c->n_facts,
            s->c->n_sources);
    /* As `metrics --level graph`: the signed rows when the graph is. */
    if (!(rc = fnet_metrics_table_job_graph(&t, j, true)))
        rc = md_section(fp, "Graph metrics", t, err);
    fnet_table_free(t);
    t = NULL;
    if (!rc &&
        !(rc = node_table(j, top_cols, 7, FNET_M_PAGERANK, FNET_BUILD_TOP, &t)))
        rc = md_section(fp, "Top 10 by PageRank", t, err);
    fnet_table_free(t);
    t = NULL;
    if (!rc) {
        fprintf(fp,
                "\n## Communities\n\n%s (resolution %g, seed %lu%s): %u "
                "communities, modularity %.3f. Members by PageRank.\n",
                fnet_community_algorithm_name(co->algorithm), co->resolution,
                co->seed,
                j->cm.positive_part    ? "; positive part of the net "
                                         "weights, max(w+ - w-, 0)"
                : j->cm.signed_quality ? "; signed net weights w+ - w-"
                                       : "",
                j->cm.n_communities, j->cm.modularity);
        fnet_table_style st = {.format = FNET_TABLE_MD, .digits = 3};
        fputc('\n', fp);
        if (!(rc = community_table(j, &t)))
            rc = fnet_table_write(t, fp, &st, err);
    }
    fnet_table_free(t);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    return rc;
}

/* ---- names and folders ------------------------------------------------- */

void fnet_build_files_name(const char *path, char *out, size_t size)
{
    static const char *const ext[] = {".json", ".jsonl", ".csv", ".CSV",
                                      ".tsv",  ".ann",   ".tab"};
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    const char *b = path + start;
    size_t n = end - start;
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n > k && strncmp(b + n - k, ext[i], k) == 0) {
            n -= k;
            break;
        }
    }
    snprintf(out, size, "%.*s", (int)n, b);
}

bool fnet_build_files_clash(char *const *paths, size_t n, size_t *a, size_t *b)
{
    char x[256], y[256];
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++) {
            fnet_build_files_name(paths[i], x, sizeof x);
            fnet_build_files_name(paths[k], y, sizeof y);
            if (strcmp(x, y) == 0) {
                *a = i;
                *b = k;
                return true;
            }
        }
    return false;
}

const char *fnet_build_files_path(fnet_buf *out, const char *dir,
                                  const char *name, const char *suffix)
{
    fnet_buf_reset(out);
    fnet_buf_printf(out, "%s/%s%s", dir, name, suffix);
    return fnet_buf_str(out);
}

int fnet_build_files_make_dir(const char *dir, fnet_err *err)
{
    char p[4096];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1;; s++) {
        char c = *s;
        if (c != '/' && c != '\0')
            continue;
        *s = '\0';
        struct stat st;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            return fnet_err_set(err, FNET_EIO, "%s: cannot create: %s", p,
                                strerror(errno));
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            return fnet_err_set(err, FNET_EIO, "%s: not a directory", p);
        *s = c;
        if (!c)
            return 0;
    }
}

/* ---- the files ---------------------------------------------------------- */

typedef struct files {
    const fnet_build_files *b;
    fnet_buf out; /* the current output path */
} files;

static const char *out_path(files *j, const char *suffix)
{
    return fnet_build_files_path(&j->out, j->b->dir, j->b->name, suffix);
}

static void wrote(files *j)
{
    if (j->b->wrote)
        j->b->wrote(j->b->ctx, fnet_buf_str(&j->out));
}

/* Writes table t to the current output path. */
static int write_table(files *j, const fnet_table *t, const fnet_table_style *s,
                       fnet_err *err)
{
    fnet_table_style st = *s;
    st.no_formula_guard = j->b->no_formula_guard;
    int rc = fnet_table_write_file(t, fnet_buf_str(&j->out), &st, err);
    if (!rc)
        wrote(j);
    return rc;
}

static int metrics_files(files *j, fnet_err *err)
{
    int all[FNET_M_COUNT + 4];
    static const int print[] = {FNET_MCOL_LABEL,    FNET_MCOL_TYPE,
                                FNET_M_DEGREE,      FNET_M_STRENGTH,
                                FNET_M_BETWEENNESS, FNET_M_CLOSENESS,
                                FNET_M_PAGERANK,    FNET_M_COMMUNITY};
    size_t n_all = fnet_metrics_table_default_columns(all, j->b->job->g, false);
    fnet_table *t = NULL;
    fnet_table_style st = {.format = FNET_TABLE_CSV, .digits = -1};
    char label[300], note[1024] = "";
    fnet_buf caption = {0}; /* the title may be long: never cut it */
    int rc = node_table(j->b->job, all, n_all, FNET_M_PAGERANK, SIZE_MAX, &t);
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    out_path(j, ".metrics.csv");
    rc = write_table(j, t, &st, err);
    fnet_table_free(t);
    t = NULL;
    if (rc)
        return rc;
    if ((rc = node_table(j->b->job, print, sizeof print / sizeof print[0],
                         FNET_M_PAGERANK, SIZE_MAX, &t)))
        return fnet_err_set(err, rc, "out of memory");
    fnet_buf_printf(&caption, "Network metrics: %s",
                    j->b->c->title ? j->b->c->title : j->b->name);
    if (!fnet_buf_ok(&caption)) {
        fnet_table_free(t);
        fnet_buf_free(&caption);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    snprintf(label, sizeof label, "tab:%s-metrics", j->b->name);
    fnet_job_sampling_note(j->b->job, note, sizeof note);
    fnet_metrics_table_note(note, sizeof note, print,
                            sizeof print / sizeof print[0],
                            j->b->job->mo.unweighted);
    /* Eight columns: a table* across both columns of a two-column page. */
    st = (fnet_table_style){.format = FNET_TABLE_LATEX,
                            .digits = 3,
                            .caption = fnet_buf_str(&caption),
                            .label = label,
                            .note = note,
                            .latex_width = "\\textwidth"};
    out_path(j, ".metrics.tex");
    rc = write_table(j, t, &st, err);
    fnet_table_free(t);
    fnet_buf_free(&caption);
    return rc;
}

static int communities_file(files *j, fnet_err *err)
{
    static const int cols[] = {FNET_MCOL_ID, FNET_MCOL_LABEL, FNET_MCOL_TYPE,
                               FNET_M_COMMUNITY};
    fnet_table *t = NULL;
    fnet_table_style st = {.format = FNET_TABLE_CSV, .digits = -1};
    int rc = node_table(j->b->job, cols, 4, FNET_M_COMMUNITY, SIZE_MAX, &t);
    if (rc)
        return fnet_err_set(err, rc, "out of memory");
    out_path(j, ".communities.csv");
    rc = write_table(j, t, &st, err);
    fnet_table_free(t);
    return rc;
}

static int summary_file(files *j, fnet_err *err)
{
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, out_path(j, ".summary.md"), err);
    if (rc)
        return rc;
    rc = summary_body(j->b, fnet_outfile_stream(f), err);
    if (!(rc = fnet_outfile_end(f, rc, err)))
        wrote(j);
    return rc;
}

/* NAME.methods.md, citing by key, then NAME.bib (output/report/methods.h). */
static int methods_files(files *j, fnet_err *err)
{
    const fnet_build_files *b = j->b;
    fnet_graph_opts go;
    fnet_graph_opts_init(&go);
    fnet_methods_run run = {.c = b->c,
                            .job = b->job,
                            .go = &go,
                            .co = b->co,
                            .ps = b->ps,
                            .sources_dir = b->sources_dir,
                            .cite_keys = true};
    fnet_outfile *f = NULL;
    int rc = fnet_outfile_open(&f, out_path(j, ".methods.md"), err);
    if (rc)
        return rc;
    rc = fnet_methods_write(fnet_outfile_stream(f), &run, false);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    if ((rc = fnet_outfile_end(f, rc, err)))
        return rc;
    wrote(j);
    if ((rc = fnet_outfile_open(&f, out_path(j, ".bib"), err)))
        return rc;
    rc = fnet_methods_bib_write(fnet_outfile_stream(f), &run);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    if (!(rc = fnet_outfile_end(f, rc, err)))
        wrote(j);
    return rc;
}

int fnet_build_files_write(const fnet_build_files *b, fnet_err *err)
{
    files j = {.b = b};
    int rc = metrics_files(&j, err);
    if (!rc)
        rc = communities_file(&j, err);
    if (!rc)
        rc = summary_file(&j, err);
    if (!rc)
        rc = methods_files(&j, err);
    fnet_buf_free(&j.out);
    return rc;
}

int fnet_build_files_diagram(const fnet_build_files *b, fnet_renderer *r,
                             Agraph_t *g, bool *laid_out, fnet_err *err)
{
    files j = {.b = b};
    int rc = fnet_dot_write_file(g, out_path(&j, ".dot"), err);
    if (!rc) {
        wrote(&j);
        if (b->stage)
            b->stage(b->ctx, "rendering SVG and PDF");
        *laid_out = !(rc = fnet_render_layout(r, g, err));
    }
    if (!rc &&
        !(rc = fnet_render_write(r, g, "svg", out_path(&j, ".svg"), err)))
        wrote(&j);
    if (!rc &&
        !(rc = fnet_render_write(r, g, "pdf", out_path(&j, ".pdf"), err)))
        wrote(&j);
    fnet_buf_free(&j.out);
    return rc;
}

/* build_files.h - the files of one corpus that `factnet build` writes
 * into DIR (the HTML report aside), from the job's results (full view,
 * factnet's defaults): NAME.dot, NAME.svg and NAME.pdf of its diagram
 * (fnet_build_files_diagram()), then (fnet_build_files_write())
 *   NAME.metrics.csv      every default column, as `factnet metrics`
 *   NAME.metrics.tex      the main columns as a LaTeX (booktabs) table
 *   NAME.communities.csv  id,label,type,community, by community then id
 *   NAME.summary.md       the input and its counts, the graph metrics, the
 *                         first FNET_BUILD_TOP nodes by PageRank and the
 *                         communities with their members by PageRank
 *   NAME.methods.md       the methods paragraph (output/report/methods.h),
 *                         citing by key, with the quotes verified against
 *                         the source texts when ps is given
 *   NAME.bib              the BibTeX of the papers and sources it cites
 * each through core/outfile.h, in this order.
 *
 * Ownership: borrows everything. */
#ifndef FNET_BUILD_FILES_H
#define FNET_BUILD_FILES_H

#include "core/buf.h"
#include "core/error.h"
#include "job/job.h"
#include "input/provenance.h"
#include "model/corpus.h"
#include "output/diagram/render.h"

#include <stdbool.h>
#include <stddef.h>

#define FNET_BUILD_TOP 10

/* NAME of an input path: the file or folder name without its directory,
 * trailing slashes and the extension of an input format (.json, .jsonl,
 * .csv, .tsv, .ann, .tab), cut to fit size. Can't fail. */
void fnet_build_files_name(const char *path, char *out, size_t size);

/* Two inputs with the same NAME would overwrite each other's files: true
 * when paths[*a] and paths[*b] (a < b, the first such pair) share one.
 * O(n^2). Can't fail. */
bool fnet_build_files_clash(char *const *paths, size_t n, size_t *a, size_t *b);

/* DIR/NAMESUFFIX in out (reset first); the string is out's. Check out
 * with fnet_buf_ok() before relying on it. */
const char *fnet_build_files_path(fnet_buf *out, const char *dir,
                                  const char *name, const char *suffix);

/* Creates dir and its missing parents (mkdir -p). Returns 0, or FNET_EIO
 * with err naming the part that cannot be created or is not a folder. */
int fnet_build_files_make_dir(const char *dir, fnet_err *err);

typedef struct fnet_build_files {
    const char *dir;  /* the output folder (it exists) */
    const char *name; /* NAME; also the heading when c has no title */
    const char *path; /* the input file, as given (the summary cites it) */
    const fnet_corpus *c;
    const fnet_job *job; /* every default metric, communities and graph
                            metrics of c */
    const fnet_community_opts *co; /* how job's communities were found */
    const fnet_prov_stats *ps;     /* the quotes checked against the source
                                      texts; NULL: not verified */
    const char *sources_dir;       /* with ps: where the texts are */
    bool no_formula_guard;         /* the csv files: cells as written */
    /* NULL, or called with the path of each file once it is written. */
    void (*wrote)(void *ctx, const char *path);
    /* NULL, or called before a long stage ("rendering SVG and PDF"). */
    void (*stage)(void *ctx, const char *what);
    void *ctx;
} fnet_build_files;

/* Writes the six files, stopping at the first failure. Returns 0,
 * FNET_EIO or FNET_ENOMEM with err set. */
int fnet_build_files_write(const fnet_build_files *b, fnet_err *err);

/* The diagram files: NAME.dot of g, then g laid out with r once
 * (*laid_out set when it is: the caller undoes that with
 * fnet_render_unlayout() before agclose(), and may reuse the layout) and
 * NAME.svg and NAME.pdf, stopping at the first failure. Returns 0 or an
 * FNET_E* code with err set. */
int fnet_build_files_diagram(const fnet_build_files *b, fnet_renderer *r,
                             Agraph_t *g, bool *laid_out, fnet_err *err);

#endif

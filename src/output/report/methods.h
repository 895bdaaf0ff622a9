/* methods.h - `factnet methods`: the methods paragraph of a run (Markdown
 * or LaTeX) stating what was computed, every number taken from the run
 * (software versions, corpus counts and dates, quote verification, view,
 * weights, graph metrics, communities, signs), and the BibTeX of the
 * corpus's sources and of the algorithm papers it cites
 * (docs/CLI.md, "methods").
 *
 * Ownership: borrows everything; allocates nothing that outlives a call. */
#ifndef FNET_METHODS_H
#define FNET_METHODS_H

#include "analysis/community.h"
#include "graph/graph.h"
#include "input/provenance.h"
#include "job/job.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What the paragraph describes. */
typedef struct fnet_methods_run {
    const fnet_corpus *c;
    const fnet_job *job; /* with graph metrics (has_gm) */
    const fnet_graph_opts *go;
    const fnet_community_opts *co;
    bool unweighted, weighted_paths;
    const fnet_prov_stats *ps; /* NULL: quotes not verified */
    const char *sources_dir;   /* with ps */
    bool cite_keys; /* cite by BibTeX key (--bib); else author and year */
} fnet_methods_run;

/* "factnet V (igraph V, cJSON V, Graphviz V)", as --version prints it,
 * into buf. */
void fnet_methods_versions(char *buf, size_t size);

/* Writes the paragraph to fp, LaTeX when latex, else Markdown. Returns 0
 * or FNET_ENOMEM; write errors are the caller's to check (ferror). */
int fnet_methods_write(FILE *fp, const fnet_methods_run *r, bool latex);

/* Writes the BibTeX entries of the algorithm papers the paragraph cites
 * for r, then one @misc per source of the corpus (key: the source id with
 * characters BibTeX keys cannot hold as '_', made unique with -2, -3, ...;
 * fields title, author, year, date, url, note = its file). Returns 0 or
 * FNET_ENOMEM. */
int fnet_methods_bib_write(FILE *fp, const fnet_methods_run *r);

#endif

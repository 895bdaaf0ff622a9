/* summary.h - the one-page Markdown summary of a corpus that `factnet
 * build` writes (NAME.summary.md): the input and its counts, the graph
 * metrics, the first FNET_SUMMARY_TOP nodes by PageRank and the
 * communities with their members by PageRank.
 *
 * Ownership: borrows everything. */
#ifndef FNET_SUMMARY_H
#define FNET_SUMMARY_H

#include "core/error.h"
#include "job/job.h"
#include "model/corpus.h"

#include <stdio.h>

#define FNET_SUMMARY_TOP 10

typedef struct fnet_summary {
    const char *name; /* the heading when the corpus has no title */
    const char *path; /* the input file, as given */
    const fnet_corpus *c;
    const fnet_job *job;           /* metrics (pagerank, degree, betweenness),
                            communities and graph metrics of c */
    const fnet_community_opts *co; /* how job's communities were found */
} fnet_summary;

/* Writes the summary to fp. Returns 0, FNET_ENOMEM or FNET_EIO with err
 * set. */
int fnet_summary_write(FILE *fp, const fnet_summary *s, fnet_err *err);

#endif

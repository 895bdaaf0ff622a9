/* load.h - the front end of the input side: the load plan (options checked
 * and each file's format found once, before anything is read), loading
 * files into a corpus through the format table (input/formats.h), and
 * resolving the result (validate.h).
 *
 * Loading checks syntax, encoding, limits and the shape of every record
 * (field names and types, dates, numbers) and adds the records to the corpus
 * with their references as written; fnet_corpus_resolve() (validate.h) then
 * resolves and checks the references across all loaded files. Problems with
 * the data go to the diagnostics collector, located as
 * "FILE:LINE:COL: error: ..." (syntax), "FILE:88:5: facts[12].date: ..."
 * (JSON document: where the record starts, and its path) or
 * "FILE:7:1: date: ..." (JSON Lines). */
#ifndef FNET_LOAD_H
#define FNET_LOAD_H

#include "core/diag.h"
#include "core/error.h"
#include "input/formats.h"
#include "input/import/import.h"
#include "input/json/jsondoc.h"
#include "input/import/labelmap.h"
#include "model/corpus.h"
#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>

/* The input limits (FNET_MAX_*) are in model/limits.h and docs/LIMITS.md;
 * the loader reads them from c->limits. */

/* What a run will read: the options, checked, and the format of each file.
 * Made once per run; loading it reads each file once. */
typedef struct fnet_load_plan {
    char *const *paths; /* not copied */
    size_t n_paths;
    const fnet_input_format **formats; /* one per path */
    fnet_load_opts o;                  /* a copy; o.checked is true */
} fnet_load_plan;

/* Checks the options (unless o->checked; o may be NULL) and finds each
 * file's format (fnet_input_format_detect()). Returns 0, FNET_EUSAGE with
 * the message in err, or FNET_ENOMEM. Free p with fnet_load_plan_free(),
 * also after a failure. */
int fnet_load_plan_make(fnet_load_plan *p, char *const *paths, size_t n_paths,
                        const fnet_load_opts *o, fnet_err *err);

/* True when the facts of every file can be streamed to a sink
 * (input/aggregate.h): a format that streams (JSON Lines), not "-", and no
 * label map to load. */
bool fnet_load_plan_streams(const fnet_load_plan *p);

void fnet_load_plan_free(fnet_load_plan *p);

/* Loads one file ("-" reads standard input) into c: checks o (unless
 * o->checked; o may be NULL), finds its format, and loads it with the
 * format's loader. JSON Lines are parsed on two threads (o->threads), with
 * the records and messages in file order. Returns 0 when the file was read
 * (its data problems, if any, are in d: check d->n_errors), FNET_EIO when
 * it cannot be read, FNET_EUSAGE for an unknown format name or option,
 * FNET_ENOMEM; err holds the message for a non-zero return. */
int fnet_load_file(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                   fnet_diag *d, fnet_err *err);

/* fnet_load_file() for a file whose format is known and options checked
 * (a plan's): loads the label map first when f reads one and o has none
 * parsed (its problems go to d, and the file is then not read). o must
 * not be NULL. Same returns. */
int fnet_load_file_as(fnet_corpus *c, const char *path,
                      const fnet_input_format *f, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err);

/* The whole front end for a plan: creates a corpus, parses the label map
 * once, loads every path, resolves and validates it. A file from which
 * nothing was taken (no entity, no fact) and that had no error is an
 * error naming what it holds and the format that would read it; a file
 * with errors whose content looks like another format gets a warning
 * naming that format (input/peek.h, fnet_input_format_guess()). On return *out holds
 * the corpus (also when the data has errors, so that callers may report
 * counts) unless the return is non-zero and not FNET_EDATA. Returns 0,
 * FNET_EDATA when d holds errors (or, with strict, warnings), or the load
 * error. The caller frees *out. */
int fnet_load_planned(fnet_corpus **out, const fnet_load_plan *p, bool strict,
                      fnet_diag *d, fnet_err *err);

/* fnet_load_plan_make() then fnet_load_planned(). */
int fnet_load_corpus(fnet_corpus **out, char *const *paths, size_t n_paths,
                     const fnet_load_opts *o, bool strict, fnet_diag *d,
                     fnet_err *err);

#endif

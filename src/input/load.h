/* load.h - reads fact files (JSON documents and JSON Lines) into a corpus,
 * and dispatches the other input formats to their importers (import_*.h:
 * CSV/TSV edge lists, brat, Label Studio, doccano, GDELT, ICEWS).
 *
 * Loading checks syntax, encoding, limits and the shape of every record
 * (field names and types, dates, numbers) and adds the records to the corpus
 * with their references as written; fnet_corpus_resolve() (validate.h) then
 * resolves and checks the references across all loaded files. Problems with
 * the data go to the diagnostics collector, located as
 * "FILE:LINE:COL: error: ..." (syntax), "FILE: facts[12].date: ..." (JSON
 * document) or "FILE:7: date: ..." (JSON Lines). */
#ifndef FNET_LOAD_H
#define FNET_LOAD_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import.h"
#include "input/labelmap.h"
#include "model/corpus.h"
#include "model/limits.h"

/* The input limits (FNET_MAX_*) are in model/limits.h and docs/LIMITS.md;
 * the loader reads them from c->limits. */

typedef struct fnet_load_sink fnet_load_sink; /* input/load_hooks.h */

typedef struct fnet_load_opts {
    /* NULL or "auto" (from the file name, docs/IMPORT.md), "json", "jsonl",
     * "csv", "tsv", "brat", "labelstudio", "doccano", "gdelt", "icews". */
    const char *format;
    fnet_import_opts import; /* options of the importers */
    /* The label map of import.label_map, parsed; NULL: fnet_load_file
     * parses it for each file that needs it (fnet_load_corpus does it once). */
    const fnet_labelmap *labels;
    /* NULL: facts are stored in the corpus. Otherwise every valid fact of
     * a JSON Lines file goes to the sink instead and is not stored (other
     * formats still store theirs); see input/aggregate.h. */
    const fnet_load_sink *sink;
    /* JSON Lines: 0 parses on two threads (input/load_parallel.h), 1 on
     * the calling thread only; records and messages are the same. */
    int threads;
    /* NULL, or called now and then with what loading is doing: stage
     * "loading" with the bytes read since the previous call (JSON Lines),
     * then "checking references" (bytes 0) when fnet_load_corpus()
     * resolves them. */
    void (*progress)(void *ctx, const char *stage, uint64_t bytes);
    void *progress_ctx;
} fnet_load_opts;

/* The format names fnet_load_opts.format accepts, for messages. */
#define FNET_LOAD_FORMATS                                                      \
    "json, jsonl, csv, tsv, brat, labelstudio, doccano, gdelt or icews"

/* Checks the format name and the importer options that need no file.
 * Returns 0 or FNET_EUSAGE with the message in err. */
int fnet_load_opts_check(const fnet_load_opts *o, fnet_err *err);

/* The format fnet_load_file would use for path under o (format "auto": by
 * the name, a folder is brat, and a peek at the start of .json, .jsonl and
 * .tsv/.tab files tells Label Studio, doccano and ICEWS apart). */
const char *fnet_load_format(const char *path, const fnet_load_opts *o);

/* Loads one file ("-" reads standard input) into c. JSON Lines are parsed
 * on two threads (o->threads), with the records and messages in file order.
 * Returns 0 when the file
 * was read (its data problems, if any, are in d: check d->n_errors),
 * FNET_EIO when it cannot be read, FNET_EUSAGE for an unknown format name
 * or option, FNET_ENOMEM; err holds the message for a non-zero return. */
int fnet_load_file(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                   fnet_diag *d, fnet_err *err);

/* Loads a JSON document or JSON Lines text held in memory (tests, fuzzing).
 * name is used in messages. jsonl selects the syntax. Same returns. */
int fnet_load_buffer(fnet_corpus *c, const char *name, const char *data,
                     size_t len, bool jsonl, fnet_diag *d, fnet_err *err);

/* The whole front end: creates a corpus, loads every path, resolves and
 * validates it. On return *out holds the corpus (also when the data has
 * errors, so that callers may report counts) unless the return is non-zero
 * and not FNET_EDATA. Returns 0, FNET_EDATA when d holds errors (or, with
 * strict, warnings), or the load error. The caller frees *out. */
int fnet_load_corpus(fnet_corpus **out, char *const *paths, size_t n_paths,
                     const fnet_load_opts *o, bool strict, fnet_diag *d,
                     fnet_err *err);

#endif

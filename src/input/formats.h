/* formats.h - the input formats: one row per format (its name, the file
 * names and contents that select it, its option check and its loader
 * behind one entry signature), and the options every loader receives.
 *
 * Format names are spelled here and nowhere else: the --input-format
 * check, the help and every message that lists the formats ask this
 * table. Adding a format is adding a row and its module (docs/
 * ARCHITECTURE.md, "An importer"). */
#ifndef FNET_FORMATS_H
#define FNET_FORMATS_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "input/json/records.h"
#include "input/peek.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fnet_load_opts {
    /* NULL or "auto" (from the file name, docs/IMPORT.md), or the name of
     * a row of the table (fnet_input_format_find()). */
    const char *format;
    fnet_import_opts import; /* options of the importers */
    /* The label map of import.label_map, parsed; NULL: fnet_load_file
     * parses it for each file that needs it (fnet_load_corpus does it once). */
    const fnet_labelmap *labels;
    /* NULL: facts are stored in the corpus. Otherwise every valid fact of
     * a JSON Lines file goes to the sink instead and is not stored (other
     * formats still store theirs); see input/aggregate.h. */
    const fnet_load_sink *sink;
    /* JSON Lines: 0 parses on two threads (input/json/load_parallel.h), 1 on
     * the calling thread only; records and messages are the same. */
    int threads;
    /* NULL, or called now and then with what loading is doing: stage
     * "loading" with the bytes read since the previous call (JSON Lines),
     * then "checking references" (bytes 0) when fnet_load_corpus()
     * resolves them. */
    void (*progress)(void *ctx, const char *stage, uint64_t bytes);
    void *progress_ctx;
    /* The options passed fnet_load_opts_check() already (the command line
     * checks them before loading): loading does not check them again. */
    bool checked;
} fnet_load_opts;

/* The one entry signature of a format: loads the file at path ("-" reads
 * standard input) into c. o is never NULL; o->labels is set for a format
 * that reads a label map and has one. Returns 0 when the file was read
 * (its data problems are in d), FNET_EIO when it cannot be read,
 * FNET_EUSAGE for a bad option, FNET_ENOMEM, or the sink's error; err
 * holds the message for a non-zero return. */
typedef int fnet_input_load_fn(fnet_corpus *c, const char *path,
                               const fnet_load_opts *o, fnet_diag *d,
                               fnet_err *err);

typedef struct fnet_input_format {
    const char *name; /* --input-format value, messages */
    /* File name endings that select it, NULL-terminated; the longest
     * ending of any row wins. Compared without case unless exact_case. */
    const char *const *suffixes;
    bool exact_case;
    bool facts;   /* factnet's own fact format: a folder named like one is
                     read as a file (and fails), not as a brat folder */
    bool folders; /* the format of a folder */
    /* Claims, by its content, a file selected by one of these endings of
     * another row, or with no known ending (NULL-terminated; sniff reads
     * the file's start, input/peek.h). */
    const char *const *sniff_on;
    bool (*sniff)(const fnet_peek *p);
    /* For content that is almost this format but that its loader cannot
     * read (NULL: none): appends to why what differs and what to do, and
     * returns true. Used in the hint of a file that failed. */
    bool (*near)(const fnet_peek *p, fnet_buf *why);
    /* Checks the options it reads that need no file; NULL: none. Returns
     * 0 or FNET_EUSAGE with the message in err. */
    int (*check)(const fnet_import_opts *o, fnet_err *err);
    bool labels;  /* reads the label map (--label-map) */
    bool streams; /* hands its facts to fnet_load_opts.sink (aggregate.h) */
    fnet_input_load_fn *load;
} fnet_input_format;

/* The row named name, or NULL (also for "auto", which is no format). */
const fnet_input_format *fnet_input_format_find(const char *name);

/* Row i in table order, or NULL past the last: for (i = 0; (f =
 * fnet_input_format_at(i)); i++). */
const fnet_input_format *fnet_input_format_at(size_t i);

/* Appends the names in table order, "json, jsonl, ... or icews", for
 * messages and help. */
void fnet_input_formats_list(fnet_buf *out);

/* The row fnet_load_file() uses for path under o: the named format, else
 * ("auto") a folder, else by content: the first row (in table order) whose
 * sniff claims the file among those that sniff files with its ending (any
 * row when no ending matches; never standard input), else the row of the
 * longest matching ending; "json" when nothing matches. o may be NULL. */
const fnet_input_format *fnet_input_format_detect(const char *path,
                                                  const fnet_load_opts *o);

/* The first row (in table order) whose sniff claims the content p, or
 * NULL: what a file looks like, for messages. */
const fnet_input_format *fnet_input_format_guess(const fnet_peek *p);

/* Checks the format name and the options of every format that need no
 * file (each distinct check once, in table order). Returns 0 or
 * FNET_EUSAGE with the message in err. o may be NULL. */
int fnet_load_opts_check(const fnet_load_opts *o, fnet_err *err);

#endif

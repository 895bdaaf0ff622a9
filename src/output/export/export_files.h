/* export_files.h - the files of each `factnet export` format, written as
 * one set: one file (graphml, gexf, gml, json; pajek's .net, and its .clu
 * beside it when communities were computed and the output is a file), two
 * tables PREFIX.nodes.csv and PREFIX.edges.csv (csv), or nodes.csv and
 * relationships.csv in a folder created when missing (neo4j). Every file
 * goes through core/outfile.h and they commit together: a failure leaves
 * none of them (docs/EXPORT.md).
 *
 * Ownership: borrows everything. */
#ifndef FNET_EXPORT_FILES_H
#define FNET_EXPORT_FILES_H

#include "core/error.h"
#include "output/export/export.h"

#include <stdbool.h>
#include <stddef.h>

enum fnet_export_format {
    FNET_EXPORT_NONE,
    FNET_EXPORT_GRAPHML,
    FNET_EXPORT_GEXF,
    FNET_EXPORT_GML,
    FNET_EXPORT_PAJEK,
    FNET_EXPORT_CSV,
    FNET_EXPORT_JSON,
    FNET_EXPORT_NEO4J
};

/* The format names, indexed by enum fnet_export_format ("" for NONE),
 * ending with NULL; the --format choice takes them from index 1 with the
 * codes of fnet_export_format_codes, in the same order. */
extern const char *const fnet_export_format_names[];
extern const int fnet_export_format_codes[];

/* The format a file name's ending selects (.graphml, .gexf, .gml, .net,
 * .json); FNET_EXPORT_NONE for any other or for NULL. Can't fail. */
int fnet_export_format_from_path(const char *path);

typedef struct fnet_export_files {
    int format;            /* enum fnet_export_format */
    const char *out;       /* NULL or "-": standard output; csv: a prefix;
                              neo4j: a folder */
    bool dynamic;          /* gexf: time intervals from the fact dates */
    bool no_formula_guard; /* csv, neo4j: cells as written */
} fnet_export_files;

/* Completes and checks o as given on the command line: a format NONE is
 * taken from o->out's ending; csv and neo4j need a path (not standard
 * output), dynamic needs gexf. Returns 0, or FNET_EUSAGE with err saying
 * what is missing or wrong. */
int fnet_export_files_check(fnet_export_files *o, fnet_err *err);

/* Writes bundle x in o's format. *replaced is the number of characters
 * XML cannot carry that were written as U+FFFD (graphml, gexf), set once
 * everything is written, also when committing then fails. Returns 0,
 * FNET_EIO or FNET_ENOMEM with err set (naming the file). */
int fnet_export_write_files(const fnet_export *x, const fnet_export_files *o,
                            size_t *replaced, fnet_err *err);

#endif

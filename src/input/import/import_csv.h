/* import_csv.h - CSV and TSV edge lists (Gephi, spreadsheets) as facts.
 *
 * One fact per row: subject, object and optionally relation, date, weight,
 * citation (source), evidence, sign and id columns, found by header name
 * (case-insensitive defaults below) or by --map key=COL (a header name or a
 * 1-based column number). Other columns become attributes of the fact.
 *
 *   subject   subject, source, from      (Gephi's Source)
 *   object    object, target, to         (Gephi's Target)
 *   relation  relation, label, type
 *   date      date, time, year
 *   weight    weight
 *   source    citation, reference        ("source" is the edge's first node)
 *   evidence  evidence
 *   sign      sign
 *   id        id
 *
 * Entities come from an entity table (--entities FILE: id, type, label,
 * aliases separated by '|' or ';', other columns as attributes); without
 * one, each distinct name is an entity whose id and label are the name, its
 * type the first the relation allows (else "actor"). A row without a
 * relation name gets --relation NAME, else the undirected "tie" relation;
 * relation names that are not known are declared (directed, any type, sign
 * +1). A Gephi "Type" cell of Directed/Undirected gives the direction of
 * such a relation instead of its name. docs/IMPORT.md has the details. */
#ifndef FNET_IMPORT_CSV_H
#define FNET_IMPORT_CSV_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "model/corpus.h"

#include <stddef.h>

/* Checks the syntax of a --map value. Returns 0 or FNET_EUSAGE (err says
 * what is wrong). */
int fnet_import_csv_check_map(const char *map, fnet_err *err);

/* Imports an edge list held in memory; name is used in messages, delim is
 * ',' or '\t'. The entity table (o->entities) is not read here: load it
 * first with fnet_import_csv_entities_buffer(). Returns 0 when the text was
 * read (data problems are in d), FNET_EUSAGE for a bad --map, or
 * FNET_ENOMEM; err holds the message for a non-zero return. */
int fnet_import_csv_buffer(fnet_corpus *c, const char *name, const char *data,
                           size_t len, char delim, const fnet_import_opts *o,
                           fnet_diag *d, fnet_err *err);

/* Imports an entity table held in memory. Same returns. */
int fnet_import_csv_entities_buffer(fnet_corpus *c, const char *name,
                                    const char *data, size_t len, char delim,
                                    fnet_diag *d, fnet_err *err);

/* Reads the edge list at path ("-": standard input) and, the first time, the
 * entity table named by o->entities. Also returns FNET_EIO. */
int fnet_import_csv_file(fnet_corpus *c, const char *path, char delim,
                         const fnet_import_opts *o, fnet_diag *d,
                         fnet_err *err);

#endif

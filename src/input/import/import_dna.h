/* import_dna.h - Discourse Network Analyzer (DNA 3) databases as facts.
 *
 * A .dna file is an SQLite database (schema: DNA's
 * dna/src/main/java/sql/Sql.java), read with libsqlite3, opened read-only
 * and immutable (no journal, lock, -wal or -shm file is created beside it,
 * and a database open in DNA is not disturbed). Each statement of the
 * chosen statement type (default "DNA Statement") becomes one fact
 *   ACTOR -states-> ITEM
 * of the relation "states" (declared by the importer: actor -> any type,
 * directed, sign +1), where ACTOR is the value of the actor variable
 * (default "organization"; entity type "actor", id "VARIABLE:VALUE", label
 * VALUE) and ITEM the value of the item variable (default "concept"; type
 * the variable's name). The qualifier variable (default "agreement") gives
 * the fact's sign when boolean (1: +1, 0: -1) or its stance when integer.
 * The statement's document is the fact's source (id "STEM#DOCID", title,
 * author, date from DNA's seconds since the epoch, UTC, and file
 * "STEM-DOCID.txt"), the exact text span [Start, Stop) of the document
 * (Java UTF-16 units) the evidence, the document's date the fact's date,
 * the coder's id and name the attributes "coder" and "coder_name", DNA's
 * document source, section and type the attributes "document_source",
 * "document_section" and "document_type" (when not empty). Entities get
 * their DNA attribute values (ATTRIBUTEVALUES, when not empty) as
 * attributes. A statement whose actor or item is empty is left out and
 * counted (check's summary). Messages locate a statement as FILE:ID, ID
 * being the statement's ID in DNA. docs/IMPORT.md, "Coming from DNA". */
#ifndef FNET_IMPORT_DNA_H
#define FNET_IMPORT_DNA_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "model/corpus.h"

#include <stddef.h>

/* Imports a database held in memory (data[0..len), not changed; the fuzz
 * harness and standard input). Returns 0 when read (data problems,
 * including "not a DNA database", are in d), FNET_EIO when --dna-texts
 * cannot be written, or FNET_ENOMEM (err set). */
int fnet_import_dna_buffer(fnet_corpus *c, const char *name, const char *data,
                           size_t len, const fnet_import_opts *o, fnet_diag *d,
                           fnet_err *err);

/* Reads and imports the database at path ("-": standard input, read into
 * memory). Also returns FNET_EIO when path cannot be opened. */
int fnet_import_dna_file(fnet_corpus *c, const char *path,
                         const fnet_import_opts *o, fnet_diag *d,
                         fnet_err *err);

/* Checks the DNA options that need no database (none is empty). Returns 0
 * or FNET_EUSAGE with the message in err. */
int fnet_import_dna_check(const fnet_import_opts *o, fnet_err *err);

/* True when data[0..n) starts with SQLite's header and mentions DNA 3's
 * STATEMENTTYPES table (in the schema on the first page). */
bool fnet_import_dna_sniff(const char *data, size_t n);

#endif

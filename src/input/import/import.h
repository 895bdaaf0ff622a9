/* import.h - what the importers of foreign formats share.
 *
 * Every importer (CSV/TSV edge lists, brat, Label Studio, doccano, GDELT,
 * ICEWS, ACLED and POLECAT events) turns its format into the same fact
 * model (model/corpus.h): it adds sources, entities, relations and facts
 * with their references as written, and fnet_corpus_resolve() (validate.h)
 * checks them after every file is loaded, exactly as for JSON facts. This
 * module holds the pieces they have in common: the options, an importer
 * context that locates messages in the original file ("FILE:LINE: field:
 * ...", "FILE:LINE:COL: path: ..." for JSON exports), the count of records
 * left out, get-or-create helpers for entities, relations and sources,
 * reading a file into memory, and text helpers (code-point offsets, the
 * sentence around a span). */
#ifndef FNET_IMPORT_H
#define FNET_IMPORT_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "input/import/quote.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Options of the importers, as given on the command line (docs/IMPORT.md).
 * NULL means the default. Strings are not copied. */
typedef struct fnet_import_opts {
    const char *map;          /* CSV: "subject=COL,object=COL,..." */
    const char *entities;     /* CSV: entity table (id,type,label,aliases) */
    const char *relation;     /* CSV: the relation of every row */
    const char *label_map;    /* brat, Label Studio, doccano: mapping file */
    const char *brat_events;  /* "first" (default), "pairs" or "none" */
    const char *text_key;     /* Label Studio: the data field with the text */
    const char *event_weight; /* GDELT: "events" (default) or "mentions" */
    /* DNA databases (input/import/import_dna.h): the statement type, the
     * actor, item and qualifier variables, and a folder to write the
     * documents' texts to (NULL: none). */
    const char *dna_statement_type, *dna_actor, *dna_item, *dna_qualifier;
    const char *dna_texts;
} fnet_import_opts;

/* The relation of rows and annotations that name none (docs/IMPORT.md):
 * undirected, any type to any type, sign +1. */
#define FNET_IMPORT_TIE "tie"

/* ---- the importer context ---------------------------------------------- */

/* The room in an array of one record that this importer allocated. */
typedef struct fnet_import_room {
    const void *array; /* the record's array when it was allocated */
    uint32_t cap;
    bool indexed; /* its strings are in the importer's seen set */
} fnet_import_room;

typedef struct fnet_import_rooms {
    fnet_import_room *v; /* by record index */
    size_t n;
} fnet_import_rooms;

/* Checks an importer option's value against its names (NULL-terminated):
 * NULL (not given) and a listed name pass; otherwise FNET_EUSAGE with
 * "OPTION: expected A, B or C, got 'X'" and, for a near miss, "(did you
 * mean 'Y'?)". */
int fnet_import_check_name(const char *option, const char *value,
                           const char *const *names, fnet_err *err);

/* Values one message can quote (fnet_import_quote). */
#define FNET_IMPORT_QUOTES 3

/* Reasons for leaving records out that one file can count (more are
 * counted under the last). */
#define FNET_IMPORT_SKIP_KINDS 12

/* Records of the current file left out for one reason. */
typedef struct fnet_import_skips {
    const char *what, *why, *hint; /* static strings */
    bool warned;                   /* each record had its own warning */
    uint64_t n;
    uint32_t first; /* line of the first */
} fnet_import_skips;

typedef struct fnet_importer {
    fnet_corpus *c;
    fnet_diag *d;
    const char *name; /* the file as named in messages (corpus copy) */
    uint32_t file;    /* its index in c->files */
    /* The column of the JSON value that the following messages and records
     * are about, on the line they are given (0: none, "FILE:LINE: ..."):
     * the JSON importers (Label Studio, doccano) set it with
     * fnet_importer_at() so that their messages read "FILE:LINE:COL:
     * PATH: ..." as the JSON loader's do, and their records keep it. */
    uint32_t col;
    fnet_buf where, msg; /* scratch */
    /* Aliases and attributes are appended to arrays in the corpus arena,
     * which cannot grow in place: the importer allocates them with room to
     * spare and remembers it here (by entity index; for facts, only the
     * last one), so that k appends cost O(k) memory, not O(k^2). */
    fnet_import_rooms aliases, entity_attrs, fact_attrs;
    /* Aliases, and keys of first-wins attributes, of records that have many
     * (key: a kind byte, the record index, the string), so that k appends
     * cost O(k) time, not O(k^2); keys in seen_keys. */
    fnet_strmap seen;
    fnet_arena seen_keys;
    fnet_buf seen_key;                  /* scratch */
    fnet_buf quote[FNET_IMPORT_QUOTES]; /* fnet_import_quote's slots */
    fnet_import_skips skips[FNET_IMPORT_SKIP_KINDS]; /* fnet_import_skip */
    uint32_t n_skips;
} fnet_importer;

/* ---- records left out --------------------------------------------------
 *
 * Every record an importer leaves out without an error (an event without a
 * recipient, a mention whose label the label map drops, ...) is counted by
 * reason; fnet_import_skipped_flush() adds the counts of the file to
 * check's summary (fnet_corpus_add_skipped: "skipped: 3 relations of FILE
 * (label dropped by the label map)") and warns once per reason: "FILE:
 * warning: 3 relations skipped: label dropped by the label map (the first
 * on line 12)". */

/* Counts one record of the current file left out at line: what is the
 * record in the singular, plural with an "s" ("relation"), why the reason,
 * hint (NULL: none) words for the warning ("--event-weight fatalities");
 * all three static strings. Can't fail. */
void fnet_import_skip(fnet_importer *im, uint32_t line, const char *what,
                      const char *why, const char *hint);

/* The same without a warning at the flush: for a record that had a
 * warning of its own, or that the user asked to leave out (--brat-events
 * none); counted for the summary. */
void fnet_import_skip_quiet(fnet_importer *im, uint32_t line, const char *what,
                            const char *why);

/* Adds the current file's counts to the corpus, warns, and starts
 * counting afresh. Returns 0 or FNET_ENOMEM. */
int fnet_import_skipped_flush(fnet_importer *im);

/* Registers name as an input file of c and starts an importer for it.
 * Returns 0 or FNET_ENOMEM. End with fnet_importer_end(). */
int fnet_importer_begin(fnet_importer *im, fnet_corpus *c, fnet_diag *d,
                        const char *name);

/* Switches an importer to another file (brat: each .ann of a folder). */
int fnet_importer_file(fnet_importer *im, const char *name);

/* Frees the scratch buffers and the room records. Can't fail. */
void fnet_importer_end(fnet_importer *im);

/* The location of line (0: the whole file) of the current file, with
 * im->col when it is set. */
fnet_loc fnet_importer_loc(const fnet_importer *im, uint32_t line);

/* Sets im->col to col and returns line: `uint32_t line =
 * fnet_importer_at(im, l, c);` before the messages and records about the
 * value at line l, column c. Can't fail. */
uint32_t fnet_importer_at(fnet_importer *im, uint32_t line, uint32_t col);

/* Reports a data error "FILE:LINE: FIELD: message" (line 0 leaves out the
 * line, field NULL leaves out the field). */
void fnet_import_error(fnet_importer *im, uint32_t line, const char *field,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports a syntax error "FILE:LINE:COL: error: message". */
void fnet_import_syntax(fnet_importer *im, uint32_t line, uint32_t col,
                        const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports a warning "FILE:LINE: FIELD: warning: message". */
void fnet_import_warn(fnet_importer *im, uint32_t line, const char *field,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* s between double quotes and escaped for a message (core/diag.h
 * fnet_diag_quote), as every importer message shows a value from the data:
 * `fnet_import_error(im, line, NULL, "unknown label %s",
 * fnet_import_quote(im, 0, label))`. slot (0..FNET_IMPORT_QUOTES-1) is the
 * scratch buffer used, so that one message can quote several values; the
 * text stays valid until the slot is used again or the importer ends. Out of
 * memory gives "?" quoted. */
const char *fnet_import_quote(fnet_importer *im, int slot, const char *s);

/* Copies s[0..len) into the corpus arena; NULL when out of memory. */
char *fnet_import_str(fnet_importer *im, const char *s, size_t len);

/* ---- records ----------------------------------------------------------- */

/* The functions below that add a record return FNET_EDATA, after reporting
 * "FILE:LINE: too many entities (the limit is N)" (relations, sources,
 * facts), when the corpus is at its limit for the kind (c->limits,
 * model/limits.h). The importer then stops and returns FNET_OK from its
 * entry point: the problem is in the diagnostics. */

/* Returns in *out the index of the entity with this id, adding it (type,
 * label; label NULL means the id) at line when there is none. An existing
 * entity is used as it is. Returns 0, FNET_EDATA (the limit) or
 * FNET_ENOMEM. */
int fnet_import_entity(fnet_importer *im, const char *id, const char *type,
                       const char *label, uint32_t line, int32_t *out);

/* The entity of a mention of type with text (folded): id "TYPE:TEXT",
 * label TEXT, created at line when absent; input/import/mentions.h names the
 * entities of merged mentions the same way. *id is the corpus's copy.
 * Returns 0, FNET_EDATA (the limit) or FNET_ENOMEM. */
int fnet_import_mention(fnet_importer *im, const char *type, const char *text,
                        size_t len, uint32_t line, const char **id);

/* Adds alias to entity e unless it is its label or already an alias.
 * Returns 0 or FNET_ENOMEM. */
int fnet_import_alias(fnet_importer *im, uint32_t e, const char *alias);

/* Sets attribute key of entity e unless it has one already (the first
 * value wins). Returns 0 or FNET_ENOMEM. */
int fnet_import_entity_attr(fnet_importer *im, uint32_t e, const char *key,
                            const char *value, int kind);

/* A relation to declare when it is missing. from/to list entity types
 * (n == 0: any); the lists are copied. */
typedef struct fnet_import_rel {
    const char *name;
    const char *const *from;
    uint32_t n_from;
    const char *const *to;
    uint32_t n_to;
    bool directed;
    int sign;
    const char *description;
} fnet_import_rel;

/* Returns in *out the index of relation r->name, declaring it at line when
 * it is not known yet (built-in, declared by an earlier file, or by this
 * importer). Returns 0, FNET_EDATA (the limit) or FNET_ENOMEM. */
int fnet_import_relation(fnet_importer *im, const fnet_import_rel *r,
                         uint32_t line, int32_t *out);

/* The undirected any-to-any relation FNET_IMPORT_TIE (declared on first
 * use). */
int fnet_import_tie(fnet_importer *im, uint32_t line, int32_t *out);

/* Returns in *out the index of the source with this id, adding it (title,
 * url and file may be NULL) at line when there is none. Returns 0,
 * FNET_EDATA (the limit) or FNET_ENOMEM. */
int fnet_import_source(fnet_importer *im, const char *id, const char *title,
                       const char *url, const char *file, uint32_t line,
                       int32_t *out);

/* Adds a fact at line with subject, relation and object as written (copied)
 * and, when source is not NULL, that one source. *out is valid until the
 * next fact is added. Returns 0, FNET_EDATA (the limit) or FNET_ENOMEM. */
int fnet_import_fact(fnet_importer *im, uint32_t line, const char *subject,
                     const char *relation, const char *object,
                     const char *source, fnet_fact **out);

/* Appends an attribute to fact f (key and value copied). */
int fnet_import_fact_attr(fnet_importer *im, fnet_fact *f, const char *key,
                          const char *value, int kind);

/* fnet_import_fact for strings that already live as long as the corpus
 * (its entity ids, relation names and source ids, or strings in its
 * arena): they are referenced, not copied, so that the many facts of one
 * annotation cost no copies. */
int fnet_import_fact_shared(fnet_importer *im, uint32_t line,
                            const char *subject, const char *relation,
                            const char *object, const char *source,
                            fnet_fact **out);

/* Gives fact f (which has no attributes yet) the n attributes of attrs,
 * an array in the corpus arena that several facts may share and that
 * nobody changes afterwards (fnet_import_fact_attr must not be called on
 * f). Can't fail. */
void fnet_import_fact_attrs_shared(fnet_fact *f, fnet_attr *attrs, uint32_t n);

/* Warns once for the file when quoter q shortened quotes: how many, and
 * why. */
void fnet_import_quotes_note(fnet_importer *im, const fnet_quoter *q);

/* ---- files and text ---------------------------------------------------- */

/* Reads a whole file ("-": standard input) into a NUL-terminated buffer
 * that the caller frees (core/infile.h). Returns 0, FNET_EIO or FNET_ENOMEM
 * (err set), or FNET_EDATA when it is larger than limit bytes (the
 * corpus's limits.document_bytes), with "FILE: file larger than the limit
 * of N bytes" in err, which the caller reports. No more than the limit is
 * ever read. */
int fnet_import_read(const char *path, uint64_t limit, char **out, size_t *len,
                     fnet_err *err);

/* fnet_import_read() for an importer's one input file: within c's
 * document limit, a file over it reported to d as a data error (then
 * FNET_OK with *out NULL: nothing to import). *name is how messages name
 * the file ("<stdin>" for "-"). Returns 0, FNET_EIO or FNET_ENOMEM (err
 * set). The caller frees *out. */
int fnet_import_read_input(fnet_corpus *c, const char *path, fnet_diag *d,
                           const char **name, char **out, size_t *len,
                           fnet_err *err);

/* Maps character offsets to byte offsets in a UTF-8 text. Counting
 * characters as annotation tools do: code points (brat, doccano), UTF-16
 * code units (Label Studio's browser offsets), and for brat, with a CRLF or
 * lone CR counted as one character, as brat reads text with universal
 * newlines. */
enum fnet_offset_unit {
    FNET_OFFSET_CODEPOINT,
    FNET_OFFSET_UTF16,
    FNET_OFFSET_CODEPOINT_LF /* CRLF and CR count as one character */
};

typedef struct fnet_offsets {
    size_t *byte; /* byte offset of each character; SIZE_MAX for the second
                     half of a surrogate pair; byte[n] = text length */
    size_t n;     /* characters */
} fnet_offsets;

/* Builds the map for text[0..len), which must be valid UTF-8. Returns 0 or
 * FNET_ENOMEM. Free with fnet_offsets_free(). */
int fnet_offsets_build(fnet_offsets *o, const char *text, size_t len, int unit);
void fnet_offsets_free(fnet_offsets *o);

/* Converts the character span [start, end) to bytes. Returns false when it
 * is outside the text, reversed, or splits a surrogate pair. */
bool fnet_offsets_span(const fnet_offsets *o, long long start, long long end,
                       size_t *b_start, size_t *b_end);

/* Appends the folded form of s[0..len) (white space runs -> one space,
 * trimmed, case kept): how importers compare names. */
void fnet_import_fold(const char *s, size_t len, fnet_buf *out);

/* Parses a date cell: "YYYY", "YYYY-MM", "YYYY-MM-DD", or a timestamp
 * whose first ten characters are a day ("2015-02-18T23:00:00"). On failure
 * returns false with the reason in why ("no day 30 in 2021-02", or
 * "expected a date as ..., got \"X\""). */
bool fnet_import_date(const char *v, fnet_date *out, char *why, int why_size);

/* Case-insensitive ASCII comparison of a and b. */
bool fnet_import_iequal(const char *a, const char *b);

/* Parses a decimal number (leading/trailing white space allowed). */
bool fnet_import_number(const char *s, double *out);

#endif

/* corpus.h - the fact model: sources, entities, relations and facts.
 *
 * A corpus is what the loaders fill and everything downstream reads. All
 * strings belong to the corpus arena and live until fnet_corpus_free();
 * arrays are owned by the corpus. Records keep the location they were read
 * from so that every message, and every edge of every output, can be traced
 * to its file and line.
 *
 * Life cycle: fnet_corpus_new() -> loaders add records with the
 * fnet_corpus_add_* functions (references between records stay as written)
 * -> fnet_corpus_resolve() (input/validate.h) resolves and checks them ->
 * readers use the resolved indices (fact.subject, fact.object,
 * fact.relation, fact.sources). */
#ifndef FNET_CORPUS_H
#define FNET_CORPUS_H

#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "model/date.h"
#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where a record was read from. file indexes corpus.files. For a JSON
 * document, index is the record's position in its array (FNET_LOC_NO_INDEX
 * for keyed records such as relations) and line is 0; for JSON Lines, line
 * is the line number and index is unused (FNET_LOC_NO_INDEX). text_line and
 * text_col are where a JSON record starts in its file (0: not known, as for
 * the other formats). */
typedef struct fnet_loc {
    uint32_t file;
    uint32_t line;
    uint32_t index;
    uint32_t text_line, text_col;
} fnet_loc;

#define FNET_LOC_NO_INDEX UINT32_MAX

enum fnet_attr_kind { FNET_ATTR_STRING, FNET_ATTR_NUMBER, FNET_ATTR_BOOL };

/* A free-form attribute; value is the string form ("12.5", "true"). */
typedef struct fnet_attr {
    const char *key;
    const char *value;
    int kind; /* enum fnet_attr_kind */
} fnet_attr;

typedef struct fnet_source {
    const char *id;
    const char *title, *author, *date, *url, *file; /* NULL when absent */
    fnet_loc loc;
} fnet_source;

typedef struct fnet_entity {
    const char *id;
    const char *type;
    const char *label; /* the id when the input gave none */
    const char **aliases;
    uint32_t n_aliases;
    fnet_date date;
    fnet_attr *attrs;
    uint32_t n_attrs;
    uint32_t n_facts; /* facts naming it, set by resolve */
    fnet_loc loc;
} fnet_entity;

/* A relation of the vocabulary. from/to list the entity types allowed for
 * subject and object; n_from == 0 (or n_to == 0) means any type. */
typedef struct fnet_relation {
    const char *name;
    const char **from;
    uint32_t n_from;
    const char **to;
    uint32_t n_to;
    bool directed;
    int sign; /* +1 or -1 */
    bool builtin;
    const char *description;
    const char *label; /* display label ("party to"); NULL: the name */
    fnet_loc loc;
} fnet_relation;

#define FNET_NO_CONFIDENCE (-1.0)
/* A fact without a stance qualifier (docs/FORMAT.md, "Stance"). */
#define FNET_NO_STANCE INT32_MIN

typedef struct fnet_fact {
    /* As written in the input. */
    const char *subject_ref, *relation_ref, *object_ref;
    const char **source_refs;
    uint32_t n_sources;
    /* Resolved by fnet_corpus_resolve(); -1 until then or when invalid. */
    int32_t subject, relation, object;
    uint32_t *sources; /* n_sources indices into corpus.sources */
    const char *id;    /* optional */
    fnet_date date, until;
    double weight;     /* > 0, default 1 */
    int sign;          /* +1 / -1; 0 in the input means "from the relation" */
    int32_t stance;    /* integer qualifier level (DNA's integer scales,
                          e.g. -2 .. 2), or FNET_NO_STANCE */
    double confidence; /* [0,1] or FNET_NO_CONFIDENCE */
    const char *evidence; /* NULL when absent */
    fnet_attr *attrs;
    uint32_t n_attrs;
    fnet_loc loc;
} fnet_fact;

/* Records of one file that an importer left out for one reason (rows
 * with a blank actor, ...), for check's summary. */
typedef struct fnet_skipped {
    uint32_t file;
    const char *what; /* "event": the record, singular */
    const char *why;  /* "blank actor" */
    uint64_t n;
} fnet_skipped;

typedef struct fnet_corpus {
    fnet_arena arena;
    const char **files; /* input paths, in load order */
    uint32_t n_files, cap_files;
    const char *title; /* of the first file that has one */

    fnet_source *sources;
    uint32_t n_sources, cap_sources;
    fnet_entity *entities;
    uint32_t n_entities, cap_entities;
    fnet_relation *relations; /* built-ins first, then declared */
    uint32_t n_relations, cap_relations;
    fnet_fact *facts;
    uint64_t n_facts, cap_facts;

    fnet_skipped *skipped; /* in the order recorded */
    uint32_t n_skipped, cap_skipped;

    fnet_strmap source_index;   /* id -> index */
    fnet_strmap entity_index;   /* id -> index */
    fnet_strmap relation_index; /* name -> index */
    bool resolved;

    fnet_limits limits; /* FNET_LIMITS_DEFAULT; tests may lower them */
} fnet_corpus;

/* Creates an empty corpus holding the built-in relation vocabulary. Returns 0
 * or FNET_ENOMEM. The caller frees *out with fnet_corpus_free(). */
int fnet_corpus_new(fnet_corpus **out);

/* Frees the corpus and everything in it. NULL is allowed. */
void fnet_corpus_free(fnet_corpus *c);

/* Records that an importer left out n records (what, "event") of file
 * for a reason (why); the strings are copied. Returns 0 or FNET_ENOMEM. */
int fnet_corpus_add_skipped(fnet_corpus *c, uint32_t file, const char *what,
                            const char *why, uint64_t n);

/* Registers an input path and returns its index in *file_index (the path is
 * copied). Returns 0 or FNET_ENOMEM. */
int fnet_corpus_add_file(fnet_corpus *c, const char *path,
                         uint32_t *file_index);

/* Appends a zero-initialised record and returns it in *out (valid until the
 * next add of the same kind). The caller fills it with strings allocated from
 * c->arena. Facts start with weight 1, sign 0, confidence
 * FNET_NO_CONFIDENCE and resolved indices -1. Returns 0, FNET_ENOMEM, or
 * FNET_EDATA when the corpus already holds as many records of the kind as
 * c->limits allows (limits.entities, .relations, .sources, .facts); the
 * caller reports it, e.g. "too many entities (the limit is N)". */
int fnet_corpus_add_source(fnet_corpus *c, fnet_source **out);
int fnet_corpus_add_entity(fnet_corpus *c, fnet_entity **out);
int fnet_corpus_add_relation(fnet_corpus *c, fnet_relation **out);
int fnet_corpus_add_fact(fnet_corpus *c, fnet_fact **out);

/* Lookups by exact id / name. Return the index, or -1. Valid after the
 * loaders have indexed the records (they do so as they add them). */
int32_t fnet_corpus_find_entity(const fnet_corpus *c, const char *id);
int32_t fnet_corpus_find_relation(const fnet_corpus *c, const char *name);
int32_t fnet_corpus_find_source(const fnet_corpus *c, const char *id);

/* Indexes the record just added (id / name -> index). Returns 0,
 * FNET_ENOMEM, or FNET_EDATA when the key is already present (the index is
 * then unchanged). */
int fnet_corpus_index_entity(fnet_corpus *c, uint32_t i);
int fnet_corpus_index_relation(fnet_corpus *c, uint32_t i);
int fnet_corpus_index_source(fnet_corpus *c, uint32_t i);

/* Appends "FILE:LINE:COL: SECTION[INDEX].FIELD: " (JSON document),
 * "FILE:LINE:COL: FIELD: " (JSON Lines) or "FILE:LINE: FIELD: " (other
 * formats, which give no column) to out, LINE:COL being where the record
 * starts (left out when not known); field may be NULL. This is the prefix
 * of every message about a record. */
void fnet_corpus_locate(const fnet_corpus *c, fnet_loc loc, const char *section,
                        const char *field, fnet_buf *out);

/* Appends the record's reference as outputs cite it, without its position
 * in the text: "FILE: SECTION[INDEX]: " (JSON document) or "FILE:LINE: ". */
void fnet_corpus_cite(const fnet_corpus *c, fnet_loc loc, const char *section,
                      fnet_buf *out);

/* Sets out to fact f's reference as tables cite it: "FILE: facts[12]"
 * (JSON document) or "FILE:7" (JSON Lines and the other formats), the
 * fnet_corpus_cite() form without its final ": ". */
void fnet_fact_cite(const fnet_corpus *c, const fnet_fact *f, fnet_buf *out);

/* Appends how relation r is shown to a reader (legends, edge labels,
 * tooltips of figures): its label, or without one its name with each '_'
 * read as a space ("works_with" -> "works with"). Tables and CSV files
 * keep the name. Can't fail (out records running out of memory). */
void fnet_relation_display(fnet_buf *out, const fnet_relation *r);

/* True when entity type `type` is allowed by the list (n == 0: any). */
bool fnet_relation_allows(const char **types, uint32_t n, const char *type);

/* The sign written for a fact with this stance (docs/FORMAT.md,
 * "Stance"): sign as written (0: none) when the stance is absent or 0;
 * else the stance's sign, which a written sign must match. Returns +1,
 * -1, 0 (none), or 2 when sign contradicts the stance. */
int fnet_fact_stance_sign(int sign, int32_t stance);

/* The sign a fact carries once resolved: its own, else its relation's. */
int fnet_fact_sign(const fnet_corpus *c, const fnet_fact *f);

#endif

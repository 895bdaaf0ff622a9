/* records.h - JSON records (sources, entities, relations, facts and the
 * header) checked and added to a corpus.
 *
 * The record parser shared by the JSON document loader (input/json/jsondoc.h)
 * and the JSON Lines loader (input/json/jsonl.h): it checks the shape of every
 * record (field names and types, dates, numbers, duplicate keys and ids),
 * adds the records to the corpus with their references as written (or
 * hands the facts to a sink), and reports problems to the collector,
 * located as "FILE:88:5: facts[12].date: ..." (document: the line and column
 * where the record starts, and its path) or "FILE:7:1: date: ..." (JSON
 * Lines) through fnet_corpus_locate(). It reads no files. */
#ifndef FNET_RECORDS_H
#define FNET_RECORDS_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "input/json/jsontext.h"
#include "model/corpus.h"

#include <cjson/cJSON.h>
#include <stdbool.h>

/* Receives the valid facts of JSON Lines files instead of the corpus (see
 * fnet_load_opts.sink). f and every string it points to are valid only
 * during the call: copy what must outlive it. Returns 0, or a negative
 * FNET_E* code that stops the load (fnet_load_file() then returns it, with
 * "FILE: out of memory" in err for FNET_ENOMEM and "FILE: loading stopped"
 * otherwise). */
typedef struct fnet_load_sink {
    void *ctx;
    int (*fact)(void *ctx, const fnet_fact *f);
    /* NULL, or told of a valid fact before fact() gets it, so that it can
     * bring what it will need into the cache: at stage 0 about
     * 2 * FNET_SINK_AHEAD records ahead, at stage 1 about FNET_SINK_AHEAD
     * ahead (not every fact is announced, and records loaded in between
     * may change what the fact will resolve to). It must change nothing
     * that fact() or anyone else can observe. */
    void (*ahead)(void *ctx, const fnet_fact *f, int stage);
} fnet_load_sink;

#define FNET_SINK_AHEAD 8

/* What the record parser needs: where it is and where messages go. The
 * JSON Lines loader sets loc.line, loc.text_line, loc.text_col, loc.index,
 * section and failed before each record; the document loader sets pos, from
 * which the parser locates the records; the rest belongs to the parser. */
typedef struct fnet_records {
    fnet_corpus *c;
    fnet_diag *d;
    fnet_loc loc;
    const char *section; /* "facts", "entities", ... for JSON documents */
    fnet_buf where;      /* scratch for location prefixes */
    bool failed;         /* the current record had an error */
    bool oom;            /* out of memory: loading stops, FNET_ENOMEM */
    const fnet_load_sink *sink; /* NULL: facts go into the corpus */
    int sink_rc;                /* first non-zero return of the sink */
    bool fact_seen;             /* the current record was a fact */
    const fnet_jsonpos *pos;    /* a document's value positions, or NULL */
} fnet_records;

/* Registers name as an input file of c and starts parsing its records
 * into c (messages to d; no sink). Returns 0 or FNET_ENOMEM. End with
 * fnet_records_end(), also after a failure. */
int fnet_records_begin(fnet_records *x, fnet_corpus *c, const char *name,
                       fnet_diag *d);

/* Frees the parser's scratch. */
void fnet_records_end(fnet_records *x);

/* A JSON document's root: the header fields, then relations, sources,
 * entities and facts, whatever the key order. Set x->pos first for the
 * messages to give lines and columns. */
void fnet_records_document(fnet_records *x, const cJSON *root);

/* One JSON Lines record, dispatched on its "kind". */
void fnet_records_record(fnet_records *x, const cJSON *obj);

/* When obj is a fact record, checks it as fnet_records_record() does and
 * returns true; returns false, doing nothing, for anything else. */
bool fnet_records_fact(fnet_records *x, const cJSON *obj);

/* Adds a copy of fact f, checked elsewhere (its messages already
 * reported), to the corpus, as fnet_records_record() adds a valid fact:
 * its strings and lists are copied into the corpus arena, and the fact
 * limit or a failed allocation is reported at f->loc (x->oom is then
 * set for the latter). */
void fnet_records_keep_fact(fnet_records *x, const fnet_fact *f);

/* The column of line[0..len)'s first character that is not JSON white
 * space (after a byte order mark): where a JSON Lines record starts. */
uint32_t fnet_records_line_col(const char *line, size_t len);

/* Reports that file name holds no record: "NAME:1:1: error: empty file
 * (expected JSON Lines records)" (jsonl) or "(expected a JSON object)". */
void fnet_records_empty_file(fnet_diag *d, const char *name, bool jsonl);

/* The result of a load: FNET_ENOMEM (with "NAME: out of memory" in err)
 * when a record ran out of memory, else rc. */
int fnet_records_outcome(const fnet_records *x, const char *name, int rc,
                         fnet_err *err);

#endif

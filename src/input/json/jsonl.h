/* jsonl.h - JSON Lines fact files: the record loader one line at a time,
 * the serial reader of a stream and of text held in memory. The two-thread
 * reader (input/json/load_parallel.h) drives the same line loader; the format
 * table (input/formats.h) chooses between them. Everything outside
 * src/input uses load.h.
 *
 * A reader splits the file into lines and, for each line in file order,
 * calls fnet_jsonl_line(). The expensive part, the strict syntax check and
 * the parse, may be done ahead and on any thread with fnet_jsonl_prepare(),
 * which touches no shared state; records, messages and their order are
 * those of the serial reader whatever was prepared, since a line that was
 * not prepared is checked, parsed and reported by fnet_jsonl_line() itself
 * through the same front end (input/json/jsontext.h). */
#ifndef FNET_JSONL_H
#define FNET_JSONL_H

#include "core/diag.h"
#include "core/error.h"
#include "input/json/records.h"
#include "model/corpus.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Loads the JSON Lines text read from fp (name is used in messages) into
 * c on the calling thread; memory is bounded by the line limit (plus a
 * block, input/json/lines.h), not by the longest line or the file. Returns 0
 * when the file was read (data problems are in d), FNET_EIO on a read
 * error, FNET_ENOMEM; err holds the message for a non-zero return. */
int fnet_jsonl_stream(fnet_corpus *c, const char *name, FILE *fp, fnet_diag *d,
                      fnet_err *err);

/* Loads JSON Lines text[0..len) held in memory (modified: each line gets
 * its NUL; text[len] must be NUL) under the same limits. Same returns. */
int fnet_jsonl_text(fnet_corpus *c, const char *name, char *text, size_t len,
                    fnet_diag *d, fnet_err *err);

/* Loading state of one JSON Lines file. */
typedef struct fnet_jsonl fnet_jsonl;

/* Registers the file name with the corpus and starts loading into c
 * (messages to d; sink may be NULL). Returns 0 or FNET_ENOMEM with err
 * set. The caller ends it with fnet_jsonl_end(). */
int fnet_jsonl_begin(fnet_jsonl **out, fnet_corpus *c, const char *name,
                     const fnet_load_sink *sink, fnet_diag *d, fnet_err *err);

/* Checks and parses line lineno ahead of fnet_jsonl_line(), under lim (the
 * corpus's limits, read only): line[0..len) is
 * the line without its '\n', with line[len] == '\0'. Returns the record's
 * tree, or NULL when the line is blank, too long, invalid, or memory ran
 * out: fnet_jsonl_line() then finds and reports the problem itself. The
 * tree is built in trees when the arena parser takes the text
 * (input/json/json_arena.h; *in_arena is then true, and the tree lives as long
 * as the arena), else by cJSON (the caller frees it with cJSON_Delete()).
 * trees may be NULL (always cJSON). Reads only the line and writes only
 * trees: safe on any thread. */
cJSON *fnet_jsonl_prepare(const fnet_limits *lim, const char *line, size_t len,
                          uint32_t lineno, fnet_arena *trees, bool *in_arena);

/* Loads line lineno. line, len: as for fnet_jsonl_prepare(), or, when
 * too_long, the line held more than the corpus's line_bytes limit and only
 * their count matters (line may then be NULL). tree is NULL or
 * fnet_jsonl_prepare()'s result for this line (still owned by the caller).
 * Returns 0, FNET_ENOMEM, or the sink's error code, with err set. */
int fnet_jsonl_line(fnet_jsonl *j, const char *line, size_t len, bool too_long,
                    uint32_t lineno, const cJSON *tree, fnet_err *err);

/* ---- facts checked off the loading thread ----------------------------
 *
 * A fact record's checks do not depend on the corpus: they can run on any
 * thread in a scratch context, and the loading thread then only replays
 * the messages and hands the fact to the sink, or adds it to the corpus,
 * in file order. */
typedef struct fnet_jsonl_scratch fnet_jsonl_scratch;

/* A scratch context for j's file. Call on the loading thread, before other
 * threads use it. Returns 0 or FNET_ENOMEM. */
int fnet_jsonl_scratch_new(fnet_jsonl_scratch **out, const fnet_jsonl *j);

/* Forgets the strings of the facts checked so far (the fnet_fact copies
 * handed out become invalid). */
void fnet_jsonl_scratch_reset(fnet_jsonl_scratch *s);

/* NULL is allowed. */
void fnet_jsonl_scratch_free(fnet_jsonl_scratch *s);

/* When tree (fnet_jsonl_prepare()'s result for line lineno, whose record
 * starts at column col: fnet_records_line_col()) is a fact
 * record, runs the record checks of fnet_jsonl_line() with the messages to
 * d, hands the fact to sink if it is valid (sink should copy the struct:
 * its strings live in s until fnet_jsonl_scratch_reset()), and returns
 * true; the line must then be finished with fnet_jsonl_checked() instead
 * of fnet_jsonl_line(). *oom tells whether memory ran out while checking
 * (the fact is then invalid, and fnet_jsonl_checked() stops the load, as
 * fnet_jsonl_line() would). Returns false, doing nothing, for other
 * records. Touches only s, d, sink and *oom. */
bool fnet_jsonl_scratch_fact(fnet_jsonl_scratch *s, const cJSON *tree,
                             uint32_t lineno, uint32_t col,
                             const fnet_load_sink *sink, fnet_diag *d,
                             bool *oom);

/* Reads line lineno (line[0..len), line[len] == '\0', as for
 * fnet_jsonl_prepare()) straight from its text when it is a plain fact
 * record (input/json/factscan.h): returns true with *f set as
 * fnet_jsonl_scratch_fact() would give it, with no message (its strings
 * are then in line, which is modified, and in a); the line must then be
 * finished with fnet_jsonl_checked(). Returns false, changing nothing, for
 * any other line. Touches only line, a and f. */
bool fnet_jsonl_scratch_scan(const fnet_jsonl_scratch *s, char *line,
                             size_t len, uint32_t lineno, fnet_arena *a,
                             fnet_fact *f);

/* Finishes, on the loading thread and in its place in file order, a line
 * checked by fnet_jsonl_scratch_fact() or fnet_jsonl_scratch_scan():
 * appends its messages to the file's collector and hands f (NULL when the
 * fact was invalid) to the real sink, or, without a sink, adds a copy of
 * it to the corpus (fnet_records_keep_fact()); oom: the check ran out of
 * memory. Returns 0, FNET_ENOMEM or the sink's error code, with err set. */
int fnet_jsonl_checked(fnet_jsonl *j, const fnet_diag *msgs, const fnet_fact *f,
                       bool oom, fnet_err *err);

/* Called before line n_lines + 1 is loaded: true when it may be; else
 * reports the line-count limit of the corpus and returns false, and the
 * reader stops (the rest of the file is not read), as the serial reader. */
bool fnet_jsonl_more_lines(fnet_jsonl *j, uint32_t n_lines);

/* Finishes the file: when read_ok and no line held a record, reports the
 * empty file. Frees j (NULL is allowed). */
void fnet_jsonl_end(fnet_jsonl *j, bool read_ok);

#endif

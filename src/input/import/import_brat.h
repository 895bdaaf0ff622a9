/* import_brat.h - brat standoff annotations (.ann beside .txt) as facts.
 *
 * A T line is a mention; mentions with the same type and text are one
 * entity, and `*` equivalence lines (any type name) and N normalisations to
 * the same id merge entities further (input/import/mentions.h). R lines become
 * facts of their relation; E lines (events) become facts of the event's type
 * between its arguments: by default from the first argument to each other
 * one ("first"), or between every pair ("pairs", undirected), or not at all
 * ("none"). A and M attributes become attributes of the entity or fact, `#`
 * notes on relations and events the fact attribute "note". Each document is
 * a source (id = the file stem, file = the .txt name), and a fact's evidence
 * is the sentence around its arguments. Offsets are checked against the
 * text: brat counts code points and reads CRLF as one character.
 *
 * annotation.conf, when found beside the documents (or in a folder above,
 * up to the folder given), gives the argument types of relations and which
 * types are events. Relations not named by the label map are declared from
 * it (or from the types seen), directed unless the configuration marks them
 * symmetric, sign +1. docs/IMPORT.md has the details. */
#ifndef FNET_IMPORT_BRAT_H
#define FNET_IMPORT_BRAT_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "model/corpus.h"

#include <stddef.h>

/* Imports one document held in memory: ann_name is the .ann's name in
 * messages, txt_name the text's (the source's file), conf the text of an
 * annotation.conf or NULL, labels a label map or NULL. Returns 0 when read
 * (data problems are in d), FNET_EUSAGE for a bad option or FNET_ENOMEM;
 * err holds the message for a non-zero return. */
int fnet_import_brat_buffer(fnet_corpus *c, const char *ann_name,
                            const char *ann, size_t ann_len,
                            const char *txt_name, const char *txt,
                            size_t txt_len, const char *conf, size_t conf_len,
                            const fnet_import_opts *o,
                            const fnet_labelmap *labels, fnet_diag *d,
                            fnet_err *err);

/* Imports a .ann file (its .txt beside it) or every .ann under a folder
 * (sorted by path, sub-folders included; entities merge across the whole
 * folder). Also returns FNET_EIO when a file cannot be read. */
int fnet_import_brat_path(fnet_corpus *c, const char *path,
                          const fnet_import_opts *o,
                          const fnet_labelmap *labels, fnet_diag *d,
                          fnet_err *err);

/* The values of --brat-events, NULL-terminated (the check, the messages
 * and the shell completions read them). */
extern const char *const fnet_import_brat_events_names[];

/* Checks --brat-events. Returns 0 or FNET_EUSAGE. */
int fnet_import_brat_check(const fnet_import_opts *o, fnet_err *err);

#endif

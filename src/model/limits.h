/* limits.h - the documented input limits (docs/LIMITS.md), in one place.
 *
 * Each limit is checked where the data is read and gives a located error
 * at the limit (exit status 1), never a crash or memory that grows with a
 * hostile input. The values below are the defaults; fnet_corpus_new()
 * copies them into corpus.limits, which the loaders, the importers and the
 * fnet_corpus_add_* functions read, so that tests can lower a limit to
 * reach it cheaply. Limits may only be lowered: fixed-size buffers (the
 * JSON position scanner's nesting stack) are sized for the defaults. */
#ifndef FNET_LIMITS_H
#define FNET_LIMITS_H

#include <stdint.h>

/* One file read whole: a JSON document, and every file an importer reads
 * (CSV/TSV, GDELT/ICEWS, brat .ann/.txt/annotation.conf, Label Studio,
 * doccano, label maps, entity tables). The file is held in memory while it
 * is parsed; 1 GiB keeps that within reach of a laptop, and JSON Lines has
 * no size limit for larger corpora. */
#define FNET_MAX_DOCUMENT_BYTES (1024ULL * 1024 * 1024)
/* One JSON Lines record (also one line of a doccano file or of a brat .ann
 * file), not counting its line feed. The streaming reader holds at most one
 * line, so this bounds its memory; 16 MiB is far beyond any real record
 * (a fact with a page of evidence is a few kilobytes). */
#define FNET_MAX_LINE_BYTES (16ULL * 1024 * 1024)
/* One string as written between its quotes (escapes count as written), one
 * CSV/TSV field, one brat annotation text: ids, labels and evidence end up
 * in tables and diagrams, where a megabyte is already unreadable. */
#define FNET_MAX_STRING_BYTES (1024ULL * 1024)
/* Nesting of [ and {: the syntax check and the tree walks recurse once a
 * level, so this bounds the stack; factnet's format needs 4 levels. */
#define FNET_MAX_DEPTH 64
/* JSON values in one document (or one record): cJSON takes about 80 bytes
 * a value, so a 1 GiB document of tiny values ([0,0,...]) would need some
 * 45 GB. 2^26 values bound the tree to about 5.4 GB, while a 1 GiB document
 * of ordinary fact records (about 45 million values) still fits. */
#define FNET_MAX_VALUES (1ULL << 26)
/* Lines of one JSON Lines file: locations store line numbers in 32 bits. */
#define FNET_MAX_LINES UINT32_MAX
/* Fields of one CSV/TSV record: the reader keeps an entry for each, so a
 * row of commas would otherwise cost 32 bytes per byte of input. 16384 is
 * the largest number of columns spreadsheets (Excel, LibreOffice) write. */
#define FNET_MAX_FIELDS 16384
/* Entities, relations (the built-ins included) and sources, each: facts
 * refer to them by int32_t index. */
#define FNET_MAX_ENTITIES ((uint64_t)INT32_MAX)
#define FNET_MAX_RELATIONS ((uint64_t)INT32_MAX)
#define FNET_MAX_SOURCES ((uint64_t)INT32_MAX)
/* Facts: a graph edge counts the facts behind it in 32 bits. (Memory runs
 * out long before: a fact takes 128 bytes plus its strings.) */
#define FNET_MAX_FACTS ((uint64_t)UINT32_MAX)
/* One source text read by `check --sources` (input/provenance.h): it is
 * held twice (as read and folded) with an index of 4 bytes per byte. */
#define FNET_MAX_SOURCE_TEXT_BYTES (256ULL * 1024 * 1024)
/* One evidence quote an importer derives from an annotated text (brat,
 * Label Studio, doccano; input/import/quote.h): the text is read once, but every
 * fact would otherwise copy the sentence around its mentions, so one line
 * of annotations could cost a megabyte. 2 KiB holds a paragraph; longer
 * sentences give the annotated span instead, cut in the middle with " … "
 * when that is longer too. */
#define FNET_MAX_QUOTE_BYTES 2048
/* Entity arguments of one brat event imported with --brat-events pairs,
 * which makes n(n-1)/2 facts of an event with n: 64 give 2,016 facts (about
 * half a megabyte) from one line of the .ann file. `first` (n-1 facts)
 * takes events of any size. */
#define FNET_MAX_PAIR_ARGUMENTS 64
/* Names in one POLECAT actor or recipient cell ("A; B"): an event makes one
 * fact per actor and recipient, so 16 give at most 256 facts from a row,
 * sharing one evidence and one set of attributes. */
#define FNET_MAX_EVENT_ACTORS 16

typedef struct fnet_limits {
    uint64_t document_bytes;
    uint64_t line_bytes;
    uint64_t string_bytes;
    uint64_t values;
    uint32_t depth;
    uint32_t lines;
    uint32_t fields;
    uint64_t entities, relations, sources, facts;
    uint64_t source_text_bytes;
    uint64_t quote_bytes;
    uint32_t pair_arguments;
} fnet_limits;

/* The defaults above, as a struct. */
#define FNET_LIMITS_DEFAULT                                                    \
    ((fnet_limits){.document_bytes = FNET_MAX_DOCUMENT_BYTES,                  \
                   .line_bytes = FNET_MAX_LINE_BYTES,                          \
                   .string_bytes = FNET_MAX_STRING_BYTES,                      \
                   .values = FNET_MAX_VALUES,                                  \
                   .depth = FNET_MAX_DEPTH,                                    \
                   .lines = FNET_MAX_LINES,                                    \
                   .fields = FNET_MAX_FIELDS,                                  \
                   .entities = FNET_MAX_ENTITIES,                              \
                   .relations = FNET_MAX_RELATIONS,                            \
                   .sources = FNET_MAX_SOURCES,                                \
                   .facts = FNET_MAX_FACTS,                                    \
                   .source_text_bytes = FNET_MAX_SOURCE_TEXT_BYTES,            \
                   .quote_bytes = FNET_MAX_QUOTE_BYTES,                        \
                   .pair_arguments = FNET_MAX_PAIR_ARGUMENTS})

#endif

/* quote.h - the evidence an importer quotes from an annotated text (brat,
 * Label Studio, doccano): the sentence(s) around a fact's mentions.
 *
 * A quote is derived, not read: one line of annotations can ask for a
 * sentence of a megabyte, and thousands of lines for the same one. So that
 * memory and time follow the input (docs/LIMITS.md, "Quoted evidence"):
 *   - a quote is at most max_bytes long. When the sentences around the span
 *     take more than max_bytes of the text, the quote is the span itself;
 *     when the span is longer than that too, its first and last bytes
 *     (whole characters) joined by " … ", which `check --sources-dir` reads
 *     as a gap between two fragments;
 *   - finding the sentence looks at no more than max_bytes of text, so a
 *     quote costs O(max_bytes) time whatever the text;
 *   - equal quotes of one text are stored once and shared.
 *
 * Sentences: a sentence ends at a line break, and after '.', '!' or '?'
 * followed by white space, unless the next word starts in lower case
 * ("Acme Corp. hired") or the '.' ends a one-letter initial ("J. Smith");
 * a '.' followed by more than FNET_QUOTE_WS_LOOKAHEAD bytes of white space
 * always ends one. The sentence ends of other scripts end a sentence
 * wherever they stand: CJK 。．！？, Arabic ۔ ؟ and Devanagari । ॥.
 * White space in the quote is folded (runs -> one space,
 * trimmed).
 *
 * Ownership: the quoter borrows the text (it must outlive the quoter) and
 * allocates the quotes in the arena given to fnet_quoter_init (the
 * corpus's: they live as long as the facts). Its own index is freed by
 * fnet_quoter_free. */
#ifndef FNET_QUOTE_H
#define FNET_QUOTE_H

#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FNET_QUOTE_WS_LOOKAHEAD 64

typedef struct fnet_quoter {
    const char *text; /* borrowed; valid UTF-8 */
    size_t len;
    size_t max_bytes;  /* at least 16 */
    fnet_arena *out;   /* where quotes are allocated */
    fnet_arena keys;   /* the index's keys (the quoter's own) */
    fnet_strmap index; /* piece extents -> quote (pointer as size_t) */
    fnet_buf tmp;
    uint64_t cut; /* calls whose quote is not whole sentences */
    /* The quote is the span itself, never the sentences around it (DNA's
     * statements are exact spans); false after fnet_quoter_init. */
    bool span_only;
} fnet_quoter;

/* Starts a quoter of text[0..len) writing quotes of at most max_bytes
 * (values under 16 count as 16) into out. Can't fail. */
void fnet_quoter_init(fnet_quoter *q, const char *text, size_t len,
                      size_t max_bytes, fnet_arena *out);

/* Switches q to another text (Label Studio: the next task), dropping the
 * index of the old one; max_bytes, the arena and the count of cut quotes
 * carry on. Can't fail. */
void fnet_quoter_text(fnet_quoter *q, const char *text, size_t len);

/* Sets *out to the quote for the byte span [start, end) of the text (see
 * above; positions past the end count as the end). Returns 0 or
 * FNET_ENOMEM. */
int fnet_quoter_quote(fnet_quoter *q, size_t start, size_t end,
                      const char **out);

/* Frees the quoter's index (not the quotes). The quoter may be started
 * again with fnet_quoter_init. Can't fail. */
void fnet_quoter_free(fnet_quoter *q);

#endif

/* provenance.h - checks that evidence quotes occur in their sources' texts.
 *
 * A source record may name its text ("file"); the text is read from a
 * folder given by the caller (factnet check --sources-dir DIR reads
 * DIR/FILE). A quote matches when it occurs in the text after both are
 * whitespace-folded (fnet_text_fold_n: any run of Unicode white space,
 * U+00A0 included, is one space; leading and trailing space is dropped) and
 * is otherwise byte-exact: no case folding, no quote-mark or dash
 * normalisation. An ellipsis in the quote ("…" U+2026, or a run of three or
 * more ASCII dots) separates fragments that must all occur, in this order and
 * without overlapping. docs/PROVENANCE.md has the rules with examples.
 *
 * A quote that does not match is reported with the closest passage of the
 * text: the alignment that most of the quote's 6-byte substrings agree on,
 * shown as about 80 characters with "[*]" before the first byte that
 * differs.
 *
 * Cost: each text is read and folded once, O(n); each fragment is one
 * memmem() over the folded text. The similarity index (O(n) memory) is
 * built only when a quote fails; a failure then costs O(m log m) for an
 * m-byte quote plus O(n) to find the passage's line. */
#ifndef FNET_PROVENANCE_H
#define FNET_PROVENANCE_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- one text --------------------------------------------------------- */

/* A source text, folded once for matching. Opaque. */
typedef struct fnet_prov_text fnet_prov_text;

/* Makes a text from data[0..len) (copied; a leading UTF-8 byte-order mark is
 * skipped). name is used in messages ("NAME:LINE") and copied. The data must
 * be valid UTF-8: otherwise returns FNET_EDATA with "NAME: invalid UTF-8 at
 * byte N" in err. Returns 0 or FNET_EDATA / FNET_ENOMEM. The caller frees
 * *out with fnet_prov_text_free(). */
int fnet_prov_text_new(fnet_prov_text **out, const char *name, const char *data,
                       size_t len, fnet_err *err);

/* Reads the file at path, of at most limit bytes (the corpus's
 * limits.source_text_bytes, FNET_MAX_SOURCE_TEXT_BYTES by default; no more
 * is read), and makes a text named path. Returns 0, FNET_EIO ("PATH: cannot
 * open: REASON"), FNET_EDATA ("PATH: file larger than the limit of N bytes
 * for a source text", or not UTF-8) or FNET_ENOMEM, with err set. */
int fnet_prov_text_read(fnet_prov_text **out, const char *path, uint64_t limit,
                        fnet_err *err);

/* NULL is allowed. */
void fnet_prov_text_free(fnet_prov_text *t);

/* The outcome of matching one quote against one text. Start zeroed; free
 * with fnet_prov_result_free(). */
typedef struct fnet_prov_result {
    bool found;
    size_t score; /* on a miss: agreeing 6-byte substrings of the closest
                     passage (0: nothing similar); compares texts */
    fnet_buf why; /* on a miss: what failed, appended to "quote not found
                     in NAME", e.g. "; closest passage (NAME:17): \"…\"" */
} fnet_prov_result;

/* Matches quote (NUL-terminated UTF-8) against t and fills *res (reset
 * first). t is not const because the similarity index is built on the
 * first miss. Returns 0, or FNET_ENOMEM (res is then incomplete). */
int fnet_prov_text_match(fnet_prov_text *t, const char *quote,
                         fnet_prov_result *res);

void fnet_prov_result_free(fnet_prov_result *res);

/* ---- a corpus --------------------------------------------------------- */

typedef struct fnet_prov_stats {
    uint64_t quotes;    /* facts with an evidence quote */
    uint64_t checked;   /* quotes with at least one source text read */
    uint64_t not_found; /* checked quotes found in none of their texts */
    uint32_t texts;     /* source texts read */
} fnet_prov_stats;

/* Checks every fact's evidence against the texts of its sources. A source's
 * text is sources_dir/FILE (FILE itself when absolute). A quote must occur in
 * at least one of its fact's sources that have a text; facts whose sources
 * have none are only counted (stats->quotes - stats->checked).
 *
 * Reports to d: a source file that cannot be read or is not UTF-8 is an
 * error located at the source ("FILE:3:15: sources[0].file: ..."); a quote that
 * is not found is a warning located at the fact ("FILE:88:5: facts[12].evidence:
 * warning: quote not found in DIR/FILE; closest passage ..."). The caller
 * decides whether warnings fail (--strict).
 *
 * c must be resolved (fnet_corpus_resolve). Returns 0 (problems are in d)
 * or FNET_ENOMEM with err set. */
int fnet_prov_check(const fnet_corpus *c, const char *sources_dir, fnet_diag *d,
                    fnet_prov_stats *stats, fnet_err *err);

#endif

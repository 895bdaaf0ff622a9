/* text.h - small text utilities: UTF-8 checks, name folding, edit distance. */
#ifndef FNET_TEXT_H
#define FNET_TEXT_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Returns the length of the valid UTF-8 sequence at s (1..4), or 0 when the
 * bytes at s (n available) are not valid UTF-8 (overlongs, surrogates and
 * code points above U+10FFFF are invalid). */
size_t fnet_utf8_seq_len(const unsigned char *s, size_t n);

/* Returns true when s[0..n) is valid UTF-8; else false and, if bad is not
 * NULL, the byte offset of the first invalid sequence. */
bool fnet_utf8_valid(const char *s, size_t n, size_t *bad);

/* Number of code points in valid UTF-8 s[0..n). */
size_t fnet_utf8_count(const char *s, size_t n);

/* Line and column (1-based; columns count characters, not bytes) of byte
 * offset off in s. A line ends at LF; the CR of a CRLF counts as a character
 * of its line. O(off). */
void fnet_text_line_col(const char *s, size_t off, size_t *line, size_t *col);

/* Returns the byte length (1..3) of the white-space character at s (n bytes
 * available), or 0 when s does not start with one. White space is Unicode's
 * White_Space property: ASCII TAB, LF, VT, FF, CR and space, U+0085, U+00A0
 * (no-break space), U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
 * and U+3000. Can't fail. */
size_t fnet_text_space_len(const char *s, size_t n);

/* Appends the folded form of s[0..n) to out: runs of white space
 * (fnet_text_space_len) become one space, leading and trailing white space is
 * dropped, and ASCII letters are lower-cased when casefold is set. Other
 * bytes, NUL included, are copied unchanged. Names and evidence quotes
 * compare in this form. O(n). */
void fnet_text_fold_n(fnet_buf *out, const char *s, size_t n, bool casefold);

/* fnet_text_fold_n() of the NUL-terminated string s. */
void fnet_text_fold(fnet_buf *out, const char *s, bool casefold);

/* Appends the identifier s as words, for a reader: each '_' becomes a
 * space ("working_group" -> "working group"). */
void fnet_text_words(fnet_buf *out, const char *s);

/* Levenshtein distance between a and b (bytes), stopping early once it
 * exceeds max (returns max + 1 then). O(|a|*|b|) time, O(|b|) memory. */
size_t fnet_text_distance(const char *a, const char *b, size_t max);

/* The closest of several names to a mistyped one, for "did you mean"
 * suggestions: init with the name as written (its first len bytes; a name
 * of FNET_TEXT_NEAREST_MAX bytes or more gets no suggestion), offer each
 * candidate, read best (NULL: none is close). A candidate is close within max(2, |want|/3)
 * edits (fnet_text_distance, ASCII letters compared case-folded) and
 * fewer edits than either name is long; the first of equally close ones
 * wins. Pointers are not copied. */
#define FNET_TEXT_NEAREST_MAX 64

typedef struct fnet_text_nearest {
    char want[FNET_TEXT_NEAREST_MAX];
    bool skip; /* want too long */
    size_t max;
    size_t dist;
    const char *best;
} fnet_text_nearest;

void fnet_text_nearest_init(fnet_text_nearest *n, const char *want, size_t len);
void fnet_text_nearest_offer(fnet_text_nearest *n, const char *name);

#endif

/* jsonsyntax.h - strict JSON syntax check with located, specific messages.
 *
 * cJSON reports only where it stopped, often one token late ("unexpected end
 * of input" for a trailing comma), and accepts some text that is not JSON
 * (leading zeros, raw control characters in strings). The loaders therefore
 * run this check over the raw bytes first: it accepts exactly RFC 8259 JSON
 * (one value, optional white space around it) and names the first problem
 * with its line and column. It also enforces factnet's input limits: no NUL
 * bytes or \u0000, valid UTF-8 (in and outside strings, no unpaired
 * surrogate escapes), string length, nesting depth and the number of
 * values (model/limits.h).
 *
 * Cost: O(n) time; recursion depth at most max_depth + 1 frames. */
#ifndef FNET_JSONSYNTAX_H
#define FNET_JSONSYNTAX_H

#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_json_problem {
    size_t line;   /* 1-based, counted from first_line */
    size_t column; /* 1-based, in characters (UTF-8 code points) */
    char msg[256]; /* one line, no location, no trailing newline */
} fnet_json_problem;

/* Checks s[0..n) within lim (NULL: FNET_LIMITS_DEFAULT): strings may hold
 * at most lim->string_bytes bytes as written (escapes count as written);
 * objects and arrays nest at most lim->depth levels; the text holds at most
 * lim->values values (the text itself, every array element and every
 * object member, counted as cJSON will create them: the tree then costs at
 * most about 80 bytes a value). first_line is the line number of s[0]
 * (JSON Lines records are checked one line at a time). Returns true when s
 * is valid; else false with the first problem in *out. Can't fail
 * otherwise. */
bool fnet_json_check(const char *s, size_t n, size_t first_line,
                     const fnet_limits *lim, fnet_json_problem *out);

#endif

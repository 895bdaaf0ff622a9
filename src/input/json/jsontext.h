/* jsontext.h - JSON text: parsing with located errors, and where each value
 * of a parsed tree was written.
 *
 * Shared by the JSON fact loader and the importers of JSON-based formats
 * (Label Studio, doccano, label maps), so that every message about a JSON
 * value can name the line and column it came from, although cJSON keeps no
 * positions. */
#ifndef FNET_JSONTEXT_H
#define FNET_JSONTEXT_H

#include "core/diag.h"
#include "model/limits.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Parses s[0..n) (s[n] must be NUL) into *out, which the caller frees with
 * cJSON_Delete. The text is first checked strictly (RFC 8259, UTF-8, no NUL,
 * and the string length, nesting and value-count limits of lim, NULL for
 * FNET_LIMITS_DEFAULT; input/json/jsonsyntax.h), since cJSON accepts more than
 * JSON. On failure reports "NAME:LINE:COL: error: ..." to d (lines counted
 * from first_line) and returns FNET_EDATA, with *out NULL; returns
 * FNET_ENOMEM, reported to nobody, when out of memory: the caller stops and
 * passes it up (exit 4, not a data error). */
int fnet_json_parse(fnet_diag *d, const fnet_limits *lim, const char *name,
                    const char *s, size_t n, size_t first_line, cJSON **out);

typedef struct fnet_json_pos {
    const cJSON *item;
    uint32_t line, col;
} fnet_json_pos;

/* Where every value of a tree parsed from a text starts. */
typedef struct fnet_jsonpos {
    fnet_json_pos *v; /* sorted by item */
    size_t n;
} fnet_jsonpos;

/* Records the position of every value of root, parsed from s[0..n) by
 * fnet_json_parse (lines counted from first_line). Values appear in the text
 * in the order of a pre-order walk of the tree, which is how positions are
 * matched to items. Returns 0 or FNET_ENOMEM. The caller frees p with
 * fnet_jsonpos_free(). O(n + values log values). */
int fnet_jsonpos_build(fnet_jsonpos *p, const char *s, size_t n,
                       const cJSON *root, uint32_t first_line);

/* Line and column of item's first character; false (and 0, 0) when item is
 * not from the recorded tree. */
/* fnet_jsonpos_build() for the values nested at most max_depth deep only
 * (the root is at depth 0; a document's records are at 2), which is all a
 * loader of records needs: the other values cost no memory. */
int fnet_jsonpos_build_top(fnet_jsonpos *p, const char *s, size_t n,
                           const cJSON *root, uint32_t first_line,
                           size_t max_depth);

bool fnet_jsonpos_find(const fnet_jsonpos *p, const cJSON *item, uint32_t *line,
                       uint32_t *col);

void fnet_jsonpos_free(fnet_jsonpos *p);

/* True when s[0..n) holds only JSON white space (or nothing). */
static inline bool fnet_json_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* The length of the UTF-8 byte order mark at the start of s[0..n) (as
 * editors on Windows write): 3, or 0 when there is none. */
static inline size_t fnet_json_bom(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

#endif

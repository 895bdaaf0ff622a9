/* json_arena.h - cJSON trees of plain records, built in an arena.
 *
 * cJSON allocates every node and string with malloc; for a JSON Lines
 * record that is some twenty allocations to parse and as many frees to
 * delete, half of the parsing time. This parser builds the same cJSON tree
 * (cJSON 1.7.15's types, values, strings, key order, valueint saturation,
 * child->prev pointing at the last child) with every node and string in an
 * arena, so that a whole chunk of records is freed at once.
 *
 * It handles the common case only and declines the rest: it returns NULL,
 * and the caller parses with cJSON, for \u escapes, numbers outside the
 * strict JSON grammar or longer than 63 characters, a non-'.' decimal
 * point locale, nesting deeper than 64, anything cJSON would reject, and
 * any text after the value. What it accepts, cJSON accepts with the same
 * result.
 *
 * Ownership: the tree lives in the arena; never pass it to cJSON_Delete. */
#ifndef FNET_JSON_ARENA_H
#define FNET_JSON_ARENA_H

#include "core/arena.h"

#include <cjson/cJSON.h>
#include <stddef.h>

/* The number in the strict JSON grammar at s (before end), with the value
 * cJSON 1.7.15 gives it (strtod of its text): returns the end of its text
 * with *out set, or NULL, declining: not such a number, one cJSON would
 * read on past (a sign, point, exponent or digit follows), longer than 63
 * characters (cJSON reads no more), or, when strtod is needed, a locale
 * whose decimal point is not '.'. Shared with input/json/factscan.h. */
const char *fnet_json_arena_number(const char *s, const char *end, double *out);

/* Parses s[0..n) (s[n] must be NUL). Returns the root, or NULL (declined,
 * or out of memory: the caller then uses cJSON). */
cJSON *fnet_json_arena_parse(fnet_arena *a, const char *s, size_t n);

#endif

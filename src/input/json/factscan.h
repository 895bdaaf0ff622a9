/* factscan.h - plain fact records of JSON Lines read straight from their
 * text, without a parse tree.
 *
 * Most lines of a large JSON Lines corpus are facts of one plain shape.
 * The usual path checks each line's syntax (jsonsyntax.h), builds a cJSON
 * tree (json_arena.h) and then finds every field by name (records.h); on
 * a million facts that is most of the loading time. This scanner reads a
 * line once and gives the fact directly.
 *
 * It takes only what it can match exactly and declines the rest: it
 * accepts a line only when the strict syntax check, cJSON and the fact
 * record checks would all accept it without a message, and then gives the
 * same fact (same strings, numbers as cJSON reads them, same defaults).
 * Anything else returns false, so that the usual path handles, and
 * reports, the line: another kind of record, an unknown or repeated
 * field, a wrong type, an empty required field, a bad date or number, the
 * fields "stance" and "attrs", \u escapes, numbers longer than 63
 * characters, text after the object, and any syntax error or input limit.
 *
 * Accepted fields: kind ("fact"), id, subject, relation, object, date,
 * until, weight, sign, confidence, source (a string or an array of
 * strings) and evidence, in any order. */
#ifndef FNET_FACTSCAN_H
#define FNET_FACTSCAN_H

#include "core/arena.h"
#include "model/corpus.h"
#include "model/limits.h"

#include <stdbool.h>
#include <stddef.h>

/* Scans line[0..len) (line[len] must be NUL; no byte order mark) under
 * lim. Returns true with *f filled (loc left zero: the caller sets it)
 * when the line is a plain fact record; its strings are then decoded in
 * place in line, which is modified, and the array of its sources is
 * allocated from a. Returns false, leaving line unchanged, otherwise
 * (also when a is out of memory). Touches only line, a and f: safe on
 * any thread. O(len). */
bool fnet_factscan(char *line, size_t len, const fnet_limits *lim,
                   fnet_arena *a, fnet_fact *f);

#endif

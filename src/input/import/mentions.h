/* mentions.h - turns annotated mentions into entities.
 *
 * An annotation tool marks mentions (a span of text with a type), not
 * entities. Mentions with the same type and the same text (white space
 * folded, case kept) are one name; names declared equivalent (brat's `*`
 * lines) or normalised to the same knowledge-base id (brat's N lines) are
 * merged into one entity, so a person named three ways is one node. Once all
 * mentions of an import are added, fnet_mentions_commit() creates one entity
 * per group in the corpus:
 *
 *   id      "TYPE:TEXT" of the group's first name (stable across runs, and
 *           the same name in another file is the same entity)
 *   label   the normalisation text if the group has one, else the most
 *           frequent mention text (ties: the first seen)
 *   aliases the other texts of the group
 *   type    the first name's type
 *   attrs   attributes set on any of its mentions (first value wins)
 *
 * Cost: O(mentions) expected, plus the merging (union-find). */
#ifndef FNET_MENTIONS_H
#define FNET_MENTIONS_H

#include "core/arena.h"
#include "core/strmap.h"
#include "input/import/import.h"

#include <stdint.h>

typedef struct fnet_mention_name fnet_mention_name;
typedef struct fnet_mention_attr fnet_mention_attr;

typedef struct fnet_mentions {
    fnet_arena arena;    /* keys and texts */
    fnet_strmap by_key;  /* "TYPE\x1fTEXT" -> name */
    fnet_strmap by_norm; /* normalisation id -> name */
    fnet_mention_name *names;
    uint32_t n_names, cap_names;
    fnet_mention_attr *attrs;
    uint32_t n_attrs, cap_attrs;
    const char **ids; /* after commit: the entity id of each name */
} fnet_mentions;

/* A set starts zeroed: `fnet_mentions m = {0};` */

/* Adds a mention of type with text (folded here); loc is where it was first
 * written. Returns in *out the name's index. Returns 0 or FNET_ENOMEM. */
int fnet_mentions_add(fnet_mentions *m, const char *type, const char *text,
                      size_t len, fnet_loc loc, uint32_t *out);

/* The type of name a. */
const char *fnet_mentions_type(const fnet_mentions *m, uint32_t a);

/* Merges the groups of names a and b. Returns 0. */
int fnet_mentions_union(fnet_mentions *m, uint32_t a, uint32_t b);

/* Records that name a is normalised to id (e.g. "Wikipedia:64488") with
 * text (may be NULL): all names normalised to the same id merge. Returns 0
 * or FNET_ENOMEM. */
int fnet_mentions_norm(fnet_mentions *m, uint32_t a, const char *id,
                       const char *text);

/* Sets attribute key=value on name a's entity. Returns 0 or FNET_ENOMEM. */
int fnet_mentions_attr(fnet_mentions *m, uint32_t a, const char *key,
                       const char *value, int kind);

/* Creates (or extends, when the id exists already) one entity per group in
 * im's corpus. Afterwards fnet_mentions_id() gives each name's entity id.
 * Returns 0 or FNET_ENOMEM. */
int fnet_mentions_commit(fnet_mentions *m, fnet_importer *im);

/* The entity id of name a (after commit; corpus arena string). */
const char *fnet_mentions_id(const fnet_mentions *m, uint32_t a);

void fnet_mentions_free(fnet_mentions *m);

#endif

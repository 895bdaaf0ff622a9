/* brat_conf.h - what factnet reads of a brat annotation.conf: the event
 * types, and the argument types and symmetry of each relation type.
 *
 * Sections other than [relations] and [events] are skipped, and so are
 * unknown lines, as brat does for sections it does not use; macros
 * ("<POG>=Person|Organization") are expanded one level. Used by the brat
 * importer (input/import/import_brat.h), which finds the file beside the
 * documents.
 *
 * Ownership: a fnet_brat_conf owns its strings (in its arena) and maps;
 * start from a zeroed struct and free it with fnet_brat_conf_free(). */
#ifndef FNET_BRAT_CONF_H
#define FNET_BRAT_CONF_H

#include "core/arena.h"
#include "core/strmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A relation type's declaration. */
typedef struct fnet_brat_rel {
    const char **from, **to; /* brat types; NULL list (n 0): any */
    uint32_t n_from, n_to;
    bool symmetric;
    const struct fnet_brat_rel *copy; /* in the corpus arena, once needed */
} fnet_brat_rel;

typedef struct fnet_brat_conf {
    fnet_arena a;
    fnet_strmap events; /* event type -> 1 */
    fnet_strmap rels;   /* relation type -> index into v */
    fnet_strmap macros; /* "<POG>" -> index into macro_values */
    const char **macro_values;
    size_t n_macros, cap_macros;
    fnet_brat_rel *v;
    size_t n, cap;
} fnet_brat_conf;

/* Frees what cf holds and zeroes it (ready to parse again). */
void fnet_brat_conf_free(fnet_brat_conf *cf);

/* Adds the declarations of data[0..len), UTF-8 text without NUL bytes
 * (fnet_brat_text_ok, input/import/brat_ann.h), to cf. Returns 0 or
 * FNET_ENOMEM. */
int fnet_brat_conf_parse(fnet_brat_conf *cf, const char *data, size_t len);

/* True when cf declares type as an event type. */
bool fnet_brat_conf_is_event(const fnet_brat_conf *cf, const char *type);

/* The declaration of relation type type copied into arena a, whose
 * strings and lists it uses (NULL when cf has none): made once per conf,
 * then the same copy. Returns 0 or FNET_ENOMEM. */
int fnet_brat_conf_relation(fnet_brat_conf *cf, const char *type, fnet_arena *a,
                            const fnet_brat_rel **out);

#endif

/* strmap.h - open-addressing hash table from strings to size_t values.
 *
 * Keys are NOT copied: the caller keeps them alive (factnet's keys live in the
 * corpus arena). Lookups and inserts are O(1) expected, so loading stays
 * linear in the number of records. */
#ifndef FNET_STRMAP_H
#define FNET_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fnet_strmap_slot {
    const char *key; /* NULL: empty slot */
    size_t len;
    size_t hash;
    size_t value;
} fnet_strmap_slot;

typedef struct fnet_strmap {
    fnet_strmap_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
} fnet_strmap;

/* A map starts zeroed: `fnet_strmap m = {0};` */

/* Looks key (len bytes) up. Returns true and sets *value if found. */
bool fnet_strmap_get(const fnet_strmap *m, const char *key, size_t len,
                     size_t *value);

/* Inserts key -> value, or replaces the value when key is present.
 * Returns 0, or FNET_ENOMEM (the map is unchanged). */
int fnet_strmap_put(fnet_strmap *m, const char *key, size_t len, size_t value);

/* Frees the table (not the keys). The map is empty and reusable. */
void fnet_strmap_free(fnet_strmap *m);

/* FNV-1a; exposed for callers that hash other byte strings. */
size_t fnet_hash_bytes(const void *data, size_t len);

#endif

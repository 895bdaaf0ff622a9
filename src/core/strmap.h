/* strmap.h - open-addressing hash table from strings to size_t values.
 *
 * Keys are NOT copied: the caller keeps them alive (factnet's keys live in the
 * corpus arena). Lookups and inserts are O(1) expected, so loading stays
 * linear in the number of records. Each slot also holds the first 8 bytes
 * of its key, so that a lookup of a key of at most 8 bytes (the ids of
 * large generated or exported corpora) reads the slot alone, not the key:
 * one cache miss instead of two on a large map. */
#ifndef FNET_STRMAP_H
#define FNET_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fnet_strmap_slot {
    const char *key; /* NULL: empty slot */
    size_t value;
    uint64_t head; /* the key's first 8 bytes (zero-padded) */
    uint32_t hash; /* the low bits of fnet_hash_bytes(key, len) */
    uint32_t len;
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

/* Brings the slot where a lookup of key (len bytes) starts into the
 * cache, so that fnet_strmap_get() finds it there a little later. Changes
 * nothing. */
void fnet_strmap_prefetch(const fnet_strmap *m, const char *key, size_t len);

/* Inserts key -> value, or replaces the value when key is present.
 * Returns 0, or FNET_ENOMEM (the map is unchanged, also for a key longer
 * than UINT32_MAX bytes). */
int fnet_strmap_put(fnet_strmap *m, const char *key, size_t len, size_t value);

/* Frees the table (not the keys). The map is empty and reusable. */
void fnet_strmap_free(fnet_strmap *m);

/* FNV-1a; exposed for callers that hash other byte strings. */
size_t fnet_hash_bytes(const void *data, size_t len);

#endif

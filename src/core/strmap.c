/* strmap.c - open-addressing string hash table (see strmap.h). */
#include "core/strmap.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

size_t fnet_hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 29));
}

static fnet_strmap_slot *find(fnet_strmap_slot *slots, size_t cap,
                              const char *key, size_t len, size_t hash)
{
    size_t i = hash & (cap - 1);
    for (;;) {
        fnet_strmap_slot *s = &slots[i];
        if (!s->key ||
            (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

bool fnet_strmap_get(const fnet_strmap *m, const char *key, size_t len,
                     size_t *value)
{
    if (m->cap == 0)
        return false;
    fnet_strmap_slot *s =
        find(m->slots, m->cap, key, len, fnet_hash_bytes(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

static int grow(fnet_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    fnet_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return FNET_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        fnet_strmap_slot *old = &m->slots[i];
        if (old->key)
            *find(slots, cap, old->key, old->len, old->hash) = *old;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return FNET_OK;
}

int fnet_strmap_put(fnet_strmap *m, const char *key, size_t len, size_t value)
{
    if ((m->count + 1) * 4 > m->cap * 3) { /* load factor <= 0.75 */
        int rc = grow(m);
        if (rc)
            return rc;
    }
    size_t hash = fnet_hash_bytes(key, len);
    fnet_strmap_slot *s = find(m->slots, m->cap, key, len, hash);
    if (!s->key) {
        s->key = key;
        s->len = len;
        s->hash = hash;
        m->count++;
    }
    s->value = value;
    return FNET_OK;
}

void fnet_strmap_free(fnet_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

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

/* The first 8 bytes of key (len bytes), zero-padded. */
static uint64_t head_of(const char *key, size_t len)
{
    uint64_t h = 0;
    if (len >= sizeof h)
        memcpy(&h, key, sizeof h);
    else
        for (size_t i = 0; i < len; i++)
            h |= (uint64_t)(unsigned char)key[i] << (8 * i);
    return h;
}

static bool same_key(const fnet_strmap_slot *s, const char *key, size_t len,
                     uint32_t hash, uint64_t head)
{
    return s->hash == hash && s->len == len && s->head == head &&
           (len <= sizeof head ||
            memcmp(s->key + sizeof head, key + sizeof head,
                   len - sizeof head) == 0);
}

static fnet_strmap_slot *find(fnet_strmap_slot *slots, size_t cap,
                              const char *key, size_t len, uint32_t hash,
                              uint64_t head)
{
    size_t i = hash & (cap - 1);
    for (;;) {
        fnet_strmap_slot *s = &slots[i];
        if (!s->key || same_key(s, key, len, hash, head))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

bool fnet_strmap_get(const fnet_strmap *m, const char *key, size_t len,
                     size_t *value)
{
    if (m->cap == 0 || len > UINT32_MAX)
        return false;
    fnet_strmap_slot *s =
        find(m->slots, m->cap, key, len, (uint32_t)fnet_hash_bytes(key, len),
             head_of(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

void fnet_strmap_prefetch(const fnet_strmap *m, const char *key, size_t len)
{
    if (m->cap)
        __builtin_prefetch(&m->slots[fnet_hash_bytes(key, len) & (m->cap - 1)]);
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
            *find(slots, cap, old->key, old->len, old->hash, old->head) = *old;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return FNET_OK;
}

int fnet_strmap_put(fnet_strmap *m, const char *key, size_t len, size_t value)
{
    if (len > UINT32_MAX)
        return FNET_ENOMEM;
    if ((m->count + 1) * 4 > m->cap * 3) { /* load factor <= 0.75 */
        int rc = grow(m);
        if (rc)
            return rc;
    }
    uint32_t hash = (uint32_t)fnet_hash_bytes(key, len);
    uint64_t head = head_of(key, len);
    fnet_strmap_slot *s = find(m->slots, m->cap, key, len, hash, head);
    if (!s->key) {
        s->key = key;
        s->len = (uint32_t)len;
        s->hash = hash;
        s->head = head;
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

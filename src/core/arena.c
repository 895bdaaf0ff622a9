/* arena.c - bump allocator (see arena.h). */
#include "core/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN (64 * 1024)

struct fnet_arena_block {
    fnet_arena_block *next;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

void *fnet_arena_alloc(fnet_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (!a->head || a->head->size - a->used < size) {
        size_t bsize = size > BLOCK_MIN ? size : BLOCK_MIN;
        fnet_arena_block *b = malloc(sizeof *b + bsize);
        if (!b)
            return NULL;
        b->size = bsize;
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->total += bsize;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    return p;
}

char *fnet_arena_strndup(fnet_arena *a, const char *s, size_t len)
{
    char *p = fnet_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *fnet_arena_strdup(fnet_arena *a, const char *s)
{
    return s ? fnet_arena_strndup(a, s, strlen(s)) : NULL;
}

fnet_arena_mark fnet_arena_get_mark(const fnet_arena *a)
{
    return (fnet_arena_mark){a->head, a->used};
}

void fnet_arena_release(fnet_arena *a, fnet_arena_mark mark)
{
    while (a->head != mark.head) {
        fnet_arena_block *next = a->head->next;
        a->total -= a->head->size;
        free(a->head);
        a->head = next;
    }
    a->used = mark.used;
}

void fnet_arena_free(fnet_arena *a)
{
    fnet_arena_block *b = a->head;
    while (b) {
        fnet_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

/* arena.h - bump allocator for the many small strings of a corpus.
 *
 * Everything allocated from an arena lives until fnet_arena_free(); there is
 * no per-object free. Used for ids, labels and evidence so that a corpus of a
 * million facts costs a few large blocks, not millions of mallocs. */
#ifndef FNET_ARENA_H
#define FNET_ARENA_H

#include <stddef.h>

typedef struct fnet_arena_block fnet_arena_block;

typedef struct fnet_arena {
    fnet_arena_block *head; /* newest block first */
    size_t used;            /* bytes used in head */
    size_t total;           /* bytes held in all blocks (for statistics) */
} fnet_arena;

/* An arena starts zeroed: `fnet_arena a = {0};` */

/* Returns size bytes aligned for any type, or NULL when out of memory. */
void *fnet_arena_alloc(fnet_arena *a, size_t size);

/* Copies len bytes of s and a terminating NUL into the arena. Returns the
 * copy, or NULL when out of memory. */
char *fnet_arena_strndup(fnet_arena *a, const char *s, size_t len);

/* Like fnet_arena_strndup(a, s, strlen(s)); NULL for a NULL s. */
char *fnet_arena_strdup(fnet_arena *a, const char *s);

/* A position in the arena, to give back what was allocated after it. */
typedef struct fnet_arena_mark {
    fnet_arena_block *head;
    size_t used;
} fnet_arena_mark;

/* The current position. Can't fail. */
fnet_arena_mark fnet_arena_get_mark(const fnet_arena *a);

/* Frees everything allocated since mark was taken (pointers into it become
 * invalid); the arena continues from mark. The mark must come from this
 * arena, and nothing allocated before it may have been released since.
 * Can't fail. */
void fnet_arena_release(fnet_arena *a, fnet_arena_mark mark);

/* Releases every block. The arena is empty and reusable afterwards. */
void fnet_arena_free(fnet_arena *a);

#endif

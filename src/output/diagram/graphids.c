/* graphids.c - creation-ordered cgraph object ids (see graphids.h). */
#include "output/diagram/graphids.h"

#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

/* The discipline's state, one per root graph. */
typedef struct table {
    Agraph_t *root;    /* owns the names */
    fnet_strmap index; /* name -> k */
    char **name;       /* k -> name, for agnameof */
    size_t n, cap;
    IDTYPE next; /* anonymous objects made so far */
    int failed;  /* out of memory once: refuse new names */
} table;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    table *t = calloc(1, sizeof *t);
    if (t)
        t->root = g;
    return t;
}

/* Adds str to the table; returns its index, or -1 when out of memory. The
 * copy is a cgraph string of the root graph (freed when the graph is):
 * agwrite reads a name's HTML flag in the header cgraph puts before it. */
static long add_name(table *t, const char *str)
{
    size_t len = strlen(str);
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        char **name = realloc(t->name, cap * sizeof *name);
        if (!name)
            return -1;
        t->name = name;
        t->cap = cap;
    }
    char *copy = agstrdup(t->root, (char *)str);
    if (!copy || fnet_strmap_put(&t->index, copy, len, t->n) != 0)
        return -1;
    t->name[t->n] = copy;
    return (long)t->n++;
}

/* Named ids are even (2 + 2k for the k-th name), anonymous ones odd
 * (1, 3, 5... in order of creation), as in cgraph's default discipline, so
 * the two never meet. Returns 1 with *id set, or 0 (unknown name looked up, or out of
 * memory: cgraph then reports that the object cannot be made). */
static long ids_map(void *state, int objtype, char *str, IDTYPE *id,
                    int createflag)
{
    (void)objtype;
    table *t = state;
    size_t k;
    if (!t || t->failed)
        return 0;
    if (!str) {
        if (!createflag)
            return 0;
        *id = 2 * t->next++ + 1;
        return 1;
    }
    if (fnet_strmap_get(&t->index, str, strlen(str), &k)) {
        *id = 2 * (IDTYPE)k + 2;
        return 1;
    }
    if (!createflag)
        return 0;
    long added = add_name(t, str);
    if (added < 0) {
        t->failed = 1;
        return 0;
    }
    *id = 2 * (IDTYPE)added + 2;
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0; /* ids are never chosen by the caller */
}

/* A deleted object's name stays in the table: made again, it gets the
 * same id. */
static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    table *t = state;
    if (!t || id % 2 != 0 || id == 0 || (id - 2) / 2 >= t->n)
        return NULL; /* anonymous */
    return t->name[(id - 2) / 2];
}

static void ids_close(void *state)
{
    table *t = state;
    if (!t)
        return;
    fnet_strmap_free(&t->index);
    free(t->name);
    free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

/* cgraph only calls through it; its API takes a non-const pointer. */
static const Agiddisc_t seq_ids = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                   ids_print, ids_close, ids_register};

Agraph_t *fnet_graphids_open(const char *name, Agdesc_t desc)
{
    Agdisc_t disc = {NULL, (Agiddisc_t *)&seq_ids, NULL}; /* copied */
    Agraph_t *g = agopen((char *)name, desc, &disc);
    /* Without its table (calloc failed) the graph cannot name anything. */
    if (g && strcmp(agnameof(g), name) != 0) {
        agclose(g);
        g = NULL;
    }
    return g;
}

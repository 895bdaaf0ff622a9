/* mentions.c - mentions to entities (see mentions.h). */
#include "input/import/mentions.h"

#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

struct fnet_mention_name {
    const char *key; /* "TYPE\x1fTEXT" */
    const char *type, *text;
    const char *norm_id, *norm_text;
    fnet_loc loc;
    uint32_t parent; /* union-find; a root is its group's smallest index */
    uint32_t count;  /* mentions of this name */
};

struct fnet_mention_attr {
    uint32_t name;
    const char *key, *value;
    int kind;
};

int fnet_mentions_add(fnet_mentions *m, const char *type, const char *text,
                      size_t len, fnet_loc loc, uint32_t *out)
{
    fnet_buf key = {0};
    fnet_buf_puts(&key, type);
    fnet_buf_putc(&key, '\x1f');
    size_t text_at = key.len;
    fnet_import_fold(text, len, &key);
    if (!fnet_buf_ok(&key)) {
        fnet_buf_free(&key);
        return FNET_ENOMEM;
    }
    size_t v;
    if (fnet_strmap_get(&m->by_key, key.data, key.len, &v)) {
        m->names[v].count++;
        *out = (uint32_t)v;
        fnet_buf_free(&key);
        return FNET_OK;
    }
    if (m->n_names == m->cap_names) {
        uint32_t cap = m->cap_names ? m->cap_names * 2 : 64;
        fnet_mention_name *p = realloc(m->names, cap * sizeof *p);
        if (!p) {
            fnet_buf_free(&key);
            return FNET_ENOMEM;
        }
        m->names = p;
        m->cap_names = cap;
    }
    fnet_mention_name *n = &m->names[m->n_names];
    memset(n, 0, sizeof *n);
    n->key = fnet_arena_strndup(&m->arena, key.data, key.len);
    n->type = fnet_arena_strdup(&m->arena, type);
    fnet_buf_free(&key);
    if (!n->key || !n->type)
        return FNET_ENOMEM;
    n->text = n->key + text_at;
    n->loc = loc;
    n->parent = m->n_names;
    n->count = 1;
    if (fnet_strmap_put(&m->by_key, n->key, strlen(n->key), m->n_names))
        return FNET_ENOMEM;
    *out = m->n_names++;
    return FNET_OK;
}

const char *fnet_mentions_type(const fnet_mentions *m, uint32_t a)
{
    return m->names[a].type;
}

static uint32_t find(fnet_mentions *m, uint32_t a)
{
    uint32_t r = a;
    while (m->names[r].parent != r)
        r = m->names[r].parent;
    while (m->names[a].parent != r) { /* path compression */
        uint32_t next = m->names[a].parent;
        m->names[a].parent = r;
        a = next;
    }
    return r;
}

int fnet_mentions_union(fnet_mentions *m, uint32_t a, uint32_t b)
{
    uint32_t ra = find(m, a), rb = find(m, b);
    if (ra < rb)
        m->names[rb].parent = ra;
    else if (rb < ra)
        m->names[ra].parent = rb;
    return FNET_OK;
}

int fnet_mentions_norm(fnet_mentions *m, uint32_t a, const char *id,
                       const char *text)
{
    size_t v;
    if (fnet_strmap_get(&m->by_norm, id, strlen(id), &v))
        return fnet_mentions_union(m, a, (uint32_t)v);
    fnet_mention_name *n = &m->names[a];
    if (!n->norm_id) {
        n->norm_id = fnet_arena_strdup(&m->arena, id);
        n->norm_text =
            text && text[0] ? fnet_arena_strdup(&m->arena, text) : NULL;
        if (!n->norm_id || (text && text[0] && !n->norm_text))
            return FNET_ENOMEM;
    }
    const char *key = fnet_arena_strdup(&m->arena, id);
    if (!key)
        return FNET_ENOMEM;
    return fnet_strmap_put(&m->by_norm, key, strlen(key), a);
}

int fnet_mentions_attr(fnet_mentions *m, uint32_t a, const char *key,
                       const char *value, int kind)
{
    if (m->n_attrs == m->cap_attrs) {
        uint32_t cap = m->cap_attrs ? m->cap_attrs * 2 : 32;
        fnet_mention_attr *p = realloc(m->attrs, cap * sizeof *p);
        if (!p)
            return FNET_ENOMEM;
        m->attrs = p;
        m->cap_attrs = cap;
    }
    fnet_mention_attr *at = &m->attrs[m->n_attrs];
    at->name = a;
    at->key = fnet_arena_strdup(&m->arena, key);
    at->value = fnet_arena_strdup(&m->arena, value);
    at->kind = kind;
    if (!at->key || !at->value)
        return FNET_ENOMEM;
    m->n_attrs++;
    return FNET_OK;
}

/* The label of the group rooted at r: its first normalisation text, else
 * its most frequent text (ties: the first name). members lists the group. */
static const char *group_label(const fnet_mentions *m, const uint32_t *members,
                               uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (m->names[members[k]].norm_text)
            return m->names[members[k]].norm_text;
    uint32_t best = members[0];
    for (uint32_t k = 1; k < n; k++)
        if (m->names[members[k]].count > m->names[best].count)
            best = members[k];
    return m->names[best].text;
}

static int commit_group(fnet_mentions *m, fnet_importer *im,
                        const uint32_t *members, uint32_t n)
{
    const fnet_mention_name *root = &m->names[members[0]];
    fnet_buf id = {0};
    fnet_buf_printf(&id, "%s:%s", root->type, root->text);
    if (!fnet_buf_ok(&id))
        return FNET_ENOMEM;
    const char *label = group_label(m, members, n);
    int32_t e;
    uint32_t file = im->file; /* the entity is located at its first mention */
    im->file = root->loc.file;
    int rc =
        fnet_import_entity(im, id.data, root->type, label, root->loc.line, &e);
    im->file = file;
    fnet_buf_free(&id);
    for (uint32_t k = 0; rc == FNET_OK && k < n; k++)
        rc = fnet_import_alias(im, (uint32_t)e, m->names[members[k]].text);
    for (uint32_t k = 0; rc == FNET_OK && k < n; k++)
        if (m->names[members[k]].norm_id)
            rc = fnet_import_entity_attr(im, (uint32_t)e, "norm",
                                         m->names[members[k]].norm_id,
                                         FNET_ATTR_STRING);
    for (uint32_t k = 0; rc == FNET_OK && k < n; k++)
        m->ids[members[k]] = im->c->entities[e].id;
    return rc;
}

int fnet_mentions_commit(fnet_mentions *m, fnet_importer *im)
{
    int rc = FNET_OK;
    uint32_t *order = NULL, *start = NULL;
    free(m->ids);
    m->ids = calloc(m->n_names + 1, sizeof *m->ids);
    order = malloc((m->n_names + 1) * sizeof *order);
    start = calloc(m->n_names + 2, sizeof *start);
    if (!m->ids || !order || !start) {
        rc = FNET_ENOMEM;
        goto done;
    }
    /* Bucket the names by group root (counting sort keeps name order). */
    for (uint32_t i = 0; i < m->n_names; i++)
        start[find(m, i) + 1]++;
    for (uint32_t i = 0; i < m->n_names; i++)
        start[i + 1] += start[i];
    uint32_t *fill = malloc((m->n_names + 1) * sizeof *fill);
    if (!fill) {
        rc = FNET_ENOMEM;
        goto done;
    }
    memcpy(fill, start, (m->n_names + 1) * sizeof *fill);
    for (uint32_t i = 0; i < m->n_names; i++)
        order[fill[find(m, i)]++] = i;
    free(fill);
    for (uint32_t r = 0; rc == FNET_OK && r < m->n_names; r++)
        if (find(m, r) == r)
            rc = commit_group(m, im, order + start[r], start[r + 1] - start[r]);
    /* Attributes: the first value of each key wins, in mention order. */
    for (uint32_t k = 0; rc == FNET_OK && k < m->n_attrs; k++) {
        int32_t e = fnet_corpus_find_entity(im->c, m->ids[m->attrs[k].name]);
        if (e >= 0)
            rc = fnet_import_entity_attr(im, (uint32_t)e, m->attrs[k].key,
                                         m->attrs[k].value, m->attrs[k].kind);
    }
done:
    free(order);
    free(start);
    return rc;
}

const char *fnet_mentions_id(const fnet_mentions *m, uint32_t a)
{
    return m->ids ? m->ids[a] : NULL;
}

void fnet_mentions_free(fnet_mentions *m)
{
    fnet_strmap_free(&m->by_key);
    fnet_strmap_free(&m->by_norm);
    free(m->names);
    free(m->attrs);
    free(m->ids);
    fnet_arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

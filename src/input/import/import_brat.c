/* import_brat.c - brat standoff annotations (see import_brat.h): the
 * entry points, the folder walk and finding annotation.conf. The .ann
 * reader is brat_ann.c, the conf parser brat_conf.c, fact building
 * brat_facts.c. */
#include "input/import/import_brat.h"

#include "input/import/brat_ann.h"
#include "input/import/brat_conf.h"
#include "input/import/brat_facts.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const fnet_import_brat_events_names[] = {"first", "pairs", "none",
                                                     NULL};

int fnet_import_brat_check(const fnet_import_opts *o, fnet_err *err)
{
    return fnet_import_check_name("--brat-events", o ? o->brat_events : NULL,
                                  fnet_import_brat_events_names, err);
}

/* Checks the options and starts an import into c. Returns 0 or
 * FNET_EUSAGE. */
static int start(fnet_brat *b, fnet_corpus *c, fnet_diag *d,
                 const fnet_import_opts *o, const fnet_labelmap *labels,
                 fnet_err *err)
{
    int rc = fnet_import_brat_check(o, err);
    if (rc)
        return rc;
    const char *m = o && o->brat_events ? o->brat_events : "first";
    fnet_brat_init(b, c, d, labels,
                   !strcmp(m, "pairs")  ? FNET_BRAT_EVENTS_PAIRS
                   : !strcmp(m, "none") ? FNET_BRAT_EVENTS_NONE
                                        : FNET_BRAT_EVENTS_FIRST);
    return FNET_OK;
}

/* Makes data[0..len), read from path (which b takes), the annotation.conf
 * in effect. A conf that is not UTF-8 text (its types would become
 * relation constraints) is reported, as path, and not used. Returns 0 or
 * FNET_ENOMEM. */
static int use_conf(fnet_brat *b, char *path, const char *data, size_t len)
{
    fnet_brat_conf_free(&b->cf);
    free(b->conf_path);
    b->conf_path = path;
    if (!fnet_brat_text_ok(b->im.d, path, data, len))
        return FNET_OK;
    return fnet_brat_conf_parse(&b->cf, data, len);
}

int fnet_import_brat_buffer(fnet_corpus *c, const char *ann_name,
                            const char *ann, size_t ann_len,
                            const char *txt_name, const char *txt,
                            size_t txt_len, const char *conf_text,
                            size_t conf_len, const fnet_import_opts *o,
                            const fnet_labelmap *labels, fnet_diag *d,
                            fnet_err *err)
{
    fnet_brat b;
    int rc = start(&b, c, d, o, labels, err);
    if (rc)
        return rc;
    rc = fnet_brat_file(&b, ann_name);
    if (rc == FNET_OK && conf_text) {
        char *p = strdup("annotation.conf");
        rc = p ? use_conf(&b, p, conf_text, conf_len) : FNET_ENOMEM;
    }
    /* The source id: the .ann's name without folders and extension. */
    const char *base = strrchr(ann_name, '/');
    base = base ? base + 1 : ann_name;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".ann") == 0)
        n -= 4;
    char *stem = strndup(base, n);
    if (rc == FNET_OK)
        rc = stem ? fnet_brat_add_document(&b, ann, ann_len, txt_name, txt,
                                           txt_len, stem)
                  : FNET_ENOMEM;
    if (rc == FNET_OK)
        rc = fnet_brat_finish(&b);
    free(stem);
    fnet_brat_free(&b);
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", ann_name);
    return FNET_OK;
}

/* ---- files and folders ------------------------------------------------- */

typedef struct paths {
    char **v;
    size_t n, cap;
} paths;

static int push_path(paths *p, char *s)
{
    if (!s)
        return FNET_ENOMEM;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            free(s);
            return FNET_ENOMEM;
        }
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = s;
    return FNET_OK;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *s = malloc(a + b + 2);
    if (s) {
        memcpy(s, dir, a);
        size_t k = a;
        if (a && dir[a - 1] != '/')
            s[k++] = '/';
        memcpy(s + k, name, b + 1);
    }
    return s;
}

/* Collects the .ann files under dir (depth-limited, hidden names skipped). */
static int list_ann(const char *dir, int depth, paths *out, fnet_err *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", dir,
                            strerror(errno));
    int rc = FNET_OK;
    struct dirent *de;
    while (rc == FNET_OK && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char *p = join(dir, de->d_name);
        struct stat st;
        if (!p) {
            rc = FNET_ENOMEM;
        } else if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 16)
                rc = list_ann(p, depth + 1, out, err);
            free(p);
        } else {
            size_t n = strlen(p);
            if (n > 4 && strcmp(p + n - 4, ".ann") == 0)
                rc = push_path(out, p);
            else
                free(p);
        }
    }
    closedir(dp);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "%s: out of memory", dir);
    return rc;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Finds annotation.conf for ann: in its folder, then the folders above up
 * to root. Loads it into b unless it is the one in effect. */
static int find_conf(fnet_brat *b, const char *ann, const char *root,
                     fnet_err *err)
{
    char *dir = strdup(ann);
    int rc = FNET_OK;
    if (!dir)
        return FNET_ENOMEM;
    size_t root_len = strlen(root);
    for (;;) {
        char *slash = strrchr(dir, '/');
        if (!slash) {
            dir[0] = '\0';
        } else {
            *slash = '\0';
        }
        char *p = join(dir[0] ? dir : ".", "annotation.conf");
        struct stat st;
        if (!p) {
            rc = FNET_ENOMEM;
            break;
        }
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
            if (b->conf_path && strcmp(b->conf_path, p) == 0) {
                free(p);
                break;
            }
            char *data;
            size_t len;
            rc = fnet_import_read(p, b->im.c->limits.document_bytes, &data,
                                  &len, err);
            if (rc == FNET_OK) {
                rc = use_conf(b, p, data, len);
                free(data);
            } else {
                free(p);
            }
            break;
        }
        free(p);
        if (!slash || strlen(dir) <= root_len) {
            fnet_brat_conf_free(&b->cf);
            free(b->conf_path);
            b->conf_path = NULL;
            break;
        }
    }
    free(dir);
    return rc;
}

static int one_file(fnet_brat *b, const char *ann_path, const char *root,
                    size_t root_len, fnet_err *err)
{
    char *ann = NULL, *txt = NULL, *txt_path = strdup(ann_path);
    size_t ann_len, txt_len, n = strlen(ann_path);
    int rc = txt_path ? fnet_brat_file(b, ann_path) : FNET_ENOMEM;
    if (rc == FNET_OK) {
        strcpy(txt_path + n - 4, ".txt");
        rc = find_conf(b, ann_path, root, err);
    }
    uint64_t limit = b->im.c->limits.document_bytes;
    if (rc == FNET_OK)
        rc = fnet_import_read(ann_path, limit, &ann, &ann_len, err);
    if (rc == FNET_OK) {
        fnet_err terr = {0};
        int trc = fnet_import_read(txt_path, limit, &txt, &txt_len, &terr);
        if (trc == FNET_EIO) {
            fnet_import_error(&b->im, 0, NULL,
                              "no text file %s beside "
                              "it (brat needs the text: %s)",
                              fnet_import_quote(&b->im, 0, txt_path), terr.msg);
        } else if (trc) {
            rc = trc;
            *err = terr;
        }
    }
    if (rc == FNET_EDATA) { /* a file over the size limit: skip the .ann */
        fnet_diag_add(b->im.d, FNET_SEV_ERROR, NULL, "%s", err->msg);
        rc = FNET_OK;
        free(txt);
        txt = NULL;
    }
    if (rc == FNET_OK && txt) {
        /* Source id: the path below the folder given, without .ann. */
        const char *rel = ann_path + root_len;
        while (*rel == '/')
            rel++;
        char *id = strndup(rel, strlen(rel) - 4);
        rc = id ? fnet_brat_add_document(b, ann, ann_len, txt_path, txt,
                                         txt_len, id)
                : FNET_ENOMEM;
        free(id);
    }
    free(ann);
    free(txt);
    free(txt_path);
    return rc;
}

int fnet_import_brat_path(fnet_corpus *c, const char *path,
                          const fnet_import_opts *o,
                          const fnet_labelmap *labels, fnet_diag *d,
                          fnet_err *err)
{
    if (strcmp(path, "-") == 0)
        return fnet_err_set(err, FNET_EUSAGE,
                            "brat input is a .ann file or "
                            "a folder, not standard input");
    fnet_brat b;
    int rc = start(&b, c, d, o, labels, err);
    if (rc)
        return rc;
    paths list = {0};
    struct stat st;
    bool folder = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (folder) {
        rc = list_ann(path, 0, &list, err);
        if (rc == FNET_OK && list.n) /* qsort(NULL, 0, ...) is undefined */
            qsort(list.v, list.n, sizeof *list.v, by_path);
        if (rc == FNET_OK && list.n == 0)
            rc = fnet_err_set(err, FNET_EIO,
                              "%s: no brat .ann files in "
                              "this folder",
                              path);
    } else {
        size_t n = strlen(path);
        if (n < 5 || strcmp(path + n - 4, ".ann") != 0)
            rc = fnet_err_set(err, FNET_EUSAGE,
                              "%s: brat input is a .ann "
                              "file or a folder of them",
                              path);
        else
            rc = push_path(&list, strdup(path));
    }
    /* Documents are read relative to the folder given (or the .ann's). */
    char *root = NULL;
    if (rc == FNET_OK) {
        root = strdup(path);
        if (root && !folder) {
            char *slash = strrchr(root, '/');
            if (slash)
                *slash = '\0';
            else
                root[0] = '\0';
        }
        if (!root)
            rc = FNET_ENOMEM;
    }
    for (size_t i = 0; i < list.n && rc == FNET_OK; i++)
        rc = one_file(&b, list.v[i], root, strlen(root), err);
    if (rc == FNET_OK)
        rc = fnet_brat_finish(&b);
    if (rc == FNET_EDATA) /* a record limit, reported */
        rc = FNET_OK;
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "%s: out of memory", path);
    for (size_t i = 0; i < list.n; i++)
        free(list.v[i]);
    free(list.v);
    free(root);
    fnet_brat_free(&b);
    return rc;
}

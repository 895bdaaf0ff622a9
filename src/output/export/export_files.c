/* export_files.c - the files of each export format (export_files.h). */
#include "output/export/export_files.h"

#include "core/outfile.h"
#include "output/export/export_csv.h"
#include "output/export/export_gexf.h"
#include "output/export/export_gml.h"
#include "output/export/export_graphml.h"
#include "output/export/export_json.h"
#include "output/export/export_pajek.h"
#include "output/tables/table.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

const char *const fnet_export_format_names[] = {
    "", "graphml", "gexf", "gml", "pajek", "csv", "json", "neo4j", NULL};
const int fnet_export_format_codes[] = {
    FNET_EXPORT_GRAPHML, FNET_EXPORT_GEXF, FNET_EXPORT_GML,  FNET_EXPORT_PAJEK,
    FNET_EXPORT_CSV,     FNET_EXPORT_JSON, FNET_EXPORT_NEO4J};

int fnet_export_format_from_path(const char *path)
{
    static const struct {
        const char *ext;
        int format;
    } ext[] = {{".graphml", FNET_EXPORT_GRAPHML},
               {".gexf", FNET_EXPORT_GEXF},
               {".gml", FNET_EXPORT_GML},
               {".net", FNET_EXPORT_PAJEK},
               {".json", FNET_EXPORT_JSON}};
    for (size_t i = 0; path && i < sizeof ext / sizeof ext[0]; i++)
        if (ends_with(path, ext[i].ext))
            return ext[i].format;
    return FNET_EXPORT_NONE;
}

int fnet_export_files_check(fnet_export_files *o, fnet_err *err)
{
    if (o->format == FNET_EXPORT_NONE)
        o->format = fnet_export_format_from_path(o->out);
    if (o->format == FNET_EXPORT_NONE && o->out)
        return fnet_err_set(err, FNET_EUSAGE,
                            "cannot tell the format from '%s': give "
                            "--format",
                            o->out);
    if (o->format == FNET_EXPORT_NONE)
        return fnet_err_set(err, FNET_EUSAGE, "--format is required");
    if ((o->format == FNET_EXPORT_CSV || o->format == FNET_EXPORT_NEO4J) &&
        (!o->out || strcmp(o->out, "-") == 0))
        return fnet_err_set(err, FNET_EUSAGE,
                            "--format %s writes several files: give -o %s",
                            fnet_export_format_names[o->format],
                            o->format == FNET_EXPORT_CSV ? "PREFIX" : "DIR");
    if (o->dynamic && o->format != FNET_EXPORT_GEXF)
        return fnet_err_set(err, FNET_EUSAGE,
                            "--dynamic applies to --format gexf only");
    return 0;
}

/* The paths of the files a format writes (up to 2). */
typedef struct paths {
    char *path[2];
    size_t n;
} paths;

static void paths_free(paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->path[i]);
}

static char *joined(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", a, b);
    return s;
}

/* The .clu beside NAME.net: NAME.clu (or PATH.clu without .net). */
static char *clu_path(const char *net)
{
    size_t n = strlen(net);
    if (!ends_with(net, ".net"))
        return joined(net, ".clu");
    char *s = joined(net, "");
    if (s)
        memcpy(s + n - 4, ".clu", 4);
    return s;
}

/* Creates folder dir when missing. Returns 0 or FNET_EIO. */
static int make_dir(const char *dir, fnet_err *err)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return FNET_OK;
        return fnet_err_set(err, FNET_EIO, "%s: not a directory", dir);
    }
    if (mkdir(dir, 0777) != 0)
        return fnet_err_set(err, FNET_EIO, "%s: cannot create directory: %s",
                            dir, strerror(errno));
    return FNET_OK;
}

static int plan(const fnet_export_files *o, bool with_clu, paths *p,
                fnet_err *err)
{
    const char *out = o->out ? o->out : "-";
    int rc = FNET_OK;
    switch (o->format) {
    case FNET_EXPORT_CSV:
        p->path[0] = joined(out, ".nodes.csv");
        p->path[1] = joined(out, ".edges.csv");
        p->n = 2;
        break;
    case FNET_EXPORT_NEO4J:
        rc = make_dir(out, err);
        p->path[0] = joined(out, "/nodes.csv");
        p->path[1] = joined(out, "/relationships.csv");
        p->n = 2;
        break;
    case FNET_EXPORT_PAJEK:
        p->path[p->n++] = joined(out, "");
        if (with_clu)
            p->path[p->n++] = clu_path(out);
        break;
    default: p->path[p->n++] = joined(out, ""); break;
    }
    for (size_t i = 0; rc == FNET_OK && i < p->n; i++)
        if (!p->path[i])
            rc = fnet_err_set(err, FNET_ENOMEM, "out of memory");
    return rc;
}

static int write_table(fnet_table *t, FILE *fp, bool no_guard, fnet_err *err)
{
    fnet_table_style st = {
        .format = FNET_TABLE_CSV, .digits = -1, .no_formula_guard = no_guard};
    int rc = fnet_table_write(t, fp, &st, err);
    fnet_table_free(t);
    return rc;
}

/* Writes both tables; *which is the file being written. */
static int tables(const fnet_export *x, bool neo4j, bool no_guard, FILE **fp,
                  size_t *which, fnet_err *err)
{
    fnet_table *t = NULL;
    int rc = neo4j ? fnet_export_neo4j_nodes(&t, x, err)
                   : fnet_export_nodes_table(&t, x, err);
    if (rc == FNET_OK)
        rc = write_table(t, fp[0], no_guard, err);
    t = NULL;
    if (rc != FNET_OK)
        return rc;
    *which = 1;
    rc = neo4j ? fnet_export_neo4j_relationships(&t, x, err)
               : fnet_export_edges_table(&t, x, err);
    return rc == FNET_OK ? write_table(t, fp[1], no_guard, err) : rc;
}

/* Writes the format's files into the open streams; *which is the file
 * being written when an error occurs. */
static int write_format(const fnet_export_files *o, const fnet_export *x,
                        FILE **fp, size_t n, size_t *which, size_t *replaced,
                        fnet_err *err)
{
    size_t xml_replaced = 0;
    int rc = FNET_OK;
    *which = 0;
    switch (o->format) {
    case FNET_EXPORT_GRAPHML:
        rc = fnet_export_graphml(x, fp[0], &xml_replaced, err);
        break;
    case FNET_EXPORT_GEXF:
        rc = fnet_export_gexf(x, fp[0], o->dynamic, &xml_replaced, err);
        break;
    case FNET_EXPORT_GML: rc = fnet_export_gml(x, fp[0], err); break;
    case FNET_EXPORT_JSON: rc = fnet_export_json(x, fp[0], err); break;
    case FNET_EXPORT_PAJEK:
        rc = fnet_export_pajek(x, fp[0], err);
        *which = rc == FNET_OK ? 1 : 0;
        if (rc == FNET_OK && n > 1)
            rc = fnet_export_pajek_clu(x, fp[1], err);
        break;
    case FNET_EXPORT_CSV:
    case FNET_EXPORT_NEO4J:
        rc = tables(x, o->format == FNET_EXPORT_NEO4J, o->no_formula_guard, fp,
                    which, err);
        break;
    }
    if (rc == FNET_OK)
        *replaced = xml_replaced;
    return rc;
}

int fnet_export_write_files(const fnet_export *x, const fnet_export_files *o,
                            size_t *replaced, fnet_err *err)
{
    paths p = {0};
    *replaced = 0;
    fnet_outfile *f[2] = {NULL, NULL};
    FILE *fp[2] = {NULL, NULL};
    bool with_clu = o->format == FNET_EXPORT_PAJEK && x->cm && o->out &&
                    strcmp(o->out, "-") != 0;
    int rc = plan(o, with_clu, &p, err);
    for (size_t i = 0; rc == FNET_OK && i < p.n; i++)
        if ((rc = fnet_outfile_open(&f[i], p.path[i], err)) == FNET_OK)
            fp[i] = fnet_outfile_stream(f[i]);
    size_t which = 0;
    if (rc == FNET_OK &&
        (rc = write_format(o, x, fp, p.n, &which, replaced, err)) != FNET_OK) {
        /* The writers do not know the file's name; outfile does, and it
         * knows why a write failed. It frees f[which]. */
        assert(which < p.n);
        rc = fnet_outfile_fail(f[which], rc, err);
        f[which] = NULL;
    }
    if (rc == FNET_OK) {
        rc = fnet_outfile_commit_set(f, p.n, err); /* frees the files */
    } else {
        fnet_outfile_abort(f[0]);
        fnet_outfile_abort(f[1]);
    }
    paths_free(&p);
    return rc;
}

/* ---- the command ------------------------------------------------------- */

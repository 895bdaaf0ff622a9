/* formats.c - the table of input formats (see formats.h). */
#include "input/formats.h"

#include "core/text.h"
#include "input/import/import_brat.h"
#include "input/import/import_csv.h"
#include "input/import/import_dna.h"
#include "input/import/import_doccano.h"
#include "input/import/import_events.h"
#include "input/import/import_labelstudio.h"
#include "input/json/jsondoc.h"
#include "input/json/jsonl.h"
#include "input/json/load_parallel.h"
#include "input/peek.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- sniffing: by content (input/peek.h) ------------------------------ */

static const cJSON *member(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* Label Studio: an array of tasks, or one task object (a pre-1.0
 * completion file), a task having "data" and its annotations
 * ("annotations", before 1.0 "completions", or "predictions"). An array
 * whose first task is larger than the peek is claimed on the keys seen in
 * its start. Anything else stays "json", so a factnet file with a wrong root
 * gets the factnet message. */
static bool sniff_labelstudio(const fnet_peek *p)
{
    const cJSON *t = p->first;
    bool lists = fnet_peek_has(t, "annotations") ||
                 fnet_peek_has(t, "completions") ||
                 fnet_peek_has(t, "predictions");
    if (p->array && t)
        return fnet_peek_has(t, "data") || lists;
    if (p->array)
        return strstr(p->data, "\"annotations\"") ||
               strstr(p->data, "\"data\"") ||
               strstr(p->data, "\"predictions\"");
    return t && !p->lines && fnet_peek_has(t, "data") && lists;
}

/* doccano: JSON Lines whose first record has a "text" string and no
 * "kind" (factnet's records have one), in the new shape ("entities",
 * "relations") or the old one ("label": [[start, end, "TYPE"]]). */
static bool sniff_doccano(const fnet_peek *p)
{
    return p->one_line && cJSON_IsString(member(p->first, "text")) &&
           !fnet_peek_has(p->first, "kind") &&
           !fnet_peek_has(p->first, "facts");
}

/* factnet's JSON Lines in a file named like a JSON document. */
static bool sniff_jsonl(const fnet_peek *p)
{
    return p->lines && fnet_peek_has(p->first, "kind");
}

/* A GDELT event file: no header, 61 tab-separated fields (GDELT 2.0), or
 * 57/58 (GDELT 1.0, which the importer refuses with a message). */
static bool sniff_gdelt(const fnet_peek *p)
{
    size_t n = fnet_peek_fields(p, '\t');
    return n == 61 || n == 57 || n == 58;
}

/* A GDELT event file re-saved by a spreadsheet (another separator, a
 * header row). */
static bool near_gdelt(const fnet_peek *p, fnet_buf *why)
{
    return fnet_import_events_gdelt_near(p->data, p->line_len, why);
}

/* An ICEWS file: a tab-separated header row naming the ICEWS columns. */
static bool sniff_icews(const fnet_peek *p)
{
    return fnet_import_events_is_icews(p->data, p->line_len);
}

/* An ACLED export: a header naming event_id_cnty, actor1 and actor2. */
static bool sniff_acled(const fnet_peek *p)
{
    return fnet_import_events_is_acled(p->data, p->line_len);
}

/* A POLECAT file: a header naming Event ID, Event Type, Actor Name and
 * Recipient Name. */
static bool sniff_polecat(const fnet_peek *p)
{
    return fnet_import_events_is_polecat(p->data, p->line_len);
}

/* A DNA 3 database: SQLite's header and DNA's STATEMENTTYPES table. */
static bool sniff_dna(const fnet_peek *p)
{
    return fnet_import_dna_sniff(p->data, p->bytes);
}

/* ---- loaders: the one entry signature --------------------------------- */

typedef int read_fn(fnet_corpus *c, const char *name, FILE *fp,
                    const fnet_load_opts *o, fnet_diag *d, fnet_err *err);

/* Opens path ("-": standard input, "<stdin>" in messages) for read. */
static int with_file(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                     fnet_diag *d, fnet_err *err, read_fn *read)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    int rc = read(c, name, fp, o, d, err);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

static int read_json(fnet_corpus *c, const char *name, FILE *fp,
                     const fnet_load_opts *o, fnet_diag *d, fnet_err *err)
{
    (void)o;
    return fnet_jsondoc_read(c, name, fp, d, err);
}

/* Two threads unless the caller wants one and needs neither a sink nor
 * progress reports (the serial reader has none). */
static int read_jsonl(fnet_corpus *c, const char *name, FILE *fp,
                      const fnet_load_opts *o, fnet_diag *d, fnet_err *err)
{
    if (o->threads == 1 && !o->sink && !o->progress)
        return fnet_jsonl_stream(c, name, fp, d, err);
    fnet_jsonl_parallel_opts po = {o->sink, o->threads, o->progress,
                                   o->progress_ctx};
    return fnet_load_jsonl_parallel(c, name, fp, &po, d, err);
}

static int load_json(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                     fnet_diag *d, fnet_err *err)
{
    return with_file(c, path, o, d, err, read_json);
}

static int load_jsonl(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err)
{
    return with_file(c, path, o, d, err, read_jsonl);
}

static int load_csv(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                    fnet_diag *d, fnet_err *err)
{
    return fnet_import_csv_file(c, path, ',', &o->import, d, err);
}

static int load_tsv(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                    fnet_diag *d, fnet_err *err)
{
    return fnet_import_csv_file(c, path, '\t', &o->import, d, err);
}

static int load_brat(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                     fnet_diag *d, fnet_err *err)
{
    return fnet_import_brat_path(c, path, &o->import, o->labels, d, err);
}

static int load_labelstudio(fnet_corpus *c, const char *path,
                            const fnet_load_opts *o, fnet_diag *d,
                            fnet_err *err)
{
    return fnet_import_labelstudio_file(c, path, &o->import, o->labels, d, err);
}

static int load_doccano(fnet_corpus *c, const char *path,
                        const fnet_load_opts *o, fnet_diag *d, fnet_err *err)
{
    return fnet_import_doccano_file(c, path, &o->import, o->labels, d, err);
}

static int load_gdelt(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_file(c, path, FNET_EVENTS_GDELT, &o->import, d,
                                   err);
}

static int load_icews(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_file(c, path, FNET_EVENTS_ICEWS, &o->import, d,
                                   err);
}

static int load_acled(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                      fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_file(c, path, FNET_EVENTS_ACLED, &o->import, d,
                                   err);
}

static int load_polecat(fnet_corpus *c, const char *path,
                        const fnet_load_opts *o, fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_file(c, path, FNET_EVENTS_POLECAT, &o->import, d,
                                   err);
}

static int load_dna(fnet_corpus *c, const char *path, const fnet_load_opts *o,
                    fnet_diag *d, fnet_err *err)
{
    return fnet_import_dna_file(c, path, &o->import, d, err);
}

static int check_csv(const fnet_import_opts *o, fnet_err *err)
{
    return fnet_import_csv_check_map(o->map, err);
}

/* ---- the table -------------------------------------------------------- */

#define ENDINGS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* In the order of messages and help. */
static const fnet_input_format table[] = {
    {.name = "json",
     .suffixes = ENDINGS(".json"),
     .exact_case = true,
     .facts = true,
     .load = load_json},
    {.name = "jsonl",
     .suffixes = ENDINGS(".jsonl", ".ndjson"),
     .exact_case = true,
     .facts = true,
     .sniff_on = ENDINGS(".json"),
     .sniff = sniff_jsonl,
     .streams = true,
     .load = load_jsonl},
    {.name = "csv",
     .suffixes = ENDINGS(".csv"),
     .check = check_csv,
     .load = load_csv},
    {.name = "tsv",
     .suffixes = ENDINGS(".tsv", ".tab"),
     .check = check_csv,
     .load = load_tsv},
    {.name = "brat",
     .suffixes = ENDINGS(".ann"),
     .folders = true,
     .check = fnet_import_brat_check,
     .labels = true,
     .load = load_brat},
    {.name = "labelstudio",
     .sniff_on = ENDINGS(".json"),
     .sniff = sniff_labelstudio,
     .labels = true,
     .load = load_labelstudio},
    {.name = "doccano",
     .sniff_on = ENDINGS(".jsonl", ".ndjson", ".json"),
     .sniff = sniff_doccano,
     .labels = true,
     .load = load_doccano},
    {.name = "gdelt",
     .suffixes = ENDINGS(".export.csv", ".gdelt.tsv", ".gdelt.csv"),
     .sniff_on = ENDINGS(".csv", ".tsv", ".tab"),
     .sniff = sniff_gdelt,
     .near = near_gdelt,
     .check = fnet_import_events_check,
     .load = load_gdelt},
    {.name = "icews",
     .suffixes = ENDINGS(".icews.tsv"),
     .sniff_on = ENDINGS(".tsv", ".tab"),
     .sniff = sniff_icews,
     .check = fnet_import_events_check,
     .load = load_icews},
    {.name = "acled",
     .suffixes = ENDINGS(".acled.csv"),
     .sniff_on = ENDINGS(".csv", ".tsv", ".tab"),
     .sniff = sniff_acled,
     .check = fnet_import_events_check,
     .load = load_acled},
    {.name = "polecat",
     .suffixes = ENDINGS(".polecat.tsv", ".polecat.txt"),
     .sniff_on = ENDINGS(".txt", ".tsv", ".tab", ".csv"),
     .sniff = sniff_polecat,
     .check = fnet_import_events_check,
     .load = load_polecat},
    {.name = "dna",
     .suffixes = ENDINGS(".dna"),
     .sniff_on = ENDINGS(".sqlite", ".sqlite3", ".db"),
     .sniff = sniff_dna,
     .check = fnet_import_dna_check,
     .load = load_dna},
};

#define N_FORMATS (sizeof table / sizeof *table)

/* The value of --input-format that asks for detection. */
#define AUTO "auto"

const fnet_input_format *fnet_input_format_at(size_t i)
{
    return i < N_FORMATS ? &table[i] : NULL;
}

const fnet_input_format *fnet_input_format_find(const char *name)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

void fnet_input_formats_list(fnet_buf *out)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        fnet_buf_printf(out, "%s%s",
                        i == 0              ? ""
                        : i + 1 < N_FORMATS ? ", "
                                            : " or ",
                        table[i].name);
}

int fnet_load_opts_check(const fnet_load_opts *o, fnet_err *err)
{
    if (!o)
        return FNET_OK;
    if (o->format && strcmp(o->format, AUTO) != 0 &&
        !fnet_input_format_find(o->format)) {
        fnet_buf q = {0}, list = {0};
        fnet_input_formats_list(&list);
        fnet_err_set(err, FNET_EUSAGE, "unknown input format %s (expected %s)",
                     fnet_diag_quoted(&q, o->format), fnet_buf_str(&list));
        fnet_buf_free(&q);
        fnet_buf_free(&list);
        return FNET_EUSAGE;
    }
    for (size_t i = 0; i < N_FORMATS; i++) {
        bool seen = !table[i].check;
        for (size_t k = 0; k < i && !seen; k++)
            seen = table[k].check == table[i].check;
        int rc = seen ? FNET_OK : table[i].check(&o->import, err);
        if (rc)
            return rc;
    }
    return FNET_OK;
}

static bool ends_with(const char *s, const char *end, bool exact_case)
{
    size_t n = strlen(s), m = strlen(end);
    if (n < m)
        return false;
    return exact_case ? strcmp(s + n - m, end) == 0
                      : fnet_import_iequal(s + n - m, end);
}

/* The row whose ending is the longest that path has, or NULL; *ending is
 * set to that ending. */
static const fnet_input_format *by_name(const char *path, const char **ending)
{
    const fnet_input_format *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < N_FORMATS; i++)
        for (const char *const *s = table[i].suffixes; s && *s; s++)
            if (strlen(*s) > best_len &&
                ends_with(path, *s, table[i].exact_case)) {
                best = &table[i];
                best_len = strlen(*s);
                *ending = *s;
            }
    return best;
}

static const fnet_input_format *folder_format(void)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (table[i].folders)
            return &table[i];
    return NULL;
}

const fnet_input_format *fnet_input_format_guess(const fnet_peek *p)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (table[i].sniff && table[i].sniff(p))
            return &table[i];
    return NULL;
}

/* The first row sniffing files with this ending (NULL: any ending) that
 * claims path's content, or NULL. */
static const fnet_input_format *by_content(const char *path, const char *ending)
{
    fnet_peek p;
    const fnet_input_format *f = NULL;
    if (fnet_peek_file(&p, path) == FNET_OK && p.n)
        for (size_t i = 0; i < N_FORMATS && !f; i++)
            for (const char *const *s = table[i].sniff_on; s && *s && !f; s++)
                if ((!ending || strcmp(*s, ending) == 0) && table[i].sniff(&p))
                    f = &table[i];
    fnet_peek_free(&p);
    return f;
}

const fnet_input_format *fnet_input_format_detect(const char *path,
                                                  const fnet_load_opts *o)
{
    if (o && o->format && strcmp(o->format, AUTO) != 0)
        return fnet_input_format_find(o->format);
    bool is_stdin = strcmp(path, "-") == 0;
    const char *ending = NULL;
    const fnet_input_format *f = by_name(path, &ending);
    struct stat st;
    /* A folder is a brat collection, unless it is named like a fact file
     * (then reading it fails with the ordinary "Is a directory"). */
    if (!is_stdin && !(f && f->facts) && stat(path, &st) == 0 &&
        S_ISDIR(st.st_mode))
        return folder_format();
    const fnet_input_format *by = is_stdin ? NULL : by_content(path, ending);
    return by ? by : f ? f : &table[0];
}

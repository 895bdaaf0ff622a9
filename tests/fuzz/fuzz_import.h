/* fuzz_import.h - what the importer harnesses (fuzz_csv.c, fuzz_brat.c,
 * ...) share: splitting one fuzz input into the inputs an importer takes,
 * the label map and options parts, and the checks after the import.
 *
 * One fuzz input holds every input of one import, as parts separated by
 * FUZZ_SEP (a line "=====" on its own): e.g. for brat
 * "ANN SEP TXT SEP CONF SEP MAP SEP OPTIONS". A part that is not there
 * (fewer separators) is absent: no entity table, no annotation.conf, no
 * label map. A part that is there but empty is an empty input. The last
 * part a harness takes keeps any further separators. Each part is copied
 * into a buffer of exactly its length, so reading past the end of an input
 * is an AddressSanitizer error.
 *
 * A label map part is parsed as JSON when its first non-blank byte is '{',
 * else as INI (the CLI goes by the file name). When it has errors the
 * import does not run, as with the CLI.
 *
 * An options part holds lines KEY=VALUE setting the fnet_import_opts field
 * of that name (map, relation, brat_events, text_key, event_weight) and
 * "delim=tab" (CSV); other lines are ignored, and so are values that are
 * not valid UTF-8 (the command line is not what is fuzzed here). As the CLI
 * does (fnet_load_opts_check), options that fail their checks stop before
 * the import.
 *
 * Out of memory is not an outcome: no input of the fuzzer's size can
 * exhaust memory (under ASan a failed allocation aborts), so FNET_ENOMEM
 * means an error was reported as out of memory, and fails the harness.
 *
 * After the import, fuzz_input_finish() checks the return code, the
 * records, resolves the corpus as fnet_load_corpus() does (only when the
 * import reported no error), checks the invariants of fuzz_check.h and
 * that every string in the corpus is valid UTF-8 (the exporters rely on
 * it), and frees everything. When the environment variable
 * FNET_FUZZ_SUMMARY names a file (seeds.py --replay), it also appends one
 * line per input to it, "errors=N facts=N", so that the seeds made from
 * valid fixtures can be checked to import cleanly in the layout. */
#ifndef FNET_FUZZ_IMPORT_H
#define FNET_FUZZ_IMPORT_H

#include "fuzz_check.h"

#include "core/diag.h"
#include "core/error.h"
#include "core/text.h"
#include "input/import/import.h"
#include "input/import/import_brat.h"
#include "input/import/import_csv.h"
#include "input/import/import_events.h"
#include "input/import/labelmap.h"
#include "input/validate.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_SEP "\n=====\n"
#define FUZZ_MAX_PARTS 5

typedef struct fuzz_input {
    char *part[FUZZ_MAX_PARTS]; /* NULL: absent */
    size_t len[FUZZ_MAX_PARTS];
    fnet_import_opts o;
    char *opts; /* the options part, NUL-terminated lines */
    fnet_labelmap labels;
    fnet_corpus *c;
    fnet_diag d;
    fnet_err err;
} fuzz_input;

/* The first FUZZ_SEP in p[0..n), or NULL. */
static inline const char *fuzz_find_sep(const char *p, size_t n)
{
    size_t m = sizeof FUZZ_SEP - 1;
    for (size_t i = 0; i + m <= n; i++)
        if (p[i] == FUZZ_SEP[0] && memcmp(p + i, FUZZ_SEP, m) == 0)
            return p + i;
    return NULL;
}

/* Splits data into at most max parts (<= FUZZ_MAX_PARTS) and creates the
 * corpus. Returns false when out of memory (the input is then skipped). */
static inline bool fuzz_input_begin(fuzz_input *in, const uint8_t *data,
                                    size_t size, int max)
{
    memset(in, 0, sizeof *in);
    const char *p = (const char *)data, *end = p + size;
    size_t sep = sizeof FUZZ_SEP - 1;
    for (int k = 0; k < max; k++) {
        const char *q =
            k + 1 < max ? fuzz_find_sep(p, (size_t)(end - p)) : NULL;
        size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
        if (!(in->part[k] = malloc(n ? n : 1)))
            return false;
        memcpy(in->part[k], p, n);
        in->len[k] = n;
        if (!q)
            break;
        p = q + sep;
    }
    return fnet_corpus_new(&in->c) == FNET_OK;
}

/* Reads the options of part k (absent: none). Returns false when an option
 * fails the CLI's checks, so that the import is skipped as the CLI would
 * stop with a usage error. */
static inline bool fuzz_input_options(fuzz_input *in, int k)
{
    if (!in->part[k])
        return true;
    FUZZ_REQUIRE((in->opts = malloc(in->len[k] + 1)) != NULL);
    memcpy(in->opts, in->part[k], in->len[k]);
    in->opts[in->len[k]] = '\0';
    for (char *line = in->opts; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *eq = strchr(line, '=');
        if (eq && fnet_utf8_valid(eq + 1, strlen(eq + 1), NULL)) {
            *eq = '\0';
            const char *v = eq + 1;
            if (!strcmp(line, "map"))
                in->o.map = v;
            else if (!strcmp(line, "relation"))
                in->o.relation = v;
            else if (!strcmp(line, "brat_events"))
                in->o.brat_events = v;
            else if (!strcmp(line, "text_key"))
                in->o.text_key = v;
            else if (!strcmp(line, "event_weight"))
                in->o.event_weight = v;
        }
        line = nl ? nl + 1 : NULL;
    }
    fnet_err err = {0};
    return fnet_import_csv_check_map(in->o.map, &err) == FNET_OK &&
           fnet_import_brat_check(&in->o, &err) == FNET_OK &&
           fnet_import_events_check(&in->o, &err) == FNET_OK;
}

/* True when the options part asks for tab-separated values. */
static inline bool fuzz_input_tab(const fuzz_input *in, int k)
{
    static const char want[] = "delim=tab";
    const char *p = in->part[k];
    size_t n = p ? in->len[k] : 0, w = sizeof want - 1;
    for (size_t i = 0; i + w <= n; i++)
        if ((i == 0 || p[i - 1] == '\n') && memcmp(p + i, want, w) == 0 &&
            (i + w == n || p[i + w] == '\n'))
            return true;
    return false;
}

/* Parses the label map of part k into in->labels and returns it (NULL when
 * absent). Returns false when the map has errors (they are in in->d) and
 * the import must not run. */
static inline bool fuzz_input_labels(fuzz_input *in, int k,
                                     const fnet_labelmap **out)
{
    *out = NULL;
    if (!in->part[k])
        return true;
    size_t i = 0;
    while (i < in->len[k] && strchr(" \t\r\n", in->part[k][i]) &&
           in->part[k][i])
        i++;
    bool json = i < in->len[k] && in->part[k][i] == '{';
    int rc = fnet_labelmap_parse(
        &in->labels, NULL, json ? "labels.json" : "labels.ini", in->part[k],
        in->len[k], json, &in->d, &in->err);
    FUZZ_REQUIRE(rc == FNET_OK || rc == FNET_EDATA);
    FUZZ_REQUIRE((rc == FNET_EDATA) == (in->d.n_errors > 0));
    *out = &in->labels;
    return rc == FNET_OK;
}

static inline void fuzz_utf8(const char *s)
{
    FUZZ_REQUIRE(!s || fnet_utf8_valid(s, strlen(s), NULL));
}

static inline void fuzz_utf8_attrs(const fnet_attr *a, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        FUZZ_REQUIRE(a[i].key && a[i].value);
        fuzz_utf8(a[i].key);
        fuzz_utf8(a[i].value);
    }
}

/* Every string an importer put into the corpus is valid UTF-8, and what it
 * imported is usable as is: facts have their references and a finite
 * positive weight. */
static inline void fuzz_check_strings(const fnet_corpus *c)
{
    for (uint32_t i = 0; i < c->n_entities; i++) {
        const fnet_entity *e = &c->entities[i];
        fuzz_utf8(e->id);
        fuzz_utf8(e->type);
        fuzz_utf8(e->label);
        for (uint32_t k = 0; k < e->n_aliases; k++) {
            FUZZ_REQUIRE(e->aliases[k]);
            fuzz_utf8(e->aliases[k]);
        }
        fuzz_utf8_attrs(e->attrs, e->n_attrs);
    }
    for (uint32_t i = 0; i < c->n_relations; i++) {
        const fnet_relation *r = &c->relations[i];
        fuzz_utf8(r->name);
        fuzz_utf8(r->description);
        for (uint32_t k = 0; k < r->n_from; k++)
            fuzz_utf8(r->from[k]);
        for (uint32_t k = 0; k < r->n_to; k++)
            fuzz_utf8(r->to[k]);
    }
    for (uint32_t i = 0; i < c->n_sources; i++) {
        const fnet_source *s = &c->sources[i];
        fuzz_utf8(s->id);
        fuzz_utf8(s->title);
        fuzz_utf8(s->author);
        fuzz_utf8(s->date);
        fuzz_utf8(s->url);
        fuzz_utf8(s->file);
    }
    for (uint64_t i = 0; i < c->n_facts; i++) {
        const fnet_fact *f = &c->facts[i];
        FUZZ_REQUIRE(f->subject_ref && f->relation_ref && f->object_ref);
        fuzz_utf8(f->subject_ref);
        fuzz_utf8(f->relation_ref);
        fuzz_utf8(f->object_ref);
        for (uint32_t k = 0; k < f->n_sources; k++) {
            FUZZ_REQUIRE(f->source_refs[k]);
            fuzz_utf8(f->source_refs[k]);
        }
        fuzz_utf8(f->id);
        fuzz_utf8(f->evidence);
        fuzz_utf8_attrs(f->attrs, f->n_attrs);
        FUZZ_REQUIRE(f->weight > 0 && isfinite(f->weight));
        FUZZ_REQUIRE(f->loc.file < c->n_files);
    }
    fuzz_utf8(c->title);
}

/* Checks an import that returned rc (run is false when it did not run:
 * bad options or label map), resolves the corpus as fnet_load_corpus()
 * does, checks the result and frees everything. */
static inline void fuzz_input_finish(fuzz_input *in, bool run, int rc)
{
    if (run) {
        if (rc != FNET_OK)
            fprintf(stderr, "import failed (%d): %s\n", rc, in->err.msg);
        FUZZ_REQUIRE(rc == FNET_OK);
        fuzz_check_records(in->c);
        fuzz_check_strings(in->c);
        if (in->d.n_errors == 0) {
            rc = fnet_corpus_resolve(in->c, &in->d, &in->err);
            FUZZ_REQUIRE(rc == FNET_OK);
            FUZZ_REQUIRE(in->c->resolved == (in->d.n_errors == 0));
            if (in->c->resolved)
                fuzz_check_resolved(in->c);
        }
    }
    fuzz_check_diag(&in->d);
    const char *summary = getenv("FNET_FUZZ_SUMMARY");
    FILE *fp = summary ? fopen(summary, "a") : NULL;
    if (fp) {
        fprintf(fp, "errors=%zu facts=%llu\n", in->d.n_errors,
                in->c ? (unsigned long long)in->c->n_facts : 0ULL);
        fclose(fp);
    }
    fnet_diag_free(&in->d);
    fnet_corpus_free(in->c);
    fnet_labelmap_free(&in->labels);
    free(in->opts);
    for (int k = 0; k < FUZZ_MAX_PARTS; k++)
        free(in->part[k]);
}

#endif

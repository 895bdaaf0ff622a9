/* fuzz_load.h - what both loader harnesses do with one input: load it as a
 * JSON document or as JSON Lines, resolve it as fnet_load_corpus() would,
 * and check the invariants readers rely on (fuzz_check.h). Included by
 * fuzz_json.c and fuzz_jsonl.c only. */
#ifndef FNET_FUZZ_LOAD_H
#define FNET_FUZZ_LOAD_H

#include "fuzz_check.h"

#include "core/diag.h"
#include "core/error.h"
#include "input/load.h"
#include "input/validate.h"
#include "model/corpus.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fuzz_load(const uint8_t *data, size_t size, bool jsonl)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    if (fnet_corpus_new(&c) != FNET_OK)
        return 0;
    int rc = fnet_load_buffer(c, jsonl ? "fuzz.jsonl" : "fuzz.json",
                              (const char *)data, size, jsonl, &d, &err);
    FUZZ_REQUIRE(rc == FNET_OK || rc == FNET_ENOMEM);
    if (rc == FNET_OK) {
        fuzz_check_records(c);
        /* As fnet_load_corpus(): references are resolved only when loading
         * found no error. */
        if (d.n_errors == 0) {
            size_t before = d.n_errors;
            rc = fnet_corpus_resolve(c, &d, &err);
            FUZZ_REQUIRE(rc == FNET_OK || rc == FNET_ENOMEM);
            FUZZ_REQUIRE(c->resolved ==
                         (rc == FNET_OK && d.n_errors == before));
            if (c->resolved)
                fuzz_check_resolved(c);
        }
    }
    fuzz_check_diag(&d);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    return 0;
}

/* JSON Lines are loaded from memory (fnet_load_buffer) by the harness but
 * streamed from files by the CLI (a 64 KiB block reader): both must give
 * the same records and messages. The input is written to one temporary
 * file, reused across runs and removed at exit. */
static char fuzz_path[64];

static inline void fuzz_unlink(void)
{
    unlink(fuzz_path);
}

static inline void fuzz_load_both(const uint8_t *data, size_t size,
                                  fnet_corpus **c, fnet_diag *d, bool from_file)
{
    fnet_err err = {0};
    FUZZ_REQUIRE(fnet_corpus_new(c) == FNET_OK);
    if (from_file) {
        fnet_load_opts o = {.format = "jsonl"};
        FUZZ_REQUIRE(fnet_load_file(*c, fuzz_path, &o, d, &err) == FNET_OK);
    } else {
        FUZZ_REQUIRE(fnet_load_buffer(*c, fuzz_path, (const char *)data, size,
                                      true, d, &err) == FNET_OK);
    }
}

static inline void fuzz_jsonl_file_matches(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0) {
        snprintf(fuzz_path, sizeof fuzz_path, "/tmp/factnet-fuzz-XXXXXX");
        fd = mkstemp(fuzz_path);
        FUZZ_REQUIRE(fd >= 0);
        atexit(fuzz_unlink);
    }
    FUZZ_REQUIRE(ftruncate(fd, 0) == 0);
    FUZZ_REQUIRE(size == 0 || pwrite(fd, data, size, 0) == (ssize_t)size);
    fnet_corpus *a = NULL, *b = NULL;
    fnet_diag da = {0}, db = {0};
    fuzz_load_both(data, size, &a, &da, false);
    fuzz_load_both(data, size, &b, &db, true);
    FUZZ_REQUIRE(a->n_entities == b->n_entities);
    FUZZ_REQUIRE(a->n_relations == b->n_relations);
    FUZZ_REQUIRE(a->n_sources == b->n_sources);
    FUZZ_REQUIRE(a->n_facts == b->n_facts);
    FUZZ_REQUIRE(da.n_errors == db.n_errors);
    FUZZ_REQUIRE(da.n_warnings == db.n_warnings);
    FUZZ_REQUIRE(da.n_items == db.n_items);
    for (size_t i = 0; i < da.n_items; i++)
        FUZZ_REQUIRE(strcmp(da.items[i].msg, db.items[i].msg) == 0);
    fnet_diag_free(&da);
    fnet_diag_free(&db);
    fnet_corpus_free(a);
    fnet_corpus_free(b);
}

#endif

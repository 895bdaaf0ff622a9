/* fixture.h - small corpora for unit tests, written compactly.
 *
 * corpus_from_edges() turns lines "A B RELATION [DATE [UNTIL]]" (DATE "-"
 * for undated; extra words "sign=-1" or "weight=W" allowed at the end) into
 * a factnet JSON document whose entities (all of type `actor`, unless named
 * in `items`, which get type `item`) appear in first-mention order, and
 * loads it. This only spells out the input; every expected value stays
 * written by hand in the tests. */
#ifndef FNET_TEST_FIXTURE_H
#define FNET_TEST_FIXTURE_H

#include "core/buf.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline fnet_corpus *corpus_from_json(const char *doc)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    if (fnet_corpus_new(&c) != 0)
        return NULL;
    int rc =
        fnet_load_buffer(c, "fixture.json", doc, strlen(doc), false, &d, &err);
    if (rc == 0)
        rc = fnet_corpus_resolve(c, &d, &err);
    if (rc != 0 || d.n_errors) {
        fprintf(stderr, "fixture: %s\n", err.msg);
        fnet_diag_print(&d, stderr);
        fnet_corpus_free(c);
        c = NULL;
    }
    fnet_diag_free(&d);
    return c;
}

static inline bool fixture_is_item(const char *items, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = items; p && *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, id, n) == 0)
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

static inline fnet_corpus *corpus_from_edges(const char *const *lines, size_t n,
                                             const char *items)
{
    fnet_buf ents = {0}, facts = {0}, doc = {0};
    char seen[4096] = ",";
    for (size_t i = 0; i < n; i++) {
        char a[64], b[64], rel[64], w[4][64];
        int k = sscanf(lines[i], "%63s %63s %63s %63s %63s %63s %63s", a, b,
                       rel, w[0], w[1], w[2], w[3]);
        const char *ends[2] = {a, b};
        for (int e = 0; e < 2; e++) {
            char key[80];
            snprintf(key, sizeof key, ",%s,", ends[e]);
            if (strstr(seen, key))
                continue;
            strncat(seen, ends[e], sizeof seen - strlen(seen) - 2);
            strcat(seen, ",");
            fnet_buf_printf(&ents, "%s{\"id\": \"%s\", \"type\": \"%s\"}",
                            ents.len ? ", " : "", ends[e],
                            fixture_is_item(items, ends[e]) ? "item" : "actor");
        }
        fnet_buf_printf(&facts,
                        "%s{\"subject\": \"%s\", \"relation\": "
                        "\"%s\", \"object\": \"%s\"",
                        facts.len ? ",\n" : "", a, rel, b);
        int dates = 0;
        for (int x = 0; x + 3 < k; x++) {
            if (strncmp(w[x], "sign=", 5) == 0)
                fnet_buf_printf(&facts, ", \"sign\": %s", w[x] + 5);
            else if (strncmp(w[x], "weight=", 7) == 0)
                fnet_buf_printf(&facts, ", \"weight\": %s", w[x] + 7);
            else if (strcmp(w[x], "-") == 0)
                dates++;
            else
                fnet_buf_printf(&facts, ", \"%s\": \"%s\"",
                                dates++ ? "until" : "date", w[x]);
        }
        fnet_buf_puts(&facts, "}");
    }
    fnet_buf_printf(&doc,
                    "{\"factnet\": 1, \"relations\": {\"in\": "
                    "{\"from\": \"actor\", \"to\": \"item\", \"directed\": "
                    "true, \"sign\": 1}, \"against\": {\"from\": \"actor\", "
                    "\"to\": \"item\", \"directed\": true, \"sign\": -1}},\n"
                    "\"entities\": [%s],\n\"facts\": [%s]}",
                    fnet_buf_str(&ents), fnet_buf_str(&facts));
    fnet_corpus *c = corpus_from_json(fnet_buf_str(&doc));
    fnet_buf_free(&ents);
    fnet_buf_free(&facts);
    fnet_buf_free(&doc);
    return c;
}

#endif

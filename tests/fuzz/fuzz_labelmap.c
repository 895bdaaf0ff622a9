/* fuzz_labelmap.c - libFuzzer harness for the label map parser
 * (--label-map): every input is parsed as INI and as JSON. A map that
 * parses gives valid UTF-8 labels and non-empty names, and every label
 * looks up to its name. The text is in a buffer of exactly its size, so
 * that ASan sees reads past it, and is parsed again followed by a stray
 * byte, which must not change the outcome: cJSON is not instrumented, and
 * this is how a read of text[size] inside it shows. See
 * tests/fuzz/README.md. */
#include "fuzz_check.h"

#include "core/error.h"
#include "core/text.h"
#include "input/import/labelmap.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every label of one section maps to its value through the public lookup. */
static void check_section(const fnet_labelmap *m, const fnet_strmap *sec,
                          bool entities)
{
    for (size_t i = 0; i < sec->cap; i++) {
        const fnet_strmap_slot *s = &sec->slots[i];
        if (!s->key)
            continue;
        FUZZ_REQUIRE(s->value < m->n_values);
        const char *v = m->values[s->value];
        FUZZ_REQUIRE(v && v[0] && fnet_utf8_valid(v, strlen(v), NULL));
        FUZZ_REQUIRE(s->len > 0 && memchr(s->key, '\0', s->len) == NULL);
        FUZZ_REQUIRE(fnet_utf8_valid(s->key, s->len, NULL));
        const char *got = entities ? fnet_labelmap_entity(m, s->key)
                                   : fnet_labelmap_relation(m, s->key, NULL);
        FUZZ_REQUIRE(strcmp(v, "-") == 0 ? got == NULL
                                         : got && strcmp(got, v) == 0);
    }
}

/* Returns the outcome: the return code and the number of messages. */
static size_t parse(const char *text, size_t size, bool json)
{
    fnet_labelmap m = {0};
    fnet_diag d = {0};
    fnet_err err = {0};
    int rc = fnet_labelmap_parse(&m, NULL, json ? "labels.json" : "labels.ini",
                                 text, size, json, &d, &err);
    /* Out of memory is not an outcome (see fuzz_import.h). */
    FUZZ_REQUIRE(rc == FNET_OK || rc == FNET_EDATA);
    FUZZ_REQUIRE((rc == FNET_EDATA) == (d.n_errors > 0));
    if (rc == FNET_OK) {
        check_section(&m, &m.entities, true);
        check_section(&m, &m.relations, false);
    }
    fuzz_check_diag(&d);
    size_t outcome = (size_t)-rc << 16 | d.n_items;
    fnet_diag_free(&d);
    fnet_labelmap_free(&m);
    return outcome;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A buffer of exactly the input's size: reading past it is an error. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    size_t ini = parse(text, size, false), json = parse(text, size, true);
    free(text);
    char *more = malloc(size + 1);
    if (!more)
        return 0;
    memcpy(more, data, size);
    more[size] = '}';
    FUZZ_REQUIRE(parse(more, size, false) == ini);
    FUZZ_REQUIRE(parse(more, size, true) == json);
    free(more);
    return 0;
}

/* test_import_fuzz.c - regression tests for the importer bugs the fuzz
 * harnesses found (tests/fuzz/README.md), one test per bug. Each fails
 * without its fix in a normal build too: inputs that were read past their
 * end are placed right before an inaccessible page (guarded()), so such a
 * read crashes instead of going unnoticed. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "test.h"

#include "input/import/import.h"
#include "core/buf.h"
#include "input/import/import_brat.h"
#include "input/import/import_csv.h"
#include "input/import/import_doccano.h"
#include "input/import/import_labelstudio.h"
#include "input/import/labelmap.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* A copy of s[0..n) that ends where an inaccessible page begins. */
typedef struct guard {
    char *map;
    size_t map_len;
    char *data;
} guard;

static const char *guarded(guard *g, const char *s, size_t n)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (n + page - 1) / page + 1;
    g->map_len = pages * page;
    g->map = mmap(NULL, g->map_len, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->map == MAP_FAILED) {
        g->map = NULL;
        return NULL;
    }
    if (mprotect(g->map + (pages - 1) * page, page, PROT_NONE) != 0)
        return NULL;
    g->data = g->map + (pages - 1) * page - n;
    memcpy(g->data, s, n);
    return g->data;
}

static void unguard(guard *g)
{
    if (g->map)
        munmap(g->map, g->map_len);
    memset(g, 0, sizeof *g);
}

#define LEN(s) (sizeof(s) - 1)

/* fuzz_brat: an annotation.conf whose last line is a relation or event
 * name without arguments was scanned past its end (strcspn for the end of
 * the name). */
static void test_brat_conf_last_line(void)
{
    static const char *const confs[] = {"[relations]\nLocated",
                                        "[events]\nMeeting"};
    static const char ann[] = "T1\tPerson 0 5\tAlice\n"
                              "T2\tPerson 10 13\tBob\n"
                              "R1\tLocated Arg1:T1 Arg2:T2\n";
    static const char txt[] = "Alice met Bob.";
    for (int k = 0; k < 2; k++) {
        fnet_corpus *c;
        fnet_diag d = {0};
        fnet_err err = {0};
        guard g = {0};
        const char *conf = guarded(&g, confs[k], strlen(confs[k]));
        CHECK(conf != NULL);
        CHECK_INT(fnet_corpus_new(&c), 0);
        if (!conf || !c)
            return;
        CHECK_INT(fnet_import_brat_buffer(c, "a.ann", ann, LEN(ann), "a.txt",
                                          txt, LEN(txt), conf, strlen(confs[k]),
                                          NULL, NULL, &d, &err),
                  0);
        CHECK_INT(d.n_errors, 0);
        CHECK_INT(c->n_facts, 1);
        fnet_diag_free(&d);
        fnet_corpus_free(c);
        unguard(&g);
    }
}

/* fuzz_brat: an annotation.conf that is not UTF-8 gave relations argument
 * types that are not text. It is now an error located in the conf, which
 * is then not used. */
static void test_brat_conf_not_text(void)
{
    static const char conf[] = "[relations]\nLocated Arg1:P\x8d, Arg2:G\n";
    static const char ann[] = "T1\tP 0 5\tAlice\n"
                              "T2\tG 9 14\tParis\n"
                              "R1\tLocated Arg1:T1 Arg2:T2\n";
    static const char txt[] = "Alice in Paris.";
    fnet_corpus *c;
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_corpus_new(&c), 0);
    if (!c)
        return;
    CHECK_INT(fnet_import_brat_buffer(c, "a.ann", ann, LEN(ann), "a.txt", txt,
                                      LEN(txt), conf, LEN(conf), NULL, NULL, &d,
                                      &err),
              0);
    CHECK_INT(d.n_errors, 1);
    CHECK_STR(d.n_items ? d.items[0].msg : NULL,
              "annotation.conf:2:15: error: invalid UTF-8 byte sequence");
    int32_t r = fnet_corpus_find_relation(c, "Located");
    CHECK(r >= 0);
    for (uint32_t k = 0; r >= 0 && k < c->relations[r].n_from; k++)
        CHECK_STR(c->relations[r].from[k], "P");
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

/* fuzz_labelmap: a JSON label map was handed to the JSON parser as if it
 * were NUL-terminated; a valid map followed by any other byte was rejected
 * as "out of memory while parsing JSON". */
static void test_labelmap_json_unterminated(void)
{
    static const char text[] = "{\"entities\": {\"Person\": \"actor\"}}x";
    fnet_labelmap m = {0};
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_labelmap_parse(&m, NULL, "m.json", text, LEN(text) - 1, true,
                                  &d, &err),
              0);
    CHECK_INT(d.n_errors, 0);
    CHECK_STR(fnet_labelmap_entity(&m, "Person"), "actor");
    fnet_diag_free(&d);
    fnet_labelmap_free(&m);
}

/* fuzz_brat: an INI label map took any bytes, so a name that is not UTF-8
 * became a relation name or entity type, which no output can carry. A
 * line that is not UTF-8, or holds a NUL byte, is now an error. */
static void test_labelmap_ini_not_text(void)
{
    static const struct {
        const char *text;
        size_t len;
        const char *msg;
    } cases[] = {
        {"[relations]\nLocated = at\xe5\n", 26,
         "m.ini:2: invalid UTF-8 byte sequence at column 13"},
        {"[entities]\n\xc3\xa9 = a\0b\n", 20, "m.ini:2: NUL byte at column 6"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        fnet_labelmap m = {0};
        fnet_diag d = {0};
        fnet_err err = {0};
        CHECK_INT(fnet_labelmap_parse(&m, NULL, "m.ini", cases[k].text,
                                      cases[k].len, false, &d, &err),
                  FNET_EDATA);
        CHECK_INT(d.n_errors, 1);
        CHECK_STR(d.n_items ? d.items[0].msg : NULL, cases[k].msg);
        CHECK(fnet_labelmap_relation(&m, "Located", NULL) != NULL &&
              strcmp(fnet_labelmap_relation(&m, "Located", NULL), "Located") ==
                  0);
        fnet_diag_free(&d);
        fnet_labelmap_free(&m);
    }
}

/* fuzz_labelmap: a JSON label map took an empty label ("": "actor"),
 * which INI maps refuse ("expected LABEL = NAME") and no annotation can
 * carry. It is now an error too. */
static void test_labelmap_json_empty_label(void)
{
    static const char text[] = "{\"entities\": {\"A\": \"actor\",\n"
                               "  \"\": \"actor\"}}";
    fnet_labelmap m = {0};
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_labelmap_parse(&m, NULL, "m.json", text, LEN(text), true, &d,
                                  &err),
              FNET_EDATA);
    CHECK_INT(d.n_errors, 1);
    CHECK_STR(d.n_items ? d.items[0].msg : NULL,
              "m.json:2: empty label (expected \"LABEL\": \"NAME\")");
    fnet_diag_free(&d);
    fnet_labelmap_free(&m);
}

/* Found by hand while fuzz_labelstudio ran: an empty label gave an entity
 * of type "" and a relation named "", which the JSON loader refuses ("must
 * not be empty") and the graph layers do not expect. An empty region label
 * is now a region without a label (warning, left out) and an empty
 * relation label an error; doccano's empty label or type is an error. */
static void test_empty_labels(void)
{
    static const char ls[] =
        "[{\"data\": {\"text\": \"ab\"}, \"annotations\": [{\"result\": ["
        "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, "
        "\"end\": 1, \"labels\": [\"\"]}},"
        "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 1, "
        "\"end\": 2, \"labels\": [\"P\"]}},"
        "{\"id\": \"c\", \"type\": \"labels\", \"value\": {\"start\": 0, "
        "\"end\": 2, \"labels\": [\"P\"]}},"
        "{\"type\": \"relation\", \"from_id\": \"b\", \"to_id\": \"c\", "
        "\"labels\": [\"\"]}]}]}]";
    static const char dc[] =
        "{\"text\": \"ab\", \"entities\": ["
        "{\"id\": 1, \"label\": \"\", \"start_offset\": 0, "
        "\"end_offset\": 1},"
        "{\"id\": 2, \"label\": \"P\", \"start_offset\": 1, "
        "\"end_offset\": 2},"
        "{\"id\": 3, \"label\": \"P\", \"start_offset\": 0, "
        "\"end_offset\": 2}], \"relations\": ["
        "{\"from_id\": 2, \"to_id\": 3, \"type\": \"\"}]}\n";
    for (int k = 0; k < 2; k++) {
        fnet_corpus *c;
        fnet_diag d = {0};
        fnet_err err = {0};
        CHECK_INT(fnet_corpus_new(&c), 0);
        if (!c)
            return;
        if (k == 0)
            CHECK_INT(fnet_import_labelstudio_buffer(c, "e.json", ls, LEN(ls),
                                                     NULL, NULL, &d, &err),
                      0);
        else
            CHECK_INT(fnet_import_doccano_buffer(c, "d.jsonl", dc, LEN(dc),
                                                 NULL, NULL, &d, &err),
                      0);
        for (uint32_t i = 0; i < c->n_entities; i++)
            CHECK_STR(c->entities[i].type, "P");
        for (uint32_t i = 0; i < c->n_relations; i++)
            CHECK(c->relations[i].name[0] != '\0');
        CHECK_INT(c->n_entities, 2);
        CHECK_INT(c->n_facts, 0);
        CHECK_INT(d.n_errors, k == 0 ? 1 : 2);
        CHECK_INT(d.n_warnings, k == 0 ? 1 : 0);
        fnet_diag_free(&d);
        fnet_corpus_free(c);
    }
}

/* Found reading import_doccano.c while fuzzing: the blank-line test used
 * strchr(" \t\r", c), which matches a NUL byte, so a line of NUL bytes was
 * skipped as blank instead of being an error. */
static void test_doccano_nul_line(void)
{
    static const char text[] = "\0\0\n{\"text\": \"a\"}\n";
    fnet_corpus *c;
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_corpus_new(&c), 0);
    if (!c)
        return;
    CHECK_INT(fnet_import_doccano_buffer(c, "d.jsonl", text, LEN(text), NULL,
                                         NULL, &d, &err),
              0);
    CHECK_INT(d.n_errors, 1);
    CHECK_STR(d.n_items ? d.items[0].msg : NULL,
              "d.jsonl:1:1: error: NUL byte in input");
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

/* Found by hand while fuzz_gdelt ran: each alias or attribute appended to
 * an entity or fact copied its whole array into the corpus arena, so k
 * aliases in one entity-table cell (or k extra columns) cost O(k^2)
 * memory: a 64 KiB table of 16,300 aliases took 1.1 GB. Appends now grow
 * the arrays by doubling; the arena of a 4,000-alias, 2,000-column import
 * stays small (it was 64 MB with the old code). */
static void test_many_aliases_and_attrs(void)
{
    enum { N_ALIASES = 4000, N_COLS = 2000 };
    fnet_buf ents = {0}, edges = {0};
    fnet_buf_puts(&ents, "id,aliases");
    for (int k = 0; k < N_COLS; k++)
        fnet_buf_printf(&ents, ",c%d", k);
    fnet_buf_puts(&ents, "\nx,");
    for (int k = 0; k < N_ALIASES; k++)
        fnet_buf_printf(&ents, "%sa%d", k ? "|" : "", k);
    for (int k = 0; k < N_COLS; k++)
        fnet_buf_puts(&ents, ",v");
    fnet_buf_puts(&ents, "\n");
    fnet_buf_puts(&edges, "subject,object");
    for (int k = 0; k < N_COLS; k++)
        fnet_buf_printf(&edges, ",c%d", k);
    fnet_buf_puts(&edges, "\nx,x");
    for (int k = 0; k < N_COLS; k++)
        fnet_buf_puts(&edges, ",v");
    fnet_buf_puts(&edges, "\n");
    CHECK(fnet_buf_ok(&ents) && fnet_buf_ok(&edges));
    fnet_corpus *c;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_import_opts o = {.entities = "e.csv"};
    CHECK_INT(fnet_corpus_new(&c), 0);
    if (!c || !fnet_buf_ok(&ents) || !fnet_buf_ok(&edges))
        return;
    size_t before = c->arena.total;
    CHECK_INT(fnet_import_csv_entities_buffer(c, "e.csv", ents.data, ents.len,
                                              ',', &d, &err),
              0);
    CHECK_INT(fnet_import_csv_buffer(c, "f.csv", edges.data, edges.len, ',', &o,
                                     &d, &err),
              0);
    CHECK_INT(d.n_errors, 0);
    int32_t e = fnet_corpus_find_entity(c, "x");
    CHECK(e >= 0 && c->entities[e].n_aliases == N_ALIASES &&
          c->entities[e].n_attrs == N_COLS);
    CHECK(e >= 0 && c->entities[e].n_aliases == N_ALIASES &&
          strcmp(c->entities[e].aliases[N_ALIASES - 1], "a3999") == 0);
    CHECK(c->n_facts == 1 && c->facts[0].n_attrs == N_COLS &&
          strcmp(c->facts[0].attrs[N_COLS - 1].key, "c1999") == 0);
    /* The data itself is about 150 KB; the old copies were 64 MB. */
    CHECK(c->arena.total - before < 4u << 20);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    fnet_buf_free(&ents);
    fnet_buf_free(&edges);
}

/* Arrays another loader allocated are copied before they grow: aliases
 * from a JSON file, then more from an entity table, keep both. */
static void test_aliases_after_json(void)
{
    static const char json[] =
        "{\"entities\": [{\"id\": \"x\", \"type\": \"actor\", "
        "\"aliases\": [\"a\", \"b\", \"c\"]}]}";
    static const char table[] = "id,type,aliases\nx,actor,d|e|a\n";
    fnet_corpus *c;
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_corpus_new(&c), 0);
    if (!c)
        return;
    CHECK_INT(fnet_load_buffer(c, "a.json", json, LEN(json), false, &d, &err),
              0);
    int32_t e = fnet_corpus_find_entity(c, "x");
    const char **json_aliases = e >= 0 ? c->entities[e].aliases : NULL;
    CHECK_INT(fnet_import_csv_entities_buffer(c, "e.csv", table, LEN(table),
                                              ',', &d, &err),
              0);
    CHECK_INT(d.n_errors, 0);
    const fnet_entity *x = e >= 0 ? &c->entities[e] : NULL;
    CHECK(x && x->n_aliases == 5);
    static const char *const want[] = {"a", "b", "c", "d", "e"};
    for (uint32_t k = 0; x && k < x->n_aliases && k < 5; k++)
        CHECK_STR(x->aliases[k], want[k]);
    CHECK(x && x->aliases != json_aliases);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

/* A fresh corpus with an importer started on "x.csv" (NULL when out of
 * memory); end() frees all three. */
static fnet_corpus *begin(fnet_importer *im, fnet_diag *d)
{
    fnet_corpus *c;
    CHECK_INT(fnet_corpus_new(&c), 0);
    if (c && fnet_importer_begin(im, c, d, "x.csv") != FNET_OK) {
        fnet_corpus_free(c);
        c = NULL;
    }
    return c;
}

static void end(fnet_importer *im, fnet_diag *d, fnet_corpus *c)
{
    fnet_importer_end(im);
    fnet_diag_free(d);
    fnet_corpus_free(c);
}

/* Attributes appended to facts in turn, and to an older fact again, go to
 * the right fact: only the last grown array is written in place. */
static void test_fact_attrs_in_turn(void)
{
    fnet_diag d = {0};
    fnet_importer im;
    fnet_corpus *c = begin(&im, &d);
    if (!c)
        return;
    fnet_fact *f;
    char key[16];
    for (int k = 0; k < 3; k++) {
        CHECK_INT(fnet_import_fact(&im, 1, "a", "tie", "b", NULL, &f), 0);
        for (int j = 0; j < 5; j++) {
            snprintf(key, sizeof key, "f%dk%d", k, j);
            CHECK_INT(fnet_import_fact_attr(&im, f, key, "v", 0), 0);
        }
    }
    for (int k = 0; k < 3; k++)
        for (int j = 5; j < 7; j++) {
            snprintf(key, sizeof key, "f%dk%d", k, j);
            CHECK_INT(fnet_import_fact_attr(&im, &c->facts[k], key, "v", 0), 0);
        }
    for (uint64_t k = 0; k < c->n_facts; k++) {
        CHECK_INT(c->facts[k].n_attrs, 7);
        for (uint32_t j = 0; j < c->facts[k].n_attrs; j++) {
            snprintf(key, sizeof key, "f%dk%u", (int)k, j);
            CHECK_STR(c->facts[k].attrs[j].key, key);
        }
    }
    end(&im, &d, c);
}

/* Aliases and first-wins attributes stay unique, in first-seen order,
 * when a record has many (past the importer's switch from a scan to its
 * seen set) and when the strings come again in any order. */
static void test_many_aliases(void)
{
    fnet_diag d = {0};
    fnet_importer im;
    fnet_corpus *c = begin(&im, &d);
    if (!c)
        return;
    int32_t e;
    CHECK_INT(fnet_import_entity(&im, "E", "actor", "Label", 1, &e), 0);
    char s[32];
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 100; i++) {
            int k = round == 1 ? 99 - i : i; /* again, backwards */
            snprintf(s, sizeof s, "alias %d", k);
            CHECK_INT(fnet_import_alias(&im, (uint32_t)e, s), 0);
            CHECK_INT(fnet_import_alias(&im, (uint32_t)e, "Label"), 0);
            snprintf(s, sizeof s, "key %d", k);
            CHECK_INT(fnet_import_entity_attr(&im, (uint32_t)e, s,
                                              round ? "later" : "first", 0),
                      0);
        }
    const fnet_entity *ent = &c->entities[e];
    CHECK_INT(ent->n_aliases, 100);
    CHECK_INT(ent->n_attrs, 100);
    for (uint32_t i = 0; i < ent->n_aliases && i < 100; i++) {
        snprintf(s, sizeof s, "alias %u", i);
        CHECK_STR(ent->aliases[i], s);
        snprintf(s, sizeof s, "key %u", i);
        CHECK_STR(ent->attrs[i].key, s);
        CHECK_STR(ent->attrs[i].value, "first");
    }
    end(&im, &d, c);
}

int main(void)
{
    RUN(test_many_aliases);
    RUN(test_brat_conf_last_line);
    RUN(test_brat_conf_not_text);
    RUN(test_labelmap_json_unterminated);
    RUN(test_labelmap_ini_not_text);
    RUN(test_labelmap_json_empty_label);
    RUN(test_empty_labels);
    RUN(test_doccano_nul_line);
    RUN(test_many_aliases_and_attrs);
    RUN(test_aliases_after_json);
    RUN(test_fact_attrs_in_turn);
    return TEST_REPORT();
}

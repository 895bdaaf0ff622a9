/* test_validate.c - unit tests for src/input/validate: resolution of
 * subjects and objects by id, label and alias (case and white space
 * folded), ambiguity, suggestions, merging buffers, type constraints,
 * counts, warnings and the error cap, through fnet_corpus_resolve(). */
#include "test.h"

#include "core/diag.h"
#include "input/load.h"
#include "input/validate.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct resolved {
    fnet_corpus *c;
    fnet_diag d;
    size_t load_errors; /* errors found while loading */
} resolved;

/* Loads the buffers (name, text pairs; ".jsonl" names are JSON Lines) into
 * one corpus and resolves it. NULL ends the list. */
static void build(resolved *R, ...)
{
    fnet_err err = {0};
    memset(R, 0, sizeof *R);
    CHECK_INT(fnet_corpus_new(&R->c), FNET_OK);
    va_list ap;
    va_start(ap, R);
    const char *name;
    while ((name = va_arg(ap, const char *))) {
        const char *text = va_arg(ap, const char *);
        size_t n = strlen(name);
        bool jsonl = n > 6 && strcmp(name + n - 6, ".jsonl") == 0;
        CHECK_INT(fnet_load_buffer(R->c, name, text, strlen(text), jsonl, &R->d,
                                   &err),
                  FNET_OK);
    }
    va_end(ap);
    R->load_errors = R->d.n_errors;
    CHECK_INT(fnet_corpus_resolve(R->c, &R->d, &err), FNET_OK);
}

static void done(resolved *R)
{
    fnet_diag_free(&R->d);
    fnet_corpus_free(R->c);
}

static const char *msg(const resolved *R, size_t i)
{
    return i < R->d.n_items ? R->d.items[i].msg : "(none)";
}

/* The first kept message of a severity, or "(none)". */
static const char *first(const resolved *R, int severity)
{
    for (size_t i = 0; i < R->d.n_items; i++)
        if (R->d.items[i].severity == severity)
            return R->d.items[i].msg;
    return "(none)";
}

static int32_t entity(const resolved *R, const char *id)
{
    return fnet_corpus_find_entity(R->c, id);
}

#define ENTITIES                                                               \
    "\"sources\": [{\"id\": \"s\"}], \"entities\": ["                          \
    "{\"id\": \"JPN\", \"type\": \"actor\", \"label\": \"Japan\","             \
    " \"aliases\": [\"Tokyo\", \"the Japanese  state\"]},"                     \
    "{\"id\": \"ASEAN\", \"type\": \"actor\", \"label\": \"ASEAN\","           \
    " \"aliases\": [\"asean\"]},"                                              \
    "{\"id\": \"RCEP\", \"type\": \"agreement\","                              \
    " \"aliases\": [\"the RCEP agreement\"]}]"

/* A fact "SUBJ party_to OBJ" with source and evidence. */
#define FACT(subj, obj)                                                        \
    "{\"subject\": \"" subj                                                    \
    "\", \"relation\": \"party_to\", \"object\": \"" obj                       \
    "\", \"source\": \"s\", \"evidence\": \"e\"}"

static void test_by_id_label_alias(void)
{
    resolved R;
    /* clang-format off */
    build(&R, "r.json",
          "{" ENTITIES ", \"facts\": [" FACT("JPN", "RCEP") ","
          FACT("japan", "the rcep AGREEMENT") ","
          FACT("  TOKYO ", "the\\tRCEP \\n agreement") ","
          FACT("The Japanese State", "the\xC2\xA0RCEP agreement") ","
          FACT("Asean", "rcep") "]}",
          NULL);
    /* clang-format on */
    CHECK_INT(R.d.n_errors, 0);
    CHECK_INT(R.d.n_warnings, 0);
    CHECK(R.c->resolved);
    int32_t jpn = entity(&R, "JPN"), rcep = entity(&R, "RCEP");
    CHECK(jpn >= 0 && rcep >= 0);
    for (int i = 0; i < 4; i++) {
        CHECK_INT(R.c->facts[i].subject, jpn);
        CHECK_INT(R.c->facts[i].object, rcep);
        CHECK_INT(R.c->facts[i].relation,
                  fnet_corpus_find_relation(R.c, "party_to"));
    }
    /* "Asean": ASEAN's label and alias fold to the same name: one entity,
     * not ambiguous. "rcep": RCEP's label is its id. */
    CHECK_INT(R.c->facts[4].subject, entity(&R, "ASEAN"));
    CHECK_INT(R.c->facts[4].object, rcep);
    CHECK_INT(R.c->facts[0].n_sources, 1);
    CHECK_INT(R.c->facts[0].sources[0], 0);
    /* counts: JPN in 4 facts, ASEAN in 1, RCEP in 5 */
    CHECK_INT(R.c->entities[jpn].n_facts, 4);
    CHECK_INT(R.c->entities[rcep].n_facts, 5);
    done(&R);
}

/* An exact id wins over labels; a folded name shared by two entities is
 * ambiguous and the message lists them; the id still works. */
static void test_id_wins_and_ambiguity(void)
{
    resolved R;
    build(&R, "a.json",
          "{\"sources\": [{\"id\": \"s\"}], \"entities\": ["
          "{\"id\": \"GOV\", \"type\": \"actor\", \"label\": \"Japan\"},"
          "{\"id\": \"KOR\", \"type\": \"actor\", \"label\": \"South Korea\","
          " \"aliases\": [\"gov\", \"The  Government\"]},"
          "{\"id\": \"JPN\", \"type\": \"actor\", \"label\": \"Japan (state)\","
          " \"aliases\": [\"the government\"]}],"
          " \"facts\": ["
          "{\"subject\": \"GOV\", \"relation\": \"opposes\", \"object\": "
          "\"KOR\", \"source\": \"s\", \"evidence\": \"e\"},"
          "{\"subject\": \"the government\", \"relation\": \"opposes\","
          " \"object\": \"JPN\", \"source\": \"s\", \"evidence\": \"e\"}]}",
          NULL);
    CHECK_INT(R.c->facts[0].subject, entity(&R, "GOV")); /* id, not alias */
    CHECK_INT(R.c->facts[1].subject, -1);
    CHECK_INT(R.d.n_errors, 1);
    CHECK_STR(
        first(&R, FNET_SEV_ERROR),
        "a.json:1:375: facts[1].subject: \"the government\" is ambiguous: "
        "it names \"KOR\" (South Korea), \"JPN\" (Japan (state)); use "
        "the entity id");
    CHECK(!R.c->resolved);
    /* fnet_corpus_lookup (--ego) follows the same rule. */
    fnet_buf why = {0};
    CHECK_INT(fnet_corpus_lookup(R.c, "GOV", &why), entity(&R, "GOV"));
    CHECK_INT(fnet_corpus_lookup(R.c, " south   KOREA", &why),
              entity(&R, "KOR"));
    CHECK_INT(why.len, 0);
    CHECK_INT(fnet_corpus_lookup(R.c, "the government", &why), -1);
    CHECK_STR(fnet_buf_str(&why),
              "\"the government\" is ambiguous: it "
              "names \"KOR\" (South Korea), \"JPN\" (Japan (state)); use "
              "the entity id");
    fnet_buf_reset(&why);
    CHECK_INT(fnet_corpus_lookup(R.c, "Korea", &why), -1);
    CHECK_STR(fnet_buf_str(&why), "no entity has the id, label or alias "
                                  "\"Korea\" (did you mean \"KOR\" (South "
                                  "Korea)?)");
    fnet_buf_reset(&why);
    CHECK_INT(fnet_corpus_lookup(R.c, "Brazil", &why), -1);
    CHECK_STR(fnet_buf_str(&why), "no entity has the id, label or alias "
                                  "\"Brazil\"");
    fnet_buf_free(&why);
    done(&R);
}

/* Unknown names: up to three suggestions, closest first, compared with
 * ids, labels and aliases. */
static void test_suggestions(void)
{
    resolved R;
    /* clang-format off */
    build(&R, "u.json",
          "{" ENTITIES ", \"facts\": [" FACT("Japn", "RCEP") ","
          FACT("Tokio", "RCEP") "," FACT("JPN", "the RCEP agreemnt") ","
          FACT("Republic of Korea", "RCEP") "]}",
          NULL);
    /* clang-format on */
    CHECK_INT(R.d.n_errors, 4);
    CHECK_STR(msg(&R, 0),
              "u.json:1:291: facts[0].subject: unknown entity \"Japn\" "
              "(did you mean \"JPN\" (Japan)?)");
    CHECK_STR(msg(&R, 1), "u.json:1:385: facts[1].subject: unknown entity "
                          "\"Tokio\" (did you mean \"JPN\" (Japan)?)");
    CHECK_STR(msg(&R, 2), "u.json:1:480: facts[2].object: unknown entity \"the "
                          "RCEP agreemnt\" (did you mean \"RCEP\"?)");
    CHECK_STR(msg(&R, 3), "u.json:1:586: facts[3].subject: unknown entity "
                          "\"Republic of Korea\"");
    done(&R);

    /* Three suggestions at most, closest first; equally close ones in the
     * order the entities were read. */
    build(&R, "t.jsonl",
          "{\"kind\":\"entity\",\"id\":\"AB1\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"ABCD\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"AB12\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"ABC\",\"type\":\"actor\"}\n"
          "{\"kind\":\"fact\",\"subject\":\"abc\",\"relation\":\"opposes\","
          "\"object\":\"ABC\"}\n",
          NULL);
    /* "abc" is not an id (ids match exactly) but folds to ABC's label. */
    CHECK_INT(R.d.n_errors, 0);
    done(&R);
    build(&R, "t.jsonl",
          "{\"kind\":\"entity\",\"id\":\"AB1\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"ABCD\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"AB12\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"ABC\",\"type\":\"actor\"}\n"
          "{\"kind\":\"fact\",\"subject\":\"ABCX\",\"relation\":\"opposes\","
          "\"object\":\"ABC\"}\n",
          NULL);
    CHECK_STR(first(&R, FNET_SEV_ERROR),
              "t.jsonl:5:1: subject: unknown entity \"ABCX\" (did you mean "
              "\"ABCD\" or \"ABC\" or \"AB1\"?)");
    done(&R);
}

/* Several buffers make one corpus: entities may be used before (and in
 * another file than) where they are described, the same id merges
 * (labels become aliases), relations declared in one file are known in
 * all, and a source may be repeated. */
static void test_merge(void)
{
    resolved R;
    build(&R, "a.json",
          "{\"sources\": [{\"id\": \"s\"}], \"entities\": ["
          "{\"id\": \"JPN\", \"type\": \"actor\", \"label\": \"Japan\"}],"
          " \"facts\": ["
          "{\"subject\": \"Nihon\", \"relation\": \"hosts\", \"object\": "
          "\"AJMIN2013\", \"source\": \"t\", \"evidence\": \"e\"}]}",
          "b.jsonl",
          "{\"kind\":\"source\",\"id\":\"s\"}\n"
          "{\"kind\":\"source\",\"id\":\"t\"}\n"
          "{\"kind\":\"fact\",\"subject\":\"JPN\",\"relation\":\"hosts\","
          "\"object\":\"AJMIN2013\",\"source\":\"s\",\"evidence\":\"e\"}\n"
          "{\"kind\":\"entity\",\"id\":\"JPN\",\"type\":\"actor\","
          "\"label\":\"Nippon\",\"aliases\":[\"Nihon\",\"Japan\"]}\n"
          "{\"kind\":\"entity\",\"id\":\"AJMIN2013\",\"type\":\"meeting\"}\n"
          "{\"kind\":\"relation\",\"name\":\"hosts\",\"from\":\"actor\","
          "\"to\":\"meeting\"}\n",
          NULL);
    CHECK_INT(R.d.n_errors, 0);
    CHECK_INT(R.d.n_warnings, 0);
    CHECK_INT(R.c->n_files, 2);
    CHECK_INT(R.c->n_entities, 2);
    CHECK_INT(R.c->n_sources, 2);
    CHECK_INT(R.c->n_facts, 2);
    const fnet_entity *jpn = &R.c->entities[entity(&R, "JPN")];
    CHECK_STR(jpn->label, "Japan"); /* the first description's */
    CHECK_INT(jpn->n_aliases, 2);   /* Nihon, then the label Nippon */
    CHECK_STR(jpn->aliases[0], "Nihon");
    CHECK_STR(jpn->aliases[1], "Nippon");
    CHECK_INT(jpn->loc.file, 0);
    CHECK_INT(R.c->facts[0].subject, entity(&R, "JPN"));
    CHECK_INT(R.c->facts[0].sources[0], 1);
    CHECK_INT(R.c->facts[1].loc.file, 1);
    CHECK_INT(R.c->facts[1].loc.line, 3);
    CHECK_INT(jpn->n_facts, 2);
    done(&R);

    /* The same id with another type is an error naming both files; in one
     * file the same id twice is a duplicate. */
    build(&R, "a.json",
          "{\"entities\": [{\"id\": \"X\", \"type\": \"actor\"}], "
          "\"facts\": []}",
          "b.jsonl",
          "{\"kind\":\"entity\",\"id\":\"X\",\"type\":\"agreement\"}\n"
          "{\"kind\":\"entity\",\"id\":\"Y\",\"type\":\"actor\"}\n"
          "{\"kind\":\"entity\",\"id\":\"Y\",\"type\":\"actor\"}\n",
          NULL);
    CHECK_INT(R.load_errors, 2);
    CHECK_STR(msg(&R, 0), "b.jsonl:1:1: type: entity \"X\" has type "
                          "\"agreement\" here but \"actor\" in a.json");
    CHECK_STR(msg(&R, 1), "b.jsonl:3:1: id: duplicate entity id \"Y\"");
    done(&R);
}

/* Built-in and declared relations check the subject's and object's types;
 * a declared "from"/"to" list reads "a or b" in messages. */
static void test_type_constraints(void)
{
    resolved R;
    /* clang-format off */
    build(&R, "t.json",
          "{" ENTITIES ", \"relations\": {\"signed\": {\"from\": [\"actor\","
          " \"institution\"], \"to\": \"any\"}}, \"facts\": ["
          FACT("RCEP", "JPN") ","
          "{\"subject\": \"RCEP\", \"relation\": \"signed\", \"object\": "
          "\"JPN\", \"source\": \"s\", \"evidence\": \"e\"},"
          "{\"subject\": \"ASEAN\", \"relation\": \"signed\", \"object\": "
          "\"RCEP\", \"source\": \"s\", \"evidence\": \"e\"}]}",
          NULL);
    /* clang-format on */
    CHECK_INT(R.d.n_errors, 3);
    CHECK_STR(msg(&R, 0),
              "t.json:1:365: facts[0].subject: relation \"party_to\" "
              "expects a subject of type actor, but \"RCEP\" is "
              "of type agreement");
    CHECK_STR(msg(&R, 1),
              "t.json:1:365: facts[0].object: relation \"party_to\" "
              "expects an object of type agreement, but \"JPN\" "
              "(Japan) is of type actor");
    CHECK_STR(msg(&R, 2), "t.json:1:458: facts[1].subject: relation \"signed\" "
                          "expects a subject of type actor or institution, "
                          "but \"RCEP\" is of type agreement");
    CHECK_INT(R.c->facts[2].subject, entity(&R, "ASEAN"));
    done(&R);
}

/* Relation and source references: exact, with a suggestion when close. */
static void test_relations_and_sources(void)
{
    resolved R;
    build(&R, "r.json",
          "{" ENTITIES ", \"facts\": ["
          "{\"subject\": \"JPN\", \"relation\": \"Party_To\", \"object\": "
          "\"RCEP\", \"source\": \"s\", \"evidence\": \"e\"},"
          "{\"subject\": \"JPN\", \"relation\": \"party_to\", \"object\": "
          "\"RCEP\", \"source\": [\"s\", \"S\", \"zzz\"], \"evidence\": "
          "\"e\"}]}",
          NULL);
    CHECK_INT(R.d.n_errors, 3);
    CHECK_STR(msg(&R, 0), "r.json:1:291: facts[0].relation: unknown relation "
                          "\"Party_To\" (names are case-sensitive: did you "
                          "mean \"party_to\"?); declare "
                          "new relations under \"relations\"");
    CHECK_STR(msg(&R, 1), "r.json:1:384: facts[1].source: unknown source \"S\" "
                          "(did you mean \"s\"?)");
    CHECK_STR(msg(&R, 2),
              "r.json:1:384: facts[1].source: unknown source \"zzz\"");
    done(&R);
}

/* Warnings: unused entities, facts without source or evidence, self-loops.
 * A fact's sign is its own, else its relation's. */
static void test_warnings_and_sign(void)
{
    resolved R;
    build(&R, "w.json",
          "{" ENTITIES ", \"facts\": ["
          "{\"subject\": \"JPN\", \"relation\": \"opposes\", \"object\": "
          "\"Tokyo\", \"source\": \"s\", \"evidence\": \"e\"},"
          "{\"subject\": \"JPN\", \"relation\": \"cooperates_with\","
          " \"object\": \"ASEAN\", \"evidence\": \"e\"},"
          "{\"subject\": \"JPN\", \"relation\": \"cooperates_with\","
          " \"object\": \"ASEAN\", \"source\": \"s\", \"sign\": -1,"
          " \"evidence\": \"\"}]}",
          NULL);
    CHECK_INT(R.d.n_errors, 0);
    CHECK_INT(R.d.n_warnings, 4);
    CHECK_STR(msg(&R, 0), "w.json:1:291: facts[0]: warning: subject and object "
                          "are the same entity; the fact makes a self-loop "
                          "and is left out of the graph");
    CHECK_STR(msg(&R, 1),
              "w.json:1:384: facts[1]: warning: fact has no source");
    CHECK_STR(msg(&R, 2),
              "w.json:1:470: facts[2]: warning: fact has no evidence");
    CHECK_STR(msg(&R, 3),
              "w.json:1:208: entities[2]: warning: entity \"RCEP\" is "
              "not used by any fact");
    CHECK(R.c->resolved); /* warnings do not stop resolution */
    CHECK_INT(fnet_fact_sign(R.c, &R.c->facts[0]), -1); /* opposes */
    CHECK_INT(fnet_fact_sign(R.c, &R.c->facts[1]), 1);
    CHECK_INT(fnet_fact_sign(R.c, &R.c->facts[2]), -1); /* its own */
    /* A self-loop counts once for its entity. */
    CHECK_INT(R.c->entities[entity(&R, "JPN")].n_facts, 3);
    done(&R);
}

/* 60 unknown references: all counted, 50 kept, no suggestion work for the
 * rest (resolution stays linear). */
static void test_error_cap(void)
{
    char *text = malloc(200 + 60 * 120);
    strcpy(text, "{\"entities\": [{\"id\": \"A\", \"type\": \"actor\"}], "
                 "\"facts\": [");
    for (int i = 0; i < 60; i++)
        sprintf(text + strlen(text),
                "%s{\"subject\": \"A\", \"relation\": \"opposes\", "
                "\"object\": \"B%d\", \"evidence\": \"e\"}",
                i ? "," : "", i);
    strcat(text, "]}");
    resolved R;
    build(&R, "cap.json", text, NULL);
    CHECK_INT(R.d.n_errors, 60);
    size_t kept = 0;
    for (size_t i = 0; i < R.d.n_items; i++)
        kept += R.d.items[i].severity == FNET_SEV_ERROR;
    CHECK_INT(kept, FNET_DIAG_CAP);
    CHECK_STR(first(&R, FNET_SEV_ERROR),
              "cap.json:1:56: facts[0].object: unknown entity \"B0\" (did you "
              "mean \"A\"?)");
    CHECK_INT(R.d.n_warnings, 60); /* no source, each */
    CHECK(!R.c->resolved);
    done(&R);
    free(text);
}

int main(void)
{
    RUN(test_by_id_label_alias);
    RUN(test_id_wins_and_ambiguity);
    RUN(test_suggestions);
    RUN(test_merge);
    RUN(test_type_constraints);
    RUN(test_relations_and_sources);
    RUN(test_warnings_and_sign);
    RUN(test_error_cap);
    return TEST_REPORT();
}

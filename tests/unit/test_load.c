/* test_load.c - unit tests for src/input/load and the JSON loaders: records
 * parsed from JSON documents and JSON Lines through fnet_load_buffer() and
 * fnet_load_file(), located messages, the error cap, warnings and
 * fnet_load_corpus(); the format table (input/formats.h: names, detection,
 * option checks) and the load plan. */
#include "test.h"

#include "core/diag.h"
#include "input/load.h"

#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct loaded {
    fnet_corpus *c;
    fnet_diag d;
    int rc;
} loaded;

/* Loads text into a fresh corpus (no resolution). */
static void load(loaded *L, const char *name, const char *text, bool jsonl)
{
    fnet_err err = {0};
    memset(L, 0, sizeof *L);
    CHECK_INT(fnet_corpus_new(&L->c), FNET_OK);
    L->rc =
        fnet_load_buffer(L->c, name, text, strlen(text), jsonl, &L->d, &err);
}

static void done(loaded *L)
{
    fnet_diag_free(&L->d);
    fnet_corpus_free(L->c);
}

/* Message i of the collector, or "(none)". */
static const char *msg(const loaded *L, size_t i)
{
    return i < L->d.n_items ? L->d.items[i].msg : "(none)";
}

static const char *const DOC =
    "{\"factnet\": 1, \"title\": \"T\",\n"
    " \"sources\": [{\"id\": \"s1\", \"title\": \"Ti\", \"author\": \"Au\","
    " \"date\": \"2013-12-03\", \"url\": \"https://x.test/\","
    " \"file\": \"a.txt\"}],\n"
    " \"entities\": [\n"
    "  {\"id\": \"JPN\", \"type\": \"actor\", \"label\": \"Japan\","
    " \"aliases\": [\"Tokyo\", \"Nippon\"], \"date\": \"1952-04\","
    " \"attrs\": {\"kind\": \"state\", \"pop\": 125.7, \"g7\": true}},\n"
    "  {\"id\": \"RCEP\", \"type\": \"agreement\", \"aliases\": \"the "
    "RCEP\"}],\n"
    " \"relations\": {\"hosts\": {\"from\": \"any\", \"to\": [\"meeting\","
    " \"agreement\"], \"directed\": false, \"sign\": -1,"
    " \"description\": \"d\"}},\n"
    " \"facts\": [\n"
    "  {\"subject\": \"JPN\", \"relation\": \"party_to\", \"object\": "
    "\"RCEP\"},\n"
    "  {\"id\": \"f2\", \"subject\": \"Tokyo\", \"relation\": \"hosts\","
    " \"object\": \"RCEP\", \"date\": \"2020-11-15\", \"until\": \"2021\","
    " \"weight\": 2.5, \"sign\": 1, \"confidence\": 0.8,"
    " \"source\": [\"s1\", \"s2\"], \"evidence\": \"quote\","
    " \"attrs\": {\"page\": 3}}]}\n";

static void test_document_fields(void)
{
    loaded L;
    load(&L, "doc.json", DOC, false);
    fnet_corpus *c = L.c;
    CHECK_INT(L.rc, FNET_OK);
    CHECK_INT(L.d.n_errors, 0);
    CHECK_INT(L.d.n_warnings, 0);
    CHECK_STR(c->title, "T");
    CHECK_INT(c->n_files, 1);
    CHECK_STR(c->files[0], "doc.json");

    CHECK_INT(c->n_sources, 1);
    const fnet_source *s = &c->sources[0];
    CHECK_STR(s->id, "s1");
    CHECK_STR(s->title, "Ti");
    CHECK_STR(s->author, "Au");
    CHECK_STR(s->date, "2013-12-03");
    CHECK_STR(s->url, "https://x.test/");
    CHECK_STR(s->file, "a.txt");

    CHECK_INT(c->n_entities, 2);
    const fnet_entity *e = &c->entities[0];
    CHECK_STR(e->id, "JPN");
    CHECK_STR(e->type, "actor");
    CHECK_STR(e->label, "Japan");
    CHECK_INT(e->n_aliases, 2);
    CHECK_STR(e->aliases[1], "Nippon");
    CHECK_INT(e->date.year, 1952);
    CHECK_INT(e->date.month, 4);
    CHECK_INT(e->date.day, 0);
    CHECK_INT(e->n_attrs, 3);
    CHECK_STR(e->attrs[0].key, "kind");
    CHECK_INT(e->attrs[0].kind, FNET_ATTR_STRING);
    CHECK_STR(e->attrs[1].value, "125.7");
    CHECK_INT(e->attrs[1].kind, FNET_ATTR_NUMBER);
    CHECK_STR(e->attrs[2].value, "true");
    CHECK_INT(e->attrs[2].kind, FNET_ATTR_BOOL);
    CHECK_INT(e->loc.index, 0);
    /* No label: the id is the label. A single alias may be a string. */
    CHECK_STR(c->entities[1].label, "RCEP");
    CHECK_INT(c->entities[1].n_aliases, 1);
    CHECK_STR(c->entities[1].aliases[0], "the RCEP");
    CHECK_INT(c->entities[1].loc.index, 1);
    CHECK_INT(fnet_corpus_find_entity(c, "RCEP"), 1);

    int32_t r = fnet_corpus_find_relation(c, "hosts");
    CHECK(r >= 0);
    if (r >= 0) {
        const fnet_relation *rel = &c->relations[r];
        CHECK(!rel->builtin);
        CHECK_INT(rel->n_from, 0); /* "any" */
        CHECK_INT(rel->n_to, 2);
        CHECK_STR(rel->to[1], "agreement");
        CHECK(!rel->directed);
        CHECK_INT(rel->sign, -1);
        CHECK_STR(rel->description, "d");
    }
    CHECK(c->relations[fnet_corpus_find_relation(c, "party_to")].builtin);

    CHECK_INT(c->n_facts, 2);
    const fnet_fact *f = &c->facts[0];
    CHECK_STR(f->subject_ref, "JPN");
    CHECK_STR(f->relation_ref, "party_to");
    CHECK_STR(f->object_ref, "RCEP");
    CHECK_INT(f->subject, -1); /* resolved later */
    CHECK(f->weight == 1.0);
    CHECK_INT(f->sign, 0);
    CHECK(f->confidence == FNET_NO_CONFIDENCE);
    CHECK(!fnet_date_is_set(f->date));
    CHECK(f->evidence == NULL);
    CHECK_INT(f->n_sources, 0);
    CHECK_INT(f->loc.file, 0);
    CHECK_INT(f->loc.index, 0);
    CHECK_INT(f->loc.line, 0);
    f = &c->facts[1];
    CHECK_STR(f->id, "f2");
    CHECK_STR(f->subject_ref, "Tokyo");
    CHECK_INT(f->date.year, 2020);
    CHECK_INT(f->date.day, 15);
    CHECK_INT(f->until.year, 2021);
    CHECK_INT(f->until.month, 0);
    CHECK(f->weight == 2.5);
    CHECK_INT(f->sign, 1);
    CHECK(f->confidence == 0.8);
    CHECK_INT(f->n_sources, 2);
    CHECK_STR(f->source_refs[1], "s2"); /* unknown: found by resolve */
    CHECK_STR(f->evidence, "quote");
    CHECK_INT(f->n_attrs, 1);
    CHECK_STR(f->attrs[0].value, "3");
    CHECK_INT(f->loc.index, 1);
    done(&L);
}

/* JSON Lines: records in any order, blank lines skipped but counted, CRLF
 * line ends, a header record for the title; loc.line is the line. */
static void test_jsonl_records(void)
{
    loaded L;
    load(&L, "r.jsonl",
         "{\"kind\":\"fact\",\"subject\":\"A\",\"relation\":\"opposes\","
         "\"object\":\"B\"}\r\n"
         "\r\n"
         "   \n"
         "{\"kind\":\"entity\",\"id\":\"A\",\"type\":\"actor\"}\r\n"
         "{\"kind\":\"relation\",\"name\":\"r\",\"from\":\"actor\"}\n"
         "{\"kind\":\"header\",\"factnet\":1,\"title\":\"JL\"}\n"
         "{\"kind\":\"source\",\"id\":\"s\"}",
         true);
    CHECK_INT(L.rc, FNET_OK);
    CHECK_INT(L.d.n_errors, 0);
    CHECK_INT(L.d.n_warnings, 0);
    CHECK_INT(L.c->n_facts, 1);
    CHECK_INT(L.c->facts[0].loc.line, 1);
    CHECK_INT(L.c->facts[0].loc.index, FNET_LOC_NO_INDEX);
    CHECK_INT(L.c->n_entities, 1);
    CHECK_INT(L.c->entities[0].loc.line, 4);
    CHECK_INT(L.c->n_sources, 1);
    CHECK_INT(L.c->sources[0].loc.line, 7);
    CHECK(fnet_corpus_find_relation(L.c, "r") >= 0);
    CHECK_STR(L.c->title, "JL");
    done(&L);
}

/* Records with errors are reported (all of them) and not added. */
static void test_bad_records(void)
{
    loaded L;
    load(&L, "b.json",
         "{\"entities\": [{\"id\": \"A\"}, {\"id\": \"B\", \"type\": "
         "\"actor\"}],"
         " \"facts\": [\n"
         "  {\"subject\": \"A\", \"relation\": \"opposes\", \"object\": \"B\","
         " \"weight\": 0},\n"
         "  {\"subject\": \"A\", \"relation\": \"opposes\", \"object\": \"B\","
         " \"date\": \"2021-02-30\", \"confidence\": 2},\n"
         "  {\"subject\": \"A\", \"relation\": \"opposes\", \"object\": "
         "\"B\"},\n"
         "  \"A opposes B\"]}",
         false);
    CHECK_INT(L.rc, FNET_OK);
    CHECK_INT(L.d.n_errors, 5);
    CHECK_STR(msg(&L, 0),
              "b.json:1:15: entities[0].type: missing required field \"type\"");
    CHECK_STR(msg(&L, 1), "b.json:2:3: facts[0].weight: must be a finite "
                          "number greater than 0, got 0");
    CHECK_STR(msg(&L, 2), "b.json:3:3: facts[1].date: no day 30 in 2021-02");
    CHECK_STR(msg(&L, 3), "b.json:3:3: facts[1].confidence: must be between "
                          "0 and 1, got 2");
    CHECK_STR(msg(&L, 4), "b.json:5:3: facts[3]: expected an object, got a "
                          "string");
    CHECK_INT(L.c->n_entities, 1); /* A has no type */
    CHECK_INT(L.c->n_facts, 1);    /* only facts[2] */
    done(&L);
}

/* Syntax errors: FILE:LINE:COL; JSON Lines lines keep their own number and
 * the other lines are still read. */
static void test_syntax_located(void)
{
    loaded L;
    load(&L, "s.json", "{\"facts\": [\n  {\"subject\": \"A\",}\n]}", false);
    CHECK_INT(L.d.n_errors, 1);
    CHECK_STR(msg(&L, 0), "s.json:2:18: error: invalid JSON: trailing comma "
                          "before '}'");
    done(&L);
    load(&L, "s.jsonl",
         "{\"kind\":\"entity\",\"id\":\"A\",\"type\":\"actor\"}\n"
         "{\"kind\":\"entity\",\"id\":\"B\" \"type\":\"actor\"}\n"
         "{\"kind\":\"entity\",\"id\":\"C\",\"type\":7}\n"
         "{\"kind\":\"entity\",\"id\":\"D\",\"type\":\"actor\"}\n",
         true);
    CHECK_INT(L.d.n_errors, 2);
    CHECK_STR(msg(&L, 0), "s.jsonl:2:27: error: invalid JSON: expected ',' "
                          "or '}', got '\"' (missing comma?)");
    CHECK_STR(msg(&L, 1), "s.jsonl:3:1: type: expected a string, got a "
                          "number");
    CHECK_INT(L.c->n_entities, 2); /* A and D */
    done(&L);
}

static void test_empty_and_bom(void)
{
    loaded L;
    load(&L, "e.json", "", false);
    CHECK_INT(L.d.n_errors, 1);
    CHECK_STR(msg(&L, 0), "e.json:1:1: error: empty file (expected a JSON "
                          "object)");
    done(&L);
    load(&L, "e.jsonl", "\xEF\xBB\xBF \n\n", true);
    CHECK_STR(msg(&L, 0), "e.jsonl:1:1: error: empty file (expected JSON "
                          "Lines records)");
    done(&L);
    /* A byte order mark is skipped; columns on line 1 do not count it. */
    load(&L, "b.json", "\xEF\xBB\xBF{\"facts\": [}", false);
    CHECK_STR(msg(&L, 0), "b.json:1:12: error: invalid JSON: expected a "
                          "value, got '}'");
    done(&L);
    load(&L, "b.json", "\xEF\xBB\xBF{\"facts\": []}", false);
    CHECK_INT(L.d.n_errors, 0);
    done(&L);
}

/* Unknown fields are warnings with the closest known name; duplicate keys
 * are errors. */
static void test_warnings(void)
{
    loaded L;
    load(&L, "w.json",
         "{\"facts\": [{\"subject\": \"A\", \"relation\": \"opposes\","
         " \"object\": \"B\", \"evidense\": \"x\", \"xyzzy\": 1}],"
         " \"sorces\": []}",
         false);
    CHECK_INT(L.d.n_errors, 0);
    CHECK_INT(L.d.n_warnings, 3);
    CHECK_STR(msg(&L, 0),
              "w.json:1:1: sorces: warning: unknown field \"sorces\" "
              "ignored (did you mean \"sources\"?)");
    CHECK_STR(msg(&L, 1),
              "w.json:1:12: facts[0].evidense: warning: unknown field "
              "\"evidense\" ignored (did you mean \"evidence\"?)");
    CHECK_STR(msg(&L, 2), "w.json:1:12: facts[0].xyzzy: warning: unknown field "
                          "\"xyzzy\" ignored");
    done(&L);
    load(&L, "w.json", "{\"title\": \"a\"}", false);
    CHECK_STR(msg(&L, 0), "w.json:1:1: warning: no \"facts\" array");
    done(&L);
    /* A key repeated in a large object (hash path) and in attrs. */
    char big[4096] = "{\"facts\": [], \"k\": 0";
    for (int i = 0; i < 40; i++)
        snprintf(big + strlen(big), sizeof big - strlen(big), ", \"k%d\": 1",
                 i);
    strcat(big, ", \"k\": 1, \"entities\": [{\"id\": \"A\", \"type\": "
                "\"actor\", \"attrs\": {\"p\": 1, \"p\": 2}}]}");
    load(&L, "d.json", big, false);
    CHECK_INT(L.d.n_errors, 2);
    CHECK_STR(msg(&L, 0), "d.json:1:1: k: duplicate key \"k\"");
    size_t last = L.d.n_items - 1;
    CHECK_STR(msg(&L, last), "d.json:1:434: entities[0].attrs.p: duplicate key "
                             "\"p\"");
    done(&L);
}

/* 60 bad records: every error is counted, the first 50 are kept, and the
 * printout says how many were left out. A collector may set its own cap. */
static void test_error_cap(void)
{
    char *text = malloc(60 * 64 + 1);
    text[0] = '\0';
    for (int i = 0; i < 60; i++)
        sprintf(text + strlen(text), "{\"kind\":\"fact\",\"subject\":%d}\n", i);
    loaded L;
    load(&L, "cap.jsonl", text, true);
    /* each line: subject is not a string, relation and object missing */
    CHECK_INT(L.d.n_errors, 180);
    CHECK_INT(L.d.n_items, FNET_DIAG_CAP);
    /* items 48..50 are line 17's three errors; 50 is not kept */
    CHECK_STR(msg(&L, 49), "cap.jsonl:17:1: relation: missing required field "
                           "\"relation\"");
    char *out = NULL;
    size_t outlen = 0;
    FILE *fp = open_memstream(&out, &outlen);
    fnet_diag_print(&L.d, fp);
    fclose(fp);
    const char *tail = "factnet: 130 more errors not shown\n";
    CHECK(outlen > strlen(tail) &&
          strcmp(out + outlen - strlen(tail), tail) == 0);
    free(out);
    done(&L);

    fnet_err err = {0};
    memset(&L, 0, sizeof L);
    L.d.cap = 2;
    fnet_corpus_new(&L.c);
    fnet_load_buffer(L.c, "cap.jsonl", text, strlen(text), true, &L.d, &err);
    CHECK_INT(L.d.n_errors, 180);
    CHECK_INT(L.d.n_items, 2);
    done(&L);
    free(text);
}

static char tmpdir[64];

static const char *tmp_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
    return path;
}

/* ---- the format table (input/formats.h) and the load plan ---------- */

static const char *detect(const char *path)
{
    const fnet_input_format *f = fnet_input_format_detect(path, NULL);
    return f ? f->name : "(none)";
}

static void test_format_names(void)
{
    fnet_buf b = {0};
    fnet_input_formats_list(&b);
    CHECK_STR(fnet_buf_str(&b), "json, jsonl, csv, tsv, brat, labelstudio, "
                                "doccano, gdelt, icews, acled, polecat or dna");
    fnet_buf_free(&b);
    size_t n = 0;
    for (const fnet_input_format *f; (f = fnet_input_format_at(n)); n++) {
        CHECK(fnet_input_format_find(f->name) == f);
        CHECK(f->load != NULL);
        CHECK(!f->sniff == !f->sniff_on);
    }
    CHECK_INT(n, 12);
    CHECK(fnet_input_format_find("auto") == NULL);
    CHECK(fnet_input_format_find("JSON") == NULL);
    CHECK(fnet_input_format_find("xml") == NULL);
}

/* Paths that need no peek (no such file): the longest ending wins. */
static void test_detect_by_name(void)
{
    CHECK_STR(detect("a.json"), "json");
    CHECK_STR(detect("a.JSON"), "json"); /* nothing matches: the default */
    CHECK_STR(detect("a"), "json");
    CHECK_STR(detect("-"), "json");
    CHECK_STR(detect("a.jsonl"), "jsonl");
    CHECK_STR(detect("a.ndjson"), "jsonl");
    CHECK_STR(detect("a.JSONL"), "json"); /* fact formats match exactly */
    CHECK_STR(detect("a.csv"), "csv");
    CHECK_STR(detect("a.CSV"), "csv");
    CHECK_STR(detect("a.tsv"), "tsv");
    CHECK_STR(detect("a.Tab"), "tsv");
    CHECK_STR(detect("a.ann"), "brat");
    CHECK_STR(detect("a.ANN"), "brat");
    CHECK_STR(detect("x.export.CSV"), "gdelt");
    CHECK_STR(detect("x.gdelt.tsv"), "gdelt");
    CHECK_STR(detect("x.gdelt.csv"), "gdelt");
    CHECK_STR(detect("x.icews.tsv"), "icews");
    CHECK_STR(detect("x.acled.csv"), "acled");
    fnet_load_opts o = {.format = "doccano"};
    CHECK_STR(fnet_input_format_detect("a.csv", &o)->name, "doccano");
    o.format = "auto";
    CHECK_STR(fnet_input_format_detect("a.csv", &o)->name, "csv");
}

/* Content decides between formats sharing an ending; folders are brat
 * unless named like a fact file. */
static void test_detect_by_content(void)
{
    CHECK_STR(detect(tmp_file("ls.json", "[{\"data\": {\"text\": \"x\"}}]")),
              "labelstudio");
    CHECK_STR(detect(tmp_file("f.json", "{\"facts\": []}")), "json");
    CHECK_STR(detect(tmp_file("d.jsonl", "{\"text\": \"x\"}\n")), "doccano");
    CHECK_STR(detect(tmp_file("f.jsonl", "{\"kind\": \"fact\"}\n")), "jsonl");
    CHECK_STR(detect(tmp_file("e.tsv", "a\tb\n")), "tsv");
    /* Whatever the ending: a pre-1.0 Label Studio task, doccano and
     * factnet JSON Lines in .json, a GDELT file in .csv, no ending. */
    CHECK_STR(detect(tmp_file("t.json", "{\"data\": {\"text\": \"x\"},\n"
                                        " \"completions\": []}")),
              "labelstudio");
    CHECK_STR(detect(tmp_file("o.json", "{\"data\": {}, \"facts\": []}")),
              "json");
    CHECK_STR(
        detect(tmp_file("dl.json", "{\"text\": \"x\"}\n{\"text\": \"y\"}")),
        "doccano");
    CHECK_STR(detect(tmp_file("fl.json", "{\"kind\": \"entity\"}\n{\"kind\": "
                                         "\"fact\"}\n")),
              "jsonl");
    CHECK_STR(detect(tmp_file("pretty.jsonl", "{\n \"text\": \"x\"\n}\n")),
              "jsonl");
    char row[256] = "1";
    for (int k = 1; k < 61; k++)
        strcat(row, "\tx");
    strcat(row, "\n");
    CHECK_STR(detect(tmp_file("events.csv", row)), "gdelt");
    CHECK_STR(detect(tmp_file("events.tsv", row)), "gdelt");
    CHECK_STR(detect(tmp_file("2023.csv", "event_id_cnty,event_date,actor1,"
                                          "actor2\nX1,2023-01-01,A,B\n")),
              "acled");
    CHECK_STR(detect(tmp_file("2023.tsv", "event_id_cnty\tactor1\tactor2\n")),
              "acled");
    /* POLECAT's Dataverse files are .txt, tab-separated with a header; a
     * copy saved as .csv may be comma-separated. */
    const char *polecat = "Event ID\tEvent Date\tEvent Type\tActor Name\t"
                          "Recipient Name\ne1\t2023-01-01\tAID\tA\tB\n";
    CHECK_STR(detect(tmp_file("2023-Jan.txt", polecat)), "polecat");
    CHECK_STR(detect(tmp_file("2023-Jan.tsv", polecat)), "polecat");
    CHECK_STR(detect(tmp_file("2023-Jan.csv", "Event ID,Event Type,Actor Name,"
                                              "Recipient Name\n")),
              "polecat");
    CHECK_STR(detect(tmp_file("notes.txt", "Event ID and more\n")), "json");
    CHECK_STR(detect("x.polecat.txt"), "polecat");
    CHECK_STR(detect(tmp_file("noending", "[{\"data\": {\"text\": \"x\"}}]")),
              "labelstudio");
    CHECK_STR(detect(tmp_file("noending2", "{\"facts\": []}")), "json");
    CHECK_STR(detect(tmpdir), "brat");
    char dir[128];
    snprintf(dir, sizeof dir, "%s/sub.jsonl", tmpdir);
    CHECK_INT(mkdir(dir, 0700), 0);
    CHECK_STR(detect(dir), "jsonl");
    rmdir(dir);
    snprintf(dir, sizeof dir, "%s/sub.csv", tmpdir);
    CHECK_INT(mkdir(dir, 0700), 0);
    CHECK_STR(detect(dir), "brat");
    rmdir(dir);
}

static void test_format_check(void)
{
    fnet_err err = {0};
    fnet_load_opts o = {.format = "xml"};
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "unknown input format \"xml\" (expected json, jsonl, "
                       "csv, tsv, brat, labelstudio, doccano, gdelt, "
                       "icews, acled, polecat or dna)");
    o.format = "auto";
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_OK);
    o.import.event_weight = "bogus";
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_EUSAGE);
    CHECK_INT(fnet_load_opts_check(NULL, &err), FNET_OK);
}

/* The plan: formats found once; streaming only for JSON Lines files. */
static void test_plan(void)
{
    fnet_err err = {0};
    fnet_load_plan p;
    char *paths[] = {"a.jsonl", "b.ndjson", "-"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, NULL, &err), FNET_OK);
    CHECK(p.o.checked);
    CHECK_STR(p.formats[1]->name, "jsonl");
    CHECK(fnet_load_plan_streams(&p));
    fnet_load_plan_free(&p);
    CHECK_INT(fnet_load_plan_make(&p, paths, 3, NULL, &err), FNET_OK);
    CHECK(!fnet_load_plan_streams(&p)); /* standard input */
    fnet_load_plan_free(&p);
    fnet_load_opts o = {.import.label_map = "m.json"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_OK);
    CHECK(!fnet_load_plan_streams(&p)); /* a label map to load */
    fnet_load_plan_free(&p);
    o = (fnet_load_opts){.format = "nope"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_EUSAGE);
    fnet_load_plan_free(&p);
    o.checked = true; /* trusted: the caller checked */
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_OK);
    CHECK(p.formats[0] == NULL);
    CHECK(!fnet_load_plan_streams(&p));
    fnet_load_plan_free(&p);
}

/* Files: JSON Lines are streamed, with the same records and messages as the
 * buffer; unreadable paths and unknown formats are not data errors. */
static void test_load_file(void)
{
    const char *jl = "{\"kind\":\"entity\",\"id\":\"A\",\"type\":\"actor\"}\n"
                     "\n"
                     "{\"kind\":\"entity\",\"id\":\"B\",\"type\":[]}\n";
    fnet_corpus *c;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_corpus_new(&c);
    const char *p = tmp_file("a.jsonl", jl);
    CHECK_INT(fnet_load_file(c, p, NULL, &d, &err), FNET_OK);
    CHECK_INT(c->n_entities, 1);
    CHECK_INT(d.n_errors, 1);
    char want[256];
    snprintf(want, sizeof want, "%s:3:1: type: expected a string, got an array",
             p);
    CHECK_STR(d.n_items ? d.items[0].msg : "", want);
    fnet_diag_free(&d);

    /* --input-format: a .txt file read as JSON Lines. */
    p = tmp_file("a.txt", jl);
    fnet_load_opts o = {.format = "jsonl"};
    CHECK_INT(fnet_load_file(c, p, &o, &d, &err), FNET_OK);
    CHECK_INT(d.n_errors, 1);
    fnet_diag_free(&d);
    o.format = "xml";
    CHECK_INT(fnet_load_file(c, p, &o, &d, &err), FNET_EUSAGE);

    snprintf(want, sizeof want, "%s/missing.json", tmpdir);
    CHECK_INT(fnet_load_file(c, want, NULL, &d, &err), FNET_EIO);
    CHECK(strstr(err.msg, "missing.json: cannot open: No such file or "
                          "directory") != NULL);
    /* A folder is read as a brat collection; one named like a fact file is
     * an ordinary read error. */
    CHECK_INT(fnet_load_file(c, tmpdir, NULL, &d, &err), FNET_EIO);
    CHECK(strstr(err.msg, "no brat .ann files") != NULL);
    snprintf(want, sizeof want, "%s/dir.json", tmpdir);
    CHECK_INT(mkdir(want, 0700), 0);
    CHECK_INT(fnet_load_file(c, want, NULL, &d, &err), FNET_EIO);
    CHECK(strstr(err.msg, ": read error: Is a directory") != NULL);
    rmdir(want);
    CHECK_INT(d.n_errors, 0);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

/* fnet_load_corpus: warnings pass unless strict; the corpus is returned
 * in both cases so that callers can report counts. */
static void test_load_corpus_strict(void)
{
    char *paths[1];
    paths[0] =
        strdup(tmp_file("w.json", "{\"entities\": [{\"id\": \"A\", \"type\": "
                                  "\"actor\"}], \"facts\": []}"));
    for (int strict = 0; strict <= 1; strict++) {
        fnet_corpus *c = NULL;
        fnet_diag d = {0};
        fnet_err err = {0};
        int rc = fnet_load_corpus(&c, paths, 1, NULL, strict, &d, &err);
        CHECK_INT(rc, strict ? FNET_EDATA : FNET_OK);
        CHECK(c != NULL);
        CHECK_INT(d.n_warnings, 1); /* A is not used */
        CHECK(c && c->resolved);
        fnet_diag_free(&d);
        fnet_corpus_free(c);
    }
    unlink(paths[0]);
    free(paths[0]);
}

/* An entity described again in another file gains the aliases (and the
 * label) the first description lacked, each once, in order: also with many
 * (the merge then uses a set). */
static void test_merge_many_aliases(void)
{
    fnet_buf a = {0}, b = {0};
    fnet_buf_puts(&a, "{\"facts\": [], \"entities\": [{\"id\": \"X\", "
                      "\"type\": \"actor\", \"label\": \"Ex\", "
                      "\"aliases\": [");
    fnet_buf_puts(&b, "{\"facts\": [], \"entities\": [{\"id\": \"X\", "
                      "\"type\": \"actor\", \"label\": \"Why\", "
                      "\"aliases\": [\"Ex\"");
    for (int i = 0; i < 40; i++) /* a: 0..39; b: 20..59, then 0..9 again */
        fnet_buf_printf(&a, "%s\"a%d\"", i ? ", " : "", i);
    for (int i = 20; i < 60; i++)
        fnet_buf_printf(&b, ", \"a%d\"", i);
    for (int i = 0; i < 10; i++)
        fnet_buf_printf(&b, ", \"a%d\", \"Why\"", i);
    fnet_buf_puts(&a, "]}]}");
    fnet_buf_puts(&b, "]}]}");
    loaded L;
    fnet_err err = {0};
    load(&L, "a.json", fnet_buf_str(&a), false);
    CHECK_INT(fnet_load_buffer(L.c, "b.json", b.data, b.len, false, &L.d, &err),
              FNET_OK);
    CHECK_INT(L.d.n_errors, 0);
    CHECK_STR(msg(&L, 0), "(none)");
    if (L.c->n_entities != 1)
        goto out;
    const fnet_entity *e = &L.c->entities[0];
    CHECK_STR(e->label, "Ex");
    CHECK_INT(e->n_aliases, 61); /* a0..a59 and "Why" */
    char want[16];
    for (uint32_t i = 0; i < e->n_aliases && i < 60; i++) {
        snprintf(want, sizeof want, "a%u", i);
        CHECK_STR(e->aliases[i], want);
    }
    CHECK_STR(e->n_aliases == 61 ? e->aliases[60] : NULL, "Why");
out:
    done(&L);
    fnet_buf_free(&a);
    fnet_buf_free(&b);
}

int main(void)
{
    RUN(test_merge_many_aliases);
    strcpy(tmpdir, "/tmp/fnet-load-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_document_fields);
    RUN(test_jsonl_records);
    RUN(test_bad_records);
    RUN(test_syntax_located);
    RUN(test_empty_and_bom);
    RUN(test_warnings);
    RUN(test_error_cap);
    RUN(test_load_file);
    RUN(test_load_corpus_strict);
    RUN(test_format_names);
    RUN(test_detect_by_name);
    RUN(test_detect_by_content);
    RUN(test_format_check);
    RUN(test_plan);
    char path[128];
    snprintf(path, sizeof path, "%s/a.jsonl", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/a.txt", tmpdir);
    unlink(path);
    static const char *const files[] = {"ls.json", "f.json", "d.jsonl",
                                        "f.jsonl", "e.tsv"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, files[i]);
        unlink(path);
    }
    rmdir(tmpdir);
    return TEST_REPORT();
}

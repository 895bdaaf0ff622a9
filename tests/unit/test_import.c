/* test_import.c - unit tests for the importers (src/input/import*.c,
 * mentions, labelmap, jsontext) through their in-memory entry points. */
#include "test.h"

#include "input/import/import.h"
#include "input/import/import_brat.h"
#include "input/import/import_csv.h"
#include "input/import/import_doccano.h"
#include "input/import/import_events.h"
#include "input/import/import_labelstudio.h"
#include "input/json/jsontext.h"
#include "input/import/labelmap.h"
#include "input/validate.h"

#include <stdlib.h>

static fnet_corpus *fresh(void)
{
    fnet_corpus *c;
    return fnet_corpus_new(&c) == FNET_OK ? c : NULL;
}

static const fnet_entity *entity(const fnet_corpus *c, const char *id)
{
    int32_t i = fnet_corpus_find_entity(c, id);
    return i >= 0 ? &c->entities[i] : NULL;
}

static const char *attr(const fnet_attr *a, uint32_t n, const char *key)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(a[i].key, key) == 0)
            return a[i].value;
    return NULL;
}

static bool has_alias(const fnet_entity *e, const char *alias)
{
    for (uint32_t i = 0; e && i < e->n_aliases; i++)
        if (strcmp(e->aliases[i], alias) == 0)
            return true;
    return false;
}

/* The resolved fact at index i as "subject -relation-> object". */
static const char *fact_str(const fnet_corpus *c, uint64_t i, char *buf,
                            size_t n)
{
    const fnet_fact *f = &c->facts[i];
    snprintf(buf, n, "%s -%s-> %s", f->subject_ref, f->relation_ref,
             f->object_ref);
    return buf;
}

static void dump_diag(const fnet_diag *d)
{
    if (d->n_errors)
        fnet_diag_print(d, stderr);
}

#define LEN(s) (sizeof(s) - 1)

/* ---- CSV ------------------------------------------------------------- */

static void test_csv_edges(void)
{
    const char csv[] = "Source,Target,Type,Weight,Label,colour\r\n"
                       "\"Korea,  Republic of\",Japan,Undirected,2.5,,red\r\n"
                       "Japan,China,Directed,1,,\r\n"
                       "China,Japan,Undirected,1,rivals,blue\r\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(
        fnet_import_csv_buffer(c, "e.csv", csv, LEN(csv), ',', NULL, &d, &err),
        0);
    CHECK_INT(fnet_corpus_resolve(c, &d, &err), 0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c->n_facts, 3);
    CHECK_INT(c->n_entities, 3);
    /* Names are folded: the double space is one. */
    const fnet_entity *k = entity(c, "Korea, Republic of");
    CHECK(k != NULL);
    CHECK_STR(k ? k->type : NULL, "actor");
    char buf[200];
    CHECK_STR(fact_str(c, 0, buf, sizeof buf),
              "Korea, Republic of -tie-> Japan");
    CHECK_NEAR(c->facts[0].weight, 2.5, 0);
    CHECK_STR(attr(c->facts[0].attrs, c->facts[0].n_attrs, "colour"), "red");
    CHECK_STR(fact_str(c, 1, buf, sizeof buf), "Japan -directed_tie-> China");
    CHECK_STR(fact_str(c, 2, buf, sizeof buf), "China -rivals-> Japan");
    int32_t tie = fnet_corpus_find_relation(c, "tie");
    int32_t dt = fnet_corpus_find_relation(c, "directed_tie");
    int32_t rv = fnet_corpus_find_relation(c, "rivals");
    CHECK(tie >= 0 && !c->relations[tie].directed);
    CHECK(dt >= 0 && c->relations[dt].directed);
    /* A named relation on an Undirected row is declared undirected. */
    CHECK(rv >= 0 && !c->relations[rv].directed &&
          c->relations[rv].n_from == 0);
    CHECK_INT(c->facts[2].loc.line, 4);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

static void test_csv_table_and_types(void)
{
    const char table[] = "id,type,label,aliases\n"
                         "JPN,actor,Japan,Nippon|Nihon; Japan \n"
                         "RCEP,agreement,,\n";
    const char edges[] = "subject,object,relation,year,citation,evidence\n"
                         "Nippon,RCEP,party_to,2020,Doc 1,\"Signed.\"\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_import_opts o = {.entities = "t.csv"};
    CHECK_INT(fnet_import_csv_entities_buffer(c, "t.csv", table, LEN(table),
                                              ',', &d, &err),
              0);
    CHECK_INT(fnet_import_csv_buffer(c, "e.csv", edges, LEN(edges), ',', &o, &d,
                                     &err),
              0);
    CHECK_INT(fnet_corpus_resolve(c, &d, &err), 0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    const fnet_entity *j = entity(c, "JPN");
    CHECK(j && j->n_aliases == 2 && has_alias(j, "Nippon") &&
          has_alias(j, "Nihon"));
    CHECK_STR(entity(c, "RCEP") ? entity(c, "RCEP")->label : NULL, "RCEP");
    CHECK_INT(c->n_entities, 2); /* no entity made from the edge list */
    CHECK_INT(c->facts[0].subject, fnet_corpus_find_entity(c, "JPN"));
    CHECK_INT(c->facts[0].date.year, 2020);
    CHECK_STR(c->facts[0].evidence, "Signed.");
    CHECK_INT(c->n_sources, 1);
    CHECK_STR(c->sources[0].id, "Doc 1");
    fnet_diag_free(&d);
    fnet_corpus_free(c);

    /* Without a table, an entity takes the relation's first allowed type. */
    c = fresh();
    const char e2[] = "from,to,relation\nJapan,RCEP,party_to\n";
    CHECK_INT(
        fnet_import_csv_buffer(c, "e.csv", e2, LEN(e2), ',', NULL, &d, &err),
        0);
    CHECK_STR(entity(c, "Japan")->type, "actor");
    CHECK_STR(entity(c, "RCEP")->type, "agreement");
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

static void test_csv_map(void)
{
    const char csv[] = "x,y,z,when\nA,B,3,2019-05-06T10:00:00Z\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_import_opts o = {.map = "subject=2,object=x,weight=Z,date=WHEN",
                          .relation = "supports"};
    CHECK_INT(
        fnet_import_csv_buffer(c, "m.csv", csv, LEN(csv), ',', &o, &d, &err),
        0);
    CHECK_INT(d.n_errors, 0);
    char buf[200];
    CHECK_STR(fact_str(c, 0, buf, sizeof buf), "B -supports-> A");
    CHECK_NEAR(c->facts[0].weight, 3, 0);
    CHECK_INT(c->facts[0].date.day, 6);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    CHECK_INT(fnet_import_csv_check_map("subject=a,object", &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "--map: expected KEY=COLUMN, got \"object\"");
    CHECK_INT(fnet_import_csv_check_map("subj=a", &err), FNET_EUSAGE);
    CHECK_INT(fnet_import_csv_check_map("id=a,id=b", &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "--map: key \"id\" given twice");
}

/* ---- brat ------------------------------------------------------------ */

static const char brat_txt[] =
    "Acme Corp. hired Jane Q. Smith in Paris. Later, J. Smith left Acme.\n"
    "The ministry of France objected.\n";
static const char brat_ann[] =
    "T1\tOrganization 0 10\tAcme Corp.\n"
    "T2\tPerson 17 30\tJane Q. Smith\n"
    "T3\tGPE 34 39\tParis\n"
    "T4\tPerson 48 56\tJ. Smith\n"
    "T5\tOrganization 62 66\tAcme\n"
    "T6\tOrganization 72 80;84 90\tministry France\n"
    "T7\tHire 11 16\thired\n"
    "E1\tHire:T7 Employer:T1 Employee:T2 Place:T3\n"
    "R1\tLocated Arg1:T2 Arg2:T3\t\n"
    "R2\tLeaves Arg1:T4 Arg2:T5\n"
    "R3\tOpposes Arg1:T6 Arg2:T4\n"
    "*\tAlias T2 T4\n"
    "N1\tReference T5 Wikidata:Q1\tAcme Corporation\n"
    "N2\tReference T1 Wikidata:Q1\tAcme Corporation\n"
    "A1\tConfidence R1 High\n"
    "A2\tIndividual T2\n"
    "#1\tAnnotatorNotes R3\tthe ministry speaks for the state\n";
static const char brat_conf[] = "[entities]\nPerson\nOrganization\nGPE\n"
                                "[relations]\n<POG>=Person|Organization\n"
                                "Located Arg1:Person, Arg2:GPE\n"
                                "Opposes Arg1:<POG>, Arg2:<POG>, "
                                "<REL-TYPE>:symmetric\n"
                                "[events]\nHire Employer:Organization\n";

static void test_brat_merging(void)
{
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_import_brat_buffer(c, "dir/news.ann", brat_ann,
                                      LEN(brat_ann), "dir/news.txt", brat_txt,
                                      LEN(brat_txt), brat_conf, LEN(brat_conf),
                                      NULL, NULL, &d, &err),
              0);
    CHECK_INT(fnet_corpus_resolve(c, &d, &err), 0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    /* Acme Corp. and Acme are normalised to one id; Jane Q. Smith and
     * J. Smith are declared equivalent; the trigger is no entity. */
    CHECK_INT(c->n_entities, 4);
    const fnet_entity *acme = entity(c, "Organization:Acme Corp.");
    CHECK_STR(acme ? acme->label : NULL, "Acme Corporation");
    CHECK(has_alias(acme, "Acme") && has_alias(acme, "Acme Corp."));
    CHECK_STR(acme ? attr(acme->attrs, acme->n_attrs, "norm") : NULL,
              "Wikidata:Q1");
    const fnet_entity *jane = entity(c, "Person:Jane Q. Smith");
    CHECK_STR(jane ? jane->label : NULL, "Jane Q. Smith");
    CHECK(has_alias(jane, "J. Smith"));
    CHECK_STR(jane ? attr(jane->attrs, jane->n_attrs, "Individual") : NULL,
              "true");
    CHECK(entity(c, "Organization:ministry France") != NULL);
    CHECK(entity(c, "Hire:hired") == NULL);
    /* Facts, in annotation order: E1 (first argument to each other), R1,
     * R2, R3. */
    CHECK_INT(c->n_facts, 5);
    char buf[300];
    CHECK_STR(fact_str(c, 0, buf, sizeof buf),
              "Organization:Acme Corp. -Hire-> Person:Jane Q. Smith");
    CHECK_STR(fact_str(c, 1, buf, sizeof buf),
              "Organization:Acme Corp. -Hire-> GPE:Paris");
    CHECK_STR(fact_str(c, 2, buf, sizeof buf),
              "Person:Jane Q. Smith -Located-> GPE:Paris");
    CHECK_STR(fact_str(c, 3, buf, sizeof buf),
              "Person:Jane Q. Smith -Leaves-> Organization:Acme Corp.");
    CHECK_STR(fact_str(c, 4, buf, sizeof buf),
              "Organization:ministry France -Opposes-> Person:Jane Q. Smith");
    CHECK_INT(c->facts[2].loc.line, 9);
    CHECK_STR(c->facts[2].evidence, "Acme Corp. hired Jane Q. Smith in Paris.");
    /* Spans in two sentences: the evidence holds both. */
    CHECK_STR(c->facts[4].evidence,
              "Later, J. Smith left Acme. The ministry of France objected.");
    CHECK_STR(attr(c->facts[2].attrs, c->facts[2].n_attrs, "Confidence"),
              "High");
    CHECK_STR(attr(c->facts[4].attrs, c->facts[4].n_attrs, "note"),
              "the ministry speaks for the state");
    CHECK_STR(c->facts[0].source_refs[0], "news");
    CHECK_STR(c->sources[0].file, "dir/news.txt");
    /* Relations from annotation.conf: Located Person -> GPE, Opposes
     * symmetric; unlisted Leaves from the types seen. */
    const fnet_relation *loc =
        &c->relations[fnet_corpus_find_relation(c, "Located")];
    CHECK(loc->n_from == 1 && strcmp(loc->from[0], "Person") == 0);
    CHECK(loc->n_to == 1 && strcmp(loc->to[0], "GPE") == 0 && loc->directed);
    const fnet_relation *opp =
        &c->relations[fnet_corpus_find_relation(c, "Opposes")];
    CHECK(!opp->directed && opp->n_from == 2);
    const fnet_relation *lv =
        &c->relations[fnet_corpus_find_relation(c, "Leaves")];
    CHECK(lv->directed && lv->n_from == 1 &&
          strcmp(lv->from[0], "Person") == 0);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

static void test_brat_modes_and_map(void)
{
    const char map[] = "[entities]\nPerson = actor\nOrganization = actor\n"
                       "GPE = -\n[events]\nHire = employs\n";
    fnet_labelmap lm = {0};
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(
        fnet_labelmap_parse(&lm, NULL, "m.ini", map, LEN(map), false, &d, &err),
        0);
    fnet_import_opts o = {.brat_events = "pairs"};
    fnet_corpus *c = fresh();
    CHECK_INT(fnet_import_brat_buffer(c, "n.ann", brat_ann, LEN(brat_ann),
                                      "n.txt", brat_txt, LEN(brat_txt), NULL, 0,
                                      &o, &lm, &d, &err),
              0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    /* GPE is dropped: Paris is no entity and R1 gives no fact; E1 has two
     * entity arguments left, one pair. */
    CHECK(entity(c, "GPE:Paris") == NULL);
    CHECK(entity(c, "actor:Acme Corp.") != NULL);
    CHECK_INT(c->n_facts, 3);
    char buf[300];
    CHECK_STR(fact_str(c, 0, buf, sizeof buf),
              "actor:Acme Corp. -employs-> actor:Jane Q. Smith");
    const fnet_relation *emp =
        &c->relations[fnet_corpus_find_relation(c, "employs")];
    CHECK(!emp->directed); /* pairs: undirected */
    fnet_corpus_free(c);
    fnet_labelmap_free(&lm);
    o.brat_events = "none";
    c = fresh();
    CHECK_INT(fnet_import_brat_buffer(c, "n.ann", brat_ann, LEN(brat_ann),
                                      "n.txt", brat_txt, LEN(brat_txt), NULL, 0,
                                      &o, NULL, &d, &err),
              0);
    CHECK_INT(c->n_facts, 3); /* R1, R2, R3 only */
    fnet_corpus_free(c);
    o.brat_events = "all";
    CHECK_INT(fnet_import_brat_check(&o, &err), FNET_EUSAGE);
    fnet_diag_free(&d);
}

static void test_brat_offsets(void)
{
    /* CRLF: brat counts it as one character. Code points, not bytes. */
    const char txt[] = "Zoë met Ana.\r\nAna left Zürich.\r\n";
    const char ann[] = "T1\tPerson 0 3\tZoë\nT2\tPerson 8 11\tAna\n"
                       "T3\tGPE 22 28\tZürich\nR1\tLeft Arg1:T2 Arg2:T3\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_import_brat_buffer(c, "a.ann", ann, LEN(ann), "a.txt", txt,
                                      LEN(txt), NULL, 0, NULL, NULL, &d, &err),
              0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    CHECK_STR(c->n_facts ? c->facts[0].evidence : NULL,
              "Zoë met Ana. Ana left Zürich.");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    /* A tool that counted the CR too is accepted when all spans fit. */
    const char ann2[] = "T1\tPerson 14 17\tAna\nT2\tGPE 23 29\tZürich\n";
    c = fresh();
    CHECK_INT(fnet_import_brat_buffer(c, "b.ann", ann2, LEN(ann2), "b.txt", txt,
                                      LEN(txt), NULL, 0, NULL, NULL, &d, &err),
              0);
    CHECK_INT(d.n_errors, 0);
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    /* A wrong span is located at its line. */
    const char ann3[] = "T1\tPerson 0 3\tZoe\nT2\tPerson 40 45\tX\n";
    c = fresh();
    fnet_import_brat_buffer(c, "c.ann", ann3, LEN(ann3), "c.txt", txt, LEN(txt),
                            NULL, 0, NULL, NULL, &d, &err);
    CHECK_INT(d.n_errors, 2);
    CHECK_STR(d.n_items > 0 ? d.items[0].msg : NULL,
              "c.ann:1: T1: span 0-3 is \"Zoë\" in the text, annotation "
              "says \"Zoe\"");
    CHECK_STR(d.n_items > 1 ? d.items[1].msg : NULL,
              "c.ann:2: T2: span 40-45 is outside the text (30 characters)");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

/* ---- Label Studio and doccano ----------------------------------------- */

static void test_labelstudio(void)
{
    /* "🤝" is two UTF-16 units: Label Studio's offsets of "Ana" are 10-13,
     * in code points 9-12. */
    const char js[] =
        "[{\"id\": 4, \"data\": {\"body\": \"Bo \xF0\x9F\xA4\x9D Ed. Ana.\"},\n"
        " \"annotations\": [{\"result\": [\n"
        "  {\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, "
        "\"end\": 2, \"text\": \"Bo\", \"labels\": [\"P\"]}},\n"
        "  {\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 6, "
        "\"end\": 8, \"text\": \"Ed\", \"labels\": [\"P\"]}},\n"
        "  {\"id\": \"c\", \"type\": \"labels\", \"value\": {\"start\": 10, "
        "\"end\": 13, \"text\": \"Ana\", \"labels\": [\"P\"]}},\n"
        "  {\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"b\", "
        "\"direction\": \"bi\", \"labels\": [\"knows\"]},\n"
        "  {\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"c\", "
        "\"direction\": \"left\", \"labels\": [\"likes\", \"-\"]},\n"
        "  {\"type\": \"relation\", \"from_id\": \"b\", \"to_id\": \"c\"}\n"
        "]}]}]\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    const char map[] = "{\"relations\": {\"-\": \"-\"}}";
    fnet_labelmap lm = {0};
    CHECK_INT(
        fnet_labelmap_parse(&lm, NULL, "m.json", map, LEN(map), true, &d, &err),
        0);
    CHECK_INT(fnet_import_labelstudio_buffer(c, "x/ls.json", js, LEN(js), NULL,
                                             &lm, &d, &err),
              0);
    dump_diag(&d);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c->n_entities, 3);
    CHECK(entity(c, "P:Ana") != NULL);
    char buf[200];
    CHECK_INT(c->n_facts, 4);
    CHECK_STR(fact_str(c, 0, buf, sizeof buf), "P:Bo -knows-> P:Ed");
    CHECK_STR(fact_str(c, 1, buf, sizeof buf), "P:Ed -knows-> P:Bo");
    CHECK_STR(fact_str(c, 2, buf, sizeof buf), "P:Ana -likes-> P:Bo");
    CHECK_STR(fact_str(c, 3, buf, sizeof buf), "P:Ed -tie-> P:Ana");
    CHECK_INT(c->facts[3].loc.line, 8);
    CHECK_STR(c->facts[3].source_refs[0], "ls#4");
    CHECK_STR(c->facts[3].evidence, "Bo \xF0\x9F\xA4\x9D Ed. Ana.");
    fnet_labelmap_free(&lm);
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

static void test_doccano(void)
{
    const char jl[] =
        "{\"id\": 7, \"text\": \"\xC3\x89mile met Zola.\", \"entities\": "
        "[{\"id\": 1, \"label\": \"PER\", \"start_offset\": 0, "
        "\"end_offset\": 5}, {\"id\": 2, \"label\": \"PER\", "
        "\"start_offset\": 10, \"end_offset\": 14}], \"relations\": "
        "[{\"id\": 1, \"from_id\": 1, \"to_id\": 2, \"type\": \"met\"}]}\n"
        "\n"
        "{\"text\": \"Zola wrote.\", \"entities\": [{\"id\": \"z\", "
        "\"label\": \"PER\", \"start_offset\": 0, \"end_offset\": 4}], "
        "\"relations\": [{\"from_id\": \"z\", \"to_id\": \"q\", "
        "\"type\": \"met\"}]}\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_import_doccano_buffer(c, "d.jsonl", jl, LEN(jl), NULL, NULL,
                                         &d, &err),
              0);
    CHECK_INT(c->n_entities, 2); /* Zola on both lines is one entity */
    CHECK(entity(c, "PER:\xC3\x89mile") != NULL);
    CHECK_INT(c->n_facts, 1);
    CHECK_STR(c->n_facts ? c->facts[0].source_refs[0] : NULL, "d#7");
    CHECK_INT(d.n_errors, 1);
    CHECK_STR(
        d.n_items ? d.items[0].msg : NULL,
        /* column 118: where the relation's object starts */
        "d.jsonl:3:118: relations[0]: to_id \"q\": no entity with this id "
        "on the line");
    CHECK_INT(c->n_sources, 2);
    CHECK_STR(c->n_sources > 1 ? c->sources[1].id : NULL, "d#line3");
    fnet_diag_free(&d);
    fnet_corpus_free(c);
}

/* ---- events ----------------------------------------------------------- */

static void gdelt_row(char *out, size_t n, const char *a1, const char *a2,
                      const char *code, const char *gold, const char *ment)
{
    size_t k = 0;
    for (int i = 0; i < 61; i++) {
        const char *v = i == 0    ? "77"
                        : i == 1  ? "20150218"
                        : i == 5  ? a1
                        : i == 6  ? (a1[0] ? "NAME ONE" : "")
                        : i == 15 ? a2
                        : i == 16 ? (a2[0] ? "NAME TWO" : "")
                        : i == 26 ? code
                        : i == 29 ? "1"
                        : i == 30 ? gold
                        : i == 31 ? ment
                        : i == 60 ? "https://example.org/a"
                                  : "";
        k += (size_t)snprintf(out + k, n - k, "%s%s", i ? "\t" : "", v);
    }
    snprintf(out + k, n - k, "\n");
}

static void test_gdelt(void)
{
    char data[2000];
    size_t n;
    gdelt_row(data, sizeof data, "USA", "CHN", "010", "-2.5", "7");
    n = strlen(data);
    gdelt_row(data + n, sizeof data - n, "", "CHN", "010", "1", "1");
    n = strlen(data);
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_import_opts o = {.event_weight = "mentions"};
    CHECK_INT(
        fnet_import_gdelt_buffer(c, "g.export.CSV", data, n, &o, &d, &err), 0);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(d.n_warnings, 1); /* the blank actor */
    CHECK_STR(d.n_items ? d.items[0].msg : NULL,
              "g.export.CSV: warning: 1 event skipped: blank actor (the "
              "first on line 2)");
    CHECK_INT(c->n_facts, 1);
    const fnet_fact *f = &c->facts[0];
    CHECK_STR(f->subject_ref, "USA");
    CHECK_STR(f->relation_ref, "make_public_statement");
    CHECK_INT(f->sign, -1);
    CHECK_NEAR(f->weight, 7, 0);
    CHECK_INT(f->date.month, 2);
    CHECK_STR(attr(f->attrs, f->n_attrs, "event_code"), "010");
    CHECK_STR(entity(c, "USA") ? entity(c, "USA")->label : NULL, "NAME ONE");
    CHECK_STR(f->source_refs[0], "https://example.org/a");
    CHECK_STR(c->sources[0].url, "https://example.org/a");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    o.event_weight = "articles";
    CHECK_INT(fnet_import_events_check(&o, &err), FNET_EUSAGE);
}

static void test_icews(void)
{
    const char tab[] = "Event ID\tEvent Date\tSource Name\tEvent Text\t"
                       "CAMEO Code\tIntensity\tTarget Name\tStory ID\n"
                       "1\t2001-09-12\tA B\tCriticize\t111\t-2\tC D\t99\n"
                       "2\t2001-09-13\tC D\tPraise\t051\t3.4\tA B\t\n";
    CHECK(fnet_import_events_is_icews(tab, strchr(tab, '\n') - tab));
    CHECK(!fnet_import_events_is_icews("a\tb\n", 3));
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(
        fnet_import_icews_buffer(c, "i.tab", tab, LEN(tab), NULL, &d, &err), 0);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c->n_facts, 2);
    CHECK_STR(c->facts[0].relation_ref, "disapprove");
    CHECK_INT(c->facts[0].sign, -1);
    CHECK_STR(c->facts[0].source_refs[0], "icews-story-99");
    CHECK_STR(c->facts[1].relation_ref, "engage_in_diplomatic_cooperation");
    CHECK_INT(c->facts[1].sign, 1);
    CHECK_INT(c->facts[1].n_sources, 0);
    CHECK_STR(c->facts[1].evidence,
              "ICEWS event 2: C D -> A B: Praise (CAMEO 051)");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

/* POLECAT: one fact per actor and recipient, the sign from the quad code
 * (else the type's category), the evidence shared, blank recipients and
 * self pairs skipped and counted. Expected values worked out by hand from
 * the rows below and docs/IMPORT.md's table. */
static void test_polecat(void)
{
    const char tab[] =
        "Event ID\tEvent Date\tEvent Type\tQuad Code\tActor Name\t"
        "Actor Country\tRecipient Name\tHeadline\n"
        "s1_CONSULT_R\t2023-03-01\tCONSULT\t\tA; B\tX; Y\tC\tTalks\n"
        "s2_ASSAULT_R\t2023-03-02\tASSAULT\tVERBAL COOPERATION\tC\tZ\tA\t\n"
        "s3_PROTEST_R\t2023-03-03\tPROTEST\t\tD\t\tNone\t\n"
        "s4_REJECT_R\t2023-03-04\tREJECT\t\tA\t\tA\t\n";
    CHECK(fnet_import_events_is_polecat(tab, strchr(tab, '\n') - tab));
    CHECK(!fnet_import_events_is_polecat("Event ID\tActor Name\n", 20));
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(
        fnet_import_polecat_buffer(c, "p.txt", tab, LEN(tab), NULL, &d, &err),
        0);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c->n_facts, 3); /* A->C, B->C, C->A */
    CHECK_STR(c->facts[0].subject_ref, "A");
    CHECK_STR(c->facts[1].subject_ref, "B");
    CHECK_STR(c->facts[1].object_ref, "C");
    CHECK_STR(c->facts[0].relation_ref, "consult");
    CHECK_INT(c->facts[0].sign, 1);
    CHECK(c->facts[0].evidence == c->facts[1].evidence); /* one copy */
    CHECK_STR(c->facts[0].evidence, "Talks");
    CHECK_STR(c->facts[0].source_refs[0], "polecat-story-s1");
    CHECK_INT(c->facts[2].sign, 1); /* the quad code wins over ASSAULT */
    CHECK_INT(c->n_entities, 3);
    CHECK_INT(c->n_skipped, 2); /* no recipient, actor is its own */
    CHECK_STR(c->n_skipped ? c->skipped[0].why : NULL, "no recipient");
    CHECK_STR(c->n_skipped > 1 ? c->skipped[1].why : NULL,
              "actor is its own recipient");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

/* ---- shared helpers ---------------------------------------------------- */

static void test_jsonpos(void)
{
    const char s[] = "{\"a\": [1, {\"b\": \"x\\\"y\"}],\n \"c\":\n  true}";
    fnet_diag d = {0};
    cJSON *root;
    CHECK_INT(fnet_json_parse(&d, NULL, "t.json", s, LEN(s), 1, &root),
              FNET_OK);
    fnet_jsonpos p = {0};
    CHECK_INT(fnet_jsonpos_build(&p, s, LEN(s), root, 10), 0);
    uint32_t line, col;
    const cJSON *b = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "a"), 1);
    CHECK(fnet_jsonpos_find(&p, cJSON_GetObjectItem(b, "b"), &line, &col));
    CHECK_INT(line, 10);
    CHECK_INT(col, 17);
    CHECK(fnet_jsonpos_find(&p, cJSON_GetObjectItem(root, "c"), &line, &col));
    CHECK_INT(line, 12);
    CHECK_INT(col, 3);
    fnet_jsonpos_free(&p);
    cJSON_Delete(root);
    fnet_diag_free(&d);
}

static void test_sentence_and_offsets(void)
{
    const char t[] = "One. Two and\nthree! Dr. X? Four";
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *got;
    fnet_quoter_init(&q, t, LEN(t), 2048, &arena);
    /* "Two" (5-8): the sentence runs to the line break. */
    CHECK_INT(fnet_quoter_quote(&q, 5, 8, &got), 0);
    CHECK_STR(got, "Two and");
    CHECK_INT(fnet_quoter_quote(&q, 13, 18, &got), 0); /* "three" */
    CHECK_STR(got, "three!");
    CHECK_INT(fnet_quoter_quote(&q, 27, 31, &got), 0); /* "Four", at the end */
    CHECK_STR(got, "Four");
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
    fnet_offsets o;
    const char u[] = "a\xF0\x9F\x98\x80"
                     "b\r\nc";
    CHECK_INT(fnet_offsets_build(&o, u, LEN(u), FNET_OFFSET_UTF16), 0);
    CHECK_INT(o.n, 7);
    size_t s, e;
    CHECK(fnet_offsets_span(&o, 3, 4, &s, &e) && s == 5 && e == 6);
    CHECK(!fnet_offsets_span(&o, 2, 4, &s, &e)); /* inside the pair */
    fnet_offsets_free(&o);
    CHECK_INT(fnet_offsets_build(&o, u, LEN(u), FNET_OFFSET_CODEPOINT_LF), 0);
    CHECK_INT(o.n, 5);
    CHECK(fnet_offsets_span(&o, 4, 5, &s, &e) && s == 8 && e == 9);
    fnet_offsets_free(&o);
}

/* Imports the brat document ann_name (its text txt_name) into a fresh
 * corpus with limits lim; NULL when out of memory. */
static fnet_corpus *brat_import(const char *ann_name, const char *ann,
                                const char *txt_name, const char *txt,
                                const fnet_import_opts *o,
                                const fnet_limits *lim, fnet_diag *d)
{
    fnet_corpus *c = fresh();
    fnet_err err = {0};
    if (!c)
        return NULL;
    c->limits = *lim;
    CHECK_INT(fnet_import_brat_buffer(c, ann_name, ann, strlen(ann), txt_name,
                                      txt, strlen(txt), NULL, 0, o, NULL, d,
                                      &err),
              0);
    return c;
}

/* An event's facts share one quote (the sentences from its first to its
 * last argument or trigger), its attributes and notes; --brat-events pairs
 * takes events of up to limits.pair_arguments entity arguments and reports
 * a larger one at its line, with no facts. */
static void test_brat_event_limits(void)
{
    const char txt[] = "Ann met Bob. Then Cyd and Dan met Eve there.\n";
    const char ann[] = "T1\tPerson 0 3\tAnn\nT2\tPerson 8 11\tBob\n"
                       "T3\tPerson 18 21\tCyd\nT4\tPerson 26 29\tDan\n"
                       "T5\tPerson 34 37\tEve\nT6\tMeet 30 33\tmet\n"
                       "E1\tMeet:T6 A:T3 B:T4 C:T5\n"
                       "E2\tMeet:T6 A:T1 B:T2 C:T3 D:T4\n"
                       "A1\tNegated E1\n#1\tAnnotatorNotes E1\tchecked\n";
    fnet_import_opts o = {.brat_events = "pairs"};
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    fnet_diag d = {0};
    lim.pair_arguments = 3;
    fnet_corpus *c = brat_import("e.ann", ann, "e.txt", txt, &o, &lim, &d);
    if (!c)
        return;
    CHECK_INT(d.n_errors, 1);
    CHECK(d.n_items > 0 &&
          strstr(d.items[0].msg,
                 "e.ann:8: E2: 4 entity arguments would make 6 facts "
                 "with --brat-events pairs; the limit is 3 "
                 "arguments (3 facts)") != NULL);
    CHECK_INT(c->n_facts, 3); /* E1's pairs only */
    for (uint64_t i = 0; i < c->n_facts; i++) {
        CHECK_STR(c->facts[i].evidence, "Then Cyd and Dan met Eve there.");
        CHECK(c->facts[i].evidence == c->facts[0].evidence);
        CHECK(c->facts[i].attrs == c->facts[0].attrs);
        CHECK_INT(c->facts[i].n_attrs, 2);
    }
    CHECK_STR(attr(c->facts[2].attrs, c->facts[2].n_attrs, "note"), "checked");
    CHECK_STR(attr(c->facts[2].attrs, c->facts[2].n_attrs, "Negated"), "true");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    /* first: E2 gives its 3 facts, quoting both sentences. */
    o.brat_events = "first";
    c = brat_import("e.ann", ann, "e.txt", txt, &o, &lim, &d);
    if (!c)
        return;
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c->n_facts, 5);
    CHECK_STR(c->n_facts == 5 ? c->facts[4].evidence : NULL,
              "Ann met Bob. Then Cyd and Dan met Eve there.");
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

/* More than 255 arguments (or members of a '*' set) in one annotation is
 * an error at its line, not a silent cut. */
static void test_brat_too_many_words(void)
{
    fnet_buf ann = {0};
    fnet_buf_puts(&ann,
                  "T1\tPerson 0 3\tAnn\nT2\tPerson 8 11\tBob\nE1\tMeet:T1");
    for (int i = 0; i < 256; i++)
        fnet_buf_puts(&ann, i % 2 ? " B:T2" : " A:T1");
    fnet_buf_puts(&ann, "\n*\tAlias");
    for (int i = 0; i < 256; i++)
        fnet_buf_puts(&ann, i % 2 ? " T2" : " T1");
    fnet_buf_putc(&ann, '\n');
    const char txt[] = "Ann met Bob.\n";
    fnet_corpus *c = fresh();
    fnet_diag d = {0};
    fnet_err err = {0};
    CHECK_INT(fnet_import_brat_buffer(c, "w.ann", ann.data, ann.len, "w.txt",
                                      txt, LEN(txt), NULL, 0, NULL, NULL, &d,
                                      &err),
              0);
    CHECK_INT(d.n_errors, 2);
    CHECK(d.n_items == 2 &&
          strstr(d.items[0].msg, "w.ann:3: E1: more than 255 arguments") &&
          strstr(d.items[1].msg, "w.ann:4: *: more than 255 members"));
    fnet_corpus_free(c);
    fnet_diag_free(&d);
    fnet_buf_free(&ann);
}

/* A relation whose sentence is longer than limits.quote_bytes quotes its
 * span, and the file gets one warning saying how many. */
static void test_brat_long_quote(void)
{
    const char txt[] = "Ann and many many many many words then Bob met.\n";
    const char ann[] = "T1\tPerson 0 3\tAnn\nT2\tPerson 39 42\tBob\n"
                       "R1\tMeets Arg1:T1 Arg2:T2\nR2\tMeets Arg1:T2 "
                       "Arg2:T1\n";
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    fnet_diag d = {0};
    lim.quote_bytes = 44;
    fnet_corpus *c = brat_import("q.ann", ann, "q.txt", txt, NULL, &lim, &d);
    if (!c)
        return;
    CHECK_INT(c->n_facts, 2);
    CHECK_STR(c->n_facts ? c->facts[0].evidence : NULL,
              "Ann and many many many many words then Bob");
    CHECK(c->n_facts == 2 && c->facts[0].evidence == c->facts[1].evidence);
    CHECK_INT(d.n_warnings, 1);
    CHECK(d.n_items == 1 && strncmp(d.items[0].msg,
                                    "q.ann: warning: 2 evidence quotes "
                                    "shortened: the sentences around the "
                                    "annotation are longer than 44 bytes",
                                    105) == 0);
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

int main(void)
{
    RUN(test_csv_edges);
    RUN(test_csv_table_and_types);
    RUN(test_csv_map);
    RUN(test_brat_merging);
    RUN(test_brat_modes_and_map);
    RUN(test_brat_offsets);
    RUN(test_brat_event_limits);
    RUN(test_brat_too_many_words);
    RUN(test_brat_long_quote);
    RUN(test_labelstudio);
    RUN(test_doccano);
    RUN(test_gdelt);
    RUN(test_icews);
    RUN(test_polecat);
    RUN(test_jsonpos);
    RUN(test_sentence_and_offsets);
    return TEST_REPORT();
}

/* test_import_dna.c - unit tests of the DNA importer
 * (input/import/import_dna.h) on databases built here with libsqlite3 and
 * handed over in memory (fnet_import_dna_buffer): the qualifier as sign or
 * stance, UTF-16 offsets, dates, skipped statements. Expected values are
 * written by hand from the rows below. */
#include "test.h"

#include "input/import/import_dna.h"

#include <sqlite3.h>
#include <stdlib.h>

/* The part of DNA 3's schema the importer reads (dna/src/main/java/sql/
 * Sql.java), with a statement type "S" whose variables are organization,
 * concept (short text), agreement (boolean) and level (integer). */
static const char schema[] =
    "CREATE TABLE CODERS(ID INTEGER PRIMARY KEY, Name TEXT);"
    "CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY, Title TEXT, Text TEXT,"
    " Coder INTEGER, Author TEXT, Source TEXT, Section TEXT, Notes TEXT,"
    " Type TEXT, Date INTEGER);"
    "CREATE TABLE STATEMENTTYPES(ID INTEGER PRIMARY KEY, Label TEXT);"
    "CREATE TABLE VARIABLES(ID INTEGER PRIMARY KEY, Variable TEXT,"
    " DataType TEXT, StatementTypeId INTEGER);"
    "CREATE TABLE STATEMENTS(ID INTEGER PRIMARY KEY, StatementTypeId INTEGER,"
    " DocumentId INTEGER, Start INTEGER, Stop INTEGER, Coder INTEGER);"
    "CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY, VariableId INTEGER,"
    " Value TEXT);"
    "CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER,"
    " VariableId INTEGER, Entity INTEGER);"
    "CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY, StatementId INTEGER,"
    " VariableId INTEGER, Value INTEGER);"
    "CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY, StatementId INTEGER,"
    " VariableId INTEGER, Value INTEGER);"
    "CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY,"
    " VariableId INTEGER, AttributeVariable TEXT);"
    "CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY, EntityId INTEGER,"
    " AttributeVariableId INTEGER, AttributeValue TEXT);"
    "INSERT INTO CODERS VALUES(2, 'Ana');"
    "INSERT INTO STATEMENTTYPES VALUES(1, 'S');"
    "INSERT INTO VARIABLES VALUES(1, 'organization', 'short text', 1),"
    " (2, 'concept', 'short text', 1), (3, 'agreement', 'boolean', 1),"
    " (4, 'level', 'integer', 1);"
    "INSERT INTO ENTITIES VALUES(1, 1, 'Acme'), (2, 1, 'Bee'), (3, 1, ''),"
    " (4, 2, 'tax');"
    /* 2010-01-15T00:00:00Z and 2011-01-20T12:00:00Z. The text: an emoji
     * (2 UTF-16 units, 4 bytes), " no " (units 2..5), "yes" (6..8). */
    "INSERT INTO DOCUMENTS VALUES(1, 'T', '\xF0\x9F\x98\x80 no yes', 2, 'Au',"
    " '', '', '', '', 1263513600), (2, 'U', 'Bee: tax!', 2, '', '', '', '',"
    " '', 1295524800);"
    /* Statements: 1 Acme no/-2, 2 Acme yes/2, 3 Bee (doc 2), 4 empty
     * actor. */
    "INSERT INTO STATEMENTS VALUES(1, 1, 1, 3, 5, 2), (2, 1, 1, 6, 9, 2),"
    " (3, 1, 2, 0, 3, NULL), (4, 1, 2, 5, 8, 2);"
    "INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES"
    " (1, 1, 1), (1, 2, 4), (2, 1, 1), (2, 2, 4), (3, 1, 2), (3, 2, 4),"
    " (4, 1, 3), (4, 2, 4);"
    "INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES"
    " (1, 3, 0), (2, 3, 1), (3, 3, 1), (4, 3, 1);"
    "INSERT INTO DATAINTEGER(StatementId, VariableId, Value) VALUES"
    " (1, 4, -2), (2, 4, 2), (3, 4, 0), (4, 4, 1);";

/* The database as bytes (sqlite3_serialize); the caller frees with
 * sqlite3_free. */
static unsigned char *build(sqlite3_int64 *len)
{
    sqlite3 *db = NULL;
    unsigned char *out = NULL;
    if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
        sqlite3_exec(db, schema, NULL, NULL, NULL) == SQLITE_OK)
        out = sqlite3_serialize(db, "main", len, 0);
    sqlite3_close(db);
    return out;
}

static fnet_corpus *import(const char *qualifier, fnet_diag *d)
{
    sqlite3_int64 len = 0;
    unsigned char *data = build(&len);
    fnet_corpus *c = NULL;
    fnet_err err = {0};
    fnet_import_opts o = {.dna_statement_type = "S",
                          .dna_qualifier = qualifier};
    CHECK(data != NULL && fnet_corpus_new(&c) == FNET_OK);
    if (data && c)
        CHECK_INT(fnet_import_dna_buffer(c, "t.dna", (const char *)data,
                                         (size_t)len, &o, d, &err),
                  FNET_OK);
    sqlite3_free(data);
    return c;
}

static const char *attr(const fnet_fact *f, const char *key)
{
    for (uint32_t i = 0; i < f->n_attrs; i++)
        if (strcmp(f->attrs[i].key, key) == 0)
            return f->attrs[i].value;
    return NULL;
}

static void test_boolean(void)
{
    fnet_diag d = {0};
    fnet_corpus *c = import(NULL, &d);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c ? c->n_facts : 0, 3);
    if (c && c->n_facts == 3) {
        const fnet_fact *no = &c->facts[0], *yes = &c->facts[1];
        CHECK_STR(no->subject_ref, "organization:Acme");
        CHECK_STR(no->relation_ref, "states");
        CHECK_STR(no->object_ref, "concept:tax");
        CHECK_INT(no->sign, -1);
        CHECK_INT(yes->sign, 1);
        CHECK(no->stance == FNET_NO_STANCE);
        CHECK_STR(no->evidence, "no");   /* units [3, 5) after the emoji */
        CHECK_STR(yes->evidence, "yes"); /* [6, 9) */
        CHECK(no->date.year == 2010 && no->date.month == 1 &&
              no->date.day == 15);
        CHECK(c->facts[2].date.year == 2011 && c->facts[2].date.day == 20);
        CHECK_STR(no->source_refs[0], "t#1");
        CHECK_STR(attr(no, "coder"), "2");
        CHECK_STR(attr(no, "coder_name"), "Ana");
        CHECK(attr(&c->facts[2], "coder") == NULL); /* no coder */
        CHECK_INT(no->loc.line, 1);
        CHECK_INT(c->facts[2].loc.line, 3);
        CHECK_INT(c->n_sources, 2);
        CHECK_STR(c->sources[0].date, "2010-01-15");
        CHECK_STR(c->sources[0].author, "Au");
        CHECK_STR(c->sources[0].file, "t-1.txt");
        CHECK(c->sources[1].author == NULL);
    }
    CHECK_INT(c ? c->n_skipped : 0, 1);
    if (c && c->n_skipped == 1) {
        CHECK_INT(c->skipped[0].n, 1);
        CHECK_STR(c->skipped[0].why, "empty organization or concept");
    }
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

static void test_integer(void)
{
    fnet_diag d = {0};
    fnet_corpus *c = import("level", &d);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(c ? c->n_facts : 0, 3);
    if (c && c->n_facts == 3) {
        CHECK_INT(c->facts[0].stance, -2);
        CHECK_INT(c->facts[1].stance, 2);
        CHECK_INT(c->facts[2].stance, 0);
        CHECK_INT(c->facts[0].sign, 0); /* the relation's (+1) */
    }
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

static void test_not_a_database(void)
{
    fnet_diag d = {0};
    fnet_corpus *c = NULL;
    fnet_err err = {0};
    CHECK(fnet_corpus_new(&c) == FNET_OK);
    const char text[] = "SQLite format 3 but not really";
    CHECK_INT(fnet_import_dna_buffer(c, "x.dna", text, sizeof text - 1, NULL,
                                     &d, &err),
              FNET_OK);
    CHECK_INT(d.n_errors, 1);
    CHECK(d.n_items == 1 && strstr(d.items[0].msg, "x.dna: not an SQLite "
                                                   "database") != NULL);
    CHECK(fnet_import_dna_sniff("SQLite format 3\0STATEMENTTYPES", 30));
    CHECK(!fnet_import_dna_sniff("SQLite format 3 STATEMENTTYPES", 30));
    CHECK(!fnet_import_dna_sniff("SQLite format 3\0STATEMENTS", 26));
    fnet_corpus_free(c);
    fnet_diag_free(&d);
}

int main(void)
{
    RUN(test_boolean);
    RUN(test_integer);
    RUN(test_not_a_database);
    return TEST_REPORT();
}

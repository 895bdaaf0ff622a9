/* import_dna.c - DNA 3 databases through libsqlite3 (see import_dna.h). */
#include "input/import/import_dna.h"

#include "core/outfile.h"
#include "core/text.h"

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The defaults of the options (rDNA's dna_network() defaults). */
#define DEF_TYPE "DNA Statement"
#define DEF_ACTOR "organization"
#define DEF_ITEM "concept"
#define DEF_QUALIFIER "agreement"

/* The relation of every statement (docs/IMPORT.md). */
#define REL_STATES "states"

/* The tables a DNA 3 database has and the importer reads. */
static const char *const dna3_tables[] = {
    "DOCUMENTS",     "STATEMENTS", "STATEMENTTYPES", "VARIABLES", "ENTITIES",
    "DATASHORTTEXT", NULL};

typedef struct var {
    const char *role; /* "actor", "item", "qualifier": option wording */
    const char *name;
    sqlite3_int64 id;
    char type[16]; /* DNA's DataType */
} var;

typedef struct dna {
    fnet_importer im;
    const fnet_import_opts *o;
    sqlite3 *db;
    fnet_err *err;
    char *stem;
    const char *texts; /* --dna-texts DIR, or NULL */
    sqlite3_int64 type_id;
    var actor, item, qual;
    int32_t rel;
    fnet_buf b; /* scratch */
    fnet_offsets off;
    sqlite3_int64 doc; /* the document of off (-1: none) */
    const char *doc_source;
    char *doc_text;
    size_t doc_len;
    fnet_date doc_date;
    const char *doc_attr[3]; /* source, section, type (arena), NULL: empty */
    bool doc_ok;
    uint64_t skipped;
    uint32_t first_skipped;
} dna;

static const char *opt(const char *v, const char *def)
{
    return v ? v : def;
}

/* A data error about the whole database ("FILE: message"). */
#define DB_ERROR(x, ...) fnet_import_error(&(x)->im, 0, NULL, __VA_ARGS__)

/* What SQLite said, for a message: "file is not a database". */
static const char *why(const dna *x, int rc)
{
    return x->db ? sqlite3_errmsg(x->db) : sqlite3_errstr(rc);
}

/* Reports a failed SQLite call; returns FNET_ENOMEM for SQLITE_NOMEM and
 * 0 otherwise (the problem is a data error in d). */
static int sql_failed(dna *x, int rc, const char *doing)
{
    if (rc == SQLITE_NOMEM)
        return fnet_err_set(x->err, FNET_ENOMEM, "%s: out of memory",
                            x->im.name);
    int base = rc & 0xff;
    if (base == SQLITE_EMPTY) /* our code for a file of 0 bytes */
        DB_ERROR(x, "an empty file, not a DNA 3 database");
    else if (base == SQLITE_NOTADB)
        DB_ERROR(x, "not an SQLite database (%s), so not a DNA 3 database",
                 why(x, rc));
    else if (base == SQLITE_CORRUPT)
        DB_ERROR(x, "damaged or truncated SQLite database (%s) while %s",
                 why(x, rc), doing);
    else
        DB_ERROR(x, "SQLite error while %s: %s", doing, why(x, rc));
    return FNET_OK;
}

/* Prepares sql; *st NULL and the error reported on failure. */
static int prepare(dna *x, const char *sql, sqlite3_stmt **st,
                   const char *doing)
{
    int rc = sqlite3_prepare_v2(x->db, sql, -1, st, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return sql_failed(x, rc, doing);
    }
    return FNET_OK;
}

/* sqlite3_column_text as a C string, "" for NULL. */
static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

/* ---- the schema ------------------------------------------------------- */

/* Appends the names of the rows of sql (one text column) to b as
 * "\"a\", \"b\"", and appends to hint "; did you mean \"X\"?" when one
 * is close to want; returns the count or -1 on an SQLite error (reported;
 * *rc set). */
static long list_names(dna *x, const char *sql, sqlite3_int64 bind, fnet_buf *b,
                       const char *want, fnet_buf *hint, int *rc)
{
    fnet_text_nearest near;
    char *best = NULL; /* a copy: SQLite's row text goes with the row */
    if (want)
        fnet_text_nearest_init(&near, want, strlen(want));
    sqlite3_stmt *st = NULL;
    *rc = prepare(x, sql, &st, "reading the schema");
    if (!st)
        return -1;
    if (bind)
        sqlite3_bind_int64(st, 1, bind);
    long n = 0;
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = col_text(st, 0);
        fnet_buf_puts(b, n++ ? ", " : "");
        fnet_diag_quote(b, name);
        if (want) {
            fnet_text_nearest_offer(&near, name);
            if (near.best == name) {
                free(best);
                best = strdup(name);
                near.best = best;
            }
        }
    }
    if (best) {
        fnet_buf_puts(hint, "; did you mean ");
        fnet_diag_quote(hint, best);
        fnet_buf_puts(hint, "?");
    }
    free(best);
    if (s != SQLITE_DONE) {
        *rc = sql_failed(x, s, "reading the schema");
        n = -1;
    }
    sqlite3_finalize(st);
    return n;
}

/* True when the database has a table of this name. */
static bool has_table(dna *x, const char *name, int *rc)
{
    sqlite3_stmt *st = NULL;
    *rc = prepare(x,
                  "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                  "name = ?1",
                  &st, "reading the schema");
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    if (s != SQLITE_ROW && s != SQLITE_DONE)
        *rc = sql_failed(x, s, "reading the schema");
    sqlite3_finalize(st);
    return s == SQLITE_ROW;
}

/* DNA's version from SETTINGS ("3.0.7"), or "" (in x->b). */
static const char *version(dna *x)
{
    sqlite3_stmt *st = NULL;
    fnet_buf_reset(&x->b);
    if (sqlite3_prepare_v2(x->db,
                           "SELECT Value FROM SETTINGS WHERE Property = "
                           "'version'",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        fnet_buf_puts(&x->b, col_text(st, 0));
    sqlite3_finalize(st);
    return fnet_buf_str(&x->b);
}

/* Checks that the database is DNA 3's; *ok false when not (reported). */
static int check_schema(dna *x, bool *ok)
{
    int rc = FNET_OK;
    *ok = false;
    const char *missing = NULL;
    for (const char *const *t = dna3_tables; *t && !missing && !rc; t++)
        if (!has_table(x, *t, &rc))
            missing = *t;
    if (rc || x->im.d->n_errors)
        return rc;
    if (!missing) {
        *ok = true;
        return FNET_OK;
    }
    /* DNA 2 had STATEMENTTYPE (singular) and no ENTITIES table. */
    bool dna2 = has_table(x, "STATEMENTTYPE", &rc);
    if (rc)
        return rc;
    if (dna2) {
        const char *v = version(x);
        DB_ERROR(x,
                 "a DNA 2 database (%s%s%stable STATEMENTTYPE, no %s): "
                 "factnet reads the databases of DNA 3.0 and later",
                 *v ? "version " : "", v, *v ? "; " : "", missing);
        return FNET_OK;
    }
    fnet_buf names = {0};
    long n = list_names(x,
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "ORDER BY name",
                        0, &names, NULL, NULL, &rc);
    if (n >= 0)
        DB_ERROR(x,
                 "an SQLite database, but not DNA's: no table %s (tables "
                 "found: %s)",
                 missing, n ? fnet_buf_str(&names) : "none");
    fnet_buf_free(&names);
    return rc;
}

/* Finds the statement type named by the option; reports the types present
 * when there is none. */
static int find_type(dna *x, bool *ok)
{
    const char *want = opt(x->o->dna_statement_type, DEF_TYPE);
    sqlite3_stmt *st = NULL;
    int rc = prepare(x, "SELECT ID FROM STATEMENTTYPES WHERE Label = ?1", &st,
                     "reading the statement types");
    if (!st)
        return rc;
    sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW)
        x->type_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (s != SQLITE_ROW && s != SQLITE_DONE)
        return sql_failed(x, s, "reading the statement types");
    *ok = s == SQLITE_ROW;
    if (*ok)
        return FNET_OK;
    fnet_buf names = {0}, hint = {0};
    long n = list_names(x, "SELECT Label FROM STATEMENTTYPES ORDER BY ID", 0,
                        &names, want, &hint, &rc);
    if (n >= 0)
        DB_ERROR(x,
                 "--dna-statement-type: no statement type %s (the types are "
                 "%s)%s",
                 fnet_import_quote(&x->im, 0, want),
                 n ? fnet_buf_str(&names) : "none", fnet_buf_str(&hint));
    fnet_buf_free(&names);
    fnet_buf_free(&hint);
    return rc;
}

/* Finds variable v->name of the statement type; *ok false when it is
 * missing or of a data type that cannot play its role (reported with the
 * variables present). */
static int find_var(dna *x, var *v, const char *option, bool qualifier,
                    bool *ok)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(x,
                     "SELECT ID, DataType FROM VARIABLES WHERE Variable = ?1 "
                     "AND StatementTypeId = ?2",
                     &st, "reading the variables");
    if (!st)
        return rc;
    sqlite3_bind_text(st, 1, v->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, x->type_id);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        v->id = sqlite3_column_int64(st, 0);
        snprintf(v->type, sizeof v->type, "%s", col_text(st, 1));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_ROW && s != SQLITE_DONE)
        return sql_failed(x, s, "reading the variables");
    const char *type = opt(x->o->dna_statement_type, DEF_TYPE);
    if (s == SQLITE_ROW) {
        bool fits = qualifier ? strcmp(v->type, "boolean") == 0 ||
                                    strcmp(v->type, "integer") == 0
                              : strcmp(v->type, "short text") == 0;
        if (!fits)
            DB_ERROR(x,
                     "%s: the %s variable %s of statement type %s is %s; "
                     "expected %s",
                     option, v->role, fnet_import_quote(&x->im, 0, v->name),
                     fnet_import_quote(&x->im, 1, type), v->type,
                     qualifier ? "boolean or integer" : "short text");
        *ok = fits;
        return FNET_OK;
    }
    fnet_buf names = {0}, hint = {0};
    long n = list_names(x,
                        "SELECT Variable FROM VARIABLES WHERE "
                        "StatementTypeId = ?1 ORDER BY ID",
                        x->type_id, &names, v->name, &hint, &rc);
    if (n >= 0)
        DB_ERROR(x,
                 "%s: statement type %s has no variable %s (its variables "
                 "are %s)%s",
                 option, fnet_import_quote(&x->im, 0, type),
                 fnet_import_quote(&x->im, 1, v->name),
                 n ? fnet_buf_str(&names) : "none", fnet_buf_str(&hint));
    fnet_buf_free(&names);
    fnet_buf_free(&hint);
    *ok = false;
    return rc;
}

/* ---- documents -------------------------------------------------------- */

/* Seconds since the epoch (UTC) -> a day; false out of 1..9999. */
static bool day_of(sqlite3_int64 secs, fnet_date *out)
{
    if (secs < -62135596800LL || secs > 253402300799LL)
        return false;
    time_t t = (time_t)secs;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return false;
    *out = (fnet_date){(int16_t)(tm.tm_year + 1900), (uint8_t)(tm.tm_mon + 1),
                       (uint8_t)tm.tm_mday};
    return out->year >= 1 && out->year <= 9999;
}

/* Writes the current document's text to DIR/FILE (--dna-texts). */
static int write_text(dna *x, const char *file)
{
    fnet_buf path = {0};
    fnet_buf_printf(&path, "%s/%s", x->texts, file);
    int rc = fnet_buf_ok(&path)
                 ? fnet_outfile_write_all(fnet_buf_str(&path), x->doc_text,
                                          x->doc_len, x->err)
                 : fnet_err_set(x->err, FNET_ENOMEM, "out of memory");
    fnet_buf_free(&path);
    return rc;
}

/* Makes document id the current one: its source, text and offsets. Sets
 * x->doc_ok false (reported at line) when it cannot hold statements. */
static int load_doc(dna *x, sqlite3_int64 id, uint32_t line)
{
    sqlite3_stmt *st = NULL;
    x->doc = id;
    x->doc_ok = false;
    free(x->doc_text);
    x->doc_text = NULL;
    fnet_offsets_free(&x->off);
    int rc = prepare(x,
                     "SELECT Title, Text, Author, Source, Section, Type, Date "
                     "FROM DOCUMENTS WHERE ID = ?1",
                     &st, "reading a document");
    if (!st)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    int s = sqlite3_step(st);
    if (s != SQLITE_ROW) {
        if (s == SQLITE_DONE)
            fnet_import_error(&x->im, line, "DocumentId",
                              "no document %" PRId64, (int64_t)id);
        else
            rc = sql_failed(x, s, "reading a document");
        goto done;
    }
    const char *text = col_text(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1), bad;
    if (!fnet_utf8_valid(text, len, &bad) || strlen(text) != len) {
        fnet_import_error(
            &x->im, line, "DocumentId",
            "the text of document %" PRId64 " is not valid UTF-8 (byte %zu)",
            (int64_t)id, strlen(text) != len ? strlen(text) : bad);
        goto done;
    }
    if (!day_of(sqlite3_column_int64(st, 6), &x->doc_date)) {
        fnet_import_error(&x->im, line, "DocumentId",
                          "document %" PRId64 " has a date out of range (%s)",
                          (int64_t)id, col_text(st, 6));
        goto done;
    }
    x->doc_text = malloc(len + 1);
    if (!x->doc_text ||
        fnet_offsets_build(&x->off, text, len, FNET_OFFSET_UTF16) != FNET_OK) {
        rc = fnet_err_set(x->err, FNET_ENOMEM, "out of memory");
        goto done;
    }
    memcpy(x->doc_text, text, len + 1);
    x->doc_len = len;
    for (int i = 0; i < 3; i++) {
        const char *v = col_text(st, 3 + i);
        x->doc_attr[i] = *v ? fnet_import_str(&x->im, v, strlen(v)) : NULL;
    }
    fnet_buf id_buf = {0}, file = {0};
    fnet_buf_printf(&id_buf, "%s#%" PRId64, x->stem, (int64_t)id);
    fnet_buf_printf(&file, "%s-%" PRId64 ".txt", x->stem, (int64_t)id);
    int32_t src = -1;
    rc =
        fnet_buf_ok(&id_buf) && fnet_buf_ok(&file)
            ? fnet_import_source(&x->im, fnet_buf_str(&id_buf), col_text(st, 0),
                                 NULL, fnet_buf_str(&file), line, &src)
            : FNET_ENOMEM;
    if (rc == FNET_OK && src >= 0) {
        fnet_source *so = &x->im.c->sources[src];
        const char *author = col_text(st, 2);
        char day[11];
        fnet_date_format(x->doc_date, day);
        so->author =
            *author ? fnet_import_str(&x->im, author, strlen(author)) : NULL;
        so->date = fnet_import_str(&x->im, day, strlen(day));
        x->doc_source = so->id;
        if (!so->date || (*author && !so->author))
            rc = FNET_ENOMEM;
    }
    if (rc == FNET_OK && src >= 0 && x->texts)
        rc = write_text(x, fnet_buf_str(&file));
    fnet_buf_free(&id_buf);
    fnet_buf_free(&file);
    if (rc == FNET_ENOMEM)
        fnet_err_set(x->err, FNET_ENOMEM, "%s: out of memory", x->im.name);
    x->doc_ok = rc == FNET_OK && src >= 0;
    if (rc == FNET_EDATA) /* the source limit, reported */
        rc = FNET_OK;
done:
    sqlite3_finalize(st);
    return rc;
}

/* ---- statements ------------------------------------------------------- */

/* Columns of the statement query. */
enum {
    S_ID,
    S_DOC,
    S_START,
    S_STOP,
    S_CODER,
    S_CODER_NAME,
    S_ACTOR,
    S_ITEM,
    S_QUAL
};

/* The entity of a variable's value: id "VARIABLE:VALUE", label VALUE. */
static int entity(dna *x, const var *v, const char *type, const char *value,
                  uint32_t line, const char **id)
{
    fnet_buf_reset(&x->b);
    fnet_buf_printf(&x->b, "%s:%s", v->name, value);
    if (!fnet_buf_ok(&x->b))
        return FNET_ENOMEM;
    int32_t e;
    int rc =
        fnet_import_entity(&x->im, fnet_buf_str(&x->b), type, value, line, &e);
    if (rc == FNET_OK)
        *id = x->im.c->entities[e].id;
    return rc;
}

static int statement(dna *x, sqlite3_stmt *st)
{
    sqlite3_int64 sid = sqlite3_column_int64(st, S_ID);
    uint32_t line = sid > 0 && sid <= UINT32_MAX ? (uint32_t)sid : 0;
    const char *a = col_text(st, S_ACTOR), *it = col_text(st, S_ITEM);
    if (!*a || !*it) {
        if (x->skipped++ == 0)
            x->first_skipped = line;
        return FNET_OK;
    }
    int rc = FNET_OK;
    sqlite3_int64 doc = sqlite3_column_int64(st, S_DOC);
    if (doc != x->doc)
        rc = load_doc(x, doc, line);
    if (rc || !x->doc_ok)
        return rc;
    size_t b0, b1;
    sqlite3_int64 start = sqlite3_column_int64(st, S_START),
                  stop = sqlite3_column_int64(st, S_STOP);
    if (!fnet_offsets_span(&x->off, start, stop, &b0, &b1)) {
        fnet_import_error(&x->im, line, "Start",
                          "span [%" PRId64 ", %" PRId64
                          ") is not within the %zu UTF-16 units of document "
                          "%" PRId64 "'s text",
                          (int64_t)start, (int64_t)stop, x->off.n,
                          (int64_t)doc);
        return FNET_OK;
    }
    const char *subject, *object, *quote;
    rc = entity(x, &x->actor, "actor", a, line, &subject);
    if (!rc)
        rc = entity(x, &x->item, x->item.name, it, line, &object);
    fnet_quoter q;
    fnet_quoter_init(&q, x->doc_text, x->doc_len, x->im.c->limits.quote_bytes,
                     &x->im.c->arena);
    q.span_only = true;
    if (!rc)
        rc = fnet_quoter_quote(&q, b0, b1, &quote);
    fnet_quoter_free(&q);
    fnet_fact *f = NULL;
    if (!rc)
        rc = fnet_import_fact_shared(&x->im, line, subject, REL_STATES, object,
                                     x->doc_source, &f);
    if (rc)
        return rc;
    f->evidence = quote;
    f->date = x->doc_date;
    if (sqlite3_column_type(st, S_QUAL) != SQLITE_NULL) {
        sqlite3_int64 v = sqlite3_column_int64(st, S_QUAL);
        if (strcmp(x->qual.type, "boolean") == 0)
            f->sign = v ? 1 : -1;
        else if (v > INT32_MIN && v <= INT32_MAX)
            f->stance = (int32_t)v;
        else
            fnet_import_error(&x->im, line, x->qual.name,
                              "qualifier %" PRId64 " out of range", (int64_t)v);
    }
    if (sqlite3_column_type(st, S_CODER) != SQLITE_NULL) {
        char id[24];
        snprintf(id, sizeof id, "%" PRId64,
                 (int64_t)sqlite3_column_int64(st, S_CODER));
        rc = fnet_import_fact_attr(&x->im, f, "coder", id, FNET_ATTR_STRING);
        const char *name = col_text(st, S_CODER_NAME);
        if (!rc && *name)
            rc = fnet_import_fact_attr(&x->im, f, "coder_name", name,
                                       FNET_ATTR_STRING);
    }
    static const char *const doc_keys[3] = {
        "document_source", "document_section", "document_type"};
    for (int i = 0; i < 3 && !rc; i++)
        if (x->doc_attr[i])
            rc = fnet_import_fact_attr(&x->im, f, doc_keys[i], x->doc_attr[i],
                                       FNET_ATTR_STRING);
    return rc;
}

/* The value of variable ?N of a statement, as text. */
#define VALUE_OF(N)                                                            \
    "(SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity " \
    "WHERE d.StatementId = s.ID AND d.VariableId = " N ")"

static int statements(dna *x)
{
    char sql[1024];
    bool boolean = strcmp(x->qual.type, "boolean") == 0;
    snprintf(
        sql, sizeof sql,
        "SELECT s.ID, s.DocumentId, s.Start, s.Stop, s.Coder, "
        "c.Name, " VALUE_OF("?1") ", " VALUE_OF(
            "?2") ", "
                  "(SELECT q.Value FROM %s q WHERE q.StatementId = s.ID AND "
                  "q.VariableId = ?3) "
                  "FROM STATEMENTS s LEFT JOIN CODERS c ON c.ID = s.Coder "
                  "WHERE s.StatementTypeId = ?4 ORDER BY s.DocumentId, s.ID",
        boolean ? "DATABOOLEAN" : "DATAINTEGER");
    sqlite3_stmt *st = NULL;
    int rc = prepare(x, sql, &st, "reading the statements");
    if (!st)
        return rc;
    sqlite3_bind_int64(st, 1, x->actor.id);
    sqlite3_bind_int64(st, 2, x->item.id);
    sqlite3_bind_int64(st, 3, x->qual.id);
    sqlite3_bind_int64(st, 4, x->type_id);
    int s;
    while (rc == FNET_OK && (s = sqlite3_step(st)) == SQLITE_ROW)
        rc = statement(x, st);
    if (rc == FNET_OK && s != SQLITE_DONE)
        rc = sql_failed(x, s, "reading the statements");
    sqlite3_finalize(st);
    return rc == FNET_EDATA ? FNET_OK : rc; /* a limit: reported */
}

/* DNA's attribute values of the entities that facts name. */
static int attributes(dna *x)
{
    sqlite3_stmt *st = NULL;
    int rc =
        prepare(x,
                "SELECT v.Variable, e.Value, a.AttributeVariable, "
                "av.AttributeValue FROM ATTRIBUTEVALUES av "
                "JOIN ATTRIBUTEVARIABLES a ON a.ID = av.AttributeVariableId "
                "JOIN ENTITIES e ON e.ID = av.EntityId "
                "JOIN VARIABLES v ON v.ID = e.VariableId "
                "WHERE e.VariableId IN (?1, ?2) AND av.AttributeValue != '' "
                "ORDER BY e.ID, a.ID",
                &st, "reading the attributes");
    if (!st)
        return rc;
    sqlite3_bind_int64(st, 1, x->actor.id);
    sqlite3_bind_int64(st, 2, x->item.id);
    int s;
    while (rc == FNET_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        fnet_buf_reset(&x->b);
        fnet_buf_printf(&x->b, "%s:%s", col_text(st, 0), col_text(st, 1));
        if (!fnet_buf_ok(&x->b))
            return FNET_ENOMEM;
        int32_t e = fnet_corpus_find_entity(x->im.c, fnet_buf_str(&x->b));
        if (e >= 0)
            rc = fnet_import_entity_attr(&x->im, (uint32_t)e, col_text(st, 2),
                                         col_text(st, 3), FNET_ATTR_STRING);
    }
    if (rc == FNET_OK && s != SQLITE_DONE)
        rc = sql_failed(x, s, "reading the attributes");
    sqlite3_finalize(st);
    return rc;
}

/* ---- entry points ----------------------------------------------------- */

static int run(dna *x)
{
    bool ok = false;
    int rc = check_schema(x, &ok);
    if (!rc && ok)
        rc = find_type(x, &ok);
    var *vars[3] = {&x->actor, &x->item, &x->qual};
    static const char *const options[3] = {"--dna-actor", "--dna-item",
                                           "--dna-qualifier"};
    for (int i = 0; i < 3 && !rc && ok; i++)
        rc = find_var(x, vars[i], options[i], i == 2, &ok);
    if (rc || !ok)
        return rc;
    if (x->texts && mkdir(x->texts, 0777) != 0 && errno != EEXIST)
        return fnet_err_set(x->err, FNET_EIO, "--dna-texts: %s: %s", x->texts,
                            strerror(errno));
    static const char *const any[] = {"actor"};
    fnet_import_rel r = {REL_STATES,
                         any,
                         1,
                         NULL,
                         0,
                         true,
                         1,
                         "the actor states a position on the item (a DNA "
                         "statement; its sign or stance is the qualifier)"};
    rc = fnet_import_relation(&x->im, &r, 0, &x->rel);
    if (!rc)
        rc = statements(x);
    if (!rc)
        rc = attributes(x);
    if (!rc && x->skipped) {
        fnet_buf_reset(&x->b);
        fnet_buf_printf(&x->b, "empty %s or %s", x->actor.name, x->item.name);
        rc = fnet_buf_ok(&x->b)
                 ? fnet_corpus_add_skipped(x->im.c, x->im.file, "statement",
                                           fnet_buf_str(&x->b), x->skipped)
                 : FNET_ENOMEM;
        if (!rc)
            fnet_import_warn(&x->im, 0, NULL,
                             "%" PRIu64 " statement%s skipped: %s (the first "
                             "is statement %u)",
                             x->skipped, x->skipped == 1 ? "" : "s",
                             fnet_buf_str(&x->b), x->first_skipped);
    }
    return rc == FNET_EDATA ? FNET_OK : rc;
}

/* Opens a connection that cannot change anything and trusts nothing in
 * the schema (a hostile database's views and triggers run no function with
 * side effects). */
static int harden(sqlite3 *db)
{
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    return rc;
}

/* The file stem of name: "sample" for "dir/sample.dna", "stdin" for
 * "<stdin>". */
static char *stem_of(const char *name)
{
    if (strcmp(name, "<stdin>") == 0)
        return strdup("stdin");
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strcspn(base, ".");
    return strndup(base, n ? n : strlen(base));
}

/* Runs the import over an open (or failed to open: rc) connection. */
static int import_db(fnet_corpus *c, const char *name, sqlite3 *db, int open_rc,
                     const fnet_import_opts *o, fnet_diag *d, fnet_err *err)
{
    static const fnet_import_opts none = {0};
    dna x = {.o = o ? o : &none, .db = db, .err = err, .doc = -1};
    x.texts = x.o->dna_texts;
    x.actor = (var){"actor", opt(x.o->dna_actor, DEF_ACTOR), 0, ""};
    x.item = (var){"item", opt(x.o->dna_item, DEF_ITEM), 0, ""};
    x.qual = (var){"qualifier", opt(x.o->dna_qualifier, DEF_QUALIFIER), 0, ""};
    x.stem = stem_of(name);
    if (!x.stem || fnet_importer_begin(&x.im, c, d, name) != FNET_OK) {
        free(x.stem);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    int rc = open_rc != SQLITE_OK ? sql_failed(&x, open_rc, "opening it")
             : harden(db) != SQLITE_OK
                 ? sql_failed(&x, sqlite3_errcode(db), "opening it")
                 : run(&x);
    fnet_importer_end(&x.im);
    fnet_offsets_free(&x.off);
    fnet_buf_free(&x.b);
    free(x.doc_text);
    free(x.stem);
    return rc;
}

int fnet_import_dna_buffer(fnet_corpus *c, const char *name, const char *data,
                           size_t len, const fnet_import_opts *o, fnet_diag *d,
                           fnet_err *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
    unsigned char *copy = NULL;
    if (rc == SQLITE_OK && len) {
        /* SQLite owns and frees the copy (SQLITE_DESERIALIZE_FREEONCLOSE),
         * which it must be able to resize (RESIZEABLE is not asked). */
        copy = sqlite3_malloc64(len);
        if (!copy) {
            sqlite3_close(db);
            return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
        }
        memcpy(copy, data, len);
        rc = sqlite3_deserialize(
            db, "main", copy, (sqlite3_int64)len, (sqlite3_int64)len,
            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    }
    rc = import_db(c, name, db, len ? rc : SQLITE_EMPTY, o, d, err);
    sqlite3_close(db);
    return rc;
}

/* path as an SQLite URI "file:PATH?immutable=1&mode=ro" (RFC 3986 escapes
 * for what the URI syntax reserves). */
static void uri_of(fnet_buf *out, const char *path)
{
    fnet_buf_puts(out, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (strchr("?#%", *p) || *p < 0x21 || *p >= 0x7f)
            fnet_buf_printf(out, "%%%02X", *p);
        else
            fnet_buf_putc(out, (char)*p);
    }
    fnet_buf_puts(out, "?immutable=1&mode=ro");
}

int fnet_import_dna_file(fnet_corpus *c, const char *path,
                         const fnet_import_opts *o, fnet_diag *d, fnet_err *err)
{
    if (strcmp(path, "-") == 0) {
        const char *name;
        char *data = NULL;
        size_t len = 0;
        int rc = fnet_import_read_input(c, path, d, &name, &data, &len, err);
        if (rc == FNET_OK && data)
            rc = fnet_import_dna_buffer(c, name, data, len, o, d, err);
        free(data);
        return rc;
    }
    /* The message of a file that cannot be read, as the other formats. */
    FILE *fp = fopen(path, "rb");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = fp ? EISDIR : errno;
        if (fp)
            fclose(fp);
        return fnet_err_set(err, FNET_EIO, "%s: cannot open: %s", path,
                            strerror(e));
    }
    fclose(fp);
    if (st.st_size == 0) /* SQLite would read it as an empty database */
        return fnet_import_dna_buffer(c, path, "", 0, o, d, err);
    fnet_buf uri = {0};
    uri_of(&uri, path);
    if (!fnet_buf_ok(&uri))
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", path);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(fnet_buf_str(&uri), &db,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    fnet_buf_free(&uri);
    rc = import_db(c, path, db, rc, o, d, err);
    sqlite3_close(db);
    return rc;
}

int fnet_import_dna_check(const fnet_import_opts *o, fnet_err *err)
{
    const char *const values[] = {o->dna_statement_type, o->dna_actor,
                                  o->dna_item, o->dna_qualifier, o->dna_texts};
    static const char *const names[] = {"--dna-statement-type", "--dna-actor",
                                        "--dna-item", "--dna-qualifier",
                                        "--dna-texts"};
    for (int i = 0; i < 5; i++)
        if (values[i] && !*values[i])
            return fnet_err_set(err, FNET_EUSAGE, "%s: empty value", names[i]);
    return FNET_OK;
}

bool fnet_import_dna_sniff(const char *data, size_t n)
{
    static const char header[] = "SQLite format 3";
    static const char table[] = "STATEMENTTYPES";
    size_t m = sizeof table - 1;
    if (n < sizeof header || memcmp(data, header, sizeof header) != 0)
        return false; /* the header with its NUL */
    for (size_t i = 0; i + m <= n; i++)
        if (data[i] == 'S' && memcmp(data + i, table, m) == 0)
            return true;
    return false;
}

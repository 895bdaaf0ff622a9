/* import_events.c - GDELT 2.0, ICEWS, ACLED and POLECAT event files (see
 * import_events.h). */
#include "input/import/import_events.h"

#include "input/import/csvread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* CAMEO root codes (CAMEO manual 1.1b3, chapter 2), as relation names. The
 * sign is that of the root's Goldstein score: cooperation (01-08) +1,
 * investigation and conflict (09-20) -1. Each fact carries its own sign from
 * its own score; the relation's is only a default. */
static const struct {
    const char *name;
    int sign;
} roots[21] = {
    {NULL, 0},
    {"make_public_statement", 1},
    {"appeal", 1},
    {"express_intent_to_cooperate", 1},
    {"consult", 1},
    {"engage_in_diplomatic_cooperation", 1},
    {"engage_in_material_cooperation", 1},
    {"provide_aid", 1},
    {"yield", 1},
    {"investigate", -1},
    {"demand", -1},
    {"disapprove", -1},
    {"reject", -1},
    {"threaten", -1},
    {"protest", -1},
    {"exhibit_military_posture", -1},
    {"reduce_relations", -1},
    {"coerce", -1},
    {"assault", -1},
    {"fight", -1},
    {"engage_in_unconventional_mass_violence", -1},
};

/* GDELT 2.0 event columns (0-based; the codebook counts from 1). */
enum {
    G_ID = 0,
    G_SQLDATE = 1,
    G_A1CODE = 5,
    G_A1NAME = 6,
    G_A2CODE = 15,
    G_A2NAME = 16,
    G_EVENTCODE = 26,
    G_QUAD = 29,
    G_GOLDSTEIN = 30,
    G_MENTIONS = 31,
    G_URL = 60,
    G_NCOLS = 61
};

/* ICEWS columns by header name. */
enum {
    I_ID,
    I_DATE,
    I_SRC,
    I_SRC_SECTORS,
    I_SRC_COUNTRY,
    I_TEXT,
    I_CODE,
    I_INTENSITY,
    I_TGT,
    I_TGT_SECTORS,
    I_TGT_COUNTRY,
    I_STORY,
    I_PUBLISHER,
    I_N
};
static const char *const icews_names[I_N] = {
    "Event ID",       "Event Date",     "Source Name",    "Source Sectors",
    "Source Country", "Event Text",     "CAMEO Code",     "Intensity",
    "Target Name",    "Target Sectors", "Target Country", "Story ID",
    "Publisher"};

const char *const fnet_import_event_weight_names[] = {"events", "mentions",
                                                      "fatalities", NULL};

int fnet_import_events_check(const fnet_import_opts *o, fnet_err *err)
{
    return fnet_import_check_name("--event-weight", o ? o->event_weight : NULL,
                                  fnet_import_event_weight_names, err);
}

/* ACLED columns by header name (ACLED codebook). */
enum {
    A_ID,
    A_DATE,
    A_TYPE,
    A_SUBTYPE,
    A_ACTOR1,
    A_ASSOC1,
    A_ACTOR2,
    A_ASSOC2,
    A_INTERACTION,
    A_COUNTRY,
    A_LOCATION,
    A_SOURCE,
    A_NOTES,
    A_FATALITIES,
    A_N
};
static const char *const acled_names[A_N] = {
    "event_id_cnty", "event_date", "event_type",    "sub_event_type", "actor1",
    "assoc_actor_1", "actor2",     "assoc_actor_2", "interaction",    "country",
    "location",      "source",     "notes",         "fatalities"};

/* ACLED event types as relation names, and their sign: political violence
 * and demonstrations -1; strategic developments by sub-event type
 * (acled_sub). docs/IMPORT.md has the table. */
static const struct {
    const char *type, *name;
    int sign;
} acled_types[] = {
    {"Battles", "battles", -1},
    {"Violence against civilians", "violence_against_civilians", -1},
    {"Explosions/Remote violence", "explosions_remote_violence", -1},
    {"Riots", "riots", -1},
    {"Protests", "protests", -1},
    {"Strategic developments", "strategic_developments", 1},
};

/* Strategic developments that act against their target; the others
 * (Agreement, Change to group/activity, Headquarters or base established,
 * Non-violent transfer of territory, Other) are +1. */
static const char *const acled_hostile[] = {"Arrests", "Disrupted weapons use",
                                            "Looting/property destruction"};

/* POLECAT columns by header name: the Dataverse files' header (docs/IMPORT.md
 * cites where it was read). "Intensity" is "Event Intensity" in some
 * files; "Story ID", "Headline" and "Event Text" are in some files only. */
enum {
    P_ID,
    P_DATE,
    P_TYPE,
    P_MODE,
    P_INTENSITY,
    P_INTENSITY2,
    P_QUAD,
    P_CONTEXTS,
    P_ACTOR,
    P_ACTOR_COUNTRY,
    P_ACTOR_SECTOR,
    P_RECIP,
    P_RECIP_COUNTRY,
    P_RECIP_SECTOR,
    P_COUNTRY,
    P_PLACENAME,
    P_SOURCE,
    P_STORY,
    P_HEADLINE,
    P_TEXT,
    P_N
};
static const char *const polecat_names[P_N] = {"Event ID",
                                               "Event Date",
                                               "Event Type",
                                               "Event Mode",
                                               "Intensity",
                                               "Event Intensity",
                                               "Quad Code",
                                               "Contexts",
                                               "Actor Name",
                                               "Actor Country",
                                               "Primary Actor Sector",
                                               "Recipient Name",
                                               "Recipient Country",
                                               "Primary Recipient Sector",
                                               "Country",
                                               "Placename",
                                               "Source",
                                               "Story ID",
                                               "Headline",
                                               "Event Text"};

/* PLOVER event types (PLOVER manual, "Event Categories") as relation
 * names, and the sign of their quad category: verbal and material
 * cooperation +1, verbal and material conflict -1. REQUEST is the name
 * POLECAT's coder gives DEMAND. docs/IMPORT.md has the table. */
static const struct {
    const char *type, *name;
    int sign;
} plover_types[] = {
    {"AGREE", "agree", 1},         {"CONSULT", "consult", 1},
    {"SUPPORT", "support", 1},     {"CONCEDE", "concede", 1},
    {"COOPERATE", "cooperate", 1}, {"AID", "aid", 1},
    {"RETREAT", "retreat", 1},     {"REQUEST", "request", -1},
    {"DEMAND", "demand", -1},      {"ACCUSE", "accuse", -1},
    {"REJECT", "reject", -1},      {"THREATEN", "threaten", -1},
    {"PROTEST", "protest", -1},    {"SANCTION", "sanction", -1},
    {"MOBILIZE", "mobilize", -1},  {"COERCE", "coerce", -1},
    {"ASSAULT", "assault", -1},
};

/* The four quad categories a "Quad Code" cell names, and their sign. */
static const struct {
    const char *name;
    int sign;
} plover_quads[] = {{"VERBAL COOPERATION", 1},
                    {"MATERIAL COOPERATION", 1},
                    {"VERBAL CONFLICT", -1},
                    {"MATERIAL CONFLICT", -1}};

_Static_assert((int)P_N >= (int)I_N && (int)P_N >= (int)A_N,
               "ev.col holds every header format");

typedef struct ev {
    fnet_importer im;
    fnet_csv r;
    bool mentions;   /* weight = NumMentions */
    bool fatalities; /* ACLED: weight = fatalities */
    int col[P_N];    /* by header: ICEWS, ACLED, POLECAT */
    fnet_buf a, b, tmp;
    fnet_buf names[2]; /* POLECAT: the actors' and recipients' names */
} ev;

static const char *cell(const ev *x, int col)
{
    return col >= 0 && (size_t)col < x->r.n_fields ? x->r.fields[col].text : "";
}

static bool blank(const char *s)
{
    while (*s == ' ')
        s++;
    return !*s;
}

/* The CAMEO root (1..20) of an event code: its first two digits; 0 when
 * it is not a code. Codes are strings: "010" (make a statement) is not
 * "10" (demand), so a leading zero that a spreadsheet dropped cannot be put
 * back; bad_code() says so. */
static int cameo_root(const char *code)
{
    size_t n = strlen(code);
    if (n < 2 || n > 4 || strspn(code, "0123456789") != n)
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

static const char *bad_code(const char *code, char *buf, size_t size)
{
    size_t n = strlen(code);
    bool digits = n && strspn(code, "0123456789") == n;
    fnet_buf q = {0};
    snprintf(buf, size,
             "expected a CAMEO event code (two to four digits, "
             "the first two from 01 to 20), got %s%s",
             fnet_diag_quoted(&q, code),
             digits && n <= 3 && code[0] != '0'
                 ? "; was a leading zero lost (\"042\" saved as a number "
                   "is 42)?"
                 : "");
    fnet_buf_free(&q);
    return buf;
}

/* Declares (when missing) an event relation: directed, actor -> actor,
 * with its default sign. Returns 0, FNET_EDATA (the limit) or FNET_ENOMEM. */
static int event_relation(ev *x, const char *name, int sign,
                          const char *description, uint32_t line)
{
    static const char *const actor[] = {"actor"};
    fnet_import_rel r = {.name = name,
                         .from = actor,
                         .n_from = 1,
                         .to = actor,
                         .n_to = 1,
                         .directed = true,
                         .sign = sign,
                         .description = description};
    int32_t rel;
    return fnet_import_relation(&x->im, &r, line, &rel);
}

static int relation_for(ev *x, int root, uint32_t line)
{
    return event_relation(x, roots[root].name, roots[root].sign,
                          "CAMEO event (root code)", line);
}

/* The actor entity: id (the CAMEO code or the name), label the name. */
static int actor(ev *x, const char *id, const char *name, uint32_t line)
{
    int32_t e;
    int rc =
        fnet_import_entity(&x->im, id, "actor", name[0] ? name : id, line, &e);
    if (rc == FNET_OK && name[0])
        rc = fnet_import_alias(&x->im, (uint32_t)e, name);
    return rc;
}

/* An event left out without an error (fnet_import_skip). */
static void skip(ev *x, uint32_t line, const char *why)
{
    fnet_import_skip(&x->im, line, "event", why, NULL);
}

static bool number(ev *x, uint32_t line, const char *field, const char *v,
                   double *out)
{
    if (fnet_import_number(v, out))
        return true;
    fnet_import_error(&x->im, line, field, "expected a number, got %s",
                      fnet_import_quote(&x->im, 0, v));
    return false;
}

/* ---- GDELT ------------------------------------------------------------ */

static bool gdelt_date(ev *x, uint32_t line, const char *v, fnet_date *out)
{
    char iso[11], why[160];
    if (strlen(v) == 8 && strspn(v, "0123456789") == 8) {
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
        if (fnet_date_parse(iso, out, why, sizeof why) == 0)
            return true;
    }
    fnet_import_error(&x->im, line, "column 2 (SQLDATE)",
                      "expected a date "
                      "YYYYMMDD, got %s",
                      fnet_import_quote(&x->im, 0, v));
    return false;
}

/* The number of fields of line[0..len) split at sep (no quoting). */
static size_t count_fields(const char *line, size_t len, char sep)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += line[i] == sep;
    return n;
}

bool fnet_import_events_gdelt_near(const char *line, size_t len, fnet_buf *why)
{
    static const char seps[] = {';', ',', '|'};
    char sep = 0;
    size_t n = 0;
    for (size_t k = 0; k < sizeof seps && !sep; k++) {
        n = count_fields(line, len, seps[k]);
        if (n == G_NCOLS || n == 57 || n == 58)
            sep = seps[k];
    }
    bool header = len >= 13 && strncasecmp(line, "GLOBALEVENTID", 13) == 0;
    if (!sep && !header)
        return false;
    fnet_buf_puts(why, "it looks like a GDELT event file");
    if (sep)
        fnet_buf_printf(why, " with %zu '%c'-separated fields", n, sep);
    fnet_buf_printf(why,
                    "%s, as a spreadsheet saves it; --input-format "
                    "gdelt reads the files as GDELT publishes them: "
                    "tab-separated, no header row, 61 fields a record "
                    "(GDELT 2.0; 57 or 58: GDELT 1.0), with CAMEO codes "
                    "as text (\"010\", not 10)",
                    header ? (sep ? " and a header row" : " with a header row")
                           : "");
    return true;
}

static int gdelt_row(ev *x)
{
    uint32_t line = x->r.rec_line;
    if (x->r.n_fields != G_NCOLS) {
        /* The record as the reader saw it, for the hint. */
        fnet_buf near = {0};
        const fnet_csv_field *f0 = &x->r.fields[0];
        bool hint =
            x->r.n_fields == 1 &&
            fnet_import_events_gdelt_near(f0->text, strlen(f0->text), &near);
        fnet_import_error(&x->im, line, NULL,
                          "expected %d tab-separated "
                          "fields (a GDELT 2.0 event record), got %zu%s%s%s",
                          G_NCOLS, x->r.n_fields,
                          x->r.n_fields == 57 || x->r.n_fields == 58
                              ? " (GDELT 1.0 files are not supported)"
                              : "",
                          hint ? "; " : "", hint ? fnet_buf_str(&near) : "");
        fnet_buf_free(&near);
        return FNET_OK;
    }
    const char *c1 = cell(x, G_A1CODE), *n1 = cell(x, G_A1NAME);
    const char *c2 = cell(x, G_A2CODE), *n2 = cell(x, G_A2NAME);
    if ((blank(c1) && blank(n1)) || (blank(c2) && blank(n2))) {
        skip(x, line, "blank actor");
        return FNET_OK;
    }
    const char *id1 = blank(c1) ? n1 : c1, *id2 = blank(c2) ? n2 : c2;
    fnet_date date;
    double goldstein = 0, mentions = 1;
    char why[300];
    const char *event = cell(x, G_EVENTCODE), *code = event;
    int root = cameo_root(event);
    bool ok = gdelt_date(x, line, cell(x, G_SQLDATE), &date);
    if (!root) {
        fnet_import_error(&x->im, line, "column 27 (EventCode)", "%s",
                          bad_code(event, why, sizeof why));
        ok = false;
    }
    ok = number(x, line, "column 31 (GoldsteinScale)", cell(x, G_GOLDSTEIN),
                &goldstein) &&
         ok;
    if (x->mentions && (!number(x, line, "column 32 (NumMentions)",
                                cell(x, G_MENTIONS), &mentions) ||
                        !(mentions > 0))) {
        if (mentions <= 0)
            fnet_import_error(
                &x->im, line, "column 32 (NumMentions)",
                "must be greater than 0 to weigh the event, "
                "got %s",
                fnet_import_quote(&x->im, 0, cell(x, G_MENTIONS)));
        ok = false;
    }
    if (!ok)
        return FNET_OK;
    int32_t s;
    fnet_fact *f;
    const char *url = cell(x, G_URL);
    bool web =
        strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;
    int rc = relation_for(x, root, line);
    if (rc == FNET_OK)
        rc = actor(x, id1, n1, line);
    if (rc == FNET_OK)
        rc = actor(x, id2, n2, line);
    if (rc == FNET_OK && !blank(url))
        rc = fnet_import_source(&x->im, url, web ? NULL : url, web ? url : NULL,
                                NULL, line, &s);
    if (rc == FNET_OK)
        rc = fnet_import_fact(&x->im, line, id1, roots[root].name, id2,
                              blank(url) ? NULL : url, &f);
    if (rc)
        return rc;
    f->date = date;
    f->sign = goldstein < 0 ? -1 : 1;
    f->weight = mentions;
    f->id = fnet_import_str(&x->im, cell(x, G_ID), strlen(cell(x, G_ID)));
    fnet_buf_reset(&x->tmp);
    fnet_buf_printf(&x->tmp,
                    "GDELT event %s: %s -> %s, CAMEO %s (%s), "
                    "Goldstein %s",
                    cell(x, G_ID), n1[0] ? n1 : c1, n2[0] ? n2 : c2, code,
                    roots[root].name, cell(x, G_GOLDSTEIN));
    f->evidence = fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len);
    if (!f->id || !f->evidence)
        return FNET_ENOMEM;
    rc = fnet_import_fact_attr(&x->im, f, "event_code", code, FNET_ATTR_STRING);
    if (rc == FNET_OK && !blank(cell(x, G_QUAD)))
        rc = fnet_import_fact_attr(&x->im, f, "quad_class", cell(x, G_QUAD),
                                   FNET_ATTR_NUMBER);
    if (rc == FNET_OK)
        rc = fnet_import_fact_attr(&x->im, f, "goldstein", cell(x, G_GOLDSTEIN),
                                   FNET_ATTR_NUMBER);
    if (rc == FNET_OK && !blank(cell(x, G_MENTIONS)))
        rc = fnet_import_fact_attr(&x->im, f, "num_mentions",
                                   cell(x, G_MENTIONS), FNET_ATTR_NUMBER);
    return rc;
}

/* ---- ICEWS ------------------------------------------------------------ */

/* The columns of names[0..n) in the header row r (-1: absent). */
static void find_cols(const fnet_csv *r, const char *const *names, int n,
                      int *col)
{
    for (int k = 0; k < n; k++) {
        col[k] = -1;
        for (size_t i = 0; i < r->n_fields && col[k] < 0; i++)
            if (fnet_import_iequal(r->fields[i].text, names[k]))
                col[k] = (int)i;
    }
}

/* The header of an ICEWS or ACLED file (kind names the format in
 * messages; names[0..n) its columns, required[0..n_req) the columns it
 * needs, listed in have): its columns in x->col. *ok is false when a
 * required column is missing or the file is empty. Returns 0 or a reader
 * error. */
static int read_header(ev *x, const char *kind, const char *const *names, int n,
                       const int *required, size_t n_req, const char *have,
                       bool *ok)
{
    int got;
    *ok = false;
    while ((got = fnet_csv_next(&x->r)) == -1)
        fnet_import_syntax(&x->im, x->r.err_line, x->r.err_col, "%s",
                           x->r.err_msg);
    if (got < 0)
        return got;
    if (got == 0) {
        fnet_import_syntax(&x->im, 1, 1,
                           "empty file (expected an %s header row)", kind);
        return FNET_OK;
    }
    find_cols(&x->r, names, n, x->col);
    *ok = true;
    for (size_t k = 0; k < n_req; k++)
        if (x->col[required[k]] < 0) {
            fnet_import_error(&x->im, x->r.rec_line, NULL,
                              "no \"%s\" column in the header (%s)",
                              names[required[k]], have);
            *ok = false;
        }
    return FNET_OK;
}

/* An ICEWS cell by column (I_*): "NA", as R writes a missing value, is
 * blank. */
static const char *icell(const ev *x, int k)
{
    const char *v = cell(x, x->col[k]);
    return strcmp(v, "NA") == 0 ? "" : v;
}

bool fnet_import_events_is_icews(const char *line, size_t len)
{
    fnet_csv r;
    fnet_csv_init(&r, line, len, '\t', false);
    int col[I_N];
    bool yes = fnet_csv_next(&r) == 1;
    if (yes) {
        find_cols(&r, icews_names, I_N, col);
        yes = col[I_SRC] >= 0 && col[I_TGT] >= 0 && col[I_CODE] >= 0;
    }
    fnet_csv_free(&r);
    return yes;
}

static int icews_entity(ev *x, int name_col, int country_col, int sectors_col,
                        uint32_t line)
{
    const char *name = icell(x, name_col);
    int32_t e;
    int rc = fnet_import_entity(&x->im, name, "actor", NULL, line, &e);
    const char *v = icell(x, country_col);
    if (rc == FNET_OK && !blank(v))
        rc = fnet_import_entity_attr(&x->im, (uint32_t)e, "country", v,
                                     FNET_ATTR_STRING);
    v = icell(x, sectors_col);
    if (rc == FNET_OK && !blank(v))
        rc = fnet_import_entity_attr(&x->im, (uint32_t)e, "sectors", v,
                                     FNET_ATTR_STRING);
    return rc;
}

static int icews_row(ev *x, size_t n_cols)
{
    uint32_t line = x->r.rec_line;
    if (x->r.n_fields != n_cols) {
        fnet_import_error(&x->im, line, NULL,
                          "expected %zu tab-separated "
                          "fields (as in the header), got %zu",
                          n_cols, x->r.n_fields);
        return FNET_OK;
    }
    const char *src = icell(x, I_SRC), *tgt = icell(x, I_TGT);
    if (blank(src) || blank(tgt)) {
        skip(x, line, "blank actor");
        return FNET_OK;
    }
    bool ok = true;
    fnet_date date;
    char why[300];
    const char *v = icell(x, I_DATE);
    if (!fnet_import_date(v, &date, why, sizeof why)) {
        fnet_import_error(&x->im, line, "column \"Event Date\"", "%s", why);
        ok = false;
    }
    v = icell(x, I_CODE);
    int root = cameo_root(v);
    if (!root) {
        fnet_import_error(&x->im, line, "column \"CAMEO Code\"", "%s",
                          bad_code(v, why, sizeof why));
        ok = false;
    }
    const char *code = v;
    double intensity = 0;
    v = icell(x, I_INTENSITY);
    bool has_intensity = !blank(v);
    if (has_intensity)
        ok = number(x, line, "column \"Intensity\"", v, &intensity) && ok;
    if (!ok)
        return FNET_OK;
    int32_t s;
    fnet_fact *f;
    const char *story = icell(x, I_STORY);
    int rc = relation_for(x, root, line);
    if (rc == FNET_OK)
        rc = icews_entity(x, I_SRC, I_SRC_COUNTRY, I_SRC_SECTORS, line);
    if (rc == FNET_OK)
        rc = icews_entity(x, I_TGT, I_TGT_COUNTRY, I_TGT_SECTORS, line);
    fnet_buf_reset(&x->a);
    if (!blank(story))
        fnet_buf_printf(&x->a, "icews-story-%s", story);
    const char *pub = icell(x, I_PUBLISHER);
    if (rc == FNET_OK && x->a.len)
        rc = fnet_import_source(&x->im, x->a.data, blank(pub) ? NULL : pub,
                                NULL, NULL, line, &s);
    if (rc == FNET_OK)
        rc = fnet_import_fact(&x->im, line, src, roots[root].name, tgt,
                              x->a.len ? x->a.data : NULL, &f);
    if (rc)
        return rc;
    f->date = date;
    f->sign = has_intensity ? (intensity < 0 ? -1 : 1) : 0;
    const char *id = icell(x, I_ID);
    if (!blank(id) && !(f->id = fnet_import_str(&x->im, id, strlen(id))))
        return FNET_ENOMEM;
    fnet_buf_reset(&x->tmp);
    fnet_buf_printf(
        &x->tmp, "ICEWS event%s%s: %s -> %s: %s (CAMEO %s)",
        blank(id) ? "" : " ", id, src, tgt,
        blank(icell(x, I_TEXT)) ? roots[root].name : icell(x, I_TEXT), code);
    if (!(f->evidence =
              fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len)))
        return FNET_ENOMEM;
    rc = fnet_import_fact_attr(&x->im, f, "event_code", code, FNET_ATTR_STRING);
    if (rc == FNET_OK && has_intensity)
        rc = fnet_import_fact_attr(&x->im, f, "intensity",
                                   icell(x, I_INTENSITY), FNET_ATTR_NUMBER);
    return rc;
}

/* ---- ACLED ------------------------------------------------------------ */

/* The separator of a header line naming names[0..n): ',', tab or ';',
 * whichever splits off all the columns of need[0..n_need); 0 when none
 * does. ACLED's export tool writes ',', a spreadsheet ';' or tab; POLECAT
 * is distributed tab-separated. */
static char header_sep(const char *line, size_t len, const char *const *names,
                       int n, const int *need, size_t n_need)
{
    static const char seps[] = {',', '\t', ';'};
    for (size_t k = 0; k < sizeof seps; k++) {
        fnet_csv r;
        fnet_csv_init(&r, line, len, seps[k], true);
        int col[P_N];
        bool yes = fnet_csv_next(&r) == 1;
        if (yes) {
            find_cols(&r, names, n, col);
            for (size_t i = 0; i < n_need && yes; i++)
                yes = col[need[i]] >= 0;
        }
        fnet_csv_free(&r);
        if (yes)
            return seps[k];
    }
    return 0;
}

static const int acled_sniff[] = {A_ID, A_ACTOR1, A_ACTOR2};

static char acled_sep(const char *line, size_t len)
{
    return header_sep(line, len, acled_names, A_N, acled_sniff,
                      sizeof acled_sniff / sizeof *acled_sniff);
}

bool fnet_import_events_is_acled(const char *line, size_t len)
{
    return acled_sep(line, len) != 0;
}

/* "2023-02-16" (the codebook's) or "16 February 2023" (older exports). */
static bool acled_date(const char *v, fnet_date *out, char *why, int size)
{
    static const char *const months[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    int day, year, n = 0;
    char month[16], iso[16];
    if (sscanf(v, "%2d %15[A-Za-z] %4d%n", &day, month, &year, &n) == 3 &&
        v[n] == '\0')
        for (int m = 0; m < 12; m++)
            if (fnet_import_iequal(month, months[m])) {
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, m + 1, day);
                return fnet_date_parse(iso, out, why, size) == 0;
            }
    return fnet_import_date(v, out, why, size);
}

static int acled_kind(const char *type)
{
    for (size_t k = 0; k < sizeof acled_types / sizeof *acled_types; k++)
        if (fnet_import_iequal(type, acled_types[k].type))
            return (int)k;
    return -1;
}

static int acled_sign(int kind, const char *sub)
{
    for (size_t k = 0; k < sizeof acled_hostile / sizeof *acled_hostile; k++)
        if (fnet_import_iequal(sub, acled_hostile[k]))
            return -1;
    return acled_types[kind].sign;
}

static int acled_relation(ev *x, int kind, uint32_t line)
{
    return event_relation(x, acled_types[kind].name, acled_types[kind].sign,
                          "ACLED event type", line);
}

/* The attributes of an ACLED fact, each when its cell is not blank. */
static int acled_attrs(ev *x, fnet_fact *f)
{
    static const struct {
        int col;
        int kind;
    } attrs[] = {
        {A_TYPE, FNET_ATTR_STRING},       {A_SUBTYPE, FNET_ATTR_STRING},
        {A_FATALITIES, FNET_ATTR_NUMBER}, {A_INTERACTION, FNET_ATTR_STRING},
        {A_COUNTRY, FNET_ATTR_STRING},    {A_LOCATION, FNET_ATTR_STRING},
        {A_ASSOC1, FNET_ATTR_STRING},     {A_ASSOC2, FNET_ATTR_STRING}};
    int rc = FNET_OK;
    for (size_t k = 0; k < sizeof attrs / sizeof *attrs && rc == FNET_OK; k++) {
        const char *v = cell(x, x->col[attrs[k].col]);
        if (!blank(v))
            rc = fnet_import_fact_attr(&x->im, f, acled_names[attrs[k].col], v,
                                       attrs[k].kind);
    }
    return rc;
}

static int acled_row(ev *x, size_t n_cols)
{
    uint32_t line = x->r.rec_line;
    if (x->r.n_fields != n_cols) {
        fnet_import_error(&x->im, line, NULL,
                          "expected %zu fields (as in the header), got %zu",
                          n_cols, x->r.n_fields);
        return FNET_OK;
    }
    const char *a1 = cell(x, x->col[A_ACTOR1]), *a2 = cell(x, x->col[A_ACTOR2]);
    if (blank(a1) || blank(a2)) {
        skip(x, line, "blank actor");
        return FNET_OK;
    }
    bool ok = true;
    char why[300];
    fnet_date date;
    const char *v = cell(x, x->col[A_DATE]);
    if (!acled_date(v, &date, why, sizeof why)) {
        fnet_import_error(&x->im, line, "column \"event_date\"", "%s", why);
        ok = false;
    }
    const char *type = cell(x, x->col[A_TYPE]);
    int kind = acled_kind(type);
    if (kind < 0) {
        fnet_import_error(&x->im, line, "column \"event_type\"",
                          "expected an ACLED event type (Battles, Violence "
                          "against civilians, Explosions/Remote violence, "
                          "Riots, Protests or Strategic developments), got %s",
                          fnet_import_quote(&x->im, 0, type));
        ok = false;
    }
    double deaths = 0;
    v = cell(x, x->col[A_FATALITIES]);
    if (!blank(v))
        ok = number(x, line, "column \"fatalities\"", v, &deaths) && ok;
    if (!ok)
        return FNET_OK;
    if (x->fatalities && !(deaths > 0)) {
        fnet_import_skip(&x->im, line, "event", "no fatalities to weigh",
                         "--event-weight fatalities");
        return FNET_OK;
    }
    int32_t s;
    fnet_fact *f;
    const char *src = cell(x, x->col[A_SOURCE]);
    const char *sub = cell(x, x->col[A_SUBTYPE]);
    int rc = acled_relation(x, kind, line);
    if (rc == FNET_OK)
        rc = actor(x, a1, "", line);
    if (rc == FNET_OK)
        rc = actor(x, a2, "", line);
    if (rc == FNET_OK && !blank(src))
        rc = fnet_import_source(&x->im, src, src, NULL, NULL, line, &s);
    if (rc == FNET_OK)
        rc = fnet_import_fact(&x->im, line, a1, acled_types[kind].name, a2,
                              blank(src) ? NULL : src, &f);
    if (rc)
        return rc;
    f->date = date;
    f->sign = acled_sign(kind, sub);
    f->weight = x->fatalities ? deaths : 1;
    const char *id = cell(x, x->col[A_ID]);
    if (!blank(id) && !(f->id = fnet_import_str(&x->im, id, strlen(id))))
        return FNET_ENOMEM;
    const char *notes = cell(x, x->col[A_NOTES]);
    fnet_buf_reset(&x->tmp);
    if (!blank(notes))
        fnet_buf_puts(&x->tmp, notes);
    else
        fnet_buf_printf(&x->tmp, "ACLED event%s%s: %s -> %s: %s%s%s",
                        blank(id) ? "" : " ", id, a1, a2, type,
                        blank(sub) ? "" : " / ", sub);
    if (!(f->evidence =
              fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len)))
        return FNET_ENOMEM;
    return acled_attrs(x, f);
}

/* ---- POLECAT ---------------------------------------------------------- */

static const int polecat_sniff[] = {P_ID, P_TYPE, P_ACTOR, P_RECIP};

static char polecat_sep(const char *line, size_t len)
{
    return header_sep(line, len, polecat_names, P_N, polecat_sniff,
                      sizeof polecat_sniff / sizeof *polecat_sniff);
}

bool fnet_import_events_is_polecat(const char *line, size_t len)
{
    return polecat_sep(line, len) != 0;
}

/* A POLECAT cell by column (P_*): "None" (Python's missing value, as the
 * Dataverse files write it) and "NA" (R's) are blank. */
static const char *pcell(const ev *x, int k)
{
    const char *v = cell(x, x->col[k]);
    return strcmp(v, "None") == 0 || strcmp(v, "NA") == 0 ? "" : v;
}

/* The names of a ';'-separated list cell ("Joe Biden; Xi Jinping": every
 * participant of a two-sided event), trimmed, blank and "None" items left
 * out, copied into b; at most max in out. Returns how many there are (more
 * than max: too many). */
static size_t split_names(fnet_buf *b, const char *v, const char **out,
                          size_t max)
{
    fnet_buf_reset(b);
    fnet_buf_append(b, v, strlen(v) + 1); /* with its NUL */
    if (!fnet_buf_ok(b))
        return 0;
    size_t n = 0;
    for (char *p = b->data, *end; p; p = end ? end + 1 : NULL) {
        end = strchr(p, ';');
        if (end)
            *end = '\0';
        while (*p == ' ')
            p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ')
            p[--len] = '\0';
        if (!len || strcmp(p, "None") == 0)
            continue;
        if (n < max)
            out[n] = p;
        n++;
    }
    return n;
}

static int plover_kind(const char *type)
{
    for (size_t k = 0; k < sizeof plover_types / sizeof *plover_types; k++)
        if (fnet_import_iequal(type, plover_types[k].type))
            return (int)k;
    return -1;
}

/* The sign of an event: its "Quad Code" when that names a quad category,
 * else its type's. */
static int plover_sign(int kind, const char *quad)
{
    for (size_t k = 0; k < sizeof plover_quads / sizeof *plover_quads; k++)
        if (fnet_import_iequal(quad, plover_quads[k].name))
            return plover_quads[k].sign;
    return plover_types[kind].sign;
}

/* An actor or recipient entity: named by the name; its country and primary
 * sector when the list cells give one per name (or one for one name). */
static int polecat_entity(ev *x, const char *name, size_t i, size_t n,
                          int country_col, int sector_col, uint32_t line,
                          const char **id)
{
    int32_t e;
    int rc = fnet_import_entity(&x->im, name, "actor", NULL, line, &e);
    *id = rc == FNET_OK ? x->im.c->entities[e].id : NULL;
    const int cols[] = {country_col, sector_col};
    const char *keys[] = {"country", "sector"};
    for (size_t k = 0; k < 2 && rc == FNET_OK; k++) {
        const char *item[FNET_MAX_EVENT_ACTORS];
        size_t m =
            split_names(&x->b, pcell(x, cols[k]), item, FNET_MAX_EVENT_ACTORS);
        if (m == n && i < m)
            rc = fnet_import_entity_attr(&x->im, (uint32_t)e, keys[k], item[i],
                                         FNET_ATTR_STRING);
    }
    return rc;
}

/* The attributes of the first fact of an event, each when its cell is not
 * blank (the event's other facts share them). */
static int polecat_attrs(ev *x, fnet_fact *f, int intensity_col)
{
    static const struct {
        int col;
        const char *key;
        int kind;
    } attrs[] = {{P_TYPE, "event_type", FNET_ATTR_STRING},
                 {P_MODE, "event_mode", FNET_ATTR_STRING},
                 {P_QUAD, "quad_code", FNET_ATTR_STRING},
                 {-1, "intensity", FNET_ATTR_NUMBER},
                 {P_CONTEXTS, "contexts", FNET_ATTR_STRING},
                 {P_COUNTRY, "country", FNET_ATTR_STRING},
                 {P_PLACENAME, "placename", FNET_ATTR_STRING}};
    int rc = FNET_OK;
    for (size_t k = 0; k < sizeof attrs / sizeof *attrs && rc == FNET_OK; k++) {
        const char *v =
            pcell(x, attrs[k].col < 0 ? intensity_col : attrs[k].col);
        if (!blank(v))
            rc = fnet_import_fact_attr(&x->im, f, attrs[k].key, v,
                                       attrs[k].kind);
    }
    return rc;
}

/* The story an event was coded from, as its source: id "polecat-story-"
 * and the "Story ID", else the article part of the "Event ID" (before its
 * first '_': "20190801-2309-4e081644904c_COOPERATE_R"); title the "Source"
 * (the publisher). *id is NULL when there is neither. */
static int polecat_source(ev *x, uint32_t line, const char **id)
{
    const char *story = pcell(x, P_STORY), *ev_id = pcell(x, P_ID);
    size_t len = blank(story) ? strcspn(ev_id, "_") : strlen(story);
    *id = NULL;
    if (blank(story) && (blank(ev_id) || len == 0))
        return FNET_OK;
    fnet_buf_reset(&x->a);
    fnet_buf_puts(&x->a, "polecat-story-");
    fnet_buf_append(&x->a, blank(story) ? ev_id : story, len);
    if (!fnet_buf_ok(&x->a))
        return FNET_ENOMEM;
    const char *pub = pcell(x, P_SOURCE);
    int32_t s;
    int rc = fnet_import_source(&x->im, x->a.data, blank(pub) ? NULL : pub,
                                NULL, NULL, line, &s);
    if (rc == FNET_OK)
        *id = x->im.c->sources[s].id;
    return rc;
}

/* The evidence of an event, one copy for all its facts: the "Event Text",
 * else the "Headline", else a generated line. NULL when out of memory. */
static const char *polecat_evidence(ev *x, int kind)
{
    const char *v = pcell(x, P_TEXT);
    if (blank(v))
        v = pcell(x, P_HEADLINE);
    fnet_buf_reset(&x->tmp);
    if (!blank(v))
        fnet_buf_puts(&x->tmp, v);
    else {
        const char *id = pcell(x, P_ID), *mode = pcell(x, P_MODE);
        fnet_buf_printf(&x->tmp, "POLECAT event%s%s: %s -> %s: %s%s%s%s",
                        blank(id) ? "" : " ", id, pcell(x, P_ACTOR),
                        pcell(x, P_RECIP), plover_types[kind].type,
                        blank(mode) ? "" : " (", mode, blank(mode) ? "" : ")");
    }
    return fnet_import_str(&x->im, fnet_buf_str(&x->tmp), x->tmp.len);
}

/* The fields of a row against the header's n_cols: more is fine when the
 * extra ones are blank (some Dataverse files end rows with extra tabs). */
static bool polecat_width(ev *x, size_t n_cols, uint32_t line)
{
    size_t n = x->r.n_fields;
    bool extra = false;
    for (size_t i = n_cols; i < n && !extra; i++)
        extra = !blank(x->r.fields[i].text);
    if (n >= n_cols && !extra)
        return true;
    fnet_import_error(&x->im, line, NULL,
                      "expected %zu fields (as in the header), got %zu%s",
                      n_cols, x->r.n_fields,
                      x->r.n_fields < n_cols
                          ? "; some POLECAT files name more columns in their "
                            "header than their rows have: remove the extra "
                            "names from the header"
                          : "");
    return false;
}

/* One fact per actor and recipient of the event (an actor that is its own
 * recipient gives none; an event with no other pair is skipped and
 * counted), all sharing the evidence, the attributes, the id and the
 * corpus's strings of the names, so that a row of 16 x 16 names costs no
 * more than its cells once (docs/LIMITS.md). */
static int polecat_facts(ev *x, int kind, int intensity_col,
                         const fnet_date *date, uint32_t line,
                         const char *const *actors, size_t n_a,
                         const char *const *recips, size_t n_r)
{
    const char *src, *evidence = NULL, *fact_id = NULL;
    const char *rel = plover_types[kind].name; /* static: outlives c */
    const char *id = pcell(x, P_ID);
    const char *a_id[FNET_MAX_EVENT_ACTORS], *r_id[FNET_MAX_EVENT_ACTORS];
    int sign = plover_sign(kind, pcell(x, P_QUAD));
    fnet_attr *attrs = NULL;
    uint32_t n_attrs = 0;
    bool first = true;
    size_t pairs = 0;
    for (size_t i = 0; i < n_a; i++)
        for (size_t j = 0; j < n_r; j++)
            pairs += strcmp(actors[i], recips[j]) != 0;
    if (pairs == 0) {
        skip(x, line, "actor is its own recipient");
        return FNET_OK;
    }
    int rc = event_relation(x, rel, plover_types[kind].sign,
                            "PLOVER event type", line);
    if (rc == FNET_OK)
        rc = polecat_source(x, line, &src);
    for (size_t i = 0; i < n_a && rc == FNET_OK; i++)
        rc = polecat_entity(x, actors[i], i, n_a, P_ACTOR_COUNTRY,
                            P_ACTOR_SECTOR, line, &a_id[i]);
    for (size_t j = 0; j < n_r && rc == FNET_OK; j++)
        rc = polecat_entity(x, recips[j], j, n_r, P_RECIP_COUNTRY,
                            P_RECIP_SECTOR, line, &r_id[j]);
    for (size_t i = 0; i < n_a && rc == FNET_OK; i++)
        for (size_t j = 0; j < n_r && rc == FNET_OK; j++) {
            if (strcmp(actors[i], recips[j]) == 0)
                continue;
            fnet_fact *f;
            if (first && (!(evidence = polecat_evidence(x, kind)) ||
                          (!blank(id) && !(fact_id = fnet_import_str(
                                               &x->im, id, strlen(id))))))
                return FNET_ENOMEM;
            rc = fnet_import_fact_shared(&x->im, line, a_id[i], rel, r_id[j],
                                         src, &f);
            if (rc)
                return rc;
            f->date = *date;
            f->sign = sign;
            f->evidence = evidence;
            f->id = fact_id;
            if (first) {
                rc = polecat_attrs(x, f, intensity_col);
                attrs = f->attrs;
                n_attrs = f->n_attrs;
            } else
                fnet_import_fact_attrs_shared(f, attrs, n_attrs);
            first = false;
        }
    return rc;
}

/* The event's date, type and intensity; *kind and *intensity_col set.
 * False after reporting an error. */
static bool polecat_check(ev *x, uint32_t line, fnet_date *date, int *kind,
                          int *intensity_col)
{
    char why[300];
    bool ok = true;
    if (!fnet_import_date(pcell(x, P_DATE), date, why, sizeof why)) {
        fnet_import_error(&x->im, line, "column \"Event Date\"", "%s", why);
        ok = false;
    }
    const char *type = pcell(x, P_TYPE);
    if ((*kind = plover_kind(type)) < 0) {
        fnet_import_error(&x->im, line, "column \"Event Type\"",
                          "expected a PLOVER event type (AGREE, CONSULT, "
                          "SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, "
                          "DEMAND, ACCUSE, REJECT, THREATEN, PROTEST, "
                          "SANCTION, MOBILIZE, COERCE or ASSAULT), got %s",
                          fnet_import_quote(&x->im, 0, type));
        ok = false;
    }
    *intensity_col = x->col[P_INTENSITY] >= 0 ? P_INTENSITY : P_INTENSITY2;
    const char *v = pcell(x, *intensity_col);
    double d;
    if (!blank(v) &&
        !number(x, line,
                *intensity_col == P_INTENSITY ? "column \"Intensity\""
                                              : "column \"Event Intensity\"",
                v, &d))
        ok = false;
    return ok;
}

static int polecat_row(ev *x, size_t n_cols)
{
    uint32_t line = x->r.rec_line;
    if (!polecat_width(x, n_cols, line))
        return FNET_OK;
    const char *actors[FNET_MAX_EVENT_ACTORS], *recips[FNET_MAX_EVENT_ACTORS];
    size_t n_a = split_names(&x->names[0], pcell(x, P_ACTOR), actors,
                             FNET_MAX_EVENT_ACTORS);
    size_t n_r = split_names(&x->names[1], pcell(x, P_RECIP), recips,
                             FNET_MAX_EVENT_ACTORS);
    if (!fnet_buf_ok(&x->names[0]) || !fnet_buf_ok(&x->names[1]))
        return FNET_ENOMEM;
    if (n_a == 0) {
        skip(x, line, "blank actor");
        return FNET_OK;
    }
    if (n_r == 0) {
        skip(x, line, "no recipient");
        return FNET_OK;
    }
    if (n_a > FNET_MAX_EVENT_ACTORS || n_r > FNET_MAX_EVENT_ACTORS) {
        bool a = n_a > FNET_MAX_EVENT_ACTORS;
        fnet_import_error(&x->im, line,
                          a ? "column \"Actor Name\""
                            : "column \"Recipient Name\"",
                          "%zu names, more than the limit of %d per event",
                          a ? n_a : n_r, FNET_MAX_EVENT_ACTORS);
        return FNET_OK;
    }
    fnet_date date;
    int kind, intensity_col;
    if (!polecat_check(x, line, &date, &kind, &intensity_col))
        return FNET_OK;
    return polecat_facts(x, kind, intensity_col, &date, line, actors, n_a,
                         recips, n_r);
}

/* ---- files ------------------------------------------------------------ */

/* The header of an ICEWS, ACLED or POLECAT file (see read_header). */
static int format_header(ev *x, int format, bool *ok)
{
    static const int icews_req[] = {I_SRC, I_TGT, I_DATE, I_CODE};
    static const int acled_req[] = {A_ACTOR1, A_ACTOR2, A_DATE, A_TYPE};
    static const int polecat_req[] = {P_ACTOR, P_RECIP, P_DATE, P_TYPE};
    if (format == FNET_EVENTS_ICEWS)
        return read_header(x, "ICEWS", icews_names, I_N, icews_req, 4,
                           "an ICEWS event file has Source Name, Target "
                           "Name, Event Date and CAMEO Code",
                           ok);
    if (format == FNET_EVENTS_ACLED)
        return read_header(x, "ACLED", acled_names, A_N, acled_req, 4,
                           "an ACLED export has actor1, actor2, "
                           "event_date and event_type",
                           ok);
    return read_header(x, "POLECAT", polecat_names, P_N, polecat_req, 4,
                       "a POLECAT file has Actor Name, Recipient Name, "
                       "Event Date and Event Type",
                       ok);
}

static int run(ev *x, int format)
{
    int rc = FNET_OK, got;
    size_t n_cols = 0;
    if (format != FNET_EVENTS_GDELT) {
        bool ok;
        rc = format_header(x, format, &ok);
        if (rc || !ok)
            return rc;
        n_cols = x->r.n_fields;
    }
    while (rc == FNET_OK && (got = fnet_csv_next(&x->r)) != 0) {
        if (got == -1) {
            fnet_import_syntax(&x->im, x->r.err_line, x->r.err_col, "%s",
                               x->r.err_msg);
            continue;
        }
        if (got < 0)
            return got;
        rc = format == FNET_EVENTS_GDELT   ? gdelt_row(x)
             : format == FNET_EVENTS_ICEWS ? icews_row(x, n_cols)
             : format == FNET_EVENTS_ACLED ? acled_row(x, n_cols)
                                           : polecat_row(x, n_cols);
    }
    return rc == FNET_OK ? fnet_import_skipped_flush(&x->im) : rc;
}

int fnet_import_events_buffer(fnet_corpus *c, const char *name,
                              const char *data, size_t len, int format,
                              const fnet_import_opts *o, fnet_diag *d,
                              fnet_err *err)
{
    int rc = fnet_import_events_check(o, err);
    if (rc)
        return rc;
    ev x = {0};
    x.mentions =
        o && o->event_weight && strcmp(o->event_weight, "mentions") == 0;
    x.fatalities = format == FNET_EVENTS_ACLED && o && o->event_weight &&
                   strcmp(o->event_weight, "fatalities") == 0;
    if (fnet_importer_begin(&x.im, c, d, name) != FNET_OK)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    /* ACLED and POLECAT: the separator that splits the header into the
     * format's columns; GDELT and ICEWS are tab-separated. */
    char sep = '\t';
    const char *nl = memchr(data, '\n', len);
    size_t head = nl ? (size_t)(nl - data) : len;
    if (format == FNET_EVENTS_ACLED)
        sep = acled_sep(data, head) ? acled_sep(data, head) : ',';
    if (format == FNET_EVENTS_POLECAT)
        sep = polecat_sep(data, head) ? polecat_sep(data, head) : '\t';
    fnet_csv_init(&x.r, data, len, sep,
                  format == FNET_EVENTS_ACLED || format == FNET_EVENTS_POLECAT);
    fnet_csv_limit(&x.r, &c->limits);
    rc = run(&x, format);
    fnet_csv_free(&x.r);
    fnet_importer_end(&x.im);
    fnet_buf_free(&x.a);
    fnet_buf_free(&x.b);
    fnet_buf_free(&x.tmp);
    fnet_buf_free(&x.names[0]);
    fnet_buf_free(&x.names[1]);
    if (rc && rc != FNET_EDATA) /* FNET_EDATA: a limit, reported */
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    return FNET_OK;
}

int fnet_import_gdelt_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_buffer(c, name, data, len, FNET_EVENTS_GDELT, o,
                                     d, err);
}

int fnet_import_icews_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_buffer(c, name, data, len, FNET_EVENTS_ICEWS, o,
                                     d, err);
}

int fnet_import_acled_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err)
{
    return fnet_import_events_buffer(c, name, data, len, FNET_EVENTS_ACLED, o,
                                     d, err);
}

int fnet_import_polecat_buffer(fnet_corpus *c, const char *name,
                               const char *data, size_t len,
                               const fnet_import_opts *o, fnet_diag *d,
                               fnet_err *err)
{
    return fnet_import_events_buffer(c, name, data, len, FNET_EVENTS_POLECAT, o,
                                     d, err);
}

int fnet_import_events_file(fnet_corpus *c, const char *path, int format,
                            const fnet_import_opts *o, fnet_diag *d,
                            fnet_err *err)
{
    char *data;
    size_t len;
    const char *name;
    int rc = fnet_import_read_input(c, path, d, &name, &data, &len, err);
    if (rc || !data)
        return rc;
    rc = fnet_import_events_buffer(c, name, data, len, format, o, d, err);
    free(data);
    return rc;
}

/* agree_table.c - `factnet agree`'s tables and disagreement list
 * (agree_table.h). */
#include "output/tables/agree_table.h"

#include "core/buf.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const fnet_agree_table_names[] = {
    "pairs",    "alpha",         "relations", "sources",
    "entities", "disagreements", NULL};

/* ---- the tables -------------------------------------------------------- */

typedef struct col {
    const char *name, *header;
    int kind;
} col;

static int make(fnet_table **out, const col *cols, size_t n, bool people)
{
    fnet_table_col c[16] = {{0}};
    int rc;
    for (size_t i = 0; i < n; i++)
        c[i] = (fnet_table_col){cols[i].name, cols[i].kind};
    if ((rc = fnet_table_new(out, c, n)) != 0)
        return rc;
    for (size_t i = 0; people && i < n; i++)
        if ((rc = fnet_table_set_header(*out, i, cols[i].header)) != 0)
            return rc;
    return 0;
}

/* make() with only the columns keep[0..n_keep) of all (every column when
 * keep is NULL); at[c] gets the table's index of column c of all, or -1. */
static int make_some(fnet_table **out, const col *all, size_t n_all,
                     const size_t *keep, size_t n_keep, bool people, int *at)
{
    col cols[16] = {{0}};
    size_t n = keep ? n_keep : n_all;
    for (size_t c = 0; c < n_all; c++)
        at[c] = -1;
    for (size_t c = 0; c < n; c++) {
        size_t src = keep ? keep[c] : c;
        at[src] = (int)c;
        cols[c] = all[src];
    }
    return make(out, cols, n, people);
}

#define S FNET_COL_STRING
#define I FNET_COL_INTEGER
#define R FNET_COL_REAL
#define N_OF(a) (sizeof(a) / sizeof(a)[0])

static const col pair_cols[] = {
    {"coder_a", "Coder A", S},
    {"coder_b", "Coder B", S},
    {"units_a", "A coded", I},
    {"units_b", "B coded", I},
    {"both", "Both coded", I},
    {"agreed", "Agreed", I},
    {"only_a", "Only A", I},
    {"only_b", "Only B", I},
    {"precision", "Precision", R},
    {"recall", "Recall", R},
    {"f1", "F1", R},
    {"kappa", "Kappa", R},
    {"alpha", "Alpha", R},
};

/* The pairs table's columns in latex, which must fit a column: who, the
 * units agreed, F1, kappa and alpha. */
static const size_t latex_pair_cols[] = {0, 1, 5, 10, 11, 12};

static int pair_row(fnet_table *t, const fnet_agree *a,
                    const fnet_agree_pair *p, bool pooled, const int *at)
{
    size_t r;
    int rc = fnet_table_add_row(t, &r);
    const char *who[2] = {pooled ? "all pairs" : a->coders[p->i].name,
                          pooled ? "(pooled)" : a->coders[p->j].name};
    for (int c = 0; !rc && c < 2; c++)
        rc = fnet_table_set_str(t, r, (size_t)at[c], who[c]);
    if (rc)
        return rc;
    const int64_t ints[] = {(int64_t)p->n_i,
                            (int64_t)p->n_j,
                            (int64_t)p->both,
                            (int64_t)p->matched,
                            (int64_t)(p->n_i - p->both),
                            (int64_t)(p->n_j - p->both)};
    for (size_t i = 0; i < N_OF(ints); i++)
        if (at[2 + i] >= 0)
            fnet_table_set_int(t, r, (size_t)at[2 + i], ints[i]);
    const double reals[] = {p->precision, p->recall, p->f1, p->kappa,
                            p->alpha_relation};
    for (size_t i = 0; i < N_OF(reals); i++)
        if (at[8 + i] >= 0)
            fnet_table_set_real(t, r, (size_t)at[8 + i], reals[i]);
    return 0;
}

static int pairs_table(const fnet_agree *a, bool people, bool compact,
                       fnet_table **out)
{
    int at[N_OF(pair_cols)];
    int rc = make_some(out, pair_cols, N_OF(pair_cols),
                       compact ? latex_pair_cols : NULL, N_OF(latex_pair_cols),
                       people, at);
    for (size_t i = 0; !rc && i < a->n_pairs; i++)
        rc = pair_row(*out, a, &a->pairs[i], false, at);
    if (!rc && a->n_pairs > 1)
        rc = pair_row(*out, a, &a->pooled, true, at);
    if (!rc && compact)
        fnet_table_mark_wrap(*out, 0);
    return rc;
}

static const col alpha_cols[] = {
    {"variable", "Variable", S}, {"level", "Level", S}, {"units", "Units", I},
    {"values", "Values", I},     {"alpha", "Alpha", R},
};

static int alpha_table(const fnet_agree *a, bool people, fnet_table **out)
{
    int rc = make(out, alpha_cols, N_OF(alpha_cols), people);
    for (size_t i = 0; !rc && i < a->n_alpha; i++) {
        const fnet_agree_alpha_row *x = &a->alpha[i];
        size_t r;
        if ((rc = fnet_table_add_row(*out, &r)) == 0)
            rc = fnet_table_set_str(*out, r, 0, x->variable);
        if (!rc)
            rc = fnet_table_set_str(
                *out, r, 1,
                x->level == FNET_AGREE_INTERVAL ? "interval" : "nominal");
        fnet_table_set_int(*out, r, 2, (int64_t)x->units);
        fnet_table_set_int(*out, r, 3, (int64_t)x->values);
        fnet_table_set_real(*out, r, 4, x->alpha);
    }
    if (!rc) {
        fnet_table_mark_factnet_text(*out, 0);
        fnet_table_mark_factnet_text(*out, 1);
    }
    return rc;
}

static const col group_cols[] = {
    {"name", NULL, S},     {"units", "Units", I},   {"by_all", "By all", I},
    {"coded", "Coded", I}, {"agreed", "Agreed", I}, {"f1", "F1", R},
    {"alpha", "Alpha", R},
};

/* Per relation or per source; compact (latex, which must fit a column)
 * leaves out the pair sums coded and agreed. */
static int group_table(const fnet_agree_group *g, size_t n, const char *name,
                       const char *header, bool with_alpha, bool people,
                       bool compact, fnet_table **out)
{
    col cols[N_OF(group_cols)] = {{0}};
    int at[N_OF(group_cols)];
    size_t nc = 0;
    for (size_t c = 0; c < N_OF(group_cols); c++) {
        bool shown = (with_alpha || c != 6) && (!compact || (c != 3 && c != 4));
        at[c] = shown ? (int)nc : -1;
        if (shown)
            cols[nc++] = group_cols[c];
    }
    cols[0].name = name;
    cols[0].header = header;
    int rc = make(out, cols, nc, people);
    for (size_t i = 0; !rc && i < n; i++) {
        const int64_t ints[] = {(int64_t)g[i].units, (int64_t)g[i].by_all,
                                (int64_t)g[i].coded, (int64_t)g[i].matched};
        size_t r;
        if ((rc = fnet_table_add_row(*out, &r)) == 0)
            rc = fnet_table_set_str(*out, r, 0, g[i].name);
        for (size_t c = 0; c < N_OF(ints); c++)
            if (at[1 + c] >= 0)
                fnet_table_set_int(*out, r, (size_t)at[1 + c], ints[c]);
        fnet_table_set_real(*out, r, (size_t)at[5], g[i].f1);
        if (at[6] >= 0)
            fnet_table_set_real(*out, r, (size_t)at[6], g[i].alpha);
    }
    if (!rc)
        fnet_table_mark_wrap(*out, 0);
    return rc;
}

static const col named_cols[] = {
    {"coder_a", "Coder A", S},    {"coder_b", "Coder B", S},
    {"entities_a", "A named", I}, {"entities_b", "B named", I},
    {"agreed", "Both named", I},  {"only_a", "Only A", I},
    {"only_b", "Only B", I},      {"f1", "F1", R},
};

/* The entities each pair named; compact (latex): coders, both, F1. */
static int named_table(const fnet_agree *a, bool people, bool compact,
                       fnet_table **out)
{
    static const size_t latex_cols[] = {0, 1, 4, 7};
    int at[N_OF(named_cols)];
    int rc =
        make_some(out, named_cols, N_OF(named_cols),
                  compact ? latex_cols : NULL, N_OF(latex_cols), people, at);
    for (size_t p = 0; !rc && p < a->n_pairs; p++) {
        const fnet_agree_named *x = &a->named[p];
        const int64_t ints[] = {
            (int64_t)x->n_i, (int64_t)x->n_j, (int64_t)x->matched,
            (int64_t)(x->n_i - x->matched), (int64_t)(x->n_j - x->matched)};
        size_t r;
        if ((rc = fnet_table_add_row(*out, &r)) == 0)
            rc = fnet_table_set_str(*out, r, (size_t)at[0],
                                    a->coders[x->i].name);
        if (!rc)
            rc = fnet_table_set_str(*out, r, (size_t)at[1],
                                    a->coders[x->j].name);
        for (size_t c = 0; c < N_OF(ints); c++)
            if (at[2 + c] >= 0)
                fnet_table_set_int(*out, r, (size_t)at[2 + c], ints[c]);
        fnet_table_set_real(*out, r, (size_t)at[7], x->f1);
    }
    if (!rc && compact)
        fnet_table_mark_wrap(*out, 0);
    return rc;
}

/* ---- disagreements ----------------------------------------------------- */

static const col dis_cols[] = {
    {"unit", "#", I},      {"source", "Source", S}, {"issue", "Issue", S},
    {"coder", "Coder", S}, {"fact", "Fact", S},     {"quote", "Quote", S},
    {"where", "Where", S},
};

/* A unit the list shows: not every coder agrees under the match. */
static bool listed(const fnet_agree *a, uint64_t u)
{
    int issue = a->issue[u];
    if (issue == FNET_AGREE_OK)
        return false;
    return a->match != FNET_AGREE_PAIR || issue == FNET_AGREE_MISSING;
}

static const char *label(const fnet_agree *a, uint32_t e)
{
    const fnet_agree_entity *x = &a->entities[e];
    return a->coders[x->coder].c->entities[x->index].label;
}

/* "Japan supports ASEAN", in the matched entities' labels (the first
 * coder's), with the sign when it is not the relation's and the stance. */
static void fact_text(const fnet_agree *a, const fnet_agree_unit *u, uint32_t k,
                      fnet_buf *b)
{
    const fnet_corpus *c = a->coders[k].c;
    const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
    fnet_buf_reset(b);
    if (!f) {
        fnet_buf_puts(b, "(not coded)");
        return;
    }
    if (a->by == FNET_AGREE_BY_PAIR) {
        fnet_buf_printf(b, "%s - %s: %s", label(a, u->a), label(a, u->b),
                        u->value[k]);
        return;
    }
    if (a->by == FNET_AGREE_BY_ENTITY) {
        fnet_buf_printf(b, "%s: %s", label(a, u->a),
                        *u->value[k] ? u->value[k] : "(no type)");
        return;
    }
    const fnet_relation *rel = &c->relations[f->relation];
    bool rev = u->reversed[k];
    fnet_buf_printf(b, "%s %s %s", label(a, rev ? u->b : u->a), rel->name,
                    label(a, rev ? u->a : u->b));
    if (fnet_fact_sign(c, f) != rel->sign)
        fnet_buf_printf(b, " (sign %s)", fnet_fact_sign(c, f) > 0 ? "+" : "-");
    if (f->stance != FNET_NO_STANCE)
        fnet_buf_printf(b, " (stance %d)", (int)f->stance);
}

/* "relation", "direction", ...; for a unit some coder left out, "only
 * alice" or "not coded by carol, dave". */
static void issue_text(const fnet_agree *a, uint64_t i, const uint64_t *num,
                       fnet_buf *b)
{
    const fnet_agree_unit *u = &a->units[i];
    uint32_t present = 0, last = 0;
    fnet_buf_reset(b);
    if (a->issue[i] != FNET_AGREE_MISSING) {
        fnet_buf_puts(b, fnet_agree_issue_name(a->issue[i]));
        return;
    }
    for (uint32_t k = 0; k < a->n_coders; k++)
        if (u->fact[k] >= 0) {
            present++;
            last = k;
        }
    if (present == 1) {
        fnet_buf_printf(b, "only %s", a->coders[last].name);
    } else {
        fnet_buf_puts(b, "not coded by ");
        for (uint32_t k = 0, n = 0; k < a->n_coders; k++)
            if (u->fact[k] < 0)
                fnet_buf_printf(b, "%s%s", n++ ? ", " : "", a->coders[k].name);
    }
    if (a->apart[i] >= 0)
        fnet_buf_printf(b, "; the same fact, quoted apart, is #%" PRIu64,
                        num[a->apart[i]]);
}

/* One row per coder of each listed unit. For people (md, latex) the unit,
 * source and issue are written on the unit's first row only. */
static int dis_table(const fnet_agree *a, bool people, fnet_table **out,
                     uint64_t *n_listed)
{
    fnet_buf b = {0};
    uint64_t n = 0;
    uint64_t *num = calloc((size_t)a->n_units + 1, sizeof *num);
    int rc = num ? make(out, dis_cols, N_OF(dis_cols), people) : FNET_ENOMEM;
    /* the numbers first: an issue may refer to a later unit */
    for (uint64_t i = 0; num && i < a->n_units; i++)
        num[i] = listed(a, i) ? ++n : 0;
    n = 0;
    for (uint64_t i = 0; !rc && i < a->n_units; i++) {
        const fnet_agree_unit *u = &a->units[i];
        if (!listed(a, i))
            continue;
        n++;
        for (uint32_t k = 0; !rc && k < a->n_coders; k++) {
            const fnet_fact *f = fnet_agree_unit_fact(a, u, k);
            size_t r;
            if ((rc = fnet_table_add_row(*out, &r)) != 0)
                break;
            if (k == 0 || !people) {
                fnet_table_set_int(*out, r, 0, (int64_t)n);
                rc = fnet_table_set_str(*out, r, 1, a->sources[u->source]);
                issue_text(a, i, num, &b);
                if (!rc)
                    rc = fnet_table_set_str(*out, r, 2, fnet_buf_str(&b));
            }
            if (!rc)
                rc = fnet_table_set_str(*out, r, 3, a->coders[k].name);
            fact_text(a, u, k, &b);
            if (!rc)
                rc = fnet_table_set_str(*out, r, 4, fnet_buf_str(&b));
            const char *quote = u->quote ? u->quote[k] : f ? f->evidence : NULL;
            if (!rc && quote)
                rc = fnet_table_set_str(*out, r, 5, quote);
            if (!rc && f) {
                fnet_fact_cite(a->coders[k].c, f, &b);
                rc = fnet_table_set_str(*out, r, 6, fnet_buf_str(&b));
            }
            if (!rc && !fnet_buf_ok(&b))
                rc = FNET_ENOMEM;
        }
    }
    if (!rc) {
        fnet_table_mark_wrap(*out, 5);
    }
    if (n_listed)
        *n_listed = n;
    free(num);
    fnet_buf_free(&b);
    return rc;
}

/* ---- writers ----------------------------------------------------------- */

static int build(const fnet_agree *a, int which, bool people, bool latex,
                 fnet_table **t, uint64_t *n_listed)
{
    switch (which) {
    case FNET_AGREE_TABLE_PAIRS: return pairs_table(a, people, latex, t);
    case FNET_AGREE_TABLE_ALPHA: return alpha_table(a, people, t);
    case FNET_AGREE_TABLE_RELATIONS:
        return group_table(a->relations, a->n_relations, "relation", "Relation",
                           false, people, latex, t);
    case FNET_AGREE_TABLE_SOURCES:
        return group_table(a->by_source, a->n_sources, "source", "Source", true,
                           people, latex, t);
    case FNET_AGREE_TABLE_ENTITIES: return named_table(a, people, latex, t);
    default: return dis_table(a, people, t, n_listed);
    }
}

static const char *match_words(const fnet_agree *a)
{
    if (a->by == FNET_AGREE_BY_PAIR)
        return "by pair (the set of relations each coder coded between an "
               "entity pair in a source)";
    if (a->by == FNET_AGREE_BY_ENTITY)
        return "by entity (the type of each entity a coder's facts name in "
               "a source)";
    switch (a->match) {
    case FNET_AGREE_SPAN:
        return "span (same subject, relation, object, sign and stance, "
               "overlapping quotes)";
    case FNET_AGREE_PAIR: return "pair (same entity pair, any relation)";
    default: return "exact (same subject, relation, object, sign and stance)";
    }
}

static const char *const md_headings[] = {
    "Coder pairs", "Krippendorff's alpha", "By relation",
    "By source",   "Entities named",       "Disagreements"};

static const char *const md_notes[] = {
    "A coded, B coded: units each coder coded in the shared sources. "
    "Agreed: units both coded alike under the match. Precision = agreed / A "
    "coded, recall = agreed / B coded, F1 = 2 agreed / (A coded + B coded). "
    "Kappa (Cohen's) and alpha (Krippendorff's): the relation over the units "
    "both coded. Empty: "
    "undefined (docs/AGREEMENT.md).",
    "Alpha over the units two coders or more coded: the relation and the "
    "sign are nominal, the stance interval. 0.800 or "
    "more: reliable; 0.667 to 0.800: tentative conclusions only "
    "(Krippendorff 2004).",
    "Units: units where a coder coded the relation; by all: units every "
    "coder coded with it. Coded, agreed: summed over coder pairs; agreed "
    "when both coded the relation in the unit. F1 = 2 agreed / coded.",
    "By all: units every coder coded. Coded, agreed: summed over coder "
    "pairs under the match; F1 = 2 agreed / coded; alpha of the relation.",
    "Entities each coder's facts name (as subject or object), counted once "
    "per shared source; F1 = 2 both named / (A named + B named).",
    NULL,
};

/* The coder pairs' note with --by pair and entity. */
static const char *const by_note[] = {
    "A coded, B coded: entity pairs each coder's facts join in the shared "
    "sources. Agreed: pairs both coded with the same set of relations. "
    "Precision = agreed / A coded, recall = agreed / B coded, F1 = 2 agreed "
    "/ (A coded + B coded). Kappa (Cohen's) and alpha (Krippendorff's): the "
    "set of relations, nominal, over the pairs both coded. Empty: undefined "
    "(docs/AGREEMENT.md).",
    "A coded, B coded: entities each coder's facts name in the shared "
    "sources. Agreed: entities both named with the same type. Precision = "
    "agreed / A coded, recall = agreed / B coded, F1 = 2 agreed / (A coded "
    "+ B coded). Kappa (Cohen's) and alpha (Krippendorff's): the type, "
    "nominal, over the entities both named. Empty: undefined "
    "(docs/AGREEMENT.md).",
    "Alpha (nominal) over the units two coders or more coded. 0.800 or "
    "more: reliable; 0.667 to 0.800: tentative conclusions only "
    "(Krippendorff 2004).",
    "By all: units every coder coded. Coded, agreed: summed over coder "
    "pairs; agreed when both coded the unit with the same value; F1 = 2 "
    "agreed / coded; alpha of the value (nominal).",
};

/* The sentence a paper reports (docs/AGREEMENT.md, "What to report"). */
static void report_line(const fnet_agree *a, FILE *fp)
{
    char al[64], f1[64];
    fnet_table_format_real(al, sizeof al, a->alpha[0].alpha, 3);
    fnet_table_format_real(f1, sizeof f1, a->pooled.f1, 3);
    fprintf(fp,
            "\nTo report: Krippendorff's alpha (%s, nominal) = %s over "
            "%" PRIu64 " units coded by two coders or more; F1 = %s (%s "
            "%s, %u coders, %u source%s).\n",
            a->alpha[0].variable, al[0] ? al : "undefined", a->alpha[0].units,
            f1[0] ? f1 : "undefined",
            a->by ? fnet_agree_by_names[a->by]
                  : fnet_agree_match_names[a->match],
            a->by ? "units" : "match", a->n_coders, a->n_sources,
            a->n_sources == 1 ? "" : "s");
}

static int write_md(const fnet_agree *a, const fnet_agree_write_opts *o,
                    FILE *fp, fnet_err *err)
{
    uint64_t units_all = 0;
    int rc = 0;
    for (uint64_t i = 0; i < a->n_units; i++) {
        bool all = true;
        for (uint32_t k = 0; k < a->n_coders; k++)
            all &= a->units[i].fact[k] >= 0;
        units_all += all;
    }
    fputs("# Intercoder agreement\n\n", fp);
    fprintf(fp, "%u coders: ", a->n_coders);
    for (uint32_t k = 0; k < a->n_coders; k++) {
        fputs(k ? ", " : "", fp);
        const fnet_corpus *c = a->coders[k].c;
        fnet_table_put_md(fp, a->coders[k].name);
        fputs(" (", fp);
        fnet_table_put_md(fp, c->n_files ? c->files[0] : "-");
        fprintf(fp, ": %" PRIu64 " facts", a->n_facts[k]);
        if (a->n_outside[k])
            fprintf(fp, "; %" PRIu64 " more outside the shared sources",
                    a->n_outside[k]);
        fputs(")", fp);
    }
    fprintf(fp,
            ".\nMatch: %s. %u shared source%s, %" PRIu64 " units, %" PRIu64
            " coded by every coder.\n",
            match_words(a), a->n_sources, a->n_sources == 1 ? "" : "s",
            a->n_units, units_all);
    report_line(a, fp);
    for (int w = 0; !rc && w <= FNET_AGREE_TABLE_DISAGREEMENTS; w++) {
        fnet_table *t = NULL;
        fnet_agree_write_opts so = *o;
        uint64_t listed_n = 0;
        so.style.note = md_notes[w];
        if (a->by && w == FNET_AGREE_TABLE_RELATIONS)
            continue; /* the value is the relations: no breakdown */
        if (a->by && w == FNET_AGREE_TABLE_PAIRS)
            so.style.note = by_note[a->by == FNET_AGREE_BY_ENTITY];
        if (a->by && w == FNET_AGREE_TABLE_ALPHA)
            so.style.note = by_note[2];
        if (a->by && w == FNET_AGREE_TABLE_SOURCES)
            so.style.note = by_note[3];
        rc = build(a, w, true, false, &t, &listed_n);
        if (rc) {
            fnet_err_set(err, rc, "out of memory");
        } else if (w == FNET_AGREE_TABLE_DISAGREEMENTS) {
            fprintf(fp, "\n## %s (%" PRIu64 " units)\n\n", md_headings[w],
                    listed_n);
            if (listed_n)
                rc = fnet_table_write(t, fp, &so.style, err);
            else
                fputs("None: every coder coded every unit alike.\n", fp);
        } else {
            fprintf(fp, "\n## %s\n\n", md_headings[w]);
            rc = fnet_table_write(t, fp, &so.style, err);
        }
        fnet_table_free(t);
    }
    return rc;
}

static int write_json(const fnet_agree *a, const fnet_agree_write_opts *o,
                      FILE *fp, fnet_err *err)
{
    int rc = 0;
    fputs("{\"coders\": [", fp);
    for (uint32_t k = 0; k < a->n_coders; k++) {
        fputs(k ? ", " : "", fp);
        fputc('"', fp);
        for (const char *s = a->coders[k].name; *s; s++) {
            unsigned char ch = (unsigned char)*s;
            if (ch == '"' || ch == '\\')
                fprintf(fp, "\\%c", ch);
            else if (ch < 0x20)
                fprintf(fp, "\\u%04x", ch);
            else
                fputc(ch, fp);
        }
        fputc('"', fp);
    }
    fprintf(fp, "],\n\"match\": \"%s\"", fnet_agree_match_names[a->match]);
    if (a->by) /* absent with --by fact, as before --by */
        fprintf(fp, ",\n\"by\": \"%s\"", fnet_agree_by_names[a->by]);
    for (int w = 0; !rc && w <= FNET_AGREE_TABLE_DISAGREEMENTS; w++) {
        fnet_table *t = NULL;
        rc = build(a, w, false, false, &t, NULL);
        if (rc)
            fnet_err_set(err, rc, "out of memory");
        else {
            fprintf(fp, ",\n\"%s\": ", fnet_agree_table_names[w]);
            rc = fnet_table_write(t, fp, &o->style, err);
        }
        fnet_table_free(t);
    }
    if (!rc)
        fputs("}\n", fp);
    return rc;
}

int fnet_agree_write(FILE *fp, const fnet_agree *a,
                     const fnet_agree_write_opts *o, fnet_err *err)
{
    fnet_table *t = NULL;
    int rc;
    if (o->style.format == FNET_TABLE_MD)
        return write_md(a, o, fp, err);
    if (o->style.format == FNET_TABLE_JSON)
        return write_json(a, o, fp, err);
    rc = build(a, o->table, fnet_table_format_for_print(o->style.format),
               o->style.format == FNET_TABLE_LATEX, &t, NULL);
    if (rc)
        fnet_err_set(err, rc, "out of memory");
    else
        rc = fnet_table_write(t, fp, &o->style, err);
    fnet_table_free(t);
    return rc;
}

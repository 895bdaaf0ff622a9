/* agree.h - intercoder agreement: the facts of several coders' corpora
 * matched into units, and the reliability figures over them (F1,
 * Krippendorff's alpha, Cohen's kappa; docs/AGREEMENT.md). No I/O.
 *
 * Each coder is one resolved corpus, optionally restricted to the facts
 * whose attribute `coder` equals an id (a DNA database holds several
 * coders). Only the sources every coder cites count ("shared sources").
 *
 * Units. Entities are matched across coders through their ids, labels and
 * aliases (case-insensitive, white space folded, as the resolver reads
 * names; two entities of the same coder are never merged directly). In
 * each shared source, the facts of one unordered entity pair are aligned
 * into units holding at most one fact per coder, coder by coder in two
 * sweeps: first each fact joins the first unit without a fact of its
 * coder whose first fact it equals (same relation, direction, sign and
 * stance); then each fact left joins the first unit without a fact of
 * its coder, else a new unit. (For two coders, the equal facts matched
 * are as many as can be: the multiset intersection per pair.) With FNET_AGREE_SPAN a
 * fact joins only units whose facts' evidence overlaps its own (two quotes
 * of one text overlap when one contains the other or one ends with what
 * the other starts with, at least FNET_AGREE_MIN_OVERLAP bytes, compared
 * folded); a fact without evidence is taken to overlap.
 *
 * Agreement of two coders on a unit: both coded it and, for exact and
 * span, their facts are equal (relation, direction unless the relation is
 * undirected, sign, stance); for pair, both coded it.
 *
 * Ownership: fnet_agree borrows the coders' corpora, which must outlive
 * it; free it with fnet_agree_free(). */
#ifndef FNET_AGREE_H
#define FNET_AGREE_H

#include "core/arena.h"
#include "core/error.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fnet_agree_match { FNET_AGREE_EXACT, FNET_AGREE_SPAN, FNET_AGREE_PAIR };

/* The names of the matches (NULL-terminated), at their enum's index. */
extern const char *const fnet_agree_match_names[];

/* The unit of analysis (docs/AGREEMENT.md, "Units of analysis"): a fact
 * (the matching above); an unordered entity pair in a shared source,
 * whose value for a coder is the sorted set of relations it coded there
 * ("party_to+signed"); an entity in a shared source, whose value is the
 * type of the coder's record. A coder codes a pair or entity unit when one
 * of its facts in that source joins the pair or names the entity. */
enum fnet_agree_by {
    FNET_AGREE_BY_FACT,
    FNET_AGREE_BY_PAIR,
    FNET_AGREE_BY_ENTITY
};

/* The names of the units (NULL-terminated), at their enum's index. */
extern const char *const fnet_agree_by_names[];

#define FNET_AGREE_MIN_OVERLAP 4

/* Krippendorff's alpha's levels of measurement. */
enum fnet_agree_level { FNET_AGREE_NOMINAL, FNET_AGREE_INTERVAL };

/* One coder: a resolved corpus and an optional coder id. */
typedef struct fnet_agree_coder {
    const fnet_corpus *c;
    const char *name;  /* shown in the tables: the coder id or the file */
    const char *coder; /* NULL: every fact; else facts whose attribute
                          `coder` is this string */
} fnet_agree_coder;

/* A unit: one entity pair in one shared source, at most one fact per
 * coder (fact[k]: index into coder k's facts, or -1). With --by pair or
 * entity, fact[k] is coder k's first fact of the unit (its quote is the
 * one shown) and value[k] its value (NULL: not coded); with an entity
 * unit a == b. */
typedef struct fnet_agree_unit {
    uint32_t source;    /* index into fnet_agree.sources */
    uint32_t a, b;      /* matched entities (fnet_agree.entities), a <= b */
    int64_t *fact;      /* n_coders entries */
    bool *reversed;     /* n_coders entries: the fact's subject is b (a !=
                        b); only a directed relation makes it differ */
    const char **value; /* NULL with --by fact; else n_coders entries */
    const char **quote; /* --by pair: per coder, the distinct quotes of
                           its facts joined by " | " (NULL: none); else
                           NULL */
} fnet_agree_unit;

/* An entity as matched across coders: the first coder's record. */
typedef struct fnet_agree_entity {
    uint32_t coder; /* whose record names it */
    uint32_t index; /* into that coder's entities */
} fnet_agree_entity;

/* Figures of two coders i < j (or, pooled, of every pair). */
typedef struct fnet_agree_pair {
    uint32_t i, j;
    uint64_t n_i, n_j;     /* units each coded */
    uint64_t both;         /* units both coded */
    uint64_t matched;      /* units both coded and agreed on */
    double precision;      /* matched / n_i: i measured against j */
    double recall;         /* matched / n_j */
    double f1;             /* 2 matched / (n_i + n_j) */
    double kappa;          /* Cohen's kappa of the relation over `both` units */
    double alpha_relation; /* Krippendorff's alpha of these two coders */
} fnet_agree_pair;

/* The entities two coders i < j name (as subject or object of their
 * facts), source by source: did they find the same actors. */
typedef struct fnet_agree_named {
    uint32_t i, j;
    uint64_t n_i, n_j; /* (source, entity) pairs each named */
    uint64_t matched;  /* named by both */
    double f1;         /* 2 matched / (n_i + n_j) */
} fnet_agree_named;

/* Krippendorff's alpha of one variable over every coder. */
typedef struct fnet_agree_alpha_row {
    const char *variable; /* "relation", "sign", "stance" */
    int level;            /* enum fnet_agree_level */
    uint64_t units;       /* units with two values or more (pairable) */
    uint64_t values;      /* the values in those units */
    double alpha;         /* NaN: undefined (no variation, or no pairable
                             values) */
} fnet_agree_alpha_row;

/* Per relation or per source: pooled over coder pairs. */
typedef struct fnet_agree_group {
    const char *name; /* relation name, or source id */
    uint64_t units;   /* units in which some coder coded it */
    uint64_t by_all;  /* units every coder coded (with this relation) */
    uint64_t coded;   /* sum over pairs of n_i + n_j */
    uint64_t matched; /* sum over pairs of matched */
    double f1;        /* 2 matched / coded */
    double alpha;     /* source rows: alpha of the relation; relation
                           rows: NaN */
} fnet_agree_group;

/* What kind of disagreement a unit holds (the first that applies). */
enum fnet_agree_issue {
    FNET_AGREE_OK,        /* every coder coded it, equal facts */
    FNET_AGREE_MISSING,   /* some coder did not code it */
    FNET_AGREE_RELATION,  /* relations differ */
    FNET_AGREE_DIRECTION, /* same relation, opposite directions */
    FNET_AGREE_SIGN,      /* same relation and direction, signs differ */
    FNET_AGREE_STANCE,    /* only stances differ */
    FNET_AGREE_TYPE       /* --by entity: the types differ */
};

/* "agreed", "missing", "relation", "direction", "sign", "stance",
 * "type". */
const char *fnet_agree_issue_name(int issue);

typedef struct fnet_agree {
    const fnet_agree_coder *coders; /* borrowed */
    uint32_t n_coders;
    int match; /* enum fnet_agree_match */
    int by;    /* enum fnet_agree_by */

    const char **sources; /* the shared source ids, in the first coder's
                             order (strings of the first corpus) */
    uint32_t n_sources;
    uint64_t *n_facts;   /* per coder: facts counted (fact x source) */
    uint64_t *n_outside; /* per coder: facts citing no shared source */

    fnet_agree_entity *entities;
    uint32_t n_entities;

    fnet_agree_unit *units; /* by source, then entity pair, then order */
    uint64_t n_units;
    int *issue;     /* per unit: enum fnet_agree_issue */
    int64_t *apart; /* per unit: with span, a unit of the same pair and
                       source holding an equal fact of a coder this one
                       lacks (the same fact, quotes apart), or -1 */

    fnet_agree_pair *pairs; /* i < j, in order */
    size_t n_pairs;
    fnet_agree_pair pooled; /* i = j = 0: sums over pairs */

    fnet_agree_alpha_row alpha[3]; /* relation, sign, stance; with --by
                                      pair or entity only the value
                                      ("relations", "type") */
    size_t n_alpha;                /* stance only when a fact has one */

    fnet_agree_group *relations; /* by name; none with --by pair|entity */
    size_t n_relations;
    fnet_agree_group *by_source; /* in sources order */
    fnet_agree_named *named;     /* n_pairs, in pairs order */
    fnet_arena arena;            /* the units' arrays */
} fnet_agree;

/* Checks that coder->coder, when set, is the `coder` attribute of some
 * fact of coder->c. Returns 0, FNET_ENOMEM, or FNET_EDATA with err set to
 * "FILE: no fact has coder 'ID' (coders in the file: A, B; did you mean
 * 'B'?)". */
int fnet_agree_coder_check(const fnet_agree_coder *coder, fnet_err *err);

/* Matches the n coders' facts (n >= 2) and computes every figure. Returns
 * 0, FNET_ENOMEM, or FNET_EDATA with err set when the coders share no
 * source. The caller frees *out's contents with fnet_agree_free().
 * Cost: O(F log F) for F facts, plus O(k^2) per unit of k coders. */
int fnet_agree_compute(fnet_agree *out, const fnet_agree_coder *coders,
                       uint32_t n, int match, fnet_err *err);

/* As fnet_agree_compute, with the unit of analysis `by` (enum
 * fnet_agree_by; match must be exact unless by is FNET_AGREE_BY_FACT). */
int fnet_agree_compute_by(fnet_agree *out, const fnet_agree_coder *coders,
                          uint32_t n, int match, int by, fnet_err *err);

void fnet_agree_free(fnet_agree *a); /* zeroes it; NULL is allowed */

/* True when the facts of coders k and l in unit u agree under the match
 * (both present, and equal for exact and span; with --by pair or entity,
 * equal values). */
bool fnet_agree_unit_agrees(const fnet_agree *a, const fnet_agree_unit *u,
                            uint32_t k, uint32_t l);

/* The fact of coder k in unit u, or NULL. */
const fnet_fact *fnet_agree_unit_fact(const fnet_agree *a,
                                      const fnet_agree_unit *u, uint32_t k);

/* The coders that agree with the largest group of unit u: writes their
 * indices to who (room for n_coders) and returns how many (0 when no
 * coder coded it). Ties go to the group of the lowest coder. */
uint32_t fnet_agree_unit_majority(const fnet_agree *a, const fnet_agree_unit *u,
                                  uint32_t *who);

/* Krippendorff's alpha of a reliability matrix: values[u * n_coders + k]
 * is coder k's value for unit u, NaN when missing. Nominal values are
 * compared for equality, interval ones by squared difference. Units with
 * fewer than two values are left out. Writes alpha (NaN when the pairable
 * values do not vary or there are none), and, when not NULL, the pairable
 * units and values. Returns 0 or FNET_ENOMEM. O(V log V) for V values. */
int fnet_agree_alpha(const double *values, size_t n_units, size_t n_coders,
                     int level, double *alpha, uint64_t *units,
                     uint64_t *n_values);

/* Cohen's kappa of two coders' nominal values x[i], y[i] (n units, both
 * coded): (p_o - p_e) / (1 - p_e), NaN when p_e = 1 or n = 0. Returns 0 or
 * FNET_ENOMEM. */
int fnet_agree_kappa(const double *x, const double *y, size_t n, double *kappa);

#endif

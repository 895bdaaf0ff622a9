/* stance.h - stance-aware ties of the actors view (DNA's congruence and
 * conflict), their normalisation, and duplicate statements.
 *
 * The definitions are DNA's (Leifeld, Discourse Network Analyzer,
 * dna/src/main/java/dna/export/Exporter.java, computeOneModeMatrix and the
 * statement filter); docs/METRICS.md, "Stance ties", states them with
 * their formulas. Nothing here allocates except fnet_duplicates_mark(),
 * whose result the caller frees with free(). */
#ifndef FNET_STANCE_H
#define FNET_STANCE_H

#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --tie: how two actors' statements on a shared item make a tie.
 * FNET_TIE_MEMBERSHIP is the stance-free projection chosen by --weight
 * (enum fnet_projection of graph/graph.h). */
enum fnet_tie {
    FNET_TIE_SIGNED,
    FNET_TIE_CONGRUENCE,
    FNET_TIE_CONFLICT,
    FNET_TIE_SUBTRACT,
    FNET_TIE_IGNORE,
    FNET_TIE_MEMBERSHIP
};

/* --normalize, DNA's one-mode normalisations. */
enum fnet_normalize {
    FNET_NORM_NONE,
    FNET_NORM_AVERAGE,
    FNET_NORM_JACCARD,
    FNET_NORM_COSINE
};

/* --duplicates, DNA's duplicate settings (`all` is DNA's "acrossrange"). */
enum fnet_duplicates {
    FNET_DUP_INCLUDE,
    FNET_DUP_DOCUMENT,
    FNET_DUP_WEEK,
    FNET_DUP_MONTH,
    FNET_DUP_YEAR,
    FNET_DUP_ALL
};

/* The names of the modes, as --tie, --normalize and --duplicates spell
 * them, in enum order, each list ending with NULL. */
extern const char *const fnet_tie_names[];
extern const char *const fnet_normalize_names[];
extern const char *const fnet_duplicates_names[];

/* fnet_duplicates_names[mode]; "?" out of range. */
const char *fnet_duplicates_name(int mode);

/* The qualifier level of a resolved fact: its stance when it has one,
 * else its sign on DNA's yes/no scale (1 for a positive sign, 0 for a
 * negative one). A plain membership (no stance, positive relation) is
 * at level 1, the agreeing level. This function can't fail. */
int32_t fnet_stance_level(const fnet_corpus *c, const fnet_fact *f);

/* The qualifier range R of the levels lo..hi observed (hi - lo), or 1
 * when they are all equal (DNA would divide by zero there). With
 * has_sign (some fact has no stance) the yes/no levels 0 and 1 count as
 * observed, as DNA's boolean qualifier always has both. */
double fnet_stance_range(int32_t lo, int32_t hi, bool has_sign);

/* What one pair of actors (a, b) accumulates over their shared items. */
typedef struct fnet_tie_sums {
    double ignore;     /* sum_j (sum_k x_ajk)(sum_k x_bjk) */
    double congruence; /* sum_j sum_k sum_k' x_ajk x_bjk' (1 - |k-k'|/R) */
    double conflict;   /* sum_j sum_k sum_k' x_ajk x_bjk' |k-k'|/R */
    double both_a;     /* sum of x_ajk over cells (j,k) where both > 0 */
    double both_b;     /* the same for b */
    double both_ab;    /* sum of x_ajk x_bjk over those cells */
} fnet_tie_sums;

/* Adds one shared item: la[0..na) and lb[0..nb) are the levels of a's and
 * b's kept statements on it, each sorted ascending; r > 0 the range.
 * O(na + nb + na nb). This function can't fail. */
void fnet_tie_add_item(fnet_tie_sums *s, const int32_t *la, size_t na,
                       const int32_t *lb, size_t nb, double r);

/* The tie of the pair, split by sign into *pos and *neg (both >= 0), for
 * tie (not FNET_TIE_MEMBERSHIP) and normalisation norm, with ta and tb
 * the two actors' numbers of kept statements on any item (a_i of
 * docs/METRICS.md). A zero denominator gives 0. signed: pos =
 * congruence, neg = conflict; congruence and ignore: pos only; conflict:
 * neg only; subtract: the positive or negative part of congruence -
 * conflict. This function can't fail. */
void fnet_tie_value(int tie, int norm, const fnet_tie_sums *s, double ta,
                    double tb, double *pos, double *neg);

/* Marks the duplicates among the facts with cand[i] true (in file order):
 * a fact equal to an earlier unmarked candidate in subject, relation,
 * object, sign and stance, within the same sources (document), ISO
 * calendar week, month or year (each with its year), or anywhere (all),
 * per mode (not FNET_DUP_INCLUDE). A fact that cannot be placed (no
 * source for document; no date, or a date coarser than the period) is
 * never marked. Returns 0 with *out a c->n_facts array the caller frees
 * with free() and *n_dropped the number marked, or FNET_ENOMEM.
 * O(F log F). */
int fnet_duplicates_mark(const fnet_corpus *c, int mode, const bool *cand,
                         bool **out, uint64_t *n_dropped);

#endif

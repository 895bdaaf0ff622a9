/* tracking.h - communities followed across periods.
 *
 * Each period's communities are matched to those of the previous non-empty
 * period by member overlap, so that a community keeps one persistent id
 * over time (Greene, Doyle & Cunningham 2010). Members are entities
 * (corpus indices), so that periods with different nodes compare. With
 * J(a, b) = |a n b| / |a u b| (Jaccard) and threshold theta:
 *   - a previous community a and a current community b are linked when
 *     J(a, b) >= theta;
 *   - ids pass one to one, greedily by decreasing J (ties: smaller previous
 *     id, then smaller current number): b inherits a's id when neither is
 *     taken yet; every other current community gets a new id (max + 1, in
 *     the order of the current numbers);
 *   - b is "born" with no link, "merged" with two or more links, "split"
 *     when its one link also links another current community, and
 *     "continued" otherwise;
 *   - a previous community with no link "died" in the current period.
 * A merged community keeps the id of its best link; the other previous ids
 * end there. docs/EVOLUTION.md, "Communities over time".
 *
 * Ownership: fnet_tracking owns everything in it; free it with
 * fnet_tracking_free(). */
#ifndef FNET_TRACKING_H
#define FNET_TRACKING_H

#include "core/error.h"

#include <stddef.h>
#include <stdint.h>

/* One period's partition: n members, entity[i] in community[i] (1..k). An
 * empty period (n == 0) is skipped: the next period compares with the one
 * before it. */
typedef struct fnet_partition {
    uint32_t n, k;
    const uint32_t *entity;
    const uint32_t *community;
} fnet_partition;

enum fnet_track_event {
    FNET_TRACK_BORN,
    FNET_TRACK_CONTINUED,
    FNET_TRACK_MERGED,
    FNET_TRACK_SPLIT,
    FNET_TRACK_DIED
};

/* "born", "continued", "merged", "split", "died". */
const char *fnet_track_event_name(int event);

/* A link to a previous community. */
typedef struct fnet_track_link {
    uint32_t id; /* its persistent id */
    double jaccard;
} fnet_track_link;

/* What happened to one community in one period. */
typedef struct fnet_track_entry {
    size_t period;          /* index of the period */
    size_t prev;            /* the period compared with; SIZE_MAX for the first
                           non-empty period */
    uint32_t id;            /* persistent id */
    uint32_t community;     /* its number in the period (1..k); for "died", its
                           number in period prev */
    int event;              /* enum fnet_track_event */
    fnet_track_link *links; /* the linked previous communities, by
                               decreasing J (ties: smaller id) */
    size_t n_links;
} fnet_track_entry;

typedef struct fnet_tracking {
    uint32_t **id; /* id[p][c - 1]: persistent id of community c of
                         period p (NULL for an empty period) */
    size_t n_periods;
    uint32_t n_ids;            /* ids run 1 .. n_ids */
    fnet_track_entry *entries; /* by period, then the period's communities
                                  in number order, then its deaths in
                                  previous-number order */
    size_t n_entries;
} fnet_tracking;

/* Matches the communities of n consecutive periods. theta in (0, 1].
 * Returns 0 or FNET_ENOMEM; the caller frees out with fnet_tracking_free()
 * in every case. O(sum of n log n + pairs of linked communities). */
int fnet_tracking_run(fnet_tracking *out, const fnet_partition *periods,
                      size_t n, double theta, fnet_err *err);

void fnet_tracking_free(fnet_tracking *t);

#endif

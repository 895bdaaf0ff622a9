/* test_tracking.c - unit tests for src/analysis/tracking: persistent
 * community ids and events on hand-made partitions, worked out by hand. */
#include "test.h"

#include "analysis/tracking.h"

#include <stdlib.h>

/* Entities are numbered A=0 B=1 ... K=10.
 * P1: {A,B,C} {D,E,F}
 * P2: {A,B,C,G} {D,E,F} {H,I}
 * P3: {A,B,C,D,E,F,G}
 * P4: {D,E,F,G} {A,B,C} {J,K}
 * (community numbers are canonical: largest first, ties by smallest id).
 * By hand, theta = 0.3:
 *   P1: 1 born, 2 born.
 *   P2: J({ABC},{ABCG}) = 3/4, J({DEF},{DEF}) = 1: 1 and 2 continue;
 *       {H,I} has no link: born, id 3.
 *   P3: J(1={ABCG},{A..G}) = 4/7, J(2={DEF},{A..G}) = 3/7, J(3,..) = 0:
 *       merged, keeps id 1 (the larger J), links 1 (4/7) and 2 (3/7);
 *       3 has no link: died.
 *   P4: J(1,{DEFG}) = 4/7, J(1,{ABC}) = 3/7: both linked to 1 only, and 1
 *       links two: {DEFG} keeps id 1 (split), {ABC} is split with new id
 *       4; {J,K} born, id 5. */
static const uint32_t e1[] = {0, 1, 2, 3, 4, 5}, c1[] = {1, 1, 1, 2, 2, 2};
static const uint32_t e2[] = {0, 1, 2, 6, 3, 4, 5, 7, 8},
                      c2[] = {1, 1, 1, 1, 2, 2, 2, 3, 3};
static const uint32_t e3[] = {0, 1, 2, 3, 4, 5, 6},
                      c3[] = {1, 1, 1, 1, 1, 1, 1};
static const uint32_t e4[] = {3, 4, 5, 6, 0, 1, 2, 9, 10},
                      c4[] = {1, 1, 1, 1, 2, 2, 2, 3, 3};

static const fnet_track_entry *entry(const fnet_tracking *t, size_t period,
                                     uint32_t id, int event)
{
    for (size_t i = 0; i < t->n_entries; i++)
        if (t->entries[i].period == period && t->entries[i].id == id &&
            t->entries[i].event == event)
            return &t->entries[i];
    return NULL;
}

static void test_four_periods(void)
{
    fnet_partition p[4] = {
        {6, 2, e1, c1}, {9, 3, e2, c2}, {7, 1, e3, c3}, {9, 3, e4, c4}};
    fnet_tracking t;
    fnet_err err = {0};
    CHECK_INT(fnet_tracking_run(&t, p, 4, 0.3, &err), 0);
    CHECK_INT(t.n_ids, 5);
    /* ids per period, by community number */
    CHECK_INT(t.id[0][0], 1);
    CHECK_INT(t.id[0][1], 2);
    CHECK_INT(t.id[1][0], 1);
    CHECK_INT(t.id[1][1], 2);
    CHECK_INT(t.id[1][2], 3);
    CHECK_INT(t.id[2][0], 1);
    CHECK_INT(t.id[3][0], 1);
    CHECK_INT(t.id[3][1], 4);
    CHECK_INT(t.id[3][2], 5);
    /* P1: 2 born; P2: 2 continued + 1 born; P3: merged + died; P4: 2 split
     * + born */
    CHECK_INT(t.n_entries, 2 + 3 + 2 + 3);
    CHECK(entry(&t, 0, 1, FNET_TRACK_BORN) && entry(&t, 0, 2, FNET_TRACK_BORN));
    const fnet_track_entry *x = entry(&t, 1, 1, FNET_TRACK_CONTINUED);
    CHECK(x && x->n_links == 1 && x->prev == 0);
    if (x && x->n_links == 1)
        CHECK_NEAR(x->links[0].jaccard, 0.75, 1e-15);
    CHECK(entry(&t, 1, 2, FNET_TRACK_CONTINUED) != NULL);
    CHECK(entry(&t, 1, 3, FNET_TRACK_BORN) != NULL);
    x = entry(&t, 2, 1, FNET_TRACK_MERGED);
    CHECK(x && x->n_links == 2);
    if (x && x->n_links == 2) {
        CHECK_INT(x->links[0].id, 1);
        CHECK_NEAR(x->links[0].jaccard, 4.0 / 7, 1e-15);
        CHECK_INT(x->links[1].id, 2);
        CHECK_NEAR(x->links[1].jaccard, 3.0 / 7, 1e-15);
    }
    x = entry(&t, 2, 3, FNET_TRACK_DIED);
    CHECK(x && x->community == 3 && x->prev == 1);
    x = entry(&t, 3, 1, FNET_TRACK_SPLIT);
    CHECK(x && x->community == 1 && x->n_links == 1);
    x = entry(&t, 3, 4, FNET_TRACK_SPLIT);
    CHECK(x && x->community == 2 && x->n_links == 1 && x->links[0].id == 1);
    CHECK(entry(&t, 3, 5, FNET_TRACK_BORN) != NULL);
    /* entries are in period order */
    for (size_t i = 1; i < t.n_entries; i++)
        CHECK(t.entries[i - 1].period <= t.entries[i].period);
    fnet_tracking_free(&t);
}

static void test_threshold_and_gap(void)
{
    /* {A,B,C,D} then {A,E,F,G} (J = 1/7 = 0.143) after an empty period:
     * below 0.3 the first dies and the second is born; at 0.1 it
     * continues, compared with period 0 across the gap. */
    static const uint32_t ea[] = {0, 1, 2, 3}, eb[] = {0, 4, 5, 6},
                          ones[] = {1, 1, 1, 1};
    fnet_partition p[3] = {
        {4, 1, ea, ones}, {0, 0, NULL, NULL}, {4, 1, eb, ones}};
    fnet_tracking t;
    CHECK_INT(fnet_tracking_run(&t, p, 3, 0.3, NULL), 0);
    CHECK(t.id[1] == NULL);
    CHECK_INT(t.id[2][0], 2);
    const fnet_track_entry *x = entry(&t, 2, 1, FNET_TRACK_DIED);
    CHECK(x && x->prev == 0);
    x = entry(&t, 2, 2, FNET_TRACK_BORN);
    CHECK(x && x->prev == 0);
    fnet_tracking_free(&t);
    CHECK_INT(fnet_tracking_run(&t, p, 3, 0.1, NULL), 0);
    CHECK_INT(t.id[2][0], 1);
    CHECK(entry(&t, 2, 1, FNET_TRACK_CONTINUED) != NULL);
    CHECK_INT(t.n_entries, 2);
    fnet_tracking_free(&t);
    /* J exactly at the threshold links: {A,B} -> {A,B,C} is 2/3 */
    static const uint32_t ec[] = {0, 1}, ed[] = {0, 1, 2};
    fnet_partition q[2] = {{2, 1, ec, ones}, {3, 1, ed, ones}};
    CHECK_INT(fnet_tracking_run(&t, q, 2, 2.0 / 3, NULL), 0);
    CHECK(entry(&t, 1, 1, FNET_TRACK_CONTINUED) != NULL);
    fnet_tracking_free(&t);
}

static void test_names(void)
{
    CHECK_STR(fnet_track_event_name(FNET_TRACK_BORN), "born");
    CHECK_STR(fnet_track_event_name(FNET_TRACK_MERGED), "merged");
    CHECK_STR(fnet_track_event_name(FNET_TRACK_DIED), "died");
    CHECK(fnet_track_event_name(99) == NULL);
}

int main(void)
{
    RUN(test_four_periods);
    RUN(test_threshold_and_gap);
    RUN(test_names);
    return TEST_REPORT();
}

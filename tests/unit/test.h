/* test.h - a minimal unit-test harness: CHECK macros that count, and a main
 * that runs the test functions listed with RUN and prints
 * "N passed, N failed" (the line ctest's log and CI read). */
#ifndef FNET_TEST_H
#define FNET_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct test_state {
    int passed, failed;
} test_state;

static test_state test_st;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            test_st.passed++;                                                  \
        } else {                                                               \
            test_st.failed++;                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                 \
            test_st.passed++;                                                  \
        } else {                                                               \
            test_st.failed++;                                                  \
            fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__,  \
                    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");   \
        }                                                                      \
    } while (0)

#define CHECK_INT(got, want)                                                   \
    do {                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);               \
        if (g_ == w_) {                                                        \
            test_st.passed++;                                                  \
        } else {                                                               \
            test_st.failed++;                                                  \
            fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__,      \
                    __LINE__, #got, g_, w_);                                   \
        }                                                                      \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                             \
    do {                                                                       \
        double g_ = (got), w_ = (want);                                        \
        if (fabs(g_ - w_) <= (tol)) {                                          \
            test_st.passed++;                                                  \
        } else {                                                               \
            test_st.failed++;                                                  \
            fprintf(stderr, "%s:%d: %s: got %.17g, want %.17g\n", __FILE__,    \
                    __LINE__, #got, g_, w_);                                   \
        }                                                                      \
    } while (0)

#define RUN(fn)                                                                \
    do {                                                                       \
        int before_ = test_st.failed;                                          \
        fn();                                                                  \
        fprintf(stderr, "%-40s %s\n", #fn,                                     \
                test_st.failed == before_ ? "ok" : "FAILED");                  \
    } while (0)

#define TEST_REPORT()                                                          \
    (printf("%d passed, %d failed\n", test_st.passed, test_st.failed),         \
     test_st.failed ? 1 : 0)

#endif

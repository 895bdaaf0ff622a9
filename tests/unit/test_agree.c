/* test_agree.c - intercoder agreement (analysis/agree.h): Krippendorff's
 * alpha on the published example, Cohen's kappa on a published example,
 * and matching on fixtures where coders differ in aliases, span
 * boundaries and relation (tests/agree/fixtures/; expected values worked
 * out by hand in the comments).
 *
 * With arguments it is the helper of tests/agree/alpha_random.py:
 *   test_agree alpha nominal|interval   reads "UNITS CODERS" then the
 *                                        values unit by unit ("nan":
 *                                        missing), prints alpha
 *   test_agree kappa                     reads "N" then x[0..N) y[0..N) */
#include "test.h"

#include "analysis/agree.h"
#include "fixture.h"
#include "input/load.h"

#include <math.h>
#include <stdlib.h>

/* ---- the helper -------------------------------------------------------- */

static int helper(int argc, char **argv)
{
    size_t units, coders, n;
    double r = NAN, *v = NULL;
    int rc = 1;
    if (strcmp(argv[1], "alpha") == 0 && argc == 3) {
        if (scanf("%zu %zu", &units, &coders) != 2)
            return 2;
        n = units * coders;
    } else if (strcmp(argv[1], "kappa") == 0) {
        if (scanf("%zu", &units) != 1)
            return 2;
        n = 2 * units;
    } else {
        return 2;
    }
    v = malloc((n + 1) * sizeof *v);
    for (size_t i = 0; v && i < n; i++)
        if (scanf("%lf", &v[i]) != 1)
            goto done;
    if (!v)
        goto done;
    if (argc == 3)
        rc = fnet_agree_alpha(v, units, coders,
                              strcmp(argv[2], "interval") == 0
                                  ? FNET_AGREE_INTERVAL
                                  : FNET_AGREE_NOMINAL,
                              &r, NULL, NULL);
    else
        rc = fnet_agree_kappa(v, v + units, units, &r);
    if (rc == 0)
        printf("%.17g\n", r);
done:
    free(v);
    return rc ? 1 : 0;
}

/* ---- coefficients ------------------------------------------------------ */

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * section C: 4 observers x 12 units with missing values; the paper gives
 * alpha = 0.743 (nominal) and 0.849 (interval). */
static void test_alpha_published(void)
{
    const double m = NAN;
    const double obs[4][12] = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
        {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m},
    };
    double v[12 * 4], alpha;
    uint64_t units, values;
    for (int u = 0; u < 12; u++)
        for (int k = 0; k < 4; k++)
            v[u * 4 + k] = obs[k][u];
    CHECK_INT(
        fnet_agree_alpha(v, 12, 4, FNET_AGREE_NOMINAL, &alpha, &units, &values),
        0);
    CHECK_NEAR(alpha, 0.743, 5e-4);
    CHECK_INT(units, 11); /* unit 12 has one value: not pairable */
    CHECK_INT(values, 40);
    CHECK_INT(
        fnet_agree_alpha(v, 12, 4, FNET_AGREE_INTERVAL, &alpha, NULL, NULL), 0);
    CHECK_NEAR(alpha, 0.849, 5e-4);
}

static void test_alpha_undefined(void)
{
    const double same[4] = {1, 1, 1, 1}, lone[4] = {1, NAN, 2, NAN};
    double alpha = 0;
    /* no variation: D_e = 0 */
    CHECK_INT(
        fnet_agree_alpha(same, 2, 2, FNET_AGREE_NOMINAL, &alpha, NULL, NULL),
        0);
    CHECK(isnan(alpha));
    /* no unit with two values */
    CHECK_INT(
        fnet_agree_alpha(lone, 2, 2, FNET_AGREE_NOMINAL, &alpha, NULL, NULL),
        0);
    CHECK(isnan(alpha));
}

/* Wikipedia, "Cohen's kappa", first example: 50 proposals, both yes 20,
 * A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5 * 0.6 +
 * 0.5 * 0.4 = 0.5, kappa = 0.4. */
static void test_kappa_published(void)
{
    double x[50], y[50], kappa;
    int i = 0;
    for (; i < 20; i++)
        x[i] = 1, y[i] = 1;
    for (; i < 25; i++)
        x[i] = 1, y[i] = 0;
    for (; i < 35; i++)
        x[i] = 0, y[i] = 1;
    for (; i < 50; i++)
        x[i] = 0, y[i] = 0;
    CHECK_INT(fnet_agree_kappa(x, y, 50, &kappa), 0);
    CHECK_NEAR(kappa, 0.4, 1e-12);
}

/* ---- matching ---------------------------------------------------------- */

static fnet_corpus *load(const char *path)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    char *paths[] = {(char *)path};
    if (fnet_load_corpus(&c, paths, 1, NULL, false, &d, &err) != 0) {
        fprintf(stderr, "%s: %s\n", path, err.msg);
        fnet_diag_print(&d, stderr);
    }
    fnet_diag_free(&d);
    return c;
}

/* Loads alice.json and fixtures/NAME as two coders; false when one
 * does not load (both are then freed). */
static bool two_coders(fnet_agree_coder coders[2], const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "agree/fixtures/%s", name);
    coders[0] = (fnet_agree_coder){.c = load("agree/fixtures/alice.json"),
                                   .name = "alice"};
    coders[1] = (fnet_agree_coder){.c = load(path), .name = "bob"};
    if (coders[0].c && coders[1].c)
        return true;
    fnet_corpus_free((fnet_corpus *)coders[0].c);
    fnet_corpus_free((fnet_corpus *)coders[1].c);
    return false;
}

/* alice.json and bob.json name the entities differently (JPN / japan
 * labelled "Tokyo", which is JPN's alias; ASEAN / asean aliased "ASEAN";
 * CHN "China" / prc aliased "china"). Units:
 *   s1 JPN-ASEAN supports, both (bob's quote lies inside alice's)
 *   s1 JPN-CHN   opposes vs competes_with: relation differs
 *   s2 ASEAN-JPN cooperates_with, both (the quotes overlap: alice's ends
 *                with "japan cooperate on cybercrime." which bob's
 *                starts with)
 *   s2 CHN-ASEAN only alice
 *   s2 JPN-CHN   only bob
 * exact: n_alice = n_bob = 4, both = 3, matched = 2, P = R = F1 = 0.5.
 * kappa over the 3 units both coded, relations (S,S) (O,X) (C,C): p_o =
 * 2/3, p_e = 1/9 + 1/9 = 2/9, kappa = (4/9) / (7/9) = 4/7.
 * alpha (nominal): n = 6 pairable values, D_o sum 2 (the O-X pair both
 * ways), n^2 - sum n_c^2 = 36 - (4 + 1 + 1 + 4) = 26, alpha = 1 - 5 * 2 /
 * 26 = 8/13. */
static void test_match_fixture(void)
{
    fnet_agree_coder coders[2];
    fnet_agree r;
    fnet_err err = {0};
    bool ok = two_coders(coders, "bob.json");
    CHECK(ok);
    if (!ok)
        return;
    fnet_corpus *a = (fnet_corpus *)coders[0].c,
                *b = (fnet_corpus *)coders[1].c;
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_EXACT, &err), 0);
    CHECK_INT(r.n_sources, 2);
    CHECK_INT(r.n_units, 5);
    CHECK_INT(r.pairs[0].n_i, 4);
    CHECK_INT(r.pairs[0].n_j, 4);
    CHECK_INT(r.pairs[0].both, 3);
    CHECK_INT(r.pairs[0].matched, 2);
    CHECK_NEAR(r.pairs[0].f1, 0.5, 1e-12);
    CHECK_NEAR(r.pairs[0].precision, 0.5, 1e-12);
    CHECK_NEAR(r.pairs[0].kappa, 4.0 / 7.0, 1e-12);
    CHECK_NEAR(r.alpha[0].alpha, 8.0 / 13.0, 1e-12);
    CHECK_INT(r.n_alpha, 2); /* no stance: no stance row */
    int n_rel = 0, n_missing = 0, n_ok = 0;
    for (uint64_t i = 0; i < r.n_units; i++) {
        n_rel += r.issue[i] == FNET_AGREE_RELATION;
        n_missing += r.issue[i] == FNET_AGREE_MISSING;
        n_ok += r.issue[i] == FNET_AGREE_OK;
    }
    CHECK_INT(n_rel, 1);
    CHECK_INT(n_missing, 2);
    CHECK_INT(n_ok, 2);
    /* per source: s1 2 units, 1 matched, F1 = 2*1/(2+2) */
    CHECK_STR(r.by_source[0].name, "s1");
    CHECK_INT(r.by_source[0].units, 2);
    CHECK_NEAR(r.by_source[0].f1, 0.5, 1e-12);
    /* per relation, sorted: competes_with, cooperates_with, opposes,
     * supports. supports: alice 1 (s1), bob 2 (s1, s2), both 1: F1 = 2/3 */
    CHECK_INT(r.n_relations, 4);
    CHECK_STR(r.relations[3].name, "supports");
    CHECK_INT(r.relations[3].units, 2);
    CHECK_NEAR(r.relations[3].f1, 2.0 / 3.0, 1e-12);
    /* entities named: s1 both {JPN, ASEAN, CHN}; s2 alice ASEAN-JPN,
     * CHN-ASEAN and bob JPN-ASEAN, JPN-CHN: both {JPN, ASEAN, CHN} */
    CHECK_INT(r.named[0].n_i, 6);
    CHECK_INT(r.named[0].n_j, 6);
    CHECK_INT(r.named[0].matched, 6);
    fnet_agree_free(&r);

    /* pair: the relation no longer counts, matched = 3, F1 = 0.75 */
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_PAIR, &err), 0);
    CHECK_INT(r.pairs[0].matched, 3);
    CHECK_NEAR(r.pairs[0].f1, 0.75, 1e-12);
    fnet_agree_free(&r);

    /* span: the quotes overlap as they are: same as exact */
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_SPAN, &err), 0);
    CHECK_INT(r.n_units, 5);
    CHECK_INT(r.pairs[0].matched, 2);
    fnet_agree_free(&r);
    fnet_corpus_free(a);
    fnet_corpus_free(b);
}

/* bob_span.json quotes another sentence for the s2 cooperates_with fact:
 * under span the two facts are two units (6 units, each coder 4 facts,
 * matched 1, F1 = 2/8); under exact they still match (5 units, 2). */
static void test_match_span(void)
{
    fnet_agree_coder coders[2];
    fnet_agree r;
    fnet_err err = {0};
    bool ok = two_coders(coders, "bob_span.json");
    CHECK(ok);
    if (!ok)
        return;
    fnet_corpus *a = (fnet_corpus *)coders[0].c,
                *b = (fnet_corpus *)coders[1].c;
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_SPAN, &err), 0);
    CHECK_INT(r.n_units, 6);
    CHECK_INT(r.pairs[0].matched, 1);
    CHECK_NEAR(r.pairs[0].f1, 0.25, 1e-12);
    fnet_agree_free(&r);
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_EXACT, &err), 0);
    CHECK_INT(r.n_units, 5);
    CHECK_INT(r.pairs[0].matched, 2);
    fnet_agree_free(&r);
    fnet_corpus_free(a);
    fnet_corpus_free(b);
}

/* Stance through the C API (the JSON field comes with the stance issue):
 * equal relations, stances 2 and -1 -> a stance disagreement, and the
 * stance row of alpha (interval) appears. */
static void test_stance(void)
{
    fnet_agree_coder coders[2];
    fnet_agree r;
    fnet_err err = {0};
    bool ok = two_coders(coders, "bob.json");
    CHECK(ok);
    if (!ok)
        return;
    fnet_corpus *a = (fnet_corpus *)coders[0].c,
                *b = (fnet_corpus *)coders[1].c;
    a->facts[0].stance = 2; /* JPN supports ASEAN */
    b->facts[0].stance = -1;
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_EXACT, &err), 0);
    CHECK_INT(r.pairs[0].matched, 1);
    CHECK_INT(r.n_alpha, 3);
    CHECK_STR(r.alpha[2].variable, "stance");
    CHECK_INT(r.alpha[2].units, 1);
    /* one unit, values 2 and -1: D_o = 9+9 = 18, D_e sum = 2*2*5 - 2*1 =
     * 18: alpha = 1 - 1 * 18 / 18 = 0 */
    CHECK_NEAR(r.alpha[2].alpha, 0.0, 1e-12);
    int n_stance = 0;
    for (uint64_t i = 0; i < r.n_units; i++)
        n_stance += r.issue[i] == FNET_AGREE_STANCE;
    CHECK_INT(n_stance, 1);
    fnet_agree_free(&r);
    fnet_corpus_free(a);
    fnet_corpus_free(b);
}

static void test_no_shared_source(void)
{
    fnet_corpus *a = corpus_from_json(
        "{\"sources\":[{\"id\":\"x\"}],\"entities\":[{\"id\":\"A\",\"type\":"
        "\"actor\"},{\"id\":\"B\",\"type\":\"actor\"}],\"facts\":[{"
        "\"subject\":\"A\",\"relation\":\"supports\",\"object\":\"B\","
        "\"source\":\"x\",\"evidence\":\"q\",\"attrs\":{\"coder\":\"1\"}}]}");
    fnet_corpus *b = corpus_from_json(
        "{\"sources\":[{\"id\":\"y\"}],\"entities\":[{\"id\":\"A\",\"type\":"
        "\"actor\"},{\"id\":\"B\",\"type\":\"actor\"}],\"facts\":[{"
        "\"subject\":\"A\",\"relation\":\"supports\",\"object\":\"B\","
        "\"source\":\"y\",\"evidence\":\"q\"}]}");
    fnet_agree_coder coders[2] = {{.c = a, .name = "one"},
                                  {.c = b, .name = "two"}};
    fnet_agree r;
    fnet_err err = {0};
    CHECK(a && b);
    if (!a || !b)
        goto done;
    CHECK_INT(fnet_agree_compute(&r, coders, 2, FNET_AGREE_EXACT, &err),
              FNET_EDATA);
    CHECK_STR(err.msg, "the coders share no source, so no fact can be "
                       "matched: one cites 'x'; two cites 'y'");
    /* --coder: "1" is there, "2" is not, and b has no coder at all */
    coders[0].coder = "1";
    CHECK_INT(fnet_agree_coder_check(&coders[0], &err), 0);
    coders[0].coder = "2";
    CHECK_INT(fnet_agree_coder_check(&coders[0], &err), FNET_EDATA);
    CHECK_STR(err.msg, "fixture.json: no fact has coder '2' (coders in the "
                       "file: '1')");
    coders[1].coder = "1";
    CHECK_INT(fnet_agree_coder_check(&coders[1], &err), FNET_EDATA);
    CHECK_STR(err.msg, "fixture.json: no fact has a 'coder' attribute, so "
                       "--coder '1' selects nothing");
done:
    fnet_corpus_free(a);
    fnet_corpus_free(b);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return helper(argc, argv);
    RUN(test_alpha_published);
    RUN(test_alpha_undefined);
    RUN(test_kappa_published);
    RUN(test_match_fixture);
    RUN(test_match_span);
    RUN(test_stance);
    RUN(test_no_shared_source);
    return TEST_REPORT();
}

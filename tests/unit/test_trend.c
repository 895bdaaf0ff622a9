/* test_trend.c - unit tests for src/analysis/trend: the years, the choice
 * of series (actors only, ties by id), cumulative and per-year snapshots,
 * no value where an entity has no tie, and the window clipped by --to.
 * The metric is degree so that every expected value can be counted by
 * hand from the facts below. */
#include "test.h"

#include "analysis/trend.h"
#include "input/load.h"
#include "input/validate.h"

#include <math.h>
#include <stdlib.h>

/* Actors a, b, c and agreement x. Overall degrees: b 3 (a, x, c), a 2,
 * c 2, x 1, so the top two actors are b, then a (ties with c by id). */
static const char *doc =
    "{\"factnet\": 1, \"sources\": [{\"id\": \"s\"}],"
    " \"entities\": ["
    "  {\"id\": \"c\", \"type\": \"actor\"},"
    "  {\"id\": \"b\", \"type\": \"actor\"},"
    "  {\"id\": \"x\", \"type\": \"agreement\"},"
    "  {\"id\": \"a\", \"type\": \"actor\"}],"
    " \"facts\": ["
    "  {\"subject\": \"a\", \"relation\": \"cooperates_with\","
    "   \"object\": \"b\", \"date\": \"2010-05\", \"source\": \"s\"},"
    "  {\"subject\": \"a\", \"relation\": \"cooperates_with\","
    "   \"object\": \"c\", \"date\": \"2012\", \"source\": \"s\"},"
    "  {\"subject\": \"b\", \"relation\": \"party_to\","
    "   \"object\": \"x\", \"date\": \"2012-11-30\", \"source\": \"s\"},"
    "  {\"subject\": \"c\", \"relation\": \"cooperates_with\","
    "   \"object\": \"b\", \"source\": \"s\"}"
    " ]}";

static fnet_corpus *load(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    if (fnet_corpus_new(&c) != 0)
        return NULL;
    int rc =
        fnet_load_buffer(c, "trend.json", doc, strlen(doc), false, &d, &err);
    if (rc == 0)
        rc = fnet_corpus_resolve(c, &d, &err);
    if (rc != 0 || d.n_errors) {
        fnet_diag_print(&d, stderr);
        fnet_corpus_free(c);
        c = NULL;
    }
    fnet_diag_free(&d);
    return c;
}

/* Runs the trend of degree, top 2, on the graph with options go. */
static int run(fnet_trend *t, const fnet_corpus *c, const fnet_graph_opts *go,
               bool cumulative)
{
    fnet_graph *g = NULL;
    fnet_metrics m = {0};
    fnet_metrics_opts mo;
    fnet_trend_opts to;
    fnet_err err = {0};
    fnet_metrics_opts_init(&mo);
    mo.want = FNET_METRIC_BIT(FNET_M_DEGREE);
    fnet_trend_opts_init(&to);
    to.metric = FNET_M_DEGREE;
    to.top = 2;
    to.cumulative = cumulative;
    int rc = fnet_graph_build(&g, c, go, &err);
    if (!rc)
        rc = fnet_metrics_compute(&m, g, &mo, &err);
    if (!rc)
        rc = fnet_trend_compute(t, g, m.value[FNET_M_DEGREE], &mo, &to, &err);
    if (rc)
        fprintf(stderr, "trend: %s\n", err.msg);
    fnet_metrics_free(&m);
    fnet_graph_free(g);
    return rc;
}

static const char *series_id(const fnet_corpus *c, const fnet_trend *t,
                             uint32_t s)
{
    return c->entities[t->entity[s]].id;
}

/* value[s][y] is want (NaN: no value). */
static void check_value(const fnet_trend *t, uint32_t s, uint32_t y,
                        double want)
{
    double v = t->value[s * t->n_years + y];
    if (isnan(want))
        CHECK(isnan(v));
    else
        CHECK_NEAR(v, want, 0);
}

static void test_cumulative(void)
{
    fnet_corpus *c = load();
    fnet_graph_opts go;
    fnet_trend t;
    CHECK(c != NULL);
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    CHECK_INT(run(&t, c, &go, true), 0);
    CHECK_INT(t.first_year, 2010);
    CHECK_INT(t.n_years, 3);
    CHECK_INT(t.span, 3);
    CHECK_INT(t.n_series, 2);
    CHECK_STR(series_id(c, &t, 0), "b");
    CHECK_STR(series_id(c, &t, 1), "a");
    /* Up to 2010 and 2011: a-b only. Up to 2012: a-b, a-c, b-x. */
    check_value(&t, 0, 0, 1);
    check_value(&t, 0, 1, 1);
    check_value(&t, 0, 2, 2);
    check_value(&t, 1, 0, 1);
    check_value(&t, 1, 1, 1);
    check_value(&t, 1, 2, 2);
    fnet_trend_free(&t);
    fnet_corpus_free(c);
}

static void test_each(void)
{
    fnet_corpus *c = load();
    fnet_graph_opts go;
    fnet_trend t;
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    CHECK_INT(run(&t, c, &go, false), 0);
    CHECK_INT(t.n_years, 3);
    /* 2010: a-b. 2011: nothing, so no values. 2012: a-c, b-x. */
    check_value(&t, 0, 0, 1);
    check_value(&t, 0, 1, NAN);
    check_value(&t, 0, 2, 1);
    check_value(&t, 1, 0, 1);
    check_value(&t, 1, 1, NAN);
    check_value(&t, 1, 2, 1);
    fnet_trend_free(&t);
    fnet_corpus_free(c);
}

static void test_window(void)
{
    fnet_corpus *c = load();
    fnet_graph_opts go;
    fnet_trend t;
    char why[80];
    if (!c)
        return;
    fnet_graph_opts_init(&go);
    /* --to 2011: the graph has a-b and the undated c-b; the years stop
     * at 2011; the series are b (2) and a (1). */
    CHECK_INT(fnet_date_parse("2011", &go.to, why, sizeof why), 0);
    CHECK_INT(run(&t, c, &go, true), 0);
    CHECK_INT(t.first_year, 2010);
    CHECK_INT(t.n_years, 2);
    CHECK_STR(series_id(c, &t, 0), "b");
    CHECK_STR(series_id(c, &t, 1), "a");
    check_value(&t, 0, 1, 1);
    fnet_trend_free(&t);
    /* --from 2011 in cumulative mode: 2011 has nothing yet. */
    go.to = FNET_DATE_NONE;
    CHECK_INT(fnet_date_parse("2011", &go.from, why, sizeof why), 0);
    CHECK_INT(run(&t, c, &go, true), 0);
    CHECK_INT(t.first_year, 2011);
    CHECK_INT(t.n_years, 2);
    check_value(&t, 0, 0, NAN);
    check_value(&t, 0, 1, 1); /* b-x; a-b ended before the window */
    fnet_trend_free(&t);
    fnet_corpus_free(c);
}

int main(void)
{
    RUN(test_cumulative);
    RUN(test_each);
    RUN(test_window);
    return TEST_REPORT();
}

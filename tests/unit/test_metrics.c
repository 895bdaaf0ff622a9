/* test_metrics.c - unit tests for src/analysis/metrics: only the wanted
 * columns are computed, names, sampling switch, hand-checked values on a
 * path graph A-B-C plus an isolated node D. */
#include "test.h"

#include "analysis/metrics.h"
#include "input/load.h"
#include "input/validate.h"

static const char *doc =
    "{\"factnet\": 1, \"entities\": ["
    "{\"id\": \"A\", \"type\": \"actor\"}, {\"id\": \"B\", \"type\": "
    "\"actor\"},"
    "{\"id\": \"C\", \"type\": \"actor\"}, {\"id\": \"D\", \"type\": "
    "\"actor\"}],"
    " \"facts\": ["
    "{\"subject\": \"A\", \"relation\": \"cooperates_with\", \"object\": \"B\","
    " \"weight\": 2},"
    "{\"subject\": \"B\", \"relation\": \"cooperates_with\", \"object\": "
    "\"C\"}]}";

int main(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_graph *g = NULL;
    fnet_graph_opts go;
    fnet_corpus_new(&c);
    fnet_load_buffer(c, "path.json", doc, strlen(doc), false, &d, &err);
    fnet_corpus_resolve(c, &d, &err);
    CHECK_INT(d.n_errors, 0);
    fnet_diag_free(&d);
    fnet_graph_opts_init(&go);
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    if (!g) {
        fnet_corpus_free(c);
        return TEST_REPORT();
    }

    CHECK_INT(fnet_metric_from_name("pagerank"), FNET_M_PAGERANK);
    CHECK_STR(fnet_metric_name(FNET_M_CONSTRAINT), "constraint");
    CHECK_INT(fnet_metric_from_name("page_rank"), -1);

    fnet_metrics_opts o;
    fnet_metrics m;
    fnet_metrics_opts_init(&o);
    o.want =
        FNET_METRIC_BIT(FNET_M_DEGREE) | FNET_METRIC_BIT(FNET_M_BETWEENNESS) |
        FNET_METRIC_BIT(FNET_M_CLOSENESS) | FNET_METRIC_BIT(FNET_M_STRENGTH) |
        FNET_METRIC_BIT(FNET_M_CONSTRAINT);
    CHECK_INT(fnet_metrics_compute(&m, g, &o, &err), 0);
    CHECK(m.value[FNET_M_PAGERANK] == NULL);
    CHECK(m.value[FNET_M_HARMONIC] == NULL);
    CHECK(!m.sampled);
    if (m.value[FNET_M_DEGREE] && m.value[FNET_M_BETWEENNESS] &&
        m.value[FNET_M_CLOSENESS] && m.value[FNET_M_STRENGTH] &&
        m.value[FNET_M_CONSTRAINT]) {
        CHECK_NEAR(m.value[FNET_M_DEGREE][1], 2, 0);
        CHECK_NEAR(m.value[FNET_M_STRENGTH][1], 3, 0);
        /* B lies on the one A-C path: 1 / ((n-1)(n-2)/2) = 1/3 */
        CHECK_NEAR(m.value[FNET_M_BETWEENNESS][1], 1.0 / 3, 1e-15);
        /* A reaches 2 of 3 others at total distance 3: (2/3)(2/3) */
        CHECK_NEAR(m.value[FNET_M_CLOSENESS][0], 4.0 / 9, 1e-15);
        CHECK_NEAR(m.value[FNET_M_CLOSENESS][3], 0, 0);
        /* Burt: A has one contact, constraint 1; D is isolated: NaN */
        CHECK_NEAR(m.value[FNET_M_CONSTRAINT][0], 1, 1e-15);
        CHECK(isnan(m.value[FNET_M_CONSTRAINT][3]));
    } else {
        CHECK(0);
    }
    fnet_metrics_free(&m);

    /* samples >= n: exact; samples < n: sampled, flagged, reproducible */
    o.want = FNET_METRIC_BIT(FNET_M_BETWEENNESS);
    o.samples = 4;
    CHECK_INT(fnet_metrics_compute(&m, g, &o, &err), 0);
    CHECK(!m.sampled);
    fnet_metrics_free(&m);
    o.samples = 2;
    fnet_metrics m2;
    CHECK_INT(fnet_metrics_compute(&m, g, &o, &err), 0);
    CHECK_INT(fnet_metrics_compute(&m2, g, &o, &err), 0);
    CHECK(m.sampled);
    CHECK_INT(m.samples_used, 2);
    CHECK(m.value[FNET_M_BETWEENNESS] && m2.value[FNET_M_BETWEENNESS] &&
          memcmp(m.value[FNET_M_BETWEENNESS], m2.value[FNET_M_BETWEENNESS],
                 4 * sizeof(double)) == 0);
    fnet_metrics_free(&m);
    fnet_metrics_free(&m2);
    o.exact = true;
    CHECK_INT(fnet_metrics_compute(&m, g, &o, &err), 0);
    CHECK(!m.sampled);
    fnet_metrics_free(&m);

    fnet_graph_metrics gm;
    CHECK_INT(fnet_graph_metrics_compute(&gm, g, &err), 0);
    CHECK_NEAR(gm.nodes, 4, 0);
    CHECK_NEAR(gm.edges, 2, 0);
    CHECK_NEAR(gm.components, 2, 0);
    CHECK_NEAR(gm.largest_component, 3, 0);
    CHECK_NEAR(gm.diameter, 2, 0);
    CHECK_NEAR(gm.density, 2.0 / 6, 1e-15);
    CHECK_NEAR(gm.average_path_length, (1 + 1 + 2) / 3.0, 1e-15);
    CHECK(isnan(gm.type_assortativity)); /* one type */
    CHECK(isnan(gm.modularity));         /* left to the caller */

    fnet_graph_free(g);
    fnet_corpus_free(c);
    return TEST_REPORT();
}

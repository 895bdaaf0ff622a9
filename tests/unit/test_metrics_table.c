/* test_metrics_table.c - unit tests for src/output/metrics_table: column
 * names, the default columns, the row order (numbers descending, community
 * ascending, text by bytes, undefined last, ties by id), integer and empty
 * cells, --top and the sampled_sources column, metric,value tables, and
 * the --columns/--sort choices of metrics, evolve and export.
 * The metric values are set by hand (not computed), so every expected
 * table below is written out from them. */
#include "test.h"

#include "fixture.h"
#include "output/tables/metrics_table.h"

#include <math.h>
#include <stdlib.h>

/* Four entities; the facts only make the graph (two components). */
static const char *doc =
    "{\"factnet\": 1, \"sources\": [{\"id\": \"s\"}],"
    " \"entities\": ["
    "  {\"id\": \"d\", \"label\": \"Delta\", \"type\": \"actor\"},"
    "  {\"id\": \"b\", \"label\": \"Bravo\", \"type\": \"actor\"},"
    "  {\"id\": \"a\", \"label\": \"Zulu\", \"type\": \"agreement\"},"
    "  {\"id\": \"c\", \"label\": \"Charlie\", \"type\": \"actor\"}],"
    " \"facts\": ["
    "  {\"subject\": \"b\", \"relation\": \"party_to\","
    "   \"object\": \"a\", \"source\": \"s\"},"
    "  {\"subject\": \"c\", \"relation\": \"cooperates_with\","
    "   \"object\": \"d\", \"source\": \"s\"}"
    " ]}";

/* Hand-set values by entity id: pagerank (b and c tie, d undefined),
 * degree, community and stability. */
typedef struct fixture {
    fnet_corpus *c;
    fnet_graph *g;
    fnet_metrics m;
    uint32_t community[4];
    double stability[4];
} fixture;

static int setup(fixture *f)
{
    static const struct {
        const char *id;
        double pagerank, degree;
        uint32_t community;
        double stability;
    } v[] = {{"a", 0.5, 1, 2, 0.25},
             {"b", 0.25, 1, 2, 1},
             {"c", 0.25, 1, 1, 0.5},
             {"d", NAN, 1, 1, 0.75}};
    fnet_graph_opts go;
    fnet_err err = {0};
    memset(f, 0, sizeof *f);
    fnet_graph_opts_init(&go);
    if (!(f->c = corpus_from_json(doc)) ||
        fnet_graph_build(&f->g, f->c, &go, &err) != 0 || f->g->n_nodes != 4)
        return -1;
    f->m.n = 4;
    f->m.value[FNET_M_PAGERANK] = calloc(4, sizeof(double));
    f->m.value[FNET_M_DEGREE] = calloc(4, sizeof(double));
    if (!f->m.value[FNET_M_PAGERANK] || !f->m.value[FNET_M_DEGREE])
        return -1;
    for (uint32_t n = 0; n < 4; n++) {
        const char *id = fnet_graph_node_entity(f->g, n)->id;
        for (size_t i = 0; i < 4; i++) {
            if (strcmp(id, v[i].id) != 0)
                continue;
            f->m.value[FNET_M_PAGERANK][n] = v[i].pagerank;
            f->m.value[FNET_M_DEGREE][n] = v[i].degree;
            f->community[n] = v[i].community;
            f->stability[n] = v[i].stability;
        }
    }
    return 0;
}

static void teardown(fixture *f)
{
    fnet_metrics_free(&f->m);
    fnet_graph_free(f->g);
    fnet_corpus_free(f->c);
}

/* The ids of the nodes in the order sorted by col, as "a,b,c,d". */
static void order_ids(const fnet_metrics_table_data *d, int col, char *out)
{
    uint32_t *order = NULL;
    out[0] = 0;
    if (fnet_metrics_table_order(&order, d, col) != 0)
        return;
    for (uint32_t i = 0; i < d->g->n_nodes; i++) {
        strcat(out, i ? "," : "");
        strcat(out, fnet_graph_node_entity(d->g, order[i])->id);
    }
    free(order);
}

/* t written as CSV, in a static buffer. */
static const char *csv(const fnet_table *t)
{
    static char buf[2048];
    fnet_table_style st = {.format = FNET_TABLE_CSV, .digits = -1};
    fnet_err err = {0};
    FILE *fp = fmemopen(buf, sizeof buf, "w");
    if (!fp)
        return "";
    if (fnet_table_write(t, fp, &st, &err) != 0)
        buf[0] = 0;
    fclose(fp);
    return buf;
}

static void test_columns(void)
{
    CHECK_INT(fnet_metrics_table_column_from_name("id"), FNET_MCOL_ID);
    CHECK_INT(fnet_metrics_table_column_from_name("label"), FNET_MCOL_LABEL);
    CHECK_INT(fnet_metrics_table_column_from_name("type"), FNET_MCOL_TYPE);
    CHECK_INT(fnet_metrics_table_column_from_name("stability"),
              FNET_MCOL_STABILITY);
    CHECK_INT(fnet_metrics_table_column_from_name("pagerank"), FNET_M_PAGERANK);
    CHECK_INT(fnet_metrics_table_column_from_name("Pagerank"),
              FNET_MCOL_UNKNOWN);
    CHECK_INT(fnet_metrics_table_column_from_name(""), FNET_MCOL_UNKNOWN);
    CHECK_STR(fnet_metrics_table_column_name(FNET_MCOL_STABILITY), "stability");
    CHECK_STR(fnet_metrics_table_column_name(FNET_M_COMMUNITY), "community");
}

static void test_default_columns(void)
{
    fixture f;
    int cols[FNET_M_COUNT + 4];
    CHECK(setup(&f) == 0);
    /* No negative edge: the three signed columns are left out. */
    size_t n = fnet_metrics_table_default_columns(cols, f.g, false);
    CHECK_INT(n, 3 + FNET_M_COUNT - 3);
    CHECK_INT(cols[0], FNET_MCOL_ID);
    CHECK_INT(cols[2], FNET_MCOL_TYPE);
    CHECK_INT(cols[3], FNET_M_DEGREE);
    CHECK_INT(cols[n - 1], FNET_M_COMMUNITY);
    for (size_t i = 0; i < n; i++)
        CHECK(cols[i] != FNET_M_POS_DEGREE && cols[i] != FNET_M_NET_STRENGTH);
    CHECK_INT(fnet_metrics_table_default_columns(cols, f.g, true), n + 1);
    CHECK_INT(cols[n], FNET_MCOL_STABILITY);
    teardown(&f);
}

/* The --columns walker and the choices of metrics, evolve and export:
 * which names each kind takes, the problems in the order they are met. */
static void test_choose(void)
{
    fixture f;
    fnet_metrics_table_choice ch;
    CHECK(setup(&f) == 0);
    CHECK_INT(
        fnet_metrics_table_choose(&ch, "label,pagerank,id", "degree", f.g, 1),
        FNET_MCHOICE_OK);
    CHECK_INT(ch.n_cols, 3);
    CHECK_INT(ch.cols[0], FNET_MCOL_LABEL);
    CHECK_INT(ch.cols[1], FNET_M_PAGERANK);
    CHECK_INT(ch.sort, FNET_M_DEGREE);
    CHECK(ch.want ==
          (FNET_METRIC_BIT(FNET_M_PAGERANK) | FNET_METRIC_BIT(FNET_M_DEGREE)));
    CHECK(!ch.stability);
    CHECK_INT(fnet_metrics_table_choose(&ch, "id,nope,id", NULL, f.g, 1),
              FNET_MCHOICE_UNKNOWN);
    CHECK_STR(ch.bad, "nope");
    CHECK_INT(fnet_metrics_table_choose(&ch, "id,degree,id", NULL, f.g, 1),
              FNET_MCHOICE_TWICE);
    CHECK_STR(ch.bad, "id");
    CHECK_INT(fnet_metrics_table_choose(&ch, "stability", "nope", f.g, 1),
              FNET_MCHOICE_SORT_UNKNOWN);
    CHECK_STR(ch.bad, "nope");
    CHECK_INT(fnet_metrics_table_choose(&ch, "stability", NULL, f.g, 1),
              FNET_MCHOICE_STABILITY);
    CHECK_INT(fnet_metrics_table_choose(&ch, NULL, "stability", f.g, 1),
              FNET_MCHOICE_SORT_STABILITY);
    CHECK_INT(fnet_metrics_table_choose(&ch, NULL, NULL, f.g, 3),
              FNET_MCHOICE_OK);
    CHECK(ch.stability);
    CHECK_INT(ch.sort, FNET_M_PAGERANK);
    CHECK_INT(ch.cols[ch.n_cols - 1], FNET_MCOL_STABILITY);
    /* evolve: metrics only. */
    CHECK_INT(fnet_metrics_table_choose_list(&ch, "degree,id",
                                             FNET_MCHOICE_METRICS, 1),
              FNET_MCHOICE_UNKNOWN);
    CHECK_STR(ch.bad, "id");
    /* export: id, label, type skipped (also twice), stability named with
     * one run is a problem before a later unknown name. */
    CHECK_INT(fnet_metrics_table_choose_list(&ch, "id,id,pagerank,label",
                                             FNET_MCHOICE_EXPORT, 1),
              FNET_MCHOICE_OK);
    CHECK_INT(ch.n_cols, 1);
    CHECK_INT(ch.cols[0], FNET_M_PAGERANK);
    CHECK_INT(fnet_metrics_table_choose_list(&ch, "stability,nope",
                                             FNET_MCHOICE_EXPORT, 1),
              FNET_MCHOICE_STABILITY);
    CHECK_INT(fnet_metrics_table_choose_list(&ch, "stability,degree",
                                             FNET_MCHOICE_EXPORT, 2),
              FNET_MCHOICE_OK);
    CHECK(ch.stability);
    CHECK(ch.want == FNET_METRIC_BIT(FNET_M_DEGREE));
    teardown(&f);
}

static void test_order(void)
{
    fixture f;
    char ids[32];
    CHECK(setup(&f) == 0);
    fnet_metrics_table_data d = {.g = f.g,
                                 .m = &f.m,
                                 .community = f.community,
                                 .stability = f.stability};
    order_ids(&d, FNET_M_PAGERANK, ids); /* tie b/c by id, NaN last */
    CHECK_STR(ids, "a,b,c,d");
    order_ids(&d, FNET_M_COMMUNITY, ids); /* ascending, ties by id */
    CHECK_STR(ids, "c,d,a,b");
    order_ids(&d, FNET_MCOL_STABILITY, ids);
    CHECK_STR(ids, "b,d,c,a");
    order_ids(&d, FNET_MCOL_LABEL, ids); /* Bravo Charlie Delta Zulu */
    CHECK_STR(ids, "b,c,d,a");
    order_ids(&d, FNET_MCOL_TYPE, ids); /* actor < agreement */
    CHECK_STR(ids, "b,c,d,a");
    order_ids(&d, FNET_M_HARMONIC, ids); /* not computed: all undefined */
    CHECK_STR(ids, "a,b,c,d");
    teardown(&f);
}

static void test_nodes(void)
{
    fixture f;
    fnet_table *t = NULL;
    static const int cols[] = {
        FNET_MCOL_ID,    FNET_MCOL_LABEL,  FNET_M_DEGREE,      FNET_M_PAGERANK,
        FNET_M_HARMONIC, FNET_M_COMMUNITY, FNET_MCOL_STABILITY};
    CHECK(setup(&f) == 0);
    fnet_metrics_table_data d = {.g = f.g,
                                 .m = &f.m,
                                 .community = f.community,
                                 .stability = f.stability};
    fnet_metrics_table_spec s = {.cols = cols,
                                 .n_cols = 7,
                                 .sort = FNET_M_PAGERANK,
                                 .max_rows = SIZE_MAX,
                                 .sampled_sources = -1};
    CHECK_INT(fnet_metrics_table_nodes(&t, &d, &s), 0);
    CHECK_STR(csv(t), "id,label,degree,pagerank,harmonic,community,"
                      "stability\n"
                      "a,Zulu,1,0.5,,2,0.25\n"
                      "b,Bravo,1,0.25,,2,1\n"
                      "c,Charlie,1,0.25,,1,0.5\n"
                      "d,Delta,1,,,1,0.75\n");
    fnet_table_free(t);
    /* At most two rows; the sampled_sources column; community from the
     * metrics when no array is given; no stability array: empty. */
    f.m.value[FNET_M_COMMUNITY] = calloc(4, sizeof(double));
    CHECK(f.m.value[FNET_M_COMMUNITY] != NULL);
    for (uint32_t n = 0; f.m.value[FNET_M_COMMUNITY] && n < 4; n++)
        f.m.value[FNET_M_COMMUNITY][n] = 7;
    d.community = NULL;
    d.stability = NULL;
    s.max_rows = 2;
    s.sampled_sources = 12;
    s.cols = cols + 5;
    s.n_cols = 2;
    CHECK_INT(fnet_metrics_table_nodes(&t, &d, &s), 0);
    CHECK_STR(csv(t), "community,stability,sampled_sources\n"
                      "7,,12\n"
                      "7,,12\n");
    fnet_table_free(t);
    s.max_rows = 0;
    CHECK_INT(fnet_metrics_table_nodes(&t, &d, &s), 0);
    CHECK_STR(csv(t), "community,stability,sampled_sources\n");
    fnet_table_free(t);
    teardown(&f);
}

static void test_values(void)
{
    fnet_table *t = NULL;
    fnet_graph_metrics gm = {.nodes = 4,
                             .edges = 2,
                             .density = 1.0 / 3,
                             .components = 2,
                             .largest_component = 2,
                             .diameter = NAN,
                             .average_path_length = 1,
                             .transitivity = NAN,
                             .average_clustering = 0,
                             .degree_assortativity = NAN,
                             .type_assortativity = -1,
                             .communities = 2,
                             .modularity = 0.5};
    fnet_metrics_table_row rows[FNET_METRICS_TABLE_GRAPH_ROWS + 1];
    size_t n = fnet_metrics_table_graph_rows(rows, &gm);
    CHECK_INT(n, FNET_METRICS_TABLE_GRAPH_ROWS);
    rows[n++] = (fnet_metrics_table_row){"ratio", 2.5, false};
    CHECK_INT(fnet_metrics_table_values(&t, rows, n, false), 0);
    CHECK_STR(csv(t), "metric,value\n"
                      "nodes,4\n"
                      "edges,2\n"
                      "density,0.3333333333333333\n"
                      "components,2\n"
                      "largest_component,2\n"
                      "diameter,\n"
                      "average_path_length,1\n"
                      "transitivity,\n"
                      "average_clustering,0\n"
                      "degree_assortativity,\n"
                      "type_assortativity,-1\n"
                      "communities,2\n"
                      "modularity,0.5\n"
                      "ratio,2.5\n");
    fnet_table_free(t);
}

int main(void)
{
    RUN(test_columns);
    RUN(test_default_columns);
    RUN(test_choose);
    RUN(test_order);
    RUN(test_nodes);
    RUN(test_values);
    return TEST_REPORT();
}

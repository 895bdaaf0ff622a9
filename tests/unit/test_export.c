/* test_export.c - unit tests for src/output/export (the bundle: fields,
 * attribute names and types, values, dates) and the text exporters whose
 * output is small enough to write out by hand (GML, Pajek). */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "test.h"

#include "input/load.h"
#include "input/validate.h"
#include "job/job.h"
#include "output/export/export.h"
#include "output/export/export_files.h"
#include "output/export/export_gml.h"
#include "output/export/export_pajek.h"

#include <stdlib.h>

static const char doc[] =
    "{\"factnet\": 1,"
    " \"sources\": [{\"id\": \"s1\"}, {\"id\": \"s2\"}],"
    " \"entities\": ["
    "  {\"id\": \"a\", \"type\": \"actor\","
    "   \"label\": \"A \\\"1\\\" & \\u00e9\","
    "   \"aliases\": [\"x\", \"y\"], \"date\": \"2001-02\","
    "   \"attrs\": {\"label\": \"L\", \"attr_label\": \"AL\", \"degree\": 3,"
    "              \"n\": 1.5, \"flag\": true, \"mix\": 2,"
    "              \"1 odd-key\": \"k\"}},"
    "  {\"id\": \"b\", \"type\": \"actor\","
    "   \"attrs\": {\"n\": 7, \"flag\": false, \"mix\": \"two\"}},"
    "  {\"id\": \"c\", \"type\": \"agreement\", \"label\": \"C\\nnew\"},"
    "  {\"id\": \"z\", \"type\": \"actor\", \"label\": \"Z\"}"
    " ],"
    " \"facts\": ["
    "  {\"subject\": \"a\", \"relation\": \"cooperates_with\","
    "   \"object\": \"b\","
    "   \"source\": \"s2\", \"evidence\": \"q late\", \"date\": \"2015\","
    "   \"id\": \"f1\"},"
    "  {\"subject\": \"b\", \"relation\": \"opposes\", \"object\": \"a\","
    "   \"source\": [\"s1\", \"s2\"], \"evidence\": \"q early\","
    "   \"date\": \"2012-02\", \"until\": \"2013\", \"weight\": 0.5},"
    "  {\"subject\": \"a\", \"relation\": \"party_to\", \"object\": \"c\","
    "   \"source\": \"s1\"}"
    " ]}";

typedef struct fixture {
    fnet_corpus *c;
    fnet_job job;
    const fnet_graph *g; /* job.g */
    fnet_export *x;
} fixture;

static bool setup(fixture *f, bool metrics)
{
    static const int cols[] = {FNET_M_DEGREE, FNET_M_CONSTRAINT,
                               FNET_M_COMMUNITY};
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_graph_opts go;
    fnet_job_opts jo;
    fnet_export_opts eo = {0};
    *f = (fixture){0};
    int rc = fnet_corpus_new(&f->c);
    if (rc == 0)
        rc =
            fnet_load_buffer(f->c, "t.json", doc, strlen(doc), false, &d, &err);
    if (rc == 0)
        rc = fnet_corpus_resolve(f->c, &d, &err);
    if (rc != 0 || d.n_errors)
        fnet_diag_print(&d, stderr);
    fnet_diag_free(&d);
    fnet_graph_opts_init(&go);
    fnet_job_opts_init(&jo);
    jo.want = 0;
    for (size_t i = 0; metrics && i < 3; i++)
        jo.want |= FNET_METRIC_BIT(cols[i]);
    if (rc == 0)
        rc = fnet_job_run(&f->job, f->c, &go, &jo, &err);
    f->g = f->job.g;
    eo.metrics = cols;
    eo.n_metrics = metrics ? 3 : 0;
    eo.m = &f->job.m;
    eo.cm = f->job.has_cm ? &f->job.cm : NULL;
    if (rc == 0)
        rc = fnet_export_build(&f->x, f->g, &eo, &err);
    if (rc != 0)
        fprintf(stderr, "setup: %s\n", err.msg);
    CHECK_INT(rc, 0);
    return rc == 0;
}

static void teardown(fixture *f)
{
    fnet_export_free(f->x);
    fnet_job_free(&f->job);
    fnet_corpus_free(f->c);
}

static const fnet_xfield *field(const fnet_export *x, const char *name)
{
    for (size_t i = 0; i < x->n_node_fields; i++)
        if (strcmp(x->node_fields[i].name, name) == 0)
            return &x->node_fields[i];
    for (size_t i = 0; i < x->n_edge_fields; i++)
        if (strcmp(x->edge_fields[i].name, name) == 0)
            return &x->edge_fields[i];
    return NULL;
}

/* Node fields in order; attribute keys sorted, renamed when they clash
 * (label -> attr_label, which clashes with the key attr_label ->
 * attr_attr_label; degree is a metric name), typed by their values. */
static void test_fields(void)
{
    fixture f;
    if (!setup(&f, true))
        return;
    const char *want[] = {
        "id",     "label",           "type",       "aliases",
        "date",   "1 odd-key",       "attr_label", "attr_degree",
        "flag",   "attr_attr_label", "mix",        "n",
        "degree", "constraint",      "community"};
    size_t n = sizeof want / sizeof want[0];
    CHECK_INT(f.x->n_node_fields, n);
    for (size_t i = 0; i < n && i < f.x->n_node_fields; i++)
        CHECK_STR(f.x->node_fields[i].name, want[i]);
    CHECK_INT(field(f.x, "n")->type, FNET_XT_DOUBLE);
    CHECK_INT(field(f.x, "flag")->type, FNET_XT_BOOL);
    CHECK_INT(field(f.x, "mix")->type, FNET_XT_STRING);
    CHECK_INT(field(f.x, "attr_degree")->type, FNET_XT_DOUBLE);
    CHECK_INT(field(f.x, "degree")->type, FNET_XT_INT);
    CHECK_INT(field(f.x, "constraint")->type, FNET_XT_DOUBLE);
    CHECK_INT(field(f.x, "community")->type, FNET_XT_INT);
    CHECK_INT(f.x->n_edge_fields, 10);
    CHECK_STR(f.x->edge_fields[0].name, "weight");
    CHECK_STR(f.x->edge_fields[9].name, "evidence");
    teardown(&f);
}

static void test_node_values(void)
{
    fixture f;
    fnet_buf b = {0};
    fnet_xvalue v;
    if (!setup(&f, true))
        return;
    const fnet_export *x = f.x;
    int32_t a = fnet_graph_find_node(f.g, "a"),
            z = fnet_graph_find_node(f.g, "z");
    CHECK_INT(fnet_export_node_value(x, field(x, "aliases"), a, &b, &v), 1);
    CHECK_STR(v.s, "x; y");
    CHECK_INT(fnet_export_node_value(x, field(x, "date"), a, &b, &v), 1);
    CHECK_STR(v.s, "2001-02");
    CHECK_INT(fnet_export_node_value(x, field(x, "aliases"), z, &b, &v), 0);
    CHECK_INT(fnet_export_node_value(x, field(x, "date"), z, &b, &v), 0);
    CHECK_INT(fnet_export_node_value(x, field(x, "n"), a, &b, &v), 1);
    CHECK(v.d == 1.5);
    CHECK_INT(fnet_export_node_value(x, field(x, "flag"), a, &b, &v), 1);
    CHECK(v.b);
    CHECK_INT(fnet_export_node_value(x, field(x, "mix"), a, &b, &v), 1);
    CHECK_STR(v.s, "2");
    /* The key attr_label keeps its name; the key label, which cannot have
     * it, becomes attr_attr_label. */
    CHECK_INT(fnet_export_node_value(x, field(x, "attr_label"), a, &b, &v), 1);
    CHECK_STR(v.s, "AL");
    CHECK_INT(fnet_export_node_value(x, field(x, "attr_attr_label"), a, &b, &v),
              1);
    CHECK_STR(v.s, "L");
    CHECK_INT(fnet_export_node_value(x, field(x, "n"), z, &b, &v), 0);
    /* a has b and c as neighbours; z is isolated: no constraint. */
    CHECK_INT(fnet_export_node_value(x, field(x, "degree"), a, &b, &v), 1);
    CHECK_INT(v.i, 2);
    CHECK_INT(fnet_export_node_value(x, field(x, "constraint"), z, &b, &v), 0);
    CHECK_INT(fnet_export_node_value(x, field(x, "community"), z, &b, &v), 1);
    CHECK(v.i >= 1);
    fnet_buf_free(&b);
    teardown(&f);
}

static uint32_t edge_between(const fnet_graph *g, const char *p, const char *q)
{
    int32_t u = fnet_graph_find_node(g, p), w = fnet_graph_find_node(g, q);
    for (uint32_t e = 0; e < fnet_graph_edge_count(g); e++) {
        uint32_t from = g->edges[e].from, to = g->edges[e].to;
        if ((from == (uint32_t)u && to == (uint32_t)w) ||
            (from == (uint32_t)w && to == (uint32_t)u))
            return e;
    }
    return UINT32_MAX;
}

/* The a-b edge has two facts of different relations: no relation, both
 * relations sorted, facts and quotes by date (2012-02 first), sources
 * distinct in that order. The a-c fact has no id and no quote. */
static void test_edge_values(void)
{
    fixture f;
    fnet_buf b = {0};
    fnet_xvalue v;
    if (!setup(&f, false))
        return;
    const fnet_export *x = f.x;
    uint32_t ab = edge_between(f.g, "a", "b"), ac = edge_between(f.g, "a", "c");
    CHECK(ab != UINT32_MAX && ac != UINT32_MAX);
    if (ab == UINT32_MAX || ac == UINT32_MAX)
        return;
    CHECK_INT(fnet_export_edge_value(x, field(x, "weight"), ab, &b, &v), 1);
    CHECK(v.d == 1.5);
    CHECK_INT(fnet_export_edge_value(x, field(x, "count"), ab, &b, &v), 1);
    CHECK_INT(v.i, 2);
    CHECK_INT(fnet_export_edge_value(x, field(x, "sign"), ab, &b, &v), 1);
    CHECK_INT(v.i, 0);
    CHECK_INT(fnet_export_edge_value(x, field(x, "relation"), ab, &b, &v), 0);
    CHECK_INT(fnet_export_edge_value(x, field(x, "relations"), ab, &b, &v), 1);
    CHECK_STR(v.s, "cooperates_with; opposes");
    CHECK_INT(fnet_export_edge_value(x, field(x, "first"), ab, &b, &v), 1);
    CHECK_STR(v.s, "2012-02");
    CHECK_INT(fnet_export_edge_value(x, field(x, "last"), ab, &b, &v), 1);
    CHECK_STR(v.s, "2015");
    CHECK_INT(fnet_export_edge_value(x, field(x, "facts"), ab, &b, &v), 1);
    CHECK_STR(v.s, "t.json: facts[1]; f1");
    CHECK_INT(fnet_export_edge_value(x, field(x, "sources"), ab, &b, &v), 1);
    CHECK_STR(v.s, "s1; s2");
    CHECK_INT(fnet_export_edge_value(x, field(x, "evidence"), ab, &b, &v), 1);
    CHECK_STR(v.s, "q early | q late");
    CHECK_INT(fnet_export_edge_value(x, field(x, "relation"), ac, &b, &v), 1);
    CHECK_STR(v.s, "party_to");
    CHECK_INT(fnet_export_edge_value(x, field(x, "evidence"), ac, &b, &v), 0);
    CHECK_INT(fnet_export_edge_value(x, field(x, "first"), ac, &b, &v), 0);
    /* Node spans: a covers 2012-02-01 .. 2015-12-31; c has no dated edge. */
    fnet_date lo, hi;
    CHECK(fnet_export_node_span(x, fnet_graph_find_node(f.g, "a"), &lo, &hi));
    char s[11];
    fnet_export_day(lo, false, s);
    CHECK_STR(s, "2012-02-01");
    fnet_export_day(hi, true, s);
    CHECK_STR(s, "2015-12-31");
    CHECK(!fnet_export_node_span(x, fnet_graph_find_node(f.g, "c"), &lo, &hi));
    fnet_buf_free(&b);
    teardown(&f);
}

static void test_days_and_reals(void)
{
    char s[11], r[32];
    struct {
        const char *date;
        const char *first, *last;
    } cases[] = {
        {"2013", "2013-01-01", "2013-12-31"},
        {"2016-02", "2016-02-01", "2016-02-29"},
        {"1900-02", "1900-02-01", "1900-02-28"},
        {"2000-02", "2000-02-01", "2000-02-29"},
        {"2021-04", "2021-04-01", "2021-04-30"},
        {"0987-06-05", "0987-06-05", "0987-06-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fnet_date d;
        char why[64];
        CHECK_INT(fnet_date_parse(cases[i].date, &d, why, sizeof why), 0);
        fnet_export_day(d, false, s);
        CHECK_STR(s, cases[i].first);
        fnet_export_day(d, true, s);
        CHECK_STR(s, cases[i].last);
    }
    fnet_export_real(0.1, r);
    CHECK_STR(r, "0.1");
    fnet_export_real(2, r);
    CHECK_STR(r, "2");
    fnet_export_real(1e-5, r);
    CHECK_STR(r, "1e-05");
    CHECK(strtod(r, NULL) == 1e-5);
    fnet_export_real(1.0 / 3, r);
    CHECK(strtod(r, NULL) == 1.0 / 3);
}

/* Captures a writer's output. */
static char *capture(int (*fn)(const fnet_export *, FILE *, fnet_err *),
                     const fnet_export *x)
{
    char *text = NULL;
    size_t len = 0;
    fnet_err err = {0};
    FILE *fp = open_memstream(&text, &len);
    if (!fp)
        return NULL;
    CHECK_INT(fn(x, fp, &err), 0);
    fclose(fp);
    return text;
}

/* GML written by hand from the rules in export_gml.h: ASCII only, " and &
 * as &quot; &amp;, non-ASCII as &#N;, reals with a point, booleans 1/0,
 * keys made valid. */
static void test_gml(void)
{
    fixture f;
    if (!setup(&f, false))
        return;
    char *text = capture(fnet_export_gml, f.x);
    const char *want_a =
        "  node [\n    id 0\n    label \"A &quot;1&quot; &amp; &#233;\"\n"
        "    name \"a\"\n    type \"actor\"\n    aliases \"x; y\"\n"
        "    date \"2001-02\"\n    a1_odd_key \"k\"\n"
        "    attr_label \"AL\"\n    attr_degree 3.0\n    flag 1\n"
        "    attr_attr_label \"L\"\n    mix \"2\"\n    n 1.5\n  ]\n";
    const char *want_c = "    label \"C&#10;new\"\n";
    const char *want_ab =
        "  edge [\n    source 0\n    target 1\n    weight 1.5\n    count 2\n"
        "    sign 0\n    relations \"cooperates_with; opposes\"\n"
        "    first \"2012-02\"\n    last \"2015\"\n"
        "    facts \"t.json: facts[1]; f1\"\n    sources \"s1; s2\"\n"
        "    evidence \"q early | q late\"\n  ]\n";
    CHECK(text &&
          strncmp(text, "graph [\n  directed 0\n  view \"full\"\n", 35) == 0);
    CHECK(text && strstr(text, want_a));
    CHECK(text && strstr(text, want_c));
    CHECK(text && strstr(text, want_ab));
    CHECK(text && strstr(text, "    flag 0\n"));
    CHECK(text && strcmp(text + strlen(text) - 2, "]\n") == 0);
    free(text);
    teardown(&f);
}

static void test_pajek(void)
{
    fixture f;
    if (!setup(&f, true))
        return;
    char *text = capture(fnet_export_pajek, f.x);
    const char *want = "*Vertices 4\n"
                       "1 \"A '1' & \xC3\xA9\"\n"
                       "2 \"b\"\n"
                       "3 \"C new\"\n"
                       "4 \"Z\"\n"
                       "*Edges\n"
                       "1 2 1.5\n"
                       "1 3 1\n";
    CHECK_STR(text, want);
    free(text);
    text = capture(fnet_export_pajek_clu, f.x);
    CHECK(text && strncmp(text, "*Vertices 4\n", 12) == 0);
    /* a, b, c form the largest community (1); z is alone (2). */
    CHECK_STR(text, "*Vertices 4\n1\n1\n1\n2\n");
    free(text);
    CHECK(!fnet_export_pajek_labels_clash(f.x));
    teardown(&f);
}

/* The format from -o's ending and export's option rules. */
static void test_format_rules(void)
{
    fnet_err err = {0};
    CHECK_INT(fnet_export_format_from_path("g.graphml"), FNET_EXPORT_GRAPHML);
    CHECK_INT(fnet_export_format_from_path("g.net"), FNET_EXPORT_PAJEK);
    CHECK_INT(fnet_export_format_from_path(".gml"), FNET_EXPORT_NONE);
    CHECK_INT(fnet_export_format_from_path(NULL), FNET_EXPORT_NONE);
    CHECK_STR(fnet_export_format_names[FNET_EXPORT_NEO4J], "neo4j");
    fnet_export_files f = {.out = "x.gexf", .dynamic = true};
    CHECK_INT(fnet_export_files_check(&f, &err), 0);
    CHECK_INT(f.format, FNET_EXPORT_GEXF);
    f = (fnet_export_files){.out = "x.txt"};
    CHECK_INT(fnet_export_files_check(&f, &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "cannot tell the format from 'x.txt': give --format");
    f = (fnet_export_files){.format = FNET_EXPORT_CSV, .out = "-"};
    CHECK_INT(fnet_export_files_check(&f, &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "--format csv writes several files: give -o PREFIX");
    f = (fnet_export_files){.format = FNET_EXPORT_GML, .dynamic = true};
    CHECK_INT(fnet_export_files_check(&f, &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "--dynamic applies to --format gexf only");
}

int main(void)
{
    RUN(test_fields);
    RUN(test_node_values);
    RUN(test_edge_values);
    RUN(test_days_and_reals);
    RUN(test_gml);
    RUN(test_pajek);
    RUN(test_format_rules);
    return TEST_REPORT();
}

/* test_job.c - unit tests for src/job/job (the analysis layer): what each
 * option asks for is computed and nothing else, the community column, the
 * graph metrics' communities, frustration and balance, the draw graph, a
 * borrowed graph, the second process giving the same result, and the
 * notes and warnings it words. */
#include "test.h"

#include "input/load.h"
#include "input/validate.h"
#include "job/job.h"

#include <math.h>
#include <string.h>

/* a - b - c - d a path (bipartite), plus c opposes e: one negative edge. */
static const char doc[] =
    "{\"factnet\": 1,"
    " \"sources\": [{\"id\": \"s\"}],"
    " \"entities\": ["
    "  {\"id\": \"a\", \"type\": \"actor\"},"
    "  {\"id\": \"b\", \"type\": \"actor\"},"
    "  {\"id\": \"c\", \"type\": \"actor\"},"
    "  {\"id\": \"d\", \"type\": \"actor\"},"
    "  {\"id\": \"e\", \"type\": \"actor\"}"
    " ],"
    " \"facts\": ["
    "  {\"subject\": \"a\", \"relation\": \"cooperates_with\","
    "   \"object\": \"b\", \"source\": \"s\"},"
    "  {\"subject\": \"b\", \"relation\": \"cooperates_with\","
    "   \"object\": \"c\", \"source\": \"s\"},"
    "  {\"subject\": \"c\", \"relation\": \"cooperates_with\","
    "   \"object\": \"d\", \"source\": \"s\"},"
    "  {\"subject\": \"c\", \"relation\": \"opposes\","
    "   \"object\": \"e\", \"source\": \"s\"}"
    " ]}";

static fnet_corpus *load(void)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    int rc = fnet_corpus_new(&c);
    if (rc == 0)
        rc = fnet_load_buffer(c, "t.json", doc, strlen(doc), false, &d, &err);
    if (rc == 0)
        rc = fnet_corpus_resolve(c, &d, &err);
    if (rc != 0 || d.n_errors)
        fnet_diag_print(&d, stderr);
    fnet_diag_free(&d);
    CHECK_INT(rc, 0);
    return c;
}

/* The corpus, default graph options and job options asking for want. */
typedef struct fixture {
    fnet_corpus *c;
    fnet_graph_opts go;
    fnet_job_opts o;
    fnet_err err;
    char buf[512];
} fixture;

static void setup(fixture *f, unsigned want)
{
    memset(f, 0, sizeof *f);
    f->c = load();
    fnet_graph_opts_init(&f->go);
    fnet_job_opts_init(&f->o);
    f->o.want = want;
}

static void test_parallel_names(void)
{
    CHECK_INT(fnet_job_parallel_from_name(NULL), FNET_JOB_AUTO);
    CHECK_INT(fnet_job_parallel_from_name(""), FNET_JOB_AUTO);
    CHECK_INT(fnet_job_parallel_from_name("auto"), FNET_JOB_AUTO);
    CHECK_INT(fnet_job_parallel_from_name("always"), FNET_JOB_ALWAYS);
    CHECK_INT(fnet_job_parallel_from_name("serial"), FNET_JOB_SERIAL);
    CHECK_INT(fnet_job_parallel_from_name("never"), -1);
}

/* Metrics, communities, graph metrics, frustration and balance, each only
 * when asked. */
static void test_what_is_asked(void)
{
    fixture f;
    fnet_job j;
    setup(&f, 0);
    CHECK_INT(fnet_job_run(&j, f.c, &f.go, &f.o, &f.err), 0);
    CHECK(j.g != NULL && j.draw == NULL && fnet_job_draw(&j) == j.g);
    CHECK(!j.has_m && !j.has_cm && !j.has_gm && !j.has_fr && !j.has_bal);
    fnet_job_runs_message(&j, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "");
    fnet_job_sampling_message(&j, true, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "");
    fnet_job_free(&j);

    f.o.want =
        FNET_METRIC_BIT(FNET_M_DEGREE) | FNET_METRIC_BIT(FNET_M_COMMUNITY);
    f.o.graph_metrics = true;
    f.o.balance = true;
    CHECK_INT(fnet_job_run(&j, f.c, &f.go, &f.o, &f.err), 0);
    CHECK(j.has_m && j.has_cm && j.has_gm && j.has_fr && j.has_bal);
    CHECK(j.m.value[FNET_M_DEGREE] != NULL);
    CHECK(j.m.value[FNET_M_PAGERANK] == NULL);
    CHECK(j.m.value[FNET_M_COMMUNITY] != NULL);
    for (uint32_t v = 0; j.has_cm && v < j.g->n_nodes; v++)
        CHECK_NEAR(j.m.value[FNET_M_COMMUNITY][v], j.cm.community[v], 0);
    CHECK_NEAR(j.gm.communities, j.cm.n_communities, 0);
    CHECK_NEAR(j.gm.modularity, j.cm.modularity, 1e-15);
    CHECK_INT(j.fr.negative, 1);
    CHECK_INT(j.bal.triangles, 0);
    CHECK(!j.hits_ambiguous);
    fnet_job_free(&j);
    fnet_corpus_free(f.c);
}

/* Hub/authority on the undirected bipartite graph: the warning. */
static void test_hits_warning(void)
{
    fixture f;
    fnet_job j;
    setup(&f, FNET_METRIC_BIT(FNET_M_HUB));
    CHECK_INT(fnet_job_run(&j, f.c, &f.go, &f.o, &f.err), 0);
    CHECK(j.hits_ambiguous);
    fnet_job_hits_message(&j, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "warning: the graph is bipartite (e.g. two-mode): its hub "
                     "and authority scores are not unique (docs/METRICS.md, "
                     "HITS)");
    fnet_job_free(&j);
    f.go.directed = true; /* not on a directed graph */
    CHECK_INT(fnet_job_run(&j, f.c, &f.go, &f.o, &f.err), 0);
    CHECK(!j.hits_ambiguous);
    fnet_job_free(&j);
    fnet_corpus_free(f.c);
}

/* Sampled path metrics: the sentence and the note, worded once. */
static void test_sampling_note(void)
{
    fixture f;
    fnet_job j;
    setup(&f, FNET_METRIC_BIT(FNET_M_BETWEENNESS));
    f.o.samples = 2;
    CHECK_INT(fnet_job_run(&j, f.c, &f.go, &f.o, &f.err), 0);
    CHECK(j.m.sampled);
    fnet_job_sampling_note(&j, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "Betweenness, closeness and harmonic centrality "
                     "estimated from 2 sampled sources.");
    fnet_job_sampling_message(&j, true, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "n*m = 20: Betweenness, closeness and harmonic "
                     "centrality estimated from 2 sampled sources. Use "
                     "--exact for exact values.");
    fnet_job_sampling_message(&j, false, f.buf, sizeof f.buf);
    CHECK_STR(f.buf, "n*m = 20: Betweenness, closeness and harmonic "
                     "centrality estimated from 2 sampled sources.");
    fnet_job_free(&j);
    fnet_corpus_free(f.c);
}

/* A directed graph gets its undirected draw graph; a borrowed graph
 * outlives the job; a child process gives the in-process result. */
static void test_draw_borrow_fork(void)
{
    fnet_corpus *c = load();
    fnet_graph_opts go;
    fnet_job_opts o;
    fnet_job j, k = {0}, s = {0};
    fnet_graph *g = NULL;
    fnet_err err = {0};
    fnet_graph_opts_init(&go);
    fnet_job_opts_init(&o);
    o.want = 0;
    o.draw_undirected = true;
    go.directed = true;
    CHECK_INT(fnet_job_run(&j, c, &go, &o, &err), 0);
    CHECK(j.draw != NULL && fnet_job_draw(&j) == j.draw);
    CHECK(j.draw && !j.draw->opts.directed);
    fnet_job_free(&j);

    go.directed = false;
    CHECK_INT(fnet_graph_build(&g, c, &go, &err), 0);
    fnet_job_opts_init(&o);
    o.communities = true;
    o.parallel = FNET_JOB_ALWAYS;
    CHECK_INT(fnet_job_analyse(&k, g, &o, &err), 0);
    o.parallel = FNET_JOB_SERIAL;
    CHECK_INT(fnet_job_analyse(&s, g, &o, &err), 0);
    CHECK(k.g == g && s.g == g);
    CHECK_INT(k.cm.n_communities, s.cm.n_communities);
    for (uint32_t v = 0; v < g->n_nodes; v++) {
        CHECK_INT(k.cm.community[v], s.cm.community[v]);
        CHECK_NEAR(k.m.value[FNET_M_PAGERANK][v], s.m.value[FNET_M_PAGERANK][v],
                   0);
    }
    fnet_job_free(&k);
    fnet_job_free(&s);
    CHECK_INT(g->n_nodes, 5); /* still the caller's */
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

int main(void)
{
    RUN(test_parallel_names);
    RUN(test_what_is_asked);
    RUN(test_hits_warning);
    RUN(test_sampling_note);
    RUN(test_draw_borrow_fork);
    return TEST_REPORT();
}

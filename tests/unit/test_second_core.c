/* test_second_core.c - work moved to a child process (analysis/split.h,
 * analysis/community_async.h) really runs there, comes back whole, and
 * equals the in-process result; the child's errors and death are
 * reported. */
#include "test.h"

#include "analysis/community_async.h"
#include "analysis/split.h"
#include "fixture.h"
#include "input/load.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct probe {
    pid_t parent;
    int fail; /* 1: the second half returns FNET_EDATA; 2: its process
                  dies */
} probe;

/* res = [lo, hi) * 0.5; ires = the pid that computed them. */
static int half(void *ctx, igraph_integer_t lo, igraph_integer_t hi,
                igraph_vector_t *res, igraph_vector_int_t *ires, fnet_err *err)
{
    const probe *p = ctx;
    if (lo > 0 && p->fail == 1)
        return fnet_err_set(err, FNET_EDATA, "half [%ld, %ld) failed", (long)lo,
                            (long)hi);
    if (lo > 0 && p->fail == 2 && getpid() != p->parent)
        _exit(7);
    if (igraph_vector_resize(res, hi - lo) || igraph_vector_int_resize(ires, 1))
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    for (igraph_integer_t i = lo; i < hi; i++)
        VECTOR(*res)[i - lo] = (double)i * 0.5;
    VECTOR(*ires)[0] = getpid();
    return 0;
}

typedef struct halves {
    igraph_vector_t lo, hi;
    igraph_vector_int_t ilo, ihi;
} halves;

static int run_split(probe *p, bool in_child, halves *h, fnet_err *err)
{
    igraph_vector_init(&h->lo, 0);
    igraph_vector_init(&h->hi, 0);
    igraph_vector_int_init(&h->ilo, 0);
    igraph_vector_int_init(&h->ihi, 0);
    return fnet_split_run(half, p, 9, in_child, &h->lo, &h->ilo, &h->hi,
                          &h->ihi, err);
}

static void free_halves(halves *h)
{
    igraph_vector_destroy(&h->lo);
    igraph_vector_destroy(&h->hi);
    igraph_vector_int_destroy(&h->ilo);
    igraph_vector_int_destroy(&h->ihi);
}

static void test_split(void)
{
    probe p = {getpid(), 0};
    fnet_err err = {0};
    for (int k = 0; k < 2; k++) {
        halves h;
        CHECK_INT(run_split(&p, k == 1, &h, &err), 0);
        CHECK_INT(igraph_vector_size(&h.lo), 4); /* [0, 4) and [4, 9) */
        CHECK_INT(igraph_vector_size(&h.hi), 5);
        CHECK_NEAR(VECTOR(h.lo)[3], 1.5, 0);
        CHECK_NEAR(VECTOR(h.hi)[0], 2.0, 0);
        CHECK_NEAR(VECTOR(h.hi)[4], 4.0, 0);
        CHECK_INT(VECTOR(h.ilo)[0], getpid());
        if (k == 1) /* the second half ran in another process */
            CHECK(VECTOR(h.ihi)[0] != getpid() && VECTOR(h.ihi)[0] > 0);
        else
            CHECK_INT(VECTOR(h.ihi)[0], getpid());
        free_halves(&h);
    }
}

static void test_split_errors(void)
{
    probe p = {getpid(), 1};
    fnet_err err = {0};
    halves h;
    CHECK_INT(run_split(&p, true, &h, &err), FNET_EDATA);
    CHECK_STR(err.msg, "half [4, 9) failed");
    free_halves(&h);
    p.fail = 2;
    fnet_err_clear(&err);
    CHECK_INT(run_split(&p, true, &h, &err), FNET_EINTERNAL);
    CHECK_STR(err.msg, "path metrics failed in their second process");
    free_halves(&h);
}

static fnet_graph *load_graph(fnet_corpus **c, const char *path)
{
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_graph_opts go;
    fnet_graph *g = NULL;
    char *paths[] = {(char *)path};
    int rc = fnet_load_corpus(c, paths, 1, NULL, false, &d, &err);
    fnet_diag_free(&d);
    fnet_graph_opts_init(&go);
    if (!rc)
        rc = fnet_graph_build(&g, *c, &go, &err);
    if (rc)
        fprintf(stderr, "%s: %s\n", path, err.msg);
    return g;
}

static fnet_graph *karate(fnet_corpus **c)
{
    return load_graph(c, "reference/networks/karate.json");
}

/* A signed graph: detection runs on the positive part, and the child
 * releases its copy of the graph (fnet_communities_detect_consume()) as
 * soon as the positive part exists. Same result as in-process, and the
 * released graph keeps only its nodes. */
static void test_communities_consume_signed(void)
{
    fnet_corpus *c = NULL, *c2 = NULL;
    fnet_graph *g = load_graph(&c, "stance/quad_aukus.json");
    fnet_graph *g2 = load_graph(&c2, "stance/quad_aukus.json");
    CHECK(g && g2);
    if (!g || !g2)
        goto done;
    fnet_community_opts o;
    fnet_community_opts_init(&o);
    o.runs = 3;
    fnet_communities a, b, d;
    fnet_communities_job job;
    fnet_err err = {0};
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
    CHECK(a.positive_part);
    CHECK(a.n_communities >= 2);
    CHECK_INT(fnet_communities_detect_consume(&d, g2, &o, &err), 0);
    CHECK(g2->edges == NULL && !g2->has_g && !g2->has_weights);
    CHECK_INT(d.n_communities, a.n_communities);
    CHECK(memcmp(a.community, d.community, a.n * sizeof *a.community) == 0);
    CHECK(memcmp(&a.modularity, &d.modularity, sizeof a.modularity) == 0);
    fnet_communities_start(&job, g, &o, true);
    CHECK(job.pid > 0);
    CHECK_INT(fnet_communities_finish(&job, &b, &err), 0);
    CHECK(b.community &&
          memcmp(a.community, b.community, a.n * sizeof *a.community) == 0);
    CHECK(memcmp(&a.modularity, &b.modularity, sizeof a.modularity) == 0);
    CHECK(g->edges != NULL && g->has_g); /* the parent's graph is whole */
    fnet_communities_free(&a);
    fnet_communities_free(&b);
    fnet_communities_free(&d);
done:
    fnet_graph_free(g);
    fnet_graph_free(g2);
    fnet_corpus_free(c);
    fnet_corpus_free(c2);
}

static void test_communities_in_child(void)
{
    fnet_corpus *c = NULL;
    fnet_graph *g = karate(&c);
    CHECK(g != NULL);
    if (!g) {
        fnet_corpus_free(c);
        return;
    }
    fnet_community_opts o;
    fnet_community_opts_init(&o);
    o.runs = 4; /* stability too */
    fnet_communities a, b;
    fnet_communities_job job;
    fnet_err err = {0};
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), 0);
    fnet_communities_start(&job, g, &o, true);
    CHECK(job.pid > 0);
    CHECK_INT(fnet_communities_finish(&job, &b, &err), 0);
    CHECK_INT(b.n, a.n);
    CHECK_INT(b.n_communities, a.n_communities);
    CHECK(b.community &&
          memcmp(a.community, b.community, a.n * sizeof *a.community) == 0);
    CHECK(b.stability &&
          memcmp(a.stability, b.stability, a.n * sizeof *a.stability) == 0);
    CHECK(memcmp(&a.modularity, &b.modularity, sizeof a.modularity) == 0);
    CHECK(memcmp(&a.mod_sd, &b.mod_sd, sizeof a.mod_sd) == 0);
    fnet_communities_free(&b);
    fnet_communities_start(&job, g, &o, false); /* in-process */
    CHECK_INT(job.pid, 0);
    CHECK_INT(fnet_communities_finish(&job, &b, &err), 0);
    CHECK(memcmp(a.community, b.community, a.n * sizeof *a.community) == 0);
    fnet_communities_free(&b);
    fnet_communities_free(&a);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

/* An error of the child comes back as it is: spinglass on a graph of two
 * components is a usage error. */
static void test_communities_child_error(void)
{
    static const char *const lines[] = {"A B cooperates_with",
                                        "C D cooperates_with"};
    fnet_corpus *c = corpus_from_edges(lines, 2, NULL);
    fnet_graph *g = NULL;
    fnet_graph_opts go;
    fnet_err err = {0}, err2 = {0};
    fnet_communities a, b;
    fnet_communities_job job;
    fnet_community_opts o;
    fnet_graph_opts_init(&go);
    CHECK(c && fnet_graph_build(&g, c, &go, &err) == 0);
    if (!g) {
        fnet_corpus_free(c);
        return;
    }
    fnet_community_opts_init(&o);
    o.algorithm = FNET_COMM_SPINGLASS;
    CHECK_INT(fnet_communities_detect(&a, g, &o, &err), FNET_EUSAGE);
    fnet_communities_start(&job, g, &o, true);
    CHECK(job.pid > 0);
    CHECK_INT(fnet_communities_finish(&job, &b, &err2), FNET_EUSAGE);
    CHECK_STR(err2.msg, err.msg);
    fnet_communities_free(&a);
    fnet_communities_free(&b);
    fnet_graph_free(g);
    fnet_corpus_free(c);
}

int main(void)
{
    RUN(test_split);
    RUN(test_split_errors);
    RUN(test_communities_in_child);
    RUN(test_communities_consume_signed);
    RUN(test_communities_child_error);
    return TEST_REPORT();
}

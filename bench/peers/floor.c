/* floor.c - the cost of the libraries alone: the benchmark job with cJSON
 * and igraph and nothing else (no validation, one thread).
 *
 *   floor [--full] FILE.jsonl > metrics.csv
 *
 * Reads factnet JSON Lines one line at a time with cJSON, keeps the entity
 * records (id, label, type, in file order) and sums the weight of every
 * fact per unordered pair of entities (self-loops left out), builds the
 * simple weighted igraph graph with edges sorted by (from, to) as factnet
 * does, and writes the metrics CSV in entity order:
 *
 *   fast set: id,degree,strength,eigenvector,pagerank,coreness,clustering,
 *             community
 *   --full:   id,label,type,degree,in_degree,out_degree,strength,
 *             betweenness,closeness,harmonic,eigenvector,pagerank,hub,
 *             authority,coreness,clustering,constraint,community
 *
 * The igraph calls and their normalisations are those listed in
 * tests/reference/README.md. Leiden optimises modularity (node weights =
 * strength, resolution 1/(2W)), beta 0.01, iterated until stable (as
 * factnet does), seed 42.
 * Facts naming an undeclared entity are skipped and counted on stderr: the
 * floor does no other checking. Memory: the entity table and one
 * accumulator per distinct pair; the file is never held whole. One
 * thread: OpenMP (used by igraph's PRPACK) is limited to one. */
#include <cjson/cJSON.h>
#include <igraph.h>

#include <math.h>
#ifdef FNET_OMP_RUNTIME
void omp_set_num_threads(int n); /* igraph's runtime (CMakeLists.txt) */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEIDEN_ITERATIONS (-1) /* until stable, as factnet */
#define LEIDEN_BETA 0.01
#define SEED 42

static void die(const char *msg)
{
    fprintf(stderr, "floor: %s\n", msg);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* Prints the time since the previous call as "floor: STAGE S s" on stderr
 * (name NULL: only starts the clock), so that the report can say where the
 * floor's time goes. */
static void stage(struct timespec *last, const char *name)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (name)
        fprintf(stderr, "floor: %-13s %7.3f s\n", name,
                (double)(now.tv_sec - last->tv_sec) +
                    (double)(now.tv_nsec - last->tv_nsec) / 1e9);
    *last = now;
}

/* ---- entities: id -> index, open addressing ------------------------ */

typedef struct entity {
    char *id, *label, *type;
} entity;

typedef struct entities {
    entity *v;
    uint32_t n, cap;
    uint32_t *slot; /* index + 1, 0 = empty */
    size_t n_slots;
} entities;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int64_t ent_find(const entities *t, const char *id)
{
    if (!t->n_slots)
        return -1;
    for (size_t i = hash_str(id) & (t->n_slots - 1);;
         i = (i + 1) & (t->n_slots - 1)) {
        if (!t->slot[i])
            return -1;
        if (strcmp(t->v[t->slot[i] - 1].id, id) == 0)
            return t->slot[i] - 1;
    }
}

static void ent_rehash(entities *t)
{
    size_t n = t->n_slots ? t->n_slots * 2 : 1024;
    free(t->slot);
    t->slot = calloc(n, sizeof *t->slot);
    if (!t->slot)
        die("out of memory");
    t->n_slots = n;
    for (uint32_t k = 0; k < t->n; k++) {
        size_t i = hash_str(t->v[k].id) & (n - 1);
        while (t->slot[i])
            i = (i + 1) & (n - 1);
        t->slot[i] = k + 1;
    }
}

static void ent_add(entities *t, const char *id, const char *label,
                    const char *type)
{
    if (ent_find(t, id) >= 0)
        return; /* repeated declaration: the first one counts */
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n++] = (entity){xstrdup(id), xstrdup(label ? label : id),
                            xstrdup(type ? type : "")};
    if ((size_t)t->n * 2 > t->n_slots)
        ent_rehash(t);
    else {
        size_t i = hash_str(id) & (t->n_slots - 1);
        while (t->slot[i])
            i = (i + 1) & (t->n_slots - 1);
        t->slot[i] = t->n;
    }
}

/* ---- pairs: (a < b) -> summed weight --------------------------------- */

typedef struct pair {
    uint64_t key; /* a << 32 | b, a < b */
    double weight;
} pair;

typedef struct pairs {
    pair *v;
    size_t n, cap;
    uint32_t *slot; /* index + 1 */
    size_t n_slots;
} pairs;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static void pairs_rehash(pairs *p)
{
    size_t n = p->n_slots ? p->n_slots * 2 : 1 << 16;
    free(p->slot);
    p->slot = calloc(n, sizeof *p->slot);
    if (!p->slot)
        die("out of memory");
    p->n_slots = n;
    for (size_t k = 0; k < p->n; k++) {
        size_t i = mix(p->v[k].key) & (n - 1);
        while (p->slot[i])
            i = (i + 1) & (n - 1);
        p->slot[i] = (uint32_t)(k + 1);
    }
}

static void pairs_add(pairs *p, uint32_t a, uint32_t b, double w)
{
    uint64_t key = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    if (p->n_slots) {
        size_t i = mix(key) & (p->n_slots - 1);
        for (; p->slot[i]; i = (i + 1) & (p->n_slots - 1))
            if (p->v[p->slot[i] - 1].key == key) {
                p->v[p->slot[i] - 1].weight += w;
                return;
            }
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1 << 15;
        p->v = xrealloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n++] = (pair){key, w};
    if (p->n * 2 > p->n_slots)
        pairs_rehash(p);
    else {
        size_t i = mix(key) & (p->n_slots - 1);
        while (p->slot[i])
            i = (i + 1) & (p->n_slots - 1);
        p->slot[i] = (uint32_t)p->n;
    }
}

static int by_key(const void *x, const void *y)
{
    uint64_t a = ((const pair *)x)->key, b = ((const pair *)y)->key;
    return a < b ? -1 : a > b;
}

/* ---- reading --------------------------------------------------------- */

static const char *str_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void read_file(const char *path, entities *ents, pairs *prs)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp)
        die("cannot open input");
    char *line = NULL;
    size_t cap = 0, skipped = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        cJSON *obj = cJSON_ParseWithLength(line, (size_t)len);
        if (!obj)
            continue;
        const char *kind = str_of(obj, "kind");
        if (kind && strcmp(kind, "entity") == 0 && str_of(obj, "id")) {
            ent_add(ents, str_of(obj, "id"), str_of(obj, "label"),
                    str_of(obj, "type"));
        } else if (kind && strcmp(kind, "fact") == 0) {
            const char *s = str_of(obj, "subject"), *o = str_of(obj, "object");
            int64_t a = s ? ent_find(ents, s) : -1;
            int64_t b = o ? ent_find(ents, o) : -1;
            const cJSON *w = cJSON_GetObjectItemCaseSensitive(obj, "weight");
            if (a < 0 || b < 0)
                skipped++;
            else if (a != b)
                pairs_add(prs, (uint32_t)a, (uint32_t)b,
                          cJSON_IsNumber(w) ? w->valuedouble : 1.0);
        }
        cJSON_Delete(obj);
    }
    free(line);
    if (fp != stdin)
        fclose(fp);
    if (skipped)
        fprintf(stderr, "floor: %zu facts name undeclared entities\n", skipped);
}

/* ---- metrics --------------------------------------------------------- */

#define CHECK(expr)                                                            \
    do {                                                                       \
        if ((expr) != IGRAPH_SUCCESS)                                          \
            die(#expr " failed");                                              \
    } while (0)

enum {
    C_DEGREE,
    C_STRENGTH,
    C_BETWEENNESS,
    C_CLOSENESS,
    C_HARMONIC,
    C_EIGENVECTOR,
    C_PAGERANK,
    C_HUB,
    C_AUTHORITY,
    C_CORENESS,
    C_CLUSTERING,
    C_CONSTRAINT,
    C_COMMUNITY,
    N_COLS
};

typedef struct result {
    igraph_vector_t col[N_COLS];
    bool have[N_COLS];
} result;

static void compute(const igraph_t *g, const igraph_vector_t *w, bool full,
                    result *r, struct timespec *clk)
{
    igraph_integer_t n = igraph_vcount(g);
    for (int c = 0; c < N_COLS; c++)
        CHECK(igraph_vector_init(&r->col[c], n));
    igraph_vector_int_t iv;
    CHECK(igraph_vector_int_init(&iv, n));

    CHECK(igraph_degree(g, &iv, igraph_vss_all(), IGRAPH_ALL, false));
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(r->col[C_DEGREE])[i] = (double)VECTOR(iv)[i];
    CHECK(igraph_strength(g, &r->col[C_STRENGTH], igraph_vss_all(), IGRAPH_ALL,
                          false, w));
    stage(clk, "degree");
    igraph_real_t value;
    CHECK(igraph_eigenvector_centrality(g, &r->col[C_EIGENVECTOR], &value,
                                        false, true, w, NULL));
    stage(clk, "eigenvector");
    CHECK(igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &r->col[C_PAGERANK],
                          &value, igraph_vss_all(), false, 0.85, w, NULL));
    stage(clk, "pagerank");
    CHECK(igraph_coreness(g, &iv, IGRAPH_ALL));
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(r->col[C_CORENESS])[i] = (double)VECTOR(iv)[i];
    stage(clk, "coreness");
    CHECK(igraph_transitivity_local_undirected(
        g, &r->col[C_CLUSTERING], igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO));
    stage(clk, "clustering");
    double total = 0;
    for (igraph_integer_t e = 0; e < igraph_vector_size(w); e++)
        total += VECTOR(*w)[e];
    igraph_integer_t k;
    igraph_real_t quality;
    CHECK(igraph_community_leiden(
        g, w, &r->col[C_STRENGTH], total > 0 ? 1.0 / (2 * total) : 1.0,
        LEIDEN_BETA, false, LEIDEN_ITERATIONS, &iv, &k, &quality));
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(r->col[C_COMMUNITY])[i] = (double)VECTOR(iv)[i];
    stage(clk, "leiden");
    r->have[C_DEGREE] = r->have[C_STRENGTH] = r->have[C_EIGENVECTOR] =
        r->have[C_PAGERANK] = r->have[C_CORENESS] = r->have[C_CLUSTERING] =
            r->have[C_COMMUNITY] = true;

    if (full) {
        double pairs_n = n > 2 ? (double)(n - 1) * (double)(n - 2) / 2 : 1;
        CHECK(igraph_betweenness(g, &r->col[C_BETWEENNESS], igraph_vss_all(),
                                 false, NULL));
        igraph_vector_scale(&r->col[C_BETWEENNESS], 1.0 / pairs_n);
        stage(clk, "betweenness");
        CHECK(igraph_closeness(g, &r->col[C_CLOSENESS], &iv, NULL,
                               igraph_vss_all(), IGRAPH_ALL, NULL, true));
        for (igraph_integer_t i = 0; i < n; i++) {
            double c = VECTOR(r->col[C_CLOSENESS])[i];
            VECTOR(r->col[C_CLOSENESS])
            [i] = isnan(c) || n < 2 ? 0 : c * (double)VECTOR(iv)[i] / (n - 1);
        }
        stage(clk, "closeness");
        CHECK(igraph_harmonic_centrality(
            g, &r->col[C_HARMONIC], igraph_vss_all(), IGRAPH_ALL, NULL, true));
        stage(clk, "harmonic");
        CHECK(igraph_hub_and_authority_scores(
            g, &r->col[C_HUB], &r->col[C_AUTHORITY], &value, true, w, NULL));
        stage(clk, "hub/authority");
        CHECK(igraph_constraint(g, &r->col[C_CONSTRAINT], igraph_vss_all(), w));
        stage(clk, "constraint");
        r->have[C_BETWEENNESS] = r->have[C_CLOSENESS] = r->have[C_HARMONIC] =
            r->have[C_HUB] = r->have[C_AUTHORITY] = r->have[C_CONSTRAINT] =
                true;
    }
    igraph_vector_int_destroy(&iv);
}

/* ---- output ---------------------------------------------------------- */

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void put_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

static void put_num(FILE *out, double v, bool integer)
{
    if (isnan(v))
        return; /* undefined: empty field */
    if (integer)
        fprintf(out, ",%.0f", v);
    else
        fprintf(out, ",%.17g", v);
}

static void write_csv(FILE *out, const entities *ents, const result *r,
                      bool full)
{
    if (full)
        fputs("id,label,type,degree,in_degree,out_degree,strength,"
              "betweenness,closeness,harmonic,eigenvector,pagerank,hub,"
              "authority,coreness,clustering,constraint,community\n",
              out);
    else
        fputs("id,degree,strength,eigenvector,pagerank,coreness,clustering,"
              "community\n",
              out);
    for (uint32_t i = 0; i < ents->n; i++) {
        const entity *e = &ents->v[i];
        put_field(out, e->id);
        if (full) {
            putc(',', out);
            put_field(out, e->label);
            putc(',', out);
            put_field(out, e->type);
        }
        for (int c = 0; c < N_COLS; c++) {
            if (!r->have[c])
                continue;
            double v = VECTOR(r->col[c])[i];
            bool integer = c == C_DEGREE || c == C_CORENESS || c == C_COMMUNITY;
            if (isnan(v))
                putc(',', out);
            else
                put_num(out, v, integer);
            if (c == C_DEGREE && full) { /* in/out degree = degree */
                put_num(out, v, true);
                put_num(out, v, true);
            }
        }
        putc('\n', out);
    }
}

int main(int argc, char **argv)
{
    bool full = argc == 3 && strcmp(argv[1], "--full") == 0;
    if (argc != 2 + full) {
        fputs("usage: floor [--full] FILE.jsonl > metrics.csv\n", stderr);
        return 2;
    }
#ifdef FNET_OMP_RUNTIME
    /* igraph's PRPACK runs an OpenMP loop whose reduction order, and so
     * the last bits of PageRank, vary with the threads' timing. */
    omp_set_num_threads(1);
#endif
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_rng_seed(igraph_rng_default(), SEED);

    struct timespec clock_start;
    struct timespec *clk = &clock_start;
    stage(clk, NULL);
    entities ents = {0};
    pairs prs = {0};
    read_file(argv[1 + full], &ents, &prs);
    stage(clk, "parse");
    free(prs.slot);
    qsort(prs.v, prs.n, sizeof *prs.v, by_key);

    igraph_vector_int_t edges;
    igraph_vector_t w;
    CHECK(igraph_vector_int_init(&edges, 2 * (igraph_integer_t)prs.n));
    CHECK(igraph_vector_init(&w, (igraph_integer_t)prs.n));
    for (size_t e = 0; e < prs.n; e++) {
        VECTOR(edges)[2 * e] = (igraph_integer_t)(prs.v[e].key >> 32);
        VECTOR(edges)
        [2 * e + 1] = (igraph_integer_t)(prs.v[e].key & 0xffffffffu);
        VECTOR(w)[e] = prs.v[e].weight;
    }
    free(prs.v);
    igraph_t g;
    CHECK(igraph_create(&g, &edges, ents.n, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&edges);
    stage(clk, "graph");
    fprintf(stderr, "floor: %u nodes, %ld edges\n", ents.n,
            (long)igraph_ecount(&g));

    result r = {0};
    compute(&g, &w, full, &r, clk);
    write_csv(stdout, &ents, &r, full);
    stage(clk, "write");

    for (int c = 0; c < N_COLS; c++)
        igraph_vector_destroy(&r.col[c]);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    for (uint32_t i = 0; i < ents.n; i++) {
        free(ents.v[i].id);
        free(ents.v[i].label);
        free(ents.v[i].type);
    }
    free(ents.v);
    free(ents.slot);
    if (fflush(stdout) != 0 || ferror(stdout))
        die("write error");
    return 0;
}

/* gen_facts.c - deterministic synthetic fact corpora for benchmarks.
 *
 *   gen_facts N [ENTITIES] [SEED]     (N and ENTITIES accept k/M/G suffixes)
 *
 * Writes factnet JSON Lines to stdout: one header, the sources, the
 * entities, then N facts. Every record is valid for `factnet check` with
 * the built-in vocabulary (src/model/corpus.c): each relation's subject and
 * object have the types it allows, there are no self-loops, every fact has a
 * date, a weight, a source and an evidence string, and every entity and
 * source is used (given N >= 2 ENTITIES).
 *
 * Shape: entities are 70% actors, 18% agreements, 12% strategies (default
 * ENTITIES = N/20, at least 50: 1M facts -> 50k entities). Endpoints are
 * chosen by preferential attachment (Price's model): with probability
 * COPY_P an endpoint repeats the endpoint of a random earlier choice of the
 * same type, so popular entities become hubs with a power-law degree tail;
 * otherwise it is the next entity of a reshuffled round-robin of that type,
 * so that all entities appear. COPY_P is tuned so that about 99% of the
 * facts name a distinct pair, as in event data (GDELT, ICEWS). Weights are
 * 0.5, 1, 1.5, 2 or 3: dyadic, so sums are exact in any order.
 *
 * Determinism: only integer arithmetic (xoshiro256**, seeded by splitmix64)
 * decides the output, so the same N, ENTITIES and SEED give byte-identical
 * output on every platform. Memory: 4 bytes per endpoint chosen (the
 * attachment history), about 80 MB for 10M facts. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COPY_P_PERMILLE 650  /* chance an endpoint is a preferential copy */
#define SOURCES_PER_FACT 200 /* one source per this many facts */

/* ---- random numbers ---------------------------------------------------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t next64(rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

/* Uniform in [0, n) for n < 2^32 (multiply-shift; the bias is < 2^-32). */
static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

/* ---- output buffer ----------------------------------------------------- */

typedef struct out {
    char buf[1 << 16];
    size_t len;
    int failed;
} out;

static void flush(out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, stdout) != o->len)
        o->failed = 1;
    o->len = 0;
}

static void puts_n(out *o, const char *s, size_t n)
{
    if (o->len + n > sizeof o->buf)
        flush(o);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void put(out *o, const char *s)
{
    puts_n(o, s, strlen(s));
}

/* Decimal u, left-padded with zeros to width digits. */
static void put_uint(out *o, uint64_t u, int width)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n < width)
        tmp[n++] = '0';
    char rev[24];
    for (int i = 0; i < n; i++)
        rev[i] = tmp[n - 1 - i];
    puts_n(o, rev, (size_t)n);
}

/* ---- vocabulary -------------------------------------------------------- */

enum { ACTOR, AGREEMENT, STRATEGY, N_TYPES };

static const char *const type_name[N_TYPES] = {"actor", "agreement",
                                               "strategy"};
static const char *const id_prefix[N_TYPES] = {"ACT", "AGR", "STR"};
static const unsigned type_percent[N_TYPES] = {70, 18, 12};

/* Place names for labels; a few are not ASCII so that the UTF-8 paths run. */
static const char *const places[] = {
    "Aldoria", "Boravia",  "Calvera", "Dunmark",  "Estoria", "Fennland",
    "Galicor", "Harrowin", "Istrava", "Jorvik",   "Kaldera", "Lunaris",
    "Mirevia", "Nørdland", "Ostrava", "Pellucid", "Qirana",  "Rüdesia",
    "Sarovia", "Tolmara",  "Ulvania", "Vélaria",  "Westmar", "Zanthé"};
#define N_PLACES (sizeof places / sizeof places[0])

static const char *const actor_kinds[] = {"Ministry of Foreign Affairs",
                                          "Defence Ministry",
                                          "Cyber Agency",
                                          "Coast Guard",
                                          "Trade Council",
                                          "Parliament",
                                          "Central Bank",
                                          "Signals Directorate"};
static const char *const agreement_kinds[] = {
    "Cooperation Accord", "Trade Pact",      "Memorandum of Understanding",
    "Joint Statement",    "Security Treaty", "Data Sharing Agreement"};
static const char *const strategy_kinds[] = {
    "Cybersecurity Strategy", "National Security Strategy", "Maritime Strategy",
    "Digital Economy Plan", "Defence White Paper"};

/* A relation and the types of its endpoints, from the built-ins in
 * src/model/corpus.c. obj_any: the object may be of any type. */
typedef struct relation {
    const char *name;
    unsigned share; /* per mille of the facts */
    int subj[2], n_subj;
    int obj[2], n_obj;
    int obj_any, subj_any;
    const char *phrase; /* for the evidence text */
} relation;

static const relation relations[] = {
    {"cooperates_with",
     240,
     {ACTOR},
     1,
     {ACTOR},
     1,
     0,
     0,
     "agreed to deepen cooperation with"},
    {"competes_with",
     80,
     {ACTOR},
     1,
     {ACTOR},
     1,
     0,
     0,
     "was described as a rival of"},
    {"opposes", 40, {ACTOR}, 1, {ACTOR}, 1, 0, 0, "publicly opposed"},
    {"member_of", 60, {ACTOR}, 1, {ACTOR}, 1, 0, 0, "joined"},
    {"part_of", 30, {ACTOR}, 1, {ACTOR}, 1, 0, 0, "reports to"},
    {"supports", 80, {ACTOR}, 1, {0}, 0, 1, 0, "voiced support for"},
    {"party_to", 180, {ACTOR}, 1, {AGREEMENT}, 1, 0, 0, "signed"},
    {"negotiates",
     80,
     {ACTOR},
     1,
     {AGREEMENT},
     1,
     0,
     0,
     "opened negotiations on"},
    {"issued", 100, {ACTOR}, 1, {STRATEGY, AGREEMENT}, 2, 0, 0, "released"},
    {"references", 50, {0}, 0, {0}, 0, 1, 1, "cited"},
    {"supersedes",
     60,
     {STRATEGY, AGREEMENT},
     2,
     {STRATEGY, AGREEMENT},
     2,
     0,
     0,
     "replaced"},
};
#define N_RELATIONS (sizeof relations / sizeof relations[0])

static const char *const weights[] = {"1", "1", "1", "1",   "1", "1",  "1",
                                      "1", "1", "1", "1",   "1", "1",  "1",
                                      "2", "2", "2", "0.5", "3", "1.5"};
#define N_WEIGHTS (sizeof weights / sizeof weights[0])

/* ---- entities and endpoint choice ------------------------------------- */

typedef struct pool {
    uint32_t first, n; /* global ids first .. first+n-1 */
    uint32_t *perm;    /* round-robin order, reshuffled at each wrap */
    uint32_t cursor;
    uint32_t *hist; /* every endpoint chosen so far (attachment) */
    uint64_t n_hist, cap_hist;
} pool;

static void shuffle(rng *r, uint32_t *a, uint32_t n)
{
    for (uint32_t i = n; i > 1; i--) {
        uint32_t j = below(r, i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static int pool_init(pool *p, rng *r, uint32_t first, uint32_t n)
{
    memset(p, 0, sizeof *p);
    p->first = first;
    p->n = n;
    p->perm = malloc((size_t)n * sizeof *p->perm);
    if (!p->perm)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        p->perm[i] = first + i;
    shuffle(r, p->perm, n);
    return 0;
}

static int pool_push(pool *p, uint32_t e)
{
    if (p->n_hist == p->cap_hist) {
        uint64_t cap = p->cap_hist ? p->cap_hist * 2 : 1024;
        uint32_t *h = realloc(p->hist, cap * sizeof *h);
        if (!h)
            return -1;
        p->hist = h;
        p->cap_hist = cap;
    }
    p->hist[p->n_hist++] = e;
    return 0;
}

/* An entity of pool p other than `avoid`; -1 (as UINT32_MAX) on ENOMEM. */
static uint32_t pick(pool *p, rng *r, uint32_t avoid)
{
    uint32_t e = avoid;
    for (int tries = 0; e == avoid; tries++) {
        if (p->n_hist && tries < 8 && below(r, 1000) < COPY_P_PERMILLE) {
            /* n_hist <= 2 N <= 2^31: fits below()'s range. */
            e = p->hist[below(r, (uint32_t)p->n_hist)];
        } else {
            if (p->cursor == p->n) {
                shuffle(r, p->perm, p->n);
                p->cursor = 0;
            }
            e = p->perm[p->cursor++];
        }
        if (p->n == 1)
            break;
    }
    if (pool_push(p, e) != 0)
        return UINT32_MAX;
    return e;
}

/* ---- records ----------------------------------------------------------- */

typedef struct gen {
    rng r;
    out o;
    uint64_t n_facts;
    uint32_t n_entities, n_sources;
    uint32_t n_of[N_TYPES];
    pool pools[N_TYPES];
    pool sources;
    int id_width, src_width;
    unsigned rel_cum[N_RELATIONS];
} gen;

static int type_of(const gen *g, uint32_t e)
{
    for (int t = 0; t < N_TYPES; t++)
        if (e < g->pools[t].first + g->pools[t].n)
            return t;
    return STRATEGY;
}

static void put_id(gen *g, uint32_t e)
{
    int t = type_of(g, e);
    put(&g->o, id_prefix[t]);
    put_uint(&g->o, e - g->pools[t].first + 1, g->id_width);
}

/* Labels are unique (they carry the number) and derived from the id. */
static void put_label(gen *g, uint32_t e)
{
    int t = type_of(g, e);
    uint32_t k = e - g->pools[t].first + 1;
    uint64_t h = k * 0x9E3779B97F4A7C15ULL;
    const char *place = places[(h >> 40) % N_PLACES];
    put(&g->o, place);
    put(&g->o, " ");
    if (t == ACTOR)
        put(&g->o, actor_kinds[(h >> 20) % 8]);
    else if (t == AGREEMENT)
        put(&g->o, agreement_kinds[(h >> 20) % 6]);
    else
        put(&g->o, strategy_kinds[(h >> 20) % 5]);
    put(&g->o, " ");
    put_uint(&g->o, k, 0);
}

static void put_date(out *o, uint32_t days)
{
    /* days since 1990-01-01 -> civil date (H. Hinnant's algorithm). */
    int64_t z = (int64_t)days + 7305 + 719468; /* 1970-01-01 based */
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    put_uint(o, (uint64_t)y, 4);
    put(o, "-");
    put_uint(o, (uint64_t)m, 2);
    put(o, "-");
    put_uint(o, (uint64_t)d, 2);
}

#define N_DAYS 12418 /* 1990-01-01 .. 2023-12-31 */

static void write_header(gen *g)
{
    out *o = &g->o;
    put(o, "{\"kind\":\"header\",\"title\":\"Synthetic event corpus: ");
    put_uint(o, g->n_facts, 0);
    put(o, " facts, ");
    put_uint(o, g->n_entities, 0);
    put(o, " entities (factnet gen_facts)\"}\n");
}

static void write_sources(gen *g)
{
    out *o = &g->o;
    for (uint32_t s = 1; s <= g->n_sources; s++) {
        put(o, "{\"kind\":\"source\",\"id\":\"SRC");
        put_uint(o, s, g->src_width);
        put(o, "\",\"title\":\"Synthetic wire report ");
        put_uint(o, s, 0);
        put(o, "\",\"author\":\"gen_facts\",\"date\":\"");
        put_date(o, (uint32_t)(((uint64_t)s * 7919) % N_DAYS));
        put(o, "\",\"url\":\"https://example.org/reports/");
        put_uint(o, s, 0);
        put(o, "\"}\n");
    }
}

static void write_entities(gen *g)
{
    out *o = &g->o;
    for (uint32_t e = 0; e < g->n_entities; e++) {
        put(o, "{\"kind\":\"entity\",\"id\":\"");
        put_id(g, e);
        put(o, "\",\"type\":\"");
        put(o, type_name[type_of(g, e)]);
        put(o, "\",\"label\":\"");
        put_label(g, e);
        put(o, "\"}\n");
    }
}

/* A type allowed by the list (n == 0: any type, by the entity mix). */
static int draw_type(gen *g, const int *types, int n)
{
    if (n == 1)
        return types[0];
    if (n == 2)
        return below(&g->r, 10) < 7 ? types[0] : types[1];
    uint32_t x = below(&g->r, 100);
    for (int t = 0; t < N_TYPES; t++) {
        if (x < type_percent[t])
            return t;
        x -= type_percent[t];
    }
    return ACTOR;
}

static int write_fact(gen *g, uint64_t i)
{
    out *o = &g->o;
    uint32_t x = below(&g->r, 1000);
    size_t k = 0;
    while (k + 1 < N_RELATIONS && x >= g->rel_cum[k])
        k++;
    const relation *rel = &relations[k];
    int ts = draw_type(g, rel->subj, rel->n_subj);
    int to = draw_type(g, rel->obj, rel->n_obj);
    uint32_t s = pick(&g->pools[ts], &g->r, UINT32_MAX);
    if (s == UINT32_MAX)
        return -1;
    uint32_t ob = pick(&g->pools[to], &g->r, ts == to ? s : UINT32_MAX);
    uint32_t src = pick(&g->sources, &g->r, UINT32_MAX);
    if (ob == UINT32_MAX || src == UINT32_MAX)
        return -1;
    uint32_t day = below(&g->r, N_DAYS);
    const char *w = weights[below(&g->r, N_WEIGHTS)];
    uint32_t para = 1 + below(&g->r, 40);

    put(o, "{\"kind\":\"fact\",\"subject\":\"");
    put_id(g, s);
    put(o, "\",\"relation\":\"");
    put(o, rel->name);
    put(o, "\",\"object\":\"");
    put_id(g, ob);
    put(o, "\",\"date\":\"");
    put_date(o, day);
    put(o, "\",\"weight\":");
    put(o, w);
    put(o, ",\"source\":\"SRC");
    put_uint(o, src + 1, g->src_width);
    put(o, "\",\"evidence\":\"");
    put(o, rel->phrase);
    put(o, " (");
    put(o, places[(i * 31 + para) % N_PLACES]);
    put(o, ", para. ");
    put_uint(o, para, 0);
    put(o, ").\"}\n");
    return o->failed ? -1 : 0;
}

/* ---- main -------------------------------------------------------------- */

/* "100k", "1M", "10000000" -> value; 0 on a malformed count. */
static uint64_t parse_count(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return 0;
    uint64_t mult = 1;
    if (*end == 'k' || *end == 'K')
        mult = 1000, end++;
    else if (*end == 'm' || *end == 'M')
        mult = 1000000, end++;
    else if (*end == 'g' || *end == 'G')
        mult = 1000000000, end++;
    if (*end || v > UINT64_MAX / mult)
        return 0;
    return v * mult;
}

static int digits(uint64_t n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

static int usage(void)
{
    fputs("usage: gen_facts N [ENTITIES] [SEED]\n"
          "writes N synthetic facts as factnet JSON Lines to stdout "
          "(default ENTITIES = N/20,\nat least 50; SEED = 1; counts accept "
          "k, M, G suffixes)\n",
          stderr);
    return 2;
}

static int setup(gen *g, uint64_t n, uint64_t n_ent, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        g->r.s[i] = splitmix(&x);
    g->n_facts = n;
    g->n_entities = (uint32_t)n_ent;
    uint32_t first = 0;
    for (int t = 0; t < N_TYPES; t++) {
        uint32_t k = t + 1 < N_TYPES ? (uint32_t)(n_ent * type_percent[t] / 100)
                                     : g->n_entities - first;
        if (k < 2)
            k = 2;
        g->n_of[t] = k;
        if (pool_init(&g->pools[t], &g->r, first, k) != 0)
            return -1;
        first += k;
    }
    g->n_entities = first;
    g->id_width = digits(g->n_entities);
    uint64_t ns = n / SOURCES_PER_FACT;
    g->n_sources = (uint32_t)(ns < 1 ? 1 : ns);
    g->src_width = digits(g->n_sources);
    if (pool_init(&g->sources, &g->r, 0, g->n_sources) != 0)
        return -1;
    unsigned cum = 0;
    for (size_t k = 0; k < N_RELATIONS; k++)
        g->rel_cum[k] = (cum += relations[k].share);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "--help") == 0)
        return usage();
    uint64_t n = parse_count(argv[1]);
    uint64_t n_ent = argc > 2 ? parse_count(argv[2]) : n / 20;
    uint64_t seed = argc > 3 ? parse_count(argv[3]) : 1;
    if (argc > 2 && n_ent == 0)
        return usage();
    if (argc > 3 && seed == 0 && strcmp(argv[3], "0") != 0)
        return usage();
    if (n == 0 || n > 1000000000ULL || n_ent > 100000000ULL) {
        fputs("gen_facts: N must be 1..1G and ENTITIES at most 100M\n", stderr);
        return 2;
    }
    if (n_ent < 50)
        n_ent = 50;
    gen *g = calloc(1, sizeof *g);
    int rc = g ? setup(g, n, n_ent, seed) : -1;
    if (rc == 0) {
        write_header(g);
        write_sources(g);
        write_entities(g);
    }
    for (uint64_t i = 0; rc == 0 && i < n; i++)
        rc = write_fact(g, i);
    if (g)
        flush(&g->o);
    if (rc != 0 || (g && g->o.failed) || fflush(stdout) != 0) {
        fprintf(stderr, "gen_facts: %s\n",
                rc != 0 && !(g && g->o.failed) ? "out of memory"
                                               : "write error");
        rc = 1;
    }
    if (g) {
        for (int t = 0; t < N_TYPES; t++) {
            free(g->pools[t].perm);
            free(g->pools[t].hist);
        }
        free(g->sources.perm);
        free(g->sources.hist);
        free(g);
    }
    return rc;
}

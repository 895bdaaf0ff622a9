/* test_factscan.c - the fact scanner gives exactly the fact of the usual
 * path (strict check, tree, record checks) or declines.
 *
 * The reference is the serial JSON Lines loader with a sink
 * (fnet_jsonl_line() without a prepared tree), run on each line alone.
 * Whenever the scanner accepts a line, the reference must have given a
 * fact and no message, and the same fact field by field; the scanner
 * must leave the lines it declines unchanged. The lines: every fact
 * record of the JSON Lines fixtures under tests/, every fact of the JSON
 * documents under tests/ and data/ written as a record, hand-written edge
 * cases, and seeded mutations of all of them (bytes changed, deleted or
 * inserted, JSON tokens and whole members inserted). */
#include "input/json/factscan.h"
#include "input/json/jsonl.h"

#include "test.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

/* ---- the reference ---------------------------------------------------- */

typedef struct got {
    bool has;
    fnet_fact f;
    fnet_arena a; /* copies of its strings */
} got;

static const char *dup(fnet_arena *a, const char *s)
{
    return fnet_arena_strdup(a, s);
}

static int keep(void *ctx, const fnet_fact *f)
{
    got *g = ctx;
    g->has = true;
    g->f = *f;
    g->f.id = dup(&g->a, f->id);
    g->f.subject_ref = dup(&g->a, f->subject_ref);
    g->f.relation_ref = dup(&g->a, f->relation_ref);
    g->f.object_ref = dup(&g->a, f->object_ref);
    g->f.evidence = dup(&g->a, f->evidence);
    const char **list = NULL;
    if (f->n_sources)
        list = fnet_arena_alloc(&g->a, f->n_sources * sizeof *list);
    for (uint32_t i = 0; i < f->n_sources; i++)
        list[i] = dup(&g->a, f->source_refs[i]);
    g->f.source_refs = list;
    return 0;
}

/* Loads line (len bytes, no newline) as line 2 of a JSON Lines file with
 * the usual path and a sink, under lim; *n_msgs: its messages. */
static void reference(const char *line, size_t len, const fnet_limits *lim,
                      got *g, size_t *n_msgs)
{
    fnet_corpus *c = NULL;
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_jsonl *j = NULL;
    fnet_load_sink sink = {g, keep, NULL};
    char *copy = malloc(len + 1);
    memcpy(copy, line, len);
    copy[len] = '\0';
    CHECK_INT(fnet_corpus_new(&c), 0);
    c->limits = *lim;
    CHECK_INT(fnet_jsonl_begin(&j, c, "t.jsonl", &sink, &d, &err), 0);
    fnet_jsonl_line(j, copy, len, len > lim->line_bytes, 2, NULL, &err);
    fnet_jsonl_end(j, true);
    *n_msgs = d.n_errors + d.n_warnings;
    fnet_diag_free(&d);
    fnet_corpus_free(c);
    free(copy);
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_fact(const fnet_fact *a, const fnet_fact *b)
{
    if (!same_str(a->id, b->id) || !same_str(a->subject_ref, b->subject_ref) ||
        !same_str(a->relation_ref, b->relation_ref) ||
        !same_str(a->object_ref, b->object_ref) ||
        !same_str(a->evidence, b->evidence) || a->n_sources != b->n_sources ||
        !a->source_refs != !b->source_refs)
        return false;
    for (uint32_t i = 0; i < a->n_sources; i++)
        if (!same_str(a->source_refs[i], b->source_refs[i]))
            return false;
    /* Numbers bit for bit (a -0 or a last-bit difference would show). */
    return a->subject == b->subject && a->relation == b->relation &&
           a->object == b->object && a->sources == b->sources &&
           memcmp(&a->date, &b->date, sizeof a->date) == 0 &&
           memcmp(&a->until, &b->until, sizeof a->until) == 0 &&
           memcmp(&a->weight, &b->weight, sizeof a->weight) == 0 &&
           a->sign == b->sign && a->stance == b->stance &&
           memcmp(&a->confidence, &b->confidence, sizeof a->confidence) == 0 &&
           a->attrs == b->attrs && a->n_attrs == b->n_attrs;
}

/* ---- one line both ways ----------------------------------------------- */

typedef struct tally {
    size_t lines, accepted, clean; /* clean: the reference gave a fact and
                                      no message */
    size_t must, must_missed;      /* lines the scanner must take */
} tally;

/* Scans line both ways under lim; must: the scanner has to accept it. */
static void compare(const char *line, size_t len, const fnet_limits *lim,
                    bool must, tally *t)
{
    got g = {0};
    size_t n_msgs;
    reference(line, len, lim, &g, &n_msgs);
    bool clean = g.has && n_msgs == 0;
    char *buf = malloc(len + 1);
    memcpy(buf, line, len);
    buf[len] = '\0';
    fnet_arena a = {0};
    fnet_fact f;
    bool took = fnet_factscan(buf, len, lim, &a, &f);
    t->lines++;
    t->clean += clean;
    t->accepted += took;
    if (took) {
        CHECK(clean);
        if (clean && !same_fact(&f, &g.f)) {
            CHECK(!"same fact");
            fprintf(stderr, "  line: %.*s\n", (int)len, line);
        } else if (!clean) {
            fprintf(stderr, "  accepted what the usual path reports: %.*s\n",
                    (int)len, line);
        }
    } else if (memcmp(buf, line, len) != 0) {
        CHECK(!"a declined line is unchanged");
    }
    if (must) {
        t->must++;
        if (!took) {
            t->must_missed++;
            fprintf(stderr, "  declined a plain fact: %.*s\n", (int)len, line);
        }
    }
    fnet_arena_free(&a);
    fnet_arena_free(&g.a);
    free(buf);
}

/* ---- mutations -------------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Inserted anywhere. */
static const char *const tokens[] = {"\"",
                                     "\\",
                                     "\\u00e9",
                                     "\\n",
                                     "\\\"",
                                     "\\/",
                                     "\\t",
                                     ",",
                                     ":",
                                     "{",
                                     "}",
                                     "[",
                                     "]",
                                     " ",
                                     "\t",
                                     "\r",
                                     "\x01",
                                     "\x7f",
                                     "\xc3\xa9",
                                     "\xe6\x97\xa5",
                                     "\xff",
                                     "\xc0\xaf",
                                     "\xed\xa0\x80",
                                     "\xef\xbb\xbf",
                                     "1",
                                     "0",
                                     "-",
                                     ".",
                                     "e",
                                     "E",
                                     "+",
                                     "true",
                                     "null",
                                     "//"};

/* Inserted after the opening brace. */
static const char *const members[] = {
    "\"stance\":1,",
    "\"attrs\":{\"a\":1},",
    "\"sign\":-1,",
    "\"sign\":0,",
    "\"sign\":2,",
    "\"sign\":1.0,",
    "\"sign\":-1e0,",
    "\"weight\":1e400,",
    "\"weight\":-0,",
    "\"weight\":0.1000000000000000055511151231257827,",
    "\"weight\":123456789012345678,",
    "\"weight\":1.5e2,",
    "\"weight\":2E-1,",
    "\"weight\":\"2\",",
    "\"confidence\":0.5,",
    "\"confidence\":1,",
    "\"confidence\":2,",
    "\"confidence\":-0,",
    "\"until\":\"2030\",",
    "\"until\":\"1980\",",
    "\"until\":\"2030-01-01\",",
    "\"date\":\"2013-02-30\",",
    "\"date\":2013,",
    "\"date\":\"2013\",",
    "\"id\":\"X\",",
    "\"id\":\"\",",
    "\"id\":null,",
    "\"kind\":\"fact\",",
    "\"kind\":\"entity\",",
    "\"source\":[],",
    "\"source\":[\"A\",\"B\"],",
    "\"source\":[\"A\",],",
    "\"source\":[1],",
    "\"source\":[ \"A\" , \"\" ],",
    "\"evidence\":\"\",",
    "\"evidence\":\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\",",
    "\"subject\":\"\",",
    "\"wieght\":2,",
    "\"Weight\":2,",
    "\"ev\\u0069dence\":\"x\",",
    "\"subject\" : \"A\" ,",
    "\"x\":{},"};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Inserts tok at out[at], within cap; returns the new length. */
static size_t insert(char *out, size_t n, size_t cap, size_t at,
                     const char *tok)
{
    size_t tl = strlen(tok);
    if (n + tl > cap)
        return n;
    memmove(out + at + tl, out + at, n - at);
    memcpy(out + at, tok, tl);
    return n + tl;
}

/* A mutation of line[0..len) into out (cap bytes). Returns its length. */
static size_t mutate(const char *line, size_t len, uint64_t *rng, char *out,
                     size_t cap)
{
    size_t n = len < cap ? len : cap;
    memcpy(out, line, n);
    int ops = 1 + (int)(rng_next(rng) % 3);
    for (int k = 0; k < ops; k++) {
        size_t at = n ? rng_next(rng) % n : 0;
        const char *brace = memchr(out, '{', n);
        switch (rng_next(rng) % 5) {
        case 0: /* change a byte (never to a line feed) */
            if (n) {
                char c = (char)(rng_next(rng) % 256);
                out[at] = c == '\n' ? ' ' : c;
            }
            break;
        case 1: { /* delete up to 3 bytes */
            size_t del = 1 + rng_next(rng) % 3;
            if (at + del > n)
                del = n - at;
            memmove(out + at, out + at + del, n - at - del);
            n -= del;
            break;
        }
        case 2:
        case 3:
            n = insert(out, n, cap, at, tokens[rng_next(rng) % COUNT(tokens)]);
            break;
        default:
            if (brace)
                n = insert(out, n, cap, (size_t)(brace - out) + 1,
                           members[rng_next(rng) % COUNT(members)]);
            break;
        }
    }
    return n;
}

/* The line and MUTATIONS mutations of it, under lim. */
#define MUTATIONS 40
static void compare_all(const char *line, size_t len, const fnet_limits *lim,
                        bool must, uint64_t seed, tally *t)
{
    char out[8192];
    uint64_t rng = seed * 0x9E3779B97F4A7C15ULL + 1;
    compare(line, len, lim, must, t);
    if (len > sizeof out / 2)
        return;
    for (int k = 0; k < MUTATIONS; k++)
        compare(out, mutate(line, len, &rng, out, sizeof out), lim, false, t);
}

/* ---- the fixtures ----------------------------------------------------- */

typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

static void add_line(lines *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
    }
    char *c = malloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    l->v[l->n++] = c;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    *len = fread(s, 1, (size_t)n, fp);
    s[*len] = '\0';
    fclose(fp);
    return s;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The fact lines of a JSON Lines file (any line naming "fact"). */
static void jsonl_facts(const char *path, lines *out)
{
    size_t len;
    char *s = slurp(path, &len);
    for (char *p = s, *end = s + len; s && p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char save = p[n];
        p[n] = '\0';
        if (strstr(p, "fact"))
            add_line(out, p, n);
        p[n] = save;
        p += n + 1;
    }
    free(s);
}

/* The facts of a JSON document, each written as a JSON Lines record. */
static void document_facts(const char *path, lines *out)
{
    size_t len;
    char *s = slurp(path, &len);
    cJSON *root = s ? cJSON_Parse(s) : NULL;
    const cJSON *facts = cJSON_GetObjectItemCaseSensitive(root, "facts"), *f;
    if (!cJSON_IsArray(facts))
        facts = NULL;
    cJSON_ArrayForEach(f, facts)
    {
        if (!cJSON_IsObject(f))
            continue;
        cJSON *copy = cJSON_Duplicate(f, 1);
        cJSON_DeleteItemFromObjectCaseSensitive(copy, "kind");
        cJSON *kind = cJSON_CreateString("fact");
        kind->next = copy->child; /* "kind" first, as exports write it */
        if (copy->child) {
            kind->prev = copy->child->prev;
            copy->child->prev = kind;
        } else {
            kind->prev = kind;
        }
        kind->string = strdup("kind");
        copy->child = kind;
        char *text = cJSON_PrintUnformatted(copy);
        add_line(out, text, strlen(text));
        free(text);
        cJSON_Delete(copy);
    }
    cJSON_Delete(root);
    free(s);
}

static void walk(const char *dir, lines *out)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, out);
        else if (ends_with(path, ".jsonl"))
            jsonl_facts(path, out);
        else if (ends_with(path, ".json") && st.st_size < (1 << 22))
            document_facts(path, out);
    }
    if (d)
        closedir(d);
}

/* A plain fact the scanner must take: a fact record without the fields
 * and escapes it leaves to the usual path. */
static bool plain(const char *line)
{
    return !strstr(line, "\"stance\"") && !strstr(line, "\"attrs\"") &&
           !strstr(line, "\\u");
}

static void test_fixtures(void)
{
    lines l = {0};
    tally t = {0};
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    walk(".", &l); /* ctest runs the unit tests in tests/ */
    walk("../data", &l);
    CHECK(l.n > 500); /* the fixtures were found */
    for (size_t i = 0; i < l.n; i++) {
        got g = {0};
        size_t n_msgs;
        size_t len = strlen(l.v[i]);
        reference(l.v[i], len, &lim, &g, &n_msgs);
        bool must = g.has && n_msgs == 0 && plain(l.v[i]);
        fnet_arena_free(&g.a);
        compare_all(l.v[i], len, &lim, must, i + 1, &t);
        free(l.v[i]);
    }
    free(l.v);
    fprintf(stderr,
            "fixtures: %zu lines (with mutations), %zu clean, %zu accepted; "
            "%zu plain facts, %zu declined\n",
            t.lines, t.clean, t.accepted, t.must, t.must_missed);
    CHECK(t.must > 300);
    CHECK_INT(t.must_missed, 0);
    CHECK(t.accepted > t.must); /* mutations that stay plain are taken */
}

/* ---- edge cases ------------------------------------------------------- */

#define HEAD "{\"kind\":\"fact\",\"subject\":\"A\",\"relation\":\"r\","
#define TAIL "\"object\":\"B\"}"

static void test_edge_cases(void)
{
    static const struct {
        const char *line;
        bool take;
    } cases[] = {
        {HEAD TAIL, true},
        {" \t" HEAD TAIL " \r", true},
        {HEAD "\"weight\":1.5," TAIL, true},
        {HEAD "\"weight\":0.1," TAIL, true},
        {HEAD "\"weight\":1e2," TAIL, true},
        {HEAD "\"weight\":123456789.123456789," TAIL, true},
        {HEAD "\"weight\":0," TAIL, false},
        {HEAD "\"weight\":-1," TAIL, false},
        {HEAD "\"weight\":01," TAIL, false},
        {HEAD "\"weight\":1.," TAIL, false},
        {HEAD "\"sign\":-1," TAIL, true},
        {HEAD "\"sign\":-1.0," TAIL, true},
        {HEAD "\"sign\":0," TAIL, false},
        {HEAD "\"confidence\":0," TAIL, true},
        {HEAD "\"confidence\":1.01," TAIL, false},
        {HEAD "\"date\":\"2013\",\"until\":\"2013-06\"," TAIL, true},
        {HEAD "\"date\":\"2013-07\",\"until\":\"2013-06\"," TAIL, false},
        {HEAD "\"until\":\"2013\"," TAIL, false},
        {HEAD "\"date\":\"2013-02-29\"," TAIL, false},
        {HEAD "\"source\":\"S\"," TAIL, true},
        {HEAD "\"source\":[]," TAIL, true},
        {HEAD "\"source\":[\"S\", \"T\\/x\"]," TAIL, true},
        {HEAD "\"source\":[\"S\",]," TAIL, false},
        {HEAD "\"source\":[\"S\",1]," TAIL, false},
        {HEAD "\"evidence\":\"a\\\"b\\\\c\\nd\\te\"," TAIL, true},
        {HEAD "\"evidence\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"," TAIL, true},
        {HEAD "\"evidence\":\"\\u00e9\"," TAIL, false},
        {HEAD "\"evidence\":\"a\x01\"," TAIL, false},
        {HEAD "\"evidence\":\"\xc3\"," TAIL, false},
        {HEAD "\"evidence\":\"\xed\xa0\x80\"," TAIL, false},
        {HEAD "\"id\":\"\"," TAIL, true},
        {HEAD "\"subject\":\"A\"," TAIL, false}, /* repeated */
        {HEAD "\"extra\":1," TAIL, false},
        {HEAD "\"stance\":1," TAIL, false},
        {HEAD "\"attrs\":{}," TAIL, false},
        {HEAD TAIL " x", false},
        {HEAD TAIL "{}", false},
        {HEAD "\"object\":\"\"}", false},
        {"{\"kind\":\"entity\",\"id\":\"A\",\"type\":\"actor\"}", false},
        {"{\"kind\":\"fa\\/ct\",\"subject\":\"A\",\"relation\":\"r\","
         "\"object\":\"B\"}",
         false},
        {"{}", false},
        {"[]", false},
        {"", false},
    };
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    tally t = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].line;
        compare_all(s, strlen(s), &lim, cases[i].take, i + 1000, &t);
        /* compare_all counts the mutations too: look at the line alone */
        char buf[512];
        fnet_arena a = {0};
        fnet_fact f;
        snprintf(buf, sizeof buf, "%s", s);
        bool took = fnet_factscan(buf, strlen(buf), &lim, &a, &f);
        fnet_arena_free(&a);
        if (took != cases[i].take)
            fprintf(stderr, "  case %zu: %s\n", i, s);
        CHECK_INT(took, cases[i].take);
    }
    CHECK_INT(t.must_missed, 0);
}

/* Lowered limits: the scanner declines what the strict check rejects. */
static void test_limits(void)
{
    const char *line = HEAD "\"source\":[\"S1\",\"S2\"],\"evidence\":"
                            "\"0123456789\"," TAIL;
    tally t = {0};
    fnet_limits lim = FNET_LIMITS_DEFAULT;
    for (uint64_t v = 1; v <= 9; v++) { /* 9 values: object, 6, array 2 */
        lim.values = v;
        compare_all(line, strlen(line), &lim, v == 9, v, &t);
    }
    lim = FNET_LIMITS_DEFAULT;
    for (uint64_t s = 8; s <= 10; s++) {
        lim.string_bytes = s;
        compare_all(line, strlen(line), &lim, s == 10, s, &t);
    }
    lim = FNET_LIMITS_DEFAULT;
    for (uint32_t depth = 0; depth <= 2; depth++) {
        lim.depth = depth;
        compare_all(line, strlen(line), &lim, depth == 2, depth, &t);
    }
    CHECK_INT(t.must, 3);
    CHECK_INT(t.must_missed, 0);
}

int main(void)
{
    RUN(test_edge_cases);
    RUN(test_limits);
    RUN(test_fixtures);
    return TEST_REPORT();
}

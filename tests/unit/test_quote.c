/* test_quote.c - unit tests for input/import/quote.c: the quoted sentences agree
 * with a plain, unbounded scan of the text (the rule of docs/IMPORT.md,
 * written here independently), and the bounds of docs/LIMITS.md ("Quoted
 * evidence") hold: length, the span and cut fallbacks, sharing. */
#include "test.h"

#include "core/text.h"
#include "input/import/quote.h"

#include <stdint.h>
#include <stdlib.h>

/* ---- the reference: the sentence rule without any bound ---------------- */

static bool ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool ref_ends(const char *t, size_t len, size_t i)
{
    if (!(t[i] == '.' || t[i] == '!' || t[i] == '?') ||
        !(i + 1 == len || ws(t[i + 1])))
        return false;
    size_t j = i + 1;
    while (j < len && ws(t[j]))
        j++;
    if (j < len && t[j] >= 'a' && t[j] <= 'z')
        return false; /* "Acme Corp. hired" */
    if (t[i] == '.' && i >= 1 && t[i - 1] >= 'A' && t[i - 1] <= 'Z' &&
        (i == 1 || !((t[i - 2] >= 'A' && t[i - 2] <= 'Z') ||
                     (t[i - 2] >= 'a' && t[i - 2] <= 'z'))))
        return false; /* "J. Smith" */
    return true;
}

/* The raw extent [*a, *b) of the sentences around [start, end). */
static void ref_sentences(const char *t, size_t len, size_t start, size_t end,
                          size_t *a, size_t *b)
{
    size_t i = start;
    while (i > 0 && t[i - 1] != '\n' && t[i - 1] != '\r' &&
           !(i >= 2 && ws(t[i - 1]) && ref_ends(t, len, i - 2)))
        i--;
    *a = i;
    size_t j = end;
    if (!(j > start && ref_ends(t, len, j - 1)))
        while (j < len && t[j] != '\n' && t[j] != '\r')
            if (ref_ends(t, len, j++))
                break;
    *b = j;
}

static char *folded(const char *s, size_t n)
{
    fnet_buf b = {0};
    fnet_text_fold_n(&b, s, n, false);
    char *r = strdup(fnet_buf_str(&b));
    fnet_buf_free(&b);
    return r;
}

/* ---- tests --------------------------------------------------------------- */

static void test_rules(void)
{
    const char t[] = "Acme Corp. hired J. Smith.  Then\tit   grew! Why? "
                     "Because.\nNew line";
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *got;
    fnet_quoter_init(&q, t, sizeof t - 1, 2048, &arena);
    /* "Smith": Corp. and J. do not end the sentence. */
    CHECK_INT(fnet_quoter_quote(&q, 20, 25, &got), 0);
    CHECK_STR(got, "Acme Corp. hired J. Smith.");
    /* "it": white space folded, '!' ends it. */
    CHECK_INT(fnet_quoter_quote(&q, 33, 35, &got), 0);
    CHECK_STR(got, "Then it grew!");
    /* A span over two sentences gives both. */
    CHECK_INT(fnet_quoter_quote(&q, 44, 53, &got), 0);
    CHECK_STR(got, "Why? Because.");
    /* A line break ends a sentence. */
    CHECK_INT(fnet_quoter_quote(&q, 58, 61, &got), 0);
    CHECK_STR(got, "New line");
    /* Past the end counts as the end; a reversed span as empty. */
    CHECK_INT(fnet_quoter_quote(&q, 58, 1000, &got), 0);
    CHECK_STR(got, "New line");
    CHECK_INT(fnet_quoter_quote(&q, 61, 58, &got), 0);
    CHECK_STR(got, "New line");
    CHECK_INT(q.cut, 0);
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
}

/* Equal quotes of a text are stored once: every span of one sentence gets
 * the same pointer. */
/* Sentence ends of other scripts end a sentence wherever they stand. */
static void test_wide_ends(void)
{
    const char t[] =
        "\xE5\xBC\xA0\xE4\xB8\x89\xE3\x80\x82"               /* 张三。 */
        "\xE6\x9D\x8E\xE5\x9B\x9B\xEF\xBC\x81"               /* 李四！ */
        "\xE0\xA4\x95 \xE0\xA5\xA4 "                         /* क । */
        "\xD8\xB9\xD9\x84\xD9\x8A\xD8\x9F \xD9\x84\xD8\xA7"; /* علي؟ لا */
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *got;
    fnet_quoter_init(&q, t, sizeof t - 1, 2048, &arena);
    CHECK_INT(fnet_quoter_quote(&q, 9, 12, &got), 0); /* 李 */
    CHECK_STR(got, "\xE6\x9D\x8E\xE5\x9B\x9B\xEF\xBC\x81");
    CHECK_INT(fnet_quoter_quote(&q, 0, 3, &got), 0); /* 张 */
    CHECK_STR(got, "\xE5\xBC\xA0\xE4\xB8\x89\xE3\x80\x82");
    CHECK_INT(fnet_quoter_quote(&q, 18, 21, &got), 0); /* क */
    CHECK_STR(got, "\xE0\xA4\x95 \xE0\xA5\xA4");
    CHECK_INT(fnet_quoter_quote(&q, 26, 28, &got), 0); /* ع */
    CHECK_STR(got, "\xD8\xB9\xD9\x84\xD9\x8A\xD8\x9F");
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
}

static void test_shared(void)
{
    const char t[] = "Japan and China met ASEAN. Then Korea.";
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *a, *b, *c;
    fnet_quoter_init(&q, t, sizeof t - 1, 2048, &arena);
    CHECK_INT(fnet_quoter_quote(&q, 0, 5, &a), 0);
    CHECK_INT(fnet_quoter_quote(&q, 10, 15, &b), 0);
    CHECK_INT(fnet_quoter_quote(&q, 32, 37, &c), 0);
    CHECK(a == b);
    CHECK(a != c);
    CHECK_STR(a, "Japan and China met ASEAN.");
    CHECK_STR(c, "Then Korea.");
    size_t total = arena.total;
    for (int i = 0; i < 1000; i++)
        CHECK_INT(fnet_quoter_quote(&q, 10, 15, &b), 0);
    CHECK_INT(arena.total, total); /* no new copies */
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
}

/* A sentence longer than the limit gives the span; a span longer than the
 * limit gives its head and tail around " … ", whole characters, within
 * the limit. */
static void test_long(void)
{
    enum { MAX = 64 };
    fnet_buf t = {0};
    fnet_buf_puts(&t, "Start ");
    for (int i = 0; i < 40; i++)
        fnet_buf_puts(&t, "\xC3\xA9t\xC3\xA9 "); /* "été ", 7 bytes */
    fnet_buf_puts(&t, "Japan meets Korea ");
    for (int i = 0; i < 40; i++)
        fnet_buf_puts(&t, "\xC3\xA9t\xC3\xA9 ");
    fnet_buf_puts(&t, "end.");
    const char *s = fnet_buf_str(&t);
    size_t japan = (size_t)(strstr(s, "Japan") - s);
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *got;
    fnet_quoter_init(&q, s, t.len, MAX, &arena);
    CHECK_INT(fnet_quoter_quote(&q, japan, japan + 17, &got), 0);
    CHECK_STR(got, "Japan meets Korea");
    CHECK_INT(q.cut, 1);
    /* From "Start" to "end.": 578 bytes. */
    CHECK_INT(fnet_quoter_quote(&q, 0, t.len, &got), 0);
    CHECK(strlen(got) <= MAX);
    CHECK(fnet_utf8_valid(got, strlen(got), NULL));
    CHECK(strncmp(got, "Start \xC3\xA9t\xC3\xA9", 11) == 0);
    CHECK(strstr(got, " \xE2\x80\xA6 ") != NULL);
    const char tail[] = "\xC3\xA9t\xC3\xA9 end.";
    CHECK(strlen(got) > sizeof tail &&
          strcmp(got + strlen(got) - (sizeof tail - 1), tail) == 0);
    CHECK_INT(q.cut, 2);
    /* Within the limit again: the whole sentence. */
    fnet_quoter_free(&q);
    fnet_quoter_init(&q, s, t.len, 1024, &arena);
    CHECK_INT(fnet_quoter_quote(&q, japan, japan + 5, &got), 0);
    CHECK(strncmp(got, "Start ", 6) == 0 && strstr(got, "end.") != NULL);
    CHECK_INT(q.cut, 0);
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
    fnet_buf_free(&t);
}

/* A '.' followed by more white space than the lookahead ends a sentence
 * whatever comes next; within it, a lower-case word continues it. */
static void test_lookahead(void)
{
    fnet_buf t = {0};
    fnet_buf_puts(&t, "Acme Corp.");
    for (int i = 0; i < FNET_QUOTE_WS_LOOKAHEAD + 1; i++)
        fnet_buf_putc(&t, ' ');
    fnet_buf_puts(&t, "hired Bob.");
    fnet_arena arena = {0};
    fnet_quoter q;
    const char *got;
    fnet_quoter_init(&q, t.data, t.len, 2048, &arena);
    CHECK_INT(fnet_quoter_quote(&q, t.len - 4, t.len - 1, &got), 0);
    CHECK_STR(got, "hired Bob.");
    fnet_quoter_free(&q);
    fnet_buf_reset(&t);
    fnet_buf_puts(&t, "Acme Corp.          hired Bob.");
    fnet_quoter_init(&q, t.data, t.len, 2048, &arena);
    CHECK_INT(fnet_quoter_quote(&q, t.len - 4, t.len - 1, &got), 0);
    CHECK_STR(got, "Acme Corp. hired Bob.");
    fnet_quoter_free(&q);
    fnet_arena_free(&arena);
    fnet_buf_free(&t);
}

/* Random texts and spans against the reference: whole sentences when they
 * fit the limit, else the span, else head … tail. */
static void test_against_reference(void)
{
    static const char *pieces[] = {"A",  "b",        "J",    ". ", "! ",
                                   "? ", " ",        "\n",   "\t", "Corp",
                                   "x",  "\xC3\xA9", "\r\n", ".",  "  "};
    unsigned seed = 12345;
    int mismatches = 0;
    for (int round = 0; round < 3000; round++) {
        fnet_buf t = {0};
        seed = seed * 1103515245u + 12345u;
        int n = 1 + (int)((seed >> 16) % 120);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            fnet_buf_puts(
                &t, pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
        }
        const char *s = fnet_buf_str(&t);
        seed = seed * 1103515245u + 12345u;
        size_t max = 16 + (seed >> 16) % 100;
        fnet_arena arena = {0};
        fnet_quoter q;
        fnet_quoter_init(&q, s, t.len, max, &arena);
        for (int k = 0; k < 10; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t a = (seed >> 8) % (t.len + 1);
            seed = seed * 1103515245u + 12345u;
            size_t e = a + (seed >> 8) % (t.len - a + 1);
            while (a > 0 && (s[a] & 0xC0) == 0x80)
                a--; /* spans of whole characters, as importers give */
            while (e < t.len && (s[e] & 0xC0) == 0x80)
                e++;
            const char *got;
            if (fnet_quoter_quote(&q, a, e, &got) != 0) {
                mismatches++;
                continue;
            }
            size_t ra, rb;
            ref_sentences(s, t.len, a, e, &ra, &rb);
            char *want = NULL;
            if (rb - ra <= max)
                want = folded(s + ra, rb - ra);
            else if (e - a <= max)
                want = folded(s + a, e - a);
            if (want ? strcmp(got, want) != 0
                     : strlen(got) > max || !strstr(got, " \xE2\x80\xA6 ")) {
                if (mismatches++ < 5)
                    fprintf(stderr,
                            "text \"%s\" span %zu-%zu max %zu: got "
                            "\"%s\", want \"%s\"\n",
                            s, a, e, max, got, want ? want : "(head … tail)");
            }
            CHECK(fnet_utf8_valid(got, strlen(got), NULL));
            free(want);
        }
        fnet_quoter_free(&q);
        fnet_arena_free(&arena);
        fnet_buf_free(&t);
    }
    CHECK_INT(mismatches, 0);
}

int main(void)
{
    RUN(test_rules);
    RUN(test_shared);
    RUN(test_long);
    RUN(test_lookahead);
    RUN(test_against_reference);
    RUN(test_wide_ends);
    return TEST_REPORT();
}

/* test_json_arena.c - the arena parser gives cJSON's tree or declines. */
#include "input/json/json_arena.h"

#include "test.h"

#include <stdbool.h>

/* Same types, values, strings and order, recursively. */
static bool same(const cJSON *a, const cJSON *b)
{
    for (; a && b; a = a->next, b = b->next) {
        if (a->type != b->type || a->valueint != b->valueint)
            return false;
        if (a->valuedouble != b->valuedouble &&
            !(isnan(a->valuedouble) && isnan(b->valuedouble)))
            return false;
        if (!a->valuestring != !b->valuestring || !a->string != !b->string)
            return false;
        if (a->valuestring && strcmp(a->valuestring, b->valuestring) != 0)
            return false;
        if (a->string && strcmp(a->string, b->string) != 0)
            return false;
        if (!same(a->child, b->child))
            return false;
    }
    return !a && !b;
}

/* Parses s both ways: returns 1 when the arena parser agrees with cJSON,
 * 0 when it declined, -1 on a disagreement. */
static int compare(const char *s)
{
    fnet_arena a = {0};
    size_t n = strlen(s);
    cJSON *mine = fnet_json_arena_parse(&a, s, n);
    cJSON *ref = cJSON_ParseWithLengthOpts(s, n + 1, NULL, 1);
    int r = !mine ? 0 : ref && same(mine, ref) ? 1 : -1;
    if (r < 0)
        fprintf(stderr, "disagree on: %s\n", s);
    cJSON_Delete(ref);
    fnet_arena_free(&a);
    return r;
}

static void test_accepts_like_cjson(void)
{
    static const char *const ok[] = {
        "{\"kind\":\"fact\",\"subject\":\"A\",\"weight\":2.5,\"n\":-0}",
        " \t{ \"a\" : [ 1 , 2.0e3 , -3E-2 , true , false , null ] }  ",
        "{\"s\":\"tab\\there \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\"}",
        "{\"big\":3000000000,\"neg\":-3000000000,\"huge\":1e400}",
        /* split after \x01 to end the escape; parenthesised: one element */
        ("{\"utf8\":\"caf\xc3\xa9 \xe6\x97\xa5\",\"raw\":\"a\x01"
         "b\"}"),
        "{\"dup\":1,\"dup\":2,\"e\":{},\"l\":[]}",
        "[[[[1]]]]",
        "\"just a string\"",
        "42",
        "true",
        "null",
        "{\"x\":0.5,\"y\":10,\"z\":123456789012345678901234567890}",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        CHECK_INT(compare(ok[i]), 1);
}

static void test_declines_the_rest(void)
{
    /* cJSON accepts some of these and rejects others: the arena parser
     * leaves all of them to cJSON. */
    static const char *const no[] = {
        "{\"u\":\"\\u00e9\"}",
        "{\"x\":01}",
        "{\"x\":1.}",
        "{\"x\":+1}",
        "{\"x\":.5}",
        "{\"x\":1e}",
        "{\"x\":-}",
        "{\"a\":1,}",
        "[1,]",
        "{\"a\":1}{\"b\":2}",
        "{\"a\" 1}",
        "{\"a\":1",
        "",
        "   ",
        "{\"bad\":\"\\x\"}",
        "{\"a\":tru}",
        "\xEF\xBB\xBF{}",
        "{\"n\":"
        "1234567890123456789012345678901234567890123456789012345678901234567890"
        "}",
        "{\"x\":1-2}",
        "nullx",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        CHECK_INT(compare(no[i]), 0);
}

static void test_depth_limit(void)
{
    char deep[200];
    size_t k = 0;
    for (int i = 0; i < 70; i++)
        deep[k++] = '[';
    for (int i = 0; i < 70; i++)
        deep[k++] = ']';
    deep[k] = '\0';
    CHECK_INT(compare(deep), 0);
}

int main(void)
{
    RUN(test_accepts_like_cjson);
    RUN(test_declines_the_rest);
    RUN(test_depth_limit);
    return TEST_REPORT();
}

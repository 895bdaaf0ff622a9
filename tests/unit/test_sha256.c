/* test_sha256.c - unit tests for src/core/sha256: FIPS 180-4 test vectors
 * and lengths around the padding boundaries (55, 56, 64, 119 bytes), with
 * digests computed independently by Python's hashlib. */
#include "test.h"

#include "core/sha256.h"

#include <stdlib.h>

static void hex(const uint8_t *d, char out[65])
{
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void check_len(size_t n, const char *want_hex, const char *want_b64)
{
    char *s = malloc(n + 1);
    uint8_t d[FNET_SHA256_LEN];
    char h[65], b[FNET_SHA256_B64_LEN];
    memset(s, 'a', n);
    fnet_sha256(s, n, d);
    hex(d, h);
    CHECK_STR(h, want_hex);
    fnet_sha256_base64(s, n, b);
    CHECK_STR(b, want_b64);
    free(s);
}

static void test_vectors(void)
{
    uint8_t d[FNET_SHA256_LEN];
    char h[65], b[FNET_SHA256_B64_LEN];
    fnet_sha256("", 0, d);
    hex(d, h);
    CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
                 "7852b855");
    fnet_sha256_base64("", 0, b);
    CHECK_STR(b, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    fnet_sha256("abc", 3, d);
    hex(d, h);
    CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
                 "f20015ad");
    fnet_sha256_base64("abc", 3, b);
    CHECK_STR(b, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

static void test_boundaries(void)
{
    check_len(55,
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e91"
              "0f734318",
              "n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg=");
    check_len(56,
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef797068"
              "6ec6738a",
              "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o=");
    check_len(64,
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df"
              "154668eb",
              "/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs=");
    check_len(119,
              "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea"
              "6584dcfb",
              "MeulHDE6XAgiat8Y1KNZz9/Y0ugWsT9K+VL36mWE3Ps=");
    check_len(1000000,
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d"
              "39ccc7112cd0",
              "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA=");
}

int main(void)
{
    RUN(test_vectors);
    RUN(test_boundaries);
    return TEST_REPORT();
}

/* sha256.h - SHA-256 (FIPS 180-4) of a byte string, and its base64 form.
 *
 * Used for the Content-Security-Policy of the HTML report: the page allows
 * only the script whose hash it names ('sha256-BASE64'), so that no other
 * script, injected or not, can run (docs/REPORT.md, "Safety").
 *
 * Functions here can't fail and allocate nothing. */
#ifndef FNET_SHA256_H
#define FNET_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define FNET_SHA256_LEN 32
/* Base64 of a digest: 44 characters and the NUL. */
#define FNET_SHA256_B64_LEN 45

void fnet_sha256(const void *data, size_t len, uint8_t digest[FNET_SHA256_LEN]);

/* The digest of data in standard base64 (RFC 4648, with padding). */
void fnet_sha256_base64(const void *data, size_t len,
                        char out[FNET_SHA256_B64_LEN]);

#endif

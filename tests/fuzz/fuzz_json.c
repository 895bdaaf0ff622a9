/* fuzz_json.c - libFuzzer harness: the input is a JSON document
 * (fnet_load_buffer, then fnet_corpus_resolve). See tests/fuzz/README.md. */
#include "fuzz_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_load(data, size, false);
}

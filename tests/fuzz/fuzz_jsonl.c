/* fuzz_jsonl.c - libFuzzer harness: the input is JSON Lines text
 * (fnet_load_buffer, then fnet_corpus_resolve), and the same bytes streamed
 * from a file must load the same. See tests/fuzz/README.md. */
#include "fuzz_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_load(data, size, true);
    fuzz_jsonl_file_matches(data, size);
    return 0;
}

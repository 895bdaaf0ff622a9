/* fuzz_icews.c - libFuzzer harness for the ICEWS event importer: the input
 * is one ICEWS event file (a header row, tab-separated records). See
 * tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    int rc = FNET_OK;
    bool run = fuzz_input_begin(&in, data, size, 1);
    if (run)
        rc = fnet_import_icews_buffer(in.c, "events.tab", in.part[0], in.len[0],
                                      NULL, &in.d, &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

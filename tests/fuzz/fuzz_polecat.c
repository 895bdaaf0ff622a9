/* fuzz_polecat.c - libFuzzer harness for the POLECAT event importer: the
 * input is "EVENTS [SEP OPTIONS]" (fuzz_import.h): a POLECAT file (a
 * header row and events) and options (event_weight, which POLECAT
 * ignores). See tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    int rc = FNET_OK;
    bool run =
        fuzz_input_begin(&in, data, size, 2) && fuzz_input_options(&in, 1);
    if (run)
        rc = fnet_import_polecat_buffer(in.c, "events.txt", in.part[0],
                                        in.len[0], &in.o, &in.d, &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

/* fuzz_doccano.c - libFuzzer harness for the doccano importer: the input is
 * "JSONL [SEP MAP]" (fuzz_import.h): doccano JSON Lines and a label map.
 * See tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_doccano.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    const fnet_labelmap *labels = NULL;
    int rc = FNET_OK;
    bool run = fuzz_input_begin(&in, data, size, 2) &&
               fuzz_input_labels(&in, 1, &labels);
    if (run)
        rc = fnet_import_doccano_buffer(in.c, "relations.jsonl", in.part[0],
                                        in.len[0], &in.o, labels, &in.d,
                                        &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

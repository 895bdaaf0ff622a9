/* fuzz_labelstudio.c - libFuzzer harness for the Label Studio importer: the
 * input is "EXPORT [SEP OPTIONS [SEP MAP]]" (fuzz_import.h): the JSON
 * export, options (text_key) and a label map. See tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_labelstudio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    const fnet_labelmap *labels = NULL;
    int rc = FNET_OK;
    bool run = fuzz_input_begin(&in, data, size, 3) &&
               fuzz_input_options(&in, 1) && fuzz_input_labels(&in, 2, &labels);
    if (run)
        rc = fnet_import_labelstudio_buffer(in.c, "export.json", in.part[0],
                                            in.len[0], &in.o, labels, &in.d,
                                            &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

/* fuzz_brat.c - libFuzzer harness for the brat importer: the input is
 * "ANN SEP TXT [SEP OPTIONS [SEP CONF [SEP MAP]]]" (fuzz_import.h): the
 * .ann and its .txt, options (brat_events), an annotation.conf and a label
 * map.
 * An input without a separator is an .ann with an empty text. See
 * tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_brat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    const fnet_labelmap *labels = NULL;
    int rc = FNET_OK;
    bool run = fuzz_input_begin(&in, data, size, 5) &&
               fuzz_input_options(&in, 2) && fuzz_input_labels(&in, 4, &labels);
    if (run)
        rc = fnet_import_brat_buffer(in.c, "doc.ann", in.part[0], in.len[0],
                                     "doc.txt", in.part[1] ? in.part[1] : "",
                                     in.part[1] ? in.len[1] : 0, in.part[3],
                                     in.len[3], &in.o, labels, &in.d, &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

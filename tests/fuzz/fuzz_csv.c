/* fuzz_csv.c - libFuzzer harness for the CSV/TSV importer: the input is
 * "EDGES [SEP OPTIONS [SEP ENTITIES]]" (fuzz_import.h). As the CLI does,
 * the entity table (--entities) is imported first, then the edge list, then
 * the corpus is resolved. Options: map, relation, delim=tab. See
 * tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    int rc = FNET_OK;
    bool run =
        fuzz_input_begin(&in, data, size, 3) && fuzz_input_options(&in, 1);
    char delim = fuzz_input_tab(&in, 1) ? '\t' : ',';
    if (run && in.part[2]) {
        in.o.entities = "entities.csv";
        rc = fnet_import_csv_entities_buffer(in.c, in.o.entities, in.part[2],
                                             in.len[2], delim, &in.d, &in.err);
    }
    if (run && rc == FNET_OK)
        rc = fnet_import_csv_buffer(in.c, "edges.csv", in.part[0], in.len[0],
                                    delim, &in.o, &in.d, &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

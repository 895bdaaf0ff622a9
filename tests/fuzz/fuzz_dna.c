/* fuzz_dna.c - libFuzzer harness for the DNA importer: the input is a
 * whole database image (no parts: SQLite pages hold any byte), read with
 * statement type "Stance" and qualifier "level" as the seeds
 * (tests/import/dna/dnafix.py's built database) are coded. See
 * tests/fuzz/README.md. */
#include "fuzz_import.h"

#include "input/import/import_dna.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    int rc = FNET_OK;
    bool run = fuzz_input_begin(&in, data, size, 1);
    in.o.dna_statement_type = "Stance";
    in.o.dna_qualifier = "level";
    if (run)
        rc = fnet_import_dna_buffer(in.c, "fuzz.dna", in.part[0], in.len[0],
                                    &in.o, &in.d, &in.err);
    fuzz_input_finish(&in, run, rc);
    return 0;
}

# The importers' counts against an independent reading of the raw files
# (tests/import/counts.py): the shapes written for issue 22 here, and the
# real exports in ../shared/formats/real when present (skipped otherwise).
set(FNET_IMP_DIR ${CMAKE_CURRENT_SOURCE_DIR}/import)
set(FNET_IMP_SHAPES ${FNET_IMP_DIR}/fixtures/shapes)
set(FNET_IMP_REAL ${CMAKE_SOURCE_DIR}/../shared/formats/real)

add_test(NAME import.counts
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/counts.py
                 $<TARGET_FILE:factnet>
                 ${FNET_IMP_SHAPES}/ls-pre1-task.json
                 ${FNET_IMP_SHAPES}/ls-pre1-list.json
                 ${FNET_IMP_SHAPES}/ls-empty-text.json
                 ${FNET_IMP_SHAPES}/ls-text-differs.json
                 ${FNET_IMP_SHAPES}/doccano-label.jsonl
                 ${FNET_IMP_SHAPES}/doccano-lines.json
                 ${FNET_IMP_DIR}/fixtures/acled/export.csv
                 ${FNET_IMP_DIR}/fixtures/acled/old-dates.csv
                 ${FNET_IMP_DIR}/fixtures/polecat/events.txt
                 ${FNET_IMP_DIR}/fixtures/polecat/story.tsv)
add_test(NAME import.real_counts
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/counts.py
                 $<TARGET_FILE:factnet>
                 ${FNET_IMP_REAL}/labelstudio/348.json
                 ${FNET_IMP_REAL}/labelstudio/cprex-corpus.json
                 ${FNET_IMP_REAL}/labelstudio/label_studio.json
                 ${FNET_IMP_REAL}/doccano/doccano_ext.json
                 ${FNET_IMP_REAL}/doccano/doccano_ext.jsonl
                 ${FNET_IMP_REAL}/doccano/relation_extraction_example.jsonl
                 ${FNET_IMP_REAL}/doccano/sequence_labeling_export_example.jsonl)
set_tests_properties(import.real_counts PROPERTIES SKIP_RETURN_CODE 77)

# DNA databases (tests/import/dna/): DNA's sample database against an
# independent reading of its tables (skipped without ../shared), and a
# database built by the test itself (integer qualifiers, dates across years,
# non-BMP text before the spans, skipped statements).
set(FNET_DNA_SAMPLE ${CMAKE_SOURCE_DIR}/../shared/formats/dna/sample.dna)
add_test(NAME import.dna.sample
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/dna/test_sample.py
                 $<TARGET_FILE:factnet> ${FNET_DNA_SAMPLE})
set_tests_properties(import.dna.sample PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME import.dna.built
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/dna/test_built.py
                 $<TARGET_FILE:factnet>)
add_test(NAME import.dna.mutations
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/dna/test_mutations.py
                 $<TARGET_FILE:factnet>)
# DNA's one-mode networks (--tie, --normalize) and --duplicates against an
# independent computation from the SQLite tables, and rDNA's sum of 276.
add_test(NAME import.dna.tiemodes
         COMMAND ${FNET_PYTHON} ${FNET_IMP_DIR}/dna/test_tiemodes.py
                 $<TARGET_FILE:factnet> ${FNET_DNA_SAMPLE})

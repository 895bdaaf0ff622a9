# Provenance: evidence quotes checked against source texts (check
# --sources-dir). Expected messages are written by hand from the rules in
# docs/PROVENANCE.md.
set(FNET_PROV_DIR ${CMAKE_CURRENT_SOURCE_DIR}/provenance)
set(FNET_PROV_RUN ${FNET_PYTHON} ${FNET_PROV_DIR}/run_case.py
    --cwd ${FNET_PROV_DIR})

add_test(NAME provenance.quotes
         COMMAND ${FNET_PROV_RUN} --status 0 --stderr ${FNET_PROV_DIR}/quotes.stderr
                 --stdout-match "evidence checked: 10 of 11 quotes; 1 without source text; 5 not found \\(1 source text read\\)"
                 --stdout-match "warnings: 5"
                 -- $<TARGET_FILE:factnet> check --sources-dir . quotes.json)
add_test(NAME provenance.quotes_strict
         COMMAND ${FNET_PROV_RUN} --status 1
                 --stderr ${FNET_PROV_DIR}/quotes-strict.stderr
                 -- $<TARGET_FILE:factnet> check --strict --sources-dir . quotes.json)
add_test(NAME provenance.jsonl
         COMMAND ${FNET_PROV_RUN} --status 0
                 --stderr ${FNET_PROV_DIR}/quotes-jsonl.stderr
                 --stdout-match "evidence checked: 1 of 1 quote; 1 not found \\(1 source text read\\)"
                 -- $<TARGET_FILE:factnet> check --sources-dir . quotes.jsonl)
add_test(NAME provenance.missing_text
         COMMAND ${FNET_PROV_RUN} --status 1 --stderr ${FNET_PROV_DIR}/missing.stderr
                 -- $<TARGET_FILE:factnet> check --sources-dir . missing.json)
# Without --sources-dir quotes are not checked: the same file is clean.
add_test(NAME provenance.off_by_default
         COMMAND ${FNET_PROV_RUN} --status 0 --stderr /dev/null
                 -- $<TARGET_FILE:factnet> check --strict quotes.json)
add_test(NAME provenance.no_such_dir
         COMMAND ${FNET_PROV_RUN} --status 3
                 --stderr ${FNET_PROV_DIR}/no-such-dir.stderr
                 -- $<TARGET_FILE:factnet> check --sources-dir no-such-dir quotes.json)

# The bundled corpus against the seed texts (../shared/seeds from the
# repository root): every quote checked and found, no warning. Skips (77)
# when the seeds are not there.
add_test(NAME provenance.japan_cyber_seeds
         COMMAND ${FNET_PYTHON} ${FNET_PROV_DIR}/run_case.py
                 --cwd ${CMAKE_SOURCE_DIR} --needs ../shared/seeds --status 0
                 --stderr /dev/null
                 --stdout-match "evidence checked: ([0-9]+) of \\1 quotes \\(2 source texts read\\)"
                 --stdout-match "warnings: 0"
                 -- $<TARGET_FILE:factnet> check --strict --sources-dir ../shared/seeds data/japan_cyber.json)
set_tests_properties(provenance.japan_cyber_seeds PROPERTIES SKIP_RETURN_CODE 77)

# `factnet agree`: Krippendorff's alpha and Cohen's kappa against the
# independent Python implementation of alpha_ref.py on random codings
# (through test_agree's helper mode), the command's figures against ones
# computed from the raw fact files (check_agree.py), and the consensus
# corpus and --coder end to end (consensus_check.py). Output and usage
# errors are golden cases in tests/golden/cli/agree_*.
# The stance end to end: dna_stance.py (a DNA database of two coders with
# an integer qualifier, stance alpha against alpha_ref.py) and
# stance_e2e.py (the same with `stance` in JSON facts).
set(FNET_AGREE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/agree)

add_test(NAME agree.alpha_random
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/alpha_random.py
                 $<TARGET_FILE:test_agree>
         WORKING_DIRECTORY ${FNET_AGREE_DIR})
add_test(NAME agree.figures
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/check_agree.py
                 $<TARGET_FILE:factnet>
                 tests/agree/fixtures/alice.json tests/agree/fixtures/bob.json
                 tests/agree/fixtures/alice.json
                 tests/agree/fixtures/bob_span.json
                 tests/agree/fixtures/alice.json tests/agree/fixtures/carol.json
                 data/japan_cyber.json tests/agree/fixtures/japan_coder2.json
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME agree.consensus
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/consensus_check.py
                 $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME agree.dna_stance
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/dna_stance.py
                 $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME agree.stance
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/stance_e2e.py
                 $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${FNET_AGREE_DIR})
# --by pair and --by entity against units built from the raw fact files
# (check_units.py; alpha and kappa from alpha_ref.py).
add_test(NAME agree.units
         COMMAND ${FNET_PYTHON} ${FNET_AGREE_DIR}/check_units.py
                 $<TARGET_FILE:factnet>
                 tests/agree/fixtures/alice.json tests/agree/fixtures/erin.json
                 tests/agree/fixtures/alice.json tests/agree/fixtures/bob.json
                 tests/agree/fixtures/alice.json tests/agree/fixtures/carol.json
                 data/japan_cyber.json tests/agree/fixtures/japan_coder2.json
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

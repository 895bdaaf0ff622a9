# `factnet evidence`: the facts behind each edge. The expected outputs,
# written by hand from the rules in docs/EVIDENCE.md, and the usage errors
# are golden cases in tests/golden/evidence/; here `-o` and the bundled
# corpus.
set(FNET_EV_DIR ${CMAKE_CURRENT_SOURCE_DIR}/evidence)

add_test(NAME evidence.output_file
         COMMAND sh ${FNET_EV_DIR}/output_file.sh $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${FNET_EV_DIR})
add_test(NAME evidence.japan_cyber
         COMMAND ${FNET_PYTHON} ${FNET_EV_DIR}/japan_check.py
                 $<TARGET_FILE:factnet> data/japan_cyber.json
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

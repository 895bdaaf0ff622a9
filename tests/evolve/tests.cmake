# `factnet evolve` and `factnet balance` end to end: options and errors,
# hand-checked outputs on small fixtures, formats, determinism.
set(FNET_EVOLVE_TESTS ${CMAKE_CURRENT_LIST_DIR})
foreach(t cli outputs)
  add_test(NAME evolve.${t}
           COMMAND sh ${FNET_EVOLVE_TESTS}/${t}.sh $<TARGET_FILE:factnet>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(evolve.${t} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
add_test(NAME evolve.dot
         COMMAND ${FNET_PYTHON} ${FNET_EVOLVE_TESTS}/dot.py
                 $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/evolve-dot-work)
# Graphviz's own leaks are suppressed as for tests/dot.
set_tests_properties(evolve.dot PROPERTIES ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")
# evolve --table pivot: hand-worked degrees and NetworkX PageRank per year.
add_test(NAME evolve.pivot
         COMMAND ${FNET_PYTHON} ${FNET_EVOLVE_TESTS}/pivot.py
                 $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(evolve.pivot PROPERTIES SKIP_RETURN_CODE 77)

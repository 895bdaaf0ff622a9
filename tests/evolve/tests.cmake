# `factnet evolve` and `factnet balance` end to end: options and errors,
# hand-checked outputs on small fixtures, formats, determinism.
set(FNET_EVOLVE_TESTS ${CMAKE_CURRENT_LIST_DIR})
foreach(t cli outputs)
  add_test(NAME evolve.${t}
           COMMAND sh ${FNET_EVOLVE_TESTS}/${t}.sh $<TARGET_FILE:factnet>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(evolve.${t} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

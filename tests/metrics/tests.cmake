# `factnet metrics` end to end: reproducibility, LaTeX output, options.
set(FNET_METRICS_TESTS ${CMAKE_CURRENT_LIST_DIR})
foreach(t determinism latex cli)
  add_test(NAME metrics.${t}
           COMMAND sh ${FNET_METRICS_TESTS}/${t}.sh $<TARGET_FILE:factnet>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(metrics.${t} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

# The stance ties of the actors view (--tie, --normalize, --duplicates)
# against an independent Python computation of DNA's formulas, and the
# Quad/AUKUS fixture (no opposition read as alliance).
set(FNET_STANCE_TESTS ${CMAKE_CURRENT_LIST_DIR})
foreach(t ties quad)
  add_test(NAME stance.${t}
           COMMAND ${FNET_PYTHON} ${FNET_STANCE_TESTS}/check_${t}.py
                   $<TARGET_FILE:factnet>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(stance.${t} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

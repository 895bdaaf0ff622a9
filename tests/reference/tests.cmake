# Reference metrics: factnet against NetworkX goldens (tests/reference/README.md).
# compare.py exits 77 (skip) when the binary, a network or a golden is missing.
foreach(case karate karate-unweighted karate-weighted florentine directed davis
        davis-actors-count davis-actors-newman davis-actors-jaccard published)
  add_test(NAME reference.${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/compare.py
                   $<TARGET_FILE:factnet> ${case})
  set_tests_properties(reference.${case} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

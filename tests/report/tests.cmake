# `factnet report` without a browser: page structure and safety rules, data
# against `factnet metrics` and the corpus, centrality over time against
# `factnet metrics --dated-only --to YEAR`, determinism, errors. The
# browser test is tests/browser/.
set(FNET_REPORT_WORK ${CMAKE_CURRENT_BINARY_DIR}/report-work)
set(FNET_REPORT_TESTS)
foreach(case page metrics trend trend_each deterministic errors)
  add_test(NAME report.${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/report/check_report.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                   ${FNET_REPORT_WORK}/${case} ${case})
  list(APPEND FNET_REPORT_TESTS report.${case})
endforeach()
# Rendering goes through Graphviz: same leak suppressions as tests/dot.
set_tests_properties(${FNET_REPORT_TESTS} PROPERTIES ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")

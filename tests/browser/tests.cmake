# The HTML report in a real browser: Debian's headless Chromium driven by
# playwright-core (tests/browser/report.test.js). scripts/test installs
# chromium and node and runs `npm ci` in tests/browser; without them the
# test is skipped (exit 77) with a message, never passed.
find_program(FNET_NODE NAMES node nodejs)
if(FNET_NODE)
  add_test(NAME browser.report
           COMMAND ${FNET_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/browser/report.test.js
                   $<TARGET_FILE:factnet> ${CMAKE_BINARY_DIR}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
else()
  add_test(NAME browser.report
           COMMAND sh -c "echo 'browser.report: SKIP: node is not installed (scripts/test installs it)'; exit 77")
endif()
# factnet renders through Graphviz: same leak suppressions as tests/dot.
set_tests_properties(browser.report PROPERTIES SKIP_RETURN_CODE 77
  TIMEOUT 900 ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")

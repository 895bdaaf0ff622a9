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
  "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/dot/lsan.supp:print_suppressions=0")

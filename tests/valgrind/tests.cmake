# valgrind memcheck of the CLI: scripts/valgrind-cli runs every case of
# tests/valgrind/cases.txt (append the cases of new commands there). Only in
# builds without sanitizers or fuzzing instrumentation, which valgrind cannot
# run. Without valgrind installed the script exits 77 and ctest reports the
# test as skipped, not passed.
if(NOT FNET_SANITIZE AND NOT FNET_FUZZ)
  add_test(NAME valgrind.cli
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/valgrind-cli
                   $<TARGET_FILE:factnet>
                   ${CMAKE_CURRENT_SOURCE_DIR}/valgrind/cases.txt)
  set_tests_properties(valgrind.cli PROPERTIES LABELS valgrind
                       SKIP_RETURN_CODE 77 TIMEOUT 1200)
endif()

# Golden tests of the command line: one ctest per folder tests/cli/CASE/,
# run by run.py (exit 77 = skipped: the permission test when the user nobody
# cannot run the factnet binary).
file(GLOB FNET_CLI_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/cli/*)
foreach(dir ${FNET_CLI_CASES})
  if(IS_DIRECTORY ${dir})
    get_filename_component(name ${dir} NAME)
    add_test(NAME cli.${name}
             COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/run.py
                     $<TARGET_FILE:factnet> ${name})
    set_tests_properties(cli.${name} PROPERTIES SKIP_RETURN_CODE 77)
    if(name MATCHES "^build_")
      # build renders through Graphviz: its own leaks are suppressed as
      # for tests/dot; everything else still counts.
      set_tests_properties(cli.${name} PROPERTIES ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/dot/lsan.supp:print_suppressions=0")
    endif()
  endif()
endforeach()

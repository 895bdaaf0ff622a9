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
  endif()
endforeach()

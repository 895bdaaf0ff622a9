# Importer cases (tests/import/cases/NAME/): factnet on real-format fixtures,
# expected exit status, output and located errors. A case whose `needs`
# (e.g. ../shared data) is absent is skipped with status 77.
file(GLOB FNET_IMPORT_CASES LIST_DIRECTORIES true
     ${CMAKE_CURRENT_SOURCE_DIR}/import/cases/*)
foreach(dir ${FNET_IMPORT_CASES})
  if(IS_DIRECTORY ${dir})
    get_filename_component(name ${dir} NAME)
    add_test(NAME import.${name}
             COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/import/run_case.py
                     $<TARGET_FILE:factnet> ${name})
    set_tests_properties(import.${name} PROPERTIES SKIP_RETURN_CODE 77)
  endif()
endforeach()

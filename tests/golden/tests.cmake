# Golden tests: one ctest AREA.CASE per case folder tests/golden/AREA/CASE/
# (command line, bad inputs, importers, provenance, evidence), all run by
# golden/run.py; the case format is in tests/golden/README.md. Exit status
# 77 = skipped: a case whose `needs` (../shared data) is absent, or the
# permission case when the user nobody cannot run the factnet binary.
file(GLOB FNET_GOLDEN_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/golden/*/*)
foreach(dir ${FNET_GOLDEN_CASES})
  if(EXISTS ${dir}/cmd)
    get_filename_component(name ${dir} NAME)
    get_filename_component(area ${dir} DIRECTORY)
    get_filename_component(area ${area} NAME)
    add_test(NAME ${area}.${name}
             COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.py
                     $<TARGET_FILE:factnet> ${area}/${name})
    set_tests_properties(${area}.${name} PROPERTIES SKIP_RETURN_CODE 77)
    file(READ ${dir}/cmd cmdline)
    if(cmdline MATCHES "^(build|dot|render|report)( |\n|$)")
      # These commands lay out through Graphviz (a gvContext even when an
      # option error stops them after the graph is built): its own leaks
      # are suppressed as for tests/dot; everything else still counts.
      set_tests_properties(${area}.${name} PROPERTIES ENVIRONMENT
        "${FNET_GRAPHVIZ_SAN_ENV}")
    endif()
  endif()
endforeach()

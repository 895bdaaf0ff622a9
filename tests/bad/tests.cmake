# The bad-input corpus: one ctest per case (tests/bad/NAME.expected), each
# running `factnet check` on the case's input through run.py.
file(GLOB FNET_BAD_CASES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/bad/*.expected)
foreach(exp ${FNET_BAD_CASES})
  get_filename_component(name ${exp} NAME_WE)
  add_test(NAME bad.${name}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/bad/run.py
                   $<TARGET_FILE:factnet> ${name})
endforeach()

# Figures sized in final units (issue 16, part A): render at 3.5in, 89mm,
# 7in and 183mm and read the PDFs back with pdfminer and pdffonts, the PNG
# and EPS byte by byte (tests/print/check_print.py). Skips (77) without
# python3-pdfminer or poppler-utils (scripts/lib/bootstrap.sh installs them).
foreach(case widths png eps refuse legend title preflight evolve latex under
             grey trial height compact columns)
  add_test(NAME print.${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/print/check_print.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/print-work/${case} ${case})
  set_tests_properties(print.${case} PROPERTIES SKIP_RETURN_CODE 77
    ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")
endforeach()

# Reruns of the figure once found to change between runs give the same bytes
# (tests/print/rerun.py states the rate before the fix and the miss chance).
add_test(NAME print.rerun
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/print/rerun.py
                 $<TARGET_FILE:factnet>
                 ${CMAKE_CURRENT_BINARY_DIR}/print-work/rerun)
set_tests_properties(print.rerun PROPERTIES
  ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")

# `factnet methods`: the paragraph's numbers parsed back and compared with
# `check` and `metrics --level graph` on the same run, and the --bib file
# through bibtex with a LaTeX article citing every key.
set(FNET_METHODS_DIR ${CMAKE_CURRENT_SOURCE_DIR}/methods)

add_test(NAME methods.numbers
         COMMAND ${FNET_PYTHON} ${FNET_METHODS_DIR}/numbers.py
                 $<TARGET_FILE:factnet> ${CMAKE_SOURCE_DIR})
# numbers.py runs `factnet build` (diagrams): under the sanitizers, what
# Graphviz and fontconfig keep until exit is not ours (tests/dot/lsan.supp).
set_tests_properties(methods.numbers PROPERTIES ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")
add_test(NAME methods.bibtex
         COMMAND ${FNET_PYTHON} ${FNET_METHODS_DIR}/bibtex.py
                 $<TARGET_FILE:factnet> ${CMAKE_SOURCE_DIR})
set_tests_properties(methods.bibtex PROPERTIES SKIP_RETURN_CODE 77)

# The bundled corpus's LaTeX outputs (metrics top 10, evolve's pivot,
# evidence as a list, methods with its .bib) in a two-column article that
# pdflatex, bibtex and pdflatex compile without a warning
# (tests/article/compile.py; exit 77, skipped, only without pdflatex or
# bibtex, which FNET_TEST_PKGS installs).
add_test(NAME article.compile
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/compile.py
                 $<TARGET_FILE:factnet>)
set_tests_properties(article.compile PROPERTIES
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  SKIP_RETURN_CODE 77)

# Hardening checks of the CLI as a process (docs/CLI.md, "Output"): write
# errors on standard output and a reader that closes the pipe early.
add_test(NAME hardening.stdout
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_stdout.py
                 $<TARGET_FILE:factnet>)
# It runs build (Graphviz renders): Graphviz's and fontconfig's own leaks
# are suppressed under the sanitizers, as for tests/dot.
set_tests_properties(hardening.stdout PROPERTIES
  ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")

# Every output kind is replaced whole or not at all: a write that fails
# part-way (file size limit) and /dev/full; a read-only folder (skipped, 77,
# when the user nobody cannot run the binary). Graphviz's own leaks are
# suppressed under the sanitizers, as for tests/dot.
foreach(mode write readonly)
  add_test(NAME hardening.atomic_${mode}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_atomic.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}/docs/examples/rcep.json
                   ${mode})
  set_tests_properties(hardening.atomic_${mode} PROPERTIES
    SKIP_RETURN_CODE 77
    ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")
endforeach()

# Hostile labels through every output (test_hostile_outputs.py): one test
# per format, so that a failure names the format. Exit 77 (skipped, with a
# message) only when Graphviz's dot or pdflatex is missing.
set(FNET_HOSTILE_FORMATS
    dot build-dot evolve-dot svg build-svg evolve-svg
    graphml gexf gml json pajek export-csv neo4j
    table-csv table-tsv table-md table-latex table-json evidence-md
    html check formula-guard)
foreach(fmt ${FNET_HOSTILE_FORMATS})
  add_test(NAME hardening.hostile.${fmt}
           COMMAND ${FNET_PYTHON}
                   ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_hostile_outputs.py
                   $<TARGET_FILE:factnet> ${fmt})
  # Under the sanitizers, leaks inside Graphviz and its font stack are not
  # ours: the suppressions of the diagram tests (tests/dot/lsan.supp).
  set_tests_properties(hardening.hostile.${fmt} PROPERTIES
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    SKIP_RETURN_CODE 77
    ENVIRONMENT
    "${FNET_GRAPHVIZ_SAN_ENV}")
endforeach()

# build's summary.md names its input in a code span that CommonMark reads
# back as the path, backticks and all (rendered by cmark; exit 77, skipped
# with a message, when cmark is missing).
add_test(NAME hardening.md_path
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_md_path.py
                 $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}/docs/examples/rcep.json)
set_tests_properties(hardening.md_path PROPERTIES
  SKIP_RETURN_CODE 77
  ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")

# Annotated text whose derived facts and quotes would outgrow the input
# (docs/LIMITS.md, "Quoted evidence"): each case within 1 GiB of address
# space (RLIMIT_AS), which AddressSanitizer's shadow memory cannot fit in:
# there the same cases run without the limit, and the test says so.
if(FNET_SANITIZE)
  set(FNET_AMPLIFICATION_ARGS --no-rlimit)
endif()
add_test(NAME hardening.amplification
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_amplification.py
                 $<TARGET_FILE:factnet> ${FNET_AMPLIFICATION_ARGS})
set_tests_properties(hardening.amplification PROPERTIES TIMEOUT 600)

# The progress line on a terminal (a pseudo-terminal): shown, erased, and
# never changing an output (test_progress.py).
add_test(NAME hardening.progress_tty
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_progress.py
                 $<TARGET_FILE:factnet>)

# Every LaTeX table fits a two-column page with 60-character labels full of
# TeX's special characters: pdflatex's log has no overfull box
# (test_latex_fit.py; exit 77, skipped, when pdflatex is missing).
add_test(NAME hardening.latex_fit
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_latex_fit.py
                 $<TARGET_FILE:factnet>)
set_tests_properties(hardening.latex_fit PROPERTIES
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  SKIP_RETURN_CODE 77)

# docs/ARCHITECTURE.md against the source tree: every header under src/ is
# listed, and every path the document names exists (test_architecture.py).
add_test(NAME docs.architecture
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_architecture.py
                 ${PROJECT_SOURCE_DIR})

# The includes under src/ point down the layers and make no cycle
# (test_layers.py; its allow-lists name the known exceptions).
add_test(NAME docs.layers
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_layers.py
                 ${PROJECT_SOURCE_DIR})

# docs/CLI.md against `factnet COMMAND --help`: every option group printed
# is a fenced block of CLI.md, line for line (test_cli_help.py; --update
# rewrites the blocks).
add_test(NAME docs.cli_help
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_cli_help.py
                 $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR})

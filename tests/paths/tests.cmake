# Exact path metrics (src/analysis/paths.c, one search per source) through
# the CLI: NetworkX on small hand-made graphs, python-igraph on a generated
# corpus, in every FACTNET_PARALLEL mode (the bit-for-bit comparison with
# igraph's calls is tests/unit/test_paths.c).
add_test(NAME paths.cli
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_paths.py
                 $<TARGET_FILE:factnet> $<TARGET_FILE:gen_facts>)

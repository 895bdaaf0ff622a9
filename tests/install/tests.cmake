# Installing (docs/INSTALL.md): the generated man pages and completions
# against --help (test_docs.py), and `cmake --install` into a temporary
# prefix, run from an empty folder (check_install.sh).
add_test(NAME install.docs
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_docs.py
                 $<TARGET_FILE:factnet> ${PROJECT_BINARY_DIR}/gen/docs)
add_test(NAME install.tree
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_install.sh
                 ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})

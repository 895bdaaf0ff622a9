# Installing (docs/INSTALL.md): the generated man pages and completions
# against --help (test_docs.py), and `cmake --install` into a temporary
# prefix, run from an empty folder (check_install.sh).
add_test(NAME install.docs
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_docs.py
                 $<TARGET_FILE:factnet> ${PROJECT_BINARY_DIR}/gen/docs)
if(FNET_SANITIZE)
  set(FNET_INSTALL_BUILD_KIND sanitize)
endif()
add_test(NAME install.tree
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_install.sh
                 ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR}
                 ${FNET_INSTALL_BUILD_KIND})
# The installed factnet renders through Graphviz: its own leaks are
# suppressed as for tests/dot (sanitizer builds); everything else counts.
set_tests_properties(install.tree PROPERTIES ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")
# The .deb, built with cpack and read with dpkg-deb -f/-c (never installed
# here: scripts/package --try does that).
add_test(NAME install.deb
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_deb.sh ${PROJECT_BINARY_DIR})
set_tests_properties(install.deb PROPERTIES SKIP_RETURN_CODE 77)
# Both install from the build folder (cmake --install writes its
# install_manifest.txt there).
set_tests_properties(install.tree install.deb PROPERTIES RESOURCE_LOCK
                     fnet_install_manifest)

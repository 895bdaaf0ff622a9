# Diagrams (factnet dot / render / build): SVG structure and labels read
# back with Python's xml.etree, image formats, views, errors, the golden DOT
# of tests/dot/small.json, and the one-shot build. The C-level round trip
# through cgraph's agread is tests/unit/test_dot.c.
set(FNET_DOT_WORK ${CMAKE_CURRENT_BINARY_DIR}/dot-work)
foreach(case small japan hostile ego actors top collapse multi edge_labels
        cluster formats deterministic golden errors missing_plugin)
  add_test(NAME dot.${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/dot/check_views.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                   ${FNET_DOT_WORK}/${case} ${case})
endforeach()
add_test(NAME dot.build
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/dot/check_build.py
                 $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                 ${FNET_DOT_WORK}/build)
# Issue 16, figures in grey with relations told apart: --grayscale PNG
# without chroma and DOT in greys with fills 14 apart in L*, distinct
# relation looks (grey and colour, 16+ relations), the legend naming every
# relation drawn, edge labels clear of nodes and each other (measured on
# Graphviz's -Tjson), community colours kept in filtered views, the
# palette's documented lightness.
foreach(case grey_png grey_dot colour_dot legend stable palette labels)
  add_test(NAME dot.style_${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/dot/check_style.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                   ${FNET_DOT_WORK}/style_${case} ${case})
  set_tests_properties(dot.style_${case} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
# Clustered diagrams: geometry read back by Graphviz's dot program (skips
# when it is missing), and byte-identical output run after run.
foreach(case geometry geometry_circo geometry_twopi type repeat_dot repeat_render)
  add_test(NAME dot.clusters_${case}
           COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/dot/check_clusters.py
                   $<TARGET_FILE:factnet> ${PROJECT_SOURCE_DIR}
                   ${FNET_DOT_WORK}/clusters_${case} ${case})
  set_tests_properties(dot.clusters_${case} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

# Under the sanitizers, leaks inside Graphviz and its font stack are not
# ours (see dot/lsan.supp); everything else still counts. The suppressions
# match function names deep in the stack, hence the slow unwinder.
set(FNET_DOT_TESTS unit.test_dot unit.test_clustered dot.build)
foreach(case small japan hostile ego actors top collapse multi edge_labels
        cluster formats deterministic golden errors missing_plugin)
  list(APPEND FNET_DOT_TESTS dot.${case})
endforeach()
foreach(case geometry geometry_circo geometry_twopi type repeat_dot repeat_render)
  list(APPEND FNET_DOT_TESTS dot.clusters_${case})
endforeach()
foreach(case grey_png grey_dot colour_dot legend stable palette labels)
  list(APPEND FNET_DOT_TESTS dot.style_${case})
endforeach()
set_tests_properties(${FNET_DOT_TESTS} PROPERTIES ENVIRONMENT
  "${FNET_GRAPHVIZ_SAN_ENV}")

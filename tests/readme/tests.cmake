# The README's examples: its metrics table is what the command above it
# prints (example_table.py --update rewrites it).
add_test(NAME readme.example_table
         COMMAND ${FNET_PYTHON}
                 ${CMAKE_CURRENT_SOURCE_DIR}/readme/example_table.py
                 $<TARGET_FILE:factnet> ${CMAKE_SOURCE_DIR})

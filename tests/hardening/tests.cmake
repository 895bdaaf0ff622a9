# Hardening checks of the CLI as a process (docs/CLI.md, "Output"): write
# errors on standard output and a reader that closes the pipe early.
add_test(NAME hardening.stdout
         COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/test_stdout.py
                 $<TARGET_FILE:factnet>)

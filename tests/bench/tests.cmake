# The benchmark corpus generator (bench/gen_facts.c): its output must pass
# `factnet check` without errors or warnings and be byte-identical for the
# same arguments. (Speed is never tested.)
add_test(NAME bench.gen_facts
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_gen_facts.sh
                 $<TARGET_FILE:gen_facts> $<TARGET_FILE:factnet>)

# The streaming per-pair loader of `factnet metrics` against the full one
# and against `factnet check`'s messages.
add_test(NAME bench.aggregate
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_aggregate.sh
                 $<TARGET_FILE:gen_facts> $<TARGET_FILE:factnet>)

# The second core (threads, forked processes) changes no output byte
# (FACTNET_PARALLEL=always against serial).
add_test(NAME bench.parallel
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_parallel.sh
                 $<TARGET_FILE:gen_facts> $<TARGET_FILE:factnet>
                 ${CMAKE_SOURCE_DIR}/data)

# build's print figure in a child process changes no output byte, message
# or message order (against FACTNET_PARALLEL=serial).
add_test(NAME bench.build_parallel
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_build_parallel.sh
                 $<TARGET_FILE:factnet> ${CMAKE_SOURCE_DIR}/data)
set_tests_properties(bench.build_parallel PROPERTIES
  ENVIRONMENT "${FNET_GRAPHVIZ_SAN_ENV}")

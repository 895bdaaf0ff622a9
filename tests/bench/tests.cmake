# The benchmark corpus generator (bench/gen_facts.c): its output must pass
# `factnet check` without errors or warnings and be byte-identical for the
# same arguments. (Speed is never tested.)
add_test(NAME bench.gen_facts
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_gen_facts.sh
                 $<TARGET_FILE:gen_facts> $<TARGET_FILE:factnet>)

# `factnet evidence`: the facts behind each edge. Expected outputs are
# written by hand from the rules in docs/EVIDENCE.md.
set(FNET_EV_DIR ${CMAKE_CURRENT_SOURCE_DIR}/evidence)
set(FNET_EV_RUN ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/provenance/run_case.py
    --cwd ${FNET_EV_DIR})

add_test(NAME evidence.md
         COMMAND ${FNET_EV_RUN} --status 0 --stderr /dev/null
                 --stdout ${FNET_EV_DIR}/full.md
                 -- $<TARGET_FILE:factnet> evidence facts.json)
add_test(NAME evidence.csv_directed
         COMMAND ${FNET_EV_RUN} --status 0 --stderr /dev/null
                 --stdout ${FNET_EV_DIR}/directed.csv
                 -- $<TARGET_FILE:factnet> evidence --directed
                    --relations competes_with,party_to -f csv facts.json)
add_test(NAME evidence.latex
         COMMAND ${FNET_EV_RUN} --status 0 --stderr /dev/null
                 --stdout ${FNET_EV_DIR}/party.tex
                 -- $<TARGET_FILE:factnet> evidence --relations party_to
                    -f latex --caption "Evidence & more" --label tab:ev
                    facts.json)
add_test(NAME evidence.bad_format
         COMMAND ${FNET_EV_RUN} --status 2
                 --stderr ${FNET_EV_DIR}/bad-format.stderr
                 -- $<TARGET_FILE:factnet> evidence -f html facts.json)
add_test(NAME evidence.caption_needs_latex
         COMMAND ${FNET_EV_RUN} --status 2
                 --stderr ${FNET_EV_DIR}/caption.stderr
                 -- $<TARGET_FILE:factnet> evidence --caption X facts.json)
add_test(NAME evidence.output_file
         COMMAND sh ${FNET_EV_DIR}/output_file.sh $<TARGET_FILE:factnet>
         WORKING_DIRECTORY ${FNET_EV_DIR})
add_test(NAME evidence.japan_cyber
         COMMAND ${FNET_PYTHON} ${FNET_EV_DIR}/japan_check.py
                 $<TARGET_FILE:factnet> data/japan_cyber.json
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

# `factnet export`: every format read back by an independent reader
# (NetworkX, python-igraph, xml.etree, Python's csv) and compared with
# `factnet metrics` and `factnet evidence` (readback.py), plus options,
# errors, sets of files and characters XML cannot carry (cli.sh).
set(FNET_EXPORT_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FNET_READBACK ${FNET_PYTHON} ${FNET_EXPORT_DIR}/readback.py
    $<TARGET_FILE:factnet>)
set(FNET_HOSTILE tests/export/hostile.json --fixture tests/export/hostile.json)

add_test(NAME export.readback.hostile
         COMMAND ${FNET_READBACK} ${FNET_HOSTILE})
add_test(NAME export.readback.hostile_directed_runs
         COMMAND ${FNET_READBACK} ${FNET_HOSTILE} -- --directed --runs 3)
add_test(NAME export.readback.hostile_dated_only
         COMMAND ${FNET_READBACK} ${FNET_HOSTILE} -- --dated-only)
add_test(NAME export.readback.japan_cyber
         COMMAND ${FNET_READBACK} data/japan_cyber.json)
add_test(NAME export.readback.japan_cyber_actors
         COMMAND ${FNET_READBACK} data/japan_cyber.json -- --view actors)
add_test(NAME export.readback.japan_cyber_directed
         COMMAND ${FNET_READBACK} data/japan_cyber.json --
                 --directed --from 2013 --to 2018 --weighted)
# The brat folder lives in ../shared (outside the repository): skipped,
# with a message, when it is absent.
add_test(NAME export.readback.brat_news
         COMMAND ${FNET_READBACK} ../shared/formats/brat-news --skip-missing)
add_test(NAME export.cli
         COMMAND sh ${FNET_EXPORT_DIR}/cli.sh $<TARGET_FILE:factnet>
                 ${FNET_PYTHON})
set_tests_properties(
  export.readback.hostile export.readback.hostile_directed_runs
  export.readback.hostile_dated_only export.readback.japan_cyber
  export.readback.japan_cyber_actors export.readback.japan_cyber_directed
  export.readback.brat_news export.cli
  PROPERTIES WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} SKIP_RETURN_CODE 77)

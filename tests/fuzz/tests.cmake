# Fuzzing (tests/fuzz/README.md). Every build compiles each harness with the
# replay driver and replays the saved crash inputs of regressions/HARNESS/,
# so a fixed crash stays fixed in the normal and the sanitizer runs of
# scripts/test. With -DFNET_FUZZ=ON (clang; scripts/fuzz) the harnesses are
# also linked with libFuzzer as executables of the same name.
set(FNET_FUZZ_HARNESSES fuzz_json fuzz_jsonl fuzz_csv fuzz_brat
    fuzz_labelstudio fuzz_doccano fuzz_gdelt fuzz_icews fuzz_acled fuzz_polecat
    fuzz_labelmap fuzz_dna)
foreach(h ${FNET_FUZZ_HARNESSES})
  add_executable(${h}_replay fuzz/replay.c fuzz/${h}.c)
  target_link_libraries(${h}_replay PRIVATE fnet)
  target_include_directories(${h}_replay PRIVATE fuzz)
  add_test(NAME fuzz.${h}.regressions
           COMMAND ${h}_replay ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${h})
  set_tests_properties(fuzz.${h}.regressions PROPERTIES LABELS fuzz)
  if(FNET_FUZZ)
    add_executable(${h} fuzz/${h}.c)
    target_link_libraries(${h} PRIVATE fnet)
    target_include_directories(${h} PRIVATE fuzz)
    target_link_options(${h} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()

# The valid fixtures go through the harness too: they must load cleanly and
# satisfy the harness's invariants.
file(GLOB FNET_FUZZ_FIXTURES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/reference/networks/*.json
     ${PROJECT_SOURCE_DIR}/data/*.json)
add_test(NAME fuzz.fuzz_json.fixtures
         COMMAND fuzz_json_replay ${FNET_FUZZ_FIXTURES})
set_tests_properties(fuzz.fuzz_json.fixtures PROPERTIES LABELS fuzz)

# The importer harnesses also run on their seeds (the import fixtures in the
# harness's input layout, tests/fuzz/seeds.py), which checks that the seeds
# and the layout agree.
foreach(h ${FNET_FUZZ_HARNESSES})
  if(NOT h MATCHES "^fuzz_jsonl?$")
    add_test(NAME fuzz.${h}.seeds
             COMMAND ${FNET_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/seeds.py
                     --replay $<TARGET_FILE:${h}_replay> ${h})
    set_tests_properties(fuzz.${h}.seeds PROPERTIES LABELS fuzz)
  endif()
endforeach()

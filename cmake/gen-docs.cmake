# gen-docs.cmake - the man pages and shell completions, written by the
# built factnet from its option tables (src/cli/describe.h):
#   cmake -DFACTNET=path/to/factnet -DOUT=dir [-DGZIP=path/to/gzip]
#         [-DCHANGELOG=CHANGELOG.md] -P gen-docs.cmake
# writes OUT/man/factnet.1 and OUT/man/factnet-COMMAND.1 for every command
# that `factnet --help` lists, OUT/man-gz/*.1.gz when GZIP is given (gzip
# -9n: no name or time stamp, the same bytes on every build),
# OUT/completion/{factnet.bash,_factnet,factnet.fish}, OUT/changelog.gz
# (CHANGELOG gzipped, where Debian looks for it) and OUT/stamp.
cmake_minimum_required(VERSION 3.25)

function(fnet_run out)
  execute_process(COMMAND ${FACTNET} ${ARGN} OUTPUT_FILE ${out}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "factnet ${ARGN} failed (${rc})")
  endif()
endfunction()

file(REMOVE_RECURSE ${OUT}/man ${OUT}/man-gz ${OUT}/completion
     ${OUT}/changelog.gz)
file(MAKE_DIRECTORY ${OUT}/man ${OUT}/completion)

# The commands: the lines "  NAME  SUMMARY" after "commands:" in --help.
execute_process(COMMAND ${FACTNET} --help OUTPUT_VARIABLE help
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "factnet --help failed (${rc})")
endif()
string(REGEX REPLACE ".*\ncommands:\n" "" help "${help}")
string(REGEX REPLACE "\n\n.*" "" help "${help}")
string(REGEX MATCHALL "(^|\n)  [a-z]+" commands "${help}")
set(pages factnet)
fnet_run(${OUT}/man/factnet.1 --man)
foreach(c ${commands})
  string(STRIP "${c}" c)
  fnet_run(${OUT}/man/factnet-${c}.1 --man ${c})
  list(APPEND pages factnet-${c})
endforeach()

if(GZIP AND CHANGELOG)
  execute_process(COMMAND ${GZIP} -9n -c ${CHANGELOG}
                  OUTPUT_FILE ${OUT}/changelog.gz RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${CHANGELOG} failed (${rc})")
  endif()
endif()

# The Debian changelog of the package (a non-native package: version
# VERSION-1): one entry pointing at the upstream changelog.gz, dated
# SOURCE_DATE_EPOCH (scripts/release sets it) or the epoch, so that two
# builds give the same bytes.
if(GZIP AND VERSION)
  if(DEFINED ENV{SOURCE_DATE_EPOCH})
    string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  else()
    set(date "Thu, 01 Jan 1970 00:00:00 +0000")
  endif()
  file(WRITE ${OUT}/changelog.Debian
       "factnet (${VERSION}-1) unstable; urgency=medium\n\n"
       "  * Upstream version ${VERSION}, packaged with CPack; what it changed\n"
       "    is in changelog.gz (the project's CHANGELOG.md).\n\n"
       " -- ${CONTACT}  ${date}\n")
  execute_process(COMMAND ${GZIP} -9n -c ${OUT}/changelog.Debian
                  OUTPUT_FILE ${OUT}/changelog.Debian.gz RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip changelog.Debian failed (${rc})")
  endif()
endif()

if(GZIP)
  file(MAKE_DIRECTORY ${OUT}/man-gz)
  foreach(p ${pages})
    execute_process(COMMAND ${GZIP} -9n -c ${OUT}/man/${p}.1
                    OUTPUT_FILE ${OUT}/man-gz/${p}.1.gz RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "gzip ${p}.1 failed (${rc})")
    endif()
  endforeach()
endif()

fnet_run(${OUT}/completion/factnet.bash --completion bash)
fnet_run(${OUT}/completion/_factnet --completion zsh)
fnet_run(${OUT}/completion/factnet.fish --completion fish)
file(WRITE ${OUT}/stamp "")

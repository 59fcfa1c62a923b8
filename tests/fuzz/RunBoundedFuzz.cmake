# Runs a libFuzzer target for a bounded time on a fresh copy of its seed corpus, so repeated ctest
# runs never write into the source tree. Invoked by the fuzz_*_bounded tests:
#   cmake -DFUZZER=... -DSEEDS="dir/*.bin|other/*.json" -DDICT=... -DWORK_DIR=... -DMAX_TOTAL_TIME=20
#         -P RunBoundedFuzz.cmake
foreach(var FUZZER SEEDS DICT WORK_DIR MAX_TOTAL_TIME)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunBoundedFuzz.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}/corpus")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")
string(REPLACE "|" ";" seed_globs "${SEEDS}") # "|": ctest would split a ";" list
file(GLOB seeds ${seed_globs})
if(NOT seeds)
    message(FATAL_ERROR "no seed files match ${SEEDS}")
endif()
file(COPY ${seeds} DESTINATION "${WORK_DIR}/corpus")

# ASan's default 256 MB quarantine lets RSS climb to ~850 MB over a long run; keep CI lean.
if(NOT DEFINED ENV{ASAN_OPTIONS})
    set(ENV{ASAN_OPTIONS} "quarantine_size_mb=64")
endif()

execute_process(
    COMMAND "${FUZZER}"
        -max_total_time=${MAX_TOTAL_TIME}
        -timeout=5
        -rss_limit_mb=2048
        -print_final_stats=1
        "-dict=${DICT}"
        "-artifact_prefix=${WORK_DIR}/artifacts/"
        "${WORK_DIR}/corpus"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    get_filename_component(name "${FUZZER}" NAME)
    message(FATAL_ERROR "${name} failed (${result}); reproducers are in ${WORK_DIR}/artifacts")
endif()

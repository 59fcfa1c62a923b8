# Runs one sound-card line fuzz target for a bounded time on a fresh corpus built from the seeds
# (files, or for audio the generated fixtures cut into raw 16-bit chunks), so ctest never writes
# into the source tree:
#   cmake -DFUZZER=... -DSEEDS=dir -DKIND=bytes|audio -DWORK_DIR=... -DMAX_TOTAL_TIME=15
#         [-DDICT=...] [-DMAX_LEN=...] -P RunSoundlineFuzz.cmake
foreach(var FUZZER SEEDS KIND WORK_DIR MAX_TOTAL_TIME)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunSoundlineFuzz.cmake: ${var} is not set")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}/corpus")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")
if(KIND STREQUAL "audio")
    # Up to 3 s of 8 kHz samples from each fixture, raw 16-bit (the target reads its control
    # byte from the end, so the files are seeds as they are).
    foreach(name dtmf_all16_70ms cid_class_mdmf cid_clip_mdmf busy_us_480+620_500-500 busy_uk_400_375-375
                 ring_uk_25hz_double dialtone_eu_425_3s speech_en_8k)
        set(wav "${SEEDS}/${name}.wav")
        if(NOT EXISTS "${wav}")
            message(FATAL_ERROR "missing audio fixture ${wav} (run the soundline_audio_fixtures test)")
        endif()
        execute_process(COMMAND sox -V1 -q "${wav}" -t raw -e signed -b 16 -c 1 -r 8000 "${WORK_DIR}/corpus/${name}.raw"
                                trim 0 3
            RESULT_VARIABLE sox_result)
        if(NOT sox_result EQUAL 0)
            message(FATAL_ERROR "sox could not cut ${wav}")
        endif()
    endforeach()
else()
    file(GLOB seeds "${SEEDS}/*.bin")
    if(NOT seeds)
        message(FATAL_ERROR "no seeds (*.bin) in ${SEEDS}")
    endif()
    file(COPY ${seeds} DESTINATION "${WORK_DIR}/corpus")
endif()
if(NOT DEFINED ENV{ASAN_OPTIONS})
    set(ENV{ASAN_OPTIONS} "quarantine_size_mb=64")
endif()
set(extra)
if(DEFINED DICT)
    list(APPEND extra "-dict=${DICT}")
endif()
if(DEFINED MAX_LEN)
    list(APPEND extra "-max_len=${MAX_LEN}")
endif()
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${MAX_TOTAL_TIME} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        ${extra} "-artifact_prefix=${WORK_DIR}/artifacts/" "${WORK_DIR}/corpus"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${result}); reproducers are in ${WORK_DIR}/artifacts")
endif()

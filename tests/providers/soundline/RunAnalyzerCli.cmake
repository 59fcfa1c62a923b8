# Runs `hookline --analyze-line-audio FILE --profile P` and checks the exit code and the output:
#   cmake -DHOOKLINE=... -DFILE=... -DPROFILE=... -DEXPECT_CODE=0|2 -DEXPECT=regex -P RunAnalyzerCli.cmake
execute_process(COMMAND "${HOOKLINE}" --analyze-line-audio "${FILE}" --profile "${PROFILE}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXPECT_CODE}")
    message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_CODE}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
    message(FATAL_ERROR "output does not match '${EXPECT}'\nstdout: ${out}\nstderr: ${err}")
endif()

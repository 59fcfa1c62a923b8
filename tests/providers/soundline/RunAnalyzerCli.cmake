# Runs `hookline --analyze-line-audio FILE --profile P` and checks the exit code and the output:
#   cmake -DHOOKLINE=... -DFILE=... -DPROFILE=... -DEXPECT_CODE=0|2 -DEXPECT=regex -P RunAnalyzerCli.cmake
#   -DEQUALS_FORM=ON: the same options as --analyze-line-audio=FILE --profile=P
if(EQUALS_FORM)
    set(options "--analyze-line-audio=${FILE}" "--profile=${PROFILE}")
else()
    set(options --analyze-line-audio "${FILE}" --profile "${PROFILE}")
endif()
execute_process(COMMAND "${HOOKLINE}" ${options} TIMEOUT 60
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXPECT_CODE}")
    message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_CODE}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
    message(FATAL_ERROR "output does not match '${EXPECT}'\nstdout: ${out}\nstderr: ${err}")
endif()

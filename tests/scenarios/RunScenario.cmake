# Runs hookline --headless on one scenario and checks the exit code and, optionally, the message.
# -DEQUALS_FORM=ON: --scenario=FILE --trace=- (every option with a value takes both forms).
if(EQUALS_FORM)
    set(options --headless --scenario=${SCENARIO} --trace=-)
else()
    set(options --headless --scenario ${SCENARIO} --trace -)
endif()
execute_process(COMMAND ${EXE} ${options}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL EXPECTED)
    message(FATAL_ERROR "exit ${code}, expected ${EXPECTED}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(PATTERN AND NOT "${out}${err}" MATCHES "${PATTERN}")
    message(FATAL_ERROR "output lacks '${PATTERN}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(ABSENT AND "${out}${err}" MATCHES "${ABSENT}")
    message(FATAL_ERROR "output has '${ABSENT}'\nstdout:\n${out}\nstderr:\n${err}")
endif()

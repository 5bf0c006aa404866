# Runs PROGRAM in WORKDIR; fails unless it exits 0 with stdout equal to the
# file EXPECTED. (PASS_REGULAR_EXPRESSION would ignore the exit code.)
execute_process(COMMAND ${PROGRAM} WORKING_DIRECTORY ${WORKDIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
file(READ ${EXPECTED} expected)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}; stderr:\n${err}")
endif()
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} printed:\n${out}\nexpected:\n${expected}\nstderr:\n${err}")
endif()

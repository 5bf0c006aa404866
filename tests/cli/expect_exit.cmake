# Runs ${LAYAK} ${ARGS} (arguments separated by '|'); fails unless it exits
# with ${EXPECT_EXIT} and its stderr contains ${EXPECT_STDERR}.
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${LAYAK} ${ARGS} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${rc}\nstderr:\n${err}")
endif()
string(FIND "${err}" "${EXPECT_STDERR}" pos)
if(pos EQUAL -1)
  message(FATAL_ERROR "stderr lacks '${EXPECT_STDERR}':\n${err}")
endif()

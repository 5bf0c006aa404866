# Helper functions so that no test or bench copies add_executable boilerplate.

# layak_cc_test(NAME name SRCS a.cc ... [DEPS ...] [LABELS ...])
function(layak_cc_test)
  cmake_parse_arguments(T "" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SRCS})
  target_link_libraries(${T_NAME} PRIVATE layak_internal layak_testing GTest::gmock GTest::gtest_main ${T_DEPS})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  gtest_discover_tests(${T_NAME}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${T_LABELS}" ENVIRONMENT "LAYAK_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    DISCOVERY_TIMEOUT 60)
endfunction()

# layak_cc_bench(NAME name SRCS a.cc ... [DEPS ...])
function(layak_cc_bench)
  cmake_parse_arguments(B "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${B_NAME} ${B_SRCS})
  target_link_libraries(${B_NAME} PRIVATE layak_internal benchmark::benchmark ${B_DEPS})
  target_compile_definitions(${B_NAME} PRIVATE LAYAK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()

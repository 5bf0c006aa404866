// One include for tests: GoogleTest/GoogleMock plus status matchers and
// helpers that Debian's Abseil 20220623 does not ship.
#ifndef LAYAK_TESTS_TESTING_TESTING_H_
#define LAYAK_TESTS_TESTING_TESTING_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace layak::testing {

// Path of a file in the source tree (LAYAK_SOURCE_DIR, set by CTest).
std::string SourcePath(const std::string& relative);

// Reads a whole file; fails the current test when it cannot.
std::string ReadFileOrDie(const std::string& path);

// Compares `actual` with the golden file at `relative` (under the source tree).
// On mismatch the test fails and logs the full actual text; with
// LAYAK_UPDATE_GOLDEN=1 in the environment the file is rewritten instead.
void ExpectMatchesGolden(const std::string& actual, const std::string& relative);

}  // namespace layak::testing

#define LAYAK_ASSERT_OK(expr) ASSERT_TRUE((expr).ok()) << (expr).status()
#define LAYAK_ASSERT_OK_AND_ASSIGN(lhs, rexpr)                                                         \
  auto LAYAK_TEST_CONCAT_(sor_, __LINE__) = (rexpr);                                                   \
  ASSERT_TRUE(LAYAK_TEST_CONCAT_(sor_, __LINE__).ok()) << LAYAK_TEST_CONCAT_(sor_, __LINE__).status(); \
  lhs = std::move(LAYAK_TEST_CONCAT_(sor_, __LINE__)).value()
#define LAYAK_TEST_CONCAT_INNER_(a, b) a##b
#define LAYAK_TEST_CONCAT_(a, b) LAYAK_TEST_CONCAT_INNER_(a, b)

#endif  // LAYAK_TESTS_TESTING_TESTING_H_

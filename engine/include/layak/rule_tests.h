// File: layak/rule_tests.h
// Running a pack's `tests:` (what `layak test` does): each case's household
// is evaluated on its as-of date, with its parameter overrides, and compared
// with what it expects per program (per person for member-level programs).
// Cases that name another pack (`pack: nasional` in a pack extending it) are
// skipped.
//
//   auto report = layak::RunPackTests(pack);
//   for (const auto& c : report->cases) if (!c.passed) std::cerr << c.name << "\n";
#ifndef LAYAK_RULE_TESTS_H_
#define LAYAK_RULE_TESTS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/diagnostic.h"
#include "layak/explain.h"
#include "layak/rule_pack.h"

namespace layak {

// How to run tests.
struct TestOptions {
  Language language = Language::kIndonesian;  // of the explanations of failures
  bool coverage = false;                      // also record clause coverage
};

// The outcome of one test case.
struct TestCaseResult {
  std::string name;
  SourceLocation location;  // the case's `name:`
  bool passed = false;
  std::vector<std::string> failures;  // "PKH: expected eligible, got unknown"
  std::string explanation;            // of the programs that failed, as text
};

// Whether tests made a clause true and false.
struct ClauseCoverage {
  std::string program, clause;
  SourceLocation location;
  bool seen_true = false, seen_false = false;
};

// Every case run, in pack order.
struct TestReport {
  std::vector<TestCaseResult> cases;
  int passed = 0, failed = 0, skipped = 0;
  std::vector<ClauseCoverage> coverage;  // with TestOptions::coverage; programs in pack order
};

// Runs the tests of `pack`. Fails only when a case cannot be run at all
// (never for a failing expectation, which is a failed case). Thread-safe:
// the pack is only read.
absl::StatusOr<TestReport> RunPackTests(const std::shared_ptr<const RulePack>& pack, const TestOptions& options = {});

}  // namespace layak

#endif  // LAYAK_RULE_TESTS_H_

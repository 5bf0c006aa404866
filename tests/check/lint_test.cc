// `layak check --lint`: one finding of each kind in tests/data/lint, each at
// its place, as a warning (the pack still loads); none without --lint; none
// in the bundled packs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

using ::testing::HasSubstr;

LoadResult LoadLinted(const std::string& relative, bool lint = true) {
  LoadOptions o;
  o.lint = lint;
  absl::StatusOr<LoadResult> r = LoadRulePack(testing::SourcePath(relative), o);
  EXPECT_TRUE(r.ok()) << r.status();
  return std::move(*r);
}

TEST(Lint, EachFindingAtItsPlace) {
  LoadResult r = LoadLinted("tests/data/lint");
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  std::vector<std::tuple<DiagnosticCode, int, int, std::string>> got;
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.severity, Severity::kWarning);
    got.emplace_back(d.code, d.location.line, d.location.column, d.message);
  }
  using C = DiagnosticCode;
  std::vector<std::tuple<DiagnosticCode, int, int, std::string>> want = {
      {C::kLintNeverTrue, 27, 31, "clause 'mustahil' of A can never be true given the schema's ranges and values"},
      {C::kLintNeverFalse, 28, 29, "clause 'selalu' of A can never be false given the schema's ranges and values"},
      {C::kLintProtectedField, 29, 28,
       "clause 'agama' of A reads the protected field 'religion' without a justification"},
      {C::kLintProtectedField, 30, 27,
       "clause 'umur' of A reads the protected field 'birth_date' (through field 'age') without a justification"},
      {C::kLintNoSource, 32, 15, "clause 'tanpa_sumber' of A cites no source"},
      {C::kLintSameProgram, 36, 9, "program 'C' has the same criteria and benefit as 'B'"},
      {C::kLintUnusedParameter, 15, 3, "parameter 'forgotten' is never used"},
      {C::kLintUnusedDefinition, 18, 5, "definition 'orphan' is never used"},
  };
  EXPECT_EQ(got, want);
}

TEST(Lint, AJustifiedDefinitionCoversItsUses) {
  LoadResult r = LoadLinted("tests/data/lint");
  for (const Diagnostic& d : r.diagnostics) EXPECT_THAT(d.message, ::testing::Not(HasSubstr("'lansia'")));
}

TEST(Lint, OnlyWhenAskedFor) {
  LoadResult r = LoadLinted("tests/data/lint", false);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.empty()) << FormatDiagnostics(r.diagnostics);
}

TEST(Lint, BundledPacksAreClean) {
  for (const char* layer : {"rules/nasional", "rules/jatim", "rules/tuban"}) {
    LoadResult r = LoadLinted(layer);
    ASSERT_TRUE(r.ok()) << layer;
    std::vector<Diagnostic> warnings;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.severity == Severity::kWarning) warnings.push_back(d);
    }
    EXPECT_TRUE(warnings.empty()) << layer << "\n" << FormatDiagnostics(warnings);
  }
}

}  // namespace
}  // namespace layak

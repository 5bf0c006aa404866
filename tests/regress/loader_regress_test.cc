// Regressions found by the broken-pack tables of issue 2, one test each.
#include <filesystem>
#include <fstream>

#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

constexpr char kSchema[] =
    "pack: { id: r, version: '1' }\n"
    "schema:\n"
    "  household:\n"
    "    id: { type: string, key: true }\n"
    "    kecamatan: { type: enum, values: [Bancar, Jenu] }\n"
    "  member:\n"
    "    age: { type: int }\n";

LoadResult Load(const std::string& second_file) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"s.yaml", kSchema}, {"p.yaml", second_file}});
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::move(*r) : LoadResult{};
}

// Diagnostics as "line:column:length code" for compact assertions.
std::vector<std::string> Where(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ":" +
                  std::to_string(d.location.length) + " " + CodeString(d.code));
  }
  return out;
}

TEST(LoaderRegressTest, TrailingSlashOnThePackFolderStillLoads) {
  absl::StatusOr<LoadResult> r = LoadRulePack(testing::SourcePath("rules/tuban/"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << FormatDiagnostics(r->diagnostics);
}

TEST(LoaderRegressTest, ASecondYamlDocumentIsAnErrorNotDropped) {
  LoadResult r = Load("programs: []\n---\nprograms:\n  - { id: X, criteria: [ { id: a, when: \"nope\" } ] }\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("3:1:1 E0101"));
}

TEST(LoaderRegressTest, AnEmptyValueIsReportedAtItsKey) {
  LoadResult r = Load("programs:\n  - id: X\n    criteria:\n      - id: a\n        when:\n        text: t\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("5:9:4 E0105"));
}

TEST(LoaderRegressTest, AnchorsAndTagsDoNotShiftPositionsAndAliasesReportOnce) {
  LoadResult r = Load(
      "programs:\n"
      "  - id: X\n"
      "    criteria:\n"
      "      - { id: a, when: &m \"kecamatn == 'Jenu'\" }\n"
      "      - { id: b, when: *m }\n"
      "      - { id: c, when: !!str \"kecamatan == 'Jenuu'\" }\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("4:28:8 E0301", "6:44:7 E0403"));
}

TEST(LoaderRegressTest, UnderlineCoversAnEscapeAtTheEndOfASpan) {
  LoadResult r = Load("programs:\n  - { id: X, criteria: [ { id: a, when: \"kecamatan == \\\"Bancr\\\"\" } ] }\n");
  // \"Bancr\" is 9 bytes in the file.
  EXPECT_THAT(Where(r), ::testing::ElementsAre("2:55:9 E0403"));
}

TEST(LoaderRegressTest, EmptyCriteriaIsAnError) {
  LoadResult r = Load("programs:\n  - { id: X, criteria: [] }\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("2:24:1 E0106"));
  EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr("program 'X' has an empty list of criteria"));
}

TEST(LoaderRegressTest, RangeAndWindowErrorsPointAtTheOffendingValue) {
  LoadResult r = Load(
      "schema:\n  household:\n    desil: { type: int, min: 10, max: 1 }\n"
      "programs:\n  - id: X\n    valid: { from: 2025-01-01, to: 2024-12-31 }\n"
      "    criteria: [ { id: a, when: \"true\" } ]\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("3:39:1 E0502", "6:36:10 E0508"));
}

TEST(LoaderRegressTest, ASecondPackBlockIsReportedAtItsKey) {
  LoadResult r = Load("pack:\n  id: again\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("1:1:4 E0510"));
}

TEST(LoaderRegressTest, TypeSynonymsGetADirectHint) {
  LoadResult r = Load("schema:\n  household:\n    n: { type: integer }\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_THAT(r.diagnostics[0].notes, ::testing::Contains("help: did you mean 'int'?"));
}

TEST(LoaderRegressTest, ABadUnitDoesNotCascadeIntoScopeErrors) {
  LoadResult r = Load("programs:\n  - id: X\n    unit: membr\n    criteria: [ { id: a, when: \"age > 3\" } ]\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("3:11:5 E0506"));
}

TEST(LoaderRegressTest, ErrorCountIncludesDiagnosticsPastTheCap) {
  std::string programs = "programs:\n";
  for (int i = 0; i < 30; ++i)
    programs += "  - { id: P" + std::to_string(i) + ", criteria: [ { id: a, when: \"nope\" } ] }\n";
  LoadOptions options;
  options.max_diagnostics = 5;
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"s.yaml", kSchema}, {"p.yaml", programs}}, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error_count(), 30);
  EXPECT_EQ(r->diagnostics.size(), 6u);  // five kept and the note
}

TEST(LoaderRegressTest, NoFilesIsAnError) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok());
  EXPECT_EQ(r->error_count(), 1);
}

TEST(LoaderRegressTest, AnEmptyExpressionPointsAtItsOpeningQuote) {
  LoadResult r = Load("programs:\n  - { id: X, criteria: [ { id: a, when: \"\" } ] }\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("2:41:2 E0209"));
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

// rules/README.md promised it; the checker did not enforce it.
TEST(LoaderRegressTest, ADefinitionMayNotTakeAFieldsName) {
  LoadResult r = Load("definitions:\n  household:\n    kecamatan: \"true\"\n    age: \"true\"\n");
  EXPECT_THAT(Where(r), ::testing::ElementsAre("3:5:9 E0108", "4:5:3 E0108"));
  EXPECT_THAT(r.diagnostics[1].message, ::testing::HasSubstr("has the name of a member field"));
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

// Found by pack_fuzzer (out of memory): YAML aliases let a few kilobytes
// expand exponentially. Now the file is refused with E0102.
TEST(LoaderRegressTest, FuzzAliasExpansionIsBounded) {
  std::string yaml = "pack: { id: laughs }\nx0: &a0 [\"desil <= 4 and desil <= 4 and desil <= 4\"]\n";
  for (int i = 1; i < 30; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    yaml += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev + "]\n";
  }
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"laughs.yaml", yaml}});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->diagnostics[0].code, DiagnosticCode::kFileRead);
  EXPECT_THAT(r->diagnostics[0].message, ::testing::HasSubstr("YAML aliases"));
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

// A YAML error in the file holding `pack:` must not also report the block missing.
TEST(LoaderRegressTest, NoMissingPackBlockReportAfterAYamlError) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"pack.yaml", "pack: { id: x\n"}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->diagnostics.size(), 1u) << FormatDiagnostics(r->diagnostics);
  EXPECT_EQ(r->diagnostics[0].code, DiagnosticCode::kYamlSyntax);
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

// A key field that fails to read must not also be reported as missing.
TEST(LoaderRegressTest, NoMissingKeyReportWhenTheKeyFieldItselfIsBroken) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources(
      {{"p.yaml", "pack: { id: x }\nschema:\n  household:\n    id: string\n    desil: { type: int }\n"}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->diagnostics.size(), 1u) << FormatDiagnostics(r->diagnostics);
  EXPECT_EQ(r->diagnostics[0].code, DiagnosticCode::kWrongNodeKind);
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

std::string ChainPack(int definitions, int terms) {
  std::string yaml =
      "pack: { id: chain }\nschema:\n  household:\n    id: { type: string, key: true }\n"
      "    desil: { type: int }\ndefinitions:\n  household:\n";
  for (int i = 0; i < definitions; ++i) {
    yaml += "    d" + std::to_string(i) + ": \"d" + std::to_string(i + 1);
    for (int t = 0; t < terms; ++t) yaml += " + 1";
    yaml += "\"\n";
  }
  yaml += "    d" + std::to_string(definitions) + ": \"desil\"\n";
  yaml += "programs:\n  - { id: X, criteria: [ { id: a, when: \"d0 > 1\" } ] }\n";
  return yaml;
}

// Found while reviewing recursion (a stack overflow, SIGSEGV, at 20,000): 1,000
// definitions each using the next. Now E0205 at depth 100.
TEST(LoaderRegressTest, LongDefinitionChainsAreBounded) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"p.yaml", ChainPack(1000, 0)}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->error_count(), 1) << FormatDiagnostics(r->diagnostics);
  EXPECT_EQ(r->diagnostics[0].code, DiagnosticCode::kTooDeep);
  EXPECT_THAT(r->diagnostics[0].message, ::testing::HasSubstr("nested more than 100 deep (d0 -> ... -> d99 -> d100)"));
}

// Same review: depths add up across inlined definitions (30 x 1000 levels;
// the limit is 600).
TEST(LoaderRegressTest, InlinedDepthIsBounded) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"p.yaml", ChainPack(30, 1000)}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->error_count(), 1) << FormatDiagnostics(r->diagnostics);
  EXPECT_THAT(r->diagnostics[0].message, ::testing::HasSubstr("counting the definitions it uses"));
  // Within the limits the same shape loads: 5 definitions of 100 terms.
  absl::StatusOr<LoadResult> ok = LoadRulePackFromSources({{"p.yaml", ChainPack(5, 100)}});
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->ok()) << FormatDiagnostics(ok->diagnostics);
}

}  // namespace
}  // namespace layak

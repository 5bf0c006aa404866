// Golden tests of what a policy author sees for a broken pack. Every folder
// under tests/data/broken/ holds one small pack with one deliberate mistake;
// loading it must fail, and the rendered diagnostics must match
// tests/golden/diagnostics/<folder>.golden byte for byte. Regenerate with
// LAYAK_UPDATE_GOLDEN=1, then read every changed golden: the caret has to sit
// under the first character of the offending token in the YAML file.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "layak/diagnostic.h"
#include "layak/options.h"
#include "layak/rule_pack.h"
#include "testing/testing.h"

namespace layak {
namespace {

namespace fs = std::filesystem;

constexpr char kBrokenDir[] = "tests/data/broken";
constexpr char kGoldenDir[] = "tests/golden/diagnostics";

std::string BrokenPackPath(const std::string& name) {
  return testing::SourcePath(std::string(kBrokenDir) + "/" + name);
}

// The pack folders, sorted so that test order (and failures) are stable.
std::vector<std::string> BrokenPackNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(testing::SourcePath(kBrokenDir), ec)) {
    if (entry.is_directory(ec)) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Diagnostics name files by absolute path; goldens must not depend on where
// the tree is checked out, so the source folder prefix is removed.
std::string StripSourceDir(std::string text) {
  const std::string prefix = testing::SourcePath("");  // LAYAK_SOURCE_DIR + "/"
  for (std::size_t pos = text.find(prefix); pos != std::string::npos; pos = text.find(prefix, pos)) {
    text.erase(pos, prefix.size());
  }
  return text;
}

absl::StatusOr<LoadResult> LoadBroken(const std::string& name, const LoadOptions& options = {}) {
  return LoadRulePack(BrokenPackPath(name), options);
}

class BrokenPackTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenPackTest, FailsWithGoldenDiagnostics) {
  const std::string& name = GetParam();
  absl::StatusOr<LoadResult> result = LoadBroken(name);
  // A broken pack is still a readable folder: the problems are diagnostics.
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->ok()) << name << " loaded without errors";
  EXPECT_EQ(result->pack(), nullptr);
  EXPECT_GT(result->error_count(), 0) << name;
  testing::ExpectMatchesGolden(StripSourceDir(FormatDiagnostics(result->diagnostics)),
                               std::string(kGoldenDir) + "/" + name + ".golden");
}

INSTANTIATE_TEST_SUITE_P(AllFolders, BrokenPackTest, ::testing::ValuesIn(BrokenPackNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(BrokenPacksTest, EnoughPacksAreCovered) {
  std::vector<std::string> names = BrokenPackNames();
  EXPECT_GE(names.size(), 24u);
  // The CLI test (tests/CMakeLists.txt) runs `layak check` on this one.
  EXPECT_THAT(names, ::testing::Contains("unknown_enum_value"));
}

// Where the first diagnostic of a pack must point, checked directly rather
// than through a golden, for the cases where positions are easiest to get
// wrong: escapes, folding and block indentation shift columns.
struct ExpectedFirst {
  const char* pack;
  const char* file;  // relative to the pack folder
  DiagnosticCode code;
  int line;
  int column;
  const char* token;  // what the caret must sit under
};

constexpr ExpectedFirst kFirstDiagnostics[] = {
    // Literal block (|): third content line, line 44 of the file.
    {"block_scalar_error", "programs.yaml", DiagnosticCode::kUnknownName, 44, 17, "kecamatn"},
    // Folded block (>): the line breaks became spaces in the expression.
    {"folded_scalar_error", "needs.yaml", DiagnosticCode::kUnknownEnumValue, 9, 25, "'brat'"},
    // Single quotes: each '' before the mistake is one byte in the expression, two in the file.
    {"single_quoted_error", "programs.yaml", DiagnosticCode::kUnknownName, 5, 60, "desill"},
    // Double quotes: each \" before the mistake is likewise one byte for two.
    {"double_quoted_error", "programs.yaml", DiagnosticCode::kUnknownName, 5, 78, "desill"},
    {"unknown_enum_value", "programs.yaml", DiagnosticCode::kUnknownEnumValue, 7, 43, "'brat'"},
    {"yaml_syntax_error", "needs.yaml", DiagnosticCode::kYamlSyntax, 4, 17, "in ppks"},
    {"duplicate_key", "programs.yaml", DiagnosticCode::kDuplicateKey, 7, 9, "when"},
    {"unknown_top_level_key", "programs.yaml", DiagnosticCode::kUnknownKey, 2, 1, "program:"},
    {"unknown_program_key", "programs.yaml", DiagnosticCode::kUnknownKey, 4, 5, "critera"},
    {"enum_without_values", "schema.yaml", DiagnosticCode::kBadFieldOption, 5, 13, "enum"},
    {"two_household_keys", "schema.yaml", DiagnosticCode::kKeyField, 4, 5, "no_kk"},
    {"member_field_clash", "schema.yaml", DiagnosticCode::kFieldNameClash, 7, 5, "desil"},
    {"reserved_field_name", "schema.yaml", DiagnosticCode::kReservedName, 4, 5, "members"},
    {"duplicate_program_id", "programs/pkh_plus.yaml", DiagnosticCode::kDuplicateId, 3, 9, "PKH"},
    {"duplicate_clause_id", "programs.yaml", DiagnosticCode::kDuplicateId, 8, 13, "miskin"},
    {"bad_unit", "programs.yaml", DiagnosticCode::kBadUnit, 4, 11, "keluarga"},
    {"parameter_mixed_types", "parameters.yaml", DiagnosticCode::kBadParameter, 6, 19, "\"70\""},
    {"unknown_parameter", "programs.yaml", DiagnosticCode::kUnknownParameter, 5, 36, "params.lansia_min_ag"},
    {"unknown_name", "programs.yaml", DiagnosticCode::kUnknownName, 5, 16, "desill"},
    {"member_field_at_household", "programs.yaml", DiagnosticCode::kMemberOutsideQuantifier, 7, 16, "age"},
    {"definition_cycle", "definitions.yaml", DiagnosticCode::kDefinitionCycle, 4, 43, "miskin\""},
    {"program_cycle", "programs.yaml", DiagnosticCode::kProgramCycle, 9, 37, "eligible('PKH')"},
    {"member_program_at_household", "programs.yaml", DiagnosticCode::kMemberProgramAtHousehold, 9, 36,
     "eligible(\\\"PIP\\\")"},
    {"type_mismatch", "programs.yaml", DiagnosticCode::kTypeMismatch, 5, 24, "'x'"},
    {"enum_ordering", "programs.yaml", DiagnosticCode::kUnorderedType, 6, 16, "disability <"},
    {"empty_range", "programs.yaml", DiagnosticCode::kEmptyRange, 5, 25, "9..3"},
    {"nonexistent_date", "programs.yaml", DiagnosticCode::kBadDate, 6, 35, "'2023-02-29'"},
    {"benefit_number", "programs.yaml", DiagnosticCode::kTypeMismatch, 5, 15, "income_month / 4"},
    {"expression_syntax_error", "programs.yaml", DiagnosticCode::kSyntax, 5, 31, "and income_month"},
    {"chained_comparison", "programs.yaml", DiagnosticCode::kChainedComparison, 5, 27, "<= 4"},
    {"test_unknown_program", "programs.yaml", DiagnosticCode::kBadTest, 9, 30, "PKHH"},
    {"test_unknown_status", "programs.yaml", DiagnosticCode::kBadTest, 12, 12, "inelegible"},
    {"duplicate_field_across_files", "schema_extra.yaml", DiagnosticCode::kDuplicateName, 5, 5, "desil"},
};

TEST(BrokenPacksTest, FirstDiagnosticPointsAtTheMistake) {
  for (const ExpectedFirst& want : kFirstDiagnostics) {
    SCOPED_TRACE(want.pack);
    absl::StatusOr<LoadResult> result = LoadBroken(want.pack);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_FALSE(result->diagnostics.empty());
    const Diagnostic& d = result->diagnostics.front();
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_EQ(CodeString(d.code), CodeString(want.code)) << d.message;
    EXPECT_EQ(d.location.file, BrokenPackPath(want.pack) + "/" + want.file);
    EXPECT_EQ(d.location.line, want.line);
    EXPECT_EQ(d.location.column, want.column);
    // The column is 1-based in bytes, so the token starts at column - 1.
    ASSERT_GE(d.location.column, 1);
    EXPECT_EQ(d.source_line.substr(d.location.column - 1, std::string(want.token).size()), want.token)
        << "source line: " << d.source_line;
  }
}

TEST(BrokenPacksTest, EveryTableEntryIsAFolder) {
  std::vector<std::string> names = BrokenPackNames();
  for (const ExpectedFirst& want : kFirstDiagnostics) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), std::string(want.pack))) << want.pack;
  }
}

TEST(BrokenPacksTest, UnderlineCoversTheWholeToken) {
  // The underline (caret plus tildes) spans the token, not just its first byte.
  absl::StatusOr<LoadResult> result = LoadBroken("single_quoted_error");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_FALSE(result->diagnostics.empty());
  EXPECT_EQ(result->diagnostics[0].location.length, 6);  // desill
  EXPECT_THAT(result->diagnostics[0].notes, ::testing::Contains("help: did you mean 'desil'?"));
}

TEST(BrokenPacksTest, DefaultCapKeepsOneHundredAndCountsTheRest) {
  absl::StatusOr<LoadResult> result = LoadBroken("too_many_errors");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->diagnostics.size(), 101u);  // 100 kept + the closing note
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(result->diagnostics[i].code, DiagnosticCode::kUnknownName) << i;
  }
  // Kept in the order found: the 100th is clause c100, on line 105.
  EXPECT_EQ(result->diagnostics[99].location.line, 105);
  const Diagnostic& note = result->diagnostics.back();
  EXPECT_EQ(note.severity, Severity::kNote);
  EXPECT_EQ(note.code, DiagnosticCode::kTooManyDiagnostics);
  EXPECT_THAT(note.message, ::testing::HasSubstr("50 more diagnostics"));
  EXPECT_THAT(FormatDiagnostic(note), ::testing::StartsWith("note[E0109]: "));
}

TEST(BrokenPacksTest, SmallerCapFromLoadOptions) {
  LoadOptions options;
  options.max_diagnostics = 10;
  absl::StatusOr<LoadResult> result = LoadBroken("too_many_errors", options);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->diagnostics.size(), 11u);
  EXPECT_EQ(result->diagnostics.back().code, DiagnosticCode::kTooManyDiagnostics);
  EXPECT_THAT(result->diagnostics.back().message, ::testing::HasSubstr("140 more diagnostics"));
  EXPECT_FALSE(result->ok());
}

}  // namespace
}  // namespace layak

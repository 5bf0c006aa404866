// Layered packs: `extends`, parameter overrides (listed as notes), what a
// layer may not redefine, and errors in the chain of folders.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

using ::testing::HasSubstr;
using testing::SourcePath;

LoadResult Load(const std::string& relative) {
  absl::StatusOr<LoadResult> r = LoadRulePack(SourcePath("tests/data/layers/" + relative));
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? std::move(*r) : LoadResult{};
}

std::string Rendered(const LoadResult& r) { return FormatDiagnostics(r.diagnostics); }

TEST(Layers, TopLayerHasBaseProgramsFirstAndListsTheOverride) {
  LoadResult r = Load("top");
  ASSERT_TRUE(r.ok()) << Rendered(r);
  EXPECT_EQ(r.pack()->id(), "top");
  std::vector<std::string> ids;
  for (const ProgramInfo& p : r.pack()->programs()) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"BASE_P", "SEKOLAH", "PERLINDUNGAN", "TOP_P"}));
  ASSERT_EQ(r.diagnostics.size(), 1u) << Rendered(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::kNote);
  EXPECT_EQ(d.code, DiagnosticCode::kParameterOverride);
  EXPECT_EQ(d.message, "parameter 'max_desil' overrides the value of pack 'base'");
  EXPECT_THAT(d.location.file, HasSubstr("layers/top/pack.yaml"));
  EXPECT_EQ(d.location.line, 7);
  EXPECT_EQ(d.location.column, 3);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_THAT(d.notes[0], HasSubstr("layers/base/pack.yaml line 16"));
}

// The override decides: desil 4 is served by the base layer, not by the top one.
TEST(Layers, OverrideChangesTheAnswer) {
  const std::string household =
      R"({"id":"H","desil":4,"members":[{"nik":"1","birth_date":"2015-06-01","enrolled":true}]})";
  for (const auto& [pack, expected] : {std::pair<std::string, Status>{"base", Status::kEligible},
                                       std::pair<std::string, Status>{"top", Status::kIneligible}}) {
    LoadResult r = Load(pack);
    ASSERT_TRUE(r.ok()) << Rendered(r);
    std::shared_ptr<const RulePack> p(r.ReleasePack());
    LAYAK_ASSERT_OK_AND_ASSIGN(auto plan, CompilePlan(p, {.as_of = "2026-01-01"}));
    LAYAK_ASSERT_OK_AND_ASSIGN(ReadResult read, ReadJsonHousehold(*p, household));
    ASSERT_TRUE(read.errors.empty());
    LAYAK_ASSERT_OK_AND_ASSIGN(auto results, Evaluate(*plan, *read.caseload));
    EXPECT_EQ(results[0].program, "BASE_P");
    EXPECT_EQ(results[0].status, expected) << pack;
  }
}

TEST(Layers, MissingBaseFolderIsAnErrorAtTheExtendsValue) {
  LoadResult r = Load("errors/missing_base");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kPackMetadata);
  EXPECT_THAT(d.message, HasSubstr("extends '../nope': no such folder"));
  EXPECT_EQ(d.location.line, 1);
  EXPECT_EQ(d.location.column, 51);
  EXPECT_EQ(d.location.length, 7);
  EXPECT_EQ(d.source_line, "pack: { id: missing_base, version: '1', extends: [../nope] }");
}

TEST(Layers, CycleIsReportedWithTheChain) {
  LoadResult r = Load("errors/cycle_a");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("extends '../cycle_a' makes a cycle: "));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("cycle_a -> "));
  EXPECT_THAT(r.diagnostics[0].location.file, HasSubstr("cycle_b/pack.yaml"));
}

TEST(Layers, ALayerCannotRedefineAProgram) {
  LoadResult r = Load("errors/redefine_program");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u) << Rendered(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kDuplicateId);
  EXPECT_EQ(d.message, "program id 'BASE_P' is used twice");
  EXPECT_THAT(d.notes, ::testing::Contains(HasSubstr("a layer may override parameters only")));
  EXPECT_THAT(d.notes, ::testing::Contains(HasSubstr("give the narrower program its own id")));
}

TEST(Layers, AnOverrideKeepsTheParameterType) {
  LoadResult r = Load("errors/override_type");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(
      Rendered(r),
      HasSubstr("parameter 'max_desil' is overridden with a value of type string where the base pack has type int"));
}

TEST(PlanOverrides, UnknownParameterAndWrongTypeAreRefused) {
  LoadResult r = Load("base");
  std::shared_ptr<const RulePack> p(r.ReleasePack());
  auto unknown = CompilePlan(p, {.as_of = "2026-01-01", .params = {{"max_desill", "3"}}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("no parameter 'max_desill'"));
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("max_desil"));
  auto text = CompilePlan(p, {.as_of = "2026-01-01", .params = {{"max_desil", "4.5"}}});
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(std::string(text.status().message()), HasSubstr("'4.5' is not a whole number"));
  LAYAK_ASSERT_OK_AND_ASSIGN(auto plan, CompilePlan(p, {.as_of = "2026-01-01", .params = {{"max_desil", "6"}}}));
  EXPECT_THAT(plan->Provenance(), HasSubstr("; param max_desil=6"));
}

TEST(RuleTests, CountsCasesAndSkipsThoseForAnotherPack) {
  LoadResult base = Load("base");
  LAYAK_ASSERT_OK_AND_ASSIGN(TestReport b, RunPackTests(std::shared_ptr<const RulePack>(base.ReleasePack())));
  EXPECT_EQ(b.passed, 6);
  EXPECT_EQ(b.failed, 0);
  EXPECT_EQ(b.skipped, 0);
  LoadResult top = Load("top");
  LAYAK_ASSERT_OK_AND_ASSIGN(TestReport t, RunPackTests(std::shared_ptr<const RulePack>(top.ReleasePack())));
  EXPECT_EQ(t.passed, 7);  // 5 of base (one is for base only) and 2 of top
  EXPECT_EQ(t.failed, 0);
  EXPECT_EQ(t.skipped, 1);
}

TEST(RuleTests, FailuresSayWhatWasExpectedAndWhatCameOut) {
  LoadResult r = Load("failing");
  LAYAK_ASSERT_OK_AND_ASSIGN(TestReport report, RunPackTests(std::shared_ptr<const RulePack>(r.ReleasePack())));
  EXPECT_EQ(report.failed, 2);
  EXPECT_EQ(report.passed, 6);
  EXPECT_EQ(report.skipped, 2);
  std::vector<const TestCaseResult*> failed;
  for (const TestCaseResult& c : report.cases) {
    if (!c.passed) failed.push_back(&c);
  }
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0]->name, "salah status");
  EXPECT_THAT(failed[0]->location.file, HasSubstr("layers/failing/pack.yaml"));
  EXPECT_EQ(failed[0]->location.line, 4);
  EXPECT_EQ(failed[0]->failures,
            (std::vector<std::string>{"TOP_P: expected eligible, got ineligible (failed: [dasar])"}));
  EXPECT_THAT(failed[0]->explanation, HasSubstr("TOP_P - Bantuan daerah: TIDAK LAYAK"));
  EXPECT_THAT(failed[0]->explanation, ::testing::Not(HasSubstr("BASE_P - ")));  // only the failing program
  EXPECT_THAT(failed[0]->explanation, HasSubstr("data: BASE_P = ineligible"));
  EXPECT_EQ(failed[1]->failures, (std::vector<std::string>{"BASE_P: expected benefit 200000, got none",
                                                           "TOP_P: expected missing [desil], got [lost_job]",
                                                           "SEKOLAH person 2: expected ineligible, got unknown "
                                                           "(missing: [members[2].birth_date, members[2].enrolled])"}));
}

TEST(RuleTests, CoverageRecordsClausesSeenTrueAndFalse) {
  LoadResult r = Load("top");
  LAYAK_ASSERT_OK_AND_ASSIGN(TestReport report,
                             RunPackTests(std::shared_ptr<const RulePack>(r.ReleasePack()), {.coverage = true}));
  auto find = [&](const std::string& program, const std::string& clause) -> const ClauseCoverage* {
    for (const ClauseCoverage& c : report.coverage) {
      if (c.program == program && c.clause == clause) return &c;
    }
    return nullptr;
  };
  ASSERT_NE(find("BASE_P", "miskin"), nullptr);
  EXPECT_TRUE(find("BASE_P", "miskin")->seen_true);
  EXPECT_TRUE(find("BASE_P", "miskin")->seen_false);
  ASSERT_NE(find("TOP_P", "kehilangan"), nullptr);
  EXPECT_TRUE(find("TOP_P", "kehilangan")->seen_true);
  EXPECT_FALSE(find("TOP_P", "kehilangan")->seen_false);  // no test has lost_job: false
}

}  // namespace
}  // namespace layak

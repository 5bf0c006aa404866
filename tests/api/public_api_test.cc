// The public API as a client sees it: only <layak/...> headers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "layak/layak.h"

namespace {

std::string PackPath() {
  const char* root = std::getenv("LAYAK_SOURCE_DIR");
  return std::string(root != nullptr ? root : ".") + "/rules/tuban";
}

TEST(PublicApiTest, LoadsTheBundledPack) {
  absl::StatusOr<layak::LoadResult> r = layak::LoadRulePack(PackPath());
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->ok()) << layak::FormatDiagnostics(r->diagnostics);
  EXPECT_EQ(r->error_count(), 0);
  const layak::RulePack& pack = *r->pack();
  EXPECT_EQ(pack.id(), "tuban");
  EXPECT_FALSE(pack.version().empty());
  std::vector<std::string> ids;
  for (const layak::ProgramInfo& p : pack.programs()) {
    ids.push_back(p.id);
    EXPECT_FALSE(p.clause_ids.empty()) << p.id;
  }
  EXPECT_THAT(ids, ::testing::IsSupersetOf({"PKH", "SEMBAKO", "PBI_JK", "PIP", "BLT_DD"}));
  for (const layak::ProgramInfo& p : pack.programs()) {
    if (p.id == "PIP") EXPECT_EQ(p.unit, layak::ProgramUnit::kMember);
    if (p.id == "PKH") EXPECT_EQ(p.unit, layak::ProgramUnit::kHousehold);
  }
  std::unique_ptr<layak::RulePack> owned = r->ReleasePack();
  EXPECT_NE(owned, nullptr);
  EXPECT_EQ(r->pack(), nullptr);
}

// One row as text, everything a result carries.
std::string Row(const layak::ProgramResult& r) {
  std::string s = r.program + " " + r.household_id + " " + r.member_id + " " + layak::StatusName(r.status) + " " +
                  (r.benefit ? std::to_string(*r.benefit) : "-");
  for (const auto* list : {&r.failed_clauses, &r.missing_fields, &r.errors}) {
    s += " [";
    for (const std::string& x : *list) s += x + ";";
    s += "]";
  }
  return s;
}

TEST(PublicApiTest, EvaluateIntoOverwritesTheRowsItIsGiven) {
  auto loaded = layak::LoadRulePack(PackPath());
  ASSERT_TRUE(loaded.ok() && loaded->ok());
  auto plan = layak::CompilePlan(loaded->ReleasePack(), {.as_of = "2026-01-01"});
  ASSERT_TRUE(plan.ok()) << plan.status();
  // A big household (more rows, benefits), then a small one with unknowns.
  auto big = layak::ReadJsonHousehold((*plan)->pack(), R"({"id": "3523000000000001", "desil": 1, "in_dtsen": true,
      "members": [{"nik": "3523000000000011", "birth_date": "1950-01-01"},
                  {"nik": "3523000000000012", "birth_date": "2015-01-01", "in_school": true, "school_level": "sd"},
                  {"nik": "3523000000000013", "birth_date": "2018-01-01"}]})");
  auto small = layak::ReadJsonHousehold((*plan)->pack(), R"({"id": "K2", "members": [{"nik": "9"}]})");
  ASSERT_TRUE(big.ok() && big->errors.empty() && small.ok() && small->errors.empty());
  std::vector<layak::ProgramResult> reused;
  for (const auto* in : {&*big, &*small, &*big, &*small}) {
    ASSERT_TRUE(layak::EvaluateInto(**plan, *in->caseload, &reused).ok());
    auto fresh = layak::Evaluate(**plan, *in->caseload);
    ASSERT_TRUE(fresh.ok());
    ASSERT_EQ(reused.size(), fresh->size());
    for (std::size_t i = 0; i < reused.size(); ++i) EXPECT_EQ(Row(reused[i]), Row((*fresh)[i])) << i;
  }
  EXPECT_EQ(layak::EvaluateInto(**plan, *small->caseload, nullptr).code(), absl::StatusCode::kInvalidArgument);
}

TEST(PublicApiTest, MissingFolderIsAStatusNotADiagnostic) {
  absl::StatusOr<layak::LoadResult> r = layak::LoadRulePack("/nonexistent/layak/pack");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(r.status().message()), ::testing::HasSubstr("does not exist"));
}

TEST(PublicApiTest, ErrorsInThePackAreDiagnosticsInAnOkResult) {
  absl::StatusOr<layak::LoadResult> r =
      layak::LoadRulePackFromSources({{"p.yaml",
                                       "pack: { id: x }\nschema:\n  household:\n    id: { type: string, key: true }\n"
                                       "programs:\n  - id: A\n    criteria: [ { id: a, when: \"idd == 'x'\" } ]\n"}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok());
  ASSERT_EQ(r->error_count(), 1);
  EXPECT_EQ(r->diagnostics[0].code, layak::DiagnosticCode::kUnknownName);
  EXPECT_EQ(layak::FormatDiagnostic(r->diagnostics[0]),
            "p.yaml:7:33: error[E0301]: unknown name 'idd'\n"
            " 7 |     criteria: [ { id: a, when: \"idd == 'x'\" } ]\n"
            "   |                                 ^~~\n"
            "   = help: did you mean 'id'?\n");
}

TEST(PublicApiTest, LimitsAreOptions) {
  layak::LoadOptions options;
  options.max_nesting_depth = 3;
  absl::StatusOr<layak::LoadResult> r = layak::LoadRulePackFromSources(
      {{"p.yaml",
        "pack: { id: x }\nschema:\n  household:\n    id: { type: string, key: true }\n"
        "    n: { type: int }\nprograms:\n  - id: A\n    criteria: [ { id: a, when: \"((((n)))) > 1\" } ]\n"}},
      options);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->diagnostics[0].code, layak::DiagnosticCode::kTooDeep);
  EXPECT_EQ(layak::VersionString(), "0.1.0");
}

}  // namespace

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

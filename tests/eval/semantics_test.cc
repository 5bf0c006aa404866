// DESIGN.md's semantics as data: every row of tests/data/semantics/*.rows is
// `EXPRESSION ; HOUSEHOLD ; EXPECTED [missing: F, ...] [error: TEXT]`,
// evaluated by the one evaluator on a batch of one household.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "api/rule_pack_impl.h"
#include "eval/eval_fixture.h"
#include "eval/results.h"
#include "gtest/gtest.h"
#include "testing/testing.h"
#include "util/civil_date.h"

namespace layak {
namespace {

struct Expected {
  std::string value;
  bool check_missing = false;
  std::set<std::string> missing;
  std::string error;
};

Expected ParseExpected(std::string text) {
  Expected e;
  auto take = [&](const std::string& tag, std::string* out) {
    std::size_t at = text.find(tag);
    if (at == std::string::npos) return false;
    std::size_t end = text.size();
    for (const char* other : {" missing:", " error:"}) {
      std::size_t o = text.find(other, at + 1);
      if (o != std::string::npos && o > at) end = std::min(end, o);
    }
    *out = std::string(absl::StripAsciiWhitespace(text.substr(at + tag.size(), end - at - tag.size())));
    text.erase(at, end - at);
    return true;
  };
  std::string missing;
  if (take(" missing:", &missing)) {
    e.check_missing = true;
    if (missing != "-") {
      for (absl::string_view f : absl::StrSplit(missing, ',')) {
        e.missing.insert(std::string(absl::StripAsciiWhitespace(f)));
      }
    }
  }
  take(" error:", &e.error);
  e.value = std::string(absl::StripAsciiWhitespace(text));
  return e;
}

std::vector<std::string> RowFiles() {
  std::vector<std::string> files;
  std::string dir = testing::SourcePath("tests/data/semantics");
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".rows") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class SemanticsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SemanticsTest, EveryRowHolds) {
  static const std::vector<SourceFile> pack = testing::PackSources("tests/data/semantics/pack");
  std::ifstream in(testing::SourcePath("tests/data/semantics/" + GetParam()));
  std::string line;
  int number = 0, rows = 0;
  int32_t as_of = *util::ParseIsoDate("2026-01-01");
  while (std::getline(in, line)) {
    ++number;
    absl::string_view t = absl::StripAsciiWhitespace(line);
    if (t.empty() || t[0] == '#') continue;
    std::string where = GetParam() + ":" + std::to_string(number) + ": " + line;
    if (t.substr(0, 6) == "@as_of") {
      absl::string_view ds = absl::StripAsciiWhitespace(t.substr(6));
      auto d = util::ParseIsoDate(std::string_view(ds.data(), ds.size()));
      ASSERT_TRUE(d.has_value()) << where;
      as_of = *d;
      continue;
    }
    std::vector<std::string> parts = absl::StrSplit(line, " ; ");
    ASSERT_EQ(parts.size(), 3u) << where << "\n  expected EXPRESSION ; HOUSEHOLD ; EXPECTED";
    ++rows;
    Expected want = ParseExpected(parts[2]);
    auto pack_or = testing::LoadWithExpression(pack, parts[0]);
    ASSERT_TRUE(pack_or.ok()) << where << "\n" << pack_or.status().message();
    const ir::Module& m = *(*pack_or)->impl().module;
    ir::NodeId node = -1;
    for (const auto& d : m.definitions) {
      if (d.name == "zz_expr") node = d.node;
    }
    ASSERT_GE(node, 0) << where;
    auto plan = eval::CompilePlan(m, as_of, {node});
    ASSERT_TRUE(plan.ok()) << where << "\n" << plan.status().message();
    std::string household(absl::StripAsciiWhitespace(parts[1]));
    if (household.find("\"id\"") == std::string::npos) {
      household = household == "{}" ? "{\"id\":\"t\"}" : "{\"id\":\"t\"," + household.substr(1);
    }
    auto data = testing::ReadJsonlText(m, household);
    ASSERT_TRUE(data.ok()) << where << "\n" << data.status().message();
    ASSERT_EQ((*data)->households(), 1u) << where;
    eval::Scratch s;
    eval::EvaluateBatch(*plan, **data, 0, 1, &s);
    int32_t root = plan->roots[0];
    EXPECT_EQ(testing::RenderValue(*plan, **data, s, root, 0), want.value) << where;
    std::vector<std::string> missing, errors;
    eval::CollectMissing(*plan, s, root, 0, "the expression", &missing, &errors);
    if (want.check_missing) {
      EXPECT_EQ(std::set<std::string>(missing.begin(), missing.end()), want.missing) << where;
    }
    if (!want.error.empty()) {
      bool found = false;
      for (const auto& e : errors) found |= e.find(want.error) != std::string::npos;
      EXPECT_TRUE(found) << where << "\n  errors: " << absl::StrJoin(errors, "; ");
    } else if (want.value == "unknown" && want.check_missing) {
      EXPECT_TRUE(errors.empty()) << where << "\n  unexpected errors: " << absl::StrJoin(errors, "; ");
    }
  }
  EXPECT_GT(rows, 0) << GetParam() << " has no rows";
}

INSTANTIATE_TEST_SUITE_P(Rows, SemanticsTest, ::testing::ValuesIn(RowFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SemanticsTest);

}  // namespace
}  // namespace layak

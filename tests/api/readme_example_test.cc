// The README's library example, as written (only the pack path is made
// absolute), so that it keeps compiling and giving the answers it shows.
#include <iostream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layak/layak.h"
#include "testing/testing.h"

namespace {

int ReadmeExample(std::ostream& out) {
  // --- README begins (with std::cout as `out`) ---
  auto loaded = layak::LoadRulePack(layak::testing::SourcePath("rules/tuban"));  // StatusOr<LoadResult>
  if (!loaded.ok() || !loaded->ok()) return 1;                                   // diagnostics in loaded->diagnostics
  std::shared_ptr<const layak::RulePack> pack = loaded->ReleasePack();
  auto plan = layak::CompilePlan(pack, {.as_of = "2026-01-01"});  // StatusOr<shared_ptr<const Plan>>
  layak::CaseloadBuilder b(*pack);                                // or ReadCsvCaseload / ReadJsonlCaseload
  b.SetHouseholdCount(1);
  b.SetTexts("id", {"KK-1"});
  b.SetInts("desil", {2});
  b.SetMemberHouseholds({0});
  b.SetTexts("birth_date", {"1950-05-01"});
  auto caseload = b.Build();                          // StatusOr<Caseload>
  auto results = layak::Evaluate(**plan, *caseload);  // StatusOr<vector<ProgramResult>>
  for (const auto& r : *results)
    if (r.status == layak::Status::kEligible) out << r.program << " " << layak::StatusName(r.status) << "\n";
  auto why = layak::Explain(**plan, *caseload, 0, layak::Language::kEnglish);  // every clause, with its data
  out << layak::FormatExplanationText(*why).substr(0, 42) << "\n";
  // --- README ends ---
  return 0;
}

TEST(ReadmeExample, RunsAndAnswers) {
  std::ostringstream out;
  ASSERT_EQ(ReadmeExample(out), 0);
  // A 75-year-old alone in desil 2, nothing else known: the programs that
  // are certain whatever the unknowns, then the explanation's first line.
  EXPECT_EQ(out.str(),
            "BLT_DD eligible\n"
            "PBI_JK eligible\n"
            "PKH eligible\n"
            "Household KK-1, as of 2026-01-01, 1 member\n");
}

}  // namespace

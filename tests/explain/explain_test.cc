// Explanations: the same answers as Evaluate, every clause with the values
// under it, missing data in plain words, what would change a single failed
// clause; golden texts in Indonesian and English and golden JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

using ::testing::HasSubstr;
using testing::SourcePath;

struct Fixture {
  std::shared_ptr<const RulePack> pack;
  std::shared_ptr<const Plan> plan;
  std::unique_ptr<Caseload> caseload;
};

// Household E1: desil 4 (the top layer serves up to 3), a child of 10 in
// school, a second person whose birth date is unknown.
Fixture Make() {
  Fixture f;
  auto r = LoadRulePack(SourcePath("tests/data/layers/top"));
  EXPECT_TRUE(r.ok() && r->ok());
  f.pack = std::shared_ptr<const RulePack>(r->ReleasePack());
  f.plan = *CompilePlan(f.pack, {.as_of = "2026-01-01"});
  auto read = ReadJsonHousehold(*f.pack, R"({"id": "E1", "desil": 4, "lost_job": true,
      "members": [{"nik": "N1", "birth_date": "2015-06-01", "enrolled": true},
                  {"nik": "N2", "enrolled": true}]})");
  EXPECT_TRUE(read.ok() && read->errors.empty());
  f.caseload = std::move(read->caseload);
  return f;
}

TEST(Explain, GoldenTextInIndonesianAndEnglishAndJson) {
  Fixture f = Make();
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation id, Explain(*f.plan, *f.caseload, 0, Language::kIndonesian));
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation en, Explain(*f.plan, *f.caseload, 0, Language::kEnglish));
  // The provenance carries a content hash of the fixture; keep goldens stable across edits of it.
  id.provenance = en.provenance = "PROVENANCE";
  testing::ExpectMatchesGolden(FormatExplanationText(id), "tests/golden/explain/e1.id.txt");
  testing::ExpectMatchesGolden(FormatExplanationText(en), "tests/golden/explain/e1.en.txt");
  testing::ExpectMatchesGolden(FormatExplanationJson(en), "tests/golden/explain/e1.en.json");
}

// A household of the bundled Tuban pack, every program: the texts a social
// worker reads, in both languages (regenerate with LAYAK_UPDATE_GOLDEN=1
// when the rules change, and read the diff).
TEST(Explain, BundledPackGoldenInBothLanguages) {
  auto r = LoadRulePack(SourcePath("rules/tuban"));
  ASSERT_TRUE(r.ok() && r->ok());
  std::shared_ptr<const RulePack> pack(r->ReleasePack());
  LAYAK_ASSERT_OK_AND_ASSIGN(auto plan, CompilePlan(pack, {.as_of = "2026-01-01"}));
  std::string json = testing::ReadFileOrDie(SourcePath("tests/data/explain/tuban_household.json"));
  LAYAK_ASSERT_OK_AND_ASSIGN(ReadResult read, ReadJsonHousehold(*pack, json));
  ASSERT_TRUE(read.errors.empty()) << read.errors[0];
  for (auto [lang, name] : {std::pair{Language::kIndonesian, "id"}, std::pair{Language::kEnglish, "en"}}) {
    LAYAK_ASSERT_OK_AND_ASSIGN(Explanation e, Explain(*plan, *read.caseload, 0, lang));
    e.provenance = "PROVENANCE";
    testing::ExpectMatchesGolden(FormatExplanationText(e), absl::StrCat("tests/golden/explain/tuban.", name, ".txt"));
  }
}

TEST(Explain, AgreesWithEvaluate) {
  Fixture f = Make();
  LAYAK_ASSERT_OK_AND_ASSIGN(auto results, Evaluate(*f.plan, *f.caseload));
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation e, Explain(*f.plan, *f.caseload, 0));
  ASSERT_EQ(results.size(), e.programs.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i].program, e.programs[i].program);
    EXPECT_EQ(results[i].status, e.programs[i].status) << results[i].program;
    EXPECT_EQ(results[i].benefit, e.programs[i].benefit) << results[i].program;
    EXPECT_EQ(results[i].missing_fields, e.programs[i].missing_fields) << results[i].program;
  }
}

TEST(Explain, OneFailedClauseSaysWhatWouldChangeTheAnswer) {
  Fixture f = Make();
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation id, Explain(*f.plan, *f.caseload, 0, Language::kIndonesian));
  const ProgramExplanation& base = id.programs[0];
  ASSERT_EQ(base.program, "BASE_P");
  EXPECT_EQ(base.status, Status::kIneligible);
  ASSERT_EQ(base.clauses.size(), 2u);
  EXPECT_EQ(base.clauses[0].value, Status::kIneligible);
  EXPECT_EQ(base.clauses[0].change, "layak jika desil ≤ 3; sekarang 4");
  ASSERT_EQ(base.clauses[0].inputs.size(), 1u);
  EXPECT_EQ(base.clauses[0].inputs[0].field, "desil");
  EXPECT_EQ(base.clauses[0].inputs[0].value, "4");
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation en, Explain(*f.plan, *f.caseload, 0, Language::kEnglish));
  EXPECT_EQ(en.programs[0].clauses[0].change, "eligible if desil ≤ 3; now 4");
}

TEST(Explain, MissingDataInPlainWords) {
  Fixture f = Make();
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation id, Explain(*f.plan, *f.caseload, 0, Language::kIndonesian));
  // SEKOLAH for the second person: birth date unknown.
  const ProgramExplanation* p2 = nullptr;
  for (const ProgramExplanation& p : id.programs) {
    if (p.program == "SEKOLAH" && p.member == 2) p2 = &p;
  }
  ASSERT_NE(p2, nullptr);
  EXPECT_EQ(p2->member_id, "N2");
  EXPECT_EQ(p2->status, Status::kIneligible);  // desil 4 fails whatever the age
  LAYAK_ASSERT_OK_AND_ASSIGN(auto what_if,
                             CompilePlan(f.pack, {.as_of = "2026-01-01", .params = {{"max_desil", "4"}}}));
  LAYAK_ASSERT_OK_AND_ASSIGN(Explanation w, Explain(*what_if, *f.caseload, 0, Language::kIndonesian));
  for (const ProgramExplanation& p : w.programs) {
    if (p.program != "SEKOLAH" || p.member != 2) continue;
    EXPECT_EQ(p.status, Status::kUnknown);
    EXPECT_EQ(p.missing, (std::vector<std::string>{"tanggal lahir anggota ke-2"}));
    EXPECT_EQ(p.missing_fields, (std::vector<std::string>{"members[2].birth_date"}));
  }
  EXPECT_THAT(FormatExplanationText(w), HasSubstr("Perlu data: tanggal lahir anggota ke-2"));
}

TEST(Explain, UnknownHouseholdIdIsNotFound) {
  Fixture f = Make();
  auto row = FindHousehold(*f.caseload, "nope");
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(*FindHousehold(*f.caseload, "E1"), 0u);
  EXPECT_FALSE(Explain(*f.plan, *f.caseload, 5).ok());
}

}  // namespace
}  // namespace layak

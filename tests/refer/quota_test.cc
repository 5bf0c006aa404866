// Table parameters (values keyed by a household field and by date) and
// quotas: read in rules, checked with positions, given out by the assignment.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

// Barat and Timur have a minimum wage each, Jauh none; desa places are a
// table by desa code with a default for desa not listed.
constexpr char kPack[] = R"yaml(pack: { id: quota_fixture, version: "1" }
schema:
  household:
    id: { type: string, key: true }
    kecamatan: { type: enum, values: [Barat, Timur, Jauh], aliases: { Barat: [BARAT] } }
    desa: { type: string }
    desil: { type: int, min: 1, max: 10 }
    income: { type: int }
  member:
    nik: { type: string, key: true }
parameters:
  umk:
    key: kecamatan
    values:
      2025-01-01: { Barat: 2_000_000, Timur: 2_500_000 }
      2026-01-01: { BARAT: 2_200_000, Timur: 2_700_000 }
  tempat:
    key: desa
    default: 1
    values:
      2026-01-01: { "D1": 2, "D2": 0 }
programs:
  - id: BANTUAN
    criteria:
      - { id: miskin, when: "desil <= 4", source: "fixture" }
      - { id: upah, when: "income < params.umk", source: "fixture" }
    benefit: "round(params.umk / 10)"
    priority: "desil"
quotas:
  - { program: BANTUAN, places: tempat, doc: "places per desa" }
)yaml";

std::shared_ptr<const RulePack> Load(const std::string& yaml, LoadResult* out = nullptr) {
  auto r = LoadRulePackFromSources({{"pack.yaml", yaml}});
  EXPECT_TRUE(r.ok());
  if (out != nullptr) {
    *out = std::move(*r);
    return nullptr;
  }
  EXPECT_TRUE(r->ok()) << FormatDiagnostics(r->diagnostics);
  return std::shared_ptr<const RulePack>(r->ReleasePack());
}

std::unique_ptr<Caseload> Read(const RulePack& pack, const std::string& jsonl) {
  std::string dir = ::testing::TempDir() + "/quota_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/c.jsonl";
  std::ofstream(path) << jsonl;
  auto read = ReadJsonlCaseload(pack, path, {});
  EXPECT_TRUE(read.ok() && read->errors.empty());
  return std::move(read->caseload);
}

std::string Render(const ProgramResult& r) {
  std::string s = absl::StrCat(r.household_id, " ", StatusName(r.status));
  if (r.benefit) absl::StrAppend(&s, " benefit=", *r.benefit);
  for (const std::string& m : r.missing_fields) absl::StrAppend(&s, " missing=", m);
  for (const std::string& e : r.errors) absl::StrAppend(&s, " error=", e);
  return s;
}

std::vector<std::string> Evaluated(const std::string& as_of, const std::string& jsonl,
                                   std::vector<std::pair<std::string, std::string>> params = {}) {
  auto pack = Load(kPack);
  auto plan = CompilePlan(pack, {.as_of = as_of, .params = std::move(params)});
  EXPECT_TRUE(plan.ok()) << plan.status();
  auto caseload = Read(*pack, jsonl);
  auto results = Evaluate(**plan, *caseload);
  EXPECT_TRUE(results.ok());
  std::vector<std::string> out;
  for (const ProgramResult& r : *results) out.push_back(Render(r));
  return out;
}

constexpr char kHouseholds[] = R"({"id":"A","kecamatan":"Barat","desil":2,"income":2100000}
{"id":"B","kecamatan":"Timur","desil":2,"income":2600000}
{"id":"C","kecamatan":"Jauh","desil":2,"income":100}
{"id":"D","desil":2,"income":100}
)";

TEST(TableParameter, IsTheRowOfTheHouseholdsKeyOnTheDate) {
  // 2026: Barat 2.2M (written with the alias BARAT), Timur 2.7M. Jauh has no
  // row and no default: unknown, with the reason in errors. D's kecamatan is
  // unknown: the key is what is missing.
  EXPECT_THAT(Evaluated("2026-06-01", kHouseholds),
              ::testing::ElementsAre("A eligible benefit=220000", "B eligible benefit=270000",
                                     "C unknown error=parameter 'umk' has no row for this household's kecamatan in "
                                     "clause 'upah' of BANTUAN",
                                     "D unknown missing=kecamatan"));
  // 2025: Barat 2.0M, so A earns too much.
  EXPECT_THAT(Evaluated("2025-06-01", kHouseholds)[0], "A ineligible");
}

TEST(TableParameter, AWhatIfValueReplacesTheWholeTable) {
  EXPECT_THAT(Evaluated("2026-06-01", kHouseholds, {{"umk", "3000000"}}),
              ::testing::ElementsAre("A eligible benefit=300000", "B eligible benefit=300000",
                                     "C eligible benefit=300000", "D eligible benefit=300000"));
}

TEST(TableParameter, ExplanationShowsTheHouseholdsValue) {
  auto pack = Load(kPack);
  auto plan = CompilePlan(pack, {.as_of = "2026-06-01"});
  ASSERT_TRUE(plan.ok());
  auto caseload = Read(*pack, kHouseholds);
  auto e = Explain(**plan, *caseload, 1, Language::kEnglish);
  ASSERT_TRUE(e.ok()) << e.status();
  std::string text = FormatExplanationText(*e);
  EXPECT_THAT(text, ::testing::HasSubstr("data: kecamatan = Timur; income = 2600000")) << text;
  // Its quota is per desa, which B does not give.
  EXPECT_THAT(text, ::testing::HasSubstr("kuota (program BANTUAN): data needed: desa")) << text;
}

// The first diagnostic's position, code and message.
std::string FirstError(const std::string& yaml) {
  LoadResult r;
  Load(yaml, &r);
  if (r.diagnostics.empty()) return "no diagnostics";
  const Diagnostic& d = r.diagnostics[0];
  return absl::StrCat(d.location.line, ":", d.location.column, " ", CodeString(d.code), " ", d.message,
                      d.notes.empty() ? "" : absl::StrCat(" | ", d.notes[0]));
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(TableParameter, BadDeclarationsAreErrorsWithPositions) {
  EXPECT_EQ(FirstError(Replace(kPack, "key: kecamatan", "key: kecamatn")),
            "13:10 E0301 parameter 'umk' is keyed by 'kecamatn', which is not a household field | "
            "help: did you mean 'kecamatan'?");
  EXPECT_EQ(FirstError(Replace(kPack, "key: kecamatan", "key: desil")),
            "13:10 E0401 parameter 'umk' is keyed by 'desil', a field of type int; a key must be an enum or "
            "string field");
  EXPECT_EQ(FirstError(Replace(kPack, "Timur: 2_500_000", "Tmur: 2_500_000")),
            "15:39 E0403 'Tmur' is not a value of enum field 'kecamatan' | help: did you mean 'Timur'?");
  EXPECT_EQ(FirstError(Replace(kPack, "    key: desa\n", "")),
            "18:5 E0505 parameter 'tempat': 'default' is for table parameters (with 'key:') | help: a parameter "
            "without 'key:' has one value per date; remove 'default'");
  EXPECT_EQ(FirstError(Replace(kPack, "2026-01-01: { \"D1\": 2, \"D2\": 0 }", "2026-01-01: 3")),
            "21:19 E0505 parameter 'tempat' is keyed by a field: each value is a table of key: value rows | "
            "help: write the rows as a map, e.g. '3523012001: 25'");
  // A decimal row makes the whole table (and its default) decimal: no longer places.
  EXPECT_EQ(FirstError(Replace(kPack, "\"D2\": 0", "\"D2\": 0.5")),
            "30:33 E0505 the places of a quota must be a table parameter of ints (with 'key:'), but 'tempat' is "
            "not of ints");
  EXPECT_EQ(FirstError(Replace(kPack, "default: 1", "default: tidak")),
            "19:14 E0505 parameter 'tempat' has a default of type string where its values are int");
  EXPECT_EQ(FirstError(Replace(kPack, "\"desil <= 4\"", "\"desil in [params.umk]\"")),
            "25:40 E0405 a list element must be a constant, but parameter 'umk' is a table keyed by 'kecamatan': "
            "its value differs by household | help: compare with it using '==' or '<=' instead");
  EXPECT_EQ(FirstError(Replace(kPack, "program: BANTUAN", "program: BANTUN")),
            "30:16 E0301 quota for unknown program 'BANTUN' | help: did you mean 'BANTUAN'?");
  EXPECT_EQ(FirstError(Replace(Replace(kPack, "    key: desa\n    default: 1\n", ""),
                               "2026-01-01: { \"D1\": 2, \"D2\": 0 }", "2026-01-01: 3")),
            "28:33 E0505 the places of a quota must be a table parameter of ints (with 'key:'), but 'tempat' is "
            "not a table");
  EXPECT_EQ(FirstError(Replace(kPack, "places: tempat", "places: tempt")),
            "30:33 E0304 unknown parameter 'tempt' | help: did you mean 'tempat'?");
}

std::vector<std::string> Referred(const std::string& jsonl, bool assign) {
  auto pack = Load(kPack);
  auto plan = CompilePlan(pack, {.as_of = "2026-06-01"});
  EXPECT_TRUE(plan.ok());
  auto caseload = Read(*pack, jsonl);
  auto r = Refer(**plan, *caseload, {.assign = assign});
  EXPECT_TRUE(r.ok()) << r.status();
  std::vector<std::string> out;
  for (const ReferralRow& x : r->rows) {
    out.push_back(absl::StrCat(x.household_id, " ", x.source, " ", x.service, " ", x.resource_id, " ", x.capacity, " ",
                               x.status, " ", x.reason));
  }
  for (const ResourceLoad& l : r->loads) {
    EXPECT_LE(l.used, l.capacity) << l.id;
    out.push_back(absl::StrCat("load ", l.id, " ", l.used, "/", l.capacity));
  }
  return out;
}

// D1 has 2 places, D2 none (0), D3 is not listed (the default: 1).
constexpr char kDesa[] = R"({"id":"H4","kecamatan":"Barat","desa":"D1","desil":4,"income":1}
{"id":"H1","kecamatan":"Barat","desa":"D1","desil":1,"income":1}
{"id":"H3","kecamatan":"Barat","desa":"D1","desil":3,"income":1}
{"id":"H2","kecamatan":"Barat","desa":"D2","desil":2,"income":1}
{"id":"J3","kecamatan":"Timur","desa":"D3","desil":3,"income":1}
{"id":"J1","kecamatan":"Timur","desa":"D3","desil":1,"income":1}
{"id":"K","kecamatan":"Timur","desil":1,"income":1}
{"id":"R","kecamatan":"Timur","desa":"D1","desil":9,"income":1}
)";

TEST(Quota, PlacesPerKeyGoToTheLowestPriorityValueFirst) {
  EXPECT_THAT(
      Referred(kDesa, true),
      ::testing::ElementsAre("H4 BANTUAN kuota  -1 waiting no place left in the quota of desa D1 (2 places)",
                             "H1 BANTUAN kuota kuota:BANTUAN:D1 2 assigned a place of the quota of desa D1 (2 places)",
                             "H3 BANTUAN kuota kuota:BANTUAN:D1 2 assigned a place of the quota of desa D1 (2 places)",
                             "H2 BANTUAN kuota  -1 waiting no place left in the quota of desa D2 (0 places)",
                             "J3 BANTUAN kuota  -1 waiting no place left in the quota of desa D3 (1 place)",
                             "J1 BANTUAN kuota kuota:BANTUAN:D3 1 assigned a place of the quota of desa D3 (1 place)",
                             "K BANTUAN kuota  -1 waiting data missing", "load kuota:BANTUAN:D1 2/2",
                             "load kuota:BANTUAN:D2 0/0", "load kuota:BANTUAN:D3 1/1"));
}

TEST(Quota, WithoutAssignmentEachEligibleHouseholdSeesItsPool) {
  std::vector<std::string> rows = Referred(kDesa, false);
  EXPECT_EQ(rows[0], "H4 BANTUAN kuota kuota:BANTUAN:D1 2 candidate quota of desa D1: 2 places");
  EXPECT_EQ(rows[6],
            "K BANTUAN kuota  -1 unknown the quota of BANTUAN is per desa, which is not known for this "
            "household");
}

}  // namespace
}  // namespace layak

// Referral end to end through the public API on tests/data/refer: ranking by
// distance, catchments, three-valued accepts rules, and assignment under
// capacity with the waiting list and its reasons.
#include "layak/referral.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "layak/layak.h"
#include "refer/referral.h"
#include "testing/testing.h"

namespace layak {
namespace {

struct Fixture {
  std::shared_ptr<const RulePack> pack;
  std::shared_ptr<const Plan> plan;
  std::unique_ptr<Caseload> caseload;
};

Fixture Make(const std::string& jsonl) {
  Fixture f;
  auto r = LoadRulePack(testing::SourcePath("tests/data/refer"));
  EXPECT_TRUE(r.ok() && r->ok()) << (r.ok() ? FormatDiagnostics(r->diagnostics) : std::string(r.status().message()));
  f.pack = std::shared_ptr<const RulePack>(r->ReleasePack());
  f.plan = *CompilePlan(f.pack, {.as_of = "2026-01-01"});
  std::string dir = ::testing::TempDir() + "/refer_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/c.jsonl";
  std::ofstream(path) << jsonl;
  auto read = ReadJsonlCaseload(*f.pack, path, {});
  EXPECT_TRUE(read.ok() && read->errors.empty());
  f.caseload = std::move(read->caseload);
  return f;
}

std::vector<std::string> Rows(const ReferralReport& r) {
  std::vector<std::string> out;
  for (const ReferralRow& x : r.rows) {
    out.push_back(absl::StrCat(x.household_id, " ", x.source, " ", x.service, " ", x.resource_id, " #", x.rank, " ",
                               x.distance_km ? absl::StrCat(static_cast<int>(*x.distance_km + 0.5)) : "?", " ",
                               x.status, x.missing.empty() ? "" : " missing=" + absl::StrJoin(x.missing, "|")));
  }
  return out;
}

TEST(Refer, HaversineIsAboutTenKilometres) {
  EXPECT_NEAR(refer::HaversineKm(-6.90, 112.00, -6.90, 112.0905), 10.0, 0.05);
  EXPECT_NEAR(refer::HaversineKm(-6.90, 112.00, -7.50, 112.00), 66.7, 0.1);
}

TEST(Refer, RankedByDistanceFilteredByCatchmentAndAccepts) {
  Fixture f = Make(
      R"({"id":"A","kecamatan":"Barat","desil":3,"korban":true,"members":[{"nik":"1","sex":"P"}]}
{"id":"B","kecamatan":"Timur","desil":3,"korban":true,"members":[{"nik":"2","sex":"L"}]}
{"id":"C","kecamatan":"Barat","korban":true,"members":[{"nik":"3"}]}
{"id":"D","kecamatan":"Jauh","desil":2,"korban":false,"members":[]}
{"id":"E","desil":2,"korban":false,"members":[]}
)");
  LAYAK_ASSERT_OK_AND_ASSIGN(ReferralReport r, Refer(*f.plan, *f.caseload));
  EXPECT_THAT(Rows(r),
              ::testing::ElementsAre(
                  // A: a woman in Barat: the Barat PPA first (0 km), then Timur (10 km); TKSK of her kecamatan.
                  "A kekerasan pendampingan_korban ppa-barat #1 0 candidate",
                  "A kekerasan pendampingan_korban ppa-timur #2 10 candidate",
                  "A BANTUAN pendampingan tksk-barat #1 0 candidate",
                  // B: a man: ppa-barat does not accept him; the Timur TKSK serves Timur only.
                  "B kekerasan pendampingan_korban ppa-timur #1 0 candidate",
                  "B BANTUAN pendampingan tksk-timur #1 0 candidate",
                  // C: sex unknown: ppa-timur is certain, ppa-barat listed after it as unknown.
                  "C kekerasan pendampingan_korban ppa-timur #1 10 candidate",
                  "C kekerasan pendampingan_korban ppa-barat #2 0 unknown missing=members[1].sex",
                  // D: eligible for BANTUAN, but no TKSK serves Jauh.
                  "D BANTUAN pendampingan  #0 ? none",
                  // E: kecamatan unknown: whether either TKSK serves it is not known, nor how far.
                  // (no distance: the one with more places first)
                  "E BANTUAN pendampingan tksk-timur #1 ? unknown missing=kecamatan",
                  "E BANTUAN pendampingan tksk-barat #2 ? unknown missing=kecamatan"));
  EXPECT_EQ(r.rows[7].reason, "no resource offering pendampingan serves or accepts this household");
  EXPECT_EQ(r.rows[8].reason,
            "offers pendampingan; serves the kecamatan; whether it serves this household's kecamatan is not known yet");
}

TEST(Refer, AssignmentUnderCapacityWithReasons) {
  // Three women victims in Barat (urgent), ppa-barat has 1 place, ppa-timur 5.
  // Four poor households in Barat for the TKSK (2 places): lower desil first.
  Fixture f = Make(
      R"({"id":"V1","kecamatan":"Barat","desil":9,"korban":true,"members":[{"nik":"1","sex":"P"}]}
{"id":"V2","kecamatan":"Barat","desil":9,"korban":true,"members":[{"nik":"2","sex":"P"}]}
{"id":"P4","kecamatan":"Barat","desil":4,"korban":false,"members":[]}
{"id":"P1","kecamatan":"Barat","desil":1,"korban":false,"members":[]}
{"id":"P3","kecamatan":"Barat","desil":3,"korban":false,"members":[]}
{"id":"U","kecamatan":"Barat","desil":2,"korban":false,"members":[]}
{"id":"X","desil":2,"korban":false,"members":[]}
)");
  LAYAK_ASSERT_OK_AND_ASSIGN(ReferralReport r, Refer(*f.plan, *f.caseload, {.assign = true}));
  EXPECT_THAT(Rows(r), ::testing::ElementsAre(
                           "V1 kekerasan pendampingan_korban ppa-barat #1 0 assigned",
                           "V2 kekerasan pendampingan_korban ppa-timur #2 10 assigned",
                           "P4 BANTUAN pendampingan  #0 ? waiting", "P1 BANTUAN pendampingan tksk-barat #1 0 assigned",
                           "P3 BANTUAN pendampingan  #0 ? waiting", "U BANTUAN pendampingan tksk-barat #1 0 assigned",
                           "X BANTUAN pendampingan  #0 ? waiting missing=kecamatan"));
  EXPECT_EQ(r.rows[2].reason, "no place left in the catchment");
  EXPECT_EQ(r.rows[6].reason, "data missing");
  for (const ResourceLoad& l : r.loads) {
    if (l.capacity >= 0) {
      EXPECT_LE(l.used, l.capacity) << l.id;
    }
  }
  EXPECT_EQ(r.loads[0].used, 1);  // ppa-barat
  EXPECT_EQ(r.loads[2].used, 2);  // tksk-barat
}

TEST(Refer, SameRowsAndLoadsWhateverTheThreadCount) {
  // 1,300 households: three ranges of 512-household batches on 2 or 4 threads.
  std::string jsonl;
  const char* kec[] = {"Barat", "Timur", "Jauh", ""};
  for (int i = 0; i < 1300; ++i) {
    absl::StrAppend(
        &jsonl, "{\"id\":\"H", i, "\"", i % 4 == 3 ? "" : absl::StrCat(",\"kecamatan\":\"", kec[i % 4], "\""),
        ",\"desil\":", 1 + (i * 7) % 10, ",\"korban\":", i % 3 == 0 ? "true" : "false", ",\"members\":[{\"nik\":\"", i,
        "\"", i % 5 == 0 ? "" : (i % 2 ? ",\"sex\":\"P\"" : ",\"sex\":\"L\""), "}]}\n");
  }
  Fixture f = Make(jsonl);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<int64_t>> loads;
  for (int threads : {1, 2, 4}) {
    for (bool assign : {false, true}) {
      LAYAK_ASSERT_OK_AND_ASSIGN(ReferralReport r, Refer(*f.plan, *f.caseload, {.threads = threads, .assign = assign}));
      std::vector<std::string> text = Rows(r);
      for (std::size_t i = 0; i < r.rows.size(); ++i) text[i] += " " + r.rows[i].reason;
      rows.push_back(std::move(text));
      std::vector<int64_t> used;
      for (const ResourceLoad& l : r.loads) used.push_back(l.used);
      loads.push_back(std::move(used));
    }
  }
  EXPECT_GT(rows[1].size(), 900u);  // one row per demand
  for (std::size_t i = 2; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i], rows[i % 2]) << "run " << i;
    EXPECT_EQ(loads[i], loads[i % 2]) << "run " << i;
  }
}

}  // namespace
}  // namespace layak

namespace layak {
namespace {

TEST(Refer, HsdsServicesJoinThePacksResources) {
  auto r = LoadRulePack(testing::SourcePath("rules/tuban"));
  ASSERT_TRUE(r.ok() && r->ok());
  std::shared_ptr<const RulePack> pack(r->ReleasePack());
  auto plan = *CompilePlan(pack, {.as_of = "2026-01-01"});
  // A poor family in Jenu with a young child: eligible for PKH, whose service is pendampingan_pkh.
  auto read = ReadJsonHousehold(*pack, R"({"id":"H1","kecamatan":"Jenu","in_dtsen":true,"desil":2,
      "members":[{"nik":"1","birth_date":"2022-01-01","sex":"P","relation":"anak","disability":"none"}]})");
  ASSERT_TRUE(read.ok() && read->errors.empty());
  ReferralOptions o;
  o.top = 10;
  o.resources_hsds = testing::SourcePath("tests/data/hsds");
  LAYAK_ASSERT_OK_AND_ASSIGN(ReferralReport report, Refer(*plan, *read->caseload, o));
  EXPECT_EQ(report.hsds_resources, 5u);
  EXPECT_THAT(report.hsds_unmapped, ::testing::Contains("service.fees"));
  bool found = false;
  for (const ReferralRow& row : report.rows) {
    found |= row.source == "PKH" && row.service == "pendampingan_pkh" && row.resource_id == "hsds-svc-pkh@loc-jenu";
  }
  EXPECT_TRUE(found) << "the HSDS PKH service at Jenu is offered to a PKH family in Jenu";
  o.resources_hsds = testing::SourcePath("tests/data/no_such_hsds");
  EXPECT_FALSE(Refer(*plan, *read->caseload, o).ok());
}

}  // namespace
}  // namespace layak

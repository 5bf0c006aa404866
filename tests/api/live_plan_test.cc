// Hot reload: evaluations running on several threads while the pack is
// replaced; each finishes on the version it started with.
#include "layak/live_plan.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "layak/layak.h"
#include "testing/testing.h"

namespace layak {
namespace {

// Version v admits desil <= 4 when v is odd and desil <= 6 when it is even.
void WritePack(const std::string& dir, int version) {
  std::ofstream(dir + "/pack.yaml") << absl::StrCat(R"(pack: { id: live, version: ")", version, R"(" }
schema:
  household:
    id: { type: string, key: true }
    desil: { type: int, min: 1, max: 10 }
  member:
    nik: { type: string, key: true }
programs:
  - id: BANTUAN
    criteria: [ { id: miskin, when: "desil <= )",
                                                    version % 2 == 1 ? 4 : 6, R"(", source: "test" } ]
)");
}

std::string TempPack() {
  static int n = 0;
  std::string dir = absl::StrCat(::testing::TempDir(), "/live_", getpid(), "_", n++);
  std::filesystem::create_directories(dir);
  return dir;
}

Status Decide(const Plan& plan) {
  auto read = ReadJsonHousehold(plan.pack(), R"({"id": "K1", "desil": 5, "members": []})");
  EXPECT_TRUE(read.ok() && read->errors.empty());
  auto results = Evaluate(plan, *read->caseload);
  EXPECT_TRUE(results.ok());
  return (*results)[0].status;
}

TEST(LivePlan, InFlightEvaluationsKeepTheirVersion) {
  std::string dir = TempPack();
  WritePack(dir, 1);
  LAYAK_ASSERT_OK_AND_ASSIGN(std::unique_ptr<LivePlan> live, LivePlan::Open(dir, {.as_of = "2026-01-01"}));
  std::shared_ptr<const Plan> before = live->Current();
  WritePack(dir, 2);
  absl::Status reloaded = live->Reload();
  ASSERT_TRUE(reloaded.ok()) << reloaded;
  EXPECT_EQ(live->generation(), 1u);
  // The plan taken before the reload is still whole and still version 1.
  EXPECT_EQ(before->pack().version(), "1");
  EXPECT_EQ(Decide(*before), Status::kIneligible);
  EXPECT_EQ(live->Current()->pack().version(), "2");
  EXPECT_EQ(Decide(*live->Current()), Status::kEligible);
}

TEST(LivePlan, ReloadsDuringConcurrentEvaluationsAreAtomic) {
  std::string dir = TempPack();
  WritePack(dir, 1);
  LAYAK_ASSERT_OK_AND_ASSIGN(std::unique_ptr<LivePlan> live, LivePlan::Open(dir, {.as_of = "2026-01-01"}));
  std::atomic<bool> stop{false};
  std::atomic<int> evaluated{0}, wrong{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        std::shared_ptr<const Plan> plan = live->Current();
        int version = std::stoi(plan->pack().version());
        Status expected = version % 2 == 1 ? Status::kIneligible : Status::kEligible;
        if (Decide(*plan) != expected) wrong.fetch_add(1);
        evaluated.fetch_add(1);
      }
    });
  }
  for (int v = 2; v <= 12; ++v) {
    WritePack(dir, v);
    EXPECT_TRUE(live->Reload().ok());
  }
  // Let the readers see the last version too.
  while (evaluated.load() < 50) std::this_thread::yield();
  stop.store(true);
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(live->generation(), 11u);
  EXPECT_EQ(live->Current()->pack().version(), "12");
}

TEST(LivePlan, AFailedReloadKeepsTheCurrentVersionAndSaysWhy) {
  std::string dir = TempPack();
  WritePack(dir, 1);
  LAYAK_ASSERT_OK_AND_ASSIGN(std::unique_ptr<LivePlan> live, LivePlan::Open(dir, {.as_of = "2026-01-01"}));
  std::ofstream(dir + "/extra.yaml") << "programs:\n  - id: X\n    criteria: [ { id: a, when: \"desl <= 4\" } ]\n";
  absl::Status s = live->Reload();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("extra.yaml:3:33: error[E0301]: unknown name 'desl'"));
  EXPECT_EQ(live->generation(), 0u);
  EXPECT_EQ(live->Current()->pack().version(), "1");
  EXPECT_EQ(live->Swap(nullptr).code(), absl::StatusCode::kInvalidArgument);
}

TEST(LivePlan, OpenFailsOnAMissingFolder) {
  auto live = LivePlan::Open(TempPack() + "/nothing-here");
  EXPECT_FALSE(live.ok());
}

}  // namespace
}  // namespace layak

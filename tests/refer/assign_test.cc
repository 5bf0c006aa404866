// The exact assignment: never over capacity, only to candidates, and the
// lexicographic optimum over tiers (as many of the first tier as possible at
// the least distance, then of the second among those, ...) — checked against
// brute force over every assignment on small random cases.
#include "refer/assign.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <functional>
#include <numeric>
#include <random>

namespace layak::refer {
namespace {

// Per tier (count placed, total cost), tier by tier.
using Score = std::vector<std::pair<int64_t, int64_t>>;

Score ScoreOf(const std::vector<Demand>& demands, const std::vector<int32_t>& got, int tiers) {
  Score s(static_cast<std::size_t>(tiers), {0, 0});
  for (std::size_t d = 0; d < demands.size(); ++d) {
    if (got[d] < 0) continue;
    auto& t = s[static_cast<std::size_t>(demands[d].tier)];
    ++t.first;
    for (const Candidate& c : demands[d].candidates) {
      if (c.resource == got[d]) t.second += c.cost;
    }
  }
  return s;
}

// Better: more placed in an earlier tier, then less distance in it, and so on.
bool Better(const Score& a, const Score& b) {
  for (std::size_t t = 0; t < a.size(); ++t) {
    if (a[t].first != b[t].first) return a[t].first > b[t].first;
    if (a[t].second != b[t].second) return a[t].second < b[t].second;
  }
  return false;
}

// The best score over every assignment of every demand.
Score BruteForce(const std::vector<Demand>& demands, std::vector<int64_t> left, int tiers) {
  std::vector<int32_t> got(demands.size(), -1);
  Score best = ScoreOf(demands, got, tiers);
  std::function<void(std::size_t)> go = [&](std::size_t d) {
    if (d == demands.size()) {
      Score s = ScoreOf(demands, got, tiers);
      if (Better(s, best)) best = s;
      return;
    }
    go(d + 1);
    for (const Candidate& c : demands[d].candidates) {
      if (left[static_cast<std::size_t>(c.resource)] == 0) continue;
      --left[static_cast<std::size_t>(c.resource)];
      got[d] = c.resource;
      go(d + 1);
      ++left[static_cast<std::size_t>(c.resource)];
      got[d] = -1;
    }
  };
  go(0);
  return best;
}

TEST(Assign, OptimalOnRandomSmallCasesAgainstBruteForce) {
  std::mt19937 rng(20261128);
  for (int round = 0; round < 4000; ++round) {
    const int n_res = 1 + static_cast<int>(rng() % 5);
    const int n_dem = 1 + static_cast<int>(rng() % 7);
    const int tiers = 1 + static_cast<int>(rng() % 4);
    std::vector<int64_t> capacity(static_cast<std::size_t>(n_res));
    for (int64_t& c : capacity) c = static_cast<int64_t>(rng() % 4);
    std::vector<Demand> demands(static_cast<std::size_t>(n_dem));
    for (Demand& d : demands) {
      d.tier = static_cast<int32_t>(rng() % static_cast<unsigned>(tiers));
      for (int r = 0; r < n_res; ++r) {
        // Odd rounds: costs 1..3, so that equal costs (ties between optima) abound.
        if (rng() % 3 != 0) d.candidates.push_back({r, 1 + static_cast<int64_t>(rng() % (round % 2 ? 3 : 9))});
      }
    }
    Assignment a = Assign(demands, capacity);
    std::vector<int64_t> used(static_cast<std::size_t>(n_res), 0);
    for (std::size_t d = 0; d < demands.size(); ++d) {
      if (a.resource[d] < 0) continue;
      bool candidate = false;
      for (const Candidate& c : demands[d].candidates) candidate |= c.resource == a.resource[d];
      ASSERT_TRUE(candidate) << "round " << round;
      ++used[static_cast<std::size_t>(a.resource[d])];
    }
    for (int r = 0; r < n_res; ++r) {
      ASSERT_LE(used[static_cast<std::size_t>(r)], capacity[static_cast<std::size_t>(r)]) << "round " << round;
      ASSERT_EQ(used[static_cast<std::size_t>(r)], a.load[static_cast<std::size_t>(r)]);
    }
    EXPECT_EQ(ScoreOf(demands, a.resource, tiers), BruteForce(demands, capacity, tiers)) << "round " << round;
    EXPECT_EQ(Assign(demands, capacity).resource, a.resource) << "deterministic";
  }
}

TEST(Assign, EarlierTierFirstEvenWhenFarther) {
  // One place at resource 0. The urgent demand is far, the other near: the urgent one gets it.
  std::vector<Demand> demands = {{1, {{0, 1}}}, {0, {{0, 50}}}};
  Assignment a = Assign(demands, {1});
  EXPECT_EQ(a.resource, (std::vector<int32_t>{-1, 0}));
}

TEST(Assign, AnEarlierTiersEqualChoicesLeaveRoomForLaterOnes) {
  // The urgent demand is as near to r0 as to r1; the later one can only use
  // r0. One place each: the urgent one goes to r1, so both are placed.
  std::vector<Demand> demands = {{0, {{0, 5}, {1, 5}}}, {1, {{0, 1}}}};
  Assignment a = Assign(demands, {1, 1});
  EXPECT_EQ(a.resource, (std::vector<int32_t>{1, 0}));
  // But never at a cost to the earlier tier: with r1 farther, r0 stays its.
  demands[0].candidates[1].cost = 6;
  EXPECT_EQ(Assign(demands, {1, 1}).resource, (std::vector<int32_t>{0, -1}));
}

TEST(Assign, UnlimitedCapacityAndNoCandidates) {
  std::vector<Demand> demands = {{0, {{0, 5}, {1, 3}}}, {0, {}}, {0, {{0, 2}}}};
  Assignment a = Assign(demands, {-1, -1});
  EXPECT_EQ(a.resource, (std::vector<int32_t>{1, -1, 0}));
  EXPECT_EQ(a.load, (std::vector<int64_t>{1, 1}));
}

TEST(Assign, ScalesByClassesNotDemands) {
  // 200,000 demands in 20 places × 3 resources: a handful of classes.
  std::vector<Demand> demands;
  for (int i = 0; i < 200000; ++i) {
    int place = i % 20;
    demands.push_back({i % 2, {{0, 1000 + place * 10}, {1, 5000 - place * 100}, {2, 3000}}});
  }
  Assignment a = Assign(demands, {60000, 70000, 50000});
  EXPECT_EQ(a.load, (std::vector<int64_t>{60000, 70000, 50000}));
  int64_t waiting = 0;
  for (int32_t r : a.resource) waiting += r < 0 ? 1 : 0;
  EXPECT_EQ(waiting, 20000);
}

}  // namespace
}  // namespace layak::refer

namespace layak::refer {
namespace {

TEST(Assign, ManyClassesUnlimitedPlacesGoNearestAndFast) {
  // 30,000 classes (distinct lists) of 4 demands over 40 resources without a
  // limit: the optimum puts every demand at its cheapest candidate. (A
  // search over every class per path took minutes at this size.)
  std::mt19937 rng(11);
  std::vector<Demand> demands;
  demands.reserve(120000);
  for (int k = 0; k < 30000; ++k) {
    std::vector<Candidate> c(4);
    for (Candidate& x : c) x = {static_cast<int32_t>(rng() % 40), 100 + static_cast<int64_t>(rng() % 100000)};
    for (int i = 0; i < 4; ++i) demands.push_back({static_cast<int32_t>(rng() % 3), c});
  }
  Assignment a = Assign(demands, std::vector<int64_t>(40, -1));
  for (std::size_t d = 0; d < demands.size(); ++d) {
    int64_t best = INT64_MAX;
    for (const Candidate& c : demands[d].candidates) best = std::min(best, c.cost);
    int64_t cost = -1;
    for (const Candidate& c : demands[d].candidates) {
      if (c.resource == a.resource[d]) cost = cost < 0 ? c.cost : std::min(cost, c.cost);
    }
    ASSERT_EQ(cost, best) << "demand " << d;
  }
  EXPECT_GT(a.classes, 25000u);
}

TEST(Assign, ManyClassesScarcePlacesNeverOverCapacityAndUrgentFirst) {
  // 20,000 classes over 30 resources of 50 places (1,500 in all) for 100,000
  // demands in 2 tiers: every place is used, tier 0 (40,000 demands) takes
  // them all, and no resource is over its capacity.
  std::mt19937 rng(12);
  std::vector<Demand> demands;
  demands.reserve(100000);
  for (int k = 0; k < 20000; ++k) {
    std::vector<Candidate> c(3);
    for (Candidate& x : c) x = {static_cast<int32_t>(rng() % 30), 100 + static_cast<int64_t>(rng() % 50000)};
    for (int i = 0; i < 5; ++i) demands.push_back({i < 2 ? 0 : 1, c});
  }
  Assignment a = Assign(demands, std::vector<int64_t>(30, 50));
  std::vector<int64_t> used(30, 0);
  int64_t placed[2] = {0, 0};
  for (std::size_t d = 0; d < demands.size(); ++d) {
    if (a.resource[d] < 0) continue;
    ++used[static_cast<std::size_t>(a.resource[d])];
    ++placed[demands[d].tier];
  }
  for (int r = 0; r < 30; ++r) {
    EXPECT_EQ(used[static_cast<std::size_t>(r)], 50);
    EXPECT_EQ(a.load[static_cast<std::size_t>(r)], 50);
  }
  EXPECT_EQ(placed[0], 1500);
  EXPECT_EQ(placed[1], 0);
}

TEST(Assign, HundredsOfTiersTakePlacesInTierOrder) {
  // 500 tiers (a priority with many values) of 100 classes of 2 demands, each
  // class reaching all 30 resources of 10 places: tier 0's 200 demands are
  // all placed, tier 1 gets the 100 places left, later tiers none.
  std::mt19937 rng(13);
  std::vector<Demand> demands;
  demands.reserve(100000);
  for (int t = 0; t < 500; ++t) {
    for (int k = 0; k < 100; ++k) {
      std::vector<Candidate> c(30);
      for (int r = 0; r < 30; ++r) c[static_cast<std::size_t>(r)] = {r, 100 + static_cast<int64_t>(rng() % 5000)};
      demands.push_back({t, c});
      demands.push_back({t, c});
    }
  }
  Assignment a = Assign(demands, std::vector<int64_t>(30, 10));
  std::vector<int64_t> placed(500, 0);
  for (std::size_t d = 0; d < demands.size(); ++d) {
    placed[static_cast<std::size_t>(demands[d].tier)] += a.resource[d] >= 0 ? 1 : 0;
  }
  EXPECT_EQ(placed[0], 200);
  EXPECT_EQ(placed[1], 100);
  EXPECT_EQ(std::accumulate(placed.begin() + 2, placed.end(), int64_t{0}), 0);
  EXPECT_EQ(a.tiers, 500u);
}

}  // namespace
}  // namespace layak::refer

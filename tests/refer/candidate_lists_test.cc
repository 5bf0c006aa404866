// Interned candidate lists: equal lists share an id, anything that differs
// (order, resource, cost, km) does not, ids follow first appearance, and a
// second table re-interns a first's lists in order.
#include "refer/candidate_lists.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace layak::refer {
namespace {

TEST(CandidateLists, EqualListsShareAnIdInOrderOfFirstAppearance) {
  CandidateLists lists;
  std::vector<Candidate> a = {{3, 1200}, {1, 4500}}, b = {{1, 4500}, {3, 1200}};
  EXPECT_EQ(lists.Intern(a), 0);
  EXPECT_EQ(lists.Intern(b), 1);  // the order is the ranking: another list
  EXPECT_EQ(lists.Intern(a), 0);
  std::vector<Candidate> c = {{3, 1201}, {1, 4500}};
  EXPECT_EQ(lists.Intern(c), 2);
  EXPECT_EQ(lists.size(), 3);
  ASSERT_EQ(lists.list(1).size(), 2u);
  EXPECT_EQ(lists.list(1)[0].resource, 1);
  EXPECT_EQ(lists.list(1)[1].cost, 1200);
  EXPECT_DOUBLE_EQ(lists.km(0)[1], 4.5);  // without km: cost / 1000
}

TEST(CandidateLists, KilometresJoinTheIdentity) {
  CandidateLists lists;
  std::vector<Candidate> a = {{0, 1000}};
  std::vector<double> near = {1.0002}, nearer = {0.9998};  // both 1000 m once rounded
  int32_t first = lists.Intern(a, near);
  EXPECT_NE(lists.Intern(a, nearer), first);
  EXPECT_EQ(lists.Intern(a, near), first);
  EXPECT_DOUBLE_EQ(lists.km(first)[0], 1.0002);
}

TEST(CandidateLists, ManyListsEachFoundAgainAndInternAllKeepsOrder) {
  std::mt19937 rng(7);
  std::vector<std::vector<Candidate>> made;
  CandidateLists lists;
  for (int i = 0; i < 20000; ++i) {
    std::vector<Candidate> l;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 4); k < n; ++k) {
      l.push_back({static_cast<int32_t>(rng() % 8), static_cast<int64_t>(rng() % 50)});
    }
    made.push_back(l);
    lists.Intern(l);
  }
  // Lists equal to an earlier one reuse its id; every list is found again.
  for (std::size_t i = 0; i < made.size(); ++i) {
    int32_t id = lists.Intern(made[i]);
    ASSERT_LT(id, lists.size());
    ASSERT_EQ(lists.list(id).size(), made[i].size());
    for (std::size_t k = 0; k < made[i].size(); ++k) {
      ASSERT_EQ(lists.list(id)[k].resource, made[i][k].resource);
      ASSERT_EQ(lists.list(id)[k].cost, made[i][k].cost);
    }
  }
  CandidateLists joined;
  std::vector<Candidate> other = {{9, 9}};
  joined.Intern(other);
  std::vector<int32_t> ids = joined.InternAll(lists);
  ASSERT_EQ(ids.size(), static_cast<std::size_t>(lists.size()));
  for (int32_t id = 0; id < lists.size(); ++id) EXPECT_EQ(ids[static_cast<std::size_t>(id)], id + 1);
}

}  // namespace
}  // namespace layak::refer

// Assignment of referral demands to resources under capacity, exactly.
//
// Demands are ranked in tiers (more urgent first, then lower priority
// value, e.g. desil). The assignment is the lexicographic optimum: as many
// demands of the first tier placed as capacity allows, at the least total
// distance among those; then, among all assignments that do so, as many of
// the second tier at the least distance; and so on. It is one min-cost flow
// graph that the tiers join in order (successive shortest paths); after each
// tier, arcs that an optimal rerouting of its flow cannot use are removed
// (positive reduced cost), so later tiers can never cost it a place or a
// metre (assign.cc). The flow runs on demand *classes*, not single demands:
// demands of one tier with the same candidate list (refer/candidate_lists.h)
// are interchangeable, so they form one node with their count as capacity. That keeps the graph as small as (places ×
// services) whatever the caseload's size, and the result is still exact. Within a class, places go to demands in input
// order, nearest resource first: identical across thread counts and runs.
#ifndef LAYAK_REFER_ASSIGN_H_
#define LAYAK_REFER_ASSIGN_H_

#include <cstdint>
#include <vector>

#include "refer/candidate_lists.h"

namespace layak::refer {

// One demand: a place at one of the candidates of its list.
struct ListDemand {
  int32_t tier = 0;   // lower goes first
  int32_t list = -1;  // in the CandidateLists; -1: none (it waits)
};

// One demand with its own candidates (tests, small batches).
struct Demand {
  int32_t tier = 0;                   // lower goes first
  std::vector<Candidate> candidates;  // those that accept it and serve its place
};

// The result: per demand the resource it got, or -1 (waiting list).
struct Assignment {
  std::vector<int32_t> resource;
  std::vector<int64_t> load;  // places used per resource
  std::size_t classes = 0;    // demand classes the flow ran on
  std::size_t tiers = 0;
};

// Assigns `demands` to resources with `capacity` places each (negative:
// unlimited).
Assignment Assign(const std::vector<ListDemand>& demands, const CandidateLists& lists,
                  const std::vector<int64_t>& capacity);

// The same for demands that carry their candidates: interns them, then assigns.
Assignment Assign(const std::vector<Demand>& demands, const std::vector<int64_t>& capacity);

}  // namespace layak::refer

#endif  // LAYAK_REFER_ASSIGN_H_

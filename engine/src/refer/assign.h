// Assignment of referral demands to resources under capacity, exactly.
//
// Demands are taken tier by tier (more urgent first, then lower priority
// value, e.g. desil), each tier with the places the earlier ones left.
// Within a tier the assignment places as many demands as capacity allows
// and, among those, minimises the total distance: a
// min-cost maximum flow, solved by successive shortest paths
// (Bellman-Ford on the residual graph, so negative residual costs are
// fine). The flow runs on demand *classes*, not single demands: demands of
// one tier with the same candidate resources at the same distances are
// interchangeable, so they form one node with their count as capacity.
// That keeps the graph as small as (places × services) whatever the
// caseload's size, and the result is still exact. Within a class, places
// go to demands in input order, nearest resource first: identical across
// thread counts and runs.
//
// Not done: a lexicographic optimum across tiers. Where a tier has several
// placements of equal count and distance, the one chosen may leave a later
// tier fewer places than another would; a
// later tier never takes a place from an earlier one.
#ifndef LAYAK_REFER_ASSIGN_H_
#define LAYAK_REFER_ASSIGN_H_

#include <cstdint>
#include <vector>

namespace layak::refer {

// One resource a demand may go to, with its distance (metres; the cost).
struct Candidate {
  int32_t resource = -1;
  int64_t cost = 0;
};

// One demand: a place at one of its candidates.
struct Demand {
  int32_t tier = 0;                   // lower goes first
  std::vector<Candidate> candidates;  // those that accept it and serve its place
};

// The result: per demand the resource it got, or -1 (waiting list).
struct Assignment {
  std::vector<int32_t> resource;
  std::vector<int64_t> load;  // places used per resource
};

// Assigns `demands` to resources with `capacity` places each (negative:
// unlimited).
Assignment Assign(const std::vector<Demand>& demands, const std::vector<int64_t>& capacity);

}  // namespace layak::refer

#endif  // LAYAK_REFER_ASSIGN_H_

// The min-cost flow behind the assignment (refer/assign.h), specialised to
// its shape: few resources (hundreds), many demand classes (up to a few
// hundred thousand), and tiers that join one after another.
//
// Successive shortest paths, with Dijkstra on reduced costs (potentials).
// A path runs source -> class -> resource, then possibly resource -> class
// (taking back some of that class's flow) -> another resource, and so on,
// to the sink. Class nodes are never visited on their own: the two arcs
// through a class are one arc between resources (their potentials cancel),
// and the source's arcs to the tier's classes are, per resource, one heap
// of the cheapest class with places still wanted. A shortest path search
// therefore costs about (resources + reroutable flows) whatever the number
// of classes, where a search over all classes made 110,000 classes take
// 44 s.
//
// After each tier its optimum is locked in (assign.h explains why this is
// the lexicographic optimum): arcs with a positive reduced cost close,
// classes keep only their tight arcs, and later tiers may only reach
// resources whose potential equals the sink's.
#ifndef LAYAK_REFER_TIER_FLOW_H_
#define LAYAK_REFER_TIER_FLOW_H_

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "refer/candidate_lists.h"

namespace layak::refer {

// The flow for one batch of demands, tier after tier.
class TierFlow {
 public:
  static constexpr int64_t kInf = std::numeric_limits<int64_t>::max() / 4;

  // Resources with `capacity` places each (negative: unlimited).
  explicit TierFlow(const std::vector<int64_t>& capacity);

  // Adds a class of the next tier: `count` demands, each wanting one of
  // `candidates`. Returns its id (classes are numbered in the order added).
  int32_t AddClass(int64_t count, absl::Span<const Candidate> candidates);
  // Places as many of the current tier's demands as possible at the least
  // distance, then locks that in; classes added next form the next tier.
  void RunTier();

  // Per arc of class `c`: (resource, cost, flow).
  struct ArcFlow {
    int32_t resource;
    int64_t cost, flow;
  };
  std::vector<ArcFlow> Flows(int32_t c) const;
  int64_t Load(int32_t r) const { return load_[static_cast<std::size_t>(r)]; }

 private:
  struct Arc {
    int32_t cls, r;
    int64_t cost, flow;
    bool enabled;  // the forward arc may carry more (closed when not tight after a tier)
    bool listed;   // in flowing_[r]
  };

  int64_t SourceTop(int32_t r);       // the cheapest wanting class's arc cost into r, or kInf
  bool Augment(int64_t pi_source);    // one shortest path; false when none is left
  void PushTight(int64_t pi_source);  // every direct path of reduced cost 0
  void MarkFlowing(int32_t a);
  void LockIn();

  std::vector<int64_t> cap_left_, load_, pi_;
  int64_t pi_sink_ = 0;
  std::vector<uint8_t> allowed_, sink_open_;
  std::vector<Arc> arcs_;
  std::vector<uint32_t> class_first_{0};                        // per class: its arcs [first, next first)
  std::vector<int64_t> supply_;                                 // per class: demands not placed yet (this tier's)
  int32_t tier_first_ = 0;                                      // the current tier's first class
  std::vector<int32_t> live_;                                   // earlier tiers' classes that still carry flow
  std::vector<std::vector<int32_t>> flowing_;                   // per resource: arcs with flow (may be stale)
  std::vector<std::vector<std::pair<int64_t, int32_t>>> heap_;  // per resource: (cost, arc), min-heap
  // Search scratch, per resource.
  std::vector<int64_t> dist_;
  std::vector<int32_t> via_from_, via_to_;  // reroute: arc given back, arc taken; source: -1, arc taken
  std::vector<uint8_t> done_;
  std::vector<std::pair<int64_t, int32_t>> queue_;  // (distance, resource), a min-heap
};

}  // namespace layak::refer

#endif  // LAYAK_REFER_TIER_FLOW_H_

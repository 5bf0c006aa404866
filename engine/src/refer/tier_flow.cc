#include "refer/tier_flow.h"

#include <algorithm>
#include <functional>

namespace layak::refer {
TierFlow::TierFlow(const std::vector<int64_t>& capacity)
    : load_(capacity.size(), 0),
      pi_(capacity.size(), 0),
      allowed_(capacity.size(), 1),
      sink_open_(capacity.size(), 1),
      flowing_(capacity.size()),
      heap_(capacity.size()),
      dist_(capacity.size()),
      via_from_(capacity.size()),
      via_to_(capacity.size()),
      done_(capacity.size()) {
  for (int64_t c : capacity) cap_left_.push_back(c < 0 ? kInf : c);
}

int32_t TierFlow::AddClass(int64_t count, absl::Span<const Candidate> candidates) {
  const auto c = static_cast<int32_t>(supply_.size());
  supply_.push_back(count);
  for (const Candidate& cand : candidates) {
    const auto r = static_cast<std::size_t>(cand.resource);
    if (!allowed_[r]) continue;
    const auto a = static_cast<int32_t>(arcs_.size());
    arcs_.push_back({c, cand.resource, cand.cost, 0, true, false});
    heap_[r].emplace_back(cand.cost, a);
    std::push_heap(heap_[r].begin(), heap_[r].end(), std::greater<>());
  }
  class_first_.push_back(static_cast<uint32_t>(arcs_.size()));
  return c;
}

int64_t TierFlow::SourceTop(int32_t r) {
  auto& h = heap_[static_cast<std::size_t>(r)];
  while (!h.empty()) {
    if (supply_[static_cast<std::size_t>(arcs_[static_cast<std::size_t>(h.front().second)].cls)] > 0) {
      return h.front().first;
    }
    std::pop_heap(h.begin(), h.end(), std::greater<>());
    h.pop_back();
  }
  return kInf;
}

void TierFlow::MarkFlowing(int32_t a) {
  Arc& arc = arcs_[static_cast<std::size_t>(a)];
  if (arc.flow > 0 && !arc.listed) {
    arc.listed = true;
    flowing_[static_cast<std::size_t>(arc.r)].push_back(a);
  }
}

void TierFlow::RunTier() {
  const auto n_res = static_cast<int32_t>(cap_left_.size());
  // The source's potential: high enough that every arc source -> class ->
  // resource of the tier has a nonnegative reduced cost.
  int64_t pi_source = std::numeric_limits<int64_t>::min();
  for (int32_t r = 0; r < n_res; ++r) {
    const int64_t top = SourceTop(r);
    if (top < kInf) pi_source = std::max(pi_source, pi_[static_cast<std::size_t>(r)] - top);
  }
  // Once every place is taken (a scarce directory fills in the first
  // tiers), no path can reach the sink: skip the search that would prove it.
  bool room = false;
  for (int32_t r = 0; r < n_res && !room; ++r) {
    room = sink_open_[static_cast<std::size_t>(r)] && cap_left_[static_cast<std::size_t>(r)] > 0;
  }
  if (room && pi_source != std::numeric_limits<int64_t>::min()) {
    while (Augment(pi_source)) {
    }
  }
  LockIn();
  tier_first_ = static_cast<int32_t>(supply_.size());
}

bool TierFlow::Augment(int64_t pi_source) {
  const std::size_t n_res = cap_left_.size();
  std::fill(dist_.begin(), dist_.end(), kInf);
  std::fill(done_.begin(), done_.end(), 0);
  queue_.clear();
  int64_t nearest = kInf;
  for (std::size_t r = 0; r < n_res; ++r) {
    const int64_t top = SourceTop(static_cast<int32_t>(r));
    if (top == kInf) continue;
    dist_[r] = pi_source + top - pi_[r];
    via_from_[r] = -1;
    via_to_[r] = heap_[r].front().second;
    queue_.emplace_back(dist_[r], static_cast<int32_t>(r));
    nearest = std::min(nearest, dist_[r]);
  }
  // The best direct path (source -> class -> resource with room -> sink)
  // bounds the search from the start: most paths are direct, and then only
  // resources nearer than it are searched for a reroute.
  int64_t d_sink = kInf;
  int32_t last = -1;
  for (std::size_t r = 0; r < n_res; ++r) {
    if (dist_[r] < kInf && sink_open_[r] && cap_left_[r] > 0 && dist_[r] + pi_[r] - pi_sink_ < d_sink) {
      d_sink = dist_[r] + pi_[r] - pi_sink_;
      last = static_cast<int32_t>(r);
    }
  }
  // A direct path as near as the nearest resource is a shortest path: no
  // search needed (every resource is then at least as far as the sink).
  if (d_sink != nearest) std::make_heap(queue_.begin(), queue_.end(), std::greater<>());
  while (d_sink != nearest && !queue_.empty()) {
    std::pop_heap(queue_.begin(), queue_.end(), std::greater<>());
    const auto [d, r] = queue_.back();
    queue_.pop_back();
    const auto ru = static_cast<std::size_t>(r);
    if (done_[ru] || d != dist_[ru]) continue;
    if (d >= d_sink) break;
    done_[ru] = 1;
    if (sink_open_[ru] && cap_left_[ru] > 0 && d + pi_[ru] - pi_sink_ < d_sink) {
      d_sink = d + pi_[ru] - pi_sink_;
      last = r;
    }
    if (d_sink == d) break;  // nothing left can come nearer: reduced costs are nonnegative
    // Reroutes: a class with flow into r takes one of its other arcs.
    std::vector<int32_t>& listed = flowing_[ru];
    for (std::size_t i = 0; i < listed.size();) {
      const int32_t a = listed[i];
      Arc& given = arcs_[static_cast<std::size_t>(a)];
      if (given.flow == 0) {
        given.listed = false;
        listed[i] = listed.back();
        listed.pop_back();
        continue;
      }
      ++i;
      const auto c = static_cast<std::size_t>(given.cls);
      for (uint32_t b = class_first_[c]; b < class_first_[c + 1]; ++b) {
        const Arc& taken = arcs_[b];
        const auto r2 = static_cast<std::size_t>(taken.r);
        if (!taken.enabled || static_cast<int32_t>(b) == a || done_[r2]) continue;
        const int64_t nd = d + taken.cost - given.cost + pi_[ru] - pi_[r2];
        if (nd < dist_[r2] && nd < d_sink) {
          dist_[r2] = nd;
          via_from_[r2] = a;
          via_to_[r2] = static_cast<int32_t>(b);
          queue_.emplace_back(nd, taken.r);
          std::push_heap(queue_.begin(), queue_.end(), std::greater<>());
        }
      }
    }
  }
  if (last < 0) return false;
  // The most the path can carry: the last resource's places, each flow it
  // takes back, the first class's demands left.
  int64_t push = cap_left_[static_cast<std::size_t>(last)];
  for (int32_t r = last;;) {
    const int32_t a = via_from_[static_cast<std::size_t>(r)];
    if (a < 0) {
      const Arc& first = arcs_[static_cast<std::size_t>(via_to_[static_cast<std::size_t>(r)])];
      push = std::min(push, supply_[static_cast<std::size_t>(first.cls)]);
      break;
    }
    push = std::min(push, arcs_[static_cast<std::size_t>(a)].flow);
    r = arcs_[static_cast<std::size_t>(a)].r;
  }
  if (cap_left_[static_cast<std::size_t>(last)] < kInf) cap_left_[static_cast<std::size_t>(last)] -= push;
  load_[static_cast<std::size_t>(last)] += push;
  for (int32_t r = last;;) {
    const int32_t b = via_to_[static_cast<std::size_t>(r)], a = via_from_[static_cast<std::size_t>(r)];
    arcs_[static_cast<std::size_t>(b)].flow += push;
    MarkFlowing(b);
    if (a < 0) {
      supply_[static_cast<std::size_t>(arcs_[static_cast<std::size_t>(b)].cls)] -= push;
      break;
    }
    arcs_[static_cast<std::size_t>(a)].flow -= push;
    r = arcs_[static_cast<std::size_t>(a)].r;
  }
  // Potentials: shortest distances capped at the sink's keep every residual
  // arc's reduced cost nonnegative.
  for (std::size_t r = 0; r < n_res; ++r) pi_[r] += done_[r] ? dist_[r] : d_sink;
  pi_sink_ += d_sink;
  PushTight(pi_source);
  return true;
}

void TierFlow::PushTight(int64_t pi_source) {
  // Direct paths of reduced cost 0 are shortest paths too (no reduced cost
  // is negative): fill them without another search. Places at one distance
  // are common (a desa's classes are all as far from a resource), so many
  // paths go this way.
  for (std::size_t r = 0; r < cap_left_.size(); ++r) {
    if (!sink_open_[r] || pi_[r] != pi_sink_) continue;
    while (cap_left_[r] > 0) {
      const int64_t top = SourceTop(static_cast<int32_t>(r));
      if (top == kInf || pi_source + top != pi_[r]) break;
      const int32_t a = heap_[r].front().second;
      Arc& arc = arcs_[static_cast<std::size_t>(a)];
      int64_t& supply = supply_[static_cast<std::size_t>(arc.cls)];
      const int64_t push = std::min(supply, cap_left_[r]);
      arc.flow += push;
      MarkFlowing(a);
      supply -= push;
      if (cap_left_[r] < kInf) cap_left_[r] -= push;
      load_[r] += push;
    }
  }
}

void TierFlow::LockIn() {
  // The tier's demands not placed stay so; its classes' flows may still be
  // rerouted by later tiers, but only along tight arcs (class potential:
  // that of a resource it flows to, less the arc's cost). A class left
  // without flow is closed for good, so only the classes that carried flow
  // after the last tier and this tier's are looked at: many tiers (a
  // priority with hundreds of values) cost no pass over every class.
  const auto n = static_cast<int32_t>(supply_.size());
  for (int32_t c = tier_first_; c < n; ++c) supply_[static_cast<std::size_t>(c)] = 0;
  std::vector<int32_t> live;
  auto visit = [&](int32_t c) {
    const auto cu = static_cast<std::size_t>(c);
    int64_t pi_class = 0;
    bool flows = false;
    for (uint32_t a = class_first_[cu]; a < class_first_[cu + 1] && !flows; ++a) {
      if (arcs_[a].flow > 0) {
        pi_class = pi_[static_cast<std::size_t>(arcs_[a].r)] - arcs_[a].cost;
        flows = true;
      }
    }
    for (uint32_t a = class_first_[cu]; a < class_first_[cu + 1]; ++a) {
      Arc& arc = arcs_[a];
      arc.enabled = arc.enabled && flows && arc.cost + pi_class - pi_[static_cast<std::size_t>(arc.r)] == 0;
    }
    if (flows) live.push_back(c);
  };
  for (int32_t c : live_) visit(c);
  for (int32_t c = tier_first_; c < n; ++c) visit(c);
  live_ = std::move(live);
  for (std::size_t r = 0; r < cap_left_.size(); ++r) {
    if (pi_[r] > pi_sink_) sink_open_[r] = 0;
    if (pi_[r] != pi_sink_) allowed_[r] = 0;
    heap_[r].clear();
    for (int32_t a : flowing_[r]) arcs_[static_cast<std::size_t>(a)].listed = false;
    flowing_[r].clear();
  }
  // Only flows that can move are worth looking at again.
  for (int32_t c : live_) {
    const auto cu = static_cast<std::size_t>(c);
    int open = 0;
    for (uint32_t a = class_first_[cu]; a < class_first_[cu + 1]; ++a) open += arcs_[a].enabled ? 1 : 0;
    if (open < 2) continue;
    for (uint32_t a = class_first_[cu]; a < class_first_[cu + 1]; ++a) MarkFlowing(static_cast<int32_t>(a));
  }
}

std::vector<TierFlow::ArcFlow> TierFlow::Flows(int32_t c) const {
  std::vector<ArcFlow> out;
  for (uint32_t a = class_first_[static_cast<std::size_t>(c)]; a < class_first_[static_cast<std::size_t>(c) + 1]; ++a) {
    if (arcs_[a].flow > 0) out.push_back({arcs_[a].r, arcs_[a].cost, arcs_[a].flow});
  }
  return out;
}

}  // namespace layak::refer

// Assign: demand classes per tier, then one min-cost flow graph that tiers
// join in order (refer/tier_flow.h). After each tier, its optimality is locked in: residual
// arcs with a positive reduced cost (under shortest-path potentials of the
// residual graph) are removed, the tier's source arcs are fixed, and later
// tiers may only reach resources whose potential equals the sink's. Any
// later augmenting path then moves earlier flow only along zero-reduced-
// cost arcs between points of equal potential, which changes no earlier
// tier's count or distance: the result is the lexicographic optimum.
#include "refer/assign.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "refer/tier_flow.h"

namespace layak::refer {
namespace {

// Demands grouped by (tier, list): tiers ascending, classes of a tier in
// order of first appearance, each class's demands in input order.
struct Classes {
  std::vector<int32_t> tier_first;  // per tier (and one past): its first class
  std::vector<int32_t> list;        // per class
  std::vector<uint32_t> first;      // per class (and one past): offset in `members`
  std::vector<uint32_t> members;    // demand indexes
};

// Tier values to their rank among those present: a table over the
// values' range when it is small (priorities are 0..999 within urgencies),
// else a binary search.
class TierIndex {
 public:
  explicit TierIndex(const std::vector<ListDemand>& demands) {
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (const ListDemand& d : demands) {
      if (d.list < 0) continue;
      lo = std::min(lo, d.tier);
      hi = std::max(hi, d.tier);
    }
    if (lo > hi) return;
    lo_ = lo;
    if (static_cast<int64_t>(hi) - lo < (int64_t{1} << 20)) {
      dense_.assign(static_cast<std::size_t>(hi - lo) + 1, -1);
      for (const ListDemand& d : demands) {
        if (d.list >= 0) dense_[static_cast<std::size_t>(d.tier - lo)] = 0;
      }
      for (std::size_t v = 0; v < dense_.size(); ++v) {
        if (dense_[v] < 0) continue;
        dense_[v] = static_cast<int32_t>(values_.size());
        values_.push_back(lo + static_cast<int32_t>(v));
      }
      return;
    }
    absl::flat_hash_map<int32_t, bool> seen;
    for (const ListDemand& d : demands) {
      if (d.list >= 0 && seen.try_emplace(d.tier, true).second) values_.push_back(d.tier);
    }
    std::sort(values_.begin(), values_.end());
  }

  std::size_t size() const { return values_.size(); }
  uint32_t operator()(int32_t tier) const {
    if (!dense_.empty()) return static_cast<uint32_t>(dense_[static_cast<std::size_t>(tier - lo_)]);
    return static_cast<uint32_t>(std::lower_bound(values_.begin(), values_.end(), tier) - values_.begin());
  }

 private:
  int32_t lo_ = 0;
  std::vector<int32_t> dense_;
  std::vector<int32_t> values_;
};

Classes Group(const std::vector<ListDemand>& demands, int32_t n_lists) {
  const TierIndex tier_of(demands);
  const std::size_t n_tiers = tier_of.size();
  // Classes numbered per tier in order of first appearance, then renumbered
  // tier by tier. (tier, list) -> class in tier: a table when it is small
  // (a few tiers times the lists met), else a hash map.
  const bool table = static_cast<uint64_t>(n_tiers) * static_cast<uint64_t>(n_lists) <= (uint64_t{1} << 22);
  std::vector<int32_t> class_of(table ? n_tiers * static_cast<std::size_t>(n_lists) : 0, -1);
  absl::flat_hash_map<uint64_t, int32_t> class_map;
  std::vector<std::vector<int32_t>> lists(n_tiers);
  std::vector<std::pair<uint32_t, int32_t>> local(demands.size(), {0, -1});  // (tier index, class in tier)
  for (std::size_t d = 0; d < demands.size(); ++d) {
    const int32_t list = demands[d].list;
    if (list < 0) continue;
    const uint32_t t = tier_of(demands[d].tier);
    int32_t* cls = nullptr;
    if (table) {
      cls = &class_of[static_cast<std::size_t>(t) * static_cast<std::size_t>(n_lists) + static_cast<std::size_t>(list)];
    } else {
      cls = &class_map.try_emplace((static_cast<uint64_t>(t) << 32) | static_cast<uint32_t>(list), -1).first->second;
    }
    if (*cls < 0) {
      *cls = static_cast<int32_t>(lists[t].size());
      lists[t].push_back(list);
    }
    local[d] = {t, *cls};
  }
  Classes out;
  std::vector<int32_t> base(n_tiers + 1, 0);
  for (std::size_t t = 0; t < n_tiers; ++t) {
    base[t + 1] = base[t] + static_cast<int32_t>(lists[t].size());
    out.list.insert(out.list.end(), lists[t].begin(), lists[t].end());
  }
  out.tier_first = base;
  std::vector<uint32_t> count(out.list.size() + 1, 0);
  for (const auto& [t, c] : local) {
    if (c >= 0) ++count[static_cast<std::size_t>(base[t] + c) + 1];
  }
  for (std::size_t c = 1; c < count.size(); ++c) count[c] += count[c - 1];
  out.first = count;
  out.members.resize(count.back());
  for (std::size_t d = 0; d < demands.size(); ++d) {
    if (local[d].second >= 0) {
      const int32_t cls = base[local[d].first] + local[d].second;
      out.members[count[static_cast<std::size_t>(cls)]++] = static_cast<uint32_t>(d);
    }
  }
  return out;
}

// Resources in components joined by classes' candidate lists.
struct Components {
  std::vector<int32_t> of;                      // per resource: its component
  std::vector<int32_t> local;                   // per resource: its index there
  std::vector<std::vector<int32_t>> resources;  // per component: its resources, ascending
};

Components Split(const Classes& classes, const CandidateLists& lists, std::size_t n_res) {
  std::vector<int32_t> parent(n_res);
  for (std::size_t r = 0; r < n_res; ++r) parent[r] = static_cast<int32_t>(r);
  auto find = [&](int32_t r) {
    while (parent[static_cast<std::size_t>(r)] != r) {
      parent[static_cast<std::size_t>(r)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(r)])];
      r = parent[static_cast<std::size_t>(r)];
    }
    return r;
  };
  for (int32_t list : classes.list) {
    absl::Span<const Candidate> cands = lists.list(list);
    for (std::size_t i = 1; i < cands.size(); ++i) {
      const int32_t a = find(cands[0].resource), b = find(cands[i].resource);
      if (a != b) parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
    }
  }
  Components out;
  out.of.assign(n_res, -1);
  out.local.assign(n_res, -1);
  std::vector<int32_t> index(n_res, -1);  // per root: its component
  for (std::size_t r = 0; r < n_res; ++r) {
    const auto root = static_cast<std::size_t>(find(static_cast<int32_t>(r)));
    if (index[root] < 0) {
      index[root] = static_cast<int32_t>(out.resources.size());
      out.resources.emplace_back();
    }
    const int32_t k = index[root];
    out.of[r] = k;
    out.local[r] = static_cast<int32_t>(out.resources[static_cast<std::size_t>(k)].size());
    out.resources[static_cast<std::size_t>(k)].push_back(static_cast<int32_t>(r));
  }
  return out;
}

}  // namespace

Assignment Assign(const std::vector<ListDemand>& demands, const CandidateLists& lists,
                  const std::vector<int64_t>& capacity) {
  Assignment out;
  out.resource.assign(demands.size(), -1);
  out.load.assign(capacity.size(), 0);
  const Classes classes = Group(demands, lists.size());
  out.classes = classes.list.size();
  out.tiers = classes.tier_first.empty() ? 0 : classes.tier_first.size() - 1;
  // Resources joined by some class's candidates form a component; the
  // components' flows are independent (a quota's pool shares no class with
  // anything else), and the lexicographic optimum of the whole is theirs
  // together, so each is solved over its own resources only.
  const Components parts = Split(classes, lists, capacity.size());
  std::vector<TierFlow> flows;
  flows.reserve(parts.resources.size());
  for (const std::vector<int32_t>& rs : parts.resources) {
    std::vector<int64_t> cap;
    cap.reserve(rs.size());
    for (int32_t r : rs) cap.push_back(capacity[static_cast<std::size_t>(r)]);
    flows.emplace_back(cap);
  }
  std::vector<std::pair<int32_t, int32_t>> where(classes.list.size());  // class -> (component, its class there)
  std::vector<Candidate> local;
  std::vector<int32_t> touched;
  for (std::size_t t = 0; t + 1 < classes.tier_first.size(); ++t) {
    touched.clear();
    for (int32_t c = classes.tier_first[t]; c < classes.tier_first[t + 1]; ++c) {
      const auto cu = static_cast<std::size_t>(c);
      absl::Span<const Candidate> cands = lists.list(classes.list[cu]);
      const int32_t k = parts.of[static_cast<std::size_t>(cands[0].resource)];
      local.clear();
      for (const Candidate& x : cands) local.push_back({parts.local[static_cast<std::size_t>(x.resource)], x.cost});
      where[cu] = {k, flows[static_cast<std::size_t>(k)].AddClass(classes.first[cu + 1] - classes.first[cu], local)};
      if (touched.empty() || touched.back() != k) touched.push_back(k);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (int32_t k : touched) flows[static_cast<std::size_t>(k)].RunTier();
  }
  // Places of each class go to its demands in input order, nearest first.
  for (std::size_t c = 0; c < classes.list.size(); ++c) {
    const auto [k, lc] = where[c];
    std::vector<TierFlow::ArcFlow> arcs = flows[static_cast<std::size_t>(k)].Flows(lc);
    for (TierFlow::ArcFlow& arc : arcs) {
      arc.resource = parts.resources[static_cast<std::size_t>(k)][static_cast<std::size_t>(arc.resource)];
    }
    std::sort(arcs.begin(), arcs.end(), [](const TierFlow::ArcFlow& a, const TierFlow::ArcFlow& b) {
      return a.cost != b.cost ? a.cost < b.cost : a.resource < b.resource;
    });
    uint32_t next = classes.first[c];
    for (const TierFlow::ArcFlow& arc : arcs) {
      for (int64_t n = arc.flow; n > 0 && next < classes.first[c + 1]; --n) {
        out.resource[classes.members[next++]] = arc.resource;
      }
    }
  }
  for (std::size_t k = 0; k < flows.size(); ++k) {
    const std::vector<int32_t>& rs = parts.resources[k];
    for (std::size_t i = 0; i < rs.size(); ++i) {
      out.load[static_cast<std::size_t>(rs[i])] = flows[k].Load(static_cast<int32_t>(i));
    }
  }
  return out;
}

Assignment Assign(const std::vector<Demand>& demands, const std::vector<int64_t>& capacity) {
  CandidateLists lists;
  std::vector<ListDemand> by_list;
  by_list.reserve(demands.size());
  for (const Demand& d : demands) {
    by_list.push_back({d.tier, d.candidates.empty() ? -1 : lists.Intern(d.candidates)});
  }
  return Assign(by_list, lists, capacity);
}

}  // namespace layak::refer

// Assign: demand classes per tier, then one min-cost flow graph that tiers
// join in order. After each tier, its optimality is locked in: residual
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
#include <tuple>

#include "absl/container/flat_hash_map.h"

namespace layak::refer {
namespace {

constexpr int64_t kInf = std::numeric_limits<int64_t>::max() / 4;

// A small min-cost flow graph: successive shortest paths with SPFA
// (Bellman-Ford with a queue), since residual costs can be negative.
class Flow {
 public:
  explicit Flow(int nodes) : adj_(static_cast<std::size_t>(nodes)) {}

  int AddEdge(int from, int to, int64_t cap, int64_t cost) {
    adj_[static_cast<std::size_t>(from)].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({from, to, cap, cost, 0});
    adj_[static_cast<std::size_t>(to)].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({to, from, 0, -cost, 0});
    return static_cast<int>(edges_.size()) - 2;
  }

  // Pushes as much as the residual graph allows from s to t, cheapest paths first.
  void Run(int s, int t) {
    const std::size_t n = adj_.size();
    std::vector<int64_t> dist(n);
    std::vector<int> via(n);
    std::vector<uint8_t> queued(n);
    std::vector<int> queue;
    for (;;) {
      std::fill(dist.begin(), dist.end(), kInf);
      std::fill(via.begin(), via.end(), -1);
      std::fill(queued.begin(), queued.end(), 0);
      dist[static_cast<std::size_t>(s)] = 0;
      queue.assign(1, s);
      queued[static_cast<std::size_t>(s)] = 1;
      for (std::size_t head = 0; head < queue.size(); ++head) {
        int u = queue[head];
        queued[static_cast<std::size_t>(u)] = 0;
        for (int e : adj_[static_cast<std::size_t>(u)]) {
          const Edge& ed = edges_[static_cast<std::size_t>(e)];
          if (ed.cap <= 0) continue;
          int64_t nd = dist[static_cast<std::size_t>(u)] + ed.cost;
          if (nd < dist[static_cast<std::size_t>(ed.to)]) {
            dist[static_cast<std::size_t>(ed.to)] = nd;
            via[static_cast<std::size_t>(ed.to)] = e;
            if (!queued[static_cast<std::size_t>(ed.to)]) {
              queued[static_cast<std::size_t>(ed.to)] = 1;
              queue.push_back(ed.to);
            }
          }
        }
      }
      if (dist[static_cast<std::size_t>(t)] == kInf) return;
      int64_t push = kInf;
      for (int v = t; v != s; v = edges_[static_cast<std::size_t>(via[static_cast<std::size_t>(v)])].from) {
        push = std::min(push, edges_[static_cast<std::size_t>(via[static_cast<std::size_t>(v)])].cap);
      }
      for (int v = t; v != s;) {
        int e = via[static_cast<std::size_t>(v)];
        edges_[static_cast<std::size_t>(e)].cap -= push;
        edges_[static_cast<std::size_t>(e ^ 1)].cap += push;
        edges_[static_cast<std::size_t>(e)].flow += push;
        edges_[static_cast<std::size_t>(e ^ 1)].flow -= push;
        v = edges_[static_cast<std::size_t>(e)].from;
      }
    }
  }

  // Shortest distances in the residual graph from a virtual root joined to
  // every node at cost 0: potentials under which no residual arc is negative.
  std::vector<int64_t> Potentials() const {
    std::vector<int64_t> d(adj_.size(), 0);
    for (std::size_t round = 0; round <= adj_.size(); ++round) {
      bool changed = false;
      for (const Edge& e : edges_) {
        if (e.cap > 0 && d[static_cast<std::size_t>(e.from)] + e.cost < d[static_cast<std::size_t>(e.to)]) {
          d[static_cast<std::size_t>(e.to)] = d[static_cast<std::size_t>(e.from)] + e.cost;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return d;
  }

  // Removes residual arcs that no optimal rerouting of the flow so far may use.
  void KeepOptimalFace(const std::vector<int64_t>& pi) {
    for (Edge& e : edges_) {
      if (e.cap > 0 && e.cost + pi[static_cast<std::size_t>(e.from)] - pi[static_cast<std::size_t>(e.to)] > 0) {
        e.cap = 0;
      }
    }
  }

  // Closes edge `e` and its reverse: the flow on it is fixed.
  void Fix(int e) {
    edges_[static_cast<std::size_t>(e)].cap = 0;
    edges_[static_cast<std::size_t>(e ^ 1)].cap = 0;
  }

  int64_t FlowOn(int e) const { return edges_[static_cast<std::size_t>(e)].flow; }

 private:
  struct Edge {
    int from, to;
    int64_t cap, cost, flow;
  };
  std::vector<Edge> edges_;
  std::vector<std::vector<int>> adj_;
};

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

}  // namespace

Assignment Assign(const std::vector<ListDemand>& demands, const CandidateLists& lists,
                  const std::vector<int64_t>& capacity) {
  Assignment out;
  out.resource.assign(demands.size(), -1);
  out.load.assign(capacity.size(), 0);
  const Classes classes = Group(demands, lists.size());
  const int n_classes = static_cast<int>(classes.list.size());
  const int n_res = static_cast<int>(capacity.size());
  const int source = 0, resource0 = 1 + n_classes, sink = resource0 + n_res;
  Flow flow(sink + 1);
  std::vector<int> res_edge(static_cast<std::size_t>(n_res));
  for (int r = 0; r < n_res; ++r) {
    int64_t cap = capacity[static_cast<std::size_t>(r)];
    res_edge[static_cast<std::size_t>(r)] = flow.AddEdge(resource0 + r, sink, cap < 0 ? kInf : cap, 0);
  }
  std::vector<uint8_t> allowed(static_cast<std::size_t>(n_res), 1);
  // Per class: its arcs to resources (edge, resource, cost).
  std::vector<std::vector<std::tuple<int, int32_t, int64_t>>> arcs(static_cast<std::size_t>(n_classes));
  for (std::size_t t = 0; t + 1 < classes.tier_first.size(); ++t) {
    std::vector<int> source_edges;
    for (int32_t c = classes.tier_first[t]; c < classes.tier_first[t + 1]; ++c) {
      const int node = 1 + c;
      const auto cu = static_cast<std::size_t>(c);
      source_edges.push_back(flow.AddEdge(source, node, classes.first[cu + 1] - classes.first[cu], 0));
      for (const Candidate& cand : lists.list(classes.list[cu])) {
        if (allowed[static_cast<std::size_t>(cand.resource)]) {
          arcs[cu].emplace_back(flow.AddEdge(node, resource0 + cand.resource, kInf, cand.cost), cand.resource,
                                cand.cost);
        }
      }
    }
    flow.Run(source, sink);
    // Lock this tier's optimum in before the next tier joins.
    std::vector<int64_t> pi = flow.Potentials();
    flow.KeepOptimalFace(pi);
    for (int e : source_edges) flow.Fix(e);
    for (int r = 0; r < n_res; ++r) {
      const int node = resource0 + r;
      if (pi[static_cast<std::size_t>(node)] != pi[static_cast<std::size_t>(sink)]) {
        allowed[static_cast<std::size_t>(r)] = 0;
      }
    }
  }
  // Places of each class go to its demands in input order, nearest first.
  for (std::size_t c = 0; c < arcs.size(); ++c) {
    auto& edges = arcs[c];
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
      return std::get<2>(a) != std::get<2>(b) ? std::get<2>(a) < std::get<2>(b) : std::get<1>(a) < std::get<1>(b);
    });
    uint32_t next = classes.first[c];
    for (const auto& [e, res, cost] : edges) {
      for (int64_t k = flow.FlowOn(e); k > 0 && next < classes.first[c + 1]; --k) {
        out.resource[classes.members[next++]] = res;
      }
    }
  }
  for (int r = 0; r < n_res; ++r) {
    out.load[static_cast<std::size_t>(r)] = flow.FlowOn(res_edge[static_cast<std::size_t>(r)]);
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

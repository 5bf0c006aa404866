// Assign: tiers in order; per tier, demand classes and a min-cost max-flow.
#include "refer/assign.h"

#include <algorithm>
#include <limits>
#include <map>

#include "absl/container/flat_hash_map.h"

namespace layak::refer {
namespace {

constexpr int64_t kInf = std::numeric_limits<int64_t>::max() / 4;

// A small min-cost flow graph (successive shortest paths, Bellman-Ford).
class Flow {
 public:
  explicit Flow(int nodes) : adj_(static_cast<std::size_t>(nodes)) {}

  int AddEdge(int from, int to, int64_t cap, int64_t cost) {
    adj_[static_cast<std::size_t>(from)].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({to, cap, cost});
    adj_[static_cast<std::size_t>(to)].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({from, 0, -cost});
    return static_cast<int>(edges_.size()) - 2;
  }

  // Maximum flow from s to t at minimum cost.
  void Run(int s, int t) {
    const std::size_t n = adj_.size();
    std::vector<int64_t> dist(n);
    std::vector<int> via(n);
    std::vector<uint8_t> queued(n);
    for (;;) {
      std::fill(dist.begin(), dist.end(), kInf);
      std::fill(via.begin(), via.end(), -1);
      dist[static_cast<std::size_t>(s)] = 0;
      // SPFA: Bellman-Ford with a queue; the graph is small.
      std::vector<int> queue = {s};
      std::fill(queued.begin(), queued.end(), 0);
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
      for (int v = t; v != s;) {
        const Edge& ed = edges_[static_cast<std::size_t>(via[static_cast<std::size_t>(v)])];
        push = std::min(push, ed.cap);
        v = edges_[static_cast<std::size_t>(via[static_cast<std::size_t>(v)] ^ 1)].to;
      }
      for (int v = t; v != s;) {
        int e = via[static_cast<std::size_t>(v)];
        edges_[static_cast<std::size_t>(e)].cap -= push;
        edges_[static_cast<std::size_t>(e ^ 1)].cap += push;
        v = edges_[static_cast<std::size_t>(e ^ 1)].to;
      }
    }
  }

  // Flow on edge `e` (added with AddEdge).
  int64_t FlowOn(int e) const { return edges_[static_cast<std::size_t>(e ^ 1)].cap; }

 private:
  struct Edge {
    int to;
    int64_t cap, cost;
  };
  std::vector<Edge> edges_;
  std::vector<std::vector<int>> adj_;
};

}  // namespace

Assignment Assign(const std::vector<Demand>& demands, const std::vector<int64_t>& capacity) {
  Assignment out;
  out.resource.assign(demands.size(), -1);
  out.load.assign(capacity.size(), 0);
  std::vector<int64_t> left(capacity.size());
  for (std::size_t r = 0; r < capacity.size(); ++r) left[r] = capacity[r] < 0 ? kInf : capacity[r];
  std::map<int32_t, std::vector<std::size_t>> tiers;
  for (std::size_t d = 0; d < demands.size(); ++d) {
    if (!demands[d].candidates.empty()) tiers[demands[d].tier].push_back(d);
  }
  for (const auto& [tier, members] : tiers) {
    // Classes: demands with identical candidates and costs, found by a hash
    // of the candidate list and confirmed by comparing it (no key copies).
    std::vector<std::pair<std::vector<std::pair<int32_t, int64_t>>, std::vector<std::size_t>>> classes;
    absl::flat_hash_map<uint64_t, std::vector<std::size_t>> by_hash;  // hash -> class indexes
    std::vector<std::pair<int32_t, int64_t>> key;
    for (std::size_t d : members) {
      key.clear();
      for (const Candidate& c : demands[d].candidates) key.emplace_back(c.resource, c.cost);
      if (!std::is_sorted(key.begin(), key.end())) std::sort(key.begin(), key.end());
      uint64_t h = 1469598103934665603ULL;
      for (const auto& [res, cost] : key) {
        h = (h ^ static_cast<uint64_t>(res)) * 1099511628211ULL;
        h = (h ^ static_cast<uint64_t>(cost)) * 1099511628211ULL;
      }
      std::vector<std::size_t>& same = by_hash[h];
      bool placed = false;
      for (std::size_t ci : same) {
        if (classes[ci].first == key) {
          classes[ci].second.push_back(d);
          placed = true;
          break;
        }
      }
      if (!placed) {
        same.push_back(classes.size());
        classes.push_back({key, {d}});
      }
    }
    const int n_classes = static_cast<int>(classes.size());
    const int n_res = static_cast<int>(capacity.size());
    const int source = 0, sink = 1 + n_classes + n_res;
    Flow flow(sink + 1);
    std::vector<std::vector<std::pair<int, int32_t>>> class_edges;  // (edge, resource)
    int ci = 0;
    for (const auto& [key, list] : classes) {
      flow.AddEdge(source, 1 + ci, static_cast<int64_t>(list.size()), 0);
      auto& edges = class_edges.emplace_back();
      for (const auto& [res, cost] : key) {
        edges.emplace_back(flow.AddEdge(1 + ci, 1 + n_classes + res, kInf, cost), res);
      }
      ++ci;
    }
    std::vector<int> res_edge(static_cast<std::size_t>(n_res));
    for (int r = 0; r < n_res; ++r) {
      res_edge[static_cast<std::size_t>(r)] =
          flow.AddEdge(1 + n_classes + r, sink, left[static_cast<std::size_t>(r)], 0);
    }
    flow.Run(source, sink);
    // Places of each class go to its demands in input order, nearest first.
    ci = 0;
    for (const auto& cls : classes) {
      // (A structured binding is not captured by the lambda: clang 14 refuses it.)
      const std::vector<std::pair<int32_t, int64_t>>& key = cls.first;
      const std::vector<std::size_t>& list = cls.second;
      std::size_t next = 0;
      auto edges = class_edges[static_cast<std::size_t>(ci)];
      std::sort(edges.begin(), edges.end(), [&key](const auto& a, const auto& b) {
        int64_t ca = 0, cb = 0;
        for (const auto& [res, cost] : key) {
          if (res == a.second) ca = cost;
          if (res == b.second) cb = cost;
        }
        return ca != cb ? ca < cb : a.second < b.second;
      });
      for (const auto& [e, res] : edges) {
        for (int64_t k = flow.FlowOn(e); k > 0 && next < list.size(); --k) out.resource[list[next++]] = res;
      }
      ++ci;
    }
    for (int r = 0; r < n_res; ++r) {
      int64_t used = flow.FlowOn(res_edge[static_cast<std::size_t>(r)]);
      out.load[static_cast<std::size_t>(r)] += used;
      left[static_cast<std::size_t>(r)] -= used;
    }
  }
  return out;
}

}  // namespace layak::refer

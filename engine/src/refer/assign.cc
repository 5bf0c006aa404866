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
#include <limits>
#include <map>
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

using Key = std::vector<std::pair<int32_t, int64_t>>;

// Demands of one tier with identical candidates and costs, found by a hash
// of the candidate list and confirmed by comparing it.
std::vector<std::pair<Key, std::vector<std::size_t>>> Classes(const std::vector<Demand>& demands,
                                                              const std::vector<std::size_t>& members) {
  std::vector<std::pair<Key, std::vector<std::size_t>>> classes;
  absl::flat_hash_map<uint64_t, std::vector<std::size_t>> by_hash;
  Key key;
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
  return classes;
}

}  // namespace

Assignment Assign(const std::vector<Demand>& demands, const std::vector<int64_t>& capacity) {
  Assignment out;
  out.resource.assign(demands.size(), -1);
  out.load.assign(capacity.size(), 0);
  std::map<int32_t, std::vector<std::size_t>> tiers;
  for (std::size_t d = 0; d < demands.size(); ++d) {
    if (!demands[d].candidates.empty()) tiers[demands[d].tier].push_back(d);
  }
  std::vector<std::vector<std::pair<Key, std::vector<std::size_t>>>> classes;
  int n_classes = 0;
  for (const auto& [tier, members] : tiers) {
    classes.push_back(Classes(demands, members));
    n_classes += static_cast<int>(classes.back().size());
  }
  const int n_res = static_cast<int>(capacity.size());
  const int source = 0, resource0 = 1 + n_classes, sink = resource0 + n_res;
  Flow flow(sink + 1);
  std::vector<int> res_edge(static_cast<std::size_t>(n_res));
  for (int r = 0; r < n_res; ++r) {
    int64_t cap = capacity[static_cast<std::size_t>(r)];
    res_edge[static_cast<std::size_t>(r)] = flow.AddEdge(resource0 + r, sink, cap < 0 ? kInf : cap, 0);
  }
  std::vector<uint8_t> allowed(static_cast<std::size_t>(n_res), 1);
  // Per tier, per class: its arcs to resources (edge, resource, cost).
  std::vector<std::vector<std::vector<std::tuple<int, int32_t, int64_t>>>> arcs(classes.size());
  int node = 1;
  for (std::size_t t = 0; t < classes.size(); ++t) {
    std::vector<int> source_edges;
    for (const auto& cls : classes[t]) {
      source_edges.push_back(flow.AddEdge(source, node, static_cast<int64_t>(cls.second.size()), 0));
      auto& edges = arcs[t].emplace_back();
      for (const auto& [res, cost] : cls.first) {
        if (allowed[static_cast<std::size_t>(res)]) {
          edges.emplace_back(flow.AddEdge(node, resource0 + res, kInf, cost), res, cost);
        }
      }
      ++node;
    }
    flow.Run(source, sink);
    // Lock this tier's optimum in before the next tier joins.
    std::vector<int64_t> pi = flow.Potentials();
    flow.KeepOptimalFace(pi);
    for (int e : source_edges) flow.Fix(e);
    for (int r = 0; r < n_res; ++r) {
      if (pi[static_cast<std::size_t>(resource0 + r)] != pi[static_cast<std::size_t>(sink)]) {
        allowed[static_cast<std::size_t>(r)] = 0;
      }
    }
  }
  // Places of each class go to its demands in input order, nearest first.
  for (std::size_t t = 0; t < classes.size(); ++t) {
    for (std::size_t c = 0; c < classes[t].size(); ++c) {
      auto edges = arcs[t][c];
      std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
        return std::get<2>(a) != std::get<2>(b) ? std::get<2>(a) < std::get<2>(b) : std::get<1>(a) < std::get<1>(b);
      });
      const std::vector<std::size_t>& list = classes[t][c].second;
      std::size_t next = 0;
      for (const auto& [e, res, cost] : edges) {
        for (int64_t k = flow.FlowOn(e); k > 0 && next < list.size(); --k) out.resource[list[next++]] = res;
      }
    }
  }
  for (int r = 0; r < n_res; ++r)
    out.load[static_cast<std::size_t>(r)] = flow.FlowOn(res_edge[static_cast<std::size_t>(r)]);
  return out;
}

}  // namespace layak::refer

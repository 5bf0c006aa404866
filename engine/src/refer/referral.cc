// Refer: the evaluator runs the plan with the needs' conditions, the
// resources' accepts rules and the programs' priorities as extra roots;
// ranges of households are ranked on threads (refer/rank.h), joined in
// input order, and with assignment placed under capacity (refer/assign.h).
#include "refer/referral.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "absl/strings/str_cat.h"
#include "eval/plan.h"
#include "refer/assign.h"
#include "refer/directory.h"
#include "refer/quota.h"
#include "refer/rank.h"
#include "run/runner.h"

namespace layak::refer {
namespace {

// Extra roots: needs, then accepts rules, then priorities.
struct Roots {
  std::vector<ir::NodeId> nodes;
  std::vector<int> accepts, priority;  // per resource / program: index in nodes, or -1
};

Roots ReferRoots(const ir::Module& m) {
  Roots out;
  for (const ir::Need& n : m.needs) out.nodes.push_back(n.when);
  out.accepts.assign(m.resources.size(), -1);
  out.priority.assign(m.programs.size(), -1);
  for (std::size_t r = 0; r < m.resources.size(); ++r) {
    if (m.resources[r].accepts >= 0) {
      out.accepts[r] = static_cast<int>(out.nodes.size());
      out.nodes.push_back(m.resources[r].accepts);
    }
  }
  for (std::size_t p = 0; p < m.programs.size(); ++p) {
    if (m.programs[p].priority >= 0 && m.programs[p].unit == ir::Scope::kHousehold) {
      out.priority[p] = static_cast<int>(out.nodes.size());
      out.nodes.push_back(m.programs[p].priority);
    }
  }
  return out;
}

// Per quota, per household of [first, end): its pool, made in input order
// so that the pools' numbering does not depend on threads; the pools join
// the result's resources.
std::vector<std::vector<int32_t>> MakePools(const ir::Module& m, QuotaPools& pools, std::size_t first, std::size_t end,
                                            std::vector<int32_t>* pool_resource, ReferResult* out) {
  std::vector<std::vector<int32_t>> pool_of(m.quotas.size(), std::vector<int32_t>(end - first, -1));
  for (std::size_t q = 0; q < m.quotas.size(); ++q) {
    for (std::size_t row = first; row < end; ++row) {
      std::optional<std::string> key = pools.Key(q, row);
      if (!key) continue;
      std::size_t pool = pools.PoolOf(q, *key);
      pool_of[q][row - first] = static_cast<int32_t>(pool);
      if (pool < pool_resource->size()) continue;
      const Pool& made = pools.pools()[pool];
      pool_resource->push_back(static_cast<int32_t>(out->resource_id.size()));
      out->resource_id.push_back(absl::StrCat("kuota:", pools.Program(q), ":", made.key));
      out->resource_name.push_back(absl::StrCat("kuota ", pools.Program(q), " ", pools.KeyField(q), " ", made.key));
      out->capacity.push_back(made.places);
      out->reach.push_back(0);
      out->pools.push_back({pools.KeyField(q), made.key, made.places, made.listed});
    }
  }
  return pool_of;
}

// Fills a demand's row from the assignment: assigned (with its rank among
// its candidates), or waiting for a place. A row without candidates kept
// the reason it was given when ranked.
void ApplyOne(const ListDemand& demand, int32_t got, const CandidateLists& lists, const ReferResult& result,
              Referral* row) {
  if (demand.list < 0) return;
  row->resource = got;
  if (got < 0) {
    if (row->pool >= 0) {
      row->why = result.pools[static_cast<std::size_t>(row->pool)].listed ? Why::kQuotaFull : Why::kQuotaNone;
    } else {
      row->why = Why::kNoPlace;
    }
    return;
  }
  absl::Span<const Candidate> cands = lists.list(demand.list);
  row->status = "assigned";
  row->of = static_cast<int32_t>(cands.size());
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (cands[k].resource == got) {
      row->rank = static_cast<int32_t>(k) + 1;
      row->distance_km = lists.km(demand.list)[k];
      break;
    }
  }
  row->why = Why::kChoice;
  if (row->pool >= 0) {
    row->distance_km = -1;
    row->why = Why::kQuotaPlace;
  }
}

// With assignment every row is a demand: row k of the parts is demand k.
void ApplyAssignment(const std::vector<ListDemand>& demands, const CandidateLists& lists, const Assignment& a,
                     ReferResult* out) {
  std::size_t d = 0;
  for (std::vector<Referral>& part : out->parts) {
    for (Referral& row : part) {
      ApplyOne(demands[d], a.resource[d], lists, *out, &row);
      ++d;
    }
  }
}

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  constexpr double kEarthKm = 6371.0088;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<std::string> InputFields(const ir::Module& m, int32_t as_of) {
  std::vector<std::string> out;
  absl::StatusOr<eval::Plan> plan = eval::CompilePlan(m, as_of, ReferRoots(m).nodes);
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    bool used = plan.ok() && (plan->field_used[0][f] || plan->field_used[1][f]);
    for (const ir::Quota& q : m.quotas) {
      used |= m.params[static_cast<std::size_t>(q.param)].key_field == static_cast<int>(f);
    }
    if (used || (m.fields[f].scope == ir::Scope::kHousehold &&
                 (m.fields[f].name == "kecamatan" || m.fields[f].name == "desa"))) {
      out.push_back(m.fields[f].name);
    }
  }
  return out;
}

const std::vector<std::string>& MissingOf(const ReferResult& r, const Referral& row) {
  static const std::vector<std::string>* const kNone = new std::vector<std::string>();
  return row.missing >= 0 ? r.missing[static_cast<std::size_t>(row.missing)] : *kNone;
}

absl::StatusOr<ReferResult> Refer(const ir::Module& m, const pack::PackModel& model, const data::CaseloadData& data,
                                  const ReferOptions& options, const std::vector<pack::ResourceDecl>& extra) {
  // LAYAK_TIMING=1: the phases' wall and CPU times on stderr (bench/README.md).
  const bool timing = std::getenv("LAYAK_TIMING") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  auto lap = [&](const char* what) {
    if (!timing) return;
    auto t = std::chrono::steady_clock::now();
    std::clock_t c = std::clock();
    std::fprintf(stderr, "layak refer: %s %.3f s (cpu %.3f s)\n", what, std::chrono::duration<double>(t - t0).count(),
                 static_cast<double>(c - c0) / CLOCKS_PER_SEC);
    t0 = t;
    c0 = c;
  };
  const Roots roots = ReferRoots(m);
  absl::StatusOr<eval::Plan> compiled = eval::CompilePlan(m, options.as_of, roots.nodes);
  if (!compiled.ok()) return compiled.status();
  const Directory dir(m, model, extra, roots.accepts);
  ReferResult out;
  for (std::size_t r = 0; r < dir.resources().size(); ++r) {
    const bool own = r < m.resources.size();
    const pack::ResourceDecl& d = own ? model.resources[r] : extra[r - m.resources.size()];
    out.resource_id.push_back(dir.resources()[r].id);
    out.resource_name.push_back(own ? m.resources[r].name : d.name);
    out.capacity.push_back(dir.resources()[r].capacity);
    const bool all = own ? m.resources[r].serves_all : d.serves_all;
    out.reach.push_back(d.serves_province ? 2 : all ? 1 : 0);
  }
  auto service_ids = [&](const std::vector<std::string>& services) {
    std::vector<int32_t> ids;
    ids.reserve(services.size());
    for (const std::string& sv : services) ids.push_back(dir.Service(sv));
    return ids;
  };
  std::vector<std::vector<int32_t>> need_svc, program_svc;
  for (const ir::Need& n : m.needs) need_svc.push_back(service_ids(n.services));
  for (const ir::Program& p : m.programs) program_svc.push_back(service_ids(p.services));

  const std::size_t first = options.household >= 0 ? static_cast<std::size_t>(options.household) : 0;
  const std::size_t end = options.household >= 0 ? first + 1 : data.households();
  QuotaPools pools(m, data, options.as_of);
  std::vector<int32_t> pool_resource;
  const std::vector<std::vector<int32_t>> pool_of = MakePools(m, pools, first, end, &pool_resource, &out);
  lap("set-up");

  const RankContext ctx{m,        *compiled,   data,  dir,     options,       roots.priority,
                        need_svc, program_svc, pools, pool_of, pool_resource, first};
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : static_cast<std::size_t>(run::AvailableThreads());
  RankOutput ranked = RankAll(ctx, first, end, threads);
  lap("rank");
  // The batches' rows stay where they are; their missing-fact lists and
  // candidate lists join the run's, with the rows' indexes moved along.
  // Global list ids depend on which thread met a list first, but nothing
  // else does: the assignment groups demands by first appearance.
  std::vector<std::vector<int32_t>> list_ids;
  CandidateLists lists;
  for (const CandidateLists& l : ranked.lists) list_ids.push_back(lists.InternAll(l));
  std::size_t total = 0;
  for (const Ranking& b : ranked.batches) total += b.demands.size();
  std::vector<ListDemand> demands;
  demands.reserve(total);
  out.parts.reserve(ranked.batches.size());
  for (Ranking& b : ranked.batches) {
    const auto offset = static_cast<int32_t>(out.missing.size());
    std::move(b.missing.begin(), b.missing.end(), std::back_inserter(out.missing));
    if (offset > 0) {
      for (Referral& row : b.rows) row.missing += row.missing >= 0 ? offset : 0;
    }
    const std::vector<int32_t>& ids = list_ids[static_cast<std::size_t>(std::max(b.thread, 0))];
    for (ListDemand d : b.demands) {
      if (d.list >= 0) d.list = ids[static_cast<std::size_t>(d.list)];
      demands.push_back(d);
    }
    out.parts.push_back(std::move(b.rows));
    b = Ranking();
  }
  lap("join");
  if (!options.assign) return out;
  Assignment a = Assign(demands, lists, out.capacity);
  lap("assign");
  if (timing) {
    std::fprintf(stderr, "layak refer: %zu demands, %d candidate lists, %zu classes in %zu tiers\n", demands.size(),
                 lists.size(), a.classes, a.tiers);
  }
  out.load = std::move(a.load);
  ApplyAssignment(demands, lists, a, &out);
  lap("rows");
  return out;
}

}  // namespace layak::refer

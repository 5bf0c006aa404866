// Refer: the evaluator runs the plan with the needs' conditions, the
// resources' accepts rules and the programs' priorities as extra roots;
// each household's registers then give its demands and their candidates.
#include "refer/referral.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "eval/evaluator.h"
#include "eval/plan.h"
#include "eval/results.h"
#include "refer/assign.h"
#include "refer/quota.h"
#include "run/runner.h"

namespace layak::refer {
namespace {

int UrgencyRank(const std::string& u) { return u == "high" ? 0 : u == "low" ? 2 : 1; }

std::string Places(int64_t n) { return absl::StrCat(n, n == 1 ? " place" : " places"); }

// The service quota rows name.
const std::string& QuotaService() {
  static const std::string* const kQuota = new std::string("kuota");
  return *kQuota;
}

struct Place {
  double lat = 0, lon = 0;
  bool known = false;
};

// A resource considered for one demand. Missing facts live beside the
// candidates (index `missing`), so that sorting moves small records only.
struct Cand {
  int32_t r;
  double km;
  bool unknown;
  int32_t missing;
};

// A service a household requires, and what calls for it.
struct Want {
  bool from_need;
  int32_t source;
  const std::string* service;
  int urgency;
};

// A resource offering a service to one place, with its distance.
struct Base {
  int32_t r;
  double km;
  bool catchment_unknown;
};

// What a demand waits for when it is not placed.
struct DemandInfo {
  std::size_t household = 0;
  bool from_need = true;
  int32_t source = -1;
  const std::string* service = nullptr;
  bool any_unknown = false;
  std::vector<std::string> missing;
  std::vector<std::pair<int32_t, double>> known;  // (resource, km) placeable candidates
  int32_t pool = -1;                              // a quota's pool (QuotaPools), not a resource's places
};

// Extra roots: needs, then accepts rules, then priorities.
struct Roots {
  std::vector<ir::NodeId> nodes;
  std::vector<int> accepts, priority;  // per resource / program: index in nodes, or -1
};

Roots ReferRoots(const ir::Module& m) {
  Roots out;
  std::vector<ir::NodeId>& roots = out.nodes;
  for (const ir::Need& n : m.needs) roots.push_back(n.when);
  std::vector<int> accepts_root(m.resources.size(), -1), priority_root(m.programs.size(), -1);
  for (std::size_t r = 0; r < m.resources.size(); ++r) {
    if (m.resources[r].accepts >= 0) {
      accepts_root[r] = static_cast<int>(roots.size());
      roots.push_back(m.resources[r].accepts);
    }
  }
  for (std::size_t p = 0; p < m.programs.size(); ++p) {
    if (m.programs[p].priority >= 0 && m.programs[p].unit == ir::Scope::kHousehold) {
      priority_root[p] = static_cast<int>(roots.size());
      roots.push_back(m.programs[p].priority);
    }
  }
  out.accepts = std::move(accepts_root);
  out.priority = std::move(priority_root);
  return out;
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

absl::StatusOr<ReferResult> Refer(const ir::Module& m, const pack::PackModel& model, const data::CaseloadData& data,
                                  const ReferOptions& options, const std::vector<pack::ResourceDecl>& extra) {
  Roots r = ReferRoots(m);
  const std::vector<int>& accepts_root = r.accepts;
  const std::vector<int>& priority_root = r.priority;
  absl::StatusOr<eval::Plan> compiled = eval::CompilePlan(m, options.as_of, r.nodes);
  if (!compiled.ok()) return compiled.status();
  const eval::Plan& plan = *compiled;

  // Where households are: kecamatan (enum) and desa (text) centroids.
  const int kec = m.FindField("kecamatan", ir::Scope::kHousehold);
  const int desa = m.FindField("desa", ir::Scope::kHousehold);
  std::vector<std::string> kec_names;
  if (kec >= 0 && m.fields[static_cast<std::size_t>(kec)].type.kind == ir::Type::kEnum) {
    kec_names = m.domains[static_cast<std::size_t>(m.fields[static_cast<std::size_t>(kec)].type.domain)].values;
  }
  std::vector<Place> kec_place(kec_names.size());
  std::map<std::pair<std::string, std::string>, Place> desa_place;
  for (const pack::PlaceDecl& p : model.places) {
    if (p.desa.empty()) {
      auto it = std::find(kec_names.begin(), kec_names.end(), p.kecamatan);
      if (it != kec_names.end()) kec_place[static_cast<std::size_t>(it - kec_names.begin())] = {p.lat, p.lon, true};
    } else {
      desa_place[{p.kecamatan, p.desa}] = {p.lat, p.lon, true};
    }
  }
  // Resources (the pack's, then the extra ones) by service; each one's
  // catchment as kecamatan indexes.
  struct Res {
    const std::vector<std::string>* services;
    bool everywhere, serves_all, province;
    std::optional<double> lat, lon;
    int accepts_root;
  };
  std::vector<Res> resources;
  std::vector<std::vector<std::string>> extra_services(extra.size());
  ReferResult out;
  for (std::size_t r = 0; r < m.resources.size(); ++r) {
    const ir::Resource& res = m.resources[r];
    bool province = model.resources[r].serves_province;
    resources.push_back(
        {&res.services, res.serves_all || province, res.serves_all, province, res.lat, res.lon, accepts_root[r]});
    out.resource_id.push_back(res.id);
    out.resource_name.push_back(res.name);
    out.capacity.push_back(res.capacity ? *res.capacity : -1);
    out.reach.push_back(province ? 2 : res.serves_all ? 1 : 0);
  }
  for (std::size_t e = 0; e < extra.size(); ++e) {
    const pack::ResourceDecl& d = extra[e];
    for (const pack::LocatedString& sv : d.services) extra_services[e].push_back(sv.value);
    resources.push_back(
        {&extra_services[e], d.serves_all || d.serves_province, d.serves_all, d.serves_province, d.lat, d.lon, -1});
    out.resource_id.push_back(d.id);
    out.resource_name.push_back(d.name);
    out.capacity.push_back(d.capacity ? *d.capacity : -1);
    out.reach.push_back(d.serves_province ? 2 : d.serves_all ? 1 : 0);
  }
  absl::flat_hash_map<std::string, std::vector<int32_t>> offering;
  std::vector<std::vector<uint8_t>> serves(resources.size());
  for (std::size_t r = 0; r < resources.size(); ++r) {
    for (const std::string& sv : *resources[r].services) offering[sv].push_back(static_cast<int32_t>(r));
    serves[r].assign(kec_names.size(), resources[r].everywhere ? 1 : 0);
    const std::vector<pack::LocatedString>& listed =
        r < m.resources.size() ? model.resources[r].serves_kecamatan : extra[r - m.resources.size()].serves_kecamatan;
    for (const pack::LocatedString& k : listed) {
      auto it = std::find(kec_names.begin(), kec_names.end(), k.value);
      if (it != kec_names.end()) serves[r][static_cast<std::size_t>(it - kec_names.begin())] = 1;
    }
  }

  const std::size_t first = options.household >= 0 ? static_cast<std::size_t>(options.household) : 0;
  const std::size_t end = options.household >= 0 ? first + 1 : data.households();
  // Quota pools, one per key value met, made before the threads start so
  // that they only read them; input order keeps their numbering stable.
  QuotaPools pools(m, data, options.as_of);
  std::vector<int32_t> pool_resource;  // per pool: its index among the resources
  for (std::size_t q = 0; q < m.quotas.size(); ++q) {
    for (std::size_t row = first; row < end; ++row) {
      std::optional<std::string> key = pools.Key(q, row);
      if (!key) continue;
      std::size_t pool = pools.PoolOf(q, *key);
      if (pool < pool_resource.size()) continue;
      const Pool& made = pools.pools()[pool];
      pool_resource.push_back(static_cast<int32_t>(out.resource_id.size()));
      out.resource_id.push_back(absl::StrCat("kuota:", pools.Program(q), ":", made.key));
      out.resource_name.push_back(absl::StrCat("kuota ", pools.Program(q), " ", pools.KeyField(q), " ", made.key));
      out.capacity.push_back(made.places);
      out.reach.push_back(0);
      out.pools.push_back({pools.KeyField(q), made.key, made.places, made.listed});
    }
  }

  // Households are ranked in contiguous ranges, one per thread, each with its
  // own scratch and caches; the ranges' rows and demands are joined in input
  // order, so the result does not depend on the thread count.
  struct Local {
    std::vector<Referral> rows;
    std::vector<Demand> demands;
    std::vector<DemandInfo> infos;
  };
  auto rank_range = [&](std::size_t range_begin, std::size_t range_end, Local& local) {
    std::vector<Referral>& rows = local.rows;
    std::vector<Demand>& demands = local.demands;
    std::vector<DemandInfo>& infos = local.infos;
    std::vector<Cand> cands;
    std::vector<std::vector<std::string>> missing_lists;
    absl::flat_hash_map<std::pair<int, const void*>, std::vector<Base>> ranked;  // (place, service) -> resources
    absl::flat_hash_map<const Place*, int> desa_loc;
    eval::Scratch s;
    std::vector<Want> wants;  // one household's, reused
    const std::size_t batch = 512;
    for (std::size_t h0 = range_begin; h0 < range_end; h0 += batch) {
      const std::size_t n = std::min(batch, range_end - h0);
      eval::EvaluateBatch(plan, data, h0, n, &s);
      for (std::size_t h = 0; h < n; ++h) {
        const std::size_t row = h0 + h;
        // The household's place: its desa's centroid, else its kecamatan's.
        int kec_value = -1;
        Place here;
        if (kec >= 0 && data.table(ir::Scope::kHousehold).present[static_cast<std::size_t>(kec)]) {
          const data::Column& c = data.table(ir::Scope::kHousehold).columns[static_cast<std::size_t>(kec)];
          if (c.valid(row)) kec_value = static_cast<int>(c.value(row));
        }
        // Distances and catchments depend on the place only: `loc` keys the
        // cache of ranked resources (-1: kecamatan unknown).
        int loc = -1;
        if (kec_value >= 0 && static_cast<std::size_t>(kec_value) < kec_place.size()) {
          here = kec_place[static_cast<std::size_t>(kec_value)];
          loc = kec_value;
          if (desa >= 0 && !desa_place.empty() &&
              data.table(ir::Scope::kHousehold).present[static_cast<std::size_t>(desa)]) {
            const data::Column& c = data.table(ir::Scope::kHousehold).columns[static_cast<std::size_t>(desa)];
            if (c.valid(row)) {
              auto it = desa_place.find({kec_names[static_cast<std::size_t>(kec_value)], std::string(c.text(row))});
              if (it != desa_place.end()) {
                here = it->second;
                auto [id, added] =
                    desa_loc.try_emplace(&it->second, static_cast<int>(kec_names.size() + desa_loc.size()));
                loc = id->second;
              }
            }
          }
        }
        // The household's priority: the lowest known priority value of its programs.
        int64_t priority = 999;
        auto program_priority = [&](std::size_t p) -> int64_t {
          if (priority_root[p] < 0) return 999;
          int32_t reg = plan.roots[static_cast<std::size_t>(priority_root[p])];
          if (!s.known(reg)[h]) return 999;
          int64_t v = s.values(reg)[h];
          if (m.node(m.programs[p].priority).type.kind == ir::Type::kNumber) v /= 1000000;
          return std::clamp<int64_t>(v, 0, 999);
        };
        for (std::size_t p = 0; p < m.programs.size(); ++p) priority = std::min(priority, program_priority(p));
        // Demands: needs that hold, then the services of programs it is eligible for.
        auto eligible_for = [&](std::size_t p) {
          const eval::PlanProgram& pp = plan.programs[p];
          if (!pp.in_force) return false;
          if (pp.unit == ir::Scope::kHousehold) return eval::StatusAt(s, pp.status, h) == eval::Status::kEligible;
          bool any = false;
          for (uint32_t mr = s.moff[h]; mr < s.moff[h + 1]; ++mr) {
            any |= eval::StatusAt(s, pp.status, mr) == eval::Status::kEligible;
          }
          return any;
        };
        wants.clear();
        for (std::size_t i = 0; i < m.needs.size(); ++i) {
          if (eval::StatusAt(s, plan.roots[i], h) != eval::Status::kEligible) continue;
          for (const std::string& sv : m.needs[i].services) {
            wants.push_back({true, static_cast<int32_t>(i), &sv, UrgencyRank(m.needs[i].urgency)});
          }
        }
        for (std::size_t p = 0; p < m.programs.size(); ++p) {
          if (m.programs[p].services.empty() || !eligible_for(p)) continue;
          for (const std::string& sv : m.programs[p].services) {
            wants.push_back({false, static_cast<int32_t>(p), &sv, 1});
          }
        }
        for (const Want& w : wants) {
          DemandInfo info{row, w.from_need, w.source, w.service, false, {}, {}, -1};
          cands.clear();
          missing_lists.clear();
          auto offered = offering.find(*w.service);
          if (offered != offering.end()) {
            // The service's resources serving this place, ranked once per place.
            std::vector<Base>& base = ranked[{loc, &offered->second}];
            if (base.empty()) {
              for (int32_t r : offered->second) {
                const Res& res = resources[static_cast<std::size_t>(r)];
                Base b{r, -1, false};
                if (!res.everywhere) {
                  if (kec_value < 0) {
                    b.catchment_unknown = true;
                  } else if (!serves[static_cast<std::size_t>(r)][static_cast<std::size_t>(kec_value)]) {
                    continue;
                  }
                }
                if (here.known && res.lat && res.lon) b.km = HaversineKm(here.lat, here.lon, *res.lat, *res.lon);
                base.push_back(b);
              }
              std::sort(base.begin(), base.end(), [&](const Base& a, const Base& b) {
                if (a.catchment_unknown != b.catchment_unknown) return !a.catchment_unknown;
                if ((a.km < 0) != (b.km < 0)) return a.km >= 0;
                if (a.km != b.km) return a.km < b.km;
                int64_t ca = out.capacity[static_cast<std::size_t>(a.r)],
                        cb = out.capacity[static_cast<std::size_t>(b.r)];
                if (ca != cb) return (ca < 0 ? INT64_MAX : ca) > (cb < 0 ? INT64_MAX : cb);
                return out.resource_id[static_cast<std::size_t>(a.r)] < out.resource_id[static_cast<std::size_t>(b.r)];
              });
              if (base.empty()) base.push_back({-1, -1, false});  // remembers "none serves this place"
            }
            for (const Base& b : base) {
              if (b.r < 0) continue;
              Cand c{b.r, b.km, b.catchment_unknown, -1};
              if (b.catchment_unknown) {
                c.missing = static_cast<int32_t>(missing_lists.size());
                missing_lists.push_back({"kecamatan"});
              }
              const Res& res = resources[static_cast<std::size_t>(b.r)];
              if (res.accepts_root >= 0) {
                int32_t reg = plan.roots[static_cast<std::size_t>(res.accepts_root)];
                eval::Status st = eval::StatusAt(s, reg, h);
                if (st == eval::Status::kIneligible) continue;
                if (st == eval::Status::kUnknown) {
                  c.unknown = true;
                  if (c.missing < 0) {
                    c.missing = static_cast<int32_t>(missing_lists.size());
                    missing_lists.emplace_back();
                  }
                  std::vector<std::string> errors;
                  eval::CollectMissing(plan, s, reg, h, "", &missing_lists[static_cast<std::size_t>(c.missing)],
                                       &errors);
                }
              }
              cands.push_back(c);
            }
            // Those certain to serve and accept first, each group by distance.
            std::stable_partition(cands.begin(), cands.end(), [](const Cand& c) { return !c.unknown; });
          }
          for (const Cand& c : cands) {
            if (c.unknown) {
              info.any_unknown = true;
              for (const std::string& f : missing_lists[static_cast<std::size_t>(c.missing)]) {
                if (std::find(info.missing.begin(), info.missing.end(), f) == info.missing.end()) {
                  info.missing.push_back(f);
                }
              }
            } else if (c.km >= 0) {
              info.known.emplace_back(c.r, c.km);
            }
          }
          if (options.assign) {
            Demand d;
            d.tier = w.urgency * 1000 + static_cast<int32_t>(priority);
            for (const auto& [r, km] : info.known) d.candidates.push_back({r, std::llround(km * 1000)});
            demands.push_back(std::move(d));
            infos.push_back(std::move(info));
            continue;
          }
          if (cands.empty()) {
            Referral& none = rows.emplace_back();
            none.household = static_cast<uint32_t>(row);
            none.from_need = w.from_need;
            none.source = w.source;
            none.service = w.service;
            none.status = "none";
            none.why = offered == offering.end() ? Why::kNoOffer : Why::kNoServeAccept;
            continue;
          }
          for (std::size_t k = 0; k < cands.size() && static_cast<int>(k) < options.top; ++k) {
            const Cand& c = cands[k];
            Referral& ref = rows.emplace_back();
            ref.household = static_cast<uint32_t>(row);
            ref.from_need = w.from_need;
            ref.source = w.source;
            ref.service = w.service;
            ref.resource = c.r;
            ref.rank = static_cast<int32_t>(k) + 1;
            ref.distance_km = c.km;
            ref.status = c.unknown ? "unknown" : "candidate";
            ref.accepts_unknown = c.unknown;
            ref.why = Why::kOffers;
            if (c.missing >= 0) ref.missing = missing_lists[static_cast<std::size_t>(c.missing)];
          }
        }
        // Quotas: a place in the pool of the household's key value.
        for (std::size_t q = 0; q < m.quotas.size(); ++q) {
          auto p = static_cast<std::size_t>(m.quotas[q].program);
          if (!eligible_for(p)) continue;
          DemandInfo info{row, false, static_cast<int32_t>(p), &QuotaService(), false, {}, {}, -1};
          std::optional<std::string> key = pools.Key(q, row);
          int32_t resource = -1;
          if (key) {
            std::size_t pool = pools.PoolOf(q, *key);  // made above: a look-up
            resource = pool_resource[pool];
            info.pool = static_cast<int32_t>(pool);
            info.known.emplace_back(resource, 0.0);
          } else {
            info.any_unknown = true;
            info.missing.push_back(pools.KeyField(q));
          }
          if (options.assign) {
            Demand d;
            d.tier = 1000 + static_cast<int32_t>(program_priority(p));
            if (resource >= 0) d.candidates.push_back({resource, 0});
            demands.push_back(std::move(d));
            infos.push_back(std::move(info));
            continue;
          }
          Referral& ref = rows.emplace_back();
          ref.household = static_cast<uint32_t>(row);
          ref.from_need = false;
          ref.source = static_cast<int32_t>(p);
          ref.service = &QuotaService();
          ref.resource = resource;
          ref.rank = resource >= 0 ? 1 : 0;
          ref.pool = info.pool;
          if (resource < 0) {
            ref.status = "unknown";
            ref.why = Why::kQuotaKeyUnknown;
            ref.missing = info.missing;
          } else {
            ref.status = "candidate";
            ref.why = Why::kQuotaCandidate;
          }
        }
      }
    }
  };
  std::size_t batches = (end - first + 511) / 512;
  std::size_t workers = std::clamp<std::size_t>(options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                                    : static_cast<std::size_t>(run::AvailableThreads()),
                                                1, std::max<std::size_t>(batches, 1));
  std::vector<Local> locals(workers);
  {
    std::vector<std::thread> pool_threads;
    std::size_t per = (batches + workers - 1) / workers * 512;
    for (std::size_t t = 0; t < workers; ++t) {
      std::size_t b = std::min(end, first + t * per), e = std::min(end, b + per);
      if (t + 1 == workers) {
        rank_range(b, e, locals[t]);  // the calling thread takes the last range
      } else {
        pool_threads.emplace_back([&, b, e, t] { rank_range(b, e, locals[t]); });
      }
    }
    for (std::thread& t : pool_threads) t.join();
  }
  std::vector<Demand> demands;
  std::vector<DemandInfo> infos;
  for (Local& l : locals) {
    out.rows.insert(out.rows.end(), std::make_move_iterator(l.rows.begin()), std::make_move_iterator(l.rows.end()));
    demands.insert(demands.end(), std::make_move_iterator(l.demands.begin()), std::make_move_iterator(l.demands.end()));
    infos.insert(infos.end(), std::make_move_iterator(l.infos.begin()), std::make_move_iterator(l.infos.end()));
    l = Local();
  }
  if (!options.assign) return out;
  Assignment a = Assign(demands, out.capacity);
  out.load = a.load;
  out.rows.reserve(out.rows.size() + infos.size());
  for (std::size_t d = 0; d < infos.size(); ++d) {
    DemandInfo& info = infos[d];
    Referral& ref = out.rows.emplace_back();
    ref.household = static_cast<uint32_t>(info.household);
    ref.from_need = info.from_need;
    ref.source = info.source;
    ref.service = info.service;
    ref.resource = a.resource[d];
    ref.pool = info.pool;
    if (a.resource[d] >= 0) {
      ref.status = "assigned";
      for (std::size_t k = 0; k < info.known.size(); ++k) {
        if (info.known[k].first == a.resource[d]) {
          ref.rank = static_cast<int32_t>(k) + 1;
          ref.distance_km = info.known[k].second;
        }
      }
      ref.of = static_cast<int32_t>(info.known.size());
      ref.why = Why::kChoice;
      if (info.pool >= 0) {
        ref.distance_km = -1;
        ref.why = Why::kQuotaPlace;
      }
    } else {
      ref.status = "waiting";
      ref.resource = -1;
      if (info.pool >= 0) {
        ref.why = out.pools[static_cast<std::size_t>(info.pool)].listed ? Why::kQuotaFull : Why::kQuotaNone;
      } else if (!info.known.empty()) {
        ref.why = Why::kNoPlace;
      } else if (info.any_unknown) {
        ref.why = Why::kDataMissing;
        ref.missing = std::move(info.missing);
      } else {
        ref.why = offering.contains(*info.service) ? Why::kNoAccept : Why::kNoOffer;
      }
    }
  }
  return out;
}

std::string ReasonText(const ir::Module& m, const ReferResult& result, const Referral& row) {
  const std::string& service = row.service != nullptr ? *row.service : QuotaService();
  const PoolText* pool = row.pool >= 0 ? &result.pools[static_cast<std::size_t>(row.pool)] : nullptr;
  switch (row.why) {
    case Why::kOffers: {
      uint8_t reach = result.reach[static_cast<std::size_t>(row.resource)];
      return absl::StrCat("offers ", service,
                          reach == 2   ? "; serves the province"
                          : reach == 1 ? "; serves the kabupaten"
                                       : "; serves the kecamatan",
                          row.accepts_unknown ? "; whether it accepts this household is not known yet" : "");
    }
    case Why::kNoOffer:
      return absl::StrCat("no resource offers ", service);
    case Why::kNoServeAccept:
      return absl::StrCat("no resource offering ", service, " serves or accepts this household");
    case Why::kChoice:
      return absl::StrCat("offers ", service, "; choice ", row.rank, " of ", row.of, " by distance");
    case Why::kNoPlace:
      return "no place left in the catchment";
    case Why::kNoAccept:
      return "no resource accepts";
    case Why::kDataMissing:
      return "data missing";
    case Why::kQuotaCandidate:
      return absl::StrCat("quota of ", pool->key_field, " ", pool->key, ": ", Places(pool->places),
                          pool->listed ? "" : " (not in the table)");
    case Why::kQuotaKeyUnknown:
      return absl::StrCat("the quota of ", m.programs[static_cast<std::size_t>(row.source)].id, " is per ",
                          row.missing.empty() ? std::string("its key") : row.missing[0],
                          ", which is not known for this household");
    case Why::kQuotaPlace:
      return absl::StrCat("a place of the quota of ", pool->key_field, " ", pool->key, " (", Places(pool->places), ")");
    case Why::kQuotaFull:
      return absl::StrCat("no place left in the quota of ", pool->key_field, " ", pool->key, " (", Places(pool->places),
                          ")");
    case Why::kQuotaNone:
      return absl::StrCat("no quota for ", pool->key_field, " ", pool->key);
  }
  return "";
}

}  // namespace layak::refer

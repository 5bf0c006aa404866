// RankAll: threads take batches of households in turn (as `layak run`
// does, so that a slow core delays no fixed share); per household, its
// place, its priority, the services it requires, and for each the
// directory's ranked resources filtered by its accepts rules.
#include "refer/rank.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <thread>

#include "eval/evaluator.h"
#include "eval/results.h"

namespace layak::refer {
namespace {

int UrgencyRank(const std::string& u) { return u == "high" ? 0 : u == "low" ? 2 : 1; }

// A service a household requires, and what calls for it.
struct Want {
  bool from_need;
  int32_t source;
  const std::string* service;
  int32_t svc;  // the directory's index, or -1: nobody offers it
  int urgency;
};

// A resource considered for one demand (listing without assignment).
// Missing facts live beside the candidates (index `missing`), so that
// sorting moves small records only.
struct Cand {
  int32_t r;
  double km;
  bool unknown;
  bool place_unknown;
  int32_t missing;
};

void AddOnce(const std::string& f, std::vector<std::string>* to) {
  if (std::find(to->begin(), to->end(), f) == to->end()) to->push_back(f);
}

// Accepts rules a 64-bit pattern has room for, two bits each.
constexpr std::size_t kPatternSlots = 32;

class Ranker {
 public:
  Ranker(const RankContext& ctx, CandidateLists* lists)
      : ctx_(ctx),
        m_(ctx.m),
        lists_(*lists),
        cache_(ctx.dir.places() * ctx.dir.services()),
        resources_(ctx.dir.resources()) {
    for (const ir::Need& n : m_.needs) urgency_.push_back(UrgencyRank(n.urgency));
    // Accepts rules written alike are one register (hash-consing): each
    // distinct register is a slot of the household's accept pattern.
    slot_of_resource_.assign(resources_.size(), -1);
    for (std::size_t r = 0; r < resources_.size(); ++r) {
      if (resources_[r].accepts_root < 0) continue;
      int32_t reg = ctx_.plan.roots[static_cast<std::size_t>(resources_[r].accepts_root)];
      auto it = std::find(slot_reg_.begin(), slot_reg_.end(), reg);
      slot_of_resource_[r] = static_cast<int>(it - slot_reg_.begin());
      if (it == slot_reg_.end()) slot_reg_.push_back(reg);
    }
  }

  // Ranks households [h0, h0 + n) into `out`.
  void Batch(std::size_t h0, std::size_t n, Ranking* out) {
    out_ = out;
    // Benefits are not needed: only statuses, needs, accepts rules and priorities.
    eval::EvaluateBatch(ctx_.plan, ctx_.data, h0, n, &s_, /*statuses_only=*/true);
    Prepare(n);
    for (std::size_t h = 0; h < n; ++h) Household(h, h0 + h);
  }

 private:
  // Program p's priority value for batch household h (999: none).
  int64_t ProgramPriority(std::size_t p, std::size_t h) const {
    if (ctx_.priority_root[p] < 0) return 999;
    int32_t reg = ctx_.plan.roots[static_cast<std::size_t>(ctx_.priority_root[p])];
    if (!s_.known(reg)[h]) return 999;
    int64_t v = s_.values(reg)[h];
    if (m_.node(m_.programs[p].priority).type.kind == ir::Type::kNumber) v /= 1000000;
    return std::clamp<int64_t>(v, 0, 999);
  }

  bool EligibleAt(std::size_t p, std::size_t h) const {
    const eval::PlanProgram& pp = ctx_.plan.programs[p];
    if (!pp.in_force) return false;
    if (pp.unit == ir::Scope::kHousehold) return eval::StatusAt(s_, pp.status, h) == eval::Status::kEligible;
    for (uint32_t mr = s_.moff[h]; mr < s_.moff[h + 1]; ++mr) {
      if (eval::StatusAt(s_, pp.status, mr) == eval::Status::kEligible) return true;
    }
    return false;
  }

  // What every household of the batch needs from the registers, read
  // register by register (each a contiguous column) rather than household
  // by household across them all: the lowest priority value of its
  // programs, bits of the needs that hold and the programs it is eligible
  // for (when there are at most 64 of each), and its accept pattern.
  void Prepare(std::size_t n) {
    priority_.assign(n, 999);
    for (std::size_t p = 0; p < m_.programs.size(); ++p) {
      if (ctx_.priority_root[p] < 0) continue;
      for (std::size_t h = 0; h < n; ++h) priority_[h] = std::min(priority_[h], ProgramPriority(p, h));
    }
    if (m_.needs.size() <= 64) {
      need_bits_.assign(n, 0);
      for (std::size_t i = 0; i < m_.needs.size(); ++i) {
        const int32_t reg = ctx_.plan.roots[i];
        const uint8_t* known = s_.known(reg);
        const int64_t* values = s_.values(reg);
        for (std::size_t h = 0; h < n; ++h) need_bits_[h] |= static_cast<uint64_t>(known[h] && values[h] != 0) << i;
      }
    }
    if (m_.programs.size() <= 64) {
      eligible_bits_.assign(n, 0);
      for (std::size_t p = 0; p < m_.programs.size(); ++p) {
        for (std::size_t h = 0; h < n; ++h) eligible_bits_[h] |= static_cast<uint64_t>(EligibleAt(p, h)) << p;
      }
    }
    if (slot_reg_.size() <= kPatternSlots) {
      pattern_.assign(n, 0);
      for (std::size_t i = 0; i < slot_reg_.size(); ++i) {
        const uint8_t* known = s_.known(slot_reg_[i]);
        const int64_t* values = s_.values(slot_reg_[i]);
        for (std::size_t h = 0; h < n; ++h) {
          const uint64_t code = !known[h] ? 2 : values[h] != 0 ? 0 : 1;  // eligible, ineligible, unknown
          pattern_[h] |= code << (2 * i);
        }
      }
    }
  }

  bool NeedHolds(std::size_t i, std::size_t h) const {
    if (m_.needs.size() <= 64) return (need_bits_[h] >> i) & 1;
    return eval::StatusAt(s_, ctx_.plan.roots[i], h) == eval::Status::kEligible;
  }

  bool EligibleFor(std::size_t p, std::size_t h) const {
    if (m_.programs.size() <= 64) return (eligible_bits_[h] >> p) & 1;
    return EligibleAt(p, h);
  }

  // The register of the resource's accepts rule, or -1 when it has none.
  int32_t AcceptsReg(const Base& b) const {
    const int root = resources_[static_cast<std::size_t>(b.r)].accepts_root;
    return root < 0 ? -1 : ctx_.plan.roots[static_cast<std::size_t>(root)];
  }

  eval::Status Accepts(const Base& b, std::size_t h) const {
    const int32_t reg = AcceptsReg(b);
    return reg < 0 ? eval::Status::kEligible : eval::StatusAt(s_, reg, h);
  }

  // Whether the entry serves and accepts batch household h: unknown when
  // its catchment is (the household's kecamatan is not known).
  eval::Status EntryStatus(const Base& b, std::size_t h) const {
    return b.catchment_unknown ? eval::Status::kUnknown : Accepts(b, h);
  }

  Ranked& RankedFor(const Located& at, int32_t svc) {
    std::size_t place = at.loc < 0 ? ctx_.dir.places() - 1 : static_cast<std::size_t>(at.loc);
    Ranked& rk = cache_[place * ctx_.dir.services() + static_cast<std::size_t>(svc)];
    if (!rk.made) {
      ctx_.dir.Rank(at, svc, &rk);
      for (int32_t k : rk.accepting) {
        if (slot_reg_.size() > kPatternSlots) break;  // no patterns: each household's statuses are read
        rk.mask |=
            uint64_t{3} << (2 * slot_of_resource_[static_cast<std::size_t>(rk.entries[static_cast<std::size_t>(k)].r)]);
      }
    }
    return rk;
  }

  void Household(std::size_t h, std::size_t row) {
    const Located at = ctx_.dir.Locate(ctx_.data, row);
    const int64_t priority = priority_[h];
    // Needs that hold, then the services of programs it is eligible for.
    wants_.clear();
    for (std::size_t i = 0; i < m_.needs.size(); ++i) {
      if (!NeedHolds(i, h)) continue;
      const std::vector<std::string>& services = m_.needs[i].services;
      for (std::size_t k = 0; k < services.size(); ++k) {
        wants_.push_back({true, static_cast<int32_t>(i), &services[k], ctx_.need_svc[i][k], urgency_[i]});
      }
    }
    for (std::size_t p = 0; p < m_.programs.size(); ++p) {
      const std::vector<std::string>& services = m_.programs[p].services;
      if (services.empty() || !EligibleFor(p, h)) continue;
      for (std::size_t k = 0; k < services.size(); ++k) {
        wants_.push_back({false, static_cast<int32_t>(p), &services[k], ctx_.program_svc[p][k], 1});
      }
    }
    for (const Want& w : wants_) {
      if (ctx_.options.assign) {
        Demand(w, at, h, row, w.urgency * 1000 + static_cast<int32_t>(priority));
      } else {
        List(w, at, h, row);
      }
    }
    for (std::size_t q = 0; q < m_.quotas.size(); ++q) {
      auto p = static_cast<std::size_t>(m_.quotas[q].program);
      if (EligibleFor(p, h)) Quota(q, p, h, row);
    }
  }

  // Keeps a list of missing facts for a row: its index.
  int32_t Keep(std::vector<std::string> facts) {
    out_->missing.push_back(std::move(facts));
    return static_cast<int32_t>(out_->missing.size() - 1);
  }

  Referral& NewRow(std::size_t row, bool from_need, int32_t source, const std::string* service) {
    Referral& r = out_->rows.emplace_back();
    r.household = static_cast<uint32_t>(row);
    r.from_need = from_need;
    r.source = source;
    r.service = service;
    return r;
  }

  // With assignment: one row, its candidates an interned list. The row's
  // status and reason are final here when no candidate is placeable, else
  // the assignment gives them.
  void Demand(const Want& w, const Located& at, std::size_t h, std::size_t row, int32_t tier) {
    Referral& r = NewRow(row, w.from_need, w.source, w.service);
    r.status = "waiting";
    ListDemand& d = out_->demands.emplace_back();
    d.tier = tier;
    if (w.svc < 0) {
      r.why = Why::kNoOffer;
      return;
    }
    Ranked& rk = RankedFor(at, w.svc);
    bool undecided = false;
    if (rk.plain) {
      if (rk.list < 0) {
        rk.list = Placeable(rk, h, &undecided);  // plain: the same for every household
        if (rk.list < 0) rk.list = -2;
      }
      d.list = std::max(rk.list, -1);
    } else if (!rk.any_catchment_unknown && slot_reg_.size() <= kPatternSlots) {
      // The list depends only on the statuses of the accepts rules its
      // entries have: that part of the household's pattern keys the lists
      // made so far.
      auto [it, added] = rk.by_pattern.try_emplace(pattern_[h] & rk.mask, -1, false);
      if (added) {
        bool open = false;
        int32_t list = Placeable(rk, h, &open);
        it->second = {list, open};
      }
      d.list = it->second.first;
      undecided = it->second.second;
    } else {
      d.list = Placeable(rk, h, &undecided);
    }
    if (d.list >= 0) return;
    std::vector<std::string> facts;
    if (undecided) {
      // Nothing placeable yet: the facts that would decide are the reason.
      for (const Base& b : rk.entries) {
        if (b.catchment_unknown) {
          AddOnce("kecamatan", &facts);
        } else if (Accepts(b, h) == eval::Status::kUnknown) {
          errors_.clear();
          eval::CollectMissing(ctx_.plan, s_, AcceptsReg(b), h, "", &missing_, &errors_);
          for (const std::string& f : missing_) AddOnce(f, &facts);
          missing_.clear();
        }
      }
    }
    if (at.kec < 0) AddOnce("kecamatan", &facts);
    r.why = facts.empty() ? Why::kNoAccept : Why::kDataMissing;
    if (!facts.empty()) r.missing = Keep(std::move(facts));
  }

  // The interned list of the entries of `rk` that serve and accept batch
  // household h and have a distance, or -1 when there is none; *undecided:
  // some entry's status is unknown.
  int32_t Placeable(const Ranked& rk, std::size_t h, bool* undecided) {
    placeable_.clear();
    km_.clear();
    for (const Base& b : rk.entries) {
      const eval::Status st = EntryStatus(b, h);
      if (st == eval::Status::kUnknown) *undecided = true;
      if (st != eval::Status::kEligible || b.km < 0) continue;
      placeable_.push_back({b.r, std::llround(b.km * 1000)});
      km_.push_back(b.km);
    }
    return placeable_.empty() ? -1 : lists_.Intern(placeable_, km_);
  }

  // Without assignment: the first `top` candidates, those certain to serve
  // and accept first.
  void List(const Want& w, const Located& at, std::size_t h, std::size_t row) {
    cands_.clear();
    missing_lists_.clear();
    if (w.svc >= 0) {
      for (const Base& b : RankedFor(at, w.svc).entries) {
        Cand c{b.r, b.km, false, b.catchment_unknown, -1};
        if (b.catchment_unknown) {
          c.unknown = true;
          c.missing = static_cast<int32_t>(missing_lists_.size());
          missing_lists_.push_back({"kecamatan"});
        }
        const eval::Status st = Accepts(b, h);
        if (st == eval::Status::kIneligible) continue;
        if (st == eval::Status::kUnknown) {
          c.unknown = true;
          if (c.missing < 0) {
            c.missing = static_cast<int32_t>(missing_lists_.size());
            missing_lists_.emplace_back();
          }
          errors_.clear();
          eval::CollectMissing(ctx_.plan, s_, AcceptsReg(b), h, "",
                               &missing_lists_[static_cast<std::size_t>(c.missing)], &errors_);
        }
        cands_.push_back(c);
      }
      std::stable_partition(cands_.begin(), cands_.end(), [](const Cand& c) { return !c.unknown; });
    }
    if (cands_.empty()) {
      Referral& none = NewRow(row, w.from_need, w.source, w.service);
      none.status = "none";
      none.why = w.svc < 0 ? Why::kNoOffer : Why::kNoServeAccept;
      return;
    }
    for (std::size_t k = 0; k < cands_.size() && static_cast<int>(k) < ctx_.options.top; ++k) {
      const Cand& c = cands_[k];
      Referral& ref = NewRow(row, w.from_need, w.source, w.service);
      ref.resource = c.r;
      ref.rank = static_cast<int32_t>(k) + 1;
      ref.distance_km = c.km;
      ref.status = c.unknown ? "unknown" : "candidate";
      ref.accepts_unknown = c.unknown;
      ref.place_unknown = c.place_unknown;
      ref.why = Why::kOffers;
      if (c.missing >= 0) ref.missing = Keep(missing_lists_[static_cast<std::size_t>(c.missing)]);
    }
  }

  // A place in the pool of the household's key value.
  void Quota(std::size_t q, std::size_t p, std::size_t h, std::size_t row) {
    Referral& ref = NewRow(row, false, static_cast<int32_t>(p), &QuotaService());
    const int32_t pool = ctx_.pool_of[q][row - ctx_.first];
    const int32_t resource = pool >= 0 ? ctx_.pool_resource[static_cast<std::size_t>(pool)] : -1;
    ref.pool = pool;
    if (ctx_.options.assign) {
      ref.status = "waiting";
      ListDemand& d = out_->demands.emplace_back();
      d.tier = 1000 + static_cast<int32_t>(ProgramPriority(p, h));
      if (resource >= 0) {
        Candidate c{resource, 0};
        d.list = lists_.Intern({&c, 1});
      } else {
        ref.why = Why::kDataMissing;
        ref.missing = Keep({ctx_.pools.KeyField(q)});
      }
      return;
    }
    ref.resource = resource;
    ref.rank = resource >= 0 ? 1 : 0;
    if (resource < 0) {
      ref.status = "unknown";
      ref.why = Why::kQuotaKeyUnknown;
      ref.missing = Keep({ctx_.pools.KeyField(q)});
    } else {
      ref.status = "candidate";
      ref.why = Why::kQuotaCandidate;
    }
  }

  const RankContext& ctx_;
  const ir::Module& m_;
  CandidateLists& lists_;   // the thread's
  Ranking* out_ = nullptr;  // the batch's
  eval::Scratch s_;
  std::vector<Ranked> cache_;  // per (place, service)
  const std::vector<Directory::Resource>& resources_;
  std::vector<int> urgency_;           // per need
  std::vector<int32_t> slot_reg_;      // the distinct registers of accepts rules
  std::vector<int> slot_of_resource_;  // per resource: its slot, or -1
  // Per household of the batch (Prepare):
  std::vector<int64_t> priority_;
  std::vector<uint64_t> need_bits_, eligible_bits_;
  std::vector<uint64_t> pattern_;  // two bits per slot: eligible, ineligible, unknown
  std::vector<Want> wants_;        // one household's, reused
  std::vector<Candidate> placeable_;
  std::vector<double> km_;
  std::vector<Cand> cands_;
  std::vector<std::vector<std::string>> missing_lists_;
  std::vector<std::string> missing_, errors_;
};

}  // namespace

const std::string& QuotaService() {
  static const std::string* const kQuota = new std::string("kuota");
  return *kQuota;
}

RankOutput RankAll(const RankContext& ctx, std::size_t begin, std::size_t end, std::size_t threads) {
  constexpr std::size_t kBatch = 512;
  RankOutput out;
  const std::size_t batches = (end - begin + kBatch - 1) / kBatch;
  out.batches.resize(batches);
  const std::size_t workers = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(batches, 1));
  out.lists.resize(workers);
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t t) {
    Ranker ranker(ctx, &out.lists[t]);
    for (std::size_t b = next++; b < batches; b = next++) {
      const std::size_t h0 = begin + b * kBatch;
      out.batches[b].thread = static_cast<int32_t>(t);
      ranker.Batch(h0, std::min(kBatch, end - h0), &out.batches[b]);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work, t);
  work(0);  // the calling thread is one of the workers
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace layak::refer

#include "eval/evaluator.h"

#include <algorithm>

#include "eval/kernels.h"

namespace layak::eval {

void Scratch::Reserve(const Plan& plan, std::size_t households, std::size_t members) {
  households = std::max<std::size_t>(households, 1);
  members = std::max<std::size_t>(members, 1);
  if (plan_id_ == plan.id && households <= cap_h_ && members <= cap_m_) return;
  if (plan_id_ != plan.id) cap_h_ = cap_m_ = 0;  // another plan: its own layout, from scratch
  plan_id_ = plan.id;
  cap_h_ = std::max(households, cap_h_);
  cap_m_ = std::max(members, cap_m_);
  std::size_t n = plan.instrs.size();
  off_.resize(n);
  hi_off_.assign(n, 0);
  std::size_t total = 0, hi_total = 0;
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t rows = plan.instrs[r].scope == Scope::kHousehold ? cap_h_ : cap_m_;
    off_[r] = total;
    total += rows;
    if (plan.instrs[r].interval) {
      hi_off_[r] = hi_total;
      hi_total += rows;
    }
  }
  vals_.assign(total, 0);
  known_.assign(total, 0);
  hi_.assign(hi_total, 0);
  // Constants never change between batches: fill them once.
  for (std::size_t r = 0; r < n; ++r) {
    const Instr& i = plan.instrs[r];
    if (i.op != POp::kConst) continue;
    std::size_t rows = i.scope == Scope::kHousehold ? cap_h_ : cap_m_;
    std::fill_n(vals_.data() + off_[r], rows, i.imm);
    std::fill_n(known_.data() + off_[r], rows, uint8_t{1});
  }
  moff.reserve(cap_h_ + 1);
  mhh.reserve(cap_m_);
}

std::string_view StringOf(const Plan& plan, const data::CaseloadData& data, int64_t handle) {
  int64_t source = StringSource(handle);
  auto index = static_cast<std::size_t>(StringIndex(handle));
  if (source == 0) return plan.strings[index];
  const ir::Field& f = plan.module->fields[static_cast<std::size_t>(source - 1)];
  return data.table(f.scope).columns[static_cast<std::size_t>(source - 1)].text(index);
}

namespace {

void LoadField(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const data::Table& t = c.data.table(i.scope);
  auto f = static_cast<std::size_t>(i.imm);
  std::size_t begin = i.scope == Scope::kHousehold ? c.s.h0 : c.s.m0;
  std::size_t n = c.Rows(i);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  if (!t.present[f]) {
    std::fill_n(k, n, uint8_t{0});
    std::fill_n(v, n, int64_t{0});
    return;
  }
  t.columns[f].Load(begin, n, v, k);
  if (i.type.kind == ir::Type::kString) {
    int64_t tag = StringHandle(i.imm + 1, 0);
    for (std::size_t j = 0; j < n; ++j) v[j] |= tag;
  }
}

// A table parameter: the row of each household's key value, else the
// default, else unknown.
void LookupKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const Lookup& t = c.plan.lookups[static_cast<std::size_t>(i.imm)];
  const int64_t* kv = c.s.values(i.a);
  const uint8_t* kk = c.s.known(i.a);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  for (std::size_t j = 0; j < c.s.nh; ++j) {
    v[j] = t.fallback;
    k[j] = 0;
    if (!kk[j]) continue;
    k[j] = t.has_fallback ? 1 : 0;
    if (t.by_enum) {
      auto e = static_cast<std::size_t>(kv[j]);
      if (e < t.enum_known.size() && t.enum_known[e]) {
        v[j] = t.enum_value[e];
        k[j] = 1;
      }
    } else {
      std::string_view key = StringOf(c.plan, c.data, kv[j]);
      if (auto it = t.text_value.find(absl::string_view(key.data(), key.size())); it != t.text_value.end()) {
        v[j] = it->second;
        k[j] = 1;
      }
    }
  }
}

void BroadcastKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  const uint32_t* mhh = c.s.mhh.data();
  for (std::size_t j = 0; j < c.s.nm; ++j) {
    v[j] = av[mhh[j]];
    k[j] = ak[mhh[j]];
  }
}

}  // namespace

void EvaluateBatch(const Plan& plan, const data::CaseloadData& data, std::size_t h0, std::size_t n, Scratch* s,
                   bool statuses_only) {
  const auto& offsets = data.member_offsets();
  std::size_t m0 = offsets[h0], m1 = offsets[h0 + n];
  s->Reserve(plan, n, m1 - m0);
  s->h0 = h0;
  s->nh = n;
  s->m0 = m0;
  s->nm = m1 - m0;
  s->moff.resize(n + 1);
  s->mhh.resize(s->nm);
  for (std::size_t h = 0; h <= n; ++h) s->moff[h] = static_cast<uint32_t>(offsets[h0 + h] - m0);
  for (std::size_t h = 0; h < n; ++h) {
    std::fill(s->mhh.begin() + s->moff[h], s->mhh.begin() + s->moff[h + 1], static_cast<uint32_t>(h));
  }
  s->errors.clear();
  s->ymd_reg = -1;
  Ctx c{plan, data, *s};
  const auto count = static_cast<int32_t>(plan.instrs.size());
  for (int32_t r = 0; r < count; ++r) {
    if (statuses_only && !plan.for_status[static_cast<std::size_t>(r)]) continue;
    switch (plan.instrs[static_cast<std::size_t>(r)].op) {
      case POp::kConst:
        break;
      case POp::kField:
        LoadField(c, r);
        break;
      case POp::kBroadcast:
        BroadcastKernel(c, r);
        break;
      case POp::kLookup:
        LookupKernel(c, r);
        break;
      case POp::kStatus:
      case POp::kNot:
      case POp::kAnd:
      case POp::kOr:
      case POp::kIf:
      case POp::kDefault:
      case POp::kKnown:
        LogicKernel(c, r);
        break;
      case POp::kEq:
      case POp::kNe:
      case POp::kLt:
      case POp::kLe:
      case POp::kGt:
      case POp::kGe:
      case POp::kInList:
      case POp::kInRange:
      case POp::kInSet:
        CompareKernel(c, r);
        break;
      case POp::kAny:
      case POp::kAll:
      case POp::kNone:
      case POp::kCount:
      case POp::kCountMembers:
      case POp::kSum:
      case POp::kMinOf:
      case POp::kMaxOf:
      case POp::kSumTop:
      case POp::kCountTrue:
        MembersKernel(c, r);
        break;
      default:
        ArithKernel(c, r);
        break;
    }
  }
}

}  // namespace layak::eval

// Comparisons (on values, on count intervals, on strings) and membership.
#include <algorithm>
#include <functional>

#include "eval/kernels.h"

namespace layak::eval {

namespace {

template <typename Cmp>
void CompareValues(Ctx& c, const Instr& i, int64_t* __restrict v, uint8_t* __restrict k, std::size_t n, Cmp cmp) {
  const int64_t* __restrict av = c.s.values(i.a);
  const uint8_t* __restrict ak = c.s.known(i.a);
  const Instr& b = c.plan.instr(i.b);
  if (b.op == POp::kConst) {  // the common `field OP constant`
    const int64_t bc = b.imm;
    for (std::size_t j = 0; j < n; ++j) {
      v[j] = cmp(av[j], bc);
      k[j] = ak[j];
    }
    return;
  }
  const int64_t* __restrict bv = c.s.values(i.b);
  const uint8_t* __restrict bk = c.s.known(i.b);
  for (std::size_t j = 0; j < n; ++j) {
    v[j] = cmp(av[j], bv[j]);
    k[j] = ak[j] & bk[j];
  }
}

// [al, ah] OP [bl, bh]: decided when every pair of values gives one answer.
void CompareIntervals(Ctx& c, const Instr& i, int64_t* v, uint8_t* k, std::size_t n) {
  const IntervalOperand a(c, i.a), b(c, i.b);
  for (std::size_t j = 0; j < n; ++j) {
    int64_t al, ah, bl, bh;
    if (!a.Bounds(j, &al, &ah) || !b.Bounds(j, &bl, &bh)) {
      k[j] = 0;
      v[j] = 0;
      continue;
    }
    int t = -1;  // -1 undecided, 0 false, 1 true
    switch (i.op) {
      case POp::kLt:
        t = ah < bl ? 1 : (al >= bh ? 0 : -1);
        break;
      case POp::kLe:
        t = ah <= bl ? 1 : (al > bh ? 0 : -1);
        break;
      case POp::kGt:
        t = al > bh ? 1 : (ah <= bl ? 0 : -1);
        break;
      case POp::kGe:
        t = al >= bh ? 1 : (ah < bl ? 0 : -1);
        break;
      case POp::kEq:
      case POp::kNe: {
        int eq = (al == ah && bl == bh && al == bl) ? 1 : ((ah < bl || bh < al) ? 0 : -1);
        t = (eq < 0 || i.op == POp::kEq) ? eq : 1 - eq;
        break;
      }
      default:
        break;
    }
    k[j] = t >= 0;
    v[j] = t > 0;
  }
}

void CompareStrings(Ctx& c, const Instr& i, int64_t* v, uint8_t* k, std::size_t n) {
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  const int64_t* bv = c.s.values(i.b);
  const uint8_t* bk = c.s.known(i.b);
  for (std::size_t j = 0; j < n; ++j) {
    k[j] = ak[j] & bk[j];
    if (!k[j]) {
      v[j] = 0;
      continue;
    }
    std::string_view a = StringOf(c.plan, c.data, av[j]);
    std::string_view b = StringOf(c.plan, c.data, bv[j]);
    int cmp = a.compare(b);
    switch (i.op) {
      case POp::kEq:
        v[j] = cmp == 0;
        break;
      case POp::kNe:
        v[j] = cmp != 0;
        break;
      case POp::kLt:
        v[j] = cmp < 0;
        break;
      case POp::kLe:
        v[j] = cmp <= 0;
        break;
      case POp::kGt:
        v[j] = cmp > 0;
        break;
      default:
        v[j] = cmp >= 0;
        break;
    }
  }
}

void InList(Ctx& c, const Instr& i, int64_t* v, uint8_t* k, std::size_t n) {
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  if (i.type.kind == ir::Type::kBool && c.plan.instr(i.a).type.kind == ir::Type::kString) {
    for (std::size_t j = 0; j < n; ++j) {
      k[j] = ak[j];
      v[j] = 0;
      if (!ak[j]) continue;
      std::string_view a = StringOf(c.plan, c.data, av[j]);
      for (int64_t e : i.list) v[j] |= static_cast<int64_t>(a == StringOf(c.plan, c.data, e));
    }
    return;
  }
  const int64_t* __restrict x = av;
  int64_t* __restrict out = v;
  uint8_t* __restrict kk = k;
  for (std::size_t j = 0; j < n; ++j) {
    out[j] = 0;
    kk[j] = ak[j];
  }
  for (int64_t e : i.list) {
    for (std::size_t j = 0; j < n; ++j) out[j] |= static_cast<int64_t>(x[j] == e);
  }
}

}  // namespace

LAYAK_KERNEL void CompareKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const std::size_t n = c.Rows(i);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  switch (i.op) {
    case POp::kInList:
      InList(c, i, v, k, n);
      return;
    case POp::kInRange: {
      const int64_t* xv = c.s.values(i.a);
      const uint8_t* xk = c.s.known(i.a);
      const int64_t* lv = c.s.values(i.b);
      const uint8_t* lk = c.s.known(i.b);
      const int64_t* hv = c.s.values(i.c);
      const uint8_t* hk = c.s.known(i.c);
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = lv[j] <= xv[j] && xv[j] <= hv[j];
        k[j] = xk[j] & lk[j] & hk[j];
      }
      return;
    }
    case POp::kInSet: {
      const int64_t* ev = c.s.values(i.a);
      const uint8_t* ek = c.s.known(i.a);
      const int64_t* sv = c.s.values(i.b);
      const uint8_t* sk = c.s.known(i.b);
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = (static_cast<uint64_t>(sv[j]) >> (ev[j] & 63)) & 1;
        k[j] = ek[j] & sk[j];
      }
      return;
    }
    default:
      break;
  }
  if (c.plan.instr(i.a).interval || c.plan.instr(i.b).interval) {
    CompareIntervals(c, i, v, k, n);
    return;
  }
  if (c.plan.instr(i.a).type.kind == ir::Type::kString) {
    CompareStrings(c, i, v, k, n);
    return;
  }
  switch (i.op) {
    case POp::kEq:
      CompareValues(c, i, v, k, n, std::equal_to<int64_t>());
      break;
    case POp::kNe:
      CompareValues(c, i, v, k, n, std::not_equal_to<int64_t>());
      break;
    case POp::kLt:
      CompareValues(c, i, v, k, n, std::less<int64_t>());
      break;
    case POp::kLe:
      CompareValues(c, i, v, k, n, std::less_equal<int64_t>());
      break;
    case POp::kGt:
      CompareValues(c, i, v, k, n, std::greater<int64_t>());
      break;
    default:
      CompareValues(c, i, v, k, n, std::greater_equal<int64_t>());
      break;
  }
}

}  // namespace layak::eval

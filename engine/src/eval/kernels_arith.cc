// Arithmetic on ints, exact decimals and count intervals; functions; dates.
// Overflow and division by zero make the value unknown and record why.
#include <cstdlib>

#include "eval/kernels.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::eval {

namespace {

constexpr int64_t kScale = util::kDecimalScale;

// n / d rounded half to even; false when the quotient leaves int64.
bool DivHalfEven(__int128 n, __int128 d, int64_t* out) {
  __int128 q = n / d, rem = n % d;
  __int128 twice = 2 * (rem < 0 ? -rem : rem), ad = d < 0 ? -d : d;
  if (twice > ad || (twice == ad && (q & 1) != 0)) q += ((n < 0) != (d < 0)) ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) return false;
  *out = static_cast<int64_t>(q);
  return true;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Adds or subtracts with count intervals: a known int shifts the bounds.
void IntervalAddSub(Ctx& c, int32_t r, const Instr& i, std::size_t n) {
  const IntervalOperand a(c, i.a), b(c, i.b);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  int64_t* hi = c.s.hi(r);
  const bool sub = i.op == POp::kSub;
  for (std::size_t j = 0; j < n; ++j) {
    int64_t al, ah, bl, bh;
    const bool a_bounded = a.Bounds(j, &al, &ah);
    const bool b_bounded = b.Bounds(j, &bl, &bh);
    int64_t lo = kLoUnknown, up = kHiUnknown;
    // Only a known (exact) side may shift the other; two ranges give unknown.
    bool ok = a_bounded && b_bounded && (al == ah || bl == bh);
    if (ok) {
      bool overflow = sub ? (__builtin_sub_overflow(al, bh, &lo) || __builtin_sub_overflow(ah, bl, &up))
                          : (__builtin_add_overflow(al, bl, &lo) || __builtin_add_overflow(ah, bh, &up));
      if (overflow) {
        c.Error(r, j, EvalErrorKind::kOverflow);
        lo = kLoUnknown;
        up = kHiUnknown;
      }
    }
    v[j] = lo;
    hi[j] = up;
    k[j] = lo == up;
  }
}

}  // namespace

LAYAK_KERNEL void ArithKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const std::size_t n = c.Rows(i);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  if (i.interval) {
    IntervalAddSub(c, r, i, n);
    return;
  }
  if ((i.op == POp::kYearsBetween || i.op == POp::kMonthsBetween) && c.plan.instr(i.b).op == POp::kConst) {
    // age = years_between(birth_date, as_of): convert the fixed end once.
    const util::Ymd to = util::ToYmd(static_cast<int32_t>(c.plan.instr(i.b).imm));
    const int64_t* __restrict av = c.s.values(i.a);
    const uint8_t* __restrict ak = c.s.known(i.a);
    const bool years = i.op == POp::kYearsBetween;
    if (c.s.ymd_reg != i.a) {
      c.s.ymd.resize(n);
      for (std::size_t j = 0; j < n; ++j) c.s.ymd[j] = util::ToYmd(static_cast<int32_t>(av[j]));
      c.s.ymd_reg = i.a;
    }
    const util::Ymd* from = c.s.ymd.data();
    for (std::size_t j = 0; j < n; ++j) {
      int64_t months = util::MonthsBetween(from[j], to);
      v[j] = years ? months / 12 : months;
      k[j] = ak[j];
    }
    return;
  }
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  const int64_t* bv = i.b >= 0 ? c.s.values(i.b) : nullptr;
  const uint8_t* bk = i.b >= 0 ? c.s.known(i.b) : nullptr;
  const bool number = i.type.kind == ir::Type::kNumber;
  auto fail = [&](std::size_t j, EvalErrorKind kind) {
    c.Error(r, j, kind);
    k[j] = 0;
    v[j] = 0;
  };
  for (std::size_t j = 0; j < n; ++j) {
    k[j] = ak[j] & (bk ? bk[j] : 1);
    v[j] = 0;
    if (!k[j]) continue;
    const int64_t a = av[j], b = bv ? bv[j] : 0;
    int64_t out = 0;
    switch (i.op) {
      case POp::kAdd:
        if (__builtin_add_overflow(a, b, &out)) fail(j, EvalErrorKind::kOverflow);
        break;
      case POp::kSub:
        if (__builtin_sub_overflow(a, b, &out)) fail(j, EvalErrorKind::kOverflow);
        break;
      case POp::kMul:
        if (number) {
          if (!DivHalfEven(static_cast<__int128>(a) * b, kScale, &out)) fail(j, EvalErrorKind::kOverflow);
        } else if (__builtin_mul_overflow(a, b, &out)) {
          fail(j, EvalErrorKind::kOverflow);
        }
        break;
      case POp::kDiv:  // number / number
        if (b == 0) {
          fail(j, EvalErrorKind::kDivisionByZero);
        } else if (!DivHalfEven(static_cast<__int128>(a) * kScale, b, &out)) {
          fail(j, EvalErrorKind::kOverflow);
        }
        break;
      case POp::kMod:  // ints; the sign follows the dividend, as in C
        if (b == 0) {
          fail(j, EvalErrorKind::kDivisionByZero);
        } else if (b == -1) {
          out = 0;
        } else {
          out = a % b;
        }
        break;
      case POp::kNeg:
        if (a == INT64_MIN) fail(j, EvalErrorKind::kOverflow);
        out = a == INT64_MIN ? 0 : -a;
        break;
      case POp::kToNumber:
        if (__builtin_mul_overflow(a, kScale, &out)) fail(j, EvalErrorKind::kOverflow);
        break;
      case POp::kAbs:
        if (a == INT64_MIN) fail(j, EvalErrorKind::kOverflow);
        out = a < 0 && a != INT64_MIN ? -a : a;
        break;
      case POp::kMin:
        out = a < b ? a : b;
        break;
      case POp::kMax:
        out = a > b ? a : b;
        break;
      case POp::kRound: {  // number -> int, half away from zero
        int64_t q = a / kScale, rem = a % kScale;
        if (2 * std::llabs(rem) >= kScale) q += a < 0 ? -1 : 1;
        out = q;
        break;
      }
      case POp::kFloor:
        out = FloorDiv(a, kScale);
        break;
      case POp::kCeil:
        out = -FloorDiv(-a, kScale);
        break;
      case POp::kYearsBetween:
        out = util::YearsBetween(static_cast<int32_t>(a), static_cast<int32_t>(b));
        break;
      case POp::kMonthsBetween:
        out = util::MonthsBetween(static_cast<int32_t>(a), static_cast<int32_t>(b));
        break;
      case POp::kDaysBetween:
        out = b - a;
        break;
      default:
        break;
    }
    if (k[j]) v[j] = out;
  }
}

}  // namespace layak::eval

// Quantifiers over the members of each household, as segmented reductions
// over the batch's member offsets, and count_true over a list of conditions.
#include <algorithm>
#include <functional>

#include "eval/kernels.h"

namespace layak::eval {

namespace {

// any / all / none / count: counts known-true and unknown members.
void Quantify(Ctx& c, int32_t r, const Instr& i) {
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  const uint32_t* off = c.s.moff.data();
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  int64_t* hi = i.interval ? c.s.hi(r) : nullptr;
  for (std::size_t h = 0; h < c.s.nh; ++h) {
    int64_t yes = 0, unknown = 0;
    for (uint32_t m = off[h]; m < off[h + 1]; ++m) {
      yes += ak[m] & (av[m] != 0);
      unknown += ak[m] ^ 1;
    }
    const int64_t size = off[h + 1] - off[h];
    const int64_t no = size - yes - unknown;
    switch (i.op) {
      case POp::kAny:  // true if one is true; false if all are false
        k[h] = yes > 0 || unknown == 0;
        v[h] = yes > 0;
        break;
      case POp::kAll:
        k[h] = no > 0 || unknown == 0;
        v[h] = no == 0;
        break;
      case POp::kNone:
        k[h] = yes > 0 || unknown == 0;
        v[h] = yes == 0;
        break;
      default:  // count: [yes, yes + unknown]
        v[h] = yes;
        hi[h] = yes + unknown;
        k[h] = unknown == 0;
        break;
    }
  }
}

// sum / min / max / sum_top: unknown when any member's value is.
void Reduce(Ctx& c, int32_t r, const Instr& i) {
  const int64_t* av = c.s.values(i.a);
  const uint8_t* ak = c.s.known(i.a);
  const uint32_t* off = c.s.moff.data();
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  for (std::size_t h = 0; h < c.s.nh; ++h) {
    const uint32_t b = off[h], e = off[h + 1];
    bool all_known = true;
    for (uint32_t m = b; m < e; ++m) all_known &= ak[m] != 0;
    v[h] = 0;
    k[h] = all_known;
    if (!all_known) continue;
    if (i.op == POp::kMinOf || i.op == POp::kMaxOf) {
      if (b == e) {  // min/max of no members is unknown
        k[h] = 0;
        continue;
      }
      int64_t best = av[b];
      for (uint32_t m = b + 1; m < e; ++m) best = i.op == POp::kMinOf ? std::min(best, av[m]) : std::max(best, av[m]);
      v[h] = best;
      continue;
    }
    const int64_t* vals = av + b;
    std::size_t count = e - b;
    if (i.op == POp::kSumTop && i.imm < static_cast<int64_t>(count)) {
      c.s.tmp.assign(vals, vals + count);
      std::size_t top = i.imm < 0 ? 0 : static_cast<std::size_t>(i.imm);
      std::nth_element(c.s.tmp.begin(), c.s.tmp.begin() + static_cast<std::ptrdiff_t>(top), c.s.tmp.end(),
                       std::greater<int64_t>());
      vals = c.s.tmp.data();
      count = top;
    }
    int64_t sum = 0;
    bool overflow = false;
    for (std::size_t m = 0; m < count; ++m) overflow |= __builtin_add_overflow(sum, vals[m], &sum);
    if (overflow) {
      c.Error(r, h, EvalErrorKind::kOverflow);
      k[h] = 0;
      sum = 0;
    }
    v[h] = sum;
  }
}

}  // namespace

LAYAK_KERNEL void MembersKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  switch (i.op) {
    case POp::kAny:
    case POp::kAll:
    case POp::kNone:
    case POp::kCount:
      Quantify(c, r, i);
      break;
    case POp::kCountMembers: {
      int64_t* v = c.s.values(r);
      uint8_t* k = c.s.known(r);
      for (std::size_t h = 0; h < c.s.nh; ++h) {
        v[h] = c.s.moff[h + 1] - c.s.moff[h];
        k[h] = 1;
      }
      break;
    }
    case POp::kCountTrue: {
      const std::size_t n = c.Rows(i);
      int64_t* v = c.s.values(r);
      uint8_t* k = c.s.known(r);
      int64_t* hi = c.s.hi(r);
      std::fill_n(v, n, 0);
      std::fill_n(hi, n, 0);
      for (int32_t a : i.args) {
        const int64_t* av = c.s.values(a);
        const uint8_t* ak = c.s.known(a);
        for (std::size_t j = 0; j < n; ++j) {
          v[j] += ak[j] & (av[j] != 0);
          hi[j] += (ak[j] ^ 1) | (av[j] != 0);
        }
      }
      for (std::size_t j = 0; j < n; ++j) k[j] = v[j] == hi[j];
      break;
    }
    default:
      Reduce(c, r, i);
      break;
  }
}

}  // namespace layak::eval

// Kernels of the evaluator, one family per file. Each computes one register
// for every row of the batch from its argument registers.
#ifndef LAYAK_EVAL_KERNELS_H_
#define LAYAK_EVAL_KERNELS_H_

#include <cstdint>
#include <limits>

#include "data/caseload_data.h"
#include "eval/evaluator.h"
#include "eval/plan.h"

namespace layak::eval {

// What a kernel sees.
struct Ctx {
  const Plan& plan;
  const data::CaseloadData& data;
  Scratch& s;
  std::size_t Rows(const Instr& i) const { return i.scope == Scope::kHousehold ? s.nh : s.nm; }
  void Error(int32_t r, std::size_t row, EvalErrorKind k) const {
    s.errors.push_back({r, static_cast<uint32_t>(row), k});
  }
};

// The bounds of an unknown count: every int.
inline constexpr int64_t kLoUnknown = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kHiUnknown = std::numeric_limits<int64_t>::max();

// The kernels are compiled twice, for AVX2 and for the x86-64 baseline, and
// the loader picks one for the machine (GCC function multi-versioning): the
// same binary runs everywhere and uses wide vectors where it can.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define LAYAK_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define LAYAK_KERNEL
#endif

// An operand read as a count interval: a count register gives [lo, hi]
// (an unknown count is [kLoUnknown, kHiUnknown]), any other gives [v, v].
class IntervalOperand {
 public:
  IntervalOperand(const Ctx& c, int32_t reg)
      : lo_(c.s.values(reg)), known_(c.s.known(reg)), hi_(c.plan.instr(reg).interval ? c.s.hi(reg) : nullptr) {}
  // False when nothing bounds the value (an unknown non-count, an open count).
  bool Bounds(std::size_t j, int64_t* lo, int64_t* hi) const {
    *lo = lo_[j];
    *hi = hi_ != nullptr ? hi_[j] : lo_[j];
    return hi_ != nullptr ? *lo != kLoUnknown : known_[j] != 0;
  }

 private:
  const int64_t* lo_;
  const uint8_t* known_;
  const int64_t* hi_;
};

void LogicKernel(Ctx& c, int32_t r);    // not, and, or, if, ??, known, status
void CompareKernel(Ctx& c, int32_t r);  // comparisons, in
void ArithKernel(Ctx& c, int32_t r);    // + - * / % neg to_number, functions, dates
void MembersKernel(Ctx& c, int32_t r);  // quantifiers, count_true

}  // namespace layak::eval

#endif  // LAYAK_EVAL_KERNELS_H_

// The one evaluator: runs a Plan over a batch of households (and their member
// rows) with typed kernels, one loop per instruction and no per-row dispatch.
// Every register stays readable after the run, which is what explanations and
// missing-field reports read: an explanation is this evaluator on a batch of
// one. A Scratch is per thread and reused; a batch allocates nothing once the
// scratch has grown to the largest batch seen.
#ifndef LAYAK_EVAL_EVALUATOR_H_
#define LAYAK_EVAL_EVALUATOR_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "data/caseload_data.h"
#include "eval/plan.h"
#include "util/civil_date.h"

namespace layak::eval {

// Why a value is unknown when it is not for want of data.
enum class EvalErrorKind : uint8_t { kDivisionByZero, kOverflow };

// One evaluation error: register and row (batch-relative, in its scope).
struct EvalError {
  int32_t reg;
  uint32_t row;
  EvalErrorKind kind;
};

// Per-thread evaluation state: the registers of one batch.
class Scratch {
 public:
  // Registers of `plan` for batches of up to `households` households and
  // `members` member rows (grown on demand).
  void Reserve(const Plan& plan, std::size_t households, std::size_t members);

  const int64_t* values(int32_t r) const { return vals_.data() + off_[static_cast<std::size_t>(r)]; }
  const uint8_t* known(int32_t r) const { return known_.data() + off_[static_cast<std::size_t>(r)]; }
  const int64_t* hi(int32_t r) const { return hi_.data() + hi_off_[static_cast<std::size_t>(r)]; }
  int64_t* values(int32_t r) { return vals_.data() + off_[static_cast<std::size_t>(r)]; }
  uint8_t* known(int32_t r) { return known_.data() + off_[static_cast<std::size_t>(r)]; }
  int64_t* hi(int32_t r) { return hi_.data() + hi_off_[static_cast<std::size_t>(r)]; }

  // The batch last evaluated.
  std::size_t h0 = 0, nh = 0, m0 = 0, nm = 0;
  std::vector<uint32_t> moff;     // nh + 1 member offsets, batch-relative
  std::vector<uint32_t> mhh;      // nm: each member row's household (batch-relative)
  std::vector<EvalError> errors;  // of the last batch, in instruction order
  std::vector<int64_t> tmp;       // sum_top's buffer
  // Dates of register ymd_reg converted to year/month/day in this batch:
  // age and months_between on one birth date share the conversion.
  int32_t ymd_reg = -1;
  std::vector<util::Ymd> ymd;

 private:
  uint64_t plan_id_ = 0;  // the plan the registers are laid out for (Plan::id)
  std::size_t cap_h_ = 0, cap_m_ = 0;
  std::vector<std::size_t> off_, hi_off_;
  std::vector<int64_t> vals_, hi_;
  std::vector<uint8_t> known_;
};

// Evaluates every instruction of `plan` for households [h0, h0 + n) of
// `data`; with `statuses_only`, only those program statuses depend on.
void EvaluateBatch(const Plan& plan, const data::CaseloadData& data, std::size_t h0, std::size_t n, Scratch* s,
                   bool statuses_only = false);

// The text of a string value (a constant or a row of a string column).
std::string_view StringOf(const Plan& plan, const data::CaseloadData& data, int64_t handle);

}  // namespace layak::eval

#endif  // LAYAK_EVAL_EVALUATOR_H_

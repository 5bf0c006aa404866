// Reading a program's results out of an evaluated batch: status, benefit,
// failed clauses, the input fields whose values would decide an unknown, and
// evaluation errors (division by zero, overflow) with the clause they hit.
#ifndef LAYAK_EVAL_RESULTS_H_
#define LAYAK_EVAL_RESULTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "data/caseload_data.h"
#include "eval/evaluator.h"
#include "eval/plan.h"

namespace layak::eval {

// A program's status for one household or person.
enum class Status : uint8_t { kIneligible = 0, kEligible = 1, kUnknown = 2 };

// "eligible", "ineligible", "unknown".
const char* StatusName(Status s);

// One household × program (or person × program) result.
struct RowResult {
  int32_t program = -1;
  std::size_t household = 0;  // caseload row
  int64_t member = -1;        // caseload member row, for member-level programs
  Status status = Status::kUnknown;
  bool has_benefit = false;
  int64_t benefit = 0;
  std::vector<std::string> failed_clauses;  // clause ids (or "valid")
  std::vector<std::string> missing_fields;  // "desil", "members[2].birth_date"
  std::vector<std::string> errors;          // "division by zero in clause 'x' of P"
};

// Status of register `reg` at batch row `row`.
inline Status StatusAt(const Scratch& s, int32_t reg, std::size_t row) {
  if (!s.known(reg)[row]) return Status::kUnknown;
  return s.values(reg)[row] != 0 ? Status::kEligible : Status::kIneligible;
}

// Fills *out with program `p`'s full result at batch row `row` (household or
// member row, by the program's unit). Reuses out's vectors.
void ResultAt(const Plan& plan, const data::CaseloadData& data, const Scratch& s, int32_t p, std::size_t row,
              RowResult* out);

// The input fields that would decide register `reg` at batch row `row`, and
// the errors that made it unknown; appended to the vectors, without repeats.
void CollectMissing(const Plan& plan, const Scratch& s, int32_t reg, std::size_t row, const std::string& context,
                    std::vector<std::string>* missing, std::vector<std::string>* errors);

}  // namespace layak::eval

#endif  // LAYAK_EVAL_RESULTS_H_

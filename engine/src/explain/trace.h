// Tracing one household: the evaluator run on a batch of one, then every
// register it needs read back (no second interpreter). For each program, and
// for each person of a member-level program: the status, each clause's value,
// the input values under it, what is missing, and, where one clause alone
// failed, what would change the answer.
#ifndef LAYAK_EXPLAIN_TRACE_H_
#define LAYAK_EXPLAIN_TRACE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/caseload_data.h"
#include "eval/evaluator.h"
#include "eval/plan.h"
#include "eval/results.h"

namespace layak::explain {

// One input value a clause read: a field of the household (member 0) or of
// its N-th person (member N, from 1).
struct InputValue {
  int32_t field = -1;
  int32_t program = -1;  // instead of a field: another program's status, read through eligible()
  int member = 0;
  bool known = false;
  std::string value;  // as written in a caseload; empty when unknown
};

// One clause of one program for one household or person.
struct ClauseTrace {
  int32_t clause = -1;                          // index in the program's criteria
  eval::Status value = eval::Status::kUnknown;  // true, false or unknown
  std::vector<InputValue> inputs;
  std::vector<std::string> missing;  // "desil", "members[2].birth_date"
  // Where this clause alone failed: the expression it needs, and the value now.
  std::string needs;        // "desil <= 4"
  std::string now;          // "5" (the left operand's value), or empty
  std::string now_operand;  // the operand whose value `now` is, when not a plain field
};

// One program's decision for the household, or for one person.
struct ProgramTrace {
  int32_t program = -1;
  int member = 0;  // 1-based person for member-level programs, 0 otherwise
  std::string member_id;
  eval::RowResult result;
  bool in_force = true;
  std::vector<ClauseTrace> clauses;
};

// Everything about one household.
struct Trace {
  std::string household_id;
  int32_t as_of = 0;
  std::size_t members = 0;
  std::vector<ProgramTrace> programs;  // pack order; member-level: one per person
};

// Evaluates household `h` of `data` and reads back its trace.
Trace TraceHousehold(const eval::Plan& plan, const data::CaseloadData& data, std::size_t h, eval::Scratch* s);

// A register's value at a batch row, spelled as in a caseload (enum value
// names, YYYY-MM-DD, decimals), or "" when unknown.
std::string FormatRegister(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int32_t reg,
                           std::size_t row);

}  // namespace layak::explain

#endif  // LAYAK_EXPLAIN_TRACE_H_

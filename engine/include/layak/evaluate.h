// File: layak/evaluate.h
// Evaluating a caseload: compile a Plan (the pack fixed on an as-of date),
// then evaluate households — all of a caseload, or one — into results per
// household × program (person × program for member-level programs).
//
//   auto plan = layak::CompilePlan(pack, {.as_of = "2026-01-01"});
//   auto results = layak::Evaluate(**plan, caseload);
//   for (const layak::ProgramResult& r : *results) std::cout << r.program << " " << layak::StatusName(r.status);
#ifndef LAYAK_EVALUATE_H_
#define LAYAK_EVALUATE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/caseload.h"
#include "layak/rule_pack.h"

namespace layak {

class PlanImpl;

// What a plan is compiled for.
struct PlanOptions {
  std::string as_of;  // YYYY-MM-DD; empty: today (UTC)
  // Parameter overrides for what-if runs: name -> value as written in YAML
  // (42, 0.5, true, 2026-01-01, text); each replaces the parameter on every date.
  std::vector<std::pair<std::string, std::string>> params;
};

// A pack compiled for one as-of date. Immutable and shared across threads;
// keeps its pack alive.
class Plan {
 public:
  explicit Plan(std::unique_ptr<PlanImpl> impl);
  ~Plan();
  const RulePack& pack() const;
  // The as-of date, YYYY-MM-DD.
  std::string as_of() const;
  // "layak 0.1.0; pack tuban 2026.1; content fnv1a64:...; as_of 2026-01-01".
  std::string Provenance() const;
  // The input fields the plan reads (what `run` reads and validates).
  std::vector<std::string> InputFields() const;
  const PlanImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<PlanImpl> impl_;
};

// Compiles `pack`. Fails (InvalidArgument) when the date is not a date, or
// an override names no parameter or has a value of another type; fails
// (FailedPrecondition) when a program in force reads a parameter with no
// value yet (the message names both).
absl::StatusOr<std::shared_ptr<const Plan>> CompilePlan(std::shared_ptr<const RulePack> pack,
                                                        const PlanOptions& options = {});

// A program's decision.
enum class Status { kIneligible, kEligible, kUnknown };
// "ineligible", "eligible", "unknown".
const char* StatusName(Status status);

// One household × program, or person × program, result.
struct ProgramResult {
  std::string program;
  std::size_t household = 0;  // row in the caseload
  std::string household_id;
  int64_t member = -1;  // member row, for member-level programs
  std::string member_id;
  Status status = Status::kUnknown;
  std::optional<int64_t> benefit;           // rupiah, when eligible and known
  std::vector<std::string> failed_clauses;  // when ineligible
  std::vector<std::string> missing_fields;  // what would decide an unknown
  std::vector<std::string> errors;          // division by zero, overflow
};

// How to evaluate.
struct EvaluateOptions {
  int threads = 0;  // RunCaseload: 0 = the cores this process may use; Evaluate runs on the caller's thread
  std::size_t batch_size = 512;  // households per batch
};

// Every result, households in input order, programs in pack order, on the
// calling thread (for many households, RunCaseload streams on all cores).
// Fails (InvalidArgument) when the caseload was read for another pack than
// the plan's. Thread-safe: plan and caseload are only read; the results are
// the caller's.
absl::StatusOr<std::vector<ProgramResult>> Evaluate(const Plan& plan, const Caseload& caseload,
                                                    const EvaluateOptions& options = {});

// Evaluate into `results`, overwriting the rows it holds and resizing it:
// a caller that keeps one vector per thread and evaluates household after
// household (a case-management system) reuses the rows' strings and lists
// instead of allocating them each time. Errors as for Evaluate (on error,
// `results` is left unchanged); InvalidArgument when `results` is null.
// Thread-safe for distinct `results` vectors.
absl::Status EvaluateInto(const Plan& plan, const Caseload& caseload, std::vector<ProgramResult>* results,
                          const EvaluateOptions& options = {});

// Counts of one program.
struct ProgramCounts {
  std::string program;
  uint64_t eligible = 0, ineligible = 0, unknown = 0;
};

// Output formats of RunCaseload.
enum class OutputFormat { kNone, kCsv, kJsonl };

// A whole-caseload run that streams rows to a sink, for large caseloads.
struct RunOptions {
  EvaluateOptions evaluate;
  OutputFormat format = OutputFormat::kNone;
  std::function<void(std::string_view)> sink;  // receives output text in order
  std::string summary_by;                      // a household enum field, or empty
  std::function<void(std::size_t done, std::size_t total)> progress;
  bool write_header = true;  // the provenance and column header (first chunk only)
  // Results to share beyond the case worker: ids become positions (or, with
  // a key, HMAC-SHA256 pseudonyms), sensitive field names leave missing
  // lists, and programs whose criteria read a sensitive field are left out
  // of rows (not of the counts).
  bool redact = false;
  std::string redact_key;
};

// The programs whose rows a redacted run leaves out (they read sensitive fields).
std::vector<std::string> RedactedPrograms(const Plan& plan);

// Counts per program, and per group when summary_by is set.
struct RunSummary {
  std::vector<ProgramCounts> programs;  // pack order
  std::vector<std::string> groups;      // group values; the last is "(unknown)"
  std::vector<std::vector<ProgramCounts>> by_group;
};

// The number of cores this process may use (its CPU affinity).
int AvailableThreads();

// Evaluates the caseload on `options.evaluate.threads` threads; writes rows
// (with a provenance header) in input order to `sink` when a format is set.
// Nothing is kept per row. Fails (InvalidArgument) when the caseload was
// read for another pack, or `summary_by` names no household enum field; the
// sink and progress callbacks are called from the calling thread only.
absl::StatusOr<RunSummary> RunCaseload(const Plan& plan, const Caseload& caseload, const RunOptions& options);

}  // namespace layak

#endif  // LAYAK_EVALUATE_H_
